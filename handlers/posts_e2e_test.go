package handlers_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// Issue 19 through the API: a commune's reception officer also receives for
// the agency. The administrator gives the post; a token asked for that unit
// registers the agency's letters, the officer's usual token their commune's;
// a token for a unit without a post is 403, and an administrator's role is
// no post (400).
func TestPostsThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	app.Token(t, "reception.nt") // the officer exists
	if status, body := app.Do(t, "admin", http.MethodPatch, "/api/v1/users/reception.nt",
		map[string]any{"posts": []map[string]string{{"unit": "KH-UBND", "role": "admin"}}}); status != http.StatusBadRequest {
		t.Errorf("an administrator's post: %d %s", status, body)
	}
	status, body := app.Do(t, "admin", http.MethodPatch, "/api/v1/users/reception.nt",
		map[string]any{"posts": []map[string]string{{"unit": "KH-UBND", "role": "reception"}}})
	if status != http.StatusOK || !strings.Contains(string(body), `"posts":[{"unit":"KH-UBND","role":"reception"}]`) {
		t.Fatalf("give the post: %d %s", status, body)
	}
	signIn := func(unit string) (int, string) {
		status, body := app.Do(t, "", http.MethodPost, "/api/v1/session", map[string]string{"login": "reception.nt", "password": password, "unit": unit})
		var out struct {
			Token string `json:"token"`
		}
		_ = json.Unmarshal(body, &out)
		return status, out.Token
	}
	if status, _ := signIn("KH"); status != http.StatusForbidden {
		t.Errorf("a token for a unit without a post: %d", status)
	}
	status, token := signIn("KH-UBND")
	if status != http.StatusOK {
		t.Fatalf("a token for the post: %d", status)
	}
	registered := func(token string) string {
		t.Helper()
		raw, _ := json.Marshal(letterBody("petition", "2026-11-20", "Kiến nghị sửa cầu treo"))
		req, _ := http.NewRequest(http.MethodPost, app.URL+"/api/v1/cases", strings.NewReader(string(raw)))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var c caseJSON
		if err := json.NewDecoder(res.Body).Decode(&c); err != nil || res.StatusCode != http.StatusCreated {
			t.Fatalf("register: %d %v", res.StatusCode, err)
		}
		return c.Unit.Code
	}
	if unit := registered(token); unit != "KH-UBND" {
		t.Errorf("registered with the post's token in %s, want KH-UBND", unit)
	}
	_, own := signIn("")
	if unit := registered(own); unit != "KH-NT" {
		t.Errorf("registered with the usual token in %s, want KH-NT", unit)
	}
}
