package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// createCaseBody is POST /api/v1/cases (API.md).
type createCaseBody struct {
	Kind        workflow.Kind       `json:"kind"`
	Round       int                 `json:"round"`
	PriorCaseID *int64              `json:"prior_case_id"`
	Channel     workflow.Channel    `json:"channel"`
	ForwardedBy string              `json:"forwarded_by"`
	ReceivedOn  workflow.Date       `json:"received_on"`
	Subject     string              `json:"subject"`
	Content     string              `json:"content"`
	Petitioner  store.Petitioner    `json:"petitioner"`
	Anonymous   bool                `json:"anonymous"`
	Signatories int                 `json:"signatories"`
	RemoteArea  bool                `json:"remote_area"`
	Complexity  workflow.Complexity `json:"complexity"`
	// Registration facts (README: API): a complaint against a disciplinary decision (LKN 46–55);
	// a denunciation received by transfer from another body (TT 05/2021 Art. 14); one forwarded
	// by the press or a competent authority (LTC 26(2)). The last two imply channel "forwarded".
	Disciplinary         bool `json:"disciplinary"`
	ReceivedByTransfer   bool `json:"received_by_transfer"`
	ForwardedByAuthority bool `json:"forwarded_by_authority"`
}

// intake is the body as the engine registers it: the one place that lists the intake's fields.
func (b createCaseBody) intake() workflow.Intake {
	return workflow.Intake{Kind: b.Kind, Round: b.Round, Channel: b.Channel, ReceivedOn: b.ReceivedOn,
		Anonymous: b.Anonymous, Signatories: b.Signatories, RemoteArea: b.RemoteArea, Complexity: b.Complexity,
		Disciplinary: b.Disciplinary, ReceivedByTransfer: b.ReceivedByTransfer, ForwardedByAuthority: b.ForwardedByAuthority}
}

func (b *createCaseBody) normalise() error {
	p := &b.Petitioner
	err := texts(textField{"subject", &b.Subject, 500}, textField{"content", &b.Content, maxLong},
		textField{"petitioner.name", &p.Name, maxShort}, textField{"petitioner.id_number", &p.IDNumber, 32},
		textField{"petitioner.phone", &p.Phone, 32}, textField{"petitioner.address", &p.Address, 500},
		textField{"forwarded_by", &b.ForwardedBy, 500})
	if err != nil {
		return err
	}
	if b.Subject == "" {
		return workflow.Invalid("subject", "cần nhập trích yếu nội dung đơn")
	}
	if err := checkIDNumber(p.IDNumber); err != nil {
		return err
	}
	if b.PriorCaseID != nil && *b.PriorCaseID < 0 {
		return workflow.Invalid("prior_case_id", "số hồ sơ lần đầu không hợp lệ")
	}
	if b.Signatories < 0 || b.Signatories > maxSignatories {
		return workflow.Invalid("signatories", "số người ký phải từ 1 đến %d", maxSignatories)
	}
	if !b.Anonymous && p.Name == "" {
		return workflow.Invalid("petitioner.name", "cần nhập họ tên người gửi đơn (hoặc đánh dấu nặc danh)")
	}
	if b.Kind == workflow.Complaint && b.Round == 0 {
		b.Round = 1
	}
	if b.Channel == "" {
		b.Channel = "walk_in"
		if b.ReceivedByTransfer || b.ForwardedByAuthority {
			b.Channel = workflow.ChannelForwarded
		}
	}
	if b.ForwardedBy != "" && b.Channel != workflow.ChannelForwarded {
		return workflow.Invalid("forwarded_by", "chỉ ghi cơ quan chuyển đơn khi đơn do cơ quan khác chuyển đến")
	}
	return nil
}

// newCase is the store's input for the (normalised) body.
func (b createCaseBody) newCase() store.NewCase {
	in := store.NewCase{Subject: b.Subject, Content: b.Content, Petitioner: b.Petitioner, ForwardedBy: b.ForwardedBy,
		Intake: b.intake()}
	if b.PriorCaseID != nil {
		in.PriorCaseID = *b.PriorCaseID
	}
	return in
}

func (a *api) createCase(c *gin.Context) {
	v := viewerOf(c)
	if !v.MayRegister() {
		forbidden(c, "chỉ cán bộ tiếp dân hoặc thủ trưởng được tiếp nhận đơn")
		return
	}
	var b createCaseBody
	if !decodeJSON(c, &b) {
		return
	}
	if err := b.normalise(); err != nil {
		fail(c, err)
		return
	}
	cs, err := a.store.CreateCase(c.Request.Context(), userOf(c), b.newCase())
	if err != nil {
		fail(c, err)
		return
	}
	a.respondCase(c, http.StatusCreated, cs)
}

// readableCase loads the case named in the path and checks the viewer may read it.
func (a *api) readableCase(c *gin.Context) (store.Case, bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		failCode(c, http.StatusNotFound, "not_found", "không tìm thấy hồ sơ", "")
		return store.Case{}, false
	}
	cs, err := a.store.Case(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return store.Case{}, false
	}
	if !viewerOf(c).MayRead(cs.Ref()) {
		forbidden(c, "hồ sơ không thuộc phạm vi của bạn")
		return store.Case{}, false
	}
	return cs, true
}

func (a *api) getCase(c *gin.Context) {
	if cs, ok := a.readableCase(c); ok {
		a.respondCase(c, http.StatusOK, cs)
	}
}

// respondCase writes the case with the petitioner only for those allowed to see it.
func (a *api) respondCase(c *gin.Context, status int, cs store.Case) {
	v := viewerOf(c)
	p, ok, err := a.store.Petitioner(c.Request.Context(), v, cs, "api:"+c.FullPath())
	if err != nil {
		fail(c, err)
		return
	}
	var pp *store.Petitioner
	if ok {
		pp = &p
	}
	c.JSON(status, newCaseView(cs, v, pp, a.store.Calendar(), a.store.Today()))
}

func (a *api) history(c *gin.Context) {
	cs, ok := a.readableCase(c)
	if !ok {
		return
	}
	hs, err := a.store.HistoryFor(c.Request.Context(), viewerOf(c), cs, "api:"+c.FullPath())
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": hs})
}

func (a *api) listCases(c *gin.Context) {
	v := viewerOf(c)
	f := store.CaseFilter{Kind: workflow.Kind(c.Query("kind")), State: workflow.State(c.Query("state")),
		Status: workflow.Status(c.Query("status")), Query: query(c), Cursor: c.Query("cursor"), Sort: store.CaseSort(c.Query("sort"))}
	switch {
	case !f.Sort.Valid():
		failCode(c, http.StatusBadRequest, "invalid", "thứ tự sắp xếp phải là due, received hoặc unit", "sort")
		return
	case f.Kind != "" && !f.Kind.Valid():
		failCode(c, http.StatusBadRequest, "invalid", "loại đơn không hợp lệ", "kind")
		return
	case f.State != "" && !f.State.Valid():
		failCode(c, http.StatusBadRequest, "invalid", "trạng thái không hợp lệ", "state")
		return
	case f.Status != "" && f.Status != workflow.OnTrack && f.Status != workflow.DueSoon &&
		f.Status != workflow.Overdue && f.Status != workflow.VeryOverdue:
		failCode(c, http.StatusBadRequest, "invalid", "tình trạng hạn không hợp lệ", "status")
		return
	}
	if s := c.Query("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > store.MaxPageSize {
			failCode(c, http.StatusBadRequest, "invalid", "limit phải từ 1 đến "+strconv.Itoa(store.MaxPageSize), "limit")
			return
		}
		f.Limit = n
	}
	if code := c.Query("unit"); code != "" {
		units, ok := a.unitScope(c, v, code)
		if !ok {
			return
		}
		f.Units = units
	}
	items, next, err := a.store.ListCases(c.Request.Context(), v, f)
	if err != nil {
		fail(c, err)
		return
	}
	cal, today := a.store.Calendar(), a.store.Today()
	views := make([]caseView, 0, len(items))
	for _, cs := range items {
		// Lists never carry the petitioner: the case page does, with its read recorded.
		views = append(views, newCaseView(cs, v, nil, cal, today))
	}
	var nextCursor *string
	if next != "" {
		nextCursor = &next
	}
	c.JSON(http.StatusOK, gin.H{"items": views, "next_cursor": nextCursor})
}

// unitScope resolves ?unit=CODE to that unit and those below it, which must lie in the viewer's scope.
func (a *api) unitScope(c *gin.Context, v workflow.Viewer, code string) ([]int64, bool) {
	u, err := a.store.UnitByCode(c.Request.Context(), code)
	if err != nil {
		fail(c, err)
		return nil, false
	}
	if !v.InScope(u.ID) {
		forbidden(c, "đơn vị không thuộc phạm vi của bạn")
		return nil, false
	}
	ids, err := a.store.Subtree(c.Request.Context(), u.ID)
	if err != nil {
		fail(c, err)
		return nil, false
	}
	return ids, true
}
