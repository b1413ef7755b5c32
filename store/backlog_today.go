package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"petitions/workflow"
)

// The backlog of today is asked for far more often than any other, and over
// a million cases SQLite's grouping of the ~60,000 active ones costs ~70 ms
// however the query is written. So the store keeps the active cases (those
// with settled_on NULL) in memory, a few dozen bytes each, and counts them in
// Go. The history log, not a hook in this process, keeps the set current:
// other processes (the CLI, the benchmark, another server) write the same
// database, and every write of a case appends a history record in the same
// transaction. history.id grows in commit order (one writer on SQLite; the
// write lock on PostgreSQL, see write), so the cases of the records after the
// last id seen are all that may have changed.

// activeSet is the kept set of active cases.
type activeSet struct {
	refreshing sync.Mutex // one refresh at a time; its reads of the fields below need no mu

	mu     sync.RWMutex // refresh writes the fields below, counts read them
	loaded bool
	seen   int64 // the highest history.id applied
	// newest is the latest day (yyyymmdd) of any act seen: the head record's
	// on_date and every loaded row's last_event_on. Rows stand as they stood
	// at the end of a day only if no act is dated after it.
	newest int32
	cases  []activeCase
	at     map[int64]int // case id → index in cases
	// The units and kinds met, which activeCase numbers.
	units  []int64
	unitAt map[int64]int32
	kinds  []workflow.Kind
}

// activeCase is what the backlog counts of an active case. Days are yyyymmdd,
// which orders as the stored YYYY-MM-DD text does; due is 0 when no clock runs.
type activeCase struct {
	id                    int64
	unit                  int32 // index into activeSet.units
	received, matter, due int32
	kind                  uint8 // index into activeSet.kinds
	open                  bool
}

// fullReloadAfter is how many new history records make a refresh read every
// active case again rather than the cases of the new records (a bulk load).
const fullReloadAfter = 50_000

// activeColumns are the columns of an activeRow, all in the index cases_active:
// the texts joined in one, fixed widths first (see activeRowOf). The driver
// makes a Go string of each text it hands over; one a row instead of six
// halves the time of reading every active case.
const activeColumns = `id, unit_id, received_on || matter_started_on || last_event_on || COALESCE(due_on, '` + unsetDue + `')
	|| state || ' ' || kind AS packed`

// unsetDue stands for a NULL due_on in activeColumns.
const unsetDue = "----------"

// backlogToday gives the tallies Backlog's query would give for asOf, which
// must be today, from the kept set; ok is false when the set cannot stand for
// asOf (an act is dated after it), and the caller must ask the database.
func (s *Store) backlogToday(ctx context.Context, units []int64, asOf workflow.Date) (tallies []workflow.BacklogTally, ok bool, err error) {
	if err := s.active.refresh(ctx, s); err != nil {
		return nil, false, err
	}
	counts, ok := s.active.count(units, asOf, workflow.BoundsOn(s.Calendar(), asOf))
	if !ok || len(counts) == 0 {
		return nil, ok, nil
	}
	names, err := s.unitNames(ctx, units)
	if err != nil {
		return nil, false, err
	}
	for k, n := range counts {
		u, found := names[k.unit]
		if !found {
			continue // as the query's join drops it
		}
		tallies = append(tallies, workflow.BacklogTally{UnitCode: u[0], UnitName: u[1], Kind: k.kind, Open: k.open,
			Status: k.status, AgeBucket: k.age, Prolonged: k.prolonged, Cases: n})
	}
	return tallies, true, nil
}

// unitNames gives the code and name of each of the units, by id.
func (s *Store) unitNames(ctx context.Context, units []int64) (map[int64][2]string, error) {
	args := make([]any, len(units))
	for i, id := range units {
		args[i] = id
	}
	var rows []struct {
		ID   int64  `db:"id"`
		Code string `db:"code"`
		Name string `db:"name"`
	}
	if err := s.rd(ctx).SelectContext(ctx, &rows, `SELECT id, code, name FROM units WHERE id IN (`+placeholders(len(units))+`)`, args...); err != nil {
		return nil, fmt.Errorf("store: backlog units: %w", err)
	}
	out := make(map[int64][2]string, len(rows))
	for _, r := range rows {
		out[r.ID] = [2]string{r.Code, r.Name}
	}
	return out, nil
}

// tallyKey is one group of Backlog's query.
type tallyKey struct {
	unit      int64
	kind      workflow.Kind
	open      bool
	status    workflow.Status
	age       int
	prolonged bool
}

// statuses are the statuses a due date may have, counted by their index.
var statuses = [...]workflow.Status{workflow.OnTrack, workflow.DueSoon, workflow.Overdue, workflow.VeryOverdue}

// count groups the kept cases of the units received by asOf as Backlog's
// query does: a case counts while open or with a running clock; its status is
// that of its earliest due date against the bounds. ok is false when an act
// seen is dated after asOf.
func (a *activeSet) count(units []int64, asOf workflow.Date, b workflow.StatusBounds) (map[tallyKey]int, bool) {
	day := dayOf(asOf)
	veryOverdue, overdue, dueSoon := dayOf(b.VeryOverdueBefore), dayOf(b.OverdueBefore), dayOf(b.DueSoonThrough)
	var ages []int32
	for _, d := range workflow.AgeBounds(asOf) {
		ages = append(ages, dayOf(d))
	}
	prolongedBefore := dayOf(workflow.ProlongedBefore(asOf))

	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.newest > day {
		return nil, false
	}
	asked := make([]bool, len(a.units))
	for _, id := range units {
		if i, ok := a.unitAt[id]; ok {
			asked[i] = true
		}
	}
	// A group is numbered by its unit, kind, open, status, age and prolonged,
	// mixed radix: a map of small integers counts ~60,000 cases in about a
	// millisecond, several times faster than one keyed by the groups' strings.
	nKinds, nAges := uint64(len(a.kinds)), uint64(len(ages)+1)
	groups := map[uint64]int{}
	for i := range a.cases {
		c := &a.cases[i]
		if c.received > day || (!c.open && c.due == 0) || !asked[c.unit] {
			continue
		}
		var status uint64
		switch {
		case c.due == 0:
		case c.due < veryOverdue:
			status = 3
		case c.due < overdue:
			status = 2
		case c.due <= dueSoon:
			status = 1
		}
		age := uint64(len(ages))
		for j, bound := range ages {
			if c.received >= bound {
				age = uint64(j)
				break
			}
		}
		g := (uint64(c.unit)*nKinds+uint64(c.kind))*2 + b2u(c.open)
		g = ((g*4+status)*nAges+age)*2 + b2u(c.matter != 0 && c.matter < prolongedBefore)
		groups[g]++
	}
	out := make(map[tallyKey]int, len(groups))
	for g, n := range groups {
		var k tallyKey
		k.prolonged, g = g%2 == 1, g/2
		k.age, g = int(g%nAges), g/nAges
		k.status, g = statuses[g%4], g/4
		k.open, g = g%2 == 1, g/2
		k.kind, k.unit = a.kinds[g%nKinds], a.units[g/nKinds]
		out[k] = n
	}
	return out, true
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// refresh brings the set up to the database: on first use every active case,
// then the cases of the history records written since.
func (a *activeSet) refresh(ctx context.Context, s *Store) error {
	a.refreshing.Lock()
	defer a.refreshing.Unlock()
	// The head first: a row read after it is as new as it or newer, and a
	// case written after it is read again next time.
	var head struct {
		ID     int64  `db:"id"`
		OnDate string `db:"on_date"`
	}
	err := s.rd(ctx).GetContext(ctx, &head, `SELECT id, on_date FROM history ORDER BY id DESC LIMIT 1`)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: backlog history head: %w", err)
	}
	headDay, err := parseDay(head.OnDate)
	if err != nil && head.ID != 0 {
		return fmt.Errorf("store: backlog history head: %w", err)
	}
	if a.loaded && head.ID == a.seen {
		return nil
	}
	// A history shorter than seen is another database (restored from a
	// backup); after many records (a bulk load) one scan beats a long delta.
	full := !a.loaded || head.ID < a.seen || head.ID-a.seen > fullReloadAfter
	var rows []activeRow
	if full {
		rows, err = readActiveRows(ctx, s, `SELECT `+activeColumns+`, NULL AS settled_on FROM cases WHERE settled_on IS NULL`)
	} else {
		rows, err = readActiveRows(ctx, s, `SELECT `+activeColumns+`, settled_on FROM cases
			WHERE id IN (SELECT case_id FROM history WHERE id > ? AND id <= ?)`, a.seen, head.ID)
	}
	if err != nil {
		return err
	}

	a.mu.Lock()
	defer a.mu.Unlock()
	if full {
		a.cases, a.at = make([]activeCase, 0, len(rows)), make(map[int64]int, len(rows))
		if head.ID < a.seen {
			a.newest = 0
		}
	}
	if a.unitAt == nil {
		a.unitAt = map[int64]int32{}
	}
	for _, r := range rows {
		a.newest = max(a.newest, r.lastEventOn)
		if r.settled {
			a.remove(r.id)
		} else {
			a.put(r)
		}
	}
	a.loaded, a.seen, a.newest = true, head.ID, max(a.newest, headDay)
	return nil
}

// put adds the case or replaces its entry.
func (a *activeSet) put(r activeRow) {
	u, ok := a.unitAt[r.unit]
	if !ok {
		u = int32(len(a.units))
		a.units = append(a.units, r.unit)
		a.unitAt[r.unit] = u
	}
	k := -1
	for i, x := range a.kinds {
		if x == r.kind {
			k = i
		}
	}
	if k < 0 {
		k = len(a.kinds)
		a.kinds = append(a.kinds, r.kind)
	}
	c := activeCase{id: r.id, unit: u, received: r.received, matter: r.matter, due: r.due, kind: uint8(k), open: r.open}
	if i, ok := a.at[r.id]; ok {
		a.cases[i] = c
		return
	}
	a.at[r.id] = len(a.cases)
	a.cases = append(a.cases, c)
}

// remove drops the case if it is kept, moving the last entry into its place.
func (a *activeSet) remove(id int64) {
	i, ok := a.at[id]
	if !ok {
		return
	}
	last := len(a.cases) - 1
	a.cases[i] = a.cases[last]
	a.at[a.cases[i].id] = i
	a.cases = a.cases[:last]
	delete(a.at, id)
}

// activeRow is a case as read for the set.
type activeRow struct {
	id, unit                           int64
	kind                               workflow.Kind
	open, settled                      bool
	received, matter, due, lastEventOn int32
}

// readActiveRows reads rows of activeColumns and settled_on.
func readActiveRows(ctx context.Context, s *Store, query string, args ...any) ([]activeRow, error) {
	rows, err := s.rd(ctx).QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: backlog active cases: %w", err)
	}
	defer rows.Close()
	var out []activeRow
	// Scanned as the driver's own values: database/sql converts into an int
	// or a string by reflection, which cost as much as the query itself.
	var id, unit, packed, settled any
	for rows.Next() {
		if err := rows.Scan(&id, &unit, &packed, &settled); err != nil {
			return nil, fmt.Errorf("store: backlog active cases: %w", err)
		}
		r, err := activeRowOf(id, unit, packed)
		if err != nil {
			return nil, fmt.Errorf("store: backlog active cases: %w", err)
		}
		r.settled = settled != nil
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: backlog active cases: %w", err)
	}
	return out, nil
}

// activeRowOf reads the columns of activeColumns: the packed text holds
// received_on, matter_started_on, last_event_on and due_on (or unsetDue), ten
// characters each, then the state, a space and the kind.
func activeRowOf(id, unit, packed any) (activeRow, error) {
	var text string
	switch t := packed.(type) {
	case string:
		text = t
	case []byte:
		text = string(t)
	}
	caseID, ok1 := id.(int64)
	unitID, ok2 := unit.(int64)
	if !ok1 || !ok2 || len(text) < 42 {
		return activeRow{}, fmt.Errorf("case %v: unexpected row %T %T %q", id, id, unit, text)
	}
	r := activeRow{id: caseID, unit: unitID}
	var err error
	for i, to := range [...]*int32{&r.received, &r.matter, &r.lastEventOn, &r.due} {
		day := text[10*i : 10*i+10]
		if to == &r.due && day == unsetDue {
			break
		}
		if *to, err = parseDay(day); err != nil {
			return r, fmt.Errorf("case %d: %w", r.id, err)
		}
	}
	state, kind, ok := strings.Cut(text[40:], " ")
	if !ok {
		return r, fmt.Errorf("case %d: unexpected row %q", r.id, text)
	}
	r.open, r.kind = workflow.State(state).Open(), kindOf(kind)
	return r, nil
}

// kindOf is the kind named so, sharing the string of a known kind.
func kindOf(name string) workflow.Kind {
	for _, k := range workflow.Kinds {
		if string(k) == name {
			return k
		}
	}
	return workflow.Kind(name)
}

// parseDay reads YYYY-MM-DD as yyyymmdd.
func parseDay(s string) (int32, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, fmt.Errorf("not a date: %q", s)
	}
	var n int32
	for i := range len(s) {
		if i == 4 || i == 7 {
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("not a date: %q", s)
		}
		n = n*10 + int32(s[i]-'0')
	}
	return n, nil
}

// dayOf is a Date as yyyymmdd.
func dayOf(d workflow.Date) int32 {
	t := d.Time()
	return int32(t.Year()*10000 + int(t.Month())*100 + t.Day())
}

// WarmBacklog brings the kept set of active cases up to the history (loading
// it the first time, a few hundred milliseconds at a million cases), so that a
// supervisor asking for today's backlog does not wait for it. A server calls it
// at start and then every few seconds.
func (s *Store) WarmBacklog(ctx context.Context) error {
	return s.active.refresh(ctx, s)
}
