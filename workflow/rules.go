package workflow

// ClockName names a clock (DOMAIN.md §3, API.md).
type ClockName string

const (
	ClockProcessing   ClockName = "processing"
	ClockAcceptance   ClockName = "acceptance"
	ClockTransfer     ClockName = "transfer"
	ClockNotification ClockName = "notification"
	ClockResolution   ClockName = "resolution"
	ClockDelivery     ClockName = "delivery"
	ClockDisclosure   ClockName = "disclosure"
)

// DayUnit is how a period is counted.
type DayUnit string

const (
	WorkingDays  DayUnit = "working_days"
	CalendarDays DayUnit = "calendar_days"
)

// Trigger is the act that starts a clock.
type Trigger string

const (
	AtReceipt    Trigger = "receipt"
	AtAcceptance Trigger = "acceptance"
	AtDecision   Trigger = "decision"
	AtCompetence Trigger = "not_competent" // the officer finds the body not competent (LTC 24(2))
)

// Rule is one row of the statute table: the only place in the code base that
// knows a number of days (ARCHITECTURE.md).
type Rule struct {
	Kind  Kind
	Round int // complaints: 1 or 2; 0 for any
	Clock ClockName
	Start Trigger
	Unit  DayUnit
	Days  int
	// Complaint resolution variants (LKN 28, 37); 0 means Days.
	ComplexDays, RemoteDays, RemoteComplexDays int
	// Extensions by complexity and the most days each may add (LTC 24(1), 30).
	Extensions    map[Complexity]int
	ExtensionDays int
	// UnitSetting: the unit may set the length (petitions) or switch the clock on (round-1 disclosure).
	UnitSetting bool
	Basis       string
	// The rule applies to clocks that start on or after ValidFrom and before ValidTo (zero: open).
	ValidFrom, ValidTo Date
}

var (
	lawStart  = MustDate("2000-01-01")
	nd155From = MustDate("2026-07-01") // ND 155/2026 and Luật 136/2025 take effect
)

// Statute is the clock table of DOMAIN.md §3.
var Statute = []Rule{
	// Any letter: reply to the sender within 10 WD (LTCD 28(1)).
	{Clock: ClockProcessing, Start: AtReceipt, Unit: WorkingDays, Days: 10, Basis: "LTCD 2013 Art. 28(1)"},

	// Complaints.
	{Kind: Complaint, Clock: ClockAcceptance, Start: AtReceipt, Unit: WorkingDays, Days: 10,
		Basis: "LKN 2011 Art. 27, 36; ND 124/2020 Art. 16", ValidTo: nd155From},
	{Kind: Complaint, Clock: ClockAcceptance, Start: AtReceipt, Unit: WorkingDays, Days: 7,
		Basis: "LKN 2011 Art. 27, 36; ND 124/2020 Art. 16 as amended by ND 155/2026 Art. 10", ValidFrom: nd155From},
	{Kind: Complaint, Round: 1, Clock: ClockResolution, Start: AtAcceptance, Unit: CalendarDays,
		Days: 30, ComplexDays: 45, RemoteDays: 45, RemoteComplexDays: 60, Basis: "LKN 2011 Art. 28"},
	{Kind: Complaint, Round: 2, Clock: ClockResolution, Start: AtAcceptance, Unit: CalendarDays,
		Days: 45, ComplexDays: 60, RemoteDays: 60, RemoteComplexDays: 70, Basis: "LKN 2011 Art. 37"},
	{Kind: Complaint, Round: 1, Clock: ClockDelivery, Start: AtDecision, Unit: WorkingDays, Days: 3, Basis: "LKN 2011 Art. 32"},
	{Kind: Complaint, Round: 2, Clock: ClockDelivery, Start: AtDecision, Unit: CalendarDays, Days: 7, Basis: "LKN 2011 Art. 41(1)"},
	{Kind: Complaint, Round: 2, Clock: ClockDisclosure, Start: AtDecision, Unit: CalendarDays, Days: 15,
		Basis: "LKN 2011 Art. 41(2); ND 124/2020 Art. 29(3)"},
	{Kind: Complaint, Round: 1, Clock: ClockDisclosure, Start: AtDecision, Unit: CalendarDays, Days: 15, UnitSetting: true,
		Basis: "ND 124/2020 Art. 29(3) (unit setting)"},

	// Denunciations.
	{Kind: Denunciation, Clock: ClockAcceptance, Start: AtReceipt, Unit: WorkingDays, Days: 7,
		Extensions: map[Complexity]int{Normal: 1, Complex: 1, EspeciallyComplex: 1}, ExtensionDays: 3,
		Basis: "LTC 2018 Art. 24(1)"},
	{Kind: Denunciation, Clock: ClockTransfer, Start: AtCompetence, Unit: WorkingDays, Days: 5, Basis: "LTC 2018 Art. 24(2)"},
	{Kind: Denunciation, Clock: ClockNotification, Start: AtAcceptance, Unit: WorkingDays, Days: 5, Basis: "LTC 2018 Art. 29(3)"},
	{Kind: Denunciation, Clock: ClockResolution, Start: AtAcceptance, Unit: CalendarDays, Days: 30,
		Extensions: map[Complexity]int{Normal: 0, Complex: 1, EspeciallyComplex: 2}, ExtensionDays: 30,
		Basis: "LTC 2018 Art. 30; ND 31/2019 Art. 3"},
	{Kind: Denunciation, Clock: ClockDelivery, Start: AtDecision, Unit: WorkingDays, Days: 5, Basis: "LTC 2018 Art. 35(3)"},
	{Kind: Denunciation, Clock: ClockDisclosure, Start: AtDecision, Unit: WorkingDays, Days: 7,
		Basis: "LTC 2018 Art. 40; ND 31/2019 Art. 6"},

	// Petitions: no statutory period; the unit sets one (default 30 cd).
	{Kind: Petition, Clock: ClockResolution, Start: AtAcceptance, Unit: CalendarDays, Days: 30, UnitSetting: true,
		Basis: "Quy định của đơn vị (mặc định 30 ngày)"},

	// Dialogues: publish the results within 5 WD.
	{Kind: Dialogue, Clock: ClockDisclosure, Start: AtDecision, Unit: WorkingDays, Days: 5, Basis: "Luật THDCCS 2022 Art. 12(3)"},
}

// UnitSettings are a unit's own choices where the law leaves one.
type UnitSettings struct {
	PetitionDays             int  `json:"petition_days"`              // default 30
	DiscloseRound1Complaints bool `json:"disclose_round1_complaints"` // default off
}

// DefaultUnitSettings are used where a unit set nothing.
var DefaultUnitSettings = UnitSettings{PetitionDays: 30}

// RulesFor returns the rules of a kind and round that start at trigger on the
// given day, honouring each rule's validity and the unit's settings.
func RulesFor(k Kind, round int, trigger Trigger, on Date, s UnitSettings) []Rule {
	var out []Rule
	for _, r := range Statute {
		if r.Kind != "" && r.Kind != k || r.Round != 0 && r.Round != round || r.Start != trigger {
			continue
		}
		if !r.inForce(on) {
			continue
		}
		if r.UnitSetting {
			switch {
			case r.Kind == Petition && r.Clock == ClockResolution:
				if s.PetitionDays > 0 {
					r.Days = s.PetitionDays
				}
			case r.Clock == ClockDisclosure && !s.DiscloseRound1Complaints:
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// Rule returns the one rule for a clock, for extensions and re-classification.
func ruleFor(k Kind, round int, clock ClockName, startedOn Date) (Rule, bool) {
	for _, r := range Statute {
		if r.Kind != "" && r.Kind != k || r.Round != 0 && r.Round != round || r.Clock != clock {
			continue
		}
		if r.inForce(startedOn) {
			return r, true
		}
	}
	return Rule{}, false
}

// inForce: the rule in force on the day the clock starts applies (DOMAIN.md §3).
func (r Rule) inForce(on Date) bool {
	from := r.ValidFrom
	if from.IsZero() {
		from = lawStart
	}
	return !on.Before(from) && (r.ValidTo.IsZero() || on.Before(r.ValidTo))
}

// LengthFor picks the complaint resolution column by complexity and area
// (LKN 28, 37); other rules have one length.
func (r Rule) LengthFor(c Complexity, remote bool) int {
	complex := c == Complex || c == EspeciallyComplex
	pick := func(n int) int {
		if n == 0 {
			return r.Days
		}
		return n
	}
	switch {
	case remote && complex:
		return pick(r.RemoteComplexDays)
	case remote:
		return pick(r.RemoteDays)
	case complex:
		return pick(r.ComplexDays)
	}
	return r.Days
}
