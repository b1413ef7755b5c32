package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"petitions/store"
	"petitions/workflow"
)

// chainFixture opens a store in a temp dir with one unit, a reception officer
// and a head, and registers n cases, each assigned (two records a case).
func chainFixture(t *testing.T, n int) (*store.Store, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "chain.db")
	s, err := store.Open(ctx, path, store.WithPasswordCost(bcrypt.MinCost))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }
	if _, err := s.CreateUnit(ctx, "U1", "Đơn vị 1", "agency", ""); err != nil {
		t.Fatal(err)
	}
	rec, err := s.CreateUser(ctx, "rec", "Tiếp dân", workflow.RoleReception, "U1", "demo")
	if err != nil {
		t.Fatal(err)
	}
	head, err := s.CreateUser(ctx, "boss", "Thủ trưởng", workflow.RoleHead, "U1", "demo")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		c, err := s.CreateCase(ctx, rec, store.NewCase{Subject: "Đơn số " + string(rune('A'+i)),
			Intake:     workflow.Intake{Kind: workflow.Petition, Channel: "post", ReceivedOn: workflow.MustDate("2026-11-20")},
			Petitioner: store.Petitioner{Name: "Nguyễn Văn Chuỗi"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ApplyEvent(ctx, head, c.ID, c.Version, workflow.Input{Event: workflow.EvAssign, Assignee: "boss"}); err != nil {
			t.Fatal(err)
		}
	}
	return s, path
}

// rawDB opens the file behind the application's back, as an intruder with the file would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestHistoryChain(t *testing.T) {
	ctx := context.Background()
	t.Run("IntactChainVerifies", func(t *testing.T) {
		s, _ := chainFixture(t, 3)
		rep, err := s.VerifyChain(ctx)
		if err != nil || !rep.OK() || rep.Records != 6 {
			t.Fatalf("VerifyChain = %+v, %v; want 6 intact records", rep, err)
		}
	})
	t.Run("CatchesAnEditedRecord", func(t *testing.T) {
		s, path := chainFixture(t, 3)
		db := rawDB(t, path)
		var id int64
		if err := db.QueryRow(`SELECT id FROM history WHERE case_id = 2 AND seq = 2`).Scan(&id); err != nil {
			t.Fatal(err)
		}
		// The append-only trigger stops a plain UPDATE; an intruder drops it first.
		if _, err := db.Exec(`UPDATE history SET actor = 'someone' WHERE id = ?`, id); err == nil {
			t.Fatal("the append-only trigger let an UPDATE through")
		}
		mustExec(t, db, `DROP TRIGGER history_no_update`)
		mustExec(t, db, `UPDATE history SET payload = '{"assignee":"someone else"}' WHERE id = ?`, id)
		rep, err := s.VerifyChain(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rep.OK() || rep.BrokenID != id || !strings.Contains(rep.Reason, "content") {
			t.Fatalf("VerifyChain = %+v; want record %d named as broken", rep, id)
		}
	})
	t.Run("CatchesARecomputedHashThroughTheRunningHash", func(t *testing.T) {
		s, path := chainFixture(t, 2)
		db := rawDB(t, path)
		mustExec(t, db, `DROP TRIGGER history_no_update`)
		// Editing a record and recomputing its own hash is still caught: the next
		// record of the case and the running hash no longer match.
		mustExec(t, db, `UPDATE history SET hash = 'forged', payload = '{}' WHERE case_id = 1 AND seq = 2`)
		rep, _ := s.VerifyChain(ctx)
		if rep.OK() || rep.CaseID != 1 || rep.Seq != 2 {
			t.Fatalf("VerifyChain = %+v; want case 1 seq 2 broken", rep)
		}
	})
	t.Run("CatchesAMovedDueDate", func(t *testing.T) {
		// The backlog as of a past day reads history.due_on; an intruder moving
		// it to hide a late case leaves the record's hashed clocks behind.
		s, path := chainFixture(t, 2)
		db := rawDB(t, path)
		mustExec(t, db, `DROP TRIGGER history_no_update`)
		mustExec(t, db, `UPDATE history SET due_on = '2099-01-01' WHERE case_id = 2 AND seq = 1`)
		rep, _ := s.VerifyChain(ctx)
		if rep.OK() || rep.CaseID != 2 || rep.Seq != 1 || !strings.Contains(rep.Reason, "due date") {
			t.Fatalf("VerifyChain = %+v; want case 2 seq 1 named for its due date", rep)
		}
	})
	t.Run("CatchesADeletedRecord", func(t *testing.T) {
		s, path := chainFixture(t, 3)
		db := rawDB(t, path)
		mustExec(t, db, `DROP TRIGGER history_no_delete`)
		mustExec(t, db, `DELETE FROM history WHERE case_id = 1 AND seq = 2`)
		rep, _ := s.VerifyChain(ctx)
		if rep.OK() {
			t.Fatalf("VerifyChain = %+v; want the deletion caught", rep)
		}
	})
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
