package workflow

import (
	"net/url"
	"regexp"
)

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
	// ClockForwarderReply: a denunciation forwarded by the press or a competent
	// authority owes the forwarder a written result (LTC 2018 Art. 26(2)).
	ClockForwarderReply ClockName = "forwarder_reply"
	// ClockDecisionDelivery: a suspension, continuation or termination decision
	// is sent to the parties (LTC 2018 Art. 34(4); ND 124/2020 Art. 28b).
	ClockDecisionDelivery ClockName = "decision_delivery"
)

// ClockNames lists every clock, in the order screens show them.
var ClockNames = []ClockName{ClockProcessing, ClockAcceptance, ClockTransfer, ClockForwarderReply, ClockNotification,
	ClockResolution, ClockDecisionDelivery, ClockDelivery, ClockDisclosure}

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
	// AtInterimDecision: a decision to suspend, continue or terminate the
	// resolution (suspend, resume, withdraw) (LTC 34(4); ND 124/2020 Art. 28b).
	AtInterimDecision Trigger = "interim_decision"
)

// Discipline narrows a complaint row to complaints against a disciplinary
// decision on a cadre or civil servant (LKN 2011 Art. 46–55) or to the others.
type Discipline uint8

const (
	AnyComplaint     Discipline = iota // every complaint (the zero value)
	NotDisciplinary                    // complaints against an administrative decision or act
	OnlyDisciplinary                   // complaints against a disciplinary decision
)

// Subject is what of a case selects its rows of the statute table.
type Subject struct {
	Kind         Kind
	Round        int
	Disciplinary bool // a complaint against a disciplinary decision (LKN 46–55)
	Forwarded    bool // a denunciation forwarded by the press or a competent authority (LTC 26(2))
}

// Subject is the case as the statute table sees it.
func (c Case) Subject() Subject {
	return Subject{Kind: c.Kind, Round: c.Round, Disciplinary: c.Disciplinary, Forwarded: c.ForwardedByAuthority}
}

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
	// Disciplinary narrows a complaint row to disciplinary complaints or to the others.
	Disciplinary Discipline
	// Forwarded: the row applies only to a letter forwarded by the press or a competent authority.
	Forwarded bool
	Basis     string
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
	{Kind: Complaint, Round: 1, Clock: ClockResolution, Start: AtAcceptance, Unit: CalendarDays, Disciplinary: NotDisciplinary,
		Days: 30, ComplexDays: 45, RemoteDays: 45, RemoteComplexDays: 60, Basis: "LKN 2011 Art. 28"},
	{Kind: Complaint, Round: 2, Clock: ClockResolution, Start: AtAcceptance, Unit: CalendarDays, Disciplinary: NotDisciplinary,
		Days: 45, ComplexDays: 60, RemoteDays: 60, RemoteComplexDays: 70, Basis: "LKN 2011 Art. 37"},
	// A complaint against a disciplinary decision: 30 cd, 45 when complex, at both
	// rounds; the law gives no remote-area column (LKN 2011 Art. 50).
	{Kind: Complaint, Clock: ClockResolution, Start: AtAcceptance, Unit: CalendarDays, Disciplinary: OnlyDisciplinary,
		Days: 30, ComplexDays: 45, RemoteDays: 30, RemoteComplexDays: 45, Basis: "LKN 2011 Art. 50"},
	{Kind: Complaint, Round: 1, Clock: ClockDelivery, Start: AtDecision, Unit: WorkingDays, Days: 3, Basis: "LKN 2011 Art. 32"},
	{Kind: Complaint, Round: 2, Clock: ClockDelivery, Start: AtDecision, Unit: CalendarDays, Days: 7, Basis: "LKN 2011 Art. 41(1)"},
	{Kind: Complaint, Round: 2, Clock: ClockDisclosure, Start: AtDecision, Unit: CalendarDays, Days: 15,
		Basis: "LKN 2011 Art. 41(2); ND 124/2020 Art. 29(3)"},
	{Kind: Complaint, Round: 1, Clock: ClockDisclosure, Start: AtDecision, Unit: CalendarDays, Days: 15, UnitSetting: true,
		Basis: "ND 124/2020 Art. 29(3) (unit setting)"},
	// A suspension, termination or continuation decision is sent within 3 WD (ND 124/2020 Art. 28b as added by ND 155/2026).
	{Kind: Complaint, Clock: ClockDecisionDelivery, Start: AtInterimDecision, Unit: WorkingDays, Days: 3,
		Basis: "ND 124/2020 Art. 28b as amended by ND 155/2026 Art. 12", ValidFrom: nd155From},

	// Denunciations.
	{Kind: Denunciation, Clock: ClockAcceptance, Start: AtReceipt, Unit: WorkingDays, Days: 7,
		Extensions: map[Complexity]int{Normal: 1, Complex: 1, EspeciallyComplex: 1}, ExtensionDays: 3,
		Basis: "LTC 2018 Art. 24(1)"},
	{Kind: Denunciation, Clock: ClockTransfer, Start: AtCompetence, Unit: WorkingDays, Days: 5, Basis: "LTC 2018 Art. 24(2)"},
	// Forwarded by the press or a competent authority: the forwarder gets a written result within 20 days of receipt.
	{Kind: Denunciation, Clock: ClockForwarderReply, Start: AtReceipt, Unit: CalendarDays, Days: 20, Forwarded: true,
		Basis: "LTC 2018 Art. 26(2)"},
	{Kind: Denunciation, Clock: ClockNotification, Start: AtAcceptance, Unit: WorkingDays, Days: 5, Basis: "LTC 2018 Art. 29(3)"},
	{Kind: Denunciation, Clock: ClockResolution, Start: AtAcceptance, Unit: CalendarDays, Days: 30,
		Extensions: map[Complexity]int{Normal: 0, Complex: 1, EspeciallyComplex: 2}, ExtensionDays: 30,
		Basis: "LTC 2018 Art. 30; ND 31/2019 Art. 3"},
	{Kind: Denunciation, Clock: ClockDelivery, Start: AtDecision, Unit: WorkingDays, Days: 5, Basis: "LTC 2018 Art. 35(3)"},
	// Suspension and termination decisions go to the denouncer and the person denounced within 5 WD; the
	// continuation decision with them (LTC 2018 Art. 34(2), (4); DOMAIN.md §3).
	{Kind: Denunciation, Clock: ClockDecisionDelivery, Start: AtInterimDecision, Unit: WorkingDays, Days: 5,
		Basis: "LTC 2018 Art. 34(4)"},
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
	// DocSymbol is the unit's part of its papers' numbers: "UBND" in
	// 15/TB-UBND (NĐ 30/2020/NĐ-CP, Phụ lục I: chữ viết tắt tên cơ quan).
	DocSymbol string `json:"doc_symbol"`
	// LookupURL is the address of the look-up page the unit publishes (its
	// portal's), printed as the QR code on its papers to the citizen; empty,
	// this site's own /tra-cuu.
	LookupURL string `json:"lookup_url"`
}

// TrackURL is the look-up of a tracking code: the unit's published page, or
// this site's (origin, scheme and host) /tra-cuu.
func (s UnitSettings) TrackURL(origin, code string) string {
	base := origin + "/tra-cuu"
	if s.LookupURL != "" {
		base = s.LookupURL
	}
	return base + "?code=" + url.QueryEscape(code)
}

// Symbol is the unit's part of its papers' numbers, "UBND" where none is set.
func (s UnitSettings) Symbol() string {
	if s.DocSymbol == "" {
		return defaultDocSymbol
	}
	return s.DocSymbol
}

// DefaultUnitSettings are used where a unit set nothing.
var DefaultUnitSettings = UnitSettings{PetitionDays: 30}

// defaultDocSymbol is the unit's part of its papers' numbers where it set none.
const defaultDocSymbol = "UBND"

// MaxPetitionDays bounds the petition resolution period a unit may set.
const MaxPetitionDays = 365

// Validate checks settings an administrator sets.
func (s UnitSettings) Validate() error {
	if s.PetitionDays < 1 || s.PetitionDays > MaxPetitionDays {
		return Invalid("petition_days", "thời hạn giải quyết kiến nghị, phản ánh phải từ 1 đến %d ngày", MaxPetitionDays)
	}
	if s.DocSymbol != "" && !docSymbolPattern.MatchString(s.DocSymbol) {
		return Invalid("doc_symbol", "chữ viết tắt tên cơ quan gồm 1 đến 20 chữ in hoa, chữ số hoặc dấu gạch ngang, ví dụ UBND hoặc TTr")
	}
	if s.LookupURL != "" {
		u, err := url.Parse(s.LookupURL)
		if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.RawQuery != "" || u.Fragment != "" ||
			u.User != nil || len(s.LookupURL) > MaxShort {
			return Invalid("lookup_url", "địa chỉ trang tra cứu phải là một địa chỉ https:// đầy đủ, không có dấu ? hay #")
		}
	}
	return nil
}

// docSymbolPattern: upper-case letters (Đ included), digits and hyphens;
// "TTr" (Thanh tra) keeps its lower-case r.
var docSymbolPattern = regexp.MustCompile(`^[A-ZĐ][A-ZĐa-z0-9-]{0,19}$`)

// DatedSettings are a unit's settings from a day on.
type DatedSettings struct {
	EffectiveFrom Date `json:"effective_from"`
	UnitSettings
}

// SettingsHistory is a unit's settings over time, oldest first. A clock takes
// the settings in force on the day it starts, so a change never alters a clock
// already running (DOMAIN.md §3: the rule in force on the day the clock starts).
type SettingsHistory []DatedSettings

// On returns the settings in force on day d: the last entry effective on or
// before it, or the defaults.
func (h SettingsHistory) On(d Date) UnitSettings {
	s := DefaultUnitSettings
	for _, x := range h {
		if x.EffectiveFrom.After(d) {
			break
		}
		s = x.UnitSettings
	}
	return s
}

// RulesFor returns the rules of a subject that start at trigger on the given
// day, honouring each rule's validity and the unit's settings in force that day.
func RulesFor(sub Subject, trigger Trigger, on Date, s UnitSettings) []Rule {
	var out []Rule
	for _, r := range Statute {
		if !r.AppliesTo(sub) || r.Start != trigger {
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

// AppliesTo reports whether the row is one of the subject's: its kind, its
// round, disciplinary or not (LKN 46–55), forwarded or not (LTC 26(2)).
func (r Rule) AppliesTo(sub Subject) bool {
	switch {
	case r.Kind != "" && r.Kind != sub.Kind, r.Round != 0 && r.Round != sub.Round:
		return false
	case r.Disciplinary == NotDisciplinary && sub.Disciplinary, r.Disciplinary == OnlyDisciplinary && !sub.Disciplinary:
		return false
	case r.Forwarded && !sub.Forwarded:
		return false
	}
	return true
}

// ruleFor returns the one rule for a clock, for extensions and re-classification.
func ruleFor(sub Subject, clock ClockName, startedOn Date) (Rule, bool) {
	for _, r := range Statute {
		if !r.AppliesTo(sub) || r.Clock != clock {
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
