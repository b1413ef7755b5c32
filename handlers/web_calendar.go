package handlers

// The working-day calendar page (GET /lich-lam-viec?nam=YYYY), open to
// everyone: the days off and the swapped working days of a year, each with
// the document it comes from, a year the Prime Minister has not yet fixed
// marked provisional (DOMAIN.md §3). Every deadline is counted on these days.
// Administrators change a day on the page itself (web_calendar_edit.go) or
// through PUT /api/v1/calendar/{day}.

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

var calendarMessages = map[string][2]string{
	"nav.calendar":          {"Lịch làm việc", "Working calendar"},
	"calendar.title":        {"Lịch làm việc năm %d", "Working calendar %d"},
	"calendar.lead":         {"Cơ quan hành chính làm việc từ thứ Hai đến thứ Sáu. Thời hạn tính theo ngày làm việc bỏ qua thứ Bảy, Chủ nhật và các ngày nghỉ dưới đây, và tính các ngày làm bù.", "Agencies work Monday to Friday. Working-day deadlines skip Saturdays, Sundays and the days off below, and count the swapped working days."},
	"calendar.provisional":  {"Lịch năm %d còn dự kiến: các ngày đánh dấu “dự kiến” tính theo Bộ luật Lao động 2019 và âm lịch Việt Nam, chờ Thủ tướng Chính phủ quyết định. Thời hạn qua các ngày này sẽ được tính lại khi lịch chính thức được cập nhật.", "The %d calendar is provisional: days marked “provisional” follow the Labour Code 2019 and the Vietnamese lunar calendar until the Prime Minister decides. Deadlines across them are recounted when the official days are entered."},
	"calendar.day":          {"Ngày", "Date"},
	"calendar.kind":         {"Loại", "Kind"},
	"calendar.name":         {"Tên", "Name"},
	"calendar.source":       {"Căn cứ", "Source"},
	"calendar.kind.off":     {"Nghỉ", "Day off"},
	"calendar.kind.work":    {"Làm bù", "Working day"},
	"calendar.mark":         {"dự kiến", "provisional"},
	"calendar.set_by_admin": {"do quản trị viên đặt", "set by an administrator"},
	"calendar.none":         {"Chưa có dữ liệu lịch cho năm này: chỉ thứ Bảy, Chủ nhật là ngày nghỉ.", "No calendar data for this year: only Saturdays and Sundays are off."},
	"calendar.prev":         {"← Năm %d", "← %d"},
	"calendar.next":         {"Năm %d →", "%d →"},
	"weekday.0":             {"Chủ nhật", "Sunday"},
	"weekday.1":             {"Thứ Hai", "Monday"},
	"weekday.2":             {"Thứ Ba", "Tuesday"},
	"weekday.3":             {"Thứ Tư", "Wednesday"},
	"weekday.4":             {"Thứ Năm", "Thursday"},
	"weekday.5":             {"Thứ Sáu", "Friday"},
	"weekday.6":             {"Thứ Bảy", "Saturday"},
}

func init() {
	addMessages(calendarMessages)
}

// calendarView is the page's data.
type calendarView struct {
	Year, Prev, Next int
	Provisional      bool
	Days             []calendarRow
	CanEdit          bool             // an administrator: the form to set a day
	Edit             calendarEdit     // the form, as typed
	Preview          *store.Recounted // what the typed change would recount, before it is confirmed
}

type calendarRow struct {
	Day         workflow.Date
	Weekday     string
	Kind        workflow.DayKind
	Name        string
	Source      string
	Provisional bool
	ByAdmin     bool
}

// calendarPage is GET /lich-lam-viec?nam=YYYY (this year by default).
func (w *web) calendarPage(c *gin.Context) {
	year := w.store.Today().Year()
	if y, err := strconv.Atoi(c.Query("nam")); err == nil && y >= 2000 && y <= 2100 {
		year = y
	}
	w.renderCalendar(c, http.StatusOK, calendarView{Year: year}, nil)
}

// renderCalendar shows the year's days; view carries the edit form's state.
func (w *web) renderCalendar(c *gin.Context, status int, v calendarView, errs map[string]string) {
	lang := langOf(c)
	v.Prev, v.Next = v.Year-1, v.Year+1
	if viewer, ok := c.Get(viewerKey); ok {
		v.CanEdit = viewer.(workflow.Viewer).Role == workflow.RoleAdmin
	}
	entries, err := w.store.CalendarDays(c.Request.Context())
	if err != nil {
		pageFail(c, err)
		return
	}
	for _, e := range entries {
		if e.Day.Year() != v.Year {
			continue
		}
		row := calendarRow{Day: e.Day, Kind: e.Kind, Name: e.Name, Source: e.Source, Provisional: e.Provisional,
			ByAdmin: e.Origin == "admin"}
		row.Weekday = translate(lang, "weekday."+strconv.Itoa(int(e.Day.Weekday())))
		if lang == "vi" {
			row.Source = workflow.CiteVI(e.Source)
		}
		v.Provisional = v.Provisional || e.Provisional
		v.Days = append(v.Days, row)
	}
	w.render(c, status, "calendar", v, errs)
}
