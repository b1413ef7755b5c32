package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// Issue 20: with a streaming standby as the read replica, the supervisors'
// backlog is read there — a letter registered on the primary appears in it
// once the standby has replayed it, and not while its replay is paused — while
// every write, and a case read after its write, goes to the primary. When
// the standby stops, the store keeps registering letters, its backlog reads
// fall back to the primary, and a warning is logged.
func TestReadReplica(t *testing.T) {
	dsn := storetest.DSN(t)
	replicaDSN := storetest.ReplicaDSN(t, dsn)
	var logged syncBuffer
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, nil)))
	ctx := context.Background()
	s, err := store.Open(ctx, dsn, store.WithKey(storetest.Key), store.WithFiles(t.TempDir()), store.WithReadReplica(replicaDSN))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
	if _, err := s.CreateUnit(ctx, "KH", "Tỉnh Khánh Hòa", "province", ""); err != nil {
		t.Fatal(err)
	}
	clerk, err := s.CreateUser(ctx, "reception", "Lê Thị Tiếp", workflow.RoleReception, "KH", "demo")
	if err != nil {
		t.Fatal(err)
	}
	units := []int64{clerk.UnitID}
	register := func() store.Case {
		t.Helper()
		c, err := s.CreateCase(ctx, clerk, letter(workflow.Petition, 0, "2026-11-24"))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	openCases := func() int {
		t.Helper()
		b, err := s.Backlog(ctx, units, s.Today())
		if err != nil {
			t.Fatal(err)
		}
		return b.Open
	}
	eventually := func(what string, want int) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); openCases() != want; time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the backlog shows %d open, want %d", what, openCases(), want)
			}
		}
	}
	register()
	eventually("the first letter, replayed", 1)

	standby := storetest.Raw(t, replicaDSN)
	var recovering bool
	if err := standby.Get(&recovering, `SELECT pg_is_in_recovery()`); err != nil || !recovering {
		t.Fatalf("the replica is not a standby: %v, %v", recovering, err)
	}
	if _, err := standby.Exec(`SELECT pg_wal_replay_pause()`); err != nil {
		t.Fatal(err)
	}
	// The pause is a request: replay stops at the standby's next record.
	for state, deadline := "", time.Now().Add(20*time.Second); state != "paused"; time.Sleep(20 * time.Millisecond) {
		if err := standby.Get(&state, `SELECT pg_get_wal_replay_pause_state()`); err != nil || time.Now().After(deadline) {
			t.Fatalf("the standby's replay did not pause: %q, %v", state, err)
		}
	}
	second := register()
	if c, err := s.Case(ctx, second.ID); err != nil || c.ID != second.ID {
		t.Errorf("the letter just registered, read back: %v", err)
	}
	time.Sleep(300 * time.Millisecond)
	if n := openCases(); n != 1 {
		t.Errorf("with the standby's replay paused the backlog shows %d open: it was not read on the standby; log:\n%s", n, logged.String())
	}
	if _, err := standby.Exec(`SELECT pg_wal_replay_resume()`); err != nil {
		t.Fatal(err)
	}
	eventually("the second letter, replayed", 2)
	standby.Close()

	storetest.ReplicaCtl(t, "stop")
	t.Cleanup(func() { storetest.ReplicaCtl(t, "start") })
	register()
	if n := openCases(); n != 3 {
		t.Errorf("with the standby stopped the backlog shows %d open, want 3 from the primary", n)
	}
	if !strings.Contains(logged.String(), "read replica failed") {
		t.Errorf("no warning logged of the stopped replica:\n%s", logged.String())
	}
}

// syncBuffer is a bytes.Buffer the logger and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
