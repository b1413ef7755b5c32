package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// Correction is a correct act (issue 13 §3): why, when, and the registration
// fields to change. A nil or zero field stays as it is.
type Correction struct {
	On          workflow.Date
	Reason      string
	Note        string
	ReceivedOn  workflow.Date
	Kind        workflow.Kind
	Round       *int
	PriorCaseID *int64 // 0 unlinks
	Channel     workflow.Channel
	ForwardedBy *string
	Subject     *string
	Content     *string
	Petitioner  PetitionerPatch
}

// PetitionerPatch holds the identity fields a correction changes.
type PetitionerPatch struct {
	Name, IDNumber, Phone, Address *string
}

// Given reports whether any identity field is named.
func (p PetitionerPatch) Given() bool {
	return p.Name != nil || p.IDNumber != nil || p.Phone != nil || p.Address != nil
}

// identityFields pairs each identity field's API name with its place in a
// Petitioner and in a patch, in workflow.CorrectionFields' order.
func identityFields(p *Petitioner, q PetitionerPatch) []struct {
	name  string
	value *string
	patch *string
} {
	return []struct {
		name  string
		value *string
		patch *string
	}{{"name", &p.Name, q.Name}, {"id_number", &p.IDNumber, q.IDNumber}, {"phone", &p.Phone, q.Phone},
		{"address", &p.Address, q.Address}}
}

// sealedIdentities is what a correction's record keeps of the identity
// fields it changed, sealed: their values before and after, by API name.
type sealedIdentities struct {
	Before map[string]string `json:"before"`
	After  map[string]string `json:"after"`
}

// sealPurpose binds a correction's sealed identities to their use.
const sealPurpose = "correction"

// Correct corrects what was typed at registration, for actor acting as v, on
// the case as read at version (409 when stale). The case row, the sealed
// petitioner with its keyed hashes (so that repeat matching follows the new
// values) and the history record commit in one transaction; the record keeps
// the before and after of each field, the identity sealed. Only those who may
// see the petitioner may change it (403 identity_not_visible). A round-1 case
// it names passes CheckPrior. With purpose set, the answer carries the
// petitioner where v may see it, a denouncer's read recorded in the same
// transaction; otherwise the petitioner is nil.
func (s *Store) Correct(ctx context.Context, actor User, v workflow.Viewer, c Case, version int, k Correction, purpose string) (Case, *Petitioner, error) {
	fail := func(err error) (Case, *Petitioner, error) { return Case{}, nil, err }
	if err := refuseUnstorable(k.texts()...); err != nil {
		return fail(err)
	}
	if c.Version != version {
		return fail(workflow.Errorf(workflow.CodeConflict, "hồ sơ đã được cập nhật (phiên bản %d, bạn gửi %d); hãy tải lại", c.Version, version))
	}
	sees := v.MaySeePetitioner(c.Ref())
	if k.Petitioner.Given() && !sees {
		return fail(&workflow.Error{Code: workflow.CodeIdentityForbidden, Field: "petitioner",
			Message: "bạn không được xem danh tính người gửi đơn nên không được sửa danh tính"})
	}
	if k.Petitioner.Given() && c.Anonymous {
		return fail(workflow.Invalid("petitioner", "đơn nặc danh không ghi danh tính người gửi"))
	}
	before := registrationOf(c)
	after, err := k.apply(before)
	if err != nil {
		return fail(err)
	}
	id, err := s.correctIdentity(ctx, c.ID, k.Petitioner)
	if err != nil {
		return fail(err)
	}
	wc := &workflow.Correction{Before: before, After: after, Identity: id.fields}
	if err := s.correctionFacts(ctx, v, c, wc, id); err != nil {
		return fail(err)
	}
	cal := s.Calendar()
	today, now := s.clock()
	env := workflow.Env{Calendar: cal, Today: today, History: Unit{Settings: c.UnitSettings}.SettingsHistory()}
	in := workflow.Input{Event: workflow.EvCorrect, On: k.On, Reason: k.Reason, Note: k.Note, Correction: wc}
	n, rec, err := workflow.Apply(c.Case, in, workflow.Actor{Login: actor.Login, Role: actor.Role}, env)
	if err != nil {
		return fail(err)
	}
	if len(id.fields) > 0 {
		if rec.Payload["petitioner_sealed"], err = s.keys.sealValue(c.ID, sealPurpose, id.sealed); err != nil {
			return fail(err)
		}
	}
	set, args, err := caseChanges(c, c.AssigneeID, n, now)
	if err != nil {
		return fail(err)
	}
	set, args = registrationChanges(c, after, n, set, args)
	record, err := newRecord(c.ID, rec, actor, n, now)
	if err != nil {
		return fail(err)
	}
	var updated Case
	err = s.write(ctx, func(tx *txn) error {
		if err := s.updateCase(ctx, tx, cal, c.ID, version, set, args); err != nil {
			return err
		}
		// search_fold changed with them, if the subject or content did (registrationChanges).
		if err := s.writeWords(ctx, tx, c.ID, searchFold(c.TrackingCode, c.Subject, c.Content),
			searchFold(c.TrackingCode, after.Subject, after.Content)); err != nil {
			return err
		}
		if len(id.fields) > 0 {
			sealed, err := s.keys.seal(c.ID, id.after)
			if err != nil {
				return err
			}
			h := s.keys.hashes(id.after)
			if _, err := tx.ExecContext(ctx, `UPDATE petitioners SET sealed = ?, id_hash = ?, name_hash = ?, phone_hash = ? WHERE case_id = ?`,
				sealed, h.ID, h.Name, s.keys.phoneHash(id.after.Phone), c.ID); err != nil {
				return fmt.Errorf("store: correct the petitioner of case %d: %w", c.ID, err)
			}
		}
		if err := record.append(ctx, tx, s.keys); err != nil {
			return err
		}
		if updated, err = getCase(ctx, tx, c.ID); err != nil {
			return err
		}
		// The answer shows the petitioner as the case now stands (a new kind may hide it).
		sees = v.MaySeePetitioner(updated.Ref())
		if purpose == "" || !sees || !updated.Kind.IdentitySecret() {
			return nil
		}
		return insertIdentityRead(ctx, tx, c.ID, v.UserID, now, purpose)
	})
	if err != nil || purpose == "" || !sees {
		return updated, nil, err
	}
	p := id.after
	if !id.read {
		if p, err = s.petitioner(ctx, s.r, c.ID); err != nil {
			return updated, nil, err
		}
	}
	return updated, &p, nil
}

// texts are the correction's free texts as field, value pairs.
func (k Correction) texts() []string {
	out := []string{"reason", k.Reason, "note", k.Note}
	for _, f := range []struct {
		name string
		v    *string
	}{{"forwarded_by", k.ForwardedBy}, {"subject", k.Subject}, {"content", k.Content},
		{"petitioner.name", k.Petitioner.Name}, {"petitioner.id_number", k.Petitioner.IDNumber},
		{"petitioner.phone", k.Petitioner.Phone}, {"petitioner.address", k.Petitioner.Address}} {
		if f.v != nil {
			out = append(out, f.name, *f.v)
		}
	}
	return out
}

// registrationOf is the case's registration as typed (or last corrected).
func registrationOf(c Case) workflow.Registration {
	return workflow.Registration{Kind: c.Kind, Round: c.Round, PriorCaseID: c.PriorCaseID, Channel: c.Channel,
		ForwardedBy: c.ForwardedBy, ReceivedOn: c.ReceivedOn, Subject: c.Subject, Content: c.Content}
}

// apply is the registration with the correction's fields, normalised.
func (k Correction) apply(r workflow.Registration) (workflow.Registration, error) {
	if !k.ReceivedOn.IsZero() {
		r.ReceivedOn = k.ReceivedOn
	}
	if k.Kind != "" {
		r.Kind = k.Kind // a letter that becomes a complaint is a first one unless said otherwise (Normalised)
	}
	if k.Round != nil {
		r.Round = *k.Round
	}
	if k.PriorCaseID != nil {
		r.PriorCaseID = *k.PriorCaseID
	}
	if k.Channel != "" {
		r.Channel = k.Channel
	}
	if k.ForwardedBy != nil {
		r.ForwardedBy = *k.ForwardedBy
		if r.ForwardedBy != "" && r.Channel != workflow.ChannelForwarded {
			return r, workflow.Invalid("forwarded_by", "chỉ ghi cơ quan chuyển đơn khi đơn do cơ quan khác chuyển đến")
		}
	}
	if k.Subject != nil {
		r.Subject = *k.Subject
	}
	if k.Content != nil {
		r.Content = *k.Content
	}
	if k.PriorCaseID != nil && *k.PriorCaseID != 0 && (r.Kind != workflow.Complaint || r.Round != 2) {
		return r, workflow.CheckPriorRound(r.Kind, r.Round, workflow.Case{}, false, r.ReceivedOn, nil)
	}
	return r.Normalised(), nil
}

// identityChange is a correction's effect on the petitioner.
type identityChange struct {
	before, after Petitioner
	read          bool     // the petitioner was opened (a patch was given)
	fields        []string // the changed fields, as "petitioner.name" …
	sealed        sealedIdentities
}

// correctIdentity opens the petitioner when the patch names a field, and
// works out what changes. The caller has checked the right to see it.
func (s *Store) correctIdentity(ctx context.Context, caseID int64, patch PetitionerPatch) (identityChange, error) {
	var id identityChange
	if !patch.Given() {
		return id, nil
	}
	p, err := s.petitioner(ctx, s.r, caseID)
	if err != nil {
		return id, err
	}
	id.before, id.after, id.read = p, p, true
	id.sealed = sealedIdentities{Before: map[string]string{}, After: map[string]string{}}
	for _, f := range identityFields(&id.after, patch) {
		if f.patch == nil || *f.patch == *f.value {
			continue
		}
		id.sealed.Before[f.name], id.sealed.After[f.name] = *f.value, *f.patch
		*f.value = *f.patch
		id.fields = append(id.fields, "petitioner."+f.name)
	}
	if strings.TrimSpace(id.after.Name) == "" {
		return id, workflow.Invalid("petitioner.name", "cần nhập họ tên người gửi đơn")
	}
	return id, nil
}

// correctionFacts fills in what the engine needs to know from the store:
// the first act after receipt and the round-1 case's matter start, checking
// the round-1 case (CheckPrior) when what it depends on changes.
func (s *Store) correctionFacts(ctx context.Context, v workflow.Viewer, c Case, wc *workflow.Correction, id identityChange) error {
	var first string
	err := sqlx.GetContext(ctx, s.r, &first, `SELECT COALESCE(MIN(on_date), '') FROM history WHERE case_id = ? AND seq > 1`, c.ID)
	if err != nil {
		return fmt.Errorf("store: first act of case %d: %w", c.ID, err)
	}
	if first != "" {
		if wc.FirstActOn, err = workflow.ParseDate(first); err != nil {
			return fmt.Errorf("store: first act of case %d: %w", c.ID, err)
		}
	}
	b, a := wc.Before, wc.After
	if a.PriorCaseID == 0 {
		return nil
	}
	relevant := a.PriorCaseID != b.PriorCaseID || a.Kind != b.Kind || a.Round != b.Round ||
		!a.ReceivedOn.Equal(b.ReceivedOn) || slices.ContainsFunc(id.fields, func(f string) bool {
		return f == "petitioner.name" || f == "petitioner.id_number"
	})
	if !relevant {
		prior, err := getCase(ctx, s.r, a.PriorCaseID)
		wc.PriorMatterFrom = prior.MatterStartedOn
		return err
	}
	h := s.keys.hashes(id.after)
	if !id.read {
		if err := sqlx.GetContext(ctx, s.r, &h, `SELECT id_hash, name_hash FROM petitioners WHERE case_id = ?`, c.ID); err != nil {
			return fmt.Errorf("store: petitioner of case %d: %w", c.ID, err)
		}
	}
	in := workflow.Intake{Kind: a.Kind, Round: a.Round, ReceivedOn: a.ReceivedOn}
	prior, err := s.checkPrior(ctx, s.r, v, in, a.PriorCaseID, h)
	wc.PriorMatterFrom = prior.MatterStartedOn
	return err
}

// registrationChanges adds to an UPDATE's SET clause the registration
// columns a correction changed. The tracking code stays: citizens hold it.
func registrationChanges(c Case, after workflow.Registration, n workflow.Case, set string, args []any) (string, []any) {
	cols := []struct {
		name     string
		old, new any
	}{
		{"kind", string(c.Kind), string(n.Kind)}, {"round", c.Round, n.Round},
		{"prior_case_id", nullID(c.PriorCaseID), nullID(after.PriorCaseID)},
		{"channel", string(c.Channel), string(after.Channel)}, {"forwarded_by", c.ForwardedBy, after.ForwardedBy},
		{"received_on", c.ReceivedOn.String(), n.ReceivedOn.String()},
		{"matter_started_on", c.MatterStartedOn.String(), n.MatterStartedOn.String()},
		{"subject", c.Subject, after.Subject}, {"content", c.Content, after.Content},
		{"search_fold", searchFold(c.TrackingCode, c.Subject, c.Content), searchFold(c.TrackingCode, after.Subject, after.Content)},
	}
	for _, col := range cols {
		if col.old != col.new {
			set += ", " + col.name + " = ?"
			args = append(args, col.new)
		}
	}
	return set, args
}
