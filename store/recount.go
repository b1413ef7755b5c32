package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// systemActor signs the acts no official does: the recount of clocks after a
// change of the calendar. Its records have no actor_id.
var systemActor = User{Login: "system", Name: "Hệ thống"}

// recountBatch is how many cases one query reads.
const recountBatch = 500

// clockRow is what a recount reads and writes of a case.
type clockRow struct {
	ID          int64         `db:"id"`
	Version     int           `db:"version"`
	State       string        `db:"state"`
	LastEventOn workflow.Date `db:"last_event_on"`
	Clocks      string        `db:"clocks"`
}

// recountPlan is a recount decided on the cases as read: the moved cases
// with their records, and the last history record the read had seen.
type recountPlan struct {
	mark  int64 // history.id of the newest record when the cases were read
	moves []recountMove
}

type recountMove struct {
	before clockRow
	after  workflow.Case
	rec    workflow.Record
}

// planRecount reads, on q (the readers, so that the writer waits only for
// the writes), every active case that may hold a running clock crossing one
// of the changed days, and has the engine count it again on cal. Only active
// cases (settled_on NULL) have running clocks, and a clock crossing a day
// started before it: the cases received before the last changed day are all
// that may move.
func planRecount(ctx context.Context, q sqlx.QueryerContext, cal *workflow.Calendar, changed []workflow.CalendarDay, today workflow.Date) (recountPlan, error) {
	var plan recountPlan
	if len(changed) == 0 {
		return plan, nil
	}
	last := changed[0].Day
	for _, d := range changed {
		if d.Day.After(last) {
			last = d.Day
		}
	}
	// The mark first: a case acted on after it is read again inside the write.
	if err := sqlx.GetContext(ctx, q, &plan.mark, `SELECT COALESCE(MAX(id), 0) FROM history`); err != nil {
		return plan, fmt.Errorf("store: recount: %w", err)
	}
	var ids []int64
	if err := sqlx.SelectContext(ctx, q, &ids, `SELECT id FROM cases WHERE settled_on IS NULL AND received_on < ? ORDER BY id`,
		last.String()); err != nil {
		return plan, fmt.Errorf("store: recount: active cases: %w", err)
	}
	for start := 0; start < len(ids); start += recountBatch {
		moves, err := recountCases(ctx, q, ids[start:min(start+recountBatch, len(ids))], cal, changed, today)
		if err != nil {
			return plan, err
		}
		plan.moves = append(plan.moves, moves...)
	}
	return plan, nil
}

// recountCases reads the cases with those ids and counts them again.
func recountCases(ctx context.Context, q sqlx.QueryerContext, ids []int64, cal *workflow.Calendar, changed []workflow.CalendarDay, today workflow.Date) ([]recountMove, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	var rows []clockRow
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT id, version, state, last_event_on, clocks FROM cases
		WHERE id IN (`+placeholders(len(ids))+`)`, args...); err != nil {
		return nil, fmt.Errorf("store: recount: read cases: %w", err)
	}
	var out []recountMove
	for _, r := range rows {
		c := workflow.Case{ID: r.ID, Version: r.Version, State: workflow.State(r.State), LastEventOn: r.LastEventOn}
		if err := json.Unmarshal([]byte(r.Clocks), &c.Clocks); err != nil {
			return nil, fmt.Errorf("store: case %d clocks: %w", r.ID, err)
		}
		if n, rec, ok := workflow.Recount(c, cal, changed, today); ok {
			out = append(out, recountMove{before: r, after: n, rec: rec})
		}
	}
	return out, nil
}

// writeRecount writes a plan inside the write transaction tx: each moved
// case's new clocks, version-guarded, and its recount record naming the
// clocks, the old and new due dates, the days, and who changed them (by:
// merged into each payload, an administrator's "by" or the shipped
// calendar's "release"). The cases acted on since the plan was read, and a
// planned case whose version moved meanwhile, are read and counted again
// here, so no running clock is left counted on the old calendar.
func (s *Store) writeRecount(ctx context.Context, tx *txn, plan recountPlan, cal *workflow.Calendar, changed []workflow.CalendarDay, by map[string]any) (Recounted, error) {
	var out Recounted
	if len(changed) == 0 {
		return out, nil
	}
	today, now := s.clock()
	var since []int64
	if err := tx.SelectContext(ctx, &since, `SELECT DISTINCT h.case_id FROM history h JOIN cases c ON c.id = h.case_id
		WHERE h.id > ? AND c.settled_on IS NULL`, plan.mark); err != nil {
		return out, fmt.Errorf("store: recount: cases acted on since: %w", err)
	}
	again := map[int64]bool{}
	for _, id := range since {
		again[id] = true
	}
	write := func(m recountMove) error {
		for k, v := range by {
			m.rec.Payload[k] = v
		}
		record, err := newRecord(m.before.ID, m.rec, systemActor, m.after, now)
		if err != nil {
			return err
		}
		clocks, _, err := encodeState(m.after)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE cases SET version = ?, updated_at = ?, last_event_on = ?, due_on = ?, clocks = ?
			WHERE id = ? AND version = ?`, m.after.Version, now, m.after.LastEventOn.String(), nullDate(m.after.EarliestDue()),
			clocks, m.before.ID, m.before.Version)
		if err != nil {
			return fmt.Errorf("store: recount case %d: %w", m.before.ID, err)
		}
		if k, _ := res.RowsAffected(); k != 1 {
			again[m.before.ID] = true // acted on since it was read: counted again below
			return nil
		}
		out.Cases++
		out.Clocks += len(m.rec.Payload["clocks"].([]workflow.MovedClock))
		return record.append(ctx, tx, s.keys)
	}
	for _, m := range plan.moves {
		if !again[m.before.ID] {
			if err := write(m); err != nil {
				return out, err
			}
		}
	}
	ids := make([]int64, 0, len(again))
	for id := range again {
		ids = append(ids, id)
	}
	for start := 0; start < len(ids); start += recountBatch {
		moves, err := recountCases(ctx, tx, ids[start:min(start+recountBatch, len(ids))], cal, changed, today)
		if err != nil {
			return out, err
		}
		for _, m := range moves {
			if err := write(m); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}
