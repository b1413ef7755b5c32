package demo_test

import (
	"context"
	"reflect"
	"testing"

	"petitions/demo"
	"petitions/workflow"
)

// The backlog as of a past day reads only the cases still active then, found
// through the kept settled_on and span_class; over four years of a larger
// province, every fortnight's numbers must still be the hand count of the raw
// history, for the whole province and for one commune.
func TestBacklogMatchesHandCountOverYears(t *testing.T) {
	ctx := context.Background()
	s, path := mustLoadWith(t, demo.Options{Seed: 11, Cases: 2500, Years: 4, Communes: 12})
	hand := readHistory(t, mustReadOnly(t, path))
	for _, code := range []string{"KH-UBND", "KH-CAMLAM"} {
		unit, err := s.UnitByCode(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		scope, err := s.Subtree(ctx, unit.ID)
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for d := testNow.AddDate(-4, 0, -20); !d.After(testNow); d = d.AddDate(0, 0, 14) {
			day := workflow.DateOf(d)
			got, err := s.Backlog(ctx, scope, day)
			if err != nil {
				t.Fatal(err)
			}
			want := hand.count(mustTime(day.String()), code)
			if g := fromStore(got); !reflect.DeepEqual(g, want) {
				t.Fatalf("%s as of %s:\n got %+v\nwant %+v", code, day, g, want)
			}
			checked++
		}
		t.Logf("%s: %d days equal to the hand count", code, checked)
	}
}
