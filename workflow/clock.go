package workflow

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

// Statuses lists every status, from best to worst.
var Statuses = []Status{OnTrack, DueSoon, Overdue, VeryOverdue}

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
