package store

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"slices"
	"strconv"
	"strings"

	"petitions/workflow"
)

// bulkRows are a sealed batch: each table's column values (bulkCaseColumns,
// bulkPetitionerColumns, bulkHistoryColumns), row after row, in id order,
// with their texts in one arena, as the writer binds them without a copy.
// The writer hands them back through recycle once written, to be filled again.
type bulkRows struct {
	cases, petitioners, history []bulkValue
	documents, documentLog      []bulkValue
	arena                       []byte
	n                           int // cases
}

// bulkValue is one value of a row the writer inserts: text of n bytes at
// offset i of its batch's arena, or an integer i (n is bulkInt or bulkBool),
// or NULL (n is bulkNull). bulk_sqlite.go's C code reads it as bulk_value.
type bulkValue struct{ i, n int64 }

const (
	bulkNull = -1
	bulkInt  = -2
	bulkBool = -3 // an integer for SQLite, a boolean for PostgreSQL
)

// text keeps s in the arena.
func (r *bulkRows) text(s string) bulkValue {
	v := bulkValue{int64(len(r.arena)), int64(len(s))}
	r.arena = append(r.arena, s...)
	return v
}

// since is the text appended to the arena from start on.
func (r *bulkRows) since(start int) bulkValue {
	return bulkValue{int64(start), int64(len(r.arena) - start)}
}

// bytes is the text of v.
func (r *bulkRows) bytes(v bulkValue) []byte { return r.arena[v.i : v.i+v.n] }

// date keeps d in the arena as YYYY-MM-DD; nullDate is NULL for the zero date.
func (r *bulkRows) date(d workflow.Date) bulkValue {
	start := len(r.arena)
	r.arena = appendDate(r.arena, d)
	return r.since(start)
}

func (r *bulkRows) nullDate(d workflow.Date) bulkValue {
	if d.IsZero() {
		return bulkValue{n: bulkNull}
	}
	return r.date(d)
}

// nullText is NULL for the empty text.
func (r *bulkRows) nullText(s string) bulkValue {
	if s == "" {
		return bulkValue{n: bulkNull}
	}
	return r.text(s)
}

func bulkInteger(v int64) bulkValue { return bulkValue{v, bulkInt} }

// bulkNullID is NULL for the id 0.
func bulkNullID(id int64) bulkValue {
	if id == 0 {
		return bulkValue{n: bulkNull}
	}
	return bulkInteger(id)
}

func bulkBoolean(v bool) bulkValue {
	if v {
		return bulkValue{1, bulkBool}
	}
	return bulkValue{0, bulkBool}
}

// value is v as database/sql takes it.
func (r *bulkRows) value(v bulkValue) any {
	switch v.n {
	case bulkNull:
		return nil
	case bulkInt:
		return v.i
	case bulkBool:
		return v.i != 0
	}
	return string(r.bytes(v))
}

// bulkSealer encodes, seals and hashes batches on the sealer goroutine, in
// the order they were handed over, so the running hash follows history ids.
type bulkSealer struct {
	keys   *keys
	index  hash.Hash // HMAC of identities (keys.hashOf), reset for each value
	mac    hash.Hash // HMAC of the history chain (chainHasher), reset for each hash
	random bulkRandom
	chain  []byte         // the running hash after the last record sealed, in hex
	buf    []byte         // scratch
	err    error          // the first error; read by the writer once rows is closed
	free   chan *bulkRows // rows the writer is done with
	// The largest rows made so far.
	size struct{ cases, petitioners, history, arena int }
}

func newBulkSealer(k *keys, chain string) bulkSealer {
	return bulkSealer{keys: k, index: hmac.New(sha256.New, k.index), mac: hmac.New(sha256.New, k.chain),
		chain: []byte(chain), random: newBulkRandom(),
		buf: make([]byte, 0, 4096), free: make(chan *bulkRows, 4)}
}

// sealLoop seals each batch and passes it to the writer; after an error it
// keeps draining, so the generator never blocks.
func (b *Bulk) sealLoop() {
	defer close(b.rows)
	for batch := range b.batches {
		if b.sealer.err != nil {
			continue
		}
		rows, err := b.sealer.seal(batch)
		clear(batch.records)
		select {
		case b.spare <- batch.records[:0]:
		default:
		}
		if err != nil {
			b.sealer.err = err
			continue
		}
		b.rows <- rows
	}
}

// seal turns a batch into rows: the case rows with their encoded state, the
// sealed identities, and the history records with their hashes. Each case's
// records link to one another; the running hash goes through the batch's
// records in id order, which is the order they were made in.
func (sl *bulkSealer) seal(batch bulkBatch) (*bulkRows, error) {
	var rows *bulkRows
	select {
	case rows = <-sl.free:
	default:
		// As large as the largest batch so far: growing them costs copies
		// and fresh memory.
		rows = &bulkRows{cases: make([]bulkValue, 0, sl.size.cases), petitioners: make([]bulkValue, 0, sl.size.petitioners),
			history: make([]bulkValue, 0, sl.size.history), arena: make([]byte, 0, sl.size.arena)}
	}
	for _, bc := range batch.cases {
		if err := sl.sealCase(rows, bc); err != nil {
			return nil, err
		}
	}
	rows.n = len(batch.cases)
	for i := range batch.records {
		if err := sl.sealRecord(rows, &batch.records[i]); err != nil {
			return nil, err
		}
	}
	for _, d := range batch.documents {
		rows.documents = append(rows.documents, bulkInteger(d.id), bulkInteger(d.caseID), bulkInteger(d.unitID),
			rows.text(d.template), rows.text(d.symbol), rows.text(DocDraft), rows.text(d.paper), bulkBoolean(d.sealed),
			bulkInteger(d.actorID), rows.text(d.at), rows.text(d.at))
		rows.documentLog = append(rows.documentLog, bulkInteger(d.id), rows.text("drafted"), bulkInteger(d.actorID),
			rows.text(d.at), rows.text(""))
	}
	sl.size.cases, sl.size.petitioners = max(sl.size.cases, cap(rows.cases)), max(sl.size.petitioners, cap(rows.petitioners))
	sl.size.history, sl.size.arena = max(sl.size.history, cap(rows.history)), max(sl.size.arena, cap(rows.arena))
	return rows, nil
}

// sealRecord adds the history row of r: its payload encoded, its hash
// linked to the case's last record, the running hash extended.
func (sl *bulkSealer) sealRecord(rows *bulkRows, r *bulkRecord) error {
	start := len(rows.arena)
	var err error
	if rows.arena, err = appendBulkPayload(rows.arena, r.payload); err != nil {
		return err
	}
	payload := rows.since(start)
	start = len(rows.arena)
	if r.bc.sealed {
		rows.arena = hex.AppendEncode(rows.arena, r.bc.last[:])
	}
	prev := rows.since(start)
	r.bc.last, r.bc.sealed = sl.recordHash(r, rows.bytes(payload), rows.bytes(prev)), true
	start = len(rows.arena)
	rows.arena = hex.AppendEncode(rows.arena, r.bc.last[:])
	hash := rows.since(start)
	start = len(rows.arena)
	rows.arena = sl.chainHash(rows.arena, rows.bytes(hash))
	chain := rows.since(start)
	sl.chain = append(sl.chain[:0], rows.bytes(chain)...)
	rows.history = append(rows.history, bulkInteger(r.id), bulkInteger(r.bc.c.ID), bulkInteger(int64(r.seq)),
		rows.text(r.event), rows.text(r.from), rows.text(r.to), rows.text(r.onDate), rows.text(r.at),
		bulkInteger(r.actorID), rows.text(r.actor), payload, rows.text(r.clocks), rows.nullText(r.due), prev, hash, chain)
	return nil
}

// recycle empties rows the writer is done with and keeps them for another batch.
func (sl *bulkSealer) recycle(rows *bulkRows) {
	rows.cases, rows.petitioners, rows.history = rows.cases[:0], rows.petitioners[:0], rows.history[:0]
	rows.documents, rows.documentLog = rows.documents[:0], rows.documentLog[:0]
	rows.arena = rows.arena[:0]
	select {
	case sl.free <- rows:
	default:
	}
}

// sealCase adds the case row and the petitioner row.
func (sl *bulkSealer) sealCase(rows *bulkRows, bc *bulkCase) error {
	c := &bc.c
	settledOn, class := bulkValue{n: bulkNull}, bulkValue{n: bulkNull}
	if settled, spanClass := settlement(c.Case); settled != nil {
		settledOn, class = rows.text(settled.(string)), bulkInteger(int64(spanClass.(int)))
	}
	var clocks, facts bulkValue
	if bulkFastJSON {
		start := len(rows.arena)
		rows.arena = appendClocks(rows.arena, c.Clocks)
		clocks = rows.since(start)
		start = len(rows.arena)
		rows.arena = appendFacts(rows.arena, c.Facts)
		facts = rows.since(start)
	} else {
		k, f, err := encodeState(c.Case)
		if err != nil {
			return fmt.Errorf("store: bulk: case %d: %w", c.ID, err)
		}
		clocks, facts = rows.text(k), rows.text(f)
	}
	start := len(rows.arena)
	rows.arena = append(append(append(rows.arena, '['), bc.reportActs...), ']')
	reportActs := rows.since(start)
	rows.cases = append(rows.cases, bulkInteger(c.ID), rows.text(c.TrackingCode), rows.text(string(c.Kind)),
		bulkInteger(int64(c.Round)), bulkNullID(c.PriorCaseID), rows.text(string(c.Channel)), bulkInteger(c.UnitID),
		bulkNullID(c.AssigneeID), bulkInteger(c.RegisteredBy), rows.text(string(c.State)), bulkInteger(int64(c.Version)),
		rows.date(c.ReceivedOn), rows.date(c.MatterStartedOn), rows.nullDate(c.AcceptedOn), rows.nullDate(c.ResolvedOn),
		rows.nullDate(c.DisclosedOn), rows.date(c.LastEventOn), rows.nullText(string(c.Outcome)), rows.text(c.Subject),
		rows.text(c.Content), bulkBoolean(c.Anonymous), bulkInteger(int64(c.Signatories)), bulkBoolean(c.RemoteArea),
		rows.text(string(c.Complexity)), rows.nullDate(c.EarliestDue()), clocks, facts, rows.text(bc.created),
		rows.text(bc.updated), settledOn, class, bulkBoolean(c.Disciplinary), bulkBoolean(c.ReceivedByTransfer),
		bulkBoolean(c.ForwardedByAuthority), rows.text(searchFold(c.TrackingCode, c.Subject, c.Content)),
		rows.text(publicFold(c.TrackingCode, c.Case)), bulkBoolean(c.DecidedLate()), reportActs,
		rows.nullDate(bc.implementedOn))
	start = len(rows.arena)
	var err error
	if rows.arena, err = sl.appendSealed(rows.arena, c.ID, bc.p); err != nil {
		return err
	}
	sealed := rows.since(start)
	start = len(rows.arena)
	rows.arena = sl.appendHashOf(rows.arena, "id", strings.TrimSpace(bc.p.IDNumber))
	idHash := rows.since(start)
	start = len(rows.arena)
	rows.arena = sl.appendHashOf(rows.arena, "name", workflow.Fold(bc.p.Name))
	nameHash := rows.since(start)
	start = len(rows.arena)
	rows.arena = sl.appendHashOf(rows.arena, "phone", phoneDigits(bc.p.Phone))
	rows.petitioners = append(rows.petitioners, bulkInteger(c.ID), sealed, idHash, nameHash, rows.since(start))
	return nil
}

// appendSealed appends keys.seal: nonce and AES-GCM ciphertext of the
// petitioner as JSON, bound to the case, in base64.
func (sl *bulkSealer) appendSealed(dst []byte, caseID int64, p Petitioner) ([]byte, error) {
	if !bulkFastJSON {
		s, err := sl.keys.seal(caseID, p)
		return append(dst, s...), err
	}
	aead := sl.keys.aead
	plain := appendPetitioner(sl.buf[:0], p)
	out := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
	if err := sl.random.read(out); err != nil {
		return dst, err
	}
	var aad [32]byte
	out = aead.Seal(out, out, plain, strconv.AppendInt(append(aad[:0], "case:"...), caseID, 10))
	sl.buf = plain
	return base64.StdEncoding.AppendEncode(dst, out), nil
}

// appendHashOf appends keys.hashOf with one reused HMAC.
func (sl *bulkSealer) appendHashOf(dst []byte, kind, value string) []byte {
	if value == "" {
		return dst
	}
	sl.index.Reset()
	sl.buf = append(append(append(sl.buf[:0], kind...), ':'), value...)
	sl.index.Write(sl.buf)
	var sum [sha256.Size]byte
	return hex.AppendEncode(dst, sl.index.Sum(sum[:0]))
}

// recordHash is chainFields.recordHash (each field length-prefixed, in
// order, under the chain key), before its hex encoding.
func (sl *bulkSealer) recordHash(r *bulkRecord, payload, prev []byte) [sha256.Size]byte {
	var n [20]byte
	buf := appendHashPart(sl.buf[:0], strconv.AppendInt(n[:0], r.bc.c.ID, 10))
	buf = appendHashPart(buf, strconv.AppendInt(n[:0], int64(r.seq), 10))
	for _, part := range [...]string{r.event, r.from, r.to, r.onDate, r.at} {
		buf = appendHashPart(buf, part)
	}
	buf = appendHashPart(buf, strconv.AppendInt(n[:0], r.actorID, 10))
	buf = appendHashPart(buf, r.actor)
	buf = appendHashPart(buf, payload)
	buf = appendHashPart(buf, r.clocks)
	buf = appendHashPart(buf, prev)
	sl.buf = buf
	return sl.sum(buf)
}

// sum is the chain key's HMAC-SHA256 of b.
func (sl *bulkSealer) sum(b []byte) [sha256.Size]byte {
	var sum [sha256.Size]byte
	sl.mac.Reset()
	sl.mac.Write(b)
	sl.mac.Sum(sum[:0])
	return sum
}

// appendHashPart appends "len:part;".
func appendHashPart[T string | []byte](buf []byte, part T) []byte {
	buf = strconv.AppendInt(buf, int64(len(part)), 10)
	return append(append(append(buf, ':'), part...), ';')
}

// chainHash appends chainHash(sl.chain, recordHash).
func (sl *bulkSealer) chainHash(dst, recordHash []byte) []byte {
	sl.buf = append(append(append(sl.buf[:0], sl.chain...), '|'), recordHash...)
	sum := sl.sum(sl.buf)
	return hex.AppendEncode(dst, sum[:])
}

// bulkRandom hands out crypto/rand bytes read 4 KiB at a time: one system
// call per few hundred codes or nonces instead of one each.
type bulkRandom struct {
	buf  []byte
	used int
}

func newBulkRandom() bulkRandom {
	b := make([]byte, 4096)
	return bulkRandom{buf: b, used: len(b)}
}

func (r *bulkRandom) read(p []byte) error {
	if r.buf == nil {
		*r = newBulkRandom()
	}
	if r.used+len(p) > len(r.buf) {
		if _, err := rand.Read(r.buf); err != nil {
			return err
		}
		r.used = 0
	}
	r.used += copy(p, r.buf[r.used:])
	return nil
}

// trackingKey tells tracking codes apart: the kind and the year, and the
// random characters at 5 bits each.
type trackingKey struct {
	kindYear uint16
	random   uint64
}

// trackingCodeOf makes the tracking code of newTrackingCode from the random
// bytes given (each picks one of the 32 symbols: 256 is a multiple of 32, so
// none is favoured), with its key.
func trackingCodeOf(k workflow.Kind, received workflow.Date, random [trackingRandomLen]byte) (string, trackingKey) {
	prefix, kindKey := k.TrackingPrefix(), uint16(slices.Index(workflow.Kinds, k)+1)
	yy := received.Year() % 100
	var b [5 + trackingRandomLen]byte
	out := append(append(b[:0], prefix...), byte('0'+yy/10), byte('0'+yy%10), '-')
	key := trackingKey{kindYear: kindKey<<8 | uint16(yy)}
	for i, r := range random {
		c := int(r) % len(trackingAlphabet)
		out = append(out, trackingAlphabet[c])
		key.random |= uint64(c) << (5 * i)
	}
	return string(out), key
}
