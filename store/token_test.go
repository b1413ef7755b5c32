package store_test

// API tokens and sessions end (issue 14): a token lives store.TokenTTL unless
// given another lifetime, can be revoked one by one or all of a user's at
// once, and a user's tokens and sessions end the moment the user is disabled
// or their password changes.

import (
	"context"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// mustBeRefused fails unless the token no longer signs anyone in.
func mustBeRefused(t *testing.T, s *store.Store, token, why string) {
	t.Helper()
	if _, err := s.UserByToken(context.Background(), token); workflow.ErrorCode(err) != workflow.CodeUnauthorized {
		t.Fatalf("%s: the token still works (err %v)", why, err)
	}
}

func mustSignIn(t *testing.T, s *store.Store, token, login string) {
	t.Helper()
	u, err := s.UserByToken(context.Background(), token)
	if err != nil || u.Login != login {
		t.Fatalf("token of %s: %v, %v", login, u.Login, err)
	}
}

func TestTokens(t *testing.T) {
	t.Run("ExpireAfterTheirLifetime", func(t *testing.T) {
		w := mustWorld(t)
		u := w.user("reception")
		tok, err := w.s.CreateToken(w.ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		short, err := w.s.CreateTokenTTL(w.ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		mustSignIn(t, w.s, tok, "reception")
		mustSignIn(t, w.s, short, "reception")
		w.s.Now = func() time.Time { return fixedNow.Add(2 * time.Hour) }
		mustSignIn(t, w.s, tok, "reception")
		mustBeRefused(t, w.s, short, "two hours after a one-hour token")
		w.s.Now = func() time.Time { return fixedNow.Add(store.TokenTTL - time.Minute) }
		mustSignIn(t, w.s, tok, "reception")
		w.s.Now = func() time.Time { return fixedNow.Add(store.TokenTTL) }
		mustBeRefused(t, w.s, tok, "at the end of the default lifetime")
	})
	t.Run("RefusesANonPositiveLifetime", func(t *testing.T) {
		w := mustWorld(t)
		if _, err := w.s.CreateTokenTTL(w.ctx, w.user("reception").ID, 0); workflow.ErrorCode(err) != workflow.CodeInvalid {
			t.Fatalf("ttl 0: %v, want invalid", err)
		}
	})
	t.Run("RevokedOneByOne", func(t *testing.T) {
		w := mustWorld(t)
		u := w.user("reception")
		a, _ := w.s.CreateToken(w.ctx, u.ID)
		b, _ := w.s.CreateToken(w.ctx, u.ID)
		if err := w.s.RevokeToken(w.ctx, a); err != nil {
			t.Fatal(err)
		}
		mustBeRefused(t, w.s, a, "after RevokeToken")
		mustSignIn(t, w.s, b, "reception")
		if err := w.s.RevokeToken(w.ctx, a); workflow.ErrorCode(err) != workflow.CodeNotFound {
			t.Fatalf("revoking twice: %v, want not_found", err)
		}
	})
	t.Run("RevokedAllOfAUser", func(t *testing.T) {
		w := mustWorld(t)
		u, other := w.user("reception"), w.user("head")
		a, _ := w.s.CreateToken(w.ctx, u.ID)
		b, _ := w.s.CreateToken(w.ctx, u.ID)
		c, _ := w.s.CreateToken(w.ctx, other.ID)
		n, err := w.s.RevokeUserTokens(w.ctx, "reception")
		if err != nil || n != 2 {
			t.Fatalf("RevokeUserTokens: %d, %v; want 2", n, err)
		}
		mustBeRefused(t, w.s, a, "after RevokeUserTokens")
		mustBeRefused(t, w.s, b, "after RevokeUserTokens")
		mustSignIn(t, w.s, c, "head")
	})
	t.Run("EndWithSessionsWhenTheUserIsDisabled", func(t *testing.T) {
		w := mustWorld(t)
		u := w.user("reception")
		tok, _ := w.s.CreateToken(w.ctx, u.ID)
		sess, _ := w.s.CreateSession(w.ctx, u.ID)
		if err := w.s.SetUserDisabled(w.ctx, "reception", true); err != nil {
			t.Fatal(err)
		}
		mustBeRefused(t, w.s, tok, "disabled user")
		if _, err := w.s.SessionByID(w.ctx, sess); workflow.ErrorCode(err) != workflow.CodeUnauthorized {
			t.Fatalf("disabled user's session: %v", err)
		}
		// Enabling the user again does not bring the old credentials back.
		if err := w.s.SetUserDisabled(w.ctx, "reception", false); err != nil {
			t.Fatal(err)
		}
		mustBeRefused(t, w.s, tok, "re-enabled user's old token")
		if _, err := w.s.SessionByID(w.ctx, sess); workflow.ErrorCode(err) != workflow.CodeUnauthorized {
			t.Fatalf("re-enabled user's old session: %v", err)
		}
		if _, err := w.s.Authenticate(w.ctx, "reception", "demo"); err != nil {
			t.Fatalf("re-enabled user signs in: %v", err)
		}
	})
	t.Run("EndWithSessionsWhenThePasswordChanges", func(t *testing.T) {
		w := mustWorld(t)
		u, other := w.user("reception"), w.user("head")
		tok, _ := w.s.CreateToken(w.ctx, u.ID)
		sess, _ := w.s.CreateSession(w.ctx, u.ID)
		keep, _ := w.s.CreateToken(w.ctx, other.ID)
		if err := w.s.SetPassword(w.ctx, "reception", "mật khẩu mới"); err != nil {
			t.Fatal(err)
		}
		mustBeRefused(t, w.s, tok, "after a password change")
		if _, err := w.s.SessionByID(w.ctx, sess); workflow.ErrorCode(err) != workflow.CodeUnauthorized {
			t.Fatalf("session after a password change: %v", err)
		}
		mustSignIn(t, w.s, keep, "head")
		if _, err := w.s.Authenticate(w.ctx, "reception", "demo"); err == nil {
			t.Fatal("the old password still works")
		}
		if _, err := w.s.Authenticate(w.ctx, "reception", "mật khẩu mới"); err != nil {
			t.Fatalf("the new password: %v", err)
		}
	})
}

// TestTokensMadeBeforeLifetimesExpire: a token stored before migration 00011
// (expires_at NULL) gets 30 days from the migration, not forever.
func TestTokensMadeBeforeLifetimesExpire(t *testing.T) {
	s, dsn := storetest.OpenDSN(t)
	ctx := context.Background()
	if _, err := s.CreateUnit(ctx, "U1", "UBND xã Thử", "agency", ""); err != nil {
		t.Fatal(err)
	}
	u, err := s.CreateUser(ctx, "reception", "Tiếp dân", workflow.RoleReception, "U1", "demo")
	if err != nil {
		t.Fatal(err)
	}
	tok, err := s.CreateToken(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := storetest.Raw(t, dsn)
	mustExec(t, db, db.Rebind(`UPDATE api_tokens SET expires_at = NULL`))
	// Undo the migrations from 00011 on (00012 only adds the sign-in limits' table, 00013 the search's
	// folded copies, 00014 SQLite's word index, 00015 the reception tables, 00016 their tasks and log, 00017 and
	// 00018 the reports' indexes, 00019 the units' successors, 00020
	// the cases' lateness, 00021 the reports' cases index widened,
	// 00022 the visits' identity reads, 00023 the reports' acts on the cases, with
	// history_report gone, 00024 the papers), so Open runs them again.
	undoDocuments(t, db)
	mustExec(t, db, `DROP INDEX cases_report`)
	mustExec(t, db, `ALTER TABLE cases DROP COLUMN report_acts`)
	mustExec(t, db, `ALTER TABLE cases DROP COLUMN implemented_on`)
	mustExec(t, db, `DROP TABLE visit_identity_reads`)
	mustExec(t, db, `ALTER TABLE cases DROP COLUMN decided_late`)
	mustExec(t, db, `ALTER TABLE units DROP COLUMN successor_id`)
	mustExec(t, db, `DROP INDEX cases_received`)
	mustExec(t, db, `DROP TABLE reception_log`)
	mustExec(t, db, `DROP TABLE reception_tasks`)
	mustExec(t, db, `DROP TABLE reception_visits`)
	mustExec(t, db, `DROP TABLE reception_sessions`)
	mustExec(t, db, `DROP TABLE signin_failures`)
	if !storetest.Postgres() {
		mustExec(t, db, `DROP TABLE case_words`)
	}
	if storetest.Postgres() {
		mustExec(t, db, `DROP INDEX cases_search_fold_trgm`)
		mustExec(t, db, `DROP INDEX cases_public_fold_trgm`)
		mustExec(t, db, `CREATE INDEX cases_subject_trgm ON cases USING gin (subject gin_trgm_ops)`)
		mustExec(t, db, `CREATE INDEX cases_content_trgm ON cases USING gin (content gin_trgm_ops)`)
		mustExec(t, db, `CREATE INDEX cases_tracking_code_trgm ON cases USING gin (tracking_code gin_trgm_ops)`)
	} else {
		mustExec(t, db, `DROP INDEX cases_queue`)
		mustExec(t, db, `CREATE INDEX cases_queue ON cases(COALESCE(due_on, '9999-12-31'), id, unit_id, tracking_code, subject, content)`)
	}
	mustExec(t, db, `DROP INDEX petitioners_phone_hash`)
	mustExec(t, db, `ALTER TABLE petitioners DROP COLUMN phone_hash`)
	mustExec(t, db, `ALTER TABLE cases DROP COLUMN public_fold`)
	mustExec(t, db, `ALTER TABLE cases DROP COLUMN search_fold`)
	mustExec(t, db, db.Rebind(`DELETE FROM goose_db_version WHERE version_id >= 11`))
	s2, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var exp string
	if err := db.Get(&exp, `SELECT expires_at FROM api_tokens`); err != nil {
		t.Fatal(err)
	}
	at, err := time.Parse(time.RFC3339, exp)
	if err != nil {
		t.Fatalf("expires_at %q: %v", exp, err)
	}
	if want := time.Now().Add(30 * 24 * time.Hour); at.Before(want.Add(-time.Hour)) || at.After(want.Add(time.Hour)) {
		t.Fatalf("old token expires at %s, want about %s", at, want)
	}
	s2.Now = func() time.Time { return time.Now().Add(29 * 24 * time.Hour) }
	mustSignIn(t, s2, tok, "reception")
	s2.Now = func() time.Time { return time.Now().Add(31 * 24 * time.Hour) }
	mustBeRefused(t, s2, tok, "31 days after the migration")
}
