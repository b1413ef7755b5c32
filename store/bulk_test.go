package store

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"golang.org/x/crypto/bcrypt"

	"petitions/workflow"
)

// deskOf is what Store and Bulk share: registering letters and firing events.
type deskOf interface {
	CreateCase(ctx context.Context, actor User, in NewCase) (Case, error)
	ApplyEvent(ctx context.Context, actor User, c Case, version int, in workflow.Input) (Case, error)
}

// storeDesk is a Store as a deskOf: its ApplyEvent without the petitioner.
type storeDesk struct{ *Store }

func (d storeDesk) ApplyEvent(ctx context.Context, actor User, c Case, version int, in workflow.Input) (Case, error) {
	c, _, err := d.Store.ApplyEvent(ctx, actor, workflow.Viewer{}, c, version, in, "")
	return c, err
}

// bulkWorld is a store with one agency and its officials, under a fixed key.
type bulkWorld struct {
	s     *Store
	path  string
	users map[string]User
}

func mustBulkWorld(t *testing.T) *bulkWorld {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bulk.db")
	s, err := Open(ctx, path, WithKey([]byte(strings.Repeat("k", KeySize))), WithPasswordCost(bcrypt.MinCost))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.FixedZone("ICT", 7*3600)) }
	if _, err := s.CreateUnit(ctx, "KH-UBND", "UBND tỉnh Khánh Hòa", "agency", ""); err != nil {
		t.Fatal(err)
	}
	w := &bulkWorld{s: s, path: path, users: map[string]User{}}
	for _, u := range [][2]string{{"reception", "reception"}, {"handler", "handler"}, {"head", "head"}} {
		usr, err := s.CreateUser(ctx, u[0], "Cán bộ "+u[0], workflow.Role(u[1]), "KH-UBND", "demo")
		if err != nil {
			t.Fatal(err)
		}
		w.users[u[0]] = usr
	}
	return w
}

// play registers and plays the stories of bulkStories through d.
func (w *bulkWorld) play(t *testing.T, d deskOf) {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	for i, st := range bulkStories {
		nc := NewCase{Intake: st.intake, Subject: "Đơn số " + string(rune('A'+i)) + " <về đất> & \"nhà\"",
			Content:    "Nội dung\tcó ký tự đặc biệt\n\u2028 và đ/Đ.",
			Petitioner: Petitioner{Name: "Nguyễn Văn Đức", IDNumber: " 056078001234 ", Phone: "0905000111", Address: "5 Trần Phú"}}
		if st.prior >= 0 {
			nc.PriorCaseID = ids[st.prior]
		}
		c, err := d.CreateCase(ctx, w.users["reception"], nc)
		if err != nil {
			t.Fatalf("story %d: register: %v", i, err)
		}
		ids = append(ids, c.ID)
		for _, a := range st.acts {
			in := a.in
			if in.DuplicateOf < 0 {
				in.DuplicateOf = ids[-in.DuplicateOf-1]
			}
			if c, err = d.ApplyEvent(ctx, w.users[a.login], c, c.Version, in); err != nil {
				t.Fatalf("story %d: %s: %v", i, in.Event, err)
			}
		}
	}
}

type bulkAct struct {
	login string
	in    workflow.Input
}

func on(s string) workflow.Date { return workflow.MustDate(s) }

var (
	yes, no = true, false
	// bulkStories use every event with every field it records.
	bulkStories = []struct {
		intake workflow.Intake
		prior  int // index of the round-1 story, or -1
		acts   []bulkAct
	}{
		{workflow.Intake{Kind: workflow.Complaint, Round: 1, Channel: "walk_in", ReceivedOn: on("2026-06-01")}, -1, []bulkAct{
			{"head", workflow.Input{Event: workflow.EvAssign, On: on("2026-06-02"), Assignee: "handler"}},
			{"head", workflow.Input{Event: workflow.EvAccept, On: on("2026-06-03")}},
			{"head", workflow.Input{Event: workflow.EvClassify, On: on("2026-06-04"), Complexity: workflow.Complex,
				RemoteArea: &yes, Note: "Phức tạp"}},
			{"handler", workflow.Input{Event: workflow.EvVerify, On: on("2026-06-10"), Differs: &yes, Note: "Khác"}},
			{"handler", workflow.Input{Event: workflow.EvNote, On: on("2026-06-11"), Note: "Ghi chú <b>"}},
			{"handler", workflow.Input{Event: workflow.EvScheduleDialogue, On: on("2026-06-12"), DialogueOn: on("2026-06-19")}},
			{"handler", workflow.Input{Event: workflow.EvRecordDialogue, On: on("2026-06-19"), Minutes: "Biên bản", Attended: &no}},
			{"head", workflow.Input{Event: workflow.EvReassign, On: on("2026-06-22"), Assignee: "head"}},
			{"head", workflow.Input{Event: workflow.EvSuspend, On: on("2026-07-06"), Note: "Chờ giám định"}},
			{"head", workflow.Input{Event: workflow.EvDeliver, On: on("2026-07-07")}},
			{"head", workflow.Input{Event: workflow.EvResume, On: on("2026-07-20")}},
			{"head", workflow.Input{Event: workflow.EvDeliver, On: on("2026-07-21"), Clock: workflow.ClockDecisionDelivery}},
			{"head", workflow.Input{Event: workflow.EvResolve, On: on("2026-08-03"), Outcome: workflow.PartlyCorrect, Summary: "Đúng một phần"}},
			{"head", workflow.Input{Event: workflow.EvDeliver, On: on("2026-08-04")}},
			{"head", workflow.Input{Event: workflow.EvDisclose, On: on("2026-08-05"), Channel: "website", Text: "Quyết định số 1"}},
			{"head", workflow.Input{Event: workflow.EvImplement, On: on("2026-08-10"), RecoveredMoney: 5, Completed: true}},
			{"head", workflow.Input{Event: workflow.EvClose, On: on("2026-08-25")}},
		}},
		{workflow.Intake{Kind: workflow.Complaint, Round: 2, Channel: "post", ReceivedOn: on("2026-09-01"), Disciplinary: true}, 0, []bulkAct{
			{"head", workflow.Input{Event: workflow.EvAssign, On: on("2026-09-02"), Assignee: "handler"}},
			{"head", workflow.Input{Event: workflow.EvAccept, On: on("2026-09-03")}},
			{"head", workflow.Input{Event: workflow.EvWithdraw, On: on("2026-09-10"), Note: "Rút đơn"}},
			{"head", workflow.Input{Event: workflow.EvDeliver, On: on("2026-09-11")}},
		}},
		{workflow.Intake{Kind: workflow.Denunciation, Channel: "online", ReceivedOn: on("2026-05-04"), Signatories: 12}, -1, []bulkAct{
			{"head", workflow.Input{Event: workflow.EvAssign, On: on("2026-05-05"), Assignee: "handler"}},
			{"head", workflow.Input{Event: workflow.EvExtend, On: on("2026-05-06"), Days: 3}},
			{"head", workflow.Input{Event: workflow.EvAccept, On: on("2026-05-07")}},
			{"handler", workflow.Input{Event: workflow.EvNotify, On: on("2026-05-08")}},
			{"head", workflow.Input{Event: workflow.EvClassify, On: on("2026-05-09"), Complexity: workflow.EspeciallyComplex}},
			{"head", workflow.Input{Event: workflow.EvExtend, On: on("2026-06-20"), Days: 30}},
			{"head", workflow.Input{Event: workflow.EvWithdraw, On: on("2026-06-21"), ViolationSigns: true}},
			{"head", workflow.Input{Event: workflow.EvResolve, On: on("2026-07-01"), Outcome: workflow.Correct, Summary: "Đúng"}},
		}},
		{workflow.Intake{Kind: workflow.Denunciation, Channel: "hotline", ReceivedOn: on("2026-10-01")}, -1, []bulkAct{
			{"reception", workflow.Input{Event: workflow.EvClassify, On: on("2026-10-02"), Competent: &no}},
			{"reception", workflow.Input{Event: workflow.EvTransfer, On: on("2026-10-05"), Target: "Sở Xây dựng"}},
		}},
		{workflow.Intake{Kind: workflow.Petition, Channel: "forwarded", ReceivedOn: on("2026-10-12"), Anonymous: true}, -1, []bulkAct{
			{"reception", workflow.Input{Event: workflow.EvFile, On: on("2026-10-13"), ReasonCode: "DUPLICATE", DuplicateOf: -4}},
		}},
		{workflow.Intake{Kind: workflow.Dialogue, Channel: "walk_in", ReceivedOn: on("2026-10-20")}, -1, []bulkAct{
			{"head", workflow.Input{Event: workflow.EvAssign, On: on("2026-10-21"), Assignee: "handler"}},
			{"head", workflow.Input{Event: workflow.EvReject, On: on("2026-10-22"), ReasonCode: "KP-NA-01"}},
		}},
		{workflow.Intake{Kind: workflow.Petition, Channel: "walk_in", ReceivedOn: on("2026-11-24")}, -1, nil},
		{workflow.Intake{Kind: workflow.Denunciation, Channel: "forwarded", ReceivedOn: on("2026-11-02"),
			ReceivedByTransfer: true, ForwardedByAuthority: true}, -1, []bulkAct{
			{"head", workflow.Input{Event: workflow.EvNotify, On: on("2026-11-20"), To: workflow.NotifyForwarder}},
		}},
	}
)

// rowsOf reads a table as maps, leaving out the columns named.
func rowsOf(t *testing.T, db interface {
	Queryx(string, ...any) (*sqlx.Rows, error)
}, query string, skip ...string) []map[string]any {
	t.Helper()
	rows, err := db.Queryx(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		m := map[string]any{}
		if err := rows.MapScan(m); err != nil {
			t.Fatal(err)
		}
		for _, k := range skip {
			delete(m, k)
		}
		out = append(out, m)
	}
	return out
}

func TestBulkWritesWhatTheStoreWrites(t *testing.T) {
	ctx := context.Background()
	one, bulk := mustBulkWorld(t), mustBulkWorld(t)
	one.play(t, storeDesk{one.s})
	b, err := bulk.s.Bulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b.batchSize, b.txCases = 2, 3 // several batches, a transaction over two, a case whose prior case is written
	if !b.memoryJournal {
		t.Error("a load into empty tables kept WAL")
	}
	bulk.play(t, b)
	if err := b.Close(ctx); err != nil {
		t.Fatal(err)
	}
	mustWriteTheSame(t, one, bulk)
	var fk int
	if err := bulk.s.w.Get(&fk, `PRAGMA foreign_keys`); err != nil || fk != 1 {
		t.Errorf("foreign keys after a bulk load: %d, %v", fk, err)
	}
	var mode string
	if err := bulk.s.w.Get(&mode, `PRAGMA journal_mode`); err != nil || mode != "wal" {
		t.Errorf("journal after a bulk load: %q, %v", mode, err)
	}

	t.Run("ThroughTheDriver", func(t *testing.T) {
		bulkThroughDriver = true
		defer func() { bulkThroughDriver = false }()
		drv := mustBulkWorld(t)
		b, err := drv.s.Bulk(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b.batchSize, b.txCases = 2, 3
		drv.play(t, b)
		if err := b.Close(ctx); err != nil {
			t.Fatal(err)
		}
		mustWriteTheSame(t, one, drv)
	})

	t.Run("ASecondLoadExtendsTheChain", func(t *testing.T) {
		b, err := bulk.s.Bulk(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if b.memoryJournal {
			t.Error("a load into tables with rows left WAL")
		}
		bulk.play(t, b)
		if err := b.Close(ctx); err != nil {
			t.Fatal(err)
		}
		if rep, err := bulk.s.VerifyChain(ctx); err != nil || !rep.OK() || rep.Records != 2*len(rowsOf(t, one.s.w, `SELECT id FROM history`)) {
			t.Errorf("VerifyChain after a second bulk load: %v, %v", rep, err)
		}
	})
}

// mustWriteTheSame compares what the store wrote in one with what a bulk
// load wrote in bulk: the same rows but for random codes, times and hashes,
// the same schema, a sound chain, the same identities.
func mustWriteTheSame(t *testing.T, one, bulk *bulkWorld) {
	t.Helper()
	ctx := context.Background()
	for _, q := range []struct {
		query string
		skip  []string
	}{
		// search_fold and public_fold hold the random code: compared below.
		{`SELECT * FROM cases ORDER BY id`, []string{"tracking_code", "created_at", "updated_at", "search_fold", "public_fold"}},
		{`SELECT case_id, id_hash, name_hash, phone_hash FROM petitioners ORDER BY case_id`, nil},
		{`SELECT * FROM history ORDER BY id`, []string{"at", "prev_hash", "hash", "chain_hash"}},
		// A sealed paper's nonce is random: its text is compared opened, below.
		{`SELECT * FROM documents ORDER BY id`, []string{"paper", "created_at", "updated_at"}},
		{`SELECT paper FROM documents WHERE sealed = 0 ORDER BY id`, nil},
		{`SELECT * FROM document_log ORDER BY id`, []string{"at"}},
		{`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name`, nil},
	} {
		got, want := rowsOf(t, bulk.s.w, q.query, q.skip...), rowsOf(t, one.s.w, q.query, q.skip...)
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n bulk %v\nstore %v", q.query, got, want)
		}
	}
	for _, w := range []*bulkWorld{one, bulk} {
		var folds []struct {
			ID          int64         `db:"id"`
			Code        string        `db:"tracking_code"`
			Subject     string        `db:"subject"`
			Content     string        `db:"content"`
			DisclosedOn workflow.Date `db:"disclosed_on"`
			Facts       string        `db:"facts"`
			Search      string        `db:"search_fold"`
			Public      string        `db:"public_fold"`
		}
		if err := w.s.w.SelectContext(ctx, &folds, `SELECT id, tracking_code, subject, content, disclosed_on, facts,
			search_fold, public_fold FROM cases ORDER BY id`); err != nil {
			t.Fatal(err)
		}
		for _, f := range folds {
			c := workflow.Case{DisclosedOn: f.DisclosedOn}
			if err := json.Unmarshal([]byte(f.Facts), &c.Facts); err != nil {
				t.Fatal(err)
			}
			if want := searchFold(f.Code, f.Subject, f.Content); f.Search != want {
				t.Errorf("case %d: search_fold %q, want %q", f.ID, f.Search, want)
			}
			if want := publicFold(f.Code, c); f.Public != want {
				t.Errorf("case %d: public_fold %q, want %q", f.ID, f.Public, want)
			}
		}
	}
	// The loader's word index, split in SQL, holds the keys the store writes in Go.
	if !bulk.s.postgres() {
		var folds []struct {
			ID   int64  `db:"id"`
			Fold string `db:"search_fold"`
		}
		if err := bulk.s.r.SelectContext(ctx, &folds, `SELECT id, search_fold FROM cases ORDER BY id`); err != nil {
			t.Fatal(err)
		}
		for _, f := range folds {
			var got []string
			err := bulk.s.r.SelectContext(ctx, &got, `SELECT word FROM case_words WHERE case_id = ? ORDER BY word`, f.ID)
			if want := wordKeys(f.Fold); err != nil || !slices.Equal(got, want) {
				t.Errorf("case %d: word index %v, %v; want %v", f.ID, got, err, want)
			}
		}
	}
	// The bulk loader's cases are found as the store's are (README: "Searching").
	v, err := bulk.s.Viewer(ctx, bulk.users["head"])
	if err != nil {
		t.Fatal(err)
	}
	var code string
	if err := bulk.s.w.GetContext(ctx, &code, `SELECT tracking_code FROM cases WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{strings.ReplaceAll(code, "-", "")[:10]: 1, "nha dat don": len(bulkStories), "0905 000 111": len(bulkStories),
		"056078001234": len(bulkStories)} {
		items, _, err := bulk.s.ListCases(ctx, v, CaseFilter{Query: q, Limit: MaxPageSize})
		if err != nil || len(items) != want {
			t.Errorf("search %q after a bulk load: %d cases, %v; want %d", q, len(items), err, want)
		}
	}
	rep, err := bulk.s.VerifyChain(ctx)
	if err != nil || !rep.OK() {
		t.Errorf("VerifyChain after a bulk load: %v, %v", rep, err)
	}
	for id := int64(1); id <= int64(len(bulkStories)); id++ {
		want, err1 := one.s.petitioner(ctx, one.s.r, id)
		got, err2 := bulk.s.petitioner(ctx, bulk.s.r, id)
		if err1 != nil || err2 != nil || got != want {
			t.Errorf("petitioner of case %d: bulk %v, %v; store %v, %v", id, got, err2, want, err1)
		}
	}
}

// The writer binds values in C through the driver's statements; should the
// driver keep them otherwise, the load would fall back to binding through
// it, and take twice as long.
func TestBulkBindsThroughSQLite(t *testing.T) {
	if !bulkSQLiteLinked {
		t.Fatal("the binary's SQLite functions are not linked into bulk_sqlite.go")
	}
	ctx := context.Background()
	conn, err := mustBulkWorld(t).s.w.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		c := dc.(interface {
			driver.ConnPrepareContext
			driver.ExecerContext
		})
		var ins [3]rawInsert
		for i, table := range []bulkTable{bulkCases, bulkPetitioners, bulkHistory} {
			if err := ins[i].prepare(ctx, c, table); err != nil {
				return err
			}
			defer ins[i].close()
		}
		if ins[0].hFull == nil || ins[2].hOne == nil {
			t.Fatalf("no sqlite3_stmt found in the driver's statements (%T)", ins[0].full)
		}
		t.Run("ReportsTheTableThatFailed", func(t *testing.T) {
			if _, err := c.ExecContext(ctx, "PRAGMA foreign_keys = OFF", nil); err != nil {
				t.Fatal(err)
			}
			var rows bulkRows
			for range 2 { // the same case twice
				rows.petitioners = append(rows.petitioners, bulkInteger(7), rows.text("sealed"), rows.text(""), bulkValue{n: bulkNull})
			}
			err := bulkInsert(&ins, &rows)
			if err == nil || !strings.Contains(err.Error(), "bulk petitioners") || !strings.Contains(err.Error(), "constraint") {
				t.Errorf("two petitioners of one case, one NULL hash: %v", err)
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBulkEncodersWriteWhatEncodingJSONWrites(t *testing.T) {
	if !bulkFastJSON {
		t.Fatal("a field of workflow.Clock, workflow.Facts, Petitioner or recordClock changed: " +
			"update the encoders of bulk_encode.go (the loader falls back to encoding/json meanwhile)")
	}
	texts := []string{"", "plain", "Nguyễn Văn Đức", `quote " and \ backslash`, "<script>&amp;</script>",
		"tab\tnew\nline\rcr\bbs\fff\x00\x1f\x7f", "line\u2028para\u2029", "bad \xff\xfe utf8 \xe2\x82", "emoji 😀",
		"Đức\u2028", "\u2029", "\u2027\u202a–…", "Đ\xe2\x80"}
	for _, s := range texts {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("string %q: got %s, want %s", s, got, want)
		}
	}
	d := on("2026-02-03")
	clocks := [][]workflow.Clock{nil, {}, {{Name: "resolution", Trigger: "acceptance", StartedOn: d, Unit: "calendar_days",
		Days: 30, Basis: texts[4], DueOn: d.AddDays(30), RunFrom: d, RunDays: 30}},
		{{Name: "a", Skipped: []workflow.Date{}, SuspendedOn: d, Extensions: 2}, {Name: "b", Skipped: []workflow.Date{d, d.AddDays(1)},
			StoppedOn: d, Basis: texts[7]}}}
	for _, ks := range clocks {
		want, _, _ := encodeState(workflow.Case{Clocks: ks})
		if got := string(appendClocks(nil, ks)); got != want {
			t.Errorf("clocks:\n got %s\nwant %s", got, want)
		}
		c := workflow.Case{Clocks: ks}
		wantRec, wantDue := recordClocks(c)
		if gotRec, gotDue := bulkRecordClocks(c); gotRec != wantRec || nullDate(gotDue) != wantDue {
			t.Errorf("record clocks: got %s %v, want %s %v", gotRec, gotDue, wantRec, wantDue)
		}
	}
	for _, f := range []workflow.Facts{{}, {DialogueScheduledOn: d, DialogueRecorded: true, VerificationDiffers: true,
		Withdrawn: true, DisclosureText: texts[5], DisclosureChannel: "website", Summary: texts[2]}, {Summary: "x"}} {
		_, want, _ := encodeState(workflow.Case{Facts: f})
		if got := string(appendFacts(nil, f)); got != want {
			t.Errorf("facts:\n got %s\nwant %s", got, want)
		}
	}
	payloads := []map[string]any{nil, {}, {"note": texts[4], "channel": workflow.Channel("post"), "clocks_started": []string{"a", "b"},
		"clocks_stopped": []string(nil), "duplicate_of": int64(1234567), "days": 30, "differs": true, "attended": false,
		"complexity": workflow.Complex, "clock": workflow.ClockName("resolution"), "outcome": workflow.Wrong,
		"due_on": d, "dialogue_on": workflow.Date{}, "zz": "last", "Aa": "first"}}
	for _, p := range payloads {
		want, _ := json.Marshal(p)
		if got, ok := appendPayload(nil, p); !ok || string(got) != string(want) {
			t.Errorf("payload: got %s (%v), want %s", got, ok, want)
		}
	}
	if _, ok := appendPayload(nil, map[string]any{"x": 1.5}); ok {
		t.Error("a payload value of an unknown type was encoded by hand")
	}
	p := Petitioner{Name: texts[2], IDNumber: "056", Phone: texts[4], Address: texts[7]}
	if want, _ := json.Marshal(p); string(appendPetitioner(nil, p)) != string(want) {
		t.Errorf("petitioner: got %s, want %s", appendPetitioner(nil, p), want)
	}
	for _, s := range []string{"0001-01-01", "2000-01-01", "2026-12-31", "9999-12-31"} {
		if got := dateString(on(s)); got != on(s).String() {
			t.Errorf("dateString(%s) = %s", s, got)
		}
		if got := dayDate(dayNumber(on(s))); !got.Equal(on(s)) {
			t.Errorf("dayDate(dayNumber(%s)) = %s", s, got)
		}
	}
}

func TestBulkTrackingCodes(t *testing.T) {
	seen := map[trackingKey]string{}
	for _, k := range workflow.Kinds {
		for _, r := range [][trackingRandomLen]byte{{}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {255, 254, 253, 252, 251, 250, 249, 248, 247, 246, 245, 244},
			{31, 32, 33}, {11: 1}} {
			code, key := trackingCodeOf(k, on("2026-03-04"), r)
			if len(code) != len("KN26-7GQ4M2XPB9RT") || !strings.Contains(code, "26-") {
				t.Errorf("code %q", code)
			}
			if other, ok := seen[key]; ok && other != code {
				t.Errorf("codes %s and %s share a key", code, other)
			}
			seen[key] = code
		}
	}
}
