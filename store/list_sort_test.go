package store_test

import (
	"slices"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// TestUnitSortReadsTheUnitQueueIndex: sorting by unit reads cases_unit_queue
// unit by unit, in order, without sorting, like the due-date queue.
func TestUnitSortReadsTheUnitQueueIndex(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("SQLite's plans")
	}
	w := mustWorld(t)
	w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	for _, f := range []store.CaseFilter{{Sort: store.SortUnit}, {Sort: store.SortUnit, Cursor: "dXwxfDIwMjYtMTEtMjV8MQ"}} { // u|1|2026-11-25|1
		plan, err := w.s.ListPlan(w.ctx, w.viewer("head"), f)
		if err != nil {
			t.Fatal(err)
		}
		if !plan.Reads("cases_unit_queue") || plan.Sorts() {
			t.Errorf("%+v: want cases_unit_queue in order, got plan:\n%s", f, plan)
		}
	}
}

func TestListCasesSorts(t *testing.T) {
	w := mustListWorld(t)
	byUnit := []string{"D", "C", "F", "B", "A1", "A2", "E", "G"} // KH-UBND's, then the commune's
	if w.unitID("KH-NT") < w.unitID("KH-UBND") {
		byUnit = []string{"G", "D", "C", "F", "B", "A1", "A2", "E"}
	}
	for _, tc := range []struct {
		sort store.CaseSort
		want []string
	}{
		{"", []string{"D", "C", "F", "B", "A1", "A2", "G", "E"}},
		{store.SortDue, []string{"D", "C", "F", "B", "A1", "A2", "G", "E"}},
		{store.SortReceived, []string{"D", "C", "F", "B", "G", "A1", "A2", "E"}}, // G came in on 24/11
		{store.SortUnit, byUnit},
	} {
		t.Run("By_"+string(tc.sort), func(t *testing.T) {
			for _, limit := range []int{0, 1, 2, 3, 7} {
				if got := w.list(t, "head", store.CaseFilter{Sort: tc.sort, Limit: limit}); !slices.Equal(got, tc.want) {
					t.Errorf("limit %d: %q, want %q", limit, got, tc.want)
				}
			}
		})
	}
	t.Run("RefusesAnotherSortsCursorAndAnUnknownSort", func(t *testing.T) {
		head := w.viewer("head")
		_, due, err := w.s.ListCases(w.ctx, head, store.CaseFilter{Limit: 1})
		if err != nil || due == "" {
			t.Fatalf("first page: %v", err)
		}
		_, recv, err := w.s.ListCases(w.ctx, head, store.CaseFilter{Sort: store.SortReceived, Limit: 1})
		if err != nil || recv == "" {
			t.Fatalf("first page by received: %v", err)
		}
		for _, f := range []store.CaseFilter{{Sort: store.SortReceived, Cursor: due}, {Sort: store.SortUnit, Cursor: recv},
			{Cursor: recv}, {Sort: "subject"}} {
			_, _, err := w.s.ListCases(w.ctx, head, f)
			wantCode(t, err, workflow.CodeInvalid)
		}
	})
}

func TestCountCases(t *testing.T) {
	w := mustListWorld(t)
	for _, tc := range []struct {
		login string
		f     store.CaseFilter
		want  int
	}{
		{"head", store.CaseFilter{}, 8},
		{"head", store.CaseFilter{Limit: 2, Cursor: "not a cursor", Sort: store.SortUnit}, 8}, // paging is ignored
		{"head", store.CaseFilter{Kind: workflow.Complaint}, 5},
		{"head", store.CaseFilter{Status: workflow.Overdue}, 3},
		{"head", store.CaseFilter{Units: []int64{w.unitID("KH-NT")}}, 1},
		{"head", store.CaseFilter{Units: []int64{w.unitID("KH-UBND")}}, 7},
		{"head", store.CaseFilter{Query: "no such words anywhere"}, 0},
		{"reception", store.CaseFilter{}, 7},
		{"handler", store.CaseFilter{}, 1},
		{"handler.nt", store.CaseFilter{}, 0},
		{"supervisor", store.CaseFilter{State: workflow.Assigned}, 2},
	} {
		n, more, err := w.s.CountCases(w.ctx, w.viewer(tc.login), tc.f)
		if err != nil || more {
			t.Fatalf("%s %+v: %v, more than %d: %v", tc.login, tc.f, err, n, more)
		}
		if n != tc.want {
			t.Errorf("%s %+v: counted %d, want %d", tc.login, tc.f, n, tc.want)
		}
		if tc.f.Cursor != "" {
			continue
		}
		if listed := len(w.list(t, tc.login, tc.f)); listed != n {
			t.Errorf("%s %+v: counted %d, listed %d", tc.login, tc.f, n, listed)
		}
	}
}

// TestCountStopsAtItsCap: a search by common words is counted up to 200
// cases and a list up to 1000, then "more" (the queue page says "more than"),
// so that a page never reads a province's queue to count it.
func TestCountStopsAtItsCap(t *testing.T) {
	w := mustWorld(t)
	for range 205 {
		w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	}
	store.SetRareWord(t, 0) // "boi" is common: the queue walk
	v := w.viewer("reception")
	for _, tc := range []struct {
		f    store.CaseFilter
		n    int
		more bool
	}{{store.CaseFilter{Query: "boi"}, 200, true}, {store.CaseFilter{}, 205, false}} {
		n, more, err := w.s.CountCases(w.ctx, v, tc.f)
		if err != nil || n != tc.n || more != tc.more {
			t.Errorf("%+v: counted %d, more %v, %v; want %d, %v", tc.f, n, more, err, tc.n, tc.more)
		}
	}
}
