package handlers

// The supervisor's audit (GET /giam-sat): the backlog as it stood at the end of
// any day, by unit, kind and age, with server-drawn charts; and the list of
// cases behind each number (GET /giam-sat/ho-so), ready to print. Heads,
// supervisors and administrators only; no page here ever names a petitioner.

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// auditEarliest bounds how far back a backlog may be asked for: older days
// hold no cases and would only make the deadline arithmetic walk for nothing.
var auditEarliest = workflow.D(2000, time.January, 1)

// auditView is the audit page (or, when Denied, its refusal).
type auditView struct {
	Denied    bool
	AsOf      workflow.Date
	AsOfValue string // the date field as typed, or the day shown (dd/mm/yyyy)
	Unit      string // the chosen unit's code; "" for the whole scope
	ScopeName string
	Units     []store.Unit
	Ready     bool // the form was valid and the numbers below are computed
	Cards     []auditCell
	ByUnit    []auditUnitRow
	ByKind    []auditKindRow
	ByAge     []auditAgeRow
	UnitChart template.HTML
	AgeChart  template.HTML
}

// auditCell is one number of the page and the link to the cases behind it.
type auditCell struct {
	Measure workflow.Measure
	N       int
	Href    string
}

type auditUnitRow struct {
	Code, Name                 string
	Open, Overdue, VeryOverdue auditCell
}

type auditKindRow struct {
	Kind          workflow.Kind
	Open, Overdue auditCell
}

type auditAgeRow struct {
	Bucket string
	Open   auditCell
}

// audit shows the backlog of the viewer's scope, or of one unit and those below
// it (?unit=CODE), as it stood at the end of ?as_of= (default today).
func (w *web) audit(c *gin.Context) {
	v := viewerOf(c)
	if !v.MayReadBacklog() {
		w.auditDenied(c)
		return
	}
	ctx, lang := c.Request.Context(), langOf(c)
	today := w.store.Today()
	view := auditView{AsOf: today, AsOfValue: today.VN(), Unit: strings.TrimSpace(c.Query("unit"))}
	units, err := w.auditUnits(ctx, v)
	if err != nil {
		pageFail(c, err)
		return
	}
	view.Units = units
	errs := map[string]string{}
	if s := strings.TrimSpace(c.Query("as_of")); s != "" {
		view.AsOfValue = s
		d, msg := auditParseDay(lang, s, today)
		if !d.IsZero() {
			view.AsOfValue = d.VN()
		}
		if msg != "" {
			errs["as_of"] = msg
		} else {
			view.AsOf = d
		}
	}
	scope, name, err := w.auditScope(ctx, v, lang, view.Unit)
	msg, ok := w.auditProblem(c, err)
	if !ok {
		return
	}
	if msg != "" {
		errs["unit"] = msg
	}
	if len(errs) > 0 {
		w.render(c, http.StatusBadRequest, "audit", view, errs)
		return
	}
	view.ScopeName = name
	b, err := w.store.Backlog(ctx, scope, view.AsOf)
	if err != nil {
		pageFail(c, err)
		return
	}
	view.fill(b, lang)
	w.render(c, http.StatusOK, "audit", view, nil)
}

// fill lays the backlog out as cards, tables and charts, each number linked to its list.
func (view *auditView) fill(b workflow.Backlog, lang string) {
	link := func(f workflow.BacklogFilter, n int) auditCell {
		return auditCell{Measure: f.Measure, N: n, Href: auditListHref(view.AsOf, view.Unit, f)}
	}
	view.Ready = true
	counts := map[workflow.Measure]int{workflow.MeasureOpen: b.Open, workflow.MeasureDueSoon: b.DueSoon,
		workflow.MeasureOverdue: b.Overdue, workflow.MeasureVeryOverdue: b.VeryOverdue, workflow.MeasureProlonged: b.Prolonged}
	for _, m := range workflow.Measures {
		view.Cards = append(view.Cards, link(workflow.BacklogFilter{Measure: m}, counts[m]))
	}
	for _, u := range b.ByUnit {
		view.ByUnit = append(view.ByUnit, auditUnitRow{Code: u.Unit, Name: u.Name,
			Open:        link(workflow.BacklogFilter{Measure: workflow.MeasureOpen, Unit: u.Unit}, u.Open),
			Overdue:     link(workflow.BacklogFilter{Measure: workflow.MeasureOverdue, Unit: u.Unit}, u.Overdue),
			VeryOverdue: link(workflow.BacklogFilter{Measure: workflow.MeasureVeryOverdue, Unit: u.Unit}, u.VeryOverdue)})
	}
	for _, k := range b.ByKind {
		view.ByKind = append(view.ByKind, auditKindRow{Kind: k.Kind,
			Open:    link(workflow.BacklogFilter{Measure: workflow.MeasureOpen, Kind: k.Kind}, k.Open),
			Overdue: link(workflow.BacklogFilter{Measure: workflow.MeasureOverdue, Kind: k.Kind}, k.Overdue)})
	}
	for _, a := range b.AgeDays {
		view.ByAge = append(view.ByAge, auditAgeRow{Bucket: a.Bucket,
			Open: link(workflow.BacklogFilter{Measure: workflow.MeasureOpen, AgeBucket: a.Bucket}, a.Open)})
	}
	view.UnitChart = auditUnitChart(b, lang)
	view.AgeChart = auditAgeChart(b, lang)
}

// auditListHref is the link to the cases behind a number: scope is the unit
// chosen on the page (its subtree), f.Unit the one unit of a by-unit line.
func auditListHref(asOf workflow.Date, scope string, f workflow.BacklogFilter) string {
	q := url.Values{"as_of": {asOf.String()}, "measure": {string(f.Measure)}}
	if scope != "" {
		q.Set("scope", scope)
	}
	if f.Unit != "" {
		q.Set("unit", f.Unit)
	}
	if f.Kind != "" {
		q.Set("kind", string(f.Kind))
	}
	if f.AgeBucket != "" {
		q.Set("age", f.AgeBucket)
	}
	return "/giam-sat/ho-so?" + q.Encode()
}

// auditListView is the list behind one number.
type auditListView struct {
	Heading   string
	AsOf      workflow.Date
	ScopeName string
	Items     []store.BacklogCase
	Back      string
	Problem   string // a request the page cannot answer, in the page's language
	PrintedBy string
}

// auditList lists the cases behind one number of the audit page:
// ?as_of=&measure= with optional scope (a unit and those below it), unit (that
// unit only), kind and age, under exactly the definitions of the count.
func (w *web) auditList(c *gin.Context) {
	v := viewerOf(c)
	if !v.MayReadBacklog() {
		w.auditDenied(c)
		return
	}
	lang := langOf(c)
	view, scope, f, ok := w.auditListRequest(c, v, lang)
	if !ok {
		return
	}
	if view.Problem != "" {
		view.Heading = translate(lang, "audit.list.title")
		w.render(c, http.StatusBadRequest, "auditlist", view, nil)
		return
	}
	items, err := w.store.BacklogCases(c.Request.Context(), scope, view.AsOf, f)
	if err != nil {
		pageFail(c, err)
		return
	}
	view.Items = items
	if u := userOf(c); u.Name != "" {
		view.PrintedBy = fmt.Sprintf("%s (%s)", u.Name, translate(lang, "role."+string(u.Role)))
	}
	w.render(c, http.StatusOK, "auditlist", view, nil)
}

// auditListRequest reads the list's query: the view (heading, day, scope,
// link back, or the Problem to show), the units to search and the filter.
// ok is false when the response (a refusal or a failure) is already written.
func (w *web) auditListRequest(c *gin.Context, v workflow.Viewer, lang string) (view auditListView, scope []int64, f workflow.BacklogFilter, ok bool) {
	view = auditListView{AsOf: w.store.Today(), Back: "/giam-sat"}
	f = workflow.BacklogFilter{Measure: workflow.Measure(c.Query("measure")), Unit: strings.TrimSpace(c.Query("unit")),
		Kind: workflow.Kind(c.Query("kind")), AgeBucket: c.Query("age")}
	if s := strings.TrimSpace(c.Query("as_of")); s != "" {
		d, msg := auditParseDay(lang, s, view.AsOf)
		if msg != "" {
			view.Problem = msg
		} else {
			view.AsOf = d
		}
	}
	if view.Problem == "" && f.Validate() != nil {
		view.Problem = translate(lang, "audit.list.bad")
	}
	scopeCode := strings.TrimSpace(c.Query("scope"))
	scope, view.ScopeName, ok = w.auditResolve(c, v, lang, scopeCode, &view.Problem)
	if !ok {
		return view, nil, f, false
	}
	unitName := ""
	if f.Unit != "" {
		if _, unitName, ok = w.auditResolve(c, v, lang, f.Unit, &view.Problem); !ok {
			return view, nil, f, false
		}
	}
	back := url.Values{"as_of": {view.AsOf.String()}}
	if scopeCode != "" {
		back.Set("unit", scopeCode)
	}
	view.Back = "/giam-sat?" + back.Encode()
	view.Heading = auditHeading(lang, f, unitName)
	return view, scope, f, true
}

// auditResolve is auditScope for the list: a unit outside the viewer's scope
// is refused (even when the request has another problem, so nothing is said
// about it) and an unknown one becomes the page's problem, unless it has one.
func (w *web) auditResolve(c *gin.Context, v workflow.Viewer, lang, code string, problem *string) ([]int64, string, bool) {
	ids, name, err := w.auditScope(c.Request.Context(), v, lang, code)
	msg, ok := w.auditProblem(c, err)
	if ok && *problem == "" {
		*problem = msg
	}
	return ids, name, ok
}

// auditHeading says what a list holds: "Danh sách hồ sơ quá hạn — Khiếu nại —
// UBND phường Nha Trang — 31–90 ngày".
func auditHeading(lang string, f workflow.BacklogFilter, unitName string) string {
	parts := []string{translate(lang, "audit.list."+string(f.Measure))}
	if f.Kind != "" {
		parts = append(parts, translate(lang, "kind."+string(f.Kind)))
	}
	if unitName != "" {
		parts = append(parts, unitName)
	}
	if f.AgeBucket != "" {
		parts = append(parts, translate(lang, "audit.age."+f.AgeBucket))
	}
	return strings.Join(parts, " — ")
}

// auditDenied is the refusal page of roles that do not audit (DOMAIN.md §4).
func (w *web) auditDenied(c *gin.Context) {
	w.render(c, http.StatusForbidden, "audit", auditView{Denied: true}, nil)
}

// auditUnits lists the units the viewer may audit, for the unit select.
func (w *web) auditUnits(ctx context.Context, v workflow.Viewer) ([]store.Unit, error) {
	all, err := w.store.Units(ctx)
	if err != nil {
		return nil, err
	}
	var out []store.Unit
	for _, u := range all {
		if v.InScope(u.ID) {
			out = append(out, u)
		}
	}
	return out, nil
}

// auditScope resolves a unit code to that unit and those below it and its
// name ("" is the viewer's whole scope). A unit outside the scope is a
// forbidden error; an unknown one an invalid error with a message for the page.
func (w *web) auditScope(ctx context.Context, v workflow.Viewer, lang, code string) ([]int64, string, error) {
	if code == "" {
		return v.Scope, translate(lang, "audit.unit.all"), nil
	}
	u, err := w.store.UnitByCode(ctx, code)
	if workflow.ErrorCode(err) == workflow.CodeNotFound {
		return nil, "", workflow.Invalid("unit", "%s", translate(lang, "audit.unit.unknown"))
	}
	if err != nil {
		return nil, "", err
	}
	if !v.InScope(u.ID) {
		return nil, "", workflow.Errorf(workflow.CodeForbidden, "đơn vị không thuộc phạm vi của bạn")
	}
	ids, err := w.store.Subtree(ctx, u.ID)
	return ids, u.Name, err
}

// auditProblem sorts an error of auditScope: "" and true when the page may go
// on; a message for the page when the request was wrong; false when the
// response (refusal or failure) is already written.
func (w *web) auditProblem(c *gin.Context, err error) (string, bool) {
	var e *workflow.Error
	switch {
	case err == nil:
		return "", true
	case errors.As(err, &e) && e.Code == workflow.CodeForbidden:
		w.auditDenied(c)
		return "", false
	case errors.As(err, &e) && e.Code == workflow.CodeInvalid:
		return e.Message, true
	}
	pageFail(c, err)
	return "", false
}

// auditParseDay reads the day asked for: dd/mm/yyyy (the date field, as
// screens show dates) or YYYY-MM-DD (links, the API's form). The backlog is
// what stood, so the day is at most today. With a message, the day is the one
// read (to show it back as dd/mm/yyyy), or zero when the text is no date.
func auditParseDay(lang, s string, today workflow.Date) (workflow.Date, string) {
	d, err := workflow.ParseTypedDate(s)
	if err != nil {
		return workflow.Date{}, translate(lang, "audit.as_of.bad")
	}
	switch {
	case d.After(today):
		return d, translate(lang, "audit.as_of.future")
	case d.Before(auditEarliest):
		return d, translate(lang, "audit.as_of.old")
	}
	return d, ""
}
