package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// eventBody is POST /api/v1/cases/{id}/events (API.md): the version the
// act was decided on, the event's fields (workflow.Fields), and for a
// correction the registration fields to change under their names at POST
// /api/v1/cases ("channel" is then the letter's channel).
type eventBody struct {
	Version *int `json:"version"`
	workflow.Input

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
	k := store.Correction{On: in.On, Reason: in.Reason, Note: in.Note, ReceivedOn: b.ReceivedOn, Kind: b.Kind,
		Round: b.Round, PriorCaseID: b.PriorCaseID, Channel: workflow.Channel(in.Channel), ForwardedBy: b.ForwardedBy,
		Subject: b.Subject, Content: b.Content}
	var fields []textField
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

// input is the act's input, each text normalised by the one input rule
// (text) and each count within its field's bounds.
func (b *eventBody) input() (workflow.Input, error) {
	in := b.Input
	if err := normaliseInput(&in); err != nil {
		return workflow.Input{}, err
	}
	if in.Event == "" {
		return workflow.Input{}, workflow.Invalid("event", "thiếu tên sự kiện")
	}
	if b.Version == nil {
		return workflow.Input{}, workflow.Invalid("version", "thiếu phiên bản hồ sơ (version)")
	}
	return in, nil
}

// normaliseInput puts every text of in through text and holds every count
// to its bounds, as workflow.Fields gives them.
func normaliseInput(in *workflow.Input) error {
	for _, f := range workflow.Fields {
		switch {
		case f.Type.Textual():
			s, err := text(f.Name, in.TextOf(f.Name), f.Max)
			if err != nil {
				return err
			}
			in.SetText(f.Name, s)
		case f.Type == workflow.FieldCount || f.Type == workflow.FieldAmount:
			if x, _ := in.Given(f.Name); x != nil && (number(x) < 0 || number(x) > float64(f.Max)) {
				return workflow.Invalid(f.Name, "%s phải từ 0 đến %d", translate("vi", f.Label), f.Max)
			}
		}
	}
	return nil
}

// number is a count's or an amount's value.
func number(x any) float64 {
	switch v := x.(type) {
	case int:
		return float64(v)
	case float64:
		return v
	}
	return 0
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
