package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Issue 19 through the API: a commune merged with another into a new one
// from 01/11/2026. The dry run tells and changes nothing; the act moves the
// active case, which names its move in its history; the supervisor's
// backlog as of 20/10/2026 reads as it did, today's counts the new commune;
// a second merger of the ended commune is 422 unit_closed, and a head may
// not reorganise.
func TestReorganisationThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-11-25")
	c := app.register(t, "reception.nt", letterBody("petition", "2026-10-12", "Kiến nghị sửa đường liên thôn"))
	if status, body := app.Do(t, "admin", http.MethodPost, "/api/v1/units",
		map[string]any{"code": "KH-VH", "name": "UBND xã Vĩnh Hiệp", "level": "commune", "parent": "KH-UBND"}); status != http.StatusCreated {
		t.Fatalf("add KH-VH: %d %s", status, body)
	}
	backlog := func(unit, day string) string {
		t.Helper()
		status, body := app.Do(t, "supervisor", http.MethodGet, "/api/v1/backlog?unit="+unit+"&as_of="+day, nil)
		if status != http.StatusOK {
			t.Fatalf("backlog of %s on %s: %d %s", unit, day, status, body)
		}
		return string(body)
	}
	before := backlog("KH-NT", "2026-10-20")
	if !strings.Contains(before, `"open":1`) {
		t.Fatalf("KH-NT's backlog on 20/10/2026: %s", before)
	}
	merger := map[string]any{"effective_on": "2026-11-01", "from": []string{"KH-NT", "KH-VH"},
		"into": []map[string]string{{"code": "KH-HN", "name": "UBND phường Hòa Nha"}}, "users": "move"}
	merger["dry_run"] = true
	status, body := app.Do(t, "admin", http.MethodPost, "/api/v1/units/reorganise", merger)
	if status != http.StatusOK || !strings.Contains(string(body), `"cases_moved":1`) || !strings.Contains(string(body), `"created":["KH-HN"]`) {
		t.Fatalf("dry run: %d %s", status, body)
	}
	if _, body := app.Do(t, "admin", http.MethodGet, "/api/v1/units", nil); strings.Contains(string(body), `"KH-HN"`) || strings.Contains(string(body), `"successor"`) {
		t.Errorf("the dry run changed the units: %s", body)
	}
	if status, body := app.Do(t, "head", http.MethodPost, "/api/v1/units/reorganise", merger); status != http.StatusForbidden {
		t.Errorf("a head reorganised: %d %s", status, body)
	}
	delete(merger, "dry_run")
	status, body = app.Do(t, "admin", http.MethodPost, "/api/v1/units/reorganise", merger)
	if status != http.StatusOK || !strings.Contains(string(body), `"cases_moved":1`) || !strings.Contains(string(body), `"ended":["KH-NT","KH-VH"]`) {
		t.Fatalf("merge: %d %s", status, body)
	}
	if _, body := app.Do(t, "supervisor", http.MethodGet, fmt.Sprintf("/api/v1/cases/%d", c.ID), nil); !strings.Contains(string(body), `"code":"KH-HN"`) {
		t.Errorf("the case after the merger: %s", body)
	}
	if _, body := app.Do(t, "supervisor", http.MethodGet, fmt.Sprintf("/api/v1/cases/%d/history", c.ID), nil); !strings.Contains(string(body), `"event":"reorganise"`) ||
		!strings.Contains(string(body), `"from_unit":"KH-NT"`) || !strings.Contains(string(body), `"effective_on":"2026-11-01"`) {
		t.Errorf("the case's history: %s", body)
	}
	if after := backlog("KH-NT", "2026-10-20"); after != before {
		t.Errorf("KH-NT's backlog on 20/10/2026 changed with the merger:\nwas %s\nnow %s", before, after)
	}
	if now := backlog("KH-HN", "2026-11-25"); !strings.Contains(now, `"open":1`) {
		t.Errorf("KH-HN's backlog today: %s", now)
	}
	again := map[string]any{"effective_on": "2026-11-20", "from": []string{"KH-NT"}, "into": []map[string]string{{"code": "KH-HN"}}}
	if status, body := app.Do(t, "admin", http.MethodPost, "/api/v1/units/reorganise", again); status != http.StatusUnprocessableEntity ||
		!strings.Contains(string(body), `"code":"unit_closed"`) {
		t.Errorf("the ended commune merged again: %d %s", status, body)
	}
}
