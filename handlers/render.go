package handlers

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/templates"
	"petitions/workflow"
)

// pageSet holds one template set per page (layout + page), parsed at start-up,
// so {{define "content"}} blocks of different pages never overwrite each other.
type pageSet map[string]*template.Template

func loadPages() (pageSet, error) {
	names, err := fs.Glob(templates.FS, "pages/*.html")
	if err != nil {
		return nil, err
	}
	set := pageSet{}
	for _, file := range names {
		name := strings.TrimSuffix(path.Base(file), ".html")
		t, err := template.New(name).Funcs(templateFuncs).ParseFS(templates.FS, "layout.html", "parts/*.html", file)
		if err != nil {
			return nil, fmt.Errorf("handlers: parse page %s: %w", name, err)
		}
		set[name] = t
	}
	return set, nil
}

// vietnamTime is Indochina Time, which Vietnam keeps all year.
var vietnamTime = time.FixedZone("ICT", 7*3600)

var templateFuncs = template.FuncMap{
	"vn": func(d workflow.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.VN()
	},
	"iso": func(d workflow.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	},
	"join": strings.Join,
	// stamp shows a record's time (RFC 3339, UTC) as Vietnam reads it: dd/mm/yyyy hh:mm, UTC+7.
	"stamp": func(at string) string {
		t, err := time.Parse(time.RFC3339Nano, at)
		if err != nil {
			return at
		}
		return t.In(vietnamTime).Format("02/01/2006 15:04")
	},
	// percent writes a share as Vietnamese write it: 0.905 is "90,5%".
	"percent": func(f float64) string { return vnNumber(math.Round(f*1000)/10) + "%" },
	// x100 places a share on a chart 100 wide.
	"x100": func(f float64) string { return strconv.FormatFloat(f*100, 'f', 1, 64) },
	"sub":  func(a, b float64) float64 { return a - b },
	// pair hands a part both the page (for its words) and its own data.
	"pair": func(p, d any) struct{ P, D any } { return struct{ P, D any }{p, d} },
	// inc numbers from one what ranges from zero.
	"inc": func(i int) int { return i + 1 },
	"kb":  func(n int64) int64 { return (n + 1023) / 1024 },
	"qr":  qrSVG,
	// slice2 ranges over two values of a kind (a month's and a year's figures).
	"slice2": func(a, b any) []any { return []any{a, b} },
}

// page is what every template sees: the layout's needs plus the page's own Data.
type page struct {
	Lang   string
	Path   string // the page's path, for the navigation
	Here   string // path and query, to come back to after switching language
	User   *store.User
	Posts  []store.Post // every post of a user holding several, to choose the one acted in
	CSRF   string
	Nav    []navItem
	Flash  string
	Today  string
	Errors map[string]string // field → message, for forms sent back
	Data   any
}

// T translates a label into the page's language.
func (p *page) T(key string) string { return translate(p.Lang, key) }

type navItem struct {
	Key, Href string
	Current   bool
}

// render writes a page into a buffer first, so a template error is a clean 500.
func (w *web) render(c *gin.Context, status int, name string, data any, errs map[string]string) {
	t, ok := w.pages[name]
	if !ok {
		pageFail(c, fmt.Errorf("handlers: no page %q", name))
		return
	}
	p := w.pageFor(c)
	p.Data, p.Errors = data, errs
	if p.Errors == nil {
		p.Errors = map[string]string{}
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", &p); err != nil {
		pageFail(c, fmt.Errorf("handlers: render page %s: %w", name, err))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

func (w *web) pageFor(c *gin.Context) page {
	p := page{Lang: langOf(c), Path: c.Request.URL.Path, Here: c.Request.URL.RequestURI(), Today: w.store.Today().VN()}
	if s, ok := c.Get(sessionKey); ok {
		sess := s.(store.Session)
		p.User, p.CSRF, p.Posts = &sess.User, sess.CSRF, sess.Posts
		if f, err := c.Cookie(flashCookie); err == nil && f != "" {
			p.Flash = f
			c.SetCookie(flashCookie, "", -1, "/", "", secureCookies(c), true)
		}
	}
	p.Nav = navFor(p.User, p.Path)
	return p
}

// navFor shows each role only what it may do.
func navFor(u *store.User, current string) []navItem {
	items := []navItem{{Key: "nav.home", Href: "/tra-cuu"}}
	if u != nil {
		switch u.Role {
		case workflow.RoleReception:
			items = append(items, navItem{Key: "nav.desk", Href: "/tiep-nhan"}, navItem{Key: "nav.reception", Href: "/tiep-cong-dan"},
				navItem{Key: "nav.queue", Href: "/ho-so"}, navItem{Key: "nav.register", Href: "/so-van-ban"})
		case workflow.RoleHandler:
			items = append(items, navItem{Key: "nav.queue", Href: "/ho-so"})
		case workflow.RoleHead:
			items = append(items, navItem{Key: "nav.desk", Href: "/tiep-nhan"}, navItem{Key: "nav.reception", Href: "/tiep-cong-dan"},
				navItem{Key: "nav.queue", Href: "/ho-so"}, navItem{Key: "nav.register", Href: "/so-van-ban"},
				navItem{Key: "nav.audit", Href: "/giam-sat"}, navItem{Key: "nav.reports", Href: "/bao-cao"})
		case workflow.RoleSupervisor:
			items = append(items, navItem{Key: "nav.audit", Href: "/giam-sat"}, navItem{Key: "nav.reception", Href: "/giam-sat/tiep-cong-dan"},
				navItem{Key: "nav.reports", Href: "/bao-cao"}, navItem{Key: "nav.queue", Href: "/ho-so"})
		case workflow.RoleAdmin:
			items = append(items, navItem{Key: "nav.users", Href: "/quan-tri/nguoi-dung"}, navItem{Key: "nav.units", Href: unitsPath}, navItem{Key: "nav.import", Href: importPath}, navItem{Key: "nav.audit", Href: "/giam-sat"},
				navItem{Key: "nav.reports", Href: "/bao-cao"}, navItem{Key: "nav.queue", Href: "/ho-so"}, navItem{Key: "nav.settings", Href: "/cai-dat"}, navItem{Key: "nav.calendar", Href: "/lich-lam-viec"})
		}
	}
	items = append(items, navItem{Key: "nav.public", Href: "/cong-khai"}, navItem{Key: "nav.schedule", Href: "/lich-tiep-cong-dan"})
	for i := range items {
		items[i].Current = items[i].Href == current
	}
	return items
}
