package workflow

import (
	"sort"
	"strings"
	"time"
)

// DayKind says how the official calendar overrides the usual week.
type DayKind string

const (
	// DayOff is a holiday, a compensatory day or a swapped-out weekday.
	DayOff DayKind = "off"
	// DayWork is a weekend day made a working day by a swap (làm bù).
	DayWork DayKind = "work"
)

// CalendarDay is one exception to the Monday–Friday week of state agencies
// (QĐ 188/1999/QĐ-TTg Art. 1): a holiday (BLLĐ 2019 Art. 112), a compensatory
// day (Art. 111(3)), or a day swapped by the Prime Minister.
type CalendarDay struct {
	Day    Date    `json:"day" db:"day"`
	Kind   DayKind `json:"kind" db:"kind"`
	Name   string  `json:"name" db:"name"`
	Source string  `json:"source" db:"source"`
	// Provisional: the day follows the law's rule, not yet the Prime
	// Minister's decision for that year (pages mark such a year as provisional).
	Provisional bool `json:"provisional" db:"provisional"`
}

// Calendar answers whether a day is a working day. It is data: the engine is
// handed one and never reads a clock or a file.
type Calendar struct {
	exceptions map[Date]CalendarDay
	working    map[int64]bool // whether agencies work on each exception, by day number (deadline arithmetic asks often)
}

// NewCalendar builds a calendar from its exceptions; later entries for the same
// day win, so an administrator's edit can override the shipped data.
func NewCalendar(days []CalendarDay) *Calendar {
	c := &Calendar{exceptions: make(map[Date]CalendarDay, len(days)), working: make(map[int64]bool, len(days))}
	for _, d := range days {
		c.exceptions[d.Day] = d
		c.working[d.Day.dayNumber()] = d.Kind == DayWork
	}
	return c
}

// IsWorkingDay reports whether agencies work on d.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if w, ok := c.working[d.dayNumber()]; ok {
		return w
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Exception returns the calendar entry of d, if any.
func (c *Calendar) Exception(d Date) (CalendarDay, bool) {
	e, ok := c.exceptions[d]
	return e, ok
}

// exception is Exception, nil-safe.
func (c *Calendar) exception(d Date) (CalendarDay, bool) {
	if c == nil {
		return CalendarDay{}, false
	}
	e, ok := c.exceptions[d]
	return e, ok
}

// Reason says why agencies do not work on d, in Vietnamese and in English:
// the entry's name (holiday names stay Vietnamese), followed by its source when
// that does not cite the Labour Code (a day swapped by a decision: holidays
// cite BLLĐ 2019 first, even when the Prime Minister fixed their day), or the
// weekday of a weekend. Both are empty on a working day. A nil calendar
// knows only weekends.
func (c *Calendar) Reason(d Date) (vi, en string) {
	if e, ok := c.exception(d); ok {
		if e.Kind == DayWork {
			return "", ""
		}
		vi = e.Name
		if e.Source != "" && !strings.Contains(e.Source, "BLLĐ") {
			vi += ", " + e.Source
		}
		if e.Provisional { // the Prime Minister has not yet fixed the year's days
			return vi + " (dự kiến)", vi + " (provisional)"
		}
		return vi, vi
	}
	switch d.Weekday() {
	case time.Saturday:
		return "thứ Bảy", "Saturday"
	case time.Sunday:
		return "Chủ nhật", "Sunday"
	}
	return "", ""
}

// Days lists the exceptions in date order.
func (c *Calendar) Days() []CalendarDay {
	out := make([]CalendarDay, 0, len(c.exceptions))
	for _, d := range c.exceptions {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out
}

// NextWorkingDay is d itself when it is a working day, else the first working
// day after it (BLDS 2015 Art. 148(5)). skipped collects the days stepped over.
func (c *Calendar) NextWorkingDay(d Date) (day Date, skipped []Date) {
	for !c.IsWorkingDay(d) {
		skipped = append(skipped, d)
		d = d.AddDays(1)
	}
	return d, skipped
}

// AddWorkingDays gives the nth working day after start (the start day itself is
// not counted, BLDS 2015 Art. 147), with the non-working days stepped over.
func (c *Calendar) AddWorkingDays(start Date, n int) (day Date, skipped []Date) {
	d := start
	for n > 0 {
		d = d.AddDays(1)
		if c.IsWorkingDay(d) {
			n--
		} else {
			skipped = append(skipped, d)
		}
	}
	return d, skipped
}

// WorkingDaysBetween counts the working days after from, up to and including to
// (0 when to is not after from).
func (c *Calendar) WorkingDaysBetween(from, to Date) int {
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}
