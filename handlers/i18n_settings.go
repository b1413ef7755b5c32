package handlers

// settingsMessages are the labels of the unit settings page (web_settings.go),
// merged into messages at start-up.
var settingsMessages = map[string][2]string{
	"settings.title":           {"Cài đặt của đơn vị", "Unit settings"},
	"settings.unit":            {"Đơn vị", "Unit"},
	"settings.show":            {"Xem", "Show"},
	"settings.in_force":        {"Đang áp dụng hôm nay", "In force today"},
	"settings.petition_days":   {"Thời hạn giải quyết kiến nghị, phản ánh (ngày)", "Days to answer a petition"},
	"settings.disclose":        {"Công khai quyết định giải quyết khiếu nại lần đầu", "Publish round-1 complaint decisions"},
	"settings.effective_from":  {"Áp dụng từ ngày", "In force from"},
	"settings.defaults":        {"Mặc định (chưa cài đặt)", "Defaults (never set)"},
	"settings.keep_running":    {"Thời hạn đã bắt đầu giữ nguyên độ dài; cài đặt mới chỉ áp dụng cho thời hạn bắt đầu từ ngày áp dụng.", "Clocks already running keep their length; new settings apply to clocks that start on or after their day."},
	"settings.set":             {"Thay đổi cài đặt", "Change the settings"},
	"settings.save":            {"Lưu cài đặt", "Save the settings"},
	"settings.saved":           {"Đã lưu cài đặt.", "Settings saved."},
	"settings.history":         {"Lịch sử thay đổi", "Changes"},
	"settings.set_by":          {"Người cài đặt", "Set by"},
	"settings.set_at":          {"Thời điểm", "Set at"},
	"settings.migrated":        {"(cài đặt cũ)", "(earlier setting)"},
	"settings.none":            {"Đơn vị chưa có thay đổi nào; đang dùng mặc định.", "No changes yet; the defaults apply."},
	"settings.denied":          {"Chỉ quản trị viên, thủ trưởng và giám sát viên của đơn vị hoặc cấp trên được xem cài đặt; chỉ quản trị viên được thay đổi.", "Only administrators, heads and supervisors of the unit or above see its settings; only administrators change them."},
	"settings.no_unit":         {"Không tìm thấy đơn vị.", "No such unit."},
	"settings.doc_symbol":      {"Chữ viết tắt tên cơ quan trong số văn bản", "The body's abbreviation in paper numbers"},
	"settings.lookup_url":      {"Địa chỉ trang tra cứu của đơn vị", "The unit's look-up page"},
	"settings.lookup_url_own":  {"trang tra cứu của hệ thống (/tra-cuu)", "this site's look-up (/tra-cuu)"},
	"settings.lookup_url_hint": {"Mã QR trên văn bản gửi công dân dẫn tới địa chỉ này kèm mã hồ sơ; để trống thì dùng trang tra cứu của hệ thống.", "The QR code on papers to the citizen leads here with the tracking code; empty, this site's look-up."},
	"settings.doc_symbol_hint": {"Ví dụ UBND trong số 15/TB-UBND (Phụ lục I Nghị định 30/2020/NĐ-CP).", "For example UBND in 15/TB-UBND (Decree 30/2020, Annex I)."},
}

func init() {
	addMessages(settingsMessages)
}
