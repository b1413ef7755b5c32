package store

import (
	"context"
	"encoding/json"
	"fmt"

	"petitions/workflow"
)

// Backlog rebuilds the backlog of the given units as it stood at the end of
// asOf, from the history by the date of each act (API.md): each case as its
// last record dated on or before that day left it.
func (s *Store) Backlog(ctx context.Context, units []int64, asOf workflow.Date) (workflow.Backlog, error) {
	rows, err := s.snapshots(ctx, units, asOf)
	if err != nil {
		return workflow.Backlog{}, err
	}
	snaps := make([]workflow.Snapshot, len(rows))
	for i, r := range rows {
		snaps[i] = r.Snapshot
	}
	return workflow.CountBacklog(snaps, s.Calendar(), asOf), nil
}

// snapshotRow is one case as it stood at the end of a day, with its identity.
type snapshotRow struct {
	ID           int64
	TrackingCode string
	workflow.Snapshot
}

// snapshots rebuilds every case of the units received on or before asOf as its
// last history record dated on or before that day left it. Backlog counts them
// and BacklogCases lists them, so a list always holds the cases of its number.
func (s *Store) snapshots(ctx context.Context, units []int64, asOf workflow.Date) ([]snapshotRow, error) {
	args := []any{asOf.String()}
	for _, id := range units {
		args = append(args, id)
	}
	args = append(args, asOf.String())
	var rows []struct {
		ID              int64         `db:"id"`
		TrackingCode    string        `db:"tracking_code"`
		Kind            string        `db:"kind"`
		UnitCode        string        `db:"unit_code"`
		UnitName        string        `db:"unit_name"`
		State           string        `db:"to_state"`
		Clocks          string        `db:"clocks"`
		ReceivedOn      workflow.Date `db:"received_on"`
		MatterStartedOn workflow.Date `db:"matter_started_on"`
	}
	err := s.r.SelectContext(ctx, &rows, `
		SELECT c.id, c.tracking_code, c.kind, n.code AS unit_code, n.name AS unit_name, h.to_state, h.clocks,
			c.received_on, c.matter_started_on
		FROM cases c
		JOIN units n ON n.id = c.unit_id
		JOIN history h ON h.case_id = c.id AND h.seq = (
			SELECT MAX(h2.seq) FROM history h2 WHERE h2.case_id = c.id AND h2.on_date <= ?)
		WHERE c.unit_id IN (`+placeholders(len(units))+`) AND c.received_on <= ?`, args...)
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
