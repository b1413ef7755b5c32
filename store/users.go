package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/text/unicode/norm"

	"petitions/workflow"
)

// User is a signed-in official.
type User struct {
	ID           int64         `db:"id"`
	Login        string        `db:"login"`
	Name         string        `db:"name"`
	Role         workflow.Role `db:"role"`
	UnitID       int64         `db:"unit_id"`
	UnitCode     string        `db:"unit_code"`
	PasswordHash string        `db:"password_hash"`
	Disabled     bool          `db:"disabled"`
	// MustChangePassword: an administrator gave the password; the user
	// chooses their own before anything else (issue 19).
	MustChangePassword bool `db:"must_change_password"`
}

// MaxPasswordBytes is bcrypt's limit; longer passwords are refused rather than cut.
const MaxPasswordBytes = 72

const userColumns = `u.id, u.login, u.name, u.role, u.unit_id, n.code AS unit_code, u.password_hash, u.disabled,
	u.must_change_password`

// CreateUser adds a user to a unit with a bcrypt-hashed password (NFC-normalised first).
func (s *Store) CreateUser(ctx context.Context, login, name string, role workflow.Role, unitCode, password string) (User, error) {
	login = norm.NFC.String(strings.TrimSpace(login))
	password = norm.NFC.String(password)
	if login == "" {
		return User{}, workflow.Invalid("login", "tên đăng nhập không được để trống")
	}
	if !role.Valid() {
		return User{}, workflow.Invalid("role", "vai trò không hợp lệ: %q", role)
	}
	if len(password) < 4 || len(password) > MaxPasswordBytes {
		return User{}, workflow.Invalid("password", "mật khẩu phải dài từ 4 đến %d byte", MaxPasswordBytes)
	}
	if err := refuseUnstorable("login", login, "name", name); err != nil {
		return User{}, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), s.passwordCost)
	if err != nil {
		return User{}, fmt.Errorf("store: hash password: %w", err)
	}
	var u User
	err = s.write(ctx, func(tx *txn) error {
		unit, err := unitByCode(ctx, tx, unitCode)
		if err != nil {
			return err
		}
		var id int64
		err = tx.GetContext(ctx, &id, `INSERT INTO users (login, name, role, unit_id, password_hash, created_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, login, name, role, unit.ID, string(hash), s.stamp())
		if err != nil {
			if isUniqueViolation(err) {
				return workflow.Errorf(workflow.CodeConflict, "tên đăng nhập %q đã tồn tại", login)
			}
			return fmt.Errorf("store: create user: %w", err)
		}
		u, err = userBy(ctx, tx, "u.id = ?", id)
		return err
	})
	return u, err
}

// UserByLogin returns the user with that login (not_found otherwise).
func (s *Store) UserByLogin(ctx context.Context, login string) (User, error) {
	if !storable(login) {
		return User{}, notFound(sql.ErrNoRows, "người dùng")
	}
	return userBy(ctx, s.r, "u.login = ?", norm.NFC.String(login))
}

// Authenticate checks a login and password; any mismatch is unauthorized,
// without saying which part was wrong.
func (s *Store) Authenticate(ctx context.Context, login, password string) (User, error) {
	bad := workflow.Errorf(workflow.CodeUnauthorized, "sai tên đăng nhập hoặc mật khẩu")
	password = norm.NFC.String(password)
	if len(password) > MaxPasswordBytes {
		return User{}, bad
	}
	u, err := s.UserByLogin(ctx, login)
	if err != nil {
		if workflow.ErrorCode(err) == workflow.CodeNotFound {
			// As slow as a known login, so the timing does not tell which logins exist.
			_ = bcrypt.CompareHashAndPassword(s.dummyHash(), []byte(password))
			return User{}, bad
		}
		return User{}, err
	}
	// The hash is checked even for a disabled user, for the same reason.
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) != nil || u.Disabled {
		return User{}, bad
	}
	return u, nil
}

// dummyHash is a bcrypt hash, at the store's cost, of a random password no one
// knows: Authenticate checks an unknown login's password against it. It is
// made once, at the first unknown login (making it at Open would slow every
// test that opens a store at the default cost).
func (s *Store) dummyHash() []byte {
	s.dummy.once.Do(func() {
		h, err := bcrypt.GenerateFromPassword([]byte(randomToken()[:32]), s.passwordCost)
		if err != nil { // only for a cost out of range, which Open's options do not give
			h = []byte("$2a$10$" + strings.Repeat("x", 53))
		}
		s.dummy.hash = h
	})
	return s.dummy.hash
}

// TokenTTL is how long an API token lives unless given another lifetime.
const TokenTTL = 30 * 24 * time.Hour

// CreateToken issues a new API token for the user, living TokenTTL; only its
// hash is stored.
func (s *Store) CreateToken(ctx context.Context, userID int64) (string, error) {
	return s.CreateTokenTTL(ctx, userID, TokenTTL)
}

// CreateTokenTTL issues a new API token for the user that ends ttl from now
// (invalid when ttl is not positive); only its hash is stored.
func (s *Store) CreateTokenTTL(ctx context.Context, userID int64, ttl time.Duration) (string, error) {
	return s.createToken(ctx, userID, sql.NullInt64{}, ttl)
}

// CreateTokenInPost issues a token, living TokenTTL, that acts in the user's
// post in the unit with that code ("" for their own; posts.go).
func (s *Store) CreateTokenInPost(ctx context.Context, u User, unitCode string) (string, error) {
	unit, err := s.postUnit(ctx, u, unitCode)
	if err != nil {
		return "", err
	}
	return s.createToken(ctx, u.ID, unit, TokenTTL)
}

func (s *Store) createToken(ctx context.Context, userID int64, unit sql.NullInt64, ttl time.Duration) (string, error) {
	if ttl <= 0 {
		return "", workflow.Invalid("ttl", "thời hạn của mã truy cập phải dương")
	}
	token := randomToken()
	now := s.Now().UTC()
	_, err := s.exec(ctx, `INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at, unit_id) VALUES (?, ?, ?, ?, ?)`,
		userID, hashToken(token), now.Format(time.RFC3339), now.Add(ttl).Format(time.RFC3339), unit)
	if err != nil {
		return "", fmt.Errorf("store: create token: %w", err)
	}
	return token, nil
}

// UserByToken returns the user owning a live token: unauthorized when the
// token is unknown, revoked, expired (or from before lifetimes and never
// given one) or its owner is disabled.
func (s *Store) UserByToken(ctx context.Context, token string) (User, error) {
	var row struct {
		UserID    int64          `db:"user_id"`
		ExpiresAt sql.NullString `db:"expires_at"`
		UnitID    sql.NullInt64  `db:"unit_id"`
	}
	err := s.r.GetContext(ctx, &row, `SELECT user_id, expires_at, unit_id FROM api_tokens WHERE token_hash = ?`, hashToken(token))
	if err != nil {
		return User{}, unauthorized(err)
	}
	if exp, err := time.Parse(time.RFC3339, row.ExpiresAt.String); err != nil || !s.Now().Before(exp) {
		return User{}, unauthorized(nil)
	}
	u, err := userBy(ctx, s.r, "u.id = ?", row.UserID)
	if err != nil || u.Disabled {
		return User{}, unauthorized(err)
	}
	return inPost(ctx, s.r, u, row.UnitID)
}

// RevokeToken ends one API token at once (not_found when it is unknown or
// already revoked).
func (s *Store) RevokeToken(ctx context.Context, token string) error {
	res, err := s.exec(ctx, `DELETE FROM api_tokens WHERE token_hash = ?`, hashToken(token))
	if err != nil {
		return fmt.Errorf("store: revoke token: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return notFound(sql.ErrNoRows, "mã truy cập")
	}
	return nil
}

// RevokeUserTokens ends every API token of the user with that login (not_found
// for an unknown login) and says how many there were.
func (s *Store) RevokeUserTokens(ctx context.Context, login string) (int64, error) {
	u, err := s.UserByLogin(ctx, login)
	if err != nil {
		return 0, err
	}
	res, err := s.exec(ctx, `DELETE FROM api_tokens WHERE user_id = ?`, u.ID)
	if err != nil {
		return 0, fmt.Errorf("store: revoke tokens of %s: %w", login, err)
	}
	return res.RowsAffected()
}

// SetUserDisabled disables (or enables again) the user with that login. Either
// way the user's API tokens and browser sessions end in the same transaction:
// enabling a user again does not bring old credentials back.
func (s *Store) SetUserDisabled(ctx context.Context, login string, disabled bool) error {
	return s.changeUser(ctx, login, `UPDATE users SET disabled = ? WHERE id = ?`, disabled)
}

// SetPassword gives the user with that login a new password (the rules of
// CreateUser apply) and ends all their API tokens and browser sessions.
func (s *Store) SetPassword(ctx context.Context, login, password string) error {
	password = norm.NFC.String(password)
	if len(password) < 4 || len(password) > MaxPasswordBytes {
		return workflow.Invalid("password", "mật khẩu phải dài từ 4 đến %d byte", MaxPasswordBytes)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), s.passwordCost)
	if err != nil {
		return fmt.Errorf("store: hash password: %w", err)
	}
	return s.changeUser(ctx, login, `UPDATE users SET password_hash = ? WHERE id = ?`, string(hash))
}

// changeUser runs update (with value and the user's id) and ends the user's
// tokens and sessions, in one transaction.
func (s *Store) changeUser(ctx context.Context, login, update string, value any) error {
	if !storable(login) {
		return notFound(sql.ErrNoRows, "người dùng")
	}
	return s.write(ctx, func(tx *txn) error {
		u, err := userBy(ctx, tx, "u.login = ?", norm.NFC.String(strings.TrimSpace(login)))
		if err != nil {
			return err
		}
		for _, q := range []string{update, `DELETE FROM api_tokens WHERE user_id = ?`, `DELETE FROM sessions WHERE user_id = ?`} {
			args := []any{u.ID}
			if q == update {
				args = []any{value, u.ID}
			}
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("store: change user %s: %w", login, err)
			}
		}
		return nil
	})
}

// Viewer builds the access-rule view of a user, with the units in their scope.
func (s *Store) Viewer(ctx context.Context, u User) (workflow.Viewer, error) {
	scope, err := s.Subtree(ctx, u.UnitID)
	if err != nil {
		return workflow.Viewer{}, err
	}
	return workflow.Viewer{UserID: u.ID, Login: u.Login, Role: u.Role, UnitID: u.UnitID, Scope: scope}, nil
}

// unauthorized maps a failed credential lookup to CodeUnauthorized; other errors pass through.
func unauthorized(err error) error {
	if err == nil || workflow.ErrorCode(err) == workflow.CodeNotFound || errors.Is(err, sql.ErrNoRows) {
		return workflow.Errorf(workflow.CodeUnauthorized, "phiên đăng nhập không hợp lệ hoặc đã hết hạn")
	}
	return err
}

func hashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

func userBy(ctx context.Context, q sqlx.QueryerContext, where string, arg any) (User, error) {
	var u User
	err := sqlx.GetContext(whole(ctx), q, &u, `SELECT `+userColumns+` FROM users u JOIN units n ON n.id = u.unit_id WHERE `+where, arg)
	return u, notFound(err, "người dùng")
}
