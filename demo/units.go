package demo

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"petitions/store"
	"petitions/workflow"
)

// office is a unit that handles cases, with its three officials.
type office struct {
	unit      store.Unit
	title     string  // how decisions name the unit: "UBND phường Nha Trang"
	remote    bool    // a remote area: longer complaint resolution (LKN 28, 37)
	weight    int     // its share of the letters
	idPrefix  string  // the province code opening its residents' ID numbers
	parent    *office // the province's People's Committee above a commune; nil for it
	quarters  []string
	reception store.User
	handler   store.User
	head      store.User
}

// communeSpec describes a commune or ward of the demo province and its officials.
type communeSpec struct {
	slug, code, name, title string
	remote                  bool
	weight                  int
	idPrefix                string
	quarters                []string
	staff                   [3]string // reception officer, handler, chair
}

const (
	provinceCode = "KH"
	agencyCode   = "KH-UBND"
)

// communes are the units below the demo agency since the merger of 01/07/2025:
// Phan Rang came from Ninh Thuận (ID numbers 058), the rest were Khánh Hòa's (056).
var communes = []communeSpec{
	{"nhatrang", "KH-NHATRANG", "Phường Nha Trang", "UBND phường Nha Trang", false, 14, "056",
		[]string{"Tổ dân phố Phước Hải 2", "Tổ dân phố Vĩnh Nguyên 5", "Tổ dân phố Xương Huân 3", "Tổ dân phố Tân Lập 1"},
		[3]string{"Đặng Thị Kim Oanh", "Huỳnh Văn Lộc", "Nguyễn Hữu Thành"}},
	{"camlam", "KH-CAMLAM", "Xã Cam Lâm", "UBND xã Cam Lâm", false, 11, "056",
		[]string{"Thôn Tân Lập", "Thôn Bãi Giếng", "Thôn Văn Thủy", "Thôn Cửu Lợi"},
		[3]string{"Lê Thị Bích Ngọc", "Phan Văn Tài", "Trần Quốc Hưng"}},
	{"khanhson", "KH-KHANHSON", "Xã Khánh Sơn", "UBND xã Khánh Sơn", true, 6, "056",
		[]string{"Thôn Tà Giang", "Thôn Ma O", "Thôn Suối Đá", "Thôn Hòn Dung"},
		[3]string{"Mấu Thị Hoa", "Bo Bo Thanh", "Cao Văn Sỹ"}},
	{"truongsa", "KH-TRUONGSA", "Đặc khu Trường Sa", "UBND đặc khu Trường Sa", true, 2, "056",
		[]string{"Đảo Trường Sa", "Đảo Sinh Tồn", "Đảo Song Tử Tây"},
		[3]string{"Vũ Thị Thanh Tâm", "Đỗ Minh Quân", "Hoàng Văn Chiến"}},
	{"phanrang", "KH-PHANRANG", "Phường Phan Rang", "UBND phường Phan Rang", false, 12, "058",
		[]string{"Khu phố Đạo Long", "Khu phố Đô Vinh", "Khu phố Mỹ Hương", "Khu phố Kinh Dinh"},
		[3]string{"Thập Thị Ngọc Hân", "Lưu Văn Hiếu", "Bạch Công Minh"}},
}

// agencyStaff are the five demo users of API.md, all in the demo agency.
var agencyStaff = []struct {
	login, name string
	role        workflow.Role
}{
	{"reception", "Nguyễn Thị Thu Hà", workflow.RoleReception},
	{"handler", "Trần Minh Khoa", workflow.RoleHandler},
	{"head", "Lê Quang Vinh", workflow.RoleHead},
	{"supervisor", "Phạm Thị Hồng Nhung", workflow.RoleSupervisor},
	{"admin", "Võ Đức Bảo", workflow.RoleAdmin},
}

// buildOffices creates the province, the agency, the communes (extra more
// than the five named ones) and every user; for a country of provinces
// (buildCountry), the national body above them and the other provinces too.
func (l *loader) buildOffices(extra, provinces int) error {
	ctx, s := l.ctx, l.s
	nation, err := l.buildNation(provinces)
	if err != nil {
		return err
	}
	if _, err := s.CreateUnit(ctx, provinceCode, "Tỉnh Khánh Hòa", "province", nation); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	unit, err := s.CreateUnit(ctx, agencyCode, "UBND tỉnh Khánh Hòa", "agency", provinceCode)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	l.agency = &office{unit: unit, title: "UBND tỉnh Khánh Hòa", weight: 56, idPrefix: "056"}
	var users []newUser
	for _, st := range agencyStaff {
		u := newUser{login: st.login, name: st.name, role: st.role, unit: agencyCode}
		switch st.role {
		case workflow.RoleReception:
			u.into = &l.agency.reception
		case workflow.RoleHandler:
			u.into = &l.agency.handler
		case workflow.RoleHead:
			u.into = &l.agency.head
		}
		users = append(users, u)
	}
	for _, c := range append(communes[:len(communes):len(communes)], l.extraCommunes(extra)...) {
		unit, err := s.CreateUnit(ctx, c.code, c.name, "commune", agencyCode)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		o := &office{unit: unit, title: c.title, remote: c.remote, weight: c.weight, idPrefix: c.idPrefix, parent: l.agency}
		for _, q := range c.quarters {
			o.quarters = append(o.quarters, q+", "+lower(c.name))
		}
		users = append(users,
			newUser{"tiepdan." + c.slug, c.staff[0], workflow.RoleReception, c.code, &o.reception},
			newUser{"chuyenvien." + c.slug, c.staff[1], workflow.RoleHandler, c.code, &o.handler},
			newUser{"chutich." + c.slug, c.staff[2], workflow.RoleHead, c.code, &o.head})
		l.communes = append(l.communes, o)
		l.agency.quarters = append(l.agency.quarters, o.quarters...)
	}
	if err := l.createUsers(users); err != nil {
		return err
	}
	return l.buildCountry(provinces, len(l.communes))
}

// newUser is a user to create; into receives it.
type newUser struct {
	login, name string
	role        workflow.Role
	unit        string
	into        *store.User
}

// createUsers creates the users a few at a time: hashing the password is most
// of the work (bcrypt), and CreateUser hashes outside its transaction. Only
// the users' ids depend on the order the writes land in.
func (l *loader) createUsers(users []newUser) error {
	errs := make([]error, len(users))
	sem := make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i, nu := range users {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			u, err := l.s.CreateUser(l.ctx, nu.login, nu.name, nu.role, nu.unit, Password)
			if err != nil {
				errs[i] = fmt.Errorf("demo: user %s: %w", nu.login, err)
			} else if nu.into != nil {
				*nu.into = u
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// offices are the agency, the other provinces' agencies, then the communes.
func (l *loader) offices() []*office {
	return append(append([]*office{l.agency}, l.provinces...), l.communes...)
}

// pickOffice chooses the office a new letter goes to, by weight. The
// offices' running totals are made once: a country has some 3,300 of them,
// and a million letters to place.
func (l *loader) pickOffice() *office {
	if l.weights == nil {
		l.weighed = l.offices()
		total := 0
		for _, o := range l.weighed {
			total += o.weight
			l.weights = append(l.weights, total)
		}
	}
	n := l.rng.IntN(l.weights[len(l.weights)-1])
	i, _ := slices.BinarySearch(l.weights, n+1) // the first office whose running total passes n
	return l.weighed[i]
}
