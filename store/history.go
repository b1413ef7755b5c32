package store

import (
	"context"
	"encoding/json"
	"fmt"

	"petitions/workflow"
)

// HistoryRecord is one audit record of a case (API.md: GET /cases/{id}/history).
type HistoryRecord struct {
	Seq       int             `db:"seq" json:"seq"`
	Event     string          `db:"event" json:"event"`
	FromState string          `db:"from_state" json:"from_state"`
	ToState   string          `db:"to_state" json:"to_state"`
	On        workflow.Date   `db:"on_date" json:"on"`
	At        string          `db:"at" json:"at"`
	Actor     string          `db:"actor" json:"actor"`
	Payload   json.RawMessage `db:"-" json:"payload"`
}

// History lists a case's records, oldest first.
func (s *Store) History(ctx context.Context, caseID int64) ([]HistoryRecord, error) {
	var rows []struct {
		HistoryRecord
		PayloadText string `db:"payload"` // the driver gives TEXT as a string, which RawMessage cannot scan
	}
	err := s.r.SelectContext(ctx, &rows, `SELECT seq, event, from_state, to_state, on_date, at, actor, payload
		FROM history WHERE case_id = ? ORDER BY seq`, caseID)
	if err != nil {
		return nil, fmt.Errorf("store: history of case %d: %w", caseID, err)
	}
	hs := make([]HistoryRecord, len(rows))
	for i, r := range rows {
		hs[i] = r.HistoryRecord
		hs[i].Payload = json.RawMessage(r.PayloadText)
	}
	return hs, nil
}

// appendHistory writes one record inside the caller's transaction, with the
// running clocks after the act (so the backlog can be rebuilt as of any day).
func appendHistory(ctx context.Context, tx *txn, k *keys, caseID int64, rec workflow.Record, actor User, after workflow.Case, at string) error {
	r, err := newRecord(caseID, rec, actor, after, at)
	if err != nil {
		return err
	}
	return r.append(ctx, tx, k)
}

// pendingRecord is a history record encoded ahead of its write transaction,
// so the one writer is held only to number, seal and insert it.
type pendingRecord struct {
	f   chainFields
	due any
}

// newRecord encodes a record of the act rec, with the running clocks of the case after it.
func newRecord(caseID int64, rec workflow.Record, actor User, after workflow.Case, at string) (pendingRecord, error) {
	clocks, due := recordClocks(after)
	return encodeRecord(caseID, rec, actor, clocks, due, at)
}

// encodeRecord is newRecord for clocks already encoded.
func encodeRecord(caseID int64, rec workflow.Record, actor User, clocks string, due any, at string) (pendingRecord, error) {
	payload, err := json.Marshal(rec.Payload)
	if err != nil {
		return pendingRecord{}, fmt.Errorf("store: encode payload: %w", err)
	}
	var actorID *int64 // none for the system's own acts (systemActor)
	if actor.ID != 0 {
		actorID = &actor.ID
	}
	return pendingRecord{f: chainFields{CaseID: caseID, Event: string(rec.Event), FromState: string(rec.FromState),
		ToState: string(rec.ToState), OnDate: rec.On.String(), At: at, ActorID: actorID, Actor: actor.Login,
		Payload: string(payload), Clocks: clocks}, due: due}, nil
}

// append numbers and seals the record after the last of its case, and writes it.
func (r pendingRecord) append(ctx context.Context, tx *txn, k *keys) error {
	f := r.f
	if err := sealRecord(ctx, tx, k, &f); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO history (case_id, seq, event, from_state, to_state, on_date, at,
		actor_id, actor, payload, clocks, due_on, prev_hash, hash, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.CaseID, f.Seq, f.Event, f.FromState, f.ToState, f.OnDate, f.At, f.ActorID, f.Actor, f.Payload, f.Clocks, r.due,
		f.PrevHash, f.Hash, f.ChainHash)
	if err != nil {
		return fmt.Errorf("store: append history of case %d: %w", f.CaseID, err)
	}
	return nil
}
