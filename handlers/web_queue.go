package handlers

import (
	"context"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/unicode/norm"

	"petitions/store"
	"petitions/workflow"
)

// queueView is the queue page: the viewer's cases, earliest due date first
// unless another sort is chosen.
type queueView struct {
	Filter    queueFilter
	Kinds     []option
	States    []option
	Statuses  []option
	Sorts     []option
	Units     []store.Unit // the units whose cases the viewer may read
	UnitPicks []option     // shown when there are several
	Tabs      []queueTab   // a head's own unit and the units below, when there are units below
	Rows      []queueRow
	Total     int    // the cases of the view over every page, up to a cap (store.CountCases)
	TotalMore bool   // more than Total
	Next      string // the next page's address, if any
	Prev      string // the previous page's address, when on a later page
	First     string // the first page's address, from the third page on
	Problem   string
	CanAssign bool         // a head with at least one case to assign
	Staff     []store.User // whom the head may assign to
	Back      string       // where bulk assignment returns
	// The view as a spreadsheet and as csv (web_export.go), every page.
	ExportXLSX, ExportCSV template.URL
}

// queueFilter is the query string of the queue, as typed. Prev holds the
// cursors of the pages before this one, oldest first, comma-separated (the
// first page has none): the previous page is the last of them.
type queueFilter struct {
	Kind, State, Status, Unit, Q, Sort, Scope, Cursor, Prev string
}

// scopeBelow is a head's second tab: the units below their own.
const scopeBelow = "below"

// maxPrev caps the cursors kept for "Trang trước" so that the address stays
// short; from deeper than that, going back ends on the first page.
const maxPrev = 20

// queueTab is one of a head's two views of the queue.
type queueTab struct {
	Label, Href string
	Current     bool
}

// values is the filter as a query string, without the cursor and the pages before.
func (f queueFilter) values() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"kind": f.Kind, "state": f.State, "status": f.Status, "unit": f.Unit, "q": f.Q,
		"sort": f.Sort, "scope": f.Scope} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// queueRow is one case of the queue, its labels already in the page's
// language: fifty rows of template calls were most of the page's cost.
type queueRow struct {
	ID           int64
	Version      int
	TrackingCode string
	Kind, State  string // labels
	Subject      string
	Unit         string // the unit's name
	Assignee     string
	Due          string // dd/mm/yyyy, "" when no clock runs
	Status       string // a workflow.Status, or "none" when no clock runs
	StatusLabel  string
	Prolonged    bool
	Pickable     bool // the head may assign or reassign it
	ReadOnly     bool // the viewer may read it but not act on it ("chỉ xem")
}

// queueStatuses are the status filter's choices; "overdue" includes "very_overdue".
var queueStatuses = []workflow.Status{workflow.OnTrack, workflow.DueSoon, workflow.Overdue, workflow.VeryOverdue}

// option is one choice of a filter's list, labelled in the page's language.
type option struct {
	Value, Label string
	Selected     bool
}

// options are the values as choices, each labelled with the translation of
// prefix+value, the chosen one selected.
func options[T ~string](lang string, values []T, chosen, prefix string) []option {
	out := make([]option, len(values))
	for i, v := range values {
		out[i] = option{Value: string(v), Label: translate(lang, prefix+string(v)), Selected: string(v) == chosen}
	}
	return out
}

// filterOptions fills the filter's lists, the typed values selected.
func (view *queueView) filterOptions(lang string) {
	f := view.Filter
	view.Kinds = options(lang, workflow.Kinds, f.Kind, "kind.")
	view.States = options(lang, workflow.States, f.State, "state.")
	view.Statuses = options(lang, queueStatuses, f.Status, "status.")
	view.Sorts = options(lang, store.CaseSorts, f.Sort, "queue.sort.")
	if f.Sort == "" {
		view.Sorts[0].Selected = true
	}
	for i := range view.Statuses {
		if view.Statuses[i].Value == string(workflow.Overdue) {
			view.Statuses[i].Label = translate(lang, "status.overdue_any")
		}
	}
	if len(view.Units) > 1 || f.Unit != "" {
		for _, u := range view.Units {
			view.UnitPicks = append(view.UnitPicks, option{Value: u.Code, Label: u.Name, Selected: u.Code == f.Unit})
		}
	}
}

// queueViewOf is the queue's query as typed and the units the viewer may
// filter by: what the queue page and its export (web_export.go) both read.
func (w *web) queueViewOf(c *gin.Context, v workflow.Viewer) (queueView, error) {
	view := queueView{Filter: queueFilter{Kind: c.Query("kind"), State: c.Query("state"), Status: c.Query("status"),
		Unit: c.Query("unit"), Q: query(c), Sort: c.Query("sort"), Scope: c.Query("scope"), Cursor: c.Query("cursor"),
		Prev: c.Query("prev")}}
	units, err := w.store.Units(c.Request.Context())
	if err != nil {
		return view, err
	}
	for _, u := range units {
		// Reception reads its own unit only, not the units below (workflow.Viewer.MayRead).
		if v.InScope(u.ID) && (v.Role != workflow.RoleReception || u.ID == v.UnitID) {
			view.Units = append(view.Units, u)
		}
	}
	return view, nil
}

// queue is GET /ho-so: the cases the viewer may read (store.ListCases applies
// DOMAIN.md §4), filtered by kind, state, status, unit and a search box,
// sorted by due date, received date or unit, with their total and links to
// the pages before and after. A head's queue opens on their own unit, whose
// cases they act on; the units below are a second tab (scope=below).
func (w *web) queue(c *gin.Context) {
	ctx := c.Request.Context()
	v := viewerOf(c)
	lang := langOf(c)
	view, err := w.queueViewOf(c, v)
	if err != nil {
		pageFail(c, err)
		return
	}
	view.Back = c.Request.URL.RequestURI()
	view.filterOptions(lang)
	f, errs := w.queueCaseFilter(ctx, v, lang, view)
	if errs == nil {
		errs = map[string]string{}
	}
	view.tabs(v, lang)
	query := view.Filter.values()
	view.ExportXLSX = template.URL("/ho-so/xuat?dinh-dang=xlsx&" + query.Encode())
	view.ExportCSV = template.URL("/ho-so/xuat?dinh-dang=csv&" + query.Encode())
	items, next, err := w.store.ListCases(ctx, v, f)
	if err != nil && f.Cursor != "" && workflow.ErrorCode(err) == workflow.CodeInvalid {
		view.Problem, f.Cursor, view.Filter.Cursor, view.Filter.Prev = translate(lang, "queue.bad_cursor"), "", "", ""
		items, next, err = w.store.ListCases(ctx, v, f)
	}
	if err == nil && f.Cursor == "" && next == "" {
		view.Total = len(items) // the whole list is on this page: nothing more to count
	} else if err == nil {
		view.Total, view.TotalMore, err = w.store.CountCases(ctx, v, f)
	}
	if err != nil {
		pageFail(c, err)
		return
	}
	if err := w.fillQueue(ctx, v, lang, &view, items); err != nil {
		pageFail(c, err)
		return
	}
	view.pageLinks(next)
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusBadRequest
	}
	w.render(c, status, "queue", view, errs)
}

// tabs offers a head with units below two views: their own unit (the
// default, what they act on) and the units below (read only). A unit picked
// in the filter replaces both.
func (view *queueView) tabs(v workflow.Viewer, lang string) {
	if v.Role != workflow.RoleHead || len(v.Scope) < 2 {
		return
	}
	q := view.Filter.values()
	q.Del("unit")
	q.Del("scope")
	own := "/ho-so"
	if len(q) > 0 {
		own += "?" + q.Encode()
	}
	q.Set("scope", scopeBelow)
	unitless := view.Filter.Unit == ""
	view.Tabs = []queueTab{
		{Label: translate(lang, "queue.tab.own"), Href: own, Current: unitless && view.Filter.Scope != scopeBelow},
		{Label: translate(lang, "queue.tab.below"), Href: "/ho-so?" + q.Encode(), Current: unitless && view.Filter.Scope == scopeBelow},
	}
}

// pageLinks sets the addresses of the next, previous and first pages: the
// next page keeps this page's cursor on the prev list, the previous page
// takes the last one off it.
func (view *queueView) pageLinks(next string) {
	q := view.Filter.values()
	var prev []string
	if view.Filter.Prev != "" {
		prev = strings.Split(view.Filter.Prev, ",")
	}
	cur := view.Filter.Cursor
	if next != "" {
		stack := prev
		if cur != "" {
			stack = append(slices.Clone(prev), cur)
		}
		if len(stack) > maxPrev {
			stack = stack[len(stack)-maxPrev:]
		}
		q.Set("cursor", next)
		if len(stack) > 0 {
			q.Set("prev", strings.Join(stack, ","))
		}
		view.Next = "/ho-so?" + q.Encode()
		q.Del("cursor")
		q.Del("prev")
	}
	first := "/ho-so"
	if len(q) > 0 {
		first += "?" + q.Encode()
	}
	switch {
	case cur == "":
	case len(prev) == 0:
		view.Prev = first
	default:
		q.Set("cursor", prev[len(prev)-1])
		if len(prev) > 1 {
			q.Set("prev", strings.Join(prev[:len(prev)-1], ","))
		}
		view.Prev = "/ho-so?" + q.Encode()
		view.First = first
	}
}

// queueCaseFilter checks the typed filter; a bad value is reported next to its
// field and left out of the search.
func (w *web) queueCaseFilter(ctx context.Context, v workflow.Viewer, lang string, view queueView) (store.CaseFilter, map[string]string) {
	in := view.Filter
	errs := map[string]string{}
	f := store.CaseFilter{Query: in.Q, Cursor: in.Cursor}
	if o := store.CaseSort(in.Sort); o.Valid() {
		f.Sort = o
	} else {
		errs["sort"] = translate(lang, "queue.bad_sort")
	}
	if v.Role == workflow.RoleReception {
		f.Units = []int64{v.UnitID}
	}
	if v.Role == workflow.RoleHead && in.Unit == "" {
		f.Units = []int64{v.UnitID} // what the head acts on
		if in.Scope == scopeBelow {
			f.Units = slices.DeleteFunc(slices.Clone(v.Scope), func(id int64) bool { return id == v.UnitID })
		}
	}
	if k := workflow.Kind(in.Kind); k != "" {
		if k.Valid() {
			f.Kind = k
		} else {
			errs["kind"] = translate(lang, "queue.bad_kind")
		}
	}
	if s := workflow.State(in.State); s != "" {
		if s.Valid() {
			f.State = s
		} else {
			errs["state"] = translate(lang, "queue.bad_state")
		}
	}
	if st := workflow.Status(in.Status); st != "" {
		switch st {
		case workflow.OnTrack, workflow.DueSoon, workflow.Overdue, workflow.VeryOverdue:
			f.Status = st
		default:
			errs["status"] = translate(lang, "queue.bad_status")
		}
	}
	if in.Unit != "" {
		errs["unit"] = translate(lang, "queue.bad_unit")
		for _, u := range view.Units {
			if u.Code != in.Unit {
				continue
			}
			ids, err := w.store.Subtree(ctx, u.ID)
			if err == nil {
				f.Units = ids
				delete(errs, "unit")
			}
		}
	}
	return f, errs
}

// fillQueue turns the listed cases into rows, with assignees' names and, for
// a head, the cases they may assign and to whom.
func (w *web) fillQueue(ctx context.Context, v workflow.Viewer, lang string, view *queueView, items []store.Case) error {
	if v.Role == workflow.RoleHead {
		staff, err := w.store.Assignable(ctx, []int64{v.UnitID})
		if err != nil {
			return err
		}
		view.Staff = staff
	}
	cal, today := w.store.Calendar(), w.store.Today()
	for _, cs := range items {
		r := queueRow{ID: cs.ID, Version: cs.Version, TrackingCode: cs.TrackingCode, Subject: cs.Subject, Assignee: cs.Assignee,
			Kind: translate(lang, "kind."+string(cs.Kind)), State: translate(lang, "state."+string(cs.State)), Status: "none",
			Unit: cs.UnitName, Prolonged: workflow.ProlongedOn(cs.State, cs.MatterStartedOn, today), ReadOnly: !v.MayAct(cs.Ref())}
		if cs.AssigneeName != "" {
			r.Assignee = cs.AssigneeName
		}
		if due := cs.EarliestDue(); !due.IsZero() {
			r.Due, r.Status = due.VN(), string(cs.StatusOn(cal, today))
			r.StatusLabel = translate(lang, "status."+r.Status)
		}
		r.Pickable = v.Role == workflow.RoleHead && mayAssign(v, cs)
		view.CanAssign = view.CanAssign || r.Pickable
		view.Rows = append(view.Rows, r)
	}
	return nil
}

// mayAssign reports whether the viewer may assign or reassign the case now.
func mayAssign(v workflow.Viewer, cs store.Case) bool {
	if !v.MayAct(cs.Ref()) {
		return false
	}
	for _, e := range cs.Available(v.Role) {
		if e == workflow.EvAssign || e == workflow.EvReassign {
			return true
		}
	}
	return false
}

// bulkAssign is POST /ho-so/giao (heads only): assigns each selected case,
// sent as "id:version", to one handler or head of the unit, and reports how
// many succeeded and which failed and why.
func (w *web) bulkAssign(c *gin.Context) {
	v, lang := viewerOf(c), langOf(c)
	if v.Role != workflow.RoleHead {
		w.caseRefuse(c, http.StatusForbidden, translate(lang, "queue.bulk.denied"))
		return
	}
	back := localPath(c.PostForm("back"))
	if back != "/ho-so" && !strings.HasPrefix(back, "/ho-so?") {
		back = "/ho-so"
	}
	picks, login := c.PostFormArray("cases"), strings.TrimSpace(norm.NFC.String(c.PostForm("assignee")))
	switch {
	case len(picks) == 0:
		setFlash(c, translate(lang, "queue.bulk.none"))
	case login == "":
		setFlash(c, translate(lang, "queue.bulk.nobody"))
	default:
		setFlash(c, w.assignAll(c, v, picks, login))
	}
	c.Redirect(http.StatusSeeOther, back)
}

// assignAll applies assign (or reassign) to each pick and describes the outcome.
func (w *web) assignAll(c *gin.Context, v workflow.Viewer, picks []string, login string) string {
	ctx, lang, actor := c.Request.Context(), langOf(c), userOf(c)
	done := 0
	var failed []string
	for _, p := range picks {
		label, err := w.assignOne(ctx, v, actor, p, login, lang)
		if err != nil {
			if workflow.ErrorCode(err) == workflow.CodeInternal {
				slog.ErrorContext(ctx, "bulk assign", "request_id", c.GetString(requestIDKey), "err", err)
			}
			failed = append(failed, label+": "+errText(lang, err))
			continue
		}
		done++
	}
	name := login
	if u, err := w.store.UserByLogin(ctx, login); err == nil {
		name = u.Name
	}
	msg := fmt.Sprintf(translate(lang, "queue.bulk.done"), done, name)
	if len(failed) > 0 {
		// The flash is a cookie: name a few failures and count the rest.
		const shown = 3
		if len(failed) > shown {
			failed = append(failed[:shown], fmt.Sprintf(translate(lang, "queue.bulk.more"), len(failed)-shown))
		}
		msg += " " + fmt.Sprintf(translate(lang, "queue.bulk.failed"), len(picks)-done, strings.Join(failed, "; "))
	}
	return msg
}

// assignOne assigns one pick "id:version"; label names the case in the report
// (its tracking code when the viewer may read it).
func (w *web) assignOne(ctx context.Context, v workflow.Viewer, actor store.User, pick, login, lang string) (string, error) {
	idText, verText, _ := strings.Cut(pick, ":")
	id, err1 := strconv.ParseInt(idText, 10, 64)
	version, err2 := strconv.Atoi(verText)
	if err1 != nil || err2 != nil || id <= 0 {
		return "?", workflow.Invalid("cases", "%s", translate(lang, "queue.bulk.bad"))
	}
	label := "#" + idText
	cs, err := w.store.Case(ctx, id)
	if err != nil {
		return label, err
	}
	if !v.MayRead(cs.Ref()) {
		return label, workflow.Errorf(workflow.CodeForbidden, "%s", translate(lang, "case.denied"))
	}
	label = cs.TrackingCode
	if !v.MayAct(cs.Ref()) {
		return label, workflow.Errorf(workflow.CodeForbidden, "%s", translate(lang, "case.act_denied"))
	}
	ev := workflow.EvReassign
	if cs.State == workflow.Received {
		ev = workflow.EvAssign
	}
	_, _, err = w.store.ApplyEvent(ctx, actor, v, cs, version, workflow.Input{Event: ev, Assignee: login}, "")
	return label, err
}
