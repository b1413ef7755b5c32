package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// identityHashes are a petitioner's keyed hashes (secret.go): what repeat
// matching and the round-2 check compare, the identities being sealed.
type identityHashes struct {
	ID   string `db:"id_hash"`
	Name string `db:"name_hash"`
}

func (k *keys) hashes(p Petitioner) identityHashes {
	return identityHashes{ID: k.idHash(p.IDNumber), Name: k.nameHash(p.Name)}
}

// same reports whether two petitioners are one person: by the ID number
// when both letters give one, else by the folded name.
func (h identityHashes) same(o identityHashes) bool {
	if h.ID != "" && o.ID != "" {
		return h.ID == o.ID
	}
	return h.Name != "" && h.Name == o.Name
}

// CheckPrior makes the check CreateCase makes of the round-1 case a round-2
// complaint names, for a form that shows the refusal next to its field before
// saving (the desk): the same function, so that the API checks exactly what
// the desk checks. Refusals are 422 workflow errors (workflow.CheckPriorRound,
// workflow.PriorUnknown).
func (s *Store) CheckPrior(ctx context.Context, v workflow.Viewer, in workflow.Intake, priorID int64, p Petitioner) error {
	_, err := s.checkPrior(ctx, s.r, v, in, priorID, s.keys.hashes(p))
	return err
}

// checkPrior reads the round-1 case priorID for the viewer and holds the new
// letter to it (LKN 2011 Art. 33): readable by the viewer (a case that does
// not exist gets the same answer as one out of reach), a round-1 complaint of
// the same complainant (by keyed hash), decided or past its deadline.
func (s *Store) checkPrior(ctx context.Context, q sqlx.QueryerContext, v workflow.Viewer, in workflow.Intake, priorID int64, h identityHashes) (Case, error) {
	received := in.ReceivedOn
	if received.IsZero() {
		received = s.Today()
	}
	if in.Kind != workflow.Complaint || in.Round != 2 {
		return Case{}, workflow.CheckPriorRound(in.Kind, in.Round, workflow.Case{}, false, received, s.Calendar())
	}
	prior, err := getCase(ctx, q, priorID)
	if workflow.ErrorCode(err) == workflow.CodeNotFound || err == nil && !v.MayRead(prior.Ref()) {
		return Case{}, workflow.PriorUnknown()
	}
	if err != nil {
		return Case{}, err
	}
	var ph identityHashes
	if err := sqlx.GetContext(whole(ctx), q, &ph, `SELECT id_hash, name_hash FROM petitioners WHERE case_id = ?`, priorID); err != nil {
		return Case{}, fmt.Errorf("store: petitioner of case %d: %w", priorID, err)
	}
	return prior, workflow.CheckPriorRound(in.Kind, in.Round, prior.Case, h.same(ph), received, s.Calendar())
}
