package handlers

// The units of an administrator's scope (GET /quan-tri/don-vi; issue 19): each
// with its parent, former names and last day; an administrator adds one (POST
// /quan-tri/don-vi) and renames, moves or closes one (POST …/:code). The API
// is units.go; the store keeps the rules (unit_cycle, scope, the old name).

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// unitsPath is the units' page.
const unitsPath = "/quan-tri/don-vi"

// unitsView is the page's data.
type unitsView struct {
	Units  []unitAdminView
	Levels []string
	New    newUnitBody // the creation form, as typed
	Denied bool
	// The reorganisation's form as typed, and what it would do once previewed.
	Reorg        reorganiseForm
	ReorgPreview string
}

func (w *web) unitsPage(c *gin.Context) { w.renderUnits(c, http.StatusOK, unitsView{}, nil) }

func (w *web) renderUnits(c *gin.Context, status int, view unitsView, errs map[string]string) {
	v := viewerOf(c)
	if v.Role != workflow.RoleAdmin {
		w.render(c, http.StatusForbidden, "units", unitsView{Denied: true}, nil)
		return
	}
	units, err := adminUnits(c.Request.Context(), w.store, v)
	if err != nil {
		pageFail(c, err)
		return
	}
	view.Units, view.Levels = units, []string{"agency", "commune", "province"}
	w.render(c, status, "units", view, errs)
}

// unitsCreate is POST /quan-tri/don-vi.
func (w *web) unitsCreate(c *gin.Context) {
	b := newUnitBody{Code: c.PostForm("code"), Name: c.PostForm("name"), Level: c.PostForm("level"), Parent: c.PostForm("parent")}
	name, err := text("name", b.Name, workflow.MaxShort)
	if err == nil {
		_, err = w.store.AddUnit(c.Request.Context(), userOf(c), viewerOf(c), store.NewUnit{Code: b.Code, Name: name, Level: b.Level, Parent: b.Parent})
	}
	if err != nil {
		w.unitsRefused(c, unitsView{New: b}, err)
		return
	}
	setFlash(c, translate(langOf(c), "units.created"))
	c.Redirect(http.StatusSeeOther, unitsPath)
}

// unitsChange is POST /quan-tri/don-vi/:code: what the row's form changes (a
// name or parent left as it is stays; an empty last day leaves the unit open).
func (w *web) unitsChange(c *gin.Context) {
	var ch store.UnitChange
	if name := strings.TrimSpace(c.PostForm("name")); name != "" {
		n, err := text("name", name, workflow.MaxShort)
		if err != nil {
			w.unitsRefused(c, unitsView{}, err)
			return
		}
		ch.Name = &n
	}
	if parent := c.PostForm("parent"); parent != "" && parent != c.PostForm("parent_was") {
		ch.Parent = &parent
	}
	closed, err := parseFormDate("closed_on", c.PostForm("closed_on"), langOf(c))
	if err != nil {
		w.unitsRefused(c, unitsView{}, err)
		return
	}
	if !closed.IsZero() {
		ch.ClosedOn = &closed
	}
	if _, err := w.store.ChangeUnit(c.Request.Context(), userOf(c), viewerOf(c), c.Param("code"), ch); err != nil {
		w.unitsRefused(c, unitsView{}, err)
		return
	}
	setFlash(c, translate(langOf(c), "units.saved"))
	c.Redirect(http.StatusSeeOther, unitsPath)
}

// unitsRefused shows the page again with the refusal next to its field.
func (w *web) unitsRefused(c *gin.Context, view unitsView, err error) {
	if e := userRefusal(c, err); e != nil {
		w.renderUnits(c, statusOf(e.Code), view, map[string]string{e.Field: sentence(e.Message)})
	}
}
