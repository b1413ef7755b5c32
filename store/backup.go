package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the live database to dest (which must
// not exist yet) with VACUUM INTO, through the writer connection (query_only readers may not run it); writes wait meanwhile.
// A PostgreSQL database is backed up by PostgreSQL's own tools, not by the store.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if s.dialect == postgresDialect {
		return fmt.Errorf("store: backup: the database is PostgreSQL; back it up with pg_dump (for example pg_dump -Fc -f %s DSN) and restore it with pg_restore", dest)
	}
	// The copy holds everything the database does: create it owner-only
	// (0600) before VACUUM INTO fills it (it accepts an empty file), and
	// refuse to overwrite an existing one.
	f, err := os.OpenFile(dest, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("store: backup: %s already exists", dest)
	}
	if err != nil {
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	f.Close()
	if _, err := s.w.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		os.Remove(dest)
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	return nil
}
