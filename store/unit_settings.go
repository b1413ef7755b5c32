package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// SettingsChange is one recorded change of a unit's settings: in force from
// EffectiveFrom, set by whom and when (unit_settings).
type SettingsChange struct {
	EffectiveFrom workflow.Date `json:"effective_from"`
	workflow.UnitSettings
	SetBy string `json:"set_by"` // the administrator's login; "" for settings carried over by the migration
	SetAt string `json:"set_at"` // RFC 3339, UTC
}

type settingsChangeRow struct {
	EffectiveFrom workflow.Date `db:"effective_from"`
	Settings      string        `db:"settings"`
	SetBy         *string       `db:"set_by"`
	SetAt         string        `db:"set_at"`
}

// SettingsChanges lists a unit's recorded settings changes, oldest effective
// day first (and, for one day, in the order they were made). The caller
// checks the viewer may read the unit's settings.
func (s *Store) SettingsChanges(ctx context.Context, unitID int64) ([]SettingsChange, error) {
	return settingsChanges(ctx, s.r, unitID)
}

func settingsChanges(ctx context.Context, q sqlx.QueryerContext, unitID int64) ([]SettingsChange, error) {
	var rows []settingsChangeRow
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT h.effective_from, h.settings, u.login AS set_by, h.set_at
		FROM unit_settings h LEFT JOIN users u ON u.id = h.set_by
		WHERE h.unit_id = ? ORDER BY h.effective_from, h.id`, unitID)
	if err != nil {
		return nil, fmt.Errorf("store: unit %d settings: %w", unitID, err)
	}
	out := make([]SettingsChange, 0, len(rows))
	for _, r := range rows {
		c := SettingsChange{EffectiveFrom: r.EffectiveFrom, UnitSettings: workflow.DefaultUnitSettings, SetAt: r.SetAt}
		if err := json.Unmarshal([]byte(r.Settings), &c.UnitSettings); err != nil {
			return nil, fmt.Errorf("store: unit %d settings of %s: %w", unitID, r.EffectiveFrom, err)
		}
		if r.SetBy != nil {
			c.SetBy = *r.SetBy
		}
		out = append(out, c)
	}
	return out, nil
}

// SetUnitSettings records a change of a unit's settings by actor, in force
// from the day from (today when zero) on: never before today, so that no
// clock already counted changes its length (DOMAIN.md §3; a clock takes the
// settings in force on its first day). A later change for the same day
// replaces the earlier one; both stay recorded. The caller checks that the
// actor is an administrator whose scope holds the unit. Errors: invalid
// (effective_from, petition_days), not_found (the unit).
func (s *Store) SetUnitSettings(ctx context.Context, actor User, unitID int64, from workflow.Date, us workflow.UnitSettings) error {
	today, now := s.clock()
	if from.IsZero() {
		from = today
	}
	if from.Before(today) {
		return workflow.Invalid("effective_from", "ngày áp dụng không được trước ngày hôm nay (%s)", today.VN())
	}
	if err := us.Validate(); err != nil {
		return err
	}
	raw, err := json.Marshal(us)
	if err != nil {
		return err
	}
	defer s.tree.forget() // the tree keeps each unit's settings too
	return s.write(ctx, func(tx *txn) error {
		if _, err := unitByID(ctx, tx, unitID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO unit_settings (unit_id, effective_from, settings, set_by, set_at)
			VALUES (?, ?, ?, ?, ?)`, unitID, from.String(), string(raw), actor.ID, now); err != nil {
			return fmt.Errorf("store: set unit %d settings: %w", unitID, err)
		}
		changes, err := settingsChanges(ctx, tx, unitID)
		if err != nil {
			return err
		}
		history, err := json.Marshal(historyOf(changes))
		if err != nil {
			return err
		}
		// The engine reads the dated list with the case (caseSelect), not the changes.
		if _, err := tx.ExecContext(ctx, `UPDATE units SET settings = ? WHERE id = ?`, string(history), unitID); err != nil {
			return fmt.Errorf("store: set unit %d settings: %w", unitID, err)
		}
		return nil
	})
}

// historyOf folds the recorded changes into the settings in force by day:
// of several changes for one day the last made counts.
func historyOf(changes []SettingsChange) workflow.SettingsHistory {
	h := workflow.SettingsHistory{}
	for _, c := range changes {
		d := workflow.DatedSettings{EffectiveFrom: c.EffectiveFrom, UnitSettings: c.UnitSettings}
		if n := len(h); n > 0 && h[n-1].EffectiveFrom.Equal(c.EffectiveFrom) {
			h[n-1] = d
			continue
		}
		h = append(h, d)
	}
	return h
}
