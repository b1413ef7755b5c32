package workflow

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
	tallies := make([]BacklogTally, 0, len(snaps))
	for _, s := range snaps {
		tallies = append(tallies, BacklogTally{UnitCode: s.UnitCode, UnitName: s.UnitName, Kind: s.Kind,
			Open: s.State.Open(), Status: WorstStatus(cal, s.Clocks, asOf),
			AgeBucket: ageBucket(s.ReceivedOn.DaysUntil(asOf)), Prolonged: ProlongedOn(s.State, s.MatterStartedOn, asOf),
			Cases: 1})
	}
	return TallyBacklog(tallies, asOf)
}

func ageBucket(days int) int {
	for i, a := range ageBuckets {
		if a.max < 0 || days <= a.max {
			return i
		}
	}
	return len(ageBuckets) - 1
}
