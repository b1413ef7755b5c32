package workflow

import "testing"

// FuzzDueDates checks the properties every deadline must keep, over any start
// in 2025–2027 and any length: a due date is a working day; a longer period
// never ends earlier; an extension only moves a date later.
func FuzzDueDates(f *testing.F) {
	f.Add(uint16(0), uint8(10), true, uint8(3))
	f.Add(uint16(470), uint8(30), false, uint8(30)) // across Tết 2026
	f.Add(uint16(480), uint8(7), true, uint8(1))
	f.Add(uint16(850), uint8(45), false, uint8(15)) // across 30/4–1/5 2027
	cal := NewCalendar(ShippedCalendar())
	base := MustDate("2025-01-01")
	f.Fuzz(func(t *testing.T, offset uint16, days uint8, working bool, extra uint8) {
		start := base.AddDays(int(offset) % 1000)
		n := int(days)%90 + 1
		unit := CalendarDays
		if working {
			unit = WorkingDays
		}
		rule := Rule{Clock: ClockResolution, Start: AtAcceptance, Unit: unit, Days: n, Basis: "fuzz"}
		c := newClock(cal, rule, start, n)
		if !cal.IsWorkingDay(c.DueOn) {
			t.Fatalf("%s + %d %s is due on %s, not a working day", start, n, unit, c.DueOn)
		}
		if !c.DueOn.After(start) {
			t.Fatalf("%s + %d %s is due on %s, not after the start", start, n, unit, c.DueOn)
		}
		longer := newClock(cal, rule, start, n+1)
		if longer.DueOn.Before(c.DueOn) {
			t.Fatalf("%d days end on %s but %d days on %s", n, c.DueOn, n+1, longer.DueOn)
		}
		extended := c
		extended.Days += int(extra)
		extended.RunDays += int(extra)
		extended.recompute(cal)
		if extended.DueOn.Before(c.DueOn) {
			t.Fatalf("extending by %d moved %s back to %s", extra, c.DueOn, extended.DueOn)
		}
		for _, d := range c.Skipped {
			if cal.IsWorkingDay(d) {
				t.Fatalf("skipped %s, a working day", d)
			}
		}
	})
}
