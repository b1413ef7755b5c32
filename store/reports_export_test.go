package store

import (
	"context"
	"strings"

	"petitions/workflow"
)

// ReportActsPlan is SQLite's plan of the query reading the acts of the
// cases a form counts for the units over the period.
func (s *Store) ReportActsPlan(ctx context.Context, units []int64, p workflow.ReportPeriod) (string, error) {
	where, args := reportCases(units, p, false)
	var steps []struct {
		ID, Parent, NotUsed int
		Detail              string
	}
	if err := s.r.SelectContext(ctx, &steps, "EXPLAIN QUERY PLAN "+reportActsQuery(where), append(args, p.To.String())...); err != nil {
		return "", err
	}
	var lines []string
	for _, st := range steps {
		lines = append(lines, st.Detail)
	}
	return strings.Join(lines, "\n"), nil
}
