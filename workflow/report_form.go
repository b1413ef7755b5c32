package workflow

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// A report form of TT 01/2024/TT-TTCP (../shared/REPORT-FORMS.md): its
// columns, each defined once as a question put to one entry (a case, a
// reception visit or session) over a period, and the identities between
// columns the form prints in its "MS" row, checked on every report.

// Form is one official form.
type Form struct {
	Code   string // in the API: 01-XLD
	Number string // as printed: Biểu số 01/XLD
	Title  string // the form's title, as printed
	Basis  string // where its columns come from, and how sure we are
	// Notes say how a column is read where the form leaves it open.
	Notes   []string
	Columns []Column
	// Checks are the form's identities ("1=2+3=4+5") and our own
	// inequalities ("8<=4"), by column number.
	Checks []string
	// Reception: the form counts the reception book, not cases.
	Reception bool
	// Decisions: the form counts decisions however long ago they were made
	// (their implementation), not only the cases active in the period.
	Decisions bool
	// Kinds are the kinds of letters the form counts, nil for every kind:
	// the store reads only those (TestFormsCountOnlyTheirKinds).
	Kinds []Kind
	// counts, when set, says whether any column may count an entry; Tally
	// asks it once an entry instead of every column asking it again.
	counts func(e *Entry, p ReportPeriod) bool
}

// Column is one column: its number, its heading path (group › sub › title,
// as the form prints it) and what it counts of an entry.
type Column struct {
	No    int
	Path  string // "Tổng số đơn phải xử lý › Kỳ trước chuyển sang"
	Unit  string // "", or "Trđ" (millions of đồng), "m2"
	value func(e *Entry, p ReportPeriod) float64
}

// Key is the column's key in the API: c1, c2…
func (c Column) Key() string { return "c" + strconv.Itoa(c.No) }

// Heads are the column's heading path, outermost first.
func (c Column) Heads() []string { return strings.Split(c.Path, " › ") }

// Entry is what a form counts: a case, or a visit or session of the reception book.
type Entry struct {
	ID      int64
	UnitID  int64
	Case    *ReportCase
	Visit   *ReportVisit
	Session *ReportSession
}

// Report is a form's figures for a period: a row per unit, and the total.
type Report struct {
	Form         *Form
	ReportPeriod ReportPeriod
	Units        []int64 // the rows' units, in order
	Rows         map[int64][]float64
	Total        []float64
	Checks       []CheckResult
}

// CheckResult is one identity on one report: whether it holds on the total,
// and the entries on which it does not.
type CheckResult struct {
	Name    string
	OK      bool
	Entries []int64
}

// Tally counts the entries of the units into the form, each row the unit's own.
func (f *Form) Tally(entries []Entry, p ReportPeriod, units []int64) Report {
	r := Report{Form: f, ReportPeriod: p, Units: units, Rows: map[int64][]float64{}, Total: make([]float64, len(f.Columns))}
	for _, u := range units {
		r.Rows[u] = make([]float64, len(f.Columns))
	}
	checks := parseChecks(f.Checks)
	broken := make([][]int64, len(checks))
	cells := make([]float64, len(f.Columns))
	for i := range entries {
		e := &entries[i]
		row, ok := r.Rows[e.UnitID]
		if !ok || f.counts != nil && !f.counts(e, p) {
			continue
		}
		counted := false
		for j, c := range f.Columns {
			cells[j] = c.value(e, p)
			row[j] += cells[j]
			r.Total[j] += cells[j]
			counted = counted || cells[j] != 0
		}
		if !counted {
			continue // an entry no column counts breaks no identity
		}
		for k, ch := range checks {
			if !ch.holds(f, cells) {
				broken[k] = append(broken[k], e.ID)
			}
		}
	}
	for k, ch := range checks {
		ok := ch.holds(f, r.Total)
		if ch.perEntry && len(broken[k]) > 0 {
			ok = false
		}
		r.Checks = append(r.Checks, CheckResult{Name: ch.name, OK: ok, Entries: broken[k]})
	}
	return r
}

// Behind lists the entries a cell counts: those of the units with a value in the column.
func (f *Form) Behind(entries []Entry, p ReportPeriod, column string, units map[int64]bool) []Entry {
	var c *Column
	for i := range f.Columns {
		if f.Columns[i].Key() == column {
			c = &f.Columns[i]
		}
	}
	var out []Entry
	for i := range entries {
		if c != nil && units[entries[i].UnitID] && c.value(&entries[i], p) != 0 {
			out = append(out, entries[i])
		}
	}
	return out
}

// HasColumn reports whether the form has a column of that key.
func (f *Form) HasColumn(key string) bool {
	for _, c := range f.Columns {
		if c.Key() == key {
			return true
		}
	}
	return false
}

// check is an identity between sums of columns ("1=2+3=4+5"), or an
// inequality ("8<=4"). An identity holds on every entry as on the total, so
// the entries on which it fails are the ones to look at; an inequality may
// fail on an entry and hold on the total, so only the total decides it.
type check struct {
	name     string
	sides    [][]int // column numbers summed on each side
	atMost   bool
	perEntry bool
}

func parseChecks(specs []string) []check {
	var out []check
	for _, s := range specs {
		c := check{name: s, perEntry: true}
		parts := strings.Split(s, "=")
		if l, r, ok := strings.Cut(s, "<="); ok {
			c.atMost, c.perEntry, parts = true, false, []string{l, r}
		}
		for _, side := range parts {
			var nos []int
			for _, n := range strings.Split(side, "+") {
				no, err := strconv.Atoi(strings.TrimSpace(n))
				if err != nil {
					panic("workflow: bad report check " + s) // a form's table is wrong
				}
				nos = append(nos, no)
			}
			c.sides = append(c.sides, nos)
		}
		out = append(out, c)
	}
	return out
}

func (c check) holds(f *Form, cells []float64) bool {
	sum := func(nos []int) float64 {
		t := 0.0
		for _, no := range nos {
			t += cells[no-1] // columns are numbered from 1, in order
		}
		return t
	}
	first := sum(c.sides[0])
	for _, side := range c.sides[1:] {
		other := sum(side)
		switch {
		case c.atMost && first > other+1e-6:
			return false
		case !c.atMost && math.Abs(first-other) > 1e-6:
			return false
		}
	}
	return true
}

// Forms are every form, in the order the list shows them (formOrder).
var Forms []*Form

// formOrder is the order of TT 01/2024's annex: reception, letters, results.
var formOrder = []string{"01-TCD", "01-XLD", "02-XLD", "03-XLD", "04-XLD", "01-KQGQ", "02-KQGQ", "TC-KQGQ"}

// FormByCode is the form of that code (01-XLD), or nil.
func FormByCode(code string) *Form {
	for _, f := range Forms {
		if strings.EqualFold(f.Code, code) {
			return f
		}
	}
	return nil
}

// register gives a form's columns their numbers, in order, and adds it to Forms.
func register(f *Form) *Form {
	for i := range f.Columns {
		f.Columns[i].No = i + 1
	}
	for _, c := range parseChecks(f.Checks) {
		for _, side := range c.sides {
			for _, no := range side {
				if no < 1 || no > len(f.Columns) {
					panic("workflow: report check " + c.name + " names a column " + f.Code + " does not have")
				}
			}
		}
	}
	Forms = append(Forms, f)
	slices.SortStableFunc(Forms, func(a, b *Form) int {
		return slices.Index(formOrder, a.Code) - slices.Index(formOrder, b.Code)
	})
	return f
}

// one is 1 when the question holds, else 0: a count's contribution.
func one(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// col is a column whose number is its place in the form.
func col(path string, value func(e *Entry, p ReportPeriod) float64) Column {
	return Column{Path: path, value: value}
}

// amount is a column of money (millions of đồng) or land (m²).
func amount(path, unit string, value func(e *Entry, p ReportPeriod) float64) Column {
	return Column{Path: path, Unit: unit, value: value}
}

// zero is a column no act records yet: it counts nothing, and the form's
// notes say why.
func zero(path string) Column { return col(path, func(*Entry, ReportPeriod) float64 { return 0 }) }
