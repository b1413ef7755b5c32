package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// Where a stored calendar day came from.
const (
	originShipped = "shipped" // the release's data (workflow.ShippedCalendar)
	originAdmin   = "admin"   // an administrator's edit, kept over the shipped value
)

// CalendarEntry is a stored day of the calendar with where it came from, and
// for an administrator's edit who set it and when.
type CalendarEntry struct {
	workflow.CalendarDay
	Origin string `json:"origin" db:"origin"`
	SetBy  string `json:"set_by,omitempty" db:"set_by"`
	SetAt  string `json:"set_at,omitempty" db:"set_at"`
}

// Recounted says what a change of the calendar moved: the cases that got a
// recount record and the running clocks whose due date moved.
type Recounted struct {
	Cases  int `json:"cases"`
	Clocks int `json:"clocks"`
}

// Calendar returns the working-day calendar (cached; edits refresh it).
func (s *Store) Calendar() *workflow.Calendar {
	s.calMu.RLock()
	defer s.calMu.RUnlock()
	return s.cal
}

// CalendarDays lists the stored exceptions to the working week.
func (s *Store) CalendarDays(ctx context.Context) ([]CalendarEntry, error) {
	return calendarEntries(ctx, s.r)
}

func calendarEntries(ctx context.Context, q sqlx.QueryerContext) ([]CalendarEntry, error) {
	var days []CalendarEntry
	err := sqlx.SelectContext(ctx, q, &days, `SELECT day, kind, name, source, provisional, origin, set_by, set_at
		FROM calendar_days ORDER BY day`)
	if err != nil {
		return nil, fmt.Errorf("store: calendar days: %w", err)
	}
	return days, nil
}

func calendarOf(entries []CalendarEntry) *workflow.Calendar {
	days := make([]workflow.CalendarDay, len(entries))
	for i, e := range entries {
		days[i] = e.CalendarDay
	}
	return workflow.NewCalendar(days)
}

// SetCalendarDay adds or replaces an exception (an administrator's edit,
// kept over any shipped value from then on). Every running clock whose count
// crosses the day is counted again in the same transaction, each moved case
// with its recount record (DOMAIN.md §3).
func (s *Store) SetCalendarDay(ctx context.Context, by User, d workflow.CalendarDay) (Recounted, error) {
	if d.Kind != workflow.DayOff && d.Kind != workflow.DayWork {
		return Recounted{}, workflow.Invalid("kind", "loại ngày phải là off hoặc work")
	}
	if err := refuseUnstorable("name", d.Name, "source", d.Source); err != nil {
		return Recounted{}, err
	}
	var moved Recounted
	var cal *workflow.Calendar
	err := s.write(ctx, func(tx *txn) error {
		before, err := calendarEntries(ctx, tx)
		if err != nil {
			return err
		}
		now := s.stamp()
		if err := putCalendarDay(ctx, tx, CalendarEntry{CalendarDay: d, Origin: originAdmin, SetBy: by.Login, SetAt: now}); err != nil {
			return err
		}
		after, err := calendarEntries(ctx, tx)
		if err != nil {
			return err
		}
		cal = calendarOf(after)
		moved, err = s.recount(ctx, tx, cal, changedDays(calendarOf(before), cal, d.Day), map[string]any{"by": by.Login}, now)
		return err
	})
	if err != nil {
		return Recounted{}, err
	}
	s.setCalendar(cal)
	return moved, nil
}

// putCalendarDay inserts or replaces one day.
func putCalendarDay(ctx context.Context, tx *txn, e CalendarEntry) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO calendar_days (day, kind, name, source, provisional, origin, set_by, set_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = excluded.source,
			provisional = excluded.provisional, origin = excluded.origin, set_by = excluded.set_by, set_at = excluded.set_at`,
		e.Day.String(), e.Kind, e.Name, e.Source, e.Provisional, e.Origin, e.SetBy, e.SetAt)
	if err != nil {
		return fmt.Errorf("store: set calendar day %s: %w", e.Day, err)
	}
	return nil
}

// changedDays are the days among days whose working status differs between
// the two calendars, as the new one has them (a renamed holiday moves no clock).
func changedDays(before, after *workflow.Calendar, days ...workflow.Date) []workflow.CalendarDay {
	var out []workflow.CalendarDay
	for _, d := range days {
		if before.IsWorkingDay(d) == after.IsWorkingDay(d) {
			continue
		}
		e, ok := after.Exception(d)
		if !ok { // back to an ordinary day of the week
			e = workflow.CalendarDay{Day: d, Kind: workflow.DayOff, Name: "Ngày nghỉ cuối tuần"}
			if after.IsWorkingDay(d) {
				e = workflow.CalendarDay{Day: d, Kind: workflow.DayWork, Name: "Ngày làm việc thông thường"}
			}
		}
		out = append(out, e)
	}
	return out
}

func (s *Store) setCalendar(cal *workflow.Calendar) {
	s.calMu.Lock()
	s.cal = cal
	s.calMu.Unlock()
}

func (s *Store) loadCalendar(ctx context.Context) error {
	entries, err := s.CalendarDays(ctx)
	if err != nil {
		return err
	}
	s.setCalendar(calendarOf(entries))
	return nil
}
