package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestSignInIsRateLimited(t *testing.T) {
	app := mustServeWeb(t)
	anon := app.newBrowser(t, "")
	for i := 0; i < maxPairFailures; i++ {
		if res, _ := anon.post("/dang-nhap", url.Values{"login": {"head"}, "password": {"sai"}}); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: status %d", i+1, res.StatusCode)
		}
	}
	// Even the right password is refused from this address until the window passes.
	res, body := anon.post("/dang-nhap", url.Values{"login": {"head"}, "password": {"demo"}})
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "quá nhiều lần") {
		t.Fatalf("after %d failures: status %d", maxPairFailures, res.StatusCode)
	}
	api, err := http.Post(app.URL+"/api/v1/session", "application/json", strings.NewReader(`{"login":"head","password":"demo"}`))
	if err != nil {
		t.Fatal(err)
	}
	api.Body.Close()
	if api.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("API sign-in after the page's failures: status %d, want 429", api.StatusCode)
	}
	// Another login from the same address is not locked out by them.
	if res, _ := anon.post("/dang-nhap", url.Values{"login": {"supervisor"}, "password": {"demo"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("another login: status %d", res.StatusCode)
	}
}

func TestSecurityHeadersAndCookieFlags(t *testing.T) {
	app := mustServeWeb(t)
	anon := app.newBrowser(t, "")
	res, _ := anon.post("/dang-nhap", url.Values{"login": {"head"}, "password": {"demo"}})
	var session *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == sessionCookie {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Path != "/" {
		t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Lax, Path=/", session)
	}
	for _, path := range []string{"/tra-cuu", "/api/v1/public/disclosures", "/dang-nhap"} {
		res, _ := anon.get(path)
		for header, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
			"Referrer-Policy": "same-origin", "Content-Security-Policy": "default-src 'self'"} {
			if got := res.Header.Get(header); !strings.Contains(got, want) {
				t.Errorf("%s: %s = %q, want %q", path, header, got, want)
			}
		}
	}
}
