package main

import (
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"time"

	"petitions/store"
	"petitions/workflow"
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
	if err := rep.add(f, err); err != nil {
		return err
	}
	caseID, err := s.DocumentCase(ctx, issued[0].id)
	if err != nil {
		return err
	}
	return rep.measureUpload(ctx, caseID, issued[0].token)
}

// uploadSize is the scan the upload measure sends: the largest taken.
const uploadSize = workflow.MaxAttachmentBytes

// measureUpload sends 20 MB scans to a case, one at a time, on a server of
// their own: how long each takes, and how much the server's peak memory
// rose (the body must stream to disk, never be held whole).
func (rep *benchReport) measureUpload(ctx context.Context, caseID int64, token string) error {
	srv, err := startChild(ctx, rep.cfg.exe, rep.cfg.db, rep.cfg.keyFile)
	if err != nil {
		return err
	}
	defer srv.stop()
	send := func(ctx context.Context, _, _ int) error {
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		go func() {
			part, err := mw.CreateFormFile("file", "ban-quet.pdf")
			if err == nil {
				_, err = io.Copy(part, io.MultiReader(strings.NewReader("%PDF-1.4\n"), io.LimitReader(zeros{}, uploadSize-64)))
			}
			if err == nil {
				err = mw.Close()
			}
			pw.CloseWithError(err)
		}()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/api/v1/cases/%d/attachments", srv.base, caseID), pr)
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		defer res.Body.Close()
		io.Copy(io.Discard, res.Body)
		if res.StatusCode != http.StatusCreated {
			return fmt.Errorf("bench: upload: %d", res.StatusCode)
		}
		return nil
	}
	before := srv.peakRSS()
	f, err := hammer(ctx, "upload a 20 MB scan", 1, 0, 5, 0, send)
	after := srv.peakRSS()
	rep.upload = fmt.Sprintf("uploading 20 MB scans: the server's peak memory went from %.0f MB to %.0f MB (+%.0f MB)",
		float64(before)/(1<<20), float64(after)/(1<<20), float64(after-before)/(1<<20))
	fmt.Fprintln(rep.cfg.out, rep.upload)
	return rep.add(f, err)
}

// zeros reads as many zero bytes as asked.
type zeros struct{}

func (zeros) Read(b []byte) (int, error) {
	clear(b)
	return len(b), nil
}
