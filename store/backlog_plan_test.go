package store_test

import (
	"strconv"
	"strings"
	"testing"

	"petitions/store/storetest"
	"petitions/workflow"
)

// TestBacklogAsOfADayReadsItsIndexes pins down the plans of the backlog as
// of a past day (issue 20), on both backends, with and without cases moved
// unit after the day (store/unit_moves.go): the active cases through
// cases_active, the settled ones through cases_span, each case's state then
// through history_as_of, and on SQLite the moves through their own indexes —
// never a scan of the cases or of the history. PostgreSQL chooses by
// statistics, so it is given a province's worth: 60,000 copies of a case over
// ten years, nine in ten settled, each with the original's history, 2,000 of
// them moved by a merger.
func TestBacklogAsOfADayReadsItsIndexes(t *testing.T) {
	w := mustWorld(t)
	c := w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	scope := w.viewer("supervisor").Scope
	if storetest.Postgres() {
		seedProvince(t, w, c.ID, scope)
	}
	for _, moved := range []bool{false, true} {
		plan, err := w.s.BacklogPlan(w.ctx, scope, workflow.MustDate("2025-10-01"), moved)
		if err != nil {
			t.Fatal(err)
		}
		var bad []string
		for _, table := range [][]string{{"cases"}, {"history", "h"}} { // SQLite names the query's alias
			if plan.Scans(table...) {
				bad = append(bad, "a scan of "+table[0])
			}
		}
		want := []string{"cases_active", "cases_span", "history_as_of"}
		if moved && !storetest.Postgres() { // PostgreSQL may hash the few thousand moves once an arm: as good
			want = append(want, "case_unit_moves_case", "case_unit_moves_day")
		}
		for _, index := range want {
			if !plan.Reads(index) {
				bad = append(bad, "no "+index)
			}
		}
		if len(bad) > 0 {
			t.Errorf("moved %v: %s; plan:\n%s", moved, strings.Join(bad, "; "), plan)
		}
	}
}

// seedProvince copies the case 60,000 times over the units and ten years,
// nine in ten settled, each copy with the original's records, moves one in
// thirty, and gathers fresh statistics.
func seedProvince(t *testing.T, w *world, caseID int64, units []int64) {
	t.Helper()
	db := storetest.Raw(t, w.dsn)
	columns := func(table string, except ...string) string {
		var cols []string
		if err := db.Select(&cols, `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()
			AND table_name = $1 AND column_name <> ALL($2) ORDER BY ordinal_position`, table, except); err != nil {
			t.Fatal(err)
		}
		return strings.Join(cols, ", ")
	}
	var ids []string
	for _, id := range units {
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	same := columns("cases", "id", "tracking_code", "unit_id", "state", "received_on", "last_event_on", "settled_on", "span_class")
	mustExec(t, db, `INSERT INTO cases (`+same+`, tracking_code, unit_id, state, received_on, last_event_on, settled_on, span_class)
		SELECT `+same+`, 'KN26-' || lpad(CAST(g AS text), 12, '0'), (ARRAY[`+strings.Join(ids, ",")+`])[1 + g % `+
		strconv.Itoa(len(ids))+`], CASE WHEN g % 10 = 0 THEN 'received' ELSE 'closed' END,
		to_char(DATE '2016-12-01' + g % 3650, 'YYYY-MM-DD'), to_char(DATE '2016-12-01' + g % 3650 + 30, 'YYYY-MM-DD'),
		CASE WHEN g % 10 = 0 THEN NULL ELSE to_char(DATE '2016-12-01' + g % 3650 + 30, 'YYYY-MM-DD') END,
		CASE WHEN g % 10 = 0 THEN NULL ELSE 5 END
		FROM cases, generate_series(1, 60000) g WHERE id = ?`, caseID)
	records := columns("history", "id", "case_id")
	mustExec(t, db, `INSERT INTO history (`+records+`, case_id) SELECT h.`+strings.ReplaceAll(records, ", ", ", h.")+`, c.id
		FROM history h, cases c WHERE h.case_id = ? AND c.id <> h.case_id`, caseID)
	mustExec(t, db, `INSERT INTO case_unit_moves (case_id, from_unit_id, to_unit_id, effective_on)
		SELECT id, unit_id, unit_id, '2026-07-01' FROM cases WHERE id % 30 = 0`)
	mustExec(t, db, `ANALYZE`)
}
