package handlers

// The users of a unit (GET /quan-tri/nguoi-dung?unit=; issue 19): an
// administrator lists, creates (POST /quan-tri/nguoi-dung) and changes them (POST
// …/:login: role and unit, locked or not, a new temporary password shown
// once); a head reads their own unit's. The API is users.go.

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// usersView is the page's data.
type usersView struct {
	Units     []store.Unit // those the viewer may read the users of
	Unit      store.Unit
	Users     []store.UserView
	Roles     []workflow.Role
	PostRoles []workflow.Role // the roles a further post may be
	CanManage bool
	Denied    bool
	Temporary string // a reset's password, shown once
	ResetFor  string
	New       newUserBody // the creation form, as typed
}

// usersPath is the page of a unit's users.
func usersPath(unit string) string { return "/quan-tri/nguoi-dung?unit=" + url.QueryEscape(unit) }

func (w *web) usersPage(c *gin.Context) {
	w.renderUsers(c, http.StatusOK, c.Query("unit"), usersView{}, nil)
}

// renderUsers shows a unit's users; view carries a reset's password or a refused form.
func (w *web) renderUsers(c *gin.Context, status int, code string, view usersView, errs map[string]string) {
	ctx, v := c.Request.Context(), viewerOf(c)
	all, err := w.store.Units(ctx)
	if err != nil {
		pageFail(c, err)
		return
	}
	for _, u := range all {
		if v.MayReadUsers(u.ID) {
			view.Units = append(view.Units, u)
		}
	}
	if len(view.Units) == 0 {
		view.Denied = true
		w.render(c, http.StatusForbidden, "users", view, nil)
		return
	}
	view.Unit = view.Units[0]
	for _, u := range view.Units {
		if u.Code == code || code == "" && u.ID == v.UnitID {
			view.Unit = u
		}
	}
	view.CanManage, view.Roles = v.MayManageUsers(view.Unit.ID), workflow.Roles
	view.PostRoles = slices.DeleteFunc(slices.Clone(workflow.Roles), func(r workflow.Role) bool { return r == workflow.RoleAdmin })
	if view.Users, err = w.store.UsersOf(ctx, []int64{view.Unit.ID}); err != nil {
		pageFail(c, err)
		return
	}
	w.render(c, status, "users", view, errs)
}

// usersCreate is POST /quan-tri/nguoi-dung.
func (w *web) usersCreate(c *gin.Context) {
	b := newUserBody{Login: c.PostForm("login"), Name: c.PostForm("name"), Role: workflow.Role(c.PostForm("role")),
		Unit: c.PostForm("unit"), Password: c.PostForm("password")}
	name, err := text("name", b.Name, workflow.MaxShort)
	if err == nil {
		_, err = w.store.AddUser(c.Request.Context(), userOf(c), viewerOf(c), store.NewUser{Login: b.Login, Name: name,
			Role: b.Role, Unit: b.Unit, Password: b.Password})
	}
	if err != nil {
		w.usersRefused(c, b.Unit, usersView{New: newUserBody{Login: b.Login, Name: b.Name, Role: b.Role, Unit: b.Unit}}, err)
		return
	}
	setFlash(c, translate(langOf(c), "users.created"))
	c.Redirect(http.StatusSeeOther, usersPath(b.Unit))
}

// usersChange is POST /quan-tri/nguoi-dung/:login: the act is the button pressed.
func (w *web) usersChange(c *gin.Context) {
	login, unit := c.Param("login"), c.PostForm("back")
	var ch store.UserChange
	switch c.PostForm("act") {
	case "save":
		role, moveTo := workflow.Role(c.PostForm("role")), c.PostForm("unit")
		ch.Role, ch.Unit = &role, &moveTo
	case "lock", "unlock":
		locked := c.PostForm("act") == "lock"
		ch.Disabled = &locked
	case "reset":
		ch.PasswordReset = true
	case "add_post", "remove_post": // one further post added to, or taken from, the list
		posts, err := w.store.FurtherPosts(c.Request.Context(), login)
		if err != nil {
			w.usersRefused(c, unit, usersView{}, err)
			return
		}
		at := c.PostForm("post_unit")
		posts = slices.DeleteFunc(posts, func(p store.PostIn) bool { return p.Unit == at })
		if c.PostForm("act") == "add_post" {
			posts = append(posts, store.PostIn{Unit: at, Role: workflow.Role(c.PostForm("post_role"))})
		}
		ch.Posts = &posts
	default:
		w.notFound(c, http.StatusNotFound)
		return
	}
	_, temporary, err := w.store.ChangeUser(c.Request.Context(), userOf(c), viewerOf(c), login, ch)
	if err != nil {
		w.usersRefused(c, unit, usersView{}, err)
		return
	}
	if temporary != "" { // shown on this answer only, never in a redirect or a cookie
		w.renderUsers(c, http.StatusOK, unit, usersView{Temporary: temporary, ResetFor: login}, nil)
		return
	}
	setFlash(c, translate(langOf(c), "users.saved"))
	c.Redirect(http.StatusSeeOther, usersPath(unit))
}

// usersRefused shows the page again with the refusal next to its field.
func (w *web) usersRefused(c *gin.Context, unit string, view usersView, err error) {
	e := userRefusal(c, err)
	if e == nil {
		return
	}
	field := e.Field
	if view.New == (newUserBody{}) { // a row's change: the page tells it at the top
		field = ""
	}
	w.renderUsers(c, statusOf(e.Code), unit, view, map[string]string{field: sentence(e.Message)})
}
