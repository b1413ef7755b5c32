package main

import (
	"log/slog"

	"petitions/store"
)

// logCalendarSync tells what opening the database did to its calendar: the
// shipped corrections applied, the clocks they moved, and every day an
// administrator set that overrides the shipped value (kept, and listed at
// every start so that it is not forgotten when a release corrects the day).
func logCalendarSync(s *store.Store) {
	sync := s.CalendarSync()
	if sync.FromVersion < sync.ToVersion {
		slog.Info("calendar brought up to the shipped release", "from", sync.FromVersion, "to", sync.ToVersion,
			"added", sync.Added, "replaced", sync.Replaced, "removed", sync.Removed,
			"recounted_cases", sync.Recounted.Cases, "recounted_clocks", sync.Recounted.Clocks)
	}
	for _, o := range sync.Overrides {
		slog.Warn("calendar day set by an administrator overrides the shipped value", "day", o.Stored.Day.String(),
			"kind", string(o.Stored.Kind), "name", o.Stored.Name, "source", o.Stored.Source, "set_by", o.Stored.SetBy, "set_at", o.Stored.SetAt,
			"shipped_kind", string(o.Shipped.Kind), "shipped_name", o.Shipped.Name, "shipped_source", o.Shipped.Source)
	}
}
