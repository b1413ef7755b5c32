package store

import (
	"context"
	"sort"

	"petitions/workflow"
)

// BacklogCase is one case behind a number of the backlog, as it stood at the
// end of the day asked for. It carries no petitioner, subject or content: the
// lists behind the numbers are for oversight and printing.
type BacklogCase struct {
	ID              int64
	TrackingCode    string
	Kind            workflow.Kind
	UnitCode        string
	UnitName        string
	State           workflow.State // as of the day
	ReceivedOn      workflow.Date
	MatterStartedOn workflow.Date
	DaysOpen        int // days from the matter's first letter to the day
	// The worst running clock as of the day (HasClock false when none runs).
	HasClock    bool
	Clock       workflow.ClockName
	DueOn       workflow.Date
	Status      workflow.Status
	DaysOverdue int
}

// BacklogCases lists the cases of the given units behind one number of the
// backlog as of asOf: the same rebuild from the history as Backlog, filtered by
// the same definitions, so the list's length is always the number shown. The
// worst deadlines come first. An invalid filter is an invalid error.
func (s *Store) BacklogCases(ctx context.Context, units []int64, asOf workflow.Date, f workflow.BacklogFilter) (out []BacklogCase, err error) {
	err = s.onReplica(ctx, func(ctx context.Context) error {
		out, err = s.backlogCases(ctx, units, asOf, f)
		return err
	})
	return out, err
}

// backlogCases is BacklogCases on the pool of ctx (replica.go).
func (s *Store) backlogCases(ctx context.Context, units []int64, asOf workflow.Date, f workflow.BacklogFilter) ([]BacklogCase, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	rows, err := s.snapshots(ctx, units, asOf)
	if err != nil {
		return nil, err
	}
	cal := s.Calendar()
	out := []BacklogCase{}
	for _, r := range rows {
		if !f.Matches(r.Snapshot, cal, asOf) {
			continue
		}
		bc := BacklogCase{ID: r.ID, TrackingCode: r.TrackingCode, Kind: r.Kind, UnitCode: r.UnitCode, UnitName: r.UnitName,
			State: r.State, ReceivedOn: r.ReceivedOn, MatterStartedOn: r.MatterStartedOn,
			DaysOpen: r.MatterStartedOn.DaysUntil(asOf), Status: workflow.OnTrack}
		if k, st, late, ok := workflow.WorstClock(cal, r.Clocks, asOf); ok {
			bc.HasClock, bc.Clock, bc.DueOn, bc.Status, bc.DaysOverdue = true, k.Name, k.DueOn, st, late
		}
		out = append(out, bc)
	}
	sort.SliceStable(out, func(i, j int) bool { return worseFirst(out[i], out[j]) })
	return out, nil
}

// worseFirst orders by the earliest running deadline (none last), then the
// oldest matter, then the id.
func worseFirst(a, b BacklogCase) bool {
	switch {
	case a.HasClock != b.HasClock:
		return a.HasClock
	case a.HasClock && !a.DueOn.Equal(b.DueOn):
		return a.DueOn.Before(b.DueOn)
	case !a.MatterStartedOn.Equal(b.MatterStartedOn):
		return a.MatterStartedOn.Before(b.MatterStartedOn)
	}
	return a.ID < b.ID
}
