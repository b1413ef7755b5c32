package main

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
)

// runOut runs the command in this process and returns what it printed.
func runOut(t *testing.T, args ...string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	runErr := run(context.Background(), args)
	os.Stdout = stdout
	w.Close()
	out, _ := io.ReadAll(r)
	if runErr != nil {
		t.Fatalf("petitions %s: %v", strings.Join(args, " "), runErr)
	}
	return strings.TrimSpace(string(out))
}

func TestTokenCommands(t *testing.T) {
	db := storetest.DSN(t)
	t.Setenv("PETITIONS_PASSWORD", "demo")
	runOut(t, "unit", "add", "--db", db, "--code", "U1", "--name", "UBND xã Thử")
	runOut(t, "user", "add", "--db", db, "--login", "head", "--name", "Thủ trưởng", "--role", "head", "--unit", "U1")
	short := runOut(t, "token", "create", "--db", db, "--user", "head", "--ttl", "1h")
	long := runOut(t, "token", "create", "--db", db, "--user", "head")
	other := runOut(t, "token", "create", "--db", db, "--user", "head")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	works := func(tok string, at time.Time) bool {
		s.Now = func() time.Time { return at }
		_, err := s.UserByToken(ctx, tok)
		return err == nil
	}
	now := time.Now()
	if !works(short, now) || works(short, now.Add(61*time.Minute)) {
		t.Error("--ttl 1h: the token does not end an hour later")
	}
	if !works(long, now.Add(29*24*time.Hour)) || works(long, now.Add(30*24*time.Hour+time.Minute)) {
		t.Error("default: the token does not end 30 days later")
	}
	runOut(t, "token", "revoke", "--db", db, "--token", long)
	if works(long, now) || !works(other, now) {
		t.Error("token revoke --token: wrong tokens revoked")
	}
	runOut(t, "token", "revoke", "--db", db, "--user", "head")
	if works(other, now) {
		t.Error("token revoke --user: a token still works")
	}
	fresh := runOut(t, "token", "create", "--db", db, "--user", "head")
	runOut(t, "user", "password", "--db", db, "--login", "head", "--password", "mới-mới")
	if works(fresh, now) {
		t.Error("user password: the old token still works")
	}
	fresh = runOut(t, "token", "create", "--db", db, "--user", "head")
	runOut(t, "user", "disable", "--db", db, "--login", "head")
	if works(fresh, now) {
		t.Error("user disable: the token still works")
	}
	if err := run(ctx, []string{"token", "revoke", "--db", db}); err == nil {
		t.Error("token revoke with neither --token nor --user succeeded")
	}
}
