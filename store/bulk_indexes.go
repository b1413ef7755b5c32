package store

import (
	"context"
	"fmt"
)

// A bulk load into empty tables drops their secondary indexes and builds them
// again at the end: building an index from sorted rows is many times faster
// than keeping it up to date through a million scattered inserts. Unique
// indexes stay, since they are the load's own checks.

// bulkTables are the tables a bulk load fills.
const bulkTables = `'cases', 'history', 'petitioners'`

// dropSecondaryIndexes drops the non-unique indexes of the bulk tables and
// returns the statements that create them again.
func (s *Store) dropSecondaryIndexes(ctx context.Context) ([]string, error) {
	query := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (` + bulkTables + `)
		AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`
	if s.postgres() {
		query = `SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema()
			AND tablename IN (` + bulkTables + `) AND indexdef NOT LIKE 'CREATE UNIQUE%'`
	}
	var idx []struct {
		Name string `db:"name"`
		SQL  string `db:"sql"`
	}
	if err := s.w.SelectContext(ctx, &idx, query); err != nil {
		return nil, fmt.Errorf("store: bulk: list indexes: %w", err)
	}
	var create []string
	for _, ix := range idx {
		if _, err := s.w.ExecContext(ctx, `DROP INDEX `+ix.Name); err != nil {
			return nil, fmt.Errorf("store: bulk: drop index %s: %w", ix.Name, err)
		}
		create = append(create, ix.SQL)
	}
	return create, nil
}

// finishBulk builds the dropped indexes, moves PostgreSQL's sequences past the
// ids the loader wrote, and refreshes the planner's statistics.
func (s *Store) finishBulk(ctx context.Context, create []string) error {
	for _, stmt := range create {
		if _, err := s.w.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("store: bulk: %s: %w", stmt, err)
		}
	}
	if s.postgres() {
		for _, t := range []string{"cases", "history"} {
			if _, err := s.w.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'),
				(SELECT COALESCE(MAX(id), 1) FROM `+t+`))`); err != nil {
				return fmt.Errorf("store: bulk: sequence of %s: %w", t, err)
			}
		}
		_, err := s.w.ExecContext(ctx, `ANALYZE`)
		return err
	}
	// A bounded ANALYZE samples each index instead of reading it whole.
	_, err := s.w.ExecContext(ctx, `PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA cache_size = -2000; PRAGMA synchronous = FULL`)
	return err
}

// postgres reports whether the store runs on PostgreSQL.
func (s *Store) postgres() bool { return s.w.DriverName() == "pgx" }
