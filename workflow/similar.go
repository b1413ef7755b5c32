package workflow

import "strings"

// SimilarSubjects reports whether two letter subjects are likely about the same
// matter: after folding diacritics, at least half of the distinct words of the
// shorter one appear in the other.
func SimilarSubjects(a, b string) bool {
	wa, wb := wordSet(Fold(a)), wordSet(Fold(b))
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return 2*shared >= len(wa)
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		if len(w) > 1 { // one-letter words carry no meaning here
			out[w] = true
		}
	}
	return out
}
