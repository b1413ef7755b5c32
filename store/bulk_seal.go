package store

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
	"strings"

	"petitions/workflow"
)

// bulkRows are a sealed batch: each table's column values (bulkCaseColumns,
// bulkPetitionerColumns, bulkHistoryColumns), row after row, in id order.
// The writer hands them back through free once written, to be filled again.
type bulkRows struct {
	cases, petitioners, history []any
	n                           int // cases
}

// bulkSealer encodes, seals and hashes batches on the sealer goroutine, in
// the order they were handed over, so the running hash follows history ids.
type bulkSealer struct {
	keys   *keys
	index  hash.Hash // HMAC of identities (keys.hashOf), reset for each value
	random bulkRandom
	chain  string         // the running hash after the last record sealed
	buf    []byte         // scratch
	err    error          // the first error; read by the writer once rows is closed
	free   chan *bulkRows // rows the writer is done with
}

func newBulkSealer(k *keys, chain string) bulkSealer {
	return bulkSealer{keys: k, index: hmac.New(sha256.New, k.index), chain: chain, random: newBulkRandom(),
		buf: make([]byte, 0, 4096), free: make(chan *bulkRows, 2)}
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
		rows = &bulkRows{}
	}
	for _, bc := range batch.cases {
		if err := sl.sealCase(rows, bc); err != nil {
			return nil, err
		}
	}
	rows.n = len(batch.cases)
	for i := range batch.records {
		r := &batch.records[i]
		payload, err := sl.payload(r.payload)
		if err != nil {
			return nil, err
		}
		prev := r.bc.last
		hash := sl.recordHash(r, payload, prev)
		chain := sl.chainHash(hash)
		sl.chain, r.bc.last = chain, hash
		rows.history = append(rows.history, r.id, r.bc.c.ID, int64(r.seq), r.event, r.from, r.to, r.onDate, r.at,
			r.actorID, r.actor, payload, r.clocks, r.due, prev, hash, chain)
	}
	return rows, nil
}

// recycle empties rows the writer is done with and keeps them for another batch.
func (sl *bulkSealer) recycle(rows *bulkRows) {
	clear(rows.cases)
	clear(rows.petitioners)
	clear(rows.history)
	rows.cases, rows.petitioners, rows.history = rows.cases[:0], rows.petitioners[:0], rows.history[:0]
	select {
	case sl.free <- rows:
	default:
	}
}

// sealCase adds the case row and the petitioner row.
func (sl *bulkSealer) sealCase(rows *bulkRows, bc *bulkCase) error {
	c := bc.c
	settled, class := settlement(c.Case)
	var prior any
	if c.PriorCaseID != 0 {
		prior = c.PriorCaseID
	}
	clocks, facts, buf, err := bulkEncodeState(c.Case, sl.buf)
	sl.buf = buf
	if err != nil {
		return fmt.Errorf("store: bulk: case %d: %w", c.ID, err)
	}
	if class != nil {
		class = int64(class.(int))
	}
	rows.cases = append(rows.cases, c.ID, c.TrackingCode, string(c.Kind), int64(c.Round), prior, string(c.Channel),
		c.UnitID, nullID(c.AssigneeID), c.RegisteredBy, string(c.State), int64(c.Version), dateString(c.ReceivedOn),
		dateString(c.MatterStartedOn), bulkNullDate(c.AcceptedOn), bulkNullDate(c.ResolvedOn),
		bulkNullDate(c.DisclosedOn), dateString(c.LastEventOn), nullString(string(c.Outcome)), c.Subject, c.Content,
		c.Anonymous, int64(c.Signatories), c.RemoteArea, string(c.Complexity), bulkNullDate(c.EarliestDue()), clocks,
		facts, bc.created, bc.updated, settled, class)
	sealed, err := sl.sealIdentity(c.ID, bc.p)
	if err != nil {
		return err
	}
	rows.petitioners = append(rows.petitioners, c.ID, sealed, sl.hashOf("id", strings.TrimSpace(bc.p.IDNumber)),
		sl.hashOf("name", workflow.Fold(bc.p.Name)))
	return nil
}

// bulkNullDate is nullDate, faster.
func bulkNullDate(d workflow.Date) any {
	if d.IsZero() {
		return nil
	}
	return dateString(d)
}

// payload encodes a record's payload.
func (sl *bulkSealer) payload(p map[string]any) (string, error) {
	s, buf, err := bulkPayload(p, sl.buf)
	sl.buf = buf
	return s, err
}

// sealIdentity is keys.seal: nonce and AES-GCM ciphertext of the petitioner
// as JSON, bound to the case, in base64.
func (sl *bulkSealer) sealIdentity(caseID int64, p Petitioner) (string, error) {
	if !bulkFastJSON {
		return sl.keys.seal(caseID, p)
	}
	aead := sl.keys.aead
	plain := appendPetitioner(sl.buf[:0], p)
	out := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
	if err := sl.random.read(out); err != nil {
		return "", err
	}
	var aad [32]byte
	out = aead.Seal(out, out, plain, strconv.AppendInt(append(aad[:0], "case:"...), caseID, 10))
	sl.buf = plain
	return base64.StdEncoding.EncodeToString(out), nil
}

// hashOf is keys.hashOf with one reused HMAC.
func (sl *bulkSealer) hashOf(kind, value string) string {
	if value == "" {
		return ""
	}
	sl.index.Reset()
	sl.buf = append(append(append(sl.buf[:0], kind...), ':'), value...)
	sl.index.Write(sl.buf)
	var sum [sha256.Size]byte
	return hexString(sl.index.Sum(sum[:0]))
}

// recordHash is chainFields.recordHash: each field length-prefixed, in order.
func (sl *bulkSealer) recordHash(r *bulkRecord, payload, prev string) string {
	var n [20]byte
	buf := appendHashPart(sl.buf[:0], strconv.AppendInt(n[:0], r.bc.c.ID, 10))
	buf = appendHashPart(buf, strconv.AppendInt(n[:0], int64(r.seq), 10))
	for _, part := range [...]any{r.event, r.from, r.to, r.onDate, r.at} {
		buf = appendHashPart(buf, part.(string))
	}
	buf = appendHashPart(buf, strconv.AppendInt(n[:0], r.actorID, 10))
	for _, part := range [...]string{r.actor.(string), payload, r.clocks, prev} {
		buf = appendHashPart(buf, part)
	}
	sl.buf = buf
	sum := sha256.Sum256(buf)
	return hexString(sum[:])
}

// appendHashPart appends "len:part;".
func appendHashPart[T string | []byte](buf []byte, part T) []byte {
	buf = strconv.AppendInt(buf, int64(len(part)), 10)
	return append(append(append(buf, ':'), part...), ';')
}

// chainHash is chainHash(sl.chain, recordHash).
func (sl *bulkSealer) chainHash(recordHash string) string {
	sl.buf = append(append(append(sl.buf[:0], sl.chain...), '|'), recordHash...)
	sum := sha256.Sum256(sl.buf)
	return hexString(sum[:])
}

func hexString(b []byte) string {
	var out [2 * sha256.Size]byte
	n := hex.Encode(out[:], b)
	return string(out[:n])
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

// trackingCodeOf is newTrackingCode with the random bytes given, and a key
// that tells codes apart: the kind, the year and the eight characters.
func trackingCodeOf(k workflow.Kind, received workflow.Date, random [8]byte) (string, uint64) {
	prefix, kindKey := "", uint64(0)
	switch k {
	case workflow.Complaint:
		prefix, kindKey = "KN", 1
	case workflow.Denunciation:
		prefix, kindKey = "TC", 2
	case workflow.Petition:
		prefix, kindKey = "KP", 3
	case workflow.Dialogue:
		prefix, kindKey = "DT", 4
	}
	yy := received.Year() % 100
	var b [16]byte
	out := append(append(b[:0], prefix...), byte('0'+yy/10), byte('0'+yy%10), '-')
	key := kindKey<<48 | uint64(yy)<<40
	for i, r := range random {
		c := int(r) % len(trackingAlphabet)
		out = append(out, trackingAlphabet[c])
		key |= uint64(c) << (5 * i)
	}
	return string(out), key
}
