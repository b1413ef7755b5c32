package handlers

// The reception desk (GET/POST /tiep-nhan) and the receipt (GET /bien-nhan/:id).
// The desk registers a letter or a walk-in visit through the same validation
// as the API (createCaseBody.normalise, then workflow.Receive inside
// store.CreateCase), warns of likely repeats before saving, and sends the
// officer to a printable receipt with the tracking code.

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// deskValues is the desk form as typed, kept as strings so that a refused
// submission comes back exactly as it was sent.
type deskValues struct {
	Kind, Round, PriorCode, Channel, ReceivedOn string
	ForwardedBy                                 string
	Subject, Content                            string
	Name, IDNumber, Phone, Address              string
	Anonymous, RemoteArea                       bool
	Disciplinary, ByTransfer, ByAuthority       bool
	Signatories, Complexity                     string
}

// deskView is the desk page.
type deskView struct {
	Denied       bool
	Problem      string // a refusal that names no field
	V            deskValues
	Today        string // YYYY-MM-DD: the latest receipt date allowed
	Kinds        []workflow.Kind
	Channels     []workflow.Channel
	Complexities []workflow.Complexity
	Repeats      []repeatRow
	focus        string
}

// Focus reports whether field gets the page's autofocus: the confirm button
// when repeats are listed, else the first field in error, else the first field.
func (v deskView) Focus(field string) bool { return v.focus == field }

// repeatRow is an earlier case the new letter may repeat; it never names that
// case's petitioner.
type repeatRow struct {
	store.Repeat
	ReasonKey string
}

// deskFieldOrder is the tab order of the form; the first field in error gets the focus.
var deskFieldOrder = []string{"kind", "round", "prior_code", "channel", "forwarded_by", "received_on", "subject", "content",
	"name", "id_number", "phone", "signatories", "address", "anonymous", "complexity", "remote_area",
	"disciplinary", "received_by_transfer", "forwarded_by_authority"}

// deskField maps a field named by the API's validation or the engine
// (workflow.Error.Field) to the desk form's field.
var deskField = map[string]string{
	"petitioner.name": "name", "petitioner.id_number": "id_number", "petitioner.phone": "phone",
	"petitioner.address": "address", "prior_case_id": "prior_code",
}

func formFieldOf(apiField string) string {
	if f, ok := deskField[apiField]; ok {
		return f
	}
	return apiField
}

// deskForm is GET /tiep-nhan: an empty form, received today, walk-in.
func (w *web) deskForm(c *gin.Context) {
	if !viewerOf(c).MayRegister() {
		w.deskDenied(c)
		return
	}
	vals := deskValues{Round: "1", Channel: "walk_in", ReceivedOn: w.store.Today().VN(), Signatories: "1",
		Complexity: string(workflow.Normal)}
	w.renderDesk(c, http.StatusOK, vals, nil, nil, "")
}

// deskSubmit is POST /tiep-nhan. A refused form comes back (400) with its
// values and a message next to each field at fault; likely repeats come back
// (409) listed above the save buttons until confirm_repeat=1 is sent; a saved
// letter goes to its receipt (303).
func (w *web) deskSubmit(c *gin.Context) {
	v := viewerOf(c)
	if !v.MayRegister() {
		w.deskDenied(c)
		return
	}
	ctx, lang := c.Request.Context(), langOf(c)
	vals := deskValuesOf(c)
	body, errs, err := w.deskBody(ctx, v, vals, lang)
	if err != nil {
		pageFail(c, err)
		return
	}
	if len(errs) > 0 {
		w.renderDesk(c, http.StatusBadRequest, vals, errs, nil, "")
		return
	}
	if c.PostForm("confirm_repeat") != "1" {
		repeats, err := w.deskRepeats(ctx, v, body)
		if err != nil {
			pageFail(c, err)
			return
		}
		if len(repeats) > 0 {
			w.renderDesk(c, http.StatusConflict, vals, nil, repeats, "")
			return
		}
	}
	cs, err := w.store.CreateCase(ctx, userOf(c), body.newCase())
	if err != nil {
		var e *workflow.Error
		if errors.As(err, &e) && e.Code != workflow.CodeInternal {
			errs, problem := map[string]string{}, ""
			if e.Field != "" {
				errs[formFieldOf(e.Field)] = sentence(e.Message)
			} else {
				problem = sentence(e.Message)
			}
			w.renderDesk(c, statusOf(e.Code), vals, errs, nil, problem)
			return
		}
		pageFail(c, err)
		return
	}
	setFlash(c, translate(lang, "desk.saved"))
	c.Redirect(http.StatusSeeOther, "/bien-nhan/"+strconv.FormatInt(cs.ID, 10))
}

// deskValuesOf reads the posted form.
func deskValuesOf(c *gin.Context) deskValues {
	return deskValues{Kind: c.PostForm("kind"), Round: c.PostForm("round"), PriorCode: c.PostForm("prior_code"),
		Channel: c.PostForm("channel"), ForwardedBy: c.PostForm("forwarded_by"), ReceivedOn: c.PostForm("received_on"), Subject: c.PostForm("subject"),
		Content: c.PostForm("content"), Name: c.PostForm("name"), IDNumber: c.PostForm("id_number"),
		Phone: c.PostForm("phone"), Address: c.PostForm("address"), Anonymous: c.PostForm("anonymous") == "1",
		Signatories: c.PostForm("signatories"), RemoteArea: c.PostForm("remote_area") == "1",
		Complexity: c.PostForm("complexity"), Disciplinary: c.PostForm("disciplinary") == "1",
		ByTransfer: c.PostForm("received_by_transfer") == "1", ByAuthority: c.PostForm("forwarded_by_authority") == "1"}
}

// deskBody turns the form into the API's createCaseBody and validates it the
// way the API does (normalise, then the engine's Receive rules), collecting one
// message per field so that every mistake shows at once. err is an internal failure.
func (w *web) deskBody(ctx context.Context, v workflow.Viewer, vals deskValues, lang string) (createCaseBody, map[string]string, error) {
	errs := map[string]string{}
	t := func(key string) string { return translate(lang, key) }
	b := createCaseBody{Kind: workflow.Kind(vals.Kind), Channel: workflow.Channel(vals.Channel), Subject: vals.Subject,
		ForwardedBy: vals.ForwardedBy,
		Content:     vals.Content, Anonymous: vals.Anonymous, RemoteArea: vals.RemoteArea,
		Complexity: workflow.Complexity(vals.Complexity), Disciplinary: vals.Disciplinary,
		ReceivedByTransfer: vals.ByTransfer, ForwardedByAuthority: vals.ByAuthority,
		Petitioner: store.Petitioner{Name: vals.Name, IDNumber: vals.IDNumber, Phone: vals.Phone, Address: vals.Address}}
	if vals.Kind == "" {
		errs["kind"] = t("desk.err.kind")
	}
	if b.Kind == workflow.Complaint {
		b.Round, _ = strconv.Atoi(vals.Round) // the engine refuses anything but 1 or 2
	}
	if d, ok := deskDate(vals.ReceivedOn); ok {
		b.ReceivedOn = d
	} else {
		errs["received_on"] = t("desk.err.date")
	}
	if s := strings.TrimSpace(vals.Signatories); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			errs["signatories"] = t("desk.err.signatories")
		}
		b.Signatories = n
	}
	if id := strings.TrimSpace(vals.IDNumber); id != "" && !workflow.ValidIDNumber(id) {
		errs["id_number"] = t("desk.err.id_number")
	}
	deskNormalise(&b, errs, lang)
	prior, err := w.deskPrior(ctx, v, b, vals.PriorCode)
	if err != nil {
		var e *workflow.Error
		if !errors.As(err, &e) {
			return b, nil, err
		}
		if _, seen := errs["prior_code"]; !seen {
			errs["prior_code"] = sentence(e.Message)
		}
	} else if prior != 0 {
		b.PriorCaseID = &prior
	}
	if _, taken := errs["kind"]; !taken {
		env := workflow.Env{Calendar: w.store.Calendar(), Today: w.store.Today(), Settings: workflow.DefaultUnitSettings}
		if _, _, err := workflow.Receive(b.intake(), env); err != nil {
			addEngineError(errs, err, lang)
		}
	}
	return b, errs, nil
}

// deskNormalise runs the API's normalise, and again after each field it
// refuses (with a stand-in value), so that every text field in error gets its
// message. b keeps the normalised values only when all are valid.
func deskNormalise(b *createCaseBody, errs map[string]string, lang string) {
	trial := *b
	for range len(deskFieldOrder) {
		err := trial.normalise()
		if err == nil {
			break
		}
		var e *workflow.Error
		if !errors.As(err, &e) || e.Field == "" {
			addEngineError(errs, err, lang)
			return
		}
		f := formFieldOf(e.Field)
		if _, seen := errs[f]; seen {
			return
		}
		errs[f] = sentence(e.Message)
		p := textOf(&trial, e.Field)
		if p == nil {
			return
		}
		*p = "x"
	}
	if len(errs) == 0 {
		_ = b.normalise() // succeeds: the trial with the same values did
		return
	}
	b.Round, b.Channel = trial.Round, trial.Channel
}

// textOf points at the text field of the body that normalise names.
func textOf(b *createCaseBody, field string) *string {
	switch field {
	case "subject":
		return &b.Subject
	case "content":
		return &b.Content
	case "petitioner.name":
		return &b.Petitioner.Name
	case "petitioner.id_number":
		return &b.Petitioner.IDNumber
	case "petitioner.phone":
		return &b.Petitioner.Phone
	case "petitioner.address":
		return &b.Petitioner.Address
	case "forwarded_by":
		return &b.ForwardedBy
	}
	return nil
}

// addEngineError files the engine's message (errText) under its form field,
// unless that field already has one; a message naming no field goes under "".
func addEngineError(errs map[string]string, err error, lang string) {
	field := ""
	if e := (*workflow.Error)(nil); errors.As(err, &e) {
		field = formFieldOf(e.Field)
	}
	if _, seen := errs[field]; !seen {
		errs[field] = errText(lang, err)
	}
}

// deskPrior resolves the round-1 case of a round-2 complaint from its tracking
// code and holds the letter to it with store.CheckPrior — the check
// CreateCase makes for the API too. A code that names no case gets the answer
// of a case out of the officer's reach. 0 when none is given. A
// workflow.Error is a message for the field; anything else is internal.
func (w *web) deskPrior(ctx context.Context, v workflow.Viewer, b createCaseBody, code string) (int64, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return 0, nil
	}
	cs, err := w.store.CaseByTrackingCode(ctx, code)
	switch {
	case workflow.ErrorCode(err) == workflow.CodeNotFound:
		return 0, workflow.PriorUnknown()
	case err != nil:
		return 0, err
	}
	in := workflow.Intake{Kind: b.Kind, Round: b.Round, ReceivedOn: b.ReceivedOn}
	if err := w.store.CheckPrior(ctx, v, in, cs.ID, b.Petitioner); err != nil {
		return 0, err
	}
	return cs.ID, nil
}

// deskRepeats lists the likely repeats the officer may be told of. A repeat
// tells that the person at the desk sent the earlier letter, so it is listed
// only where the officer may see that letter's sender: a denunciation's
// identity is secret (LTC 2018 Art. 8(3), 56) and the check must not become a
// way to find out who denounced whom.
func (w *web) deskRepeats(ctx context.Context, v workflow.Viewer, b createCaseBody) ([]repeatRow, error) {
	if b.Anonymous {
		b.Petitioner.Name = ""
	}
	found, err := w.store.FindRepeats(ctx, v, b.Petitioner, b.Subject)
	if err != nil {
		return nil, err
	}
	var out []repeatRow
	for _, r := range found {
		cs, err := w.store.Case(ctx, r.CaseID)
		if err != nil {
			return nil, err
		}
		if !v.MaySeePetitioner(cs.Ref()) {
			continue
		}
		out = append(out, repeatRow{Repeat: r, ReasonKey: "desk.reason." + r.Reason})
	}
	return out, nil
}

// renderDesk shows the form with its values, messages and repeats.
func (w *web) renderDesk(c *gin.Context, status int, vals deskValues, errs map[string]string, repeats []repeatRow, problem string) {
	view := deskView{V: vals, Today: w.store.Today().String(), Kinds: workflow.Kinds, Channels: workflow.Channels,
		Complexities: workflow.Complexities,
		Repeats:      repeats, Problem: problem, focus: "kind"}
	if msg, ok := errs[""]; ok {
		view.Problem = msg
		delete(errs, "")
	}
	for i := len(deskFieldOrder) - 1; i >= 0; i-- {
		if _, ok := errs[deskFieldOrder[i]]; ok {
			view.focus = deskFieldOrder[i]
		}
	}
	if len(repeats) > 0 {
		view.focus = "confirm"
	}
	w.render(c, status, "desk", view, errs)
}

func (w *web) deskDenied(c *gin.Context) {
	w.render(c, http.StatusForbidden, "desk", deskView{Denied: true}, nil)
}

// deskDate reads a date input (YYYY-MM-DD) or a typed dd/mm/yyyy; empty is
// the zero date, which the engine takes as today.
func deskDate(s string) (workflow.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return workflow.Date{}, true
	}
	d, err := workflow.ParseTypedDate(s)
	return d, err == nil && checkDate("received_on", d) == nil
}

// sentence makes an engine message a sentence: capital first letter, one full stop.
func sentence(msg string) string {
	r, size := utf8.DecodeRuneInString(msg)
	if size == 0 {
		return msg
	}
	return string(unicode.ToUpper(r)) + strings.TrimSuffix(msg[size:], ".") + "."
}

// receiptView is the printable receipt.
type receiptView struct {
	Found      bool
	Problem    string
	Case       store.Case
	Petitioner string // only when the viewer may see it
	Clocks     []receiptClock
	TrackURL   string
	Head       paperHead // the receiving body, the place and the day, as a paper heads them
	Receiver   string    // the officer who hands it over
	Papers     []string  // the papers handed in with the letter: the case's files kept so far
}

type receiptClock struct {
	Label       string
	DueOn       workflow.Date
	Explanation string
}

// receipt is GET /bien-nhan/:id, the desk's printout: for reception and heads
// who may read the case (README), 403 for everyone else, whatever the id.
func (w *web) receipt(c *gin.Context) {
	lang := langOf(c)
	if r := viewerOf(c).Role; r != workflow.RoleReception && r != workflow.RoleHead {
		w.receiptRefuse(c, http.StatusForbidden, translate(lang, "receipt.denied"))
		return
	}
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		w.receiptRefuse(c, http.StatusNotFound, translate(lang, "receipt.not_found"))
		return
	}
	ctx, v := c.Request.Context(), viewerOf(c)
	cs, err := w.store.Case(ctx, id)
	switch {
	case workflow.ErrorCode(err) == workflow.CodeNotFound:
		w.receiptRefuse(c, http.StatusNotFound, translate(lang, "receipt.not_found"))
		return
	case err != nil:
		pageFail(c, err)
		return
	case !v.MayRead(cs.Ref()):
		w.receiptRefuse(c, http.StatusForbidden, translate(lang, "receipt.denied"))
		return
	}
	view := receiptView{Found: true, Case: cs}
	if !cs.Anonymous {
		p, ok, err := w.store.Petitioner(ctx, v, cs, "web:receipt")
		if err != nil {
			pageFail(c, err)
			return
		}
		if ok {
			view.Petitioner = p.Name
		}
	}
	view.Clocks = receiptClocks(cs, w.store.Calendar(), lang)
	view.TrackURL = store.Unit{Settings: cs.UnitSettings}.SettingsHistory().On(w.store.Today()).TrackURL(w.origin(c), cs.TrackingCode)
	units, err := w.store.Units(ctx)
	if err != nil {
		pageFail(c, err)
		return
	}
	view.Head = headOf(units, cs.UnitID, cs.ReceivedOn)
	view.Receiver = userOf(c).Name
	files, err := w.store.CaseAttachments(ctx, cs)
	if err != nil {
		pageFail(c, err)
		return
	}
	for _, f := range files {
		if f.WithdrawnAt == nil {
			view.Papers = append(view.Papers, f.Title)
		}
	}
	w.render(c, http.StatusOK, "receipt", view, nil)
}

// receiptClocks are the reply and acceptance deadlines, each with its explanation.
func receiptClocks(cs store.Case, cal *workflow.Calendar, lang string) []receiptClock {
	var out []receiptClock
	for _, name := range []workflow.ClockName{workflow.ClockProcessing, workflow.ClockAcceptance} {
		for _, k := range cs.Clocks {
			if k.Name != name || !k.StoppedOn.IsZero() {
				continue
			}
			out = append(out, receiptClock{Label: translate(lang, "receipt.clock."+string(name)), DueOn: k.DueOn,
				Explanation: explainIn(lang, k, cal)})
		}
	}
	return out
}

func (w *web) receiptRefuse(c *gin.Context, status int, msg string) {
	w.render(c, status, "receipt", receiptView{Problem: msg}, nil)
}
