package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
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

// The book keeps a denouncer who came sealed even for the head: the page
// reads no identity and logs no read; the head asks for one visit, and that
// read is logged (LTC 2018 Art. 8). Issue 16's speed: a book page needs no write.
func TestTheBookKeepsADenouncerSealedUntilAsked(t *testing.T) {
	app := mustServeWeb(t)
	ctx := context.Background()
	den := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-25", "Tố cáo cán bộ địa chính", "Phạm Thị Mật")
	v, err := app.Store.RecordVisit(ctx, qcUser(t, app, "reception"), store.NewVisit{Unit: "KH-UBND", VisitedOn: workflow.MustDate("2026-11-25"),
		Kind: workflow.Denunciation, Visitor: store.Visitor{Petitioner: store.Petitioner{Name: "Phạm Thị Mật"}},
		Content: "Nộp đơn tố cáo cán bộ địa chính", Outcome: workflow.VisitRegistered, CaseID: den.ID})
	if err != nil {
		t.Fatal(err)
	}
	reads := func() int {
		n, err := app.Store.IdentityReads(ctx, den.ID)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	head := app.newBrowser(t, "head")
	before := reads()
	_, body := head.get("/tiep-cong-dan")
	if strings.Contains(body, "Phạm Thị Mật") || reads() != before {
		t.Fatalf("the book page shows the denouncer (%v) or logs a read (%d → %d)", strings.Contains(body, "Phạm Thị Mật"), before, reads())
	}
	qcIndex(t, body, fmt.Sprintf(`href="/tiep-cong-dan/luot/%d"`, v.ID))
	_, body = head.get(fmt.Sprintf("/tiep-cong-dan/luot/%d", v.ID))
	qcIndex(t, body, "Phạm Thị Mật")
	if reads() != before+1 {
		t.Errorf("opening the visit logged %d reads, want 1", reads()-before)
	}
	// A denouncer who came and registered no letter: the read is logged against the visit.
	alone, err := app.Store.RecordVisit(ctx, qcUser(t, app, "reception"), store.NewVisit{Unit: "KH-UBND", VisitedOn: workflow.MustDate("2026-11-25"),
		Kind: workflow.Denunciation, Visitor: store.Visitor{Petitioner: store.Petitioner{Name: "Đỗ Văn Kín"}},
		Content: "Trình bày việc tố cáo, được hướng dẫn", Outcome: workflow.VisitGuided})
	if err != nil {
		t.Fatal(err)
	}
	was, _ := app.Store.VisitIdentityReads(ctx, alone.ID) // the officer who wrote it read it too
	_, body = head.get(fmt.Sprintf("/tiep-cong-dan/luot/%d", alone.ID))
	qcIndex(t, body, "Đỗ Văn Kín")
	if n, err := app.Store.VisitIdentityReads(ctx, alone.ID); err != nil || n != was+1 {
		t.Errorf("the head's read of a denouncer whose visit became no case: %d logged, %v", n-was, err)
	}
	_, body = app.newBrowser(t, "supervisor").get(fmt.Sprintf("/tiep-cong-dan/luot/%d", v.ID))
	if strings.Contains(body, "Phạm Thị Mật") || strings.Contains(body, `/tiep-cong-dan/luot/`+fmt.Sprint(v.ID)+`"`) {
		t.Errorf("the supervisor sees the denouncer who came")
	}
}
