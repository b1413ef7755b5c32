package store_test

import (
	"strings"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// TestQueuesAndSearchesReadTheQueueIndex pins down the plans docs/PERFORMANCE.md
// rests on: a queue over several units, filtered or searched, is read in
// queue order from cases_queue (which carries the searched text) and never
// sorted, so its first page stops after its rows.
func TestQueuesAndSearchesReadTheQueueIndex(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("SQLite's plans; PostgreSQL searches through its trigram indexes")
	}
	w := mustWorld(t)
	w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	head := w.viewer("head")
	if len(head.Scope) < 2 {
		t.Fatalf("the agency's head should read several units, has %v", head.Scope)
	}
	cols, err := w.s.IndexColumns(w.ctx, "cases_queue")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(cols, ","); got != "id,unit_id,tracking_code,search_fold" {
		t.Errorf("cases_queue should carry what a search reads after its due-date expression, has %s", got)
	}
	store.SetRareWord(t, 0) // every word common: the queue walk
	for name, f := range map[string]store.CaseFilter{
		"queue":         {},
		"overdue queue": {Status: workflow.Overdue},
		"search":        {Query: "đất bồi"},
		"later page":    {Query: "đất", Cursor: "MjAyNi0xMS0yNXwx"}, // 2026-11-25|1
		"one unit":      {Query: "đất", Units: head.Scope[:1]},      // the unit's queue would fetch each row's text
	} {
		plan, err := w.s.ListPlan(w.ctx, head, f)
		if err != nil {
			t.Fatal(err)
		}
		if !plan.Reads("cases_queue") || plan.Sorts() {
			t.Errorf("%s: want cases_queue in queue order, got plan:\n%s", name, plan)
		}
	}
}

// TestRareWordsReadCasesByID: a search whose rarest word is in few cases
// reads those cases by id (store/search_words.go), never the queue, and a
// word in no letter reads no case at all.
func TestRareWordsReadCasesByID(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("SQLite's word index; PostgreSQL searches through its trigram indexes")
	}
	w := mustWorld(t)
	w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	head := w.viewer("head")
	for name, f := range map[string]store.CaseFilter{
		"search":     {Query: "đất bồi"},
		"later page": {Query: "đất", Cursor: "MjAyNi0xMS0yNXwx"},
		"by unit":    {Query: "thu hồi", Sort: store.SortUnit},
	} {
		plan, err := w.s.ListPlan(w.ctx, head, f)
		if err != nil {
			t.Fatal(err)
		}
		if !plan.Reads("INTEGER PRIMARY KEY") || plan.Reads("cases_queue") {
			t.Errorf("%s: want the cases read by id, got plan:\n%s", name, plan)
		}
	}
	if plan, err := w.s.ListPlan(w.ctx, head, store.CaseFilter{Query: "không có trong đơn nào"}); err != nil || len(plan) > 0 {
		t.Errorf("a word in no letter: want no query at all, got %v, plan:\n%s", err, plan)
	}
}
