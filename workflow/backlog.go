package workflow

import "sort"

// Snapshot is a case as it stood at the end of a day: its state and clocks
// after the last act dated on or before that day.
type Snapshot struct {
	Kind            Kind
	UnitCode        string
	UnitName        string
	State           State
	Clocks          []Clock
	ReceivedOn      Date
	MatterStartedOn Date
}

// Backlog is the oversight count of API.md (GET /api/v1/backlog).
type Backlog struct {
	AsOf        Date        `json:"as_of"`
	Open        int         `json:"open"`
	DueSoon     int         `json:"due_soon"`
	Overdue     int         `json:"overdue"`
	VeryOverdue int         `json:"very_overdue"`
	Prolonged   int         `json:"prolonged"`
	ByUnit      []UnitCount `json:"by_unit"`
	ByKind      []KindCount `json:"by_kind"`
	AgeDays     []AgeBucket `json:"age_days"`
}

// UnitCount is one unit's line of the backlog.
type UnitCount struct {
	Unit        string `json:"unit"`
	Name        string `json:"name"`
	Open        int    `json:"open"`
	Overdue     int    `json:"overdue"`
	VeryOverdue int    `json:"very_overdue"`
}

// KindCount is one kind's line of the backlog.
type KindCount struct {
	Kind    Kind `json:"kind"`
	Open    int  `json:"open"`
	Overdue int  `json:"overdue"`
}

// AgeBucket counts open cases by days since receipt.
type AgeBucket struct {
	Bucket string `json:"bucket"`
	Open   int    `json:"open"`
}

var ageBuckets = []struct {
	name string
	max  int // inclusive upper bound in days; -1: no bound
}{{"0-30", 30}, {"31-90", 90}, {"91-365", 365}, {">365", -1}}

// CountBacklog tallies snapshots as of a day (API.md): open counts unresolved
// cases; due_soon, overdue and very_overdue count cases, open or resolved, by
// their running clocks; overdue includes very_overdue; prolonged counts open
// cases whose matter began more than 365 days before.
func CountBacklog(snaps []Snapshot, cal *Calendar, asOf Date) Backlog {
	b := Backlog{AsOf: asOf}
	units := map[string]*UnitCount{}
	kinds := map[Kind]*KindCount{}
	for _, k := range Kinds {
		kinds[k] = &KindCount{Kind: k}
	}
	ages := make([]int, len(ageBuckets))
	for _, s := range snaps {
		u := units[s.UnitCode]
		if u == nil {
			u = &UnitCount{Unit: s.UnitCode, Name: s.UnitName}
			units[s.UnitCode] = u
		}
		kc := kinds[s.Kind]
		status := WorstStatus(cal, s.Clocks, asOf)
		if s.State.Open() {
			b.Open++
			u.Open++
			kc.Open++
			ages[ageBucket(s.ReceivedOn.DaysUntil(asOf))]++
			if ProlongedOn(s.State, s.MatterStartedOn, asOf) {
				b.Prolonged++
			}
		}
		switch status {
		case DueSoon:
			b.DueSoon++
		case VeryOverdue:
			b.VeryOverdue++
			u.VeryOverdue++
			fallthrough
		case Overdue:
			b.Overdue++
			u.Overdue++
			kc.Overdue++
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

func ageBucket(days int) int {
	for i, a := range ageBuckets {
		if a.max < 0 || days <= a.max {
			return i
		}
	}
	return len(ageBuckets) - 1
}
