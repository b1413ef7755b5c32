package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
)

// setUpUnit creates a unit with a head and a reception officer through the CLI.
func setUpUnit(t *testing.T, bin, db string, env []string) {
	t.Helper()
	runBinary(t, bin, env, "unit", "add", "--db", db, "--code", "U1", "--name", "UBND xã Thử")
	runBinary(t, bin, env, "user", "add", "--db", db, "--login", "head", "--name", "Thủ trưởng", "--role", "head", "--unit", "U1", "--password", "demo")
	runBinary(t, bin, env, "user", "add", "--db", db, "--login", "reception", "--name", "Tiếp dân", "--role", "reception", "--unit", "U1", "--password", "demo")
}

func TestSIGTERMLetsInFlightRequestsFinish(t *testing.T) {
	bin := buildBinary(t)
	db := storetest.DSN(t)
	env := []string{"PETITIONS_KEY=" + store.GenerateKey()}
	setUpUnit(t, bin, db, env)
	srv := startServer(t, bin, db, env)
	token := srv.token("reception")

	// A request whose body is still arriving when SIGTERM comes.
	body := `{"kind":"petition","channel":"post","subject":"Kiến nghị sửa đường","petitioner":{"name":"Người Gửi"}}`
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
		token, len(body), body[:20])
	time.Sleep(300 * time.Millisecond)
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if _, err := conn.Write([]byte(body[20:])); err != nil {
		t.Fatalf("the server dropped the request in flight: %v", err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to the request in flight: %v", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("request in flight answered %d, want 201", res.StatusCode)
	}
	if err := srv.cmd.Wait(); err != nil {
		t.Fatalf("server exit after SIGTERM: %v", err)
	}
	// New connections are refused once it has stopped.
	if _, err := http.Get(srv.base + "/api/v1/public/disclosures"); err == nil {
		t.Fatal("the server still answers after SIGTERM")
	}
}

func TestBackupOfALiveDatabaseRestores(t *testing.T) {
	bin := buildBinary(t)
	env := []string{"PETITIONS_KEY=" + store.GenerateKey()}
	if storetest.Postgres() {
		// petitions backup is SQLite's VACUUM INTO; on PostgreSQL it says to use pg_dump.
		db := storetest.DSN(t)
		setUpUnit(t, bin, db, env)
		cmd := exec.Command(bin, "backup", "--db", db, filepath.Join(t.TempDir(), "copy.db"))
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "pg_dump") {
			t.Fatalf("backup of a PostgreSQL database: err %v, output:\n%s", err, out)
		}
		t.Skip("the rest backs up with VACUUM INTO, SQLite's; PostgreSQL is backed up with pg_dump")
	}
	dir := t.TempDir()
	db, copyPath := filepath.Join(dir, "live.db"), filepath.Join(dir, "copy.db")
	setUpUnit(t, bin, db, env)
	srv := startServer(t, bin, db, env)
	token := srv.token("reception")
	for i := 0; i < 10; i++ {
		if code, err := srv.call(token, "POST", "/api/v1/cases", map[string]any{"kind": "petition", "channel": "post",
			"subject": fmt.Sprintf("Kiến nghị %d", i), "petitioner": map[string]string{"name": "Người Gửi"}}, nil); code != 201 || err != nil {
			t.Fatalf("create: %d %v", code, err)
		}
	}
	scan := []byte("%PDF-1.4\n% bản quét đơn kiến nghị\n%%EOF\n")
	if code, body := srv.upload(t, token, 1, "don.pdf", scan); code != 201 {
		t.Fatalf("attach: %d %s", code, body)
	}
	runBinary(t, bin, env, "backup", "--db", db, copyPath) // while the server runs
	if out := runBinary(t, bin, env, "audit", "verify", "--db", copyPath); !strings.Contains(out, "intact: 10 records") {
		t.Fatalf("the backup's history: %s", out)
	}
	// Restore: serve the copy and read a case, identity included, with the same key.
	srv2 := startServer(t, bin, copyPath, env)
	var c struct {
		Subject    string `json:"subject"`
		Petitioner *struct {
			Name string `json:"name"`
		} `json:"petitioner"`
	}
	if code, err := srv2.call(srv2.token("reception"), "GET", "/api/v1/cases/10", nil, &c); code != 200 || err != nil {
		t.Fatalf("read from the restored copy: %d %v", code, err)
	}
	if c.Subject != "Kiến nghị 9" || c.Petitioner == nil || c.Petitioner.Name != "Người Gửi" {
		t.Fatalf("restored case %+v", c)
	}
	// The attachments came with it, beside the copy (copy.db.files).
	req, _ := http.NewRequest(http.MethodGet, srv2.base+"/api/v1/attachments/1", nil)
	req.Header.Set("Authorization", "Bearer "+srv2.token("reception"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Equal(got, scan) {
		t.Fatalf("the restored attachment: %d %q", res.StatusCode, got)
	}
	for _, table := range []string{"cases", "history", "petitioners", "users", "units", "calendar_days", "documents", "attachments"} {
		if a, b := countRows(t, db, table), countRows(t, copyPath, table); a != b {
			t.Errorf("%s: %d rows live, %d in the backup", table, a, b)
		}
	}
}

func countRows(t *testing.T, path, table string) int {
	t.Helper()
	db := storetest.Raw(t, path)
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestServeRefusesToStartWithoutAKey(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin, "serve", "--db", filepath.Join(t.TempDir(), "nokey.db"), "--addr", freeAddr(t))
	cmd.Env = append(os.Environ(), "PETITIONS_KEY=", "PETITIONS_KEY_FILE=")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "no encryption key") || !strings.Contains(string(out), "petitions key generate") {
		t.Fatalf("serve without a key: err %v, output:\n%s", err, out)
	}
}

// upload sends a file to a case as multipart, as a scanner's software would.
func (s *server) upload(t *testing.T, token string, caseID int64, name string, body []byte) (int, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	part, _ := mw.CreateFormFile("file", name)
	part.Write(body)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/v1/cases/%d/attachments", s.base, caseID), &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(out)
}
