package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"unsafe"
)

var bulkCaseColumns = []string{"id", "tracking_code", "kind", "round", "prior_case_id", "channel", "unit_id",
	"assignee_id", "registered_by", "state", "version", "received_on", "matter_started_on", "accepted_on",
	"resolved_on", "disclosed_on", "last_event_on", "outcome", "subject", "content", "anonymous", "signatories",
	"remote_area", "complexity", "due_on", "clocks", "facts", "created_at", "updated_at", "settled_on", "span_class",
	"disciplinary", "received_by_transfer", "forwarded_by_authority", "search_fold", "public_fold", "decided_late",
	"report_acts", "implemented_on"}

var bulkPetitionerColumns = []string{"case_id", "sealed", "id_hash", "name_hash", "phone_hash"}

// The papers the acts drafted (documents.go), and each one's "drafted" line.
var (
	bulkDocumentColumns = []string{"id", "case_id", "unit_id", "template", "symbol", "state", "paper", "sealed",
		"created_by", "created_at", "updated_at"}
	bulkDocumentLogColumns = []string{"document_id", "act", "actor_id", "at", "detail"}
)

var bulkHistoryColumns = []string{"id", "case_id", "seq", "event", "from_state", "to_state", "on_date", "at",
	"actor_id", "actor", "payload", "clocks", "due_on", "prev_hash", "hash", "chain_hash"}

// bulkTable is a table the loader fills, and how many rows one of SQLite's
// INSERTs carries, under its limit on bound parameters (PostgreSQL's batches
// go in by COPY, bulk_copy.go).
type bulkTable struct {
	name string
	cols []string
	rows int
}

var (
	bulkCases       = bulkTable{"cases", bulkCaseColumns, 64}
	bulkPetitioners = bulkTable{"petitioners", bulkPetitionerColumns, 256}
	bulkHistory     = bulkTable{"history", bulkHistoryColumns, 128}
	bulkDocuments   = bulkTable{"documents", bulkDocumentColumns, 64}
	bulkDocumentLog = bulkTable{"document_log", bulkDocumentLogColumns, 128}
)

// bulkWrites are the tables a load fills, in the order each batch writes them.
var bulkWrites = [5]bulkTable{bulkCases, bulkPetitioners, bulkHistory, bulkDocuments, bulkDocumentLog}

// statement is the INSERT of rows rows.
func (t bulkTable) statement(rows int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(t.cols)), ",") + ")"
	return "INSERT INTO " + t.name + " (" + strings.Join(t.cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+",", rows), ",")
}

// writeLoop writes each sealed batch in one transaction, then builds the
// indexes. After an error it keeps draining, so the sealer never blocks, and
// reports the first error of the sealer or the writer.
func (b *Bulk) writeLoop(ctx context.Context) error {
	var err error
	if b.s.postgres() {
		err = b.writeCopy(ctx)
	} else {
		err = b.writeSQLite(ctx)
	}
	for range b.rows {
	}
	if err == nil {
		err = b.sealer.err // written before rows was closed
	}
	// Even a load that failed or was cancelled gets its indexes and settings
	// back: the batches already written stay.
	ferr := b.s.finishBulk(context.WithoutCancel(ctx), b.rebuild, b.memoryJournal)
	if !b.s.postgres() {
		// The word index of the cases loaded, built like an index (search_words.go).
		ferr = errors.Join(ferr, fillWords(context.WithoutCancel(ctx), b.s.w, b.firstCase-1))
	}
	return errors.Join(err, ferr)
}

// writeSQLite writes through the driver's own connection and statements,
// binding the values in SQLite's own code (bulk_sqlite.go) when it can:
// database/sql would copy and convert each of the load's hundred million
// values on the way, and the driver crosses from Go to C for each.
func (b *Bulk) writeSQLite(ctx context.Context) error {
	conn, err := b.s.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: bulk: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		c, ok := dc.(interface {
			driver.ConnPrepareContext
			driver.ExecerContext
		})
		if !ok {
			return fmt.Errorf("store: bulk: the SQLite driver's connection (%T) cannot prepare statements", dc)
		}
		var ins [len(bulkWrites)]rawInsert
		defer func() {
			for i := range ins {
				ins[i].close()
			}
		}()
		for i, t := range bulkWrites {
			if err := ins[i].prepare(ctx, c, t); err != nil {
				return err
			}
		}
		tx := rawTx{c: c}
		for rows := range b.rows {
			err := ctx.Err()
			if err == nil {
				err = tx.write(&ins, rows)
			}
			if err == nil && tx.cases >= b.txCases {
				err = tx.commit()
			}
			if err != nil {
				return tx.rollback(err)
			}
			b.sealer.recycle(rows)
		}
		return tx.rollback(tx.commit())
	})
}

// rawTx is the writer's transaction, over as many batches as make BulkBatch cases.
type rawTx struct {
	c     driver.ExecerContext
	open  bool
	cases int
}

// A context that cannot end keeps the driver on the calling goroutine.
var bg = context.Background()

// write inserts one batch, in the open transaction or a new one.
// The cases, petitioners and history are bound in C when SQLite's handles
// are at hand (bulkInsert); the papers, a row or two a case, through the driver.
func (tx *rawTx) write(ins *[len(bulkWrites)]rawInsert, rows *bulkRows) error {
	if !tx.open {
		if _, err := tx.c.ExecContext(bg, "BEGIN IMMEDIATE", nil); err != nil {
			return fmt.Errorf("store: bulk: begin: %w", err)
		}
		tx.open, tx.cases = true, 0
	}
	values := [len(bulkWrites)][]bulkValue{rows.cases, rows.petitioners, rows.history, rows.documents, rows.documentLog}
	first := 0
	if ins[0].hFull != nil && ins[1].hFull != nil && ins[2].hFull != nil {
		if err := bulkInsert((*[3]rawInsert)(ins[:3]), rows); err != nil {
			return err
		}
		first = 3
	}
	for i := first; i < len(ins); i++ {
		if err := ins[i].write(rows, values[i]); err != nil {
			return err
		}
	}
	tx.cases += rows.n
	return nil
}

// commit commits the open transaction, if any.
func (tx *rawTx) commit() error {
	if !tx.open {
		return nil
	}
	if _, err := tx.c.ExecContext(bg, "COMMIT", nil); err != nil {
		return fmt.Errorf("store: bulk: commit: %w", err)
	}
	tx.open = false
	return nil
}

// rollback rolls the open transaction back after err (a nil err leaves it be).
func (tx *rawTx) rollback(err error) error {
	if err == nil || !tx.open {
		return err
	}
	tx.open = false
	_, rerr := tx.c.ExecContext(bg, "ROLLBACK", nil)
	return errors.Join(err, rerr)
}

// rawInsert is one table's prepared INSERTs: one of t.rows rows, one of a
// single row for the rest; SQLite's handles of the two when the loader can
// bind them itself, else the driver's arguments they are bound from.
type rawInsert struct {
	t           bulkTable
	full, one   driver.StmtExecContext
	hFull, hOne unsafe.Pointer
	closers     []driver.Stmt
	args        []driver.NamedValue
}

func (ri *rawInsert) prepare(ctx context.Context, c driver.ConnPrepareContext, t bulkTable) error {
	ri.t = t
	for _, p := range []struct {
		rows   int
		into   *driver.StmtExecContext
		handle *unsafe.Pointer
	}{{t.rows, &ri.full, &ri.hFull}, {1, &ri.one, &ri.hOne}} {
		st, err := c.PrepareContext(ctx, t.statement(p.rows))
		if err != nil {
			return fmt.Errorf("store: bulk %s: %w", t.name, err)
		}
		ri.closers = append(ri.closers, st)
		x, ok := st.(driver.StmtExecContext)
		if !ok {
			return fmt.Errorf("store: bulk %s: the driver's statement (%T) cannot execute with a context", t.name, st)
		}
		*p.into = x
		if bulkSQLiteLinked && !bulkThroughDriver {
			*p.handle = sqliteStmtHandle(st)
		}
	}
	if ri.hFull == nil || ri.hOne == nil {
		ri.hFull, ri.hOne = nil, nil
	}
	// The driver's arguments, for a load without the handles, and for the papers.
	ri.args = make([]driver.NamedValue, t.rows*len(t.cols))
	for i := range ri.args {
		ri.args[i].Ordinal = i + 1
	}
	return nil
}

// bulkThroughDriver makes the loader bind every value through the driver (for tests).
var bulkThroughDriver bool

// write inserts values, len(t.cols) to a row, through the driver.
func (ri *rawInsert) write(rows *bulkRows, values []bulkValue) error {
	width := len(ri.t.cols) * ri.t.rows
	for len(values) > 0 {
		st, args := ri.full, ri.args
		if len(values) < width {
			st, args = ri.one, ri.args[:len(ri.t.cols)]
		}
		for i := range args {
			args[i].Value = rows.value(values[i])
		}
		if _, err := st.ExecContext(bg, args); err != nil {
			return fmt.Errorf("store: bulk %s: %w", ri.t.name, err)
		}
		values = values[len(args):]
	}
	return nil
}

func (ri *rawInsert) close() {
	for _, st := range ri.closers {
		st.Close()
	}
	ri.closers = nil
}
