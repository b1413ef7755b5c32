package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"petitions/workflow"
)

// A bounded queue walk, for PostgreSQL. Its planner cannot tell a search by
// common words from one by rare words: it estimates each word alone and
// multiplies, and picked the trigram index for "bồi thường" (21,000 of a
// unit's 184,000 cases at a million), read and sorted all of them: 0.7 s.
// Walking the queue in order would have filled the page after some 450 rows.
// So a search by words first walks at most walkBudget entries of the queue,
// in order, and keeps those that match: if a page fills, it is the page. If
// not, the words are rare enough for the trigram index, which the ordinary
// query then uses. SQLite decides through its word index instead
// (search_words.go).

// walkBudget is how many queue entries a bounded walk for a page reads: a
// page of 50 fills within it when at least one case in 60 matches.
// countWalkBudget is the same for CountCases, which stops at 201 matches:
// it finds them within it at one case in 100. The queue indexes carry what
// the walk reads (migration 00014), so an entry costs an index tuple, not
// a row.
const (
	walkBudget      = 3000
	countWalkBudget = 20000
)

// walkQuery is the bounded walk: the queue's first f.walkBudget entries
// after the cursor (where), read from the queue index alone, then the
// search's conditions on them in queue order, and only then the page's rows.
func walkQuery(sel string, where []string, args []any, search []string, searchArgs []any, f CaseFilter) (string, []any, int, error) {
	keys := strings.Join(sortKeys(f.Sort), ", ")
	page, innerArgs, limit, err := pageQuery(sel, where, args, f)
	if err != nil {
		return "", nil, 0, err
	}
	// pageQuery's WHERE and ORDER BY, over the queue index's columns only,
	// with the budget for its page size.
	walk := "SELECT c.id, c.due_on, c.unit_id, c.search_fold FROM cases c" +
		page[strings.Index(page, " WHERE "):strings.LastIndex(page, " LIMIT ")] + " LIMIT " + strconv.Itoa(f.walkBudget)
	found := "SELECT c.id, c.due_on, c.unit_id FROM (" + walk + ") c WHERE " + strings.Join(search, " AND ")
	args = append(innerArgs, searchArgs...)
	if f.count {
		return "SELECT COUNT(*) FROM (" + found + " LIMIT " + strconv.Itoa(searchCountCap+1) + ") x", args, searchCountCap, nil
	}
	found += " ORDER BY " + keys + " LIMIT " + strconv.Itoa(limit+1)
	return strings.Replace(sel, "FROM cases c", "FROM ("+found+") w JOIN cases c ON c.id = w.id", 1) +
		" ORDER BY " + keys, args, limit, nil
}

// walkFirst lists f's page by a bounded walk on PostgreSQL; walked is false
// when it does not apply or did not fill the page.
func (s *Store) walkFirst(ctx context.Context, v workflow.Viewer, f CaseFilter) (rows []caseRow, limit int, walked bool, err error) {
	if !s.postgres() || strings.TrimSpace(f.Query) == "" {
		return nil, 0, false, nil
	}
	f.walkBudget = walkBudget
	query, args, limit, err := s.listQuery(ctx, v, f)
	if err != nil || query == "" {
		return nil, 0, false, err
	}
	if err := s.rd(ctx).SelectContext(ctx, &rows, query, args...); err != nil {
		return nil, 0, false, fmt.Errorf("store: list cases: %w", err)
	}
	return rows, limit, len(rows) > limit, nil
}

// walkCount is CountCases by a bounded walk on PostgreSQL: walked when the
// walk alone found more than the cap.
func (s *Store) walkCount(ctx context.Context, v workflow.Viewer, f CaseFilter) (n int, more, walked bool, err error) {
	if !s.postgres() || strings.TrimSpace(f.Query) == "" {
		return 0, false, false, nil
	}
	f.walkBudget = countWalkBudget
	query, args, limit, err := s.listQuery(ctx, v, f)
	if err != nil || query == "" {
		return 0, false, false, err
	}
	if err := s.rd(ctx).GetContext(ctx, &n, query, args...); err != nil {
		return 0, false, false, fmt.Errorf("store: count cases: %w", err)
	}
	return limit, true, n > limit, nil
}

// noneHold reports, on PostgreSQL, whether no case at all holds the words of
// q (search, with its arguments): one row asked of the whole table, which
// the planner finds through the trigram index of a rare word or among the
// first rows for common ones (a few milliseconds at a million cases). A
// word in no letter is then answered once the bounded walk has found no
// page, without the plain query, as SQLite's word index answers it. A number or a whole code is not asked:
// their cases are found through other indexes.
func (s *Store) noneHold(ctx context.Context, q, search string, args []any) (bool, error) {
	if !s.postgres() || wholeCode(q) != "" || identityQuery.MatchString(q) {
		return false, nil
	}
	var found []int
	if err := s.rd(ctx).SelectContext(ctx, &found, `SELECT 1 FROM cases c WHERE `+search+` LIMIT 1`, args...); err != nil {
		return false, fmt.Errorf("store: search: %w", err)
	}
	return len(found) == 0, nil
}
