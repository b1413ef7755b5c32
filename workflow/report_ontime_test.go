package workflow

import (
	"math"
	"testing"
)

// The Wilson interval, against values computed by hand from its formula with
// z = 1.96: for 270 of 300, d = 1 + 3.8416/300 = 1.012805, the centre
// (0.9 + 3.8416/600)/d = 0.894943, the half-width 1.96·√(0.09/300 + 3.8416/360000)/d
// = 0.034110, so [0.8608, 0.9291]; 3 of 3 gives [0.4385, 1].
func TestOnTimeShares(t *testing.T) {
	for _, tc := range []struct {
		k, n             int
		share, low, high float64
	}{
		{3, 3, 1, 0.4385, 1},
		{270, 300, 0.9, 0.8608, 0.9291},
		{0, 5, 0, 0, 0.4345},
		{0, 0, 0, 0, 1},
	} {
		s, l, h := wilson(tc.k, tc.n)
		if math.Abs(s-tc.share) > 1e-4 || math.Abs(l-tc.low) > 1e-4 || math.Abs(h-tc.high) > 1e-4 {
			t.Errorf("%d of %d: %.4f [%.4f, %.4f], want %.4f [%.4f, %.4f]", tc.k, tc.n, s, l, h, tc.share, tc.low, tc.high)
		}
	}
	p, _ := RangePeriod(MustDate("2026-11-01"), MustDate("2026-11-30"))
	decided := func(unit int64, on string, late bool) Entry {
		c := &ReportCase{Kind: Complaint, Acts: []ReportAct{{Event: EvResolve, On: MustDate(on), Late: late}}}
		return Entry{UnitID: unit, Case: c}
	}
	got := OnTimeOf([]Entry{decided(1, "2026-11-05", false), decided(1, "2026-11-06", true), decided(1, "2026-10-30", false),
		decided(2, "2026-11-07", false)}, p, []int64{1, 2})
	if c := got[0]; c.UnitID != 1 || c.Kind != Complaint || c.Decided != 2 || c.InTime != 1 || !c.Few {
		t.Errorf("unit 1's complaints: %+v (the decision of 30/10 is not of the period)", c)
	}
	if c := got[3]; c.UnitID != 2 || c.Decided != 1 || c.InTime != 1 || c.Share != 1 {
		t.Errorf("unit 2's complaints: %+v", c)
	}
}
