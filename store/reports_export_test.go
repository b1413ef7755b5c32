package store

import (
	"context"
	"strings"

	"petitions/workflow"
)

// ReportCasesPlan is SQLite's plan of the query reading the cases a form
// counts for the units over the period, with their acts.
func (s *Store) ReportCasesPlan(ctx context.Context, units []int64, p workflow.ReportPeriod) (string, error) {
	where, args := reportCases(workflow.FormByCode("01-XLD"), units, p)
	var steps []struct {
		ID, Parent, NotUsed int
		Detail              string
	}
	if err := s.r.SelectContext(ctx, &steps, "EXPLAIN QUERY PLAN "+reportCasesQuery(where), args...); err != nil {
		return "", err
	}
	var lines []string
	for _, st := range steps {
		lines = append(lines, st.Detail)
	}
	return strings.Join(lines, "\n"), nil
}
