package handlers

// Issue 14, second pass: the smaller holes of the web layer.

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"petitions/store"
	"petitions/templates"
	"petitions/workflow"
)

func TestStaticListsNoDirectory(t *testing.T) {
	app := mustServeWeb(t)
	anon := app.newBrowser(t, "")
	for _, p := range []string{"/static/", "/static//", "/static/./", "/static/%2e/"} {
		res, body := anon.get(p)
		// A listing links the file by its bare name; the 404 page's own
		// stylesheet link is /static/app.css.
		if res.StatusCode != http.StatusNotFound || strings.Contains(body, `href="app.css"`) {
			t.Errorf("GET %s: status %d, body %.80q: want 404 and no listing", p, res.StatusCode, body)
		}
	}
	if res, _ := anon.get("/static/app.css"); res.StatusCode != http.StatusOK {
		t.Errorf("GET /static/app.css: status %d", res.StatusCode)
	}
}

func TestContentSecurityPolicyIsStrict(t *testing.T) {
	app := mustServeWeb(t)
	anon := app.newBrowser(t, "")
	res, _ := anon.get("/dang-nhap")
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP %q allows inline code", csp)
	}
}

// TestTemplatesHoldNoInlineStyleOrScript: the CSP refuses inline styles and
// scripts, so a page that carries one would lose it in the browser.
func TestTemplatesHoldNoInlineStyleOrScript(t *testing.T) {
	inline := regexp.MustCompile(`(?i)<style|\sstyle=|<script>|<script\s+[^s>]|\son[a-z]+=`)
	err := fs.WalkDir(templates.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := fs.ReadFile(templates.FS, path)
		if err != nil {
			return err
		}
		if m := inline.FindString(string(b)); m != "" {
			t.Errorf("%s holds inline %q, which the CSP refuses", path, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPetitionerAnswersAreNotStored: every answer that can carry a
// petitioner tells caches not to keep it.
func TestPetitionerAnswersAreNotStored(t *testing.T) {
	app := mustServeWeb(t)
	ctx := context.Background()
	reception, err := app.Store.UserByLogin(ctx, "reception")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := app.Store.CreateCase(ctx, reception, store.NewCase{Subject: "Khiếu nại việc cấp giấy chứng nhận",
		Content: "Đơn gửi qua bưu điện.", Petitioner: store.Petitioner{Name: "Phan Văn Cũ", IDNumber: "079555666777"},
		Intake: workflow.Intake{Kind: workflow.Complaint, Round: 1, Channel: workflow.Channel("post"),
			ReceivedOn: workflow.D(2026, time.November, 20)}})
	if err != nil {
		t.Fatal(err)
	}
	token := apiToken(t, app, "reception")
	for _, p := range []string{fmt.Sprintf("/api/v1/cases/%d", cs.ID), fmt.Sprintf("/api/v1/cases/%d/history", cs.ID), "/api/v1/cases"} {
		req, _ := http.NewRequest(http.MethodGet, app.URL+p, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: status %d, Cache-Control %q, want 200 and no-store", p, res.StatusCode, res.Header.Get("Cache-Control"))
		}
	}
	b := app.newBrowser(t, "reception")
	for _, p := range []string{fmt.Sprintf("/ho-so/%d", cs.ID), fmt.Sprintf("/bien-nhan/%d", cs.ID)} {
		if res, _ := b.get(p); res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: status %d, Cache-Control %q, want 200 and no-store", p, res.StatusCode, res.Header.Get("Cache-Control"))
		}
	}
}

// apiToken signs in through the API.
func apiToken(tb testing.TB, app *webApp, login string) string {
	tb.Helper()
	res, err := http.Post(app.URL+"/api/v1/session", "application/json", strings.NewReader(fmt.Sprintf(`{"login":%q,"password":"demo"}`, login)))
	if err != nil {
		tb.Fatal(err)
	}
	body := readBody(tb, res)
	if res.Header.Get("Cache-Control") != "no-store" {
		tb.Errorf("POST /api/v1/session: Cache-Control %q, want no-store (the answer is a token)", res.Header.Get("Cache-Control"))
	}
	m := regexp.MustCompile(`"token":"([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		tb.Fatalf("sign in %s: %d %s", login, res.StatusCode, body)
	}
	return m[1]
}
