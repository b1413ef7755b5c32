package store_test

import (
	"context"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
)

func TestSignInLimitsCountWithinTheWindowAndSurviveReopening(t *testing.T) {
	ctx := context.Background()
	s, dsn := storetest.OpenDSN(t)
	now := fixedNow
	s.Now = func() time.Time { return now }
	limits := []store.SignInLimit{{Key: "pair:203.0.113.9\x00head", Max: 3, Window: 15 * time.Minute},
		{Key: "addr:203.0.113.9", Max: 10, Window: 15 * time.Minute}}
	for i := 0; i < 3; i++ {
		if _, ok, err := s.BeginSignIn(ctx, limits); err != nil || !ok {
			t.Fatalf("attempt %d: ok %v, err %v", i+1, ok, err)
		}
		now = now.Add(time.Minute)
	}
	if _, ok, err := s.BeginSignIn(ctx, limits); err != nil || ok {
		t.Fatalf("fourth attempt in the window: ok %v, err %v; want refused", ok, err)
	}
	s.Close()
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return now }
	if _, ok, err := s.BeginSignIn(ctx, limits); err != nil || ok {
		t.Fatalf("after reopening: ok %v, err %v; want still refused", ok, err)
	}
	// Another login from the same address is counted apart.
	other := []store.SignInLimit{{Key: "pair:203.0.113.9\x00admin", Max: 3, Window: 15 * time.Minute}, limits[1]}
	attempt, ok, err := s.BeginSignIn(ctx, other)
	if err != nil || !ok {
		t.Fatalf("another login from the address: ok %v, err %v", ok, err)
	}
	if err := s.SignInSucceeded(ctx, attempt, other[0].Key); err != nil {
		t.Fatal(err)
	}
	// Once the window has passed, the source may try again.
	now = now.Add(15 * time.Minute)
	if _, ok, err := s.BeginSignIn(ctx, limits); err != nil || !ok {
		t.Fatalf("after the window: ok %v, err %v; want allowed", ok, err)
	}
}
