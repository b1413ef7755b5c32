package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// The bench's own client must read every answer the server may give —
// chunked or with a length — and carry on after the server closes.
func TestBenchConnReadsEveryAnswer(t *testing.T) {
	var (
		mu    sync.Mutex
		conns []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		conns = append(conns, r.RemoteAddr)
		mu.Unlock()
		if r.Header.Get("Authorization") != "Bearer tok" || r.Header.Get("Cookie") != "s=1" {
			http.Error(w, "no credentials", http.StatusUnauthorized)
			return
		}
		switch r.URL.Path {
		case "/big": // larger than the server's buffer: sent chunked
			fmt.Fprint(w, strings.Repeat("x", 10_000))
		case "/close":
			w.Header().Set("Connection", "close")
			fmt.Fprint(w, "bye")
		default:
			b := make([]byte, r.ContentLength)
			r.Body.Read(b)
			fmt.Fprintf(w, "%s %s", r.Method, b)
		}
	}))
	defer srv.Close()
	c := newBenchConn(srv.URL)
	defer c.close()
	for _, tc := range []struct {
		method, path, body, want string
	}{
		{"POST", "/echo", `{"a":1}`, `POST {"a":1}`},
		{"GET", "/big", "", strings.Repeat("x", 10_000)},
		{"GET", "/close", "", "bye"},
		{"GET", "/echo", "", "GET "},
	} {
		var body []byte
		if tc.body != "" {
			body = []byte(tc.body)
		}
		status, got, err := c.do(context.Background(), tc.method, tc.path, "tok", "s=1", body)
		if err != nil || status != 200 || string(got) != tc.want {
			t.Fatalf("%s %s: %d %.40q %v; want 200 %.40q", tc.method, tc.path, status, got, err, tc.want)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(conns) != 4 || conns[0] != conns[2] || conns[2] == conns[3] {
		t.Errorf("connections used: %v; want one kept for three requests, then a new one after the server closed it", conns)
	}
}
