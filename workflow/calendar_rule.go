package workflow

import (
	"sort"
	"time"
)

// Sources of the days the law fixes by itself (BLLĐ 2019).
const (
	srcHoliday      = "Điều 112 BLLĐ 2019"
	srcCompensatory = "khoản 3 Điều 111 BLLĐ 2019"
)

// lawYear proposes the days off of a year whose calendar the Prime Minister
// has not yet decreed, from the rule of BLLĐ 2019 alone:
//   - the fixed holidays of Art. 112(1): 01/01, 30/04, 01/05, 02/09, and
//     10/3 lunar (Giỗ Tổ Hùng Vương) from the Vietnamese lunar calendar;
//   - Tết Âm lịch, 5 days (Art. 112(1)(b)): two days before 1/1 lunar to two
//     days after, the span the Prime Minister chose every year 2020–2026;
//   - the day adjacent to 02/09 (Art. 112(1)(đ)): the day after when 02/09
//     is a Sunday, Monday or Thursday (2021, 2024), else the day before
//     (2022, 2023, 2025, 2026), so that the break joins a weekend;
//   - for each of those days on a weekend, the next working day (Art. 111(3)).
//
// Tết and the day beside 02/09 are the Prime Minister's to fix (Art. 112(3)):
// those days and their compensatory days are Provisional. Swaps of working
// days are never guessed.
func lawYear(year int) []CalendarDay {
	tet := TetDay(year)
	tetName := "Tết Nguyên đán " + canChi(year)
	adjacent := D(year, time.September, 1)
	if wd := D(year, time.September, 2).Weekday(); wd == time.Sunday || wd == time.Monday || wd == time.Thursday {
		adjacent = D(year, time.September, 3)
	}
	holidays := []CalendarDay{
		{Day: D(year, time.January, 1), Name: "Tết Dương lịch"},
		{Day: HungKingsDay(year), Name: "Giỗ Tổ Hùng Vương"},
		{Day: D(year, time.April, 30), Name: "Ngày Chiến thắng"},
		{Day: D(year, time.May, 1), Name: "Quốc tế Lao động"},
		{Day: D(year, time.September, 2), Name: "Quốc khánh"},
		{Day: adjacent, Name: "Quốc khánh – ngày liền kề", Provisional: true},
	}
	for i := -2; i <= 2; i++ {
		holidays = append(holidays, CalendarDay{Day: tet.AddDays(i), Name: tetName, Provisional: true})
	}
	sort.Slice(holidays, func(i, j int) bool { return holidays[i].Day.Before(holidays[j].Day) })
	return compensate(holidays)
}

// compensate gives each holiday on a weekend the next working day that is
// neither a holiday nor already a compensatory day (BLLĐ 2019 Art. 111(3)),
// and returns the holidays on weekdays with those compensatory days, in order.
func compensate(holidays []CalendarDay) []CalendarDay {
	taken := make(map[Date]bool, len(holidays))
	for _, h := range holidays {
		taken[h.Day] = true
	}
	var out []CalendarDay
	for _, h := range holidays {
		h.Kind, h.Source = DayOff, srcHoliday
		if !isWeekend(h.Day) {
			out = append(out, h)
			continue
		}
		d := h.Day.AddDays(1)
		for isWeekend(d) || taken[d] {
			d = d.AddDays(1)
		}
		taken[d] = true
		out = append(out, CalendarDay{Day: d, Kind: DayOff, Name: "Nghỉ bù " + h.Name,
			Source: srcCompensatory, Provisional: h.Provisional})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out
}

func isWeekend(d Date) bool { wd := d.Weekday(); return wd == time.Saturday || wd == time.Sunday }

// canChi names a lunar year by its stem and branch, as Tết is called
// ("Bính Ngọ" for 2026).
func canChi(year int) string {
	can := [...]string{"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"}
	chi := [...]string{"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"}
	return can[(year+6)%10] + " " + chi[(year+8)%12]
}
