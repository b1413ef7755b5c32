package handlers

// The import page (GET/POST /quan-tri/nhap; issue 19): an administrator
// sends a sheet of units and users, first as a dry run that lists every
// row's problem, then for real; the temporary passwords given are shown
// once, on the answer. The API is import.go.

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

const importPath = "/quan-tri/nhap"

// importView is the page's data.
type importView struct {
	Denied bool
	Result *store.ImportResult
	Done   bool // written
	// CheckOnly ticks "check only" unless the last answer was a clean dry run.
	CheckOnly bool
}

var importMessages = map[string][2]string{
	"nav.import":          {"Nhập từ tệp", "Import"},
	"import.title":        {"Nhập đơn vị và người dùng từ tệp", "Import units and users from a file"},
	"import.denied":       {"Chỉ quản trị viên được nhập đơn vị và người dùng.", "Only administrators import units and users."},
	"import.lead":         {"Tệp CSV (một loại mỗi tệp) hoặc Excel (mỗi trang một loại). Dòng đầu là tiêu đề cột. Đơn vị: Mã đơn vị, Tên đơn vị, Cấp, Đơn vị cấp trên. Người dùng: Tên đăng nhập, Họ tên, Vai trò, Đơn vị, Mật khẩu (để trống thì hệ thống cấp mật khẩu tạm thời). Người dùng phải đổi mật khẩu khi đăng nhập lần đầu.", "A csv file (one kind per file) or an xlsx workbook (one kind per sheet), the first row naming the columns. Units: code, name, level, parent. Users: login, name, role, unit, password (left empty, a temporary one is given). Users change their password at the first sign-in."},
	"import.file":         {"Tệp", "File"},
	"import.dry_run":      {"Chỉ kiểm tra, chưa ghi", "Check only, write nothing"},
	"import.send":         {"Gửi tệp", "Send the file"},
	"import.checked":      {"Đã kiểm tra %d đơn vị và %d người dùng: không có lỗi. Bỏ chọn “Chỉ kiểm tra” và gửi lại để ghi.", "Checked %d units and %d users: no problem. Untick “Check only” and send again to write them."},
	"import.refused":      {"Có %d dòng không hợp lệ; không có gì được ghi.", "%d rows refused; nothing was written."},
	"import.done":         {"Đã thêm %d đơn vị và %d người dùng.", "Added %d units and %d users."},
	"import.sheet":        {"Trang / tệp", "Sheet / file"},
	"import.line":         {"Dòng", "Line"},
	"import.field":        {"Cột", "Column"},
	"import.problem":      {"Lỗi", "Problem"},
	"import.col.code":     {"Mã đơn vị", "Code"},
	"import.col.name":     {"Tên", "Name"},
	"import.col.level":    {"Cấp", "Level"},
	"import.col.parent":   {"Đơn vị cấp trên", "Parent"},
	"import.col.login":    {"Tên đăng nhập", "Login"},
	"import.col.role":     {"Vai trò", "Role"},
	"import.col.unit":     {"Đơn vị", "Unit"},
	"import.col.password": {"Mật khẩu", "Password"},
	"import.passwords":    {"Mật khẩu tạm thời (chỉ hiện lần này; trao cho từng người, họ phải đổi khi đăng nhập)", "Temporary passwords (shown this once; hand each over, they change it at sign-in)"},
}

func init() { addMessages(importMessages) }

func (w *web) importPage(c *gin.Context) {
	w.render(c, adminOnlyStatus(viewerOf(c)), "import", importView{Denied: viewerOf(c).Role != workflow.RoleAdmin, CheckOnly: true}, nil)
}

// adminOnlyStatus is 403 for anyone but an administrator.
func adminOnlyStatus(v workflow.Viewer) int {
	if v.Role != workflow.RoleAdmin {
		return http.StatusForbidden
	}
	return http.StatusOK
}

// importPost is POST /quan-tri/nhap.
func (w *web) importPost(c *gin.Context) {
	if viewerOf(c).Role != workflow.RoleAdmin {
		w.importPage(c)
		return
	}
	dryRun := c.PostForm("dry_run") == "1"
	res, err := runImport(c, w.store, dryRun)
	if err != nil {
		if e := userRefusal(c, err); e != nil {
			w.render(c, statusOf(e.Code), "import", importView{CheckOnly: true}, map[string]string{"file": sentence(e.Message)})
		}
		return
	}
	status := http.StatusOK
	if len(res.Problems) > 0 && !dryRun { // as the API: a dry run's problems are its answer
		status = http.StatusUnprocessableEntity
	}
	w.render(c, status, "import", importView{Result: &res, Done: !dryRun && len(res.Problems) == 0,
		CheckOnly: !dryRun || len(res.Problems) > 0}, nil)
}
