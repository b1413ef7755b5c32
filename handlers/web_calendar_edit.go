package handlers

// An administrator sets a day of the calendar on its page (POST
// /lich-lam-viec; issue 19): the first press shows how many running clocks of
// how many cases the change would move (DOMAIN.md §3: every clock crossing
// the day is counted again), written nowhere; the second, "confirm", sets
// the day and recounts them in one transaction, as PUT /api/v1/calendar/{day}.

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/workflow"
)

// calendarEdit is the form to set a day, as typed.
type calendarEdit struct {
	Day, Kind, Name, Source string
	Provisional             bool
}

var calendarEditMessages = map[string][2]string{
	"calendar.edit":              {"Sửa một ngày của lịch", "Set a day of the calendar"},
	"calendar.edit_hint":         {"Nhập ngày nghỉ, ngày làm bù theo quyết định của Thủ tướng Chính phủ. Mọi thời hạn đang chạy qua ngày này được tính lại; xem trước số thời hạn sẽ thay đổi rồi mới xác nhận.", "Enter the days off and swapped working days the Prime Minister decides. Every running deadline across the day is counted again; preview how many move, then confirm."},
	"calendar.provisional_field": {"Dự kiến (chưa có quyết định chính thức)", "Provisional (not yet decided)"},
	"calendar.preview":           {"Xem trước", "Preview"},
	"calendar.confirm":           {"Xác nhận và tính lại thời hạn", "Confirm and recount"},
	"calendar.would_move":        {"Nếu lưu, %d thời hạn đang chạy của %d hồ sơ sẽ được tính lại.", "Saving recounts %d running deadlines of %d cases."},
	"calendar.saved":             {"Đã lưu ngày %s; đã tính lại %d thời hạn của %d hồ sơ.", "Day %s saved; %d deadlines of %d cases recounted."},
	"calendar.admin_only":        {"Chỉ quản trị viên được sửa lịch làm việc.", "Only administrators set the calendar."},
}

func init() { addMessages(calendarEditMessages) }

// calendarSet is POST /lich-lam-viec.
func (w *web) calendarSet(c *gin.Context) {
	lang := langOf(c)
	if viewerOf(c).Role != workflow.RoleAdmin {
		w.renderCalendar(c, http.StatusForbidden, calendarView{Year: w.store.Today().Year()},
			map[string]string{"": translate(lang, "calendar.admin_only")})
		return
	}
	edit := calendarEdit{Day: c.PostForm("day"), Kind: c.PostForm("kind"), Name: c.PostForm("name"),
		Source: c.PostForm("source"), Provisional: c.PostForm("provisional") == "1"}
	view := calendarView{Year: w.store.Today().Year(), Edit: edit}
	day, err := parseFormDate("day", edit.Day, lang)
	if err == nil && day.IsZero() {
		err = workflow.Invalid("day", "cần nhập ngày")
	}
	in := workflow.CalendarDay{Day: day, Kind: workflow.DayKind(edit.Kind), Name: edit.Name, Source: edit.Source, Provisional: edit.Provisional}
	if err == nil {
		view.Year = day.Year()
		err = texts(textField{"name", &in.Name, maxShort}, textField{"source", &in.Source, maxShort})
	}
	if err == nil && c.PostForm("confirm") != "1" {
		preview, perr := w.store.PreviewCalendarDay(c.Request.Context(), in)
		if err = perr; err == nil {
			view.Preview = &preview
			w.renderCalendar(c, http.StatusOK, view, nil)
			return
		}
	}
	if err == nil {
		moved, serr := w.store.SetCalendarDay(c.Request.Context(), userOf(c), in)
		if err = serr; err == nil {
			setFlash(c, fmt.Sprintf(translate(lang, "calendar.saved"), day.VN(), moved.Clocks, moved.Cases))
			c.Redirect(http.StatusSeeOther, fmt.Sprintf("/lich-lam-viec?nam=%d", day.Year()))
			return
		}
	}
	if e := userRefusal(c, err); e != nil {
		w.renderCalendar(c, statusOf(e.Code), view, map[string]string{e.Field: sentence(e.Message)})
	}
}
