package store_test

import (
	"fmt"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// Issue 19: a province imports its units and officials from a sheet. A dry
// run, or a sheet with any refused row, writes nothing and names every
// refused row; a clean sheet is written whole, a unit of the sheet serving as
// the parent and the unit of later rows, each act logged, each official
// holding a temporary password to change at the first sign-in.
func TestImportWritesAWholeSheetOrNothing(t *testing.T) {
	w := mustWorld(t)
	admin, av := w.user("admin"), w.viewer("admin")
	row := func(line int) store.ImportRow { return store.ImportRow{Sheet: "sheet", Line: line} }
	units := func() []store.ImportUnit {
		return []store.ImportUnit{
			{ImportRow: row(2), NewUnit: store.NewUnit{Code: "KH-CR", Name: "UBND phường Cam Ranh", Level: "commune", Parent: "KH-UBND"}},
			{ImportRow: row(3), NewUnit: store.NewUnit{Code: "KH-CR-TD", Name: "Tổ tiếp dân Cam Ranh", Level: "agency", Parent: "KH-CR"}},
		}
	}
	var users []store.ImportUser
	for i := range 50 {
		users = append(users, store.ImportUser{ImportRow: row(i + 2), NewUser: store.NewUser{Login: fmt.Sprintf("cb%02d", i),
			Name: fmt.Sprintf("Cán bộ %02d", i), Role: workflow.RoleHandler, Unit: []string{"KH-CR", "KH-CR-TD", "KH-NT"}[i%3]}})
	}
	bad := append([]store.ImportUser(nil), users...)
	bad[3].Role = "boss"          // no such role
	bad[7].Unit = "KH"            // above the administrator
	bad[9].Login = "admin"        // taken in the database
	bad[11].Login = bad[10].Login // twice in the sheet
	bad[12].Password = "ngan1"    // too short
	badUnits := append(units(), store.ImportUnit{ImportRow: row(4), NewUnit: store.NewUnit{Code: "KH-Y", Name: "Y", Level: "district", Parent: "KH-UBND"}})
	res, err := w.s.ImportStaff(w.ctx, admin, av, badUnits, bad, false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"sheet:4:level": true, "sheet:5:role": true, "sheet:9:unit": true, "sheet:11:": true, "sheet:13:": true, "sheet:14:password": true}
	got := map[string]bool{}
	for _, p := range res.Problems {
		got[fmt.Sprintf("%s:%d:%s", p.Sheet, p.Line, p.Field)] = true
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || len(res.Passwords) != 0 {
		t.Errorf("problems %v (%+v), want %v; passwords %d", got, res.Problems, want, len(res.Passwords))
	}
	if _, err := w.s.UnitByCode(w.ctx, "KH-CR"); err == nil {
		t.Error("a refused sheet wrote its units")
	}
	if res, err = w.s.ImportStaff(w.ctx, admin, av, units(), users, true); err != nil || len(res.Problems) != 0 || len(res.Passwords) != 0 {
		t.Fatalf("dry run: %+v, %v", res, err)
	}
	if _, err := w.s.UnitByCode(w.ctx, "KH-CR"); err == nil {
		t.Error("a dry run wrote its units")
	}

	res, err = w.s.ImportStaff(w.ctx, admin, av, units(), users, false)
	if err != nil || len(res.Problems) != 0 || res.Units != 2 || res.Users != 50 || len(res.Passwords) != 50 {
		t.Fatalf("import: %d units, %d users, %d passwords, problems %+v, %v", res.Units, res.Users, len(res.Passwords), res.Problems, err)
	}
	td, err := w.s.UnitByCode(w.ctx, "KH-CR-TD")
	if err != nil || td.ParentID == nil || *td.ParentID != w.unitID("KH-CR") {
		t.Errorf("the sheet's unit under the sheet's unit: %+v, %v", td, err)
	}
	list, err := w.s.UsersOf(w.ctx, []int64{td.ID})
	if err != nil || len(list) != 17 || !list[0].MustChangePassword {
		t.Errorf("users of KH-CR-TD: %d, %v", len(list), err)
	}
	if _, err := w.s.Authenticate(w.ctx, res.Passwords[4].Login, res.Passwords[4].Password); err != nil {
		t.Errorf("the temporary password of %s: %v", res.Passwords[4].Login, err)
	}
	var logged int
	if err := storetest.Raw(t, w.dsn).Get(&logged, `SELECT COUNT(*) FROM admin_log WHERE detail LIKE '%(import)'`); err != nil || logged != 52 {
		t.Errorf("%d imported acts logged (%v), want 52", logged, err)
	}
	// The same sheet again: every row is now taken.
	if res, err = w.s.ImportStaff(w.ctx, admin, av, units(), users, true); err != nil || len(res.Problems) != 52 {
		t.Errorf("the sheet again: %d problems, %v", len(res.Problems), err)
	}
}
