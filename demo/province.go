package demo

import (
	"strings"

	"petitions/workflow"
)

// moreCommunes are further communes and wards of the province after the
// merger, for a data set the size of a whole province (the benchmark's).
// Their officials and hamlets are drawn by the loader.
var moreCommunes = []struct {
	name   string
	remote bool // in the mountains: longer complaint resolution (LKN 28, 37)
	ninh   bool // formerly Ninh Thuận: its residents' IDs open with 058
}{
	{"Phường Bắc Nha Trang", false, false}, {"Phường Tây Nha Trang", false, false},
	{"Phường Nam Nha Trang", false, false}, {"Phường Bắc Cam Ranh", false, false},
	{"Phường Cam Ranh", false, false}, {"Phường Ba Ngòi", false, false}, {"Phường Cam Linh", false, false},
	{"Phường Ninh Hòa", false, false}, {"Phường Đông Ninh Hòa", false, false}, {"Phường Hòa Thắng", false, false},
	{"Xã Vạn Ninh", false, false}, {"Xã Vạn Thắng", false, false}, {"Xã Đại Lãnh", false, false},
	{"Xã Tu Bông", false, false}, {"Xã Vạn Hưng", false, false}, {"Xã Diên Khánh", false, false},
	{"Xã Diên Lâm", false, false}, {"Xã Diên Điền", false, false}, {"Xã Suối Hiệp", false, false},
	{"Xã Diên Thọ", false, false}, {"Xã Diên Lạc", false, false}, {"Xã Khánh Vĩnh", true, false},
	{"Xã Nam Khánh Vĩnh", true, false}, {"Xã Bắc Khánh Vĩnh", true, false}, {"Xã Trung Khánh Vĩnh", true, false},
	{"Xã Tây Khánh Vĩnh", true, false}, {"Xã Tây Khánh Sơn", true, false}, {"Xã Đông Khánh Sơn", true, false},
	{"Xã Cam An", false, false}, {"Xã Cam Hiệp", false, false}, {"Xã Suối Dầu", false, false},
	{"Xã Nam Cam Ranh", false, false}, {"Xã Tân Định", false, false}, {"Xã Hòa Trí", false, false},
	{"Xã Ninh Phước", false, true}, {"Xã Phước Hữu", false, true}, {"Xã Phước Hậu", false, true},
	{"Xã Thuận Nam", false, true}, {"Xã Cà Ná", false, true}, {"Xã Phước Hà", false, true},
	{"Xã Ninh Hải", false, true}, {"Xã Xuân Hải", false, true}, {"Xã Vĩnh Hải", false, true},
	{"Xã Thuận Bắc", false, true}, {"Xã Công Hải", false, true}, {"Xã Ninh Sơn", false, true},
	{"Xã Lâm Sơn", false, true}, {"Xã Anh Dũng", false, true}, {"Xã Mỹ Sơn", false, true},
	{"Xã Bác Ái", true, true}, {"Xã Bác Ái Đông", true, true}, {"Xã Bác Ái Tây", true, true},
	{"Phường Đô Vinh", false, true}, {"Phường Bảo An", false, true}, {"Phường Đông Hải", false, true},
	{"Phường Ninh Chử", false, true},
}

// extraCommunes draws n more communes (at most len(moreCommunes)), with
// officials named like the province's people and a few hamlets each.
func (l *loader) extraCommunes(n int) []communeSpec {
	var out []communeSpec
	for _, m := range moreCommunes[:min(n, len(moreCommunes))] {
		slug := strings.ReplaceAll(workflow.Fold(m.name), " ", "")
		slug = strings.TrimPrefix(strings.TrimPrefix(slug, "phuong"), "xa")
		c := communeSpec{slug: slug, code: "KH-" + strings.ToUpper(slug), name: m.name, title: "UBND " + lower(m.name),
			remote: m.remote, weight: l.intn(3, 10), idPrefix: "056"}
		if m.ninh {
			c.idPrefix = "058"
		}
		hamlet := "Thôn "
		if strings.HasPrefix(m.name, "Phường") {
			hamlet = "Khu phố "
		}
		for _, q := range []string{"1", "2", "3", "4"} {
			c.quarters = append(c.quarters, hamlet+q)
		}
		for i := range c.staff {
			c.staff[i] = l.personName()
		}
		out = append(out, c)
	}
	return out
}
