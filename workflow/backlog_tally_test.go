package workflow_test

import (
	"math/rand"
	"testing"

	"petitions/workflow"
)

// The database counts the backlog by comparing due dates with StatusBounds;
// that is right only if the bounds cut exactly where StatusOn changes, on
// every day, holidays and make-up Saturdays included.
func TestStatusBoundsCutWhereStatusOnChanges(t *testing.T) {
	for asOf := workflow.D(2025, 1, 1); asOf.Before(workflow.D(2027, 12, 1)); asOf = asOf.AddDays(1) {
		b := workflow.BoundsOn(filterCal, asOf)
		for due := asOf.AddDays(-40); due.Before(asOf.AddDays(40)); due = due.AddDays(1) {
			var byBounds workflow.Status
			switch {
			case due.Before(b.VeryOverdueBefore):
				byBounds = workflow.VeryOverdue
			case due.Before(b.OverdueBefore):
				byBounds = workflow.Overdue
			case !due.After(b.DueSoonThrough):
				byBounds = workflow.DueSoon
			default:
				byBounds = workflow.OnTrack
			}
			if want := workflow.StatusOn(filterCal, due, asOf); byBounds != want {
				t.Fatalf("as of %s, due %s: bounds say %s, StatusOn %s", asOf, due, byBounds, want)
			}
		}
	}
}

// The case's status is its earliest running due date's: what lets the
// database count statuses from one kept column.
func TestWorstStatusIsTheEarliestRunningDue(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	base := workflow.D(2026, 1, 1)
	for i := 0; i < 20000; i++ {
		var c workflow.Case
		for j := rng.Intn(4); j > 0; j-- {
			k := workflow.Clock{Name: workflow.ClockResolution, DueOn: base.AddDays(rng.Intn(700))}
			switch rng.Intn(4) {
			case 0:
				k.StoppedOn = base
			case 1:
				k.SuspendedOn = base
			}
			c.Clocks = append(c.Clocks, k)
		}
		asOf := base.AddDays(rng.Intn(700))
		want := workflow.OnTrack
		if due := c.EarliestDue(); !due.IsZero() {
			want = workflow.StatusOn(filterCal, due, asOf)
		}
		if got := workflow.WorstStatus(filterCal, c.Clocks, asOf); got != want {
			t.Fatalf("clocks %+v as of %s: worst %s, earliest due gives %s", c.Clocks, asOf, got, want)
		}
	}
}

// AgeBounds cut the receipt dates where AgeBucketOf changes bucket.
func TestAgeBoundsMatchAgeBuckets(t *testing.T) {
	asOf := workflow.D(2026, 11, 25)
	bounds := workflow.AgeBounds(asOf)
	names := workflow.AgeBucketNames()
	for d := asOf.AddDays(-800); !d.After(asOf); d = d.AddDays(1) {
		i := len(bounds)
		for j, b := range bounds {
			if !d.Before(b) {
				i = j
				break
			}
		}
		if got := workflow.AgeBucketOf(d, asOf); got != names[i] {
			t.Fatalf("received %s: bounds put it in %s, AgeBucketOf in %s", d, names[i], got)
		}
	}
}
