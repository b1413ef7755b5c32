package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"petitions/workflow"
)

// Bulk registers cases and fires their events through the same engine calls
// as CreateCase and ApplyEvent (workflow.Receive and workflow.Apply, the same
// checks, the same sealed identities and hash chain), but keeps them in
// memory and writes them in large batches. It loads the demo province and the
// benchmark's million cases, and it assumes what only a loader may: that
// nobody else writes while it runs, and that a case is played to its end
// before many others are registered (a case already written is not changed
// again).
//
// Three goroutines share the work: the caller's runs the engine; a sealer
// encodes each batch, seals its identities and extends the hash chains, in
// the order the records were made (bulk_seal.go); a writer inserts it
// (bulk_write.go), binding the values in C on SQLite (bulk_sqlite.go).
type Bulk struct {
	s        *Store
	env      workflow.Env
	units    map[int64]Unit
	settings map[int64]workflow.SettingsHistory // each unit's, decoded once
	users    map[string]User

	nextCase, nextRecord int64
	nextDocument         int64
	firstCase            int64                      // the first case id of this load
	matters              []int32                    // each case's matter start (days since 1970), by id - firstCase
	codes                map[trackingKey]struct{}   // tracking codes drawn (see trackingCodeOf)
	random               bulkRandom                 // the generator's random bytes
	days                 []bulkDay                  // the texts of each day seen, by its number (dayNumber)
	pending              map[int64]*bulkCase        // cases not yet handed over
	batch                bulkBatch                  // what the next hand-over takes
	spare                chan []bulkRecord          // record slices the sealer is done with
	batches              chan bulkBatch             // to the sealer
	rows                 chan *bulkRows             // from the sealer to the writer
	done                 chan error                 // the writer's result
	batchSize            int                        // cases per hand-over (bulkHandOver)
	txCases              int                        // cases per transaction, at least (BulkBatch)
	rebuild              []string                   // indexes to build again at the end
	memoryJournal        bool                       // the load left WAL (startBulk)
	sealer               bulkSealer                 // the sealer goroutine's state
	Stamp                func(workflow.Date) string // the time written for an act dated on a day
}

// bulkBatch is the cases registered since the last hand-over, and every
// record made since, in the order they were made (their ids).
type bulkBatch struct {
	cases     []*bulkCase
	records   []bulkRecord
	documents []bulkDocument
}

// bulkDocument is a paper an act drafted (documents.go), encoded and sealed.
type bulkDocument struct {
	id, caseID, unitID, actorID int64
	template, symbol, paper, at string
	sealed                      bool
}

// bulkCase is a case as the engine left it; the sealer encodes and seals it.
type bulkCase struct {
	c       Case
	p       Petitioner
	created string
	updated string // the time of its last record
	seq     int    // its records so far
	// The acts its reports count (report_acts.go), as a JSON list without its brackets.
	reportActs    []byte
	implementedOn workflow.Date // the day its decision was carried out, if it was
	// The sealer's: the hash of its last record sealed, if any.
	last   [sha256.Size]byte
	sealed bool
}

// bulkRecord is one act as the engine returned it, before the sealer encodes
// its payload and hashes it into the chains.
type bulkRecord struct {
	bc                     *bulkCase
	id                     int64
	seq                    int
	event, from, to        string
	onDate, at, actor, due string // due is empty when no clock runs
	actorID                int64
	payload                map[string]any
	clocks                 string // the running clocks after the act (recordClocks)
}

// bulkDay is the texts of one day: its date and Stamp.
type bulkDay struct{ date, stamp string }

// BulkBatch is how many cases the loader writes per transaction: the unique
// index of tracking codes takes a random page of its own for most cases, and
// each page is written once per transaction that touched it.
const BulkBatch = 20000

// bulkHandOver is how many cases go to the sealer at a time, and from it to
// the writer: small enough to keep the three goroutines busy together.
const bulkHandOver = 2500

// Bulk starts a bulk load. The caller must Close (or Abort) it.
func (s *Store) Bulk(ctx context.Context) (*Bulk, error) {
	b := &Bulk{s: s, env: workflow.Env{Calendar: s.Calendar(), Today: s.Today()}, units: map[int64]Unit{},
		settings: map[int64]workflow.SettingsHistory{}, users: map[string]User{}, codes: map[trackingKey]struct{}{},
		pending: map[int64]*bulkCase{}, spare: make(chan []bulkRecord, 2), batches: make(chan bulkBatch, 1),
		rows: make(chan *bulkRows, 1), done: make(chan error, 1), batchSize: bulkHandOver, txCases: BulkBatch}
	b.Stamp = func(d workflow.Date) string {
		return d.Time().Add(2 * time.Hour).UTC().Format(time.RFC3339Nano) // 09:00 in Vietnam
	}
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		b.units[u.ID], b.settings[u.ID] = u, u.SettingsHistory()
	}
	var users []User
	if err := s.r.SelectContext(ctx, &users, `SELECT `+userColumns+` FROM users u JOIN units n ON n.id = u.unit_id`); err != nil {
		return nil, err
	}
	for _, u := range users {
		b.users[u.Login] = u
	}
	if s.keys.throwaway {
		return nil, errNoChainKey
	}
	var chain string
	err = s.r.GetContext(ctx, &b.nextCase, `SELECT COALESCE(MAX(id), 0) + 1 FROM cases`)
	if err == nil {
		err = s.r.GetContext(ctx, &b.nextRecord, `SELECT COALESCE(MAX(id), 0) + 1 FROM history`)
	}
	if err == nil {
		err = s.r.GetContext(ctx, &b.nextDocument, `SELECT COALESCE(MAX(id), 0) + 1 FROM documents`)
	}
	if err == nil {
		err = s.r.GetContext(ctx, &chain, `SELECT chain_hash FROM history ORDER BY id DESC LIMIT 1`)
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: bulk: %w", err)
	}
	b.firstCase, b.sealer = b.nextCase, newBulkSealer(s.keys, chain)
	if b.nextCase == 1 {
		if b.rebuild, err = s.dropSecondaryIndexes(ctx); err != nil {
			return nil, err
		}
	}
	if b.memoryJournal, err = s.startBulk(ctx, b.nextCase == 1); err != nil {
		return nil, err
	}
	go b.sealLoop()
	go func() { b.done <- b.writeLoop(ctx) }()
	return b, nil
}

// CreateCase is Store.CreateCase, in memory.
func (b *Bulk) CreateCase(ctx context.Context, actor User, in NewCase) (Case, error) {
	if len(b.batch.cases) >= b.batchSize {
		b.handOver()
	}
	unit, ok := b.units[actor.UnitID]
	if !ok {
		return Case{}, workflow.Errorf(workflow.CodeNotFound, "không tìm thấy đơn vị %d", actor.UnitID)
	}
	var prior *int64
	if in.PriorCaseID != 0 {
		matter, ok := b.matter(in.PriorCaseID)
		if !ok {
			return Case{}, workflow.Invalid("prior_case_id", "không tìm thấy hồ sơ lần đầu %d", in.PriorCaseID)
		}
		prior, in.Intake.PriorMatterFrom = &in.PriorCaseID, matter
	}
	env := b.env
	env.History = b.settings[unit.ID]
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
	bc := &bulkCase{c: c, p: in.Petitioner, created: b.day(wc.ReceivedOn).stamp}
	b.pending[id] = bc
	b.batch.cases = append(b.batch.cases, bc)
	b.matters = append(b.matters, dayNumber(wc.MatterStartedOn))
	b.append(bc, rec, actor)
	return c, nil
}

// ApplyEvent is Store.ApplyEvent, in memory, for a case not yet written: on
// the case the caller last had from Bulk (its ID and the version guard count;
// the engine decides on the case as Bulk holds it), without the petitioner.
func (b *Bulk) ApplyEvent(ctx context.Context, actor User, c Case, version int, in workflow.Input) (Case, error) {
	bc, ok := b.pending[c.ID]
	if !ok {
		return Case{}, fmt.Errorf("store: bulk: case %d is already written or unknown", c.ID)
	}
	c = bc.c
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
		if _, ok := b.matter(in.DuplicateOf); !ok {
			return Case{}, workflow.Invalid("duplicate_of", "không tìm thấy đơn gốc %d", in.DuplicateOf)
		}
	}
	if err := in.CheckPublic(c.Kind, func() (workflow.PersonalData, error) { return bc.p.Personal(), nil }); err != nil {
		return Case{}, err
	}
	env := b.env
	env.History = b.settings[c.UnitID]
	n, rec, err := workflow.Apply(c.Case, in, workflow.Actor{Login: actor.Login, Role: actor.Role}, env)
	if err != nil {
		return Case{}, err
	}
	if err := b.s.sealIdentityFields(c.ID, c.Kind, &rec); err != nil {
		return Case{}, err
	}
	reported, err := reportActOf(rec)
	if err != nil {
		return Case{}, err
	}
	if reported != nil {
		if len(bc.reportActs) > 0 {
			bc.reportActs = append(bc.reportActs, ',')
		}
		bc.reportActs = append(bc.reportActs, reported...)
	}
	if workflow.CarriesOut(rec) && bc.implementedOn.IsZero() {
		bc.implementedOn = rec.On
	}
	c.Case = n
	bc.c = c
	b.append(bc, rec, actor)
	act := in
	act.On = rec.On
	papers, err := b.s.draftPapersFor(c, act, bc.p)
	if err != nil {
		return Case{}, err
	}
	for _, d := range papers {
		b.batch.documents = append(b.batch.documents, bulkDocument{id: b.nextDocument, caseID: c.ID, unitID: c.UnitID,
			actorID: actor.ID, template: d.template, symbol: d.symbol, paper: d.paper, at: b.day(rec.On).stamp, sealed: d.sealed})
		b.nextDocument++
	}
	return c, nil
}

// append keeps one record of the case, with the running clocks after it; the
// sealer encodes it and hashes it into the chains.
func (b *Bulk) append(bc *bulkCase, rec workflow.Record, actor User) {
	if b.batch.records == nil {
		select {
		case b.batch.records = <-b.spare:
		default:
			b.batch.records = make([]bulkRecord, 0, 12*b.batchSize)
		}
	}
	clocks, due := bulkRecordClocks(bc.c.Case)
	day := b.day(rec.On)
	bc.seq++
	bc.updated = day.stamp
	b.batch.records = append(b.batch.records, bulkRecord{bc: bc, id: b.nextRecord, seq: bc.seq,
		event: string(rec.Event), from: string(rec.FromState), to: string(rec.ToState),
		onDate: day.date, at: day.stamp, actor: actor.Login, actorID: actor.ID, payload: rec.Payload,
		clocks: clocks})
	if !due.IsZero() {
		b.batch.records[len(b.batch.records)-1].due = b.day(due).date
	}
	b.nextRecord++
}

// matter is the matter start of a case registered before, in this load or
// an earlier one.
func (b *Bulk) matter(id int64) (workflow.Date, bool) {
	if id >= b.firstCase && id < b.nextCase {
		return dayDate(b.matters[id-b.firstCase]), true
	}
	if id < b.firstCase && id > 0 {
		c, err := getCase(context.Background(), b.s.r, id)
		return c.MatterStartedOn, err == nil
	}
	return workflow.Date{}, false
}

// day is the texts of a day: its date, and Stamp once per day.
func (b *Bulk) day(d workflow.Date) bulkDay {
	n := int(dayNumber(d))
	if n < 0 || n > 1<<20 {
		return bulkDay{date: dateString(d), stamp: b.Stamp(d)}
	}
	if n >= len(b.days) {
		b.days = append(b.days, make([]bulkDay, n+1-len(b.days))...)
	}
	if b.days[n].date == "" {
		b.days[n] = bulkDay{date: dateString(d), stamp: b.Stamp(d)}
	}
	return b.days[n]
}

// trackingCode draws codes until one is unused.
func (b *Bulk) trackingCode(c workflow.Case) (string, error) {
	for {
		var random [trackingRandomLen]byte
		if err := b.random.read(random[:]); err != nil {
			return "", err
		}
		code, key := trackingCodeOf(c.Kind, c.ReceivedOn, random)
		if _, taken := b.codes[key]; !taken {
			b.codes[key] = struct{}{}
			return code, nil
		}
	}
}

// handOver passes the pending cases and the records made since the last
// hand-over to the sealer.
func (b *Bulk) handOver() {
	if len(b.batch.cases) == 0 {
		return
	}
	clear(b.pending)
	b.batches <- b.batch
	b.batch = bulkBatch{cases: make([]*bulkCase, 0, b.batchSize), documents: make([]bulkDocument, 0, b.batchSize)}
}

// Abort drops what is pending and stops the writer after the batches already handed over.
func (b *Bulk) Abort() {
	clear(b.pending)
	b.batch = bulkBatch{}
	close(b.batches)
	<-b.done
}

// Close writes what is pending and waits for the writer; it reports the
// first error of the sealer or the writer.
func (b *Bulk) Close(ctx context.Context) error {
	b.handOver()
	close(b.batches)
	return <-b.done
}
