package workflow

import (
	"testing"
)

func days(ds ...string) []Date {
	out := make([]Date, len(ds))
	for i, d := range ds {
		out[i] = MustDate(d)
	}
	return out
}

// The minimums by level and date, on both sides of 01/07/2026 (DOMAIN.md §6).
func TestReceptionMinimums(t *testing.T) {
	for _, tc := range []struct {
		level HeadLevel
		on    string
		days  int
		per   Period
	}{
		{LevelCommune, "2026-06-30", 1, PerWeek},
		{LevelCommune, "2026-07-01", 2, PerMonth},
		{LevelCommune, "2020-01-06", 1, PerWeek},
		{LevelProvince, "2026-06-30", 1, PerMonth},
		{LevelProvince, "2026-07-01", 1, PerMonth},
		{LevelAgency, "2027-03-01", 1, PerMonth},
	} {
		m, ok := MinimumOn(tc.level, MustDate(tc.on))
		if !ok || m.Days != tc.days || m.Per != tc.per || m.Basis == "" {
			t.Errorf("MinimumOn(%s, %s) = %+v, %v; want %d a %s", tc.level, tc.on, m, ok, tc.days, tc.per)
		}
	}
	if _, ok := MinimumOn("district", MustDate("2026-01-05")); ok {
		t.Error("a district chair has a minimum; the level was abolished on 01/07/2025")
	}
}

func TestMonthCompliance(t *testing.T) {
	for _, tc := range []struct {
		name          string
		level         HeadLevel
		month, asOf   string
		held          []Date
		wantHeld      int
		wantDue, met  int
		meets, closed bool
	}{
		// June 2026: five weeks from their Mondays 1, 8, 15, 22, 29; a commune chair needs a day in each.
		{"commune, every week of June", LevelCommune, "2026-06-01", "2026-07-31",
			days("2026-06-02", "2026-06-09", "2026-06-16", "2026-06-23", "2026-07-02"), 4, 5, 5, true, true},
		{"commune, a week of June missed", LevelCommune, "2026-06-01", "2026-07-31",
			days("2026-06-02", "2026-06-09", "2026-06-16", "2026-06-23", "2026-06-24"), 5, 5, 4, false, true},
		// From July 2026: two days a month, however they fall.
		{"commune, two days in July", LevelCommune, "2026-07-01", "2026-08-03", days("2026-07-02", "2026-07-02", "2026-07-30"), 2, 1, 1, true, true},
		{"commune, one day in July", LevelCommune, "2026-07-01", "2026-08-03", days("2026-07-15"), 1, 1, 0, false, true},
		// A month not over: not yet failing, not yet met.
		{"commune, July under way", LevelCommune, "2026-07-01", "2026-07-15", days("2026-07-02"), 1, 1, 0, true, false},
		{"province, a day in May", LevelProvince, "2026-05-01", "2026-06-30", days("2026-05-20"), 1, 1, 1, true, true},
		{"agency, none in May", LevelAgency, "2026-05-01", "2026-06-30", nil, 0, 1, 0, false, true},
		// Days after the day asked about do not count.
		{"province, the day came later", LevelProvince, "2026-05-01", "2026-05-31", days("2026-06-01"), 0, 1, 0, false, true},
	} {
		c := MonthCompliance(tc.level, MustDate(tc.month), tc.held, MustDate(tc.asOf))
		if c.Held != tc.wantHeld || c.Due != tc.wantDue || c.Met != tc.met || c.Meets != tc.meets || c.Complete != tc.closed {
			t.Errorf("%s: %+v; want held %d, due %d, met %d, meets %v, complete %v", tc.name, c, tc.wantHeld, tc.wantDue,
				tc.met, tc.meets, tc.closed)
		}
	}
}

func TestCheckRepresentatives(t *testing.T) {
	for _, tc := range []struct {
		people, reps int
		ok           bool
	}{
		{1, 0, true}, {4, 0, true}, {4, 1, false}, {5, 0, false}, {5, 1, true}, {10, 2, true}, {10, 3, false},
		{11, 3, true}, {40, 5, true}, {40, 6, false}, {0, 0, false},
	} {
		err := CheckRepresentatives(tc.people, tc.reps)
		if (err == nil) != tc.ok {
			t.Errorf("CheckRepresentatives(%d, %d) = %v, want ok %v", tc.people, tc.reps, err, tc.ok)
		}
		if err != nil && ErrorCode(err) != CodeInvalid {
			t.Errorf("CheckRepresentatives(%d, %d): code %s", tc.people, tc.reps, ErrorCode(err))
		}
	}
}

// Five working days ahead (LTCD Art. 24), holidays stepped over.
func TestScheduleDeadline(t *testing.T) {
	cal := testEnv().Calendar
	for _, tc := range []struct{ on, deadline string }{
		{"2026-06-08", "2026-06-01"}, // Monday: the Monday before
		{"2026-06-12", "2026-06-05"}, // Friday: the Friday before
		{"2026-09-07", "2026-08-26"}, // after Quốc khánh: 31/08, 01/09 and 02/09 off
	} {
		on := MustDate(tc.on)
		if got := ScheduleDeadline(cal, on); got.String() != tc.deadline {
			t.Errorf("ScheduleDeadline(%s) = %s, want %s", tc.on, got, tc.deadline)
		}
		d := MustDate(tc.deadline)
		if !PublishedInTime(cal, d, on) || PublishedInTime(cal, d.AddDays(1), on) {
			t.Errorf("published on %s (in time) or the day after (late) for %s", tc.deadline, tc.on)
		}
	}
}

func TestSessionCheck(t *testing.T) {
	today := MustDate("2026-10-05")
	ok := Session{Kind: SessionPeriodic, Form: FormDirect, Host: HostHead, On: MustDate("2026-10-12"), State: SessionScheduled}
	if err := ok.Check(today); err != nil {
		t.Fatalf("a scheduled periodic session: %v", err)
	}
	for field, bad := range map[string]func(*Session){
		"held_on":     func(s *Session) { s.State = SessionHeld }, // in the future but marked held
		"host":        func(s *Session) { s.Host = HostStaff },
		"host_name":   func(s *Session) { s.Host = HostDeputy },
		"notified_on": func(s *Session) { s.Form = FormOnline },
		"kind":        func(s *Session) { s.Kind = "weekly" },
		"state":       func(s *Session) { s.State = SessionCancelled },
	} {
		s := ok
		bad(&s)
		if err := s.Check(today); ErrorCode(err) != CodeInvalid || err.(*Error).Field != field {
			t.Errorf("%s: %v, want invalid naming it", field, err)
		}
	}
	regular := Session{Kind: SessionRegular, Form: FormDirect, Host: HostStaff, HostName: "Lê Thị Tiếp", On: today, State: SessionHeld}
	if err := regular.Check(today); err != nil {
		t.Errorf("a regular session held today: %v", err)
	}
}

func TestVisitCheck(t *testing.T) {
	today := MustDate("2026-10-05")
	for _, tc := range []struct {
		name  string
		v     Visit
		field string
	}{
		{"guided", Visit{On: today, People: 1, Outcome: VisitGuided}, ""},
		{"a crowd of 4 with representatives", Visit{On: today, People: 4, Representatives: 1, Outcome: VisitGuided}, "crowd.representatives"},
		{"a crowd of 12 with 6", Visit{On: today, People: 12, Representatives: 6, Outcome: VisitGuided}, "crowd.representatives"},
		{"outside its session's day", Visit{On: today, People: 1, Outcome: VisitGuided, SessionOn: today.AddDays(-1)}, "visited_on"},
		{"registered without a case", Visit{On: today, People: 1, Outcome: VisitRegistered}, "case_id"},
		{"transferred without a number", Visit{On: today, People: 1, Outcome: VisitTransferred}, "document_no"},
		{"refused on a ground of ND 154 before it", Visit{On: MustDate("2026-06-30"), People: 1, Outcome: VisitRefused, RefusalCode: "TCD-4A"}, "refusal_code"},
		{"refused on ND 154's ground", Visit{On: today, People: 1, Outcome: VisitRefused, RefusalCode: "TCD-4A"}, ""},
		{"tomorrow", Visit{On: today.AddDays(1), People: 1, Outcome: VisitGuided}, "visited_on"},
	} {
		err := tc.v.Check(today)
		if tc.field == "" && err != nil || tc.field != "" && (ErrorCode(err) != CodeInvalid || err.(*Error).Field != tc.field) {
			t.Errorf("%s: %v, want field %q", tc.name, err, tc.field)
		}
	}
}

func TestYearCompliance(t *testing.T) {
	// A provincial chair who received in January and March but not February, asked on 15/04/2026.
	y := YearCompliance(LevelProvince, days("2026-01-10", "2026-03-03", "2026-04-02"), MustDate("2026-04-15"))
	if y.Held != 3 || y.Required != 4 || y.Due != 4 || y.Met != 3 || y.Meets || y.Complete {
		t.Errorf("year to 15/04/2026: %+v; want 3 held of 4 required, failing, April under way", y)
	}
}

func TestDialogueDuties(t *testing.T) {
	if DialoguesRequired(LevelCommune) != 1 || DialoguesRequired(LevelProvince) != 0 {
		t.Error("a commune holds at least one dialogue conference a year (LTHDCCS Art. 32); a province is not bound by it")
	}
	for _, k := range SessionKinds {
		if want := k == SessionPeriodic || k == SessionAdHoc; k.ReceptionDay() != want {
			t.Errorf("%s counts as a reception day: %v", k, !want)
		}
	}
}

// A conclusion's tasks: each needs its text and a due day or a case; the day
// is not before the conclusion; late is finished after the day, or open past it.
func TestFollowUps(t *testing.T) {
	on := MustDate("2026-11-25")
	for _, tc := range []struct {
		tasks []FollowUp
		field string
	}{
		{[]FollowUp{{Text: "Trả lời công dân", DueOn: on}}, ""},
		{[]FollowUp{{Text: "Thụ lý đơn", CaseID: 7}}, ""},
		{[]FollowUp{{Text: "Trả lời", DueOn: on}, {Text: " ", DueOn: on}}, "tasks[1].text"},
		{[]FollowUp{{Text: "Trả lời"}}, "tasks[0].due_on"},
		{[]FollowUp{{Text: "Trả lời", DueOn: on.AddDays(-1)}}, "tasks[0].due_on"},
		{make([]FollowUp, MaxFollowUps+1), "tasks"},
	} {
		err := CheckFollowUps(tc.tasks, on)
		if got := ""; err != nil {
			got = err.(*Error).Field
			if got != tc.field {
				t.Errorf("%+v: field %q, want %q", tc.tasks, got, tc.field)
			}
		} else if tc.field != "" {
			t.Errorf("%+v accepted; want refused on %s", tc.tasks, tc.field)
		}
	}
	due := MustDate("2026-12-04")
	for _, tc := range []struct {
		due, done, today string
		late             bool
	}{
		{"2026-12-04", "", "2026-12-04", false},
		{"2026-12-04", "", "2026-12-05", true},
		{"2026-12-04", "2026-12-04", "2027-01-01", false},
		{"2026-12-04", "2026-12-07", "2027-01-01", true},
		{"", "", "2027-01-01", false},
	} {
		d, done := Date{}, Date{}
		if tc.due != "" {
			d = due
		}
		if tc.done != "" {
			done = MustDate(tc.done)
		}
		if got := TaskLate(d, done, MustDate(tc.today)); got != tc.late {
			t.Errorf("due %q done %q on %s: late %v, want %v", tc.due, tc.done, tc.today, got, tc.late)
		}
	}
}
