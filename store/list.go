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
	Limit  int
	Cursor string
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

// ListCases lists the cases the viewer may read, earliest due date first, one
// page at a time. The status filter is answered from the kept due date: the
// case's worst clock is always its earliest running one.
func (s *Store) ListCases(ctx context.Context, v workflow.Viewer, f CaseFilter) ([]Case, string, error) {
	query, args, limit, err := s.listQuery(v, f)
	if err != nil {
		return nil, "", err
	}
	if query == "" {
		return []Case{}, "", nil
	}
	var rows []caseRow
	if err := s.r.SelectContext(ctx, &rows, query, args...); err != nil {
		return nil, "", fmt.Errorf("store: list cases: %w", err)
	}
	next := ""
	if len(rows) > limit {
		rows = rows[:limit]
		last := rows[limit-1]
		due := noDue
		var c Case
		c, _ = last.toCase()
		if d := c.EarliestDue(); !d.IsZero() {
			due = d.String()
		}
		next = encodeCursor(due, last.ID)
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
func (s *Store) listQuery(v workflow.Viewer, f CaseFilter) (query string, args []any, limit int, err error) {
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
	units := f.Units
	if units == nil {
		units = v.Scope
	}
	if len(units) == 1 {
		where = append(where, "c.unit_id = ?") // cases_unit_queue, in queue order
	} else {
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
	if q := strings.TrimSpace(f.Query); q != "" {
		w, a, ok := s.searchClause(v, q) // store/search.go
		if !ok {
			return "", nil, 0, nil // no stored case can match
		}
		where, args = append(where, w), append(args, a...)
	}
	if f.Cursor != "" {
		due, id, err := decodeCursor(f.Cursor)
		if err != nil {
			return "", nil, 0, workflow.Invalid("cursor", "con trỏ trang không hợp lệ")
		}
		where = append(where, "(COALESCE(c.due_on, '"+noDue+"'), c.id) > (?, ?)")
		args = append(args, due, id)
	}
	limit = f.Limit
	if limit <= 0 || limit > MaxPageSize {
		limit = 50
	}
	query = caseSelect + " WHERE " + strings.Join(where, " AND ") +
		" ORDER BY COALESCE(c.due_on, '" + noDue + "'), c.id LIMIT " + strconv.Itoa(limit+1)
	return query, args, limit, nil
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

func encodeCursor(due string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(due + "|" + strconv.FormatInt(id, 10)))
}

func decodeCursor(s string) (string, int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return "", 0, err
	}
	due, idText, ok := strings.Cut(string(b), "|")
	if !ok {
		return "", 0, fmt.Errorf("bad cursor")
	}
	if _, err := workflow.ParseDate(due); err != nil {
		return "", 0, err
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	return due, id, err
}
