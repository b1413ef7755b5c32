package store

import (
	"context"

	"petitions/workflow"
)

// ReportCasesPlan is the database's plan of the query reading the cases
// form counts for the units over the period, with their acts.
func (s *Store) ReportCasesPlan(ctx context.Context, form string, units []int64, p workflow.ReportPeriod) (Plan, error) {
	where, args := reportCases(workflow.FormByCode(form), units, p)
	return s.queryPlan(ctx, reportCasesQuery(where), args)
}

// BacklogPlan is the database's plan of the backlog as of a day (backlogBySQL's
// snapshot), with moved set as when cases moved unit after it.
func (s *Store) BacklogPlan(ctx context.Context, units []int64, asOf workflow.Date, moved bool) (Plan, error) {
	query, args := s.snapshotQuery(units, asOf, false, moved)
	return s.queryPlan(ctx, query, args)
}

// DisclosuresPlan is the database's plan of a page of the public decisions.
func (s *Store) DisclosuresPlan(ctx context.Context, f DisclosureFilter) (Plan, error) {
	query, args, _, err := s.disclosureQuery(ctx, f, 51)
	if err != nil || query == "" {
		return nil, err
	}
	return s.queryPlan(ctx, query, args)
}

// VisitsPlan is the database's plan of a page of the reception book.
func (s *Store) VisitsPlan(ctx context.Context, f VisitFilter) (Plan, error) {
	query, args := visitsQuery(f)
	return s.queryPlan(ctx, query, args)
}
