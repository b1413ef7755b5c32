package store_test

import (
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// Issue 19: an administrator creates, changes and disables the users of the
// units in their scope, each act logged; a created or reset user must choose
// a password; a disabled one's sessions and tokens end at once; the last
// enabled administrator cannot be removed; a head reads their unit's users.
func TestAdministratorsManageUsers(t *testing.T) {
	w := mustWorld(t)
	admin, av := w.user("admin"), w.viewer("admin")
	add := func(in store.NewUser) (store.UserView, error) { return w.s.AddUser(w.ctx, admin, av, in) }
	for _, bad := range []struct {
		in    store.NewUser
		field string
	}{
		{store.NewUser{Login: "moi", Name: "Người Mới", Role: workflow.RoleHandler, Unit: "KH-UBND", Password: "ngan1"}, "password"},
		{store.NewUser{Login: "moi", Name: "Người Mới", Role: workflow.RoleHandler, Unit: "KH-UBND", Password: "chikhongcoso"}, "password"},
		{store.NewUser{Login: "moi", Name: "Người Mới", Role: workflow.RoleHandler, Unit: "", Password: "matkhau2026x"}, "unit"},
		{store.NewUser{Login: "moi", Name: "Người Mới", Role: "boss", Unit: "KH-UBND", Password: "matkhau2026x"}, "role"},
	} {
		if _, err := add(bad.in); workflow.ErrorCode(err) != workflow.CodeInvalid || err.(*workflow.Error).Field != bad.field {
			t.Errorf("%+v: %v, want invalid %s", bad.in, err, bad.field)
		}
	}
	if _, err := add(store.NewUser{Login: "tinh", Name: "Cán Bộ Tỉnh", Role: workflow.RoleHandler, Unit: "KH", Password: "matkhau2026x"}); !isCode(err, workflow.CodeForbidden) {
		t.Errorf("a user above the admin's unit: %v", err)
	}
	u, err := add(store.NewUser{Login: "moi", Name: "Người Mới", Role: workflow.RoleHandler, Unit: "KH-NT", Password: "matkhau2026x"})
	if err != nil || !u.MustChangePassword || u.Unit != "KH-NT" {
		t.Fatalf("add: %+v, %v", u, err)
	}
	if _, err := add(store.NewUser{Login: "moi", Name: "Khác", Role: workflow.RoleHandler, Unit: "KH-NT", Password: "matkhau2026x"}); !isCode(err, workflow.CodeConflict) {
		t.Errorf("the same login twice: %v", err)
	}

	// Disabling ends the user's tokens at once.
	h := w.user("handler")
	token, err := w.s.CreateToken(w.ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	if _, _, err := w.s.ChangeUser(w.ctx, admin, av, "handler", store.UserChange{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.UserByToken(w.ctx, token); err == nil {
		t.Error("a disabled user's token still works")
	}
	// A reset gives a temporary password, once, that passes the rule.
	u, temporary, err := w.s.ChangeUser(w.ctx, admin, av, "moi", store.UserChange{PasswordReset: true})
	if err != nil || !u.MustChangePassword || workflow.CheckNewPassword("password", temporary) != nil {
		t.Fatalf("reset: %+v %q %v", u, temporary, err)
	}
	if _, err := w.s.Authenticate(w.ctx, "moi", temporary); err != nil {
		t.Errorf("sign in with the temporary password: %v", err)
	}
	// The last enabled administrator stays.
	handler := workflow.RoleHandler
	if _, _, err := w.s.ChangeUser(w.ctx, admin, av, "admin", store.UserChange{Role: &handler}); !isCode(err, workflow.CodeLastAdmin) {
		t.Errorf("the last admin made a handler: %v", err)
	}
	if _, _, err := w.s.ChangeUser(w.ctx, admin, av, "admin", store.UserChange{Disabled: &yes}); !isCode(err, workflow.CodeLastAdmin) {
		t.Errorf("the last admin disabled: %v", err)
	}
	if got, _ := w.s.UserByLogin(w.ctx, "admin"); got.Role != workflow.RoleAdmin || got.Disabled {
		t.Errorf("the refused change was kept: %+v", got)
	}
	// A head reads their own unit's users; they change nobody.
	if _, _, err := w.s.ChangeUser(w.ctx, w.user("head"), w.viewer("head"), "moi", store.UserChange{Disabled: &yes}); !isCode(err, workflow.CodeForbidden) {
		t.Errorf("a head changed a user: %v", err)
	}
	list, err := w.s.UsersOf(w.ctx, []int64{w.unitID("KH-NT")})
	if err != nil || len(list) != 1 || list[0].Login != "moi" {
		t.Errorf("users of KH-NT: %+v, %v", list, err)
	}
	var logged int
	db := storetest.Raw(t, w.dsn)
	if err := db.Get(&logged, `SELECT COUNT(*) FROM admin_log`); err != nil || logged != 3 {
		t.Errorf("%d acts logged (%v), want 3: the creation, the disabling, the reset", logged, err)
	}
}
