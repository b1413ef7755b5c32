package store_test

import (
	"strconv"
	"strings"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// TestReceptionBookReadsItsIndex pins down the plan of the reception book's
// page (issue 20): a unit's visits, newest first, are read along
// reception_visits_unit and only the page's rows joined, never every visit
// read and sorted, nor every case hashed to join the page's few. PostgreSQL
// is given ten years of a province: 60,000 cases (seedProvince) and 60,000
// copies of a visit over the agency's units, with fresh statistics.
func TestReceptionBookReadsItsIndex(t *testing.T) {
	w := mustWorld(t)
	visit, err := w.s.RecordVisit(w.ctx, w.user("reception"), store.NewVisit{Unit: "KH-UBND",
		VisitedOn: workflow.MustDate("2026-11-20"), Kind: workflow.Petition, Visitor: store.Visitor{Petitioner: store.Petitioner{
			Name: "Nguyễn Văn Đại"}}, Content: "Phản ánh đường liên thôn xuống cấp", Outcome: workflow.VisitGuided})
	if err != nil {
		t.Fatal(err)
	}
	scope := w.viewer("head").Scope
	if storetest.Postgres() {
		seedProvince(t, w, w.register("reception", letter(workflow.Petition, 0, "2026-11-20")).ID, scope)
		db := storetest.Raw(t, w.dsn)
		var cols []string
		if err := db.Select(&cols, `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()
			AND table_name = 'reception_visits' AND column_name NOT IN ('id', 'unit_id', 'visited_on')`); err != nil {
			t.Fatal(err)
		}
		var units []string
		for _, id := range scope {
			units = append(units, strconv.FormatInt(id, 10))
		}
		same := strings.Join(cols, ", ")
		mustExec(t, db, `INSERT INTO reception_visits (`+same+`, unit_id, visited_on)
			SELECT `+same+`, (ARRAY[`+strings.Join(units, ",")+`])[1 + g % `+strconv.Itoa(len(units))+`],
			to_char(DATE '2016-12-01' + g % 3650, 'YYYY-MM-DD') FROM reception_visits, generate_series(1, 60000) g WHERE id = ?`, visit.ID)
		mustExec(t, db, `ANALYZE reception_visits`)
	}
	for name, f := range map[string]store.VisitFilter{
		"a unit's book":    {Units: scope[:1]},
		"a unit's quarter": {Units: scope[:1], From: workflow.MustDate("2024-04-01"), To: workflow.MustDate("2024-06-30")},
	} {
		plan, err := w.s.VisitsPlan(w.ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		// One sort at most: the page's own rows, once joined.
		if !plan.Reads("reception_visits_unit") || plan.SortCount() > 1 || plan.Scans("reception_visits", "cases", "c") {
			t.Errorf("%s: want reception_visits_unit read in order and the page's cases by id, got plan:\n%s", name, plan)
		}
	}
}
