package workflow

// EvReorganise records that a case still active moved to the unit that took
// over its unit's work when the administrative map was reorganised (issue
// 19; DOMAIN.md §5: since 01/07/2025 communes and provinces were merged, and
// old units end). The case keeps its state and running deadlines: the
// successor takes the letter over where it stood. No role fires it on a
// case: an administrator's reorganisation of units records it in each case
// it moves, so it is not in the transition table.
const EvReorganise Event = "reorganise"

// UnitMove is a case's move from one unit to another, effective from a day.
type UnitMove struct {
	FromUnit, FromName string
	ToUnit, ToName     string
	EffectiveOn        Date
}

// Reorganise is c moved as m says, recorded on today: the record is the
// case's last act, so the history stays in date order, and the move's own
// day (often before it, a resolution's effective date) is in its payload.
func Reorganise(c Case, m UnitMove, today Date) (Case, Record) {
	n := c.clone()
	if n.LastEventOn.Before(today) {
		n.LastEventOn = today
	}
	n.Version = c.Version + 1
	return n, Record{Event: EvReorganise, FromState: c.State, ToState: c.State, On: n.LastEventOn,
		Payload: map[string]any{"from_unit": m.FromUnit, "from_name": m.FromName, "to_unit": m.ToUnit,
			"to_name": m.ToName, "effective_on": m.EffectiveOn.String()}}
}
