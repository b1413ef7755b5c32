package handlers_test

import (
	"net/http"
	"testing"
)

// Issue 15: the results of a resolution (Biểu 01/KQGQ, 03/KQGQ) through the
// API: kept in the record as numbers, refused out of bounds or beyond their
// totals, naming the field.
func TestResolutionResultsThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-10-05")
	c := app.register(t, "reception", letterBody("complaint", "2026-10-05", "Khiếu nại quyết định bồi thường"))
	c = app.fire(t, "head", c, ev("assign", "2026-10-05", "assignee", "handler"))
	c = app.fire(t, "head", c, ev("accept", "2026-10-05"))
	resolve := func(kv ...any) map[string]any {
		return ev("resolve", "2026-10-05", append([]any{"outcome", "partly_correct", "summary", "Giải quyết đúng một phần"}, kv...)...)
	}
	for _, tc := range []struct {
		body  map[string]any
		field string
	}{
		{resolve("recover_money", -1), "recover_money"},
		{resolve("restored_persons", 100001), "restored_persons"},
		{resolve("referred_persons", 2, "referred_officials", 3, "referred_cases", 1), "referred_officials"},
	} {
		if e := app.refuse(t, "head", c, tc.body, http.StatusBadRequest, "invalid"); e.Field != tc.field {
			t.Errorf("%v: field %q, want %q", tc.body, e.Field, tc.field)
		}
	}
	app.refuse(t, "head", c, resolve("restored_orgs", 1.5), http.StatusBadRequest, "invalid")
	c = app.fire(t, "head", c, resolve("return_person_money", 42.75, "restored_persons", 4))
	_, p, _ := app.lastRecord(t, "head", c.ID)
	if p["return_person_money"] != 42.75 || p["restored_persons"] != 4.0 || p["recover_land"] != nil {
		t.Errorf("payload %v", p)
	}
}
