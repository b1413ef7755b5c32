package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// Unit is an administrative unit or an agency (DOMAIN.md §5): data, not fixed levels.
type Unit struct {
	ID        int64         `db:"id" json:"-"`
	Code      string        `db:"code" json:"code"`
	Name      string        `db:"name" json:"name"`
	ParentID  *int64        `db:"parent_id" json:"-"`
	Level     string        `db:"level" json:"level"`
	ValidFrom workflow.Date `db:"valid_from" json:"-"`
	ValidTo   workflow.Date `db:"valid_to" json:"-"`
	// SuccessorID is the unit that took over this one's work when it ended (a merger).
	SuccessorID *int64 `db:"successor_id" json:"-"`
	Settings    string `db:"settings" json:"-"`
}

// UnitSettings decodes the unit's latest settings over the defaults: the last
// set, which may not be in force yet (SettingsHistory tells which is, by day).
func (u Unit) UnitSettings() workflow.UnitSettings {
	h := u.SettingsHistory()
	if len(h) == 0 {
		return workflow.DefaultUnitSettings
	}
	return h[len(h)-1].UnitSettings
}

// SettingsHistory decodes the unit's settings over time (unit_settings.go
// writes them). units.settings holds either the dated list, oldest first, or,
// as before the list, one object in force from the start; each entry is read
// over the defaults. A unit with broken settings falls back to the defaults.
func (u Unit) SettingsHistory() workflow.SettingsHistory {
	raw := strings.TrimSpace(u.Settings)
	if strings.HasPrefix(raw, "[") {
		var list []json.RawMessage
		if json.Unmarshal([]byte(raw), &list) != nil {
			return nil
		}
		h := make(workflow.SettingsHistory, 0, len(list))
		for _, item := range list {
			d := workflow.DatedSettings{UnitSettings: workflow.DefaultUnitSettings}
			if json.Unmarshal(item, &d) != nil {
				return nil
			}
			h = append(h, d)
		}
		return h
	}
	s := workflow.DefaultUnitSettings
	if raw == "" || json.Unmarshal([]byte(raw), &s) != nil || s == workflow.DefaultUnitSettings {
		return nil
	}
	return workflow.SettingsHistory{{UnitSettings: s}}
}

// CreateUnit adds a unit under parentCode ("" for a root). Codes are unique.
func (s *Store) CreateUnit(ctx context.Context, code, name, level, parentCode string) (Unit, error) {
	if err := refuseUnstorable("code", code, "name", name, "level", level); err != nil {
		return Unit{}, err
	}
	var u Unit
	err := s.write(ctx, func(tx *txn) error {
		var parent *int64
		if parentCode != "" {
			p, err := unitByCode(ctx, tx, parentCode)
			if err != nil {
				return err
			}
			parent = &p.ID
		}
		var id int64
		err := tx.GetContext(ctx, &id, `INSERT INTO units (code, name, level, parent_id) VALUES (?, ?, ?, ?) RETURNING id`,
			code, name, level, parent)
		if err != nil {
			return fmt.Errorf("store: create unit %s: %w", code, err)
		}
		u, err = unitByID(ctx, tx, id)
		return err
	})
	s.tree.forget()
	return u, err
}

// MergeUnit records that the unit ended on the day before on and that
// successor took over its work: its cases stay its own, and the reports can
// count them under the successor ("as merged"). A unit merges once, into a
// unit that has not itself ended, never into itself.
func (s *Store) MergeUnit(ctx context.Context, code, successor string, on workflow.Date) (Unit, error) {
	var u Unit
	err := s.write(ctx, func(tx *txn) error {
		old, err := unitByCode(ctx, tx, code)
		if err != nil {
			return err
		}
		into, err := unitByCode(ctx, tx, successor)
		switch {
		case err != nil:
			return workflow.Invalid("successor", "không tìm thấy đơn vị %q", successor)
		case into.ID == old.ID:
			return workflow.Invalid("successor", "đơn vị không sáp nhập vào chính nó")
		case old.SuccessorID != nil:
			return workflow.Errorf(workflow.CodeIllegalTransition, "đơn vị %s đã được sáp nhập", code)
		case into.SuccessorID != nil:
			return workflow.Invalid("successor", "đơn vị %s đã được sáp nhập vào đơn vị khác", successor)
		case on.IsZero():
			return workflow.Invalid("on", "cần ngày đơn vị mới bắt đầu thực hiện nhiệm vụ")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE units SET successor_id = ?, valid_to = ? WHERE id = ?`,
			into.ID, on.AddDays(-1).String(), old.ID); err != nil {
			return fmt.Errorf("store: merge unit %s: %w", code, err)
		}
		u, err = unitByID(ctx, tx, old.ID)
		return err
	})
	s.tree.forget()
	return u, err
}

// UnitByCode returns the unit with that code (not_found otherwise).
func (s *Store) UnitByCode(ctx context.Context, code string) (Unit, error) {
	return unitByCode(ctx, s.r, code)
}

const unitColumns = `id, code, name, parent_id, level, valid_from, valid_to, successor_id, settings`

func unitByCode(ctx context.Context, q sqlx.QueryerContext, code string) (Unit, error) {
	var u Unit
	if !storable(code) {
		return u, notFound(sql.ErrNoRows, "đơn vị "+code)
	}
	err := sqlx.GetContext(ctx, q, &u, `SELECT `+unitColumns+` FROM units WHERE code = ?`, code)
	return u, notFound(err, "đơn vị "+code)
}

func unitByID(ctx context.Context, q sqlx.QueryerContext, id int64) (Unit, error) {
	var u Unit
	err := sqlx.GetContext(ctx, q, &u, `SELECT `+unitColumns+` FROM units WHERE id = ?`, id)
	return u, notFound(err, "đơn vị")
}
