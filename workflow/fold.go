package workflow

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold makes Vietnamese text comparable without diacritics: đ/Đ first (NFD
// does not split it), then marks stripped, lower case, spaces collapsed
// (STYLE.md: Vietnamese text). "Nguyễn Văn Đức" → "nguyen van duc".
func Fold(s string) string {
	if out, ok := foldLatin(s); ok {
		return out
	}
	return foldSlow(s)
}

// foldSlow is Fold by the book: the normalisation chain over the whole text.
func foldSlow(s string) string {
	s = strings.NewReplacer("đ", "d", "Đ", "D").Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.Join(strings.Fields(strings.ToLower(out)), " ")
}

// foldBlocks are the Latin blocks, the combining marks and the general
// punctuation. In them every combining mark is nonspacing and no two
// remaining letters compose, so folding a text of these runes one by one
// gives what the normalisation chain gives for the whole text.
var foldBlocks = [...][2]rune{{0x80, 0x36F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}}

// foldTable holds what Fold makes of each rune of foldBlocks alone, block
// after block; built on first use.
var foldTable = sync.OnceValue(func() *[len(foldBlocks)][]foldedRune {
	var t [len(foldBlocks)][]foldedRune
	chain := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	for i, block := range foldBlocks {
		t[i] = make([]foldedRune, block[1]-block[0]+1)
		for r := block[0]; r <= block[1]; r++ {
			s := strings.NewReplacer("đ", "d", "Đ", "D").Replace(string(r))
			if out, _, err := transform.String(chain, s); err == nil {
				t[i][r-block[0]] = foldedRune{strings.ToLower(out), true}
			}
		}
	}
	return &t
})

type foldedRune struct {
	s  string
	ok bool
}

// folded is what Fold makes of r alone; false outside foldBlocks.
func folded(r rune) (string, bool) {
	for i, block := range foldBlocks {
		if block[0] <= r && r <= block[1] {
			f := foldTable()[i][r-block[0]]
			return f.s, f.ok
		}
	}
	return "", false
}

// foldLatin is Fold rune by rune through foldTable; false when the text
// holds a rune outside it (or is not valid UTF-8).
func foldLatin(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending: written before the next non-space
	add := func(r rune) {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			return
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			add(rune(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		f, ok := folded(r)
		if !ok {
			return "", false
		}
		for _, x := range f {
			add(x)
		}
		i += size
	}
	return b.String(), true
}

// SearchFold is Fold for search (README: "Searching"): the stored folded text
// of a case and the words of a query both go through it. Every run of
// characters that are neither letters nor digits becomes one space, so
// "KN26-7GQ4M2XPB9RT" folds to "kn26 7gq4m2xpb9rt" and "BỒI THƯỜNG," to
// "boi thuong".
func SearchFold(s string) string {
	return strings.Join(SearchWords(s), " ")
}

// SearchWords are the words of SearchFold(s).
func SearchWords(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
