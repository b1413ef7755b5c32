package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// eventBody is POST /api/v1/cases/{id}/events (API.md).
type eventBody struct {
	Event          workflow.Event      `json:"event"`
	Version        *int                `json:"version"`
	On             workflow.Date       `json:"on"`
	Note           string              `json:"note"`
	Assignee       string              `json:"assignee"`
	Complexity     workflow.Complexity `json:"complexity"`
	RemoteArea     *bool               `json:"remote_area"`
	Competent      *bool               `json:"competent"`
	ReasonCode     string              `json:"reason_code"`
	Target         string              `json:"target"`
	DuplicateOf    int64               `json:"duplicate_of"`
	Days           int                 `json:"days"`
	DialogueOn     workflow.Date       `json:"dialogue_on"`
	ConfirmDayOff  bool                `json:"confirm_non_working_day"`
	Minutes        string              `json:"minutes"`
	Attended       *bool               `json:"attended"`
	Differs        *bool               `json:"differs"`
	Outcome        workflow.Outcome    `json:"outcome"`
	Summary        string              `json:"summary"`
	Channel        string              `json:"channel"`
	Text           string              `json:"text"`
	ViolationSigns bool                `json:"violation_signs"`
	To             string              `json:"to"`    // notify: "denouncer" or "forwarder"
	Clock          workflow.ClockName  `json:"clock"` // deliver: "delivery" or "decision_delivery"

	// correct: the reason, and the registration fields to change under
	// their names at POST /api/v1/cases (channel is the letter's channel).
	Reason      string           `json:"reason"`
	ReceivedOn  workflow.Date    `json:"received_on"`
	Kind        workflow.Kind    `json:"kind"`
	Round       *int             `json:"round"`
	PriorCaseID *int64           `json:"prior_case_id"`
	ForwardedBy *string          `json:"forwarded_by"`
	Subject     *string          `json:"subject"`
	Content     *string          `json:"content"`
	Petitioner  *petitionerPatch `json:"petitioner"`
}

// petitionerPatch is the identity fields a correction names.
type petitionerPatch struct {
	Name     *string `json:"name"`
	IDNumber *string `json:"id_number"`
	Phone    *string `json:"phone"`
	Address  *string `json:"address"`
}

// correction reads a correct act's fields, normalised and checked as
// registration checks them (createCaseBody.normalise).
func (b *eventBody) correction(in workflow.Input) (store.Correction, error) {
	k := store.Correction{On: in.On, Reason: b.Reason, Note: in.Note, ReceivedOn: b.ReceivedOn, Kind: b.Kind,
		Round: b.Round, PriorCaseID: b.PriorCaseID, Channel: workflow.Channel(b.Channel), ForwardedBy: b.ForwardedBy,
		Subject: b.Subject, Content: b.Content}
	fields := []textField{{"reason", &k.Reason, maxLong}}
	opt := func(name string, v *string, max int) {
		if v != nil {
			fields = append(fields, textField{name, v, max})
		}
	}
	opt("subject", k.Subject, 500)
	opt("content", k.Content, maxLong)
	opt("forwarded_by", k.ForwardedBy, 500)
	if p := b.Petitioner; p != nil {
		k.Petitioner = store.PetitionerPatch{Name: p.Name, IDNumber: p.IDNumber, Phone: p.Phone, Address: p.Address}
		opt("petitioner.name", p.Name, maxShort)
		opt("petitioner.id_number", p.IDNumber, 32)
		opt("petitioner.phone", p.Phone, 32)
		opt("petitioner.address", p.Address, 500)
	}
	if err := texts(fields...); err != nil {
		return k, err
	}
	if k.Reason == "" {
		return k, workflow.Invalid("reason", "cần ghi lý do sửa thông tin đăng ký")
	}
	if k.PriorCaseID != nil && *k.PriorCaseID < 0 {
		return k, workflow.Invalid("prior_case_id", "số hồ sơ lần đầu không hợp lệ")
	}
	if p := k.Petitioner.IDNumber; p != nil {
		if err := checkIDNumber(*p); err != nil {
			return k, err
		}
	}
	if k.Subject != nil && *k.Subject == "" {
		return k, workflow.Invalid("subject", "cần nhập trích yếu nội dung đơn")
	}
	if p := b.Petitioner; p != nil && p.Name != nil && *p.Name == "" {
		return k, workflow.Invalid("petitioner.name", "cần nhập họ tên người gửi đơn")
	}
	return k, nil
}

func (b *eventBody) input() (workflow.Input, error) {
	err := texts(textField{"note", &b.Note, maxLong}, textField{"assignee", &b.Assignee, maxShort},
		textField{"reason_code", &b.ReasonCode, 32}, textField{"target", &b.Target, 500},
		textField{"minutes", &b.Minutes, maxLong}, textField{"summary", &b.Summary, maxLong},
		textField{"channel", &b.Channel, maxShort}, textField{"text", &b.Text, maxLong}, textField{"to", &b.To, 32})
	if err != nil {
		return workflow.Input{}, err
	}
	if b.Event == "" {
		return workflow.Input{}, workflow.Invalid("event", "thiếu tên sự kiện")
	}
	if b.Version == nil {
		return workflow.Input{}, workflow.Invalid("version", "thiếu phiên bản hồ sơ (version)")
	}
	if b.Days < 0 || b.Days > maxDays {
		return workflow.Input{}, workflow.Invalid("days", "số ngày gia hạn phải từ 1 đến %d", maxDays)
	}
	return workflow.Input{Event: b.Event, On: b.On, Note: b.Note, Assignee: b.Assignee, Complexity: b.Complexity,
		RemoteArea: b.RemoteArea, Competent: b.Competent, ReasonCode: b.ReasonCode, Target: b.Target,
		DuplicateOf: b.DuplicateOf, Days: b.Days, DialogueOn: b.DialogueOn, ConfirmDayOff: b.ConfirmDayOff, Minutes: b.Minutes,
		Attended: b.Attended, Differs: b.Differs, Outcome: b.Outcome, Summary: b.Summary, Channel: b.Channel,
		Text: b.Text, ViolationSigns: b.ViolationSigns, To: b.To, Clock: b.Clock}, nil
}

func (a *api) fireEvent(c *gin.Context) {
	cs, ok := a.readableCase(c)
	if !ok {
		return
	}
	if !viewerOf(c).MayAct(cs.Ref()) {
		forbidden(c, "vai trò hoặc đơn vị của bạn không được thao tác trên hồ sơ này")
		return
	}
	var b eventBody
	if !decodeJSON(c, &b) {
		return
	}
	in, err := b.input()
	if err != nil {
		fail(c, err)
		return
	}
	v := viewerOf(c)
	var updated store.Case
	var p *store.Petitioner
	if in.Event == workflow.EvCorrect {
		k, kerr := b.correction(in)
		if kerr != nil {
			fail(c, kerr)
			return
		}
		updated, p, err = a.store.Correct(c.Request.Context(), userOf(c), v, cs, *b.Version, k, "api:"+c.FullPath())
	} else {
		updated, p, err = a.store.ApplyEvent(c.Request.Context(), userOf(c), v, cs, *b.Version, in, "api:"+c.FullPath())
	}
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, newCaseView(updated, v, p, a.store.Calendar(), a.store.Today()))
}
