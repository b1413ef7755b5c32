package workflow

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold makes Vietnamese text comparable without diacritics: đ/Đ first (NFD
// does not split it), then marks stripped, lower case, spaces collapsed
// (STYLE.md: Vietnamese text). "Nguyễn Văn Đức" → "nguyen van duc".
func Fold(s string) string {
	s = strings.NewReplacer("đ", "d", "Đ", "D").Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.Join(strings.Fields(strings.ToLower(out)), " ")
}

// RevealsIdentity reports whether a text meant for the public names the person
// (by full name or ID number), compared with diacritics folded (LTC 2018 Art. 8(3)).
func RevealsIdentity(text, name, idNumber string) bool {
	folded := Fold(text)
	if n := Fold(name); len(strings.Fields(n)) >= 2 && strings.Contains(folded, n) {
		return true
	}
	id := strings.TrimSpace(idNumber)
	return len(id) >= 6 && strings.Contains(strings.ReplaceAll(text, " ", ""), id)
}
