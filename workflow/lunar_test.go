package workflow

import (
	"strings"
	"testing"
)

// TestLunarKnownDays checks the computation against the published Vietnamese
// calendar: Tết (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar), 2024–2030.
func TestLunarKnownDays(t *testing.T) {
	for _, tc := range []struct {
		year      int
		tet, hung string
	}{
		{2024, "2024-02-10", "2024-04-18"},
		{2025, "2025-01-29", "2025-04-07"},
		{2026, "2026-02-17", "2026-04-26"},
		{2027, "2027-02-06", "2027-04-16"},
		{2028, "2028-01-26", "2028-04-04"},
		{2029, "2029-02-13", "2029-04-23"},
		// The new moon of 02/02/2030 comes at about 23:07 in Hanoi, 00:07 of
		// 03/02 in Beijing: Tết 2030 is 02/02 in Vietnam, 03/02 in China.
		{2030, "2030-02-02", "2030-04-12"},
	} {
		if got := TetDay(tc.year); got != date(tc.tet) {
			t.Errorf("TetDay(%d) = %s, want %s", tc.year, got, tc.tet)
		}
		if got := HungKingsDay(tc.year); got != date(tc.hung) {
			t.Errorf("HungKingsDay(%d) = %s, want %s", tc.year, got, tc.hung)
		}
	}
}

// TestLunarVietnamIsNotChina: at UTC+8 the same rules give the Chinese
// calendar, which differs from Vietnam's in 2007 and 2030 (STYLE.md).
func TestLunarVietnamIsNotChina(t *testing.T) {
	for _, tc := range []struct {
		year       int
		vn, cn     string
		month, day int
	}{
		{2007, "2007-02-17", "2007-02-18", 1, 1},
		{2030, "2030-02-02", "2030-02-03", 1, 1},
		{2026, "2026-02-17", "2026-02-17", 1, 1},
	} {
		vn, _ := lunarToSolar(tc.year, tc.month, tc.day, false, vnZone)
		cn, _ := lunarToSolar(tc.year, tc.month, tc.day, false, 8)
		if vn != date(tc.vn) || cn != date(tc.cn) {
			t.Errorf("%d/%d/%d: Vietnam %s, China %s; want %s, %s", tc.day, tc.month, tc.year, vn, cn, tc.vn, tc.cn)
		}
	}
}

// TestLunarLeapMonth: Ất Tỵ (2025) has a leap 6th month, Quý Mão (2023) a leap
// 2nd; a leap month the year lacks is refused.
func TestLunarLeapMonth(t *testing.T) {
	for _, tc := range []struct {
		year, month int
		leap        bool
		want        string
	}{
		{2025, 6, false, "2025-06-25"},
		{2025, 6, true, "2025-07-25"},
		{2025, 7, false, "2025-08-23"},
		{2023, 2, true, "2023-03-22"},
		{2023, 3, false, "2023-04-20"},
		{2025, 12, false, "2026-01-19"},
	} {
		got, ok := LunarToSolar(tc.year, tc.month, 1, tc.leap)
		if !ok || got != date(tc.want) {
			t.Errorf("LunarToSolar(%d, %d, 1, leap %v) = %s, %v; want %s", tc.year, tc.month, tc.leap, got, ok, tc.want)
		}
	}
	if _, ok := LunarToSolar(2026, 6, 1, true); ok {
		t.Error("2026 has no leap 6th month")
	}
}

// shippedYears are the years ShippedCalendar covers.
func shippedYears() []int {
	var ys []int
	for y := decreedYears[0]; y <= lastShippedYear; y++ {
		ys = append(ys, y)
	}
	return ys
}

// TestShippedHungKingsDayIsComputed: the shipped Giỗ Tổ Hùng Vương is the
// computed 10/3 lunar, or, when that is a weekend, the next working day is its
// compensatory day (BLLĐ 2019 Art. 111(3)).
func TestShippedHungKingsDayIsComputed(t *testing.T) {
	for _, y := range shippedYears() {
		day := HungKingsDay(y)
		if isWeekend(day) {
			day, _ = officialCalendar.NextWorkingDay(day.AddDays(1))
			day = day.AddDays(-1) // the compensatory day is the last day off after the weekend
		}
		e, ok := officialCalendar.Exception(day)
		if !ok || e.Kind != DayOff || !strings.Contains(e.Name, "Giỗ Tổ Hùng Vương") {
			t.Errorf("%d: 10/3 lunar is %s; shipped %s is %+v, %v", y, HungKingsDay(y), day, e, ok)
		}
	}
}

// TestShippedTetSpansComputedTet: the computed Tết day lies in a run of days
// off that holds the law's 5 days of Tết (BLLĐ 2019 Art. 112(1)(b)), each a
// weekday, as days named for that lunar year's Tết or its compensatory days.
func TestShippedTetSpansComputedTet(t *testing.T) {
	for _, y := range shippedYears() {
		tet := TetDay(y)
		first, last := tet, tet
		for !officialCalendar.IsWorkingDay(first.AddDays(-1)) {
			first = first.AddDays(-1)
		}
		for !officialCalendar.IsWorkingDay(last.AddDays(1)) {
			last = last.AddDays(1)
		}
		if officialCalendar.IsWorkingDay(tet) {
			t.Errorf("%d: Tết %s is a working day", y, tet)
			continue
		}
		name := "Tết Nguyên đán " + canChi(y)
		n := 0
		for _, e := range officialCalendar.Days() {
			if !strings.Contains(e.Name, name) {
				continue
			}
			n++
			if e.Day.Before(first) || e.Day.After(last) {
				t.Errorf("%d: %s %q lies outside the break %s–%s around Tết %s", y, e.Day, e.Name, first, last, tet)
			}
		}
		if n != 5 {
			t.Errorf("%d: %d days named %q, want the law's 5", y, n, name)
		}
	}
}

// TestShippedCalendarEntries: every entry has a name and a source; no day is
// listed twice; the days the Prime Minister has not yet fixed (Tết, the day
// beside 02/09, and their compensatory days) are provisional in the years not
// decreed, and nothing is provisional in a decreed year or among the days the
// law fixes by itself; names no longer carry "dự kiến"; every year shipped has
// its New Year's day.
func TestShippedCalendarEntries(t *testing.T) {
	decreed := map[int]bool{}
	for _, y := range decreedYears {
		decreed[y] = true
	}
	seen := map[Date]bool{}
	years := map[int]bool{}
	for _, e := range ShippedCalendar() {
		if e.Name == "" || e.Source == "" {
			t.Errorf("%s: name %q, source %q: both are required", e.Day, e.Name, e.Source)
		}
		if seen[e.Day] {
			t.Errorf("%s listed twice", e.Day)
		}
		seen[e.Day] = true
		if e.Name == "Tết Dương lịch" {
			years[e.Day.Year()] = true
		}
		if strings.Contains(e.Name, "dự kiến") {
			t.Errorf("%s %q: the Provisional flag says it", e.Day, e.Name)
		}
		pmDecides := strings.Contains(e.Name, "Tết Nguyên đán") || strings.Contains(e.Name, "ngày liền kề")
		if want := pmDecides && !decreed[e.Day.Year()]; e.Provisional != want {
			t.Errorf("%s %q: provisional %v, want %v", e.Day, e.Name, e.Provisional, want)
		}
	}
	for _, y := range shippedYears() {
		if !years[y] && !isWeekend(D(y, 1, 1)) {
			t.Errorf("%d: no Tết Dương lịch shipped", y)
		}
	}
}

// TestLawYear2027 spells out the rule for the first year not decreed.
func TestLawYear2027(t *testing.T) {
	var got []string
	for _, e := range lawYear(2027) {
		got = append(got, e.Day.String()+" "+e.Name)
	}
	want := []string{
		"2027-01-01 Tết Dương lịch",
		// Tết Sat 06/02: 04/02–08/02, the weekend given back on 09 and 10/02.
		"2027-02-04 Tết Nguyên đán Đinh Mùi",
		"2027-02-05 Tết Nguyên đán Đinh Mùi",
		"2027-02-08 Tết Nguyên đán Đinh Mùi",
		"2027-02-09 Nghỉ bù Tết Nguyên đán Đinh Mùi",
		"2027-02-10 Nghỉ bù Tết Nguyên đán Đinh Mùi",
		"2027-04-16 Giỗ Tổ Hùng Vương",
		"2027-04-30 Ngày Chiến thắng",
		"2027-05-03 Nghỉ bù Quốc tế Lao động", // 01/05 is a Saturday
		"2027-09-02 Quốc khánh",
		"2027-09-03 Quốc khánh – ngày liền kề", // 02/09 a Thursday: the Friday after
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lawYear(2027) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
