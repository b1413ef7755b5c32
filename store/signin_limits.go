package store

import (
	"context"
	"fmt"
	"time"
)

// SignInLimit is one limit on guessing passwords: at most Max counted
// attempts under Key within Window. Key says whose attempts they are, for
// instance a login and a client address, or an address alone.
type SignInLimit struct {
	Key    string
	Max    int
	Window time.Duration
}

// failedAtLayout has a fixed width, so that the stamps compare as text on both backends.
const failedAtLayout = "2006-01-02T15:04:05.000000Z"

// BeginSignIn decides, in one transaction, whether a sign-in attempt may go
// ahead. When any limit's key already holds Max attempts within its Window it
// returns ok false and records nothing. Otherwise it counts this attempt
// against every key, as a failure until SignInSucceeded takes it back, and
// returns the attempt's id. Counting before the password is checked means
// that parallel guesses cannot all slip in before the first is recorded.
//
// The keys are stored only as hashes; attempts older than the longest window
// are forgotten here, so the table stays small.
func (s *Store) BeginSignIn(ctx context.Context, limits []SignInLimit) (attempt string, ok bool, err error) {
	now := s.Now().UTC()
	var longest time.Duration
	for _, l := range limits {
		longest = max(longest, l.Window)
	}
	attempt = randomToken()
	err = s.write(ctx, func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM signin_failures WHERE failed_at < ?`, now.Add(-longest).Format(failedAtLayout)); err != nil {
			return err
		}
		for _, l := range limits {
			var n int
			err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM signin_failures WHERE key_hash = ? AND failed_at >= ?`,
				hashToken(l.Key), now.Add(-l.Window).Format(failedAtLayout))
			if err != nil {
				return err
			}
			if n >= l.Max {
				return nil
			}
		}
		for _, l := range limits {
			_, err := tx.ExecContext(ctx, `INSERT INTO signin_failures (key_hash, attempt, failed_at) VALUES (?, ?, ?)`,
				hashToken(l.Key), attempt, now.Format(failedAtLayout))
			if err != nil {
				return err
			}
		}
		ok = true
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("store: begin sign-in: %w", err)
	}
	return attempt, ok, nil
}

// SignInSucceeded takes a successful attempt back from every limit it counted
// against, and forgets the earlier failures under the keys in forget (the
// official's own typos from that address).
func (s *Store) SignInSucceeded(ctx context.Context, attempt string, forget ...string) error {
	err := s.write(ctx, func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM signin_failures WHERE attempt = ?`, attempt); err != nil {
			return err
		}
		for _, k := range forget {
			if _, err := tx.ExecContext(ctx, `DELETE FROM signin_failures WHERE key_hash = ?`, hashToken(k)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: sign-in succeeded: %w", err)
	}
	return nil
}
