package store

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// unitTree is the units and their parent links, kept in memory: every
// request reads a viewer's scope (the unit and the units below it), every
// queue page lists the units, and units change only when an administrator
// adds one. The store reloads them when it adds a unit itself, and at most
// unitTreeTTL after another process (the CLI) did.
type unitTree struct {
	mu       sync.Mutex
	loaded   time.Time
	units    []Unit // by code
	children map[int64][]int64
	scopes   map[int64][]int64 // Subtree's answers from this tree, by unit
}

const unitTreeTTL = time.Minute

// Subtree returns the unit and every unit below it, by id, sorted. Each
// request's viewer needs it; walking the tree afresh each time was an eighth
// of what a transition allocated, so the answers are kept with the tree.
func (s *Store) Subtree(ctx context.Context, unitID int64) ([]int64, error) {
	t, err := s.tree.current(ctx, s)
	if err != nil {
		return nil, err
	}
	defer t.mu.Unlock()
	out, ok := t.scopes[unitID]
	if !ok {
		out = t.walk(unitID)
		t.scopes[unitID] = out
	}
	return slices.Clone(out), nil // the caller's to keep or change
}

func (t *unitTree) walk(unitID int64) []int64 {
	out, seen := []int64{unitID}, map[int64]bool{unitID: true}
	for i := 0; i < len(out); i++ {
		for _, c := range t.children[out[i]] {
			if !seen[c] { // a broken link loops no further
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Units lists every unit, by code.
func (s *Store) Units(ctx context.Context) ([]Unit, error) {
	t, err := s.tree.current(ctx, s)
	if err != nil {
		return nil, err
	}
	defer t.mu.Unlock()
	return slices.Clone(t.units), nil
}

// current locks the tree, loaded and fresh; the caller unlocks it.
func (t *unitTree) current(ctx context.Context, s *Store) (*unitTree, error) {
	t.mu.Lock()
	if !t.loaded.IsZero() && time.Since(t.loaded) < unitTreeTTL {
		return t, nil
	}
	var units []Unit
	if err := s.r.SelectContext(ctx, &units, `SELECT `+unitColumns+` FROM units ORDER BY code`); err != nil {
		t.mu.Unlock()
		return nil, fmt.Errorf("store: units: %w", err)
	}
	children := map[int64][]int64{}
	for _, u := range units {
		if u.ParentID != nil && *u.ParentID != u.ID {
			children[*u.ParentID] = append(children[*u.ParentID], u.ID)
		}
	}
	t.units, t.children, t.scopes, t.loaded = units, children, map[int64][]int64{}, time.Now()
	return t, nil
}

// forget makes the next read reload the tree.
func (t *unitTree) forget() {
	t.mu.Lock()
	t.loaded = time.Time{}
	t.mu.Unlock()
}

// UnitTree is the unit and every unit below it, each parent before its
// children, siblings by code: the rows of a report.
func (s *Store) UnitTree(ctx context.Context, rootID int64) ([]Unit, error) {
	t, err := s.tree.current(ctx, s)
	if err != nil {
		return nil, err
	}
	defer t.mu.Unlock()
	byID := make(map[int64]Unit, len(t.units))
	for _, u := range t.units {
		byID[u.ID] = u
	}
	var out []Unit
	seen := map[int64]bool{}
	var visit func(id int64)
	visit = func(id int64) {
		u, ok := byID[id]
		if !ok || seen[id] { // a broken link loops no further
			return
		}
		seen[id] = true
		out = append(out, u)
		for _, c := range t.children[id] {
			visit(c)
		}
	}
	visit(rootID)
	return out, nil
}
