package handlers

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// The administration of units (issue 19; README "Units"): GET /units (the
// administrator's scope), POST /units, PATCH /units/{code}.

// unitAdminView is a unit as the API answers it.
type unitAdminView struct {
	store.Unit
	Parent      string           `json:"parent"`
	ValidTo     workflow.Date    `json:"closed_after"`
	Successor   string           `json:"successor,omitempty"` // the unit its work passed to
	FormerNames []store.UnitName `json:"former_names"`
}

// adminUnits are the units of the administrator's scope, by code, each with
// its parent's code and former names: the API's list and the units' page.
func adminUnits(ctx context.Context, st *store.Store, v workflow.Viewer) ([]unitAdminView, error) {
	all, err := st.Units(ctx)
	if err != nil {
		return nil, err
	}
	var items []unitAdminView
	for _, u := range all {
		if !v.InScope(u.ID) {
			continue
		}
		uv, err := adminUnitOf(ctx, st, u, all)
		if err != nil {
			return nil, err
		}
		items = append(items, uv)
	}
	slices.SortFunc(items, func(x, y unitAdminView) int { return strings.Compare(x.Code, y.Code) })
	return items, nil
}

// adminUnitOf is one unit with its parent's code and former names.
func adminUnitOf(ctx context.Context, st *store.Store, u store.Unit, all []store.Unit) (unitAdminView, error) {
	v := unitAdminView{Unit: u, ValidTo: u.ValidTo}
	for _, p := range all {
		if u.ParentID != nil && p.ID == *u.ParentID {
			v.Parent = p.Code
		}
		if u.SuccessorID != nil && p.ID == *u.SuccessorID {
			v.Successor = p.Code
		}
	}
	names, err := st.FormerNames(ctx, u.ID)
	v.FormerNames = nonNil(names)
	return v, err
}

func (a *api) listUnits(c *gin.Context) {
	v := viewerOf(c)
	if v.Role != workflow.RoleAdmin {
		forbidden(c, "chỉ quản trị viên được quản lý đơn vị")
		return
	}
	items, err := adminUnits(c.Request.Context(), a.store, v)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": nonNil(items)})
}

// newUnitBody is POST /units.
type newUnitBody struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Level  string `json:"level"`
	Parent string `json:"parent"`
}

func (a *api) createUnit(c *gin.Context) {
	if viewerOf(c).Role != workflow.RoleAdmin {
		forbidden(c, "chỉ quản trị viên được quản lý đơn vị")
		return
	}
	var b newUnitBody
	if !decodeJSON(c, &b) {
		return
	}
	name, err := text("name", b.Name, workflow.MaxShort)
	if err == nil {
		b.Code, err = text("code", b.Code, 32)
	}
	var u store.Unit
	if err == nil {
		u, err = a.store.AddUnit(c.Request.Context(), userOf(c), viewerOf(c), store.NewUnit{Code: b.Code, Name: name, Level: b.Level, Parent: b.Parent})
	}
	a.answerUnit(c, http.StatusCreated, u, err)
}

// changeUnitBody is PATCH /units/{code}; what it leaves out stays.
type changeUnitBody struct {
	Name        *string        `json:"name"`
	Parent      *string        `json:"parent"`
	ClosedAfter *workflow.Date `json:"closed_after"`
}

func (a *api) changeUnit(c *gin.Context) {
	if viewerOf(c).Role != workflow.RoleAdmin {
		forbidden(c, "chỉ quản trị viên được quản lý đơn vị")
		return
	}
	var b changeUnitBody
	if !decodeJSON(c, &b) {
		return
	}
	if b.Name != nil {
		name, err := text("name", *b.Name, workflow.MaxShort)
		if err != nil {
			fail(c, err)
			return
		}
		b.Name = &name
	}
	u, err := a.store.ChangeUnit(c.Request.Context(), userOf(c), viewerOf(c), c.Param("code"),
		store.UnitChange{Name: b.Name, Parent: b.Parent, ClosedOn: b.ClosedAfter})
	a.answerUnit(c, http.StatusOK, u, err)
}

func (a *api) answerUnit(c *gin.Context, status int, u store.Unit, err error) {
	if err != nil {
		fail(c, err)
		return
	}
	all, err := a.store.Units(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	uv, err := adminUnitOf(c.Request.Context(), a.store, u, all)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(status, uv)
}
