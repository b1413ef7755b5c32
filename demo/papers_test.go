package demo_test

import (
	"context"
	"slices"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// Every template renders on the demo's cases, each drafted paper opened by
// the head of its unit: the only blanks left are those an officer always
// writes in (who is denounced, who attended), never a fact the case records;
// the papers the demo issued have none; and every template is among them.
func TestDemoPapersLeaveOnlyTheOfficersBlanks(t *testing.T) {
	ctx := context.Background()
	s, dsn := mustLoad(t)
	db := mustReadOnly(t, dsn)
	var ids []int64
	if err := db.Select(&ids, `SELECT DISTINCT case_id FROM documents ORDER BY case_id`); err != nil {
		t.Fatal(err)
	}
	units, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var unitIDs []int64
	for _, u := range units {
		unitIDs = append(unitIDs, u.ID)
	}
	staff, err := s.Assignable(ctx, unitIDs)
	if err != nil {
		t.Fatal(err)
	}
	heads := map[int64]workflow.Viewer{}
	for _, u := range staff {
		if u.Role == workflow.RoleHead {
			if heads[u.UnitID], err = s.Viewer(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
	}
	seen, issued := map[string]int{}, 0
	for _, id := range ids {
		c, err := s.Case(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		list, err := s.CaseDocuments(ctx, workflow.Viewer{}, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range list {
			if d, err = s.CaseDocument(ctx, heads[c.UnitID], c, d.ID, "test"); err != nil || d.Hidden {
				t.Fatalf("case %d, %s, as its unit's head: hidden %v, %v", id, d.Template, d.Hidden, err)
			}
			seen[d.Template]++
			for _, b := range d.Paper.Blanks() {
				if !workflow.OfficerBlank(b) {
					t.Errorf("case %d, %s: a blank for what the case records: %q", id, d.Template, b)
				}
			}
			if d.State == store.DocIssued {
				issued++
				if len(d.Paper.Blanks()) > 0 || d.Number == "" {
					t.Errorf("case %d, %s issued as %q with blanks %v", id, d.Template, d.Number, d.Paper.Blanks())
				}
			}
		}
	}
	for _, tp := range workflow.Templates {
		if seen[tp.Code] == 0 {
			t.Errorf("no demo case drafted %s (%s %s)", tp.Code, tp.Title, tp.Subject)
		}
	}
	if issued == 0 || !slices.ContainsFunc(workflow.Templates, func(tp *workflow.Template) bool { return seen[tp.Code] > 1 }) {
		t.Errorf("the demo issued %d papers; drafted %v", issued, seen)
	}
	t.Logf("papers drafted on the demo: %v, %d issued", seen, issued)
}
