package store

import (
	"context"
	"fmt"

	"petitions/workflow"
)

// Calendar returns the working-day calendar (cached; edits refresh it).
func (s *Store) Calendar() *workflow.Calendar {
	s.calMu.RLock()
	defer s.calMu.RUnlock()
	return s.cal
}

// CalendarDays lists the stored exceptions to the working week.
func (s *Store) CalendarDays(ctx context.Context) ([]workflow.CalendarDay, error) {
	var days []workflow.CalendarDay
	err := s.r.SelectContext(ctx, &days, `SELECT day, kind, name, source FROM calendar_days ORDER BY day`)
	return days, err
}

// SetCalendarDay adds or replaces an exception (an administrator's edit).
func (s *Store) SetCalendarDay(ctx context.Context, d workflow.CalendarDay) error {
	if d.Kind != workflow.DayOff && d.Kind != workflow.DayWork {
		return workflow.Invalid("kind", "loại ngày phải là off hoặc work")
	}
	if err := refuseUnstorable("name", d.Name, "source", d.Source); err != nil {
		return err
	}
	_, err := s.exec(ctx, `INSERT INTO calendar_days (day, kind, name, source) VALUES (?, ?, ?, ?)
		ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = excluded.source`,
		d.Day.String(), d.Kind, d.Name, d.Source)
	if err != nil {
		return fmt.Errorf("store: set calendar day: %w", err)
	}
	return s.loadCalendar(ctx)
}

// seedCalendar ships the official days on a new database, then loads the calendar.
func (s *Store) seedCalendar(ctx context.Context) error {
	err := s.write(ctx, func(tx *txn) error {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM calendar_days`); err != nil || n > 0 {
			return err
		}
		for _, d := range workflow.ShippedCalendar() {
			if _, err := tx.ExecContext(ctx, `INSERT INTO calendar_days (day, kind, name, source) VALUES (?, ?, ?, ?)`,
				d.Day.String(), d.Kind, d.Name, d.Source); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: seed calendar: %w", err)
	}
	return s.loadCalendar(ctx)
}

func (s *Store) loadCalendar(ctx context.Context) error {
	days, err := s.CalendarDays(ctx)
	if err != nil {
		return fmt.Errorf("store: load calendar: %w", err)
	}
	cal := workflow.NewCalendar(days)
	s.calMu.Lock()
	s.cal = cal
	s.calMu.Unlock()
	return nil
}
