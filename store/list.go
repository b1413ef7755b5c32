package store

import (
	"context"
	"encoding/base64"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"petitions/workflow"
)

// CaseFilter narrows a case list (API.md: GET /api/v1/cases).
type CaseFilter struct {
	Kind   workflow.Kind
	State  workflow.State
	Status workflow.Status // "overdue" means overdue or very overdue
	Units  []int64         // only these units (already limited to the viewer's scope)
	Query  string
	Sort   CaseSort // "" is SortDue
	Limit  int
	Cursor string // from the previous page of the same sort

	count      bool // listQuery builds CountCases's query
	walkBudget int  // listQuery builds a search's bounded queue walk (list_walk.go)
}

// CaseSort is the order of a case list; each has its own cursor shape.
type CaseSort string

const (
	SortDue      CaseSort = "due"      // earliest due date first, then id (cases_queue, cases_unit_queue)
	SortReceived CaseSort = "received" // earliest received first, then id; sorts the matched cases (no index ends in received_on, id)
	SortUnit     CaseSort = "unit"     // by unit (its id), then as SortDue (cases_unit_queue)
)

// CaseSorts are the sorts a list accepts, the default first.
var CaseSorts = []CaseSort{SortDue, SortReceived, SortUnit}

// Valid reports whether the sort is one of CaseSorts or "" (SortDue).
func (o CaseSort) Valid() bool {
	return o == "" || o == SortDue || o == SortReceived || o == SortUnit
}

// trackingPrefixes is the kinds' tracking-code prefixes as a regexp alternation ("KN|TC|KP|DT").
func trackingPrefixes() string {
	var ps []string
	for _, k := range workflow.Kinds {
		ps = append(ps, k.TrackingPrefix())
	}
	return strings.Join(ps, "|")
}

// trackingCodeShape is a whole tracking code (newTrackingCode): twelve random
// characters, or eight in a code handed out before issue 14.
var trackingCodeShape = regexp.MustCompile(`^(` + trackingPrefixes() + `)[0-9]{2}-([` + trackingAlphabet + `]{` +
	strconv.Itoa(trackingRandomLen) + `}|[` + trackingAlphabet + `]{` + strconv.Itoa(trackingOldRandomLen) + `})$`)

// MaxPageSize caps one page of a list.
const MaxPageSize = 200

// noDue sorts cases without a running clock last.
const noDue = "9999-12-31"

// ListCases lists the cases the viewer may read in f.Sort's order (earliest
// due date first by default), one page at a time, with the cursor of the next
// page ("" on the last). The status filter is answered from the kept due
// date: the case's worst clock is always its earliest running one. A cursor
// that is not one of f.Sort's is CodeInvalid; a viewer who may read no list
// is CodeForbidden.
func (s *Store) ListCases(ctx context.Context, v workflow.Viewer, f CaseFilter) ([]Case, string, error) {
	if !f.Sort.Valid() {
		return nil, "", workflow.Invalid("sort", "thứ tự sắp xếp không hợp lệ")
	}
	rows, limit, walked, err := s.walkFirst(ctx, v, f) // list_walk.go
	if err != nil {
		return nil, "", err
	}
	if !walked {
		query, args, l, err := s.listQuery(ctx, v, f)
		if err != nil {
			return nil, "", err
		}
		if query == "" {
			return []Case{}, "", nil
		}
		if err := s.rd(ctx).SelectContext(ctx, &rows, query, args...); err != nil {
			return nil, "", fmt.Errorf("store: list cases: %w", err)
		}
		limit = l
	}
	next := ""
	if len(rows) > limit {
		rows = rows[:limit]
		last, err := rows[limit-1].toCase()
		if err != nil {
			return nil, "", err
		}
		next = cursorAfter(f.Sort, last)
	}
	out := make([]Case, 0, len(rows))
	for _, r := range rows {
		c, err := r.toCase()
		if err != nil {
			return nil, "", err
		}
		out = append(out, c)
	}
	return out, next, nil
}

// listQuery is ListCases's query, reading one row more than the page holds;
// "" when no stored case can match.
func (s *Store) listQuery(ctx context.Context, v workflow.Viewer, f CaseFilter) (query string, args []any, limit int, err error) {
	var where []string
	switch v.Role {
	case workflow.RoleReception:
		where, args = append(where, "c.unit_id = ?"), append(args, v.UnitID)
	case workflow.RoleHandler:
		where, args = append(where, "c.assignee_id = ?"), append(args, v.UserID)
	default:
		if !v.MayReadBacklog() {
			return "", nil, 0, workflow.Errorf(workflow.CodeForbidden, "không có quyền xem hồ sơ")
		}
	}
	// A bounded walk finds out common words by itself; the probe for words
	// in no letter is for the plain query only.
	search, searchArgs, walk, ok, err := s.listSearch(ctx, v, f.Query, f.walkBudget == 0)
	if err != nil || !ok {
		return "", nil, 0, err // !ok: no stored case can match
	}
	units := f.Units
	if units == nil {
		units = v.Scope
	}
	switch {
	case walk && f.Sort != SortUnit && !s.postgres():
		// A search by common words reads cases_queue, which carries
		// search_fold and unit_id, for one unit as for several: the unit's own
		// queue would fetch every row it passes for its text.
		where = append(where, "c.unit_id + 0 IN ("+placeholders(len(units))+")")
	case len(units) == 1:
		where = append(where, "c.unit_id = ?") // cases_unit_queue, in queue order
	case f.count || f.Sort == SortUnit:
		where = append(where, "c.unit_id IN ("+placeholders(len(units))+")") // cases_unit_queue, unit by unit
	case s.postgres():
		// PostgreSQL weighs the list against its statistics of unit_id (most
		// cases) and walks cases_queue in order. Written "+ 0", as SQLite
		// needs, it could not, guessed a few hundred cases and sorted them all.
		where = append(where, "c.unit_id IN ("+placeholders(len(units))+")")
	default:
		where = append(where, "c.unit_id + 0 IN ("+placeholders(len(units))+")") // cases_queue, filtered
	}
	for _, id := range units {
		args = append(args, id)
	}
	if f.Kind != "" {
		where, args = append(where, "c.kind = ?"), append(args, f.Kind)
	}
	if f.State != "" {
		where, args = append(where, "c.state = ?"), append(args, f.State)
	}
	if f.Status != "" {
		w, a := s.statusClause(f.Status)
		where, args = append(where, w), append(args, a...)
	}
	if f.walkBudget > 0 {
		if !walk || f.Sort == SortReceived || identityQuery.MatchString(strings.TrimSpace(f.Query)) {
			// Nothing to walk, no index to walk in order, or a number, whose
			// petitioner's visibility reads columns the walk does not carry:
			// the caller asks the plain query.
			return "", nil, 0, nil
		}
		return walkQuery(s.listSelect(), where, args, search, searchArgs, f)
	}
	where, args = append(where, search...), append(args, searchArgs...)
	if f.count {
		// One more than the cap, and no further: a page says "more than".
		limit = countCap
		if walk {
			limit = searchCountCap
		}
		return "SELECT COUNT(*) FROM (SELECT 1 FROM cases c WHERE " + strings.Join(where, " AND ") +
			" LIMIT " + strconv.Itoa(limit+1) + ") x", args, limit, nil
	}
	return pageQuery(s.listSelect(), where, args, f)
}

// listSearch is the conditions a search for q puts on a list (none for no
// query), and whether the queue walk answers it (walk: its words are all
// common); false when no stored case can match. probe asks PostgreSQL
// first whether any case holds the words (noneHold).
func (s *Store) listSearch(ctx context.Context, v workflow.Viewer, q string, probe bool) (where []string, args []any, walk, ok bool, err error) {
	if q = strings.TrimSpace(q); q == "" {
		return nil, nil, false, true, nil
	}
	w, a, ok := s.searchClause(v, q) // store/search.go
	if !ok {
		return nil, nil, false, false, nil
	}
	ids, more, err := s.searchCandidates(ctx, v, q)
	if err != nil || !more && len(ids) == 0 {
		return nil, nil, false, false, err
	}
	if more {
		if !probe {
			return []string{w}, a, wholeCode(q) == "", true, nil
		}
		if none, err := s.noneHold(ctx, q, w, a); err != nil || none {
			return nil, nil, false, false, err
		}
		return []string{w}, a, wholeCode(q) == "", true, nil
	}
	// A few cases by id, sorted, instead of the queue walk (search_words.go).
	for _, id := range ids {
		a = append(a, id)
	}
	return []string{w, "c.id IN (" + placeholders(len(ids)) + ")"}, a, false, true, nil
}

// listSelect is caseSelect for a list. PostgreSQL joins the units on the
// plain column: "+ 0" (SQLite's, cases.go) hides unit_id's statistics from
// its planner, which then guessed a few hundred of a queue's 10,000 cases,
// sorted them all instead of walking cases_queue, and took 25–50 ms for a
// page of 100 (auto_explain, 07/12/2026).
func (s *Store) listSelect() string {
	if s.postgres() {
		return strings.Replace(caseSelect, "n.id = c.unit_id + 0", "n.id = c.unit_id", 1)
	}
	return caseSelect
}

// pageQuery adds f's cursor and order to the filter and reads one row more
// than the page holds.
func pageQuery(sel string, where []string, args []any, f CaseFilter) (string, []any, int, error) {
	keys := sortKeys(f.Sort)
	if f.Cursor != "" {
		vals, err := decodeCursor(f.Sort, f.Cursor)
		if err != nil {
			return "", nil, 0, workflow.Invalid("cursor", "con trỏ trang không hợp lệ")
		}
		where = append(where, "("+strings.Join(keys, ", ")+") > ("+placeholders(len(vals))+")")
		args = append(args, vals...)
	}
	limit := f.Limit
	if limit <= 0 || limit > MaxPageSize {
		limit = 50
	}
	query := sel + " WHERE " + strings.Join(where, " AND ") +
		" ORDER BY " + strings.Join(keys, ", ") + " LIMIT " + strconv.Itoa(limit+1)
	return query, args, limit, nil
}

// sortKeys are the sort's ORDER BY expressions, the id last so that every
// case has its own place; a cursor holds one value per key.
func sortKeys(o CaseSort) []string {
	const due = "COALESCE(c.due_on, '" + noDue + "')" // the queue indexes' expression
	switch o {
	case SortReceived:
		return []string{"c.received_on", "c.id"}
	case SortUnit:
		return []string{"c.unit_id", due, "c.id"}
	}
	return []string{due, "c.id"}
}

// countCap is as far as CountCases counts a list: a page shows "more than
// 1000 cases" rather than read a province's queue to count it (issue 15 §3).
// Counting a unit's queue that far reads a thousand entries of its index.
const countCap = 1000

// searchCountCap is as far as CountCases counts a search by common words:
// each match costs the queue walk several entries, and 200 of them already
// take twice what the page itself does.
const searchCountCap = 200

// CountCases counts the cases ListCases would list under f, over every page
// (f.Cursor, f.Sort and f.Limit are ignored), but stops past a cap (1000
// cases, or 200 found by common words): more is true when there are more
// than n. It reads no more than a few pages would.
func (s *Store) CountCases(ctx context.Context, v workflow.Viewer, f CaseFilter) (n int, more bool, err error) {
	f.count, f.Cursor, f.Sort = true, "", ""
	if n, more, walked, err := s.walkCount(ctx, v, f); err != nil || walked {
		return n, more, err // list_walk.go
	}
	query, args, limit, err := s.listQuery(ctx, v, f)
	if err != nil || query == "" {
		return 0, false, err
	}
	if err := s.rd(ctx).GetContext(ctx, &n, query, args...); err != nil {
		return 0, false, fmt.Errorf("store: count cases: %w", err)
	}
	return min(n, limit), n > limit, nil
}

// statusClause turns a status into a range of the kept due date (DOMAIN.md §3).
func (s *Store) statusClause(st workflow.Status) (string, []any) {
	b := workflow.BoundsOn(s.Calendar(), s.Today())
	const due = "COALESCE(c.due_on, '" + noDue + "')" // the queue's own expression: a range of cases_queue
	switch st {
	case workflow.VeryOverdue:
		return due + " < ?", []any{b.VeryOverdueBefore.String()}
	case workflow.Overdue:
		return due + " < ?", []any{b.OverdueBefore.String()}
	case workflow.DueSoon:
		return due + " >= ? AND " + due + " <= ?", []any{b.OverdueBefore.String(), b.DueSoonThrough.String()}
	}
	return due + " > ?", []any{b.DueSoonThrough.String()}
}

func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// cursorAfter is the cursor of the page after the case, in the sort's shape:
// "due|id", "r|received|id" or "u|unit|due|id", base64url-encoded.
func cursorAfter(o CaseSort, c Case) string {
	due := noDue
	if d := c.EarliestDue(); !d.IsZero() {
		due = d.String()
	}
	id := strconv.FormatInt(c.ID, 10)
	var text string
	switch o {
	case SortReceived:
		text = "r|" + c.ReceivedOn.String() + "|" + id
	case SortUnit:
		text = "u|" + strconv.FormatInt(c.UnitID, 10) + "|" + due + "|" + id
	default:
		text = due + "|" + id
	}
	return base64.RawURLEncoding.EncodeToString([]byte(text))
}

// decodeCursor reads a cursor of the sort's shape into the values of its
// keys (sortKeys); a cursor of another sort is an error.
func decodeCursor(o CaseSort, s string) ([]any, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, err
	}
	parts := strings.Split(string(b), "|")
	want := map[CaseSort]string{SortReceived: "r", SortUnit: "u"}[o]
	if want != "" {
		if len(parts) == 0 || parts[0] != want {
			return nil, fmt.Errorf("cursor of another sort")
		}
		parts = parts[1:]
	}
	if len(parts) != len(sortKeys(o)) {
		return nil, fmt.Errorf("bad cursor")
	}
	vals := make([]any, len(parts))
	for i, p := range parts {
		switch {
		case i == len(parts)-1 || o == SortUnit && i == 0: // an id
			n, err := strconv.ParseInt(p, 10, 64)
			if err != nil {
				return nil, err
			}
			vals[i] = n
		default: // a date
			if _, err := workflow.ParseDate(p); err != nil {
				return nil, err
			}
			vals[i] = p
		}
	}
	return vals, nil
}
