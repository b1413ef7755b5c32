package store

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// unitTree is the units' parent links, kept in memory: every request reads a
// viewer's scope (the unit and the units below it), and the tree changes only
// when an administrator adds a unit. The store reloads it when it adds a unit
// itself, and at most unitTreeTTL after another process (the CLI) did.
type unitTree struct {
	mu       sync.Mutex
	loaded   time.Time
	children map[int64][]int64
	scopes   map[int64][]int64 // Subtree's answers from this tree, by unit
}

const unitTreeTTL = time.Minute

// Subtree returns the unit and every unit below it, by id, sorted. Each
// request's viewer needs it; walking the tree afresh each time was an eighth
// of what a transition allocated, so the answers are kept with the tree.
func (s *Store) Subtree(ctx context.Context, unitID int64) ([]int64, error) {
	t := &s.tree
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.children == nil || time.Since(t.loaded) >= unitTreeTTL {
		if err := t.load(ctx, s); err != nil {
			return nil, err
		}
	}
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

func (t *unitTree) load(ctx context.Context, s *Store) error {
	var links []struct {
		ID     int64  `db:"id"`
		Parent *int64 `db:"parent_id"`
	}
	if err := s.r.SelectContext(ctx, &links, `SELECT id, parent_id FROM units`); err != nil {
		return fmt.Errorf("store: unit tree: %w", err)
	}
	children := map[int64][]int64{}
	for _, l := range links {
		if l.Parent != nil && *l.Parent != l.ID {
			children[*l.Parent] = append(children[*l.Parent], l.ID)
		}
	}
	t.children, t.scopes, t.loaded = children, map[int64][]int64{}, time.Now()
	return nil
}

// forget makes the next read reload the tree.
func (t *unitTree) forget() {
	t.mu.Lock()
	t.children = nil
	t.mu.Unlock()
}
