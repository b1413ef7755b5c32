package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"petitions/workflow"
)

// Bulk registers cases and fires their events through the same engine calls
// as CreateCase and ApplyEvent (workflow.Receive and workflow.Apply, the same
// checks, the same sealed identities and hash chain), but keeps them in
// memory and writes them in large batches from a second goroutine. It loads
// the demo province and the benchmark's million cases, and it assumes what
// only a loader may: that nobody else writes while it runs, and that a case
// is played to its end before many others are registered (a case already
// written is not changed again).
type Bulk struct {
	s     *Store
	env   workflow.Env
	units map[int64]Unit
	users map[string]User

	nextCase, nextRecord int64
	chain                string
	codes                map[string]bool         // tracking codes in use
	known                map[int64]workflow.Date // every case's matter start, for round 2 and duplicates
	pending              map[int64]*bulkCase     // cases not yet handed to the writer
	order                []int64                 // pending cases in registration order
	lastHash             map[int64]string        // pending cases' last record hash
	batches              chan []*bulkCase        // to the writer
	done                 chan error              // the writer's result
	batchSize            int
	rebuild              []string                   // indexes to build again at the end
	Stamp                func(workflow.Date) string // the time written for an act dated on a day
}

type bulkCase struct {
	c       Case
	p       Petitioner
	sealed  string
	idHash  string
	name    string
	created string
	records []bulkRecord
}

type bulkRecord struct {
	chainFields
	due any
}

// BulkBatch is how many cases the loader writes per transaction.
const BulkBatch = 2000

// Bulk starts a bulk load. The caller must Close it to write the rest.
func (s *Store) Bulk(ctx context.Context) (*Bulk, error) {
	b := &Bulk{s: s, units: map[int64]Unit{}, users: map[string]User{}, codes: map[string]bool{},
		known: map[int64]workflow.Date{}, pending: map[int64]*bulkCase{}, lastHash: map[int64]string{},
		batches: make(chan []*bulkCase, 2), done: make(chan error, 1), batchSize: BulkBatch,
		env: workflow.Env{Calendar: s.Calendar(), Today: s.Today()}}
	b.Stamp = func(d workflow.Date) string {
		return d.Time().Add(2 * time.Hour).UTC().Format(time.RFC3339Nano) // 09:00 in Vietnam
	}
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		b.units[u.ID] = u
	}
	var users []User
	if err := s.r.SelectContext(ctx, &users, `SELECT `+userColumns+` FROM users u JOIN units n ON n.id = u.unit_id`); err != nil {
		return nil, err
	}
	for _, u := range users {
		b.users[u.Login] = u
	}
	err = s.r.GetContext(ctx, &b.nextCase, `SELECT COALESCE(MAX(id), 0) + 1 FROM cases`)
	if err == nil {
		err = s.r.GetContext(ctx, &b.nextRecord, `SELECT COALESCE(MAX(id), 0) + 1 FROM history`)
	}
	if err == nil {
		err = s.r.GetContext(ctx, &b.chain, `SELECT chain_hash FROM history ORDER BY id DESC LIMIT 1`)
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: bulk: %w", err)
	}
	if b.nextCase == 1 {
		if b.rebuild, err = s.dropSecondaryIndexes(ctx); err != nil {
			return nil, err
		}
	}
	if !s.postgres() {
		// The writer's page cache holds the unique indexes while they grow
		// (256 MB), and checkpoints skip their fsync: a load that dies half-way
		// is loaded again. finishBulk restores both.
		if _, err := s.w.ExecContext(ctx, `PRAGMA cache_size = -262144; PRAGMA synchronous = OFF`); err != nil {
			return nil, err
		}
	}
	go func() { b.done <- b.writeLoop(ctx) }()
	return b, nil
}

// CreateCase is Store.CreateCase, in memory.
func (b *Bulk) CreateCase(ctx context.Context, actor User, in NewCase) (Case, error) {
	if len(b.order) >= b.batchSize {
		b.handOver()
	}
	unit, ok := b.units[actor.UnitID]
	if !ok {
		return Case{}, workflow.Errorf(workflow.CodeNotFound, "không tìm thấy đơn vị %d", actor.UnitID)
	}
	var prior *int64
	if in.PriorCaseID != 0 {
		matter, ok := b.known[in.PriorCaseID]
		if !ok {
			return Case{}, workflow.Invalid("prior_case_id", "không tìm thấy hồ sơ lần đầu %d", in.PriorCaseID)
		}
		prior, in.Intake.PriorMatterFrom = &in.PriorCaseID, matter
	}
	env := b.env
	env.Settings = unit.UnitSettings()
	wc, rec, err := workflow.Receive(in.Intake, env)
	if err != nil {
		return Case{}, err
	}
	code, err := b.trackingCode(wc)
	if err != nil {
		return Case{}, err
	}
	id := b.nextCase
	b.nextCase++
	wc.ID = id
	c := Case{Case: wc, TrackingCode: code, Channel: in.Intake.Channel, UnitID: unit.ID, UnitCode: unit.Code,
		UnitName: unit.Name, UnitSettings: unit.Settings, RegisteredBy: actor.ID, Subject: in.Subject,
		Content: in.Content, Signatories: max(in.Intake.Signatories, 1)}
	if prior != nil {
		c.PriorCaseID = *prior
	}
	sealed, err := b.s.keys.seal(id, in.Petitioner)
	if err != nil {
		return Case{}, err
	}
	bc := &bulkCase{c: c, p: in.Petitioner, sealed: sealed, idHash: b.s.keys.idHash(in.Petitioner.IDNumber),
		name: b.s.keys.nameHash(in.Petitioner.Name), created: b.Stamp(wc.ReceivedOn)}
	b.pending[id] = bc
	b.order = append(b.order, id)
	b.known[id] = wc.MatterStartedOn
	if err := b.append(bc, rec, actor); err != nil {
		return Case{}, err
	}
	return c, nil
}

// ApplyEvent is Store.ApplyEvent, in memory, for a case not yet written.
func (b *Bulk) ApplyEvent(ctx context.Context, actor User, caseID int64, version int, in workflow.Input) (Case, error) {
	bc, ok := b.pending[caseID]
	if !ok {
		return Case{}, fmt.Errorf("store: bulk: case %d is already written or unknown", caseID)
	}
	c := bc.c
	if c.Version != version {
		return Case{}, workflow.Errorf(workflow.CodeConflict, "hồ sơ đã được cập nhật")
	}
	if in.Event == workflow.EvAssign || in.Event == workflow.EvReassign {
		u, ok := b.users[in.Assignee]
		if !ok || u.UnitID != c.UnitID || (u.Role != workflow.RoleHandler && u.Role != workflow.RoleHead) {
			return Case{}, workflow.Invalid("assignee", "người được giao phải là chuyên viên hoặc thủ trưởng của đơn vị xử lý")
		}
		c.AssigneeID = u.ID
	}
	if in.Event == workflow.EvFile && in.DuplicateOf != 0 {
		if _, ok := b.known[in.DuplicateOf]; !ok {
			return Case{}, workflow.Invalid("duplicate_of", "không tìm thấy đơn gốc %d", in.DuplicateOf)
		}
	}
	if in.Event == workflow.EvDisclose && workflow.RevealsIdentity(in.Text, bc.p.Name, bc.p.IDNumber) {
		return Case{}, &workflow.Error{Code: workflow.CodePersonalData, Field: "text",
			Message: "nội dung công khai không được nêu họ tên hoặc số định danh của người gửi đơn"}
	}
	env := b.env
	env.Settings = unitSettings(c.UnitSettings)
	n, rec, err := workflow.Apply(c.Case, in, workflow.Actor{Login: actor.Login, Role: actor.Role}, env)
	if err != nil {
		return Case{}, err
	}
	c.Case = n
	bc.c = c
	if err := b.append(bc, rec, actor); err != nil {
		return Case{}, err
	}
	return c, nil
}

// append seals one record onto the case's and the running hash chains.
func (b *Bulk) append(bc *bulkCase, rec workflow.Record, actor User) error {
	payload, err := json.Marshal(rec.Payload)
	if err != nil {
		return fmt.Errorf("store: encode payload: %w", err)
	}
	clocks, due := recordClocks(bc.c.Case)
	id := b.nextRecord
	b.nextRecord++
	f := chainFields{ID: id, CaseID: bc.c.ID, Seq: len(bc.records) + 1, Event: string(rec.Event),
		FromState: string(rec.FromState), ToState: string(rec.ToState), OnDate: rec.On.String(),
		At: b.Stamp(rec.On), ActorID: &actor.ID, Actor: actor.Login, Payload: string(payload), Clocks: clocks,
		PrevHash: b.lastHash[bc.c.ID]}
	f.Hash = f.recordHash()
	f.ChainHash = chainHash(b.chain, f.Hash)
	b.chain = f.ChainHash
	b.lastHash[bc.c.ID] = f.Hash
	bc.records = append(bc.records, bulkRecord{f, due})
	return nil
}

// trackingCode draws codes until one is unused.
func (b *Bulk) trackingCode(c workflow.Case) (string, error) {
	for {
		code, err := newTrackingCode(c.Kind, c.ReceivedOn)
		if err != nil || !b.codes[code] {
			b.codes[code] = true
			return code, err
		}
	}
}

// handOver passes the pending cases to the writer.
func (b *Bulk) handOver() {
	if len(b.order) == 0 {
		return
	}
	batch := make([]*bulkCase, len(b.order))
	for i, id := range b.order {
		batch[i] = b.pending[id]
		delete(b.pending, id)
		delete(b.lastHash, id)
	}
	b.order = b.order[:0]
	b.batches <- batch
}

// Abort drops what is pending and stops the writer after the batches already handed over.
func (b *Bulk) Abort() {
	clear(b.pending)
	b.order = b.order[:0]
	close(b.batches)
	<-b.done
}

// Close writes what is pending and waits for the writer; it reports the
// first write error.
func (b *Bulk) Close(ctx context.Context) error {
	b.handOver()
	close(b.batches)
	return <-b.done
}
