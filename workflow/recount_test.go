package workflow

import (
	"reflect"
	"testing"
)

func TestRecountMovesOnlyTheRunningClocksThatCrossTheDay(t *testing.T) {
	plain := Env{Calendar: NewCalendar(nil), Today: testToday, Settings: DefaultUnitSettings}
	dayOff := func(s string) CalendarDay {
		return CalendarDay{Day: date(s), Kind: DayOff, Name: "Nghỉ hoán đổi", Source: "Thông báo 1/TB-VPCP"}
	}
	// A complaint received Monday 16/11/2026: processing 10 WD and acceptance 7 WD from receipt
	// (LTCD 28(1); ND 124/2020 Art. 16 as amended), due 30/11 and 25/11.
	received := drive(t, plain, intake(Complaint, 1, "2026-11-16"))
	// The same complaint accepted on 20/11: its resolution runs 30 cd to 20/12, a Sunday, so Monday 21/12.
	accepted := drive(t, plain, intake(Complaint, 1, "2026-11-16"), assignOn("2026-11-17"), acceptOn("2026-11-20"))
	if got := clockOf(t, accepted, ClockResolution).DueOn; !got.Equal(date("2026-12-21")) {
		t.Fatalf("resolution due %s, want 2026-12-21", got)
	}
	// A denunciation received 16/11 and suspended on 20/11 after acceptance: its resolution clock is paused.
	suspended := drive(t, plain, intake(Denunciation, 0, "2026-11-16"), assignOn("2026-11-17"), acceptOn("2026-11-18"),
		eventOn(EvSuspend, "2026-11-20"))

	cases := []struct {
		name    string
		c       Case
		changed CalendarDay
		want    []MovedClock
	}{
		{"ADayOffInsideAWorkingDayCountMovesItOneDay", received, dayOff("2026-11-23"), []MovedClock{
			{ClockProcessing, date("2026-11-30"), date("2026-12-01")},
			{ClockAcceptance, date("2026-11-25"), date("2026-11-26")}}},
		{"ADayAfterOneDueDateMovesOnlyTheLaterClock", received, dayOff("2026-11-27"), []MovedClock{
			{ClockProcessing, date("2026-11-30"), date("2026-12-01")}}},
		{"ADayOnTheDueDateMovesIt", received, dayOff("2026-11-25"), []MovedClock{
			{ClockProcessing, date("2026-11-30"), date("2026-12-01")},
			{ClockAcceptance, date("2026-11-25"), date("2026-11-26")}}},
		{"ADayBeforeTheClockRunsMovesNothing", received, dayOff("2026-11-16"), nil},
		{"ADayAfterEveryDueDateMovesNothing", received, dayOff("2026-12-02"), nil},
		{"StoppedClocksStayAsTheyStopped", accepted, dayOff("2026-11-23"), nil},
		{"ACalendarDayPeriodEndingOnTheNewDayOffMovesToTheNextWorkingDay", accepted, dayOff("2026-12-21"), []MovedClock{
			{ClockResolution, date("2026-12-21"), date("2026-12-22")}}},
		{"ADayOffInsideACalendarDayPeriodMovesNothing", accepted, dayOff("2026-12-01"), nil},
		{"ASwappedWorkingSaturdayBringsAWorkingDayCountForward", received,
			CalendarDay{Day: date("2026-11-21"), Kind: DayWork, Name: "Làm bù", Source: "Thông báo 2/TB-VPCP"}, []MovedClock{
				{ClockProcessing, date("2026-11-30"), date("2026-11-27")},
				{ClockAcceptance, date("2026-11-25"), date("2026-11-24")}}},
		// Its resolution was due Friday 18/12 before the suspension; the day off there moves nothing now.
		{"ASuspendedClockWaitsForItsResume", suspended, dayOff("2026-12-18"), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cal := NewCalendar([]CalendarDay{tc.changed})
			before := tc.c.clone()
			n, rec, ok := Recount(tc.c, cal, []CalendarDay{tc.changed}, testToday)
			if !reflect.DeepEqual(tc.c, before) {
				t.Fatal("Recount changed the case it was given")
			}
			if len(tc.want) == 0 {
				if ok || !reflect.DeepEqual(n, tc.c) {
					t.Fatalf("moved %v, want nothing moved", rec.Payload["clocks"])
				}
				return
			}
			if !ok {
				t.Fatalf("nothing moved, want %v", tc.want)
			}
			if got := rec.Payload["clocks"]; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("moved %v, want %v", got, tc.want)
			}
			if got := rec.Payload["days"]; !reflect.DeepEqual(got, []CalendarDay{tc.changed}) {
				t.Errorf("reason %v, want the changed day with its source", got)
			}
			for _, m := range tc.want {
				if got := clockOf(t, n, m.Clock).DueOn; !got.Equal(m.NewDueOn) {
					t.Errorf("%s now due %s, want %s", m.Clock, got, m.NewDueOn)
				}
			}
			if rec.Event != EvRecount || rec.FromState != tc.c.State || rec.ToState != tc.c.State || !rec.On.Equal(testToday) {
				t.Errorf("record %+v, want a recount in state %s dated %s", rec, tc.c.State, testToday)
			}
			if n.Version != tc.c.Version+1 || !n.LastEventOn.Equal(testToday) || n.State != tc.c.State {
				t.Errorf("case after: version %d, last act %s, state %s", n.Version, n.LastEventOn, n.State)
			}
		})
	}
}
