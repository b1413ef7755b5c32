package handlers

import (
	"strings"
	"sync"
	"time"
)

// signInLimiter slows down password guessing: after maxLoginFailures failed
// sign-ins for one login, or maxAddressFailures from one address (offices share
// addresses behind NAT), within the window, further attempts are refused until
// the window has passed.
type signInLimiter struct {
	mu       sync.Mutex
	failures map[string][]time.Time
	now      func() time.Time
}

const (
	maxLoginFailures   = 5
	maxAddressFailures = 50
	signInWindow       = 15 * time.Minute
)

func newSignInLimiter() *signInLimiter {
	return &signInLimiter{failures: map[string][]time.Time{}, now: time.Now}
}

func limiterKeys(login, ip string) []string {
	return []string{"login:" + strings.ToLower(strings.TrimSpace(login)), "ip:" + ip}
}

// allowed reports whether another attempt may be made.
func (l *signInLimiter) allowed(login, ip string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	keys := limiterKeys(login, ip)
	return len(l.recent(keys[0])) < maxLoginFailures && len(l.recent(keys[1])) < maxAddressFailures
}

// failed records a failed attempt.
func (l *signInLimiter) failed(login, ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range limiterKeys(login, ip) {
		l.failures[k] = append(l.recent(k), l.now())
	}
}

// succeeded forgets the login's failures (not the address's).
func (l *signInLimiter) succeeded(login string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, limiterKeys(login, "")[0])
}

// recent drops failures older than the window; the caller holds the lock.
func (l *signInLimiter) recent(k string) []time.Time {
	cutoff := l.now().Add(-signInWindow)
	ts := l.failures[k]
	i := 0
	for i < len(ts) && ts[i].Before(cutoff) {
		i++
	}
	if i == len(ts) {
		delete(l.failures, k)
		return nil
	}
	return ts[i:]
}
