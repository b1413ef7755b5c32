package store

// BetweenRecountPlanAndWrite makes SetCalendarDay run f after it has read and
// counted the cases and before it takes the writer: what other officials do
// in that moment must not escape the recount.
func (s *Store) BetweenRecountPlanAndWrite(f func()) { s.betweenPlanAndWrite = f }
