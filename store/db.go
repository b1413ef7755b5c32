package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jmoiron/sqlx"
	"github.com/mattn/go-sqlite3"

	"petitions/workflow"
)

// dialect is the SQL backend behind a store. The SQL of the package is written
// once, with ? placeholders; the few spots where SQLite and PostgreSQL
// disagree ask the dialect.
type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// jsonText is the SQL for the text of a top-level string member of a JSON
// document kept in a TEXT column (NULL when missing). key must be a literal
// of the package, never user input. On PostgreSQL the text is given the
// columns' collation "C": ->> would return the database's default one.
func (d dialect) jsonText(column, key string) string {
	if d == postgresDialect {
		return "((CAST(" + column + " AS json) ->> '" + key + `') COLLATE "C")`
	}
	return "json_extract(" + column + ", '$." + key + "')"
}

// likeCI is the SQL for "column contains the pattern, ASCII letters in either
// case", the pattern escaped with escapeLike. SQLite's LIKE folds ASCII
// letters only; PostgreSQL's ILIKE folds by the column's collation, which the
// schema pins to "C" (byte order, ASCII-only case folding), so both backends
// match the same rows: "abc" finds "ABC", "đất" does not find "ĐẤT".
func (d dialect) likeCI(column string) string {
	if d == postgresDialect {
		return column + ` ILIKE ? ESCAPE '\'`
	}
	return column + ` LIKE ? ESCAPE '\'`
}

// storable reports whether s can be stored as TEXT on both backends: valid
// UTF-8 without NUL. SQLite keeps any bytes; PostgreSQL refuses the query
// that carries such a value, and cannot cast JSON holding "\u0000" to
// text. So that both accept the same input, writes refuse text that is not
// storable (refuseUnstorable), and lookups by it find nothing without asking
// the database.
func storable(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// refuseUnstorable takes field, value pairs and returns an invalid error for
// the first value that is not storable.
func refuseUnstorable(fieldValues ...string) error {
	for i := 0; i+1 < len(fieldValues); i += 2 {
		if !storable(fieldValues[i+1]) {
			return workflow.Invalid(fieldValues[i], "văn bản chứa ký tự không hợp lệ (NUL hoặc sai UTF-8)")
		}
	}
	return nil
}

// isUniqueViolation reports whether err is a UNIQUE constraint refusing a row.
func isUniqueViolation(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505" // unique_violation
}

// ErrTimedOut refuses a read that ran past the statement timeout
// (WithStatementTimeout): the same on the replica as on the primary, and
// nothing the user did wrong but asking for too much at once.
var ErrTimedOut = workflow.Errorf(workflow.CodeUnavailable,
	"yêu cầu đọc quá nhiều dữ liệu và đã bị dừng sau thời gian cho phép; hãy chọn phạm vi hẹp hơn hoặc thử lại sau")

// TimedOut answers ErrTimedOut for a statement PostgreSQL ended at its
// statement timeout, and err itself otherwise.
func TimedOut(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "57014" && strings.Contains(pe.Message, "statement timeout") { // query_canceled
		return ErrTimedOut
	}
	return err
}

// pool is a pool whose queries are written with ? placeholders and rebound to
// the driver's own ($1, $2 … on PostgreSQL) on the way out, so every query of
// the package runs unchanged on both backends. Every method that takes SQL is
// overridden here (db_plain.go: those without a context); sqlx's Named*
// methods already bind by the driver's name.
type pool struct{ *sqlx.DB }

func (d *pool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return d.DB.ExecContext(ctx, d.Rebind(query), args...)
}

func (d *pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return d.DB.QueryContext(ctx, d.Rebind(query), args...)
}

func (d *pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return d.DB.QueryRowContext(ctx, d.Rebind(query), args...)
}

func (d *pool) QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error) {
	return d.DB.QueryxContext(ctx, d.Rebind(query), args...)
}

func (d *pool) QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row {
	return d.DB.QueryRowxContext(ctx, d.Rebind(query), args...)
}

func (d *pool) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return d.DB.GetContext(ctx, dest, d.Rebind(query), args...)
}

func (d *pool) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	return d.DB.SelectContext(ctx, dest, d.Rebind(query), args...)
}

func (d *pool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return d.DB.PrepareContext(ctx, d.Rebind(query))
}

func (d *pool) PreparexContext(ctx context.Context, query string) (*sqlx.Stmt, error) {
	return d.DB.PreparexContext(ctx, d.Rebind(query))
}

// beginTx starts a transaction whose queries are rebound like the pool's.
// Once ctx lets it begin, the transaction is not cancelled with it: see whole.
func (d *pool) beginTx(ctx context.Context) (*txn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t, err := d.DB.BeginTxx(whole(ctx), nil)
	if err != nil {
		return nil, err
	}
	return &txn{Tx: t}, nil
}

// txn is a transaction whose queries are rebound like pool's, and run whole.
type txn struct {
	*sqlx.Tx
	undo []func() // what to put back in memory if the transaction does not commit
}

// onRollback runs f if the transaction rolls back or fails to commit.
func (t *txn) onRollback(f func()) { t.undo = append(t.undo, f) }

func (t *txn) rolledBack() {
	for _, f := range t.undo {
		f()
	}
}

// whole is ctx without its cancellation. A write transaction, once it holds
// the one writer, runs to its end: an event is applied or not whatever the
// client does meanwhile (and its wait for the writer is not cut short either;
// a request already cancelled does not begin). It is also cheaper: go-sqlite3
// runs each statement of a cancellable context on a goroutine of its own and
// waits for it, a goroutine switch inside the writer's turn for every
// statement (docs/PERFORMANCE.md). Reads of one row by its key use it for
// that second reason: they take well under a millisecond.
func whole(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }

func (t *txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(whole(ctx), t.Rebind(query), args...)
}

func (t *txn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(whole(ctx), t.Rebind(query), args...)
}

func (t *txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(whole(ctx), t.Rebind(query), args...)
}

func (t *txn) QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error) {
	return t.Tx.QueryxContext(whole(ctx), t.Rebind(query), args...)
}

func (t *txn) QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row {
	return t.Tx.QueryRowxContext(whole(ctx), t.Rebind(query), args...)
}

func (t *txn) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return t.Tx.GetContext(whole(ctx), dest, t.Rebind(query), args...)
}

func (t *txn) SelectContext(ctx context.Context, dest any, query string, args ...any) error {
	return t.Tx.SelectContext(whole(ctx), dest, t.Rebind(query), args...)
}

func (t *txn) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return t.Tx.PrepareContext(whole(ctx), t.Rebind(query))
}

func (t *txn) PreparexContext(ctx context.Context, query string) (*sqlx.Stmt, error) {
	return t.Tx.PreparexContext(whole(ctx), t.Rebind(query))
}
