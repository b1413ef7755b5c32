package store_test

import (
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// Issue 19: an administrator adds a unit below theirs, renames it (the old
// name kept with its last day), moves it — never under itself — and closes it.
func TestAdministratorsManageUnits(t *testing.T) {
	w := mustWorld(t)
	admin, av := w.user("admin"), w.viewer("admin")
	if _, err := w.s.AddUnit(w.ctx, admin, av, store.NewUnit{Code: "KH-X", Name: "UBND xã Thử", Level: "commune", Parent: "KH"}); !isCode(err, workflow.CodeForbidden) {
		t.Errorf("a unit above the admin's: %v", err)
	}
	if _, err := w.s.AddUnit(w.ctx, admin, av, store.NewUnit{Code: "KH X", Name: "UBND xã Thử", Level: "commune", Parent: "KH-UBND"}); !isCode(err, workflow.CodeInvalid) {
		t.Errorf("a code with a space: %v", err)
	}
	u, err := w.s.AddUnit(w.ctx, admin, av, store.NewUnit{Code: "KH-X", Name: "UBND xã Thử", Level: "commune", Parent: "KH-UBND"})
	if err != nil || u.Code != "KH-X" {
		t.Fatalf("add: %+v, %v", u, err)
	}
	if _, err := w.s.AddUnit(w.ctx, admin, av, store.NewUnit{Code: "KH-X", Name: "Khác", Level: "commune", Parent: "KH-UBND"}); !isCode(err, workflow.CodeConflict) {
		t.Errorf("the same code twice: %v", err)
	}
	av = w.viewer("admin") // a viewer's scope is read when they are: the new unit is in the next one
	name := "UBND phường Thử Mới"
	if u, err = w.s.ChangeUnit(w.ctx, admin, av, "KH-X", store.UnitChange{Name: &name}); err != nil || u.Name != name {
		t.Fatalf("rename: %+v, %v", u, err)
	}
	former, err := w.s.FormerNames(w.ctx, u.ID)
	if err != nil || len(former) != 1 || former[0].Name != "UBND xã Thử" || former[0].Until != w.s.Today().AddDays(-1) {
		t.Errorf("former names: %+v, %v", former, err)
	}
	// Moving the agency under the commune below it would be a cycle.
	below := "KH-NT"
	if _, err := w.s.ChangeUnit(w.ctx, admin, av, "KH-UBND", store.UnitChange{Parent: &below}); !isCode(err, workflow.CodeUnitCycle) {
		t.Errorf("a cycle: %v", err)
	}
	under := "KH-NT"
	if u, err = w.s.ChangeUnit(w.ctx, admin, av, "KH-X", store.UnitChange{Parent: &under}); err != nil || u.ParentID == nil || *u.ParentID != w.unitID("KH-NT") {
		t.Errorf("move: %+v, %v", u, err)
	}
	closed := w.s.Today()
	if u, err = w.s.ChangeUnit(w.ctx, admin, av, "KH-X", store.UnitChange{ClosedOn: &closed}); err != nil || u.ValidTo != closed {
		t.Errorf("close: %+v, %v", u, err)
	}
	if _, err := w.s.ChangeUnit(w.ctx, w.user("head"), w.viewer("head"), "KH-X", store.UnitChange{Name: &name}); !isCode(err, workflow.CodeForbidden) {
		t.Errorf("a head renamed a unit: %v", err)
	}
}
