package handlers

// reportMessages are the words of the official reports' pages (web_reports.go).
// The forms' own headings stay as TT 01/2024/TT-TTCP prints them, in Vietnamese.
var reportMessages = map[string][2]string{
	"nav.reports":         {"Báo cáo", "Reports"},
	"report.title":        {"Báo cáo thống kê theo Thông tư 01/2024/TT-TTCP", "Statistical reports (Circular 01/2024/TT-TTCP)"},
	"report.lead":         {"Kỳ báo cáo tính từ ngày 15 tháng trước đến ngày 14 tháng cuối kỳ; có thể chọn khoảng ngày bất kỳ. Mỗi số liệu mở danh sách hồ sơ tạo nên số liệu đó.", "Periods run from the 15th to the 14th; any range of days may be chosen. Every figure opens the list of cases behind it."},
	"report.denied":       {"Chỉ thủ trưởng, giám sát và quản trị được xem báo cáo.", "Only heads, supervisors and administrators read the reports."},
	"report.period":       {"Kỳ báo cáo", "Period"},
	"report.or_range":     {"hoặc từ ngày … đến ngày", "or from … to"},
	"report.from":         {"Từ ngày", "From"},
	"report.to":           {"Đến ngày", "To"},
	"report.basis_short":  {"Ban hành kèm theo Thông tư số 01/2024/TT-TTCP", "Annexed to Circular 01/2024/TT-TTCP"},
	"report.span":         {"Số liệu tính từ ngày", "Figures from"},
	"report.span_to":      {"đến ngày", "to"},
	"report.unit":         {"Đơn vị", "Unit"},
	"report.total":        {"Tổng cộng", "Total"},
	"report.checks":       {"Kiểm tra đẳng thức của biểu", "The form's identities"},
	"report.check_ok":     {"đúng", "holds"},
	"report.check_broken": {"không đúng", "fails"},
	"report.check_cases":  {"%d hồ sơ làm sai đẳng thức", "%d cases break it"},
	"report.notes":        {"Ghi chú cách tính", "How the figures are counted"},
	"report.basis":        {"Căn cứ", "Basis"},
	"report.xlsx":         {"Tải về (Excel)", "Download (Excel)"},
	"report.csv":          {"Tải về (CSV)", "Download (CSV)"},
	"report.print":        {"In báo cáo", "Print"},
	"report.behind":       {"Hồ sơ tạo nên số liệu", "The cases behind a figure"},
	"report.column":       {"cột", "column"},
	"report.count":        {"%d mục", "%d entries"},
	"report.entry":        {"Hồ sơ, lượt tiếp", "Case or visit"},
	"report.kind":         {"Loại đơn", "Kind"},
	"report.day":          {"Ngày nhận, ngày tiếp", "Received or visited"},
	"report.session":      {"Buổi tiếp", "Session"},
	"report.visit":        {"Lượt tiếp", "Visit"},
	"report.bad_column":   {"Biểu không có cột này.", "The form has no such column."},
}

func init() { addMessages(reportMessages) }
