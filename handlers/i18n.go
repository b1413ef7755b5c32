package handlers

// messages holds every label of the pages: Vietnamese first, English second.
// A key missing from a language falls back to Vietnamese, then to the key.
var messages = map[string][2]string{
	"app.name":     {"Tiếp công dân và xử lý đơn thư", "Citizen reception and petitions"},
	"app.footer":   {"Ngày làm việc tính theo lịch nhà nước", "Working days follow the official calendar"},
	"nav.label":    {"Điều hướng chính", "Main navigation"},
	"nav.signin":   {"Đăng nhập", "Sign in"},
	"nav.signout":  {"Đăng xuất", "Sign out"},
	"nav.home":     {"Tra cứu", "Look up"},
	"nav.desk":     {"Tiếp nhận", "Reception desk"},
	"nav.queue":    {"Hồ sơ", "Cases"},
	"nav.audit":    {"Giám sát", "Audit"},
	"nav.settings": {"Cài đặt đơn vị", "Unit settings"},
	"nav.public":   {"Công khai", "Disclosures"},

	// internalKey: the one sentence of every internal error, API and pages.
	"error.internal": {"Đã có lỗi hệ thống; vui lòng thử lại sau.", "Something went wrong; please try again later."},
	"error.timeout": {"Yêu cầu đọc quá nhiều dữ liệu và đã bị dừng sau thời gian cho phép; hãy chọn phạm vi hẹp hơn hoặc thử lại sau.",
		"The request read too much and was stopped after the time allowed; choose a narrower range or try again later."},

	"notfound.title":   {"Không tìm thấy trang", "Page not found"},
	"notfound.text":    {"Địa chỉ này không có trang nào. Có thể địa chỉ bị gõ sai hoặc trang đã được chuyển đi.", "There is no page at this address. It may have been mistyped, or the page has moved."},
	"notallowed.title": {"Không thực hiện được yêu cầu", "Request not allowed"},
	"notallowed.text":  {"Trang này không nhận loại yêu cầu vừa gửi.", "This page does not accept that kind of request."},
	"notfound.home":    {"Về trang chủ", "Go to the home page"},

	"role.reception":  {"cán bộ tiếp dân", "reception officer"},
	"role.handler":    {"chuyên viên", "handler"},
	"role.head":       {"thủ trưởng", "head"},
	"role.supervisor": {"giám sát HĐND", "supervisor"},
	"role.admin":      {"quản trị", "administrator"},

	"kind.complaint":    {"Khiếu nại", "Complaint"},
	"kind.denunciation": {"Tố cáo", "Denunciation"},
	"kind.petition":     {"Kiến nghị, phản ánh", "Petition"},
	"kind.dialogue":     {"Đối thoại", "Dialogue"},

	"state.received":      {"Đã tiếp nhận", "Received"},
	"state.assigned":      {"Đã giao xử lý", "Assigned"},
	"state.in_resolution": {"Đang giải quyết", "In resolution"},
	"state.suspended":     {"Tạm đình chỉ", "Suspended"},
	"state.resolved":      {"Đã giải quyết", "Resolved"},
	"state.disclosed":     {"Đã công khai", "Disclosed"},
	"state.closed":        {"Đã kết thúc", "Closed"},
	"state.rejected":      {"Không thụ lý", "Rejected"},
	"state.transferred":   {"Đã chuyển đơn", "Transferred"},
	"state.filed":         {"Lưu đơn", "Filed"},
	"state.withdrawn":     {"Rút đơn / đình chỉ", "Withdrawn"},

	"status.on_track":     {"Trong hạn", "On track"},
	"status.due_soon":     {"Sắp đến hạn", "Due soon"},
	"status.overdue":      {"Quá hạn", "Overdue"},
	"status.very_overdue": {"Quá hạn nghiêm trọng", "Very overdue"},
	"status.prolonged":    {"Kéo dài", "Prolonged"},

	"clock.processing":        {"Trả lời người gửi đơn", "Reply to the sender"},
	"clock.acceptance":        {"Thụ lý", "Acceptance"},
	"clock.transfer":          {"Chuyển đơn", "Transfer"},
	"clock.notification":      {"Thông báo thụ lý", "Notification"},
	"clock.resolution":        {"Giải quyết", "Resolution"},
	"clock.delivery":          {"Gửi quyết định/kết luận", "Delivery"},
	"clock.disclosure":        {"Công khai", "Disclosure"},
	"clock.forwarder_reply":   {"Thông báo kết quả cho cơ quan chuyển đơn", "Reply to the forwarder"},
	"clock.decision_delivery": {"Gửi quyết định tạm đình chỉ, đình chỉ, tiếp tục giải quyết", "Sending a suspension, termination or continuation decision"},

	"channel.walk_in":   {"Trực tiếp", "Walk-in"},
	"channel.post":      {"Bưu điện", "Post"},
	"channel.online":    {"Trực tuyến", "Online"},
	"channel.forwarded": {"Cơ quan khác chuyển đến", "Forwarded"},
	"channel.hotline":   {"Đường dây nóng", "Hotline"},

	"outcome.correct":        {"Đúng", "Correct"},
	"outcome.partly_correct": {"Đúng một phần", "Partly correct"},
	"outcome.wrong":          {"Sai", "Wrong"},
	"outcome.answered":       {"Đã trả lời", "Answered"},

	"signin.title":     {"Đăng nhập", "Sign in"},
	"signin.login":     {"Tên đăng nhập", "Login"},
	"signin.password":  {"Mật khẩu", "Password"},
	"signin.submit":    {"Đăng nhập", "Sign in"},
	"signin.failed":    {"Sai tên đăng nhập hoặc mật khẩu.", "Wrong login or password."},
	"signin.throttled": {"Đăng nhập sai quá nhiều lần; vui lòng thử lại sau 15 phút.", "Too many failed attempts; try again in 15 minutes."},

	"form.required": {"Trường này là bắt buộc.", "This field is required."},
	"form.csrf":     {"Phiên làm việc đã hết hạn, vui lòng gửi lại biểu mẫu.", "Your session expired; please submit the form again."},
}

// addMessages merges a page's labels into messages at start-up. Two files
// giving one key would leave one of them wrong on the page, silently: refuse.
func addMessages(m map[string][2]string) {
	for k, v := range m {
		if _, taken := messages[k]; taken {
			panic("handlers: message key " + k + " is defined twice")
		}
		messages[k] = v
	}
}

// translate looks a key up in the page's language.
func translate(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == "en" && m[1] != "" {
		return m[1]
	}
	return m[0]
}
