package handlers

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
)

// officialsWorkbook writes a workbook with a sheet of one new commune and a
// sheet of n officials, as a province's personnel office fills it (Vietnamese
// headers and role labels); the row of official bad names no unit.
func officialsWorkbook(t *testing.T, n, bad int) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	x.SetSheetName("Sheet1", "Đơn vị")
	x.SetSheetRow("Đơn vị", "A1", &[]any{"Mã đơn vị", "Tên đơn vị", "Cấp", "Đơn vị cấp trên"})
	x.SetSheetRow("Đơn vị", "A2", &[]any{"KH-CR", "UBND phường Cam Ranh", "Cấp xã", "KH-UBND"})
	x.NewSheet("Cán bộ")
	x.SetSheetRow("Cán bộ", "A1", &[]any{"Tên đăng nhập", "Họ tên", "Vai trò", "Đơn vị"})
	for i := range n {
		unit := []string{"KH-CR", "KH-NT"}[i%2]
		if i == bad {
			unit = ""
		}
		x.SetSheetRow("Cán bộ", fmt.Sprintf("A%d", i+2), &[]any{fmt.Sprintf("cb.cr%02d", i), fmt.Sprintf("Nguyễn Văn Cán %02d", i), []string{"Chuyên viên", "Cán bộ tiếp dân"}[i%2], unit})
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("can-bo-%d.xlsx", bad))
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Issue 19's import in Chromium: the administrator checks a sheet of 50
// officials, is shown the one row without a unit (nothing written), sends the
// corrected sheet as a dry run, then for real, and is shown each temporary
// password once. Screenshots at 375 and 1280 px.
func TestImportStoryInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	admin := app.newTab(t)
	storySignIn(admin, "admin", "/quan-tri/nguoi-dung")
	admin.open("/quan-tri/nhap")
	admin.mustSee("the import page", "Nhập đơn vị và người dùng từ tệp", "Chỉ kiểm tra, chưa ghi")

	admin.run("a sheet with a row without unit", chromedp.SetUploadFiles("#import-file", []string{officialsWorkbook(t, 50, 17)}))
	storySubmit(admin, "check", chromedp.Click(chromedp.CSS(`form[action^="/quan-tri/nhap"] button`)))
	admin.mustSee("the row refused", "Có 1 dòng không hợp lệ; không có gì được ghi.", "Cán bộ", "19", "người dùng phải thuộc một đơn vị")
	citeShots(admin, "import-refused", "a sheet of 50 officials checked: the row without a unit named")

	admin.run("the corrected sheet", chromedp.SetUploadFiles("#import-file", []string{officialsWorkbook(t, 50, -1)}))
	storySubmit(admin, "check again", chromedp.Click(chromedp.CSS(`form[action^="/quan-tri/nhap"] button`)))
	admin.mustSee("clean", "Đã kiểm tra 1 đơn vị và 50 người dùng: không có lỗi.")
	admin.run("write it", chromedp.SetUploadFiles("#import-file", []string{officialsWorkbook(t, 50, -1)}))
	storySubmit(admin, "import", chromedp.Click(chromedp.CSS(`form[action^="/quan-tri/nhap"] button`)))
	admin.mustSee("written, the passwords once", "Đã thêm 1 đơn vị và 50 người dùng.", "Mật khẩu tạm thời", "cb.cr00", "cb.cr49")
	citeShots(admin, "import-done", "50 officials imported, each temporary password shown once")

	admin.open("/quan-tri/nguoi-dung?unit=KH-NT")
	admin.mustSee("the reception officers of the other commune", "cb.cr01", "cán bộ tiếp dân")
	admin.open("/quan-tri/nguoi-dung?unit=KH-CR")
	admin.mustSee("the commune's officials", "UBND phường Cam Ranh", "cb.cr00", "Nguyễn Văn Cán 48", "chuyên viên", "phải đổi mật khẩu khi đăng nhập")
	storyDone(admin)
}
