package store

import (
	"context"

	"petitions/workflow"
)

// BacklogBySQL is Backlog counted by the database, whatever the day: the
// tests compare today's kept counts with it.
func (s *Store) BacklogBySQL(ctx context.Context, units []int64, asOf workflow.Date) (workflow.Backlog, error) {
	return s.backlogBySQL(ctx, units, asOf)
}

// BacklogKept is Backlog counted from the kept active cases; ok is false when
// the set refuses to stand for asOf.
func (s *Store) BacklogKept(ctx context.Context, units []int64, asOf workflow.Date) (b workflow.Backlog, ok bool, err error) {
	tallies, ok, err := s.backlogToday(ctx, units, asOf)
	if err != nil || !ok {
		return workflow.Backlog{}, ok, err
	}
	b, err = s.tallyBacklog(ctx, units, asOf, tallies)
	return b, true, err
}
