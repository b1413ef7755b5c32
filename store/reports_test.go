package store_test

import (
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// Issue 17: every cell of every form, on a small history counted by hand.
// The period is 01/11/2026–20/11/2026; every case is KH-UBND's. The letters:
//
//	A complaint r1  received 20/10, accepted 25/10, decided 10/11 partly right:
//	                recover 120,5 Trđ, 2 people proposed for sanctions (1 official); due 24/11: on time;
//	                carried out: 100 Trđ recovered and 1 official sanctioned 15/11, the rest and done 19/11
//	B complaint r1  received 28/10, transferred 05/11 (guided)
//	C complaint r1  received 03/11, classified land 04/11, accepted 06/11
//	D complaint r2  received 12/11 after E's decision, accepted 14/11
//	E complaint r1  received 01/09, accepted 05/09, decided 10/10 (wrong): before the period; carried out 20/10
//	F denunciation  received 02/11, filed 04/11 (anonymous)
//	G denunciation  received 15/10, accepted 20/10, classified corruption 21/10, concluded 18/11 untrue; due 19/11: on time
//	H denunciation  received 20/09, accepted 25/09, concluded 05/11 true, 1 case and 2 people (2 officials)
//	                sent to investigators; due 25/10: late
//	I denunciation  received 10/11, accepted 12/11, withdrawn 16/11
//	J petition      received 05/11, accepted 07/11, answered 15/11
//	K petition      received 19/11, transferred 20/11 (urged)
//	M petition      received 18/11, not processed
//	L petition      received 21/11: after the period
//
// And the reception book: S1 the head's day 10/11 (V1 a crowd of 12, first;
// V2 one person again: a repeat), S2 a deputy's day 17/11 (V3 one person,
// first), S3 the staff's regular day 06/11 (V4 a crowd of 6, first), V5 at
// the desk 19/11 (V4's person again), S4 a dialogue before a decision 12/11
// (not reception), V6 at the desk 25/11 (after the period).
func TestReportsCountedByHand(t *testing.T) {
	w := mustWorld(t)
	d := workflow.MustDate
	w.user("handler")
	on := func(e workflow.Event, day string) workflow.Input { return ev(e, day) }
	resolve := func(day string, o workflow.Outcome) workflow.Input {
		in := ev(workflow.EvResolve, day)
		in.Outcome, in.Summary = o, "Kết quả giải quyết"
		return in
	}
	letterOn := func(k workflow.Kind, round int, day string) store.NewCase { return letter(k, round, day) }

	a := resolve("2026-11-10", workflow.PartlyCorrect)
	a.RecoverMoney, a.SanctionPersons, a.SanctionOfficials = 120.5, 2, 1
	paid := ev(workflow.EvImplement, "2026-11-15")
	paid.RecoveredMoney, paid.SanctionedPersons, paid.SanctionedOfficials = 100, 1, 1
	rest := ev(workflow.EvImplement, "2026-11-19")
	rest.RecoveredMoney, rest.Completed = 20.5, true
	w.acts(w.register("reception", letterOn(workflow.Complaint, 1, "2026-10-20")),
		on(workflow.EvAssign, "2026-10-20"), on(workflow.EvAccept, "2026-10-25"), a, paid, rest)
	b := ev(workflow.EvTransfer, "2026-11-05")
	b.Target, b.Mode = "UBND phường Nha Trang", workflow.ModeGuide
	w.acts(w.register("reception", letterOn(workflow.Complaint, 1, "2026-10-28")), b)
	c := ev(workflow.EvClassify, "2026-11-04")
	c.Domain = workflow.DomainLand
	w.acts(w.register("reception", letterOn(workflow.Complaint, 1, "2026-11-03")),
		on(workflow.EvAssign, "2026-11-03"), c, on(workflow.EvAccept, "2026-11-06"))
	carried := ev(workflow.EvImplement, "2026-10-20")
	carried.Completed = true
	e := w.acts(w.register("reception", letterOn(workflow.Complaint, 1, "2026-09-01")),
		on(workflow.EvAssign, "2026-09-01"), on(workflow.EvAccept, "2026-09-05"), resolve("2026-10-10", workflow.Wrong), carried)
	second := letterOn(workflow.Complaint, 2, "2026-11-12")
	second.PriorCaseID = e.ID
	w.acts(w.register("reception", second), on(workflow.EvAssign, "2026-11-12"), on(workflow.EvAccept, "2026-11-14"))

	anonymous := letterOn(workflow.Denunciation, 0, "2026-11-02")
	anonymous.Intake.Anonymous, anonymous.Petitioner = true, store.Petitioner{}
	f := ev(workflow.EvFile, "2026-11-04")
	f.ReasonCode = "TC-NP-07"
	w.acts(w.register("reception", anonymous), f)
	g := ev(workflow.EvClassify, "2026-10-21")
	g.Domain = workflow.DomainCorruption
	w.acts(w.register("reception", letterOn(workflow.Denunciation, 0, "2026-10-15")),
		on(workflow.EvAssign, "2026-10-15"), on(workflow.EvAccept, "2026-10-20"), g, resolve("2026-11-18", workflow.Wrong))
	h := resolve("2026-11-05", workflow.Correct)
	h.ReferredCases, h.ReferredPersons, h.ReferredOfficials = 1, 2, 2
	w.acts(w.register("reception", letterOn(workflow.Denunciation, 0, "2026-09-20")),
		on(workflow.EvAssign, "2026-09-20"), on(workflow.EvAccept, "2026-09-25"), h)
	w.acts(w.register("reception", letterOn(workflow.Denunciation, 0, "2026-11-10")),
		on(workflow.EvAssign, "2026-11-10"), on(workflow.EvAccept, "2026-11-12"), on(workflow.EvWithdraw, "2026-11-16"))

	w.acts(w.register("reception", letterOn(workflow.Petition, 0, "2026-11-05")),
		on(workflow.EvAssign, "2026-11-05"), on(workflow.EvAccept, "2026-11-07"), resolve("2026-11-15", workflow.Answered))
	k := ev(workflow.EvTransfer, "2026-11-20")
	k.Target, k.Mode = "UBND phường Nha Trang", workflow.ModeUrge
	w.acts(w.register("reception", letterOn(workflow.Petition, 0, "2026-11-19")), k)
	w.register("reception", letterOn(workflow.Petition, 0, "2026-11-18"))
	w.register("reception", letterOn(workflow.Petition, 0, "2026-11-21"))

	session := func(on string, kind workflow.SessionKind, host workflow.SessionHost) int64 {
		t.Helper()
		in := store.NewSession{Unit: "KH-UBND", Head: "head", Kind: kind, Form: workflow.FormDirect, HeldOn: d(on), Host: host,
			State: workflow.SessionHeld}
		if host != workflow.HostHead {
			in.HostName = "Lê Văn Phó"
		}
		if kind == workflow.SessionRegular {
			in.Head = ""
		}
		r, err := w.s.CreateReceptionSession(w.ctx, w.user("reception"), in)
		if err != nil {
			t.Fatalf("session %s %s: %v", on, kind, err)
		}
		return r.ID
	}
	visit := func(sessionID int64, on, id string, people int, reps ...string) {
		t.Helper()
		in := store.NewVisit{SessionID: sessionID, Unit: "KH-UBND", VisitedOn: d(on), Kind: workflow.Complaint, People: people,
			Visitor: store.Visitor{Petitioner: store.Petitioner{Name: "Công dân " + id, IDNumber: id}, Representatives: reps},
			Content: "Hỏi về bồi thường", Outcome: workflow.VisitGuided}
		if _, err := w.s.RecordVisit(w.ctx, w.user("reception"), in); err != nil {
			t.Fatalf("visit %s: %v", on, err)
		}
	}
	s1 := session("2026-11-10", workflow.SessionPeriodic, workflow.HostHead)
	visit(s1, "2026-11-10", "056090000001", 12, "Công dân 056090000001", "Trần Thị Hai")
	visit(s1, "2026-11-10", "056090000001", 1)
	visit(session("2026-11-17", workflow.SessionPeriodic, workflow.HostDeputy), "2026-11-17", "056090000002", 1)
	visit(session("2026-11-06", workflow.SessionRegular, workflow.HostStaff), "2026-11-06", "056090000003", 6, "Công dân 056090000003")
	visit(0, "2026-11-19", "056090000003", 1)
	session("2026-11-12", workflow.SessionPreDecision, workflow.HostHead)
	visit(0, "2026-11-25", "056090000004", 1)

	period, err := workflow.RangePeriod(d("2026-11-01"), d("2026-11-20"))
	if err != nil {
		t.Fatal(err)
	}
	units := []int64{w.unitID("KH-UBND")}
	for _, tc := range []struct {
		form string
		want []float64 // column 1, 2, …
	}{
		// 1 to process B C D F I J K M; 2 carried B; 3 received C D F I J K M; 4 processed B C D F I J K;
		// 5 not processed M; 6–7 eligible B C D I J K; 8 complaints B C D; 9 denunciations I; 10 petitions J K;
		// 11 decided once before D; 12 none; 13 B C I J K; 14 within C D I J; 15 C D; 16 I; 17 J;
		// 18 outside B K; 19 guided B; 20 none; 21 urged K; 22 no act records replies.
		{"01-XLD", []float64{8, 1, 7, 7, 1, 6, 6, 3, 1, 2, 1, 0, 5, 4, 2, 1, 1, 2, 1, 0, 1, 0}},
		// Complaints. 1 B C D; 2 B; 3 C D; 4–6 processed B | C D; 7–8 eligible B C D;
		// 9 administrative B C D; 10 policy none; 11 land C; 12 other B D (unclassified); 13–15 none;
		// 16 decided once D; 17–18 none; 19 not yet B C; 20 within C D; 21 round 1 C; 22 round 2 D;
		// 23 outside B; 24 guided B; 25 none; 26 none.
		{"02-XLD", []float64{3, 1, 2, 3, 1, 2, 3, 3, 3, 0, 1, 2, 0, 0, 0, 1, 0, 0, 2, 2, 1, 1, 1, 1, 0, 0}},
		// Denunciations. 1 F I; 2 none; 3 F I; 4 F I; 5 none; 6 F I; 7–8 eligible I (F filed);
		// 9 administrative I (unclassified); 13 other administrative I; 20 not yet resolved I;
		// 21–22 within, first time I; the rest none.
		{"03-XLD", []float64{2, 0, 2, 2, 0, 2, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0}},
		// Petitions. 1 J K M; 3 J K M; 4 J K; 6 J K; 7–8 J K; 12 other J K (unclassified);
		// 14 not decided before J K; 15 within J; 16 outside K; 18 urged K; 19 answered by 20/11 J.
		{"04-XLD", []float64{3, 0, 3, 2, 0, 2, 2, 2, 0, 0, 0, 2, 0, 2, 1, 1, 0, 1, 1, 0}},
		// Complaints accepted. 1 A C D; 2 A (E ended 10/10); 3 C D; 4 A C D; 5 decided A; 6 none;
		// 7 120,5 Trđ; 15 two people, 16 one official; 22 round 1 partly right A; 25 on time A.
		{"01-KQGQ", []float64{3, 1, 2, 3, 1, 0, 120.5, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0}},
		// Decisions to carry out: A (E's was carried out before the period); done A (19/11); 120,5 to recover,
		// 100 + 20,5 recovered; 1 person sanctioned, an official.
		{"02-KQGQ", []float64{1, 1, 120.5, 0, 120.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0}},
		// Denunciations accepted. 1 G H I; 2 G H; 3 I; 4 G H I; 6 G H I; 7 concluded G H; 9 withdrawn I;
		// 21 one case, 22 two people, 23 two officials sent to investigators (H);
		// 24 true H; 26 untrue G; 30 on time G; 31 late H.
		{"TC-KQGQ", []float64{3, 2, 1, 3, 0, 3, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 1, 0, 1, 0, 0, 0, 1, 1}},
		// Reception. 1 V1–V5; 2 12+1+1+6+1; 3 five cases; regular 4 V4 V5, 5 six and one, 6 V4, 7 V5,
		// 8–10 the crowd V4; the head 12 S1, 13 V1 V2, 14 twelve and one, 15 V1, 16 V2, 17–19 the crowd V1;
		// delegated 21 S2, 22–24 V3.
		{"01-TCD", []float64{5, 21, 5, 2, 7, 1, 1, 1, 6, 1, 0, 1, 2, 13, 1, 1, 1, 12, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0}},
	} {
		f := workflow.FormByCode(tc.form)
		entries, err := w.s.ReportEntries(w.ctx, f, units, period)
		if err != nil {
			t.Fatal(err)
		}
		r := f.Tally(entries, period, units)
		if len(tc.want) != len(f.Columns) {
			t.Fatalf("%s has %d columns; the test counted %d", tc.form, len(f.Columns), len(tc.want))
		}
		for i, want := range tc.want {
			if got := r.Total[i]; got != want {
				t.Errorf("%s column %d (%s): %v, want %v", tc.form, i+1, f.Columns[i].Path, got, want)
			}
		}
		for _, ch := range r.Checks {
			if !ch.OK {
				t.Errorf("%s: %s fails on entries %v", tc.form, ch.Name, ch.Entries)
			}
		}
	}
}

// A merger (the communes rearranged from 01/07/2025): the unit that ended
// names its successor once; never itself, nor a unit that has ended.
func TestMergeUnit(t *testing.T) {
	w := mustWorld(t)
	d := workflow.MustDate
	if _, err := w.s.CreateUnit(w.ctx, "KH-CL", "UBND xã Cam Lâm (cũ)", "commune", "KH-UBND"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ code, into, field string }{
		{"KH-CL", "KH-CL", "successor"}, {"KH-CL", "KH-XX", "successor"},
	} {
		if _, err := w.s.MergeUnit(w.ctx, tc.code, tc.into, d("2025-07-01")); err == nil || err.(*workflow.Error).Field != tc.field {
			t.Errorf("%s into %s: %v", tc.code, tc.into, err)
		}
	}
	u, err := w.s.MergeUnit(w.ctx, "KH-CL", "KH-NT", d("2025-07-01"))
	if err != nil || u.SuccessorID == nil || *u.SuccessorID != w.unitID("KH-NT") || u.ValidTo.String() != "2025-06-30" {
		t.Fatalf("merged: %+v, %v", u, err)
	}
	if _, err := w.s.MergeUnit(w.ctx, "KH-CL", "KH-UBND", d("2025-07-01")); workflow.ErrorCode(err) != workflow.CodeIllegalTransition {
		t.Errorf("merged twice: %v", err)
	}
	if _, err := w.s.MergeUnit(w.ctx, "KH-UBND", "KH-CL", d("2025-07-01")); err == nil || err.(*workflow.Error).Field != "successor" {
		t.Errorf("into a unit that ended: %v", err)
	}
}

// TestReportCasesReadTheirIndex pins down the plan docs/PERFORMANCE.md
// rests on: the cases a report counts, and the acts kept on them, are read
// from cases_report alone, not from the cases' rows, kilobytes each.
func TestReportCasesReadTheirIndex(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("SQLite's plan; PostgreSQL reads the rows for their acts (migration 00023)")
	}
	w := mustWorld(t)
	w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	p, err := workflow.OfficialPeriod("Y-2026")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := w.s.ReportCasesPlan(w.ctx, "01-XLD", w.viewer("supervisor").Scope, p)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.ReadsCovering("cases_report") {
		t.Errorf("the cases should be read from cases_report alone, got plan:\n%s", plan)
	}
}

// Migration 00020 keeps whether a case was decided late (workflow.Case.DecidedLate)
// in a column, and gives the cases already decided theirs from their clocks.
func TestDecidedLateKeptAndBackFilled(t *testing.T) {
	w := mustWorld(t)
	w.user("handler")
	decide := func(accepted, decided string) store.Case {
		c := w.register("reception", letter(workflow.Denunciation, 0, "2026-09-20"))
		a := ev(workflow.EvAssign, "2026-09-20")
		a.Assignee = "handler"
		r := ev(workflow.EvResolve, decided)
		r.Outcome, r.Summary = workflow.Correct, "Kết luận"
		return w.act("head", w.act("head", w.act("head", c, a), ev(workflow.EvAccept, accepted)), r)
	}
	late, inTime := decide("2026-09-25", "2026-11-05"), decide("2026-09-25", "2026-10-20") // due 26/10
	if !late.DecidedLate() || inTime.DecidedLate() {
		t.Fatalf("decided 05/11 late %v, 20/10 late %v; want true, false", late.DecidedLate(), inTime.DecidedLate())
	}
	w.s.Close()
	db := storetest.Raw(t, w.dsn)
	undoReportActs(t, db)                              // 00023: undone with what it follows
	mustExec(t, db, `DROP TABLE visit_identity_reads`) // 00022
	mustExec(t, db, `ALTER TABLE cases DROP COLUMN decided_late`)
	mustExec(t, db, `DELETE FROM goose_db_version WHERE version_id >= 20`)
	s, err := store.Open(w.ctx, w.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got []int64
	if err := db.Select(&got, db.Rebind(`SELECT id FROM cases WHERE decided_late = ? ORDER BY id`), true); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != late.ID {
		t.Errorf("back-filled as late: %v, want [%d]", got, late.ID)
	}
}

// A letter not accepted (không thụ lý) ended its processing within the
// body's competence: 01/XLD counts it processed, eligible and within.
func TestReportsCountARefusal(t *testing.T) {
	w := mustWorld(t)
	w.user("handler")
	c := w.register("reception", letter(workflow.Complaint, 1, "2026-11-02"))
	a := ev(workflow.EvAssign, "2026-11-02")
	a.Assignee = "handler"
	r := ev(workflow.EvReject, "2026-11-05")
	r.ReasonCode = "KN-NA-06"
	w.act("head", w.act("head", c, a), r)
	p, _ := workflow.RangePeriod(workflow.MustDate("2026-11-01"), workflow.MustDate("2026-11-30"))
	f := workflow.FormByCode("01-XLD")
	units := []int64{w.unitID("KH-UBND")}
	entries, err := w.s.ReportEntries(w.ctx, f, units, p)
	if err != nil {
		t.Fatal(err)
	}
	got := f.Tally(entries, p, units).Total
	if got[0] != 1 || got[3] != 1 || got[4] != 0 || got[5] != 1 || got[13] != 1 || got[14] != 1 || got[17] != 0 {
		t.Errorf("a refusal in 01/XLD: columns 1, 4, 5, 6, 14, 15, 18 = %v %v %v %v %v %v %v, want 1 1 0 1 1 1 0",
			got[0], got[3], got[4], got[5], got[13], got[14], got[17])
	}
	early, _ := workflow.RangePeriod(workflow.MustDate("2026-11-01"), workflow.MustDate("2026-11-04"))
	entries, _ = w.s.ReportEntries(w.ctx, f, units, early)
	if got := f.Tally(entries, early, units).Total; got[3] != 0 || got[4] != 1 {
		t.Errorf("before the refusal: processed %v, not processed %v; want 0, 1", got[3], got[4])
	}
}
