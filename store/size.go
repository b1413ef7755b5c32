package store

import (
	"context"
	"fmt"
	"os"
	"strings"
)

// Totals counts the cases and the history records.
func (s *Store) Totals(ctx context.Context) (cases, records int64, err error) {
	if err = s.r.GetContext(ctx, &cases, `SELECT COUNT(*) FROM cases`); err == nil {
		err = s.r.GetContext(ctx, &records, `SELECT COUNT(*) FROM history`)
	}
	if err != nil {
		err = fmt.Errorf("store: totals: %w", err)
	}
	return cases, records, err
}

// Size is the space the database takes: the SQLite file with its WAL, or the
// PostgreSQL database.
func (s *Store) Size(ctx context.Context) (int64, error) {
	if s.w.DriverName() == "pgx" {
		var n int64
		err := s.r.GetContext(ctx, &n, `SELECT pg_database_size(current_database())`)
		return n, err
	}
	var path string
	if err := s.r.GetContext(ctx, &path, `SELECT file FROM pragma_database_list WHERE name = 'main'`); err != nil {
		return 0, err
	}
	var total int64
	for _, p := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(strings.TrimPrefix(p, "file:")); err == nil {
			total += fi.Size()
		}
	}
	return total, nil
}
