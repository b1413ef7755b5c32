package store

import (
	"context"

	"petitions/workflow"
)

// ReportCasesPlan is the database's plan of the query reading the cases
// form counts for the units over the period, with their acts.
func (s *Store) ReportCasesPlan(ctx context.Context, form string, units []int64, p workflow.ReportPeriod) (string, error) {
	where, args := reportCases(workflow.FormByCode(form), units, p)
	return s.queryPlan(ctx, reportCasesQuery(where), args)
}
