package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Plan is a query's plan as the database gives it (issue 20: "plans that
// stay right"): PostgreSQL's EXPLAIN (FORMAT JSON), its tree's nodes depth
// first, or SQLite's EXPLAIN QUERY PLAN, which has no JSON form, a step a
// line. An empty plan means no query was run: no stored case can match.
type Plan []PlanStep

// PlanStep is one node of PostgreSQL's plan or one line of SQLite's.
type PlanStep struct {
	Op       string // PostgreSQL's "Node Type" (Index Scan, Seq Scan, Sort…); SQLite's verb (SEARCH, SCAN, USE TEMP B-TREE…)
	Table    string // the table read, if any
	Index    string // the index read, if any
	Covering bool   // the index alone is read: an Index Only Scan, a COVERING INDEX
	Depth    int    // PostgreSQL's depth in the tree; SQLite's steps are flat
	Text     string // the step as the database words it
}

// Reads says whether some step reads the index.
func (p Plan) Reads(index string) bool {
	return p.any(func(s PlanStep) bool { return s.Index == index })
}

// ReadsCovering says whether some step reads the index alone, never its table.
func (p Plan) ReadsCovering(index string) bool {
	return p.any(func(s PlanStep) bool { return s.Index == index && s.Covering })
}

// Scans says whether some step reads every row of the table, named as in
// the database or by its alias in the query (SQLite names the alias):
// PostgreSQL's Seq Scan, SQLite's SCAN (in the order of an index or not).
func (p Plan) Scans(names ...string) bool {
	return p.any(func(s PlanStep) bool {
		return slices.Contains(names, s.Table) && (s.Op == "Seq Scan" || s.Op == "SCAN")
	})
}

// Sorts says whether some step sorts rows the indexes did not give in order.
func (p Plan) Sorts() bool { return p.SortCount() > 0 }

// SortCount is how many steps sort rows the indexes did not give in order.
func (p Plan) SortCount() int {
	n := 0
	for _, s := range p {
		if s.Op == "Sort" || s.Op == "Incremental Sort" || strings.HasPrefix(s.Op, "USE TEMP B-TREE") {
			n++
		}
	}
	return n
}

func (p Plan) any(match func(PlanStep) bool) bool {
	for _, s := range p {
		if match(s) {
			return true
		}
	}
	return false
}

// String is the plan a step a line, for a failing test's message.
func (p Plan) String() string {
	var b strings.Builder
	for _, s := range p {
		fmt.Fprintf(&b, "%s%s\n", strings.Repeat("  ", s.Depth), s.Text)
	}
	return b.String()
}

// queryPlan is the database's plan of the query.
func (s *Store) queryPlan(ctx context.Context, query string, args []any) (Plan, error) {
	if s.postgres() {
		return s.postgresPlan(ctx, query, args)
	}
	var steps []struct {
		ID, Parent, NotUsed int
		Detail              string
	}
	if err := s.r.SelectContext(ctx, &steps, "EXPLAIN QUERY PLAN "+query, args...); err != nil {
		return nil, err
	}
	var plan Plan
	for _, st := range steps {
		plan = append(plan, sqlitePlanStep(st.Detail))
	}
	return plan, nil
}

// sqlitePlanStep reads a line of SQLite's EXPLAIN QUERY PLAN, such as
// "SEARCH cases USING COVERING INDEX cases_report (unit_id=? AND …)" or
// "SCAN history" or "USE TEMP B-TREE FOR ORDER BY".
func sqlitePlanStep(detail string) PlanStep {
	step := PlanStep{Text: detail}
	words := strings.Fields(detail)
	if len(words) == 0 {
		return step
	}
	step.Op = words[0]
	if step.Op != "SEARCH" && step.Op != "SCAN" {
		step.Op = strings.Join(words[:min(3, len(words))], " ") // USE TEMP B-TREE, CORRELATED SCALAR SUBQUERY…
		return step
	}
	if len(words) > 1 {
		step.Table = words[1]
	}
	for i, w := range words {
		if w == "INDEX" && i+1 < len(words) {
			step.Index, step.Covering = words[i+1], i > 0 && words[i-1] == "COVERING"
		}
	}
	if strings.Contains(detail, "INTEGER PRIMARY KEY") {
		step.Index = "INTEGER PRIMARY KEY"
	}
	return step
}

// postgresPlan reads PostgreSQL's EXPLAIN (FORMAT JSON), without costs so
// that a failing test prints what matters.
func (s *Store) postgresPlan(ctx context.Context, query string, args []any) (Plan, error) {
	var out string
	if err := s.r.GetContext(ctx, &out, "EXPLAIN (FORMAT JSON, COSTS OFF) "+query, args...); err != nil {
		return nil, err
	}
	var doc []struct {
		Plan postgresNode `json:"Plan"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc) != 1 {
		return nil, fmt.Errorf("store: EXPLAIN (FORMAT JSON): %v in %.200s", err, out)
	}
	var plan Plan
	doc[0].Plan.walk(0, &plan)
	return plan, nil
}

// postgresNode is a node of PostgreSQL's JSON plan, with the fields the
// tests read.
type postgresNode struct {
	Type     string         `json:"Node Type"`
	Relation string         `json:"Relation Name"`
	Index    string         `json:"Index Name"`
	Parent   string         `json:"Parent Relationship"`
	Subplan  string         `json:"Subplan Name"`
	Plans    []postgresNode `json:"Plans"`
}

func (n postgresNode) walk(depth int, plan *Plan) {
	text := n.Type
	if n.Index != "" {
		text += " using " + n.Index
	}
	if n.Relation != "" {
		text += " on " + n.Relation
	}
	if n.Subplan != "" {
		text = n.Subplan + ": " + text
	}
	*plan = append(*plan, PlanStep{Op: n.Type, Table: n.Relation, Index: n.Index, Covering: n.Type == "Index Only Scan",
		Depth: depth, Text: text})
	for _, child := range n.Plans {
		child.walk(depth+1, plan)
	}
}
