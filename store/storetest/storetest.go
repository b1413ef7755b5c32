// Package storetest opens a fresh store for each test, on the backend the
// test run asks for: a SQLite file in the test's temp dir by default, or a new
// PostgreSQL database when PETITIONS_TEST_POSTGRES holds the URL of a server
// the tests may create databases on, such as
//
//	PETITIONS_TEST_POSTGRES='postgres://postgres@/postgres?host=/tmp/pg' go test ./store/... ./handlers
//
// (`make test-postgres` starts a throwaway server and does just that). Every
// test gets its own database, dropped when the test ends, so tests stay
// isolated and may run in parallel on either backend.
package storetest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx", as the store uses
	"github.com/jmoiron/sqlx"
	_ "github.com/mattn/go-sqlite3"

	"petitions/store"
)

// EnvPostgres names the environment variable holding the admin URL of the
// PostgreSQL server to test against.
const EnvPostgres = "PETITIONS_TEST_POSTGRES"

// Postgres reports whether this test run uses PostgreSQL.
func Postgres() bool { return os.Getenv(EnvPostgres) != "" }

// Backend names the backend of this test run: "postgres" or "sqlite".
func Backend() string {
	if Postgres() {
		return "postgres"
	}
	return "sqlite"
}

// DSN makes a new, empty database for the test and returns what store.Open
// takes for it: a file path in the test's temp dir, or the URL of a new
// PostgreSQL database that is dropped when the test ends.
func DSN(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv(EnvPostgres)
	if admin == "" {
		return filepath.Join(tb.TempDir(), "petitions.db")
	}
	u, err := url.Parse(admin)
	if err != nil || !store.IsPostgresDSN(admin) {
		tb.Fatalf("%s must be a postgres:// URL, got %q", EnvPostgres, admin)
	}
	db := adminDB(tb, admin)
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	name := "petitions_test_" + hex.EncodeToString(b)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// template0 rather than the default template1: a stray session on
	// template1 would make every CREATE DATABASE fail.
	if _, err := db.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE template0`); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		// FORCE ends sessions a failed test may have left open.
		if _, err := db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			tb.Errorf("drop test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

var (
	adminMu sync.Mutex
	admins  = map[string]*sqlx.DB{}
)

// adminDB is one pool per server for the whole test binary: it creates and
// drops the tests' databases.
func adminDB(tb testing.TB, dsn string) *sqlx.DB {
	tb.Helper()
	adminMu.Lock()
	defer adminMu.Unlock()
	if db, ok := admins[dsn]; ok {
		return db
	}
	db, err := sqlx.Open("pgx", dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", EnvPostgres, err)
	}
	db.SetMaxOpenConns(4)
	if err := db.Ping(); err != nil {
		db.Close()
		tb.Fatalf("connect to %s: %v", EnvPostgres, err)
	}
	admins[dsn] = db
	return db
}

// Key is the master key Open gives every test store (32 bytes of 7: test
// data only). A second store opened on the same database must be given it
// (store.WithKey(storetest.Key)), or it cannot extend the history chain.
var Key = bytes.Repeat([]byte{7}, store.KeySize)

// Open opens a store on a new database (see DSN); it is closed when the test ends.
func Open(tb testing.TB, opts ...store.Option) *store.Store {
	tb.Helper()
	s, _ := OpenDSN(tb, opts...)
	return s
}

// OpenDSN is Open that also returns the database's DSN, for tests that look
// at the database behind the store's back (Raw) or open a second store on it.
func OpenDSN(tb testing.TB, opts ...store.Option) (*store.Store, string) {
	tb.Helper()
	dsn := DSN(tb)
	base := []store.Option{store.WithKey(Key)}
	if Postgres() { // SQLite keeps its files beside the database, in the test's directory
		base = append(base, store.WithFiles(tb.TempDir()))
	}
	s, err := store.Open(context.Background(), dsn, append(base, opts...)...)
	if err != nil {
		tb.Fatalf("open store on %s: %v", Backend(), err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, dsn
}

// Raw opens a plain connection to the store's database behind its back, as an
// operator or an intruder with access to the database would. Its queries take
// the driver's own placeholders: write ? and pass them through db.Rebind.
func Raw(tb testing.TB, dsn string) *sqlx.DB {
	tb.Helper()
	driver, source := "sqlite3", "file:"+dsn+"?_busy_timeout=5000"
	if store.IsPostgresDSN(dsn) {
		driver, source = "pgx", dsn
	}
	db, err := sqlx.Open(driver, source)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// DropTriggerSQL is the statement that removes a trigger of the history
// table, as an intruder who wants to edit it would.
func DropTriggerSQL(dsn, name string) string {
	if store.IsPostgresDSN(dsn) {
		return "DROP TRIGGER " + name + " ON history"
	}
	return "DROP TRIGGER " + name
}
