package handlers

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"petitions/workflow"
)

// TestCorrectFormInABrowser opens the correction form of a case page in
// Chromium, at a phone's width and at a desktop's, refuses a date in the
// future next to its field, and keeps screenshots of both widths.
func TestCorrectFormInABrowser(t *testing.T) {
	app := mustServeWeb(t)
	c := qcCase(t, app, "reception", workflow.Complaint, "2026-11-20", "Khiếu nại quyết định thu hồi đất ở phường Vĩnh Hải", "Nguyễn Thị Hồng")
	b := app.newTab(t)
	b.signIn("reception")
	b.open("/ho-so/" + strconv.FormatInt(c.ID, 10))
	b.run("open the correction form", chromedp.Click(chromedp.CSS("#act-correct summary")),
		chromedp.WaitVisible(chromedp.CSS("#ev-correct-reason")))
	b.mustSee("correction form", "Sửa thông tin đăng ký", "Lý do sửa", "Họ tên")
	b.checkLayout("the correction form at 375 px")
	b.run("type a date in the future", chromedp.SetValue(chromedp.CSS("#ev-correct-received_on"), "26/11/2026"),
		chromedp.SetValue(chromedp.CSS("#ev-correct-reason"), "Nhập nhầm ngày nhận đơn"))
	storySubmit(b, "send the correction", chromedp.Click(chromedp.CSS("#act-correct button[type=submit]")))
	b.mustSee("the refusal", "Ngày nhận đơn không được sau ngày hôm nay.")
	b.run("scroll to the form", chromedp.ScrollIntoView(chromedp.CSS("#act-correct")))
	b.checkLayout("the refused correction at 375 px")
	b.screenshot("correct-form-375")
	b.run("desktop width", chromedp.EmulateViewport(1280, 900))
	b.checkLayout("the correction form at 1280 px")
	b.screenshot("correct-form-1280")
}
