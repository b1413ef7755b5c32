package handlers

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// Citizen reception through the API (issue 16; README: "Citizen reception").

// sessionBody is POST /api/v1/reception/sessions.
type sessionBody struct {
	Unit       string                `json:"unit"`
	Head       string                `json:"head"`
	Kind       workflow.SessionKind  `json:"kind"`
	Form       workflow.SessionForm  `json:"form"`
	Place      string                `json:"place"`
	HeldOn     workflow.Date         `json:"held_on"`
	Host       workflow.SessionHost  `json:"host"`
	HostName   string                `json:"host_name"`
	State      workflow.SessionState `json:"state"`
	NotifiedOn workflow.Date         `json:"notified_on"`
	Recording  string                `json:"recording"`
}

// sessionChangeBody is POST /api/v1/reception/sessions/{id}/change.
type sessionChangeBody struct {
	HeldOn workflow.Date `json:"held_on"`
	Cancel bool          `json:"cancel"`
	Reason string        `json:"reason"`
}

// visitBody is POST /api/v1/reception/visits.
type visitBody struct {
	SessionID  int64                 `json:"session_id"`
	Unit       string                `json:"unit"`
	VisitedOn  workflow.Date         `json:"visited_on"`
	Kind       workflow.Kind         `json:"kind"`
	Petitioner store.Petitioner      `json:"petitioner"`
	Content    string                `json:"content"`
	HandledBy  string                `json:"handled_by"`
	Outcome    workflow.VisitOutcome `json:"outcome"`
	CaseID     int64                 `json:"case_id"`
	DocumentNo string                `json:"document_no"`
	Documents  string                `json:"documents"` // the papers handed in, one a line (Mẫu 02/TCD)
	Reason     string                `json:"reason"`    // refused: the ground's code
	Crowd      *struct {
		Size            int      `json:"size"`
		Representatives []string `json:"representatives"`
		HeadReceived    bool     `json:"head_received"`
	} `json:"crowd"`
}

func (a *api) createSession(c *gin.Context) {
	var b sessionBody
	if !decodeJSON(c, &b) {
		return
	}
	if err := texts(textField{"place", &b.Place, 500}, textField{"host_name", &b.HostName, maxShort},
		textField{"recording", &b.Recording, 500}); err != nil {
		fail(c, err)
		return
	}
	if b.Form == "" {
		b.Form = workflow.FormDirect
	}
	r, err := a.store.CreateReceptionSession(c.Request.Context(), userOf(c), store.NewSession{Unit: b.Unit, Head: b.Head,
		Kind: b.Kind, Form: b.Form, Place: b.Place, HeldOn: b.HeldOn, Host: b.Host, HostName: b.HostName, State: b.State,
		NotifiedOn: b.NotifiedOn, Recording: b.Recording})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, r)
}

func (a *api) listSessions(c *gin.Context) {
	units, ok := a.receptionUnits(c)
	if !ok {
		return
	}
	from, to, ok := dateRange(c)
	if !ok {
		return
	}
	items, err := a.store.ReceptionSessions(c.Request.Context(), store.SessionFilter{Units: units, From: from, To: to})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": nonNil(items)})
}

// sessionAct runs one act on the session of the path and answers with it.
func (a *api) sessionAct(c *gin.Context, act func(id int64) (store.ReceptionSession, error)) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		failCode(c, http.StatusNotFound, "not_found", "không tìm thấy buổi tiếp công dân", "")
		return
	}
	r, err := act(id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}

func (a *api) changeSession(c *gin.Context) {
	var b sessionChangeBody
	if !decodeJSON(c, &b) {
		return
	}
	if err := texts(textField{"reason", &b.Reason, maxLong}); err != nil {
		fail(c, err)
		return
	}
	a.sessionAct(c, func(id int64) (store.ReceptionSession, error) {
		return a.store.ChangeReceptionSession(c.Request.Context(), userOf(c), id, store.SessionChange{HeldOn: b.HeldOn,
			Cancel: b.Cancel, Reason: b.Reason})
	})
}

func (a *api) holdSession(c *gin.Context) {
	a.sessionAct(c, func(id int64) (store.ReceptionSession, error) {
		return a.store.HoldReceptionSession(c.Request.Context(), userOf(c), id)
	})
}

func (a *api) concludeSession(c *gin.Context) {
	var b struct {
		Conclusion string              `json:"conclusion"`
		On         workflow.Date       `json:"on"`
		Tasks      []workflow.FollowUp `json:"tasks"`
	}
	if !decodeJSON(c, &b) {
		return
	}
	fields := []textField{{"conclusion", &b.Conclusion, maxLong}}
	for i := range b.Tasks {
		t := &b.Tasks[i]
		fields = append(fields, textField{fmt.Sprintf("tasks[%d].text", i), &t.Text, maxLong},
			textField{fmt.Sprintf("tasks[%d].assignee", i), &t.Assignee, maxShort})
	}
	if err := texts(fields...); err != nil {
		fail(c, err)
		return
	}
	a.sessionAct(c, func(id int64) (store.ReceptionSession, error) {
		return a.store.ConcludeReceptionSession(c.Request.Context(), userOf(c), id, store.Conclusion{Text: b.Conclusion,
			On: b.On, Tasks: b.Tasks})
	})
}

func (a *api) createVisit(c *gin.Context) {
	var b visitBody
	if !decodeJSON(c, &b) {
		return
	}
	p := &b.Petitioner
	fields := []textField{{"content", &b.Content, maxLong}, {"handled_by", &b.HandledBy, 500},
		{"document_no", &b.DocumentNo, 64}, {"documents", &b.Documents, maxLong}, {"reason", &b.Reason, 32}, {"petitioner.name", &p.Name, maxShort},
		{"petitioner.id_number", &p.IDNumber, 32}, {"petitioner.phone", &p.Phone, 32}, {"petitioner.address", &p.Address, 500}}
	in := store.NewVisit{SessionID: b.SessionID, Unit: b.Unit, VisitedOn: b.VisitedOn, Kind: b.Kind, People: 1,
		Content: b.Content, HandledBy: b.HandledBy, Outcome: b.Outcome, CaseID: b.CaseID, DocumentNo: b.DocumentNo,
		RefusalCode: b.Reason}
	if b.Crowd != nil {
		in.People, in.HeadReceived = b.Crowd.Size, b.Crowd.HeadReceived
		for i := range b.Crowd.Representatives {
			fields = append(fields, textField{"crowd.representatives", &b.Crowd.Representatives[i], maxShort})
		}
	}
	if err := texts(fields...); err != nil {
		fail(c, err)
		return
	}
	if err := checkIDNumber(p.IDNumber); err != nil {
		fail(c, err)
		return
	}
	in.Content, in.HandledBy, in.DocumentNo, in.RefusalCode = b.Content, b.HandledBy, b.DocumentNo, b.Reason
	in.Documents = b.Documents
	in.Visitor = store.Visitor{Petitioner: *p}
	if b.Crowd != nil {
		in.Visitor.Representatives = b.Crowd.Representatives
	}
	if in.VisitedOn.IsZero() {
		in.VisitedOn = a.store.Today()
	}
	r, err := a.store.RecordVisit(c.Request.Context(), userOf(c), in)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, r)
}

func (a *api) listVisits(c *gin.Context) {
	units, ok := a.receptionUnits(c)
	if !ok {
		return
	}
	from, to, ok := dateRange(c)
	if !ok {
		return
	}
	f := store.VisitFilter{Units: units, From: from, To: to}
	if s := c.Query("session_id"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			failCode(c, http.StatusBadRequest, "invalid", "session_id phải là một số", "session_id")
			return
		}
		f.SessionID = id
	}
	items, err := a.store.Visits(c.Request.Context(), viewerOf(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": nonNil(items)})
}

func (a *api) receptionCompliance(c *gin.Context) {
	v := viewerOf(c)
	if v.Role != workflow.RoleHead && v.Role != workflow.RoleSupervisor {
		forbidden(c, "chỉ thủ trưởng và giám sát được xem việc tiếp công dân của người đứng đầu")
		return
	}
	asOf, units, ok := a.asOfInScope(c, v)
	if !ok {
		return
	}
	items, err := a.store.ReceptionCompliance(c.Request.Context(), units, asOf)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"as_of": asOf, "items": nonNil(items)})
}

// publicSchedule is GET /api/v1/public/schedule: the heads' coming reception
// days, as published, with their changes; no visitor, nothing sealed.
func (a *api) publicSchedule(c *gin.Context) {
	items, err := a.store.PublicSchedule(c.Request.Context(), a.store.Today())
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": nonNil(items)})
}

// receptionUnits is the units whose book the viewer reads: a unit named by
// ?unit= (and those below it) within reach, else all within reach.
func (a *api) receptionUnits(c *gin.Context) ([]int64, bool) {
	v := viewerOf(c)
	units := v.Scope
	if v.Role == workflow.RoleReception {
		units = []int64{v.UnitID}
	}
	if code := c.Query("unit"); code != "" {
		var ok bool
		if units, ok = a.unitScope(c, v, code); !ok {
			return nil, false
		}
	}
	var out []int64
	for _, u := range units {
		if v.MayReadReception(u) {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		forbidden(c, "bạn không được xem sổ tiếp công dân của đơn vị này")
		return nil, false
	}
	return out, true
}

// dateRange reads ?from= and ?to= (YYYY-MM-DD, each optional).
func dateRange(c *gin.Context) (from, to workflow.Date, ok bool) {
	for _, q := range []struct {
		name string
		d    *workflow.Date
	}{{"from", &from}, {"to", &to}} {
		if s := c.Query(q.name); s != "" {
			d, err := workflow.ParseDate(s)
			if err != nil || d.Year() < 2000 {
				failCode(c, http.StatusBadRequest, "invalid", q.name+" phải là một ngày dạng YYYY-MM-DD, từ năm 2000", q.name)
				return from, to, false
			}
			*q.d = d
		}
	}
	return from, to, true
}

// asOfInScope reads ?as_of= (default today; a day from 2000 to today) and
// ?unit= (that unit and those below it, within the viewer's scope; default
// the whole scope), as the oversight reports take them.
func (a *api) asOfInScope(c *gin.Context, v workflow.Viewer) (workflow.Date, []int64, bool) {
	asOf := a.store.Today()
	if s := c.Query("as_of"); s != "" {
		d, err := workflow.ParseDate(s)
		if err != nil || d.After(asOf) || d.Year() < 2000 {
			failCode(c, http.StatusBadRequest, "invalid", "as_of phải là một ngày dạng YYYY-MM-DD, từ năm 2000 đến hôm nay", "as_of")
			return asOf, nil, false
		}
		asOf = d
	}
	units := v.Scope
	if code := c.Query("unit"); code != "" {
		var ok bool
		if units, ok = a.unitScope(c, v, code); !ok {
			return asOf, nil, false
		}
	}
	return asOf, units, true
}

// nonNil answers an empty list as [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
