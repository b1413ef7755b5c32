package store_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// TestBackendIsTheOneAskedFor proves the suite really runs on the backend the
// run names: a store's write is read back through a plain connection to the
// same database, which names its server. `make test-postgres` states the
// backend it expects in PETITIONS_TEST_BACKEND, apart from the server's URL,
// so a harness that lost PETITIONS_TEST_POSTGRES on the way fails here
// instead of testing SQLite twice.
func TestBackendIsTheOneAskedFor(t *testing.T) {
	ctx := context.Background()
	if want := os.Getenv("PETITIONS_TEST_BACKEND"); want != "" && want != storetest.Backend() {
		t.Fatalf("PETITIONS_TEST_BACKEND is %q but the tests run on %s (is %s set?)", want, storetest.Backend(), storetest.EnvPostgres)
	}
	s, dsn := storetest.OpenDSN(t)
	if _, err := s.CreateUnit(ctx, "PROBE", "Đơn vị thăm dò", "agency", ""); err != nil {
		t.Fatal(err)
	}
	if got := store.IsPostgresDSN(dsn); got != storetest.Postgres() {
		t.Fatalf("the test database %q is PostgreSQL: %v; the run asks for %s", dsn, got, storetest.Backend())
	}
	version := `SELECT sqlite_version()`
	if storetest.Postgres() {
		version = `SELECT version()`
	}
	db := storetest.Raw(t, dsn)
	var server, name string
	if err := db.QueryRowContext(ctx, version).Scan(&server); err != nil {
		t.Fatalf("ask the %s server its version: %v", storetest.Backend(), err)
	}
	if err := db.QueryRowContext(ctx, db.Rebind(`SELECT name FROM units WHERE code = ?`), "PROBE").Scan(&name); err != nil || name != "Đơn vị thăm dò" {
		t.Fatalf("the store's unit read back through a plain connection: %q, %v", name, err)
	}
	if storetest.Postgres() && !strings.HasPrefix(server, "PostgreSQL ") {
		t.Fatalf("PETITIONS_TEST_POSTGRES is set but the server says %q", server)
	}
	t.Logf("backend: %s %s", storetest.Backend(), server)
}

// TestBackendsAgree pins down where SQLite and PostgreSQL would differ if left
// to their defaults; every case here must pass unchanged on both.
func TestBackendsAgree(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Petition, 0, "2026-11-20")
	nc.Subject, nc.Content = "Sửa ĐƯỜNG liên thôn DUONG 5", "Mặt đường hư hỏng 100% sau mưa lũ."
	road := w.register("reception", nc)
	w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))

	t.Run("SearchFoldsCaseAndDiacritics", func(t *testing.T) {
		// Both backends search the folded copy (workflow.SearchFold) with
		// LIKE over lower-case text: case and diacritics never matter.
		for _, tc := range []struct {
			q     string
			found bool
		}{
			{"duong 5", true},
			{"Sửa", true},
			{"SỬA", true},
			{"đường liên", true},
			{"liên đường sửa", true}, // words in any order
			{"100%", true},           // % and _ are no wildcards: they separate words
			{"10_sau", true},
			{"1_0", false},     // each word from its start: no word begins with 0 ("100" only holds one)
			{"ngõ_xóm", false}, // no O in a tracking code, which search_fold holds too
			{"duong xom", false},
			{strings.ToLower(road.TrackingCode), true},
		} {
			items, _, err := w.s.ListCases(w.ctx, w.viewer("head"), store.CaseFilter{Query: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			found := len(items) == 1 && items[0].ID == road.ID
			if found != tc.found || len(items) > 1 {
				t.Errorf("search %q found %d cases (the road: %v), want the road: %v", tc.q, len(items), found, tc.found)
			}
		}
	})
	t.Run("TextSortsInByteOrder", func(t *testing.T) {
		// As SQLite sorts: "Phạm" before "Đỗ" (Đ is U+0110), where a
		// Vietnamese collation would put Đ right after D.
		w.user("handler")
		w.user("handler2")
		us, err := w.s.Assignable(w.ctx, []int64{w.unitID("KH-UBND")})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, u := range us {
			names = append(names, u.Name)
		}
		if want := []string{"Nguyễn Văn Trưởng", "Phạm Văn Xử", "Đỗ Thị Hai"}; !slices.Equal(names, want) {
			t.Errorf("assignable %q, want %q (heads first, then names in byte order)", names, want)
		}
	})
	t.Run("ADuplicateLoginIsAConflict", func(t *testing.T) {
		w.user("admin")
		_, err := w.s.CreateUser(w.ctx, "admin", "Người khác", workflow.RoleAdmin, "KH-UBND", "demo")
		wantCode(t, err, workflow.CodeConflict)
	})
	t.Run("FlagsReadBackAsWritten", func(t *testing.T) {
		nc := letter(workflow.Denunciation, 0, "2026-11-20")
		nc.Intake.Anonymous = true
		c := w.register("reception", nc)
		if got := w.reload(c); !got.Anonymous || got.RemoteArea {
			t.Errorf("anonymous %v, remote area %v; want true, false", got.Anonymous, got.RemoteArea)
		}
	})
	t.Run("TextPostgreSQLCannotHoldIsRefusedOrFindsNothing", func(t *testing.T) {
		// NUL and broken UTF-8: SQLite would keep them, PostgreSQL fails the
		// query. Both refuse them on writes and find nothing by them.
		for _, bad := range []string{"a\x00b", "a\xffb"} {
			nc := letter(workflow.Petition, 0, "2026-11-20")
			nc.Subject = "Kiến nghị " + bad
			_, err := w.s.CreateCase(w.ctx, w.user("reception"), nc)
			wantCode(t, err, workflow.CodeInvalid)
			in := ev(workflow.EvNote, "2026-11-25")
			in.Note = bad
			_, _, err = w.s.ApplyEvent(w.ctx, w.user("reception"), workflow.Viewer{}, road, road.Version, in, "")
			wantCode(t, err, workflow.CodeInvalid)
			_, err = w.s.CreateUser(w.ctx, "login"+bad, "Tên", workflow.RoleHandler, "KH-UBND", "demo")
			wantCode(t, err, workflow.CodeInvalid)
			_, err = w.s.CaseByTrackingCode(w.ctx, road.TrackingCode+bad)
			wantCode(t, err, workflow.CodeNotFound)
			_, err = w.s.UnitByCode(w.ctx, "KH"+bad)
			wantCode(t, err, workflow.CodeNotFound)
			_, err = w.s.Authenticate(w.ctx, "reception"+bad, "demo")
			wantCode(t, err, workflow.CodeUnauthorized)
			if items, _, err := w.s.ListCases(w.ctx, w.viewer("head"), store.CaseFilter{Query: bad}); err != nil || len(items) != 0 {
				t.Errorf("search %q: %d cases, %v", bad, len(items), err)
			}
			if ds, err := w.s.Disclosures(w.ctx, store.DisclosureFilter{Query: bad, Limit: 10}); err != nil || len(ds.Items) != 0 {
				t.Errorf("disclosures %q: %d, %v", bad, len(ds.Items), err)
			}
		}
	})
}
