package handlers

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// settingsView is GET|PUT /api/v1/settings/{unit} (README: API): the settings
// in force today and every recorded change, oldest effective day first.
type settingsView struct {
	Unit    unitView               `json:"unit"`
	InForce inForceView            `json:"in_force"`
	History []store.SettingsChange `json:"history"`
}

// inForceView is the settings in force today; EffectiveFrom is null for the defaults.
type inForceView struct {
	EffectiveFrom *string `json:"effective_from"`
	workflow.UnitSettings
}

// settingsBody is PUT /api/v1/settings/{unit}.
type settingsBody struct {
	EffectiveFrom            workflow.Date `json:"effective_from"` // default today; never before it
	PetitionDays             *int          `json:"petition_days"`
	DiscloseRound1Complaints bool          `json:"disclose_round1_complaints"`
	DocSymbol                *string       `json:"doc_symbol"` // left out: the symbol in force stays
	LookupURL                *string       `json:"lookup_url"` // left out: the address in force stays
}

// settingsUnit loads the unit named in the path and checks the viewer may read
// (or, with set, change) its settings: 404 unknown, 403 out of scope or role.
func (a *api) settingsUnit(c *gin.Context, set bool) (store.Unit, bool) {
	u, err := a.store.UnitByCode(c.Request.Context(), c.Param("unit"))
	if err != nil {
		fail(c, err)
		return store.Unit{}, false
	}
	v := viewerOf(c)
	if !v.MayReadSettings(u.ID) || set && !v.MaySetSettings(u.ID) {
		forbidden(c, "chỉ quản trị viên được thay đổi cài đặt của đơn vị mình và đơn vị cấp dưới")
		return store.Unit{}, false
	}
	return u, true
}

func (a *api) getSettings(c *gin.Context) {
	if u, ok := a.settingsUnit(c, false); ok {
		a.answerSettings(c, u)
	}
}

// answerSettings answers with the unit's settings as they now stand.
func (a *api) answerSettings(c *gin.Context, u store.Unit) {
	view, err := unitSettingsView(c.Request.Context(), a.store, u.Code)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, view)
}

func (a *api) putSettings(c *gin.Context) {
	u, ok := a.settingsUnit(c, true)
	if !ok {
		return
	}
	var b settingsBody
	if !decodeJSON(c, &b) {
		return
	}
	if b.PetitionDays == nil {
		fail(c, workflow.Invalid("petition_days", "cần nhập thời hạn giải quyết kiến nghị, phản ánh (ngày)"))
		return
	}
	now := u.SettingsHistory().On(a.store.Today())
	us := workflow.UnitSettings{PetitionDays: *b.PetitionDays, DiscloseRound1Complaints: b.DiscloseRound1Complaints,
		DocSymbol: now.DocSymbol, LookupURL: now.LookupURL}
	if b.DocSymbol != nil {
		us.DocSymbol = strings.TrimSpace(*b.DocSymbol)
	}
	if b.LookupURL != nil {
		us.LookupURL = strings.TrimSpace(*b.LookupURL)
	}
	if err := a.store.SetUnitSettings(c.Request.Context(), userOf(c), u.ID, b.EffectiveFrom, us); err != nil {
		fail(c, err)
		return
	}
	a.answerSettings(c, u)
}

// unitSettingsView reads a unit's settings afresh, for the API and the page.
func unitSettingsView(ctx context.Context, s *store.Store, code string) (settingsView, error) {
	u, err := s.UnitByCode(ctx, code)
	if err != nil {
		return settingsView{}, err
	}
	changes, err := s.SettingsChanges(ctx, u.ID)
	if err != nil {
		return settingsView{}, err
	}
	today := s.Today()
	view := settingsView{Unit: unitView{u.Code, u.Name}, History: changes,
		InForce: inForceView{UnitSettings: u.SettingsHistory().On(today)}}
	for _, h := range u.SettingsHistory() {
		if !h.EffectiveFrom.After(today) {
			view.InForce.EffectiveFrom = optDate(h.EffectiveFrom)
		}
	}
	return view, nil
}
