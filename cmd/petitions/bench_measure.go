package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"net/url"
	"strconv"
	"time"

	"petitions/store"
)

// benchReport gathers the figures of one run.
type benchReport struct {
	cfg            benchConfig
	machine        string
	generated      time.Duration
	cases, records int64
	figures        []figure
	ratios         []string
	peakRSS, size  int64
	upload         string          // what uploading did to the server's memory
	index          store.IndexSize // the search's own index
	reception      string          // the reception sessions and visits, when measured
	checks         []string        // each form's cross-checks on the province's year, when the reports are measured
	checksFailed   int             // how many of them failed
	reportRSS      int64           // the peak memory of the reports' own server
}

func (rep *benchReport) add(f figure, err error) error {
	rep.figures = append(rep.figures, f)
	fmt.Fprintf(rep.cfg.out, "  %-34s %3d clients %6s  %7d done  p50 %7s ms  p99 %7s ms  %9.0f/s\n",
		f.name, f.clients, thinkText(f.think), f.count, ms(f.p50), ms(f.p99), f.rate())
	return err
}

// measure runs the loads: transitions through the API and straight into the
// database at 1, 16 and 64 clients, then the reads, then a change of the calendar.
func (rep *benchReport) measure(ctx context.Context, s *store.Store, srv *child, w *benchWork) error {
	half := len(w.transitionCases) / 2
	apiCases, dbCases := w.transitionCases[:half], w.transitionCases[half:]
	versions := map[int64]int{} // read before and after the loads; during one, clients keep their own
	for _, id := range apiCases {
		c, err := s.Case(ctx, id)
		if err != nil {
			return err
		}
		versions[id] = c.Version
	}
	d := rep.cfg.duration
	for _, n := range rep.cfg.writers {
		if !rep.cfg.wants("transitions") {
			break
		}
		owned, ownedDB := own(apiCases, n), own(dbCases, n)
		mine := make([]map[int64]int, n)
		for c, ids := range owned {
			mine[c] = map[int64]int{}
			for _, id := range ids {
				mine[c][id] = versions[id]
			}
		}
		conns := benchConns(srv.base, n)
		viaAPI := func(ctx context.Context, client, i int) error {
			id := owned[client][i%len(owned[client])]
			var out struct {
				Version int `json:"version"`
			}
			body := map[string]any{"event": "note", "version": mine[client][id], "note": "Ghi chú tiến độ xử lý " + strconv.Itoa(i)}
			err := call(ctx, conns[client], "POST", "/api/v1/cases/"+strconv.FormatInt(id, 10)+"/events", w.headToken, "", body, 200, &out)
			if err == nil {
				mine[client][id] = out.Version
			}
			return err
		}
		straight := func(ctx context.Context, client, i int) error {
			return s.BaselineNote(ctx, w.head, ownedDB[client][i%len(ownedDB[client])], w.today)
		}
		// The two take turns in short stretches: the disk's speed drifts by
		// half within a minute on a shared machine, and the ratio must compare
		// them on the same disk.
		api := figure{name: "transition via HTTP API", clients: n}
		db := figure{name: "transition straight to the database", clients: n}
		var apiCPU, dbCPU cpuUse
		for range transitionTurns {
			t0 := cpuNow(srv)
			f, err := hammer(ctx, api.name, n, d/transitionTurns, n, 0, viaAPI)
			t1 := cpuNow(srv)
			if api, apiCPU = api.join(f), apiCPU.plus(t1.since(t0)); err != nil {
				return err
			}
			f, err = hammer(ctx, db.name, n, d/transitionTurns, n, 0, straight)
			if db, dbCPU = db.join(f), dbCPU.plus(cpuNow(srv).since(t1)); err != nil {
				return err
			}
		}
		closeAll(conns)
		for _, m := range mine {
			maps.Copy(versions, m)
		}
		if err := rep.add(api, nil); err != nil {
			return err
		}
		if err := rep.add(db, nil); err != nil {
			return err
		}
		rep.ratios = append(rep.ratios, fmt.Sprintf("%d clients: API %.0f/s = %.0f%% of the database's %.0f/s;"+
			" CPU a transition: server %s and load generator %s via the API, %s straight to the database",
			n, api.rate(), 100*api.rate()/db.rate(), db.rate(),
			per(apiCPU.server, api.count), per(apiCPU.bench, api.count), per(dbCPU.bench+dbCPU.server, db.count)))
	}
	if err := rep.measureReads(ctx, srv, w); err != nil {
		return err
	}
	if err := rep.measureReception(ctx, s, srv, w); err != nil {
		return err
	}
	if err := rep.measurePapers(ctx, s, srv, w); err != nil {
		return err
	}
	if err := rep.measureReports(ctx, s, w); err != nil {
		return err
	}
	if rep.cfg.wants("recount") {
		if err := rep.measureRecount(ctx, s, srv, w); err != nil {
			return err
		}
	}
	if !rep.cfg.wants("reorganise") {
		return nil
	}
	return rep.measureReorganise(ctx, s, srv, w)
}

// pacedLonger is how much longer than --duration the officers who pause
// between clicks read: each clicks about once a second, so ten seconds give
// some 600 requests, and their p99 would be the seventh slowest of them.
const pacedLonger = 3

// transitionTurns is how many stretches each of the two transition loads runs.
const transitionTurns = 5

// own deals cases out to n clients, so no two clients act on one case.
func own(cases []int64, n int) [][]int64 {
	out := make([][]int64, n)
	for i, id := range cases {
		out[i%n] = append(out[i%n], id)
	}
	return out
}

func (rep *benchReport) measureReads(ctx context.Context, srv *child, w *benchWork) error {
	one := newBenchConn(srv.base)
	defer one.close()
	days := []struct {
		name, on, token string
	}{{"backlog today", w.today.String(), w.supTok}, {"backlog five years back", w.fiveYearsAgo.String(), w.supTok}}
	if w.countryTok != "" { // a country of provinces (demo/country.go): its supervisor reads them all
		days = append(days, struct{ name, on, token string }{"backlog today, the country", w.today.String(), w.countryTok},
			struct{ name, on, token string }{"backlog five years back, the country", w.fiveYearsAgo.String(), w.countryTok})
	}
	for _, day := range days {
		if !rep.cfg.wants("backlog") {
			break
		}
		u := "/api/v1/backlog?as_of=" + day.on
		f, err := hammer(ctx, day.name, 1, 0, rep.cfg.backlogs, 0, func(ctx context.Context, _, _ int) error {
			return call(ctx, one, "GET", u, day.token, "", nil, 200, nil)
		})
		if err := rep.add(f, err); err != nil {
			return err
		}
	}
	if rep.cfg.wants("reads") {
		// A search alone: one client, back to back, for --duration (issue 15 §2).
		for _, q := range benchSearchPages {
			u := "/ho-so?q=" + url.QueryEscape(q.query)
			f, err := hammer(ctx, q.name, 1, rep.cfg.duration, rep.cfg.backlogs, 0, func(ctx context.Context, _, _ int) error {
				return call(ctx, one, "GET", u, "", w.cookie, nil, 200, nil)
			})
			if err := rep.add(f, err); err != nil {
				return err
			}
		}
	}
	n, d := rep.cfg.readers, rep.cfg.duration
	conns := benchConns(srv.base, n)
	defer closeAll(conns)
	pages := []struct {
		name string
		path func(client, i int) string
	}{
		{"queue, first page", func(int, int) string { return "/ho-so" }},
		{"overdue queue, first page", func(int, int) string { return "/ho-so?status=overdue" }},
		{benchSearchPages[0].name, func(int, int) string { return "/ho-so?q=" + url.QueryEscape(benchSearchPages[0].query) }},
		{benchSearchPages[1].name, func(int, int) string { return "/ho-so?q=" + url.QueryEscape(benchSearchPages[1].query) }},
		{"case page", func(c, i int) string {
			return "/ho-so/" + strconv.FormatInt(w.readCases[(c*7919+i)%len(w.readCases)], 10)
		}},
		{"search", func(c, i int) string { return "/ho-so?q=" + url.QueryEscape(w.searches[(c+i)%len(w.searches)]) }},
		{"public decisions, first page", func(int, int) string { return "/cong-khai" }}, // the citizens' (issue 20)
	}
	// Each page is read by n clients back to back (the server saturated), then
	// by n officers who each pause about rep.cfg.think between clicks.
	for _, think := range []time.Duration{0, rep.cfg.think} {
		for _, p := range pages {
			if !rep.cfg.wants("reads") {
				return nil
			}
			dur := d
			if think > 0 {
				dur = pacedLonger * d
			}
			f, err := hammer(ctx, p.name, n, dur, n, think, func(ctx context.Context, c, i int) error {
				return call(ctx, conns[c], "GET", p.path(c, i), "", w.cookie, nil, 200, nil)
			})
			if err := rep.add(f, err); err != nil {
				return err
			}
		}
	}
	return nil
}

// print writes the report as Markdown, as docs/PERFORMANCE.md keeps it.
func (rep *benchReport) print(out io.Writer) {
	fmt.Fprintf(out, "\n## petitions bench — %s\n\n", time.Now().Format("02/01/2006 15:04"))
	fmt.Fprintf(out, "- machine: %s\n- database: %s\n", rep.machine, backendName(rep.cfg.db))
	fmt.Fprintf(out, "- data: %d cases, %d history records (%.1f a case)\n", rep.cases, rep.records,
		float64(rep.records)/float64(max(rep.cases, 1)))
	if rep.upload != "" {
		fmt.Fprintf(out, "- %s\n", rep.upload)
	}
	if rep.reception != "" {
		fmt.Fprintf(out, "- reception: %s\n", rep.reception)
	}
	if rep.generated > 0 {
		fmt.Fprintf(out, "- generating them took %s\n", rep.generated.Round(time.Second))
	}
	fmt.Fprintf(out, "- server peak memory (VmHWM): %.0f MB; database size: %.0f MB\n",
		float64(rep.peakRSS)/(1<<20), float64(rep.size)/(1<<20))
	if rep.reportRSS > 0 {
		fmt.Fprintf(out, "- the reports' own server (started for them, the OS's page cache as it was): peak memory %.0f MB\n",
			float64(rep.reportRSS)/(1<<20))
	}
	fmt.Fprintf(out, "- search index (%s): %.0f MB, %.1f%% of the database\n\n", rep.index.What,
		float64(rep.index.Bytes)/(1<<20), 100*float64(rep.index.Bytes)/float64(max(rep.size, 1)))
	fmt.Fprintln(out, "| measure | clients | pause | done | p50 ms | p99 ms | per second |")
	fmt.Fprintln(out, "|---|---:|---:|---:|---:|---:|---:|")
	for _, f := range rep.figures {
		fmt.Fprintf(out, "| %s | %d | %s | %d | %s | %s | %.0f |\n", f.name, f.clients, thinkText(f.think), f.count,
			ms(f.p50), ms(f.p99), f.rate())
	}
	fmt.Fprintln(out)
	for _, r := range rep.ratios {
		fmt.Fprintln(out, "- transitions at", r)
	}
	for _, c := range rep.checks {
		fmt.Fprintln(out, "- cross-checks on the province's year,", c)
	}
}

// thinkText is a client's pause between requests, "–" for none.
func thinkText(d time.Duration) string {
	if d == 0 {
		return "–"
	}
	return d.String()
}

func backendName(db string) string {
	if store.IsPostgresDSN(db) {
		return "PostgreSQL"
	}
	return "SQLite (" + db + ")"
}
