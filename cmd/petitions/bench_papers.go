package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"petitions/store"
)

// The papers group (issue 18): the communes' heads, pausing as officers do,
// each issue their own unit's drafted notices of acceptance (numbering each
// in the unit's year), then one client draws the issued notices as PDF.

// papersPerHead bounds the drafts each head is given to issue.
const papersPerHead = 400

func (rep *benchReport) measurePapers(ctx context.Context, s *store.Store, srv *child, w *benchWork) error {
	if !rep.cfg.wants("papers") {
		return nil
	}
	const officers = 16
	rw, err := prepareReception(ctx, s, srv, w, officers, rep.cfg.years)
	if err != nil {
		return err
	}
	drafts := make([][]int64, len(rw.communes))
	for i, code := range rw.communes {
		u, err := s.UnitByCode(ctx, code)
		if err != nil {
			return err
		}
		if drafts[i], err = s.IssuableDrafts(ctx, u.ID, "KN-03", papersPerHead); err != nil {
			return err
		}
		if len(drafts[i]) == 0 {
			return fmt.Errorf("bench: commune %s has no drafted notice to issue (a file loaded before papers were drafted?)", code)
		}
	}
	conns := benchConns(srv.base, officers)
	defer closeAll(conns)
	// Client c issues for commune c (modulo the communes); clients sharing a
	// commune take every share-th of its drafts, each from its own offset.
	of := func(c int) int { return c % len(rw.communes) }
	share := (officers + len(rw.communes) - 1) / len(rw.communes)
	type paper struct {
		id    int64
		token string
	}
	var (
		mu     sync.Mutex
		issued []paper
	)
	// As long as the fewest drafts last: a client pauses think on average between issues.
	d := pacedLonger * rep.cfg.duration
	if rep.cfg.think > 0 {
		fewest := len(drafts[0])
		for _, ds := range drafts {
			fewest = min(fewest, len(ds))
		}
		d = min(d, time.Duration(float64(fewest/share)*0.7)*rep.cfg.think)
	}
	f, err := hammer(ctx, "issue and number a paper", officers, d, officers, rep.cfg.think,
		func(ctx context.Context, c, i int) error {
			mine, k := drafts[of(c)], i*share+c/len(rw.communes)
			if k >= len(mine) {
				return fmt.Errorf("bench: commune %s ran out of drafts", rw.communes[of(c)])
			}
			if err := call(ctx, conns[c], "POST", fmt.Sprintf("/api/v1/documents/%d/issue", mine[k]), rw.tokens[of(c)], "", nil, 200, nil); err != nil {
				return err
			}
			mu.Lock()
			issued = append(issued, paper{mine[k], rw.tokens[of(c)]})
			mu.Unlock()
			return nil
		})
	if err := rep.add(f, err); err != nil {
		return err
	}
	one := conns[0]
	f, err = hammer(ctx, "a paper as PDF", 1, 0, 20, 0, func(ctx context.Context, _, i int) error {
		p := issued[i%len(issued)]
		return call(ctx, one, "GET", fmt.Sprintf("/api/v1/documents/%d.pdf", p.id), p.token, "", nil, 200, nil)
	})
	return rep.add(f, err)
}
