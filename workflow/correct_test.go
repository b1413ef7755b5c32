package workflow

import (
	"fmt"
	"reflect"
	"testing"
)

// registrationOf is what the store would read of a case driven by the tests.
func registrationOf(c Case) Registration {
	return Registration{Kind: c.Kind, Round: c.Round, Channel: "post", ReceivedOn: c.ReceivedOn, Subject: "Trích yếu"}
}

// correction builds a correct act on c changing its registration with edit.
func correction(c Case, on string, edit func(r *Registration)) Input {
	before := registrationOf(c)
	after := before
	edit(&after)
	return Input{Event: EvCorrect, On: date(on), Reason: "Nhập nhầm khi tiếp nhận",
		Correction: &Correction{Before: before, After: after.Normalised()}}
}

func newSubject(r *Registration) { r.Subject = "Trích yếu đã sửa" }

// dueLines lists each clock as "name due [stopped]", in the case's order.
func dueLines(c Case) []string {
	var out []string
	for _, k := range c.Clocks {
		s := fmt.Sprintf("%s %s+%d=%s", k.Name, k.StartedOn, k.Days, k.DueOn)
		if !k.StoppedOn.IsZero() {
			s += " stopped " + k.StoppedOn.String()
		}
		out = append(out, s)
	}
	return out
}

func TestCorrectIsAllowedByRoleAndState(t *testing.T) {
	env := testEnv()
	for _, v := range variants {
		for _, s := range States {
			base := reach(t, env, v.kind, v.round, s)
			base.Assignee = handler.Login
			for _, a := range []Actor{reception, head, handler, supervisor, admin} {
				t.Run(fmt.Sprintf("%s/%s/%s", v.name, s, a.Role), func(t *testing.T) {
					n, rec, err := Apply(base, correction(base, "2026-11-25", newSubject), a, env)
					wantOK := !s.Final() && (a.Role == RoleReception || a.Role == RoleHead)
					switch {
					case wantOK && err != nil:
						t.Fatalf("refused: %v", err)
					case !wantOK && err == nil:
						t.Fatalf("allowed, want refused")
					case !wantOK && s.Final() && (a.Role == RoleReception || a.Role == RoleHead):
						if ErrorCode(err) != CodeIllegalTransition {
							t.Errorf("code %s, want %s", ErrorCode(err), CodeIllegalTransition)
						}
					case !wantOK && !s.Final():
						if ErrorCode(err) != CodeForbidden {
							t.Errorf("code %s, want %s", ErrorCode(err), CodeForbidden)
						}
					}
					if err != nil {
						return
					}
					if n.State != s || rec.FromState != s || rec.ToState != s || n.Version != base.Version+1 {
						t.Errorf("state %s→%s version %d: a correction changes no state", rec.FromState, n.State, n.Version)
					}
					if rec.Payload["reason"] != "Nhập nhầm khi tiếp nhận" ||
						!reflect.DeepEqual(rec.Payload["before"], map[string]any{"subject": "Trích yếu"}) ||
						!reflect.DeepEqual(rec.Payload["after"], map[string]any{"subject": "Trích yếu đã sửa"}) {
						t.Errorf("payload %v", rec.Payload)
					}
					if !reflect.DeepEqual(n.Clocks, base.Clocks) {
						t.Errorf("a new subject moved the clocks:\n%v\n%v", dueLines(base), dueLines(n))
					}
				})
			}
		}
	}
}

func TestCorrectRefusals(t *testing.T) {
	env := testEnv()
	received := drive(t, env, intake(Complaint, 1, "2026-10-01"))
	accepted := drive(t, env, intake(Complaint, 1, "2026-10-01"), assignOn("2026-10-02"), acceptOn("2026-10-05"))
	for _, tc := range []struct {
		name  string
		c     Case
		in    Input
		code  Code
		field string
	}{
		{"ReasonRequired", received, func() Input {
			in := correction(received, "2026-11-25", newSubject)
			in.Reason = " "
			return in
		}(), CodeInvalid, "reason"},
		{"NothingChanged", received, correction(received, "2026-11-25", func(*Registration) {}), CodeInvalid, ""},
		{"KindAfterAcceptance", accepted, correction(accepted, "2026-11-25", func(r *Registration) { r.Kind = Petition }),
			CodeCorrectionLocked, "kind"},
		{"RoundAfterAcceptance", accepted, correction(accepted, "2026-11-25", func(r *Registration) { r.Round = 2 }),
			CodeCorrectionLocked, "kind"},
		{"ReceivedInTheFuture", received, correction(received, "2026-11-25", func(r *Registration) { r.ReceivedOn = date("2026-11-26") }),
			CodeInvalid, "received_on"},
		{"ReceivedAfterTheFirstAct", accepted, func() Input {
			in := correction(accepted, "2026-11-25", func(r *Registration) { r.ReceivedOn = date("2026-10-03") })
			in.Correction.FirstActOn = date("2026-10-02")
			return in
		}(), CodeInvalid, "received_on"},
		{"ReceivedAfterTheCorrection", received, correction(received, "2026-10-01", func(r *Registration) { r.ReceivedOn = date("2026-10-02") }),
			CodeInvalid, "received_on"},
		{"ReceivedBefore2000", received, correction(received, "2026-11-25", func(r *Registration) { r.ReceivedOn = date("1999-12-31") }),
			CodeInvalid, "received_on"},
		{"UnknownChannel", received, correction(received, "2026-11-25", func(r *Registration) { r.Channel = "fax" }),
			CodeInvalid, "channel"},
		{"EmptySubject", received, correction(received, "2026-11-25", func(r *Registration) { r.Subject = "" }),
			CodeInvalid, "subject"},
		{"ComplaintRoundThree", received, correction(received, "2026-11-25", func(r *Registration) { r.Round = 3 }),
			CodeInvalid, "round"},
		{"DisciplinaryComplaintMadeADenunciation", func() Case {
			in := intake(Complaint, 1, "2026-10-01")
			in.Disciplinary = true
			return drive(t, env, in)
		}(), Input{}, CodeInvalid, "disciplinary"},
		{"AnonymousComplaint", func() Case {
			in := intake(Petition, 0, "2026-10-01")
			in.Anonymous = true
			return drive(t, env, in)
		}(), Input{}, CodeInvalid, "kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			switch tc.name {
			case "AnonymousComplaint":
				in = correction(tc.c, "2026-11-25", func(r *Registration) { r.Kind = Complaint })
			case "DisciplinaryComplaintMadeADenunciation":
				in = correction(tc.c, "2026-11-25", func(r *Registration) { r.Kind = Denunciation })
			}
			n, _, err := Apply(tc.c, in, reception, env)
			var e *Error
			if err == nil || ErrorCode(err) != tc.code {
				t.Fatalf("err %v, want code %s", err, tc.code)
			}
			if e, _ = err.(*Error); e.Field != tc.field {
				t.Errorf("field %q, want %q", e.Field, tc.field)
			}
			if !reflect.DeepEqual(n, tc.c) {
				t.Error("a refused correction changed the case")
			}
		})
	}
}

func TestCorrectRecountsTheClocksThatStartAtReceipt(t *testing.T) {
	env := testEnv()
	t.Run("EarlierReceivedDate", func(t *testing.T) {
		c := drive(t, env, intake(Complaint, 1, "2026-10-01"), assignOn("2026-10-02"))
		n, rec, err := Apply(c, correction(c, "2026-10-05", func(r *Registration) { r.ReceivedOn = date("2026-09-30") }), head, env)
		if err != nil {
			t.Fatal(err)
		}
		// Wed 30/09, 10 WD: 01–02/10, 05–09/10, 12–14/10; 7 WD: … 09/10.
		want := []string{"processing 2026-09-30+10=2026-10-14", "acceptance 2026-09-30+7=2026-10-09"}
		if got := dueLines(n); !reflect.DeepEqual(got, want) {
			t.Errorf("clocks %v, want %v", got, want)
		}
		wantRecount := []map[string]any{
			{"clock": "processing", "old_due_on": "2026-10-15", "new_due_on": "2026-10-14"},
			{"clock": "acceptance", "old_due_on": "2026-10-12", "new_due_on": "2026-10-09"},
		}
		if !reflect.DeepEqual(rec.Payload["recounted"], wantRecount) {
			t.Errorf("recounted %v, want %v", rec.Payload["recounted"], wantRecount)
		}
		if !n.ReceivedOn.Equal(date("2026-09-30")) || !n.MatterStartedOn.Equal(date("2026-09-30")) {
			t.Errorf("received %s matter %s, want both 2026-09-30", n.ReceivedOn, n.MatterStartedOn)
		}
	})
	t.Run("AcrossTheDayTheRuleChanged", func(t *testing.T) {
		// Complaints received before 01/07/2026 have 10 WD to be accepted, 7 WD from then (ND 155/2026).
		c := drive(t, env, intake(Complaint, 1, "2026-07-02"))
		n, _, err := Apply(c, correction(c, "2026-07-03", func(r *Registration) { r.ReceivedOn = date("2026-06-29") }), reception, env)
		if err != nil {
			t.Fatal(err)
		}
		if i := n.clock(ClockAcceptance); i < 0 || n.Clocks[i].Days != 10 || n.Clocks[i].Basis == c.Clocks[c.clock(ClockAcceptance)].Basis {
			t.Errorf("acceptance %v, want 10 WD under the rule in force on 29/06/2026", dueLines(n))
		}
	})
	t.Run("NewKindStartsItsOwnClocks", func(t *testing.T) {
		c := drive(t, env, intake(Complaint, 1, "2026-10-01"))
		n, rec, err := Apply(c, correction(c, "2026-10-02", func(r *Registration) { r.Kind = Denunciation }), reception, env)
		if err != nil {
			t.Fatal(err)
		}
		if n.Kind != Denunciation || n.Round != 0 {
			t.Errorf("kind %s round %d, want denunciation round 0", n.Kind, n.Round)
		}
		i := n.clock(ClockAcceptance)
		if i < 0 || n.Clocks[i].Basis != "LTC 2018 Art. 24(1)" || n.Clocks[i].Days != 7 {
			t.Errorf("acceptance %+v, want the denunciation's 7 WD (LTC 24(1))", n.Clocks)
		}
		if !reflect.DeepEqual(rec.Payload["before"], map[string]any{"kind": Complaint, "round": 1}) ||
			!reflect.DeepEqual(rec.Payload["after"], map[string]any{"kind": Denunciation, "round": 0}) {
			t.Errorf("payload %v", rec.Payload)
		}
	})
	t.Run("ExtensionsStayGranted", func(t *testing.T) {
		c := drive(t, env, intake(Denunciation, 0, "2026-10-01"), extendOn("2026-10-05", 3))
		n, _, err := Apply(c, correction(c, "2026-10-05", func(r *Registration) { r.ReceivedOn = date("2026-09-30") }), head, env)
		if err != nil {
			t.Fatal(err)
		}
		k := n.Clocks[n.clock(ClockAcceptance)]
		if k.Days != 10 || k.Extensions != 1 || !k.StartedOn.Equal(date("2026-09-30")) {
			t.Errorf("acceptance %+v, want 10 WD (7 + 3 granted) from 30/09", k)
		}
	})
	t.Run("StoppedClocksStayAsTheyWere", func(t *testing.T) {
		c := drive(t, env, intake(Complaint, 1, "2026-10-01"), assignOn("2026-10-02"), acceptOn("2026-10-05"))
		n, rec, err := Apply(c, correction(c, "2026-11-25", func(r *Registration) { r.ReceivedOn = date("2026-09-29") }), head, env)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(n.Clocks, c.Clocks) {
			t.Errorf("clocks moved:\n%v\n%v", dueLines(c), dueLines(n))
		}
		if _, ok := rec.Payload["recounted"]; ok {
			t.Errorf("recounted %v, want none", rec.Payload["recounted"])
		}
		if !n.ReceivedOn.Equal(date("2026-09-29")) {
			t.Errorf("received %s, want 2026-09-29", n.ReceivedOn)
		}
	})
	t.Run("MatterFromRoundOneStays", func(t *testing.T) {
		in := intake(Complaint, 2, "2026-10-01")
		in.PriorMatterFrom = date("2026-03-02")
		c := drive(t, env, in)
		corr := correction(c, "2026-10-02", func(r *Registration) { r.ReceivedOn = date("2026-09-30") })
		corr.Correction.Before.PriorCaseID, corr.Correction.After.PriorCaseID = 7, 7
		n, _, err := Apply(c, corr, reception, env)
		if err != nil {
			t.Fatal(err)
		}
		if !n.MatterStartedOn.Equal(date("2026-03-02")) {
			t.Errorf("matter %s, want the round-1 case's 2026-03-02", n.MatterStartedOn)
		}
	})
}

func TestCheckPriorRound(t *testing.T) {
	env := testEnv()
	cal := env.Calendar
	decided := reach(t, env, Complaint, 1, Resolved)
	open := drive(t, env, intake(Complaint, 1, "2026-10-01"), assignOn("2026-10-02"), acceptOn("2026-10-05"))
	due := open.Clocks[open.clock(ClockResolution)].DueOn
	never := drive(t, env, intake(Complaint, 1, "2026-03-02"))
	for _, tc := range []struct {
		name     string
		kind     Kind
		round    int
		prior    Case
		same     bool
		received Date
		code     Code
	}{
		{"Decided", Complaint, 2, decided, true, testToday, ""},
		{"PastTheResolutionDeadline", Complaint, 2, open, true, due.AddDays(1), ""},
		{"OnTheDeadlineDay", Complaint, 2, open, true, due, CodePriorUndecided},
		{"NeverAcceptedAndLongPast", Complaint, 2, never, true, date("2026-11-20"), ""},
		{"NeverAcceptedStillInTime", Complaint, 2, never, true, date("2026-03-20"), CodePriorUndecided},
		{"Rejected", Complaint, 2, reach(t, env, Complaint, 1, Rejected), true, testToday, CodePriorUndecided},
		{"NotRoundTwo", Complaint, 1, decided, true, testToday, CodePriorRound},
		{"PriorIsRoundTwo", Complaint, 2, reach(t, env, Complaint, 2, Resolved), true, testToday, CodePriorNotRoundOne},
		{"PriorIsADenunciation", Complaint, 2, reach(t, env, Denunciation, 0, Resolved), true, testToday, CodePriorNotRoundOne},
		{"AnotherComplainant", Complaint, 2, decided, false, testToday, CodePriorOtherPerson},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckPriorRound(tc.kind, tc.round, tc.prior, tc.same, tc.received, cal)
			if tc.code == "" && err != nil || tc.code != "" && ErrorCode(err) != tc.code {
				t.Errorf("err %v, want code %q", err, tc.code)
			}
		})
	}
}
