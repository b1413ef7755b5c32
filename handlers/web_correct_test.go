package handlers

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"petitions/workflow"
)

// The case page's correction form (issue 13 §3): offered to reception and
// heads prefilled, the identity only to those who may see it, refusals next
// to their field, and the history's before and after.
func TestCorrectOnTheCasePage(t *testing.T) {
	app := mustServeWeb(t)
	ctx := context.Background()
	if _, err := app.Store.CreateUser(ctx, "reception2", "Cao Thị Tiếp", workflow.RoleReception, "KH-UBND", "demo"); err != nil {
		t.Fatal(err)
	}
	c := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-20", "Tố cáo cán bộ thu tiền", "Trần Văn Mậtt")
	c = qcFire(t, app, "head", c.ID, workflow.Input{Event: workflow.EvAssign, On: workflow.MustDate("2026-11-23"), Assignee: "handler"})
	path := "/ho-so/" + strconv.FormatInt(c.ID, 10)
	page := func(login string) string {
		res, body := app.newBrowser(t, login).get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", login, res.StatusCode)
		}
		return body
	}

	t.Run("OfferedToReceptionAndHeadsOnly", func(t *testing.T) {
		for login, want := range map[string]bool{"reception": true, "head": true, "handler": false, "supervisor": false} {
			if got := strings.Contains(page(login), `name="event" value="correct"`); got != want {
				t.Errorf("%s offered the correction: %v, want %v", login, got, want)
			}
		}
		form := qcForm(t, page("reception"), "correct")
		for field, want := range map[string]string{"received_on": "20/11/2026", "kind": "denunciation", "letter_channel": "walk_in",
			"subject": "Tố cáo cán bộ thu tiền", "name": "Trần Văn Mậtt", "id_number": "056190009999"} {
			if got := form.Get(field); got != want {
				t.Errorf("prefilled %s = %q, want %q", field, got, want)
			}
		}
		// A colleague at the same desk may correct the letter, not the denouncer they may not see.
		body := page("reception2")
		form = qcForm(t, body, "correct")
		if form.Has("name") || form.Has("id_number") || strings.Contains(body, "Trần Văn Mậtt") || form.Get("subject") == "" {
			t.Errorf("reception2's form: %v", form)
		}
	})

	t.Run("RefusalComesBackInTheForm", func(t *testing.T) {
		b := app.newBrowser(t, "reception")
		form := qcForm(t, page("reception"), "correct")
		form.Set("csrf", b.csrf(path))
		form.Set("received_on", "26/11/2026")
		form.Set("reason", "Nhập nhầm ngày")
		res, body := b.post(path+"/su-kien", form)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Ngày nhận đơn không được sau ngày hôm nay.") ||
			!strings.Contains(body, `id="act-correct" open`) {
			t.Errorf("status %d\n%s", res.StatusCode, qcSnippet(body))
		}
		form.Set("received_on", "20/11/2026")
		form.Set("reason", "")
		form.Set("subject", "Tố cáo cán bộ địa chính thu tiền")
		res, body = b.post(path+"/su-kien", form)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Cần ghi lý do sửa thông tin đăng ký.") {
			t.Errorf("no reason: status %d", res.StatusCode)
		}
	})

	t.Run("SavedAndShownInTheHistory", func(t *testing.T) {
		b := app.newBrowser(t, "reception")
		form := qcForm(t, page("reception"), "correct")
		form.Set("csrf", b.csrf(path))
		form.Set("received_on", "19/11/2026")
		form.Set("name", "Trần Văn Mật")
		form.Set("reason", "Sai họ tên và ngày nhận")
		res, body := b.post(path+"/su-kien", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.StatusCode, qcSnippet(body))
		}
		now := qcLoad(t, app, c.ID)
		if now.ReceivedOn.String() != "2026-11-19" || now.Version != c.Version+1 {
			t.Errorf("received %s version %d", now.ReceivedOn, now.Version)
		}
		head := page("head")
		for _, want := range []string{"Sai họ tên và ngày nhận", "20/11/2026 → 19/11/2026", "Trần Văn Mậtt → Trần Văn Mật", "Tính lại hạn"} {
			if !strings.Contains(head, want) {
				t.Errorf("the head's history lacks %q", want)
			}
		}
		handler := page("handler")
		if strings.Contains(handler, "Trần Văn Mật") || !strings.Contains(handler, "Đã sửa danh tính người gửi (họ tên)") {
			t.Errorf("the handler's history: %s", qcSnippet(handler))
		}
	})
}

// qcSnippet shows a page's messages.
func qcSnippet(body string) string {
	var out []string
	for _, line := range strings.Split(body, "\n") {
		if strings.Contains(line, `role="alert"`) {
			out = append(out, strings.TrimSpace(line))
		}
	}
	return strings.Join(out, "\n")
}
