package handlers

import (
	"context"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"petitions/store"
)

// signInLimiter slows down password guessing without handing an attacker a
// way to lock an official out. It limits the guessing source, never the
// login alone: at most maxPairFailures failed sign-ins for one login from one
// client address, and maxAddressFailures from one address whatever the login
// (offices share an address behind NAT), within signInWindow. The right
// password from another address still signs the official in while someone
// hammers their login from elsewhere. The counts live in the database
// (store.BeginSignIn), so a restart does not forget them, and an attempt is
// counted before its password is checked, so parallel guesses cannot all
// slip in before the first failure is recorded.
type signInLimiter struct {
	store *store.Store
}

const (
	maxPairFailures    = 5
	maxAddressFailures = 50
	signInWindow       = 15 * time.Minute
)

// signInAttempt is an attempt the limiter let through.
type signInAttempt struct {
	id   string
	pair string
}

func newSignInLimiter(s *store.Store) *signInLimiter { return &signInLimiter{store: s} }

// begin counts an attempt from the address at the login; ok is false when
// the source must wait.
func (l *signInLimiter) begin(ctx context.Context, login, addr string) (a signInAttempt, ok bool, err error) {
	login = strings.ToLower(norm.NFC.String(strings.TrimSpace(login)))
	pair := "pair:" + addr + "\x00" + login
	id, ok, err := l.store.BeginSignIn(ctx, []store.SignInLimit{
		{Key: pair, Max: maxPairFailures, Window: signInWindow},
		{Key: "addr:" + addr, Max: maxAddressFailures, Window: signInWindow},
	})
	return signInAttempt{id: id, pair: pair}, ok, err
}

// succeeded takes a successful attempt back and forgets the pair's earlier
// failures (not the address's other failures).
func (l *signInLimiter) succeeded(ctx context.Context, a signInAttempt) error {
	return l.store.SignInSucceeded(ctx, a.id, a.pair)
}
