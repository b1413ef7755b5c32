package handlers

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"testing"
)

// redirectPayloads are values of ?next= that must never leave the site: a
// browser drops tabs and newlines from a URL and reads a backslash as a
// slash, so each of these could become "//evil.example/…" on its way out.
var redirectPayloads = []string{
	"//evil.example/",
	"///evil.example/",
	`/\evil.example/`,
	`/\/evil.example/`,
	"/\t/evil.example/",
	"/%09/evil.example/",
	"/%0a/evil.example/",
	"/%0d%0a/evil.example/",
	"/\n/evil.example/",
	"/%2F/evil.example/",
	"/%2f/evil.example/",
	"/%5Cevil.example/",
	"/%5C/evil.example/",
	"https://evil.example/",
	"http:/evil.example/",
	"javascript:alert(1)",
	"\t//evil.example/",
	" //evil.example/",
	"/ /evil.example/",
	"/%20/evil.example/",
	"/\u00a0/evil.example/",
	"/\x00/evil.example/",
	"/%00/evil.example/",
	"/%zz",
	"evil.example",
	"",
}

func TestLocalPathKeepsRedirectsOnSite(t *testing.T) {
	for _, p := range redirectPayloads {
		if got := localPath(p); got != "/" {
			t.Errorf("localPath(%q) = %q, want /", p, got)
		}
	}
	for _, p := range []string{"/", "/ho-so/3?x=1", "/tra-cuu", "/ho-so?q=Nguy%E1%BB%85n&unit=KH-NT", "/giam-sat/ho-so?measure=open"} {
		if got := localPath(p); got != p {
			t.Errorf("localPath(%q) = %q, want it kept", p, got)
		}
	}
}

var nextField = regexp.MustCompile(`name="next" value="([^"]*)"`)

// TestOpenRedirectPayloadsStayOnSite follows each payload through the three
// doors that take ?next=: the language switch, the sign-in form and the
// sign-in post.
func TestOpenRedirectPayloadsStayOnSite(t *testing.T) {
	app := mustServeWeb(t)
	anon := app.newBrowser(t, "")
	for _, p := range redirectPayloads {
		res, _ := anon.get("/ngon-ngu?lang=vi&next=" + url.QueryEscape(p))
		if loc := res.Header.Get("Location"); loc != "/" {
			t.Errorf("GET /ngon-ngu next=%q: Location %q, want /", p, loc)
		}
		_, body := anon.get("/dang-nhap?next=" + url.QueryEscape(p))
		if m := nextField.FindStringSubmatch(body); m == nil || html.UnescapeString(m[1]) != "/" {
			t.Errorf("GET /dang-nhap next=%q: form keeps %q, want /", p, m)
		}
		b := app.newBrowser(t, "")
		res, _ = b.post("/dang-nhap", url.Values{"login": {"handler"}, "password": {"demo"}, "next": {p}})
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/ho-so" {
			t.Errorf("POST /dang-nhap next=%q: status %d, Location %q, want 303 to the handler's home /ho-so", p, res.StatusCode, loc)
		}
	}
	// A good path survives all three.
	good := "/ho-so/3?x=1"
	if res, _ := anon.get("/ngon-ngu?lang=vi&next=" + url.QueryEscape(good)); res.Header.Get("Location") != good {
		t.Errorf("GET /ngon-ngu: Location %q, want %q", res.Header.Get("Location"), good)
	}
	if _, body := anon.get("/dang-nhap?next=" + url.QueryEscape(good)); !regexp.MustCompile(`name="next" value="/ho-so/3\?x=1"`).MatchString(body) {
		t.Errorf("GET /dang-nhap: the form lost %q", good)
	}
	if res, _ := app.newBrowser(t, "").post("/dang-nhap", url.Values{"login": {"handler"}, "password": {"demo"}, "next": {good}}); res.Header.Get("Location") != good {
		t.Errorf("POST /dang-nhap: Location %q, want %q", res.Header.Get("Location"), good)
	}
}
