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

// ReceptionTotals counts the reception sessions and the visits in the book.
func (s *Store) ReceptionTotals(ctx context.Context) (sessions, visits int64, err error) {
	if err = s.r.GetContext(ctx, &sessions, `SELECT COUNT(*) FROM reception_sessions`); err == nil {
		err = s.r.GetContext(ctx, &visits, `SELECT COUNT(*) FROM reception_visits`)
	}
	if err != nil {
		err = fmt.Errorf("store: reception totals: %w", err)
	}
	return sessions, visits, err
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

// IndexSize is the space the search's own index takes, and what it is.
type IndexSize struct {
	What  string
	Bytes int64
}

// SearchIndexSize is the space of the search's own index: PostgreSQL's
// trigram indexes on the folded texts, exactly; SQLite's case_words,
// estimated from its rows, since go-sqlite3 is built without the dbstat
// table that would count its pages: each row's record (header, word,
// case id), plus four bytes of cell pointer and size a row, the pages full
// (the keys arrive sorted; docs/PERFORMANCE.md compares with the file's growth).
func (s *Store) SearchIndexSize(ctx context.Context) (IndexSize, error) {
	if s.postgres() {
		var n int64
		err := s.r.GetContext(ctx, &n, `SELECT COALESCE(SUM(pg_relation_size(indexrelid)), 0) FROM pg_index
			WHERE indexrelid IN (CAST('cases_search_fold_trgm' AS regclass), CAST('cases_public_fold_trgm' AS regclass))`)
		return IndexSize{"trigram indexes on search_fold and public_fold", n}, err
	}
	var n int64
	err := s.r.GetContext(ctx, &n, `SELECT COALESCE(SUM(3 + length(CAST(word AS BLOB)) + 4
		+ CASE WHEN case_id < 128 THEN 1 WHEN case_id < 16384 THEN 2 WHEN case_id < 2097152 THEN 3 ELSE 4 END), 0) FROM case_words`)
	return IndexSize{"case_words, estimated from its rows", n}, err
}
