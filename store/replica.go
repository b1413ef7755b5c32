package store

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"petitions/workflow"
)

// A read replica (issue 20): a PostgreSQL streaming standby that takes the
// reads which need not see the latest write — the supervisors' backlog and
// its lists, the official reports, the reception's compliance, the public
// list of decisions and the exports — so that the primary keeps its capacity
// for the officers' work. Every write, and every read that must see its own
// write (a case page after an act, a queue), stays on the primary. When the
// replica fails, those reads go to the primary's readers, a warning is
// logged once, and the replica is tried again after replicaRetry.

// replicaRetry is how long reads stay on the primary after the replica failed.
const replicaRetry = 15 * time.Second

// replica is the standby's pool and whether it answers.
type replica struct {
	pool *pool
	dsn  string // without credentials, for the log

	mu        sync.Mutex
	downUntil time.Time
}

// usable reports whether the replica is not resting after a failure.
func (r *replica) usable(now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return !now.Before(r.downUntil)
}

// failed rests the replica for replicaRetry, logging once per outage.
func (r *replica) failed(ctx context.Context, now time.Time, err error) {
	r.mu.Lock()
	wasUp := !now.Before(r.downUntil)
	r.downUntil = now.Add(replicaRetry)
	r.mu.Unlock()
	if wasUp {
		slog.WarnContext(ctx, "read replica failed: its reads go to the primary", "replica", r.dsn, "retry_in", replicaRetry.String(), "err", err)
	}
}

// replicaKey marks a context whose reads go to the replica's pool.
type replicaKey struct{}

// rd is the pool a read runs on: the replica inside onReplica, else the
// primary's readers.
func (s *Store) rd(ctx context.Context) *pool {
	if p, ok := ctx.Value(replicaKey{}).(*pool); ok {
		return p
	}
	return s.r
}

// onReplica runs fn with its reads (those through rd) on the replica when
// there is one and it answers; when it fails, fn runs again on the primary.
func (s *Store) onReplica(ctx context.Context, fn func(ctx context.Context) error) error {
	rep := s.replica
	if rep == nil || !rep.usable(time.Now()) {
		return fn(ctx)
	}
	err := TimedOut(fn(context.WithValue(ctx, replicaKey{}, rep.pool)))
	var rule *workflow.Error
	var own notTheReplicas
	if err == nil || ctx.Err() != nil || errors.As(err, &rule) || errors.As(err, &own) { // the same on either
		return err
	}
	if !recoveryConflict(err) { // a conflict ends one query, not the replica: the next read goes there again
		rep.failed(ctx, time.Now(), err)
	}
	return fn(ctx)
}

// recoveryConflict reports whether the standby cancelled the query to apply
// the primary's changes (a vacuum's, a lock's): SQLSTATE 40001 or 40P01
// with "conflict with recovery".
func recoveryConflict(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01") && strings.Contains(pe.Message, "conflict with recovery")
}

// notTheReplicas is an error of a caller's own inside onReplica (an export's
// writer), which the primary would not mend.
type notTheReplicas struct{ error }

func (e notTheReplicas) Unwrap() error { return e.error }

// HasReplica reports whether the store sends reads to a replica.
func (s *Store) HasReplica() bool { return s.replica != nil }
