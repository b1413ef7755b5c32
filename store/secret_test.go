package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

func TestDenouncerIdentityIsSealedAtRest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "secret.db")
	key, err := store.ParseKey(store.GenerateKey())
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, path, store.WithKey(key))
	if err != nil {
		t.Fatal(err)
	}
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
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}

	t.Run("NeitherTheFileNorItsBackupRevealsTheDenouncer", func(t *testing.T) {
		for _, f := range []string{path, path + "-wal", backup} {
			raw, err := os.ReadFile(f)
			if err != nil {
				if os.IsNotExist(err) {
					continue
				}
				t.Fatal(err)
			}
			for _, secret := range []string{name, idNumber, "Luong Thi Kin Dao", "luong thi kin dao", "0905123456"} {
				if bytes.Contains(raw, []byte(secret)) {
					t.Errorf("%s contains %q in clear", filepath.Base(f), secret)
				}
			}
		}
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
		s2, err := store.Open(ctx, backup, store.WithKey(other))
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
