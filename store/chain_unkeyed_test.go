package store_test

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"testing"

	"github.com/jmoiron/sqlx"
)

// unkeyedRecord is a history record as the SHA-256 chain of the releases
// before 00010_keyed_chain hashed it.
type unkeyedRecord struct {
	ID        int64         `db:"id"`
	CaseID    int64         `db:"case_id"`
	Seq       int           `db:"seq"`
	Event     string        `db:"event"`
	FromState string        `db:"from_state"`
	ToState   string        `db:"to_state"`
	OnDate    string        `db:"on_date"`
	At        string        `db:"at"`
	ActorID   sql.NullInt64 `db:"actor_id"`
	Actor     string        `db:"actor"`
	Payload   string        `db:"payload"`
	Clocks    string        `db:"clocks"`
}

// rechainUnkeyed recomputes every record's hashes with plain SHA-256, as
// anyone holding the database file but not the key can: the attack on the
// old chain, and the way to make a database as the releases before the keyed
// chain left it. The caller drops the append-only trigger first.
func rechainUnkeyed(t *testing.T, db *sqlx.DB) {
	t.Helper()
	var recs []unkeyedRecord
	if err := db.Select(&recs, `SELECT id, case_id, seq, event, from_state, to_state, on_date, at, actor_id, actor,
		payload, clocks FROM history ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	last, chain := map[int64]string{}, ""
	for _, r := range recs {
		actor := ""
		if r.ActorID.Valid {
			actor = strconv.FormatInt(r.ActorID.Int64, 10)
		}
		h := sha256.New()
		for _, part := range []string{strconv.FormatInt(r.CaseID, 10), strconv.Itoa(r.Seq), r.Event, r.FromState,
			r.ToState, r.OnDate, r.At, actor, r.Actor, r.Payload, r.Clocks, last[r.CaseID]} {
			fmt.Fprintf(h, "%d:%s;", len(part), part)
		}
		hash := hex.EncodeToString(h.Sum(nil))
		sum := sha256.Sum256([]byte(chain + "|" + hash))
		chain = hex.EncodeToString(sum[:])
		mustExec(t, db, `UPDATE history SET prev_hash = ?, hash = ?, chain_hash = ? WHERE id = ?`, last[r.CaseID], hash, chain, r.ID)
		last[r.CaseID] = hash
	}
}
