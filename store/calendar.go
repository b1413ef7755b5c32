package store

import (
	"context"
	"fmt"
	"slices"

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
// with its recount record (DOMAIN.md §3). The cases are read and counted
// before the write, from the readers, so that the writer is held only to
// write the moved ones (writeRecount reads again whatever changed meanwhile).
func (s *Store) SetCalendarDay(ctx context.Context, by User, d workflow.CalendarDay) (Recounted, error) {
	if d.Kind != workflow.DayOff && d.Kind != workflow.DayWork {
		return Recounted{}, workflow.Invalid("kind", "loại ngày phải là off hoặc work")
	}
	if err := refuseUnstorable("name", d.Name, "source", d.Source); err != nil {
		return Recounted{}, err
	}
	entry := CalendarEntry{CalendarDay: d, Origin: originAdmin, SetBy: by.Login}
	before, err := s.CalendarDays(ctx)
	if err != nil {
		return Recounted{}, err
	}
	cal, changed := withDay(before, entry)
	plan, err := planRecount(ctx, s.r, cal, changed, s.Today())
	if err != nil {
		return Recounted{}, err
	}
	if s.betweenPlanAndWrite != nil {
		s.betweenPlanAndWrite()
	}
	var moved Recounted
	err = s.write(ctx, func(tx *txn) error {
		current, err := calendarEntries(ctx, tx)
		if err != nil {
			return err
		}
		if !sameEntries(current, before) { // another edit came first: plan again on the calendar as it now stands
			cal, changed = withDay(current, entry)
			if plan, err = planRecount(ctx, tx, cal, changed, s.Today()); err != nil {
				return err
			}
		}
		entry.SetAt = s.stamp()
		if err := putCalendarDay(ctx, tx, entry); err != nil {
			return err
		}
		if moved, err = s.writeRecount(ctx, tx, plan, cal, changed, map[string]any{"by": by.Login}); err != nil {
			return err
		}
		s.swapCalendar(tx, cal)
		return nil
	})
	return moved, err
}

// PreviewCalendarDay is what SetCalendarDay would recount, written nowhere:
// the calendar page shows it before the administrator confirms.
func (s *Store) PreviewCalendarDay(ctx context.Context, d workflow.CalendarDay) (Recounted, error) {
	if d.Kind != workflow.DayOff && d.Kind != workflow.DayWork {
		return Recounted{}, workflow.Invalid("kind", "loại ngày phải là off hoặc work")
	}
	before, err := s.CalendarDays(ctx)
	if err != nil {
		return Recounted{}, err
	}
	cal, changed := withDay(before, CalendarEntry{CalendarDay: d, Origin: originAdmin})
	plan, err := planRecount(ctx, s.r, cal, changed, s.Today())
	var out Recounted
	for _, m := range plan.moves {
		out.Cases++
		out.Clocks += len(m.rec.Payload["clocks"].([]workflow.MovedClock))
	}
	return out, err
}

// withDay is the calendar of entries with e set, and the days whose working
// status that changes.
func withDay(entries []CalendarEntry, e CalendarEntry) (*workflow.Calendar, []workflow.CalendarDay) {
	before := calendarOf(entries)
	after := calendarOf(append(slices.Clone(entries), e)) // a later entry for a day wins
	return after, changedDays(before, after, e.Day)
}

func sameEntries(a, b []CalendarEntry) bool {
	return slices.EqualFunc(a, b, func(x, y CalendarEntry) bool {
		return sameDay(x.CalendarDay, y.CalendarDay) && x.Origin == y.Origin && x.SetAt == y.SetAt
	})
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

// stillCalendar refuses, inside a write, an act the engine decided on cal when
// the calendar has changed since (swapCalendar): its clocks would be counted
// on the old days. The caller reads the case again and retries.
func (s *Store) stillCalendar(cal *workflow.Calendar) error {
	if s.Calendar() != cal {
		return workflow.Errorf(workflow.CodeConflict, "lịch làm việc vừa thay đổi; hãy tải lại hồ sơ")
	}
	return nil
}

// swapCalendar makes cal the calendar inside the write transaction tx that
// changes it, before it commits: an event decided on the old calendar then
// finds, in its own write, that the calendar moved (applyEvent refuses it
// with a conflict), and one decided after uses the new. Should the commit
// fail, the old calendar comes back.
func (s *Store) swapCalendar(tx *txn, cal *workflow.Calendar) {
	old := s.Calendar()
	s.setCalendar(cal)
	tx.onRollback(func() { s.setCalendar(old) })
}

func (s *Store) loadCalendar(ctx context.Context) error {
	entries, err := s.CalendarDays(ctx)
	if err != nil {
		return err
	}
	s.setCalendar(calendarOf(entries))
	return nil
}
