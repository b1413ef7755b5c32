package store

import (
	"context"
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
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("store: backup: %s already exists", dest)
	}
	if _, err := s.w.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	return nil
}
