package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

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
	Settings  string        `db:"settings" json:"-"`
}

// UnitSettings decodes the unit's settings over the defaults.
func (u Unit) UnitSettings() workflow.UnitSettings {
	s := workflow.DefaultUnitSettings
	_ = json.Unmarshal([]byte(u.Settings), &s) // a unit with broken settings falls back to the defaults
	return s
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

// UnitByCode returns the unit with that code (not_found otherwise).
func (s *Store) UnitByCode(ctx context.Context, code string) (Unit, error) {
	return unitByCode(ctx, s.r, code)
}

const unitColumns = `id, code, name, parent_id, level, valid_from, valid_to, settings`

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
