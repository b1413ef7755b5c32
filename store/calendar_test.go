package store_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// A day of the calendar changes after clocks were counted over it: exactly the
// running clocks whose count crosses it move, each case with a recount record;
// stopped, suspended and uncrossing clocks stay; the chain stays intact; and the
// backlog as of the day before still shows what was due then (DOMAIN.md §3).
func TestCalendarDayChangeRecountsTheCrossingRunningClocks(t *testing.T) {
	w := mustWorld(t)
	w.user("handler")
	// Running: processing due Mon 30/11, acceptance due Wed 25/11 (7 WD, ND 124/2020 Art. 16 as amended).
	crossed := w.register("reception", letter(workflow.Complaint, 1, "2026-11-16"))
	// Running: processing due Tue 08/12, acceptance due Thu 03/12.
	fresh := w.register("reception", letter(workflow.Complaint, 1, "2026-11-24"))
	// Stopped at acceptance; its resolution runs 30 cd from 05/11 to Sat 05/12, so Mon 07/12.
	accepted := w.register("reception", letter(workflow.Complaint, 1, "2026-11-02"))
	accepted = w.act("head", accepted, workflow.Input{Event: workflow.EvAssign, On: workflow.MustDate("2026-11-03"), Assignee: "handler"})
	accepted = w.act("head", accepted, ev(workflow.EvAccept, "2026-11-05"))
	// Every clock stopped.
	filed := w.register("reception", letter(workflow.Complaint, 1, "2026-11-16"))
	filed = w.act("reception", filed, workflow.Input{Event: workflow.EvFile, On: workflow.MustDate("2026-11-17"), ReasonCode: "INELIGIBLE"})
	// Its resolution clock suspended (due 18/12 before); its notification ran out on 25/11, before the day.
	suspended := w.register("reception", letter(workflow.Denunciation, 0, "2026-11-16"))
	suspended = w.act("head", suspended, workflow.Input{Event: workflow.EvAssign, On: workflow.MustDate("2026-11-17"), Assignee: "handler"})
	suspended = w.act("head", suspended, ev(workflow.EvAccept, "2026-11-18"))
	suspended = w.act("head", suspended, workflow.Input{Event: workflow.EvNotify, On: workflow.MustDate("2026-11-19")})
	suspended = w.act("head", suspended, ev(workflow.EvSuspend, "2026-11-20"))
	// The suspension decision is sent the same day (LTC 34(4)), so no working-day clock runs across the day.
	suspended = w.act("head", suspended, workflow.Input{Event: workflow.EvDeliver, On: workflow.MustDate("2026-11-20"),
		Clock: workflow.ClockDecisionDelivery})
	untouched := []store.Case{accepted, filed, suspended}
	historyBefore := map[int64]int{}
	for _, c := range append(slices.Clone(untouched), crossed, fresh) {
		historyBefore[c.ID] = len(w.history(c.ID))
	}

	day := workflow.CalendarDay{Day: workflow.MustDate("2026-11-27"), Kind: workflow.DayOff,
		Name: "Nghỉ hoán đổi", Source: "Thông báo 99/TB-VPCP"}
	// The page's preview counts the same moves and writes nothing.
	preview, err := w.s.PreviewCalendarDay(w.ctx, day)
	if err != nil || preview != (store.Recounted{Cases: 2, Clocks: 3}) {
		t.Errorf("preview %+v, %v; want 2 cases and 3 clocks", preview, err)
	}
	if now := w.reload(crossed); now.Version != crossed.Version || len(w.history(crossed.ID)) != historyBefore[crossed.ID] ||
		!w.s.Calendar().IsWorkingDay(day.Day) {
		t.Errorf("the preview changed something: version %d→%d", crossed.Version, now.Version)
	}
	moved, err := w.s.SetCalendarDay(w.ctx, w.user("admin"), day)
	if err != nil {
		t.Fatal(err)
	}
	if moved != (store.Recounted{Cases: 2, Clocks: 3}) {
		t.Errorf("recounted %+v, want 2 cases and 3 clocks", moved)
	}

	t.Run("TheCrossingRunningClocksMovedEachWithItsRecord", func(t *testing.T) {
		wantClocks(t, w.reload(crossed), "processing 2026-11-16+10wd=2026-12-01", "acceptance 2026-11-16+7wd=2026-11-25")
		wantClocks(t, w.reload(fresh), "processing 2026-11-24+10wd=2026-12-09", "acceptance 2026-11-24+7wd=2026-12-04")
		wantRecount(t, w, crossed, `[{"clock":"processing","old_due_on":"2026-11-30","new_due_on":"2026-12-01"}]`)
		wantRecount(t, w, fresh, `[{"clock":"processing","old_due_on":"2026-12-08","new_due_on":"2026-12-09"},`+
			`{"clock":"acceptance","old_due_on":"2026-12-03","new_due_on":"2026-12-04"}]`)
	})
	t.Run("NothingElseChanged", func(t *testing.T) {
		for _, c := range untouched {
			now := w.reload(c)
			if now.Version != c.Version || !reflect.DeepEqual(now.Clocks, c.Clocks) || len(w.history(c.ID)) != historyBefore[c.ID] {
				t.Errorf("case %d (%s, %s) changed: version %d→%d", c.ID, c.Kind, c.State, c.Version, now.Version)
			}
		}
	})
	t.Run("TheChainIsIntact", func(t *testing.T) {
		if rep, err := w.s.VerifyChain(w.ctx); err != nil || !rep.OK() {
			t.Fatalf("audit verify: %v, %v", rep, err)
		}
	})
	t.Run("TheBacklogOfTheDayBeforeShowsWhatWasDueThen", func(t *testing.T) {
		for _, tc := range []struct{ asOf, due string }{{"2026-11-24", "2026-12-03"}, {"2026-11-25", "2026-12-04"}} {
			list, err := w.s.BacklogCases(w.ctx, []int64{w.unitID("KH-UBND")}, workflow.MustDate(tc.asOf),
				workflow.BacklogFilter{Measure: workflow.MeasureOpen})
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(list, func(b store.BacklogCase) bool { return b.ID == fresh.ID })
			if i < 0 || list[i].DueOn.String() != tc.due {
				t.Errorf("backlog as of %s: case %d due %v, want %s", tc.asOf, fresh.ID, list, tc.due)
			}
		}
	})
	t.Run("TheSameDayAgainMovesNothing", func(t *testing.T) {
		again, err := w.s.SetCalendarDay(w.ctx, w.user("admin"), day)
		if err != nil || again != (store.Recounted{}) {
			t.Errorf("setting the same day again: %+v, %v", again, err)
		}
	})
	t.Run("UndoingTheDayMovesThemBack", func(t *testing.T) {
		back, err := w.s.SetCalendarDay(w.ctx, w.user("admin"), workflow.CalendarDay{Day: day.Day, Kind: workflow.DayWork,
			Name: "Làm việc bình thường", Source: "Thông báo 100/TB-VPCP"})
		if err != nil || back != (store.Recounted{Cases: 2, Clocks: 3}) {
			t.Fatalf("undoing the day: %+v, %v", back, err)
		}
		wantClocks(t, w.reload(fresh), "processing 2026-11-24+10wd=2026-12-08", "acceptance 2026-11-24+7wd=2026-12-03")
	})
}

// wantRecount checks the case's last record is the system's recount of those clocks, for the changed day.
func wantRecount(tb testing.TB, w *world, c store.Case, clocks string) {
	tb.Helper()
	hs := w.history(c.ID)
	last := hs[len(hs)-1]
	var p struct {
		Clocks json.RawMessage `json:"clocks"`
		Days   []struct {
			Day, Kind, Name, Source string
		} `json:"days"`
		By string `json:"by"`
	}
	if err := json.Unmarshal(last.Payload, &p); err != nil {
		tb.Fatal(err)
	}
	if last.Event != string(workflow.EvRecount) || last.Actor != "system" || last.On.String() != "2026-11-25" ||
		last.FromState != string(c.State) || last.ToState != string(c.State) {
		tb.Errorf("case %d last record %+v, want a system recount dated 2026-11-25", c.ID, last)
	}
	if string(p.Clocks) != clocks {
		tb.Errorf("case %d recounted %s, want %s", c.ID, p.Clocks, clocks)
	}
	if len(p.Days) != 1 || p.Days[0].Day != "2026-11-27" || p.Days[0].Source != "Thông báo 99/TB-VPCP" || p.By != "admin" {
		tb.Errorf("case %d recount reason %+v, want 27/11 with its source, by admin", c.ID, p)
	}
}

// The cases are counted before the writer is taken: a case acted on, and a
// letter registered, between that count and the write are counted again in it.
func TestRecountCatchesWhatHappenedWhileItCounted(t *testing.T) {
	w := mustWorld(t)
	w.user("handler")
	acted := w.register("reception", letter(workflow.Complaint, 1, "2026-11-16"))
	var registered store.Case
	w.s.BetweenRecountPlanAndWrite(func() {
		acted = w.act("head", acted, workflow.Input{Event: workflow.EvAssign, On: workflow.MustDate("2026-11-24"), Assignee: "handler"})
		registered = w.register("reception", letter(workflow.Complaint, 1, "2026-11-24"))
	})
	moved, err := w.s.SetCalendarDay(w.ctx, w.user("admin"), workflow.CalendarDay{Day: workflow.MustDate("2026-11-27"),
		Kind: workflow.DayOff, Name: "Nghỉ hoán đổi", Source: "Thông báo 99/TB-VPCP"})
	if err != nil {
		t.Fatal(err)
	}
	if moved != (store.Recounted{Cases: 2, Clocks: 3}) {
		t.Errorf("recounted %+v, want the acted-on case (1 clock) and the new letter (2 clocks)", moved)
	}
	wantClocks(t, w.reload(acted), "processing 2026-11-16+10wd=2026-12-01", "acceptance 2026-11-16+7wd=2026-11-25")
	wantClocks(t, w.reload(registered), "processing 2026-11-24+10wd=2026-12-09", "acceptance 2026-11-24+7wd=2026-12-04")
	if rep, err := w.s.VerifyChain(w.ctx); err != nil || !rep.OK() {
		t.Fatalf("audit verify: %v, %v", rep, err)
	}
}
