package store

import (
	"context"
	"fmt"

	"petitions/workflow"
)

// The unit a case was in on a day: its unit now, unless a reorganisation
// moved it after that day (case_unit_moves, store/reorganise.go); then the
// unit its first such move took it from. Moves are rare, so the backlog and
// the reports ask first whether any took effect after the day, and only
// then read case_unit_moves: an audit of a day after every move runs as it
// always did.

// movedAfter reports whether any case moved unit effective after day.
func (s *Store) movedAfter(ctx context.Context, day workflow.Date) (bool, error) {
	var ids []int64
	if err := s.rd(ctx).SelectContext(ctx, &ids, `SELECT case_id FROM case_unit_moves WHERE effective_on > ? LIMIT 1`, day.String()); err != nil {
		return false, fmt.Errorf("store: unit moves: %w", err)
	}
	return len(ids) > 0, nil
}

// unitsThen maps each case moved effective after day to the unit it was in
// at the end of that day.
func (s *Store) unitsThen(ctx context.Context, day workflow.Date) (map[int64]int64, error) {
	var rows []struct {
		CaseID int64 `db:"case_id"`
		FromID int64 `db:"from_unit_id"`
	}
	if err := s.rd(ctx).SelectContext(ctx, &rows, `SELECT case_id, from_unit_id FROM case_unit_moves WHERE effective_on > ?
		ORDER BY case_id, effective_on DESC, id DESC`, day.String()); err != nil {
		return nil, fmt.Errorf("store: unit moves: %w", err)
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.CaseID] = r.FromID // the earliest move of the case is read last
	}
	return out, nil
}

// notMovedAfter is the condition, on a query of cases, that the case did
// not move unit after a day (one argument: the day).
const notMovedAfter = `NOT EXISTS (SELECT 1 FROM case_unit_moves m WHERE m.case_id = cases.id AND m.effective_on > ?)`

// movedFromUnits selects, as snapshotQuery's parts do, the cases that were in
// the units at the end of a day and moved out after it, under the unit they
// were in; arguments: the day twice, the units, the day twice.
func movedFromUnits(columns, unitsIn string) string {
	return `SELECT ` + columns + ` FROM case_unit_moves mv JOIN cases c ON c.id = mv.case_id
		WHERE mv.effective_on > ? AND NOT EXISTS (SELECT 1 FROM case_unit_moves e WHERE e.case_id = mv.case_id
			AND e.effective_on > ? AND (e.effective_on < mv.effective_on OR e.effective_on = mv.effective_on AND e.id < mv.id))
		AND mv.from_` + unitsIn + ` AND c.received_on <= ? AND (c.settled_on IS NULL OR c.settled_on > ?)`
}
