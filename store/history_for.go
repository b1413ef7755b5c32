package store

import (
	"context"
	"encoding/json"
	"fmt"

	"petitions/workflow"
)

// identityFieldsPurpose binds an act's sealed identity fields to their use.
const identityFieldsPurpose = "identity_fields"

// sealIdentityFields moves the identity fields of an act's record
// (workflow.Field.Identity: a name, say, that could reveal a denouncer)
// into one sealed value, "identity_sealed", and names them in
// "identity_fields"; HistoryFor opens them only for those who may see the
// petitioner. The history is kept as long as the case, and the denouncer's
// identity is secret for as long (LTC 2018 Art. 8(3), 47).
func (s *Store) sealIdentityFields(caseID int64, kind workflow.Kind, rec *workflow.Record) error {
	sealed, names := map[string]any{}, []string{}
	for _, f := range workflow.EventFields(rec.Event, kind) {
		if v, ok := rec.Payload[f.Name]; ok && f.Identity {
			sealed[f.Name] = v
			names = append(names, f.Name)
			delete(rec.Payload, f.Name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	v, err := s.keys.sealValue(caseID, identityFieldsPurpose, sealed)
	if err != nil {
		return err
	}
	rec.Payload["identity_sealed"], rec.Payload["identity_fields"] = v, names
	return nil
}

// HistoryFor is a case's history as v may read it (API.md: GET
// /cases/{id}/history; the case page). What the store sealed in a record —
// a correction's identities, an act's identity fields — is opened for one
// who may see the petitioner, a denouncer's read recorded first: a
// correction's as "petitioner": {"before", "after"}, an act's under the
// fields' own names. Anyone else still sees which identity fields there are
// ("petitioner_fields", "identity_fields"), never their values.
func (s *Store) HistoryFor(ctx context.Context, v workflow.Viewer, c Case, purpose string) ([]HistoryRecord, error) {
	hs, err := s.History(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	sees := v.MaySeePetitioner(c.Ref())
	logged := false
	for i, h := range hs {
		var p map[string]any
		if err := json.Unmarshal(h.Payload, &p); err != nil {
			return nil, fmt.Errorf("store: history of case %d, record %d: %w", c.ID, h.Seq, err)
		}
		correction, hasCorrection := p["petitioner_sealed"].(string)
		fields, hasFields := p["identity_sealed"].(string)
		if !hasCorrection && !hasFields {
			continue
		}
		delete(p, "petitioner_sealed")
		delete(p, "identity_sealed")
		if sees {
			if c.Kind.IdentitySecret() && !logged {
				if err := s.recordIdentityRead(ctx, c.ID, v.UserID, purpose); err != nil {
					return nil, err
				}
				logged = true
			}
			if err := s.openSealed(c.ID, p, correction, fields); err != nil {
				return nil, err
			}
		}
		if hs[i].Payload, err = json.Marshal(p); err != nil {
			return nil, err
		}
	}
	return hs, nil
}

// openSealed puts a record's sealed parts back into its payload.
func (s *Store) openSealed(caseID int64, p map[string]any, correction, fields string) error {
	if correction != "" {
		var id sealedIdentities
		if err := s.keys.openValue(caseID, sealPurpose, correction, &id); err != nil {
			return err
		}
		p["petitioner"] = id
	}
	if fields != "" {
		var opened map[string]any
		if err := s.keys.openValue(caseID, identityFieldsPurpose, fields, &opened); err != nil {
			return err
		}
		for name, v := range opened {
			p[name] = v
		}
	}
	return nil
}
