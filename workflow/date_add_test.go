package workflow

import (
	"testing"
	"time"
)

// AddDays adds whole days of 24 hours and IsWorkingDay looks exceptions up by
// day number: the Dates made must be the very values AddDate makes (map keys
// and == compare them), and the working days those of the exceptions.
func TestAddDaysAndWorkingDaysAgreeWithTheCalendar(t *testing.T) {
	for d := D(1999, time.December, 25); d.Before(D(2041, time.January, 1)); d = (Date{d.t.AddDate(0, 0, 37)}) {
		for n := -800; n <= 800; n += 7 {
			if got, want := d.AddDays(n), (Date{d.t.AddDate(0, 0, n)}); got != want {
				t.Fatalf("%s.AddDays(%d) = %#v, AddDate gives %#v", d, n, got.t, want.t)
			}
		}
	}
	cal := NewCalendar(ShippedCalendar())
	for d := D(2024, time.January, 1); d.Before(D(2029, time.January, 1)); d = d.AddDays(1) {
		want := d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
		if e, ok := cal.exceptions[d]; ok {
			want = e.Kind == DayWork
		}
		if cal.IsWorkingDay(d) != want {
			t.Errorf("IsWorkingDay(%s) = %v", d, !want)
		}
	}
}
