package store

import (
	"context"
	"errors"
	"fmt"
)

// A bulk load into empty tables drops their secondary indexes and builds them
// again at the end: building an index from sorted rows is many times faster
// than keeping it up to date through a million scattered inserts. Unique
// indexes stay, since they are the load's own checks. On SQLite, so do the
// indexes whose inserts land in a few places only, since building one again
// reads its whole table: those that begin with the case (the loader writes
// case after case, so they grow at their end), and bulkKept.

// bulkTables are the tables a bulk load fills.
const bulkTables = `'cases', 'history', 'petitioners'`

// bulkOrder is, for each table the loader fills, the column its rows arrive in the order of.
var bulkOrder = map[string]string{"cases": "id", "petitioners": "case_id", "history": "case_id"}

// bulkKept are the indexes of cases kept through a load: most cases are
// settled, without a due date, and enter the queues after the last date of
// their unit and assignee, in id order; cases_active holds the open ones
// only. (cases_span, by the day a case was received, is built again.)
//
// cases_queue is built again too: it carries each case's subject and
// content, and keeping it through a load of 300,000 cases cost the writer
// 5.3 s, building it at the end 1.8 s (0.8 s with finishBulk's sorter, 3 s
// for a million cases). The three small queues cost less to keep (0.7 s)
// than to build again (2.1 s).
var bulkKept = map[string]bool{"cases_unit_queue": true, "cases_assignee_queue": true, "cases_active": true}

// dropSecondaryIndexes drops the non-unique indexes of the bulk tables and
// returns the statements that create them again.
func (s *Store) dropSecondaryIndexes(ctx context.Context) ([]string, error) {
	query := `SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'index'
		AND tbl_name IN (` + bulkTables + `) AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`
	if s.postgres() {
		query = `SELECT indexname AS name, tablename AS tbl, indexdef AS sql FROM pg_indexes
			WHERE schemaname = current_schema() AND tablename IN (` + bulkTables + `) AND indexdef NOT LIKE 'CREATE UNIQUE%'`
	}
	var idx []struct {
		Name  string `db:"name"`
		Table string `db:"tbl"`
		SQL   string `db:"sql"`
	}
	if err := s.w.SelectContext(ctx, &idx, query); err != nil {
		return nil, fmt.Errorf("store: bulk: list indexes: %w", err)
	}
	var create []string
	for _, ix := range idx {
		if !s.postgres() {
			var first string
			err := s.w.GetContext(ctx, &first, `SELECT name FROM pragma_index_info(?) WHERE seqno = 0`, ix.Name)
			if err == nil && first == bulkOrder[ix.Table] || bulkKept[ix.Name] {
				continue
			}
		}
		if _, err := s.w.ExecContext(ctx, `DROP INDEX `+ix.Name); err != nil {
			return nil, fmt.Errorf("store: bulk: drop index %s: %w", ix.Name, err)
		}
		create = append(create, ix.SQL)
	}
	return create, nil
}

// startBulk tunes the writer's connection for the load (SQLite): its page
// cache holds the unique indexes while they grow (256 MB), commits skip their
// fsync, and foreign keys are not looked up for every row, since the loader
// draws every id it writes from the tables or from its own cases.
//
// A load into empty tables also leaves WAL for an in-memory rollback journal,
// when no reader holds the file open: WAL writes every page twice (to the
// log, then to the file) in four system calls, the journal once. A load
// that dies half-way then leaves a file to delete; it was to be loaded again
// anyway. A reader opened meanwhile turns WAL back on, which only slows the
// load. finishBulk, told whether the journal changed, undoes all of it.
func (s *Store) startBulk(ctx context.Context, empty bool) (memoryJournal bool, err error) {
	if s.postgres() {
		return false, nil
	}
	_, err = s.w.ExecContext(ctx, `PRAGMA cache_size = -262144; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF`)
	if err != nil {
		return false, fmt.Errorf("store: bulk: %w", err)
	}
	if !empty {
		return false, nil
	}
	// Readers idle in the pool keep the log open: let them go (the pool opens
	// others on demand, and keeps them again from finishBulk on).
	s.r.SetMaxIdleConns(0)
	var mode string
	if err := s.w.GetContext(ctx, &mode, `PRAGMA journal_mode = MEMORY`); err != nil || mode != "memory" {
		s.r.SetMaxIdleConns(s.readers)
		return false, nil // a reader is busy: load through WAL
	}
	return true, nil
}

// finishBulk builds the dropped indexes, moves PostgreSQL's sequences past the
// ids the loader wrote, refreshes the planner's statistics, and undoes what
// startBulk did to the writer's connection.
func (s *Store) finishBulk(ctx context.Context, create []string, memoryJournal bool) error {
	var errs []error
	if !s.postgres() && len(create) > 0 {
		// SQLite sorts an index's entries in as much memory as the page
		// cache may hold. Sorted in runs of 4 MiB by helper threads, then
		// merged, a million cases' indexes build in half the time they take
		// in sorts of the 256 MiB the load gave the cache.
		if _, err := s.w.ExecContext(ctx, `PRAGMA cache_size = -4096; PRAGMA threads = 2`); err != nil {
			errs = append(errs, fmt.Errorf("store: bulk: %w", err))
		}
	}
	for _, stmt := range create {
		if _, err := s.w.ExecContext(ctx, stmt); err != nil {
			errs = append(errs, fmt.Errorf("store: bulk: %s: %w", stmt, err))
		}
	}
	if s.postgres() {
		for _, t := range []string{"cases", "history", "documents"} {
			if _, err := s.w.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'),
				(SELECT COALESCE(MAX(id), 1) FROM `+t+`))`); err != nil {
				errs = append(errs, fmt.Errorf("store: bulk: sequence of %s: %w", t, err))
			}
		}
		_, err := s.w.ExecContext(ctx, `ANALYZE`)
		return errors.Join(append(errs, err)...)
	}
	// A bounded ANALYZE samples each index instead of reading it whole.
	if _, err := s.w.ExecContext(ctx, `PRAGMA analysis_limit = 1000; ANALYZE`); err != nil {
		errs = append(errs, fmt.Errorf("store: bulk: analyze: %w", err))
	}
	if memoryJournal {
		var mode string
		err := s.w.GetContext(ctx, &mode, `PRAGMA journal_mode = WAL`)
		if err == nil && mode != "wal" {
			err = fmt.Errorf("the journal stays %q", mode)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("store: bulk: back to WAL: %w", err))
		}
		s.r.SetMaxIdleConns(s.readers)
	}
	if _, err := s.w.ExecContext(ctx, `PRAGMA cache_size = -2000; PRAGMA threads = 0; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON`); err != nil {
		errs = append(errs, fmt.Errorf("store: bulk: %w", err))
	}
	return errors.Join(errs...)
}

// postgres reports whether the store runs on PostgreSQL.
func (s *Store) postgres() bool { return s.w.DriverName() == "pgx" }
