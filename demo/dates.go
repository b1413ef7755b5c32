package demo

import "petitions/workflow"

// workday is d when agencies work on it, else the next working day.
func (l *loader) workday(d workflow.Date) workflow.Date {
	day, _ := l.cal.NextWorkingDay(d)
	return day
}

// workdayBack is d when agencies work on it, else the working day before it.
func (l *loader) workdayBack(d workflow.Date) workflow.Date {
	for !l.cal.IsWorkingDay(d) {
		d = d.AddDays(-1)
	}
	return d
}

// addWD is the nth working day after d.
func (l *loader) addWD(d workflow.Date, n int) workflow.Date {
	day, _ := l.cal.AddWorkingDays(d, n)
	return day
}

// ago is the working day on or before today minus n calendar days.
func (l *loader) ago(n int) workflow.Date { return l.workdayBack(l.today.AddDays(-n)) }

// between is a random day in [from, to]; from when to is earlier.
func (l *loader) between(from, to workflow.Date) workflow.Date {
	span := from.DaysUntil(to)
	if span <= 0 {
		return from
	}
	return from.AddDays(l.rng.IntN(span + 1))
}

// intn is a random integer in [lo, hi].
func (l *loader) intn(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + l.rng.IntN(hi-lo+1)
}

// chance reports true with probability p.
func (l *loader) chance(p float64) bool { return l.rng.Float64() < p }

// pick returns a random element of xs.
func pick[T any](l *loader, xs []T) T { return xs[l.rng.IntN(len(xs))] }

func later(a, b workflow.Date) workflow.Date {
	if a.After(b) {
		return a
	}
	return b
}

// nd155From is the day ND 155/2026 and Luật 136/2025 take effect: complaints
// may be suspended from then on (LKN Art. 11a).
var nd155From = workflow.MustDate("2026-07-01")
