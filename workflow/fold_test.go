package workflow

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Fold folds Latin text rune by rune (foldLatin) and anything else through
// the normalisation chain (foldSlow); both must agree wherever the fast path answers.

func TestFoldRuneByRuneAgreesWithTheChain(t *testing.T) {
	var all []rune
	for _, block := range foldBlocks {
		for r := block[0]; r <= block[1]; r++ {
			all = append(all, r)
		}
	}
	all = append(all, []rune("aAzZ09 \t\n\v\f\r\x00\x7f.,;-đĐ")...)
	check := func(s string) {
		t.Helper()
		if got, ok := foldLatin(s); ok && got != foldSlow(s) {
			t.Fatalf("Fold(%q) = %q by rune, %q by the chain", s, got, foldSlow(s))
		}
	}
	for _, r := range all {
		check(string(r))
		check(" x" + string(r) + "Y ")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(all[rng.IntN(len(all))])
		}
		check(b.String())
	}
	for _, s := range []string{"Nguyễn Văn Đức", "  ĐẶNG   Thị\u00a0Kim  Oanh ", "Nguye\u0302\u0303n", "Ông Bo Bo Thanh",
		"Quyết định số 12/QĐ-UBND ngày 01/02/2026 – “công khai”…"} {
		got, ok := foldLatin(s)
		if !ok || got != foldSlow(s) {
			t.Errorf("Fold(%q) = %q, %v by rune, %q by the chain", s, got, ok, foldSlow(s))
		}
	}
	for _, s := range []string{"bad \xff utf8", "中文", "\ufffd"} {
		if _, ok := foldLatin(s); ok {
			t.Errorf("foldLatin(%q) answered; the chain must", s)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Nguyễn Văn Đức", "e\u0301\u0302", " a  b ", "\xe1\xba", "İstanbul ǅ ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := foldLatin(s); ok && got != foldSlow(s) {
			t.Fatalf("Fold(%q) = %q by rune, %q by the chain", s, got, foldSlow(s))
		}
	})
}

func TestSearchFold(t *testing.T) {
	for in, want := range map[string]string{
		"BỒI THƯỜNG":                               "boi thuong",
		"bo\u0302\u0300i thu\u031bo\u031b\u0300ng": "boi thuong", // NFD
		"Đường":                                    "duong",
		"đất đai, nhà-ở (số 5/QĐ)":                 "dat dai nha o so 5 qd",
		"KN26-7GQ4M2XPB9RT":                        "kn26 7gq4m2xpb9rt",
		"  --  ":                                   "",
		"Москва Ёж":                                "москва еж",
	} {
		if got := SearchFold(in); got != want {
			t.Errorf("SearchFold(%q) = %q, want %q", in, got, want)
		}
	}
}
