package demo

import (
	"fmt"
	"strings"

	"petitions/workflow"
)

// The country (issue 20): with Options.Provinces above one, Khánh Hòa is one
// of the provinces since 01/07/2025, under a national body whose supervisor
// reads them all; each other province has its People's Committee and its
// communes, with officials and letters drawn as Khánh Hòa's are. The
// benchmark generates the country's scale from it.

// CountryCode is the national body above the provinces, and CountrySupervisor
// the login of its supervisor.
const CountryCode, CountrySupervisor = "VN", "giamsat.quocgia"

// otherProvinces are the 33 provinces and cities besides Khánh Hòa (NQ
// 202/2025/QH15), with the code opening their residents' citizen IDs.
var otherProvinces = []struct{ code, name, idPrefix string }{
	{"HN", "Thành phố Hà Nội", "001"}, {"HUE", "Thành phố Huế", "046"}, {"LCH", "Tỉnh Lai Châu", "012"},
	{"DB", "Tỉnh Điện Biên", "011"}, {"SL", "Tỉnh Sơn La", "014"}, {"LS", "Tỉnh Lạng Sơn", "020"},
	{"QN", "Tỉnh Quảng Ninh", "022"}, {"TH", "Tỉnh Thanh Hóa", "038"}, {"NA", "Tỉnh Nghệ An", "040"},
	{"HT", "Tỉnh Hà Tĩnh", "042"}, {"CB", "Tỉnh Cao Bằng", "004"}, {"TQ", "Tỉnh Tuyên Quang", "008"},
	{"LC", "Tỉnh Lào Cai", "010"}, {"TN", "Tỉnh Thái Nguyên", "019"}, {"PT", "Tỉnh Phú Thọ", "025"},
	{"BN", "Tỉnh Bắc Ninh", "027"}, {"HY", "Tỉnh Hưng Yên", "033"}, {"HP", "Thành phố Hải Phòng", "031"},
	{"NB", "Tỉnh Ninh Bình", "037"}, {"QT", "Tỉnh Quảng Trị", "045"}, {"DN", "Thành phố Đà Nẵng", "048"},
	{"QNG", "Tỉnh Quảng Ngãi", "051"}, {"GL", "Tỉnh Gia Lai", "064"}, {"LD", "Tỉnh Lâm Đồng", "068"},
	{"DL", "Tỉnh Đắk Lắk", "066"}, {"HCM", "Thành phố Hồ Chí Minh", "079"}, {"DNA", "Tỉnh Đồng Nai", "075"},
	{"TNI", "Tỉnh Tây Ninh", "072"}, {"CT", "Thành phố Cần Thơ", "092"}, {"VL", "Tỉnh Vĩnh Long", "086"},
	{"DT", "Tỉnh Đồng Tháp", "087"}, {"CM", "Tỉnh Cà Mau", "096"}, {"AG", "Tỉnh An Giang", "089"},
}

// communeStems name the other provinces' communes, a number after the stem
// once the stems run out.
var communeStems = []string{"Tân Phú", "Bình An", "Hòa Bình", "Phú Lộc", "Thạnh Mỹ", "An Nhơn", "Quang Trung",
	"Đông Hòa", "Tây Sơn", "Nam Hà", "Bắc Sơn", "Vĩnh Phúc", "Long Hưng", "Thuận An", "Phước Long", "Hưng Thịnh",
	"Tân Lập", "Mỹ Thạnh", "Xuân Lộc", "Hiệp Hòa"}

// buildNation creates, for a country of n provinces, the national body
// Khánh Hòa is created under ("" for the one province).
func (l *loader) buildNation(n int) (string, error) {
	if n <= 1 {
		return "", nil
	}
	if _, err := l.s.CreateUnit(l.ctx, CountryCode, "Ban Dân nguyện (Ủy ban Thường vụ Quốc hội)", "agency", ""); err != nil {
		return "", fmt.Errorf("demo: %w", err)
	}
	return CountryCode, nil
}

// buildCountry creates the national body's supervisor and the other
// provinces (n in all, Khánh Hòa included), each with its People's Committee
// and as many communes as Khánh Hòa's agency has, and their officials.
func (l *loader) buildCountry(n, communes int) error {
	if n <= 1 {
		return nil
	}
	ctx, s := l.ctx, l.s
	users := []newUser{{login: CountrySupervisor, name: "Nguyễn Thị Quốc Giám", role: workflow.RoleSupervisor, unit: CountryCode}}
	for _, p := range otherProvinces[:min(n-1, len(otherProvinces))] {
		if _, err := s.CreateUnit(ctx, p.code, p.name, "province", CountryCode); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		short := strings.TrimPrefix(strings.TrimPrefix(p.name, "Tỉnh "), "Thành phố ")
		title := "UBND " + lower(p.name)
		unit, err := s.CreateUnit(ctx, p.code+"-UBND", title, "agency", p.code)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		agency := &office{unit: unit, title: title, weight: 56, idPrefix: p.idPrefix}
		slug := strings.ToLower(p.code)
		users = append(users,
			newUser{"tiepdan." + slug, l.personName(), workflow.RoleReception, unit.Code, &agency.reception},
			newUser{"chuyenvien." + slug, l.personName(), workflow.RoleHandler, unit.Code, &agency.handler},
			newUser{"lanhdao." + slug, l.personName(), workflow.RoleHead, unit.Code, &agency.head})
		l.provinces = append(l.provinces, agency)
		for i := range communes {
			name := "Xã " + communeStems[i%len(communeStems)]
			if i >= len(communeStems) {
				name += fmt.Sprintf(" %d", i/len(communeStems)+1)
			}
			code := fmt.Sprintf("%s-X%02d", p.code, i+1)
			cu, err := s.CreateUnit(ctx, code, name+", "+short, "commune", unit.Code)
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			o := &office{unit: cu, title: "UBND " + lower(name), weight: l.intn(3, 10), idPrefix: p.idPrefix, parent: agency}
			for _, q := range []string{"1", "2", "3", "4"} {
				o.quarters = append(o.quarters, "Thôn "+q+", "+lower(name)+", "+lower(p.name))
			}
			login := fmt.Sprintf("%sx%02d", slug, i+1)
			users = append(users,
				newUser{"tiepdan." + login, l.personName(), workflow.RoleReception, code, &o.reception},
				newUser{"chuyenvien." + login, l.personName(), workflow.RoleHandler, code, &o.handler},
				newUser{"chutich." + login, l.personName(), workflow.RoleHead, code, &o.head})
			l.communes = append(l.communes, o)
			agency.quarters = append(agency.quarters, o.quarters...)
		}
	}
	return l.createUsers(users)
}
