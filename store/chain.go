package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"
)

// chainHasher hashes history records: an HMAC-SHA256 under the chain key
// derived from the master key (keys.chain), so that nobody without the key
// can recompute the chain after editing a record. With no key it is the
// plain SHA-256 of the releases before 00010_keyed_chain, used only to verify
// such a chain once before it is sealed again with the key (chain_rekey.go).
type chainHasher struct{ key []byte }

func (c chainHasher) new() hash.Hash {
	if c.key == nil {
		return sha256.New()
	}
	return hmac.New(sha256.New, c.key)
}

// chainFields are the columns a history record's hash covers, in order.
type chainFields struct {
	ID        int64   `db:"id"`
	CaseID    int64   `db:"case_id"`
	Seq       int     `db:"seq"`
	Event     string  `db:"event"`
	FromState string  `db:"from_state"`
	ToState   string  `db:"to_state"`
	OnDate    string  `db:"on_date"`
	At        string  `db:"at"`
	ActorID   *int64  `db:"actor_id"`
	Actor     string  `db:"actor"`
	Payload   string  `db:"payload"`
	Clocks    string  `db:"clocks"`
	PrevHash  string  `db:"prev_hash"`
	Hash      string  `db:"hash"`
	ChainHash string  `db:"chain_hash"`
	DueOn     *string `db:"due_on"` // not hashed: derived from Clocks, and checked against them
}

// recordHash hashes a record's content with the previous record of its case.
// Each field is length-prefixed, so no two records serialise alike.
func (f chainFields) recordHash(c chainHasher) string {
	actor := ""
	if f.ActorID != nil {
		actor = strconv.FormatInt(*f.ActorID, 10)
	}
	h := c.new()
	for _, part := range []string{strconv.FormatInt(f.CaseID, 10), strconv.Itoa(f.Seq), f.Event, f.FromState,
		f.ToState, f.OnDate, f.At, actor, f.Actor, f.Payload, f.Clocks, f.PrevHash} {
		fmt.Fprintf(h, "%d:%s;", len(part), part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// chainHash extends the running hash across all records with this record's hash.
func chainHash(c chainHasher, prevChain, recordHash string) string {
	h := c.new()
	h.Write([]byte(prevChain + "|" + recordHash))
	return hex.EncodeToString(h.Sum(nil))
}

// sealRecord numbers a record about to be appended after the last of its
// case and fills in its hashes, inside the write transaction: write runs
// those one at a time (SQLite's one writer connection, PostgreSQL's write
// lock), so the last record read here is still the last one at commit.
// A store opened without the master key cannot seal: its throwaway key would
// break the chain for every later verification.
func sealRecord(ctx context.Context, tx *txn, k *keys, f *chainFields) error {
	if k.throwaway {
		return errNoChainKey
	}
	// One query for the three, read while this transaction holds the writer.
	var last struct {
		Seq   int    `db:"seq"`
		Hash  string `db:"hash"`
		Chain string `db:"chain"`
	}
	err := tx.GetContext(ctx, &last, `SELECT
		COALESCE((SELECT seq FROM history WHERE case_id = ? ORDER BY seq DESC LIMIT 1), 0) AS seq,
		COALESCE((SELECT hash FROM history WHERE case_id = ? ORDER BY seq DESC LIMIT 1), '') AS hash,
		COALESCE((SELECT chain_hash FROM history ORDER BY id DESC LIMIT 1), '') AS chain`, f.CaseID, f.CaseID)
	if err != nil {
		return fmt.Errorf("store: previous records of case %d: %w", f.CaseID, err)
	}
	f.Seq, f.PrevHash = last.Seq+1, last.Hash
	c := chainHasher{k.chain}
	f.Hash = f.recordHash(c)
	f.ChainHash = chainHash(c, last.Chain, f.Hash)
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ChainReport is the result of verifying the history chain.
type ChainReport struct {
	Records  int
	BrokenID int64  // the first record that does not match (0 when intact, or when a case's newest records are missing)
	CaseID   int64  // its case (the case whose records are missing); 0 when intact
	Seq      int    // its place in the case's history (the last record left of the case)
	Reason   string // what did not match
	Head     string // the running hash of the newest record, when intact
}

// OK reports whether the whole chain is intact.
func (r ChainReport) OK() bool { return r.BrokenID == 0 && r.CaseID == 0 }

func (r ChainReport) String() string {
	switch {
	case r.OK():
		return fmt.Sprintf("history intact: %d records verified; running hash %s", r.Records, r.Head)
	case r.BrokenID == 0:
		return fmt.Sprintf("history BROKEN at case %d (last record seq %d): %s; %d records verified",
			r.CaseID, r.Seq, r.Reason, r.Records)
	}
	return fmt.Sprintf("history BROKEN at record %d (case %d, seq %d): %s; %d records verified before it",
		r.BrokenID, r.CaseID, r.Seq, r.Reason, r.Records)
}

// VerifyChain recomputes every record's keyed hash, its link to the previous
// record of its case and the running hash, in the order they were written,
// and names the first record that does not match; then it checks that each
// case's version counts its records (every act adds one record and one
// version), which catches the newest records of a case deleted, since
// nothing after them links to them, and that its state is the one its last
// record left it in.
func (s *Store) VerifyChain(ctx context.Context) (ChainReport, error) {
	rep, err := verifyChain(ctx, s.r, chainHasher{s.keys.chain})
	if err != nil || !rep.OK() {
		return rep, err
	}
	return rep, verifyVersions(ctx, s.r, &rep)
}

// verifyChain is VerifyChain's walk through the records, with the hasher given.
func verifyChain(ctx context.Context, q sqlx.QueryerContext, c chainHasher) (ChainReport, error) {
	rows, err := q.QueryxContext(ctx, `SELECT id, case_id, seq, event, from_state, to_state, on_date, at, actor_id,
		actor, payload, clocks, prev_hash, hash, chain_hash, due_on FROM history ORDER BY id`)
	if err != nil {
		return ChainReport{}, fmt.Errorf("store: verify chain: %w", err)
	}
	defer rows.Close()
	var rep ChainReport
	lastOfCase := map[int64]chainFields{}
	prevChain := ""
	for rows.Next() {
		var f chainFields
		if err := rows.StructScan(&f); err != nil {
			return rep, fmt.Errorf("store: verify chain: %w", err)
		}
		var reasons []string
		prev, seen := lastOfCase[f.CaseID]
		switch {
		case !seen && f.Seq != 1:
			reasons = append(reasons, fmt.Sprintf("records before seq %d are missing", f.Seq))
		case seen && f.Seq != prev.Seq+1:
			reasons = append(reasons, fmt.Sprintf("seq %d follows seq %d", f.Seq, prev.Seq))
		}
		if f.PrevHash != prev.Hash {
			reasons = append(reasons, "link to the previous record of the case does not match")
		}
		if f.recordHash(c) != f.Hash {
			reasons = append(reasons, "content does not match its hash")
		}
		if chainHash(c, prevChain, f.Hash) != f.ChainHash {
			reasons = append(reasons, "running hash does not match")
		}
		if due, err := dueOfClocks(f.Clocks); err != nil || due != deref(f.DueOn) {
			reasons = append(reasons, "due date does not match the record's clocks")
		}
		if len(reasons) > 0 {
			rep.BrokenID, rep.CaseID, rep.Seq, rep.Reason = f.ID, f.CaseID, f.Seq, strings.Join(reasons, "; ")
			return rep, nil
		}
		rep.Records++
		lastOfCase[f.CaseID] = f
		prevChain = f.ChainHash
	}
	rep.Head = prevChain
	return rep, rows.Err()
}

// verifyVersions names in rep the first case whose version is not the seq
// of its last record (with seq checked to run 1, 2, … by verifyChain, that
// is the number of its records), or else whose state is not the one its last
// record left it in.
func verifyVersions(ctx context.Context, q sqlx.QueryerContext, rep *ChainReport) error {
	var bad []struct {
		ID      int64 `db:"id"`
		Version int   `db:"version"`
		Last    int   `db:"last_seq"`
	}
	err := sqlx.SelectContext(ctx, q, &bad, `SELECT c.id, c.version, COALESCE(MAX(h.seq), 0) AS last_seq
		FROM cases c LEFT JOIN history h ON h.case_id = c.id
		GROUP BY c.id, c.version HAVING c.version <> COALESCE(MAX(h.seq), 0) ORDER BY c.id LIMIT 1`)
	if err != nil {
		return fmt.Errorf("store: verify versions: %w", err)
	}
	if len(bad) > 0 {
		b := bad[0]
		rep.CaseID, rep.Seq, rep.Head = b.ID, b.Last, ""
		rep.Reason = fmt.Sprintf("the case is at version %d but its last record is seq %d", b.Version, b.Last)
		if b.Version > b.Last {
			rep.Reason += ": its newest records are missing"
		}
		return nil
	}
	// Versions matching, each case's last record is the one at its version.
	var state []struct {
		ID      int64  `db:"id"`
		Version int    `db:"version"`
		State   string `db:"state"`
		To      string `db:"to_state"`
	}
	err = sqlx.SelectContext(ctx, q, &state, `SELECT c.id, c.version, c.state, h.to_state FROM cases c
		JOIN history h ON h.case_id = c.id AND h.seq = c.version WHERE c.state <> h.to_state ORDER BY c.id LIMIT 1`)
	if err != nil {
		return fmt.Errorf("store: verify states: %w", err)
	}
	if len(state) > 0 {
		b := state[0]
		rep.CaseID, rep.Seq, rep.Head = b.ID, b.Version, ""
		rep.Reason = fmt.Sprintf("the case's state is %s but its last record leaves it %s", b.State, b.To)
	}
	return nil
}
