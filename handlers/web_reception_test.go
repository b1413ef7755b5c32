package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// The head moves a published day from the book page, with its reason; the
// public schedule shows the new day and why. Moving it without a reason is
// refused atop the page; reception may move it too. Today is 25/11/2026.
func TestHeadMovesAReceptionDay(t *testing.T) {
	app := mustServeWeb(t)
	r, err := app.Store.CreateReceptionSession(context.Background(), qcUser(t, app, "head"), store.NewSession{Unit: "KH-UBND",
		Kind: workflow.SessionPeriodic, Form: workflow.FormDirect, HeldOn: workflow.MustDate("2026-12-04"),
		Host: workflow.HostHead, State: workflow.SessionScheduled})
	if err != nil {
		t.Fatal(err)
	}
	head := app.newBrowser(t, "head")
	token := head.csrf("/tiep-cong-dan")
	path := fmt.Sprintf("/tiep-cong-dan/buoi/%d/doi-lich", r.ID)
	if res, body := head.post(path, url.Values{"csrf": {token}, "unit": {"KH-UBND"}, "held_on": {"11/12/2026"}}); res.StatusCode != http.StatusBadRequest {
		t.Fatalf("a move without its reason: status %d", res.StatusCode)
	} else {
		qcIndex(t, body, "Cần nêu lý do thay đổi lịch tiếp")
	}
	if res, _ := head.post(path, url.Values{"csrf": {token}, "unit": {"KH-UBND"}, "held_on": {"11/12/2026"}, "text": {"Trùng kỳ họp Hội đồng nhân dân"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the move: status %d", res.StatusCode)
	}
	_, body := app.newBrowser(t, "reception").get("/lich-tiep-cong-dan")
	qcIndex(t, body, "11/12/2026")
	qcIndex(t, body, "Trùng kỳ họp Hội đồng nhân dân")
	rec := app.newBrowser(t, "reception")
	if res, _ := rec.post(path, url.Values{"csrf": {rec.csrf("/tiep-cong-dan")}, "unit": {"KH-UBND"}, "held_on": {"18/12/2026"}, "text": {"Thủ trưởng đi công tác"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("reception moves the head's day: status %d", res.StatusCode)
	}
}
