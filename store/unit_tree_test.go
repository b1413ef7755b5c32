package store_test

import (
	"context"
	"slices"
	"testing"

	"petitions/store/storetest"
)

// A viewer's scope is its unit and every unit below it; a unit added later is
// in the next list of units and the next scope read, and what one caller does with its scope does not
// change the next caller's.
func TestUnitsAndScopesFollowNewUnitsAndAreTheCallersOwn(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t)
	ids := map[string]int64{}
	for _, u := range [][4]string{{"P", "Tỉnh", "province", ""}, {"A", "UBND", "agency", "P"}, {"C1", "Xã 1", "commune", "A"}, {"X", "Tỉnh khác", "province", ""}} {
		unit, err := s.CreateUnit(ctx, u[0], u[1], u[2], u[3])
		if err != nil {
			t.Fatal(err)
		}
		ids[u[0]] = unit.ID
	}
	first, err := s.Subtree(ctx, ids["A"])
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{ids["A"], ids["C1"]}; !slices.Equal(first, want) {
		t.Fatalf("scope of A: %v, want %v", first, want)
	}
	first[0] = ids["X"] // the caller's copy
	if again, err := s.Subtree(ctx, ids["A"]); err != nil || again[0] != ids["A"] {
		t.Fatalf("scope of A after a caller changed its copy: %v %v", again, err)
	}
	if units, err := s.Units(ctx); err != nil || len(units) != 4 {
		t.Fatalf("units before C2: %v %v", units, err)
	}
	c2, err := s.CreateUnit(ctx, "C2", "Xã 2", "commune", "A")
	if err != nil {
		t.Fatal(err)
	}
	if units, err := s.Units(ctx); err != nil || len(units) != 5 || units[2].Code != "C2" {
		t.Errorf("units after C2, by code: %v %v", units, err)
	}
	for _, tc := range []struct {
		unit string
		want []int64
	}{{"A", []int64{ids["A"], ids["C1"], c2.ID}}, {"P", []int64{ids["P"], ids["A"], ids["C1"], c2.ID}}, {"X", []int64{ids["X"]}}} {
		got, err := s.Subtree(ctx, ids[tc.unit])
		if err != nil {
			t.Fatal(err)
		}
		if slices.Sort(tc.want); !slices.Equal(got, tc.want) {
			t.Errorf("scope of %s: %v, want %v", tc.unit, got, tc.want)
		}
	}
}
