package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// A reception day's follow-up through the API: one session with its tasks and
// the log of its acts, the tasks of the units in reach (late ones flagged), and
// a task marked done. README: "Citizen reception".

// sessionDetail is GET /api/v1/reception/sessions/{id}.
type sessionDetail struct {
	store.ReceptionSession
	Tasks []store.ReceptionTask   `json:"tasks"`
	Log   []store.SessionLogEntry `json:"log"`
}

func (a *api) getSession(c *gin.Context) {
	ctx := c.Request.Context()
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		failCode(c, http.StatusNotFound, "not_found", "không tìm thấy buổi tiếp công dân", "")
		return
	}
	r, err := a.store.ReceptionSession(ctx, id)
	if err == nil && !viewerOf(c).MayReadReception(r.UnitID) {
		// As if it did not exist: a session's id says nothing to those outside its unit.
		failCode(c, http.StatusNotFound, "not_found", "không tìm thấy buổi tiếp công dân", "")
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	d := sessionDetail{ReceptionSession: r}
	if d.Tasks, err = a.store.ReceptionTasks(ctx, store.TaskFilter{Units: []int64{r.UnitID}, SessionID: id}); err == nil {
		d.Log, err = a.store.SessionLog(ctx, id)
	}
	if err != nil {
		fail(c, err)
		return
	}
	d.Tasks, d.Log = nonNil(d.Tasks), nonNil(d.Log)
	c.JSON(http.StatusOK, d)
}

// listTasks is GET /api/v1/reception/tasks?unit=CODE&open=true.
func (a *api) listTasks(c *gin.Context) {
	units, ok := a.receptionUnits(c)
	if !ok {
		return
	}
	f := store.TaskFilter{Units: units}
	switch c.Query("open") {
	case "", "false":
	case "true":
		f.Open = true
	default:
		failCode(c, http.StatusBadRequest, "invalid", "open phải là true hoặc false", "open")
		return
	}
	items, err := a.store.ReceptionTasks(c.Request.Context(), f)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": nonNil(items)})
}

// finishTask is POST /api/v1/reception/tasks/{id}/done {result, on}.
func (a *api) finishTask(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		failCode(c, http.StatusNotFound, "not_found", "không tìm thấy việc sau tiếp công dân", "")
		return
	}
	var b struct {
		Result string        `json:"result"`
		On     workflow.Date `json:"on"`
	}
	if !decodeJSON(c, &b) {
		return
	}
	if err := texts(textField{"result", &b.Result, maxLong}); err != nil {
		fail(c, err)
		return
	}
	t, err := a.store.FinishReceptionTask(c.Request.Context(), userOf(c), id, b.Result, b.On)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, t)
}
