package store

import (
	"context"
	"strings"
	"testing"

	"petitions/workflow"
)

// ListPlan is the plan of ListCases's query, one step a line: SQLite's
// EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN without costs.
func (s *Store) ListPlan(ctx context.Context, v workflow.Viewer, f CaseFilter) (string, error) {
	query, args, _, err := s.listQuery(ctx, v, f)
	if err != nil || query == "" {
		return "", err // "": no stored case can match, nothing is read
	}
	return s.queryPlan(ctx, query, args)
}

// queryPlan is the database's plan of the query: PostgreSQL's EXPLAIN
// without costs, or SQLite's EXPLAIN QUERY PLAN, a line a step.
func (s *Store) queryPlan(ctx context.Context, query string, args []any) (string, error) {
	if s.postgres() {
		var lines []string
		err := s.r.SelectContext(ctx, &lines, "EXPLAIN (COSTS OFF) "+query, args...)
		return strings.Join(lines, "\n"), err
	}
	var steps []struct {
		ID, Parent, NotUsed int
		Detail              string
	}
	if err := s.r.SelectContext(ctx, &steps, "EXPLAIN QUERY PLAN "+query, args...); err != nil {
		return "", err
	}
	var lines []string
	for _, st := range steps {
		lines = append(lines, st.Detail)
	}
	return strings.Join(lines, "\n"), nil
}

// IndexColumns are the named columns of a SQLite index, in order.
func (s *Store) IndexColumns(ctx context.Context, index string) ([]string, error) {
	var cols []string
	err := s.r.SelectContext(ctx, &cols, `SELECT name FROM pragma_index_info(?) WHERE name IS NOT NULL ORDER BY seqno`, index)
	return cols, err
}

// SetRareWord sets how many cases a word may be in and still be searched
// through the word index, until the test ends: 0 sends every search down the
// queue walk.
func SetRareWord(tb testing.TB, n int) {
	old := rareWord
	rareWord = n
	tb.Cleanup(func() { rareWord = old })
}
