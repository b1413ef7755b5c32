package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"petitions/workflow"
)

// The official reports (issue 17): what a form counts for some units over a
// period, read from the history — the cases with the acts the forms count and
// their days, or the reception book — for workflow.Form to tally. No identity
// is read.

// ReportEntries reads the entries form f counts for the units over the period.
func (s *Store) ReportEntries(ctx context.Context, f *workflow.Form, units []int64, p workflow.ReportPeriod) (out []workflow.Entry, err error) {
	err = s.onReplica(ctx, func(ctx context.Context) error {
		out, err = s.reportEntries(ctx, f, units, p)
		return err
	})
	return out, err
}

// reportEntries is ReportEntries on the pool of ctx (replica.go).
func (s *Store) reportEntries(ctx context.Context, f *workflow.Form, units []int64, p workflow.ReportPeriod) ([]workflow.Entry, error) {
	if len(units) == 0 {
		return nil, nil
	}
	if f.Reception {
		return s.receptionEntries(ctx, units, p)
	}
	return s.caseEntries(ctx, f, units, p)
}

// FirstDay is the day of the first letter received, or for the reception
// report the first visit; zero when there is none.
func (s *Store) FirstDay(ctx context.Context, reception bool) (d workflow.Date, err error) {
	err = s.onReplica(ctx, func(ctx context.Context) error {
		d, err = s.firstDay(ctx, reception)
		return err
	})
	return d, err
}

// firstDay is FirstDay on the pool of ctx (replica.go).
func (s *Store) firstDay(ctx context.Context, reception bool) (workflow.Date, error) {
	query := `SELECT MIN(received_on) FROM cases`
	if reception {
		query = `SELECT MIN(visited_on) FROM reception_visits`
	}
	var d workflow.Date
	if err := s.rd(ctx).GetContext(ctx, &d, query); err != nil {
		return d, fmt.Errorf("store: first day: %w", err)
	}
	return d, nil
}

// restsOn is the day a case came to rest: its last act's once in a final
// state (a state no act follows, workflow.State.Final), never before. The
// index cases_report (migration 00023) holds it, written as here term for
// term, so that SQLite knows the expression for its own.
var restsOn = func() string {
	var in []string
	for _, st := range workflow.States {
		if st.Final() {
			in = append(in, "'"+string(st)+"'")
		}
	}
	return "(CASE WHEN c.state IN (" + strings.Join(in, ", ") + ") THEN c.last_event_on ELSE '9999-12-31' END)"
}()

// reportCases is the WHERE of the cases form f may count over a period, of
// its kinds: received by the period's end, and not at rest before it began;
// or, for the implementation of decisions, every case decided by its end
// and not carried out before it began.
func reportCases(f *workflow.Form, units []int64, p workflow.ReportPeriod) (string, []any) {
	where, args := unitsAndDays("c.unit_id", "", units, workflow.Date{}, workflow.Date{})
	return reportCasesWhere(f, where, args, p)
}

// reportCasesWhere is reportCases for the cases where selects.
func reportCasesWhere(f *workflow.Form, where []string, args []any, p workflow.ReportPeriod) (string, []any) {
	if len(f.Kinds) > 0 {
		where = append(where, "c.kind IN (?"+strings.Repeat(", ?", len(f.Kinds)-1)+")")
		for _, k := range f.Kinds {
			args = append(args, string(k))
		}
	}
	if f.Decisions {
		where = append(where, "c.resolved_on <= ?", "(c.implemented_on IS NULL OR c.implemented_on >= ?)")
		return strings.Join(where, " AND "), append(args, p.To.String(), p.From.String())
	}
	where = append(where, restsOn+" >= ?", "c.received_on <= ?")
	return strings.Join(where, " AND "), append(args, p.From.String(), p.To.String())
}

func (s *Store) caseEntries(ctx context.Context, f *workflow.Form, units []int64, p workflow.ReportPeriod) ([]workflow.Entry, error) {
	where, args := reportCases(f, units, p)
	out, err := s.readReportCases(ctx, where, args, p)
	if err != nil {
		return nil, err
	}
	if out, err = s.reportUnitsThen(ctx, f, units, p, out); err != nil {
		return nil, err
	}
	// In the order they were received, sorted here: sorted by the database,
	// a province's year of rows with their acts went through a temporary
	// B-tree before the first came out.
	slices.SortFunc(out, func(a, b workflow.Entry) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// readReportCases reads the cases where selects as entries, with the acts
// dated by the period's end.
func (s *Store) readReportCases(ctx context.Context, where string, args []any, p workflow.ReportPeriod) ([]workflow.Entry, error) {
	// A round-2 complaint follows one decision; a letter whose prior case
	// itself followed one, two or more. Whether a case was decided in time is
	// kept on it when it is decided (workflow.Case.DecidedLate), and the acts
	// the forms count with it as they are recorded (report_acts.go).
	rows, err := s.rd(ctx).QueryxContext(ctx, reportCasesQuery(where), args...)
	if err != nil {
		return nil, fmt.Errorf("store: report cases: %w", err)
	}
	defer rows.Close()
	var (
		out     []workflow.Entry
		acts    []byte
		decoder reportActsDecoder
	)
	for rows.Next() {
		var (
			c    = new(workflow.ReportCase)
			late bool
		)
		if err := rows.Scan(&c.ID, &c.TrackingCode, &c.UnitID, &c.Kind, &c.Round, &c.ReceivedOn, &c.PriorDecisions, &late,
			&acts); err != nil {
			return nil, fmt.Errorf("store: report cases: %w", err)
		}
		all, err := decoder.decode(acts)
		if err != nil {
			return nil, fmt.Errorf("store: case %d: %w", c.ID, err)
		}
		// The acts dated by the period's end: a past period reads as it did.
		c.Acts = all[:0]
		for _, a := range all {
			if p.By(a.On) {
				c.Acts = append(c.Acts, a)
			}
		}
		if r := c.Resolution(); r != nil {
			r.Late = late
		}
		out = append(out, workflow.Entry{ID: c.ID, UnitID: c.UnitID, Case: c})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: report cases: %w", err)
	}
	return out, nil
}

// reportUnitsThen counts each case of entries under the unit it was in at
// the period's end (unit_moves.go): a case a reorganisation moved after it
// leaves the units it moved into and comes back to the unit it left, read
// again when that unit is asked for alone.
func (s *Store) reportUnitsThen(ctx context.Context, f *workflow.Form, units []int64, p workflow.ReportPeriod, entries []workflow.Entry) ([]workflow.Entry, error) {
	if moved, err := s.movedAfter(ctx, p.To); err != nil || !moved {
		return entries, err
	}
	then, err := s.unitsThen(ctx, p.To)
	if err != nil {
		return nil, err
	}
	asked := map[int64]bool{}
	for _, u := range units {
		asked[u] = true
	}
	out, had := entries[:0], map[int64]bool{} // had: the moved cases read
	for _, e := range entries {
		if u, ok := then[e.ID]; ok {
			had[e.ID] = true
			if !asked[u] {
				continue
			}
			e.UnitID, e.Case.UnitID = u, u
		}
		out = append(out, e)
	}
	var missing []any
	for id, u := range then {
		if asked[u] && !had[id] {
			missing = append(missing, id)
		}
	}
	for start := 0; start < len(missing); start += recountBatch {
		ids := missing[start:min(start+recountBatch, len(missing))]
		where, args := reportCasesWhere(f, []string{"c.id IN (" + placeholders(len(ids)) + ")"}, ids, p)
		back, err := s.readReportCases(ctx, where, args, p)
		if err != nil {
			return nil, err
		}
		for _, e := range back {
			e.UnitID, e.Case.UnitID = then[e.ID], then[e.ID]
			out = append(out, e)
		}
	}
	return out, nil
}

// reportCasesQuery reads the cases where selects, with their acts.
func reportCasesQuery(where string) string {
	// The prior case is looked up for each case that has one: joined,
	// PostgreSQL hashed every case of the table to find the few.
	return `SELECT c.id, c.tracking_code, c.unit_id, c.kind, c.round, c.received_on,
		COALESCE((SELECT CASE WHEN p.prior_case_id IS NULL THEN 1 ELSE 2 END FROM cases p WHERE p.id = c.prior_case_id), 0)
		AS prior_decisions, c.decided_late, c.report_acts
		FROM cases c WHERE ` + where
}

// receptionEntries are the period's visits and held sessions, under who received them.
func (s *Store) receptionEntries(ctx context.Context, units []int64, p workflow.ReportPeriod) ([]workflow.Entry, error) {
	var visits []struct {
		ID     int64                `db:"id"`
		UnitID int64                `db:"unit_id"`
		On     workflow.Date        `db:"visited_on"`
		People int                  `db:"people"`
		Repeat bool                 `db:"repeat"`
		Kind   workflow.SessionKind `db:"kind"`
		Host   workflow.SessionHost `db:"host"`
	}
	where, args := unitsAndDays("v.unit_id", "v.visited_on", units, p.From, p.To)
	err := s.rd(ctx).SelectContext(ctx, &visits, `SELECT v.id, v.unit_id, v.visited_on, v.people, v.repeat,
		COALESCE(s.kind, '') AS kind, COALESCE(s.host, '') AS host
		FROM reception_visits v LEFT JOIN reception_sessions s ON s.id = v.session_id WHERE `+strings.Join(where, " AND ")+
		` ORDER BY v.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: report visits: %w", err)
	}
	var sessions []struct {
		ID     int64                `db:"id"`
		UnitID int64                `db:"unit_id"`
		On     workflow.Date        `db:"held_on"`
		Kind   workflow.SessionKind `db:"kind"`
		Host   workflow.SessionHost `db:"host"`
	}
	where, args = unitsAndDays("s.unit_id", "s.held_on", units, p.From, p.To)
	err = s.rd(ctx).SelectContext(ctx, &sessions, `SELECT s.id, s.unit_id, s.held_on, s.kind, s.host FROM reception_sessions s
		WHERE `+strings.Join(where, " AND ")+` AND s.state = 'held' ORDER BY s.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: report sessions: %w", err)
	}
	out := make([]workflow.Entry, 0, len(visits)+len(sessions))
	for _, v := range visits {
		out = append(out, workflow.Entry{ID: v.ID, UnitID: v.UnitID, Visit: &workflow.ReportVisit{On: v.On,
			Regime: workflow.RegimeOf(v.Kind, v.Host), People: v.People, Repeat: v.Repeat}})
	}
	for _, r := range sessions {
		out = append(out, workflow.Entry{ID: r.ID, UnitID: r.UnitID, Session: &workflow.ReportSession{On: r.On,
			Regime: workflow.RegimeOf(r.Kind, r.Host)}})
	}
	return out, nil
}
