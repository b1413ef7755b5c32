package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

// bulkRows is how many rows one INSERT carries: under SQLite's and
// PostgreSQL's limits on bound parameters for the widest table (cases).
const bulkRows = 250

var bulkCaseColumns = []string{"id", "tracking_code", "kind", "round", "prior_case_id", "channel", "unit_id",
	"assignee_id", "registered_by", "state", "version", "received_on", "matter_started_on", "accepted_on",
	"resolved_on", "disclosed_on", "last_event_on", "outcome", "subject", "content", "anonymous", "signatories",
	"remote_area", "complexity", "due_on", "clocks", "facts", "created_at", "updated_at", "settled_on", "span_class"}

var bulkPetitionerColumns = []string{"case_id", "sealed", "id_hash", "name_hash"}

var bulkHistoryColumns = []string{"id", "case_id", "seq", "event", "from_state", "to_state", "on_date", "at",
	"actor_id", "actor", "payload", "clocks", "due_on", "prev_hash", "hash", "chain_hash"}

// writeLoop writes each batch in one transaction. After an error it keeps
// draining, so the generator never blocks, and reports the first error.
func (b *Bulk) writeLoop(ctx context.Context) error {
	var first error
	for batch := range b.batches {
		if first != nil {
			continue
		}
		first = b.s.transact(ctx, func(tx *sqlx.Tx) error { return writeBatch(ctx, tx, batch) })
	}
	if first == nil {
		first = b.s.finishBulk(ctx, b.rebuild)
	}
	return first
}

func writeBatch(ctx context.Context, tx *sqlx.Tx, batch []*bulkCase) error {
	cases := newBulkInsert(tx, "cases", bulkCaseColumns)
	petitioners := newBulkInsert(tx, "petitioners", bulkPetitionerColumns)
	history := newBulkInsert(tx, "history", bulkHistoryColumns)
	for _, bc := range batch {
		c := bc.c
		settled, class := settlement(c.Case)
		var prior any
		if c.PriorCaseID != 0 {
			prior = c.PriorCaseID
		}
		clocks, facts, err := encodeState(c.Case)
		if err != nil {
			return err
		}
		updated := bc.records[len(bc.records)-1].At
		if err := cases.add(ctx, c.ID, c.TrackingCode, c.Kind, c.Round, prior, c.Channel, c.UnitID,
			nullID(c.AssigneeID), c.RegisteredBy, c.State, c.Version, c.ReceivedOn.String(),
			c.MatterStartedOn.String(), nullDate(c.AcceptedOn), nullDate(c.ResolvedOn), nullDate(c.DisclosedOn),
			c.LastEventOn.String(), nullString(string(c.Outcome)), c.Subject, c.Content, c.Anonymous,
			c.Signatories, c.RemoteArea, c.Complexity, nullDate(c.EarliestDue()), clocks, facts, bc.created,
			updated, settled, class); err != nil {
			return err
		}
		if err := petitioners.add(ctx, c.ID, bc.sealed, bc.idHash, bc.name); err != nil {
			return err
		}
	}
	if err := cases.flush(ctx); err != nil {
		return err
	}
	if err := petitioners.flush(ctx); err != nil {
		return err
	}
	for _, bc := range batch {
		for _, f := range bc.records {
			if err := history.add(ctx, f.ID, f.CaseID, f.Seq, f.Event, f.FromState, f.ToState, f.OnDate, f.At,
				f.ActorID, f.Actor, f.Payload, f.Clocks, f.due, f.PrevHash, f.Hash, f.ChainHash); err != nil {
				return err
			}
		}
	}
	return history.flush(ctx)
}

// bulkInsert gathers rows into multi-row INSERTs of bulkRows rows, with one
// prepared statement for the full ones.
type bulkInsert struct {
	tx     *sqlx.Tx
	table  string
	cols   []string
	args   []any
	full   *sqlx.Stmt
	height int
}

func newBulkInsert(tx *sqlx.Tx, table string, cols []string) *bulkInsert {
	return &bulkInsert{tx: tx, table: table, cols: cols, args: make([]any, 0, bulkRows*len(cols))}
}

func (bi *bulkInsert) add(ctx context.Context, values ...any) error {
	bi.args = append(bi.args, values...)
	bi.height++
	if bi.height < bulkRows {
		return nil
	}
	if bi.full == nil {
		st, err := bi.tx.PreparexContext(ctx, bi.tx.Rebind(bi.statement(bulkRows)))
		if err != nil {
			return fmt.Errorf("store: bulk %s: %w", bi.table, err)
		}
		bi.full = st
	}
	if _, err := bi.full.ExecContext(ctx, bi.args...); err != nil {
		return fmt.Errorf("store: bulk %s: %w", bi.table, err)
	}
	bi.args, bi.height = bi.args[:0], 0
	return nil
}

func (bi *bulkInsert) flush(ctx context.Context) error {
	if bi.full != nil {
		defer bi.full.Close()
	}
	if bi.height == 0 {
		return nil
	}
	if _, err := bi.tx.ExecContext(ctx, bi.tx.Rebind(bi.statement(bi.height)), bi.args...); err != nil {
		return fmt.Errorf("store: bulk %s: %w", bi.table, err)
	}
	return nil
}

func (bi *bulkInsert) statement(rows int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(bi.cols)), ",") + ")"
	return "INSERT INTO " + bi.table + " (" + strings.Join(bi.cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+",", rows), ",")
}
