package workflow

// EvRecount is the system's act of counting running clocks again after a day
// of the calendar changed (DOMAIN.md §3): the Prime Minister announces a swap
// in December for January, or a corrected calendar ships with a release. It
// is recorded in each case's history, so a due date never moves silently.
// No role fires it: it is not in the transition table.
const EvRecount Event = "recount"

// MovedClock is one clock a recount moved: the history keeps both due dates.
type MovedClock struct {
	Clock    ClockName `json:"clock"`
	OldDueOn Date      `json:"old_due_on"`
	NewDueOn Date      `json:"new_due_on"`
}

// Recount counts again, on the calendar cal, the running clocks of c whose
// count crosses one of the changed days: the day lies after the day the clock
// runs from and on or before its due date, as counted before or after the
// change. Stopped and suspended clocks are not touched (a suspended clock is
// counted again when it resumes). ok is false when no due date moved; the
// record's payload lists the moved clocks and the changed days (its reason).
//
// The record is dated on, the day of the change, which becomes the case's
// last act, so the history stays in date order and the backlog as of an
// earlier day still shows what was due then.
func Recount(c Case, cal *Calendar, changed []CalendarDay, on Date) (Case, Record, bool) {
	n := c.clone()
	var moved []MovedClock
	var reasons []CalendarDay
	for i := range n.Clocks {
		k := &n.Clocks[i]
		if !k.Running() {
			continue
		}
		old := *k
		k.recompute(cal)
		crossed := crossedDays(changed, old.RunFrom, latest(old.DueOn, k.DueOn))
		if len(crossed) == 0 || k.DueOn.Equal(old.DueOn) {
			*k = old // a day outside its count, or one that did not move it, leaves it as it was
			continue
		}
		moved = append(moved, MovedClock{Clock: k.Name, OldDueOn: old.DueOn, NewDueOn: k.DueOn})
		reasons = appendDays(reasons, crossed)
	}
	if len(moved) == 0 {
		return c, Record{}, false
	}
	if n.LastEventOn.Before(on) {
		n.LastEventOn = on
	}
	n.Version = c.Version + 1
	return n, Record{Event: EvRecount, FromState: c.State, ToState: c.State, On: n.LastEventOn,
		Payload: map[string]any{"clocks": moved, "days": reasons}}, true
}

// crossedDays are the changed days in (from, to].
func crossedDays(changed []CalendarDay, from, to Date) []CalendarDay {
	var out []CalendarDay
	for _, d := range changed {
		if d.Day.After(from) && !d.Day.After(to) {
			out = append(out, d)
		}
	}
	return out
}

// appendDays adds the days not yet in list.
func appendDays(list, days []CalendarDay) []CalendarDay {
	for _, d := range days {
		seen := false
		for _, x := range list {
			seen = seen || x.Day.Equal(d.Day)
		}
		if !seen {
			list = append(list, d)
		}
	}
	return list
}

func latest(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}
