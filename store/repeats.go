package store

import (
	"context"
	"fmt"
	"strings"

	"petitions/workflow"
)

// Repeat is an earlier case that a new letter may repeat.
type Repeat struct {
	CaseID       int64          `db:"id" json:"id"`
	TrackingCode string         `db:"tracking_code" json:"tracking_code"`
	Kind         workflow.Kind  `db:"kind" json:"kind"`
	State        workflow.State `db:"state" json:"state"`
	ReceivedOn   workflow.Date  `db:"received_on" json:"received_on"`
	Subject      string         `db:"subject" json:"subject"`
	Reason       string         `db:"-" json:"reason"` // "same_id_number" or "same_name_similar_subject"
}

// FindRepeats lists cases in the viewer's reach that a new letter likely
// repeats: the same ID number, or the same petitioner name (diacritics folded)
// and a similar subject, matched through keyed hashes (the identities are sealed). Only the case is shown, never the other letter's sender.
func (s *Store) FindRepeats(ctx context.Context, v workflow.Viewer, p Petitioner, subject string) ([]Repeat, error) {
	id, name := s.keys.idHash(p.IDNumber), s.keys.nameHash(p.Name)
	if id == "" && name == "" {
		return nil, nil
	}
	// Each hash is matched only when the letter has it: an empty hash would
	// match every petitioner without one.
	var match []string
	args := []any{id}
	if id != "" {
		match, args = append(match, "p.id_hash = ?"), append(args, id)
	}
	if name != "" {
		match, args = append(match, "p.name_hash = ?"), append(args, name)
	}
	for _, u := range v.Scope {
		args = append(args, u)
	}
	var rows []struct {
		Repeat
		SameID bool `db:"same_id"`
	}
	err := s.r.SelectContext(ctx, &rows, `SELECT c.id, c.tracking_code, c.kind, c.state, c.received_on, c.subject,
		p.id_hash <> '' AND p.id_hash = ? AS same_id
		FROM petitioners p JOIN cases c ON c.id = p.case_id
		WHERE (`+strings.Join(match, " OR ")+`)
		AND c.unit_id IN (`+placeholders(len(v.Scope))+`)
		ORDER BY c.received_on DESC LIMIT 50`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: find repeats: %w", err)
	}
	var out []Repeat
	for _, r := range rows {
		switch {
		case r.SameID:
			r.Reason = "same_id_number"
		case workflow.SimilarSubjects(subject, r.Subject):
			r.Reason = "same_name_similar_subject"
		default:
			continue
		}
		out = append(out, r.Repeat)
	}
	return out, nil
}
