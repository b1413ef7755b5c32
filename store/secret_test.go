package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

func TestDenouncerIdentityIsSealedAtRest(t *testing.T) {
	ctx := context.Background()
	key, err := store.ParseKey(store.GenerateKey())
	if err != nil {
		t.Fatal(err)
	}
	s, dsn := storetest.OpenDSN(t, store.WithKey(key))
	if _, err := s.CreateUnit(ctx, "U1", "Thanh tra tỉnh", "agency", ""); err != nil {
		t.Fatal(err)
	}
	rec, _ := s.CreateUser(ctx, "rec", "Tiếp dân", workflow.RoleReception, "U1", "demo")
	const name, idNumber = "Lương Thị Kín Đáo", "079188004321"
	c, err := s.CreateCase(ctx, rec, store.NewCase{Subject: "Tố cáo sai phạm trong đấu thầu",
		Intake:     workflow.Intake{Kind: workflow.Denunciation, Channel: "post"},
		Petitioner: store.Petitioner{Name: name, IDNumber: idNumber, Phone: "0905123456", Address: "12 Trần Phú"}})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := s.Viewer(ctx, rec)
	if p, ok, err := s.Petitioner(ctx, v, c, "test"); err != nil || !ok || p.Name != name || p.IDNumber != idNumber {
		t.Fatalf("the registering officer reads back %+v, %v, %v", p, ok, err)
	}
	// A SQLite backup lands beside the database file, where assertNotStored
	// reads it too, and the other key below opens that copy. PostgreSQL is
	// backed up with pg_dump, which the store does not run: the other key
	// opens the database itself.
	reopen := dsn
	if store.IsPostgresDSN(dsn) {
		err := s.Backup(ctx, filepath.Join(t.TempDir(), "backup.db"))
		if err == nil || !strings.Contains(err.Error(), "pg_dump") {
			t.Fatalf("Backup on PostgreSQL = %v; want an error pointing to pg_dump", err)
		}
	} else {
		reopen = filepath.Join(filepath.Dir(dsn), "backup.db")
		if err := s.Backup(ctx, reopen); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("NeitherTheDatabaseNorItsBackupRevealsTheDenouncer", func(t *testing.T) {
		assertNotStored(t, dsn, name, idNumber, "Luong Thi Kin Dao", "luong thi kin dao", "0905123456")
	})
	t.Run("RepeatsAreStillMatchedThroughKeyedHashes", func(t *testing.T) {
		reps, err := s.FindRepeats(ctx, v, store.Petitioner{IDNumber: idNumber}, "việc khác hẳn")
		if err != nil || len(reps) != 1 || reps[0].CaseID != c.ID || reps[0].Reason != "same_id_number" {
			t.Fatalf("FindRepeats by ID number = %+v, %v", reps, err)
		}
		reps, _ = s.FindRepeats(ctx, v, store.Petitioner{Name: "luong thi kin dao"}, "Tố cáo sai phạm đấu thầu")
		if len(reps) != 1 || reps[0].Reason != "same_name_similar_subject" {
			t.Fatalf("FindRepeats by folded name = %+v", reps)
		}
	})
	t.Run("AnotherKeyCannotOpenIt", func(t *testing.T) {
		s.Close()
		other, _ := store.ParseKey(store.GenerateKey())
		s2, err := store.Open(ctx, reopen, store.WithKey(other))
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		c2, _ := s2.Case(ctx, c.ID)
		if _, _, err := s2.Petitioner(ctx, v, c2, "test"); err == nil {
			t.Fatal("a store opened with another key read the identity")
		}
	})
}
