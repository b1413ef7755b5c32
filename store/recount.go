package store

import (
	"context"
	"fmt"

	"petitions/workflow"
)

// systemActor signs the acts no official does: the recount of clocks after a
// change of the calendar. Its records have no actor_id.
var systemActor = User{Login: "system", Name: "Hệ thống"}

// recountBatch is how many cases one query reads: a page of active cases is
// read whole before any is written, as PostgreSQL serves one query at a time
// on a connection.
const recountBatch = 500

// recount counts again, on cal, the running clocks that cross one of the
// changed days, inside the caller's write transaction: each case whose due
// date moved gets its new row and a recount record naming the clocks, the
// old and new due dates, the days, and who changed them (by: the payload's
// "by", an administrator's login, or "release", the shipped calendar's). Only active
// cases (settled_on NULL) have running clocks, and a clock crossing a day
// started before it, so the cases received before the last changed day are
// all that may move.
func (s *Store) recount(ctx context.Context, tx *txn, cal *workflow.Calendar, changed []workflow.CalendarDay, by map[string]any, now string) (Recounted, error) {
	var out Recounted
	if len(changed) == 0 {
		return out, nil
	}
	last := changed[0].Day
	for _, d := range changed {
		if d.Day.After(last) {
			last = d.Day
		}
	}
	var ids []int64
	if err := tx.SelectContext(ctx, &ids, `SELECT id FROM cases WHERE settled_on IS NULL AND received_on < ? ORDER BY id`,
		last.String()); err != nil {
		return out, fmt.Errorf("store: recount: active cases: %w", err)
	}
	today := s.Today()
	for start := 0; start < len(ids); start += recountBatch {
		batch := ids[start:min(start+recountBatch, len(ids))]
		cases, err := casesByID(ctx, tx, batch)
		if err != nil {
			return out, err
		}
		for _, c := range cases {
			n, rec, ok := workflow.Recount(c.Case, cal, changed, today)
			if !ok {
				continue
			}
			for k, v := range by {
				rec.Payload[k] = v
			}
			if err := writeAct(ctx, tx, c, c.AssigneeID, n, rec, systemActor, now); err != nil {
				return out, err
			}
			out.Cases++
			out.Clocks += len(rec.Payload["clocks"].([]workflow.MovedClock))
		}
	}
	return out, nil
}

// casesByID reads the cases with those ids.
func casesByID(ctx context.Context, tx *txn, ids []int64) ([]Case, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	var rows []caseRow
	if err := tx.SelectContext(ctx, &rows, caseSelect+` WHERE c.id IN (`+placeholders(len(ids))+`)`, args...); err != nil {
		return nil, fmt.Errorf("store: read cases: %w", err)
	}
	out := make([]Case, len(rows))
	for i, r := range rows {
		c, err := r.toCase()
		if err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

// writeAct writes, inside tx, the case after an act decided on it as read
// (version-guarded) and appends the act's record.
func writeAct(ctx context.Context, tx *txn, before Case, assignee int64, after workflow.Case, rec workflow.Record, actor User, now string) error {
	set, args, err := caseChanges(before, assignee, after, now)
	if err != nil {
		return err
	}
	record, err := newRecord(before.ID, rec, actor, after, now)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE cases SET `+set+` WHERE id = ? AND version = ?`,
		append(args, before.ID, before.Version)...)
	if err != nil {
		return fmt.Errorf("store: update case %d: %w", before.ID, err)
	}
	if k, _ := res.RowsAffected(); k != 1 {
		return workflow.Errorf(workflow.CodeConflict, "hồ sơ đã được cập nhật; hãy tải lại")
	}
	return record.append(ctx, tx)
}
