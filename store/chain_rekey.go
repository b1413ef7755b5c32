package store

import (
	"context"
	"fmt"
)

// rekeyChain seals once, with the chain key, a history the releases before
// 00010_keyed_chain chained with plain SHA-256 (chain_state.keyed = 0). It
// first verifies the old chain and refuses to start if it is broken: keying
// a tampered history would make the tampering pass every later check. SQL
// migrations never see the key, so Open does this in Go, in one write
// transaction, lifting the append-only trigger around its updates as
// migration 00004 did around its own.
func (s *Store) rekeyChain(ctx context.Context) error {
	var keyed int
	if err := s.w.GetContext(ctx, &keyed, `SELECT keyed FROM chain_state`); err != nil {
		return fmt.Errorf("store: chain state: %w", err)
	}
	if keyed == 1 {
		return nil
	}
	if s.keys.throwaway {
		return fmt.Errorf("store: the history was written before its chain was keyed and must be sealed once " +
			"with the master key: open the database with it (--key-file, PETITIONS_KEY_FILE or PETITIONS_KEY)")
	}
	return s.write(ctx, func(tx *txn) error {
		// Another process may have done it while this one waited for the writer.
		if err := tx.GetContext(ctx, &keyed, `SELECT keyed FROM chain_state`); err != nil || keyed == 1 {
			return err
		}
		rep, err := verifyChain(ctx, tx, chainHasher{})
		if err != nil {
			return err
		}
		if !rep.OK() {
			return fmt.Errorf("store: the history written before the chain was keyed does not verify, so it is "+
				"not sealed with the key and the store does not start: %s. Restore the last good backup, or "+
				"find out who changed the database", rep)
		}
		if err := s.setHistoryUpdatable(ctx, tx, true); err != nil {
			return err
		}
		if err := rekeyRecords(ctx, tx, chainHasher{s.keys.chain}); err != nil {
			return err
		}
		if err := s.setHistoryUpdatable(ctx, tx, false); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE chain_state SET keyed = 1`)
		return err
	})
}

// rekeyRecords recomputes every record's hashes with c, in id order, a batch
// at a time: a transaction cannot read and write at once on PostgreSQL's
// connection.
func rekeyRecords(ctx context.Context, tx *txn, c chainHasher) error {
	const batch = 5000
	lastOfCase := map[int64]string{}
	chain, after := "", int64(0)
	for {
		var fs []chainFields
		err := tx.SelectContext(ctx, &fs, `SELECT id, case_id, seq, event, from_state, to_state, on_date, at,
			actor_id, actor, payload, clocks FROM history WHERE id > ? ORDER BY id LIMIT ?`, after, batch)
		if err != nil {
			return fmt.Errorf("store: re-key history: %w", err)
		}
		for _, f := range fs {
			f.PrevHash = lastOfCase[f.CaseID]
			f.Hash = f.recordHash(c)
			chain = chainHash(c, chain, f.Hash)
			if _, err := tx.ExecContext(ctx, `UPDATE history SET prev_hash = ?, hash = ?, chain_hash = ? WHERE id = ?`,
				f.PrevHash, f.Hash, chain, f.ID); err != nil {
				return fmt.Errorf("store: re-key history record %d: %w", f.ID, err)
			}
			lastOfCase[f.CaseID], after = f.Hash, f.ID
		}
		if len(fs) < batch {
			return nil
		}
	}
}

// setHistoryUpdatable lifts (on) or puts back (off) the trigger that refuses
// updates of history, inside tx.
func (s *Store) setHistoryUpdatable(ctx context.Context, tx *txn, on bool) error {
	var q string
	switch {
	case s.dialect == postgresDialect && on:
		q = `DROP TRIGGER IF EXISTS history_no_update ON history`
	case s.dialect == postgresDialect:
		q = `CREATE TRIGGER history_no_update BEFORE UPDATE ON history
			FOR EACH ROW EXECUTE FUNCTION history_append_only()`
	case on:
		q = `DROP TRIGGER IF EXISTS history_no_update`
	default:
		q = `CREATE TRIGGER history_no_update BEFORE UPDATE ON history
			BEGIN
				SELECT RAISE(ABORT, 'history is append-only');
			END`
	}
	if _, err := tx.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("store: history trigger: %w", err)
	}
	return nil
}
