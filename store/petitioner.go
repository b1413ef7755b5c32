package store

import (
	"context"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// Petitioner returns who sent the letter, if the viewer may see it (DOMAIN.md
// §4); ok is false otherwise. Every read of a denouncer's identity is recorded,
// and a read that cannot be recorded is not made.
func (s *Store) Petitioner(ctx context.Context, v workflow.Viewer, c Case, purpose string) (Petitioner, bool, error) {
	if !v.MaySeePetitioner(c.Ref()) {
		return Petitioner{}, false, nil
	}
	if c.Kind.IdentitySecret() {
		if err := s.recordIdentityRead(ctx, c.ID, v.UserID, purpose); err != nil {
			return Petitioner{}, false, err
		}
	}
	p, err := s.petitioner(ctx, s.r, c.ID)
	return p, err == nil, err
}

// petitioner opens the sealed identity of a case; callers check the right to see it.
func (s *Store) petitioner(ctx context.Context, q sqlx.QueryerContext, caseID int64) (Petitioner, error) {
	var sealed string
	if err := sqlx.GetContext(whole(ctx), q, &sealed, `SELECT sealed FROM petitioners WHERE case_id = ?`, caseID); err != nil {
		return Petitioner{}, notFound(err, "người gửi đơn")
	}
	return s.keys.open(caseID, sealed)
}

// VisitIdentityReads counts the logged reads of the denouncer of a visit that became no case.
func (s *Store) VisitIdentityReads(ctx context.Context, visitID int64) (int, error) {
	var n int
	err := s.r.GetContext(ctx, &n, `SELECT COUNT(*) FROM visit_identity_reads WHERE visit_id = ?`, visitID)
	return n, err
}

// IdentityReads counts the recorded reads of a case's petitioner.
func (s *Store) IdentityReads(ctx context.Context, caseID int64) (int, error) {
	var n int
	err := s.r.GetContext(ctx, &n, `SELECT COUNT(*) FROM identity_reads WHERE case_id = ?`, caseID)
	return n, err
}
