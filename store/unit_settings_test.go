package store_test

import (
	"errors"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// TestRegistrationFactsAreStored: the disciplinary flag and the forwarding
// facts are written with the case and read back (DOMAIN.md §1, §2).
func TestRegistrationFactsAreStored(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Complaint, 1, "2026-11-20")
	nc.Intake.Disciplinary = true
	c := w.reload(w.register("reception", nc))
	if !c.Disciplinary || c.ReceivedByTransfer || c.ForwardedByAuthority {
		t.Errorf("complaint facts: %v %v %v", c.Disciplinary, c.ReceivedByTransfer, c.ForwardedByAuthority)
	}
	nd := letter(workflow.Denunciation, 0, "2026-11-20")
	nd.Intake.Channel, nd.Intake.ReceivedByTransfer, nd.Intake.ForwardedByAuthority = workflow.ChannelForwarded, true, true
	d := w.reload(w.register("reception", nd))
	if d.Disciplinary || !d.ReceivedByTransfer || !d.ForwardedByAuthority {
		t.Errorf("denunciation facts: %v %v %v", d.Disciplinary, d.ReceivedByTransfer, d.ForwardedByAuthority)
	}
	if _, _, err := w.s.ApplyEvent(w.ctx, w.user("reception"), workflow.Viewer{}, d, d.Version,
		workflow.Input{Event: workflow.EvTransfer, On: workflow.MustDate("2026-11-21"), Target: "UBND tỉnh"}, ""); workflow.ErrorCode(err) != workflow.CodeTransferOnce {
		t.Errorf("second transfer: %v, want transfer_once", err)
	}
}

// TestUnitSettingsByDate: an administrator's change is recorded with who and
// when, takes effect from its day, and leaves running clocks alone.
func TestUnitSettingsByDate(t *testing.T) {
	w := mustWorld(t)
	unit := w.unitID("KH-UBND")
	admin := w.user("admin")
	today := workflow.DateOf(fixedNow)
	set := func(from string, days int, disclose bool) error {
		var d workflow.Date
		if from != "" {
			d = workflow.MustDate(from)
		}
		return w.s.SetUnitSettings(w.ctx, admin, unit, d, workflow.UnitSettings{PetitionDays: days, DiscloseRound1Complaints: disclose})
	}
	if err := set("", 45, false); err != nil { // from today
		t.Fatal(err)
	}
	if err := set("2026-12-01", 20, true); err != nil {
		t.Fatal(err)
	}
	t.Run("RefusesThePastAndBadLengths", func(t *testing.T) {
		for _, tc := range []struct {
			from  string
			days  int
			field string
		}{{"2026-11-24", 30, "effective_from"}, {"2026-12-01", 0, "petition_days"}, {"2026-12-01", 400, "petition_days"}} {
			err := set(tc.from, tc.days, false)
			var e *workflow.Error
			if !errors.As(err, &e) || e.Code != workflow.CodeInvalid || e.Field != tc.field {
				t.Errorf("%s %d: %v, want invalid %s", tc.from, tc.days, err, tc.field)
			}
		}
	})
	t.Run("ClockTakesTheSettingsOfItsFirstDay", func(t *testing.T) {
		p := w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
		p = w.act("head", p, workflow.Input{Event: workflow.EvAssign, On: today, Assignee: "handler"})
		p = w.act("head", p, workflow.Input{Event: workflow.EvAccept, On: today})
		for _, k := range p.Clocks {
			if k.Name == workflow.ClockResolution && k.Days != 45 {
				t.Errorf("petition resolution %d days, want 45 (in force today; 20 only from 01/12)", k.Days)
			}
		}
	})
	t.Run("HistoryRecordsWhoAndWhen", func(t *testing.T) {
		if err := set("2026-12-01", 25, true); err != nil { // a second change for the same day replaces the first
			t.Fatal(err)
		}
		got, err := w.s.SettingsChanges(w.ctx, unit)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].EffectiveFrom != today || got[0].PetitionDays != 45 || got[0].SetBy != "admin" ||
			got[0].SetAt == "" || got[2].PetitionDays != 25 {
			t.Fatalf("changes: %+v", got)
		}
		u, err := w.s.UnitByCode(w.ctx, "KH-UBND")
		if err != nil {
			t.Fatal(err)
		}
		h := u.SettingsHistory()
		if len(h) != 2 || h.On(today).PetitionDays != 45 || h.On(workflow.MustDate("2026-12-01")) !=
			(workflow.UnitSettings{PetitionDays: 25, DiscloseRound1Complaints: true}) {
			t.Errorf("history in force: %+v", h)
		}
	})
}

// TestSettingsHistoryReadsTheOldObject: settings written before the dated list
// (one object) are in force from the start.
func TestSettingsHistoryReadsTheOldObject(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want workflow.UnitSettings
	}{
		{`{}`, workflow.DefaultUnitSettings},
		{``, workflow.DefaultUnitSettings},
		{`{"disclose_round1_complaints": true}`, workflow.UnitSettings{PetitionDays: 30, DiscloseRound1Complaints: true}},
		{`{"petition_days": 40}`, workflow.UnitSettings{PetitionDays: 40}},
		{`[{"effective_from": "2026-01-01", "petition_days": 40}]`, workflow.UnitSettings{PetitionDays: 40}},
		{`not json`, workflow.DefaultUnitSettings},
	} {
		u := store.Unit{Settings: tc.raw}
		if got := u.SettingsHistory().On(workflow.MustDate("2026-06-01")); got != tc.want {
			t.Errorf("%q: %+v, want %+v", tc.raw, got, tc.want)
		}
	}
}
