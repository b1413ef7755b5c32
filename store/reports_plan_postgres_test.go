package store_test

import (
	"strconv"
	"strings"
	"testing"

	"petitions/store/storetest"
	"petitions/workflow"
)

// TestPostgresReportsReadTheirIndex pins down PostgreSQL's plan for a
// report's cases (migration 00023): over ten years of 60,000 cases, a
// quarter's are one range of cases_report's expression per unit — the day
// each case came to rest — and the planner must recognise the expression
// the query writes as the index's, not read every case; and find the few
// cases' prior cases by their ids, not by hashing every case.
func TestPostgresReportsReadTheirIndex(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL's plans; SQLite's are pinned in reports_test.go")
	}
	w := mustWorld(t)
	c := w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	scope := w.viewer("supervisor").Scope
	db := storetest.Raw(t, w.dsn)
	var cols []string
	if err := db.Select(&cols, `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()
		AND table_name = 'cases' AND column_name NOT IN ('id', 'tracking_code', 'unit_id', 'state', 'received_on', 'last_event_on')`); err != nil {
		t.Fatal(err)
	}
	var units []string
	for _, id := range scope {
		units = append(units, strconv.FormatInt(id, 10))
	}
	same := strings.Join(cols, ", ")
	// Nine in ten closed, on a day of the ten years; the rest still open.
	mustExec(t, db, `INSERT INTO cases (`+same+`, tracking_code, unit_id, state, received_on, last_event_on)
		SELECT `+same+`, 'KN26-' || lpad(CAST(g AS text), 12, '0'), (ARRAY[`+strings.Join(units, ",")+`])[1 + g % `+
		strconv.Itoa(len(units))+`], CASE WHEN g % 10 = 0 THEN 'received' ELSE 'closed' END,
		to_char(DATE '2016-12-01' + g % 3650, 'YYYY-MM-DD'), to_char(DATE '2016-12-01' + g % 3650 + 30, 'YYYY-MM-DD')
		FROM cases, generate_series(1, 60000) g WHERE id = ?`, c.ID)
	mustExec(t, db, `ANALYZE cases`)
	p, err := workflow.OfficialPeriod("Q2-2026")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := w.s.ReportCasesPlan(w.ctx, "01-XLD", scope, p)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Reads("cases_report") || plan.Scans("cases") {
		t.Errorf("a quarter's cases should be read through cases_report, their prior cases by id, got plan:\n%s", plan)
	}
}
