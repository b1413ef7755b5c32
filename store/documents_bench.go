package store

import (
	"context"
	"fmt"
)

// IssuableDrafts lists a unit's newest drafts of a template, for the
// benchmark to issue (cmd/petitions/bench_papers.go).
func (s *Store) IssuableDrafts(ctx context.Context, unitID int64, template string, limit int) ([]int64, error) {
	var ids []int64
	err := s.r.SelectContext(ctx, &ids, `SELECT id FROM documents WHERE unit_id = ? AND template = ? AND state = 'draft'
		ORDER BY id DESC LIMIT ?`, unitID, template, limit)
	if err != nil {
		return nil, fmt.Errorf("store: drafts of unit %d: %w", unitID, err)
	}
	return ids, nil
}
