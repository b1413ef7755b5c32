package handlers

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Issue 19's first story in Chromium: the administrator lands on the users
// of their unit, adds an official to the commune, who must choose their own
// password at the first sign-in; then locks a handler whose open session
// fails at its next click, and resets a password, shown once. Screenshots
// at 375 and 1280 px.
func TestUsersStoryInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	handler := app.newTab(t)
	storySignIn(handler, "handler", "/ho-so")

	admin := app.newTab(t)
	storySignIn(admin, "admin", "/quan-tri/nguoi-dung")
	admin.mustSee("the agency's users", "Người dùng của đơn vị", "handler", "reception", "Tạo người dùng")
	admin.run("an official for the commune", chromedp.SetValue(chromedp.CSS("#u-login"), "cb.phuong"),
		chromedp.SetValue(chromedp.CSS("#u-name"), "Lê Thị Phường"), chromedp.SetValue(chromedp.CSS("#u-role"), "reception"),
		chromedp.SetValue(chromedp.CSS("#u-unit"), "KH-NT"), chromedp.SetValue(chromedp.CSS("#u-password"), "chikhongcoso"))
	storySubmit(admin, "a weak password", chromedp.Click(chromedp.CSS(`form[method="post"][action="/quan-tri/nguoi-dung"] button`)))
	admin.mustSee("refused", "Mật khẩu cần từ 10 ký tự")
	admin.run("a better one", chromedp.SetValue(chromedp.CSS("#u-password"), "tamthoi2026"))
	storySubmit(admin, "add", chromedp.Click(chromedp.CSS(`form[method="post"][action="/quan-tri/nguoi-dung"] button`)))
	admin.mustSee("added", "Đã tạo người dùng.", "cb.phuong", "Lê Thị Phường", "phải đổi mật khẩu khi đăng nhập")
	citeShots(admin, "users-commune", "the commune's users, one just added")

	// The new official signs in with the given password and must choose one.
	official := app.newTab(t)
	official.open("/dang-nhap")
	official.run("sign in with the given password", chromedp.SendKeys(chromedp.CSS("#login"), "cb.phuong"),
		chromedp.SendKeys(chromedp.CSS("#password"), "tamthoi2026"), chromedp.Submit(chromedp.CSS("#password")))
	storyWaitFor(official, "the password page", `location.pathname === "/doi-mat-khau" && document.readyState === "complete"`)
	official.mustSee("must change", "Mật khẩu của bạn do quản trị viên cấp")
	official.open("/ho-so")
	storyWaitFor(official, "still the password page", `location.pathname === "/doi-mat-khau"`)
	citeShots(official, "users-password", "the first sign-in: choose your own password")
	official.run("choose one", chromedp.SetValue(chromedp.CSS("#current"), "tamthoi2026"),
		chromedp.SetValue(chromedp.CSS("#password"), "riengcuatoi2026"), chromedp.SetValue(chromedp.CSS("#repeat"), "riengcuatoi2026"))
	storySubmit(official, "change it", chromedp.Click(chromedp.CSS(`form[action="/doi-mat-khau"] button`)))
	official.mustSee("changed", "Đã đổi mật khẩu. Hãy đăng nhập lại bằng mật khẩu mới.")
	storyDone(official)

	// Locking the handler ends the session they have open.
	admin.open("/quan-tri/nguoi-dung?unit=KH-UBND")
	storySubmit(admin, "lock the handler", chromedp.Click(chromedp.CSS(`form[action="/quan-tri/nguoi-dung/handler"] button[value="lock"]`)))
	admin.mustSee("locked", "Đã lưu.", "đã khóa")
	handler.open("/ho-so")
	storyWaitFor(handler, "signed out", `location.pathname === "/dang-nhap"`)
	storyDone(handler)

	storySubmit(admin, "reset the reception officer's password", chromedp.Click(chromedp.CSS(`form[action="/quan-tri/nguoi-dung/reception"] button[value="reset"]`)))
	admin.mustSee("the temporary password, once", "Mật khẩu tạm thời của", "reception", "chỉ hiện lần này")
	storyDone(admin)
}

// Issue 19's deputy in Chromium: the administrator gives the commune's
// reception officer a further post, receiving for a second commune, on the
// users page; the officer switches to it from the page's header and the
// desk then registers for that commune. Screenshots at 375 and 1280 px.
func TestDeputyInTwoUnitsInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	if _, err := app.Store.CreateUnit(context.Background(), "KH-VH", "UBND xã Vĩnh Hiệp", "commune", "KH-UBND"); err != nil {
		t.Fatal(err)
	}
	deputy := app.newTab(t)
	storySignIn(deputy, "reception.nt", "/tiep-nhan")
	admin := app.newTab(t)
	storySignIn(admin, "admin", "/quan-tri/nguoi-dung")
	admin.open("/quan-tri/nguoi-dung?unit=KH-NT")
	sel := `form.add-post[action="/quan-tri/nguoi-dung/reception.nt"]`
	admin.run("a post in KH-VH", chromedp.SetValue(chromedp.CSS(sel+` select[name="post_unit"]`), "KH-VH"),
		chromedp.SetValue(chromedp.CSS(sel+` select[name="post_role"]`), "reception"))
	storySubmit(admin, "add the post", chromedp.Click(chromedp.CSS(sel+` button`)))
	admin.mustSee("the post given", "Đã lưu", "KH-VH — cán bộ tiếp dân")
	citeShots(admin, "users-posts", "a commune's users, one holding a further post")

	deputy.open("/tiep-nhan") // the post ended their session (a change of posts does)
	storyWaitFor(deputy, "the sign-in page", `location.pathname === "/dang-nhap"`)
	storySignIn(deputy, "reception.nt", "/tiep-nhan")
	if header := get(deputy, "the header", chromedp.Text(chromedp.CSS("header .post-switch"))); !strings.Contains(header, "Đơn vị làm việc") ||
		!strings.Contains(header, "KH-NT — cán bộ tiếp dân") || !strings.Contains(header, "KH-VH — cán bộ tiếp dân") {
		t.Fatalf("the header's choice of posts: %q", header)
	}
	deputy.run("choose KH-VH", chromedp.SetValue(chromedp.CSS("#post-unit"), "KH-VH"))
	storySubmit(deputy, "switch", chromedp.Click(chromedp.CSS(`form.post-switch button`)))
	deputy.mustSee("acting in KH-VH", "Đang làm việc tại KH-VH với vai trò cán bộ tiếp dân")
	citeShots(deputy, "deputy-switched", "the deputy acting for the second commune")
	storyDone(admin)
	storyDone(deputy)
}
