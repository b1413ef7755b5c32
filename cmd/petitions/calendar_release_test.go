package main

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"petitions/store"
)

// release1Key is the key testdata/release1.sqlite was made with (32 zero bytes:
// test data only, see testdata/make-release1-db.sh).
const release1Key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

// The binary starts on a database the first release made, with its calendar
// (release 1 of the shipped days): the corrections of release 2 are applied,
// the clocks they cross are counted again with a recount record, the days an
// administrator set are kept and the one that differs from the shipped value
// is listed in the start-up log, at every start (DOMAIN.md §3).
func TestStartOnARelease1Database(t *testing.T) {
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "release1.db")
	fixture, err := os.ReadFile("testdata/release1.sqlite")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, fixture, 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"PETITIONS_KEY=" + release1Key}
	srv := startServer(t, bin, db, env)
	admin, head := srv.token("admin"), srv.token("head")

	t.Run("TheCasesAreFoundAsPeopleType", func(t *testing.T) {
		// Migration 00013's back-fill folded the release's cases at the first start (README: "Searching").
		for q, id := range map[string]int64{"khieu nai b": 2, "KIẾN NGHỊ": 3, "to cao a": 1, "KN26MT652U78": 2} {
			var list struct {
				Items []struct{ ID int64 } `json:"items"`
			}
			code, err := srv.call(head, "GET", "/api/v1/cases?q="+url.QueryEscape(q), nil, &list)
			if code != 200 || err != nil || len(list.Items) != 1 || list.Items[0].ID != id {
				t.Errorf("search %q: %d %v %+v, want case %d", q, code, err, list.Items, id)
			}
		}
	})

	t.Run("TheShippedCorrectionsAreApplied", func(t *testing.T) {
		days := calendarOf(t, srv, admin)
		for day, want := range map[string]string{
			"2026-01-02": "off shipped", "2026-01-10": "work shipped", "2026-08-22": "work shipped",
			"2026-08-31": "off shipped", "2026-09-01": "off shipped",
		} {
			if got := days[day].Kind + " " + days[day].Origin; got != want {
				t.Errorf("%s is %q, want %q", day, got, want)
			}
		}
		if d, ok := days["2027-04-15"]; ok {
			t.Errorf("15/04/2027 is still a day off (%+v); Hùng Kings' day 2027 is 16/04", d)
		}
		if !strings.Contains(days["2026-01-02"].Source, "12729") {
			t.Errorf("02/01/2026 cites %q, want VPCP 12729/VPCP-KGVX", days["2026-01-02"].Source)
		}
	})
	t.Run("TheAdministratorsDaysAreKept", func(t *testing.T) {
		days := calendarOf(t, srv, admin)
		if d := days["2026-12-31"]; d.Kind != "off" || d.Origin != "admin" || d.Source != "QĐ 1/QĐ-UBND" {
			t.Errorf("31/12/2026 is %+v, want the province's own day off", d)
		}
		if d := days["2027-04-16"]; d.Origin != "admin" || d.Source != "Thông báo của UBND tỉnh" {
			t.Errorf("16/04/2027 is %+v, want the administrator's entry kept over the shipped one", d)
		}
	})
	t.Run("TheCrossingClocksAreRecounted", func(t *testing.T) {
		for _, tc := range []struct {
			id       string
			old, new string
		}{{"1", "2026-01-08", "2026-01-09"}, {"2", "2026-08-31", "2026-08-28"}} {
			var c struct {
				Clocks []struct{ Name, DueOn string } `json:"clocks"`
			}
			if code, err := srv.call(head, "GET", "/api/v1/cases/"+tc.id, nil, &c); code != 200 || err != nil {
				t.Fatalf("case %s: %d %v", tc.id, code, err)
			}
			var hs struct {
				Items []struct {
					Event   string
					Actor   string
					Payload struct {
						Clocks []struct {
							Clock    string `json:"clock"`
							OldDueOn string `json:"old_due_on"`
							NewDueOn string `json:"new_due_on"`
						}
					}
				}
			}
			if code, err := srv.call(head, "GET", "/api/v1/cases/"+tc.id+"/history", nil, &hs); code != 200 || err != nil {
				t.Fatalf("history of case %s: %d %v", tc.id, code, err)
			}
			last := hs.Items[len(hs.Items)-1]
			if last.Event != "recount" || last.Actor != "system" || len(last.Payload.Clocks) != 1 ||
				last.Payload.Clocks[0].Clock != "acceptance" || last.Payload.Clocks[0].OldDueOn != tc.old ||
				last.Payload.Clocks[0].NewDueOn != tc.new {
				t.Errorf("case %s last record %+v, want the acceptance clock recounted %s → %s", tc.id, last, tc.old, tc.new)
			}
		}
		var filed struct{ Version int }
		if code, err := srv.call(head, "GET", "/api/v1/cases/3", nil, &filed); code != 200 || err != nil || filed.Version != 2 {
			t.Errorf("the filed case: %d %v, version %d, want it untouched at version 2", code, err, filed.Version)
		}
	})
	logs := srv.stop()
	if !strings.Contains(logs, "calendar brought up to the shipped release from=1 to=2") {
		t.Errorf("start-up log does not say the calendar was brought up to release 2:\n%s", logs)
	}
	wantOverrideListed(t, logs)
	if out := runBinary(t, bin, env, "audit", "verify", "--db", db); !strings.Contains(out, "intact") {
		t.Errorf("audit verify after the recount: %s", out)
	}
	t.Run("AuditVerifyTakesTheKey", func(t *testing.T) {
		// The history the first release chained with plain SHA-256 was sealed
		// again with the key at the first start; verifying it needs the key.
		keyFile := filepath.Join(t.TempDir(), "release1.key")
		if err := os.WriteFile(keyFile, []byte(release1Key+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if out := runBinary(t, bin, nil, "audit", "verify", "--db", db, "--key-file", keyFile); !strings.Contains(out, "intact") {
			t.Errorf("audit verify --key-file: %s", out)
		}
		cmd := exec.Command(bin, "audit", "verify", "--db", db)
		cmd.Env = withoutKey(os.Environ())
		if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "no encryption key") {
			t.Errorf("audit verify without a key: err %v, output:\n%s", err, out)
		}
		wrong := []string{"PETITIONS_KEY=" + store.GenerateKey()}
		cmd = exec.Command(bin, "audit", "verify", "--db", db)
		cmd.Env = append(withoutKey(os.Environ()), wrong...)
		if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "BROKEN") {
			t.Errorf("audit verify with another key: err %v, output:\n%s", err, out)
		}
	})
	again := startServer(t, bin, db, env).stop()
	if strings.Contains(again, "brought up") {
		t.Errorf("a second start applied the release again:\n%s", again)
	}
	wantOverrideListed(t, again)
}

// wantOverrideListed checks the log lists 16/04/2027 (and only it) as an
// administrator's day overriding the shipped value. (The first release did
// not record who set a day, so the log cannot name them.)
func wantOverrideListed(t *testing.T, logs string) {
	t.Helper()
	var listed []string
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "overrides the shipped value") {
			listed = append(listed, line)
		}
	}
	if len(listed) != 1 || !strings.Contains(listed[0], "day=2027-04-16") || !strings.Contains(listed[0], `source="Thông báo của UBND tỉnh"`) {
		t.Errorf("overrides listed at start-up: %q, want the province's 16/04/2027", listed)
	}
}

type calendarEntry struct {
	Kind, Name, Source, Origin string
}

func calendarOf(t *testing.T, srv *server, token string) map[string]calendarEntry {
	t.Helper()
	var out struct {
		Items []struct {
			Day string `json:"day"`
			calendarEntry
		} `json:"items"`
	}
	if code, err := srv.call(token, "GET", "/api/v1/calendar", nil, &out); code != 200 || err != nil {
		t.Fatalf("GET /api/v1/calendar: %d %v", code, err)
	}
	days := map[string]calendarEntry{}
	for _, d := range out.Items {
		days[d.Day] = d.calendarEntry
	}
	return days
}

// withoutKey is env without the variables that give the binary a key.
func withoutKey(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "PETITIONS_KEY=") && !strings.HasPrefix(kv, "PETITIONS_KEY_FILE=") {
			out = append(out, kv)
		}
	}
	return out
}
