package store

import (
	"context"
	"fmt"
	"strings"

	"petitions/workflow"
)

// Disclosure is one published decision or conclusion (API.md: public disclosures).
type Disclosure struct {
	TrackingCode string        `db:"tracking_code" json:"tracking_code"`
	Kind         string        `db:"kind" json:"kind"`
	Unit         string        `db:"unit" json:"unit"`
	ResolvedOn   workflow.Date `db:"resolved_on" json:"resolved_on"`
	DisclosedOn  workflow.Date `db:"disclosed_on" json:"disclosed_on"`
	Outcome      string        `db:"outcome" json:"outcome"`
	Text         string        `db:"text" json:"text"`
}

// Disclosures lists published texts, newest first, optionally matching q.
// Only the text the head wrote for publication is returned, never the letter.
func (s *Store) Disclosures(ctx context.Context, q string, limit int) ([]Disclosure, error) {
	if limit <= 0 || limit > MaxPageSize {
		limit = 50
	}
	text := s.dialect.jsonText("c.facts", "disclosure_text")
	where, args := "c.disclosed_on IS NOT NULL", []any{}
	if q = strings.TrimSpace(q); q != "" {
		w, a, ok := publicSearchClause(q) // store/search.go
		if !ok {
			return []Disclosure{}, nil // no stored text holds it
		}
		where, args = where+" AND "+w, append(args, a...)
	}
	args = append(args, limit)
	ds := []Disclosure{}
	err := s.r.SelectContext(ctx, &ds, `SELECT c.tracking_code, c.kind, n.name AS unit, c.resolved_on, c.disclosed_on,
		COALESCE(c.outcome, '') AS outcome, COALESCE(`+text+`, '') AS text
		FROM cases c JOIN units n ON n.id = c.unit_id WHERE `+where+` ORDER BY c.disclosed_on DESC, c.id DESC LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: disclosures: %w", err)
	}
	return ds, nil
}
