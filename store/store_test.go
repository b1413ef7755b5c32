package store_test

// Store tests run against a real database (STYLE.md): a SQLite file in a temp
// dir, or a fresh PostgreSQL database when PETITIONS_TEST_POSTGRES is set
// (package storetest), with "now" fixed to Wednesday 25 November 2026, 10:00 in Vietnam. Acts are dated
// with Input.On, so a test can lay out months of a case's life in one go.

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

var ict = time.FixedZone("ICT", 7*3600)

// fixedNow is the store's "now" in every store test.
var fixedNow = time.Date(2026, 11, 25, 10, 0, 0, 0, ict)

// MustOpenStore opens a fresh store on a new database, with Now fixed
// to 2026-11-25 10:00 +07:00; it is closed when the test ends.
func MustOpenStore(tb testing.TB) *store.Store {
	tb.Helper()
	s, _ := mustOpenStoreAt(tb)
	return s
}

// mustOpenStoreAt is MustOpenStore that also tells the database's DSN, for
// tests that look at the database behind the store's back.
func mustOpenStoreAt(tb testing.TB) (*store.Store, string) {
	tb.Helper()
	s, dsn := storetest.OpenDSN(tb)
	s.Now = func() time.Time { return fixedNow }
	return s, dsn
}

// fixtureUnits: a province, its People's Committee (the agency) and a commune below the agency.
var fixtureUnits = [][4]string{
	{"KH", "Tỉnh Khánh Hòa", "province", ""},
	{"KH-UBND", "UBND tỉnh Khánh Hòa", "agency", "KH"},
	{"KH-NT", "UBND phường Nha Trang", "commune", "KH-UBND"},
}

// fixtureUsers: every role in the agency, a supervisor and a head at the
// province above it, and a reception officer, handler and head in the commune.
var fixtureUsers = [][4]string{
	{"reception", "Lê Thị Tiếp", "reception", "KH-UBND"},
	{"reception2", "Ngô Văn Nhận", "reception", "KH-UBND"},
	{"handler", "Phạm Văn Xử", "handler", "KH-UBND"},
	{"handler2", "Đỗ Thị Hai", "handler", "KH-UBND"},
	{"head", "Nguyễn Văn Trưởng", "head", "KH-UBND"},
	{"admin", "Hoàng Quản", "admin", "KH-UBND"},
	{"supervisor", "Trần Thị Giám", "supervisor", "KH"},
	{"head.kh", "Lý Văn Tỉnh", "head", "KH"},
	{"reception.nt", "Vũ Tiếp Nha Trang", "reception", "KH-NT"},
	{"handler.nt", "Bùi Xử Nha Trang", "handler", "KH-NT"},
	{"head.nt", "Mai Trưởng Nha Trang", "head", "KH-NT"},
}

// world is a store with the fixture's units and users. Users are created on
// first use (bcrypt makes each one cost a noticeable fraction of a second).
type world struct {
	tb    testing.TB
	ctx   context.Context
	s     *store.Store
	dsn   string
	users map[string]store.User
}

func mustWorld(tb testing.TB) *world {
	tb.Helper()
	s, dsn := mustOpenStoreAt(tb)
	w := &world{tb: tb, ctx: context.Background(), s: s, dsn: dsn, users: map[string]store.User{}}
	for _, u := range fixtureUnits {
		if _, err := s.CreateUnit(w.ctx, u[0], u[1], u[2], u[3]); err != nil {
			tb.Fatalf("create unit %s: %v", u[0], err)
		}
	}
	return w
}

// user returns the fixture's user with that login, creating it on first use.
func (w *world) user(login string) store.User {
	w.tb.Helper()
	if u, ok := w.users[login]; ok {
		return u
	}
	for _, u := range fixtureUsers {
		if u[0] != login {
			continue
		}
		usr, err := w.s.CreateUser(w.ctx, u[0], u[1], workflow.Role(u[2]), u[3], "demo")
		if err != nil {
			w.tb.Fatalf("create user %s: %v", login, err)
		}
		w.users[login] = usr
		return usr
	}
	w.tb.Fatalf("no user %q in the fixture", login)
	return store.User{}
}

func (w *world) viewer(login string) workflow.Viewer {
	w.tb.Helper()
	v, err := w.s.Viewer(w.ctx, w.user(login))
	if err != nil {
		w.tb.Fatalf("viewer %s: %v", login, err)
	}
	return v
}

func (w *world) unitID(code string) int64 {
	w.tb.Helper()
	u, err := w.s.UnitByCode(w.ctx, code)
	if err != nil {
		w.tb.Fatalf("unit %s: %v", code, err)
	}
	return u.ID
}

// register creates a case as login.
func (w *world) register(login string, nc store.NewCase) store.Case {
	w.tb.Helper()
	c, err := w.s.CreateCase(w.ctx, w.user(login), nc)
	if err != nil {
		w.tb.Fatalf("register %s as %s: %v", nc.Intake.Kind, login, err)
	}
	return c
}

// act fires an event as login with the case's current version.
func (w *world) act(login string, c store.Case, in workflow.Input) store.Case {
	w.tb.Helper()
	if in.Assignee != "" {
		w.user(in.Assignee)
	}
	n, _, err := w.s.ApplyEvent(w.ctx, w.user(login), workflow.Viewer{}, c, c.Version, in, "")
	if err != nil {
		w.tb.Fatalf("%s on case %d as %s: %v", in.Event, c.ID, login, err)
	}
	return n
}

// acts fires the steps on the case as the head, an assign naming the handler.
func (w *world) acts(c store.Case, steps ...workflow.Input) store.Case {
	w.tb.Helper()
	for _, in := range steps {
		if in.Event == workflow.EvAssign {
			in.Assignee = "handler"
		}
		c = w.act("head", c, in)
	}
	return c
}

func (w *world) history(caseID int64) []store.HistoryRecord {
	w.tb.Helper()
	hs, err := w.s.History(w.ctx, caseID)
	if err != nil {
		w.tb.Fatal(err)
	}
	return hs
}

func (w *world) reload(c store.Case) store.Case {
	w.tb.Helper()
	n, err := w.s.Case(w.ctx, c.ID)
	if err != nil {
		w.tb.Fatal(err)
	}
	return n
}

// letter is a letter as reception enters it, from a complainant who is no secret.
func letter(kind workflow.Kind, round int, received string) store.NewCase {
	return store.NewCase{
		Intake:     workflow.Intake{Kind: kind, Round: round, Channel: "walk_in", ReceivedOn: workflow.MustDate(received)},
		Subject:    "Đề nghị xem xét quyết định thu hồi đất",
		Content:    "Gia đình tôi không đồng ý với mức bồi thường.",
		Petitioner: store.Petitioner{Name: "Nguyễn Văn An", IDNumber: "056078001234", Phone: "0905000111", Address: "5 Trần Phú, Nha Trang"},
	}
}

func ev(e workflow.Event, on string) workflow.Input {
	return workflow.Input{Event: e, On: workflow.MustDate(on)}
}

// clockLines describes the running clocks as "name start+Nwd=due" (or cd), sorted.
func clockLines(c workflow.Case) []string {
	var out []string
	for _, k := range c.RunningClocks() {
		unit := "cd"
		if k.Unit == workflow.WorkingDays {
			unit = "wd"
		}
		out = append(out, fmt.Sprintf("%s %s+%d%s=%s", k.Name, k.StartedOn, k.Days, unit, k.DueOn))
	}
	sort.Strings(out)
	return out
}

func wantClocks(tb testing.TB, c store.Case, want ...string) {
	tb.Helper()
	sort.Strings(want)
	if got := clockLines(c.Case); !slices.Equal(got, want) {
		tb.Errorf("case %d running clocks:\n got  %q\n want %q", c.ID, got, want)
	}
}

func wantCode(tb testing.TB, err error, code workflow.Code) {
	tb.Helper()
	if got := workflow.ErrorCode(err); got != code {
		tb.Fatalf("error code %q (%v), want %q", got, err, code)
	}
}

func TestCreateCase(t *testing.T) {
	w := mustWorld(t)

	t.Run("ComplaintFromJuly2026StartsProcessingAndSevenWorkingDayAcceptance", func(t *testing.T) {
		c := w.register("reception", letter(workflow.Complaint, 1, "2026-07-01"))
		if c.State != workflow.Received || c.Version != 1 || c.Round != 1 {
			t.Fatalf("state %s version %d round %d, want received 1 1", c.State, c.Version, c.Round)
		}
		// Wed 01/07: 7 WD → Fri 10/07; 10 WD → Wed 15/07 (weekends 04–05 and 11–12 skipped).
		wantClocks(t, c, "acceptance 2026-07-01+7wd=2026-07-10", "processing 2026-07-01+10wd=2026-07-15")
		for _, k := range c.Clocks {
			if k.Name == workflow.ClockAcceptance && !strings.Contains(k.Basis, "155/2026") {
				t.Errorf("acceptance basis %q, want the amendment ND 155/2026 named", k.Basis)
			}
		}
	})
	t.Run("ComplaintReceivedBeforeJuly2026KeepsTenWorkingDays", func(t *testing.T) {
		c := w.register("reception", letter(workflow.Complaint, 1, "2026-06-30"))
		// Tue 30/06: 10 WD → Tue 14/07.
		wantClocks(t, c, "acceptance 2026-06-30+10wd=2026-07-14", "processing 2026-06-30+10wd=2026-07-14")
	})
	t.Run("DenunciationStartsProcessingAndAcceptance", func(t *testing.T) {
		c := w.register("reception", letter(workflow.Denunciation, 0, "2026-11-25"))
		// Wed 25/11: 7 WD → Fri 04/12; 10 WD → Wed 09/12.
		wantClocks(t, c, "acceptance 2026-11-25+7wd=2026-12-04", "processing 2026-11-25+10wd=2026-12-09")
	})
	t.Run("PetitionStartsOnlyProcessing", func(t *testing.T) {
		c := w.register("reception", letter(workflow.Petition, 0, "2026-11-25"))
		wantClocks(t, c, "processing 2026-11-25+10wd=2026-12-09")
	})
	t.Run("ReceiptIsHistorySeq1", func(t *testing.T) {
		c := w.register("reception", letter(workflow.Complaint, 1, "2026-11-20"))
		hs := w.history(c.ID)
		if len(hs) != 1 {
			t.Fatalf("%d history records, want 1", len(hs))
		}
		h := hs[0]
		if h.Seq != 1 || h.Event != "receive" || h.FromState != "" || h.ToState != "received" ||
			h.On.String() != "2026-11-20" || h.Actor != "reception" {
			t.Errorf("first record %+v, want seq 1 receive →received on 2026-11-20 by reception", h)
		}
		if at, err := time.Parse(time.RFC3339Nano, h.At); err != nil || !at.Equal(fixedNow) {
			t.Errorf("at %q, want the store's now %s", h.At, fixedNow.UTC().Format(time.RFC3339))
		}
	})
	t.Run("RoundTwoInheritsTheMatterStartOfRoundOne", func(t *testing.T) {
		r1 := w.register("reception.nt", letter(workflow.Complaint, 1, "2026-03-02"))
		nc := letter(workflow.Complaint, 2, "2026-11-24")
		nc.PriorCaseID = r1.ID
		// The head of the agency above the commune reads its cases (the agency's reception does not);
		// round 1 was never accepted, and its deadline ran out long ago (LKN 33).
		r2 := w.register("head", nc)
		if r2.PriorCaseID != r1.ID || r2.MatterStartedOn.String() != "2026-03-02" || r2.ReceivedOn.String() != "2026-11-24" {
			t.Errorf("round 2: prior %d matter %s received %s; want prior %d, matter 2026-03-02, received 2026-11-24",
				r2.PriorCaseID, r2.MatterStartedOn, r2.ReceivedOn, r1.ID)
		}
	})
	t.Run("RefusesAFutureReceiptAndAnUnknownPriorCase", func(t *testing.T) {
		_, err := w.s.CreateCase(w.ctx, w.user("reception"), letter(workflow.Complaint, 1, "2026-11-26"))
		wantCode(t, err, workflow.CodeInvalid)
		nc := letter(workflow.Complaint, 2, "2026-11-25")
		nc.PriorCaseID = 999999
		_, err = w.s.CreateCase(w.ctx, w.user("reception"), nc)
		wantCode(t, err, workflow.CodePriorUnknown)
	})
}

func TestApplyEvent(t *testing.T) {
	w := mustWorld(t)

	t.Run("StaleVersionIsAConflictAndWritesNothing", func(t *testing.T) {
		c := w.register("reception", letter(workflow.Complaint, 1, "2026-11-20"))
		in := ev(workflow.EvAssign, "2026-11-23")
		in.Assignee = "handler"
		c2 := w.act("head", c, in)
		if c2.Version != 2 || c2.State != workflow.Assigned || c2.Assignee != "handler" {
			t.Fatalf("after assign: version %d state %s assignee %q", c2.Version, c2.State, c2.Assignee)
		}
		note := ev(workflow.EvNote, "2026-11-24")
		note.Note = "Đã gọi điện cho công dân"
		_, _, err := w.s.ApplyEvent(w.ctx, w.user("head"), workflow.Viewer{}, c, 1, note, "") // version 1 is stale
		wantCode(t, err, workflow.CodeConflict)
		if n := len(w.history(c.ID)); n != 2 {
			t.Errorf("%d history records after the conflict, want 2", n)
		}
		if got := w.reload(c); got.Version != 2 || got.LastEventOn.String() != "2026-11-23" {
			t.Errorf("after the conflict: version %d last event %s, want 2 and 2026-11-23", got.Version, got.LastEventOn)
		}
	})

	t.Run("RefusedRoundTwoResolutionWithoutDialogueWritesNothing", func(t *testing.T) {
		c := w.register("reception", letter(workflow.Complaint, 2, "2026-11-02"))
		in := ev(workflow.EvAssign, "2026-11-03")
		in.Assignee = "handler"
		c = w.act("head", c, in)
		c = w.act("head", c, ev(workflow.EvAccept, "2026-11-04"))
		// Round 2: 45 cd from Wed 04/11 → Sat 19/12, moved to Mon 21/12.
		wantClocks(t, c, "resolution 2026-11-04+45cd=2026-12-21")
		before := w.history(c.ID)

		res := ev(workflow.EvResolve, "2026-11-20")
		res.Outcome, res.Summary = workflow.Correct, "Khiếu nại đúng"
		_, _, err := w.s.ApplyEvent(w.ctx, w.user("head"), workflow.Viewer{}, c, c.Version, res, "")
		wantCode(t, err, workflow.CodeDialogueRequired)

		after := w.reload(c)
		if after.Version != c.Version || after.State != workflow.InResolution || !after.ResolvedOn.IsZero() || after.Outcome != "" {
			t.Errorf("after the refusal: version %d state %s resolved %s outcome %q; want version %d in_resolution, not resolved",
				after.Version, after.State, after.ResolvedOn, after.Outcome, c.Version)
		}
		wantClocks(t, after, "resolution 2026-11-04+45cd=2026-12-21")
		if hs := w.history(c.ID); len(hs) != len(before) {
			t.Errorf("%d history records after the refusal, want %d", len(hs), len(before))
		}
	})

	t.Run("ActsMayNotPrecedeTheLastActNorFollowToday", func(t *testing.T) {
		c := w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
		for _, on := range []string{"2026-11-19", "2026-11-26"} {
			in := ev(workflow.EvNote, on)
			in.Note = "ghi chú"
			_, _, err := w.s.ApplyEvent(w.ctx, w.user("reception"), workflow.Viewer{}, c, c.Version, in, "")
			wantCode(t, err, workflow.CodeInvalid)
		}
		if n := len(w.history(c.ID)); n != 1 {
			t.Errorf("%d history records, want 1", n)
		}
	})
}

func TestHistoryIsAppendOnly(t *testing.T) {
	w := mustWorld(t)
	c := w.register("reception", letter(workflow.Complaint, 1, "2026-11-20"))
	in := ev(workflow.EvAssign, "2026-11-23")
	in.Assignee = "handler"
	w.act("head", c, in)

	db := storetest.Raw(t, w.dsn)
	for name, stmt := range map[string]string{
		"UpdateFails": `UPDATE history SET event = 'reject', to_state = 'rejected' WHERE case_id = ?`,
		"DeleteFails": `DELETE FROM history WHERE case_id = ?`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := db.Exec(db.Rebind(stmt), c.ID); err == nil {
				t.Fatalf("%s on history succeeded; history must be append-only", stmt)
			}
		})
	}
	var events []string
	for _, h := range w.history(c.ID) {
		events = append(events, h.Event)
	}
	if !slices.Equal(events, []string{"receive", "assign"}) {
		t.Errorf("history now %q, want [receive assign] untouched", events)
	}
}

func TestSecretsAreStoredHashed(t *testing.T) {
	w := mustWorld(t)
	u := w.user("head")

	t.Run("ApiTokens", func(t *testing.T) {
		token, err := w.s.CreateToken(w.ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := w.s.UserByToken(w.ctx, token); err != nil || got.ID != u.ID {
			t.Fatalf("UserByToken(token) = %v, %v; want the head", got.Login, err)
		}
		db := storetest.Raw(t, w.dsn)
		var stored []string
		rows, err := db.Query(`SELECT token_hash || '|' || created_at || '|' || COALESCE(expires_at, '') FROM api_tokens`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			stored = append(stored, s)
		}
		rows.Close()
		if len(stored) != 1 {
			t.Fatalf("%d token rows, want 1", len(stored))
		}
		if strings.Contains(stored[0], token) {
			t.Errorf("api_tokens holds the raw token")
		}
		hash, _, _ := strings.Cut(stored[0], "|")
		if _, err := w.s.UserByToken(w.ctx, hash); workflow.ErrorCode(err) != workflow.CodeUnauthorized {
			t.Errorf("the stored hash itself works as a token (err %v)", err)
		}
		if _, err := w.s.UserByToken(w.ctx, token+"x"); workflow.ErrorCode(err) != workflow.CodeUnauthorized {
			t.Errorf("a wrong token: err %v, want unauthorized", err)
		}
		assertNotStored(t, w.dsn, token)
	})

	t.Run("BrowserSessions", func(t *testing.T) {
		id, err := w.s.CreateSession(w.ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if sess, err := w.s.SessionByID(w.ctx, id); err != nil || sess.User.ID != u.ID {
			t.Fatalf("SessionByID = %v; want the head's session", err)
		}
		assertNotStored(t, w.dsn, id)
	})
}

// assertNotStored fails if a secret appears in clear in the database. A
// SQLite database is read as files (main file, WAL, and whatever else is in
// its directory); a PostgreSQL database, whose files belong to the server, as
// the text of every row of every table.
func assertNotStored(tb testing.TB, dsn string, secrets ...string) {
	tb.Helper()
	if !store.IsPostgresDSN(dsn) {
		dir := filepath.Dir(dsn)
		entries, err := os.ReadDir(dir)
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				tb.Fatal(err)
			}
			for _, secret := range secrets {
				if bytes.Contains(b, []byte(secret)) {
					tb.Errorf("%s holds the secret %q in clear", e.Name(), secret)
				}
			}
		}
		return
	}
	db := storetest.Raw(tb, dsn)
	var tables []string
	if err := db.Select(&tables, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`); err != nil || len(tables) == 0 {
		tb.Fatalf("list tables: %v (%d tables)", err, len(tables))
	}
	for _, table := range tables {
		var rows []string
		if err := db.Select(&rows, `SELECT CAST(t AS TEXT) FROM "`+table+`" t`); err != nil {
			tb.Fatalf("read table %s: %v", table, err)
		}
		for _, row := range rows {
			for _, secret := range secrets {
				if strings.Contains(row, secret) {
					tb.Errorf("table %s holds the secret %q in clear", table, secret)
				}
			}
		}
	}
}

func TestPetitionerOfADenunciation(t *testing.T) {
	w := mustWorld(t)
	secret := store.Petitioner{Name: "Trần Thị Bí Mật", IDNumber: "079123456789", Phone: "0905123456", Address: "12 Lê Lợi, Nha Trang"}
	nc := letter(workflow.Denunciation, 0, "2026-11-16")
	nc.Petitioner = secret
	nc.Subject = "Tố cáo cán bộ địa chính nhận tiền"
	d := w.register("reception", nc)
	in := ev(workflow.EvAssign, "2026-11-17")
	in.Assignee = "handler"
	d = w.act("head", d, in)

	ncNT := nc
	ncNT.Intake.ReceivedOn = workflow.MustDate("2026-11-18")
	dNT := w.register("reception.nt", ncNT)

	reads := func(c store.Case) int {
		t.Helper()
		n, err := w.s.IdentityReads(w.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	cases := []struct {
		name  string
		login string
		c     store.Case
		sees  bool
	}{
		{"HeadOfTheResolvingUnitSeesIt", "head", d, true},
		{"RegisteringOfficerSeesIt", "reception", d, true},
		{"CommuneHeadSeesTheCommunesCase", "head.nt", dNT, true},
		{"CommuneRegistrarSeesTheCommunesCase", "reception.nt", dNT, true},
		{"AssignedHandlerDoesNot", "handler", d, false},
		{"OtherHandlerDoesNot", "handler2", d, false},
		{"OtherReceptionOfficerOfTheUnitDoesNot", "reception2", d, false},
		{"SupervisorDoesNot", "supervisor", d, false},
		{"AdminDoesNot", "admin", d, false},
		{"HeadOfTheParentUnitDoesNot", "head.kh", d, false},
		{"HeadOfTheAgencyAboveTheCommuneDoesNot", "head", dNT, false},
		{"CommuneHeadCannotReachTheAgencysCase", "head.nt", d, false},
		{"OtherUnitsReceptionDoesNot", "reception.nt", d, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := reads(tc.c)
			p, ok, err := w.s.Petitioner(w.ctx, w.viewer(tc.login), tc.c, "test")
			if err != nil {
				t.Fatal(err)
			}
			if ok != tc.sees {
				t.Fatalf("%s sees the denouncer: %v, want %v", tc.login, ok, tc.sees)
			}
			want, wantReads := store.Petitioner{}, before
			if tc.sees {
				want, wantReads = secret, before+1
			}
			if p != want {
				t.Errorf("petitioner %+v, want %+v", p, want)
			}
			if got := reads(tc.c); got != wantReads {
				t.Errorf("identity reads %d → %d, want %d (every allowed read recorded, no other)", before, got, wantReads)
			}
		})
	}

	t.Run("ComplainantIsNoSecretToTheHandler", func(t *testing.T) {
		c := w.register("reception", letter(workflow.Complaint, 1, "2026-11-20"))
		in := ev(workflow.EvAssign, "2026-11-23")
		in.Assignee = "handler"
		c = w.act("head", c, in)
		p, ok, err := w.s.Petitioner(w.ctx, w.viewer("handler"), c, "test")
		if err != nil || !ok || p.Name != "Nguyễn Văn An" {
			t.Errorf("handler on an assigned complaint: %+v %v %v; want the complainant", p, ok, err)
		}
	})
}

// listWorld lays out the cases of TestListCases; today is Wed 25/11/2026.
type listWorld struct {
	*world
	D, C, F, B, A1, A2, E, G store.Case
}

func mustListWorld(t *testing.T) *listWorld {
	w := &listWorld{world: mustWorld(t)}
	// Earliest due dates (hand-counted, see each line):
	w.D = w.register("reception", letter(workflow.Complaint, 1, "2026-09-01"))    // acceptance 7 WD → 11/09 (1–2/09 holidays): very overdue
	w.C = w.register("reception", letter(workflow.Complaint, 1, "2026-11-02"))    // → 11/11: overdue
	w.F = w.register("reception", letter(workflow.Denunciation, 0, "2026-11-10")) // → 19/11: overdue
	w.B = w.register("reception", letter(workflow.Complaint, 1, "2026-11-18"))    // → 27/11: due soon (2 WD left)
	w.A1 = w.register("reception", letter(workflow.Complaint, 1, "2026-11-25"))   // → 04/12: on track
	w.A2 = w.register("reception", letter(workflow.Complaint, 1, "2026-11-25"))   // → 04/12: on track (tie, by id)
	w.E = w.register("reception", letter(workflow.Petition, 0, "2026-11-25"))     // processing 10 WD → 09/12
	w.G = w.register("reception.nt", letter(workflow.Petition, 0, "2026-11-24"))  // commune; → 08/12
	assign := func(c store.Case, to string) store.Case {
		in := ev(workflow.EvAssign, "2026-11-25")
		in.Assignee = to
		return w.act("head", c, in)
	}
	w.A1 = assign(w.A1, "handler")
	w.C = assign(w.C, "handler2")
	return w
}

func (w *listWorld) name(id int64) string {
	for n, c := range map[string]store.Case{"D": w.D, "C": w.C, "F": w.F, "B": w.B, "A1": w.A1, "A2": w.A2, "E": w.E, "G": w.G} {
		if c.ID == id {
			return n
		}
	}
	return fmt.Sprint(id)
}

// list returns the names of every case the viewer's list shows, page by page.
func (w *listWorld) list(t *testing.T, login string, f store.CaseFilter) []string {
	t.Helper()
	var names []string
	seen := map[string]bool{}
	for page := 0; ; page++ {
		if page > 50 {
			t.Fatal("paging does not end")
		}
		items, next, err := w.s.ListCases(w.ctx, w.viewer(login), f)
		if err != nil {
			t.Fatalf("list as %s: %v", login, err)
		}
		for i, c := range items {
			n := w.name(c.ID)
			if seen[n] {
				t.Fatalf("case %s listed twice", n)
			}
			seen[n] = true
			names = append(names, n)
			if i > 0 && (f.Sort == "" || f.Sort == store.SortDue) && c.EarliestDue().Before(items[i-1].EarliestDue()) {
				t.Errorf("case %s (due %s) after a case due %s", n, c.EarliestDue(), items[i-1].EarliestDue())
			}
		}
		if next == "" {
			return names
		}
		if f.Limit > 0 && len(items) != f.Limit {
			t.Fatalf("a page of %d items with a next cursor, want %d", len(items), f.Limit)
		}
		f.Cursor = next
	}
}

func TestListCases(t *testing.T) {
	w := mustListWorld(t)
	all := []string{"D", "C", "F", "B", "A1", "A2", "G", "E"}

	t.Run("OrdersByEarliestDueDateThenID", func(t *testing.T) {
		if got := w.list(t, "head", store.CaseFilter{}); !slices.Equal(got, all) {
			t.Errorf("head's list %q, want %q", got, all)
		}
	})
	t.Run("FiltersByKindStateAndStatus", func(t *testing.T) {
		for _, tc := range []struct {
			f    store.CaseFilter
			want []string
		}{
			{store.CaseFilter{Kind: workflow.Complaint}, []string{"D", "C", "B", "A1", "A2"}},
			{store.CaseFilter{Kind: workflow.Petition}, []string{"G", "E"}},
			{store.CaseFilter{State: workflow.Assigned}, []string{"C", "A1"}},
			{store.CaseFilter{Kind: workflow.Complaint, State: workflow.Received}, []string{"D", "B", "A2"}},
			{store.CaseFilter{Status: workflow.Overdue}, []string{"D", "C", "F"}},
			{store.CaseFilter{Status: workflow.VeryOverdue}, []string{"D"}},
			{store.CaseFilter{Status: workflow.DueSoon}, []string{"B"}},
			{store.CaseFilter{Status: workflow.OnTrack}, []string{"A1", "A2", "G", "E"}},
			{store.CaseFilter{Status: workflow.Overdue, Kind: workflow.Denunciation}, []string{"F"}},
		} {
			if got := w.list(t, "head", tc.f); !slices.Equal(got, tc.want) {
				t.Errorf("filter %+v: %q, want %q", tc.f, got, tc.want)
			}
		}
	})
	t.Run("StatusFilterAgreesWithEachCasesStatus", func(t *testing.T) {
		items, _, err := w.s.ListCases(w.ctx, w.viewer("head"), store.CaseFilter{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]workflow.Status{"D": workflow.VeryOverdue, "C": workflow.Overdue, "F": workflow.Overdue,
			"B": workflow.DueSoon, "A1": workflow.OnTrack, "A2": workflow.OnTrack, "G": workflow.OnTrack, "E": workflow.OnTrack}
		for _, c := range items {
			if got := c.StatusOn(w.s.Calendar(), w.s.Today()); got != want[w.name(c.ID)] {
				t.Errorf("case %s status %s, want %s", w.name(c.ID), got, want[w.name(c.ID)])
			}
		}
	})
	t.Run("PagesWithACursorWithoutRepeatsOrGaps", func(t *testing.T) {
		for _, limit := range []int{1, 2, 3, 4, 7, 8, 9} {
			if got := w.list(t, "head", store.CaseFilter{Limit: limit}); !slices.Equal(got, all) {
				t.Errorf("limit %d: paged through %q, want %q", limit, got, all)
			}
		}
		if got := w.list(t, "head", store.CaseFilter{Limit: 2, Kind: workflow.Complaint}); !slices.Equal(got, []string{"D", "C", "B", "A1", "A2"}) {
			t.Errorf("complaints two by two: %q", got)
		}
		_, _, err := w.s.ListCases(w.ctx, w.viewer("head"), store.CaseFilter{Cursor: "not a cursor"})
		wantCode(t, err, workflow.CodeInvalid)
	})
	t.Run("ScopesToWhatEachRoleMaySee", func(t *testing.T) {
		for _, tc := range []struct {
			login string
			want  []string
		}{
			{"reception", []string{"D", "C", "F", "B", "A1", "A2", "E"}}, // its own unit only, not the commune
			{"reception.nt", []string{"G"}},
			{"handler", []string{"A1"}}, // only cases assigned to them
			{"handler2", []string{"C"}},
			{"handler.nt", nil},
			{"head", all}, // its unit and the commune below
			{"head.nt", []string{"G"}},
			{"head.kh", all},
			{"supervisor", all},
			{"admin", all},
		} {
			if got := w.list(t, tc.login, store.CaseFilter{}); !slices.Equal(got, tc.want) {
				t.Errorf("%s sees %q, want %q", tc.login, got, tc.want)
			}
		}
	})
	t.Run("UnitFilterNarrowsTheScope", func(t *testing.T) {
		got := w.list(t, "head", store.CaseFilter{Units: []int64{w.unitID("KH-NT")}})
		if !slices.Equal(got, []string{"G"}) {
			t.Errorf("head, unit KH-NT: %q, want [G]", got)
		}
	})
}

func TestBacklog(t *testing.T) {
	w := mustWorld(t)
	ubnd, nt := []int64{w.unitID("KH-UBND")}, []int64{w.unitID("KH-NT")}
	// Entered today, dated in the past: the backlog follows the dates of the acts.
	c := w.register("reception", letter(workflow.Complaint, 1, "2026-08-03")) // Mon; acceptance 7 WD → Wed 12/08
	in := ev(workflow.EvAssign, "2026-08-04")
	in.Assignee = "handler"
	c = w.act("head", c, in)
	c = w.act("head", c, ev(workflow.EvAccept, "2026-08-20")) // resolution 30 cd → Sat 19/09 → Mon 21/09
	wantClocks(t, c, "resolution 2026-08-20+30cd=2026-09-21")
	res := ev(workflow.EvResolve, "2026-11-02") // delivery 3 WD → Thu 05/11
	res.Outcome, res.Summary = workflow.PartlyCorrect, "Khiếu nại đúng một phần"
	c = w.act("head", c, res)
	wantClocks(t, c, "delivery 2026-11-02+3wd=2026-11-05")
	c = w.act("head", c, ev(workflow.EvDeliver, "2026-11-04"))
	c = w.act("head", c, ev(workflow.EvClose, "2026-11-04"))
	if c.State != workflow.Closed {
		t.Fatalf("state %s, want closed", c.State)
	}

	type counts struct{ open, dueSoon, overdue, veryOverdue, prolonged int }
	for _, tc := range []struct {
		name string
		asOf string
		want counts
	}{
		{"NotCountedBeforeItWasReceived", "2026-08-02", counts{}},
		{"OpenOnTheDayOfReceipt", "2026-08-03", counts{open: 1}},
		{"DueSoonThreeWorkingDaysBeforeAcceptanceDue", "2026-08-07", counts{open: 1, dueSoon: 1}},
		{"OnTrackFourWorkingDaysBefore", "2026-08-06", counts{open: 1}},
		{"DueSoonOnTheDueDay", "2026-08-12", counts{open: 1, dueSoon: 1}},
		{"OverdueTheDayAfterAcceptanceWasDue", "2026-08-13", counts{open: 1, overdue: 1}},
		{"AcceptanceStopsTheLateClock", "2026-08-20", counts{open: 1}},
		{"OverdueAfterTheResolutionDueDate", "2026-09-22", counts{open: 1, overdue: 1}},
		{"NotYetVeryOverdueThirtyDaysAfter", "2026-10-21", counts{open: 1, overdue: 1}},
		{"VeryOverdueMoreThanThirtyDaysAfter", "2026-10-22", counts{open: 1, overdue: 1, veryOverdue: 1}},
		{"ResolvedIsNotOpenButItsDeliveryClockCounts", "2026-11-02", counts{dueSoon: 1}},
		{"ClosedCountsNothing", "2026-11-04", counts{}},
		{"Today", "2026-11-25", counts{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := w.s.Backlog(w.ctx, ubnd, workflow.MustDate(tc.asOf))
			if err != nil {
				t.Fatal(err)
			}
			got := counts{b.Open, b.DueSoon, b.Overdue, b.VeryOverdue, b.Prolonged}
			if got != tc.want || b.AsOf.String() != tc.asOf {
				t.Errorf("as of %s: %+v (as_of %s), want %+v", tc.asOf, got, b.AsOf, tc.want)
			}
		})
	}
	t.Run("ByUnitByKindAndAge", func(t *testing.T) {
		b, err := w.s.Backlog(w.ctx, ubnd, workflow.MustDate("2026-09-22"))
		if err != nil {
			t.Fatal(err)
		}
		if len(b.ByUnit) != 1 || b.ByUnit[0] != (workflow.UnitCount{Unit: "KH-UBND", Name: "UBND tỉnh Khánh Hòa", Open: 1, Overdue: 1}) {
			t.Errorf("by_unit %+v", b.ByUnit)
		}
		for _, k := range b.ByKind {
			want := workflow.KindCount{Kind: k.Kind}
			if k.Kind == workflow.Complaint {
				want.Open, want.Overdue = 1, 1
			}
			if k != want {
				t.Errorf("by_kind %+v, want %+v", k, want)
			}
		}
		for _, a := range b.AgeDays { // received 03/08, 50 days before
			want := 0
			if a.Bucket == "31-90" {
				want = 1
			}
			if a.Open != want {
				t.Errorf("age bucket %s: %d, want %d", a.Bucket, a.Open, want)
			}
		}
	})
	t.Run("OtherUnitsAreNotCounted", func(t *testing.T) {
		b, err := w.s.Backlog(w.ctx, nt, workflow.MustDate("2026-09-22"))
		if err != nil {
			t.Fatal(err)
		}
		if b.Open != 0 || b.Overdue != 0 || len(b.ByUnit) != 0 {
			t.Errorf("the commune's backlog counts the agency's case: %+v", b)
		}
	})
	t.Run("ProlongedAfterMoreThan365DaysOpen", func(t *testing.T) {
		old := w.register("reception.nt", letter(workflow.Petition, 0, "2025-10-01"))
		in := ev(workflow.EvAssign, "2025-10-02")
		in.Assignee = "handler.nt"
		w.act("head.nt", old, in)
		for asOf, want := range map[string]int{"2026-10-01": 0, "2026-10-02": 1} {
			b, err := w.s.Backlog(w.ctx, nt, workflow.MustDate(asOf))
			if err != nil {
				t.Fatal(err)
			}
			if b.Open != 1 || b.Prolonged != want {
				t.Errorf("as of %s: open %d prolonged %d, want 1 and %d", asOf, b.Open, b.Prolonged, want)
			}
		}
	})
}
