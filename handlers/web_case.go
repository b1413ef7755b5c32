package handlers

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// casePageView is the case page: facts, petitioner (where allowed), clocks,
// history and one form per action the viewer may take.
type casePageView struct {
	Case         store.Case
	Found        bool
	Problem      string // shown at the top of the page
	Petitioner   *store.Petitioner
	Secret       bool // a denunciation whose denouncer this viewer may not see
	AssigneeName string
	Status       workflow.Status
	Prolonged    bool
	Clocks       []caseClockRow
	History      []historyRow
	Papers       []casePaperRow
	Files        []store.Attachment
	Forms        []eventForm
	MayAct       bool
}

type caseClockRow struct {
	Name        workflow.ClockName
	DueOn       workflow.Date
	Status      workflow.Status
	Explanation string
	Paused      string
}

// casePaperRow is one of the case's papers in its list.
type casePaperRow struct {
	store.Document
	Title string
}

type historyRow struct {
	On       workflow.Date
	Event    string
	From, To workflow.State
	Actor    string
	Details  []string
}

// eventForm is the form of one event, with its values (defaults or as
// submitted) and the messages of a refused submission.
type eventForm struct {
	Event   workflow.Event
	Version int
	Values  map[string]string
	Errors  map[string]string
	Problem string // a refusal that names no field
	Warning string // a date to confirm (a dialogue on a day off)
	Hint    string // what the act may still do (the extensions left)
	DaysMax int    // the most days an extension may add
	Open    bool
	Fields  []string
	Inputs  []formInput        // the event fields shown, drawn by type
	Kinds   []workflow.Kind    // correct
	Letter  []workflow.Channel // correct: how a letter may arrive
}

// ID is the element id of a field, unique on the page.
func (f eventForm) ID(field string) string { return "ev-" + string(f.Event) + "-" + field }

// Has reports whether the form shows the field.
func (f eventForm) Has(field string) bool { return slices.Contains(f.Fields, field) }

// Value is the field's value to show.
func (f eventForm) Value(field string) string { return f.Values[field] }

// Checked reports whether a checkbox is ticked.
func (f eventForm) Checked(field string) bool { return f.Values[field] == "1" }

// Error is the message next to the field, if any.
func (f eventForm) Error(field string) string { return f.Errors[field] }

// eventOrder puts the usual next step first; events not listed follow.
var eventOrder = []workflow.Event{workflow.EvAssign, workflow.EvAccept, workflow.EvVerify, workflow.EvScheduleDialogue,
	workflow.EvRecordDialogue, workflow.EvNotify, workflow.EvResolve, workflow.EvDeliver, workflow.EvDisclose,
	workflow.EvClose, workflow.EvExtend, workflow.EvClassify, workflow.EvReassign, workflow.EvSuspend, workflow.EvResume,
	workflow.EvReject, workflow.EvFile, workflow.EvTransfer, workflow.EvWithdraw, workflow.EvNote, workflow.EvCorrect}

// eventFields lists the fields each event's form shows besides "on" (workflow.EventFields).
func eventFields(e workflow.Event, k workflow.Kind) []string {
	var out []string
	for _, f := range workflow.EventFields(e, k) {
		out = append(out, f.Name)
	}
	return out
}

// openDuties lists the choices of notify's "to" (whom the denouncer's notice
// or the forwarder's reply is owed, LTC 29(3), 26(2)) and deliver's "clock"
// (the decision or conclusion, or an interim decision, LTC 34(4)): those
// whose clock still runs, the first the default.
func openDuties(e workflow.Event, cs store.Case) []string {
	running := func(name workflow.ClockName) bool {
		for _, k := range cs.RunningClocks() {
			if k.Name == name {
				return true
			}
		}
		return false
	}
	var out []string
	switch e {
	case workflow.EvNotify:
		if running(workflow.ClockNotification) {
			out = append(out, workflow.NotifyDenouncer)
		}
		if running(workflow.ClockForwarderReply) {
			out = append(out, workflow.NotifyForwarder)
		}
	case workflow.EvDeliver:
		for _, name := range []workflow.ClockName{workflow.ClockDelivery, workflow.ClockDecisionDelivery} {
			if running(name) {
				out = append(out, string(name))
			}
		}
	}
	return out
}

// disclosureChannels are where a decision may be published.
var disclosureChannels = []string{"website", "posting", "meeting"}

// casePage is GET /ho-so/:id.
func (w *web) casePage(c *gin.Context) {
	cs, ok := w.caseForPage(c)
	if !ok {
		return
	}
	w.renderCase(c, http.StatusOK, cs, nil, "")
}

// caseForPage loads the case of the path for a viewer who may read it, or
// answers with a refusal page.
func (w *web) caseForPage(c *gin.Context) (store.Case, bool) {
	lang := langOf(c)
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		w.caseRefuse(c, http.StatusNotFound, translate(lang, "case.not_found"))
		return store.Case{}, false
	}
	cs, err := w.store.Case(c.Request.Context(), id)
	if err != nil {
		if workflow.ErrorCode(err) == workflow.CodeNotFound {
			w.caseRefuse(c, http.StatusNotFound, translate(lang, "case.not_found"))
		} else {
			pageFail(c, err)
		}
		return store.Case{}, false
	}
	if !viewerOf(c).MayRead(cs.Ref()) {
		w.caseRefuse(c, http.StatusForbidden, translate(lang, "case.denied"))
		return store.Case{}, false
	}
	return cs, true
}

// renderCase builds and writes the case page; sent is a refused submission
// to show again in its form, problem a message for the top of the page.
func (w *web) renderCase(c *gin.Context, status int, cs store.Case, sent *eventForm, problem string) {
	view, err := w.casePageData(c, cs, sent)
	if err != nil {
		pageFail(c, err)
		return
	}
	if problem != "" {
		view.Problem = problem
	}
	w.render(c, status, "case", view, nil)
}

func (w *web) casePageData(c *gin.Context, cs store.Case, sent *eventForm) (casePageView, error) {
	ctx, v, lang := c.Request.Context(), viewerOf(c), langOf(c)
	cal, today := w.store.Calendar(), w.store.Today()
	view := casePageView{Case: cs, Found: true, Status: cs.StatusOn(cal, today), MayAct: v.MayAct(cs.Ref()),
		Prolonged: workflow.ProlongedOn(cs.State, cs.MatterStartedOn, today)}
	// The only read of the petitioner: store.Petitioner checks DOMAIN.md §4 and logs a denouncer's read.
	p, ok, err := w.store.Petitioner(ctx, v, cs, "web:"+c.FullPath())
	if err != nil {
		return view, err
	}
	if ok {
		view.Petitioner = &p
	}
	view.Secret = !ok && cs.Kind.IdentitySecret()
	staff, err := w.store.Assignable(ctx, []int64{cs.UnitID})
	if err != nil {
		return view, err
	}
	names := map[string]string{}
	for _, u := range staff {
		names[u.Login] = u.Name
	}
	view.AssigneeName = nameOf(ctx, w.store, names, cs.Assignee)
	view.Clocks = caseClocks(cs, cal, today, lang)
	// A correction's sealed identities open only for those who may see the petitioner.
	hs, err := w.store.HistoryFor(ctx, v, cs, "web:"+c.FullPath())
	if err != nil {
		return view, err
	}
	for _, h := range hs {
		actor := nameOf(ctx, w.store, names, h.Actor)
		if workflow.Event(h.Event) == workflow.EvRecount { // the system's own act
			actor = translate(lang, "case.system")
		}
		view.History = append(view.History, historyRow{On: h.On, Event: h.Event, From: workflow.State(h.FromState),
			To: workflow.State(h.ToState), Actor: actor,
			Details: historyDetails(lang, cs.Kind, workflow.Event(h.Event), h.Payload, names)})
	}
	papers, err := w.store.CaseDocuments(ctx, v, cs)
	if err != nil {
		return view, err
	}
	for _, d := range papers {
		t := workflow.TemplateByCode(d.Template)
		view.Papers = append(view.Papers, casePaperRow{Document: d, Title: strings.TrimSpace(t.Title + " " + t.Subject)})
	}
	if view.Files, err = w.store.CaseAttachments(ctx, cs); err != nil {
		return view, err
	}
	if view.MayAct {
		view.Forms = caseForms(cs, v, view.Petitioner, staff, today, sent, lang)
	}
	if sent != nil && !slices.ContainsFunc(view.Forms, func(f eventForm) bool { return f.Event == sent.Event }) {
		// The form is gone (the case moved on): say why at the top.
		msgs := []string{sent.Problem}
		for _, m := range sent.Errors {
			msgs = append(msgs, m)
		}
		view.Problem = strings.TrimSpace(strings.Join(msgs, " "))
	}
	return view, nil
}

// caseClocks lists the clocks not yet stopped (a suspended one says so), each
// explaining its due date in the page's language.
func caseClocks(cs store.Case, cal *workflow.Calendar, today workflow.Date, lang string) []caseClockRow {
	var out []caseClockRow
	for _, k := range cs.Clocks {
		if !k.StoppedOn.IsZero() {
			continue
		}
		row := caseClockRow{Name: k.Name, DueOn: k.DueOn, Status: workflow.StatusOn(cal, k.DueOn, today),
			Explanation: explainIn(lang, k, cal)}
		if !k.SuspendedOn.IsZero() {
			row.Paused = fmt.Sprintf(translate(lang, "case.suspended"), k.SuspendedOn.VN(), k.RunDays)
		}
		out = append(out, row)
	}
	return out
}

// nameOf shows a login as the person's name; names caches the lookups.
func nameOf(ctx context.Context, s *store.Store, names map[string]string, login string) string {
	if login == "" {
		return ""
	}
	if n, ok := names[login]; ok {
		return n
	}
	names[login] = login
	if u, err := s.UserByLogin(ctx, login); err == nil {
		names[login] = u.Name
	}
	return names[login]
}

// caseForms builds one form per event this viewer may fire now, in eventOrder.
func caseForms(cs store.Case, v workflow.Viewer, p *store.Petitioner, staff []store.User, today workflow.Date, sent *eventForm, lang string) []eventForm {
	evs := cs.Available(v.Role)
	slices.SortStableFunc(evs, func(a, b workflow.Event) int { return orderOf(a) - orderOf(b) })
	var out []eventForm
	for _, e := range evs {
		f := eventForm{Event: e, Version: cs.Version, Fields: append([]string{"on"}, eventFields(e, cs.Kind)...),
			Values: defaultValues(e, cs, today), Errors: map[string]string{}}
		if x, ok := cs.Extension(); ok && e == workflow.EvExtend {
			f.Hint, f.DaysMax = extensionHint(lang, x), x.MaxDays
		}
		if e == workflow.EvCorrect {
			f.Fields = append([]string{"on"}, correctFields(cs, p != nil)...)
			f.Values, f.Kinds, f.Letter = correctValues(cs, p, today), workflow.Kinds, workflow.Channels
		}
		if sent != nil && sent.Event == e {
			f.Values, f.Errors, f.Problem, f.Warning, f.Open = sent.Values, sent.Errors, sent.Problem, sent.Warning, true
			if sent.Has(confirmDayOff) {
				f.Fields = append(f.Fields, confirmDayOff)
			}
		}
		f.Inputs = f.inputs(lang, formChoices{staff: staff, reasons: workflow.ReasonCodes(cs.Kind, e),
			duties: openDuties(e, cs), kind: cs.Kind})
		out = append(out, f)
	}
	return out
}

func orderOf(e workflow.Event) int {
	if i := slices.Index(eventOrder, e); i >= 0 {
		return i
	}
	return len(eventOrder)
}

// defaultValues pre-fills a form: the act dated today, the case's current classification.
func defaultValues(e workflow.Event, cs store.Case, today workflow.Date) map[string]string {
	vals := map[string]string{"on": today.VN()}
	switch e {
	case workflow.EvClassify:
		vals["complexity"] = string(cs.Complexity)
		if cs.RemoteArea {
			vals["remote_area"] = "1"
		}
	case workflow.EvRecordDialogue:
		vals["attended"] = "1"
	case workflow.EvDisclose:
		vals["channel"] = disclosureChannels[0]
	case workflow.EvVerify:
		if cs.Facts.VerificationDiffers {
			vals["differs"] = "1"
		}
	case workflow.EvNotify, workflow.EvDeliver:
		if opts := openDuties(e, cs); len(opts) > 0 {
			vals[map[workflow.Event]string{workflow.EvNotify: "to", workflow.EvDeliver: "clock"}[e]] = opts[0]
		}
	}
	return vals
}

// formFieldNames are every field an event form may post: the act's day, the
// event fields, and a correction's registration fields.
var formFieldNames = func() []string {
	out := []string{"on"}
	for _, f := range workflow.Fields {
		out = append(out, f.Name)
	}
	return append(out, "received_on", "kind", "round", "prior_case_id", "letter_channel", "forwarded_by", "subject",
		"content", "name", "id_number", "phone", "address")
}()

// caseEvent is POST /ho-so/:id/su-kien: fires the posted event with the
// posted version; a refusal comes back in its form with the values kept.
func (w *web) caseEvent(c *gin.Context) {
	cs, ok := w.caseForPage(c)
	if !ok {
		return
	}
	lang := langOf(c)
	if !viewerOf(c).MayAct(cs.Ref()) {
		w.renderCase(c, http.StatusForbidden, cs, nil, translate(lang, "case.act_denied"))
		return
	}
	sent := &eventForm{Event: workflow.Event(c.PostForm("event")), Values: map[string]string{}, Errors: map[string]string{}}
	for _, name := range formFieldNames {
		sent.Values[name] = c.PostForm(name)
	}
	sent.Fields = append([]string{"on"}, eventFields(sent.Event, cs.Kind)...)
	if sent.Event == workflow.EvCorrect {
		w.caseCorrect(c, cs, sent)
		return
	}
	if sent.Event == workflow.EvScheduleDialogue && sent.Values[confirmDayOff] == "1" {
		sent.Fields = append(sent.Fields, confirmDayOff) // the box stays until the date is a working day
	}
	version, in, err := w.eventInput(c, sent)
	if err == nil {
		var updated store.Case
		updated, _, err = w.store.ApplyEvent(c.Request.Context(), userOf(c), viewerOf(c), cs, version, in, "")
		if err == nil {
			setFlash(c, fmt.Sprintf(translate(lang, "case.done"), translate(lang, "event."+string(in.Event))))
			// "#main" replaces the form's fragment, so the page opens at the flash.
			c.Redirect(http.StatusSeeOther, "/ho-so/"+strconv.FormatInt(updated.ID, 10)+"#main")
			return
		}
	}
	w.eventRefused(c, cs, sent, err)
}

// caseCorrect fires a posted correction (web_correct.go): a saved one goes
// back to the case, a refused one comes back in its form.
func (w *web) caseCorrect(c *gin.Context, cs store.Case, sent *eventForm) {
	lang, v := langOf(c), viewerOf(c)
	sent.Fields = append([]string{"on"}, correctFields(cs, v.MaySeePetitioner(cs.Ref()))...)
	version, k, err := w.correctionOf(c, sent)
	if err == nil {
		var updated store.Case
		if updated, _, err = w.store.Correct(c.Request.Context(), userOf(c), v, cs, version, k, ""); err == nil {
			setFlash(c, fmt.Sprintf(translate(lang, "case.done"), translate(lang, "event.correct")))
			c.Redirect(http.StatusSeeOther, "/ho-so/"+strconv.FormatInt(updated.ID, 10)+"#main")
			return
		}
	}
	w.eventRefused(c, cs, sent, err)
}

// eventRefused shows a refused event again: the fresh case for a stale
// version, the message next to its field or atop the form otherwise.
func (w *web) eventRefused(c *gin.Context, cs store.Case, sent *eventForm, err error) {
	var e *workflow.Error
	if !errors.As(err, &e) {
		pageFail(c, err)
		return
	}
	if e.Code == workflow.CodeConflict {
		fresh, ferr := w.store.Case(c.Request.Context(), cs.ID)
		if ferr != nil {
			pageFail(c, ferr)
			return
		}
		sent.Problem = translate(langOf(c), "case.stale")
		w.renderCase(c, http.StatusConflict, fresh, sent, sent.Problem)
		return
	}
	field := e.Field
	if sent.Event == workflow.EvCorrect {
		field = correctErrorField(field)
	}
	if e.Code == workflow.CodeDialogueNotWorkingDay && sent.Has("dialogue_on") {
		sent.Warning = w.dayOffWarning(langOf(c), sent.Values["dialogue_on"])
		if !sent.Has(confirmDayOff) {
			sent.Fields = append(sent.Fields, confirmDayOff)
		}
	} else if field != "" && sent.Has(field) {
		sent.Errors[field] = errText(langOf(c), e)
	} else {
		sent.Problem = errText(langOf(c), e)
	}
	w.renderCase(c, statusOf(e.Code), cs, sent, "")
}

// eventInput reads the posted form into the engine's input, through the API's
// own validation (eventBody.input). Errors name the field.
func (w *web) eventInput(c *gin.Context, sent *eventForm) (int, workflow.Input, error) {
	version, err := strconv.Atoi(c.PostForm("version"))
	if err != nil {
		return 0, workflow.Input{}, workflow.Invalid("version", "thiếu phiên bản hồ sơ; vui lòng tải lại trang")
	}
	b := eventBody{Version: &version}
	b.Event = sent.Event
	if err := w.formInput(c, sent, &b.Input); err != nil {
		return 0, workflow.Input{}, err
	}
	in, err := b.input()
	return version, in, err
}

// formInput reads each field the form shows, by its type (workflow.Fields):
// dates typed dd/mm/yyyy, a box ticked or not, a case by number or code.
func (w *web) formInput(c *gin.Context, sent *eventForm, in *workflow.Input) error {
	vals, lang := sent.Values, langOf(c)
	var err error
	if in.On, err = parseFormDate("on", vals["on"], lang); err != nil {
		return err
	}
	for _, name := range sent.Fields {
		f, ok := workflow.FieldNamed(name)
		if !ok {
			continue // "on", or a correction's registration field (correctionOf)
		}
		v := vals[name]
		switch f.Type {
		case workflow.FieldLine, workflow.FieldLong, workflow.FieldChoice:
			in.SetText(name, v)
		case workflow.FieldDate:
			d, err := parseFormDate(name, v, lang)
			if err != nil {
				return err
			}
			in.Set(name, d)
		case workflow.FieldCount:
			if v = strings.TrimSpace(v); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil {
					return workflow.Invalid(name, "%s", translate("vi", "case.bad_number"))
				}
				in.Set(name, n)
			}
		case workflow.FieldAmount:
			if v = strings.TrimSpace(v); v != "" {
				x, err := parseAmount(v)
				if err != nil {
					return workflow.Invalid(name, "%s", translate("vi", "case.bad_number"))
				}
				in.Set(name, x)
			}
		case workflow.FieldCheck, workflow.FieldTri:
			in.Set(name, v == "1")
		case workflow.FieldYesNo:
			if v != "" {
				in.Set(name, v == "yes")
			}
		case workflow.FieldCase:
			id, err := w.originalCase(c.Request.Context(), v)
			if err != nil {
				return err
			}
			in.Set(name, id)
		}
	}
	return nil
}

// parseAmount reads a quantity typed the Vietnamese way or the English way:
// "1.250,5" and "1250,5" and "1250.5" are one thousand two hundred and
// fifty and a half; with a comma present, dots group thousands.
func parseAmount(s string) (float64, error) {
	s = strings.ReplaceAll(s, " ", "")
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, workflow.Invalid("", "not a number")
	}
	return x, nil
}

// originalCase reads the original of a duplicate: a tracking code or a case number.
func (w *web) originalCase(ctx context.Context, s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64); err == nil && id > 0 {
		return id, nil
	}
	orig, err := w.store.CaseByTrackingCode(ctx, s)
	if err != nil {
		if workflow.ErrorCode(err) == workflow.CodeNotFound {
			return 0, workflow.Invalid("duplicate_of", "%s", translate("vi", "case.bad_original"))
		}
		return 0, err
	}
	return orig.ID, nil
}

// parseFormDate reads a typed dd/mm/yyyy (or YYYY-MM-DD); empty is the zero date.
func parseFormDate(field, s, lang string) (workflow.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return workflow.Date{}, nil
	}
	if d, err := workflow.ParseTypedDate(s); err == nil {
		return d, checkDate(field, d)
	}
	return workflow.Date{}, workflow.Invalid(field, "%s", translate("vi", "case.bad_date"))
}

// caseRefuse answers with a short page explaining why the viewer cannot go on.
func (w *web) caseRefuse(c *gin.Context, status int, msg string) {
	w.render(c, status, "case", casePageView{Problem: msg}, nil)
}
