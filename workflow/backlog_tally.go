package workflow

import "sort"

// A backlog over a million cases is counted by the database, not case by case
// in Go: the store groups the cases by the few things CountBacklog looks at —
// unit, kind, open or not, the status of the earliest running due date, the
// age bucket and whether the matter is prolonged — and TallyBacklog adds the
// groups up. The status of a case is that of its earliest running due date,
// since StatusOn only worsens as the due date comes earlier; StatusBounds
// turns that into three date comparisons.

// StatusBounds are the due dates at which the status seen at the end of a day
// changes: a due date before VeryOverdueBefore is very overdue, before
// OverdueBefore overdue, up to DueSoonThrough due soon, later on track.
type StatusBounds struct {
	VeryOverdueBefore, OverdueBefore, DueSoonThrough Date
}

// BoundsOn gives the status bounds of StatusOn as seen at the end of asOf.
func BoundsOn(cal *Calendar, asOf Date) StatusBounds {
	b := StatusBounds{VeryOverdueBefore: asOf.AddDays(-VeryOverdueDays), OverdueBefore: asOf, DueSoonThrough: asOf}
	for d := asOf.AddDays(1); asOf.DaysUntil(d) <= dueSoonHorizon; d = d.AddDays(1) {
		if StatusOn(cal, d, asOf) != DueSoon {
			break
		}
		b.DueSoonThrough = d
	}
	return b
}

// AgeBounds are the receipt dates that start each age bucket seen at the end
// of asOf, youngest first: a case received on or after AgeBounds[i] is in
// bucket i (the last bucket has no bound).
func AgeBounds(asOf Date) []Date {
	var out []Date
	for _, a := range ageBuckets {
		if a.max >= 0 {
			out = append(out, asOf.AddDays(-a.max))
		}
	}
	return out
}

// ProlongedBefore is the matter start before which an open case is prolonged at the end of asOf.
func ProlongedBefore(asOf Date) Date { return asOf.AddDays(-ProlongedDays) }

// BacklogTally is a number of cases alike in everything the backlog counts.
type BacklogTally struct {
	UnitCode, UnitName string
	Kind               Kind
	Open               bool
	Status             Status
	AgeBucket          int // index into AgeBucketNames; counted for open cases only
	Prolonged          bool
	Cases              int
}

// TallyBacklog adds up tallies as of a day (API.md), as CountBacklog defines
// the numbers.
func TallyBacklog(tallies []BacklogTally, asOf Date) Backlog {
	b := Backlog{AsOf: asOf}
	units := map[string]*UnitCount{}
	kinds := map[Kind]*KindCount{}
	for _, k := range Kinds {
		kinds[k] = &KindCount{Kind: k}
	}
	ages := make([]int, len(ageBuckets))
	for _, t := range tallies {
		u := units[t.UnitCode]
		if u == nil {
			u = &UnitCount{Unit: t.UnitCode, Name: t.UnitName}
			units[t.UnitCode] = u
		}
		kc := kinds[t.Kind]
		if kc == nil {
			kc = &KindCount{Kind: t.Kind}
			kinds[t.Kind] = kc
		}
		n := t.Cases
		if t.Open {
			b.Open += n
			u.Open += n
			kc.Open += n
			ages[t.AgeBucket] += n
			if t.Prolonged {
				b.Prolonged += n
			}
		}
		switch t.Status {
		case DueSoon:
			b.DueSoon += n
		case VeryOverdue:
			b.VeryOverdue += n
			u.VeryOverdue += n
			fallthrough
		case Overdue:
			b.Overdue += n
			u.Overdue += n
			kc.Overdue += n
		}
	}
	for _, u := range units {
		b.ByUnit = append(b.ByUnit, *u)
	}
	sort.Slice(b.ByUnit, func(i, j int) bool { return b.ByUnit[i].Unit < b.ByUnit[j].Unit })
	for _, k := range Kinds {
		b.ByKind = append(b.ByKind, *kinds[k])
	}
	for i, a := range ageBuckets {
		b.AgeDays = append(b.AgeDays, AgeBucket{Bucket: a.name, Open: ages[i]})
	}
	if b.ByUnit == nil {
		b.ByUnit = []UnitCount{}
	}
	return b
}
