package handlers

// Sign-in against guessing (issue 14 §6): unknown logins cost as much as
// known ones, a lockout binds the guessing source and not the official, and
// the limiter's memory is the database's, so a restart does not reset it.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// mustSignInStore opens a store at dsn with one unit and the user "head"
// (password "demo"), hashing at the given bcrypt cost.
func mustSignInStore(tb testing.TB, dsn string, cost int, seed bool) *store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), dsn, store.WithPasswordCost(cost))
	if err != nil {
		tb.Fatal(err)
	}
	if seed {
		ctx := context.Background()
		if _, err := s.CreateUnit(ctx, "KH", "Tỉnh Khánh Hòa", "province", ""); err != nil {
			tb.Fatal(err)
		}
		if _, err := s.CreateUser(ctx, "head", "Nguyễn Văn Trưởng", workflow.RoleHead, "KH", "demo"); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// signInFrom signs in from the client address addr, through the API or the
// sign-in page, and returns the status.
func signInFrom(tb testing.TB, h http.Handler, page bool, addr, login, password string) int {
	tb.Helper()
	var req *http.Request
	if page {
		form := url.Values{"login": {login}, "password": {password}}
		req = httptest.NewRequest(http.MethodPost, "/dang-nhap", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	} else {
		req = httptest.NewRequest(http.MethodPost, "/api/v1/session", strings.NewReader(fmt.Sprintf(`{"login":%q,"password":%q}`, login, password)))
		req.Header.Set("Content-Type", "application/json")
	}
	req.RemoteAddr = addr + ":40000"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code
}

func mustHandler(tb testing.TB, s *store.Store) http.Handler {
	tb.Helper()
	h, err := New(s)
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

func TestSignInLockoutSparesTheRightPasswordFromElsewhere(t *testing.T) {
	for _, page := range []bool{false, true} {
		t.Run(map[bool]string{false: "API", true: "Page"}[page], func(t *testing.T) {
			ok := map[bool]int{false: http.StatusOK, true: http.StatusSeeOther}[page]
			s := storetest.Open(t, store.WithPasswordCost(bcrypt.MinCost))
			ctx := context.Background()
			if _, err := s.CreateUnit(ctx, "KH", "Tỉnh Khánh Hòa", "province", ""); err != nil {
				t.Fatal(err)
			}
			if _, err := s.CreateUser(ctx, "head", "Nguyễn Văn Trưởng", workflow.RoleHead, "KH", "demo"); err != nil {
				t.Fatal(err)
			}
			h := mustHandler(t, s)
			const attacker, office = "203.0.113.9", "198.51.100.7"
			for i := 0; i < maxPairFailures; i++ {
				if got := signInFrom(t, h, page, attacker, "head", fmt.Sprintf("doan-%d", i)); got != http.StatusUnauthorized {
					t.Fatalf("guess %d: status %d, want 401", i+1, got)
				}
			}
			if got := signInFrom(t, h, page, attacker, "head", "demo"); got != http.StatusTooManyRequests {
				t.Fatalf("the attacker's address, right password, after %d guesses: status %d, want 429", maxPairFailures, got)
			}
			// The official, from the office, is not locked out by the attacker.
			if got := signInFrom(t, h, page, office, "head", "demo"); got != ok {
				t.Fatalf("the right password from another address: status %d, want %d", got, ok)
			}
			// Nor after a slip of their own.
			if got := signInFrom(t, h, page, office, "head", "sai"); got != http.StatusUnauthorized {
				t.Fatalf("a typo from the office: status %d, want 401", got)
			}
			if got := signInFrom(t, h, page, office, "head", "demo"); got != ok {
				t.Fatalf("the right password after a typo: status %d, want %d", got, ok)
			}
			// The attacker's address is slowed whatever login it tries.
			refused := false
			for i := 0; i < maxAddressFailures+1 && !refused; i++ {
				refused = signInFrom(t, h, page, attacker, fmt.Sprintf("nguoi-la-%d", i), "sai") == http.StatusTooManyRequests
			}
			if !refused {
				t.Fatalf("%d guesses at other logins from one address were all answered", maxAddressFailures+1)
			}
		})
	}
}

func TestSignInLockoutSurvivesRestart(t *testing.T) {
	dsn := storetest.DSN(t)
	s := mustSignInStore(t, dsn, bcrypt.MinCost, true)
	h := mustHandler(t, s)
	const attacker = "203.0.113.9"
	for i := 0; i < maxPairFailures; i++ {
		signInFrom(t, h, false, attacker, "head", fmt.Sprintf("doan-%d", i))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustSignInStore(t, dsn, bcrypt.MinCost, false)
	defer s.Close()
	h = mustHandler(t, s)
	if got := signInFrom(t, h, false, attacker, "head", "demo"); got != http.StatusTooManyRequests {
		t.Fatalf("after a restart the attacker's address got status %d, want 429 still", got)
	}
	if got := signInFrom(t, h, true, attacker, "head", "demo"); got != http.StatusTooManyRequests {
		t.Fatalf("after a restart the page answered the attacker's address with %d, want 429 still", got)
	}
	if got := signInFrom(t, h, false, "198.51.100.7", "head", "demo"); got != http.StatusOK {
		t.Fatalf("after a restart the right password from another address: status %d, want 200", got)
	}
}
