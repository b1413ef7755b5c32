// Package store persists the workflow: by default one SQLite file in WAL mode
// with a one-connection writer pool and a read-only reader pool (STYLE.md), or
// a PostgreSQL database named by a postgres:// URL; migrations embedded, one
// folder per backend with the same numbers. Every state change and its
// history record commit in one transaction, and write transactions run one at
// a time on either backend (the history's running hash needs it).
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
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL, registered as driver "pgx"
	"github.com/jmoiron/sqlx"
	_ "github.com/mattn/go-sqlite3" // the embedded default backend
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"golang.org/x/crypto/bcrypt"

	"petitions/workflow"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// Store is the persistence of the engine.
type Store struct {
	// The writer (one connection; IMMEDIATE transactions on SQLite, a lock
	// on PostgreSQL, see write) and the readers (query-only).
	w, r    *pool
	replica *replica // a PostgreSQL standby for the reads that may lag (replica.go); nil without one
	readers int      // the readers' pool size (WithReaders)
	dialect dialect
	files   *files // the attachments' bytes; nil where no place was given (files.go)
	// Now is the clock of the store; tests replace it to fix "today".
	Now func() time.Time

	calMu   sync.RWMutex
	cal     *workflow.Calendar
	calSync CalendarSync // what Open did to bring the calendar up to the release
	// betweenPlanAndWrite, set by tests only, runs between a recount's read and its write.
	betweenPlanAndWrite func()

	tree   unitTree    // the units' parent links, for viewers' scopes
	idLog  identityLog // records reads of denouncers' identities, several to a commit
	active activeSet   // the active cases, for today's backlog (backlog_today.go)

	keys         *keys // seal and index petitioners' identities
	passwordCost int
	dummy        struct { // see dummyHash
		once sync.Once
		hash []byte
	}
}

// Option tunes Open.
type Option func(*options)

type options struct {
	key          []byte
	passwordCost int
	files        string
	replica      string
	readers      int
	timeout      time.Duration
}

// WithKey sets the master key that seals petitioners' identities and keys the
// history's hash chain. Without it the store makes a random key that lives
// only as long as the process — enough for tools that never read an identity
// nor write history, never for serving: such a store refuses to seal a
// history record, or to re-seal a chain written before 00010_keyed_chain.
func WithKey(master []byte) Option { return func(o *options) { o.key = master } }

// WithFiles sets where the attachments' bytes are kept: a directory, or an
// S3-compatible store named by an s3:// URL (files_s3.go). A SQLite store
// keeps them beside its file by default (DB.files); a PostgreSQL store keeps
// none without it, and refuses attachments (503).
func WithFiles(dir string) Option { return func(o *options) { o.files = dir } }

// WithReadReplica sends the reads that may lag to a PostgreSQL streaming
// standby at dsn (replica.go). A replica that does not answer at start is
// only logged: its reads go to the primary until it does.
func WithReadReplica(dsn string) Option { return func(o *options) { o.replica = dsn } }

// WithReaders sets how many reads run at once on the primary, and on the
// replica (default readerConns).
func WithReaders(n int) Option { return func(o *options) { o.readers = n } }

// WithStatementTimeout ends, on PostgreSQL, any statement of the readers
// that runs longer (default none): a runaway report must not hold a
// connection for ever.
func WithStatementTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// WithPasswordCost sets the bcrypt cost of new passwords (default
// bcrypt.DefaultCost). Tests lower it: hashing is meant to be slow.
func WithPasswordCost(cost int) Option { return func(o *options) { o.passwordCost = cost } }

// Open opens the database named by dsn and migrates it: a PostgreSQL
// database for a postgres:// or postgresql:// URL (the database must exist),
// otherwise the SQLite file at that path, created if needed.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	throwaway := o.key == nil
	if throwaway {
		o.key = make([]byte, KeySize)
		_, _ = rand.Read(o.key)
	}
	ks, err := newKeys(o.key)
	if err != nil {
		return nil, err
	}
	ks.throwaway = throwaway
	s := &Store{Now: time.Now, keys: ks, passwordCost: o.passwordCost}
	if s.passwordCost == 0 {
		s.passwordCost = bcrypt.DefaultCost
	}
	if o.readers <= 0 {
		o.readers = readerConns
	}
	s.readers = o.readers
	if IsPostgresDSN(dsn) {
		err = s.openPostgres(ctx, dsn, o)
	} else if o.replica != "" {
		err = errors.New("store: a read replica needs PostgreSQL")
	} else {
		err = s.openSQLite(ctx, dsn, o.readers)
	}
	if err != nil {
		return nil, err
	}
	if err := s.rekeyChain(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.syncCalendar(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.backfillSearch(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.backfillWords(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if o.files == "" && !IsPostgresDSN(dsn) {
		o.files = strings.TrimPrefix(strings.SplitN(dsn, "?", 2)[0], "file:") + ".files"
	}
	if IsS3URL(o.files) {
		s3, err := openS3(o.files)
		if err != nil {
			s.Close()
			return nil, err
		}
		s.files = &files{dir: filepath.Join(os.TempDir(), "petitions-staging"), s3: s3}
	} else if o.files != "" {
		s.files = &files{dir: o.files}
	}
	if s.files != nil {
		if err := s.sweepFiles(ctx); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// IsPostgresDSN reports whether Open takes dsn for a PostgreSQL URL rather
// than a SQLite file path.
func IsPostgresDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func (s *Store) openSQLite(ctx context.Context, path string, readers int) error {
	if err := createOwnerOnly(path); err != nil {
		return err
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
		return fmt.Errorf("store: open writer: %w", err)
	}
	keepOpen(w.DB, 1)
	unlock, err := lockMigrations(path)
	if err != nil {
		w.Close()
		return err
	}
	err = migrate(ctx, w.DB, sqliteDialect)
	unlock()
	if err != nil {
		w.Close()
		return err
	}
	rq := common
	rq.Set("_query_only", "true")
	r, err := sqlx.Open("sqlite3", "file:"+path+"?"+rq.Encode())
	if err != nil {
		w.Close()
		return fmt.Errorf("store: open readers: %w", err)
	}
	keepOpen(r.DB, readers)
	s.w, s.r, s.dialect = &pool{w}, &pool{r}, sqliteDialect
	return nil
}

// openPostgres opens the same two pools as openSQLite: one writer
// connection, so that the process's writes queue in the pool as on SQLite,
// and up to eight readers whose transactions are read-only, as SQLite's
// query-only readers are. write still takes writeLock: other processes
// (another server, the command-line tools) write to the same database.
func (s *Store) openPostgres(ctx context.Context, dsn string, o options) error {
	u, err := url.Parse(dsn)
	if err != nil {
		return fmt.Errorf("store: postgres URL: %w", err)
	}
	w, err := openPgx(ctx, dsn, 1)
	if err != nil {
		return err
	}
	if err := migrate(ctx, w.DB, postgresDialect); err != nil {
		w.Close()
		return err
	}
	r, err := openPgx(ctx, readerDSN(u, o.timeout), o.readers)
	if err != nil {
		w.Close()
		return err
	}
	s.w, s.r, s.dialect = &pool{w}, &pool{r}, postgresDialect
	if o.replica == "" {
		return nil
	}
	ru, err := url.Parse(o.replica)
	if err != nil || !IsPostgresDSN(o.replica) {
		s.Close()
		return fmt.Errorf("store: the read replica wants a postgres:// URL")
	}
	// Opened without a first query: a replica down at start is rested like
	// one that fails later (replica.go), and the primary serves.
	rdb, err := sqlx.Open("pgx", readerDSN(ru, o.timeout))
	if err != nil {
		s.Close()
		return fmt.Errorf("store: open the read replica: %w", err)
	}
	keepOpen(rdb.DB, o.readers)
	ru.User = nil
	s.replica = &replica{pool: &pool{rdb}, dsn: ru.Redacted()}
	if err := rdb.PingContext(ctx); err != nil {
		s.replica.failed(ctx, time.Now(), err)
	}
	return nil
}

// readerDSN is a PostgreSQL URL for a pool of readers: read-only
// transactions, a plan for each search's own words (a plan cached for "LIKE
// $2" cannot tell a word in no letter from one in every letter), and the
// statement timeout if one is set.
func readerDSN(u *url.URL, timeout time.Duration) string {
	c := *u
	q := c.Query()
	q.Set("default_transaction_read_only", "on") // run-time parameters pgx hands to the server
	q.Set("plan_cache_mode", "force_custom_plan")
	if timeout > 0 {
		q.Set("statement_timeout", strconv.FormatInt(timeout.Milliseconds(), 10))
	}
	c.RawQuery = q.Encode()
	return c.String()
}

func openPgx(ctx context.Context, dsn string, conns int) (*sqlx.DB, error) {
	// "pgx", not "pgx/v5": sqlx knows the bind type ($1) of the former only,
	// and Rebind would silently leave the ? in place (STYLE.md).
	db, err := sqlx.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	keepOpen(db.DB, conns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect to postgres: %w", err)
	}
	return db, nil
}

// readerConns is how many reads run at once, on either backend.
const readerConns = 8

// keepOpen lets a pool open up to n connections and keeps them all open
// between uses. database/sql keeps two by default: with more reads at once,
// the pool closed a connection at every release and opened another at the
// next read, and a new SQLite connection parses the whole schema and prepares
// its statements again (a new PostgreSQL one starts a server process).
func keepOpen(db *sql.DB, n int) {
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
}

// Close closes both pools.
func (s *Store) Close() error {
	s.idLog.stopIdentityLog()
	err := errors.Join(s.r.Close(), s.w.Close())
	if s.replica != nil {
		err = errors.Join(err, s.replica.pool.Close())
	}
	return err
}

func migrate(ctx context.Context, db *sql.DB, d dialect) error {
	folder, gd, opts := "migrations/sqlite", goose.DialectSQLite3, []goose.ProviderOption(nil)
	if d == postgresDialect {
		// Two processes starting on a new database must not both migrate it:
		// goose holds a session-level advisory lock while it runs.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return fmt.Errorf("store: migrations lock: %w", err)
		}
		folder, gd, opts = "migrations/postgres", goose.DialectPostgres, append(opts, goose.WithSessionLocker(locker))
	}
	dir, err := fs.Sub(migrations, folder)
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(gd, db, dir, opts...)
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
func (s *Store) stamp() string { return stampOf(s.Now()) }

func stampOf(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// clock reads the store's clock once for an act: the agency's day it is dated
// by and the time its records carry, so the two never straddle a midnight.
func (s *Store) clock() (today workflow.Date, stamp string) {
	now := s.Now()
	return workflow.DateOf(now), stampOf(now)
}

// writeLock is the key of the PostgreSQL advisory lock every write
// transaction takes first ("petition" in ASCII). SQLite locks the whole file
// for a write transaction; PostgreSQL would let two of them, from two
// processes, append history at once: both would extend the same last running
// hash and fork the chain (chain.go), and take ids out of commit order.
const writeLock int64 = 0x7065746974696f6e

// write runs fn in one write transaction: commit if it returns nil, roll
// back otherwise. Write transactions run one at a time on both backends.
func (s *Store) write(ctx context.Context, fn func(tx *txn) error) error {
	tx, err := s.w.beginTx(ctx)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if s.dialect == postgresDialect {
		// Held until commit or rollback.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, writeLock); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: wait for the write lock: %w", err)
		}
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		tx.rolledBack()
		return err
	}
	if err := tx.Commit(); err != nil {
		tx.rolledBack()
		return fmt.Errorf("store: commit: %w", err)
	}
	// Commit has handed the one writer connection to the next writer waiting
	// for it, whose goroutine Go queues to run next on this processor, but only
	// once this one stops: after it has encoded and sent its answer. Yielding
	// lets the next write start now; `go tool trace` showed the writer idle
	// about 140 µs between transactions without it (docs/PERFORMANCE.md).
	runtime.Gosched()
	return nil
}

// exec runs one write statement in its own write transaction, so that it
// waits its turn like every other write.
func (s *Store) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := s.write(ctx, func(tx *txn) error {
		var err error
		res, err = tx.ExecContext(ctx, query, args...)
		return err
	})
	return res, err
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

// createOwnerOnly creates an empty database file readable by its owner only
// (0600), unless it exists already. SQLite gives the -wal and -shm files the
// database file's mode, so they are owner-only too; an existing file keeps
// the mode it has (chmod 600 it by hand).
// lockMigrations holds an exclusive lock on DB.lock, beside the SQLite file,
// until unlock: two processes opening a new file at once (a server and
// `petitions migrate`) would otherwise both find it unmigrated, since goose's
// lock is PostgreSQL's. A file of its own, not the database's: closing any
// descriptor of the database would drop SQLite's own (POSIX) locks on it.
func lockMigrations(path string) (unlock func(), err error) {
	if path == "" || strings.HasPrefix(path, ":memory:") {
		return func() {}, nil
	}
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: migrations lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("store: migrations lock: %w", err)
	}
	return func() { f.Close() }, nil // closing releases the lock
}

func createOwnerOnly(path string) error {
	if path == "" || strings.HasPrefix(path, ":memory:") {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: create %s: %w", path, err)
	}
	return f.Close()
}
