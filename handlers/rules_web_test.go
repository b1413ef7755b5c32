package handlers

// The pages of issue 13 §4: the unit settings page and the administrator's
// pages, which never name a petitioner (DOMAIN.md §4).

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// TestAdminPagesShowNoPetitioner: the case page and the receipt, as the administrator.
func TestAdminPagesShowNoPetitioner(t *testing.T) {
	app := mustServeWeb(t)
	u, err := app.Store.UserByLogin(t.Context(), "reception")
	if err != nil {
		t.Fatal(err)
	}
	c, err := app.Store.CreateCase(t.Context(), u, store.NewCase{Subject: "Kiến nghị sửa đường", Content: "Đường hỏng.",
		Intake:     workflow.Intake{Kind: workflow.Petition, Channel: "walk_in", ReceivedOn: workflow.MustDate("2026-11-20")},
		Petitioner: store.Petitioner{Name: "Đặng Thị Riêng Tư", IDNumber: "056199887766"}})
	if err != nil {
		t.Fatal(err)
	}
	head, admin := app.newBrowser(t, "head"), app.newBrowser(t, "admin")
	if _, body := head.get("/ho-so/" + itoa(c.ID)); !strings.Contains(body, "Đặng Thị Riêng Tư") {
		t.Fatal("the head's case page does not name the petitioner")
	}
	for _, path := range []string{"/ho-so/" + itoa(c.ID), "/bien-nhan/" + itoa(c.ID), "/ho-so", "/giam-sat/ho-so?measure=open"} {
		res, body := admin.get(path)
		if strings.Contains(body, "Đặng Thị Riêng Tư") || strings.Contains(body, "056199887766") {
			t.Errorf("admin's %s (%d) shows the petitioner", path, res.StatusCode)
		}
	}
}

// TestSettingsPage: the administrator sets the settings through the page
// (CSRF token, Vietnamese first); a head reads them; reception may not.
func TestSettingsPage(t *testing.T) {
	app := mustServeWeb(t)
	admin := app.newBrowser(t, "admin")
	res, body := admin.get("/cai-dat")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Cài đặt của đơn vị") || !strings.Contains(body, `name="petition_days"`) {
		t.Fatalf("GET /cai-dat: %d", res.StatusCode)
	}
	form := url.Values{"unit": {"KH-NT"}, "effective_from": {"01/12/2026"}, "petition_days": {"40"},
		"disclose_round1_complaints": {"1"}, "csrf": {admin.csrf("/cai-dat")}}
	if res, body = admin.post("/cai-dat", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST: %d %s", res.StatusCode, body)
	}
	if _, body = admin.get("/cai-dat?unit=KH-NT"); !strings.Contains(body, "01/12/2026") || !strings.Contains(body, "admin") {
		t.Errorf("the history does not show the change")
	}
	form.Set("effective_from", "01/01/2026")
	if res, body = admin.post("/cai-dat", form); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "không được trước ngày hôm nay") {
		t.Errorf("a past day: %d", res.StatusCode)
	}
	form.Del("csrf")
	form.Set("effective_from", "02/12/2026")
	if res, _ = admin.post("/cai-dat", form); res.StatusCode != http.StatusForbidden {
		t.Errorf("without the CSRF token: %d", res.StatusCode)
	}
	head := app.newBrowser(t, "head")
	if res, body = head.get("/cai-dat?unit=KH-NT"); res.StatusCode != http.StatusOK || strings.Contains(body, `name="petition_days"`) {
		t.Errorf("the head: %d, form shown %v", res.StatusCode, strings.Contains(body, `name="petition_days"`))
	}
	if res, _ = app.newBrowser(t, "reception").get("/cai-dat"); res.StatusCode != http.StatusForbidden {
		t.Errorf("reception: %d", res.StatusCode)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
