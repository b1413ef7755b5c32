package store_test

import (
	"context"
	"sync"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
)

// Issue 20: two servers starting at once on a new database do not both
// migrate it: both open, and each migration is applied once (on PostgreSQL
// goose holds an advisory lock while it runs; on SQLite the writer's lock).
func TestTwoServersMigrateOnce(t *testing.T) {
	dsn := storetest.DSN(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := store.Open(context.Background(), dsn, store.WithKey(storetest.Key), store.WithFiles(t.TempDir()))
			if err == nil {
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("server %d: %v", i, err)
		}
	}
	db := storetest.Raw(t, dsn)
	var applied, versions int
	if err := db.Get(&applied, `SELECT COUNT(*) FROM goose_db_version WHERE version_id > 0`); err != nil {
		t.Fatal(err)
	}
	if err := db.Get(&versions, `SELECT COUNT(DISTINCT version_id) FROM goose_db_version WHERE version_id > 0`); err != nil {
		t.Fatal(err)
	}
	if applied != versions || versions < 30 {
		t.Errorf("%d migrations applied for %d versions", applied, versions)
	}
}
