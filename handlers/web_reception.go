package handlers

// The reception book page (GET /tiep-cong-dan?unit=CODE): a unit's sessions
// and visits, and for its reception officers and head the forms to schedule
// or record a session, write a visit, mark a session held, cancel it before
// its day, and conclude it (the head). Issue 16; the API is reception.go.

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// receptionPage is the page's data.
type receptionPage struct {
	Denied    bool
	Unit      store.Unit
	Units     []store.Unit // the units whose book the viewer reads
	CanRecord bool
	Me        store.User // the viewer, to offer a head the conclusions of their own days
	Sessions  []store.ReceptionSession
	Tasks     []store.ReceptionTask // the conclusions' tasks not yet done
	Visits    []store.ReceptionVisit
	Heads     []store.User // the unit's heads, for a session's head
	Today     string
	// The forms as typed, and their messages.
	Session, Visit map[string]string
	Problem        string // atop the page
	Kinds          []workflow.SessionKind
	Hosts          []workflow.SessionHost
	Outcomes       []workflow.VisitOutcome
	CaseKinds      []workflow.Kind
	Reasons        []workflow.RefusalReason
}

// receptionBook is GET /tiep-cong-dan.
func (w *web) receptionBook(c *gin.Context) {
	w.renderReception(c, http.StatusOK, c.Query("unit"), nil, nil, nil)
}

// renderReception shows a unit's book; typed forms and their errors, when given, come back as refused.
func (w *web) renderReception(c *gin.Context, status int, code string, session, visit map[string]string, errs map[string]string) {
	ctx, v := c.Request.Context(), viewerOf(c)
	all, err := w.store.Units(ctx)
	if err != nil {
		pageFail(c, err)
		return
	}
	p := receptionPage{Today: w.store.Today().String(), Session: session, Visit: visit, Kinds: workflow.SessionKinds,
		Hosts:    []workflow.SessionHost{workflow.HostHead, workflow.HostDeputy, workflow.HostStaff},
		Outcomes: workflow.VisitOutcomes, CaseKinds: workflow.Kinds}
	for _, u := range all {
		if v.MayReadReception(u.ID) {
			p.Units = append(p.Units, u)
		}
		if u.Code == code || code == "" && u.ID == v.UnitID {
			p.Unit = u
		}
	}
	if p.Unit.ID == 0 || !v.MayReadReception(p.Unit.ID) {
		w.render(c, http.StatusForbidden, "reception", receptionPage{Denied: true}, nil)
		return
	}
	today := w.store.Today()
	for _, r := range workflow.RefusalReasons {
		if _, ok := workflow.RefusalReasonOn(r.Code, today); ok {
			p.Reasons = append(p.Reasons, r)
		}
	}
	p.CanRecord, p.Me = v.MayRecordReception(p.Unit.ID), userOf(c)
	units := []int64{p.Unit.ID}
	if p.Sessions, err = w.store.ReceptionSessions(ctx, store.SessionFilter{Units: units, From: today.AddDays(-92), Limit: 100}); err != nil {
		pageFail(c, err)
		return
	}
	if p.Tasks, err = w.store.ReceptionTasks(ctx, store.TaskFilter{Units: units, Open: true, Limit: 50}); err != nil {
		pageFail(c, err)
		return
	}
	if p.Visits, err = w.store.Visits(ctx, v, store.VisitFilter{Units: units, Limit: 50, KeepSecrets: true}); err != nil {
		pageFail(c, err)
		return
	}
	if p.Heads, err = w.store.Assignable(ctx, units); err != nil {
		pageFail(c, err)
		return
	}
	p.Heads = onlyHeads(p.Heads)
	if p.Session == nil {
		p.Session = map[string]string{"held_on": today.VN(), "kind": string(workflow.SessionPeriodic), "host": "head", "state": "scheduled"}
	}
	if p.Visit == nil {
		p.Visit = map[string]string{"visited_on": today.VN(), "people": "1", "kind": string(workflow.Complaint), "outcome": "guided"}
	}
	if errs != nil && errs[""] != "" {
		p.Problem = errs[""]
	}
	w.render(c, status, "reception", p, errs)
}

func onlyHeads(us []store.User) []store.User {
	var out []store.User
	for _, u := range us {
		if u.Role == workflow.RoleHead {
			out = append(out, u)
		}
	}
	return out
}

// receptionSessionPost is POST /tiep-cong-dan/buoi: a session scheduled or recorded.
func (w *web) receptionSessionPost(c *gin.Context) {
	typed := formValues(c, "unit", "held_on", "kind", "form", "place", "host", "host_name", "head", "state", "notified_on", "recording")
	in := store.NewSession{Unit: typed["unit"], Head: typed["head"], Kind: workflow.SessionKind(typed["kind"]),
		Form: workflow.SessionForm(typed["form"]), Place: typed["place"], Host: workflow.SessionHost(typed["host"]),
		HostName: typed["host_name"], State: workflow.SessionState(typed["state"]), Recording: typed["recording"]}
	if in.Form == "" {
		in.Form = workflow.FormDirect
	}
	err := texts(textField{"place", &in.Place, 500}, textField{"host_name", &in.HostName, maxShort},
		textField{"recording", &in.Recording, 500})
	if err == nil {
		in.HeldOn, err = parseFormDate("held_on", typed["held_on"], langOf(c))
	}
	if err == nil {
		in.NotifiedOn, err = parseFormDate("notified_on", typed["notified_on"], langOf(c))
	}
	if err == nil {
		_, err = w.store.CreateReceptionSession(c.Request.Context(), userOf(c), in)
	}
	w.receptionDone(c, typed["unit"], err, typed, nil)
}

// receptionVisitPost is POST /tiep-cong-dan/luot: a visit written in the book.
func (w *web) receptionVisitPost(c *gin.Context) {
	typed := formValues(c, "unit", "session_id", "visited_on", "kind", "name", "id_number", "phone", "address", "people",
		"representatives", "head_received", "content", "handled_by", "outcome", "case", "document_no", "documents", "reason")
	ctx, lang := c.Request.Context(), langOf(c)
	in := store.NewVisit{Unit: typed["unit"], Kind: workflow.Kind(typed["kind"]), Content: typed["content"],
		HandledBy: typed["handled_by"], Outcome: workflow.VisitOutcome(typed["outcome"]), DocumentNo: typed["document_no"],
		Documents:   typed["documents"],
		RefusalCode: typed["reason"], HeadReceived: typed["head_received"] == "1",
		Visitor: store.Visitor{Petitioner: store.Petitioner{Name: typed["name"], IDNumber: typed["id_number"],
			Phone: typed["phone"], Address: typed["address"]}}}
	for _, r := range strings.Split(typed["representatives"], "\n") {
		if r = strings.TrimSpace(r); r != "" {
			in.Visitor.Representatives = append(in.Visitor.Representatives, r)
		}
	}
	p := &in.Visitor.Petitioner
	err := texts(textField{"content", &in.Content, maxLong}, textField{"handled_by", &in.HandledBy, 500},
		textField{"document_no", &in.DocumentNo, 64}, textField{"documents", &in.Documents, maxLong}, textField{"name", &p.Name, maxShort},
		textField{"id_number", &p.IDNumber, 32}, textField{"phone", &p.Phone, 32}, textField{"address", &p.Address, 500})
	if err == nil {
		err = checkIDNumber(p.IDNumber)
	}
	if err == nil {
		in.VisitedOn, err = parseFormDate("visited_on", typed["visited_on"], lang)
	}
	if in.VisitedOn.IsZero() {
		in.VisitedOn = w.store.Today()
	}
	if err == nil {
		in.People, err = formCount("people", typed["people"], 1)
	}
	if err == nil && typed["session_id"] != "" {
		in.SessionID, err = strconv.ParseInt(typed["session_id"], 10, 64)
		if err != nil {
			err = workflow.Invalid("session_id", "buổi tiếp không hợp lệ")
		}
	}
	if err == nil && strings.TrimSpace(typed["case"]) != "" {
		var cs store.Case
		if cs, err = w.store.CaseByTrackingCode(ctx, typed["case"]); err != nil {
			err = workflow.Invalid("case_id", "%s", translate("vi", "rec.bad_case"))
		}
		in.CaseID = cs.ID
	}
	if err == nil {
		_, err = w.store.RecordVisit(ctx, userOf(c), in)
	}
	w.receptionDone(c, typed["unit"], err, nil, typed)
}

// receptionSessionAct is POST /tiep-cong-dan/buoi/:id/:act: da-to-chuc (held),
// huy (cancelled before the day, with its reason), doi-lich (moved to
// another day before the day, with its reason) or ket-luan (the head's conclusions).
func (w *web) receptionSessionAct(c *gin.Context) {
	ctx, by := c.Request.Context(), userOf(c)
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		w.notFound(c, http.StatusNotFound)
		return
	}
	if c.Param("act") == "ket-luan" {
		w.receptionConclude(c, id)
		return
	}
	text := c.PostForm("text")
	if err := texts(textField{"text", &text, maxLong}); err != nil {
		w.receptionDone(c, c.PostForm("unit"), err, nil, nil)
		return
	}
	switch c.Param("act") {
	case "da-to-chuc":
		_, err = w.store.HoldReceptionSession(ctx, by, id)
	case "huy":
		_, err = w.store.ChangeReceptionSession(ctx, by, id, store.SessionChange{Cancel: true, Reason: text})
	case "doi-lich":
		var on workflow.Date
		if on, err = parseFormDate("held_on", c.PostForm("held_on"), langOf(c)); err == nil {
			_, err = w.store.ChangeReceptionSession(ctx, by, id, store.SessionChange{HeldOn: on, Reason: text})
		}
	default:
		w.notFound(c, http.StatusNotFound)
		return
	}
	w.receptionDone(c, c.PostForm("unit"), err, nil, nil)
}

// receptionDone goes back to the book after a write: with a flash when it
// was saved, else the page again with the refusal next to its field (or atop).
func (w *web) receptionDone(c *gin.Context, unit string, err error, session, visit map[string]string) {
	lang := langOf(c)
	if err == nil {
		setFlash(c, translate(lang, "rec.saved"))
		c.Redirect(http.StatusSeeOther, "/tiep-cong-dan?unit="+url.QueryEscape(unit))
		return
	}
	e := userRefusal(c, err)
	if e == nil {
		return
	}
	field := e.Field
	if session == nil && visit == nil {
		field = "" // an act on a listed session: the message goes atop
	}
	w.renderReception(c, statusOf(e.Code), unit, session, visit, map[string]string{field: sentence(e.Message)})
}

// formValues reads the named posted fields.
func formValues(c *gin.Context, names ...string) map[string]string {
	out := make(map[string]string, len(names))
	for _, n := range names {
		out[n] = c.PostForm(n)
	}
	return out
}

// formCount reads a typed whole number; empty is def.
func formCount(field, s string, def int) (int, error) {
	if s = strings.TrimSpace(s); s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, workflow.Invalid(field, "%s", translate("vi", "case.bad_number"))
	}
	return n, nil
}
