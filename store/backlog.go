package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"petitions/workflow"
)

// Backlog counts the backlog of the given units as it stood at the end of
// asOf (API.md): each case as its last record dated on or before that day
// left it. The cases are grouped by what the backlog counts
// (workflow.BacklogTally) — today's from the kept active cases
// (backlog_today.go), any other day's by the database — and workflow adds
// the groups up.
func (s *Store) Backlog(ctx context.Context, units []int64, asOf workflow.Date) (b workflow.Backlog, err error) {
	err = s.onReplica(ctx, func(ctx context.Context) error {
		b, err = s.backlog(ctx, units, asOf)
		return err
	})
	return b, err
}

// backlog is Backlog on the pool of ctx (replica.go).
func (s *Store) backlog(ctx context.Context, units []int64, asOf workflow.Date) (workflow.Backlog, error) {
	if asOf.Equal(s.Today()) {
		tallies, ok, err := s.backlogToday(ctx, units, asOf)
		if err != nil {
			return workflow.Backlog{}, err
		}
		if ok {
			return s.tallyBacklog(ctx, units, asOf, tallies)
		}
	}
	return s.backlogBySQL(ctx, units, asOf)
}

// backlogBySQL is Backlog with the database grouping the cases, for any day.
func (s *Store) backlogBySQL(ctx context.Context, units []int64, asOf workflow.Date) (workflow.Backlog, error) {
	moved, err := s.movedAfter(ctx, asOf)
	if err != nil {
		return workflow.Backlog{}, err
	}
	snap, args := s.snapshotQuery(units, asOf, false, moved)
	bounds := workflow.BoundsOn(s.Calendar(), asOf)
	age := "CASE"
	var ageArgs []any
	for i, d := range workflow.AgeBounds(asOf) {
		age += fmt.Sprintf(" WHEN x.received_on >= ? THEN %d", i)
		ageArgs = append(ageArgs, d.String())
	}
	age += fmt.Sprintf(" ELSE %d END", len(ageArgs))
	open := "x.state IN (" + openStates + ")"
	// Grouped by unit id first, named after: the join then meets a few
	// hundred groups rather than every active case.
	query := `SELECT n.code, n.name, g.kind, g.open, g.status, g.age, g.prolonged, g.cases FROM (
		SELECT x.unit_id, x.kind, CASE WHEN ` + open + ` THEN 1 ELSE 0 END AS open,
			CASE WHEN x.due IS NULL THEN 'on_track' WHEN x.due < ? THEN 'very_overdue' WHEN x.due < ? THEN 'overdue'
				WHEN x.due <= ? THEN 'due_soon' ELSE 'on_track' END AS status,
			` + age + ` AS age, CASE WHEN x.matter_started_on < ? THEN 1 ELSE 0 END AS prolonged, COUNT(*) AS cases
		FROM (` + snap + `) x
		WHERE ` + open + ` OR x.due IS NOT NULL
		GROUP BY 1, 2, 3, 4, 5, 6) g JOIN units n ON n.id = g.unit_id`
	all := append([]any{bounds.VeryOverdueBefore.String(), bounds.OverdueBefore.String(), bounds.DueSoonThrough.String()}, ageArgs...)
	all = append(append(all, workflow.ProlongedBefore(asOf).String()), args...)
	rows, err := s.rd(ctx).QueryContext(ctx, s.rd(ctx).Rebind(query), all...)
	if err != nil {
		return workflow.Backlog{}, fmt.Errorf("store: backlog: %w", err)
	}
	defer rows.Close()
	var tallies []workflow.BacklogTally
	for rows.Next() {
		var t workflow.BacklogTally
		var open, prolonged int
		if err := rows.Scan(&t.UnitCode, &t.UnitName, &t.Kind, &open, &t.Status, &t.AgeBucket, &prolonged, &t.Cases); err != nil {
			return workflow.Backlog{}, fmt.Errorf("store: backlog: %w", err)
		}
		t.Open, t.Prolonged = open == 1, prolonged == 1
		tallies = append(tallies, t)
	}
	if err := rows.Err(); err != nil {
		return workflow.Backlog{}, fmt.Errorf("store: backlog: %w", err)
	}
	return s.tallyBacklog(ctx, units, asOf, tallies)
}

// tallyBacklog adds up the tallies, with the units that have cases but none in them.
func (s *Store) tallyBacklog(ctx context.Context, units []int64, asOf workflow.Date, tallies []workflow.BacklogTally) (workflow.Backlog, error) {
	idle, err := s.unitsWithCases(ctx, units, asOf)
	if err != nil {
		return workflow.Backlog{}, err
	}
	return workflow.TallyBacklog(append(tallies, idle...), asOf), nil
}

// unitsWithCases gives a zero tally for each of the units that had received
// a case by asOf, so by_unit lists a unit whose cases are all settled.
func (s *Store) unitsWithCases(ctx context.Context, units []int64, asOf workflow.Date) ([]workflow.BacklogTally, error) {
	args := []any{asOf.String()}
	for _, id := range units {
		args = append(args, id)
	}
	var rows []struct {
		Code string `db:"code"`
		Name string `db:"name"`
	}
	err := s.rd(ctx).SelectContext(ctx, &rows, `SELECT u.code, u.name FROM units u WHERE EXISTS (
		SELECT 1 FROM cases c WHERE c.unit_id = u.id AND c.received_on <= ?) AND u.id IN (`+placeholders(len(units))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: backlog units: %w", err)
	}
	out := make([]workflow.BacklogTally, len(rows))
	for i, r := range rows {
		out[i] = workflow.BacklogTally{UnitCode: r.Code, UnitName: r.Name, Kind: workflow.Complaint}
	}
	return out, nil
}

// openStates is the SQL list of the open states (workflow.State.Open).
var openStates = func() string {
	var in []string
	for _, st := range workflow.States {
		if st.Open() {
			in = append(in, "'"+string(st)+"'")
		}
	}
	return strings.Join(in, ", ")
}()

// snapshotQuery selects every case of the units that counts in the backlog at
// the end of asOf, as it then stood: id, unit_id, kind, state, due (the
// earliest running due date), received_on, matter_started_on, and with detail
// tracking_code and clocks too. Without detail it reads indexes only.
//
// A case still active with no act dated after asOf stood then as its row
// stands now. Any other case active at asOf stood as its last record dated on
// or before it (records are dated in the order they are written, so it is the
// last in history_as_of); those are the active ones acted on since, and —
// through the kept settled_on and span_class (store/settled.go) — for each
// span class the settled ones received in the 2^k days before and settled after.
//
// With moved (a reorganisation moved cases after asOf, movedAfter) a case
// counts under the unit it was in at asOf, not its unit now (unit_moves.go).
// A case moved since has a record dated after asOf, so the parts hold it.
func (s *Store) snapshotQuery(units []int64, asOf workflow.Date, detail, moved bool) (string, []any) {
	in := "unit_id IN (" + placeholders(len(units)) + ")"
	unitArgs := make([]any, len(units))
	for i, id := range units {
		unitArgs[i] = id
	}
	day := asOf.String()
	asRow, asRecord := `SELECT id, unit_id, kind, state, due_on AS due, received_on, matter_started_on`, `SELECT id, unit_id, kind, received_on, matter_started_on`
	if detail {
		asRow += `, tracking_code, clocks`
		asRecord += `, tracking_code`
	}
	untouched := asRow + ` FROM cases WHERE settled_on IS NULL AND received_on <= ? AND last_event_on <= ? AND ` + in
	args := append([]any{day, day}, unitArgs...)

	inThen, unitThenArgs := in, unitArgs
	if moved {
		inThen, unitThenArgs = in+` AND `+notMovedAfter, append(slices.Clip(unitArgs), day)
	}
	parts := []string{asRecord + ` FROM cases WHERE settled_on IS NULL AND received_on <= ? AND last_event_on > ? AND ` + inThen}
	partArgs := append([]any{day, day}, unitThenArgs...)
	for k := 0; k <= maxSpanClass; k++ {
		parts = append(parts, asRecord+` FROM cases WHERE settled_on IS NOT NULL AND span_class = ? AND received_on > ?
			AND received_on <= ? AND settled_on > ? AND `+inThen)
		partArgs = append(append(partArgs, k, asOf.AddDays(-spanWindow(k)).String(), day, day), unitThenArgs...)
	}
	if moved {
		columns := `c.id, mv.from_unit_id AS unit_id, c.kind, c.received_on, c.matter_started_on`
		if detail {
			columns += `, c.tracking_code`
		}
		parts = append(parts, movedFromUnits(columns, in))
		partArgs = append(append(append(partArgs, day, day), unitArgs...), day, day)
	}
	then := func(col string) string {
		return `(SELECT h.` + col + ` FROM history h WHERE h.case_id = c.id AND h.on_date <= ?
			ORDER BY h.on_date DESC, h.seq DESC LIMIT 1)`
	}
	fields := then("to_state") + ` AS state, ` + then("due_on") + ` AS due, c.received_on, c.matter_started_on`
	args = append(args, day, day)
	if detail {
		fields += `, c.tracking_code, ` + then("clocks") + ` AS clocks`
		args = append(args, day)
	}
	query := untouched + ` UNION ALL SELECT c.id, c.unit_id, c.kind, ` + fields + `
		FROM (` + strings.Join(parts, " UNION ALL ") + `) c`
	return query, append(args, partArgs...) // placeholders in the order they appear
}

// snapshotRow is one case as it stood at the end of a day, with its identity.
type snapshotRow struct {
	ID           int64
	TrackingCode string
	workflow.Snapshot
}

// snapshots lists what snapshotQuery selects, clocks decoded. BacklogCases
// filters them by the definitions Backlog counts by, so a list always holds
// the cases of its number.
func (s *Store) snapshots(ctx context.Context, units []int64, asOf workflow.Date) ([]snapshotRow, error) {
	moved, err := s.movedAfter(ctx, asOf)
	if err != nil {
		return nil, err
	}
	snap, args := s.snapshotQuery(units, asOf, true, moved)
	var rows []struct {
		ID              int64         `db:"id"`
		TrackingCode    string        `db:"tracking_code"`
		Kind            string        `db:"kind"`
		UnitCode        string        `db:"unit_code"`
		UnitName        string        `db:"unit_name"`
		State           string        `db:"state"`
		Clocks          string        `db:"clocks"`
		ReceivedOn      workflow.Date `db:"received_on"`
		MatterStartedOn workflow.Date `db:"matter_started_on"`
	}
	err = s.rd(ctx).SelectContext(ctx, &rows, s.rd(ctx).Rebind(`SELECT x.id, x.tracking_code, x.kind, n.code AS unit_code,
		n.name AS unit_name, x.state, x.clocks, x.received_on, x.matter_started_on
		FROM (`+snap+`) x JOIN units n ON n.id = x.unit_id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: backlog: %w", err)
	}
	out := make([]snapshotRow, len(rows))
	for i, r := range rows {
		out[i] = snapshotRow{ID: r.ID, TrackingCode: r.TrackingCode, Snapshot: workflow.Snapshot{Kind: workflow.Kind(r.Kind),
			UnitCode: r.UnitCode, UnitName: r.UnitName, State: workflow.State(r.State), ReceivedOn: r.ReceivedOn,
			MatterStartedOn: r.MatterStartedOn}}
		if err := json.Unmarshal([]byte(r.Clocks), &out[i].Clocks); err != nil {
			return nil, fmt.Errorf("store: backlog clocks of case %d: %w", r.ID, err)
		}
	}
	return out, nil
}
