package store

import (
	"context"
	"fmt"

	"petitions/workflow"
)

// CalendarOverride is a day an administrator set that differs from the
// release's shipped value for it: kept, and listed at start-up.
type CalendarOverride struct {
	Stored  CalendarEntry
	Shipped workflow.CalendarDay
}

// CalendarSync is what bringing the database up to the shipped calendar did.
type CalendarSync struct {
	FromVersion, ToVersion int
	Added, Replaced        int // shipped days new to the database, and shipped days a release corrected
	Removed                int // shipped days the release no longer has
	Recounted              Recounted
	Overrides              []CalendarOverride
}

// CalendarSync reports what Open did to the calendar: the shipped
// corrections it applied and the administrators' days kept over them.
func (s *Store) CalendarSync() CalendarSync { return s.calSync }

// syncCalendar brings the stored calendar up to workflow.ShippedCalendar,
// once per release of it: new days are added, shipped days the release
// corrected are replaced and those it dropped removed, and a day an
// administrator set is kept. Running clocks that cross a day whose working
// status changed are counted again in the same transaction (DOMAIN.md §3).
func (s *Store) syncCalendar(ctx context.Context) error {
	shipped := workflow.ShippedCalendar()
	var sync CalendarSync
	var cal *workflow.Calendar
	err := s.write(ctx, func(tx *txn) error {
		if err := tx.GetContext(ctx, &sync.FromVersion, `SELECT version FROM calendar_release`); err != nil {
			return fmt.Errorf("store: calendar release: %w", err)
		}
		before, err := calendarEntries(ctx, tx)
		if err != nil {
			return err
		}
		sync.ToVersion = max(sync.FromVersion, workflow.ShippedCalendarVersion)
		sync.Overrides = overrides(before, shipped)
		cal = calendarOf(before)
		if sync.FromVersion >= workflow.ShippedCalendarVersion {
			return nil
		}
		touched, err := applyShipped(ctx, tx, before, shipped, &sync)
		if err != nil {
			return err
		}
		after, err := calendarEntries(ctx, tx)
		if err != nil {
			return err
		}
		cal = calendarOf(after)
		changed := changedDays(calendarOf(before), cal, touched...)
		plan, err := planRecount(ctx, tx, cal, changed, s.Today())
		if err != nil {
			return err
		}
		by := map[string]any{"release": workflow.ShippedCalendarVersion}
		if sync.Recounted, err = s.writeRecount(ctx, tx, plan, cal, changed, by); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE calendar_release SET version = ?`, workflow.ShippedCalendarVersion)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: bring the calendar up to release %d: %w", workflow.ShippedCalendarVersion, err)
	}
	s.calSync = sync
	s.setCalendar(cal)
	return nil
}

// applyShipped writes the shipped days over the stored ones, except those an
// administrator set, and removes the shipped days the release dropped. It
// returns every day it wrote or removed.
func applyShipped(ctx context.Context, tx *txn, stored []CalendarEntry, shipped []workflow.CalendarDay, sync *CalendarSync) ([]workflow.Date, error) {
	byDay := make(map[workflow.Date]CalendarEntry, len(stored))
	for _, e := range stored {
		byDay[e.Day] = e
	}
	var touched []workflow.Date
	inRelease := make(map[workflow.Date]bool, len(shipped))
	for _, d := range shipped {
		inRelease[d.Day] = true
		e, ok := byDay[d.Day]
		switch {
		case ok && (e.Origin == originAdmin || sameDay(e.CalendarDay, d)):
			continue
		case ok:
			sync.Replaced++
		default:
			sync.Added++
		}
		if err := putCalendarDay(ctx, tx, CalendarEntry{CalendarDay: d, Origin: originShipped}); err != nil {
			return nil, err
		}
		touched = append(touched, d.Day)
	}
	for _, e := range stored {
		if e.Origin != originShipped || inRelease[e.Day] {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_days WHERE day = ?`, e.Day.String()); err != nil {
			return nil, fmt.Errorf("store: remove calendar day %s: %w", e.Day, err)
		}
		sync.Removed++
		touched = append(touched, e.Day)
	}
	return touched, nil
}

// overrides lists the administrators' days that differ from the shipped value.
func overrides(stored []CalendarEntry, shipped []workflow.CalendarDay) []CalendarOverride {
	byDay := make(map[workflow.Date]workflow.CalendarDay, len(shipped))
	for _, d := range shipped {
		byDay[d.Day] = d
	}
	var out []CalendarOverride
	for _, e := range stored {
		if d, ok := byDay[e.Day]; ok && e.Origin == originAdmin && !sameDay(e.CalendarDay, d) {
			out = append(out, CalendarOverride{Stored: e, Shipped: d})
		}
	}
	return out
}

func sameDay(a, b workflow.CalendarDay) bool {
	return a.Day.Equal(b.Day) && a.Kind == b.Kind && a.Name == b.Name && a.Source == b.Source && a.Provisional == b.Provisional
}
