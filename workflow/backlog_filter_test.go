package workflow_test

import (
	"errors"
	"fmt"
	"math/rand"
	"testing"

	"petitions/workflow"
)

var filterCal = workflow.NewCalendar(workflow.ShippedCalendar())

// running is a running clock due on due.
func running(name workflow.ClockName, due string) workflow.Clock {
	d := workflow.MustDate(due)
	return workflow.Clock{Name: name, StartedOn: d.AddDays(-30), RunFrom: d.AddDays(-30), DueOn: d}
}

// boundarySnapshots sit on every edge of the definitions, as of 2026-11-25.
func boundarySnapshots() []workflow.Snapshot {
	stopped := running(workflow.ClockAcceptance, "2026-01-05")
	stopped.StoppedOn = workflow.MustDate("2026-01-04")
	suspended := running(workflow.ClockResolution, "2026-02-05")
	suspended.SuspendedOn = workflow.MustDate("2026-01-20")
	snap := func(unit string, k workflow.Kind, st workflow.State, received, matter string, clocks ...workflow.Clock) workflow.Snapshot {
		return workflow.Snapshot{Kind: k, UnitCode: unit, UnitName: "Đơn vị " + unit, State: st, Clocks: clocks,
			ReceivedOn: workflow.MustDate(received), MatterStartedOn: workflow.MustDate(matter)}
	}
	return []workflow.Snapshot{
		snap("KH", workflow.Complaint, workflow.Received, "2026-11-20", "2026-11-20", running(workflow.ClockProcessing, "2026-11-25")),           // due today: due soon
		snap("KH", workflow.Complaint, workflow.Assigned, "2026-10-26", "2026-10-26", running(workflow.ClockAcceptance, "2026-11-24")),           // overdue by 1, age 30
		snap("KH", workflow.Denunciation, workflow.InResolution, "2026-10-25", "2026-10-25", running(workflow.ClockResolution, "2026-10-26")),    // overdue by 30, age 31
		snap("KH-NT", workflow.Denunciation, workflow.InResolution, "2026-08-27", "2026-08-27", running(workflow.ClockResolution, "2026-10-25")), // very overdue (31), age 90
		snap("KH-NT", workflow.Petition, workflow.Suspended, "2026-08-26", "2026-08-26", suspended),                                              // suspended clock: on track, age 91
		snap("KH-NT", workflow.Complaint, workflow.Resolved, "2025-11-25", "2025-11-25", running(workflow.ClockDelivery, "2026-11-01")),          // resolved but overdue; not open
		snap("KH", workflow.Complaint, workflow.InResolution, "2025-11-25", "2025-11-25", running(workflow.ClockResolution, "2026-12-31")),       // age 365, not prolonged
		snap("KH", workflow.Complaint, workflow.InResolution, "2026-06-01", "2025-11-24", running(workflow.ClockResolution, "2026-11-30")),       // round 2: prolonged by matter, due soon
		snap("KH", workflow.Dialogue, workflow.Received, "2025-11-24", "2025-11-24", stopped),                                                    // age 366, prolonged, no running clock
		snap("KH-NT", workflow.Petition, workflow.Closed, "2024-01-10", "2024-01-10", stopped),                                                   // closed long ago: nothing
		snap("KH-NT", workflow.Denunciation, workflow.Disclosed, "2026-01-10", "2026-01-10", running(workflow.ClockDelivery, "2026-11-27")),      // disclosed, due soon
	}
}

// randomSnapshots are n cases of every state, kind and age, with 0–3 clocks.
func randomSnapshots(seed int64, n int, asOf workflow.Date) []workflow.Snapshot {
	rng := rand.New(rand.NewSource(seed))
	units := []string{"KH", "KH-NT", "KH-CR", "KH-VN"}
	names := []workflow.ClockName{workflow.ClockProcessing, workflow.ClockAcceptance, workflow.ClockResolution, workflow.ClockDelivery}
	out := make([]workflow.Snapshot, n)
	for i := range out {
		received := asOf.AddDays(-rng.Intn(800))
		s := workflow.Snapshot{Kind: workflow.Kinds[rng.Intn(len(workflow.Kinds))], UnitCode: units[rng.Intn(len(units))],
			State: workflow.States[rng.Intn(len(workflow.States))], ReceivedOn: received,
			MatterStartedOn: received.AddDays(-rng.Intn(3) * rng.Intn(400))}
		for range rng.Intn(4) {
			k := running(names[rng.Intn(len(names))], asOf.AddDays(rng.Intn(120)-70).String())
			switch rng.Intn(5) {
			case 0:
				k.StoppedOn = asOf.AddDays(-rng.Intn(10))
			case 1:
				k.SuspendedOn = asOf.AddDays(-rng.Intn(10))
			}
			s.Clocks = append(s.Clocks, k)
		}
		out[i] = s
	}
	return out
}

// count is how many snapshots the filter picks.
func count(f workflow.BacklogFilter, snaps []workflow.Snapshot, asOf workflow.Date) int {
	n := 0
	for _, s := range snaps {
		if f.Matches(s, filterCal, asOf) {
			n++
		}
	}
	return n
}

// reported pairs every number CountBacklog reports with the filter behind it.
func reported(b workflow.Backlog) map[workflow.BacklogFilter]int {
	m := map[workflow.BacklogFilter]int{
		{Measure: workflow.MeasureOpen}:        b.Open,
		{Measure: workflow.MeasureDueSoon}:     b.DueSoon,
		{Measure: workflow.MeasureOverdue}:     b.Overdue,
		{Measure: workflow.MeasureVeryOverdue}: b.VeryOverdue,
		{Measure: workflow.MeasureProlonged}:   b.Prolonged,
	}
	for _, u := range b.ByUnit {
		m[workflow.BacklogFilter{Measure: workflow.MeasureOpen, Unit: u.Unit}] = u.Open
		m[workflow.BacklogFilter{Measure: workflow.MeasureOverdue, Unit: u.Unit}] = u.Overdue
		m[workflow.BacklogFilter{Measure: workflow.MeasureVeryOverdue, Unit: u.Unit}] = u.VeryOverdue
	}
	for _, k := range b.ByKind {
		m[workflow.BacklogFilter{Measure: workflow.MeasureOpen, Kind: k.Kind}] = k.Open
		m[workflow.BacklogFilter{Measure: workflow.MeasureOverdue, Kind: k.Kind}] = k.Overdue
	}
	for _, a := range b.AgeDays {
		m[workflow.BacklogFilter{Measure: workflow.MeasureOpen, AgeBucket: a.Bucket}] = a.Open
	}
	return m
}

func TestBacklogFilterMatchesEveryCount(t *testing.T) {
	sets := []struct {
		name  string
		asOf  workflow.Date
		snaps []workflow.Snapshot
	}{
		{"Empty", workflow.MustDate("2026-11-25"), nil},
		{"Boundaries", workflow.MustDate("2026-11-25"), boundarySnapshots()},
		{"BoundariesADayLater", workflow.MustDate("2026-11-26"), boundarySnapshots()},
		{"BoundariesOverTet", workflow.MustDate("2026-02-13"), boundarySnapshots()},
	}
	for seed := int64(1); seed <= 5; seed++ {
		asOf := workflow.MustDate("2026-11-25").AddDays(-int(seed) * 67)
		sets = append(sets, struct {
			name  string
			asOf  workflow.Date
			snaps []workflow.Snapshot
		}{fmt.Sprintf("Random%d", seed), asOf, randomSnapshots(seed, 300, asOf)})
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			b := workflow.CountBacklog(set.snaps, filterCal, set.asOf)
			for f, want := range reported(b) {
				if err := f.Validate(); err != nil {
					t.Fatalf("%+v: %v", f, err)
				}
				if got := count(f, set.snaps, set.asOf); got != want {
					t.Errorf("%+v: %d cases listed, the backlog shows %d", f, got, want)
				}
			}
			// Every measure splits exactly across units, kinds and age buckets.
			for _, m := range workflow.Measures {
				total := count(workflow.BacklogFilter{Measure: m}, set.snaps, set.asOf)
				byUnit, byKind, byAge := 0, 0, 0
				for _, u := range b.ByUnit {
					byUnit += count(workflow.BacklogFilter{Measure: m, Unit: u.Unit}, set.snaps, set.asOf)
				}
				for _, k := range workflow.Kinds {
					byKind += count(workflow.BacklogFilter{Measure: m, Kind: k}, set.snaps, set.asOf)
				}
				for _, a := range workflow.AgeBucketNames() {
					byAge += count(workflow.BacklogFilter{Measure: m, AgeBucket: a}, set.snaps, set.asOf)
				}
				if byUnit != total || byKind != total || byAge != total {
					t.Errorf("%s: %d in all, %d by unit, %d by kind, %d by age", m, total, byUnit, byKind, byAge)
				}
			}
		})
	}
	t.Run("BoundariesCountAsTheDomainSays", func(t *testing.T) {
		b := workflow.CountBacklog(boundarySnapshots(), filterCal, workflow.MustDate("2026-11-25"))
		got := [5]int{b.Open, b.DueSoon, b.Overdue, b.VeryOverdue, b.Prolonged}
		if want := [5]int{8, 3, 4, 1, 2}; got != want {
			t.Fatalf("open, due soon, overdue, very overdue, prolonged = %v, want %v", got, want)
		}
	})
}

func TestBacklogFilterValidate(t *testing.T) {
	for _, tc := range []struct {
		f     workflow.BacklogFilter
		field string
	}{
		{workflow.BacklogFilter{Measure: "late"}, "measure"},
		{workflow.BacklogFilter{Measure: workflow.MeasureOpen, Kind: "letter"}, "kind"},
		{workflow.BacklogFilter{Measure: workflow.MeasureOpen, AgeBucket: "0-31"}, "age"},
		{workflow.BacklogFilter{Measure: workflow.MeasureOpen, Kind: workflow.Petition, AgeBucket: ">365", Unit: "KH"}, ""},
	} {
		err := tc.f.Validate()
		var e *workflow.Error
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%+v: %v", tc.f, err)
		case tc.field != "" && (!errors.As(err, &e) || e.Field != tc.field):
			t.Errorf("%+v: got %v, want an invalid %s", tc.f, err, tc.field)
		}
	}
}

func TestWorstClockIsTheEarliestRunningDeadline(t *testing.T) {
	asOf := workflow.MustDate("2026-11-25")
	late := running(workflow.ClockResolution, "2026-10-20")
	later := running(workflow.ClockNotification, "2026-11-10")
	done := running(workflow.ClockAcceptance, "2026-09-01")
	done.StoppedOn = workflow.MustDate("2026-08-30")
	k, st, days, ok := workflow.WorstClock(filterCal, []workflow.Clock{later, done, late}, asOf)
	if !ok || k.Name != workflow.ClockResolution || st != workflow.VeryOverdue || days != 36 {
		t.Fatalf("worst = %s %s %d days %v; want resolution very_overdue 36 days", k.Name, st, days, ok)
	}
	if st != workflow.WorstStatus(filterCal, []workflow.Clock{later, done, late}, asOf) {
		t.Fatal("WorstClock and WorstStatus disagree")
	}
	k, st, days, ok = workflow.WorstClock(filterCal, []workflow.Clock{running(workflow.ClockProcessing, "2026-12-20")}, asOf)
	if !ok || st != workflow.OnTrack || days != 0 {
		t.Fatalf("on track clock: %s %d %v", st, days, ok)
	}
	if _, _, _, ok := workflow.WorstClock(filterCal, []workflow.Clock{done}, asOf); ok {
		t.Fatal("a stopped clock is not running")
	}
}
