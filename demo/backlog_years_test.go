package demo_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"petitions/demo"
	"petitions/store"
	"petitions/workflow"
)

// The backlog as of a past day reads only the cases still active then, found
// through the kept settled_on and span_class; over four years of a larger
// province, every fortnight's numbers must still be the hand count of the raw
// history, for the whole province and for one commune.
func TestBacklogMatchesHandCountOverYears(t *testing.T) {
	s, path := mustLoadWith(t, demo.Options{Seed: 11, Cases: 2500, Years: 4, Communes: 12})
	hand := readHistory(t, mustReadOnly(t, path))
	for _, code := range []string{"KH-UBND", "KH-CAMLAM"} {
		days, _ := backlogEqualsHandCount(t, s, hand, code, testNow.AddDate(-4, 0, -20), 0, 14)
		t.Logf("%s: %d days equal to the hand count", code, days)
	}
}

// backlogEqualsHandCount checks the unit's backlog (its subtree's) as of
// every day from `from` to testNow, months and days apart, against the hand
// count of the raw history; it answers the days checked and the open cases
// they counted.
func backlogEqualsHandCount(t *testing.T, s *store.Store, hand rawData, code string, from time.Time, months, days int) (checked, open int) {
	t.Helper()
	ctx := context.Background()
	unit, err := s.UnitByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	scope, err := s.Subtree(ctx, unit.ID)
	if err != nil {
		t.Fatal(err)
	}
	for d := from; !d.After(testNow); d = d.AddDate(0, months, days) {
		day := workflow.DateOf(d)
		got, err := s.Backlog(ctx, scope, day)
		if err != nil {
			t.Fatal(err)
		}
		want := hand.count(mustTime(day.String()), code)
		if g := fromStore(got); !reflect.DeepEqual(g, want) {
			t.Fatalf("%s as of %s:\n got %+v\nwant %+v", code, day, g, want)
		}
		checked, open = checked+1, open+got.Open
	}
	return checked, open
}
