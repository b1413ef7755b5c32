package main

// Crash safety: the real binary, concurrent transitions, SIGKILL mid-way, restart,
// and every acknowledged transition must be there with its history.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
)

// server is the binary running in a child process.
type server struct {
	t    *testing.T
	cmd  *exec.Cmd
	base string
	logs *bytes.Buffer // what the server printed; read it only after stop
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// TestMain removes the binary buildBinary compiled: 43 MB left in the temp
// directory by every run otherwise.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// buildBinary compiles this command once for the whole test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "petitions-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "petitions")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func runBinary(t *testing.T, bin string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("petitions %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func startServer(t *testing.T, bin, db string, env []string) *server {
	t.Helper()
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", addr)
	cmd.Env = append(os.Environ(), env...)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{t: t, cmd: cmd, base: "http://" + addr, logs: &logs}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for i := 0; i < 100; i++ {
		if res, err := http.Get(s.base + "/api/v1/public/disclosures"); err == nil {
			res.Body.Close()
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("server did not start:\n%s", logs.String())
	return nil
}

// stop asks the server to shut down, waits for it and returns what it printed.
func (s *server) stop() string {
	s.t.Helper()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	_ = s.cmd.Wait()
	return s.logs.String()
}

// call sends a JSON request and decodes the answer into out (if not nil).
func (s *server) call(token, method, path string, body, out any) (int, error) {
	var buf bytes.Buffer
	if body != nil {
		_ = json.NewEncoder(&buf).Encode(body)
	}
	req, _ := http.NewRequest(method, s.base+path, &buf)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if out != nil && res.StatusCode < 300 {
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			return res.StatusCode, err
		}
	}
	return res.StatusCode, nil
}

func (s *server) token(login string) string {
	s.t.Helper()
	var out struct{ Token string }
	if code, err := s.call("", "POST", "/api/v1/session", map[string]string{"login": login, "password": "demo"}, &out); code != 200 || err != nil {
		s.t.Fatalf("sign in %s: %d %v", login, code, err)
	}
	return out.Token
}

type caseOut struct {
	ID      int64  `json:"id"`
	Version int    `json:"version"`
	State   string `json:"state"`
}

type ack struct {
	caseID  int64
	version int
	event   string
}

func TestCrashSafetyUnderSIGKILL(t *testing.T) {
	bin := buildBinary(t)
	db := storetest.DSN(t) // the binary takes a PostgreSQL URL as it takes a file
	env := []string{"PETITIONS_KEY=" + store.GenerateKey()}
	setUpUnit(t, bin, db, env)

	srv := startServer(t, bin, db, env)
	head, rec := srv.token("head"), srv.token("reception")
	const cases, clients = 24, 8
	var ids []int64
	for i := 0; i < cases; i++ {
		var c caseOut
		code, err := srv.call(rec, "POST", "/api/v1/cases", map[string]any{"kind": "petition", "channel": "post",
			"subject": fmt.Sprintf("Kiến nghị %d", i), "petitioner": map[string]string{"name": "Người Gửi"}}, &c)
		if code != 201 || err != nil {
			t.Fatalf("create case: %d %v", code, err)
		}
		ids = append(ids, c.ID)
	}

	// Each client owns some cases and moves them: assign, accept, then notes,
	// until the server dies under it.
	var mu sync.Mutex
	var acks []ack
	ctx, stop := context.WithTimeout(context.Background(), 20*time.Second)
	defer stop()
	var wg sync.WaitGroup
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			version := map[int64]int{}
			for n := 0; ctx.Err() == nil; n++ {
				id := ids[(w+clients*(n%(cases/clients)))%cases]
				if version[id] == 0 {
					version[id] = 1
				}
				ev := map[string]any{"event": "note", "version": version[id], "note": fmt.Sprintf("ghi chú %d", n)}
				switch version[id] {
				case 1:
					ev = map[string]any{"event": "assign", "version": 1, "assignee": "head"}
				case 2:
					ev = map[string]any{"event": "accept", "version": 2}
				}
				var c caseOut
				code, err := srv.call(head, "POST", fmt.Sprintf("/api/v1/cases/%d/events", id), ev, &c)
				if err != nil {
					return // the server is gone
				}
				if code == 200 {
					mu.Lock()
					acks = append(acks, ack{id, c.Version, ev["event"].(string)})
					mu.Unlock()
					version[id] = c.Version
				}
			}
		}(w)
	}
	time.Sleep(1500 * time.Millisecond)
	if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = srv.cmd.Wait()
	wg.Wait()
	if len(acks) < 50 {
		t.Fatalf("only %d transitions acknowledged before the kill; the test needs more load", len(acks))
	}

	// Restart on the same file and look for every acknowledged transition.
	srv = startServer(t, bin, db, env)
	head = srv.token("head")
	found := 0
	for _, a := range acks {
		var hist struct {
			Items []struct {
				Seq   int    `json:"seq"`
				Event string `json:"event"`
			} `json:"items"`
		}
		if code, err := srv.call(head, "GET", fmt.Sprintf("/api/v1/cases/%d/history", a.caseID), nil, &hist); code != 200 || err != nil {
			t.Fatalf("history of case %d: %d %v", a.caseID, code, err)
		}
		for _, h := range hist.Items {
			if h.Seq == a.version && h.Event == a.event {
				found++
				break
			}
		}
	}
	t.Logf("crash safety: %d transitions acknowledged before SIGKILL, %d found after restart", len(acks), found)
	fmt.Printf("crash safety: acknowledged=%d found=%d\n", len(acks), found)
	if found != len(acks) {
		t.Fatalf("%d acknowledged transitions lost", len(acks)-found)
	}
	assertNothingHalfWritten(t, db)
	if out := runBinary(t, bin, env, "audit", "verify", "--db", db); !bytes.Contains([]byte(out), []byte("intact")) {
		t.Fatalf("audit verify after the crash: %s", out)
	}
}

// assertNothingHalfWritten checks every case against its history: one record
// per version, the state and earliest running due date of the last record are the case's own.
func assertNothingHalfWritten(t *testing.T, dsn string) {
	t.Helper()
	db := storetest.Raw(t, dsn)
	rows, err := db.Query(`SELECT c.id, c.version, c.state, COALESCE(c.due_on, ''), COUNT(h.id), MAX(h.seq),
		(SELECT to_state FROM history WHERE case_id = c.id ORDER BY seq DESC LIMIT 1),
		(SELECT COALESCE(due_on, '') FROM history WHERE case_id = c.id ORDER BY seq DESC LIMIT 1)
		FROM cases c JOIN history h ON h.case_id = c.id GROUP BY c.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var version, count, maxSeq int
		var state, due, lastState, lastDue string
		if err := rows.Scan(&id, &version, &state, &due, &count, &maxSeq, &lastState, &lastDue); err != nil {
			t.Fatal(err)
		}
		if count != version || maxSeq != version || state != lastState || due != lastDue {
			t.Errorf("case %d half-written: version %d, %d records (last seq %d), state %s vs history %s, due %q vs history %q",
				id, version, count, maxSeq, state, lastState, due, lastDue)
		}
	}
}
