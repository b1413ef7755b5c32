package handlers

// One reception day's page (GET /tiep-cong-dan/buoi/:id): the session, its
// visits, the head's conclusion with the tasks it assigns (the form, for the
// head or named deputy who hosted it), each task's clock and result, and the
// log of every act on the session. A task is marked done with
// POST /tiep-cong-dan/viec/:id/xong. Issue 16; the API is reception_tasks.go.

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// taskRows is how many tasks the conclusion form offers.
const taskRows = 4

// receptionSessionView is the page's data.
type receptionSessionView struct {
	Denied      bool
	Session     store.ReceptionSession
	Unit        store.Unit
	Visits      []store.ReceptionVisit
	Tasks       []store.ReceptionTask
	Log         []store.SessionLogEntry
	CanRecord   bool
	CanConclude bool
	Problem     string
	Conclusion  string         // as typed, when refused
	TaskForm    []followUpForm // the conclusion's task rows, as typed
}

// followUpForm is one task row of the conclusion form.
type followUpForm struct{ Text, Assignee, DueOn, Case string }

// receptionSessionPage is GET /tiep-cong-dan/buoi/:id.
func (w *web) receptionSessionPage(c *gin.Context) {
	w.renderSession(c, http.StatusOK, "", nil, nil)
}

// renderSession shows the session of the path; a refused conclusion comes back as typed.
func (w *web) renderSession(c *gin.Context, status int, conclusion string, tasks []followUpForm, errs map[string]string) {
	ctx, v := c.Request.Context(), viewerOf(c)
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		w.notFound(c, http.StatusNotFound)
		return
	}
	r, err := w.store.ReceptionSession(ctx, id)
	if workflow.ErrorCode(err) == workflow.CodeNotFound || err == nil && !v.MayReadReception(r.UnitID) {
		w.notFound(c, http.StatusNotFound) // a session's id says nothing to those outside its unit
		return
	}
	if err != nil {
		pageFail(c, err)
		return
	}
	p := receptionSessionView{Session: r, CanRecord: v.MayRecordReception(r.UnitID), Conclusion: conclusion, TaskForm: tasks}
	p.CanConclude = r.State == workflow.SessionHeld && r.Conclusion == "" && r.MayConclude(userOf(c))
	for len(p.TaskForm) < taskRows {
		p.TaskForm = append(p.TaskForm, followUpForm{})
	}
	units := []int64{r.UnitID}
	if p.Unit, err = w.store.UnitByCode(ctx, r.Unit); err == nil {
		p.Visits, err = w.store.Visits(ctx, v, store.VisitFilter{Units: units, SessionID: id, Limit: 200, KeepSecrets: true})
	}
	if err == nil {
		p.Tasks, err = w.store.ReceptionTasks(ctx, store.TaskFilter{Units: units, SessionID: id})
	}
	if err == nil {
		p.Log, err = w.store.SessionLog(ctx, id)
	}
	if err != nil {
		pageFail(c, err)
		return
	}
	if errs != nil {
		p.Problem = errs[""]
	}
	w.render(c, status, "reception_session", p, errs)
}

// concludeForm reads the head's conclusion and its task rows; rows left
// empty are skipped, and the tasks are numbered as the API numbers them.
func (w *web) concludeForm(c *gin.Context) (string, []followUpForm, []workflow.FollowUp, error) {
	text := c.PostForm("text")
	typedTexts, assignees, dues, cases := c.PostFormArray("task_text"), c.PostFormArray("task_assignee"),
		c.PostFormArray("task_due"), c.PostFormArray("task_case")
	var typed []followUpForm
	for i := range typedTexts {
		typed = append(typed, followUpForm{Text: typedTexts[i], Assignee: at(assignees, i), DueOn: at(dues, i), Case: at(cases, i)})
	}
	if err := texts(textField{"text", &text, maxLong}); err != nil {
		return text, typed, nil, err
	}
	var tasks []workflow.FollowUp
	for _, f := range typed {
		if strings.TrimSpace(f.Text+f.Assignee+f.DueOn+f.Case) == "" {
			continue
		}
		field := fmt.Sprintf("tasks[%d].", len(tasks))
		t := workflow.FollowUp{Text: f.Text, Assignee: f.Assignee}
		err := texts(textField{field + "text", &t.Text, maxLong}, textField{field + "assignee", &t.Assignee, maxShort})
		if err == nil {
			t.DueOn, err = parseFormDate(field+"due_on", f.DueOn, langOf(c))
		}
		if code := strings.TrimSpace(f.Case); err == nil && code != "" {
			cs, cerr := w.store.CaseByTrackingCode(c.Request.Context(), code)
			if cerr != nil {
				err = workflow.Invalid(field+"case_id", "%s", translate(langOf(c), "rec.bad_case"))
			}
			t.CaseID = cs.ID
		}
		if err != nil {
			return text, typed, nil, err
		}
		tasks = append(tasks, t)
	}
	return text, typed, tasks, nil
}

// at is xs[i], or "" past its end.
func at(xs []string, i int) string {
	if i < len(xs) {
		return xs[i]
	}
	return ""
}

// receptionConclude is the ket-luan act: the conclusion and its tasks, then
// back to the session's page; refused, the page again with the form as typed.
func (w *web) receptionConclude(c *gin.Context, id int64) {
	text, typed, tasks, err := w.concludeForm(c)
	if err == nil {
		_, err = w.store.ConcludeReceptionSession(c.Request.Context(), userOf(c), id, store.Conclusion{Text: text, Tasks: tasks})
	}
	w.sessionDone(c, id, err, text, typed)
}

// receptionTaskDone is POST /tiep-cong-dan/viec/:id/xong.
func (w *web) receptionTaskDone(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		w.notFound(c, http.StatusNotFound)
		return
	}
	result := c.PostForm("result")
	session, _ := strconv.ParseInt(c.PostForm("session"), 10, 64)
	if err = texts(textField{"result", &result, maxLong}); err == nil {
		var t store.ReceptionTask
		t, err = w.store.FinishReceptionTask(c.Request.Context(), userOf(c), id, result, workflow.Date{})
		if t.SessionID != 0 {
			session = t.SessionID
		}
	}
	w.sessionDone(c, session, err, "", nil)
}

// sessionDone goes back to the session's page after a write: with a flash
// when saved, else the page again with the refusal next to its field.
func (w *web) sessionDone(c *gin.Context, id int64, err error, conclusion string, typed []followUpForm) {
	lang := langOf(c)
	if err == nil {
		setFlash(c, translate(lang, "rec.saved"))
		c.Redirect(http.StatusSeeOther, "/tiep-cong-dan/buoi/"+strconv.FormatInt(id, 10))
		return
	}
	e := userRefusal(c, err)
	if e == nil {
		return
	}
	if id == 0 {
		w.notFound(c, statusOf(e.Code))
		return
	}
	c.Params = gin.Params{{Key: "id", Value: strconv.FormatInt(id, 10)}}
	field := e.Field
	if typed == nil {
		field = "" // the act of a listed task: the message goes atop
	}
	w.renderSession(c, statusOf(e.Code), conclusion, typed, map[string]string{field: sentence(e.Message)})
}
