package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"

	"petitions/demo"
	"petitions/store"
	"petitions/workflow"
)

// benchConfig is what `petitions bench` was asked to do.
type benchConfig struct {
	db, keyFile       string
	exe               string // the petitions binary serving the child process
	cases, years      int
	communes          int
	provinces         int
	seed              int64
	duration          time.Duration
	writers           []int // concurrent clients of each round of transitions
	readers, backlogs int
	think             time.Duration // an officer's pause between clicks, in the second round of reads and the reception loads
	only              string        // measure only these groups: transitions, backlog, reads, reception, papers, reports, recount, reorganise
	out               io.Writer
}

// bench generates a synthetic province (unless the database already holds
// one), serves it from a child `petitions serve` process and measures it;
// see docs/PERFORMANCE.md.
func bench(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	var cfg benchConfig
	fs.StringVar(&cfg.db, "db", "bench.db", "SQLite file or postgres:// URL (generated when it holds no units)")
	fs.StringVar(&cfg.keyFile, "key-file", "", "key sealing identities (default: DB.key, or bench.key for PostgreSQL)")
	fs.IntVar(&cfg.cases, "cases", 1_000_000, "cases to generate")
	fs.IntVar(&cfg.years, "years", 10, "years over which letters were received")
	fs.IntVar(&cfg.communes, "communes", 60, "communes and wards below the agency, and below each province's")
	fs.IntVar(&cfg.provinces, "provinces", 1, "provinces: 34 generates the country under a national body (demo/country.go)")
	fs.Int64Var(&cfg.seed, "seed", 2026, "seed of the generated province")
	fs.DurationVar(&cfg.duration, "duration", 10*time.Second, "how long each load runs (officers pausing between clicks: three times as long)")
	fs.IntVar(&cfg.readers, "readers", 64, "clients reading at once")
	fs.IntVar(&cfg.backlogs, "backlogs", 30, "backlog requests per date")
	fs.DurationVar(&cfg.think, "think", time.Second, "an officer's pause between clicks in the second round of reads and in the reception loads")
	fs.StringVar(&cfg.only, "only", "", "measure only these groups, comma-separated: transitions, backlog, reads, reception, papers, reports, recount, reorganise")
	writers := fs.String("writers", "1,16,64", "rounds of transitions, comma-separated: how many clients write at once in each")
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, w := range strings.Split(*writers, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(w))
		if err != nil || n < 1 {
			return fmt.Errorf("bench: --writers wants counts of clients such as 1,16,64, not %q", *writers)
		}
		cfg.writers = append(cfg.writers, n)
	}
	cfg.out = os.Stdout
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cfg.exe = exe
	_, err = runBench(ctx, cfg)
	return err
}

func runBench(ctx context.Context, cfg benchConfig) (*benchReport, error) {
	if cfg.keyFile == "" {
		cfg.keyFile = cfg.db + ".key"
		if store.IsPostgresDSN(cfg.db) {
			cfg.keyFile = "bench.key"
		}
	}
	key, err := benchKey(cfg.keyFile)
	if err != nil {
		return nil, err
	}
	// Every generated user has the demo's public password: a costly hash would guard nothing.
	s, err := store.Open(ctx, cfg.db, store.WithKey(key), store.WithPasswordCost(bcrypt.MinCost))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	rep := &benchReport{cfg: cfg, machine: machine()}
	if rep.generated, err = generate(ctx, s, cfg); err != nil {
		return nil, err
	}
	if rep.cases, rep.records, err = s.Totals(ctx); err != nil {
		return nil, err
	}
	fmt.Fprintf(cfg.out, "%d cases, %d history records\n", rep.cases, rep.records)
	w, err := prepareWork(ctx, s, 2*slices.Max(cfg.writers))
	if err != nil {
		return nil, err
	}
	srv, err := startChild(ctx, cfg.exe, cfg.db, cfg.keyFile)
	if err != nil {
		return nil, err
	}
	defer srv.stop()
	if err := w.signIn(ctx, srv.base); err != nil {
		return nil, err
	}
	if err := rep.measure(ctx, s, srv, w); err != nil {
		return nil, err
	}
	rep.peakRSS = srv.peakRSS()
	if rep.size, err = s.Size(ctx); err != nil {
		return nil, err
	}
	if rep.index, err = s.SearchIndexSize(ctx); err != nil {
		return nil, err
	}
	rep.print(cfg.out)
	return rep, nil
}

// generate loads the synthetic province into an empty database and says how
// long it took; zero when the database already held one.
func generate(ctx context.Context, s *store.Store, cfg benchConfig) (time.Duration, error) {
	units, err := s.Units(ctx)
	if err != nil || len(units) > 0 {
		fmt.Fprintln(cfg.out, "database already holds a province: measuring it as it is")
		return 0, err
	}
	fmt.Fprintf(cfg.out, "generating %d cases over %d years in %d province(s) of %d communes…\n", cfg.cases, cfg.years,
		max(cfg.provinces, 1), cfg.communes)
	// The generator allocates fast and keeps little: collect garbage less often.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	start := time.Now()
	_, err = demo.Load(ctx, s, demo.Options{Seed: cfg.seed, Cases: cfg.cases, Years: cfg.years, Communes: cfg.communes,
		Provinces: cfg.provinces, ReceptionYears: cfg.years})
	return time.Since(start), err
}

func benchKey(path string) ([]byte, error) {
	if _, err := os.Stat(path); os.IsNotExist(err) {
		if err := os.WriteFile(path, []byte(store.GenerateKey()+"\n"), 0o600); err != nil {
			return nil, err
		}
	}
	return store.ReadKeyFile(path)
}

// wants reports whether the group is to be measured.
func (cfg benchConfig) wants(group string) bool {
	return cfg.only == "" || slices.Contains(strings.Split(cfg.only, ","), group)
}

// machine describes where the figures were measured.
func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if name, ok := strings.CutPrefix(line, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d cores, %s %s/%s", model, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// benchWork is what the loads act on: who acts, which cases, which words.
type benchWork struct {
	head, supervisor    store.User
	headToken, supTok   string
	countryTok          string         // the national supervisor's, in a country of provinces; "" otherwise
	province            map[int64]bool // the supervisor's units: the other provinces' are not measured
	transitionCases     []int64        // open cases of the agency, acted on by its head
	readCases           []int64        // any cases in the agency's scope
	searches            []string
	today, fiveYearsAgo workflow.Date
	cookie              string // the head's browser session
	rng                 *rand.Rand
}
