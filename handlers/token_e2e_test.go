package handlers_test

// API tokens end (issue 14): a token stops working when its lifetime is over,
// when its owner signs out with DELETE /api/v1/session, and when its owner is
// disabled or their password changes.

import (
	"context"
	"net/http"
	"testing"
)

// withToken sends a request with the given bearer token and returns the status.
func (a *App) withToken(tb testing.TB, method, path, token string) int {
	tb.Helper()
	req, err := http.NewRequest(method, a.URL+path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := a.client.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestAPITokensEnd(t *testing.T) {
	t.Run("AfterThirtyDays", func(t *testing.T) {
		app := MustServe(t)
		tok := app.Token(t, "reception")
		if got := app.withToken(t, http.MethodGet, "/api/v1/cases", tok); got != http.StatusOK {
			t.Fatalf("fresh token: %d", got)
		}
		app.SetToday(t, "2026-12-24") // 29 days later
		if got := app.withToken(t, http.MethodGet, "/api/v1/cases", tok); got != http.StatusOK {
			t.Fatalf("29 days later: %d", got)
		}
		app.SetToday(t, "2026-12-26")
		if got := app.withToken(t, http.MethodGet, "/api/v1/cases", tok); got != http.StatusUnauthorized {
			t.Fatalf("31 days later: %d, want 401", got)
		}
	})
	t.Run("WhenTheOwnerSignsOut", func(t *testing.T) {
		app := MustServe(t)
		tok := app.Token(t, "reception")
		if got := app.withToken(t, http.MethodDelete, "/api/v1/session", tok); got != http.StatusNoContent {
			t.Fatalf("DELETE /api/v1/session: %d, want 204", got)
		}
		if got := app.withToken(t, http.MethodGet, "/api/v1/cases", tok); got != http.StatusUnauthorized {
			t.Fatalf("after signing out: %d, want 401", got)
		}
		if got := app.withToken(t, http.MethodDelete, "/api/v1/session", tok); got != http.StatusUnauthorized {
			t.Fatalf("signing out twice: %d, want 401", got)
		}
		if got := app.withToken(t, http.MethodDelete, "/api/v1/session", ""); got != http.StatusUnauthorized {
			t.Fatalf("signing out without a token: %d, want 401", got)
		}
	})
	t.Run("WhenTheOwnerIsDisabledOrTheirPasswordChanges", func(t *testing.T) {
		app := MustServe(t)
		rec, head := app.Token(t, "reception"), app.Token(t, "head")
		ctx := context.Background()
		if err := app.Store.SetUserDisabled(ctx, "reception", true); err != nil {
			t.Fatal(err)
		}
		if got := app.withToken(t, http.MethodGet, "/api/v1/cases", rec); got != http.StatusUnauthorized {
			t.Fatalf("disabled user: %d, want 401", got)
		}
		if err := app.Store.SetPassword(ctx, "head", "mật khẩu mới"); err != nil {
			t.Fatal(err)
		}
		if got := app.withToken(t, http.MethodGet, "/api/v1/cases", head); got != http.StatusUnauthorized {
			t.Fatalf("after a password change: %d, want 401", got)
		}
	})
}
