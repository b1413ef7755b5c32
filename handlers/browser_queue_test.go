package handlers

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"petitions/workflow"
)

// The queue in Chromium: a head's whole scope, on its second page, with the
// unit column, the total, both page links and a read-only row; on a phone the
// table scrolls inside its frame and says so.
func TestQueuePageInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	subjects := []string{"Kiến nghị sửa đường liên thôn", "Khiếu nại quyết định thu hồi đất", "Phản ánh tiếng ồn ban đêm"}
	for i := 0; i < 53; i++ {
		kind := workflow.Petition
		if i%3 == 1 {
			kind = workflow.Complaint
		}
		qcCase(t, app, "reception", kind, fmt.Sprintf("2026-11-%02d", 2+i%20), fmt.Sprintf("%s (số %02d)", subjects[i%3], i), "Người gửi")
	}
	qcCase(t, app, "reception.nt", workflow.Petition, "2026-11-24", "Phản ánh rác thải ở chợ Xóm Mới", "Hồ Thị Thu")

	b := app.newTab(t)
	storySignIn(b, "head", "/ho-so")
	b.mustSee("the head's own unit", "Đơn vị của tôi", "Đơn vị cấp dưới", "53 hồ sơ", "UBND tỉnh Khánh Hòa")
	b.open("/ho-so?unit=KH-UBND")
	b.mustSee("the whole scope", "54 hồ sơ · 50 hồ sơ trên trang này")
	storySubmit(b, "the next page", chromedp.Click(chromedp.CSS(`a[rel=next]`)))
	b.mustSee("the second page", "54 hồ sơ · 4 hồ sơ trên trang này", "Trang trước", "UBND phường Nha Trang", "chỉ xem",
		"vuốt ngang để xem các cột khác")
	hint := get(b, "the scroll hint", chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('.scroll-hint')).display !== 'none'`))
	wrap := get(b, "the table's frame", chromedp.Evaluate[int](`(w => w.scrollWidth - w.clientWidth)(document.querySelector('.table-wrap'))`))
	if !hint || wrap <= 0 {
		t.Errorf("at %d px the table should scroll in its frame (%d px more) and say so (hint shown: %v)", phoneWidth, wrap, hint)
	}
	citeShots(b, "queue", "the queue's second page")
	b.run("widen", chromedp.EmulateViewport(deskWidth, 900))
	if get(b, "the scroll hint at 1280", chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('.scroll-hint')).display !== 'none'`)) {
		t.Error("a desk's screen shows the phone's scroll hint")
	}
	b.run("back to a phone", chromedp.EmulateViewport(phoneWidth, 900))
	storySubmit(b, "the previous page", chromedp.Click(chromedp.CSS(`a[rel=prev]`)))
	b.mustSee("back on the first page", "54 hồ sơ · 50 hồ sơ trên trang này", "Trang sau")
	storyDone(b)
}
