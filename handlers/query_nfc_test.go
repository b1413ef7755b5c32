package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Issue 14: every search box's q is normalised to NFC, as /ho-so's is: a
// query typed decomposed (NFD) finds what the same words in NFC find.
func TestSearchQueriesTypedInNFD(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-10-05")
	c := app.register(t, "reception", letterBody("denunciation", "2026-10-05", "Tố cáo cán bộ địa chính phường Vĩnh Hải"))
	app.SetToday(t, "2026-10-06")
	c = app.fire(t, "head", c, ev("assign", "2026-10-06", "assignee", "handler"))
	c = app.fire(t, "head", c, ev("accept", "2026-10-06"))
	c = app.fire(t, "head", c, ev("resolve", "2026-10-06", "outcome", "partly_correct", "summary", "Tố cáo đúng một phần"))
	c = app.fire(t, "head", c, ev("disclose", "2026-10-06", "channel", "website",
		"text", "Kết luận: tố cáo cán bộ địa chính phường Vĩnh Hải đúng một phần."))

	const words = "địa chính phường Vĩnh Hải"
	for _, q := range []string{words, norm.NFD.String(words)} {
		items, _ := app.list(t, "head", "q="+url.QueryEscape(q))
		if len(items) != 1 || items[0].ID != c.ID {
			t.Errorf("GET /api/v1/cases?q=%+q: %d items, want case %d", q, len(items), c.ID)
		}
		status, raw := app.Do(t, "", http.MethodGet, "/api/v1/public/disclosures?q="+url.QueryEscape(q), nil)
		if status != http.StatusOK || !strings.Contains(string(raw), c.TrackingCode) {
			t.Errorf("GET /api/v1/public/disclosures?q=%+q: status %d, %s; want %s", q, status, raw, c.TrackingCode)
		}
		status, raw = app.Do(t, "", http.MethodGet, "/cong-khai?q="+url.QueryEscape(q), nil)
		if status != http.StatusOK || !strings.Contains(string(raw), c.TrackingCode) {
			t.Errorf("GET /cong-khai?q=%+q: status %d; want %s on the page", q, status, c.TrackingCode)
		}
	}
}

// Issue 15 §2: the API and the public register fold too: no diacritics, any
// case, words in any order, a code without its dash.
func TestSearchQueriesTypedWithoutDiacritics(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-10-05")
	c := app.register(t, "reception", letterBody("denunciation", "2026-10-05", "Tố cáo cán bộ địa chính phường Vĩnh Hải"))
	app.SetToday(t, "2026-10-06")
	c = app.fire(t, "head", c, ev("assign", "2026-10-06", "assignee", "handler"))
	c = app.fire(t, "head", c, ev("accept", "2026-10-06"))
	c = app.fire(t, "head", c, ev("resolve", "2026-10-06", "outcome", "partly_correct", "summary", "Tố cáo đúng một phần"))
	c = app.fire(t, "head", c, ev("disclose", "2026-10-06", "channel", "website",
		"text", "Kết luận: tố cáo cán bộ địa chính phường Vĩnh Hải đúng một phần."))

	for _, q := range []string{"dia chinh vinh hai", "VĨNH HẢI ĐỊA CHÍNH", "Vinh Hai, dia-chinh", strings.ReplaceAll(c.TrackingCode, "-", "")} {
		items, _ := app.list(t, "head", "q="+url.QueryEscape(q))
		if len(items) != 1 || items[0].ID != c.ID {
			t.Errorf("GET /api/v1/cases?q=%+q: %d items, want case %d", q, len(items), c.ID)
		}
		status, raw := app.Do(t, "", http.MethodGet, "/api/v1/public/disclosures?q="+url.QueryEscape(q), nil)
		if status != http.StatusOK || !strings.Contains(string(raw), c.TrackingCode) {
			t.Errorf("GET /api/v1/public/disclosures?q=%+q: status %d, %s; want %s", q, status, raw, c.TrackingCode)
		}
		status, raw = app.Do(t, "", http.MethodGet, "/cong-khai?q="+url.QueryEscape(q), nil)
		if status != http.StatusOK || !strings.Contains(string(raw), c.TrackingCode) {
			t.Errorf("GET /cong-khai?q=%+q: status %d; want %s on the page", q, status, c.TrackingCode)
		}
	}
	// The register never searches the letter's sender.
	status, raw := app.Do(t, "", http.MethodGet, "/api/v1/public/disclosures?q=056078001234", nil)
	if status != http.StatusOK || strings.Contains(string(raw), c.TrackingCode) {
		t.Errorf("the register found the case by its petitioner's ID number: %d %s", status, raw)
	}
}
