package store

import (
	"context"
	"fmt"

	"petitions/workflow"
)

// Petitioner returns who sent the letter, if the viewer may see it (DOMAIN.md
// §4); ok is false otherwise. Every read of a denouncer's identity is recorded,
// and a read that cannot be recorded is not made.
func (s *Store) Petitioner(ctx context.Context, v workflow.Viewer, c Case, purpose string) (Petitioner, bool, error) {
	if !v.MaySeePetitioner(c.Ref()) {
		return Petitioner{}, false, nil
	}
	if c.Kind == workflow.Denunciation {
		if _, err := s.w.ExecContext(ctx, `INSERT INTO identity_reads (case_id, user_id, at, purpose) VALUES (?, ?, ?, ?)`,
			c.ID, v.UserID, s.stamp(), purpose); err != nil {
			return Petitioner{}, false, fmt.Errorf("store: record identity read: %w", err)
		}
	}
	var p Petitioner
	err := s.r.GetContext(ctx, &p, `SELECT name, id_number, phone, address FROM petitioners WHERE case_id = ?`, c.ID)
	if err != nil {
		return Petitioner{}, false, notFound(err, "người gửi đơn")
	}
	return p, true, nil
}

// IdentityReads counts the recorded reads of a case's petitioner.
func (s *Store) IdentityReads(ctx context.Context, caseID int64) (int, error) {
	var n int
	err := s.r.GetContext(ctx, &n, `SELECT COUNT(*) FROM identity_reads WHERE case_id = ?`, caseID)
	return n, err
}
