package workflow

import (
	"slices"
	"strings"
	"testing"
)

// TestEveryNameHasAVietnameseLabel: every kind, state, event and clock has a
// Vietnamese name for the engine's messages (labels.go), and no label is left
// for a name that no longer exists. A missing label would show the bare key
// ("in_resolution") in an error a citizen or an official reads.
func TestEveryNameHasAVietnameseLabel(t *testing.T) {
	// The clocks are those of ClockNames and every clock of the statute table,
	// which must itself be in ClockNames.
	clocks := slices.Clone(ClockNames)
	for _, r := range Statute {
		if !slices.Contains(ClockNames, r.Clock) {
			t.Errorf("clock %s of %s is not in ClockNames", r.Clock, r.Basis)
			clocks = append(clocks, r.Clock)
		}
	}
	for _, tc := range []struct {
		what   string
		names  []string
		label  func(string) string
		labels []string // the names labels.go has a label for
	}{
		{"kind", strs(Kinds), func(n string) string { return Kind(n).Label() }, keys(kindLabels)},
		{"state", strs(States), func(n string) string { return State(n).Label() }, keys(stateLabels)},
		{"event", strs(Events), func(n string) string { return Event(n).Label() }, keys(eventLabels)},
		{"clock", strs(clocks), func(n string) string { return ClockName(n).Label() }, keys(clockNameLabels)},
	} {
		if len(tc.names) == 0 {
			t.Errorf("no %s to check", tc.what)
		}
		for _, n := range tc.names {
			if l := tc.label(n); l == "" || l == n {
				t.Errorf("%s %q has no Vietnamese label", tc.what, n)
			}
		}
		for _, n := range tc.labels {
			if !slices.Contains(tc.names, n) {
				t.Errorf("%s label for %q, which is not a %s", tc.what, n, tc.what)
			}
		}
	}
}

func strs[S ~string](xs []S) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func keys[K ~string](m map[K]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, string(k))
	}
	return out
}

// A new kind without a tracking-code prefix would hand out codes that begin
// with the year: every kind has two capital letters of its own.
func TestEveryKindHasATrackingPrefix(t *testing.T) {
	seen := map[string]Kind{}
	for _, k := range Kinds {
		p := k.TrackingPrefix()
		if len(p) != 2 || strings.ToUpper(p) != p {
			t.Errorf("kind %s has tracking prefix %q, want two capital letters", k, p)
		}
		if other, taken := seen[p]; taken {
			t.Errorf("kinds %s and %s share the tracking prefix %q", other, k, p)
		}
		seen[p] = k
	}
}
