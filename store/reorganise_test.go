package store_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// reorganiseWorld adds a second commune, KH-VH, beside KH-NT under the
// agency, each with an active case received in October 2026, and a closed
// one in KH-NT.
func reorganiseWorld(t *testing.T) (w *world, nt, vh, closed store.Case) {
	t.Helper()
	w = mustWorld(t)
	if _, err := w.s.AddUnit(w.ctx, w.user("admin"), w.viewer("admin"),
		store.NewUnit{Code: "KH-VH", Name: "UBND xã Vĩnh Hiệp", Level: "commune", Parent: "KH-UBND"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.CreateUser(w.ctx, "reception.vh", "Đinh Tiếp Vĩnh Hiệp", workflow.RoleReception, "KH-VH", "demo"); err != nil {
		t.Fatal(err)
	}
	vhClerk, err := w.s.UserByLogin(w.ctx, "reception.vh")
	if err != nil {
		t.Fatal(err)
	}
	w.users["reception.vh"] = vhClerk
	a := ev(workflow.EvAssign, "2026-10-06")
	a.Assignee = "handler.nt"
	w.user("handler.nt")
	nt = w.act("head.nt", w.register("reception.nt", letter(workflow.Complaint, 1, "2026-10-05")), a)
	vh = w.register("reception.vh", letter(workflow.Petition, 0, "2026-10-12"))
	closed = w.register("reception.nt", letter(workflow.Petition, 0, "2026-10-07"))
	f := ev(workflow.EvFile, "2026-10-09")
	f.ReasonCode = "INELIGIBLE"
	closed = w.act("head.nt", closed, f)
	return w, nt, vh, closed
}

// Issue 19: two communes merge into a new one from 01/11/2026. Their active
// cases move with a history record each, the closed one stays, the users
// move; the backlog, its lists and the reports as of a day before the merger
// read as they did before it, and after it count the new commune.
func TestReorganisationMovesActiveCasesAndKeepsThePast(t *testing.T) {
	w, nt, vh, closed := reorganiseWorld(t)
	if closed.State.Open() || !closed.EarliestDue().IsZero() {
		t.Fatalf("the filed petition is still active: %+v", closed.Case)
	}
	before, after := workflow.MustDate("2026-10-20"), workflow.MustDate("2026-11-10")
	ntID, vhID := w.unitID("KH-NT"), w.unitID("KH-VH")
	october, _ := workflow.RangePeriod(workflow.MustDate("2026-10-01"), workflow.MustDate("2026-10-31"))
	form := workflow.FormByCode("01-XLD")
	type audit struct {
		backlog []workflow.Backlog
		lists   [][]store.BacklogCase
		reports [][]workflow.Entry
	}
	sets := [][]int64{{ntID}, {vhID}, {ntID, vhID}, {w.unitID("KH"), w.unitID("KH-UBND"), ntID, vhID}}
	auditOn := func(day workflow.Date, p workflow.ReportPeriod) audit {
		t.Helper()
		var a audit
		for _, units := range sets {
			b, err := w.s.Backlog(w.ctx, units, day)
			if err != nil {
				t.Fatal(err)
			}
			l, err := w.s.BacklogCases(w.ctx, units, day, workflow.BacklogFilter{Measure: workflow.MeasureOpen})
			if err != nil {
				t.Fatal(err)
			}
			r, err := w.s.ReportEntries(w.ctx, form, units, p)
			if err != nil {
				t.Fatal(err)
			}
			a.backlog, a.lists, a.reports = append(a.backlog, b), append(a.lists, l), append(a.reports, r)
		}
		return a
	}
	then := auditOn(before, october)
	if then.backlog[0].Open != 1 || then.backlog[1].Open != 1 || then.backlog[2].Open != 2 {
		t.Fatalf("before the merger, open: %d %d %d; want 1 1 2", then.backlog[0].Open, then.backlog[1].Open, then.backlog[2].Open)
	}

	done, err := w.s.Reorganise(w.ctx, w.user("admin"), w.viewer("admin"), store.Reorganisation{
		EffectiveOn: workflow.MustDate("2026-11-01"), From: []string{"KH-NT", "KH-VH"},
		Into: []store.Successor{{Code: "KH-HN", Name: "UBND phường Hòa Nha"}}})
	if err != nil {
		t.Fatal(err)
	}
	if done.CasesMoved != 2 || !slices.Equal(done.Ended, []string{"KH-NT", "KH-VH"}) || !slices.Equal(done.Created, []string{"KH-HN"}) || done.UsersMoved != 4 {
		t.Errorf("done: %+v; want 2 cases and the 4 users of the communes moved into the new KH-HN", done)
	}
	hn := w.unitID("KH-HN")
	for _, c := range []store.Case{nt, vh} {
		c = w.reload(c)
		hs := w.history(c.ID)
		last := hs[len(hs)-1]
		var p map[string]string
		_ = json.Unmarshal(last.Payload, &p)
		if c.UnitID != hn || last.Event != "reorganise" || last.On != w.s.Today() || p["to_unit"] != "KH-HN" || p["effective_on"] != "2026-11-01" {
			t.Errorf("case %d: unit %d, last record %s %s %v; want KH-HN and its move", c.ID, c.UnitID, last.Event, last.On, p)
		}
	}
	if c := w.reload(closed); c.UnitID != ntID {
		t.Errorf("the closed case moved to unit %d", c.UnitID)
	}
	if u, _ := w.s.UserByLogin(w.ctx, "handler.nt"); u.UnitID != hn {
		t.Errorf("handler.nt is in unit %d, not KH-HN", u.UnitID)
	}
	if u, _ := w.s.UnitByCode(w.ctx, "KH-NT"); u.ValidTo != workflow.MustDate("2026-10-31") || u.SuccessorID == nil || *u.SuccessorID != hn {
		t.Errorf("KH-NT after the merger: %+v", u)
	}

	if now := auditOn(before, october); !reflect.DeepEqual(now, then) {
		t.Errorf("the audit of 20/10/2026 changed with the merger:\nwas %+v\nnow %+v", then, now)
	}
	november, _ := workflow.RangePeriod(workflow.MustDate("2026-11-01"), workflow.MustDate("2026-11-25"))
	for _, units := range [][]int64{{hn}, {ntID}} {
		b, err := w.s.Backlog(w.ctx, units, after)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := w.s.ReportEntries(w.ctx, form, units, november)
		if err != nil {
			t.Fatal(err)
		}
		want := map[bool]int{true: 2, false: 0}[units[0] == hn]
		if b.Open != want || len(entries) != want {
			t.Errorf("units %v on 10/11/2026: %d open, %d in the report; want %d", units, b.Open, len(entries), want)
		}
	}
}

// The rules of a reorganisation, each 422 (or 403) with nothing changed;
// and the users of an ended unit disabled when the administrator says so.
func TestReorganisationRules(t *testing.T) {
	w, _, _, _ := reorganiseWorld(t)
	admin := w.user("admin")
	if _, err := w.s.Reorganise(w.ctx, admin, w.viewer("admin"), store.Reorganisation{EffectiveOn: workflow.MustDate("2026-11-01"),
		From: []string{"KH-VH"}, Into: []store.Successor{{Code: "KH-NT"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AddUnit(w.ctx, admin, w.viewer("admin"), store.NewUnit{Code: "KH-CL", Name: "UBND xã Cam Lâm", Level: "commune", Parent: "KH-UBND"}); err != nil {
		t.Fatal(err)
	}
	day := workflow.MustDate("2026-11-20")
	for _, tc := range []struct {
		name string
		as   string
		r    store.Reorganisation
		code workflow.Code
	}{
		{"into a closed unit", "admin", store.Reorganisation{From: []string{"KH-CL"}, Into: []store.Successor{{Code: "KH-VH"}}}, workflow.CodeUnitClosed},
		{"an ended unit again", "admin", store.Reorganisation{From: []string{"KH-VH"}, Into: []store.Successor{{Code: "KH-CL"}}}, workflow.CodeUnitClosed},
		{"a successor outside the parent", "admin", store.Reorganisation{From: []string{"KH-CL"}, Into: []store.Successor{{Code: "KH-UBND"}}}, workflow.CodeSuccessorOutsideParent},
		{"into itself", "admin", store.Reorganisation{From: []string{"KH-CL"}, Into: []store.Successor{{Code: "KH-CL"}}}, workflow.CodeUnitCycle},
		{"a new unit without a name", "admin", store.Reorganisation{From: []string{"KH-CL"}, Into: []store.Successor{{Code: "KH-MOI"}}}, workflow.CodeInvalid},
		{"a day yet to come", "admin", store.Reorganisation{EffectiveOn: w.s.Today().AddDays(1), From: []string{"KH-CL"}, Into: []store.Successor{{Code: "KH-NT"}}}, workflow.CodeInvalid},
		{"a head", "head", store.Reorganisation{From: []string{"KH-CL"}, Into: []store.Successor{{Code: "KH-NT"}}}, workflow.CodeForbidden},
		{"a case of another unit", "admin", store.Reorganisation{From: []string{"KH-CL"}, Into: []store.Successor{{Code: "KH-NT"}},
			Moves: []store.CaseMove{{Case: "NOPE", To: "KH-NT"}}}, workflow.CodeInvalid},
	} {
		if tc.r.EffectiveOn.IsZero() {
			tc.r.EffectiveOn = day
		}
		_, err := w.s.Reorganise(w.ctx, w.user(tc.as), w.viewer(tc.as), tc.r)
		if !isCode(err, tc.code) {
			t.Errorf("%s: %v; want %s", tc.name, err, tc.code)
		}
	}
	if u, _ := w.s.UnitByCode(w.ctx, "KH-CL"); !u.ValidTo.IsZero() || u.SuccessorID != nil {
		t.Errorf("a refused reorganisation changed KH-CL: %+v", u)
	}
	if _, err := w.s.UnitByCode(w.ctx, "KH-MOI"); err == nil {
		t.Error("a refused reorganisation created KH-MOI")
	}
	if _, err := w.s.CreateUser(w.ctx, "handler.cl", "Lâm Xử", workflow.RoleHandler, "KH-CL", "demo"); err != nil {
		t.Fatal(err)
	}
	done, err := w.s.Reorganise(w.ctx, admin, w.viewer("admin"), store.Reorganisation{EffectiveOn: day,
		From: []string{"KH-CL"}, Into: []store.Successor{{Code: "KH-NT"}}, Users: "disable"})
	if err != nil || done.UsersDisabled != 1 {
		t.Fatalf("disable: %+v, %v", done, err)
	}
	if u, _ := w.s.UserByLogin(w.ctx, "handler.cl"); !u.Disabled || u.UnitID != w.unitID("KH-CL") {
		t.Errorf("handler.cl: disabled %v in unit %d; want disabled in KH-CL", u.Disabled, u.UnitID)
	}
}

// A split: KH-NT splits into two new communes; its active cases go to the
// first unless a line names another, here by tracking code.
func TestReorganisationSplitsAUnit(t *testing.T) {
	w, nt, _, _ := reorganiseWorld(t)
	other := w.register("reception.nt", letter(workflow.Petition, 0, "2026-10-20"))
	done, err := w.s.Reorganise(w.ctx, w.user("admin"), w.viewer("admin"), store.Reorganisation{
		EffectiveOn: workflow.MustDate("2026-11-15"), From: []string{"KH-NT"},
		Into:  []store.Successor{{Code: "KH-NTB", Name: "UBND phường Bắc Nha Trang"}, {Code: "KH-NTN", Name: "UBND phường Nam Nha Trang"}},
		Moves: []store.CaseMove{{Case: other.TrackingCode, To: "KH-NTN"}}})
	if err != nil || done.CasesMoved != 2 || !slices.Equal(done.Created, []string{"KH-NTB", "KH-NTN"}) {
		t.Fatalf("split: %+v, %v", done, err)
	}
	if c := w.reload(nt); c.UnitCode != "KH-NTB" {
		t.Errorf("the first case went to %s, want KH-NTB", c.UnitCode)
	}
	if c := w.reload(other); c.UnitCode != "KH-NTN" {
		t.Errorf("the case named went to %s, want KH-NTN", c.UnitCode)
	}
	if u, _ := w.s.UnitByCode(w.ctx, "KH-NTN"); u.ValidFrom != workflow.MustDate("2026-11-15") || u.ParentID == nil || *u.ParentID != w.unitID("KH-UBND") {
		t.Errorf("the new commune: %+v", u)
	}
}
