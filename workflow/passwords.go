package workflow

import (
	"unicode"
	"unicode/utf8"
)

// The password rule for the passwords officials choose, and administrators
// give (issue 19): at least MinPasswordChars characters, a letter and a digit
// among them, and no more than bcrypt reads (72 bytes).
const (
	MinPasswordChars = 10
	MaxPasswordBytes = 72
)

// CheckNewPassword refuses a password the rule does not allow, naming the field.
func CheckNewPassword(field, password string) error {
	letter, digit := false, false
	for _, r := range password {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	if utf8.RuneCountInString(password) < MinPasswordChars || len(password) > MaxPasswordBytes || !letter || !digit {
		return Invalid(field, "mật khẩu cần từ %d ký tự (tối đa %d byte), có cả chữ và số", MinPasswordChars, MaxPasswordBytes)
	}
	return nil
}
