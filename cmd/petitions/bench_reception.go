package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"

	"petitions/store"
	"petitions/workflow"
)

// The reception group (issue 16): the reception book's first page and a
// head's compliance page among officers pausing between clicks, each the head
// of a commune reading its own, and the province's compliance as of a day
// with one client.

// receptionWork is who the reception loads act as.
type receptionWork struct {
	communes []string // the commune of each head, by code
	cookies  []string // each commune head's browser session
	tokens   []string // and API token
	agency   string   // the supervisor's unit, the whole province below it
	dates    []string // days over the years of reception, for as_of
}

// prepareReception signs the communes' heads in (up to n of them) and picks
// the days asked about, over the --years before today.
func prepareReception(ctx context.Context, s *store.Store, srv *child, w *benchWork, n, years int) (*receptionWork, error) {
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	rw := &receptionWork{}
	var communes []int64
	code := map[int64]string{}
	for _, u := range units {
		code[u.ID] = u.Code
		if u.Level == "commune" && w.province[u.ID] {
			communes = append(communes, u.ID)
		}
		if u.ID == w.supervisor.UnitID {
			rw.agency = u.Code
		}
	}
	users, err := s.Assignable(ctx, communes)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		// One head a commune: a merged commune's head moved to its successor, which has two.
		if u.Role != workflow.RoleHead || len(rw.communes) == n || slices.Contains(rw.communes, code[u.UnitID]) {
			continue
		}
		cookie, err := signInAs(ctx, srv.base, u.Login)
		if err != nil {
			return nil, err
		}
		token, err := s.CreateToken(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		rw.communes, rw.cookies, rw.tokens = append(rw.communes, code[u.UnitID]), append(rw.cookies, cookie), append(rw.tokens, token)
	}
	if len(rw.communes) == 0 || rw.agency == "" {
		return nil, fmt.Errorf("bench: no commune head, or no unit of the supervisor, to measure reception with")
	}
	rng := rand.New(rand.NewPCG(16, 2013))
	for range 1000 {
		rw.dates = append(rw.dates, w.today.AddDays(-rng.IntN(max(years, 1)*365)).String())
	}
	return rw, nil
}

func (rep *benchReport) measureReception(ctx context.Context, s *store.Store, srv *child, w *benchWork) error {
	if !rep.cfg.wants("reception") {
		return nil
	}
	sessions, visits, err := s.ReceptionTotals(ctx)
	if err != nil {
		return err
	}
	rep.reception = fmt.Sprintf("%d reception sessions, %d visits in the book", sessions, visits)
	fmt.Fprintln(rep.cfg.out, rep.reception)
	n := rep.cfg.readers
	rw, err := prepareReception(ctx, s, srv, w, n, rep.cfg.years)
	if err != nil {
		return err
	}
	// Client c is the head of commune c (modulo the communes there are), reading its own.
	of := func(c int) int { return c % len(rw.communes) }
	conns := benchConns(srv.base, n)
	defer closeAll(conns)
	loads := []struct {
		name          string
		path          func(c, i int) string
		token, cookie func(c int) string
	}{
		{"reception book, first page", func(c, _ int) string { return "/tiep-cong-dan?unit=" + rw.communes[of(c)] },
			noAuth, func(c int) string { return rw.cookies[of(c)] }},
		{"reception book via API, first page", func(c, _ int) string { return "/api/v1/reception/visits?unit=" + rw.communes[of(c)] },
			func(c int) string { return rw.tokens[of(c)] }, noAuth},
		{"a head's compliance page, any day", func(c, i int) string {
			return "/giam-sat/tiep-cong-dan?as_of=" + rw.dates[(c*31+i)%len(rw.dates)]
		}, noAuth, func(c int) string { return rw.cookies[of(c)] }},
		{"a head's compliance via API, any day", func(c, i int) string {
			return "/api/v1/reception/compliance?as_of=" + rw.dates[(c*31+i)%len(rw.dates)]
		}, func(c int) string { return rw.tokens[of(c)] }, noAuth},
	}
	for _, l := range loads {
		f, err := hammer(ctx, l.name, n, pacedLonger*rep.cfg.duration, n, rep.cfg.think, func(ctx context.Context, c, i int) error {
			return call(ctx, conns[c], "GET", l.path(c, i), l.token(c), l.cookie(c), nil, 200, nil)
		})
		if err := rep.add(f, err); err != nil {
			return err
		}
	}
	// The province's compliance: every head below the supervisor's unit, as of a day over the years.
	one := conns[0]
	f, err := hammer(ctx, "province's compliance, any day", 1, 0, rep.cfg.backlogs, 0, func(ctx context.Context, _, i int) error {
		u := "/api/v1/reception/compliance?as_of=" + rw.dates[i%len(rw.dates)] + "&unit=" + url.QueryEscape(rw.agency)
		return call(ctx, one, "GET", u, w.supTok, "", nil, 200, nil)
	})
	return rep.add(f, err)
}

// noAuth is a load's token or cookie when it sends none.
func noAuth(int) string { return "" }
