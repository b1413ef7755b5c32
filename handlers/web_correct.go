package handlers

// The correction form of the case page (issue 13 §3): what was typed at
// registration, prefilled, offered to reception and heads. The identity
// fields are offered only to those who may see the petitioner; a form
// without them cannot change them.

import (
	"context"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// correctFormField maps each correction field (workflow.CorrectionFields) to
// its name in the case page's form, where "channel" is the disclosure's.
var correctFormField = map[string]string{
	"received_on": "received_on", "kind": "kind", "round": "round", "prior_case_id": "prior_case_id",
	"channel": "letter_channel", "forwarded_by": "forwarded_by", "subject": "subject", "content": "content",
	"petitioner.name": "name", "petitioner.id_number": "id_number", "petitioner.phone": "phone",
	"petitioner.address": "address",
}

// correctFields lists the correction form's fields for this case and viewer:
// the kind and round before acceptance only, the identity only to those who
// may see it and never on an anonymous letter.
func correctFields(cs store.Case, seesIdentity bool) []string {
	var out []string
	beforeAcceptance := cs.State == workflow.Received || cs.State == workflow.Assigned
	for _, f := range workflow.CorrectionFields {
		switch {
		case f.BeforeAcceptance && !beforeAcceptance:
			continue
		case f.Name == "prior_case_id" && (cs.Kind != workflow.Complaint || !beforeAcceptance && cs.Round != 2):
			continue
		case f.Identity && (!seesIdentity || cs.Anonymous):
			continue
		}
		out = append(out, correctFormField[f.Name])
	}
	return append(out, "reason")
}

// correctValues prefills the correction form with the case as it stands.
func correctValues(cs store.Case, p *store.Petitioner, today workflow.Date) map[string]string {
	vals := map[string]string{"on": today.VN(), "received_on": cs.ReceivedOn.VN(), "kind": string(cs.Kind),
		"round": strconv.Itoa(max(cs.Round, 1)), "letter_channel": string(cs.Channel), "forwarded_by": cs.ForwardedBy,
		"subject": cs.Subject, "content": cs.Content}
	if cs.PriorCaseID != 0 {
		vals["prior_case_id"] = "#" + strconv.FormatInt(cs.PriorCaseID, 10)
	}
	if p != nil {
		vals["name"], vals["id_number"], vals["phone"], vals["address"] = p.Name, p.IDNumber, p.Phone, p.Address
	}
	return vals
}

// correctionOf reads a posted correction form: every field the form shows
// is sent, and the store changes only those whose value differs.
func (w *web) correctionOf(c *gin.Context, sent *eventForm) (int, store.Correction, error) {
	vals, lang := sent.Values, langOf(c)
	version, err := strconv.Atoi(c.PostForm("version"))
	if err != nil {
		return 0, store.Correction{}, workflow.Invalid("version", "thiếu phiên bản hồ sơ; vui lòng tải lại trang")
	}
	b := eventBody{Version: &version}
	b.Event, b.Reason = workflow.EvCorrect, vals["reason"]
	if b.On, err = parseFormDate("on", vals["on"], lang); err != nil {
		return 0, store.Correction{}, err
	}
	str := func(field string) *string {
		if !sent.Has(field) {
			return nil
		}
		v := vals[field]
		return &v
	}
	b.Subject, b.Content, b.ForwardedBy = str("subject"), str("content"), str("forwarded_by")
	if sent.Has("letter_channel") {
		b.Channel = vals["letter_channel"]
	}
	if sent.Has("received_on") {
		if b.ReceivedOn, err = parseFormDate("received_on", vals["received_on"], lang); err != nil {
			return 0, store.Correction{}, err
		}
		if b.ReceivedOn.IsZero() {
			return 0, store.Correction{}, workflow.Invalid("received_on", "cần nhập ngày nhận đơn")
		}
	}
	if sent.Has("kind") {
		b.Kind = workflow.Kind(vals["kind"])
	}
	if sent.Has("round") && b.Kind == workflow.Complaint {
		n, err := strconv.Atoi(vals["round"])
		if err != nil {
			return 0, store.Correction{}, workflow.Invalid("round", "%s", translate("vi", "case.bad_number"))
		}
		b.Round = &n
	}
	if sent.Has("prior_case_id") {
		id, err := w.priorCase(c.Request.Context(), vals["prior_case_id"])
		if err != nil {
			return 0, store.Correction{}, err
		}
		b.PriorCaseID = &id
	}
	if sent.Has("name") {
		b.Petitioner = &petitionerPatch{Name: str("name"), IDNumber: str("id_number"), Phone: str("phone"), Address: str("address")}
	}
	in, err := b.input()
	if err != nil {
		return 0, store.Correction{}, err
	}
	k, err := b.correction(in)
	return version, k, err
}

// priorCase reads a round-1 case typed as a tracking code or "#id"; a code
// that names no case is answered as one out of reach (workflow.PriorUnknown).
func (w *web) priorCase(ctx context.Context, s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64); err == nil && id > 0 {
		return id, nil
	}
	cs, err := w.store.CaseByTrackingCode(ctx, s)
	if workflow.ErrorCode(err) == workflow.CodeNotFound {
		return 0, workflow.PriorUnknown()
	}
	return cs.ID, err
}

// correctErrorField is the form field an error of a correction names.
func correctErrorField(field string) string {
	if f, ok := correctFormField[field]; ok {
		return f
	}
	if field == "petitioner" {
		return "name"
	}
	return field
}
