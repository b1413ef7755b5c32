package handlers

// adminMessages are the words of the administration's pages (issue 19).
var adminMessages = map[string][2]string{
	"pw.title":    {"Đổi mật khẩu", "Change your password"},
	"pw.must":     {"Mật khẩu của bạn do quản trị viên cấp. Hãy đặt mật khẩu của riêng bạn trước khi tiếp tục.", "An administrator gave you this password. Choose your own before going on."},
	"pw.current":  {"Mật khẩu hiện tại", "Current password"},
	"pw.new":      {"Mật khẩu mới", "New password"},
	"pw.repeat":   {"Nhập lại mật khẩu mới", "New password again"},
	"pw.rule":     {"Ít nhất 10 ký tự, có cả chữ và số.", "At least 10 characters, letters and digits both."},
	"pw.save":     {"Đổi mật khẩu", "Change the password"},
	"pw.mismatch": {"Hai lần nhập mật khẩu mới không khớp.", "The two new passwords differ."},
	"pw.done":     {"Đã đổi mật khẩu. Hãy đăng nhập lại bằng mật khẩu mới.", "Password changed. Sign in again with the new one."},
	"nav.users":   {"Người dùng", "Users"},

	"users.title":          {"Người dùng của đơn vị", "The unit's users"},
	"users.denied":         {"Chỉ quản trị viên và thủ trưởng đơn vị được xem người dùng.", "Only administrators and a unit's head see its users."},
	"users.login":          {"Tên đăng nhập", "Login"},
	"users.name":           {"Họ tên", "Name"},
	"users.role":           {"Vai trò", "Role"},
	"users.state":          {"Tình trạng", "State"},
	"users.acts":           {"Thao tác", "Actions"},
	"users.active":         {"đang hoạt động", "active"},
	"users.locked":         {"đã khóa", "locked"},
	"users.must_change":    {"phải đổi mật khẩu khi đăng nhập", "must change the password at sign-in"},
	"users.save":           {"Lưu", "Save"},
	"users.lock":           {"Khóa", "Lock"},
	"users.unlock":         {"Mở khóa", "Unlock"},
	"users.reset":          {"Cấp lại mật khẩu", "Reset the password"},
	"users.none":           {"Đơn vị chưa có người dùng.", "The unit has no user."},
	"users.new":            {"Tạo người dùng", "Add a user"},
	"users.password":       {"Mật khẩu ban đầu", "First password"},
	"users.first_sign_in":  {"Người dùng phải đổi mật khẩu này khi đăng nhập lần đầu.", "The user changes it at the first sign-in."},
	"users.create":         {"Tạo", "Add"},
	"users.created":        {"Đã tạo người dùng.", "User added."},
	"users.saved":          {"Đã lưu.", "Saved."},
	"users.temporary":      {"Mật khẩu tạm thời của", "The temporary password of"},
	"users.temporary_hint": {"Trao cho người dùng; mật khẩu chỉ hiện lần này, và phải đổi khi đăng nhập.", "Hand it over; it is shown this once and must be changed at sign-in."},
}

func init() { addMessages(adminMessages) }
