package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"fmt"
	"time"
)

// SessionTTL is how long a browser session lasts without signing in again.
const SessionTTL = 12 * time.Hour

// Session is a signed-in browser.
type Session struct {
	User User   // as in the post the session acts in (posts.go)
	CSRF string // the token every form of this session must carry
	// Posts are every post of a user who holds more than one, their own
	// first; nil for the others.
	Posts []Post
}

// CreateSession starts a browser session for the user and returns the cookie value.
func (s *Store) CreateSession(ctx context.Context, userID int64) (string, error) {
	id, csrf := randomToken(), randomToken()
	now := s.Now().UTC()
	_, err := s.exec(ctx, `INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		hashToken(id), userID, csrf, now.Format(time.RFC3339), now.Add(SessionTTL).Format(time.RFC3339))
	if err != nil {
		return "", fmt.Errorf("store: create session: %w", err)
	}
	return id, nil
}

// SessionByID returns the live session with that cookie value; unauthorized otherwise.
func (s *Store) SessionByID(ctx context.Context, id string) (Session, error) {
	var row struct {
		UserID    int64         `db:"user_id"`
		CSRF      string        `db:"csrf"`
		ExpiresAt string        `db:"expires_at"`
		UnitID    sql.NullInt64 `db:"unit_id"`
	}
	err := s.r.GetContext(ctx, &row, `SELECT user_id, csrf, expires_at, unit_id FROM sessions WHERE id_hash = ?`, hashToken(id))
	if err != nil {
		return Session{}, unauthorized(err)
	}
	if exp, err := time.Parse(time.RFC3339, row.ExpiresAt); err != nil || !s.Now().Before(exp) {
		return Session{}, unauthorized(nil)
	}
	own, err := userBy(ctx, s.r, "u.id = ?", row.UserID)
	if err != nil || own.Disabled {
		return Session{}, unauthorized(err)
	}
	further, err := postsOf(ctx, s.r, own.ID)
	if err != nil {
		return Session{}, err
	}
	sess := Session{User: own, CSRF: row.CSRF}
	if len(further[own.ID]) > 0 {
		sess.Posts = append([]Post{{UnitID: own.UnitID, Unit: own.UnitCode, Role: own.Role}}, further[own.ID]...)
		sess.User, err = inPost(ctx, s.r, own, row.UnitID)
	}
	return sess, err
}

// DeleteSession signs a browser out.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	_, err := s.exec(ctx, `DELETE FROM sessions WHERE id_hash = ?`, hashToken(id))
	return err
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}
