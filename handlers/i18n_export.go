package handlers

// exportMessages are the labels of the queue's export (web_export.go), merged
// into messages at start-up.
var exportMessages = map[string][2]string{
	"export.code":       {"Mã hồ sơ", "Tracking code"},
	"export.kind":       {"Loại đơn", "Kind"},
	"export.state":      {"Trạng thái", "State"},
	"export.unit":       {"Đơn vị", "Unit"},
	"export.received":   {"Ngày tiếp nhận", "Received"},
	"export.due":        {"Hạn sớm nhất", "Earliest due"},
	"export.status":     {"Tình trạng hạn", "Deadline status"},
	"export.assignee":   {"Người xử lý", "Assignee"},
	"export.subject":    {"Trích yếu", "Subject"},
	"export.sheet":      {"Hồ sơ", "Cases"},
	"export.cut":        {"Chỉ xuất %d hồ sơ đầu tiên; hãy lọc thêm để xuất phần còn lại.", "Only the first %d cases were exported; filter further to export the rest."},
	"export.bad_format": {"Định dạng xuất phải là xlsx hoặc csv.", "The export format must be xlsx or csv."},
}

func init() {
	addMessages(exportMessages)
}
