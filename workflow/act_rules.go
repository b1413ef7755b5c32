package workflow

// ActRule is a rule of the law on an act rather than a clock: from when an
// act is allowed for a kind, and how many days' notice it needs. Whether an
// act is allowed is judged on the day of the act (DOMAIN.md §3: ND 155/2026
// Art. 22(1) applies the new rules to cases already pending on 01/07/2026).
// Like Statute, this table is the only place that knows these days and dates.
type ActRule struct {
	Kind  Kind
	Event Event
	// NoticeDays: a dialogue is held at least this many days after its notice.
	NoticeDays int
	// The act is allowed (and its notice due) from ValidFrom, before ValidTo (zero: open).
	ValidFrom, ValidTo Date
	Basis              string
}

// ActRules is the table of act rules.
var ActRules = []ActRule{
	// Dialogues: the participants are told at least 5 days ahead (ND 59/2023 Art. 11).
	{Kind: Dialogue, Event: EvScheduleDialogue, NoticeDays: 5, Basis: "ND 59/2023 Art. 11"},
	// Complaint dialogues: 5 days' notice from 01/07/2026 (ND 124/2020 Art. 28 as amended by ND 155/2026).
	{Kind: Complaint, Event: EvScheduleDialogue, NoticeDays: 5, ValidFrom: nd155From,
		Basis: "ND 124/2020 Art. 28 as amended by ND 155/2026"},
	// Complaints gained suspension with LKN Art. 11a (Luật 136/2025, from 01/07/2026);
	// denunciations always had it (LTC 2018 Art. 34).
	{Kind: Complaint, Event: EvSuspend, ValidFrom: nd155From, Basis: "LKN 2011 Art. 11a"},
	{Kind: Denunciation, Event: EvSuspend, Basis: "LTC 2018 Art. 34"},
}

// actRule finds the act rule of a kind's event in force on day on; ok is
// false when the table has rows for that act and kind but none in force (the
// act is not allowed yet), and true with a zero rule when it has none at all.
func actRule(k Kind, e Event, on Date) (r ActRule, ok bool) {
	found := false
	for _, x := range ActRules {
		if x.Kind != k || x.Event != e {
			continue
		}
		found = true
		if (Rule{ValidFrom: x.ValidFrom, ValidTo: x.ValidTo}).inForce(on) {
			return x, true
		}
	}
	return ActRule{}, !found
}
