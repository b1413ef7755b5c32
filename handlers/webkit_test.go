package handlers

// The web test kit: a real store in a temp dir, the real router on a loopback
// listener, and browsers (cookie jars) signed in as each role.

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// webApp is a running application for page tests.
type webApp struct {
	URL   string
	Store *store.Store
	mu    sync.Mutex
	now   time.Time
}

// SetNow moves the application's clock.
func (a *webApp) SetNow(t time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.now = t
}

var ict = time.FixedZone("ICT", 7*3600)

// mustServeWeb starts the app with the fixture: province KH, agency KH-UBND
// (users reception, handler, handler2, head, supervisor, admin; password "demo")
// and commune KH-NT below it (users reception.nt, handler.nt, head.nt).
// Today is 2026-11-25 unless the test moves it.
func mustServeWeb(tb testing.TB) *webApp {
	tb.Helper()
	ctx := context.Background()
	s := storetest.Open(tb, store.WithPasswordCost(bcrypt.MinCost))
	app := &webApp{Store: s, now: time.Date(2026, 11, 25, 10, 0, 0, 0, ict)}
	s.Now = func() time.Time {
		app.mu.Lock()
		defer app.mu.Unlock()
		return app.now
	}
	units := [][4]string{{"KH", "Tỉnh Khánh Hòa", "province", ""}, {"KH-UBND", "UBND tỉnh Khánh Hòa", "agency", "KH"},
		{"KH-NT", "UBND phường Nha Trang", "commune", "KH-UBND"}}
	for _, u := range units {
		if _, err := s.CreateUnit(ctx, u[0], u[1], u[2], u[3]); err != nil {
			tb.Fatal(err)
		}
	}
	users := [][4]string{{"reception", "Lê Thị Tiếp", "reception", "KH-UBND"}, {"handler", "Phạm Văn Xử", "handler", "KH-UBND"},
		{"handler2", "Đỗ Thị Hai", "handler", "KH-UBND"}, {"head", "Nguyễn Văn Trưởng", "head", "KH-UBND"},
		{"supervisor", "Trần Thị Giám", "supervisor", "KH-UBND"}, {"admin", "Hoàng Quản", "admin", "KH-UBND"},
		{"reception.nt", "Vũ Tiếp Nha Trang", "reception", "KH-NT"}, {"handler.nt", "Bùi Xử Nha Trang", "handler", "KH-NT"},
		{"head.nt", "Mai Trưởng Nha Trang", "head", "KH-NT"}}
	for _, u := range users {
		if _, err := s.CreateUser(ctx, u[0], u[1], workflow.Role(u[2]), u[3], "demo"); err != nil {
			tb.Fatal(err)
		}
	}
	// The tables and stories look codes up far faster than a citizen; the
	// look-up limit has its own test (lookup_limit_test.go).
	h, err := New(s, LookupLimit(1000, 1000))
	if err != nil {
		tb.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	tb.Cleanup(func() {
		srv.Close() // before storetest closes the store
	})
	app.URL = "http://" + ln.Addr().String()
	return app
}

// browser is a cookie-keeping client that does not follow redirects.
type browser struct {
	tb     testing.TB
	app    *webApp
	client *http.Client
}

// newBrowser signs in as login (password "demo"); "" stays anonymous.
func (a *webApp) newBrowser(tb testing.TB, login string) *browser {
	tb.Helper()
	jar, _ := cookiejar.New(nil)
	b := &browser{tb: tb, app: a, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	if login != "" {
		res, _ := b.post("/dang-nhap", url.Values{"login": {login}, "password": {"demo"}})
		if res.StatusCode != http.StatusSeeOther {
			tb.Fatalf("sign in as %s: status %d", login, res.StatusCode)
		}
	}
	return b
}

// get fetches a page and returns the response and its body.
func (b *browser) get(path string) (*http.Response, string) {
	b.tb.Helper()
	res, err := b.client.Get(b.app.URL + path)
	if err != nil {
		b.tb.Fatal(err)
	}
	return res, readBody(b.tb, res)
}

// post sends a form as a same-origin browser would.
func (b *browser) post(path string, form url.Values) (*http.Response, string) {
	b.tb.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.app.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := b.client.Do(req)
	if err != nil {
		b.tb.Fatal(err)
	}
	return res, readBody(b.tb, res)
}

// postCrossSite sends a form as another site's page would, with this
// browser's cookies, and returns the status.
func (b *browser) postCrossSite(path string, form url.Values) int {
	b.tb.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.app.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	res, err := b.client.Do(req)
	if err != nil {
		b.tb.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the form token from a page the browser can see.
func (b *browser) csrf(path string) string {
	b.tb.Helper()
	_, body := b.get(path)
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		b.tb.Fatalf("no csrf token on %s", path)
	}
	return m[1]
}

func readBody(tb testing.TB, res *http.Response) string {
	tb.Helper()
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return string(body)
}

func TestWebKitSignsInAndRefusesCrossSitePosts(t *testing.T) {
	app := mustServeWeb(t)
	b := app.newBrowser(t, "head")
	res, body := b.get("/ho-so")
	if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusNotFound {
		t.Fatalf("queue: status %d", res.StatusCode)
	}
	_ = body
	anon := app.newBrowser(t, "")
	if res, _ := anon.get("/ho-so"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("anonymous queue: status %d, want a redirect to sign in", res.StatusCode)
	}
	bad, body := anon.post("/dang-nhap", url.Values{"login": {"head"}, "password": {"sai"}})
	if bad.StatusCode != http.StatusUnauthorized || !strings.Contains(body, `value="head"`) || !strings.Contains(body, "Sai tên đăng nhập") {
		t.Fatalf("bad password: status %d; want the login kept and a Vietnamese message", bad.StatusCode)
	}
	if status := b.postCrossSite("/dang-xuat", url.Values{"csrf": {b.csrf("/tra-cuu")}}); status != http.StatusForbidden {
		t.Fatalf("cross-site post: status %d, want 403", status)
	}
	if res, _ := b.post("/dang-xuat", url.Values{"csrf": {"forged"}}); res.StatusCode != http.StatusForbidden {
		t.Fatalf("post with a wrong token: status %d, want 403", res.StatusCode)
	}
}
