package handlers

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"petitions/workflow"
)

// Issue 19's units in Chromium: the administrator adds a commune under the
// province, renames it (the old name stays, with its last day), and is
// refused a move of a unit under itself. Screenshots at 375 and 1280 px.
func TestUnitsStoryInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	admin := app.newTab(t)
	storySignIn(admin, "admin", "/quan-tri/nguoi-dung")
	admin.open("/quan-tri/don-vi")
	admin.mustSee("the units of the scope", "Đơn vị trong phạm vi quản trị", "KH-UBND", "KH-NT", "Thêm đơn vị")
	admin.run("a new commune", chromedp.SetValue(chromedp.CSS("#n-code"), "KH-XM"),
		chromedp.SetValue(chromedp.CSS("#n-name"), "UBND xã Xuân Mai"), chromedp.SetValue(chromedp.CSS("#n-level"), "commune"),
		chromedp.SetValue(chromedp.CSS("#n-parent"), "KH-UBND"))
	storySubmit(admin, "add", chromedp.Click(chromedp.CSS(`form[action="/quan-tri/don-vi"] button`)))
	admin.mustSee("added", "Đã thêm đơn vị.", "KH-XM", "UBND xã Xuân Mai", "Cấp xã")

	admin.run("rename it", chromedp.SetValue(chromedp.CSS(`form[action="/quan-tri/don-vi/KH-XM"] input[name="name"]`), "UBND phường Xuân Mai"))
	storySubmit(admin, "save", chromedp.Click(chromedp.CSS(`form[action="/quan-tri/don-vi/KH-XM"] button`)))
	admin.mustSee("renamed, the old name kept", "Đã lưu thay đổi của đơn vị.", "UBND phường Xuân Mai", "Tên cũ «UBND xã Xuân Mai» đến ngày")
	citeShots(admin, "units", "the units of the scope, one renamed")

	admin.run("move the commune under itself", chromedp.SetValue(chromedp.CSS(`form[action="/quan-tri/don-vi/KH-NT"] select[name="parent"]`), "KH-NT"))
	storySubmit(admin, "save", chromedp.Click(chromedp.CSS(`form[action="/quan-tri/don-vi/KH-NT"] button`)))
	admin.mustSee("refused", "Không thể chuyển đơn vị KH-NT vào dưới chính nó")
	storyDone(admin)
}

// The calendar in Chromium: the administrator makes a working day a day off,
// sees how many running deadlines it would move before confirming, and the
// recount is reported once saved. Screenshots at 375 and 1280 px.
func TestCalendarEditInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	qcCase(t, app, "reception", workflow.Petition, "2026-11-20", "Kiến nghị sửa đường liên thôn", "Nguyễn Văn Kiến")
	admin := app.newTab(t)
	storySignIn(admin, "admin", "/quan-tri/nguoi-dung")
	admin.open("/lich-lam-viec")
	admin.mustSee("the form", "Sửa một ngày của lịch", "Xem trước")
	admin.run("a day off", chromedp.SetValue(chromedp.CSS("#cal-day"), "01/12/2026"), chromedp.SetValue(chromedp.CSS("#cal-kind"), "off"),
		chromedp.SetValue(chromedp.CSS("#cal-name"), "Nghỉ bù theo quyết định"), chromedp.SetValue(chromedp.CSS("#cal-source"), "QĐ 1/2026/QĐ-TTg"))
	storySubmit(admin, "preview", chromedp.Click(chromedp.CSS(`button[value="0"]`)))
	admin.mustSee("how many would move", "thời hạn đang chạy của 1 hồ sơ sẽ được tính lại", "Xác nhận và tính lại thời hạn")
	citeShots(admin, "calendar-preview", "a day off previewed: the deadlines it would move")
	storySubmit(admin, "confirm", chromedp.Click(chromedp.CSS("#cal-confirm")))
	admin.mustSee("saved and recounted", "Đã lưu ngày 01/12/2026; đã tính lại", "của 1 hồ sơ", "Nghỉ bù theo quyết định", "do quản trị viên đặt")
	storyDone(admin)
}

// Issue 19's merger in Chromium: the administrator ticks two communes, names
// the new commune that takes over from 01/11/2026, sees how many active cases
// and users would move, confirms; the moved case tells its move in its
// history, and a merger into the ended commune is refused by its rule.
// Screenshots at 375 and 1280 px.
func TestMergeStoryInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	if _, err := app.Store.CreateUnit(context.Background(), "KH-VH", "UBND xã Vĩnh Hiệp", "commune", "KH-UBND"); err != nil {
		t.Fatal(err)
	}
	moved := qcCase(t, app, "reception.nt", workflow.Petition, "2026-10-12", "Kiến nghị sửa đường liên thôn", "Nguyễn Văn Kiến")
	admin := app.newTab(t)
	storySignIn(admin, "admin", "/quan-tri/nguoi-dung")
	admin.open("/quan-tri/don-vi")
	admin.mustSee("the merger's form", "Sắp xếp đơn vị (sáp nhập)", "Đơn vị kết thúc hoạt động", "UBND xã Vĩnh Hiệp (KH-VH)")
	admin.run("two communes into a new one", chromedp.Click(chromedp.CSS(`input[name="from"][value="KH-NT"]`)),
		chromedp.Click(chromedp.CSS(`input[name="from"][value="KH-VH"]`)),
		chromedp.SetValue(chromedp.CSS("#r-on"), "01/11/2026"), chromedp.SetValue(chromedp.CSS("#r-code"), "KH-HN"),
		chromedp.SetValue(chromedp.CSS("#r-name"), "UBND phường Hòa Nha"))
	storySubmit(admin, "preview", chromedp.Click(chromedp.CSS(`form[action="/quan-tri/sap-xep-don-vi"] button[value="0"]`)))
	admin.mustSee("what it would do", "Nếu xác nhận: KH-NT, KH-VH kết thúc từ ngày 01/11/2026; 1 hồ sơ đang giải quyết chuyển sang KH-HN (đơn vị mới)",
		"Xác nhận sắp xếp")
	citeShots(admin, "merge-preview", "two communes merged into a new one, previewed")
	storySubmit(admin, "confirm", chromedp.Click(chromedp.CSS("#reorg-confirm")))
	admin.mustSee("merged", "Đã sắp xếp: KH-NT, KH-VH kết thúc từ ngày 01/11/2026; 1 hồ sơ đang giải quyết đã chuyển sang KH-HN (đơn vị mới)",
		"UBND phường Hòa Nha", "Ngừng hoạt động sau ngày 31/10/2026", "Công việc chuyển sang KH-HN")

	admin.run("merge the ended commune again", chromedp.Click(chromedp.CSS(`input[name="from"][value="KH-HN"]`)),
		chromedp.SetValue(chromedp.CSS("#r-on"), "20/11/2026"), chromedp.SetValue(chromedp.CSS("#r-code"), "KH-NT"))
	storySubmit(admin, "preview", chromedp.Click(chromedp.CSS(`form[action="/quan-tri/sap-xep-don-vi"] button[value="0"]`)))
	admin.mustSee("refused", "Không thể sáp nhập vào đơn vị KH-NT đã kết thúc hoạt động")

	head := app.newTab(t)
	storySignIn(head, "head.nt", "/ho-so") // moved with the commune: its case is still theirs
	head.open(fmt.Sprintf("/ho-so/%d", moved.ID))
	head.mustSee("the move in the case's history", "Chuyển đơn vị do sắp xếp đơn vị hành chính",
		"Chuyển từ: UBND phường Nha Trang → UBND phường Hòa Nha", "Có hiệu lực từ ngày: 01/11/2026")
	citeShots(head, "merge-case", "the moved case's history")
	storyDone(admin)
	storyDone(head)
}
