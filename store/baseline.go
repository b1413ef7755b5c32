package store

import (
	"context"
	"fmt"

	"petitions/workflow"
)

// BaselineNote writes what ApplyEvent writes for a note on a case — the case
// row's new version and a sealed history record, in one write transaction —
// with none of the engine's work: no rules, no clocks. It exists for
// the benchmark, which compares the API's rate of transitions with this floor.
func (s *Store) BaselineNote(ctx context.Context, actor User, caseID int64, on workflow.Date) error {
	return s.write(ctx, func(tx *txn) error {
		var c struct {
			Version int     `db:"version"`
			State   string  `db:"state"`
			Clocks  string  `db:"clocks"`
			Due     *string `db:"due_on"`
		}
		if err := tx.GetContext(ctx, &c, `SELECT c.version, c.state, h.clocks, h.due_on FROM cases c
			JOIN history h ON h.case_id = c.id WHERE c.id = ? ORDER BY h.seq DESC LIMIT 1`, caseID); err != nil {
			return notFound(err, "hồ sơ")
		}
		now := s.stamp()
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET version = ?, last_event_on = ?, updated_at = ?
			WHERE id = ? AND version = ?`, c.Version+1, on.String(), now, caseID, c.Version); err != nil {
			return fmt.Errorf("store: baseline: %w", err)
		}
		rec := workflow.Record{Event: workflow.EvNote, FromState: workflow.State(c.State),
			ToState: workflow.State(c.State), On: on, Payload: map[string]any{"note": "baseline"}}
		r, err := encodeRecord(caseID, rec, actor, c.Clocks, c.Due, now) // a note leaves the clocks as they were
		if err != nil {
			return err
		}
		return r.append(ctx, tx, s.keys)
	})
}
