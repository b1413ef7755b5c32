package handlers

// Screenshots of issue 13 §5 in Chromium, at a phone's width and a desk's: a
// refused extension with the rule's words in its form, and a printed receipt
// citing the law the Vietnamese way.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"petitions/workflow"
)

// deskWidth is an officer's screen.
const deskWidth = 1280

// citeShots checks the layout and keeps the page at both widths.
func citeShots(b *tab, name, what string) {
	b.t.Helper()
	storyShot(b, name+"-375", what)
	b.run("widen to "+fmt.Sprint(deskWidth), chromedp.EmulateViewport(deskWidth, 900))
	b.screenshot(name + "-1280")
	b.run("back to a phone", chromedp.EmulateViewport(phoneWidth, 900))
}

func TestRefusedExtensionAndReceiptInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	den := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-20", "Tố cáo vi phạm trong đấu thầu xây trường học", "Trần Văn Tố")
	compl := qcCase(t, app, "reception", workflow.Complaint, "2026-11-25", "Khiếu nại quyết định thu hồi đất", "Nguyễn Thị Lan")

	head := app.newTab(t)
	storySignIn(head, "head", "/ho-so")
	head.open(fmt.Sprintf("/ho-so/%d", den.ID))
	storyAct(head, "extend by 5 WD", "extend", storyForm{set: map[string]string{"days": "5", "note": "Cần xác minh tại hai xã"}})
	head.mustSee("the extend form, open again", "Còn 1 lần gia hạn; mỗi lần không quá 3 ngày làm việc (khoản 1 Điều 24 Luật Tố cáo 2018).")
	msg := strings.TrimSpace(get(head, "the extend form's message", chromedp.Text(chromedp.CSS("#act-extend span.error"))))
	if want := "Thời hạn thụ lý tố cáo chỉ được kéo dài thêm không quá 3 ngày làm việc (khoản 1 Điều 24 Luật Tố cáo 2018); số ngày gia hạn phải từ 1 đến 3."; msg != want {
		t.Errorf("the refused extension says %q; want %q", msg, want)
	}
	head.run("scroll to the form", chromedp.ScrollIntoView(chromedp.CSS("#act-extend")))
	citeShots(head, "cite-01-extension-refused", "the refused extension")
	storyDone(head)

	desk := app.newTab(t)
	storySignIn(desk, "reception", "/tiep-nhan")
	desk.open(fmt.Sprintf("/bien-nhan/%d", compl.ID))
	desk.mustSee("the receipt", "khoản 1 Điều 28 Luật Tiếp công dân 2013",
		"Điều 27, 36 Luật Khiếu nại 2011; Điều 16 Nghị định 124/2020/NĐ-CP, được sửa đổi bởi Điều 10 Nghị định 155/2026/NĐ-CP")
	if strings.Contains(desk.text(), "Art.") {
		t.Errorf("the receipt cites the English way:\n%s", desk.text())
	}
	citeShots(desk, "cite-02-receipt", "the receipt")
	storyDone(desk)
}
