package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"golang.org/x/crypto/bcrypt"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// chainFixture opens a store on a new database with one unit, a reception
// officer and a head, and registers n cases, each assigned (two records a case).
func chainFixture(t *testing.T, n int) (*store.Store, string) {
	t.Helper()
	ctx := context.Background()
	s, dsn := storetest.OpenDSN(t, store.WithPasswordCost(bcrypt.MinCost))
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
		if _, _, err := s.ApplyEvent(ctx, head, workflow.Viewer{}, c, c.Version, workflow.Input{Event: workflow.EvAssign, Assignee: "boss"}, ""); err != nil {
			t.Fatal(err)
		}
	}
	return s, dsn
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
	t.Run("StaysIntactUnderConcurrentWritesOfTwoStores", func(t *testing.T) {
		// Two stores on one database, as two processes would be (a server and
		// a command-line tool, or two servers), must still append one record
		// after another, or two of them extend the same running hash.
		s, dsn := chainFixture(t, 6)
		s2, err := store.Open(ctx, dsn, store.WithKey(storetest.Key), store.WithPasswordCost(bcrypt.MinCost))
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		s2.Now = s.Now
		head, err := s.UserByLogin(ctx, "boss")
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 6)
		for id := int64(1); id <= 6; id++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for version := 2; version < 7; version++ {
					on := []*store.Store{s, s2}[(int(id)+version)%2]
					in := workflow.Input{Event: workflow.EvNote, Note: fmt.Sprintf("ghi chú %d", version)}
					c, err := on.Case(ctx, id)
					if err == nil {
						_, _, err = on.ApplyEvent(ctx, head, workflow.Viewer{}, c, version, in, "")
					}
					if err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		rep, err := s.VerifyChain(ctx)
		if err != nil || !rep.OK() || rep.Records != 6*2+6*5 {
			t.Fatalf("VerifyChain = %v, %v; want %d intact records", rep, err, 6*2+6*5)
		}
	})
	t.Run("CatchesAnEditedRecord", func(t *testing.T) {
		s, dsn := chainFixture(t, 3)
		db := storetest.Raw(t, dsn)
		var id int64
		if err := db.QueryRow(`SELECT id FROM history WHERE case_id = 2 AND seq = 2`).Scan(&id); err != nil {
			t.Fatal(err)
		}
		// The append-only trigger stops a plain UPDATE; an intruder drops it first.
		if _, err := db.Exec(db.Rebind(`UPDATE history SET actor = 'someone' WHERE id = ?`), id); err == nil {
			t.Fatal("the append-only trigger let an UPDATE through")
		}
		mustExec(t, db, storetest.DropTriggerSQL(dsn, "history_no_update"))
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
		s, dsn := chainFixture(t, 2)
		db := storetest.Raw(t, dsn)
		mustExec(t, db, storetest.DropTriggerSQL(dsn, "history_no_update"))
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
		s, dsn := chainFixture(t, 2)
		db := storetest.Raw(t, dsn)
		mustExec(t, db, storetest.DropTriggerSQL(dsn, "history_no_update"))
		mustExec(t, db, `UPDATE history SET due_on = '2099-01-01' WHERE case_id = 2 AND seq = 1`)
		rep, _ := s.VerifyChain(ctx)
		if rep.OK() || rep.CaseID != 2 || rep.Seq != 1 || !strings.Contains(rep.Reason, "due date") {
			t.Fatalf("VerifyChain = %+v; want case 2 seq 1 named for its due date", rep)
		}
	})
	t.Run("CatchesARecordRechainedWithoutTheKey", func(t *testing.T) {
		// Whoever holds the database file but not the key edits a record and
		// recomputes every hash after it as the SHA-256 chain did.
		s, dsn := chainFixture(t, 3)
		db := storetest.Raw(t, dsn)
		mustExec(t, db, storetest.DropTriggerSQL(dsn, "history_no_update"))
		mustExec(t, db, `UPDATE history SET payload = '{"assignee":"someone else"}' WHERE case_id = 2 AND seq = 2`)
		rechainUnkeyed(t, db)
		rep, err := s.VerifyChain(ctx)
		if err != nil || rep.OK() || !strings.Contains(rep.Reason, "content") {
			t.Fatalf("VerifyChain = %v, %v; want the rechained history caught", rep, err)
		}
	})
	t.Run("CatchesTheDeletedNewestRecord", func(t *testing.T) {
		// The newest record links to nothing after it: only the case's version
		// still counts it.
		s, dsn := chainFixture(t, 3)
		db := storetest.Raw(t, dsn)
		mustExec(t, db, storetest.DropTriggerSQL(dsn, "history_no_delete"))
		mustExec(t, db, `DELETE FROM history WHERE case_id = 3 AND seq = 2`)
		rep, err := s.VerifyChain(ctx)
		if err != nil || rep.OK() || rep.CaseID != 3 || !strings.Contains(rep.Reason, "version") {
			t.Fatalf("VerifyChain = %v, %v; want case 3 named for its version", rep, err)
		}
	})
	t.Run("CatchesACaseStateThatIsNotItsLastRecords", func(t *testing.T) {
		s, dsn := chainFixture(t, 3)
		mustExec(t, storetest.Raw(t, dsn), `UPDATE cases SET state = 'received' WHERE id = 2`)
		rep, err := s.VerifyChain(ctx)
		if err != nil || rep.OK() || rep.CaseID != 2 || !strings.Contains(rep.Reason, "state") {
			t.Fatalf("VerifyChain = %v, %v; want case 2 named for its state", rep, err)
		}
	})
	t.Run("CatchesADeletedRecord", func(t *testing.T) {
		s, dsn := chainFixture(t, 3)
		db := storetest.Raw(t, dsn)
		mustExec(t, db, storetest.DropTriggerSQL(dsn, "history_no_delete"))
		mustExec(t, db, `DELETE FROM history WHERE case_id = 1 AND seq = 2`)
		rep, _ := s.VerifyChain(ctx)
		if rep.OK() {
			t.Fatalf("VerifyChain = %+v; want the deletion caught", rep)
		}
	})
}

// TestKeyedChainMigration opens databases whose history the releases before
// 00010_keyed_chain sealed with plain SHA-256.
func TestKeyedChainMigration(t *testing.T) {
	ctx := context.Background()
	unkeyed := func(t *testing.T) (*sqlx.DB, string) {
		_, dsn := chainFixture(t, 3)
		db := storetest.Raw(t, dsn)
		mustExec(t, db, storetest.DropTriggerSQL(dsn, "history_no_update"))
		rechainUnkeyed(t, db)
		mustExec(t, db, `UPDATE chain_state SET keyed = 0`)
		return db, dsn
	}
	t.Run("RechainsAnIntactUnkeyedChainAtOpen", func(t *testing.T) {
		db, dsn := unkeyed(t)
		s, err := store.Open(ctx, dsn, store.WithKey(storetest.Key), store.WithPasswordCost(bcrypt.MinCost))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if rep, err := s.VerifyChain(ctx); err != nil || !rep.OK() || rep.Records != 6 {
			t.Fatalf("VerifyChain = %v, %v; want 6 intact records", rep, err)
		}
		if _, err := db.Exec(`UPDATE history SET actor = 'someone'`); err == nil {
			t.Fatal("the append-only trigger is not back after the re-chain")
		}
	})
	t.Run("RefusesABrokenUnkeyedChain", func(t *testing.T) {
		db, dsn := unkeyed(t)
		mustExec(t, db, `UPDATE history SET payload = '{"assignee":"someone else"}' WHERE case_id = 2 AND seq = 2`)
		s, err := store.Open(ctx, dsn, store.WithKey(storetest.Key), store.WithPasswordCost(bcrypt.MinCost))
		if err == nil {
			s.Close()
			t.Fatal("Open re-sealed a tampered history")
		}
		if !strings.Contains(err.Error(), "does not verify") || !strings.Contains(err.Error(), "case 2, seq 2") {
			t.Fatalf("Open: %v; want the broken record named", err)
		}
	})
	t.Run("RefusesToRechainWithoutTheKey", func(t *testing.T) {
		_, dsn := unkeyed(t)
		s, err := store.Open(ctx, dsn, store.WithPasswordCost(bcrypt.MinCost))
		if err == nil {
			s.Close()
			t.Fatal("Open re-sealed the history with a throwaway key")
		}
		if !strings.Contains(err.Error(), "key") {
			t.Fatalf("Open: %v; want it to ask for the key", err)
		}
	})
}

// mustExec runs a statement written with ? placeholders on a raw connection.
func mustExec(t *testing.T, db *sqlx.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(db.Rebind(q), args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
