package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// writeCopy writes each sealed batch to PostgreSQL with COPY (issue 20), a
// COPY a table, in the batch's own transaction under the write lock. The
// rows are final once sealed, and the secondary indexes are built after the
// load (bulk_indexes.go): COPY spares the server the parsing and binding of
// a hundred million parameters that INSERTs cost.
func (b *Bulk) writeCopy(ctx context.Context) error {
	for rows := range b.rows {
		if err := b.copyBatch(ctx, rows); err != nil {
			return err
		}
		b.sealer.recycle(rows)
	}
	return nil
}

// copyBatch copies one batch, the tables in bulkWrites' order. The writer's
// connection is taken for the batch only: the generator's own writes
// (units, reception sessions) take their turns between batches.
func (b *Bulk) copyBatch(ctx context.Context, rows *bulkRows) error {
	conn, err := b.s.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: bulk: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		tx, err := driverConn.(*stdlib.Conn).Conn().Begin(ctx)
		if err != nil {
			return fmt.Errorf("store: bulk: begin: %w", err)
		}
		defer tx.Rollback(context.WithoutCancel(ctx)) // after Commit, a no-op
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLock); err != nil {
			return fmt.Errorf("store: bulk: wait for the write lock: %w", err)
		}
		for _, t := range [...]struct {
			bulkTable
			values []bulkValue
		}{{bulkCases, rows.cases}, {bulkPetitioners, rows.petitioners}, {bulkHistory, rows.history},
			{bulkDocuments, rows.documents}, {bulkDocumentLog, rows.documentLog}} {
			row, next := make([]any, len(t.cols)), 0
			source := pgx.CopyFromFunc(func() ([]any, error) {
				if next >= len(t.values) {
					return nil, nil
				}
				for i, v := range t.values[next : next+len(t.cols)] {
					row[i] = rows.value(v)
				}
				next += len(t.cols)
				return row, nil
			})
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.name}, t.cols, source); err != nil {
				return fmt.Errorf("store: bulk %s: %w", t.name, err)
			}
		}
		return tx.Commit(ctx)
	})
}
