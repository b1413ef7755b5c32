package workflow

import (
	"reflect"
	"testing"
)

// TestRegistrationFacts: which kinds may carry which registration fact
// (DOMAIN.md §1, §2), and that the facts reach the case and its first record.
func TestRegistrationFacts(t *testing.T) {
	env := testEnv()
	withTransfer := func(in Intake) Intake {
		in.ReceivedByTransfer, in.Channel = true, ChannelForwarded
		return in
	}
	rows := []struct {
		name  string
		in    Intake
		field string // "" when accepted
	}{
		{"DisciplinaryComplaint", disciplinary(intake(Complaint, 1, "2026-10-01")), ""},
		{"DisciplinaryComplaintRound2", disciplinary(intake(Complaint, 2, "2026-10-01")), ""},
		{"DisciplinaryDenunciationRefused", disciplinary(intake(Denunciation, 0, "2026-10-01")), "disciplinary"},
		{"DisciplinaryPetitionRefused", disciplinary(intake(Petition, 0, "2026-10-01")), "disciplinary"},
		{"DenunciationReceivedByTransfer", withTransfer(intake(Denunciation, 0, "2026-10-01")), ""},
		{"ComplaintReceivedByTransferRefused", withTransfer(intake(Complaint, 1, "2026-10-01")), "received_by_transfer"},
		{"DenunciationForwardedByAuthority", forwarded(intake(Denunciation, 0, "2026-10-01")), ""},
		{"PetitionForwardedByAuthorityRefused", forwarded(intake(Petition, 0, "2026-10-01")), "forwarded_by_authority"},
		{"TransferNeedsChannelForwarded", func() Intake {
			in := withTransfer(intake(Denunciation, 0, "2026-10-01"))
			in.Channel = "post"
			return in
		}(), "channel"},
		{"ForwardedNeedsChannelForwarded", func() Intake {
			in := forwarded(intake(Denunciation, 0, "2026-10-01"))
			in.Channel = "walk_in"
			return in
		}(), "channel"},
	}
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			c, rec, err := Receive(tc.in, env)
			if tc.field != "" {
				wantErr(t, err, CodeInvalid, tc.field)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Disciplinary != tc.in.Disciplinary || c.ReceivedByTransfer != tc.in.ReceivedByTransfer ||
				c.ForwardedByAuthority != tc.in.ForwardedByAuthority {
				t.Errorf("case facts %v %v %v, intake %+v", c.Disciplinary, c.ReceivedByTransfer, c.ForwardedByAuthority, tc.in)
			}
			for name, set := range map[string]bool{"disciplinary": tc.in.Disciplinary,
				"received_by_transfer": tc.in.ReceivedByTransfer, "forwarded_by_authority": tc.in.ForwardedByAuthority} {
				if got, _ := rec.Payload[name].(bool); got != set {
					t.Errorf("receive record %s = %v, want %v", name, rec.Payload[name], set)
				}
			}
			if got := hasClock(c, ClockForwarderReply); got != tc.in.ForwardedByAuthority {
				t.Errorf("forwarder_reply clock %v, want %v (LTC 26(2))", got, tc.in.ForwardedByAuthority)
			}
		})
	}
}

// TestDisciplinaryComplaint: dialogue at both rounds before resolving (LKN 53,
// 55(3)); the acceptance notice to the complainant only.
func TestDisciplinaryComplaint(t *testing.T) {
	env := testEnv()
	for _, round := range []int{1, 2} {
		c := drive(t, env, disciplinary(intake(Complaint, round, "2026-10-01")), assignOn("2026-10-02"))
		n, rec, err := Apply(c, acceptOn("2026-10-05"), head, env)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Payload["notice_to"] != "complainant" {
			t.Errorf("round %d: acceptance notice to %v, want the complainant only", round, rec.Payload["notice_to"])
		}
		_, _, err = Apply(n, resolveOn("2026-10-20", Correct), head, env)
		wantErr(t, err, CodeDialogueRequired, "")
		n = mustApply(t, env, n, scheduleOn("2026-10-06", "2026-10-13"), head)
		n = mustApply(t, env, n, recordOn("2026-10-13"), head)
		if n = mustApply(t, env, n, resolveOn("2026-10-20", Correct), head); n.State != Resolved {
			t.Errorf("round %d: state %s after resolve, want resolved", round, n.State)
		}
	}
	// An ordinary round-1 complaint whose verification agrees needs no dialogue (LKN 30) nor a notice rule.
	c := drive(t, env, intake(Complaint, 1, "2026-10-01"), assignOn("2026-10-02"))
	n, rec, err := Apply(c, acceptOn("2026-10-05"), head, env)
	if err != nil || rec.Payload["notice_to"] != nil {
		t.Fatalf("ordinary complaint: %v, notice_to %v", err, rec.Payload["notice_to"])
	}
	mustApply(t, env, n, resolveOn("2026-10-20", Correct), head)
}

// TestTransferOnce: a denunciation received by transfer may not be transferred
// on (TT 05/2021/TT-TTCP Art. 14); one received directly may.
func TestTransferOnce(t *testing.T) {
	env := testEnv()
	in := intake(Denunciation, 0, "2026-10-01")
	transfer := Input{Event: EvTransfer, On: date("2026-10-02"), Target: "UBND tỉnh"}
	rows := []struct {
		name     string
		transfer bool
	}{{"Direct", false}, {"ReceivedByTransfer", true}}
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			in := in
			if tc.transfer {
				in.ReceivedByTransfer, in.Channel = true, ChannelForwarded
			}
			for _, steps := range [][]Input{nil, {assignOn("2026-10-02")}} {
				c := drive(t, env, in, steps...)
				offered := false
				for _, e := range c.Available(RoleHead) {
					offered = offered || e == EvTransfer
				}
				n, _, err := Apply(c, transfer, reception, env)
				if !tc.transfer {
					if err != nil || n.State != Transferred || !offered {
						t.Errorf("in %s: %v, state %s, offered %v", c.State, err, n.State, offered)
					}
					continue
				}
				wantErr(t, err, CodeTransferOnce, "")
				if offered {
					t.Errorf("in %s: transfer offered to a case received by transfer", c.State)
				}
				// It may still be filed as not to be processed (LTC 24(3); TC-NP-06).
				file := Input{Event: EvFile, On: date("2026-10-02"), ReasonCode: "TC-NP-06"}
				if n := mustApply(t, env, c, file, reception); n.State != Filed {
					t.Errorf("filed: state %s", n.State)
				}
			}
		})
	}
}

// TestForwarderReply: notify says whom it told; the forwarder's clock runs
// from receipt and stops only when the forwarder is told (LTC 26(2)); close
// waits for it.
func TestForwarderReply(t *testing.T) {
	env := testEnv()
	c := drive(t, env, forwarded(intake(Denunciation, 0, "2026-09-28")))
	if got := c.Available(RoleHead); !containsEvent(got, EvNotify) {
		t.Fatalf("notify not offered while the forwarder's clock runs: %v", got)
	}
	t.Run("DefaultBeforeAcceptanceTellsForwarder", func(t *testing.T) {
		n, rec, err := Apply(c, eventOn(EvNotify, "2026-09-30"), head, env)
		if err != nil || rec.Payload["to"] != NotifyForwarder || clockOf(t, n, ClockForwarderReply).Running() {
			t.Errorf("%v, to %v, clock %+v", err, rec.Payload["to"], clockOf(t, n, ClockForwarderReply))
		}
		if containsEvent(n.Available(RoleHead), EvNotify) {
			t.Errorf("notify still offered with no duty left: %v", n.Available(RoleHead))
		}
	})
	t.Run("UnknownRecipient", func(t *testing.T) {
		_, _, err := Apply(c, Input{Event: EvNotify, On: date("2026-09-30"), To: "press"}, head, env)
		wantErr(t, err, CodeInvalid, "to")
	})
	t.Run("BothDutiesAfterAcceptance", func(t *testing.T) {
		n := mustApply(t, env, c, assignOn("2026-09-29"), head)
		n = mustApply(t, env, n, acceptOn("2026-10-01"), head)
		if !clockOf(t, n, ClockForwarderReply).Running() {
			t.Fatal("acceptance stopped the forwarder's clock")
		}
		// Without "to", the denouncer's notice comes first.
		n = mustApply(t, env, n, eventOn(EvNotify, "2026-10-02"), head)
		if clockOf(t, n, ClockNotification).Running() || !clockOf(t, n, ClockForwarderReply).Running() {
			t.Errorf("notify without to: notification %+v, forwarder %+v", clockOf(t, n, ClockNotification), clockOf(t, n, ClockForwarderReply))
		}
		_, _, err := Apply(n, Input{Event: EvNotify, On: date("2026-10-02"), To: NotifyDenouncer}, head, env)
		wantErr(t, err, CodeIllegalTransition, "")
		n = mustApply(t, env, n, resolveOn("2026-10-14", Correct), head)
		n = mustApply(t, env, n, eventOn(EvDeliver, "2026-10-15"), head)
		n = mustApply(t, env, n, Input{Event: EvDisclose, On: date("2026-10-15"), Text: "Kết luận", Channel: "web"}, head)
		_, _, err = Apply(n, eventOn(EvClose, "2026-10-16"), head, env)
		wantErr(t, err, CodeClocksRunning, "")
		n = mustApply(t, env, n, Input{Event: EvNotify, On: date("2026-10-16"), To: NotifyForwarder}, head)
		if n = mustApply(t, env, n, eventOn(EvClose, "2026-10-16"), head); n.State != Closed {
			t.Errorf("state %s, want closed", n.State)
		}
	})
}

// TestDecisionDelivery: suspension, continuation and termination decisions
// are sent within their period and deliver says which decision it sent
// (LTC 34(4); ND 124/2020 Art. 28b).
func TestDecisionDelivery(t *testing.T) {
	env := testEnv()
	accepted := func(k Kind, round int) Case {
		return drive(t, env, intake(k, round, "2026-09-28"), accepted0110...)
	}
	t.Run("ComplaintBefore1July2026HasNone", func(t *testing.T) {
		c := drive(t, env, intake(Complaint, 1, "2026-06-01"), assignOn("2026-06-02"), acceptOn("2026-06-03"),
			eventOn(EvWithdraw, "2026-06-15"))
		if len(c.RunningClocks()) != 0 || containsEvent(c.Available(RoleHead), EvDeliver) {
			t.Errorf("running %v, available %v", clockNames(c.RunningClocks()), c.Available(RoleHead))
		}
	})
	t.Run("WithdrawnCaseDeliversItsTermination", func(t *testing.T) {
		for _, k := range []Kind{Complaint, Denunciation} {
			c := mustApply(t, env, accepted(k, map[Kind]int{Complaint: 1}[k]), eventOn(EvWithdraw, "2026-10-14"), head)
			if got := c.Available(RoleHead); !reflect.DeepEqual(got, []Event{EvDeliver}) {
				t.Errorf("%s withdrawn: available %v, want [deliver]", k, got)
			}
			n, rec, err := Apply(c, eventOn(EvDeliver, "2026-10-15"), head, env)
			if err != nil || n.State != Withdrawn || rec.Payload["clock"] != ClockDecisionDelivery || len(n.RunningClocks()) != 0 {
				t.Errorf("%s: %v, state %s, payload %v, running %v", k, err, n.State, rec.Payload, clockNames(n.RunningClocks()))
			}
			if got := n.Available(RoleHead); len(got) != 0 {
				t.Errorf("%s delivered: available %v, want none", k, got)
			}
		}
	})
	t.Run("BothDecisionsRunning", func(t *testing.T) {
		c := accepted(Denunciation, 0)
		c = mustApply(t, env, c, eventOn(EvSuspend, "2026-10-12"), head)
		c = mustApply(t, env, c, eventOn(EvDeliver, "2026-10-13"), head) // the suspension decision
		c = mustApply(t, env, c, eventOn(EvResume, "2026-10-15"), head)
		c = mustApply(t, env, c, resolveOn("2026-10-16", Correct), head)
		// The continuation decision and the conclusion are both owed: without "clock" the conclusion goes first.
		n, rec, err := Apply(c, eventOn(EvDeliver, "2026-10-16"), head, env)
		if err != nil || rec.Payload["clock"] != ClockDelivery || !clockOf(t, n, ClockDecisionDelivery).Running() {
			t.Errorf("%v, payload %v", err, rec.Payload)
		}
		n, rec, err = Apply(c, Input{Event: EvDeliver, On: date("2026-10-16"), Clock: ClockDecisionDelivery}, head, env)
		if err != nil || rec.Payload["clock"] != ClockDecisionDelivery || !clockOf(t, n, ClockDelivery).Running() {
			t.Errorf("%v, payload %v", err, rec.Payload)
		}
		_, _, err = Apply(c, Input{Event: EvDeliver, On: date("2026-10-16"), Clock: ClockResolution}, head, env)
		wantErr(t, err, CodeInvalid, "clock")
	})
	t.Run("CloseWaitsForTheContinuationDecision", func(t *testing.T) {
		c := accepted(Denunciation, 0)
		c = mustApply(t, env, c, eventOn(EvNotify, "2026-10-02"), head)
		c = mustApply(t, env, c, eventOn(EvSuspend, "2026-10-12"), head)
		c = mustApply(t, env, c, eventOn(EvResume, "2026-10-15"), head) // the suspension decision is still owed too
		c = mustApply(t, env, c, resolveOn("2026-10-16", Correct), head)
		c = mustApply(t, env, c, Input{Event: EvDeliver, On: date("2026-10-16"), Clock: ClockDelivery}, head)
		c = mustApply(t, env, c, Input{Event: EvDisclose, On: date("2026-10-16"), Text: "Kết luận", Channel: "web"}, head)
		_, _, err := Apply(c, eventOn(EvClose, "2026-10-16"), head, env)
		wantErr(t, err, CodeClocksRunning, "")
		c = mustApply(t, env, c, eventOn(EvDeliver, "2026-10-19"), head)
		if c = mustApply(t, env, c, eventOn(EvClose, "2026-10-19"), head); c.State != Closed {
			t.Errorf("state %s", c.State)
		}
	})
}

// TestSettingsInForceWhenClockStarts: a unit's settings change from a date;
// a clock takes the settings in force on its first day and keeps its length.
func TestSettingsInForceWhenClockStarts(t *testing.T) {
	env := testEnv()
	env.History = SettingsHistory{
		{EffectiveFrom: date("2026-01-01"), UnitSettings: UnitSettings{PetitionDays: 45}},
		{EffectiveFrom: date("2026-10-05"), UnitSettings: UnitSettings{PetitionDays: 20, DiscloseRound1Complaints: true}},
	}
	rows := []struct {
		name       string
		acceptedOn string
		days       int
	}{{"BeforeTheChange", "2026-10-02", 45}, {"OnTheDayOfTheChange", "2026-10-05", 20}}
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			c := drive(t, env, intake(Petition, 0, "2026-09-28"), assignOn("2026-09-29"), acceptOn(tc.acceptedOn))
			if k := clockOf(t, c, ClockResolution); k.Days != tc.days {
				t.Errorf("petition resolution %d days, want %d", k.Days, tc.days)
			}
		})
	}
	// Round-1 disclosure follows the setting on the day of the decision.
	c := drive(t, env, intake(Complaint, 1, "2026-09-28"), assignOn("2026-09-29"), acceptOn("2026-10-01"))
	before := mustApply(t, env, c, resolveOn("2026-10-02", Correct), head)
	after := mustApply(t, env, c, resolveOn("2026-10-05", Correct), head)
	if hasClock(before, ClockDisclosure) || !hasClock(after, ClockDisclosure) {
		t.Errorf("disclosure before the change %v, after %v", hasClock(before, ClockDisclosure), hasClock(after, ClockDisclosure))
	}
	if got := (SettingsHistory{}).On(date("2026-10-05")); got != DefaultUnitSettings {
		t.Errorf("empty history: %+v, want the defaults", got)
	}
	if got := env.History.On(date("2025-12-31")); got != DefaultUnitSettings {
		t.Errorf("before the first entry: %+v, want the defaults", got)
	}
}

func TestUnitSettingsValidate(t *testing.T) {
	for _, tc := range []struct {
		days int
		ok   bool
	}{{0, false}, {1, true}, {30, true}, {MaxPetitionDays, true}, {MaxPetitionDays + 1, false}, {-5, false}} {
		err := UnitSettings{PetitionDays: tc.days}.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("PetitionDays %d: %v", tc.days, err)
		}
		if err != nil {
			wantErr(t, err, CodeInvalid, "petition_days")
		}
	}
}

func containsEvent(evs []Event, e Event) bool {
	for _, x := range evs {
		if x == e {
			return true
		}
	}
	return false
}
