package handlers

// The unit settings page (GET/POST /cai-dat): the settings in force, their
// recorded changes, and the administrator's form to set new ones from a day
// on (README: API, PUT /api/v1/settings/{unit}). Administrators change the
// settings of their unit and those below it; heads and supervisors read them.

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// settingsPage is the page's data.
type settingsPage struct {
	Denied  bool
	Problem string
	View    settingsView
	Units   []store.Unit // the units of the viewer's scope, to choose from
	CanSet  bool
	// The form as typed (or pre-filled with the settings in force).
	EffectiveFrom, PetitionDays string
	Disclose                    bool
	DocSymbol                   string // the unit's part of its papers' numbers (issue 18)
	LookupURL                   string // the look-up page the unit publishes (issue 19)
}

// settingsUnitOf picks the unit of the page: ?unit= (or the form's unit), else the viewer's own.
func (w *web) settingsUnitOf(c *gin.Context, code string) (store.Unit, error) {
	if code = strings.TrimSpace(code); code != "" {
		return w.store.UnitByCode(c.Request.Context(), code)
	}
	units, err := w.store.Units(c.Request.Context())
	if err != nil {
		return store.Unit{}, err
	}
	for _, u := range units {
		if u.ID == viewerOf(c).UnitID {
			return u, nil
		}
	}
	return store.Unit{}, workflow.Errorf(workflow.CodeNotFound, "không tìm thấy đơn vị")
}

// settingsPageGet is GET /cai-dat?unit=CODE.
func (w *web) settingsPageGet(c *gin.Context) {
	u, ok := w.settingsPageUnit(c, c.Query("unit"))
	if !ok {
		return
	}
	w.renderSettings(c, http.StatusOK, u, nil, nil)
}

// settingsPageUnit resolves the page's unit and checks the viewer may read its settings.
func (w *web) settingsPageUnit(c *gin.Context, code string) (store.Unit, bool) {
	u, err := w.settingsUnitOf(c, code)
	if err != nil {
		if workflow.ErrorCode(err) == workflow.CodeNotFound {
			w.render(c, http.StatusNotFound, "settings", settingsPage{Denied: true, Problem: translate(langOf(c), "settings.no_unit")}, nil)
			return store.Unit{}, false
		}
		pageFail(c, err)
		return store.Unit{}, false
	}
	if !viewerOf(c).MayReadSettings(u.ID) {
		w.render(c, http.StatusForbidden, "settings", settingsPage{Denied: true, Problem: translate(langOf(c), "settings.denied")}, nil)
		return store.Unit{}, false
	}
	return u, true
}

// settingsPagePost is POST /cai-dat: an administrator sets the unit's settings
// from a day on; a refused form comes back (400) with its values.
func (w *web) settingsPagePost(c *gin.Context) {
	u, ok := w.settingsPageUnit(c, c.PostForm("unit"))
	if !ok {
		return
	}
	lang := langOf(c)
	if !viewerOf(c).MaySetSettings(u.ID) {
		w.render(c, http.StatusForbidden, "settings", settingsPage{Denied: true, Problem: translate(lang, "settings.denied")}, nil)
		return
	}
	typed := &settingsPage{EffectiveFrom: c.PostForm("effective_from"), PetitionDays: c.PostForm("petition_days"),
		Disclose: c.PostForm("disclose_round1_complaints") == "1", DocSymbol: strings.TrimSpace(c.PostForm("doc_symbol")),
		LookupURL: strings.TrimSpace(c.PostForm("lookup_url"))}
	from, ok := deskDate(typed.EffectiveFrom)
	if !ok {
		w.renderSettings(c, http.StatusBadRequest, u, typed, map[string]string{"effective_from": translate(lang, "desk.err.date")})
		return
	}
	days, err := strconv.Atoi(strings.TrimSpace(typed.PetitionDays))
	if err != nil {
		w.renderSettings(c, http.StatusBadRequest, u, typed, map[string]string{"petition_days": translate(lang, "case.bad_number")})
		return
	}
	us := workflow.UnitSettings{PetitionDays: days, DiscloseRound1Complaints: typed.Disclose, DocSymbol: typed.DocSymbol,
		LookupURL: typed.LookupURL}
	if err := w.store.SetUnitSettings(c.Request.Context(), userOf(c), u.ID, from, us); err != nil {
		e := userRefusal(c, err)
		if e == nil {
			return
		}
		w.renderSettings(c, statusOf(e.Code), u, typed, map[string]string{e.Field: sentence(e.Message)})
		return
	}
	setFlash(c, translate(lang, "settings.saved"))
	c.Redirect(http.StatusSeeOther, "/cai-dat?unit="+url.QueryEscape(u.Code))
}

// renderSettings shows the unit's settings; typed, when given, is a refused form.
func (w *web) renderSettings(c *gin.Context, status int, u store.Unit, typed *settingsPage, errs map[string]string) {
	ctx, v := c.Request.Context(), viewerOf(c)
	view, err := unitSettingsView(ctx, w.store, u.Code)
	if err != nil {
		pageFail(c, err)
		return
	}
	all, err := w.store.Units(ctx)
	if err != nil {
		pageFail(c, err)
		return
	}
	p := settingsPage{View: view, CanSet: v.MaySetSettings(u.ID), EffectiveFrom: w.store.Today().String(),
		PetitionDays: strconv.Itoa(view.InForce.PetitionDays), Disclose: view.InForce.DiscloseRound1Complaints,
		DocSymbol: view.InForce.Symbol(), LookupURL: view.InForce.LookupURL}
	for _, x := range all {
		if v.InScope(x.ID) {
			p.Units = append(p.Units, x)
		}
	}
	if typed != nil {
		p.EffectiveFrom, p.PetitionDays, p.Disclose, p.DocSymbol = typed.EffectiveFrom, typed.PetitionDays, typed.Disclose, typed.DocSymbol
		p.LookupURL = typed.LookupURL
	}
	w.render(c, status, "settings", p, errs)
}
