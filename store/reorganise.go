package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"petitions/workflow"
)

// A reorganisation of units (issue 19; README "Units"): several units of one
// parent merge into one, or one splits into several, effective from a day.
// The ended units close the day before with their successor named (the
// reports' "as merged" follows it); every active case moves to its successor
// with a history record and a row in case_unit_moves, which the backlog and
// the reports read to count a case under the unit it was in on the day asked;
// closed cases keep their unit. The ended units' users move with their work
// or are disabled, as the administrator chooses. All of it commits in one
// transaction with its admin_log line, or none of it does.

// Reorganisation is what an administrator asks (POST /units/reorganise).
type Reorganisation struct {
	EffectiveOn workflow.Date
	From        []string    // the units that end
	Into        []Successor // the units that take over; the first by default
	Moves       []CaseMove
	Users       string // "move" (the default) or "disable"
}

// Successor is a unit taking over: an existing one of the same parent, or,
// with a name, a new one.
type Successor struct {
	Code string `json:"code"`
	Name string `json:"name,omitempty"`
}

// CaseMove sends the active cases of one ended unit (From), or one case by
// its tracking code (Case), to a successor other than the first.
type CaseMove struct {
	From string `json:"case_unit_from,omitempty"`
	Case string `json:"case,omitempty"`
	To   string `json:"to"`
}

// Reorganised is what a reorganisation did.
type Reorganised struct {
	EffectiveOn   workflow.Date `json:"effective_on"`
	Ended         []string      `json:"ended"`
	Created       []string      `json:"created"`
	CasesMoved    int           `json:"cases_moved"`
	UsersMoved    int           `json:"users_moved"`
	UsersDisabled int           `json:"users_disabled"`
}

// reorganisePlan is a checked reorganisation: the units, and where each
// ended unit's work goes.
type reorganisePlan struct {
	from    []Unit
	parent  *Unit
	level   string
	into    []Unit            // the successors that exist
	create  []NewUnit         // the successors to create
	dest    map[int64]string  // ended unit id → successor code
	perCase map[string]string // tracking code → successor code
}

// Reorganise checks and carries out a reorganisation in the administrator's scope.
func (s *Store) Reorganise(ctx context.Context, actor User, v workflow.Viewer, r Reorganisation) (Reorganised, error) {
	plan, err := s.planReorganisation(ctx, v, r)
	if err != nil {
		return Reorganised{}, err
	}
	if err := s.readMovesAhead(ctx, plan); err != nil {
		return Reorganised{}, err
	}
	var out Reorganised
	err = s.write(ctx, func(tx *txn) error {
		out = Reorganised{EffectiveOn: r.EffectiveOn}
		ids := map[string]int64{}
		for _, u := range plan.into {
			ids[u.Code] = u.ID
		}
		for _, n := range plan.create {
			id, err := insertUnit(ctx, tx, n, plan.parent.ID)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE units SET valid_from = ? WHERE id = ?`, r.EffectiveOn.String(), id); err != nil {
				return fmt.Errorf("store: reorganise: %w", err)
			}
			ids[n.Code], out.Created = id, append(out.Created, n.Code)
		}
		for _, u := range plan.from {
			if err := s.endUnit(ctx, tx, u, ids[plan.dest[u.ID]], r.EffectiveOn); err != nil {
				return err
			}
			out.Ended = append(out.Ended, u.Code)
		}
		names := map[int64]string{}
		for _, u := range plan.from {
			names[u.ID] = u.Name
		}
		for _, u := range plan.into {
			names[u.ID] = u.Name
		}
		for _, n := range plan.create {
			names[ids[n.Code]] = n.Name
		}
		moved, err := s.moveCases(ctx, tx, actor, plan, ids, names, r.EffectiveOn)
		if err != nil {
			return err
		}
		out.CasesMoved = moved
		if out.UsersMoved, out.UsersDisabled, err = reassignUsers(ctx, tx, plan, ids, r.Users == "disable"); err != nil {
			return err
		}
		detail := fmt.Sprintf("into %s from %s; %d cases moved; users %s", strings.Join(codesOf(plan.into, plan.create), ", "),
			r.EffectiveOn, out.CasesMoved, map[bool]string{true: "disabled", false: "moved"}[r.Users == "disable"])
		return logAdmin(ctx, tx, actor.ID, s.stamp(), "units_reorganised", strings.Join(out.Ended, ", "), detail)
	})
	s.tree.forget()
	if err != nil {
		return Reorganised{}, err
	}
	return out, nil
}

// PreviewReorganisation checks a reorganisation and tells what it would do
// as things stand, writing nothing: the units it would end and create, the
// active cases it would move, the users it would move or disable.
func (s *Store) PreviewReorganisation(ctx context.Context, v workflow.Viewer, r Reorganisation) (Reorganised, error) {
	plan, err := s.planReorganisation(ctx, v, r)
	if err != nil {
		return Reorganised{}, err
	}
	out := Reorganised{EffectiveOn: r.EffectiveOn, Created: codesOf(nil, plan.create)}
	args := make([]any, len(plan.from))
	for i, u := range plan.from {
		out.Ended, args[i] = append(out.Ended, u.Code), u.ID
	}
	in := placeholders(len(args))
	var users int
	if err := s.r.GetContext(ctx, &out.CasesMoved, `SELECT COUNT(*) FROM cases WHERE settled_on IS NULL AND unit_id IN (`+in+`)`, args...); err != nil {
		return out, fmt.Errorf("store: reorganise: %w", err)
	}
	if err := s.r.GetContext(ctx, &users, `SELECT COUNT(*) FROM users WHERE disabled = ? AND unit_id IN (`+in+`)`, append([]any{false}, args...)...); err != nil {
		return out, fmt.Errorf("store: reorganise: %w", err)
	}
	if r.Users == "disable" {
		out.UsersDisabled = users
	} else {
		out.UsersMoved = users
	}
	return out, nil
}

// planReorganisation checks a reorganisation against the units as they stand.
func (s *Store) planReorganisation(ctx context.Context, v workflow.Viewer, r Reorganisation) (reorganisePlan, error) {
	var plan reorganisePlan
	switch {
	case r.EffectiveOn.IsZero():
		return plan, workflow.Invalid("effective_on", "cần ngày có hiệu lực của việc sắp xếp")
	case r.EffectiveOn.After(s.Today()):
		return plan, workflow.Invalid("effective_on", "ngày có hiệu lực chưa đến: hãy ghi việc sắp xếp từ ngày đó")
	case len(r.From) == 0:
		return plan, workflow.Invalid("from", "cần ít nhất một đơn vị được sắp xếp")
	case len(r.Into) == 0:
		return plan, workflow.Invalid("into", "cần ít nhất một đơn vị tiếp nhận")
	case len(r.From) > 1 && len(r.Into) > 1:
		return plan, workflow.Invalid("into", "mỗi lần sắp xếp hoặc hợp nhiều đơn vị vào một, hoặc chia một đơn vị thành nhiều")
	case r.Users != "" && r.Users != "move" && r.Users != "disable":
		return plan, workflow.Invalid("users", "người dùng của đơn vị cũ được chuyển (move) hoặc khoá (disable)")
	}
	all, err := s.Units(ctx)
	if err != nil {
		return plan, err
	}
	byCode := map[string]Unit{}
	for _, u := range all {
		byCode[u.Code] = u
	}
	ended := func(u Unit) bool {
		return u.SuccessorID != nil || !u.ValidTo.IsZero() && u.ValidTo.Before(r.EffectiveOn)
	}
	for _, code := range r.From {
		u, ok := byCode[strings.TrimSpace(code)]
		switch {
		case !ok:
			return plan, workflow.Invalid("from", "không có đơn vị %q", code)
		case !v.MayManageUsers(u.ID):
			return plan, workflow.Errorf(workflow.CodeForbidden, "đơn vị %s không thuộc phạm vi quản trị của bạn", u.Code)
		case ended(u):
			return plan, workflow.Errorf(workflow.CodeUnitClosed, "đơn vị %s đã kết thúc hoạt động", u.Code)
		case slices.ContainsFunc(plan.from, func(x Unit) bool { return x.ID == u.ID }):
			return plan, workflow.Invalid("from", "đơn vị %s được nêu hai lần", u.Code)
		case len(plan.from) > 0 && !sameParent(plan.from[0], u):
			return plan, workflow.Errorf(workflow.CodeSuccessorOutsideParent, "các đơn vị được sắp xếp phải cùng một đơn vị cấp trên")
		}
		plan.from, plan.level = append(plan.from, u), u.Level
	}
	if p := plan.from[0].ParentID; p != nil {
		for _, u := range all {
			if u.ID == *p {
				plan.parent = &u
			}
		}
	}
	if plan.parent == nil || !v.MayManageUsers(plan.parent.ID) {
		return plan, workflow.Errorf(workflow.CodeForbidden, "đơn vị cấp trên của các đơn vị được sắp xếp không thuộc phạm vi quản trị của bạn")
	}
	seen := map[string]bool{}
	for _, in := range r.Into {
		code := strings.TrimSpace(in.Code)
		if seen[code] {
			return plan, workflow.Invalid("into", "đơn vị %s được nêu hai lần", code)
		}
		seen[code] = true
		u, ok := byCode[code]
		if !ok {
			n, err := checkNewUnit(NewUnit{Code: code, Name: in.Name, Level: plan.level, Parent: plan.parent.Code})
			if e := (*workflow.Error)(nil); errors.As(err, &e) {
				return plan, workflow.Invalid("into", "đơn vị mới %s: %s", code, e.Message)
			} else if err != nil {
				return plan, err
			}
			plan.create = append(plan.create, n)
			continue
		}
		switch {
		case slices.ContainsFunc(plan.from, func(x Unit) bool { return x.ID == u.ID }):
			return plan, workflow.Errorf(workflow.CodeUnitCycle, "đơn vị %s không thể vừa kết thúc vừa tiếp nhận chính nó", code)
		case u.SuccessorID != nil || !u.ValidTo.IsZero():
			return plan, workflow.Errorf(workflow.CodeUnitClosed, "không thể sáp nhập vào đơn vị %s đã kết thúc hoạt động", code)
		case !sameParent(plan.from[0], u):
			return plan, workflow.Errorf(workflow.CodeSuccessorOutsideParent, "đơn vị tiếp nhận %s không cùng đơn vị cấp trên với các đơn vị được sắp xếp", code)
		case strings.TrimSpace(in.Name) != "" && strings.TrimSpace(in.Name) != u.Name:
			return plan, workflow.Invalid("into", "đơn vị %s đã có; đổi tên ở trang đơn vị", code)
		}
		plan.into = append(plan.into, u)
	}
	first := strings.TrimSpace(r.Into[0].Code)
	plan.dest, plan.perCase = map[int64]string{}, map[string]string{}
	for _, u := range plan.from {
		plan.dest[u.ID] = first
	}
	for _, m := range r.Moves {
		if !seen[strings.TrimSpace(m.To)] {
			return plan, workflow.Invalid("moves", "%q không phải đơn vị tiếp nhận", m.To)
		}
		from, known := byCode[strings.TrimSpace(m.From)]
		switch {
		case m.Case != "" && m.From == "":
			plan.perCase[strings.TrimSpace(m.Case)] = strings.TrimSpace(m.To)
		case m.Case == "" && known && slices.ContainsFunc(plan.from, func(x Unit) bool { return x.ID == from.ID }):
			plan.dest[from.ID] = strings.TrimSpace(m.To)
		default:
			return plan, workflow.Invalid("moves", "mỗi dòng chuyển nêu một đơn vị được sắp xếp (case_unit_from) hoặc một hồ sơ (case)")
		}
	}
	return plan, nil
}

func sameParent(a, b Unit) bool {
	return a.ParentID != nil && b.ParentID != nil && *a.ParentID == *b.ParentID
}

func codesOf(into []Unit, created []NewUnit) []string {
	var out []string
	for _, u := range into {
		out = append(out, u.Code)
	}
	for _, n := range created {
		out = append(out, n.Code)
	}
	return out
}

// endUnit closes u the day before on, naming its successor, and puts the
// units still under it under the successor.
func (s *Store) endUnit(ctx context.Context, tx *txn, u Unit, successor int64, on workflow.Date) error {
	res, err := tx.ExecContext(ctx, `UPDATE units SET successor_id = ?, valid_to = ? WHERE id = ? AND successor_id IS NULL`,
		successor, on.AddDays(-1).String(), u.ID)
	if err != nil {
		return fmt.Errorf("store: end unit %s: %w", u.Code, err)
	}
	if n, _ := res.RowsAffected(); n != 1 { // another reorganisation ended it since the plan was checked
		return workflow.Errorf(workflow.CodeUnitClosed, "đơn vị %s đã kết thúc hoạt động", u.Code)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE units SET parent_id = ? WHERE parent_id = ? AND valid_to IS NULL`, successor, u.ID); err != nil {
		return fmt.Errorf("store: end unit %s: %w", u.Code, err)
	}
	// Open reception follow-ups are work the successor takes over too.
	if _, err := tx.ExecContext(ctx, `UPDATE reception_tasks SET unit_id = ? WHERE unit_id = ? AND done_on IS NULL`, successor, u.ID); err != nil {
		return fmt.Errorf("store: end unit %s: %w", u.Code, err)
	}
	return nil
}

// moveCases moves every active case of the ended units to its successor:
// the case row, its unmade papers (drafts are the successor's to issue), a
// history record each and its row in case_unit_moves.
func (s *Store) moveCases(ctx context.Context, tx *txn, actor User, plan reorganisePlan, ids map[string]int64,
	names map[int64]string, on workflow.Date) (int, error) {
	args := make([]any, len(plan.from))
	for i, u := range plan.from {
		args[i] = u.ID
	}
	var rows []movingCase
	if err := tx.SelectContext(ctx, &rows, `SELECT id, version, state, last_event_on, clocks, unit_id, tracking_code FROM cases
		WHERE settled_on IS NULL AND unit_id IN (`+placeholders(len(args))+`) ORDER BY id`, args...); err != nil {
		return 0, fmt.Errorf("store: reorganise: active cases: %w", err)
	}
	for code := range plan.perCase {
		if !slices.ContainsFunc(rows, func(r movingCase) bool { return r.TrackingCode == code }) {
			return 0, workflow.Invalid("moves", "hồ sơ %s không phải hồ sơ đang giải quyết của đơn vị được sắp xếp", code)
		}
	}
	today, now := s.clock()
	byCode := map[int64]string{}
	for _, u := range plan.from {
		byCode[u.ID] = u.Code
	}
	for _, r := range rows {
		to := plan.dest[r.UnitID]
		if c, ok := plan.perCase[r.TrackingCode]; ok {
			to = c
		}
		toID := ids[to]
		c := workflow.Case{ID: r.ID, Version: r.Version, State: workflow.State(r.State), LastEventOn: r.LastEventOn}
		if err := json.Unmarshal([]byte(r.Clocks), &c.Clocks); err != nil {
			return 0, fmt.Errorf("store: case %d clocks: %w", r.ID, err)
		}
		n, rec := workflow.Reorganise(c, workflow.UnitMove{FromUnit: byCode[r.UnitID], FromName: names[r.UnitID],
			ToUnit: to, ToName: names[toID], EffectiveOn: on}, today)
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET unit_id = ?, version = ?, updated_at = ?, last_event_on = ? WHERE id = ? AND version = ?`,
			toID, n.Version, now, n.LastEventOn.String(), r.ID, r.Version); err != nil {
			return 0, fmt.Errorf("store: reorganise case %d: %w", r.ID, err)
		}
		record, err := newRecord(r.ID, rec, actor, n, now)
		if err != nil {
			return 0, err
		}
		if err := record.append(ctx, tx, s.keys); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO case_unit_moves (case_id, from_unit_id, to_unit_id, effective_on) VALUES (?, ?, ?, ?)`,
			r.ID, r.UnitID, toID, on.String()); err != nil {
			return 0, fmt.Errorf("store: reorganise case %d: %w", r.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET unit_id = ? WHERE case_id = ? AND state = 'draft'`, toID, r.ID); err != nil {
			return 0, fmt.Errorf("store: reorganise case %d: %w", r.ID, err)
		}
	}
	return len(rows), nil
}

// readMovesAhead reads, on the reader pool before the writer is taken, what
// moving the ended units' active cases will read: their rows, the last
// history record of each (the chain the new record follows) and their
// drafts. A unit's active cases span years, and at a province's scale most
// of those pages are not in memory; read inside the write, each case cost
// a few milliseconds of disk while every other writer waited.
func (s *Store) readMovesAhead(ctx context.Context, plan reorganisePlan) error {
	args := make([]any, len(plan.from))
	for i, u := range plan.from {
		args[i] = u.ID
	}
	var n []int64
	err := s.r.SelectContext(ctx, &n, `SELECT c.version + LENGTH(c.clocks)
		+ COALESCE((SELECT LENGTH(h.hash) FROM history h WHERE h.case_id = c.id ORDER BY h.seq DESC LIMIT 1), 0)
		+ (SELECT COUNT(*) FROM documents d WHERE d.case_id = c.id AND d.state = 'draft')
		FROM cases c WHERE c.settled_on IS NULL AND c.unit_id IN (`+placeholders(len(args))+`)`, args...)
	if err != nil {
		return fmt.Errorf("store: reorganise: read ahead: %w", err)
	}
	return nil
}

// movingCase is what a reorganisation reads and writes of a case.
type movingCase struct {
	clockRow
	UnitID       int64  `db:"unit_id"`
	TrackingCode string `db:"tracking_code"`
}

// reassignUsers moves the ended units' enabled users to their unit's
// successor, or disables them; either way their sessions and tokens end
// (as a change of unit does, ChangeUser), and an enabled administrator is
// left (422 last_admin).
func reassignUsers(ctx context.Context, tx *txn, plan reorganisePlan, ids map[string]int64, disable bool) (moved, disabled int, err error) {
	for _, u := range plan.from {
		var users []int64
		if err := tx.SelectContext(ctx, &users, `SELECT id FROM users WHERE unit_id = ? AND disabled = ?`, u.ID, false); err != nil {
			return 0, 0, fmt.Errorf("store: reorganise users: %w", err)
		}
		for _, id := range users {
			q, args := `UPDATE users SET unit_id = ? WHERE id = ?`, []any{ids[plan.dest[u.ID]], id}
			if disable {
				q, args = `UPDATE users SET disabled = ? WHERE id = ?`, []any{true, id}
			}
			for _, stmt := range []string{q, `DELETE FROM api_tokens WHERE user_id = ?`, `DELETE FROM sessions WHERE user_id = ?`} {
				if stmt != q {
					args = []any{id}
				}
				if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
					return 0, 0, fmt.Errorf("store: reorganise users: %w", err)
				}
			}
		}
		if disable {
			disabled += len(users)
		} else {
			moved += len(users)
		}
	}
	if err := reassignPosts(ctx, tx, plan, ids, disable); err != nil {
		return 0, 0, err
	}
	var admins int
	if err := tx.GetContext(ctx, &admins, `SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = ?`, false); err != nil {
		return 0, 0, fmt.Errorf("store: reorganise users: %w", err)
	}
	if admins == 0 {
		return 0, 0, workflow.Errorf(workflow.CodeLastAdmin, "không thể khoá quản trị viên cuối cùng đang hoạt động")
	}
	return moved, disabled, nil
}

// reassignPosts moves the posts held in the ended units (posts.go) to their
// successors, or with disable takes them away; a post in the unit a user now
// belongs to, or holds a post in already, is dropped.
func reassignPosts(ctx context.Context, tx *txn, plan reorganisePlan, ids map[string]int64, disable bool) error {
	for _, u := range plan.from {
		to := ids[plan.dest[u.ID]]
		stmts := [][]any{
			{`DELETE FROM user_posts WHERE unit_id = ? AND user_id IN (SELECT user_id FROM user_posts WHERE unit_id = ?)`, u.ID, to},
			{`UPDATE user_posts SET unit_id = ? WHERE unit_id = ?`, to, u.ID},
		}
		if disable {
			stmts = [][]any{{`DELETE FROM user_posts WHERE unit_id = ?`, u.ID}}
		}
		for _, st := range stmts {
			if _, err := tx.ExecContext(ctx, st[0].(string), st[1:]...); err != nil {
				return fmt.Errorf("store: reorganise posts: %w", err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM user_posts WHERE EXISTS (SELECT 1 FROM users u
		WHERE u.id = user_posts.user_id AND u.unit_id = user_posts.unit_id)`); err != nil {
		return fmt.Errorf("store: reorganise posts: %w", err)
	}
	return nil
}
