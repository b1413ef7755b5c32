package workflow

// Measure names one count of the backlog (API.md: GET /api/v1/backlog).
type Measure string

const (
	MeasureOpen        Measure = "open"
	MeasureDueSoon     Measure = "due_soon"
	MeasureOverdue     Measure = "overdue" // includes very_overdue
	MeasureVeryOverdue Measure = "very_overdue"
	MeasureProlonged   Measure = "prolonged"
)

// Measures lists every measure, in the order screens show them.
var Measures = []Measure{MeasureOpen, MeasureDueSoon, MeasureOverdue, MeasureVeryOverdue, MeasureProlonged}

// Valid reports whether m is a known measure.
func (m Measure) Valid() bool {
	for _, x := range Measures {
		if x == m {
			return true
		}
	}
	return false
}

// AgeBucketNames lists the age buckets of the backlog ("0-30" … ">365"), in order.
func AgeBucketNames() []string {
	out := make([]string, len(ageBuckets))
	for i, a := range ageBuckets {
		out[i] = a.name
	}
	return out
}

// AgeBucketOf names the age bucket of a case received on receivedOn, seen at
// the end of asOf: days since receipt, as CountBacklog counts them.
func AgeBucketOf(receivedOn, asOf Date) string {
	return ageBuckets[ageBucket(receivedOn.DaysUntil(asOf))].name
}

// BacklogFilter picks the cases behind one number of the backlog: a measure,
// optionally narrowed to one unit (exactly that unit, as by_unit counts it),
// one kind and one age bucket. Every number CountBacklog reports is the count
// of the snapshots one filter matches:
//
//	open, due_soon, overdue, very_overdue, prolonged → {Measure}
//	by_unit[u].open / overdue / very_overdue          → {Measure, Unit: u}
//	by_kind[k].open / overdue                         → {Measure, Kind: k}
//	age_days[b].open                                  → {Measure: open, AgeBucket: b}
type BacklogFilter struct {
	Measure   Measure
	Unit      string // a unit code; "" for every unit
	Kind      Kind   // "" for every kind
	AgeBucket string // one of AgeBucketNames; "" for every age
}

// Validate checks the filter's fields: an invalid error names the bad one.
func (f BacklogFilter) Validate() error {
	if !f.Measure.Valid() {
		return Invalid("measure", "chỉ tiêu không hợp lệ: %q", f.Measure)
	}
	if f.Kind != "" && !f.Kind.Valid() {
		return Invalid("kind", "loại đơn không hợp lệ: %q", f.Kind)
	}
	if f.AgeBucket != "" {
		for _, a := range ageBuckets {
			if a.name == f.AgeBucket {
				return nil
			}
		}
		return Invalid("age", "nhóm thời gian không hợp lệ: %q", f.AgeBucket)
	}
	return nil
}

// Matches reports whether the snapshot counts towards the filter's number as
// of asOf, by exactly the definitions of CountBacklog: open is an unresolved
// state; due_soon, overdue and very_overdue are the worst running clock's
// status, whatever the state; prolonged is an open case whose matter began
// more than 365 days before; the age is days since receipt.
func (f BacklogFilter) Matches(s Snapshot, cal *Calendar, asOf Date) bool {
	if f.Unit != "" && s.UnitCode != f.Unit {
		return false
	}
	if f.Kind != "" && s.Kind != f.Kind {
		return false
	}
	if f.AgeBucket != "" && AgeBucketOf(s.ReceivedOn, asOf) != f.AgeBucket {
		return false
	}
	switch f.Measure {
	case MeasureOpen:
		return s.State.Open()
	case MeasureDueSoon:
		return WorstStatus(cal, s.Clocks, asOf) == DueSoon
	case MeasureOverdue:
		return WorstStatus(cal, s.Clocks, asOf).IsOverdue()
	case MeasureVeryOverdue:
		return WorstStatus(cal, s.Clocks, asOf) == VeryOverdue
	case MeasureProlonged:
		return ProlongedOn(s.State, s.MatterStartedOn, asOf)
	}
	return false
}

// WorstClock is the running clock that sets the case's status as of asOf —
// the worst status, and among equals the earliest due date — with that status
// and the days past its due date (0 when not past). ok is false when no clock runs.
func WorstClock(cal *Calendar, clocks []Clock, asOf Date) (worst Clock, status Status, daysOverdue int, ok bool) {
	status = OnTrack
	for _, k := range clocks {
		if !k.Running() {
			continue
		}
		s := StatusOn(cal, k.DueOn, asOf)
		if !ok || s.Worse(status) || s == status && k.DueOn.Before(worst.DueOn) {
			worst, status, ok = k, s, true
		}
	}
	if ok && asOf.After(worst.DueOn) {
		daysOverdue = worst.DueOn.DaysUntil(asOf)
	}
	return worst, status, daysOverdue, ok
}
