package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"petitions/workflow"
)

// Reception sessions (issue 16; migration 00015): the days a unit receives
// citizens, the head's published schedule and the head's conclusions.

// ReceptionSession is one session as the API shows it.
type ReceptionSession struct {
	ID           int64                 `db:"id" json:"id"`
	UnitID       int64                 `db:"unit_id" json:"-"`
	Unit         string                `db:"unit_code" json:"unit"`
	HeadID       *int64                `db:"head_id" json:"-"`
	Head         string                `db:"head_login" json:"head,omitempty"`
	HeadName     string                `db:"head_name" json:"head_name,omitempty"`
	Kind         workflow.SessionKind  `db:"kind" json:"kind"`
	Form         workflow.SessionForm  `db:"form" json:"form"`
	Place        string                `db:"place" json:"place"`
	HeldOn       workflow.Date         `db:"held_on" json:"held_on"`
	Host         workflow.SessionHost  `db:"host" json:"host"`
	HostName     string                `db:"host_name" json:"host_name,omitempty"`
	State        workflow.SessionState `db:"state" json:"state"`
	PublishedOn  workflow.Date         `db:"published_on" json:"published_on"`
	ChangeReason string                `db:"change_reason" json:"change_reason,omitempty"`
	NotifiedOn   workflow.Date         `db:"notified_on" json:"notified_on,omitzero"`
	Recording    string                `db:"recording" json:"recording,omitempty"`
	Conclusion   string                `db:"conclusion" json:"conclusion,omitempty"`
	ConcludedOn  workflow.Date         `db:"concluded_on" json:"concluded_on,omitzero"`
	Visits       int                   `db:"visits" json:"visits"`
	// PublishedInTime: a head's periodic day put on the schedule five
	// working days ahead (LTCD Art. 24); other sessions are not scheduled.
	PublishedInTime bool `db:"-" json:"published_in_time"`
	// NotifiedInTime: an online session's participants told five working days ahead (ND 154/2026).
	NotifiedInTime bool `db:"-" json:"notified_in_time"`
}

// HeadedBy reports whether the user is the head whose day it is.
func (r ReceptionSession) HeadedBy(userID int64) bool { return r.HeadID != nil && *r.HeadID == userID }

// MayConclude reports whether the user signs the session's conclusion: the
// head whose day it was, or the deputy named as its host (Điều 18 Luật Tiếp
// công dân 2013; khoản 2 Điều 25 NĐ 154/2026/NĐ-CP).
func (r ReceptionSession) MayConclude(by User) bool {
	isDeputy := r.Host == workflow.HostDeputy && by.UnitID == r.UnitID && strings.EqualFold(by.Name, r.HostName)
	return r.HeadedBy(by.ID) || isDeputy
}

// NewSession is a session as entered.
type NewSession struct {
	Unit       string
	Head       string // the head whose day it is (default: the head entering it)
	Kind       workflow.SessionKind
	Form       workflow.SessionForm
	Place      string
	HeldOn     workflow.Date
	Host       workflow.SessionHost
	HostName   string
	State      workflow.SessionState
	NotifiedOn workflow.Date
	Recording  string
}

const sessionColumns = `s.id, s.unit_id, n.code AS unit_code, s.head_id, COALESCE(h.login, '') AS head_login,
	COALESCE(h.name, '') AS head_name, s.kind, s.form, s.place, s.held_on, s.host, s.host_name, s.state,
	s.published_on, s.change_reason, s.notified_on, s.recording, s.conclusion, s.concluded_on,
	(SELECT COUNT(*) FROM reception_visits v WHERE v.session_id = s.id) AS visits`

const sessionFrom = ` FROM reception_sessions s` + sessionJoins

const sessionJoins = ` JOIN units n ON n.id = s.unit_id LEFT JOIN users h ON h.id = s.head_id`

// CreateReceptionSession records a session of a unit the user may record for: one
// scheduled ahead (it goes on the public schedule at once) or one held.
func (s *Store) CreateReceptionSession(ctx context.Context, by User, in NewSession) (ReceptionSession, error) {
	v, err := s.Viewer(ctx, by)
	if err != nil {
		return ReceptionSession{}, err
	}
	unit, err := unitByCode(ctx, s.r, in.Unit)
	if workflow.ErrorCode(err) == workflow.CodeNotFound || err == nil && !v.MayRecordReception(unit.ID) {
		return ReceptionSession{}, workflow.Errorf(workflow.CodeForbidden, "bạn không được ghi sổ tiếp công dân của đơn vị này")
	}
	if err != nil {
		return ReceptionSession{}, err
	}
	today, now := s.clock()
	ws := workflow.Session{Kind: in.Kind, Form: in.Form, Host: in.Host, HostName: in.HostName, On: in.HeldOn,
		State: in.State, NotifiedOn: in.NotifiedOn, Recording: in.Recording}
	if err := ws.Check(today); err != nil {
		return ReceptionSession{}, err
	}
	var headID any
	if in.Kind != workflow.SessionRegular {
		head := in.Head
		if head == "" && by.Role == workflow.RoleHead {
			head = by.Login
		}
		h, err := userBy(ctx, s.r, "u.login = ?", head)
		if err != nil || h.Role != workflow.RoleHead || h.UnitID != unit.ID || h.Disabled {
			return ReceptionSession{}, workflow.Invalid("head", "cần chọn thủ trưởng của đơn vị chủ trì buổi tiếp")
		}
		headID = h.ID
	}
	if err := refuseUnstorable("place", in.Place, "host_name", in.HostName, "recording", in.Recording); err != nil {
		return ReceptionSession{}, err
	}
	var id int64
	err = s.write(ctx, func(tx *txn) error {
		err := tx.GetContext(ctx, &id, `INSERT INTO reception_sessions (unit_id, head_id, kind, form, place, held_on, host,
			host_name, state, published_on, notified_on, recording, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			unit.ID, headID, in.Kind, in.Form, in.Place, in.HeldOn.String(), in.Host, in.HostName, in.State,
			today.String(), nullDate(in.NotifiedOn), in.Recording, by.ID, now)
		if err != nil {
			return err
		}
		return logSession(ctx, tx, id, in.HeldOn, "created", by.ID, now, string(in.State))
	})
	if err != nil {
		return ReceptionSession{}, fmt.Errorf("store: insert reception session: %w", err)
	}
	return s.ReceptionSession(ctx, id)
}

// ReceptionSession reads one session.
func (s *Store) ReceptionSession(ctx context.Context, id int64) (ReceptionSession, error) {
	var r ReceptionSession
	err := s.r.GetContext(ctx, &r, `SELECT `+sessionColumns+sessionFrom+` WHERE s.id = ?`, id)
	if err != nil {
		return r, notFound(err, "buổi tiếp công dân")
	}
	s.timeliness(&r)
	return r, nil
}

// timeliness fills what the calendar tells of a session.
func (s *Store) timeliness(r *ReceptionSession) {
	cal := s.Calendar()
	r.PublishedInTime = r.Kind != workflow.SessionPeriodic || workflow.PublishedInTime(cal, r.PublishedOn, r.HeldOn)
	r.NotifiedInTime = r.Form != workflow.FormOnline || workflow.PublishedInTime(cal, r.NotifiedOn, r.HeldOn)
}

// SessionFilter narrows a list of sessions.
type SessionFilter struct {
	Units    []int64 // in the viewer's reach
	From, To workflow.Date
	HeadID   int64
	Limit    int
}

// ReceptionSessions lists sessions by day, newest first.
func (s *Store) ReceptionSessions(ctx context.Context, f SessionFilter) ([]ReceptionSession, error) {
	if len(f.Units) == 0 {
		return nil, nil
	}
	where, args := unitsAndDays("s.unit_id", "s.held_on", f.Units, f.From, f.To)
	if f.HeadID != 0 {
		where, args = append(where, "s.head_id = ?"), append(args, f.HeadID)
	}
	limit := boundedLimit(f.Limit, 500)
	var out []ReceptionSession
	// The page is chosen first, then joined and its visits counted: only its rows (see Visits).
	order := ` ORDER BY s.held_on DESC, s.id DESC`
	err := s.r.SelectContext(ctx, &out, `SELECT `+sessionColumns+` FROM (SELECT * FROM reception_sessions s WHERE `+
		strings.Join(where, " AND ")+order+` LIMIT `+strconv.Itoa(limit)+`) s`+sessionJoins+order, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list reception sessions: %w", err)
	}
	for i := range out {
		s.timeliness(&out[i])
	}
	return out, nil
}

// unitsAndDays is the WHERE of a reception list: the units, and the days
// from and to when given.
func unitsAndDays(unitCol, dayCol string, units []int64, from, to workflow.Date) ([]string, []any) {
	where := []string{unitCol + " IN (" + placeholders(len(units)) + ")"}
	args := make([]any, 0, len(units)+2)
	for _, u := range units {
		args = append(args, u)
	}
	if !from.IsZero() {
		where, args = append(where, dayCol+" >= ?"), append(args, from.String())
	}
	if !to.IsZero() {
		where, args = append(where, dayCol+" <= ?"), append(args, to.String())
	}
	return where, args
}

// boundedLimit is a list's limit: at most most, and most when not given.
func boundedLimit(limit, most int) int {
	if limit <= 0 || limit > most {
		return most
	}
	return limit
}

// SessionChange moves or cancels a scheduled session, with its reason.
type SessionChange struct {
	HeldOn workflow.Date // the new day; zero with Cancel
	Cancel bool
	Reason string
}

// ChangeReceptionSession moves or cancels a scheduled session before its day; the
// change is announced with its reason on the public schedule (LTCD Art. 24).
func (s *Store) ChangeReceptionSession(ctx context.Context, by User, id int64, ch SessionChange) (ReceptionSession, error) {
	r, err := s.sessionToRecord(ctx, by, id)
	if err != nil {
		return r, err
	}
	today, _ := s.clock()
	switch {
	case r.State != workflow.SessionScheduled || !today.Before(r.HeldOn):
		return r, workflow.Errorf(workflow.CodeIllegalTransition, "chỉ đổi hoặc hủy lịch tiếp trước ngày tiếp")
	case strings.TrimSpace(ch.Reason) == "":
		return r, workflow.Invalid("reason", "cần nêu lý do thay đổi lịch tiếp")
	case !ch.Cancel && !ch.HeldOn.After(today):
		return r, workflow.Invalid("held_on", "ngày tiếp mới phải sau ngày hôm nay")
	}
	if err := refuseUnstorable("reason", ch.Reason); err != nil {
		return r, err
	}
	act, set, args := "cancelled", "state = ?, change_reason = ?", []any{workflow.SessionCancelled, ch.Reason}
	if !ch.Cancel {
		// A new day is announced today: its five working days count from now.
		act, r.HeldOn = "moved", ch.HeldOn
		set, args = "held_on = ?, change_reason = ?, published_on = ?", []any{ch.HeldOn.String(), ch.Reason, today.String()}
	}
	if err := s.updateSession(ctx, by, r, act, ch.Reason, nil, set, args...); err != nil {
		return r, err
	}
	return s.ReceptionSession(ctx, id)
}

// HoldReceptionSession marks a scheduled session held, on or after its day.
func (s *Store) HoldReceptionSession(ctx context.Context, by User, id int64) (ReceptionSession, error) {
	r, err := s.sessionToRecord(ctx, by, id)
	if err != nil {
		return r, err
	}
	if today, _ := s.clock(); r.State != workflow.SessionScheduled || today.Before(r.HeldOn) {
		return r, workflow.Errorf(workflow.CodeIllegalTransition, "chỉ ghi nhận đã tổ chức buổi tiếp đã lên lịch, từ ngày tiếp")
	}
	if err := s.updateSession(ctx, by, r, "held", "", nil, "state = ?", workflow.SessionHeld); err != nil {
		return r, err
	}
	return s.ReceptionSession(ctx, id)
}

// Conclusion is the written conclusion of a held session (Thông báo kết luận
// việc tiếp công dân, khoản 2 Điều 25 NĐ 154/2026/NĐ-CP) and the tasks it assigns.
type Conclusion struct {
	Text  string
	On    workflow.Date // the day it was signed: from the session's day to today; zero is today
	Tasks []workflow.FollowUp
}

// ConcludeReceptionSession keeps a held session's conclusion: by the head
// whose day it was, or by the deputy named as its host.
func (s *Store) ConcludeReceptionSession(ctx context.Context, by User, id int64, cl Conclusion) (ReceptionSession, error) {
	r, err := s.ReceptionSession(ctx, id)
	if err != nil {
		return r, err
	}
	switch {
	case !r.MayConclude(by):
		return r, workflow.Errorf(workflow.CodeForbidden, "chỉ người chủ trì buổi tiếp (thủ trưởng hoặc cấp phó được ủy quyền) ký thông báo kết luận")
	case r.State != workflow.SessionHeld:
		return r, workflow.Errorf(workflow.CodeIllegalTransition, "buổi tiếp chưa được ghi nhận đã tổ chức")
	case strings.TrimSpace(cl.Text) == "":
		return r, workflow.Invalid("conclusion", "cần nhập nội dung kết luận")
	}
	if err := refuseUnstorable("conclusion", cl.Text); err != nil {
		return r, err
	}
	on, err := actDay(cl.On, r.HeldOn, s.Today(), "ngày tiếp")
	if err != nil {
		return r, err
	}
	if err := s.checkFollowUps(ctx, by, r, cl.Tasks, on); err != nil {
		return r, err
	}
	if err := s.updateSession(ctx, by, r, "concluded", "", cl.Tasks, "conclusion = ?, concluded_by = ?, concluded_on = ?",
		cl.Text, by.ID, on.String()); err != nil {
		return r, err
	}
	return s.ReceptionSession(ctx, id)
}

// actDay is the day an act on a session is dated: as given, or today; not
// after today, nor before the day it follows (named after).
func actDay(on, after, today workflow.Date, afterName string) (workflow.Date, error) {
	switch {
	case on.IsZero():
		return today, nil
	case on.After(today):
		return on, workflow.Invalid("on", "ngày không được sau ngày hôm nay")
	case on.Before(after):
		return on, workflow.Invalid("on", "ngày không được trước %s %s", afterName, after.VN())
	}
	return on, nil
}

// sessionToRecord reads a session the user may record for.
func (s *Store) sessionToRecord(ctx context.Context, by User, id int64) (ReceptionSession, error) {
	r, err := s.ReceptionSession(ctx, id)
	if err != nil {
		return r, err
	}
	v, err := s.Viewer(ctx, by)
	if err != nil {
		return r, err
	}
	if !v.MayRecordReception(r.UnitID) {
		return r, workflow.Errorf(workflow.CodeForbidden, "bạn không được ghi sổ tiếp công dân của đơn vị này")
	}
	return r, nil
}

// updateSession changes a session, logs the act with its detail and writes a
// conclusion's tasks, in one transaction. r.HeldOn is the day after the act.
func (s *Store) updateSession(ctx context.Context, by User, r ReceptionSession, act, detail string, tasks []workflow.FollowUp,
	set string, args ...any) error {
	_, now := s.clock()
	return s.write(ctx, func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, `UPDATE reception_sessions SET `+set+` WHERE id = ?`, append(args, r.ID)...); err != nil {
			return fmt.Errorf("store: update reception session %d: %w", r.ID, err)
		}
		if err := insertTasks(ctx, tx, r, tasks, now); err != nil {
			return err
		}
		return logSession(ctx, tx, r.ID, r.HeldOn, act, by.ID, now, detail)
	})
}

// ScheduledDay is a head's coming reception day as the public reads it.
type ScheduledDay struct {
	Unit         string                `db:"unit_name" json:"unit"`
	Head         string                `db:"head_name" json:"head"`
	HeldOn       workflow.Date         `db:"held_on" json:"held_on"`
	Form         workflow.SessionForm  `db:"form" json:"form"`
	Place        string                `db:"place" json:"place"`
	State        workflow.SessionState `db:"state" json:"state"`
	ChangeReason string                `db:"change_reason" json:"change_reason,omitempty"`
	PublishedOn  workflow.Date         `db:"published_on" json:"published_on"`
}

// PublicSchedule lists the heads' reception days from today on, cancelled
// ones with their reason, soonest first (LTCD Art. 24: the schedule is public).
func (s *Store) PublicSchedule(ctx context.Context, today workflow.Date) ([]ScheduledDay, error) {
	var out []ScheduledDay
	err := s.r.SelectContext(ctx, &out, `SELECT n.name AS unit_name, COALESCE(h.name, '') AS head_name, s.held_on, s.form,
		s.place, s.state, s.change_reason, s.published_on
		FROM reception_sessions s JOIN units n ON n.id = s.unit_id LEFT JOIN users h ON h.id = s.head_id
		WHERE s.kind = 'periodic' AND s.state IN ('scheduled', 'cancelled') AND s.held_on >= ?
		ORDER BY s.held_on, n.code LIMIT 200`, today.String())
	if err != nil {
		return nil, fmt.Errorf("store: public schedule: %w", err)
	}
	return out, nil
}
