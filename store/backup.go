package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	return s.backupFiles(ctx, dest)
}

// backupFiles copies the attachments the copy names into DEST.files, where a
// store opened on DEST looks for them. Files never change once placed, so the
// ones the copy names are all there; one uploaded since is not needed.
func (s *Store) backupFiles(ctx context.Context, dest string) error {
	if s.files == nil || s.files.s3 != nil { // an object store is backed up by its own means
		return nil
	}
	db, err := sql.Open("sqlite3", "file:"+dest+"?mode=ro")
	if err != nil {
		return fmt.Errorf("store: backup files: %w", err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT DISTINCT sha256 FROM attachments`)
	if err != nil {
		return fmt.Errorf("store: backup files: %w", err)
	}
	defer rows.Close()
	to := &files{dir: dest + ".files"}
	for rows.Next() {
		var sha string
		if err := rows.Scan(&sha); err != nil {
			return fmt.Errorf("store: backup files: %w", err)
		}
		if err := copyFile(s.files.path(sha), to.path(sha)); err != nil {
			return fmt.Errorf("store: backup files: %w", err)
		}
	}
	return rows.Err()
}

// copyFile copies a file owner-only, linking it where the file system allows.
func copyFile(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return err
	}
	if os.Link(from, to) == nil {
		return nil
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
