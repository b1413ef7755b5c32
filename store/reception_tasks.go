package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"petitions/workflow"
)

// The follow-up of reception days (issue 16; migration 00016): the tasks a
// head's conclusion assigns, and the log of every act on a session.

// ReceptionTask is one task of a conclusion. DueOn is the task's own day, or
// for a case act the case's running clock; Late is worked out from it.
type ReceptionTask struct {
	ID           int64         `db:"id" json:"id"`
	SessionID    int64         `db:"session_id" json:"session_id"`
	UnitID       int64         `db:"unit_id" json:"-"`
	Unit         string        `db:"unit_code" json:"unit"`
	HeldOn       workflow.Date `db:"held_on" json:"held_on"` // the reception day it came from
	Text         string        `db:"text" json:"text"`
	Assignee     string        `db:"assignee" json:"assignee,omitempty"`
	DueOn        workflow.Date `db:"due_on" json:"due_on,omitzero"`
	CaseID       *int64        `db:"case_id" json:"case_id,omitempty"`
	TrackingCode string        `db:"tracking_code" json:"tracking_code,omitempty"`
	CaseState    string        `db:"case_state" json:"case_state,omitempty"`
	DoneOn       workflow.Date `db:"done_on" json:"done_on,omitzero"`
	Result       string        `db:"result" json:"result,omitempty"`
	Late         bool          `db:"-" json:"late"`
}

const taskColumns = `t.id, t.session_id, t.unit_id, n.code AS unit_code, s.held_on, t.text, t.assignee,
	CASE WHEN t.due_on IS NOT NULL THEN t.due_on ELSE c.due_on END AS due_on, t.case_id,
	COALESCE(c.tracking_code, '') AS tracking_code, COALESCE(c.state, '') AS case_state, t.done_on, t.result`

const taskFrom = ` FROM reception_tasks t JOIN reception_sessions s ON s.id = t.session_id
	JOIN units n ON n.id = t.unit_id LEFT JOIN cases c ON c.id = t.case_id`

// TaskFilter narrows a list of tasks.
type TaskFilter struct {
	Units     []int64 // in the viewer's reach
	SessionID int64
	Open      bool // only tasks not yet done
	Limit     int
}

// ReceptionTasks lists tasks: those not done first, soonest due first.
func (s *Store) ReceptionTasks(ctx context.Context, f TaskFilter) ([]ReceptionTask, error) {
	if len(f.Units) == 0 {
		return nil, nil
	}
	where, args := unitsAndDays("t.unit_id", "", f.Units, workflow.Date{}, workflow.Date{})
	if f.SessionID != 0 {
		where, args = append(where, "t.session_id = ?"), append(args, f.SessionID)
	}
	if f.Open {
		where = append(where, "t.done_on IS NULL")
	}
	var out []ReceptionTask
	err := s.r.SelectContext(ctx, &out, `SELECT `+taskColumns+taskFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY t.done_on IS NOT NULL, COALESCE(t.due_on, c.due_on, '9999-12-31'), t.id LIMIT `+
		strconv.Itoa(boundedLimit(f.Limit, 500)), args...)
	if err != nil {
		return nil, fmt.Errorf("store: list reception tasks: %w", err)
	}
	today := s.Today()
	for i := range out {
		out[i].Late = workflow.TaskLate(out[i].DueOn, out[i].DoneOn, today)
	}
	return out, nil
}

// FinishReceptionTask records that a task was done on the day (zero: today;
// not before the conclusion), with what was done; by the unit's reception
// officers or head.
func (s *Store) FinishReceptionTask(ctx context.Context, by User, id int64, result string, on workflow.Date) (ReceptionTask, error) {
	var t ReceptionTask
	if err := s.r.GetContext(ctx, &t, `SELECT `+taskColumns+taskFrom+` WHERE t.id = ?`, id); err != nil {
		return t, notFound(err, "việc sau tiếp công dân")
	}
	r, err := s.sessionToRecord(ctx, by, t.SessionID)
	if err != nil {
		return t, err
	}
	switch {
	case !t.DoneOn.IsZero():
		return t, workflow.Errorf(workflow.CodeIllegalTransition, "việc này đã được ghi nhận hoàn thành ngày %s", t.DoneOn.VN())
	case strings.TrimSpace(result) == "":
		return t, workflow.Invalid("result", "cần nêu kết quả thực hiện")
	}
	if err := refuseUnstorable("result", result); err != nil {
		return t, err
	}
	today, now := s.clock()
	if on, err = actDay(on, r.ConcludedOn, today, "ngày kết luận"); err != nil {
		return t, err
	}
	err = s.write(ctx, func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, `UPDATE reception_tasks SET done_on = ?, done_by = ?, result = ? WHERE id = ?`,
			on.String(), by.ID, result, id); err != nil {
			return fmt.Errorf("store: finish reception task %d: %w", id, err)
		}
		return logSession(ctx, tx, t.SessionID, t.HeldOn, "task_done", by.ID, now, t.Text+" — "+result)
	})
	if err != nil {
		return t, err
	}
	t.DoneOn, t.Result = on, result
	t.Late = workflow.TaskLate(t.DueOn, t.DoneOn, today)
	return t, nil
}

// checkFollowUps refuses a conclusion's tasks the rules refuse, or that act on
// a case outside the session's unit.
func (s *Store) checkFollowUps(ctx context.Context, by User, r ReceptionSession, tasks []workflow.FollowUp, today workflow.Date) error {
	if err := workflow.CheckFollowUps(tasks, today); err != nil {
		return err
	}
	v, err := s.Viewer(ctx, by)
	if err != nil {
		return err
	}
	for i, t := range tasks {
		if err := refuseUnstorable(fmt.Sprintf("tasks[%d].text", i), t.Text, fmt.Sprintf("tasks[%d].assignee", i), t.Assignee); err != nil {
			return err
		}
		if t.CaseID != 0 {
			if err := s.checkUnitCase(ctx, v, r.UnitID, t.CaseID, fmt.Sprintf("tasks[%d].case_id", i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertTasks writes a conclusion's tasks in its transaction.
func insertTasks(ctx context.Context, tx *txn, r ReceptionSession, tasks []workflow.FollowUp, now string) error {
	for _, t := range tasks {
		if _, err := tx.ExecContext(ctx, `INSERT INTO reception_tasks (session_id, unit_id, text, assignee, due_on, case_id,
			created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, r.ID, r.UnitID, t.Text, t.Assignee, nullDate(t.DueOn),
			nullID(t.CaseID), now); err != nil {
			return fmt.Errorf("store: insert reception task: %w", err)
		}
	}
	return nil
}

// SessionLogEntry is one act on a session.
type SessionLogEntry struct {
	Act    string        `db:"act" json:"act"`         // created, moved, cancelled, held, concluded, task_done
	HeldOn workflow.Date `db:"held_on" json:"held_on"` // the session's day after the act
	Actor  string        `db:"actor" json:"actor"`
	At     string        `db:"at" json:"at"`
	Detail string        `db:"detail" json:"detail,omitempty"`
}

// SessionLog lists the acts on a session, oldest first.
func (s *Store) SessionLog(ctx context.Context, sessionID int64) ([]SessionLogEntry, error) {
	var out []SessionLogEntry
	err := s.r.SelectContext(ctx, &out, `SELECT l.act, l.held_on, u.name AS actor, l.at, l.detail FROM reception_log l
		JOIN users u ON u.id = l.actor_id WHERE l.session_id = ? ORDER BY l.id`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("store: reception log: %w", err)
	}
	return out, nil
}

// logSession records an act on a session in the act's transaction.
func logSession(ctx context.Context, tx *txn, sessionID int64, heldOn workflow.Date, act string, actorID int64, now, detail string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO reception_log (session_id, held_on, act, actor_id, at, detail)
		VALUES (?, ?, ?, ?, ?, ?)`, sessionID, heldOn.String(), act, actorID, now, detail); err != nil {
		return fmt.Errorf("store: log reception act: %w", err)
	}
	return nil
}
