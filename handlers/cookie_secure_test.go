package handlers

import (
	"context"
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

// TestCookiesAreSecureBehindAnHTTPSPublicURL: behind a proxy that ends TLS,
// the server sees plain HTTP; the public URL tells it the browser does not.
func TestCookiesAreSecureBehindAnHTTPSPublicURL(t *testing.T) {
	s := storetest.Open(t, store.WithPasswordCost(bcrypt.MinCost))
	ctx := context.Background()
	if _, err := s.CreateUnit(ctx, "KH", "Tỉnh Khánh Hòa", "province", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(ctx, "head", "Nguyễn Văn Trưởng", workflow.RoleHead, "KH", "demo"); err != nil {
		t.Fatal(err)
	}
	cookies := func(h http.Handler) []*http.Cookie {
		form := url.Values{"login": {"head"}, "password": {"demo"}}
		req := httptest.NewRequest(http.MethodPost, "/dang-nhap", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		lang := httptest.NewRecorder()
		h.ServeHTTP(lang, httptest.NewRequest(http.MethodGet, "/ngon-ngu?lang=en&next=/", nil))
		return append(rec.Result().Cookies(), lang.Result().Cookies()...)
	}
	h, err := New(s, WithPublicURL("https://khieunai.khanhhoa.gov.vn"))
	if err != nil {
		t.Fatal(err)
	}
	got := cookies(h)
	if len(got) < 2 {
		t.Fatalf("got cookies %v, want the session and the language", got)
	}
	for _, c := range got {
		if !c.Secure {
			t.Errorf("behind https: cookie %s is not Secure", c.Name)
		}
	}
	h, err = New(s, WithPublicURL("http://127.0.0.1:8080"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cookies(h) {
		if c.Secure {
			t.Errorf("on plain http: cookie %s is Secure, which the browser would drop", c.Name)
		}
	}
	for _, bad := range []string{"khieunai.example", "ftp://x.example", "https://", "https://x.example/?a=1"} {
		if _, err := New(s, WithPublicURL(bad)); err == nil {
			t.Errorf("public URL %q accepted", bad)
		}
	}
}
