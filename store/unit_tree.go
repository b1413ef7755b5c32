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
}

const unitTreeTTL = time.Minute

// Subtree returns the unit and every unit below it, by id.
func (s *Store) Subtree(ctx context.Context, unitID int64) ([]int64, error) {
	children, err := s.tree.get(ctx, s)
	if err != nil {
		return nil, err
	}
	out, seen := []int64{unitID}, map[int64]bool{unitID: true}
	for i := 0; i < len(out); i++ {
		for _, c := range children[out[i]] {
			if !seen[c] { // a broken link loops no further
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

func (t *unitTree) get(ctx context.Context, s *Store) (map[int64][]int64, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.children != nil && time.Since(t.loaded) < unitTreeTTL {
		return t.children, nil
	}
	var links []struct {
		ID     int64  `db:"id"`
		Parent *int64 `db:"parent_id"`
	}
	if err := s.r.SelectContext(ctx, &links, `SELECT id, parent_id FROM units`); err != nil {
		return nil, fmt.Errorf("store: unit tree: %w", err)
	}
	children := map[int64][]int64{}
	for _, l := range links {
		if l.Parent != nil && *l.Parent != l.ID {
			children[*l.Parent] = append(children[*l.Parent], l.ID)
		}
	}
	t.children, t.loaded = children, time.Now()
	return children, nil
}

// forget makes the next read reload the tree.
func (t *unitTree) forget() {
	t.mu.Lock()
	t.children = nil
	t.mu.Unlock()
}
