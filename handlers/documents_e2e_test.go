package handlers_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

type documentJSON struct {
	ID         int64    `json:"id"`
	Template   string   `json:"template"`
	State      string   `json:"state"`
	Number     string   `json:"number"`
	Hidden     bool     `json:"hidden"`
	Body       []string `json:"body"`
	Blanks     []string `json:"blanks"`
	Recipients []struct {
		Role   string `json:"role"`
		Name   string `json:"name"`
		SentOn string `json:"sent_on"`
	} `json:"recipients"`
}

// papers reads a case's papers through the API, by template.
func (a *App) papers(tb testing.TB, login string, caseID int64) map[string]documentJSON {
	tb.Helper()
	status, body := a.Do(tb, login, http.MethodGet, fmt.Sprintf("/api/v1/cases/%d/documents", caseID), nil)
	var out struct{ Items []documentJSON }
	if status != http.StatusOK || json.Unmarshal(body, &out) != nil {
		tb.Fatalf("documents of case %d: %d %s", caseID, status, body)
	}
	m := map[string]documentJSON{}
	for _, d := range out.Items {
		m[d.Template] = d
	}
	return m
}

// Issue 18 through the API: a complaint's acceptance drafts its notice; the
// unit's own symbol numbers it; bad input is a clear 4xx and changes nothing.
func TestPapersThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-11-25")
	if status, body := app.Do(t, "admin", http.MethodPut, "/api/v1/settings/KH-UBND",
		map[string]any{"petition_days": 30, "doc_symbol": "VP UBND"}); status != http.StatusBadRequest && status != http.StatusUnprocessableEntity {
		t.Errorf("a symbol with a space: %d %s", status, body)
	}
	if status, body := app.Do(t, "admin", http.MethodPut, "/api/v1/settings/KH-UBND",
		map[string]any{"petition_days": 30, "doc_symbol": "UBND-KH"}); status != http.StatusOK {
		t.Fatalf("set the symbol: %d %s", status, body)
	}
	c := app.register(t, "reception", letterBody("complaint", "2026-11-20", "Khiếu nại quyết định thu hồi đất"))
	c = app.fire(t, "head", c, ev("assign", "2026-11-20", "assignee", "handler"))
	c = app.fire(t, "head", c, ev("accept", "2026-11-21"))
	notice := app.papers(t, "head", c.ID)["KN-03"]
	if notice.State != "draft" || len(notice.Blanks) != 0 || len(notice.Body) == 0 {
		t.Fatalf("the drafted notice: %+v", notice)
	}
	path := fmt.Sprintf("/api/v1/documents/%d", notice.ID)
	refuse := func(what, login, method, p string, body any, status int, code, field string) {
		t.Helper()
		got, raw := app.Do(t, login, method, p, body)
		var e struct{ Error struct{ Code, Field string } }
		_ = json.Unmarshal(raw, &e)
		if got != status || e.Error.Code != code || e.Error.Field != field {
			t.Errorf("%s: %d %s, want %d %s (field %q)", what, got, raw, status, code, field)
		}
	}
	refuse("an empty body", "head", http.MethodPut, path, map[string]any{"body": []string{" "}}, http.StatusBadRequest, "invalid", "body")
	refuse("too few names", "head", http.MethodPut, path, map[string]any{"body": notice.Body, "to": []string{"A"}}, http.StatusBadRequest, "invalid", "to")
	refuse("a control character", "head", http.MethodPut, path, map[string]any{"body": []string{"A\u0007"}}, http.StatusBadRequest, "invalid", "body")
	refuse("issued by the handler", "handler", http.MethodPost, path+"/issue", nil, http.StatusForbidden, "forbidden", "")
	refuse("sent before issue", "head", http.MethodPost, path+"/sent", map[string]any{"recipient": 0}, http.StatusConflict, "conflict", "")
	refuse("no such paper", "head", http.MethodGet, "/api/v1/documents/999999", nil, http.StatusNotFound, "not_found", "")
	refuse("a bad year", "head", http.MethodGet, "/api/v1/units/KH-UBND/documents?year=20x6", nil, http.StatusBadRequest, "invalid", "year")

	status, body := app.Do(t, "head", http.MethodPost, path+"/issue", nil)
	var issued documentJSON
	if status != http.StatusOK || json.Unmarshal(body, &issued) != nil || issued.Number != "1/TB-UBND-KH" || issued.State != "issued" {
		t.Fatalf("issue: %d %s", status, body)
	}
	refuse("issued twice", "head", http.MethodPost, path+"/issue", nil, http.StatusConflict, "conflict", "")
	refuse("edited once issued", "head", http.MethodPut, path, map[string]any{"body": []string{"Sửa"}}, http.StatusConflict, "conflict", "")
	refuse("no recipient", "reception", http.MethodPost, path+"/sent", map[string]any{}, http.StatusBadRequest, "invalid", "recipient")
	refuse("sent before issue day", "reception", http.MethodPost, path+"/sent", map[string]any{"recipient": 0, "on": "2026-11-01"}, http.StatusBadRequest, "invalid", "on")
	if status, body := app.Do(t, "reception", http.MethodPost, path+"/sent", map[string]any{"recipient": 0}); status != http.StatusOK ||
		!strings.Contains(string(body), `"sent_on":"2026-11-25"`) {
		t.Errorf("sent: %d %s", status, body)
	}
	status, body = app.Do(t, "supervisor", http.MethodGet, "/api/v1/units/KH-UBND/documents?year=2026", nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"number":"1/TB-UBND-KH"`) || strings.Contains(string(body), "Nguyễn Văn An") {
		t.Errorf("the register: %d %s", status, body)
	}
	status, body = app.Do(t, "handler", http.MethodGet, path+".pdf", nil)
	if status != http.StatusOK || !strings.HasPrefix(string(body), "%PDF-") {
		t.Errorf("the PDF: %d %.40s", status, body)
	}
}
