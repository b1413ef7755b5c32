package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// apiToken signs in through the API and returns the bearer token.
func (a *webApp) apiToken(t *testing.T, login string) string {
	t.Helper()
	res, err := http.Post(a.URL+"/api/v1/session", "application/json",
		bytes.NewBufferString(fmt.Sprintf(`{"login":%q,"password":"demo"}`, login)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct{ Token string }
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || out.Token == "" {
		t.Fatalf("sign in %s: status %d, %v", login, res.StatusCode, err)
	}
	return out.Token
}

func TestConflictingEventsOnOneVersionHaveOneWinner(t *testing.T) {
	app := mustServeWeb(t)
	ctx := context.Background()
	rec, _ := app.Store.UserByLogin(ctx, "reception")
	c, err := app.Store.CreateCase(ctx, rec, store.NewCase{Subject: "Khiếu nại về bồi thường",
		Intake:     workflow.Intake{Kind: workflow.Complaint, Round: 1, Channel: "walk_in", ReceivedOn: workflow.MustDate("2026-11-20")},
		Petitioner: store.Petitioner{Name: "Nguyễn Văn Tranh"}})
	if err != nil {
		t.Fatal(err)
	}
	token := app.apiToken(t, "head")
	// Every client tries to move the same version of the case, with different acts.
	bodies := []string{
		`{"event":"assign","version":1,"assignee":"handler"}`,
		`{"event":"assign","version":1,"assignee":"handler2"}`,
		`{"event":"reject","version":1,"reason_code":"KN-NA-02"}`,
		`{"event":"note","version":1,"note":"đang xem"}`,
	}
	const clients = 40
	codes := make(chan int, clients)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/v1/cases/%d/events", app.URL, c.ID),
				bytes.NewBufferString(bodies[i%len(bodies)]))
			req.Header.Set("Authorization", "Bearer "+token)
			<-start
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			codes <- res.StatusCode
		}(i)
	}
	close(start)
	wg.Wait()
	close(codes)
	tally := map[int]int{}
	for code := range codes {
		tally[code]++
	}
	t.Logf("conflicting requests: %d, winners: %d, 409s: %d", clients, tally[200], tally[409])
	if tally[200] != 1 || tally[409] != clients-1 {
		t.Fatalf("status tally %v; want exactly one 200 and %d 409s", tally, clients-1)
	}
	hist, err := app.Store.History(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[1].Seq != 2 {
		t.Fatalf("history has %d records; want the receipt and exactly one act", len(hist))
	}
	got, _ := app.Store.Case(ctx, c.ID)
	if got.Version != 2 {
		t.Fatalf("case version %d; want 2", got.Version)
	}
}
