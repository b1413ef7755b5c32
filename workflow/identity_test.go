package workflow

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// The identity check guards every text that reaches the public (LTC 2018
// Art. 8(3)): a disclosure must not name the petitioner, however the name or
// number is spelt.

var testPerson = PersonalData{Name: "Nguyễn Văn An", IDNumber: "079185001234", Phone: "0905 000 111",
	Address: "số 5 đường Lê Thánh Tôn, Nha Trang"}

func TestIdentityInFindsEverySpelling(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		// names
		{"Ông Nguyễn Văn An khiếu nại", []string{IdentityName}},
		{"ông NGUYỄN VĂN AN khiếu nại", []string{IdentityName}},
		{"ông nguyen van an", []string{IdentityName}},
		{"Ông " + norm.NFD.String("Nguyễn Văn An"), []string{IdentityName}},
		{"Ông Nguyễn-Văn.An khiếu nại", []string{IdentityName}},
		{"Ông Nguy\u200bễn Văn An khiếu nại", []string{IdentityName}},
		{"Ông Nguyễn\u00a0Văn\u2009An", []string{IdentityName}},
		{"Ông Nguyễn\u202eVăn\u2066An", []string{IdentityName}},
		{"Ông N.g.u.y.ễ.n V.ă.n A.n", []string{IdentityName}},
		{"Ông Nguyễn\u00adVăn\ufeffAn", []string{IdentityName}},
		{"Ông Nguyễn_Văn_An", []string{IdentityName}},
		{"(Nguyễn Văn An)", []string{IdentityName}},
		{"Ông NguyễnVănAn", []string{IdentityName}},
		{"Ông Nguyễn\tVăn\nAn", []string{IdentityName}},
		{"Ông Nguyên Văn Ăn", []string{IdentityName}}, // folded, the marks are gone
		// ID numbers
		{"CCCD 079185001234", []string{IdentityNumber}},
		{"CCCD số 079.185.001.234 cấp ngày", []string{IdentityNumber}},
		{"CCCD 079-185-001-234", []string{IdentityNumber}},
		{"CCCD 079\u00a0185\u00a0001\u00a0234", []string{IdentityNumber}},
		{"CCCD 079\u200b185\u200b001\u200b234", []string{IdentityNumber}},
		{"CCCD ０７９１８５００１２３４", []string{IdentityNumber}},
		{"CCCD 079 185 001 234.", []string{IdentityNumber}},
		// phones
		{"liên hệ 0905000111", []string{IdentityPhone}},
		{"liên hệ 0905.000.111", []string{IdentityPhone}},
		{"liên hệ +84 905 000 111", []string{IdentityPhone}},
		{"liên hệ (+84) 905-000-111", []string{IdentityPhone}},
		{"liên hệ 090\u2060500\u20600111", []string{IdentityPhone}},
		// address
		{"ở số 5 đường Lê Thánh Tôn, Nha Trang", []string{IdentityAddress}},
		{"ở SỐ 5 ĐƯỜNG LÊ THÁNH TÔN - NHA TRANG", []string{IdentityAddress}},
		// several at once, in a fixed order
		{"Nguyễn Văn An (0905000111), CCCD 079185001234, số 5 đường Lê Thánh Tôn Nha Trang",
			[]string{IdentityName, IdentityNumber, IdentityPhone, IdentityAddress}},
		// not the person
		{"Ông Nguyễn Văn Anh khiếu nại", nil},
		{"Bà Nguyễn Thị An khiếu nại", nil},
		{"Quyết định số 12/QĐ-UBND ngày 05/11/2026 giữ nguyên quyết định bồi thường", nil},
		{"Khiếu nại đúng một phần; giao UBND thành phố Nha Trang xem xét lại", nil},
		{"số tiền 79.185.001 đồng", nil},
		{"CCCD 079185001235", nil},
		{"Nguyễn Văn Anna", nil},
		{"đường Lê Thánh Tôn", nil},
	}
	for _, c := range cases {
		if got := IdentityIn(c.text, testPerson); !slices.Equal(got, c.want) {
			t.Errorf("IdentityIn(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestIdentityInIgnoresWhatCannotIdentify(t *testing.T) {
	for _, p := range []PersonalData{
		{Name: "An"},                           // one word: too common to refuse a text for
		{IDNumber: "12345678"},                 // fewer than nine digits
		{Phone: "3822 111"},                    // a local number: seven digits
		{Address: "Nha"},                       // one word
		{Name: " \u200b ", Address: "\u202e "}, // nothing at all
	} {
		text := "An ở Nha Trang, số 12345678, gọi 3822 111 ngày 05/11/2026"
		if got := IdentityIn(text, p); got != nil {
			t.Errorf("IdentityIn(%q, %+v) = %q, want none", text, p, got)
		}
	}
}

// identitySeparators are what a writer (or a tool) may put inside a name or
// number without changing what a reader sees in it.
var identitySeparators = []string{".", "-", " ", "/", ",", "_", "·", "\u00a0", "\u2009", "\u3000", "\t", "\n",
	"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202a", "\u202e", "\u2066", "\u2069", "\x00", "\x7f"}

// scatter inserts identitySeparators into s: ins is read as pairs (where, which).
func scatter(s string, ins []byte) string {
	rs := []rune(s)
	for i := 0; i+1 < len(ins) && i < 64; i += 2 {
		at := int(ins[i]) % (len(rs) + 1)
		sep := []rune(identitySeparators[int(ins[i+1])%len(identitySeparators)])
		rs = append(rs[:at], append(sep, rs[at:]...)...)
	}
	return string(rs)
}

func FuzzDisclosureCheck(f *testing.F) {
	f.Add(uint8(0), []byte{3, 0}, false, false)
	f.Add(uint8(1), []byte{6, 1, 3, 0, 9, 14}, true, false)
	f.Add(uint8(2), []byte{4, 16, 2, 7}, false, true)
	f.Add(uint8(3), []byte{}, true, true)
	people := []PersonalData{testPerson,
		{Name: "Đặng Thị Kim Oanh", IDNumber: "056190001234", Phone: "+84 258 3822 111", Address: "thôn Phú Bình, xã Ninh Hòa"},
		{Name: "Lê Na", IDNumber: "201234567", Phone: "0912345678", Address: "Cam Ranh"}}
	f.Fuzz(func(t *testing.T, which uint8, ins []byte, upper, nfd bool) {
		p := people[int(which)%len(people)]
		spell := func(s string) string {
			if upper {
				s = strings.ToUpper(s)
			}
			if nfd {
				s = norm.NFD.String(s)
			}
			return scatter(s, ins)
		}
		for _, c := range []struct{ kind, value string }{{IdentityName, p.Name}, {IdentityNumber, p.IDNumber},
			{IdentityPhone, p.Phone}, {IdentityAddress, p.Address}} {
			if len(strings.Fields(c.value)) < 2 && (c.kind == IdentityName || c.kind == IdentityAddress) {
				continue
			}
			text := "Kết luận: ông/bà " + spell(c.value) + " được trả lời theo quy định."
			if got := IdentityIn(text, p); !slices.Contains(got, c.kind) {
				t.Fatalf("%s not found in %+q: got %q", c.kind, text, got)
			}
		}
	})
}
