package workflow

import (
	"strings"
	"testing"
)

// TestDialogueOnADayOffNeedsConfirming: a dialogue is set on a working day;
// on a weekend or a holiday it is refused with the reason unless confirmed,
// and the confirmed day off is recorded.
func TestDialogueOnADayOffNeedsConfirming(t *testing.T) {
	env := testEnv()
	c := drive(t, env, intake(Complaint, 2, "2026-09-28"), accepted0110...)
	for _, tc := range []struct {
		name, notice, on, why string
	}{
		{"WorkingDay", "2026-10-06", "2026-10-13", ""},
		{"Sunday", "2026-10-06", "2026-10-11", "Chủ nhật"},
		{"Saturday", "2026-10-06", "2026-10-17", "thứ Bảy"},
		{"NationalDay", "2026-08-20", "2026-09-02", "Quốc khánh"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := c
			k.LastEventOn = date(tc.notice)
			_, _, err := Apply(k, scheduleOn(tc.notice, tc.on), handler, env)
			if tc.why == "" {
				if err != nil {
					t.Fatalf("a working day was refused: %v", err)
				}
				return
			}
			wantErr(t, err, CodeDialogueNotWorkingDay, "dialogue_on")
			if e, _ := err.(*Error); e == nil || !strings.Contains(e.Message, "không phải ngày làm việc ("+tc.why) {
				t.Errorf("refusal %v does not say why (%s)", err, tc.why)
			}
			in := scheduleOn(tc.notice, tc.on)
			in.ConfirmDayOff = true
			n, rec, err := Apply(k, in, handler, env)
			if err != nil {
				t.Fatalf("confirmed: %v", err)
			}
			if n.Facts.DialogueScheduledOn != date(tc.on) || !strings.HasPrefix(rec.Payload["non_working_day"].(string), tc.why) {
				t.Errorf("confirmed: scheduled %s, payload %v", n.Facts.DialogueScheduledOn, rec.Payload)
			}
		})
	}
}

func TestDialogueOnASwappedSaturdayIsAWorkingDay(t *testing.T) {
	env := testEnv()
	c := drive(t, env, intake(Complaint, 2, "2026-09-28"), accepted0110...)
	env.Calendar = NewCalendar(append(ShippedCalendar(),
		CalendarDay{Day: date("2026-10-17"), Kind: DayWork, Name: "Làm bù", Source: "test"},
		CalendarDay{Day: date("2026-10-16"), Kind: DayOff, Name: "Nghỉ hoán đổi", Source: "test"}))
	if _, _, err := Apply(c, scheduleOn("2026-10-06", "2026-10-17"), handler, env); err != nil {
		t.Errorf("a Saturday made a working day was refused: %v", err)
	}
	_, _, err := Apply(c, scheduleOn("2026-10-06", "2026-10-16"), handler, env)
	if e, _ := err.(*Error); e == nil || e.Code != CodeDialogueNotWorkingDay || !strings.Contains(e.Message, "(Nghỉ hoán đổi)") {
		t.Errorf("a Friday swapped off: %v", err)
	}
}
