package store_test

// The database, its WAL and shared-memory files and its backups hold the
// sealed identities and the whole history: only the owner may read them.

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
)

func TestDatabaseFilesAreOwnerOnly(t *testing.T) {
	if storetest.Backend() != "sqlite" {
		t.Skip("PostgreSQL keeps its own files")
	}
	old := syscall.Umask(0o022) // the usual umask, which leaves files readable by all
	defer syscall.Umask(old)
	dir := t.TempDir()
	db := filepath.Join(dir, "petitions.db")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateUnit(context.Background(), "U1", "UBND xã Thử", "agency", ""); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{db, db + "-wal", db + "-shm", backup} {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want -rw-------", filepath.Base(f), fi.Mode().Perm())
		}
	}
}
