package main

import (
	"context"
	"fmt"
	"time"

	"petitions/store"
	"petitions/workflow"
)

// measureRecount changes one day of the calendar through the API, as the
// administrator does when the Prime Minister announces a swap, and then
// changes it back: each change counts again every running clock that crosses
// the day, in one write transaction (DOMAIN.md §3). Meanwhile officers read
// case pages, pausing between clicks, to show the server keeps answering.
// Before each change the administrator previews it (the calendar page's
// "Xem trước": the same count, written nowhere), measured on the store.
// The day is the first Friday at least three days ahead, which the working-day
// clocks of every letter of the last two weeks cross.
func (rep *benchReport) measureRecount(ctx context.Context, s *store.Store, srv *child, w *benchWork) error {
	_, token, err := adminToken(ctx, s)
	if err != nil {
		return err
	}
	day := w.today.AddDays(3)
	for day.Weekday() != time.Friday {
		day = day.AddDays(1)
	}
	readers := benchConns(srv.base, rep.cfg.readers)
	defer closeAll(readers)
	writer := newBenchConn(srv.base)
	defer writer.close()
	for _, change := range []workflow.CalendarDay{
		{Day: day, Kind: workflow.DayOff, Name: "Nghỉ hoán đổi (đo hiệu năng)", Source: "petitions bench"},
		{Day: day, Kind: workflow.DayWork, Name: "Làm việc bình thường (đo hiệu năng)", Source: "petitions bench"},
	} {
		var preview store.Recounted
		pf, err := hammer(ctx, "", 1, 0, 1, 0, func(ctx context.Context, _, _ int) error {
			preview, err = s.PreviewCalendarDay(ctx, change)
			return err
		})
		pf.name = fmt.Sprintf("calendar preview %s %s: %d cases, %d clocks", change.Day.VN(), change.Kind, preview.Cases, preview.Clocks)
		if err := rep.add(pf, err); err != nil {
			return err
		}
		reading, stopReading := context.WithCancel(ctx)
		reads := make(chan figure, 1)
		go func() {
			f, _ := hammer(reading, "case page during the recount", len(readers), time.Hour, 0, rep.cfg.think,
				func(_ context.Context, c, i int) error {
					id := w.readCases[(c*7919+i)%len(w.readCases)]
					return call(context.WithoutCancel(ctx), readers[c], "GET", fmt.Sprintf("/ho-so/%d", id), "", w.cookie, nil, 200, nil)
				})
			reads <- f
		}()
		time.Sleep(rep.cfg.think) // the officers are at their desks before the change
		var moved struct {
			Recounted store.Recounted `json:"recounted"`
		}
		body := map[string]any{"kind": change.Kind, "name": change.Name, "source": change.Source}
		f, err := hammer(ctx, "", 1, 0, 1, 0, func(ctx context.Context, _, _ int) error {
			return call(ctx, writer, "PUT", "/api/v1/calendar/"+change.Day.String(), token, "", body, 200, &moved)
		})
		stopReading()
		f.name = fmt.Sprintf("calendar day %s %s: recount of %d cases, %d clocks", change.Day.VN(), change.Kind,
			moved.Recounted.Cases, moved.Recounted.Clocks)
		if err := rep.add(f, err); err != nil {
			return err
		}
		if err := rep.add(<-reads, nil); err != nil {
			return err
		}
	}
	return nil
}

// adminToken is the bench's administrator with a new API token.
func adminToken(ctx context.Context, s *store.Store) (store.User, string, error) {
	admin, err := s.UserByLogin(ctx, "admin")
	if err != nil {
		return admin, "", err
	}
	token, err := s.CreateToken(ctx, admin.ID)
	return admin, token, err
}
