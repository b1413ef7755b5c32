package store_test

import (
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// Issue 19: a deputy who receives citizens for two communes. The
// administrator gives reception.nt a further post in KH-VH; a session acts in
// one post at a time, switched by the user, and stands for every rule as the
// role in that unit: it reads and registers KH-VH's letters only once
// switched, and never a unit it holds no post in. A token may be bound to
// the post. A handler with a post in KH-VH may be assigned its cases. The
// posts follow a merger of their unit.
func TestPostsInSeveralUnits(t *testing.T) {
	w, nt, vh, _ := reorganiseWorld(t)
	admin := w.user("admin")
	give := func(login string, posts ...store.PostIn) error {
		_, _, err := w.s.ChangeUser(w.ctx, admin, w.viewer("admin"), login, store.UserChange{Posts: &posts})
		return err
	}
	for _, bad := range []struct {
		post store.PostIn
		code workflow.Code
	}{
		{store.PostIn{Unit: "KH-NT", Role: workflow.RoleReception}, workflow.CodeInvalid}, // their own unit
		{store.PostIn{Unit: "KH-VH", Role: workflow.RoleAdmin}, workflow.CodeInvalid},
		{store.PostIn{Unit: "KH", Role: workflow.RoleReception}, workflow.CodeForbidden}, // above the admin
		{store.PostIn{Unit: "KH-XX", Role: workflow.RoleReception}, workflow.CodeInvalid},
	} {
		if err := give("reception.nt", bad.post); !isCode(err, bad.code) {
			t.Errorf("post %+v: %v, want %s", bad.post, err, bad.code)
		}
	}
	if err := give("reception.nt", store.PostIn{Unit: "KH-VH", Role: workflow.RoleReception}); err != nil {
		t.Fatal(err)
	}
	if err := give("handler.nt", store.PostIn{Unit: "KH-VH", Role: workflow.RoleHandler}); err != nil {
		t.Fatal(err)
	}
	clerk := w.user("reception.nt")
	id, err := w.s.CreateSession(w.ctx, clerk.ID)
	if err != nil {
		t.Fatal(err)
	}
	acting := func() (store.Session, workflow.Viewer) {
		t.Helper()
		sess, err := w.s.SessionByID(w.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		v, err := w.s.Viewer(w.ctx, sess.User)
		if err != nil {
			t.Fatal(err)
		}
		return sess, v
	}
	sess, v := acting()
	if sess.User.UnitCode != "KH-NT" || len(sess.Posts) != 2 || sess.Posts[1].Unit != "KH-VH" || !v.MayRead(nt.Ref()) || v.MayRead(vh.Ref()) {
		t.Fatalf("in their own post: %s, posts %+v, reads NT %v, VH %v", sess.User.UnitCode, sess.Posts, v.MayRead(nt.Ref()), v.MayRead(vh.Ref()))
	}
	if err := w.s.SwitchSession(w.ctx, id, sess.User, "KH-UBND"); !isCode(err, workflow.CodeForbidden) {
		t.Errorf("a switch to a unit without a post: %v", err)
	}
	if err := w.s.SwitchSession(w.ctx, id, sess.User, "KH-VH"); err != nil {
		t.Fatal(err)
	}
	sess, v = acting()
	if sess.User.UnitCode != "KH-VH" || sess.User.Role != workflow.RoleReception || v.MayRead(nt.Ref()) || !v.MayRead(vh.Ref()) {
		t.Fatalf("switched: %s %s, reads NT %v, VH %v", sess.User.UnitCode, sess.User.Role, v.MayRead(nt.Ref()), v.MayRead(vh.Ref()))
	}
	c := w.register("reception.nt", letter(workflow.Petition, 0, "2026-11-24")) // the fixture's user: their own unit
	if c.UnitCode != "KH-NT" {
		t.Errorf("registered in their own post: %s", c.UnitCode)
	}
	c, err = w.s.CreateCase(w.ctx, sess.User, letter(workflow.Petition, 0, "2026-11-24"))
	if err != nil || c.UnitCode != "KH-VH" {
		t.Errorf("registered in the KH-VH post: %s, %v", c.UnitCode, err)
	}
	token, err := w.s.CreateTokenInPost(w.ctx, clerk, "KH-VH")
	if err != nil {
		t.Fatal(err)
	}
	if u, err := w.s.UserByToken(w.ctx, token); err != nil || u.UnitCode != "KH-VH" {
		t.Errorf("the token of the KH-VH post acts in %s (%v)", u.UnitCode, err)
	}
	if _, err := w.s.CreateTokenInPost(w.ctx, clerk, "KH"); !isCode(err, workflow.CodeForbidden) {
		t.Errorf("a token for a unit without a post: %v", err)
	}
	staff, err := w.s.Assignable(w.ctx, []int64{w.unitID("KH-VH")})
	if err != nil || len(staff) != 1 || staff[0].Login != "handler.nt" || staff[0].UnitCode != "KH-VH" {
		t.Errorf("assignable in KH-VH: %+v, %v", staff, err)
	}
	a := ev(workflow.EvAssign, "2026-11-25")
	a.Assignee = "handler.nt"
	if _, _, err := w.s.ApplyEvent(w.ctx, w.user("head"), workflow.Viewer{}, vh, vh.Version, a, ""); err != nil {
		t.Errorf("assign KH-VH's case to handler.nt's post: %v", err)
	}
	users, err := w.s.UsersOf(w.ctx, []int64{w.unitID("KH-VH")})
	if err != nil || len(users) != 3 { // reception.vh, and the two holding posts
		t.Errorf("KH-VH's users: %+v, %v", users, err)
	}

	// KH-VH merges into KH-NT: the posts there are the users' own unit now, and go.
	if _, err := w.s.Reorganise(w.ctx, admin, w.viewer("admin"), store.Reorganisation{EffectiveOn: w.s.Today(),
		From: []string{"KH-VH"}, Into: []store.Successor{{Code: "KH-NT"}}}); err != nil {
		t.Fatal(err)
	}
	if posts, err := w.s.FurtherPosts(w.ctx, "reception.nt"); err != nil || len(posts) != 0 {
		t.Errorf("reception.nt's posts after the merger: %+v, %v", posts, err)
	}
	if sess, _ = acting(); sess.User.UnitCode != "KH-NT" || sess.Posts != nil {
		t.Errorf("the session after the merger acts in %s with posts %+v", sess.User.UnitCode, sess.Posts)
	}
}
