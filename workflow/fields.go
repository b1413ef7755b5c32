package workflow

import "slices"

// The vocabulary of event fields (STYLE.md habit 9: one list drives the
// decoder, the form, the history and the checks). Input holds what an act
// is given; Fields says, for each of its fields, how it is typed, labelled
// and checked; eventFieldUses says which of them each event takes for each
// kind. The API decoder, the page's form builder and parser, the history
// renderer, the text normaliser, the storable-text check, the disclosure
// check and the record an act appends all loop over these tables, so a new
// field is a line in Input, a line in Fields and a use below, plus its label.

// Input is an event with its fields (API.md: POST /cases/{id}/events). The
// JSON names are the field names of Fields.
type Input struct {
	Event          Event      `json:"event"`
	On             Date       `json:"on"`
	Note           string     `json:"note"`
	Assignee       string     `json:"assignee"`
	Complexity     Complexity `json:"complexity"`
	RemoteArea     *bool      `json:"remote_area"`
	Competent      *bool      `json:"competent"`
	Domain         string     `json:"domain"` // classify: the field of the matter the reports count (domains.go)
	Mode           string     `json:"mode"`   // transfer: transferred, guided or urged (domains.go)
	ReasonCode     string     `json:"reason_code"`
	Target         string     `json:"target"`
	DuplicateOf    int64      `json:"duplicate_of"`
	Days           int        `json:"days"`
	DialogueOn     Date       `json:"dialogue_on"`
	ConfirmDayOff  bool       `json:"confirm_non_working_day"` // keep a dialogue date on which agencies do not work
	Minutes        string     `json:"minutes"`
	Attended       *bool      `json:"attended"`
	Differs        *bool      `json:"differs"`
	Outcome        Outcome    `json:"outcome"`
	Summary        string     `json:"summary"`
	Channel        string     `json:"channel"`
	Text           string     `json:"text"`
	ViolationSigns bool       `json:"violation_signs"`
	To             string     `json:"to"`        // notify: "denouncer" (the default) or "forwarder"
	Clock          ClockName  `json:"clock"`     // deliver: "delivery" or "decision_delivery" (default: whichever runs)
	Reason         string     `json:"reason"`    // correct: why the registration is corrected
	Recipient      string     `json:"recipient"` // notify, deliver: who received the paper

	// resolve: what the decision or conclusion recovers, returns and
	// recommends (Biểu 01/KQGQ and 03/KQGQ, TT 01/2024/TT-TTCP); money in
	// millions of đồng, land in square metres, as the forms count them.
	RecoverMoney      float64 `json:"recover_money"`
	RecoverLand       float64 `json:"recover_land"`
	ReturnOrgMoney    float64 `json:"return_org_money"`
	ReturnOrgLand     float64 `json:"return_org_land"`
	ReturnPersonMoney float64 `json:"return_person_money"`
	ReturnPersonLand  float64 `json:"return_person_land"`
	RestoredOrgs      int     `json:"restored_orgs"`
	RestoredPersons   int     `json:"restored_persons"`
	SanctionPersons   int     `json:"sanction_persons"`
	SanctionOfficials int     `json:"sanction_officials"`
	ReferredCases     int     `json:"referred_cases"`
	ReferredPersons   int     `json:"referred_persons"`
	ReferredOfficials int     `json:"referred_officials"`

	// implement: what was done, in this act, to carry the decision out (Biểu
	// 02/KQGQ); the same units. Completed: the decision is now fully carried out.
	RecoveredMoney      float64 `json:"recovered_money"`
	RecoveredLand       float64 `json:"recovered_land"`
	ReturnedOrgMoney    float64 `json:"returned_org_money"`
	ReturnedOrgLand     float64 `json:"returned_org_land"`
	ReturnedPersonMoney float64 `json:"returned_person_money"`
	ReturnedPersonLand  float64 `json:"returned_person_land"`
	SanctionedPersons   int     `json:"sanctioned_persons"`
	SanctionedOfficials int     `json:"sanctioned_officials"`
	ProsecutedCases     int     `json:"prosecuted_cases"`
	ProsecutedPersons   int     `json:"prosecuted_persons"`
	ProsecutedOfficials int     `json:"prosecuted_officials"`
	Completed           bool    `json:"completed"`

	Correction *Correction `json:"-"` // correct: the registration before and after (the store fills it)
}

// FieldType is how a field is typed in JSON, read from a form and shown.
type FieldType string

const (
	FieldLine   FieldType = "line"   // one line of text
	FieldLong   FieldType = "long"   // text over several lines
	FieldChoice FieldType = "choice" // one code of a list
	FieldDate   FieldType = "date"   // a day: YYYY-MM-DD in JSON, dd/mm/yyyy on a page
	FieldCount  FieldType = "count"  // a whole number
	FieldAmount FieldType = "amount" // a quantity with decimals: millions of đồng, square metres
	FieldCheck  FieldType = "check"  // a box, ticked or not
	FieldTri    FieldType = "tri"    // yes or no, or not said: a box the form shows says which
	FieldYesNo  FieldType = "yesno"  // yes or no, or not said, chosen from the three
	FieldCase   FieldType = "case"   // another case, by its number (a page also takes its tracking code)
)

// Textual reports whether a field of this type holds a string: its text goes
// through the input rule for texts and must be storable.
func (t FieldType) Textual() bool { return t == FieldLine || t == FieldLong || t == FieldChoice }

// Field is one field an event may take.
type Field struct {
	Name string // in JSON, in forms and in the record's payload
	Type FieldType
	// Max is the most characters of a text, the largest count or amount.
	Max int
	// Label is the i18n key of its label; Optional the one when the event
	// does not require it, if that differs.
	Label, Optional string
	// Choices is the i18n key prefix of a choice's codes ("outcome." + code).
	Choices string
	// Codes are a choice's codes when they are one fixed list; a given value
	// outside it is refused naming the field, and forms offer them in this order.
	Codes []string
	// Identity marks a field that names or identifies a person: the record
	// keeps it sealed, and only those who may see the petitioner read it.
	Identity bool
	// Public marks a text the public reads: it must not reveal the
	// petitioner (PersonalDataIn, LTC 2018 Art. 8(3)).
	Public bool
	// Group is the i18n key of the heading a form shows fields under together.
	Group string
}

// Text limits, in characters.
const (
	MaxShort = 200    // a name, a login, a channel
	MaxLong  = 20_000 // a note, minutes, a summary, a published text
)

// Fields are every event field, in the order forms and history lines show them.
var Fields = []Field{
	{Name: "assignee", Type: FieldChoice, Max: MaxShort, Label: "field.assignee"},
	{Name: "reason_code", Type: FieldChoice, Max: 32, Label: "field.reason_code"},
	{Name: "duplicate_of", Type: FieldCase, Label: "field.duplicate_of"},
	{Name: "target", Type: FieldLine, Max: 500, Label: "field.target"},
	{Name: "mode", Type: FieldChoice, Max: 32, Label: "field.mode", Choices: "mode.", Codes: TransferModes},
	{Name: "complexity", Type: FieldChoice, Max: 32, Label: "field.complexity", Choices: "complexity."},
	{Name: "remote_area", Type: FieldTri, Label: "field.remote_area"},
	{Name: "competent", Type: FieldYesNo, Label: "field.competent"},
	{Name: "domain", Type: FieldChoice, Max: 32, Label: "field.domain", Choices: "domain.", Codes: Domains},
	{Name: "differs", Type: FieldTri, Label: "field.differs"},
	{Name: "dialogue_on", Type: FieldDate, Label: "field.dialogue_on"},
	{Name: "confirm_non_working_day", Type: FieldCheck, Label: "field.confirm_non_working_day"},
	{Name: "minutes", Type: FieldLong, Max: MaxLong, Label: "field.minutes"},
	{Name: "attended", Type: FieldTri, Label: "field.attended"},
	{Name: "days", Type: FieldCount, Max: MaxExtensionDays, Label: "field.days"},
	{Name: "outcome", Type: FieldChoice, Max: 32, Label: "field.outcome", Choices: "outcome."},
	{Name: "summary", Type: FieldLong, Max: MaxLong, Label: "field.summary"},
	{Name: "recover_money", Type: FieldAmount, Max: maxAmount, Label: "field.recover_money", Group: resultsGroup},
	{Name: "recover_land", Type: FieldAmount, Max: maxAmount, Label: "field.recover_land", Group: resultsGroup},
	{Name: "return_org_money", Type: FieldAmount, Max: maxAmount, Label: "field.return_org_money", Group: resultsGroup},
	{Name: "return_org_land", Type: FieldAmount, Max: maxAmount, Label: "field.return_org_land", Group: resultsGroup},
	{Name: "return_person_money", Type: FieldAmount, Max: maxAmount, Label: "field.return_person_money", Group: resultsGroup},
	{Name: "return_person_land", Type: FieldAmount, Max: maxAmount, Label: "field.return_person_land", Group: resultsGroup},
	{Name: "restored_orgs", Type: FieldCount, Max: maxPeople, Label: "field.restored_orgs", Group: resultsGroup},
	{Name: "restored_persons", Type: FieldCount, Max: maxPeople, Label: "field.restored_persons", Group: resultsGroup},
	{Name: "sanction_persons", Type: FieldCount, Max: maxPeople, Label: "field.sanction_persons", Group: resultsGroup},
	{Name: "sanction_officials", Type: FieldCount, Max: maxPeople, Label: "field.sanction_officials", Group: resultsGroup},
	{Name: "referred_cases", Type: FieldCount, Max: maxPeople, Label: "field.referred_cases", Group: resultsGroup},
	{Name: "referred_persons", Type: FieldCount, Max: maxPeople, Label: "field.referred_persons", Group: resultsGroup},
	{Name: "referred_officials", Type: FieldCount, Max: maxPeople, Label: "field.referred_officials", Group: resultsGroup},
	{Name: "recovered_money", Type: FieldAmount, Max: maxAmount, Label: "field.recovered_money", Group: doneGroup},
	{Name: "recovered_land", Type: FieldAmount, Max: maxAmount, Label: "field.recovered_land", Group: doneGroup},
	{Name: "returned_org_money", Type: FieldAmount, Max: maxAmount, Label: "field.returned_org_money", Group: doneGroup},
	{Name: "returned_org_land", Type: FieldAmount, Max: maxAmount, Label: "field.returned_org_land", Group: doneGroup},
	{Name: "returned_person_money", Type: FieldAmount, Max: maxAmount, Label: "field.returned_person_money", Group: doneGroup},
	{Name: "returned_person_land", Type: FieldAmount, Max: maxAmount, Label: "field.returned_person_land", Group: doneGroup},
	{Name: "sanctioned_persons", Type: FieldCount, Max: maxPeople, Label: "field.sanctioned_persons", Group: doneGroup},
	{Name: "sanctioned_officials", Type: FieldCount, Max: maxPeople, Label: "field.sanctioned_officials", Group: doneGroup},
	{Name: "prosecuted_cases", Type: FieldCount, Max: maxPeople, Label: "field.prosecuted_cases", Group: doneGroup},
	{Name: "prosecuted_persons", Type: FieldCount, Max: maxPeople, Label: "field.prosecuted_persons", Group: doneGroup},
	{Name: "prosecuted_officials", Type: FieldCount, Max: maxPeople, Label: "field.prosecuted_officials", Group: doneGroup},
	{Name: "completed", Type: FieldCheck, Label: "field.completed"},
	{Name: "to", Type: FieldChoice, Max: 32, Label: "field.to", Choices: "notify."},
	{Name: "clock", Type: FieldChoice, Max: 32, Label: "field.clock", Choices: "clock."},
	{Name: "recipient", Type: FieldLine, Max: MaxShort, Label: "field.recipient", Identity: true},
	{Name: "channel", Type: FieldChoice, Max: MaxShort, Label: "field.channel", Choices: "disclose."},
	{Name: "text", Type: FieldLong, Max: MaxLong, Label: "field.text", Public: true},
	{Name: "violation_signs", Type: FieldCheck, Label: "field.violation_signs"},
	{Name: "reason", Type: FieldLong, Max: MaxLong, Label: "correct.reason"},
	{Name: "note", Type: FieldLong, Max: MaxLong, Label: "field.note", Optional: "field.note_optional"},
}

// Bounds of the results of a resolution: beyond them a number is a typing
// mistake, not a decision (a billion million đồng, a thousand km²).
const (
	maxAmount = 1_000_000_000
	maxPeople = 100_000
)

const (
	resultsGroup = "field.group.results"
	doneGroup    = "field.group.implemented"
)

// MaxExtensionDays bounds an extension's days before the rule of its clock
// (the longest, 30 days, LTC 2018 Art. 30(2)) is looked at.
const MaxExtensionDays = 365

// fieldUse is a field an event takes: required or not, for every kind or
// only for some.
type fieldUse struct {
	name     string
	required bool
	kinds    []Kind // none: every kind
}

func use(name string) fieldUse              { return fieldUse{name: name} }
func need(name string) fieldUse             { return fieldUse{name: name, required: true} }
func only(name string, ks ...Kind) fieldUse { return fieldUse{name: name, kinds: ks} }

// inGroup are the fields of a group, each optional.
func inGroup(group string) []fieldUse {
	var out []fieldUse
	for _, f := range Fields {
		if f.Group == group {
			out = append(out, use(f.Name))
		}
	}
	return out
}

// results are the resolution's results a complaint's or denunciation's
// report counts (Biểu 01/KQGQ, 03/KQGQ).
func results() []fieldUse {
	var out []fieldUse
	for _, f := range Fields {
		if f.Group == resultsGroup {
			out = append(out, only(f.Name, Complaint, Denunciation))
		}
	}
	return out
}

func (u fieldUse) appliesTo(k Kind) bool { return len(u.kinds) == 0 || slices.Contains(u.kinds, k) }

// eventFieldUses are the fields of each event besides "on" (API.md event
// fields); an event not listed takes a note. The rule that uses a field is
// in apply.go; a field no rule reads is kept in the record as given.
var eventFieldUses = map[Event][]fieldUse{
	EvAssign:   {need("assignee"), use("note")},
	EvReassign: {need("assignee"), use("note")},
	EvReject:   {need("reason_code"), use("note")},
	EvFile:     {need("reason_code"), use("duplicate_of"), use("note")},
	EvTransfer: {need("target"), use("mode"), use("note")},
	EvClassify: {use("complexity"), use("remote_area"), only("competent", Denunciation),
		only("domain", Complaint, Denunciation, Petition), use("note")},
	EvVerify:           {only("differs", Complaint), use("note")}, // only a complaint's dialogue depends on it (LKN 30)
	EvScheduleDialogue: {need("dialogue_on"), use("note")},
	EvRecordDialogue:   {need("minutes"), use("attended")},
	EvExtend:           {need("days"), use("note")},
	EvResolve:          append([]fieldUse{need("outcome"), need("summary")}, results()...),
	EvImplement:        append(inGroup(doneGroup), use("completed"), use("note")),
	EvDisclose:         {use("channel"), need("text")},
	EvWithdraw:         {only("violation_signs", Denunciation), use("note")},
	EvNotify:           {use("to"), use("recipient"), use("note")},
	EvDeliver:          {use("clock"), use("recipient"), use("note")},
	EvNote:             {need("note")},
	EvCorrect:          {need("reason")},
}

// EventField is a field as one event takes it.
type EventField struct {
	Field
	Required bool
}

// EventFields are the fields event e takes on a case of kind k, in the order
// of Fields. Every act asks (the record, the disclosure check), so the lists
// are worked out once; callers must not change them.
func EventFields(e Event, k Kind) []EventField {
	if fs, ok := eventFields[eventKind{e, k}]; ok {
		return fs
	}
	return noteOnly
}

type eventKind struct {
	e Event
	k Kind
}

var (
	eventFields = func() map[eventKind][]EventField {
		out := map[eventKind][]EventField{}
		for e, uses := range eventFieldUses {
			for _, k := range Kinds {
				out[eventKind{e, k}] = fieldsOf(uses, k)
			}
		}
		return out
	}()
	noteOnly = fieldsOf([]fieldUse{use("note")}, "")
)

func fieldsOf(uses []fieldUse, k Kind) []EventField {
	var out []EventField
	for _, f := range Fields {
		for _, u := range uses {
			if u.name == f.Name && u.appliesTo(k) {
				out = append(out, EventField{Field: f, Required: u.required})
			}
		}
	}
	return out
}

// Takes reports whether event e takes the named field for some kind; every
// act may carry a note.
func (e Event) Takes(name string) bool {
	uses, ok := eventFieldUses[e]
	return name == "note" || ok && slices.ContainsFunc(uses, func(u fieldUse) bool { return u.name == name })
}

// FieldNamed is the field of that name.
func FieldNamed(name string) (Field, bool) {
	for _, f := range Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// checkCodes refuses a given choice outside its field's fixed list.
func (in Input) checkCodes(k Kind) error {
	for _, f := range EventFields(in.Event, k) {
		if v := in.TextOf(f.Name); f.Codes != nil && v != "" && !slices.Contains(f.Codes, v) {
			return Invalid(f.Name, "giá trị không hợp lệ: %q", v)
		}
	}
	return nil
}

// record keeps in p each field of the event that its rule did not record
// and that was given: so a field only kept, never decided on, needs no rule.
func (in Input) record(k Kind, p map[string]any) {
	for _, f := range EventFields(in.Event, k) {
		if _, done := p[f.Name]; done {
			continue
		}
		if v, given := in.Given(f.Name); given {
			p[f.Name] = v
		}
	}
}

// CheckPublic refuses the act when a field the public reads (Field.Public: a
// disclosure's text) reveals the petitioner, whose data personal gives, read
// only when the act has such a field (PersonalDataIn; LTC 2018 Art. 8(3), 40).
func (in Input) CheckPublic(k Kind, personal func() (PersonalData, error)) error {
	for _, f := range EventFields(in.Event, k) {
		if !f.Public {
			continue
		}
		p, err := personal()
		if err != nil {
			return err
		}
		if err := PersonalDataIn(f.Name, in.TextOf(f.Name), p); err != nil {
			return err
		}
	}
	return nil
}
