package workflow

import (
	"strings"
	"testing"
)

// testToday is the fixed "now" of every test.
var testToday = MustDate("2026-11-25")

// testEnv is the environment every test runs in; settings may be changed per test.
func testEnv() Env {
	return Env{Calendar: NewCalendar(ShippedCalendar()), Today: testToday, Settings: DefaultUnitSettings}
}

var (
	head       = Actor{Login: "thu.truong", Role: RoleHead}
	reception  = Actor{Login: "tiep.dan", Role: RoleReception}
	handler    = Actor{Login: "hana", Role: RoleHandler} // the assignee of driven cases
	otherHand  = Actor{Login: "minh", Role: RoleHandler}
	supervisor = Actor{Login: "hdnd", Role: RoleSupervisor}
	admin      = Actor{Login: "quan.tri", Role: RoleAdmin}
)

func yes() *bool { b := true; return &b }
func no() *bool  { b := false; return &b }

// intake builds a letter of a kind received on a day.
func intake(k Kind, round int, received string) Intake {
	return Intake{Kind: k, Round: round, Channel: "post", ReceivedOn: date(received)}
}

// Step builders: each is one act by the head (who may fire every event).
func assignOn(on string) Input { return Input{Event: EvAssign, On: date(on), Assignee: handler.Login} }
func acceptOn(on string) Input { return Input{Event: EvAccept, On: date(on)} }
func scheduleOn(on, dialogueOn string) Input {
	return Input{Event: EvScheduleDialogue, On: date(on), DialogueOn: date(dialogueOn)}
}
func recordOn(on string) Input {
	return Input{Event: EvRecordDialogue, On: date(on), Minutes: "Biên bản đối thoại", Attended: yes()}
}
func resolveOn(on string, o Outcome) Input {
	return Input{Event: EvResolve, On: date(on), Outcome: o, Summary: "Kết luận"}
}
func classifyOn(on string, c Complexity, remote *bool) Input {
	return Input{Event: EvClassify, On: date(on), Complexity: c, RemoteArea: remote}
}
func extendOn(on string, days int) Input { return Input{Event: EvExtend, On: date(on), Days: days} }
func eventOn(e Event, on string) Input   { return Input{Event: e, On: date(on)} }

// drive receives a letter and applies each step as the head; any error fails the test.
func drive(t testing.TB, env Env, in Intake, steps ...Input) Case {
	t.Helper()
	c, _, err := Receive(in, env)
	if err != nil {
		t.Fatalf("Receive(%+v): %v", in, err)
	}
	for _, s := range steps {
		c = mustApply(t, env, c, s, head)
	}
	return c
}

func mustApply(t testing.TB, env Env, c Case, in Input, a Actor) Case {
	t.Helper()
	n, _, err := Apply(c, in, a, env)
	if err != nil {
		t.Fatalf("Apply(%s on %s) in %s: %v", in.Event, in.On, c.State, err)
	}
	return n
}

// clockOf returns the last clock of that name.
func clockOf(t testing.TB, c Case, name ClockName) Clock {
	t.Helper()
	for i := len(c.Clocks) - 1; i >= 0; i-- {
		if c.Clocks[i].Name == name {
			return c.Clocks[i]
		}
	}
	t.Fatalf("no %s clock; clocks: %v", name, clockNames(c.Clocks))
	return Clock{}
}

func hasClock(c Case, name ClockName) bool {
	for _, k := range c.Clocks {
		if k.Name == name {
			return true
		}
	}
	return false
}

// Shared histories (all dates checked against a printed calendar).
var (
	// Complaint received Wed 01/07/2026, accepted Thu 02/07/2026.
	complaintAccepted0207 = []Input{assignOn("2026-07-01"), acceptOn("2026-07-02")}
	// Denunciation, petition, dialogue received Mon 28/09/2026, accepted Thu 01/10/2026.
	accepted0110 = []Input{assignOn("2026-09-29"), acceptOn("2026-10-01")}
)

// accepted1302: a letter received Thu 12/02/2026, accepted Fri 13/02/2026.
var accepted1302 = []Input{assignOn("2026-02-13"), acceptOn("2026-02-13")}

// disciplinary marks a complaint against a disciplinary decision (LKN 46–55).
func disciplinary(in Intake) Intake { in.Disciplinary = true; return in }

// forwarded marks a denunciation forwarded by the press or an authority (LTC 26(2)).
func forwarded(in Intake) Intake {
	in.ForwardedByAuthority, in.Channel = true, ChannelForwarded
	return in
}

func steps(parts ...[]Input) []Input {
	var out []Input
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// TestStatuteClocks drives a case to each clock's trigger and checks the clock
// against a due date counted by hand (DOMAIN.md §3; every row of Statute).
func TestStatuteClocks(t *testing.T) {
	type row struct {
		name     string
		settings *UnitSettings
		intake   Intake
		steps    []Input
		clock    ClockName
		trigger  Trigger
		started  string
		days     int
		unit     DayUnit
		due      string
		basis    string
	}
	r1, r2 := 1, 2
	withComplexity := func(in Intake, c Complexity) Intake { in.Complexity = c; return in }
	discloseR1 := &UnitSettings{PetitionDays: 30, DiscloseRound1Complaints: true}

	rows := []row{
		// processing: any letter, 10 WD from receipt (LTCD 28(1)).
		{name: "Processing/ComplaintReceived30June", intake: intake(Complaint, r1, "2026-06-30"),
			clock: ClockProcessing, trigger: AtReceipt, started: "2026-06-30", days: 10, unit: WorkingDays,
			due: "2026-07-14", basis: "LTCD 2013 Art. 28(1)"},
		{name: "Processing/ComplaintReceived1July", intake: intake(Complaint, r1, "2026-07-01"),
			clock: ClockProcessing, trigger: AtReceipt, started: "2026-07-01", days: 10, unit: WorkingDays,
			due: "2026-07-15", basis: "LTCD 2013 Art. 28(1)"},
		// 24/04/2026: 28, 29/04, 04–08/05, 11, 12, 13/05 (27/04, 30/04, 01/05 off).
		{name: "Processing/DenunciationAcrossMayDay", intake: intake(Denunciation, 0, "2026-04-24"),
			clock: ClockProcessing, trigger: AtReceipt, started: "2026-04-24", days: 10, unit: WorkingDays,
			due: "2026-05-13", basis: "LTCD 2013 Art. 28(1)"},
		{name: "Processing/Petition", intake: intake(Petition, 0, "2026-09-28"),
			clock: ClockProcessing, trigger: AtReceipt, started: "2026-09-28", days: 10, unit: WorkingDays,
			due: "2026-10-12", basis: "LTCD 2013 Art. 28(1)"},
		// 12/02/2026: 13/02, Tết, 23–27/02, 02–05/03.
		{name: "Processing/DialogueAcrossTet", intake: intake(Dialogue, 0, "2026-02-12"),
			clock: ClockProcessing, trigger: AtReceipt, started: "2026-02-12", days: 10, unit: WorkingDays,
			due: "2026-03-05", basis: "LTCD 2013 Art. 28(1)"},

		// complaint acceptance: 10 WD before 01/07/2026, 7 WD from it (ND 155/2026).
		{name: "ComplaintAcceptance/Received30June10WD", intake: intake(Complaint, r1, "2026-06-30"),
			clock: ClockAcceptance, trigger: AtReceipt, started: "2026-06-30", days: 10, unit: WorkingDays,
			due: "2026-07-14", basis: "LKN 2011 Art. 27"},
		{name: "ComplaintAcceptance/Received1July7WD", intake: intake(Complaint, r1, "2026-07-01"),
			clock: ClockAcceptance, trigger: AtReceipt, started: "2026-07-01", days: 7, unit: WorkingDays,
			due: "2026-07-10", basis: "ND 155/2026"},
		{name: "ComplaintAcceptance/Round2Received1July7WD", intake: intake(Complaint, r2, "2026-07-01"),
			clock: ClockAcceptance, trigger: AtReceipt, started: "2026-07-01", days: 7, unit: WorkingDays,
			due: "2026-07-10", basis: "ND 155/2026"},
		// The rule in force when the clock starts applies, not the one on the day it is read.
		{name: "ComplaintAcceptance/Received30JuneAssignedInJuly", intake: intake(Complaint, r1, "2026-06-30"),
			steps: []Input{assignOn("2026-07-02")},
			clock: ClockAcceptance, trigger: AtReceipt, started: "2026-06-30", days: 10, unit: WorkingDays,
			due: "2026-07-14", basis: "LKN 2011 Art. 27"},

		// complaint round 1 resolution (LKN 28), accepted Thu 02/07/2026.
		// 30 cd → Sat 01/08 → Mon 03/08.
		{name: "ComplaintR1Resolution/Normal", intake: intake(Complaint, r1, "2026-07-01"),
			steps: complaintAccepted0207, clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 30, unit: CalendarDays, due: "2026-08-03", basis: "LKN 2011 Art. 28"},
		// 45 cd → Sun 16/08 → Mon 17/08.
		{name: "ComplaintR1Resolution/Complex", intake: withComplexity(intake(Complaint, r1, "2026-07-01"), Complex),
			steps: complaintAccepted0207, clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 45, unit: CalendarDays, due: "2026-08-17", basis: "LKN 2011 Art. 28"},
		{name: "ComplaintR1Resolution/RemoteByClassifyAfterAcceptance", intake: intake(Complaint, r1, "2026-07-01"),
			steps: steps(complaintAccepted0207, []Input{classifyOn("2026-07-03", "", yes())}),
			clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 45, unit: CalendarDays, due: "2026-08-17", basis: "LKN 2011 Art. 28"},
		// 60 cd → Mon 31/08, swapped off for Quốc khánh 2026 (31/08–02/09 off) → Thu 03/09.
		{name: "ComplaintR1Resolution/RemoteComplexByClassifyAfterAcceptance", intake: remote(intake(Complaint, r1, "2026-07-01")),
			steps: steps(complaintAccepted0207, []Input{classifyOn("2026-07-03", Complex, nil)}),
			clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 60, unit: CalendarDays, due: "2026-09-03", basis: "LKN 2011 Art. 28"},
		{name: "ComplaintR1Resolution/EspeciallyComplexCountsAsComplex",
			intake: remote(withComplexity(intake(Complaint, r1, "2026-07-01"), EspeciallyComplex)),
			steps:  complaintAccepted0207, clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 60, unit: CalendarDays, due: "2026-09-03", basis: "LKN 2011 Art. 28"},
		{name: "ComplaintR1Resolution/ClassifiedBackToNormal",
			intake: withComplexity(intake(Complaint, r1, "2026-07-01"), Complex),
			steps:  steps(complaintAccepted0207, []Input{classifyOn("2026-07-06", Normal, no())}),
			clock:  ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 30, unit: CalendarDays, due: "2026-08-03", basis: "LKN 2011 Art. 28"},

		// complaint round 2 resolution (LKN 37), accepted 02/07/2026.
		{name: "ComplaintR2Resolution/Normal", intake: intake(Complaint, r2, "2026-07-01"),
			steps: complaintAccepted0207, clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 45, unit: CalendarDays, due: "2026-08-17", basis: "LKN 2011 Art. 37"},
		{name: "ComplaintR2Resolution/ComplexByClassifyAfterAcceptance", intake: intake(Complaint, r2, "2026-07-01"),
			steps: steps(complaintAccepted0207, []Input{classifyOn("2026-07-03", Complex, nil)}),
			clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 60, unit: CalendarDays, due: "2026-09-03", basis: "LKN 2011 Art. 37"},
		{name: "ComplaintR2Resolution/Remote", intake: remote(intake(Complaint, r2, "2026-07-01")),
			steps: complaintAccepted0207, clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 60, unit: CalendarDays, due: "2026-09-03", basis: "LKN 2011 Art. 37"},
		// 70 cd → Thu 10/09.
		{name: "ComplaintR2Resolution/RemoteComplexByTwoClassifies", intake: intake(Complaint, r2, "2026-07-01"),
			steps: steps(complaintAccepted0207, []Input{classifyOn("2026-07-03", Complex, nil), classifyOn("2026-07-06", "", yes())}),
			clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 70, unit: CalendarDays, due: "2026-09-10", basis: "LKN 2011 Art. 37"},

		// complaint round 1 decision on Thu 30/07/2026: delivery 3 WD → 31/07, 03/08, 04/08.
		{name: "ComplaintR1Delivery", intake: intake(Complaint, r1, "2026-07-01"),
			steps: steps(complaintAccepted0207, []Input{resolveOn("2026-07-30", PartlyCorrect)}),
			clock: ClockDelivery, trigger: AtDecision, started: "2026-07-30",
			days: 3, unit: WorkingDays, due: "2026-08-04", basis: "LKN 2011 Art. 32"},
		// round-1 disclosure only when the unit switched it on: 15 cd → Fri 14/08.
		{name: "ComplaintR1DisclosureWhenUnitSettingOn", settings: discloseR1, intake: intake(Complaint, r1, "2026-07-01"),
			steps: steps(complaintAccepted0207, []Input{resolveOn("2026-07-30", PartlyCorrect)}),
			clock: ClockDisclosure, trigger: AtDecision, started: "2026-07-30",
			days: 15, unit: CalendarDays, due: "2026-08-14", basis: "ND 124/2020 Art. 29(3)"},
		// complaint round 2 decision on Wed 26/08/2026: delivery 7 cd → 02/09 National day → 03/09.
		{name: "ComplaintR2Delivery", intake: intake(Complaint, r2, "2026-07-01"),
			steps: steps(complaintAccepted0207, []Input{scheduleOn("2026-07-06", "2026-07-13"), recordOn("2026-07-13"),
				resolveOn("2026-08-26", Wrong)}),
			clock: ClockDelivery, trigger: AtDecision, started: "2026-08-26",
			days: 7, unit: CalendarDays, due: "2026-09-03", basis: "LKN 2011 Art. 41(1)"},
		// disclosure 15 cd → Thu 10/09.
		{name: "ComplaintR2Disclosure", intake: intake(Complaint, r2, "2026-07-01"),
			steps: steps(complaintAccepted0207, []Input{scheduleOn("2026-07-06", "2026-07-13"), recordOn("2026-07-13"),
				resolveOn("2026-08-26", Wrong)}),
			clock: ClockDisclosure, trigger: AtDecision, started: "2026-08-26",
			days: 15, unit: CalendarDays, due: "2026-09-10", basis: "LKN 2011 Art. 41(2)"},

		// denunciation acceptance 7 WD: 24/04/2026 → 28, 29/04, 04–08/05.
		{name: "DenunciationAcceptance", intake: intake(Denunciation, 0, "2026-04-24"),
			clock: ClockAcceptance, trigger: AtReceipt, started: "2026-04-24", days: 7, unit: WorkingDays,
			due: "2026-05-08", basis: "LTC 2018 Art. 24(1)"},
		// transfer 5 WD from receipt (Thu 12/02/2026) once found not competent: 13/02, 23–26/02.
		{name: "DenunciationTransferWhenNotCompetent", intake: intake(Denunciation, 0, "2026-02-12"),
			steps: []Input{{Event: EvClassify, On: date("2026-02-13"), Competent: no()}},
			clock: ClockTransfer, trigger: AtCompetence, started: "2026-02-12", days: 5, unit: WorkingDays,
			due: "2026-02-26", basis: "LTC 2018 Art. 24(2)"},
		// accepted Thu 01/10/2026: notification 5 WD → 02, 05, 06, 07, 08/10.
		{name: "DenunciationNotification", intake: intake(Denunciation, 0, "2026-09-28"),
			steps: accepted0110, clock: ClockNotification, trigger: AtAcceptance, started: "2026-10-01",
			days: 5, unit: WorkingDays, due: "2026-10-08", basis: "LTC 2018 Art. 29(3)"},
		// resolution 30 cd → Sat 31/10 → Mon 02/11.
		{name: "DenunciationResolution", intake: intake(Denunciation, 0, "2026-09-28"),
			steps: accepted0110, clock: ClockResolution, trigger: AtAcceptance, started: "2026-10-01",
			days: 30, unit: CalendarDays, due: "2026-11-02", basis: "LTC 2018 Art. 30"},
		// conclusion Wed 28/10/2026: delivery 5 WD → 29, 30/10, 02, 03, 04/11.
		{name: "DenunciationDelivery", intake: intake(Denunciation, 0, "2026-09-28"),
			steps: steps(accepted0110, []Input{resolveOn("2026-10-28", Correct)}),
			clock: ClockDelivery, trigger: AtDecision, started: "2026-10-28",
			days: 5, unit: WorkingDays, due: "2026-11-04", basis: "LTC 2018 Art. 35(3)"},
		// disclosure 7 WD → … 05, 06/11.
		{name: "DenunciationDisclosure", intake: intake(Denunciation, 0, "2026-09-28"),
			steps: steps(accepted0110, []Input{resolveOn("2026-10-28", Correct)}),
			clock: ClockDisclosure, trigger: AtDecision, started: "2026-10-28",
			days: 7, unit: WorkingDays, due: "2026-11-06", basis: "LTC 2018 Art. 40"},

		// petition: the unit's length, default 30 cd → Mon 02/11.
		{name: "PetitionResolution/Default", intake: intake(Petition, 0, "2026-09-28"),
			steps: accepted0110, clock: ClockResolution, trigger: AtAcceptance, started: "2026-10-01",
			days: 30, unit: CalendarDays, due: "2026-11-02", basis: "đơn vị"},
		{name: "PetitionResolution/UnsetSettingMeansDefault", settings: &UnitSettings{}, intake: intake(Petition, 0, "2026-09-28"),
			steps: accepted0110, clock: ClockResolution, trigger: AtAcceptance, started: "2026-10-01",
			days: 30, unit: CalendarDays, due: "2026-11-02", basis: "đơn vị"},
		// 45 cd → Sun 15/11 → Mon 16/11.
		{name: "PetitionResolution/Unit45Days", settings: &UnitSettings{PetitionDays: 45}, intake: intake(Petition, 0, "2026-09-28"),
			steps: accepted0110, clock: ClockResolution, trigger: AtAcceptance, started: "2026-10-01",
			days: 45, unit: CalendarDays, due: "2026-11-16", basis: "đơn vị"},

		// complaint against a disciplinary decision (LKN 50), accepted Thu 02/07/2026:
		// 30 cd at both rounds → Sat 01/08 → Mon 03/08; complex 45 → Sun 16/08 → Mon 17/08; no remote column.
		{name: "DisciplinaryResolution/Round1", intake: disciplinary(intake(Complaint, r1, "2026-07-01")),
			steps: complaintAccepted0207, clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 30, unit: CalendarDays, due: "2026-08-03", basis: "LKN 2011 Art. 50"},
		{name: "DisciplinaryResolution/Round2", intake: disciplinary(intake(Complaint, r2, "2026-07-01")),
			steps: complaintAccepted0207, clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 30, unit: CalendarDays, due: "2026-08-03", basis: "LKN 2011 Art. 50"},
		{name: "DisciplinaryResolution/Round2Complex", intake: withComplexity(disciplinary(intake(Complaint, r2, "2026-07-01")), Complex),
			steps: complaintAccepted0207, clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 45, unit: CalendarDays, due: "2026-08-17", basis: "LKN 2011 Art. 50"},
		{name: "DisciplinaryResolution/RemoteIsNoLonger", intake: remote(disciplinary(intake(Complaint, r1, "2026-07-01"))),
			steps: complaintAccepted0207, clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 30, unit: CalendarDays, due: "2026-08-03", basis: "LKN 2011 Art. 50"},
		{name: "DisciplinaryResolution/RemoteComplexByClassify", intake: remote(disciplinary(intake(Complaint, r1, "2026-07-01"))),
			steps: steps(complaintAccepted0207, []Input{classifyOn("2026-07-03", Complex, nil)}),
			clock: ClockResolution, trigger: AtAcceptance, started: "2026-07-02",
			days: 45, unit: CalendarDays, due: "2026-08-17", basis: "LKN 2011 Art. 50"},

		// forwarded by the press or an authority: the forwarder's reply 20 cd from receipt (LTC 26(2)).
		// Mon 28/09/2026 + 20 → Sun 18/10 → Mon 19/10.
		{name: "ForwarderReply/Received28Sept", intake: forwarded(intake(Denunciation, 0, "2026-09-28")),
			clock: ClockForwarderReply, trigger: AtReceipt, started: "2026-09-28", days: 20, unit: CalendarDays,
			due: "2026-10-19", basis: "LTC 2018 Art. 26(2)"},
		// Thu 12/02/2026 + 20 → Wed 04/03 (Tết lies inside the period, not at its end).
		{name: "ForwarderReply/AcrossTet", intake: forwarded(intake(Denunciation, 0, "2026-02-12")),
			steps: accepted1302, clock: ClockForwarderReply, trigger: AtReceipt, started: "2026-02-12", days: 20,
			unit: CalendarDays, due: "2026-03-04", basis: "LTC 2018 Art. 26(2)"},

		// sending a suspension, continuation or termination decision: denunciations 5 WD (LTC 34(4)).
		// suspended Mon 12/10/2026 → 13, 14, 15, 16, 19/10.
		{name: "DenunciationDecisionDelivery/Suspension", intake: intake(Denunciation, 0, "2026-09-28"),
			steps: steps(accepted0110, []Input{eventOn(EvSuspend, "2026-10-12")}),
			clock: ClockDecisionDelivery, trigger: AtInterimDecision, started: "2026-10-12", days: 5, unit: WorkingDays,
			due: "2026-10-19", basis: "LTC 2018 Art. 34(4)"},
		// continued Thu 15/10 → 16, 19, 20, 21, 22/10.
		{name: "DenunciationDecisionDelivery/Continuation", intake: intake(Denunciation, 0, "2026-09-28"),
			steps: steps(accepted0110, []Input{eventOn(EvSuspend, "2026-10-12"), eventOn(EvResume, "2026-10-15")}),
			clock: ClockDecisionDelivery, trigger: AtInterimDecision, started: "2026-10-15", days: 5, unit: WorkingDays,
			due: "2026-10-22", basis: "LTC 2018 Art. 34(4)"},
		// terminated on withdrawal Wed 14/10 → 15, 16, 19, 20, 21/10.
		{name: "DenunciationDecisionDelivery/Termination", intake: intake(Denunciation, 0, "2026-09-28"),
			steps: steps(accepted0110, []Input{eventOn(EvWithdraw, "2026-10-14")}),
			clock: ClockDecisionDelivery, trigger: AtInterimDecision, started: "2026-10-14", days: 5, unit: WorkingDays,
			due: "2026-10-21", basis: "LTC 2018 Art. 34(4)"},
		// complaints from 01/07/2026: 3 WD (ND 124/2020 Art. 28b). Suspended Fri 10/07 → 13, 14, 15/07.
		{name: "ComplaintDecisionDelivery/Suspension", intake: intake(Complaint, r1, "2026-07-01"),
			steps: steps(complaintAccepted0207, []Input{eventOn(EvSuspend, "2026-07-10")}),
			clock: ClockDecisionDelivery, trigger: AtInterimDecision, started: "2026-07-10", days: 3, unit: WorkingDays,
			due: "2026-07-15", basis: "ND 124/2020 Art. 28b"},
		// A complaint accepted in June and withdrawn on Wed 01/07/2026: the decision is of that day → 02, 03, 06/07.
		{name: "ComplaintDecisionDelivery/TerminationOn1July", intake: intake(Complaint, r1, "2026-06-01"),
			steps: []Input{assignOn("2026-06-02"), acceptOn("2026-06-03"), eventOn(EvWithdraw, "2026-07-01")},
			clock: ClockDecisionDelivery, trigger: AtInterimDecision, started: "2026-07-01", days: 3, unit: WorkingDays,
			due: "2026-07-06", basis: "ND 124/2020 Art. 28b"},

		// dialogue: results published 5 WD after the answer (Wed 28/10/2026) → 04/11.
		{name: "DialogueDisclosure", intake: intake(Dialogue, 0, "2026-09-28"),
			steps: steps(accepted0110, []Input{scheduleOn("2026-10-02", "2026-10-09"), recordOn("2026-10-09"),
				resolveOn("2026-10-28", Answered)}),
			clock: ClockDisclosure, trigger: AtDecision, started: "2026-10-28",
			days: 5, unit: WorkingDays, due: "2026-11-04", basis: "Art. 12(3)"},
	}

	covered := make([]bool, len(Statute))
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			env := testEnv()
			if tc.settings != nil {
				env.Settings = *tc.settings
			}
			c := drive(t, env, tc.intake, tc.steps...)
			k := clockOf(t, c, tc.clock)
			if k.Name != tc.clock || k.Trigger != tc.trigger {
				t.Errorf("clock %s/%s, want %s/%s", k.Name, k.Trigger, tc.clock, tc.trigger)
			}
			if k.StartedOn != date(tc.started) {
				t.Errorf("started_on %s, want %s", k.StartedOn, tc.started)
			}
			if k.Days != tc.days || k.Unit != tc.unit {
				t.Errorf("length %d %s, want %d %s", k.Days, k.Unit, tc.days, tc.unit)
			}
			if k.DueOn != date(tc.due) {
				t.Errorf("due_on %s, want %s", k.DueOn, tc.due)
			}
			if !strings.Contains(k.Basis, tc.basis) {
				t.Errorf("basis %q does not cite %q", k.Basis, tc.basis)
			}
			if !k.Running() {
				t.Errorf("clock is not running (stopped %s, suspended %s)", k.StoppedOn, k.SuspendedOn)
			}
			for i, r := range Statute {
				if r.AppliesTo(c.Subject()) && r.Clock == k.Name && r.Start == k.Trigger && r.inForce(k.StartedOn) {
					covered[i] = true
				}
			}
		})
	}
	for i, r := range Statute {
		if !covered[i] {
			t.Errorf("Statute row %d (%s %d %s, %s) has no test row", i, r.Kind, r.Round, r.Clock, r.Basis)
		}
	}
}

// TestComplaintRound1DisclosureOffByDefault: without the unit setting a round-1
// decision starts delivery only; round 2 always starts disclosure (LKN 41(2)).
func TestComplaintRound1DisclosureOffByDefault(t *testing.T) {
	env := testEnv()
	c := drive(t, env, intake(Complaint, 1, "2026-07-01"),
		steps(complaintAccepted0207, []Input{resolveOn("2026-07-30", Correct)})...)
	if hasClock(c, ClockDisclosure) {
		t.Errorf("round-1 disclosure clock started with the setting off: %v", clockNames(c.Clocks))
	}
	if got := clockNames(c.RunningClocks()); strings.Join(got, ",") != "delivery" {
		t.Errorf("running clocks after a round-1 decision = %v, want [delivery]", got)
	}
}

// TestClocksStopWhenDutyDone: each clock stops on the act that does its duty (DOMAIN.md §3).
func TestClocksStopWhenDutyDone(t *testing.T) {
	env := testEnv()
	c := drive(t, env, intake(Denunciation, 0, "2026-09-28"), accepted0110...)
	for _, name := range []ClockName{ClockProcessing, ClockAcceptance} {
		if k := clockOf(t, c, name); k.StoppedOn != date("2026-10-01") {
			t.Errorf("%s stopped on %s, want the acceptance 2026-10-01", name, k.StoppedOn)
		}
	}
	c = mustApply(t, env, c, eventOn(EvNotify, "2026-10-05"), head)
	if k := clockOf(t, c, ClockNotification); k.StoppedOn != date("2026-10-05") {
		t.Errorf("notification stopped on %s, want 2026-10-05", k.StoppedOn)
	}
	c = mustApply(t, env, c, resolveOn("2026-10-28", Correct), head)
	if k := clockOf(t, c, ClockResolution); k.StoppedOn != date("2026-10-28") {
		t.Errorf("resolution stopped on %s, want 2026-10-28", k.StoppedOn)
	}
	c = mustApply(t, env, c, eventOn(EvDeliver, "2026-10-29"), head)
	if k := clockOf(t, c, ClockDelivery); k.StoppedOn != date("2026-10-29") {
		t.Errorf("delivery stopped on %s, want 2026-10-29", k.StoppedOn)
	}
	if k := clockOf(t, c, ClockDisclosure); !k.Running() {
		t.Error("disclosure stopped by delivery")
	}
	c = mustApply(t, env, c, Input{Event: EvDisclose, On: date("2026-11-02"), Text: "Kết luận nội dung tố cáo", Channel: "web"}, head)
	if k := clockOf(t, c, ClockDisclosure); k.StoppedOn != date("2026-11-02") {
		t.Errorf("disclosure stopped on %s, want 2026-11-02", k.StoppedOn)
	}
	if n := len(c.RunningClocks()); n != 0 {
		t.Errorf("%d clocks still run: %v", n, clockNames(c.RunningClocks()))
	}
	// A transfer when not competent stops the transfer clock with the others.
	tr := drive(t, env, intake(Denunciation, 0, "2026-02-12"),
		Input{Event: EvClassify, On: date("2026-02-13"), Competent: no()},
		Input{Event: EvTransfer, On: date("2026-02-20"), Target: "Thanh tra tỉnh"})
	if k := clockOf(t, tr, ClockTransfer); k.StoppedOn != date("2026-02-20") {
		t.Errorf("transfer clock stopped on %s, want 2026-02-20", k.StoppedOn)
	}
	if len(tr.RunningClocks()) != 0 {
		t.Errorf("clocks run after transfer: %v", clockNames(tr.RunningClocks()))
	}
}

// TestTransferClockOnlyWhenNotCompetent: the 5 WD transfer clock (LTC 24(2))
// starts only when a denunciation, not yet accepted, is found outside the
// body's competence, and only once.
func TestTransferClockOnlyWhenNotCompetent(t *testing.T) {
	env := testEnv()
	notCompetent := Input{Event: EvClassify, On: date("2026-10-02"), Competent: no()}
	for _, tc := range []struct {
		name   string
		intake Intake
		steps  []Input
		want   int // transfer clocks
	}{
		{"Competent", intake(Denunciation, 0, "2026-09-28"),
			[]Input{{Event: EvClassify, On: date("2026-10-02"), Competent: yes()}}, 0},
		{"NotCompetent", intake(Denunciation, 0, "2026-09-28"), []Input{notCompetent}, 1},
		{"NotCompetentTwice", intake(Denunciation, 0, "2026-09-28"), []Input{notCompetent, notCompetent}, 1},
		{"NotCompetentAfterAssign", intake(Denunciation, 0, "2026-09-28"), []Input{assignOn("2026-09-29"), notCompetent}, 1},
		{"AfterAcceptance", intake(Denunciation, 0, "2026-09-28"), steps(accepted0110, []Input{notCompetent}), 0},
		{"ComplaintHasNoTransferClock", intake(Complaint, 1, "2026-09-28"), []Input{notCompetent}, 0},
		{"PetitionHasNoTransferClock", intake(Petition, 0, "2026-09-28"), []Input{notCompetent}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := drive(t, env, tc.intake, tc.steps...)
			n := 0
			for _, k := range c.Clocks {
				if k.Name == ClockTransfer {
					n++
				}
			}
			if n != tc.want {
				t.Errorf("%d transfer clocks, want %d", n, tc.want)
			}
		})
	}
}

// TestSuspendAndResume: suspension stops the resolution clock; on resume the
// remaining days run again from the resume date (LTC 34(2); LKN 11a).
func TestSuspendAndResume(t *testing.T) {
	for _, tc := range []struct {
		name      string
		intake    Intake
		history   []Input
		suspendOn string
		between   []Input // acts while suspended
		resumeOn  string
		days      int // whole length after the acts
		left      int
		due       string
	}{
		// Accepted 01/10/2026, 30 cd. Suspended 12/10: 11 days used, 19 left.
		// Resumed 26/10: 26/10 + 19 = Sat 14/11 → Mon 16/11.
		{name: "Denunciation", intake: intake(Denunciation, 0, "2026-09-28"), history: accepted0110,
			suspendOn: "2026-10-12", resumeOn: "2026-10-26", days: 30, left: 19, due: "2026-11-16"},
		// Complex, extended +30 while suspended: 49 left; 26/10 + 49 = Mon 14/12.
		{name: "DenunciationExtendedWhileSuspended",
			intake:  Intake{Kind: Denunciation, Channel: "post", ReceivedOn: date("2026-09-28"), Complexity: Complex},
			history: accepted0110, suspendOn: "2026-10-12", between: []Input{extendOn("2026-10-20", 30)},
			resumeOn: "2026-10-26", days: 60, left: 49, due: "2026-12-14"},
		// Complaint round 1 accepted 02/07/2026, 30 cd. Suspended 10/07: 8 used, 22 left.
		// Resumed Mon 20/07: + 22 = Tue 11/08.
		{name: "Complaint", intake: intake(Complaint, 1, "2026-07-01"), history: complaintAccepted0207,
			suspendOn: "2026-07-10", resumeOn: "2026-07-20", days: 30, left: 22, due: "2026-08-11"},
		// Classified complex while suspended: 45 cd, 37 left; 20/07 + 37 = Wed 26/08.
		{name: "ComplaintClassifiedWhileSuspended", intake: intake(Complaint, 1, "2026-07-01"),
			history: complaintAccepted0207, suspendOn: "2026-07-10",
			between:  []Input{classifyOn("2026-07-15", Complex, nil)},
			resumeOn: "2026-07-20", days: 45, left: 37, due: "2026-08-26"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := testEnv()
			c := drive(t, env, tc.intake, tc.history...)
			before := clockOf(t, c, ClockResolution)
			c = mustApply(t, env, c, eventOn(EvSuspend, tc.suspendOn), head)
			if c.State != Suspended {
				t.Fatalf("state %s after suspend", c.State)
			}
			k := clockOf(t, c, ClockResolution)
			if k.Running() || k.SuspendedOn != date(tc.suspendOn) {
				t.Errorf("resolution clock not suspended: %+v", k)
			}
			if k.DueOn != before.DueOn {
				t.Errorf("suspension moved the due date to %s", k.DueOn)
			}
			for _, in := range tc.between {
				c = mustApply(t, env, c, in, head)
			}
			c = mustApply(t, env, c, eventOn(EvResume, tc.resumeOn), head)
			k = clockOf(t, c, ClockResolution)
			if c.State != InResolution || !k.Running() {
				t.Fatalf("after resume: state %s, running %v", c.State, k.Running())
			}
			if k.StartedOn != before.StartedOn {
				t.Errorf("started_on changed to %s", k.StartedOn)
			}
			if k.RunFrom != date(tc.resumeOn) || k.RunDays != tc.left || k.Days != tc.days {
				t.Errorf("run from %s for %d of %d days, want %s for %d of %d",
					k.RunFrom, k.RunDays, k.Days, tc.resumeOn, tc.left, tc.days)
			}
			if k.DueOn != date(tc.due) {
				t.Errorf("due_on %s, want %s", k.DueOn, tc.due)
			}
		})
	}
}

// TestSuspendedClockDoesNotCount: a suspended case is not overdue while suspended.
func TestSuspendedClockDoesNotCount(t *testing.T) {
	env := testEnv()
	// The suspension decision was sent (ND 124/2020 Art. 28b): only the suspended resolution clock is left.
	c := drive(t, env, intake(Complaint, 1, "2026-07-01"),
		steps(complaintAccepted0207, []Input{eventOn(EvSuspend, "2026-07-10"), eventOn(EvDeliver, "2026-07-13")})...)
	if got := c.StatusOn(env.Calendar, testToday); got != OnTrack {
		t.Errorf("status of a suspended complaint = %s, want on_track", got)
	}
	if !c.EarliestDue().IsZero() {
		t.Errorf("EarliestDue = %s, want none while suspended", c.EarliestDue())
	}
}

// TestExtensions: denunciations only (LTC 24(1), 30(2)–(3)).
func TestExtensions(t *testing.T) {
	den := func(c Complexity) Intake {
		return Intake{Kind: Denunciation, Channel: "post", ReceivedOn: date("2026-09-28"), Complexity: c}
	}
	for _, tc := range []struct {
		name       string
		intake     Intake
		history    []Input
		extends    []int // days of each extension; all but the last must succeed
		code       Code  // the last one's error code; "" for success
		clock      ClockName
		days       int
		extensions int
		due        string
	}{
		// Acceptance: received Fri 24/04/2026, 7 WD due 08/05; +3 → 11, 12, 13/05.
		{name: "AcceptanceTo10WDOnce", intake: intake(Denunciation, 0, "2026-04-24"),
			history: []Input{assignOn("2026-04-27")}, extends: []int{3},
			clock: ClockAcceptance, days: 10, extensions: 1, due: "2026-05-13"},
		{name: "AcceptanceInReceivedState", intake: intake(Denunciation, 0, "2026-04-24"),
			extends: []int{3}, clock: ClockAcceptance, days: 10, extensions: 1, due: "2026-05-13"},
		{name: "AcceptanceSecondTimeRefused", intake: intake(Denunciation, 0, "2026-04-24"),
			extends: []int{2, 1}, code: CodeExtensionLimit,
			clock: ClockAcceptance, days: 9, extensions: 1, due: "2026-05-12"},
		{name: "AcceptanceBeyond10WDRefused", intake: intake(Denunciation, 0, "2026-04-24"),
			extends: []int{4}, code: CodeInvalid, clock: ClockAcceptance, days: 7, due: "2026-05-08"},

		// Resolution: accepted 01/10/2026, 30 cd due Mon 02/11.
		{name: "ResolutionNormalNever", intake: den(Normal), history: accepted0110,
			extends: []int{30}, code: CodeExtensionLimit, clock: ClockResolution, days: 30, due: "2026-11-02"},
		// +30 → 60 cd → Mon 30/11.
		{name: "ResolutionComplexOnce", intake: den(Complex), history: accepted0110,
			extends: []int{30}, clock: ClockResolution, days: 60, extensions: 1, due: "2026-11-30"},
		{name: "ResolutionComplexTwiceRefused", intake: den(Complex), history: accepted0110,
			extends: []int{30, 30}, code: CodeExtensionLimit, clock: ClockResolution, days: 60, extensions: 1, due: "2026-11-30"},
		// +15 → 45 cd → Sun 15/11 → Mon 16/11.
		{name: "ResolutionComplexPartial", intake: den(Complex), history: accepted0110,
			extends: []int{15}, clock: ClockResolution, days: 45, extensions: 1, due: "2026-11-16"},
		// +30 +30 → 90 cd → Wed 30/12.
		{name: "ResolutionEspeciallyComplexTwice", intake: den(EspeciallyComplex), history: accepted0110,
			extends: []int{30, 30}, clock: ClockResolution, days: 90, extensions: 2, due: "2026-12-30"},
		{name: "ResolutionEspeciallyComplexThirdRefused", intake: den(EspeciallyComplex), history: accepted0110,
			extends: []int{30, 30, 10}, code: CodeExtensionLimit, clock: ClockResolution, days: 90, extensions: 2, due: "2026-12-30"},
		{name: "ResolutionComplexAfterClassify", intake: den(Normal),
			history: steps(accepted0110, []Input{classifyOn("2026-10-02", Complex, nil)}),
			extends: []int{30}, clock: ClockResolution, days: 60, extensions: 1, due: "2026-11-30"},
		{name: "ResolutionMoreThan30Refused", intake: den(Complex), history: accepted0110,
			extends: []int{31}, code: CodeInvalid, clock: ClockResolution, days: 30, due: "2026-11-02"},
		{name: "ResolutionZeroRefused", intake: den(Complex), history: accepted0110,
			extends: []int{0}, code: CodeInvalid, clock: ClockResolution, days: 30, due: "2026-11-02"},
		{name: "ResolutionNegativeRefused", intake: den(EspeciallyComplex), history: accepted0110,
			extends: []int{-5}, code: CodeInvalid, clock: ClockResolution, days: 30, due: "2026-11-02"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := testEnv()
			c := drive(t, env, tc.intake, tc.history...)
			on := "2026-10-20"
			if tc.clock == ClockAcceptance {
				on = "2026-04-28"
			}
			for i, days := range tc.extends {
				n, _, err := Apply(c, extendOn(on, days), head, env)
				last := i == len(tc.extends)-1
				if !last || tc.code == "" {
					if err != nil {
						t.Fatalf("extension %d (+%d): %v", i+1, days, err)
					}
					c = n
					continue
				}
				if got := ErrorCode(err); got != tc.code {
					t.Fatalf("extension %d (+%d): code %q (%v), want %q", i+1, days, got, err, tc.code)
				}
			}
			k := clockOf(t, c, tc.clock)
			if k.Days != tc.days || k.Extensions != tc.extensions || k.DueOn != date(tc.due) {
				t.Errorf("clock %d days, %d extensions, due %s; want %d, %d, %s",
					k.Days, k.Extensions, k.DueOn, tc.days, tc.extensions, tc.due)
			}
		})
	}
}

// TestExtendOnlyDenunciations: complaints have no extension decision (their
// longer periods come from classify), petitions and dialogues none at all.
func TestExtendOnlyDenunciations(t *testing.T) {
	env := testEnv()
	for _, in := range []Intake{intake(Complaint, 1, "2026-09-28"), intake(Petition, 0, "2026-09-28"), intake(Dialogue, 0, "2026-09-28")} {
		c := drive(t, env, in, accepted0110...)
		_, _, err := Apply(c, extendOn("2026-10-20", 10), head, env)
		if got := ErrorCode(err); got != CodeIllegalTransition {
			t.Errorf("extend on %s: code %q, want illegal_transition", in.Kind, got)
		}
	}
}

func TestStatusOn(t *testing.T) {
	cal := testEnv().Calendar
	for _, tc := range []struct {
		name       string
		due, today string
		want       Status
	}{
		// Due Thu 03/12/2026.
		{"FiveWorkingDaysLeft", "2026-12-03", "2026-11-26", OnTrack},
		{"FourWorkingDaysLeft", "2026-12-03", "2026-11-27", OnTrack},
		{"SaturdayStillFourLeft", "2026-12-03", "2026-11-28", OnTrack}, // 30/11, 01, 02, 03/12
		{"ThreeWorkingDaysLeft", "2026-12-03", "2026-11-30", DueSoon},
		{"OneWorkingDayLeft", "2026-12-03", "2026-12-02", DueSoon},
		{"DueToday", "2026-12-03", "2026-12-03", DueSoon},
		{"DayAfterDue", "2026-12-03", "2026-12-04", Overdue},
		{"ThirtyDaysPast", "2026-12-03", "2027-01-02", Overdue},
		{"ThirtyOneDaysPast", "2026-12-03", "2027-01-03", VeryOverdue},
		// Holidays count as days off: due Wed 06/05/2026, seen Wed 29/04:
		// 30/04 and 01/05 off, so 04, 05, 06/05 = 3 WD left.
		{"HolidaysShortenWhatIsLeft", "2026-05-06", "2026-04-29", DueSoon},
		{"FourLeftBeforeHolidays", "2026-05-06", "2026-04-28", OnTrack},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := StatusOn(cal, date(tc.due), date(tc.today)); got != tc.want {
				t.Errorf("StatusOn(due %s, today %s) = %s, want %s", tc.due, tc.today, got, tc.want)
			}
		})
	}
}

// TestCaseStatusIsWorstRunningClock: stopped clocks do not count.
func TestCaseStatusIsWorstRunningClock(t *testing.T) {
	cal := testEnv().Calendar
	c := Case{Clocks: []Clock{
		{Name: ClockProcessing, DueOn: date("2026-09-01"), StoppedOn: date("2026-08-20")}, // would be very overdue
		{Name: ClockResolution, DueOn: date("2026-11-27")},                                // 2 WD left on 25/11
		{Name: ClockNotification, DueOn: date("2026-12-31")},
	}}
	if got := c.StatusOn(cal, testToday); got != DueSoon {
		t.Errorf("case status = %s, want due_soon", got)
	}
	c.Clocks[2].DueOn = date("2026-11-24")
	if got := c.StatusOn(cal, testToday); got != Overdue {
		t.Errorf("case status = %s, want overdue", got)
	}
	if got := (Case{}).StatusOn(cal, testToday); got != OnTrack {
		t.Errorf("no clocks: %s, want on_track", got)
	}
	if got := c.EarliestDue(); got != date("2026-11-24") {
		t.Errorf("EarliestDue = %s, want 2026-11-24", got)
	}
}

// TestProlongedOn: open more than 365 days since the first letter on the matter.
func TestProlongedOn(t *testing.T) {
	for _, tc := range []struct {
		name   string
		state  State
		matter string
		today  string
		want   bool
	}{
		{"Exactly365Days", InResolution, "2025-11-25", "2026-11-25", false},
		{"366Days", InResolution, "2025-11-24", "2026-11-25", true},
		{"366DaysNextMorning", Received, "2025-11-25", "2026-11-26", true},
		{"ClosedIsNotProlonged", Closed, "2024-01-01", "2026-11-25", false},
		{"ResolvedIsNotProlonged", Resolved, "2024-01-01", "2026-11-25", false},
		// Across 29/02/2028: 01/03/2027 → 29/02/2028 is 365 days.
		{"LeapYear365", Suspended, "2027-03-01", "2028-02-29", false},
		{"LeapYear366", Suspended, "2027-03-01", "2028-03-01", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ProlongedOn(tc.state, date(tc.matter), date(tc.today)); got != tc.want {
				t.Errorf("ProlongedOn(%s, %s, %s) = %v, want %v", tc.state, tc.matter, tc.today, got, tc.want)
			}
		})
	}
	// A round-2 complaint's matter starts with the round-1 letter.
	in := intake(Complaint, 2, "2026-11-02")
	in.PriorMatterFrom = date("2025-10-20")
	c, _, err := Receive(in, testEnv())
	if err != nil {
		t.Fatal(err)
	}
	if c.MatterStartedOn != date("2025-10-20") {
		t.Errorf("matter started %s, want 2025-10-20", c.MatterStartedOn)
	}
	if !ProlongedOn(c.State, c.MatterStartedOn, testToday) {
		t.Error("round-2 complaint whose matter began 401 days ago is not prolonged")
	}
}

func TestClockExplain(t *testing.T) {
	env := testEnv()
	t.Run("CalendarDaysEndingOnWeekend", func(t *testing.T) {
		// Accepted 01/10/2026 + 30 = Sat 31/10 → Mon 02/11.
		c := drive(t, env, intake(Denunciation, 0, "2026-09-28"), accepted0110...)
		vi, en := clockOf(t, c, ClockResolution).Explain(env.Calendar)
		for _, want := range []string{"02/11/2026", "accepted 01/10/2026", "+ 30 days", "Saturday", "moved to Monday", "LTC 2018 Art. 30"} {
			if !strings.Contains(en, want) {
				t.Errorf("en %q lacks %q", en, want)
			}
		}
		for _, want := range []string{"02/11/2026", "thụ lý 01/10/2026", "+ 30 ngày", "thứ Bảy", "chuyển sang thứ Hai", "LTC 2018 Art. 30"} {
			if !strings.Contains(vi, want) {
				t.Errorf("vi %q lacks %q", vi, want)
			}
		}
	})
	t.Run("WorkingDaysListsSkippedDays", func(t *testing.T) {
		c := drive(t, env, intake(Denunciation, 0, "2026-04-24"))
		_, en := clockOf(t, c, ClockAcceptance).Explain(env.Calendar)
		want := "due 08/05/2026: received 24/04/2026 + 7 working days, skipping 7 non-working days: 25/04, 26/04 (weekend), " +
			"27/04 (Nghỉ bù Giỗ Tổ Hùng Vương), 30/04 (Ngày Chiến thắng), 01/05 (Quốc tế Lao động), 02/05, 03/05 (weekend) — LTC 2018 Art. 24(1)"
		if en != want {
			t.Errorf("en =\n%q, want\n%q", en, want)
		}
	})
	t.Run("CalendarDaysEndingOnDaysOffNameThem", func(t *testing.T) {
		// Accepted 02/07/2026 + 60 = Mon 31/08, swapped off; 01/09 and 02/09 Quốc khánh → Thu 03/09.
		c := drive(t, env, remote(intake(Complaint, 1, "2026-07-01")), steps(complaintAccepted0207,
			[]Input{classifyOn("2026-07-03", Complex, nil)})...)
		vi, en := clockOf(t, c, ClockResolution).Explain(env.Calendar)
		const swap = "Nghỉ hoán đổi, Ý kiến Thủ tướng tháng 10/2025 về nghỉ Tết Âm lịch, Quốc khánh 2026"
		if want := "due 03/09/2026: accepted 02/07/2026 + 60 days, ends on a day off: 31/08 (" + swap +
			"), 01/09 (Quốc khánh – ngày liền kề), 02/09 (Quốc khánh), moved to Thursday 03/09/2026 — LKN 2011 Art. 28"; en != want {
			t.Errorf("en =\n%q, want\n%q", en, want)
		}
		if want := "Hạn 03/09/2026: thụ lý 02/07/2026 + 60 ngày, rơi vào ngày nghỉ: 31/08 (" + swap +
			"), 01/09 (Quốc khánh – ngày liền kề), 02/09 (Quốc khánh), chuyển sang thứ Năm 03/09/2026 — LKN 2011 Art. 28"; vi != want {
			t.Errorf("vi =\n%q, want\n%q", vi, want)
		}
	})
	t.Run("NoMoveNoSkipClause", func(t *testing.T) {
		// Accepted Wed 30/09/2026 + 30 = Fri 30/10: nothing to explain beyond the sum.
		c := drive(t, env, intake(Denunciation, 0, "2026-09-28"), assignOn("2026-09-29"), acceptOn("2026-09-30"))
		_, en := clockOf(t, c, ClockResolution).Explain(env.Calendar)
		if want := "due 30/10/2026: accepted 30/09/2026 + 30 days — LTC 2018 Art. 30; ND 31/2019 Art. 3"; en != want {
			t.Errorf("en = %q, want %q", en, want)
		}
	})
	t.Run("WorkingDaysAcrossNewYear2026NameTheSwap", func(t *testing.T) {
		// Received Wed 31/12/2025 + 7 WD: 01/01 Tết Dương lịch, 02/01 swapped off, weekend 03–04/01,
		// 05 (1) … 09 (5), Sat 10/01 worked in exchange (6), 11/01 Sunday, 12/01 (7).
		c := drive(t, env, intake(Denunciation, 0, "2025-12-31"))
		vi, en := clockOf(t, c, ClockAcceptance).Explain(env.Calendar)
		if want := "Hạn 12/01/2026: nhận đơn 31/12/2025 + 7 ngày làm việc, bỏ qua 5 ngày nghỉ: 01/01 (Tết Dương lịch), " +
			"02/01 (Nghỉ hoán đổi, VPCP 12729/VPCP-KGVX ngày 25/12/2025), 03/01, 04/01 (cuối tuần), 11/01 (Chủ nhật) — LTC 2018 Art. 24(1)"; vi != want {
			t.Errorf("vi =\n%q, want\n%q", vi, want)
		}
		if !strings.Contains(en, "skipping 5 non-working days: 01/01 (Tết Dương lịch), 02/01 (Nghỉ hoán đổi, VPCP 12729/VPCP-KGVX ngày 25/12/2025), 03/01, 04/01 (weekend), 11/01 (Sunday)") {
			t.Errorf("en = %q", en)
		}
	})
	t.Run("ResumedAndExtended", func(t *testing.T) {
		c := drive(t, env, Intake{Kind: Denunciation, Channel: "post", ReceivedOn: date("2026-09-28"), Complexity: Complex},
			steps(accepted0110, []Input{extendOn("2026-10-05", 30), eventOn(EvSuspend, "2026-10-12"),
				eventOn(EvResume, "2026-10-26")})...)
		// 60 days, 11 used before the suspension, 49 from 26/10 → Mon 14/12.
		_, en := clockOf(t, c, ClockResolution).Explain(env.Calendar)
		for _, want := range []string{"due 14/12/2026", "resumed 26/10/2026 + 49 days", "extended once"} {
			if !strings.Contains(en, want) {
				t.Errorf("en %q lacks %q", en, want)
			}
		}
	})
}

func remote(in Intake) Intake { in.RemoteArea = true; return in }
