package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"petitions/demo"
	"petitions/store"
	"petitions/workflow"
)

// benchSearchPages are the two searches measured on their own (issue 15
// §2): words in many letters, whose first page the queue walk fills, and
// words in none, which used to read the whole queue.
var benchSearchPages = []struct{ name, query string }{
	{"search, common word first page", "bồi thường"},
	{"search, a word in no letter", "không có trong đơn nào"},
}

// benchSearches are words an officer looks a letter up by.
var benchSearches = []string{"bồi thường", "lấn chiếm", "giấy phép xây dựng", "tái định cư", "ô nhiễm", "trợ cấp"}

// prepareWork picks the actors, their tokens and the cases the loads act on:
// at least need open cases of the agency, half for the API, half for the
// database, each client owning its own.
func prepareWork(ctx context.Context, s *store.Store, need int) (*benchWork, error) {
	w := &benchWork{searches: slices.Clone(benchSearches), today: s.Today(), rng: rand.New(rand.NewPCG(7, 11))}
	w.fiveYearsAgo = w.today.AddDays(-5 * 365)
	var err error
	if w.head, err = s.UserByLogin(ctx, "head"); err != nil {
		return nil, err
	}
	if w.supervisor, err = s.UserByLogin(ctx, "supervisor"); err != nil {
		return nil, err
	}
	if w.headToken, err = s.CreateToken(ctx, w.head.ID); err != nil {
		return nil, err
	}
	if w.supTok, err = s.CreateToken(ctx, w.supervisor.ID); err != nil {
		return nil, err
	}
	province, err := s.Subtree(ctx, w.supervisor.UnitID)
	if err != nil {
		return nil, err
	}
	w.province = make(map[int64]bool, len(province))
	for _, u := range province {
		w.province[u] = true
	}
	if national, err := s.UserByLogin(ctx, demo.CountrySupervisor); err == nil { // a country of provinces
		if w.countryTok, err = s.CreateToken(ctx, national.ID); err != nil {
			return nil, err
		}
	}
	v, err := s.Viewer(ctx, w.head)
	if err != nil {
		return nil, err
	}
	f := store.CaseFilter{Units: []int64{w.head.UnitID}, State: workflow.InResolution, Limit: store.MaxPageSize}
	for len(w.transitionCases) < 8*need {
		page, next, err := s.ListCases(ctx, v, f)
		if err != nil {
			return nil, err
		}
		for _, c := range page {
			w.transitionCases = append(w.transitionCases, c.ID)
		}
		if f.Cursor = next; next == "" {
			break
		}
	}
	if len(w.transitionCases) < need {
		return nil, fmt.Errorf("bench: only %d cases in resolution at the agency; generate more cases", len(w.transitionCases))
	}
	cases, _, err := s.Totals(ctx)
	if err != nil {
		return nil, err
	}
	// Random cases the head may open: in a country of provinces, most are another province's.
	inScope := make(map[int64]bool, len(v.Scope))
	for _, u := range v.Scope {
		inScope[u] = true
	}
	for tries := 0; len(w.readCases) < 10_000 && tries < 1_000_000; tries++ {
		id := 1 + w.rng.Int64N(cases)
		if c, err := s.Case(ctx, id); err != nil {
			return nil, err
		} else if inScope[c.UnitID] {
			w.readCases = append(w.readCases, id)
		}
	}
	if len(w.readCases) < 4 {
		return nil, fmt.Errorf("bench: found no case the head may open")
	}
	for _, id := range w.readCases[:4] { // an officer also looks letters up by their code
		c, err := s.Case(ctx, id)
		if err != nil {
			return nil, err
		}
		w.searches = append(w.searches, c.TrackingCode)
	}
	return w, nil
}

// signIn opens the head's browser session, as the sign-in form does.
func (w *benchWork) signIn(ctx context.Context, base string) (err error) {
	w.cookie, err = signInAs(ctx, base, "head")
	return err
}

// signInAs opens a demo user's browser session, as the sign-in form does,
// and answers its cookie.
func signInAs(ctx context.Context, base, login string) (string, error) {
	form := url.Values{"login": {login}, "password": {demo.Password}, "next": {"/"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/dang-nhap", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := noRedirect.Do(req)
	if err != nil {
		return "", err
	}
	res.Body.Close()
	for _, c := range res.Cookies() {
		if c.Value != "" {
			return c.Name + "=" + c.Value, nil
		}
	}
	return "", fmt.Errorf("bench: sign-in as %s gave %s and no session", login, res.Status)
}

var noRedirect = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// call sends one request on the client's connection and fails on any status
// but want; out, when not nil, receives the JSON body.
func call(ctx context.Context, conn *benchConn, method, path, token, cookie string, body any, want int, out any) error {
	var b []byte
	if body != nil {
		var err error
		if b, err = json.Marshal(body); err != nil {
			return err
		}
	}
	status, got, err := conn.do(ctx, method, path, token, cookie, b)
	if err != nil {
		return err
	}
	if status != want {
		return fmt.Errorf("%s %s: %d %s", method, path, status, got[:min(len(got), 300)])
	}
	if out != nil {
		return json.Unmarshal(got, out)
	}
	return nil
}
