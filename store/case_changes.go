package store

import (
	"strings"

	"petitions/workflow"
)

// caseColumn is one column an event may change, with its stored value.
type caseColumn struct {
	name  string
	value any
}

// caseColumns are the columns of a case row that events change.
// code is the case's tracking code, which no event changes.
func caseColumns(code string, c workflow.Case, assignee int64) ([]caseColumn, error) {
	clocks, facts, err := encodeState(c)
	if err != nil {
		return nil, err
	}
	settled, class := settlement(c)
	return []caseColumn{{"state", string(c.State)}, {"assignee_id", nullID(assignee)},
		{"accepted_on", nullDate(c.AcceptedOn)}, {"resolved_on", nullDate(c.ResolvedOn)},
		{"disclosed_on", nullDate(c.DisclosedOn)}, {"last_event_on", c.LastEventOn.String()},
		{"outcome", nullString(string(c.Outcome))}, {"remote_area", c.RemoteArea}, {"complexity", string(c.Complexity)},
		{"due_on", nullDate(c.EarliestDue())}, {"clocks", clocks}, {"facts", facts}, {"settled_on", settled},
		{"span_class", class}, {"public_fold", publicFold(code, c)}, {"decided_late", c.DecidedLate()}}, nil
}

// caseChanges is the SET clause of the UPDATE an event makes, with its
// arguments: the new version and time, and only the columns whose value the
// event changed. SQLite rewrites an index entry for every indexed column an
// UPDATE sets, changed or not, and a note changes none of the indexed ones:
// fewer columns, fewer pages for the commit to write and sync.
func caseChanges(before Case, assignee int64, after workflow.Case, now string) (string, []any, error) {
	old, err := caseColumns(before.TrackingCode, before.Case, before.AssigneeID)
	if err != nil {
		return "", nil, err
	}
	cur, err := caseColumns(before.TrackingCode, after, assignee)
	if err != nil {
		return "", nil, err
	}
	set, args := []string{"version = ?", "updated_at = ?"}, []any{after.Version, now}
	for i, col := range cur {
		if col.value != old[i].value {
			set, args = append(set, col.name+" = ?"), append(args, col.value)
		}
	}
	return strings.Join(set, ", "), args, nil
}
