package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"petitions/store"
	"petitions/workflow"
)

// Issue 15 §2: the queue (/ho-so?q=), the API (GET /api/v1/cases?q=) and the
// public register search as Vietnamese people type: without diacritics, in
// any case, NFD, words in any order, a code without its dash, an ID or phone
// number exactly (README: "Searching").
func TestSearchAsPeopleTypeOnThePages(t *testing.T) {
	app := mustServeWeb(t)
	ctx := context.Background()
	reception, err := app.Store.UserByLogin(ctx, "reception")
	if err != nil {
		t.Fatal(err)
	}
	c, err := app.Store.CreateCase(ctx, reception, store.NewCase{
		Intake:  workflow.Intake{Kind: workflow.Complaint, Round: 1, Channel: "walk_in", ReceivedOn: workflow.MustDate("2026-11-25")},
		Subject: "Khiếu nại về bồi thường", Content: "Đường vào nhà bị thu hẹp.",
		Petitioner: store.Petitioner{Name: "Nguyễn Văn An", IDNumber: "079123456789", Phone: "0912345678", Address: "5 Trần Phú"}})
	if err != nil {
		t.Fatal(err)
	}
	b := app.newBrowser(t, "reception")
	nt := app.newBrowser(t, "reception.nt")
	for _, q := range []string{"bồi thường", "boi thuong", "BOI THUONG", "BỒI THƯỜNG", norm.NFD.String("bồi thường"),
		"thuong boi", "duong", strings.ReplaceAll(c.TrackingCode, "-", ""), "079123456789", "0912 345 678"} {
		res, body := b.get("/ho-so?q=" + url.QueryEscape(q))
		if res.StatusCode != http.StatusOK || !strings.Contains(body, c.TrackingCode) {
			t.Errorf("/ho-so?q=%q: status %d, want %s on the page", q, res.StatusCode, c.TrackingCode)
		}
		// The commune's officer may not read the agency's case, and finds nothing, by ID number or else.
		if res, body := nt.get("/ho-so?q=" + url.QueryEscape(q)); res.StatusCode != http.StatusOK || strings.Contains(body, c.TrackingCode) {
			t.Errorf("/ho-so?q=%q as the commune's officer: status %d, found %v", q, res.StatusCode, strings.Contains(body, c.TrackingCode))
		}
	}
}
