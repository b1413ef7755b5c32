package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"petitions/workflow"
)

// The official reports (issue 17): what a form counts for some units over a
// period, read from the history — the cases with the acts the forms count and
// their days, or the reception book — for workflow.Form to tally. No identity
// is read.

// ReportEntries reads the entries form f counts for the units over the period.
func (s *Store) ReportEntries(ctx context.Context, f *workflow.Form, units []int64, p workflow.ReportPeriod) ([]workflow.Entry, error) {
	if len(units) == 0 {
		return nil, nil
	}
	if f.Reception {
		return s.receptionEntries(ctx, units, p)
	}
	return s.caseEntries(ctx, units, p, f.Decisions)
}

// FirstDay is the day of the first letter received, or for the reception
// report the first visit; zero when there is none.
func (s *Store) FirstDay(ctx context.Context, reception bool) (workflow.Date, error) {
	query := `SELECT MIN(received_on) FROM cases`
	if reception {
		query = `SELECT MIN(visited_on) FROM reception_visits`
	}
	var d workflow.Date
	if err := s.r.GetContext(ctx, &d, query); err != nil {
		return d, fmt.Errorf("store: first day: %w", err)
	}
	return d, nil
}

// finalStates is the SQL list of the states no act follows (workflow.State.Final).
var finalStates = func() string {
	var in []string
	for _, st := range workflow.States {
		if st.Final() {
			in = append(in, "'"+string(st)+"'")
		}
	}
	return strings.Join(in, ", ")
}()

// reportCases is the WHERE of the cases a period may count: received by its
// end, and not at rest before it began (a case in a final state took its last
// act then); or, for the implementation of decisions, every complaint decided by its end.
func reportCases(units []int64, p workflow.ReportPeriod, decisions bool) (string, []any) {
	where, args := unitsAndDays("c.unit_id", "", units, workflow.Date{}, workflow.Date{})
	if decisions {
		where = append(where, "c.kind = 'complaint'", "c.resolved_on <= ?")
		return strings.Join(where, " AND "), append(args, p.To.String())
	}
	where = append(where, "c.received_on <= ?", "(c.last_event_on >= ? OR c.state NOT IN ("+finalStates+"))")
	return strings.Join(where, " AND "), append(args, p.To.String(), p.From.String())
}

func (s *Store) caseEntries(ctx context.Context, units []int64, p workflow.ReportPeriod, decisions bool) ([]workflow.Entry, error) {
	where, args := reportCases(units, p, decisions)
	// A round-2 complaint follows one decision; a letter whose prior case
	// itself followed one, two or more. Whether a case was decided in time is
	// kept on it when it is decided (workflow.Case.DecidedLate). The acts that
	// need no more than their day, acceptance and the ends of refusal and
	// filing, are the case's own columns (processingOf).
	rows, err := s.r.QueryxContext(ctx, `SELECT c.id, c.tracking_code, c.unit_id, c.kind, c.round, c.received_on,
		CASE WHEN p.id IS NULL THEN 0 WHEN p.prior_case_id IS NULL THEN 1 ELSE 2 END AS prior_decisions, c.decided_late,
		c.accepted_on, c.state, c.last_event_on
		FROM cases c LEFT JOIN cases p ON p.id = c.prior_case_id WHERE `+where+` ORDER BY c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: report cases: %w", err)
	}
	defer rows.Close()
	var (
		rcs  []workflow.ReportCase
		late []bool
	)
	for rows.Next() {
		var (
			c                 workflow.ReportCase
			l                 bool
			accepted, lastAct workflow.Date
			state             workflow.State
		)
		if err := rows.Scan(&c.ID, &c.TrackingCode, &c.UnitID, &c.Kind, &c.Round, &c.ReceivedOn, &c.PriorDecisions, &l,
			&accepted, &state, &lastAct); err != nil {
			return nil, fmt.Errorf("store: report cases: %w", err)
		}
		if a, ok := processingOf(accepted, state, lastAct); ok && p.By(a.On) {
			c.Acts = append(c.Acts, a)
		}
		rcs, late = append(rcs, c), append(late, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: report cases: %w", err)
	}
	out := make([]workflow.Entry, len(rcs))
	at := make(map[int64]int, len(rcs))
	for i := range rcs {
		out[i] = workflow.Entry{ID: rcs[i].ID, UnitID: rcs[i].UnitID, Case: &rcs[i]}
		at[rcs[i].ID] = i
	}
	if err := s.reportActs(ctx, where, args, p, rcs, at); err != nil {
		return nil, err
	}
	for i := range rcs {
		if r := rcs[i].Resolution(); r != nil {
			r.Late = late[i]
		}
	}
	return out, nil
}

// processingOf is the act that ended a letter's processing when the case's
// row tells it: its acceptance, or the refusal or filing that ended it (a
// final state reached before acceptance: its last act). A transfer is read
// with its record, for its mode.
func processingOf(accepted workflow.Date, state workflow.State, lastAct workflow.Date) (workflow.ReportAct, bool) {
	switch {
	case !accepted.IsZero():
		return workflow.ReportAct{Event: workflow.EvAccept, On: accepted, Input: workflow.NoFields}, true
	case state == workflow.Rejected:
		return workflow.ReportAct{Event: workflow.EvReject, On: lastAct, Input: workflow.NoFields}, true
	case state == workflow.Filed:
		return workflow.ReportAct{Event: workflow.EvFile, On: lastAct, Input: workflow.NoFields}, true
	}
	return workflow.ReportAct{}, false
}

// fromRows are the events processingOf reads from the case's row, not its records.
var fromRows = []workflow.Event{workflow.EvAccept, workflow.EvReject, workflow.EvFile}

// reportActs reads the acts the forms count, dated by the period's end, into their cases.
func (s *Store) reportActs(ctx context.Context, where string, args []any, p workflow.ReportPeriod, rcs []workflow.ReportCase, at map[int64]int) error {
	rows, err := s.r.QueryxContext(ctx, s.r.Rebind(reportActsQuery(where)), append(args, p.To.String())...)
	if err != nil {
		return fmt.Errorf("store: report acts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			caseID  int64
			event   workflow.Event
			on      workflow.Date
			payload string
		)
		if err := rows.Scan(&caseID, &event, &on, &payload); err != nil {
			return fmt.Errorf("store: report acts: %w", err)
		}
		a := workflow.ReportAct{Event: event, On: on, Input: workflow.NoFields}
		if payload != "" {
			a.Input = new(workflow.Input)
			if err := json.Unmarshal([]byte(payload), a.Input); err != nil {
				return fmt.Errorf("store: report acts: case %d: %w", caseID, err)
			}
		}
		if i, ok := at[caseID]; ok {
			rcs[i].Acts = append(rcs[i].Acts, a)
		}
	}
	return rows.Err()
}

// reportActsQuery reads the acts the forms count of the cases where selects,
// up to a day. Its list of events is the WHERE of the index history_report
// (migration 00018), term for term, so the database may read the acts from it.
func reportActsQuery(where string) string {
	events := workflow.ReportEvents()
	in := make([]string, len(events))
	for i, e := range events {
		in[i] = "'" + string(e) + "'"
	}
	var fields []string
	for _, e := range events {
		if workflow.ReportFieldsOf(e) {
			fields = append(fields, "'"+string(e)+"'")
		}
	}
	var rowOnly []string
	for _, e := range fromRows {
		rowOnly = append(rowOnly, "'"+string(e)+"'")
	}
	// Only the acts whose fields a form reads bring their payload; those the
	// case's row tells (fromRows) are not read at all.
	return `SELECT h.case_id, h.event, h.on_date,
		CASE WHEN h.event IN (` + strings.Join(fields, ", ") + `) THEN h.payload ELSE '' END AS payload
		FROM history h JOIN cases c ON c.id = h.case_id
		WHERE ` + where + ` AND h.event IN (` + strings.Join(in, ", ") + `) AND h.event NOT IN (` + strings.Join(rowOnly, ", ") + `)
		AND h.on_date <= ? ORDER BY h.case_id, h.seq`
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
	err := s.r.SelectContext(ctx, &visits, `SELECT v.id, v.unit_id, v.visited_on, v.people, v.repeat,
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
	err = s.r.SelectContext(ctx, &sessions, `SELECT s.id, s.unit_id, s.held_on, s.kind, s.host FROM reception_sessions s
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
