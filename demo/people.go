package demo

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"petitions/store"
)

var (
	surnames = []string{"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
		"Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lưu", "Châu"}
	maleMiddles   = []string{"Văn", "Văn", "Hữu", "Minh", "Quốc", "Đức", "Thanh", "Công", "Xuân"}
	femaleMiddles = []string{"Thị", "Thị", "Thị Thu", "Thị Kim", "Ngọc", "Thị Mỹ", "Thanh", "Thị Bích"}
	maleNames     = []string{"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Lâm", "Long",
		"Lực", "Nam", "Nghĩa", "Phúc", "Quang", "Sang", "Tài", "Thắng", "Toàn", "Trung", "Tuấn", "Vĩnh"}
	femaleNames = []string{"Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga",
		"Nhung", "Oanh", "Phượng", "Sương", "Thảo", "Trang", "Tuyết", "Vân", "Xuân", "Yến"}
	// Raglai family names of the mountain commune of Khánh Sơn.
	raglaiSurnames = []string{"Mấu", "Bo Bo", "Cao", "Pi Năng", "Katơr"}
)

// person makes a petitioner living in the office's area: a Vietnamese name, a
// 12-digit citizen ID (province code, sex and century, year of birth, serial),
// a mobile number and an address.
func (l *loader) person(o *office) store.Petitioner {
	female := l.chance(0.45)
	sur := pick(l, surnames)
	if o.unit.Code == "KH-KHANHSON" && l.chance(0.6) {
		sur = pick(l, raglaiSurnames)
	}
	name := sur + " " + l.givenName(female)
	return store.Petitioner{Name: name, IDNumber: l.idNumber(o.idPrefix, female),
		Phone:   fmt.Sprintf("%s%07d", pick(l, []string{"090", "091", "093", "097", "098", "035", "038", "083"}), l.rng.IntN(1e7)),
		Address: fmt.Sprintf("%s, tỉnh Khánh Hòa", pick(l, o.quarters))}
}

// givenName is a middle and a given name.
func (l *loader) givenName(female bool) string {
	if female {
		return pick(l, femaleMiddles) + " " + pick(l, femaleNames)
	}
	return pick(l, maleMiddles) + " " + pick(l, maleNames)
}

// personName is a full name, of a man or a woman.
func (l *loader) personName() string { return pick(l, surnames) + " " + l.givenName(l.chance(0.45)) }

// idNumber is a citizen ID (căn cước): 3 digits of the province of birth, one
// for sex and century, two for the year of birth, six of serial.
func (l *loader) idNumber(province string, female bool) string {
	year := l.intn(1948, 2005)
	code := (year/100 - 19) * 2
	if female {
		code++
	}
	return fmt.Sprintf("%s%d%02d%06d", province, code, year%100, l.rng.IntN(1e6))
}

// lower lowers the first letter: "Phường Nha Trang" → "phường Nha Trang".
func lower(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
