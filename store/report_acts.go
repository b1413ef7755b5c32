package store

import (
	"fmt"
	json "github.com/goccy/go-json"

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
// if the forms count it, and the day a decision was carried out, if it is
// the act that says so (implemented_on, which 02/KQGQ chooses its decisions by).
func (s *Store) withReportAct(set string, args []any, rec workflow.Record) (string, []any, error) {
	act, err := reportActOf(rec)
	if err != nil || act == nil {
		return set, args, err
	}
	term := "report_acts = json_insert(report_acts, '$[#]', json(?))"
	if s.postgres() {
		term = "report_acts = CAST(CAST(report_acts AS jsonb) || jsonb_build_array(CAST(? AS jsonb)) AS TEXT)"
	}
	set, args = set+", "+term, append(args, string(act))
	if workflow.CarriesOut(rec) {
		set, args = set+", implemented_on = COALESCE(implemented_on, ?)", append(args, rec.On.String())
	}
	return set, args, nil
}

// reportActsDecoder reads report_acts, case after case. Acts that record
// the same fields share one Input (most decisions record an outcome and
// nothing else), and those whose fields the forms do not read share
// workflow.NoFields: a province's year decodes some 250,000 lists.
type reportActsDecoder struct {
	stored []struct {
		Event workflow.Event  `json:"e"`
		On    workflow.Date   `json:"on"`
		In    json.RawMessage `json:"in"`
	}
	inputs map[string]*workflow.Input
}

func (d *reportActsDecoder) decode(text []byte) ([]workflow.ReportAct, error) {
	d.stored = d.stored[:0]
	if err := json.Unmarshal(text, &d.stored); err != nil {
		return nil, fmt.Errorf("report acts: %w", err)
	}
	acts := make([]workflow.ReportAct, len(d.stored))
	for i, a := range d.stored {
		acts[i] = workflow.ReportAct{Event: a.Event, On: a.On, Input: workflow.NoFields}
		if len(a.In) == 0 || string(a.In) == "null" {
			continue
		}
		in, ok := d.inputs[string(a.In)]
		if !ok {
			in = new(workflow.Input)
			if err := json.Unmarshal(a.In, in); err != nil {
				return nil, fmt.Errorf("report acts: %w", err)
			}
			if d.inputs == nil {
				d.inputs = map[string]*workflow.Input{}
			}
			d.inputs[string(a.In)] = in
		}
		acts[i].Input = in
	}
	return acts, nil
}
