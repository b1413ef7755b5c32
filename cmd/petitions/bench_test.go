package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"petitions/store/storetest"
	"petitions/workflow"
)

// The benchmark runs end to end on a small province of a country of two, on either backend:
// generation through the engine, the server in its own process, every load,
// and a report with a figure for every measure. (The million-case figures
// are in docs/PERFORMANCE.md.)
func TestBenchOnASmallProvince(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and generates a province")
	}
	var out bytes.Buffer
	cfg := benchConfig{db: storetest.DSN(t), keyFile: filepath.Join(t.TempDir(), "bench.key"), exe: buildBinary(t), cases: 6000, years: 4,
		communes: 8, provinces: 2, seed: 3, duration: 300 * time.Millisecond, writers: []int{1, 4}, readers: 6, backlogs: 3,
		think: 20 * time.Millisecond, out: &out}
	rep, err := runBench(context.Background(), cfg)
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, out.String())
	}
	t.Log(out.String())
	if rep.cases < int64(cfg.cases) || rep.records < 5*rep.cases {
		t.Errorf("generated %d cases with %d records; want %d cases, several records each", rep.cases, rep.records, cfg.cases)
	}
	want := map[string]int{"transition via HTTP API": 2, "transition straight to the database": 2, "backlog today": 1,
		"backlog five years back": 1, "backlog today, the country": 1, "backlog five years back, the country": 1, "queue, first page": 2, "overdue queue, first page": 2, "case page": 2, "search": 2,
		"search, common word first page": 3, "public decisions, first page": 2, "search, a word in no letter": 3,
		"case page during the recount": 2, "reception book, first page": 1, "reception book via API, first page": 1,
		"a head's compliance page, any day": 1, "a head's compliance via API, any day": 1, "province's compliance, any day": 1,
		"issue and number a paper": 1, "a paper as PDF": 1, "upload a 20 MB scan": 1,
		"backlog the day before a merger": 1, "backlog five years back, after a merger": 1}
	for _, f := range workflow.Forms {
		want["report "+f.Code+", province's year, first time"], want["report "+f.Code+", province's year, again"] = 1, 1
		want["report "+f.Code+", province's year, after a merger"] = 1
		want["report "+f.Code+", the country's year"] = 1
	}
	for _, code := range reportFiles {
		want["report "+code+" xlsx, province's year"] = 1
	}
	want[fmt.Sprintf("reports, all %d forms, a commune's quarter", len(workflow.Forms))] = 1
	recounts, previews, mergers := 0, 0, 0
	for _, f := range rep.figures {
		if strings.HasPrefix(f.name, "reorganisation: ") {
			if mergers++; strings.Contains(f.name, ", 0 active cases moved") {
				t.Errorf("%s: the merger moved no case", f.name)
			}
		} else if strings.HasPrefix(f.name, "calendar preview ") {
			if previews++; strings.Contains(f.name, ": 0 cases") {
				t.Errorf("%s: the preview counted no clock", f.name)
			}
		} else if strings.HasPrefix(f.name, "calendar day ") {
			// A day off three to nine days ahead crosses the working-day clocks of the last fortnight's letters.
			if recounts++; strings.Contains(f.name, "recount of 0 cases") {
				t.Errorf("%s: the change of the calendar moved no clock", f.name)
			}
		} else {
			want[f.name]--
		}
		if f.count == 0 || f.errors > 0 || f.p50 <= 0 || f.p99 < f.p50 {
			t.Errorf("%s at %d clients: %d done, %d errors, p50 %v, p99 %v", f.name, f.clients, f.count, f.errors, f.p50, f.p99)
		}
	}
	if mergers != 1 {
		t.Errorf("%d figures of a merger, want 1", mergers)
	}
	if previews != 2 {
		t.Errorf("%d previews of a calendar change, want 2", previews)
	}
	if recounts != 2 {
		t.Errorf("%d figures of a calendar change, want 2 (a day off, and back)", recounts)
	}
	for name, missing := range want {
		if missing != 0 {
			t.Errorf("%s: %d figures missing from the report", name, missing)
		}
	}
	// The "cross-checks hold on the benchmark's province", on a small one.
	if len(rep.checks) != len(workflow.Forms) || rep.checksFailed > 0 {
		t.Errorf("reports' cross-checks: %d failed of the forms':\n%s", rep.checksFailed, strings.Join(rep.checks, "\n"))
	}
	if !strings.Contains(rep.reception, "sessions") || strings.HasPrefix(rep.reception, "0 ") || strings.Contains(rep.reception, " 0 visits") {
		t.Errorf("reception: %q, want sessions and visits at every office", rep.reception)
	}
	if rep.peakRSS <= 0 || rep.size <= 0 || rep.index.Bytes <= 0 || len(rep.ratios) != len(cfg.writers) {
		t.Errorf("peak memory %d, size %d, ratios %v", rep.peakRSS, rep.size, rep.ratios)
	}
	if !strings.Contains(out.String(), "| transition via HTTP API | 4 |") {
		t.Errorf("the Markdown table is missing the 4-client transitions:\n%s", out.String())
	}
}
