package workflow

import (
	"fmt"
	"strings"
)

// Explain tells where the due date comes from, in Vietnamese and in English,
// and why each day stepped over is not a working day, by the calendar cal:
// "Hạn 12/01/2026: nhận đơn 31/12/2025 + 7 ngày làm việc, bỏ qua 4 ngày nghỉ:
// 01/01 (Tết Dương lịch), 02/01 (Nghỉ hoán đổi, VPCP 12729/VPCP-KGVX ngày
// 25/12/2025), 03/01, 04/01 (cuối tuần) — LTC 2018 Art. 24(1)". A period in
// calendar days that ends on a weekend says so: "… + 30 ngày, rơi vào Chủ nhật
// (không phải ngày làm việc), chuyển sang thứ Hai — LKN 2011 Art. 28"
// (BLDS 2015 Art. 147–148).
func (c Clock) Explain(cal *Calendar) (vi, en string) {
	startVI, startEN := triggerWords(c.Trigger)
	from := c.StartedOn
	days := c.Days
	if !c.RunFrom.Equal(c.StartedOn) {
		startVI, startEN = "tiếp tục giải quyết", "resumed"
		from, days = c.RunFrom, c.RunDays
	}
	unitVI, unitEN := "ngày", "days"
	if c.Unit == WorkingDays {
		unitVI, unitEN = "ngày làm việc", "working days"
	}
	vi = fmt.Sprintf("Hạn %s: %s %s + %d %s", c.DueOn.VN(), startVI, from.VN(), days, unitVI)
	en = fmt.Sprintf("due %s: %s %s + %d %s", c.DueOn.VN(), startEN, from.VN(), days, unitEN)
	if c.Extensions > 0 {
		vi += fmt.Sprintf(" (đã gia hạn %d lần)", c.Extensions)
		if c.Extensions == 1 {
			en += " (extended once)"
		} else {
			en += fmt.Sprintf(" (extended %d times)", c.Extensions)
		}
	}
	switch {
	case len(c.Skipped) == 0:
	case c.Unit == CalendarDays && onlyWeekend(cal, c.Skipped):
		end := c.Skipped[0]
		vi += fmt.Sprintf(", rơi vào %s (không phải ngày làm việc), chuyển sang %s", weekdayVI(end), weekdayVI(c.DueOn))
		en += fmt.Sprintf(", ends on a %s (not a working day), moved to %s", end.Weekday(), c.DueOn.Weekday())
	case c.Unit == CalendarDays:
		listVI, listEN := skippedWords(cal, c.Skipped, c.DueOn.Year())
		vi += fmt.Sprintf(", rơi vào ngày nghỉ: %s, chuyển sang %s %s", listVI, weekdayVI(c.DueOn), c.DueOn.VN())
		en += fmt.Sprintf(", ends on a day off: %s, moved to %s %s", listEN, c.DueOn.Weekday(), c.DueOn.VN())
	default:
		listVI, listEN := skippedWords(cal, c.Skipped, c.DueOn.Year())
		vi += fmt.Sprintf(", bỏ qua %d ngày nghỉ: %s", len(c.Skipped), listVI)
		en += fmt.Sprintf(", skipping %d non-working days: %s", len(c.Skipped), listEN)
	}
	return vi + " — " + c.Basis, en + " — " + c.Basis
}

// onlyWeekend reports whether every day is a weekend day with no calendar entry.
func onlyWeekend(cal *Calendar, days []Date) bool {
	for _, d := range days {
		if _, ok := cal.exception(d); ok || !isWeekend(d) {
			return false
		}
	}
	return true
}

// skippedWords lists days with their reasons, runs of consecutive days with the
// same reason sharing it: "01/01 (Tết Dương lịch), 03/01, 04/01 (cuối tuần)".
// Days in year are written dd/mm, others dd/mm/yyyy.
func skippedWords(cal *Calendar, days []Date, year int) (vi, en string) {
	var partsVI, partsEN, run []string
	var runVI, runEN string
	var prev Date
	weekendRun := 0
	flush := func() {
		if len(run) == 0 {
			return
		}
		rVI, rEN := runVI, runEN
		if weekendRun > 1 {
			rVI, rEN = "cuối tuần", "weekend"
		}
		list := strings.Join(run, ", ")
		partsVI = append(partsVI, list+" ("+rVI+")")
		partsEN = append(partsEN, list+" ("+rEN+")")
		run, weekendRun = nil, 0
	}
	for _, d := range days {
		rVI, rEN := cal.Reason(d)
		_, listed := cal.exception(d)
		weekend := !listed && isWeekend(d)
		if rVI == "" { // the calendar changed after the count
			rVI, rEN = "ngày nghỉ", "day off"
		}
		if len(run) > 0 && (!d.Equal(prev.AddDays(1)) || !(weekend && weekendRun > 0) && rVI != runVI) {
			flush()
		}
		if weekend {
			weekendRun++
		}
		runVI, runEN = rVI, rEN
		run, prev = append(run, shortDate(d, year)), d
	}
	flush()
	return strings.Join(partsVI, ", "), strings.Join(partsEN, ", ")
}

func shortDate(d Date, year int) string {
	if d.Year() == year {
		return d.t.Format("02/01")
	}
	return d.VN()
}

func triggerWords(t Trigger) (vi, en string) {
	switch t {
	case AtAcceptance:
		return "thụ lý", "accepted"
	case AtDecision:
		return "ra quyết định/kết luận", "decided"
	case AtCompetence:
		return "nhận đơn (không thuộc thẩm quyền)", "received (not competent)"
	case AtInterimDecision:
		return "ra quyết định tạm đình chỉ, tiếp tục hoặc đình chỉ", "suspension, continuation or termination decided"
	}
	return "nhận đơn", "received"
}

func weekdayVI(d Date) string {
	return [...]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}[d.Weekday()]
}
