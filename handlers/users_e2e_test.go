package handlers_test

import (
	"net/http"
	"strings"
	"testing"
)

// Issue 19 through the API: an administrator adds an official, who may not
// open the API with the password given until they choose their own; a head
// lists their unit's users and changes none; a reset answers its password once.
func TestUsersThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	status, body := app.Do(t, "admin", http.MethodPost, "/api/v1/users",
		map[string]any{"login": "cb.moi", "name": "Cán Bộ Mới", "role": "reception", "unit": "KH-NT", "password": "tamthoi2026"})
	if status != http.StatusCreated || !strings.Contains(string(body), `"must_change_password":true`) {
		t.Fatalf("add: %d %s", status, body)
	}
	status, body = app.Do(t, "", http.MethodPost, "/api/v1/session", map[string]any{"login": "cb.moi", "password": "tamthoi2026"})
	if status != http.StatusForbidden || !strings.Contains(string(body), `"code":"password_change_required"`) {
		t.Errorf("a token with the password given: %d %s", status, body)
	}
	if status, body := app.Do(t, "head", http.MethodGet, "/api/v1/users?unit=KH-UBND", nil); status != http.StatusOK || !strings.Contains(string(body), `"login":"head"`) {
		t.Errorf("the head's own unit: %d %s", status, body)
	}
	if status, body := app.Do(t, "head", http.MethodPatch, "/api/v1/users/cb.moi", map[string]any{"disabled": true}); status != http.StatusForbidden {
		t.Errorf("a head locked a user: %d %s", status, body)
	}
	status, body = app.Do(t, "admin", http.MethodPatch, "/api/v1/users/cb.moi", map[string]any{"password_reset": true})
	if status != http.StatusOK || !strings.Contains(string(body), `"temporary_password":"`) {
		t.Errorf("reset: %d %s", status, body)
	}
	if status, body := app.Do(t, "admin", http.MethodPatch, "/api/v1/users/admin", map[string]any{"role": "handler"}); status != http.StatusUnprocessableEntity ||
		!strings.Contains(string(body), `"code":"last_admin"`) {
		t.Errorf("the last admin demoted: %d %s", status, body)
	}
}
