package store

import (
	"encoding/json"
	"fmt"

	"petitions/workflow"
)

// The acts a report counts of a case, with their days and the fields the
// forms read (workflow.ReportFieldsOfRecord), are kept on the case's row in
// report_acts, a JSON list appended to in the transaction that records each
// act: a report reads one row a case instead of seeking each case's acts in
// the history (migration 00023, docs/PERFORMANCE.md). The history stays the
// record; the migration filled the column from it.

// reportActJSON is one act of report_acts.
type reportActJSON struct {
	Event workflow.Event `json:"e"`
	On    workflow.Date  `json:"on"`
	In    map[string]any `json:"in,omitempty"`
}

// reportActOf is the JSON of the act a report keeps of rec; nil when the
// forms do not count its event.
func reportActOf(rec workflow.Record) ([]byte, error) {
	fields, ok := workflow.ReportFieldsOfRecord(rec)
	if !ok {
		return nil, nil
	}
	return json.Marshal(reportActJSON{rec.Event, rec.On, fields})
}

// withReportAct adds to an act's SET clause the append of its report act,
// if the forms count it.
func (s *Store) withReportAct(set string, args []any, rec workflow.Record) (string, []any, error) {
	act, err := reportActOf(rec)
	if err != nil || act == nil {
		return set, args, err
	}
	term := "report_acts = json_insert(report_acts, '$[#]', json(?))"
	if s.postgres() {
		term = "report_acts = CAST(CAST(report_acts AS jsonb) || jsonb_build_array(CAST(? AS jsonb)) AS TEXT)"
	}
	return set + ", " + term, append(args, string(act)), nil
}

// decodeReportActs reads report_acts; the acts whose fields the forms do
// not read share workflow.NoFields.
func decodeReportActs(text []byte) ([]workflow.ReportAct, error) {
	var stored []struct {
		Event workflow.Event  `json:"e"`
		On    workflow.Date   `json:"on"`
		In    *workflow.Input `json:"in"`
	}
	if err := json.Unmarshal(text, &stored); err != nil {
		return nil, fmt.Errorf("report acts: %w", err)
	}
	acts := make([]workflow.ReportAct, len(stored))
	for i, a := range stored {
		acts[i] = workflow.ReportAct{Event: a.Event, On: a.On, Input: a.In}
		if a.In == nil {
			acts[i].Input = workflow.NoFields
		}
	}
	return acts, nil
}
