package demo_test

import (
	"context"
	"testing"

	"petitions/workflow"
)

// The forms' identities hold on the demo for every official period of the
// year and a range across two years, at the province and in each commune; and
// the demo fills the columns a supervisor looks for first (issue 17).
func TestReportsHoldOnTheDemo(t *testing.T) {
	ctx := context.Background()
	s, _ := mustLoad(t)
	root, err := s.UnitByCode(ctx, "KH")
	if err != nil {
		t.Fatal(err)
	}
	units, err := s.UnitTree(ctx, root.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, u := range units {
		ids = append(ids, u.ID)
	}
	periods := []workflow.ReportPeriod{}
	for _, code := range []string{"Q1-2026", "Q2-2026", "Q3-2026", "Q4-2026", "H1-2026", "M9-2026", "Y-2026", "Y-2025"} {
		p, err := workflow.OfficialPeriod(code)
		if err != nil {
			t.Fatal(err)
		}
		periods = append(periods, p)
	}
	across, _ := workflow.RangePeriod(workflow.MustDate("2025-08-01"), workflow.MustDate("2026-07-31"))
	periods = append(periods, across)
	year := map[string]workflow.Report{}
	for _, f := range workflow.Forms {
		for _, p := range periods {
			entries, err := s.ReportEntries(ctx, f, ids, p)
			if err != nil {
				t.Fatal(err)
			}
			r := f.Tally(entries, p, ids)
			for _, ch := range r.Checks {
				if !ch.OK {
					t.Errorf("%s %s–%s: %s fails on %d entries (%v)", f.Code, p.From, p.To, ch.Name, len(ch.Entries), ch.Entries[:min(5, len(ch.Entries))])
				}
			}
			if p.Name == "Y-2026" {
				year[f.Code] = r
			}
		}
	}
	for _, want := range []struct {
		form string
		col  int
		what string
	}{
		{"01-XLD", 2, "letters carried over"}, {"01-XLD", 5, "letters not yet processed"},
		{"01-XLD", 11, "matters decided once before"}, {"01-XLD", 19, "letters guided"},
		{"01-XLD", 20, "letters transferred"}, {"01-XLD", 21, "letters urged"},
		{"02-XLD", 11, "land complaints"}, {"02-XLD", 10, "policy complaints"}, {"03-XLD", 14, "corruption"},
		{"03-XLD", 12, "civil servants' conduct"}, {"04-XLD", 19, "petitions answered"},
		{"01-KQGQ", 2, "complaints carried over"}, {"01-KQGQ", 6, "complaints withdrawn"}, {"01-KQGQ", 7, "money to recover"},
		{"01-KQGQ", 23, "second decisions upholding the first"}, {"01-KQGQ", 26, "complaints decided late"},
		{"02-KQGQ", 1, "decisions to carry out"}, {"02-KQGQ", 2, "decisions carried out"}, {"02-KQGQ", 13, "money returned to people"},
		{"TC-KQGQ", 24, "true denunciations"}, {"TC-KQGQ", 31, "denunciations concluded late"},
		{"01-TCD", 4, "visits to the reception staff"}, {"01-TCD", 7, "repeat visits to the staff"},
		{"01-TCD", 16, "repeat visits to the head"}, {"01-TCD", 12, "the heads' own days"}, {"01-TCD", 21, "delegated days"}, {"01-TCD", 17, "crowds the head received"},
	} {
		if r := year[want.form]; r.Total[want.col-1] == 0 {
			t.Errorf("Y-2026 %s column %d (%s) is empty", want.form, want.col, want.what)
		}
	}
}
