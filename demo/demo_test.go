package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"golang.org/x/crypto/bcrypt"

	"petitions/demo"
	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// testNow is the instant every test loads the demo against, so that the data
// set is the same on every run.
var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.FixedZone("ICT", 7*3600))

// mustLoad opens a store on a new database, fixes its clock and loads the demo.
func mustLoad(tb testing.TB) (*store.Store, string) {
	tb.Helper()
	return mustLoadWith(tb, demo.Options{Seed: 2026})
}

// mustLoadWith is mustLoad with other options.
func mustLoadWith(tb testing.TB, opt demo.Options) (*store.Store, string) {
	tb.Helper()
	ctx := context.Background()
	s, dsn := storetest.OpenDSN(tb, store.WithPasswordCost(bcrypt.MinCost))
	s.Now = func() time.Time { return testNow }
	start := time.Now()
	loaded, err := demo.Load(ctx, s, opt)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	if !loaded {
		tb.Fatal("Load on an empty database loaded nothing")
	}
	tb.Logf("demo loaded in %v", time.Since(start).Round(time.Millisecond))
	return s, dsn
}

// mustReadOnly opens a second connection to the store's database, for reading.
func mustReadOnly(tb testing.TB, dsn string) *sqlx.DB {
	tb.Helper()
	return storetest.Raw(tb, dsn)
}

// jsonField is the SQL for a top-level member of a JSON column, as text.
func jsonField(column, key string) string {
	if storetest.Postgres() {
		return "(CAST(" + column + " AS json) ->> '" + key + "')"
	}
	return "CAST(json_extract(" + column + ", '$." + key + "') AS TEXT)"
}

// count runs a COUNT query written with ? placeholders.
func count(tb testing.TB, db *sqlx.DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(db.Rebind(query), args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestDemoCoversEveryKindStateAndStatus(t *testing.T) {
	ctx := context.Background()
	s, path := mustLoad(t)
	db := mustReadOnly(t, path)
	today := s.Today()

	t.Run("HasTheCasesAskedFor", func(t *testing.T) {
		if n := count(t, db, `SELECT COUNT(*) FROM cases`); n != demo.DefaultCases {
			t.Errorf("cases = %d, want %d", n, demo.DefaultCases)
		}
		from := today.AddDays(-548).String()
		if n := count(t, db, `SELECT COUNT(*) FROM cases WHERE received_on < ? OR received_on > ?`, from, today.String()); n != 0 {
			t.Errorf("%d cases received outside the last 18 months", n)
		}
	})

	t.Run("EveryKind", func(t *testing.T) {
		byKind := map[workflow.Kind]int{}
		for _, k := range workflow.Kinds {
			if byKind[k] = count(t, db, `SELECT COUNT(*) FROM cases WHERE kind = ?`, k); byKind[k] == 0 {
				t.Errorf("no %s", k)
			}
		}
		t.Logf("cases by kind: %v; round-2 complaints %d", byKind, count(t, db, `SELECT COUNT(*) FROM cases WHERE round = 2`))
		if n := count(t, db, `SELECT COUNT(*) FROM cases WHERE kind = 'complaint' AND round = 1`); n == 0 {
			t.Error("no round-1 complaint")
		}
		n := count(t, db, `SELECT COUNT(*) FROM cases c JOIN cases p ON p.id = c.prior_case_id
			WHERE c.kind = 'complaint' AND c.round = 2 AND p.kind = 'complaint' AND p.round = 1
			AND p.received_on <= c.received_on AND c.matter_started_on = p.matter_started_on`)
		if n == 0 || n != count(t, db, `SELECT COUNT(*) FROM cases WHERE round = 2`) {
			t.Errorf("round-2 complaints linked to their round-1 case: %d", n)
		}
	})

	t.Run("EveryState", func(t *testing.T) {
		byState := map[workflow.State]int{}
		for _, st := range workflow.States {
			if byState[st] = count(t, db, `SELECT COUNT(*) FROM cases WHERE state = ?`, st); byState[st] == 0 {
				t.Errorf("no case in state %s", st)
			}
		}
		t.Logf("cases by state: %v", byState)
	})

	t.Run("EveryStatusAmongOpenCases", func(t *testing.T) {
		statuses, prolonged := openStatuses(t, s, db, today)
		for _, st := range []workflow.Status{workflow.OnTrack, workflow.DueSoon, workflow.Overdue, workflow.VeryOverdue} {
			if statuses[st] == 0 {
				t.Errorf("no open case %s (%v)", st, statuses)
			}
		}
		if prolonged == 0 {
			t.Error("no prolonged case")
		}
		t.Logf("open cases by status: %v; prolonged %d", statuses, prolonged)
	})

	t.Run("FeaturedRules", func(t *testing.T) { checkFeatured(t, db) })
	t.Run("DisclosuresNameNoOne", func(t *testing.T) { checkDisclosures(t, s) })
	t.Run("ActsDatedInOrderAndNeverAfterToday", func(t *testing.T) {
		if n := count(t, db, `SELECT COUNT(*) FROM history WHERE on_date > ?`, today.String()); n != 0 {
			t.Errorf("%d acts dated after today", n)
		}
		if n := count(t, db, `SELECT COUNT(*) FROM history h JOIN history p ON p.case_id = h.case_id AND p.seq = h.seq - 1
			WHERE h.on_date < p.on_date`); n != 0 {
			t.Errorf("%d acts dated before the act they follow", n)
		}
	})

	// Issue 15's fields: the resolutions' results the reports count, and the
	// denouncer notified, whose name the record keeps sealed.
	t.Run("ResultsAndSealedRecipients", func(t *testing.T) {
		if n := count(t, db, `SELECT COUNT(*) FROM history WHERE event = 'resolve' AND payload LIKE '%recover_money%'`); n == 0 {
			t.Error("no resolution recovers anything")
		}
		if n := count(t, db, `SELECT COUNT(*) FROM history WHERE event = 'resolve' AND payload LIKE '%sanction_persons%'`); n == 0 {
			t.Error("no resolution proposes a sanction")
		}
		sealed := count(t, db, `SELECT COUNT(*) FROM history WHERE event = 'notify' AND payload LIKE '%identity_sealed%'`)
		clear := count(t, db, `SELECT COUNT(*) FROM history WHERE payload LIKE '%"recipient":%'`)
		if sealed == 0 || clear != 0 {
			t.Errorf("notices with a sealed recipient %d, with one in clear %d", sealed, clear)
		}
	})

	// Issue 16: two years of reception, crowds, letters registered from a
	// visit, a day on the public schedule per office, and heads on both sides
	// of the legal minimum.
	t.Run("Reception", func(t *testing.T) {
		for what, q := range map[string]string{
			"sessions held":                         `SELECT COUNT(*) FROM reception_sessions WHERE state = 'held'`,
			"sessions held by a deputy":             `SELECT COUNT(*) FROM reception_sessions WHERE host = 'deputy'`,
			"crowds":                                `SELECT COUNT(*) FROM reception_visits WHERE people >= 5`,
			"visits that became a letter":           `SELECT COUNT(*) FROM reception_visits WHERE outcome = 'registered' AND case_id IS NOT NULL`,
			"refusals":                              `SELECT COUNT(*) FROM reception_visits WHERE outcome = 'refused'`,
			"days on the public schedule":           `SELECT COUNT(*) FROM reception_sessions WHERE state = 'scheduled'`,
			"sessions two years back":               `SELECT COUNT(*) FROM reception_sessions WHERE held_on < '` + today.AddDays(-600).String() + `'`,
			"visits at the desk":                    `SELECT COUNT(*) FROM reception_visits WHERE session_id IS NULL`,
			"people who came again":                 `SELECT COUNT(*) FROM reception_visits WHERE repeat`,
			"conclusions signed days after the day": `SELECT COUNT(*) FROM reception_sessions WHERE concluded_on > held_on`,
			"tasks done in time":                    `SELECT COUNT(*) FROM reception_tasks WHERE done_on <= due_on`,
			"tasks done late":                       `SELECT COUNT(*) FROM reception_tasks WHERE done_on > due_on`,
			"tasks still open":                      `SELECT COUNT(*) FROM reception_tasks WHERE done_on IS NULL`,
			"tasks on a case":                       `SELECT COUNT(*) FROM reception_tasks WHERE case_id IS NOT NULL`,
		} {
			if n := count(t, db, q); n == 0 {
				t.Errorf("no %s", what)
			}
		}
		all, err := s.Units(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, u := range all {
			ids = append(ids, u.ID)
		}
		heads, err := s.ReceptionCompliance(ctx, ids, today.AddDays(-today.Time().Day()))
		if err != nil {
			t.Fatal(err)
		}
		meets, fails := 0, 0
		for _, h := range heads {
			if h.Month.Meets {
				meets++
			} else {
				fails++
			}
		}
		if meets == 0 || fails == 0 {
			t.Errorf("last month, %d heads met the minimum and %d did not; want some of each", meets, fails)
		}
	})

	t.Run("DemoLogins", func(t *testing.T) {
		for _, want := range []struct {
			login string
			role  workflow.Role
		}{{"reception", workflow.RoleReception}, {"handler", workflow.RoleHandler}, {"head", workflow.RoleHead},
			{"supervisor", workflow.RoleSupervisor}, {"admin", workflow.RoleAdmin}} {
			u, err := s.Authenticate(ctx, want.login, demo.Password)
			if err != nil {
				t.Errorf("%s cannot sign in: %v", want.login, err)
				continue
			}
			if u.Role != want.role || u.UnitCode != "KH-UBND" {
				t.Errorf("%s: role %s in %s, want %s in KH-UBND", want.login, u.Role, u.UnitCode, want.role)
			}
		}
		if _, err := s.Authenticate(ctx, "chutich.nhatrang", demo.Password); err != nil {
			t.Errorf("commune chair cannot sign in: %v", err)
		}
		queue := count(t, db, `SELECT COUNT(*) FROM cases c JOIN users u ON u.id = c.assignee_id
			WHERE u.login = 'handler' AND c.state IN ('assigned', 'in_resolution', 'suspended')`)
		if queue < 10 {
			t.Errorf("the demo handler's queue holds %d open cases", queue)
		}
	})

	t.Run("LoadsOnlyOnce", func(t *testing.T) {
		before := count(t, db, `SELECT COUNT(*) FROM cases`)
		loaded, err := demo.Load(ctx, s, demo.Options{Seed: 7})
		if err != nil || loaded {
			t.Fatalf("second Load = %v, %v; want false, nil", loaded, err)
		}
		if after := count(t, db, `SELECT COUNT(*) FROM cases`); after != before {
			t.Errorf("cases %d → %d after a second Load", before, after)
		}
	})
}

// openStatuses tallies the open cases by status as of today, and the prolonged ones.
func openStatuses(t *testing.T, s *store.Store, db *sqlx.DB, today workflow.Date) (map[workflow.Status]int, int) {
	t.Helper()
	rows, err := db.Query(`SELECT id FROM cases WHERE state IN ('received', 'assigned', 'in_resolution', 'suspended')`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	statuses, prolonged := map[workflow.Status]int{}, 0
	for _, id := range ids {
		c, err := s.Case(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		statuses[c.StatusOn(s.Calendar(), today)]++
		if workflow.ProlongedOn(c.State, c.MatterStartedOn, today) {
			prolonged++
		}
	}
	return statuses, prolonged
}

// checkFeatured finds the cases a visitor is promised.
func checkFeatured(t *testing.T, db *sqlx.DB) {
	checks := []struct{ name, query string }{
		{"anonymous denunciation filed with TC-NP-07", `SELECT COUNT(*) FROM cases c JOIN history h ON h.case_id = c.id
			WHERE c.kind = 'denunciation' AND c.anonymous = TRUE AND c.state = 'filed' AND h.event = 'file'
			AND ` + jsonField("h.payload", "reason_code") + ` = 'TC-NP-07'`},
		{"complex denunciation extended once", `SELECT COUNT(*) FROM cases c WHERE c.kind = 'denunciation'
			AND c.complexity = 'complex' AND (SELECT COUNT(*) FROM history h WHERE h.case_id = c.id AND h.event = 'extend'
			AND ` + jsonField("h.payload", "clock") + ` = 'resolution') = 1`},
		{"complaint suspended and resumed after 01/07/2026", `SELECT COUNT(*) FROM cases c WHERE c.kind = 'complaint'
			AND EXISTS (SELECT 1 FROM history h WHERE h.case_id = c.id AND h.event = 'suspend' AND h.on_date >= '2026-07-01')
			AND EXISTS (SELECT 1 FROM history h WHERE h.case_id = c.id AND h.event = 'resume' AND h.on_date >= '2026-07-01')`},
		{"round-2 complaint with a dialogue", `SELECT COUNT(*) FROM cases c JOIN history h ON h.case_id = c.id
			WHERE c.round = 2 AND h.event = 'record_dialogue'`},
		{"disclosures with public text", `SELECT COUNT(*) FROM cases WHERE disclosed_on IS NOT NULL
			AND length(` + jsonField("facts", "disclosure_text") + `) > 80`},
		{"transfer of a denunciation outside competence", `SELECT COUNT(*) FROM cases c JOIN history h ON h.case_id = c.id
			WHERE c.kind = 'denunciation' AND c.state = 'transferred' AND h.event = 'classify'
			AND ` + jsonField("h.payload", "competent") + ` IN ('0', 'false')`},
		{"group letter", `SELECT COUNT(*) FROM cases WHERE signatories >= 5`},
		{"received date corrected, deadlines counted again", `SELECT COUNT(*) FROM history h WHERE h.event = 'correct'
			AND ` + jsonField("h.payload", "recounted") + ` IS NOT NULL`},
		{"remote commune's case", `SELECT COUNT(*) FROM cases WHERE remote_area = TRUE`},
	}
	for _, c := range checks {
		if n := count(t, db, c.query); n == 0 {
			t.Errorf("no %s", c.name)
		}
	}
}

// checkDisclosures reads every published text against its petitioner, as the
// officer who registered the letter (who may see who sent it).
func checkDisclosures(t *testing.T, s *store.Store) {
	ctx := context.Background()
	page, err := s.Disclosures(ctx, store.DisclosureFilter{Limit: store.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	ds := page.Items
	if len(ds) < 5 {
		t.Fatalf("only %d disclosures", len(ds))
	}
	for _, d := range ds {
		c, err := s.CaseByTrackingCode(ctx, d.TrackingCode)
		if err != nil {
			t.Fatal(err)
		}
		var registrar store.User
		for _, login := range []string{"reception", "tiepdan.nhatrang", "tiepdan.camlam", "tiepdan.khanhson",
			"tiepdan.truongsa", "tiepdan.phanrang"} {
			if u, err := s.UserByLogin(ctx, login); err == nil && u.ID == c.RegisteredBy {
				registrar = u
			}
		}
		v, err := s.Viewer(ctx, registrar)
		if err != nil {
			t.Fatal(err)
		}
		p, ok, err := s.Petitioner(ctx, v, c, "demo test: disclosure check")
		if err != nil || !ok {
			t.Fatalf("petitioner of %s: %v, %v", d.TrackingCode, ok, err)
		}
		if kinds := workflow.IdentityIn(d.Text, p.Personal()); kinds != nil {
			t.Errorf("disclosure %s reveals its petitioner's %q: %s", d.TrackingCode, kinds, d.Text)
		}
	}
}
