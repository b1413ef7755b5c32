package store_test

import (
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// TestPublicDecisionsReadTheirIndex pins down the plan of the citizens' page
// of published decisions (issue 20): newest first, of every kind, of a year,
// or the page after a cursor, it walks cases_disclosed (migration 00031) and
// stops after a page, never reading every case and sorting the disclosed
// ones. PostgreSQL is given a province's worth: 60,000 cases over ten years,
// one in seven disclosed, of three kinds, with fresh statistics.
func TestPublicDecisionsReadTheirIndex(t *testing.T) {
	w := mustWorld(t)
	c := w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	if storetest.Postgres() {
		seedProvince(t, w, c.ID, w.viewer("supervisor").Scope)
		db := storetest.Raw(t, w.dsn)
		mustExec(t, db, `UPDATE cases SET disclosed_on = last_event_on, kind = (ARRAY['complaint', 'denunciation', 'petition'])[1 + id % 3]
			WHERE id % 7 = 0`)
		mustExec(t, db, `ANALYZE cases`)
	}
	for name, f := range map[string]store.DisclosureFilter{
		"newest first": {},
		"complaints":   {Kind: workflow.Complaint},
		"of a year":    {Year: 2024},
		"next page":    {Cursor: "YXwyMDI0LTA2LTAxfDEyMzQ"}, // a|2024-06-01|1234
	} {
		plan, err := w.s.DisclosuresPlan(w.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if !plan.Reads("cases_disclosed") || plan.Sorts() || plan.Scans("cases", "c") {
			t.Errorf("%s: want cases_disclosed walked in order, got plan:\n%s", name, plan)
		}
	}
}
