package store_test

import (
	"context"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"golang.org/x/crypto/bcrypt"

	"petitions/demo"
	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// Today's backlog is counted from the active cases the store keeps in memory
// (backlog_today.go). Whoever writes — this store, or another process on the
// same database — the kept counts must be the database's, step after step.
// Each step that changes the backlog is checked to change it, so a set that
// missed the step's writes would fail.

func TestBacklogTodayMatchesTheDatabase(t *testing.T) {
	ctx := context.Background()
	s, dsn := storetest.OpenDSN(t, store.WithPasswordCost(bcrypt.MinCost))
	s.Now = func() time.Time { return fixedNow }
	if _, err := demo.Load(ctx, s, demo.Options{Seed: 2026}); err != nil {
		t.Fatalf("load the demo: %v", err)
	}
	b := &keptBench{t: t, ctx: ctx, s: s, raw: storetest.Raw(t, dsn), today: s.Today()}
	units, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var all []int64
	for _, u := range units {
		all = append(all, u.ID)
	}
	commune := b.unitOf(b.casesIn("received", "assigned", "in_resolution")[0])
	b.scopes = [][]int64{all, {commune}, {}}

	t.Run("FirstUseLoadsTheActiveCases", func(t *testing.T) { b.same(t, false) })
	t.Run("AfterEvents", func(t *testing.T) {
		for _, id := range b.casesIn("received", "assigned")[:4] {
			b.reject(t, s, id)
		}
		for _, id := range b.casesIn("assigned")[:2] {
			b.act(t, s, id, workflow.Input{Event: workflow.EvAccept})
		}
		b.same(t, true)
	})
	t.Run("AfterBaselineNote", func(t *testing.T) {
		id := b.casesIn("in_resolution")[0]
		if err := s.BaselineNote(ctx, b.user(t, s, b.unitOf(id), "head"), id, b.today); err != nil {
			t.Fatal(err)
		}
		b.same(t, false) // a note changes no count, but the set reads the case again
	})
	t.Run("AfterNewCases", func(t *testing.T) {
		b.register(t, s, commune, b.today)
		b.register(t, s, commune, b.today.AddDays(-40))
		b.same(t, true)
	})
	other, err := store.Open(ctx, dsn, store.WithKey(storetest.Key), store.WithPasswordCost(bcrypt.MinCost))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = s.Now
	t.Run("AfterAnotherProcessWrites", func(t *testing.T) {
		for _, id := range b.casesIn("received", "assigned")[:3] {
			b.reject(t, other, id)
		}
		b.register(t, other, commune, b.today.AddDays(-3))
		b.same(t, true)
	})
	t.Run("WhileRequestsCount", func(t *testing.T) {
		var wg sync.WaitGroup
		done := make(chan struct{})
		for range 4 {
			wg.Go(func() {
				for {
					select {
					case <-done:
						return
					default:
					}
					if _, err := s.Backlog(ctx, all, b.today); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		for _, id := range b.casesIn("received", "assigned")[:3] {
			b.reject(t, s, id)
			b.register(t, other, commune, b.today)
		}
		close(done)
		wg.Wait()
		b.same(t, true)
	})
	t.Run("AnActDatedAfterTodayTurnsItOff", func(t *testing.T) {
		id := b.casesIn("in_resolution")[0]
		if err := other.BaselineNote(ctx, b.user(t, other, b.unitOf(id), "head"), id, b.today.AddDays(1)); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.BacklogKept(ctx, all, b.today); err != nil || ok {
			t.Fatalf("kept set used after an act dated tomorrow (ok %v, err %v)", ok, err)
		}
		want, err := s.BacklogBySQL(ctx, all, b.today)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := s.Backlog(ctx, all, b.today); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Backlog %+v (%v), want the database's %+v", got, err, want)
		}
	})
}

// keptBench is the demo province with helpers to act on it and compare counts.
type keptBench struct {
	t      *testing.T
	ctx    context.Context
	s      *store.Store
	raw    *sqlx.DB
	today  workflow.Date
	scopes [][]int64
	last   workflow.Backlog // the whole province's, at the last comparison
}

// same checks that the kept set and the database count today's backlog
// alike in every scope, and that the step changed the province's backlog
// when it should have.
func (b *keptBench) same(t *testing.T, changed bool) {
	t.Helper()
	for i, scope := range b.scopes {
		want, err := b.s.BacklogBySQL(b.ctx, scope, b.today)
		if err != nil {
			t.Fatal(err)
		}
		got, ok, err := b.s.BacklogKept(b.ctx, scope, b.today)
		if err != nil || !ok {
			t.Fatalf("kept set refused today (ok %v, err %v)", ok, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("scope %v: kept\n %+v\nwant the database's\n %+v", scope, got, want)
		}
		if via, err := b.s.Backlog(b.ctx, scope, b.today); err != nil || !reflect.DeepEqual(via, want) {
			t.Errorf("scope %v: Backlog %+v (%v), want %+v", scope, via, err, want)
		}
		if i == 0 {
			if want.Open == 0 || want.Overdue == 0 || want.DueSoon == 0 {
				t.Errorf("a measure at zero proves little: %+v", want)
			}
			if !b.last.AsOf.IsZero() && changed == reflect.DeepEqual(want, b.last) {
				t.Errorf("the step changed the backlog: %v, want %v", !changed, changed)
			}
			b.last = want
		}
	}
}

// casesIn lists the ids of the cases in the states, oldest first; it fails the
// test when there are none.
func (b *keptBench) casesIn(states ...string) []int64 {
	b.t.Helper()
	q, args, err := sqlx.In(`SELECT id FROM cases WHERE state IN (?) AND NOT anonymous ORDER BY id`, states)
	if err != nil {
		b.t.Fatal(err)
	}
	var ids []int64
	if err := b.raw.SelectContext(b.ctx, &ids, b.raw.Rebind(q), args...); err != nil || len(ids) == 0 {
		b.t.Fatalf("cases in %v: %v (%d)", states, err, len(ids))
	}
	return ids
}

func (b *keptBench) unitOf(caseID int64) int64 {
	b.t.Helper()
	var id int64
	if err := b.raw.GetContext(b.ctx, &id, b.raw.Rebind(`SELECT unit_id FROM cases WHERE id = ?`), caseID); err != nil {
		b.t.Fatal(err)
	}
	return id
}

// user is a user of the unit in the role.
func (b *keptBench) user(t *testing.T, s *store.Store, unitID int64, role workflow.Role) store.User {
	t.Helper()
	var login string
	err := b.raw.GetContext(b.ctx, &login, b.raw.Rebind(`SELECT login FROM users WHERE unit_id = ? AND role = ? ORDER BY id LIMIT 1`),
		unitID, string(role))
	if err != nil {
		t.Fatalf("a %s of unit %d: %v", role, unitID, err)
	}
	u, err := s.UserByLogin(b.ctx, login)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// act fires the event on the case as the head of its unit, through s.
func (b *keptBench) act(t *testing.T, s *store.Store, id int64, in workflow.Input) {
	t.Helper()
	c, err := s.Case(b.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ApplyEvent(b.ctx, b.user(t, s, c.UnitID, workflow.RoleHead), workflow.Viewer{}, c, c.Version, in, ""); err != nil {
		t.Fatalf("%s on case %d (%s): %v", in.Event, id, c.State, err)
	}
}

// reject ends the case before acceptance: it leaves the active cases.
func (b *keptBench) reject(t *testing.T, s *store.Store, id int64) {
	t.Helper()
	c, err := s.Case(b.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	b.act(t, s, id, workflow.Input{Event: workflow.EvReject, ReasonCode: workflow.ReasonCodes(c.Kind, workflow.EvReject)[0].Code})
}

// register enters a complaint received on the day at the unit, through s.
func (b *keptBench) register(t *testing.T, s *store.Store, unitID int64, received workflow.Date) {
	t.Helper()
	if _, err := s.CreateCase(b.ctx, b.user(t, s, unitID, workflow.RoleReception), letter(workflow.Complaint, 1, received.String())); err != nil {
		t.Fatal(err)
	}
}
