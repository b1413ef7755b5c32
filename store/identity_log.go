package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// identityLog records the reads of denouncers' identities (LTC 2018 Art. 8,
// 47). A read waits until its record is committed — a read that cannot be
// recorded is not made — but reads arriving together share one transaction:
// one disk flush for many, where a flush each would queue every reader of a
// denunciation behind the one writer.
type identityLog struct {
	start sync.Once
	stop  sync.Once
	reqs  chan identityRead
	quit  chan struct{}
	done  chan struct{}
}

type identityRead struct {
	caseID, userID int64
	visitID        int64 // a denouncer who came and whose visit became no case: caseID is 0
	at, purpose    string
	result         chan error
}

// maxIdentityBatch bounds the reads one transaction records.
const maxIdentityBatch = 128

var errStoreClosed = errors.New("store: closed")

// recordIdentityRead returns once the read is committed to the log.
func (s *Store) recordIdentityRead(ctx context.Context, caseID, userID int64, purpose string) error {
	return s.recordIdentityReads(ctx, []int64{caseID}, userID, purpose)
}

// recordIdentityReads returns once the reads of the cases' denouncers (a
// list's, such as the reception book's) are committed to the log. Queued
// together, they share one transaction or a few, where one after another
// each would wait for its own.
func (s *Store) recordIdentityReads(ctx context.Context, caseIDs []int64, userID int64, purpose string) error {
	return s.recordReads(ctx, caseIDs, nil, userID, purpose)
}

// recordReads logs the reads of the cases' denouncers and of the visits'
// (those whose visit became no case), together.
func (s *Store) recordReads(ctx context.Context, caseIDs, visitIDs []int64, userID int64, purpose string) error {
	l := &s.idLog
	l.start.Do(func() {
		l.reqs, l.quit, l.done = make(chan identityRead), make(chan struct{}), make(chan struct{})
		go s.writeIdentityReads()
	})
	at := s.stamp()
	reads := make([]identityRead, 0, len(caseIDs)+len(visitIDs))
	for _, id := range caseIDs {
		reads = append(reads, identityRead{caseID: id})
	}
	for _, id := range visitIDs {
		reads = append(reads, identityRead{visitID: id})
	}
	results := make([]chan error, 0, len(reads))
	for _, r := range reads {
		r.userID, r.at, r.purpose, r.result = userID, at, purpose, make(chan error, 1)
		select {
		case l.reqs <- r:
			results = append(results, r.result)
		case <-l.quit:
			return errStoreClosed
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for _, result := range results {
		select {
		case err := <-result:
			if err != nil {
				return err
			}
		case <-ctx.Done(): // the record may still be written: a logged read that was not made harms no one
			return ctx.Err()
		}
	}
	return nil
}

// writeIdentityReads takes a read, gathers those already waiting, and commits
// them together.
func (s *Store) writeIdentityReads() {
	l := &s.idLog
	defer close(l.done)
	for {
		var batch []identityRead
		select {
		case r := <-l.reqs:
			batch = append(batch, r)
		case <-l.quit:
			return
		}
	gather:
		for len(batch) < maxIdentityBatch {
			select {
			case r := <-l.reqs:
				batch = append(batch, r)
			default:
				break gather
			}
		}
		err := s.write(context.Background(), func(tx *txn) error {
			for _, r := range batch {
				if err := insertRead(context.Background(), tx, r); err != nil {
					return err
				}
			}
			return nil
		})
		for _, r := range batch {
			r.result <- err
		}
	}
}

// stopIdentityLog ends the writer once its batch is committed.
func (l *identityLog) stopIdentityLog() {
	l.stop.Do(func() {
		if l.quit != nil {
			close(l.quit)
			<-l.done
		}
	})
}

// insertRead writes one read to its log: a case's, or a visit's.
func insertRead(ctx context.Context, tx *txn, r identityRead) error {
	if r.visitID != 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO visit_identity_reads (visit_id, user_id, at, purpose) VALUES (?, ?, ?, ?)`,
			r.visitID, r.userID, r.at, r.purpose); err != nil {
			return fmt.Errorf("store: record identity read: %w", err)
		}
		return nil
	}
	return insertIdentityRead(ctx, tx, r.caseID, r.userID, r.at, r.purpose)
}

func insertIdentityRead(ctx context.Context, tx *txn, caseID, userID int64, at, purpose string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO identity_reads (case_id, user_id, at, purpose) VALUES (?, ?, ?, ?)`,
		caseID, userID, at, purpose)
	if err != nil {
		return fmt.Errorf("store: record identity read: %w", err)
	}
	return nil
}
