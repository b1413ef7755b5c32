package store

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"petitions/workflow"
)

// Disclosure is one published decision or conclusion (API.md: public disclosures).
type Disclosure struct {
	ID           int64         `db:"id" json:"-"`
	TrackingCode string        `db:"tracking_code" json:"tracking_code"`
	Kind         string        `db:"kind" json:"kind"`
	Unit         string        `db:"unit" json:"unit"`
	ResolvedOn   workflow.Date `db:"resolved_on" json:"resolved_on"`
	DisclosedOn  workflow.Date `db:"disclosed_on" json:"disclosed_on"`
	Outcome      string        `db:"outcome" json:"outcome"`
	Text         string        `db:"text" json:"text"`
}

// DisclosureFilter narrows the public register. Every field is optional.
type DisclosureFilter struct {
	Query  string        // in the published text or the tracking code
	Kind   workflow.Kind // a known kind, else invalid
	Unit   string        // a unit's code: that unit and those below it; unknown, invalid
	Year   int           // the year of disclosure, 1–9999, else invalid
	Cursor string        // a page's Next or Prev, else invalid
	Limit  int           // 1–MaxPageSize; else 50
}

// DisclosurePage is one page of the register, newest first, with the cursors
// of the pages after and before it ("" when there is none).
type DisclosurePage struct {
	Items      []Disclosure
	Next, Prev string
}

// Disclosures lists published texts, newest disclosure first, one page at a
// time. Only the text the head wrote for publication is returned, never the
// letter. Errors: invalid (field kind, unit, year or cursor) for a bad filter.
func (s *Store) Disclosures(ctx context.Context, f DisclosureFilter) (page DisclosurePage, err error) {
	err = s.onReplica(ctx, func(ctx context.Context) error {
		page, err = s.disclosures(ctx, f)
		return err
	})
	return page, err
}

// disclosures is Disclosures on the pool of ctx (replica.go).
func (s *Store) disclosures(ctx context.Context, f DisclosureFilter) (DisclosurePage, error) {
	page := DisclosurePage{Items: []Disclosure{}}
	limit := f.Limit
	if limit <= 0 || limit > MaxPageSize {
		limit = 50
	}
	query, args, back, err := s.disclosureQuery(ctx, f, limit+1)
	if err != nil || query == "" {
		return page, err
	}
	ds := []Disclosure{}
	err = s.rd(ctx).SelectContext(ctx, &ds, query, args...)
	if err != nil {
		return page, fmt.Errorf("store: disclosures: %w", err)
	}
	more := len(ds) > limit
	if more {
		ds = ds[:limit]
	}
	if back { // read oldest first from the cursor: put the page back in order
		for i, j := 0, len(ds)-1; i < j; i, j = i+1, j-1 {
			ds[i], ds[j] = ds[j], ds[i]
		}
	}
	page.Items = ds
	if len(ds) == 0 {
		return page, nil
	}
	first, last := ds[0], ds[len(ds)-1]
	// Going forward, a cursor means pages lie before; going back, one lies after.
	if more || back {
		page.Next = encodeDisclosureCursor("a", last)
	}
	if (more && back) || (!back && f.Cursor != "") {
		page.Prev = encodeDisclosureCursor("b", first)
	}
	return page, nil
}

// disclosureQuery is the query of a page of at most limit decisions, newest
// first (oldest first when back, from a "b" cursor), read along
// cases_disclosed (migration 00031); "" when nothing stored can match.
func (s *Store) disclosureQuery(ctx context.Context, f DisclosureFilter, limit int) (query string, args []any, back bool, err error) {
	where, args, ok, err := s.disclosureWhere(ctx, f)
	if err != nil || !ok {
		return "", nil, false, err
	}
	order := "DESC"
	if f.Cursor != "" {
		dir, on, id, err := decodeDisclosureCursor(f.Cursor)
		if err != nil {
			return "", nil, false, workflow.Invalid("cursor", "con trỏ trang không hợp lệ")
		}
		back = dir == "b"
		cmp := "<"
		if back {
			cmp, order = ">", "ASC"
		}
		where = append(where, "(c.disclosed_on, c.id) "+cmp+" (?, ?)")
		args = append(args, on, id)
	}
	text := s.dialect.jsonText("c.facts", "disclosure_text")
	return `SELECT c.id, c.tracking_code, c.kind, n.name AS unit, c.resolved_on, c.disclosed_on,
		COALESCE(c.outcome, '') AS outcome, COALESCE(` + text + `, '') AS text
		FROM cases c JOIN units n ON n.id = c.unit_id WHERE ` + strings.Join(where, " AND ") + `
		ORDER BY c.disclosed_on ` + order + `, c.id ` + order + ` LIMIT ` + strconv.Itoa(limit), args, back, nil
}

// disclosureWhere is the filter's conditions; ok false when nothing stored can match.
func (s *Store) disclosureWhere(ctx context.Context, f DisclosureFilter) (where []string, args []any, ok bool, err error) {
	where = []string{"c.disclosed_on IS NOT NULL"}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return nil, nil, false, workflow.Invalid("kind", "loại đơn không hợp lệ")
		}
		where, args = append(where, "c.kind = ?"), append(args, string(f.Kind))
	}
	if f.Unit != "" {
		u, err := s.UnitByCode(ctx, f.Unit)
		if workflow.ErrorCode(err) == workflow.CodeNotFound {
			return nil, nil, false, workflow.Invalid("unit", "không có đơn vị này")
		} else if err != nil {
			return nil, nil, false, err
		}
		ids, err := s.Subtree(ctx, u.ID)
		if err != nil {
			return nil, nil, false, err
		}
		where = append(where, "c.unit_id IN ("+placeholders(len(ids))+")")
		for _, id := range ids {
			args = append(args, id)
		}
	}
	if f.Year != 0 {
		if f.Year < 1 || f.Year > 9999 {
			return nil, nil, false, workflow.Invalid("year", "năm không hợp lệ")
		}
		where = append(where, "c.disclosed_on >= ?", "c.disclosed_on < ?")
		args = append(args, fmt.Sprintf("%04d-01-01", f.Year), fmt.Sprintf("%04d-01-01", f.Year+1))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		w, a, ok := publicSearchClause(q) // store/search.go
		if !ok {
			return nil, nil, false, nil // no stored text holds it
		}
		where, args = append(where, w), append(args, a...)
	}
	return where, args, true, nil
}

// encodeDisclosureCursor marks the page after ("a") or before ("b") d.
func encodeDisclosureCursor(dir string, d Disclosure) string {
	return base64.RawURLEncoding.EncodeToString([]byte(dir + "|" + d.DisclosedOn.String() + "|" + strconv.FormatInt(d.ID, 10)))
}

func decodeDisclosureCursor(s string) (dir, on string, id int64, err error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return "", "", 0, err
	}
	parts := strings.Split(string(b), "|")
	if len(parts) != 3 || (parts[0] != "a" && parts[0] != "b") {
		return "", "", 0, fmt.Errorf("bad cursor")
	}
	if _, err := workflow.ParseDate(parts[1]); err != nil {
		return "", "", 0, err
	}
	id, err = strconv.ParseInt(parts[2], 10, 64)
	return parts[0], parts[1], id, err
}
