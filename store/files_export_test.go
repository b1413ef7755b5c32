package store

import "time"

// SweepAfter sets how old a left file must be to be swept, for a test.
func SweepAfter(d time.Duration) (restore func()) {
	was := sweepAfter
	sweepAfter = d
	return func() { sweepAfter = was }
}
