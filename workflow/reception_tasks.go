package workflow

import (
	"fmt"
	"strings"
)

// FollowUp is a task a head's conclusion on a reception day assigns: the
// conclusion (Thông báo kết luận việc tiếp công dân) names who is to do what
// and by when (khoản 2 Điều 25 NĐ 154/2026/NĐ-CP). A task is either an act on
// a case, whose clock is the case's own legal deadline, or a dated duty whose
// clock is the day it is due.
type FollowUp struct {
	Text     string `json:"text"`
	Assignee string `json:"assignee,omitempty"` // the department or officer charged with it
	DueOn    Date   `json:"due_on,omitzero"`
	CaseID   int64  `json:"case_id,omitempty"`
}

// MaxFollowUps bounds the tasks of one conclusion.
const MaxFollowUps = 20

// CheckFollowUps refuses tasks a conclusion signed on the day cannot assign,
// naming the task's field ("tasks[1].due_on").
func CheckFollowUps(tasks []FollowUp, concludedOn Date) error {
	if len(tasks) > MaxFollowUps {
		return Invalid("tasks", "một thông báo kết luận giao tối đa %d việc", MaxFollowUps)
	}
	for i, t := range tasks {
		field := func(name string) string { return fmt.Sprintf("tasks[%d].%s", i, name) }
		switch {
		case strings.TrimSpace(t.Text) == "":
			return Invalid(field("text"), "cần nêu nội dung việc được giao")
		case t.CaseID == 0 && t.DueOn.IsZero():
			return Invalid(field("due_on"), "việc không gắn với hồ sơ cần có thời hạn hoàn thành")
		case !t.DueOn.IsZero() && t.DueOn.Before(concludedOn):
			return Invalid(field("due_on"), "thời hạn không được trước ngày kết luận %s", concludedOn.VN())
		}
	}
	return nil
}

// TaskLate reports whether a task missed its day: finished after it, or not
// finished and the day has passed. A task with no day (a case act whose case
// has no running clock) is never late.
func TaskLate(due, done, today Date) bool {
	switch {
	case due.IsZero():
		return false
	case !done.IsZero():
		return done.After(due)
	default:
		return today.After(due)
	}
}
