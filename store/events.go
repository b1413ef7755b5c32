package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// ApplyEvent fires an event on c, the case as the caller read it (with Case,
// to check the actor may act on it), for actor, guarded by the version the
// caller last saw. The caller checks first that the actor may act on c
// (workflow.Viewer.MayAct); the engine checks the actor's role against the
// event, and that a handler acts on a case assigned to them.
//
// The engine decides on the case as read at that version, outside the write
// transaction; the write transaction only re-checks the version while it
// updates the row and appends the history record, which commit together or
// not at all. The one writer is thus held for the writing alone, as long as a
// bare update and insert take; the version guard makes the caller's read as
// good as a second one.
//
// It returns the case as the event leaves it. With purpose set (the API,
// API.md), it also returns the petitioner where v may see it, and a
// denouncer's identity read is recorded in the event's own transaction (LTC
// 2018 Art. 8, 47): one commit rather than two, and no read without its
// record. With purpose "", v is not used and the petitioner is nil.
//
// Errors are workflow.Errors: invalid (a field, or text that cannot be
// stored, an assignee outside the unit, an unknown original),
// conflict (a stale version), forbidden (the role, or a case not assigned to
// the handler), personal_data_in_disclosure, and the domain rules (illegal
// transition and the others); anything else is internal.
func (s *Store) ApplyEvent(ctx context.Context, actor User, v workflow.Viewer, c Case, version int, in workflow.Input, purpose string) (Case, *Petitioner, error) {
	var logRead func(Case) *identityRead
	sees := false
	if purpose != "" {
		logRead = func(u Case) *identityRead {
			if sees = v.MaySeePetitioner(u.Ref()); !sees || !u.Kind.IdentitySecret() {
				return nil // not seen, or not a denouncer's (Petitioner logs the same reads)
			}
			return &identityRead{userID: v.UserID, purpose: purpose}
		}
	}
	updated, err := s.applyEvent(ctx, actor, c, version, in, logRead)
	if err != nil || !sees {
		return updated, nil, err
	}
	p, err := s.petitioner(ctx, s.r, updated.ID)
	if err != nil {
		return updated, nil, err
	}
	return updated, &p, nil
}

// applyEvent does ApplyEvent's work; logRead, when given, tells from the case
// as the event leaves it which identity read to record with the event.
func (s *Store) applyEvent(ctx context.Context, actor User, c Case, version int, in workflow.Input, logRead func(Case) *identityRead) (Case, error) {
	caseID := c.ID
	// Every text ends up in the history's payload or the case's facts (JSON).
	if err := refuseUnstorableInput(in); err != nil {
		return Case{}, err
	}
	cal := s.Calendar()
	today, now := s.clock()
	assignee, n, rec, err := s.decide(ctx, actor, c, version, in, cal, today)
	if err != nil {
		return Case{}, err
	}
	set, args, err := caseChanges(c, assignee, n, now)
	if err != nil {
		return Case{}, err
	}
	if set, args, err = s.withReportAct(set, args, rec); err != nil {
		return Case{}, err
	}
	if err := s.sealIdentityFields(caseID, c.Kind, &rec); err != nil {
		return Case{}, err
	}
	record, err := newRecord(caseID, rec, actor, n, now)
	if err != nil {
		return Case{}, err
	}
	updated := c
	updated.Case, updated.AssigneeID = n, assignee // the row as it will be written, without reading it back
	act := in
	act.On = rec.On
	papers, err := s.draftPapers(ctx, updated, act)
	if err != nil {
		return Case{}, err
	}
	var read *identityRead
	if logRead != nil {
		read = logRead(updated)
	}
	err = s.write(ctx, func(tx *txn) error {
		if err := s.updateCase(ctx, tx, cal, caseID, version, set, args); err != nil {
			return err
		}
		if err := record.append(ctx, tx, s.keys); err != nil {
			return err
		}
		if err := insertPapers(ctx, tx, caseID, c.UnitID, actor.ID, now, papers); err != nil {
			return err
		}
		if read == nil {
			return nil
		}
		return insertIdentityRead(ctx, tx, caseID, read.userID, now, read.purpose)
	})
	if err != nil {
		return Case{}, err
	}
	return updated, nil
}

// decide has the engine decide the event on the case as read at the caller's
// version: the case's assignee after the event, the case after the event, and
// the record to append.
func (s *Store) decide(ctx context.Context, actor User, c Case, version int, in workflow.Input, cal *workflow.Calendar, today workflow.Date) (int64, workflow.Case, workflow.Record, error) {
	fail := func(err error) (int64, workflow.Case, workflow.Record, error) {
		return 0, workflow.Case{}, workflow.Record{}, err
	}
	if c.Version != version {
		return fail(workflow.Errorf(workflow.CodeConflict, "hồ sơ đã được cập nhật (phiên bản %d, bạn gửi %d); hãy tải lại", c.Version, version))
	}
	assignee := c.AssigneeID
	if in.Event == workflow.EvAssign || in.Event == workflow.EvReassign {
		u, err := assignable(ctx, s.r, in.Assignee, c.UnitID)
		if err != nil {
			return fail(err)
		}
		in.Assignee, assignee = u.Login, u.ID
	}
	if in.Event == workflow.EvFile && in.DuplicateOf != 0 {
		if err := s.checkOriginal(ctx, actor, in.DuplicateOf); err != nil {
			return fail(err)
		}
	}
	// A text the public reads must not reveal the petitioner (workflow.Field.Public).
	err := in.CheckPublic(c.Kind, func() (workflow.PersonalData, error) {
		p, err := s.petitioner(ctx, s.r, c.ID)
		return p.Personal(), err
	})
	if err != nil {
		return fail(err)
	}
	env := workflow.Env{Calendar: cal, Today: today, History: Unit{Settings: c.UnitSettings}.SettingsHistory()}
	n, rec, err := workflow.Apply(c.Case, in, workflow.Actor{Login: actor.Login, Role: actor.Role}, env)
	if err != nil {
		return fail(err)
	}
	return assignee, n, rec, nil
}

// checkOriginal holds the original of a duplicate to the actor's reach: a
// case that does not exist and one the actor may not read get the same
// answer, so that filing cannot probe for cases outside it.
func (s *Store) checkOriginal(ctx context.Context, actor User, id int64) error {
	v, err := s.Viewer(ctx, actor)
	if err != nil {
		return err
	}
	orig, err := getCase(ctx, s.r, id)
	if workflow.ErrorCode(err) == workflow.CodeNotFound || err == nil && !v.MayRead(orig.Ref()) {
		return workflow.OriginalUnknown()
	}
	return err
}

// assignable finds the user a case may be assigned to: a handler or head of the case's unit.
func assignable(ctx context.Context, q sqlx.QueryerContext, login string, unitID int64) (User, error) {
	u, err := userBy(ctx, q, "u.login = ?", login)
	if err == nil && u.UnitID != unitID { // a post there (posts.go)?
		u, err = inPost(ctx, q, u, sql.NullInt64{Int64: unitID, Valid: true})
	}
	if err != nil || u.UnitID != unitID || (u.Role != workflow.RoleHandler && u.Role != workflow.RoleHead) || u.Disabled {
		return User{}, workflow.Invalid("assignee", "người được giao phải là chuyên viên hoặc thủ trưởng của đơn vị xử lý")
	}
	return u, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// refuseUnstorableInput refuses a text field that JSON or the database
// cannot keep (storable), naming it.
func refuseUnstorableInput(in workflow.Input) error {
	for _, f := range workflow.Fields {
		if !f.Type.Textual() {
			continue
		}
		if err := refuseUnstorable(f.Name, in.TextOf(f.Name)); err != nil {
			return err
		}
	}
	return nil
}

// updateCase writes an act's SET clause to the case row inside tx, if the
// case is still at the version the act was decided on and the calendar still
// the one it was counted on (stillCalendar); otherwise a conflict.
func (s *Store) updateCase(ctx context.Context, tx *txn, cal *workflow.Calendar, id int64, version int, set string, args []any) error {
	if err := s.stillCalendar(cal); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE cases SET `+set+` WHERE id = ? AND version = ?`, append(args, id, version)...)
	if err != nil {
		return fmt.Errorf("store: update case %d: %w", id, err)
	}
	if k, _ := res.RowsAffected(); k != 1 {
		return workflow.Errorf(workflow.CodeConflict, "hồ sơ đã được cập nhật; hãy tải lại")
	}
	return nil
}
