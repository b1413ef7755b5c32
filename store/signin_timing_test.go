package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// TestUnknownLoginTakesAsLongAsAWrongPassword: with a real bcrypt cost, an
// unknown login (or a disabled one) must not answer measurably faster than a
// known login with a wrong password, or the timing tells which logins exist.
func TestUnknownLoginTakesAsLongAsAWrongPassword(t *testing.T) {
	const cost = 6 // ≈ 5–10 ms a hash here: far above the noise of one query
	s := storetest.Open(t, store.WithPasswordCost(cost))
	ctx := context.Background()
	if _, err := s.CreateUnit(ctx, "KH", "Tỉnh Khánh Hòa", "province", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(ctx, "head", "Nguyễn Văn Trưởng", workflow.RoleHead, "KH", "demo"); err != nil {
		t.Fatal(err)
	}
	measure := func(login string) time.Duration {
		start := time.Now()
		if _, err := s.Authenticate(ctx, login, "sai-mat-khau"); workflow.ErrorCode(err) != workflow.CodeUnauthorized {
			t.Fatalf("%s: %v, want unauthorized", login, err)
		}
		return time.Since(start)
	}
	measure("head") // warm both paths up
	measure("khong-co")
	var known, unknown []time.Duration
	for i := 0; i < 9; i++ { // interleaved, so a busy moment of the machine hurts both sides
		known = append(known, measure("head"))
		unknown = append(unknown, measure(fmt.Sprintf("khong-co-%d", i)))
	}
	slices.Sort(known)
	slices.Sort(unknown)
	k, u := known[len(known)/2], unknown[len(unknown)/2]
	t.Logf("medians: known login with a wrong password %v, unknown login %v", k, u)
	if u < k/2 {
		t.Fatalf("an unknown login answers in %v, a known one with a wrong password in %v: the timing tells which logins exist", u, k)
	}
}
