package demo_test

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/jmoiron/sqlx"
	"reflect"
	"testing"
	"time"

	"petitions/workflow"
)

// The "Done when" of the backlog: store.Backlog over the demo agency's whole
// scope gives, for three days, the numbers a hand count of the raw history
// gives. The hand count reads the tables through its own read-only
// connection and applies API.md's definitions itself — no workflow status,
// prolonged or backlog function, no store query.

func TestBacklogMatchesHandCount(t *testing.T) {
	ctx := context.Background()
	s, path := mustLoad(t)
	agency, err := s.UnitByCode(ctx, "KH-UBND")
	if err != nil {
		t.Fatal(err)
	}
	scope, err := s.Subtree(ctx, agency.ID)
	if err != nil {
		t.Fatal(err)
	}
	hand := readHistory(t, mustReadOnly(t, path))
	var seen handCount
	for _, day := range []string{"2026-11-25", "2026-06-30", "2025-12-31"} {
		t.Run(day, func(t *testing.T) {
			d := workflow.MustDate(day)
			got, err := s.Backlog(ctx, scope, d)
			if err != nil {
				t.Fatal(err)
			}
			want := hand.count(mustTime(day), "KH-UBND")
			t.Logf("%s: open %d, due_soon %d, overdue %d, very_overdue %d, prolonged %d; by kind %v; by age %v; by unit %v",
				day, want.Open, want.DueSoon, want.Overdue, want.VeryOverdue, want.Prolonged, want.ByKind, want.ByAge, want.ByUnit)
			if g := fromStore(got); !reflect.DeepEqual(g, want) {
				t.Errorf("store.Backlog as of %s:\n got %+v\nwant %+v", day, g, want)
			}
			seen.add(want)
		})
	}
	if seen.Open == 0 || seen.DueSoon == 0 || seen.Overdue == 0 || seen.VeryOverdue == 0 || seen.Prolonged == 0 {
		t.Errorf("the three days' figures leave a measure at zero, so the comparison proves little: %+v", seen)
	}
}

// handCount is the backlog as API.md defines it, in plain maps.
type handCount struct {
	Open, DueSoon, Overdue, VeryOverdue, Prolonged int
	ByKind                                         map[string][2]int // kind → open, overdue
	ByAge                                          map[string]int    // bucket → open
	ByUnit                                         map[string][3]int // unit code → open, overdue, very overdue
}

func (h *handCount) add(o handCount) {
	h.Open += o.Open
	h.DueSoon += o.DueSoon
	h.Overdue += o.Overdue
	h.VeryOverdue += o.VeryOverdue
	h.Prolonged += o.Prolonged
}

// fromStore puts the store's answer in the hand count's shape.
func fromStore(b workflow.Backlog) handCount {
	h := handCount{Open: b.Open, DueSoon: b.DueSoon, Overdue: b.Overdue, VeryOverdue: b.VeryOverdue,
		Prolonged: b.Prolonged, ByKind: map[string][2]int{}, ByAge: map[string]int{}, ByUnit: map[string][3]int{}}
	for _, k := range b.ByKind {
		h.ByKind[string(k.Kind)] = [2]int{k.Open, k.Overdue}
	}
	for _, a := range b.AgeDays {
		h.ByAge[a.Bucket] = a.Open
	}
	for _, u := range b.ByUnit {
		h.ByUnit[u.Unit] = [3]int{u.Open, u.Overdue, u.VeryOverdue}
	}
	return h
}

// rawCase and rawRecord are the rows as stored.
type rawCase struct {
	id               int64
	kind, unit       string
	received, matter time.Time
	records          []rawRecord // by seq
	moves            []rawMove   // the reorganisations that moved it, by seq
}

// rawMove is a reorganisation's record: the unit the case left, from a day.
type rawMove struct {
	from      string
	effective time.Time
}

// unitOn is the unit the case was in at the end of day d: the unit the first
// move effective after d took it from, or its unit now.
func (c *rawCase) unitOn(d time.Time) string {
	for _, m := range c.moves {
		if m.effective.After(d) {
			return m.from
		}
	}
	return c.unit
}

type rawRecord struct {
	seq    int
	state  string
	on     time.Time
	clocks []struct {
		DueOn       string `json:"due_on"`
		StoppedOn   string `json:"stopped_on"`
		SuspendedOn string `json:"suspended_on"`
	}
}

// rawData is everything the hand count reads.
type rawData struct {
	cases   []*rawCase
	parent  map[string]string // unit code → parent's code
	dayKind map[string]string // calendar exceptions: day → "off" or "work"
}

func readHistory(t *testing.T, db *sqlx.DB) rawData {
	t.Helper()
	r := rawData{parent: map[string]string{}, dayKind: map[string]string{}}
	each(t, db, `SELECT u.code, COALESCE(p.code, '') FROM units u LEFT JOIN units p ON p.id = u.parent_id`,
		func(sc func(...any)) {
			var code, parent string
			sc(&code, &parent)
			r.parent[code] = parent
		})
	each(t, db, `SELECT day, kind FROM calendar_days`, func(sc func(...any)) {
		var day, kind string
		sc(&day, &kind)
		r.dayKind[day] = kind
	})
	byID := map[int64]*rawCase{}
	each(t, db, `SELECT c.id, c.kind, u.code, c.received_on, c.matter_started_on FROM cases c JOIN units u ON u.id = c.unit_id ORDER BY c.id`,
		func(sc func(...any)) {
			var c rawCase
			var received, matter string
			sc(&c.id, &c.kind, &c.unit, &received, &matter)
			c.received, c.matter = mustTime(received), mustTime(matter)
			byID[c.id] = &c
			r.cases = append(r.cases, &c)
		})
	each(t, db, `SELECT case_id, seq, to_state, on_date, clocks FROM history ORDER BY case_id, seq`, func(sc func(...any)) {
		var id int64
		var rec rawRecord
		var on, clocks string
		sc(&id, &rec.seq, &rec.state, &on, &clocks)
		rec.on = mustTime(on)
		if err := json.Unmarshal([]byte(clocks), &rec.clocks); err != nil {
			t.Fatalf("clocks of case %d seq %d: %v", id, rec.seq, err)
		}
		byID[id].records = append(byID[id].records, rec)
	})
	each(t, db, `SELECT case_id, payload FROM history WHERE event = 'reorganise' ORDER BY case_id, seq`, func(sc func(...any)) {
		var id int64
		var payload string
		sc(&id, &payload)
		var p struct {
			From      string `json:"from_unit"`
			Effective string `json:"effective_on"`
		}
		if err := json.Unmarshal([]byte(payload), &p); err != nil {
			t.Fatalf("reorganise record of case %d: %v", id, err)
		}
		byID[id].moves = append(byID[id].moves, rawMove{from: p.From, effective: mustTime(p.Effective)})
	})
	return r
}

// count is the backlog of the units under root as of the end of day d.
func (r rawData) count(d time.Time, root string) handCount {
	h := handCount{ByKind: map[string][2]int{}, ByAge: map[string]int{"0-30": 0, "31-90": 0, "91-365": 0, ">365": 0},
		ByUnit: map[string][3]int{}}
	for _, k := range []string{"complaint", "denunciation", "petition", "dialogue"} {
		h.ByKind[k] = [2]int{}
	}
	for _, c := range r.cases {
		unitThen := c.unitOn(d)
		if !r.under(unitThen, root) || c.received.After(d) {
			continue
		}
		var rec *rawRecord
		for i := range c.records {
			if !c.records[i].on.After(d) {
				rec = &c.records[i] // records are in seq order: the last one dated on or before d wins
			}
		}
		if rec == nil {
			panic(fmt.Sprintf("case %d has no record dated by %s", c.id, d.Format("2006-01-02")))
		}
		open := rec.state == "received" || rec.state == "assigned" || rec.state == "in_resolution" || rec.state == "suspended"
		// Deadlines count for cases open or resolved (disclosed is resolved and published), and
		// for a withdrawn case whose termination decision is still to be sent (LTC 34(4); ND 124 Art. 28b).
		status := "on_track"
		if open || rec.state == "resolved" || rec.state == "disclosed" || rec.state == "withdrawn" {
			status = r.worst(rec, d)
		}
		kind, unit := h.ByKind[c.kind], h.ByUnit[unitThen]
		if open {
			h.Open++
			kind[0]++
			unit[0]++
			h.ByAge[ageBucket(days(c.received, d))]++
			if days(c.matter, d) > 365 {
				h.Prolonged++
			}
		}
		switch status {
		case "due_soon":
			h.DueSoon++
		case "very_overdue":
			h.VeryOverdue++
			unit[2]++
			fallthrough
		case "overdue":
			h.Overdue++
			kind[1]++
			unit[1]++
		}
		h.ByKind[c.kind], h.ByUnit[unitThen] = kind, unit
	}
	return h
}

// worst is the worst status of the record's running clocks as of d; a clock
// runs when it is neither stopped nor suspended.
func (r rawData) worst(rec *rawRecord, d time.Time) string {
	rank := map[string]int{"on_track": 0, "due_soon": 1, "overdue": 2, "very_overdue": 3}
	worst := "on_track"
	for _, k := range rec.clocks {
		if k.StoppedOn != "" || k.SuspendedOn != "" {
			continue
		}
		due := mustTime(k.DueOn)
		s := "on_track"
		switch {
		case d.After(due.AddDate(0, 0, 30)):
			s = "very_overdue"
		case d.After(due):
			s = "overdue"
		case r.workingDaysAfter(d, due) <= 3:
			s = "due_soon"
		}
		if rank[s] > rank[worst] {
			worst = s
		}
	}
	return worst
}

// workingDaysAfter counts the working days after from, up to and including to:
// Monday to Friday, unless the calendar makes the day off or a weekend day a working day.
func (r rawData) workingDaysAfter(from, to time.Time) int {
	n := 0
	for d := from.AddDate(0, 0, 1); !d.After(to); d = d.AddDate(0, 0, 1) {
		working := d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
		if k, ok := r.dayKind[d.Format("2006-01-02")]; ok {
			working = k == "work"
		}
		if working {
			n++
		}
	}
	return n
}

// under reports whether the unit is root or lies below it.
func (r rawData) under(unit, root string) bool {
	for u := unit; u != ""; u = r.parent[u] {
		if u == root {
			return true
		}
	}
	return false
}

func ageBucket(days int) string {
	switch {
	case days <= 30:
		return "0-30"
	case days <= 90:
		return "31-90"
	case days <= 365:
		return "91-365"
	}
	return ">365"
}

// days is the number of calendar days from a to b.
func days(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

func mustTime(s string) time.Time {
	t, err := time.Parse("2006-01-02", s[:min(len(s), 10)])
	if err != nil {
		panic(fmt.Sprintf("not a date: %q", s))
	}
	return t
}

// each runs a query and hands each row's scanner to fn.
func each(t *testing.T, db *sqlx.DB, query string, fn func(scan func(...any))) {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		fn(func(dest ...any) {
			if err := rows.Scan(dest...); err != nil {
				t.Fatalf("%s: %v", query, err)
			}
		})
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
