package handlers

// The browser kit: Debian's headless Chromium driven by chromedp against the
// real app on a loopback port, at a phone's width.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"petitions/store/storetest"
)

// phoneWidth is the narrowest screen every page must fit without horizontal scrolling.
const phoneWidth = 375

// chromiumPath finds the browser that make test installs.
func chromiumPath(t *testing.T) string {
	if storetest.Postgres() {
		// The pages call the store through the same functions the API and the
		// page tests without a browser drive on PostgreSQL; Chromium would
		// add most of a minute to that pass for no other store call.
		t.Skip("page tests in Chromium run on the SQLite pass only")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PETITIONS_SKIP_BROWSER") != "" {
		t.Skip("no Chromium and PETITIONS_SKIP_BROWSER is set")
	}
	t.Fatal("Chromium is missing: run `make test`, which installs it (apt-get install -y chromium fonts-noto-core)")
	return ""
}

// tab is one browser tab with its own cookies (a fresh profile per tab).
type tab struct {
	t   *testing.T
	app *webApp
	ctx context.Context
}

// newTab starts a headless Chromium at phone width.
func (a *webApp) newTab(t *testing.T) *tab {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(phoneWidth, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.NoSandbox,
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneWidth, 900)); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return &tab{t: t, app: a, ctx: ctx}
}

// run performs steps and fails the test on error.
func (b *tab) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// get runs one action that returns a value.
func get[T any](b *tab, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// open navigates to a path and waits for the page body.
func (b *tab) open(path string) {
	b.t.Helper()
	b.run("open "+path, chromedp.Navigate(b.app.URL+path), chromedp.WaitReady(chromedp.CSS("body")))
}

// signIn signs in through the form.
func (b *tab) signIn(login string) {
	b.t.Helper()
	b.open("/dang-nhap")
	b.run("sign in as "+login,
		chromedp.SendKeys(chromedp.CSS("#login"), login),
		chromedp.SendKeys(chromedp.CSS("#password"), "demo"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.WaitReady(chromedp.CSS("main")))
}

// text returns the visible text of the main area.
func (b *tab) text() string {
	b.t.Helper()
	return get(b, "read the page", chromedp.Text(chromedp.CSS("main")))
}

// mustSee fails unless the main area shows every string.
func (b *tab) mustSee(what string, wants ...string) {
	b.t.Helper()
	got := b.text()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			b.t.Fatalf("%s: the page does not show %q; it shows:\n%s", what, w, got)
		}
	}
}

// mustNotSee fails if the whole page (text and HTML) holds any of the strings.
func (b *tab) mustNotSee(what string, secrets ...string) {
	b.t.Helper()
	html := get(b, "read the HTML", chromedp.OuterHTML(chromedp.CSS("html")))
	for _, s := range secrets {
		if strings.Contains(html, s) {
			b.t.Fatalf("%s: the page shows %q", what, s)
		}
	}
}

// checkLayout asserts what every page owes a phone user: no horizontal
// scrolling at 375 px, and a label on every input.
func (b *tab) checkLayout(what string) {
	b.t.Helper()
	overflow := get(b, "measure "+what, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
	unlabelled := get(b, "labels on "+what, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('input, select, textarea'))
			.filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button')
			.filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
			.map(e => e.name || e.id || e.outerHTML.slice(0, 60))`))
	if overflow > 0 {
		b.t.Errorf("%s: %d px wider than a %d px screen", what, overflow, phoneWidth)
	}
	if len(unlabelled) > 0 {
		b.t.Errorf("%s: inputs without a label: %v", what, unlabelled)
	}
}

// screenshot keeps a full-page PNG of the current page in screenshots/ (not committed).
func (b *tab) screenshot(name string) {
	b.t.Helper()
	dir := os.Getenv("PETITIONS_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join("..", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	png := get(b, "screenshot "+name, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
