package demo_test

import (
	"context"
	"testing"

	"petitions/demo"
)

// Issue 20's country, small: four provinces under the national body, each
// with its People's Committee and, as Khánh Hòa, five communes (Khánh Hòa's
// merged Cam Hải besides). The national supervisor's
// scope holds them all; the backlog of the country, of another province and
// of one of its communes is the hand count of the raw history, every month
// of two years; a round-2 complaint of another province's commune goes to
// that province's People's Committee, never to Khánh Hòa's.
func TestCountryOfProvinces(t *testing.T) {
	ctx := context.Background()
	s, path := mustLoadWith(t, demo.Options{Seed: 5, Cases: 3000, Years: 2, Provinces: 4})
	sup, err := s.UserByLogin(ctx, demo.CountrySupervisor)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.Viewer(ctx, sup)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + 4*(2+5) + 1; len(v.Scope) != want { // the body; each province, its committee, five communes; Cam Hải
		t.Fatalf("the national supervisor's scope has %d units, want %d", len(v.Scope), want)
	}
	hand := readHistory(t, mustReadOnly(t, path))
	for _, code := range []string{"VN", "HN", "HN-X02"} {
		if _, open := backlogEqualsHandCount(t, s, hand, code, testNow.AddDate(-2, 0, 0), 1, 0); open == 0 {
			t.Errorf("%s: no open case in two years", code)
		}
	}
	db := mustReadOnly(t, path)
	var wrong, second int
	if err := db.Get(&second, `SELECT COUNT(*) FROM cases c JOIN units u ON u.id = c.unit_id JOIN cases p ON p.id = c.prior_case_id
		JOIN units pu ON pu.id = p.unit_id WHERE c.round = 2 AND pu.code LIKE 'HN-X%' AND u.code = 'HN-UBND'`); err != nil {
		t.Fatal(err)
	}
	if err := db.Get(&wrong, `SELECT COUNT(*) FROM cases c JOIN units u ON u.id = c.unit_id JOIN cases p ON p.id = c.prior_case_id
		JOIN units pu ON pu.id = p.unit_id WHERE c.round = 2 AND pu.code NOT LIKE 'KH%' AND u.code = 'KH-UBND'`); err != nil {
		t.Fatal(err)
	}
	if second == 0 || wrong != 0 {
		t.Errorf("round-2 complaints of Hà Nội's communes at HN-UBND: %d; of other provinces' at KH-UBND: %d", second, wrong)
	}
}
