package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"petitions/store"
	"petitions/workflow"
)

// measureReorganise merges two communes of the agency into a new one through
// the API, effective thirty days ago (issue 19): every active case of the two
// moves with its record. Then it reads what an audit of the past reads once
// cases have moved after the day asked, which takes the slower way through
// case_unit_moves (store/unit_moves.go): the province's backlog the day
// before the merger and five years back, and each form of the province's
// last year. The merger is not undone: each run ends two more communes of
// the bench's file.
func (rep *benchReport) measureReorganise(ctx context.Context, s *store.Store, srv *child, w *benchWork) error {
	admin, token, err := adminToken(ctx, s)
	if err != nil {
		return err
	}
	units, err := s.Units(ctx)
	if err != nil {
		return err
	}
	var communes []string
	for _, u := range units {
		if u.Level == "commune" && u.ParentID != nil && *u.ParentID == admin.UnitID && u.SuccessorID == nil && u.ValidTo.IsZero() {
			communes = append(communes, u.Code)
		}
	}
	if len(communes) < 2 {
		return fmt.Errorf("bench: fewer than two communes left to merge")
	}
	slices.Sort(communes)
	from := communes[len(communes)-2:]
	effective := w.today.AddDays(-30)
	into := fmt.Sprintf("BENCH-%s", strings.ReplaceAll(w.today.String(), "-", ""))
	for _, u := range units {
		if strings.HasPrefix(u.Code, into) {
			into = fmt.Sprintf("%s-%d", into, len(units))
		}
	}
	one := newBenchConn(srv.base)
	defer one.close()
	var done store.Reorganised
	body := map[string]any{"effective_on": effective, "from": from, "into": []map[string]string{{"code": into, "name": "Xã Hợp Nhất (đo hiệu năng)"}}}
	f, err := hammer(ctx, "", 1, 0, 1, 0, func(ctx context.Context, _, _ int) error {
		return call(ctx, one, "POST", "/api/v1/units/reorganise", token, "", body, 200, &done)
	})
	f.name = fmt.Sprintf("reorganisation: %s merged into %s, %d active cases moved", strings.Join(from, " and "), into, done.CasesMoved)
	if err := rep.add(f, err); err != nil {
		return err
	}
	for _, day := range []struct {
		name string
		on   workflow.Date
	}{{"backlog the day before a merger", effective.AddDays(-1)}, {"backlog five years back, after a merger", w.fiveYearsAgo}} {
		u := "/api/v1/backlog?as_of=" + day.on.String()
		f, err := hammer(ctx, day.name, 1, 0, rep.cfg.backlogs, 0, func(ctx context.Context, _, _ int) error {
			return call(ctx, one, "GET", u, w.supTok, "", nil, 200, nil)
		})
		if err := rep.add(f, err); err != nil {
			return err
		}
	}
	rw, err := prepareReports(ctx, s, w)
	if err != nil {
		return err
	}
	return rep.everyForm(ctx, one, "province's year, after a merger", rw.year, rw.province, w.supTok)
}
