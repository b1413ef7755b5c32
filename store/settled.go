package store

import (
	"math/bits"

	"petitions/workflow"
)

// A case is settled once it is neither open nor has a running clock: from that
// day on it counts in no backlog (API.md). cases.settled_on keeps that day and
// cases.span_class the power of two its life fits in, so "the cases still
// active at the end of day D" is read from one short index range per class
// (received within 2^k days before D) instead of every case received before D.

// maxSpanClass bounds span_class; 2^15 days is ninety years.
const maxSpanClass = 15

// settlement is what the kept columns say of a case as it now stands:
// (nil, nil) while it is active.
func settlement(c workflow.Case) (settledOn, spanClass any) {
	if c.State.Open() || !c.EarliestDue().IsZero() {
		return nil, nil
	}
	return c.LastEventOn.String(), spanClassOf(c.ReceivedOn.DaysUntil(c.LastEventOn))
}

// spanClassOf is the k with days < 2^k (the bit length of days), capped.
func spanClassOf(days int) int {
	return min(bits.Len(uint(max(days, 0))), maxSpanClass)
}

// spanWindow is how many days before D a case of class k must have been
// received to be active at D: it settled fewer than 2^k days after receipt.
func spanWindow(k int) int { return 1 << k }
