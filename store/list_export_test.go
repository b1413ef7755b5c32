package store

import (
	"context"
	"testing"

	"petitions/workflow"
)

// ListPlan is the plan of ListCases's query (plan_export_test.go); empty
// when no stored case can match and nothing is read.
func (s *Store) ListPlan(ctx context.Context, v workflow.Viewer, f CaseFilter) (Plan, error) {
	query, args, _, err := s.listQuery(ctx, v, f)
	if err != nil || query == "" {
		return nil, err
	}
	return s.queryPlan(ctx, query, args)
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
