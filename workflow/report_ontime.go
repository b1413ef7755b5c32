package workflow

import "math"

// On-time statistics (issue 17): for each unit and kind, the share of the
// period's decisions made by their resolution deadline, with the count behind
// it and a 95% Wilson score interval, so that a unit with three decisions is
// not read against one with three hundred. They are for supervisors, never a
// public league table.

// OnTime is one unit's decisions of one kind in a period.
type OnTime struct {
	UnitID  int64   `json:"-"`
	Kind    Kind    `json:"kind"`
	Decided int     `json:"decided"`
	InTime  int     `json:"on_time"`
	Share   float64 `json:"share"` // InTime / Decided
	Low     float64 `json:"low"`   // the interval's bounds
	High    float64 `json:"high"`
	// Few: under FewDecisions decisions, too few to compare.
	Few bool `json:"few"`
}

// FewDecisions is the fewest decisions a share is compared at.
const FewDecisions = 10

// OnTimeKinds are the kinds whose decisions have a resolution deadline.
var OnTimeKinds = []Kind{Complaint, Denunciation, Petition}

// OnTimeOf counts the period's decisions of each unit (its own) and kind.
func OnTimeOf(entries []Entry, p ReportPeriod, units []int64) []OnTime {
	type key struct {
		unit int64
		kind Kind
	}
	tally := map[key]*OnTime{}
	for _, u := range units {
		for _, k := range OnTimeKinds {
			tally[key{u, k}] = &OnTime{UnitID: u, Kind: k}
		}
	}
	for _, e := range entries {
		if e.Case == nil {
			continue
		}
		t, ok := tally[key{e.UnitID, e.Case.Kind}]
		r := e.Case.decidedIn(p)
		if !ok || r == nil {
			continue
		}
		t.Decided++
		if !r.Late {
			t.InTime++
		}
	}
	var out []OnTime
	for _, u := range units {
		for _, k := range OnTimeKinds {
			t := *tally[key{u, k}]
			t.Share, t.Low, t.High = wilson(t.InTime, t.Decided)
			t.Few = t.Decided < FewDecisions
			out = append(out, t)
		}
	}
	return out
}

// wilson is the share k/n and its 95% Wilson score interval (0, 0, 1 for none).
func wilson(k, n int) (share, low, high float64) {
	if n == 0 {
		return 0, 0, 1
	}
	const z = 1.959964 // the normal quantile of 97.5%
	p, nf := float64(k)/float64(n), float64(n)
	d := 1 + z*z/nf
	center := (p + z*z/(2*nf)) / d
	half := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / d
	return p, math.Max(0, center-half), math.Min(1, center+half)
}
