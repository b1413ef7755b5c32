package handlers

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"petitions/workflow"
)

// Issue 15: the resolve form draws its fields from workflow.Fields, the
// results grouped under the report forms' heading; the head fills them in
// the Vietnamese way and the history shows them.
func TestResolveFormWithResultsInABrowser(t *testing.T) {
	app := mustServeWeb(t)
	c := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-20", "Tố cáo sai phạm trong bồi thường giải phóng mặt bằng", "Phạm Văn Tố")
	qcFire(t, app, "head", c.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	qcFire(t, app, "head", c.ID, workflow.Input{Event: workflow.EvAccept})
	b := app.newTab(t)
	b.signIn("head")
	b.open("/ho-so/" + strconv.FormatInt(c.ID, 10))
	b.run("open the resolve form", chromedp.Click(chromedp.CSS("#act-resolve summary")),
		chromedp.WaitVisible(chromedp.CSS("#ev-resolve-recover_money")))
	b.mustSee("resolve form", "Kết quả thu hồi, trả lại quyền lợi, xử lý vi phạm", "Kiến nghị thu hồi cho Nhà nước: tiền (triệu đồng)")
	b.run("fill in the results", chromedp.SetValue(chromedp.CSS("#ev-resolve-outcome"), "partly_correct"),
		chromedp.SetValue(chromedp.CSS("#ev-resolve-summary"), "Tố cáo đúng một phần; kiến nghị thu hồi tiền bồi thường chi sai."),
		chromedp.SetValue(chromedp.CSS("#ev-resolve-recover_money"), "1.250,5"),
		chromedp.SetValue(chromedp.CSS("#ev-resolve-sanction_persons"), "2"),
		chromedp.SetValue(chromedp.CSS("#ev-resolve-sanction_officials"), "2"),
		chromedp.ScrollIntoView(chromedp.CSS("#ev-resolve-recover_money")))
	b.checkLayout("the resolve form at 375 px")
	b.screenshot("resolve-results-375")
	b.run("desktop width", chromedp.EmulateViewport(1280, 900))
	b.checkLayout("the resolve form at 1280 px")
	b.screenshot("resolve-results-1280")
	storySubmit(b, "resolve", chromedp.Click(chromedp.CSS("#act-resolve button[type=submit]")))
	b.mustSee("the history", "Kiến nghị thu hồi cho Nhà nước: tiền (triệu đồng): 1250,5", "Kiến nghị xử lý hành chính: tổng số người: 2")
}
