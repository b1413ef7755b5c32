// Package store persists the workflow: one SQLite file in WAL mode with a
// one-connection writer pool and a read-only reader pool (STYLE.md), migrations
// embedded. Every state change and its history record commit in one
// transaction.
package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/mattn/go-sqlite3" // the embedded default backend
	"github.com/pressly/goose/v3"
	"golang.org/x/crypto/bcrypt"

	"petitions/workflow"
)

//go:embed migrations/sqlite/*.sql
var sqliteMigrations embed.FS

// Store is the persistence of the engine.
type Store struct {
	w, r *sqlx.DB // writer (one connection, IMMEDIATE transactions) and readers
	// Now is the clock of the store; tests replace it to fix "today".
	Now func() time.Time

	calMu sync.RWMutex
	cal   *workflow.Calendar

	tree  unitTree    // the units' parent links, for viewers' scopes
	idLog identityLog // records reads of denouncers' identities, several to a commit

	keys         *keys // seal and index petitioners' identities
	passwordCost int
}

// Option tunes Open.
type Option func(*options)

type options struct {
	key          []byte
	passwordCost int
}

// WithKey sets the master key that seals petitioners' identities. Without it
// the store makes a random key that lives only as long as the process — enough
// for tools that never read an identity and for tests, never for serving.
func WithKey(master []byte) Option { return func(o *options) { o.key = master } }

// WithPasswordCost sets the bcrypt cost of new passwords (default
// bcrypt.DefaultCost). Tests lower it: hashing is meant to be slow.
func WithPasswordCost(cost int) Option { return func(o *options) { o.passwordCost = cost } }

// Open opens (creating if needed) the SQLite file at path and migrates it.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if o.key == nil {
		o.key = make([]byte, KeySize)
		_, _ = rand.Read(o.key)
	}
	ks, err := newKeys(o.key)
	if err != nil {
		return nil, err
	}
	common := url.Values{}
	common.Set("_journal_mode", "WAL")
	common.Set("_busy_timeout", "5000")
	common.Set("_foreign_keys", "on")
	// FULL: a commit is on disk before ApplyEvent returns, as PostgreSQL's
	// default synchronous_commit promises (NORMAL may lose the last commits
	// to a power cut, though never to a crash of the process).
	common.Set("_synchronous", "FULL")
	// Each connection keeps its prepared statements: preparing the case query
	// cost as much as running it.
	common.Set("_stmt_cache_size", "64")
	wq := url.Values{}
	for k, v := range common {
		wq[k] = v
	}
	wq.Set("_txlock", "immediate")
	w, err := sqlx.Open("sqlite3", "file:"+path+"?"+wq.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: open writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	if err := migrate(ctx, w.DB); err != nil {
		w.Close()
		return nil, err
	}
	rq := common
	rq.Set("_query_only", "true")
	r, err := sqlx.Open("sqlite3", "file:"+path+"?"+rq.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open readers: %w", err)
	}
	r.SetMaxOpenConns(8)
	s := &Store{w: w, r: r, Now: time.Now, keys: ks, passwordCost: o.passwordCost}
	if s.passwordCost == 0 {
		s.passwordCost = bcrypt.DefaultCost
	}
	if err := s.seedCalendar(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes both pools.
func (s *Store) Close() error {
	s.idLog.stopIdentityLog()
	return errors.Join(s.r.Close(), s.w.Close())
}

func migrate(ctx context.Context, db *sql.DB) error {
	dir, err := fs.Sub(sqliteMigrations, "migrations/sqlite")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, dir)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// Today is the agency's day now.
func (s *Store) Today() workflow.Date { return workflow.DateOf(s.Now()) }

// stamp is the time of a write, RFC 3339 in UTC.
func (s *Store) stamp() string { return s.Now().UTC().Format(time.RFC3339Nano) }

// transact runs fn in one write transaction: commit if it returns nil, roll back otherwise.
func (s *Store) transact(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.w.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// notFound maps sql.ErrNoRows to the engine's not_found error.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return workflow.Errorf(workflow.CodeNotFound, "không tìm thấy %s", what)
	}
	return err
}

// nullDate writes a zero Date as NULL.
func nullDate(d workflow.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}
