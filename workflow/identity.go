package workflow

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// PersonalData is what identifies a petitioner in a text meant for the public
// (LTC 2018 Art. 8(3); DOMAIN.md §4: name, address, contact, ID number).
type PersonalData struct {
	Name, IDNumber, Phone, Address string
}

// The kinds of personal data IdentityIn names: what a refusal tells the
// official, never the data itself.
const (
	IdentityName    = "họ tên"
	IdentityNumber  = "số định danh"
	IdentityPhone   = "số điện thoại"
	IdentityAddress = "địa chỉ"
)

// minNumberDigits is the fewest digits a number must have to be looked for:
// shorter ones (an old landline's local part, a house number) turn up by
// chance in dates, amounts and decision numbers.
const minNumberDigits = 9

// IdentityIn reports which kinds of p's personal data text reveals, in the
// order name, ID number, phone, address; nil when none.
//
// Numbers are compared on their digits alone: the text's digits are read in
// runs that punctuation, spaces and invisible characters do not break (only a
// letter does), so 079.185.001.234, 079-185-001-234 and 079 185 001 234 with
// non-breaking or zero-width spaces are all 079185001234. A phone is matched
// on its national part (without 0 or 84), so +84 905 000 111 and 0905000111
// are one number. A number of fewer than nine digits is not looked for.
//
// The name (at least two words) and the address (at least two words) are
// folded (NFC, lower case, đ→d, marks stripped); every rune that is not a
// letter, digit or mark — punctuation, spaces, controls, format characters
// such as zero-width spaces and bidi controls — is a separator. They match
// when their letters appear in the text's letters in order with nothing but
// separators between them, starting and ending on a word boundary: so
// "Nguyễn-Văn.An", "Nguy\u200bễn Văn An" and "NGUYỄN VĂN AN" are the name,
// while "Nguyễn Văn Anh" is not.
func IdentityIn(text string, p PersonalData) []string {
	var kinds []string
	t := foldWords(text)
	if name := foldWords(p.Name); name.words >= 2 && t.contains(name) {
		kinds = append(kinds, IdentityName)
	}
	runs := digitRuns(text)
	if id := digitsOf(p.IDNumber); len(id) >= minNumberDigits && runs.contains(id) {
		kinds = append(kinds, IdentityNumber)
	}
	if phone := nationalNumber(digitsOf(p.Phone)); len(phone) >= minNumberDigits && runs.contains(phone) {
		kinds = append(kinds, IdentityPhone)
	}
	if addr := foldWords(p.Address); addr.words >= 2 && t.contains(addr) {
		kinds = append(kinds, IdentityAddress)
	}
	return kinds
}

// isSeparator reports whether r separates words for IdentityIn: anything but
// a letter, a digit or a combining mark (which Fold strips). This covers the
// categories P, Z, S, Cc and Cf, so zero-width characters (U+200B–200D,
// U+2060, U+FEFF), the soft hyphen and the bidi controls (U+202A–202E,
// U+2066–2069) are separators too.
func isSeparator(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
}

// foldedWords is a text folded for matching: its letters and digits without
// separators, with where each word starts.
type foldedWords struct {
	letters string
	starts  map[int]bool // byte offsets in letters where a word starts (and the previous one ended)
	words   int
}

func foldWords(s string) foldedWords {
	s = strings.Map(func(r rune) rune {
		if isSeparator(r) {
			return ' '
		}
		return r
	}, norm.NFC.String(s))
	f := foldedWords{starts: map[int]bool{}}
	var b strings.Builder
	for _, w := range strings.Fields(Fold(s)) {
		f.starts[b.Len()] = true
		b.WriteString(w)
		f.words++
	}
	f.letters = b.String()
	f.starts[b.Len()] = true
	return f
}

// contains reports whether w's letters occur in f starting and ending on word boundaries.
func (f foldedWords) contains(w foldedWords) bool {
	if w.letters == "" {
		return false
	}
	for from := 0; from+len(w.letters) <= len(f.letters); {
		i := strings.Index(f.letters[from:], w.letters)
		if i < 0 {
			return false
		}
		i += from
		if f.starts[i] && f.starts[i+len(w.letters)] {
			return true
		}
		from = i + 1
	}
	return false
}

// digitsOf is the ASCII digits of s (after NFKC, so full-width digits count), in order.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		if '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nationalNumber strips a Vietnamese phone number's trunk prefix 0 or
// country code 84, keeping the part both spellings share.
func nationalNumber(d string) string {
	switch {
	case strings.HasPrefix(d, "84") && len(d) >= 11:
		return d[2:]
	case strings.HasPrefix(d, "0"):
		return d[1:]
	}
	return d
}

type runs []string

// digitRuns splits a text into runs of digits that only letters interrupt.
func digitRuns(s string) runs {
	var out runs
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range norm.NFKC.String(s) {
		switch {
		case '0' <= r && r <= '9':
			b.WriteRune(r)
		case unicode.IsLetter(r):
			flush()
		}
	}
	flush()
	return out
}

func (rs runs) contains(d string) bool {
	for _, r := range rs {
		if strings.Contains(r, d) {
			return true
		}
	}
	return false
}

// PersonalDataIn refuses a text meant for the public that reveals p, naming
// the field and the kinds of data found, never the data (CodePersonalData).
func PersonalDataIn(field, text string, p PersonalData) error {
	kinds := IdentityIn(text, p)
	if kinds == nil {
		return nil
	}
	return &Error{Code: CodePersonalData, Field: field,
		Message: "nội dung công khai không được nêu " + strings.Join(kinds, ", ") + " của người gửi đơn"}
}

// ValidIDNumber reports whether s is a personal identification number as the
// desk and the API accept it: 12 digits (căn cước công dân, CCCD) or 9 (the
// old chứng minh nhân dân, CMND), nothing else.
func ValidIDNumber(s string) bool {
	if len(s) != 12 && len(s) != 9 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
