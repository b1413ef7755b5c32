package handlers

// queueMessages are the queue page's labels for its total, pages, sorts, a
// head's two tabs and read-only rows (web_queue.go), beside caseMessages.
var queueMessages = map[string][2]string{
	"queue.total":          {"%d hồ sơ", "%d cases"},
	"queue.total_more":     {"hơn %d hồ sơ", "more than %d cases"},
	"queue.prev":           {"Trang trước", "Previous page"},
	"queue.sort":           {"Sắp xếp theo", "Sort by"},
	"queue.sort.due":       {"Hạn sớm nhất", "Earliest due"},
	"queue.sort.received":  {"Ngày nhận đơn", "Date received"},
	"queue.sort.unit":      {"Đơn vị", "Unit"},
	"queue.bad_sort":       {"Thứ tự sắp xếp không hợp lệ.", "Unknown sort."},
	"queue.tab.own":        {"Đơn vị của tôi", "My unit"},
	"queue.tab.below":      {"Đơn vị cấp dưới", "Units below"},
	"queue.tabs":           {"Phạm vi danh sách", "Which cases"},
	"queue.readonly":       {"chỉ xem", "read only"},
	"queue.readonly.title": {"Bạn chỉ được xem, không xử lý hồ sơ này", "You may read this case but not act on it"},
	"queue.scroll":         {"Bảng rộng hơn màn hình: vuốt ngang để xem các cột khác →", "The table is wider than the screen: swipe sideways →"},
	"queue.export":         {"Tải về danh sách này", "Download this list"},
	"queue.export.xlsx":    {"Excel (.xlsx)", "Excel (.xlsx)"},
	"queue.export.csv":     {"CSV", "CSV"},
}

func init() {
	addMessages(queueMessages)
}
