package workflow

import (
	"fmt"
	"strings"
)

// Clock is one running or stopped deadline of a case.
type Clock struct {
	Name      ClockName `json:"name"`
	Trigger   Trigger   `json:"trigger"`
	StartedOn Date      `json:"started_on"`
	Unit      DayUnit   `json:"unit"`
	Days      int       `json:"days"` // the whole length, extensions included
	Basis     string    `json:"basis"`
	DueOn     Date      `json:"due_on"`
	Skipped   []Date    `json:"skipped"` // non-working days stepped over to reach DueOn
	// After a suspension the remaining days run again from the resume date
	// (LTC 34(2); LKN 11a as added by Luật 136/2025).
	RunFrom     Date `json:"run_from"`
	RunDays     int  `json:"run_days"`
	SuspendedOn Date `json:"suspended_on,omitempty"`
	StoppedOn   Date `json:"stopped_on,omitempty"`
	Extensions  int  `json:"extensions,omitempty"`
}

// Running reports whether the clock still counts.
func (c Clock) Running() bool { return c.StoppedOn.IsZero() && c.SuspendedOn.IsZero() }

// newClock starts a clock of rule r on start, with the given length.
func newClock(cal *Calendar, r Rule, start Date, days int) Clock {
	c := Clock{Name: r.Clock, Trigger: r.Start, StartedOn: start, Unit: r.Unit, Days: days,
		Basis: r.Basis, RunFrom: start, RunDays: days}
	c.recompute(cal)
	return c
}

// recompute sets DueOn and Skipped from RunFrom and RunDays (BLDS 2015 Art. 147–148):
// the start day is not counted; a period in working days ends on the Nth
// working day after the start; a period in calendar days ends N days later,
// moved to the next working day when that day is not one.
func (c *Clock) recompute(cal *Calendar) {
	if c.Unit == WorkingDays {
		c.DueOn, c.Skipped = cal.AddWorkingDays(c.RunFrom, c.RunDays)
		return
	}
	c.DueOn, c.Skipped = cal.NextWorkingDay(c.RunFrom.AddDays(c.RunDays))
}

// Status is how a clock or a case stands against its deadline (DOMAIN.md §3).
type Status string

const (
	OnTrack     Status = "on_track"
	DueSoon     Status = "due_soon"     // 3 WD or fewer left
	Overdue     Status = "overdue"      // past the due date
	VeryOverdue Status = "very_overdue" // more than 30 cd past it
)

// rank orders statuses from best to worst.
func (s Status) rank() int {
	switch s {
	case DueSoon:
		return 1
	case Overdue:
		return 2
	case VeryOverdue:
		return 3
	}
	return 0
}

// Worse reports whether s is worse than t.
func (s Status) Worse(t Status) bool { return s.rank() > t.rank() }

// IsOverdue reports overdue or very overdue.
func (s Status) IsOverdue() bool { return s == Overdue || s == VeryOverdue }

// DueSoonWorkingDays and VeryOverdueDays are the thresholds of DOMAIN.md §3.
const (
	DueSoonWorkingDays = 3
	VeryOverdueDays    = 30
)

// dueSoonHorizon bounds the working-day count of StatusOn.
const dueSoonHorizon = 31

// StatusOn is the status of a deadline due on due, seen at the end of today.
// A deadline ends at 24:00 of its day, so a case is overdue from the next day
// (BLDS 2015 Art. 148(6)).
func StatusOn(cal *Calendar, due, today Date) Status {
	switch {
	case today.After(due.AddDays(VeryOverdueDays)):
		return VeryOverdue
	case today.After(due):
		return Overdue
	case today.DaysUntil(due) > dueSoonHorizon:
		return OnTrack // no calendar has 3 working days spread over a month: skip the count
	case cal.WorkingDaysBetween(today, due) <= DueSoonWorkingDays:
		return DueSoon
	}
	return OnTrack
}

// Explain tells where the due date comes from, in Vietnamese and in English:
// "due 06/07/2026: accepted 05/06/2026 + 30 days, ends on a Sunday, moved to
// Monday — LKN 2011 Art. 28".
func (c Clock) Explain() (vi, en string) {
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
	if len(c.Skipped) > 0 {
		if c.Unit == CalendarDays {
			end := c.Skipped[0]
			vi += fmt.Sprintf(", rơi vào %s (không phải ngày làm việc), chuyển sang %s", weekdayVI(end), weekdayVI(c.DueOn))
			en += fmt.Sprintf(", ends on a %s (not a working day), moved to %s", end.Weekday(), c.DueOn.Weekday())
		} else {
			list := make([]string, len(c.Skipped))
			for i, d := range c.Skipped {
				list[i] = d.VN()
			}
			vi += fmt.Sprintf(", bỏ qua %d ngày nghỉ (%s)", len(c.Skipped), strings.Join(list, ", "))
			en += fmt.Sprintf(", skipping %d non-working days (%s)", len(c.Skipped), strings.Join(list, ", "))
		}
	}
	return vi + " — " + c.Basis, en + " — " + c.Basis
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
