package workflow

import (
	"slices"
	"strings"
)

// EvCorrect corrects what was typed at registration (issue 13 §3): the
// petitioner, the subject and content, the channel, the received date, the
// kind and round, the forwarding body. It changes no state.
const EvCorrect Event = "correct"

// correctable are the states in which a registration may be corrected: every
// state that still takes an act. A final state (closed, rejected,
// transferred, filed, withdrawn) takes none (State.Final): its record is
// archived as it stands, and a mistake found later is noted on a new case.
var correctable = []State{Received, Assigned, InResolution, Suspended, Resolved, Disclosed}

// CorrectionField is one registration field a correction may change.
type CorrectionField struct {
	Name string // the API's name (POST /api/v1/cases); identity fields under "petitioner."
	// Identity fields are sealed at rest and shown only to those who may see
	// the petitioner (DOMAIN.md §4); the history keeps them sealed.
	Identity bool
	// BeforeAcceptance fields change which clocks run and how long they are:
	// once a case is accepted its resolution clock already follows them.
	BeforeAcceptance bool
}

// CorrectionFields are the fields of a correction, in the order forms and
// history lines show them (STYLE.md habit 9: the list drives the decoder, the
// form, the history and the checks).
var CorrectionFields = []CorrectionField{
	{Name: "received_on"}, {Name: "kind", BeforeAcceptance: true}, {Name: "round", BeforeAcceptance: true},
	{Name: "prior_case_id"}, {Name: "channel"}, {Name: "forwarded_by"}, {Name: "subject"}, {Name: "content"},
	{Name: "petitioner.name", Identity: true}, {Name: "petitioner.id_number", Identity: true},
	{Name: "petitioner.phone", Identity: true}, {Name: "petitioner.address", Identity: true},
}

// Registration is what was typed at registration that a correction may
// change, the petitioner's identity aside (the store seals it).
type Registration struct {
	Kind        Kind    `json:"kind"`
	Round       int     `json:"round"`
	PriorCaseID int64   `json:"prior_case_id"`
	Channel     Channel `json:"channel"`
	ForwardedBy string  `json:"forwarded_by"`
	ReceivedOn  Date    `json:"received_on"`
	Subject     string  `json:"subject"`
	Content     string  `json:"content"`
}

// Normalised fills in what follows from the kind and the channel: a
// complaint is round 1 unless said otherwise, other kinds have no round, only
// a round-2 complaint names a round-1 case, and only a forwarded letter names
// the body that forwarded it.
func (r Registration) Normalised() Registration {
	switch {
	case r.Kind != Complaint:
		r.Round = 0
	case r.Round == 0:
		r.Round = 1
	}
	if r.Kind != Complaint || r.Round != 2 {
		r.PriorCaseID = 0
	}
	if r.Channel != ChannelForwarded {
		r.ForwardedBy = ""
	}
	return r
}

// values are the registration's fields by name, as the history records them.
func (r Registration) values() map[string]any {
	v := map[string]any{"kind": r.Kind, "round": r.Round, "channel": r.Channel, "forwarded_by": r.ForwardedBy,
		"received_on": r.ReceivedOn.String(), "subject": r.Subject, "content": r.Content, "prior_case_id": nil}
	if r.PriorCaseID != 0 {
		v["prior_case_id"] = r.PriorCaseID
	}
	return v
}

// Correction is the input of a correct act: the registration before and
// after (already Normalised), and what the store knows that the rules need.
type Correction struct {
	Before, After Registration
	// Identity names the identity fields that change ("petitioner.name" …);
	// their values never reach the engine or the record in clear.
	Identity []string
	// FirstActOn is the date of the first act after receipt (zero when none):
	// a received date after it would put the case's acts out of order.
	FirstActOn Date
	// PriorMatterFrom is the matter start of After's round-1 case, if any.
	PriorMatterFrom Date
}

// correct applies a correction to n (an in-place copy of the case): the
// checks of each field, the clocks that start at receipt counted again from
// the new received date under the new kind's rules, and the record's payload
// with the before and after of each changed field (identity aside).
func (n *Case) correct(in Input, env Env, p map[string]any) error {
	k := in.Correction
	if k == nil {
		return Invalid("event", "thiếu nội dung sửa thông tin đăng ký")
	}
	if strings.TrimSpace(in.Reason) == "" {
		return Invalid("reason", "cần ghi lý do sửa thông tin đăng ký")
	}
	b, a := k.Before, k.After
	before, after := b.values(), a.values()
	var changed []string
	for _, f := range CorrectionFields {
		if !f.Identity && before[f.Name] != after[f.Name] {
			changed = append(changed, f.Name)
		}
	}
	if len(changed) == 0 && len(k.Identity) == 0 {
		return Invalid("", "không có thông tin nào thay đổi")
	}
	if err := n.checkCorrection(k, in.On, env); err != nil {
		return err
	}
	pb, pa := map[string]any{}, map[string]any{}
	for _, f := range changed {
		pb[f], pa[f] = before[f], after[f]
	}
	p["reason"] = in.Reason
	if len(changed) > 0 {
		p["before"], p["after"] = pb, pa
	}
	if len(k.Identity) > 0 {
		p["petitioner_fields"] = k.Identity
	}
	kindChanged := a.Kind != b.Kind || a.Round != b.Round
	n.Kind, n.Round = a.Kind, a.Round
	if !a.ReceivedOn.Equal(b.ReceivedOn) || kindChanged {
		if moved := n.recount(env, a.ReceivedOn, kindChanged); len(moved) > 0 {
			p["recounted"] = moved
		}
	}
	if n.MatterStartedOn.Equal(b.ReceivedOn) || a.PriorCaseID != b.PriorCaseID {
		n.MatterStartedOn = a.ReceivedOn
		if a.PriorCaseID != 0 && !k.PriorMatterFrom.IsZero() && k.PriorMatterFrom.Before(a.ReceivedOn) {
			n.MatterStartedOn = k.PriorMatterFrom
		}
	}
	n.ReceivedOn = a.ReceivedOn
	return nil
}

// checkCorrection holds a correction to the rules of registration (Receive)
// and to the case's life so far.
func (n *Case) checkCorrection(k *Correction, on Date, env Env) error {
	b, a := k.Before, k.After
	if (a.Kind != b.Kind || a.Round != b.Round) && n.State != Received && n.State != Assigned {
		return &Error{Code: CodeCorrectionLocked, Field: "kind",
			Message: "chỉ sửa loại đơn và lần khiếu nại trước khi thụ lý"}
	}
	switch {
	case !a.Kind.Valid():
		return Invalid("kind", "loại đơn không hợp lệ: %q", a.Kind)
	case a.Kind == Complaint && a.Round != 1 && a.Round != 2:
		return Invalid("round", "khiếu nại phải là lần 1 hoặc lần 2")
	case a.Kind != Complaint && a.Round != 0:
		return Invalid("round", "chỉ khiếu nại mới có lần giải quyết")
	case n.Anonymous && a.Kind != Denunciation && a.Kind != Petition:
		return Invalid("kind", "chỉ tố cáo hoặc phản ánh mới có thể nặc danh")
	case !a.Channel.Valid():
		return Invalid("channel", "kênh tiếp nhận không hợp lệ: %q", a.Channel)
	case strings.TrimSpace(a.Subject) == "":
		return Invalid("subject", "cần nhập trích yếu nội dung đơn")
	}
	// The facts of how it arrived must still fit the kind and channel (a disciplinary
	// complaint made a denunciation, a forwarded denunciation whose channel changes).
	facts := Intake{Kind: a.Kind, Channel: a.Channel, Disciplinary: n.Disciplinary,
		ReceivedByTransfer: n.ReceivedByTransfer, ForwardedByAuthority: n.ForwardedByAuthority}
	if err := facts.checkFacts(); err != nil {
		return err
	}
	if a.ReceivedOn.Equal(b.ReceivedOn) {
		return nil
	}
	switch {
	case a.ReceivedOn.IsZero():
		return Invalid("received_on", "cần nhập ngày nhận đơn")
	case a.ReceivedOn.After(env.Today):
		return Invalid("received_on", "ngày nhận đơn không được sau ngày hôm nay")
	case a.ReceivedOn.Before(lawStart):
		return Invalid("received_on", "ngày nhận đơn không được trước 01/01/2000")
	case !k.FirstActOn.IsZero() && a.ReceivedOn.After(k.FirstActOn):
		// The acts after receipt must stay in date order.
		return Invalid("received_on", "ngày nhận đơn không được sau ngày của thao tác đầu tiên trên hồ sơ (%s)", k.FirstActOn.VN())
	case a.ReceivedOn.After(on):
		return Invalid("received_on", "ngày nhận đơn không được sau ngày sửa")
	}
	return nil
}

// startsAtReceipt reports whether a clock counts from the day of receipt:
// processing and acceptance, and a denunciation's transfer (LTC 24(2)).
func startsAtReceipt(k Clock) bool { return k.Trigger == AtReceipt || k.Trigger == AtCompetence }

// recount counts the clocks that start at receipt again from received, under
// the rules of the case's (possibly new) kind and round in force on that day
// (DOMAIN.md §3: the acceptance clock's length is the one in force on the day
// of receipt). Stopped clocks stay as they were: their duty is done. While the
// kind stays, extensions already granted stay granted (LTC 24(1)); a new kind
// starts its clocks afresh. It returns, for each clock whose due date moved,
// its old and new due dates (null for a clock that ends or begins).
func (n *Case) recount(env Env, received Date, kindChanged bool) []map[string]any {
	var moved []map[string]any
	note := func(name ClockName, from, to any) {
		moved = append(moved, map[string]any{"clock": string(name), "old_due_on": from, "new_due_on": to})
	}
	counts := func(k Clock) bool { return startsAtReceipt(k) && k.StoppedOn.IsZero() }
	if !kindChanged {
		for i := range n.Clocks {
			k := &n.Clocks[i]
			if !counts(*k) {
				continue
			}
			r, ok := ruleFor(n.Subject(), k.Name, received)
			if !ok {
				continue
			}
			days := r.LengthFor(n.Complexity, n.RemoteArea)
			if was, ok := ruleFor(n.Subject(), k.Name, k.StartedOn); ok {
				days += k.Days - was.LengthFor(n.Complexity, n.RemoteArea)
			}
			nk := newClock(env.Calendar, r, received, days)
			nk.Trigger, nk.Extensions = k.Trigger, k.Extensions
			if !nk.DueOn.Equal(k.DueOn) {
				note(k.Name, k.DueOn.String(), nk.DueOn.String())
			}
			*k = nk
		}
		return moved
	}
	var kept, ended []Clock
	transfer := false
	for _, k := range n.Clocks {
		if !counts(k) {
			kept = append(kept, k)
			continue
		}
		ended = append(ended, k)
		transfer = transfer || k.Name == ClockTransfer
	}
	n.Clocks = kept
	n.startClocks(env, AtReceipt, received)
	// A transfer clock runs once an officer found the body not competent; it stays a denunciation's.
	if transfer && n.Kind == Denunciation {
		for _, r := range RulesFor(n.Subject(), AtCompetence, received, env.settingsOn(received)) {
			n.Clocks = append(n.Clocks, newClock(env.Calendar, r, received, r.Days))
		}
	}
	started := n.Clocks[len(kept):]
	for _, k := range ended {
		i := slices.IndexFunc(started, func(x Clock) bool { return x.Name == k.Name })
		switch {
		case i < 0:
			note(k.Name, k.DueOn.String(), nil)
		case !started[i].DueOn.Equal(k.DueOn):
			note(k.Name, k.DueOn.String(), started[i].DueOn.String())
		}
	}
	for _, k := range started {
		if !slices.ContainsFunc(ended, func(x Clock) bool { return x.Name == k.Name }) {
			note(k.Name, nil, k.DueOn.String())
		}
	}
	return moved
}
