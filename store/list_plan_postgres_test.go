package store_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"petitions/demo"
	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// TestPostgresQueuesWalkTheQueueIndex pins down PostgreSQL's plans for the
// lists (issue 15 §3). Its planner chooses by statistics, so the test gives it
// a province's worth of them: 60,000 copies of a case over the head's units
// and a year of due dates. A queue over several units must walk cases_queue
// in order and stop after a page, never read and sort every case; a search
// for a rare word must ask the trigram index, and one for a word in no
// letter read no list at all.
func TestPostgresQueuesWalkTheQueueIndex(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL's plans; SQLite's are pinned in list_plan_test.go")
	}
	w := mustWorld(t)
	c := w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	head := w.viewer("head")
	if len(head.Scope) < 2 {
		t.Fatalf("the agency's head should read several units, has %v", head.Scope)
	}
	db := storetest.Raw(t, w.dsn)
	var cols []string
	if err := db.Select(&cols, `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()
		AND table_name = 'cases' AND column_name NOT IN ('id', 'tracking_code', 'unit_id', 'due_on', 'search_fold')`); err != nil {
		t.Fatal(err)
	}
	var units []string
	for _, id := range head.Scope {
		units = append(units, strconv.FormatInt(id, 10))
	}
	same := strings.Join(cols, ", ")
	mustExec(t, db, `INSERT INTO cases (`+same+`, tracking_code, unit_id, due_on, search_fold)
		SELECT `+same+`, 'KN26-' || lpad(CAST(g AS text), 12, '0'), (ARRAY[`+strings.Join(units, ",")+`])[1 + g % `+
		strconv.Itoa(len(units))+`], to_char(DATE '2026-01-01' + g % 365, 'YYYY-MM-DD'), search_fold || ' so' || (g % 5000)
		FROM cases, generate_series(1, 60000) g WHERE id = ?`, c.ID)
	mustExec(t, db, `ANALYZE cases`)
	for name, f := range map[string]store.CaseFilter{
		"queue":         {},
		"overdue queue": {Status: workflow.Overdue},
		"later page":    {Cursor: "MjAyNi0xMS0yNXwx"}, // 2026-11-25|1
		"common word":   {Query: "thu hồi đất"},
	} {
		plan, err := w.s.ListPlan(w.ctx, head, f)
		if err != nil {
			t.Fatal(err)
		}
		if !plan.Reads("cases_queue") || plan.Sorts() {
			t.Errorf("%s: want cases_queue walked in order, got plan:\n%s", name, plan)
		}
	}
	// A rare word (in 12 of the copies): the trigram index, when the bounded
	// walk (list_walk.go) did not fill the page.
	plan, err := w.s.ListPlan(w.ctx, head, store.CaseFilter{Query: "so4321"})
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Reads("cases_search_fold_trgm") {
		t.Errorf("a rare word: want the trigram index, got plan:\n%s", plan)
	}
	// A word in no letter: one probe of the trigram index says so, and no list is read.
	if plan, err := w.s.ListPlan(w.ctx, head, store.CaseFilter{Query: "không có trong đơn nào"}); err != nil || len(plan) > 0 {
		t.Errorf("a word in no letter: want no query at all, got %v, plan:\n%s", err, plan)
	}
}

// TestPostgresQueueOfTenThousandCases: the head's largest page of a demo
// province of 10,000 cases, the scale an outside check measured, walks
// cases_queue in order. The units' join was written "+ 0" for SQLite on
// PostgreSQL too, which hid unit_id's statistics: the planner guessed 351 of
// the 10,000 cases and sorted them all, 25–50 ms a page of 100.
func TestPostgresQueueOfTenThousandCases(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL's plans")
	}
	if testing.Short() {
		t.Skip("generates a province")
	}
	ctx := context.Background()
	s := storetest.Open(t, store.WithPasswordCost(bcrypt.MinCost))
	if _, err := demo.Load(ctx, s, demo.Options{Seed: 3, Cases: 10000, Years: 4, Communes: 8}); err != nil {
		t.Fatal(err)
	}
	head, err := s.UserByLogin(ctx, "head")
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.Viewer(ctx, head)
	if err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{50, 100, store.MaxPageSize} {
		plan, err := s.ListPlan(ctx, v, store.CaseFilter{Limit: limit})
		if err != nil || !plan.Reads("cases_queue") || plan.Sorts() {
			t.Errorf("a page of %d: want cases_queue walked in order, got %v, plan:\n%s", limit, err, plan)
		}
	}
}
