package store

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// The rest of the methods of pool and txn that take SQL (mostly those without
// a context), rebound like the others, so that no method promoted from sqlx
// sends a ? to PostgreSQL.

func (d *pool) Exec(query string, args ...any) (sql.Result, error) {
	return d.DB.Exec(d.Rebind(query), args...)
}

func (d *pool) MustExec(query string, args ...any) sql.Result {
	return d.DB.MustExec(d.Rebind(query), args...)
}

func (d *pool) Query(query string, args ...any) (*sql.Rows, error) {
	return d.DB.Query(d.Rebind(query), args...)
}

func (d *pool) QueryRow(query string, args ...any) *sql.Row {
	return d.DB.QueryRow(d.Rebind(query), args...)
}

func (d *pool) Queryx(query string, args ...any) (*sqlx.Rows, error) {
	return d.DB.Queryx(d.Rebind(query), args...)
}

func (d *pool) QueryRowx(query string, args ...any) *sqlx.Row {
	return d.DB.QueryRowx(d.Rebind(query), args...)
}

func (d *pool) Get(dest any, query string, args ...any) error {
	return d.DB.Get(dest, d.Rebind(query), args...)
}

func (d *pool) Select(dest any, query string, args ...any) error {
	return d.DB.Select(dest, d.Rebind(query), args...)
}

func (d *pool) Prepare(query string) (*sql.Stmt, error) {
	return d.DB.Prepare(d.Rebind(query))
}

func (d *pool) Preparex(query string) (*sqlx.Stmt, error) {
	return d.DB.Preparex(d.Rebind(query))
}

func (t *txn) Exec(query string, args ...any) (sql.Result, error) {
	return t.Tx.Exec(t.Rebind(query), args...)
}

func (t *txn) MustExec(query string, args ...any) sql.Result {
	return t.Tx.MustExec(t.Rebind(query), args...)
}

func (t *txn) Query(query string, args ...any) (*sql.Rows, error) {
	return t.Tx.Query(t.Rebind(query), args...)
}

func (t *txn) QueryRow(query string, args ...any) *sql.Row {
	return t.Tx.QueryRow(t.Rebind(query), args...)
}

func (t *txn) Queryx(query string, args ...any) (*sqlx.Rows, error) {
	return t.Tx.Queryx(t.Rebind(query), args...)
}

func (t *txn) QueryRowx(query string, args ...any) *sqlx.Row {
	return t.Tx.QueryRowx(t.Rebind(query), args...)
}

func (t *txn) Get(dest any, query string, args ...any) error {
	return t.Tx.Get(dest, t.Rebind(query), args...)
}

func (t *txn) Select(dest any, query string, args ...any) error {
	return t.Tx.Select(dest, t.Rebind(query), args...)
}

func (t *txn) Prepare(query string) (*sql.Stmt, error) {
	return t.Tx.Prepare(t.Rebind(query))
}

func (t *txn) Preparex(query string) (*sqlx.Stmt, error) {
	return t.Tx.Preparex(t.Rebind(query))
}

func (d *pool) MustExecContext(ctx context.Context, query string, args ...any) sql.Result {
	return d.DB.MustExecContext(ctx, d.Rebind(query), args...)
}

func (t *txn) MustExecContext(ctx context.Context, query string, args ...any) sql.Result {
	return t.Tx.MustExecContext(ctx, t.Rebind(query), args...)
}
