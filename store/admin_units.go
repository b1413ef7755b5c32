package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"petitions/workflow"
)

// Administration of units (issue 19): an administrator adds units below
// theirs, renames them (the old name kept with its last day), moves them
// under another parent of their scope (never under itself or below it), and
// closes them; each act with its line in admin_log.

// unitLevels are the kinds of unit (DOMAIN.md §5).
var unitLevels = []string{"province", "agency", "commune"}

// NewUnit is a unit an administrator adds.
type NewUnit struct {
	Code, Name, Level, Parent string
}

// checkNewUnit is a new unit's own rules, its fields trimmed; the parent's
// existence and scope are the caller's (AddUnit, ImportStaff).
func checkNewUnit(in NewUnit) (NewUnit, error) {
	in.Code, in.Name, in.Parent = strings.TrimSpace(in.Code), strings.TrimSpace(in.Name), strings.TrimSpace(in.Parent)
	switch {
	case in.Code == "" || len(in.Code) > 32 || strings.ContainsAny(in.Code, " /?#&"):
		return in, workflow.Invalid("code", "mã đơn vị gồm 1 đến 32 ký tự, không có dấu cách")
	case in.Name == "":
		return in, workflow.Invalid("name", "cần nhập tên đơn vị")
	case !slices.Contains(unitLevels, in.Level):
		return in, workflow.Invalid("level", "cấp đơn vị phải là province, agency hoặc commune")
	}
	return in, refuseUnstorable("code", in.Code, "name", in.Name)
}

// AddUnit adds a unit under a parent in the administrator's scope.
func (s *Store) AddUnit(ctx context.Context, actor User, v workflow.Viewer, in NewUnit) (Unit, error) {
	in, err := checkNewUnit(in)
	if err != nil {
		return Unit{}, err
	}
	parent, err := s.UnitByCode(ctx, in.Parent)
	if err != nil {
		return Unit{}, workflow.Invalid("parent", "không có đơn vị cấp trên %q", in.Parent)
	}
	if !v.MayManageUsers(parent.ID) {
		return Unit{}, workflow.Errorf(workflow.CodeForbidden, "đơn vị %s không thuộc phạm vi quản trị của bạn", parent.Code)
	}
	if _, err := s.UnitByCode(ctx, in.Code); err == nil {
		return Unit{}, workflow.Errorf(workflow.CodeConflict, "mã đơn vị %q đã có", in.Code)
	}
	var id int64
	err = s.write(ctx, func(tx *txn) error {
		if id, err = insertUnit(ctx, tx, in, parent.ID); err != nil {
			return err
		}
		return logAdmin(ctx, tx, actor.ID, s.stamp(), "unit_created", in.Code, in.Level+" under "+parent.Code)
	})
	s.tree.forget()
	if err != nil {
		return Unit{}, err
	}
	return unitByID(ctx, s.r, id)
}

// insertUnit adds a checked unit under its parent.
func insertUnit(ctx context.Context, tx *txn, in NewUnit, parentID int64) (int64, error) {
	var id int64
	err := tx.GetContext(ctx, &id, `INSERT INTO units (code, name, level, parent_id) VALUES (?, ?, ?, ?) RETURNING id`,
		in.Code, in.Name, in.Level, parentID)
	if isUniqueViolation(err) {
		return 0, workflow.Errorf(workflow.CodeConflict, "mã đơn vị %q đã có", in.Code)
	}
	if err != nil {
		return 0, fmt.Errorf("store: add unit %s: %w", in.Code, err)
	}
	return id, nil
}

// UnitChange is what an administrator changes of a unit; nil leaves it.
type UnitChange struct {
	Name     *string
	Parent   *string
	ClosedOn *workflow.Date // its last day
}

// ChangeUnit renames, moves or closes a unit of the administrator's scope.
func (s *Store) ChangeUnit(ctx context.Context, actor User, v workflow.Viewer, code string, ch UnitChange) (Unit, error) {
	u, err := s.UnitByCode(ctx, code)
	if err != nil {
		return u, err
	}
	if !v.MayManageUsers(u.ID) {
		return u, workflow.Errorf(workflow.CodeForbidden, "đơn vị %s không thuộc phạm vi quản trị của bạn", code)
	}
	today := s.Today()
	var parentID *int64
	if ch.Parent != nil {
		p, err := s.UnitByCode(ctx, *ch.Parent)
		if err != nil {
			return u, workflow.Invalid("parent", "không có đơn vị cấp trên %q", *ch.Parent)
		}
		if !v.MayManageUsers(p.ID) {
			return u, workflow.Errorf(workflow.CodeForbidden, "đơn vị %s không thuộc phạm vi quản trị của bạn", p.Code)
		}
		below, err := s.Subtree(ctx, u.ID)
		if err != nil {
			return u, err
		}
		if slices.Contains(below, p.ID) { // itself or a unit below it
			return u, workflow.Errorf(workflow.CodeUnitCycle, "không thể chuyển đơn vị %s vào dưới chính nó", code)
		}
		parentID = &p.ID
	}
	if ch.Name != nil && strings.TrimSpace(*ch.Name) == "" {
		return u, workflow.Invalid("name", "cần nhập tên đơn vị")
	}
	if ch.ClosedOn != nil && ch.ClosedOn.Before(today.AddDays(-1)) {
		return u, workflow.Invalid("closed_on", "ngày cuối của đơn vị không được trước hôm qua")
	}
	now := s.stamp()
	err = s.write(ctx, func(tx *txn) error {
		var acts []string
		if ch.Name != nil && strings.TrimSpace(*ch.Name) != u.Name {
			if _, err := tx.ExecContext(ctx, `INSERT INTO unit_names (unit_id, name, until) VALUES (?, ?, ?)`,
				u.ID, u.Name, today.AddDays(-1).String()); err != nil {
				return fmt.Errorf("store: rename unit %s: %w", code, err)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE units SET name = ? WHERE id = ?`, strings.TrimSpace(*ch.Name), u.ID); err != nil {
				return fmt.Errorf("store: rename unit %s: %w", code, err)
			}
			acts = append(acts, "renamed from "+u.Name)
		}
		if parentID != nil {
			if _, err := tx.ExecContext(ctx, `UPDATE units SET parent_id = ? WHERE id = ?`, *parentID, u.ID); err != nil {
				return fmt.Errorf("store: move unit %s: %w", code, err)
			}
			acts = append(acts, "moved under "+*ch.Parent)
		}
		if ch.ClosedOn != nil {
			if _, err := tx.ExecContext(ctx, `UPDATE units SET valid_to = ? WHERE id = ?`, ch.ClosedOn.String(), u.ID); err != nil {
				return fmt.Errorf("store: close unit %s: %w", code, err)
			}
			acts = append(acts, "closed after "+ch.ClosedOn.String())
		}
		if len(acts) == 0 {
			return workflow.Invalid("", "không có thay đổi nào")
		}
		return logAdmin(ctx, tx, actor.ID, now, "unit_changed", code, strings.Join(acts, "; "))
	})
	s.tree.forget()
	if err != nil {
		return u, err
	}
	return s.UnitByCode(ctx, code)
}

// UnitName is one of a unit's former names.
type UnitName struct {
	Name  string        `json:"name" db:"name"`
	Until workflow.Date `json:"until" db:"until"`
}

// FormerNames lists a unit's former names, oldest first.
func (s *Store) FormerNames(ctx context.Context, unitID int64) ([]UnitName, error) {
	var out []UnitName
	if err := s.r.SelectContext(ctx, &out, `SELECT name, until FROM unit_names WHERE unit_id = ? ORDER BY until`, unitID); err != nil {
		return nil, fmt.Errorf("store: names of unit %d: %w", unitID, err)
	}
	return out, nil
}
