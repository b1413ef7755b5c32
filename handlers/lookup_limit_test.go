package handlers

// Guessing tracking codes (issue 14): the public look-up, by API and by page,
// answers each client address at most lookupRate requests a second after a
// burst of lookupBurst; the next gets 429 with Retry-After.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (f *fakeClock) now() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.t }
func (f *fakeClock) add(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(d)
}

// mustLookupApp is the application over a store holding one complaint, with
// the rate limits on a clock the test moves; it returns the case's code.
func mustLookupApp(t *testing.T) (http.Handler, *fakeClock, string) {
	t.Helper()
	ctx := context.Background()
	s := storetest.Open(t, store.WithPasswordCost(bcrypt.MinCost))
	if _, err := s.CreateUnit(ctx, "U1", "UBND xã Thử", "agency", ""); err != nil {
		t.Fatal(err)
	}
	u, err := s.CreateUser(ctx, "reception", "Tiếp dân", workflow.RoleReception, "U1", "demo")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.CreateCase(ctx, u, store.NewCase{Subject: "Khiếu nại", Content: "Nội dung",
		Petitioner: store.Petitioner{Name: "Nguyễn Văn An"},
		Intake:     workflow.Intake{Kind: workflow.Complaint, Round: 1, Channel: "walk_in", ReceivedOn: s.Today()}})
	if err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{t: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
	h, err := New(s, LimitClock(clock.now))
	if err != nil {
		t.Fatal(err)
	}
	return h, clock, cs.TrackingCode
}

func lookup(h http.Handler, addr, path string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.RemoteAddr = addr
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPublicLookupIsRateLimitedPerAddress(t *testing.T) {
	h, clock, code := mustLookupApp(t)
	const one, other = "198.51.100.7:40000", "203.0.113.9:40000"
	api := "/api/v1/public/track/" + code
	for i := 1; i <= lookupBurst; i++ {
		path := api
		if i%2 == 0 { // the API and the page draw on the same bucket
			path = "/tra-cuu?code=" + code
		}
		if rec := lookup(h, one, path); rec.Code != http.StatusOK {
			t.Fatalf("request %d of the burst: %d %s", i, rec.Code, rec.Body)
		}
	}
	t.Run("The31stGets429WithRetryAfter", func(t *testing.T) {
		rec := lookup(h, one, api)
		if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "1" {
			t.Fatalf("request %d: %d, Retry-After %q; want 429, 1", lookupBurst+1, rec.Code, rec.Header().Get("Retry-After"))
		}
		var e struct{ Error errorBody }
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Code != "too_many_requests" {
			t.Fatalf("body %s: %v", rec.Body, err)
		}
		page := lookup(h, one, "/tra-cuu?code="+code)
		if page.Code != http.StatusTooManyRequests || page.Header().Get("Retry-After") == "" ||
			!strings.Contains(page.Body.String(), "Bạn tra cứu quá nhiều lần") {
			t.Fatalf("page: %d, Retry-After %q: %s", page.Code, page.Header().Get("Retry-After"), page.Body)
		}
	})
	t.Run("AnotherAddressIsUnaffected", func(t *testing.T) {
		if rec := lookup(h, other, api); rec.Code != http.StatusOK {
			t.Fatalf("another address: %d", rec.Code)
		}
	})
	t.Run("TheBucketRefills", func(t *testing.T) {
		clock.add(time.Second)
		for i := 1; i <= lookupRate; i++ {
			if rec := lookup(h, one, api); rec.Code != http.StatusOK {
				t.Fatalf("request %d a second later: %d", i, rec.Code)
			}
		}
		if rec := lookup(h, one, api); rec.Code != http.StatusTooManyRequests {
			t.Fatalf("request %d a second later: %d, want 429", lookupRate+1, rec.Code)
		}
	})
	t.Run("TheTrackingPageWithoutACodeIsNotCounted", func(t *testing.T) {
		if rec := lookup(h, one, "/tra-cuu"); rec.Code != http.StatusOK {
			t.Fatalf("the empty form: %d", rec.Code)
		}
	})
}

func TestLookupLimiterGroupsIPv6ByItsSlash64(t *testing.T) {
	l := newLookupLimiter(1, 1, func() time.Time { return time.Unix(0, 0) })
	if ok, _ := l.take("2001:db8:1:2::1"); !ok {
		t.Fatal("first request refused")
	}
	if ok, _ := l.take("2001:db8:1:2:ffff::9"); ok {
		t.Fatal("another address of the same /64 has its own bucket")
	}
	if ok, _ := l.take("2001:db8:1:3::1"); !ok {
		t.Fatal("another /64 is refused")
	}
}
