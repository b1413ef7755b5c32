package workflow

import (
	"reflect"
	"testing"
)

// officialCalendar is the shipped calendar every test counts with.
var officialCalendar = NewCalendar(ShippedCalendar())

// date is MustDate, short for tables.
func date(s string) Date { return MustDate(s) }

// dates turns literals into Dates (nil for none, so it compares with an empty skip list).
func dates(ss ...string) []Date {
	if len(ss) == 0 {
		return nil
	}
	out := make([]Date, len(ss))
	for i, s := range ss {
		out[i] = MustDate(s)
	}
	return out
}

func TestCalendarIsWorkingDay(t *testing.T) {
	for _, tc := range []struct {
		day  string
		want bool
		why  string
	}{
		{"2026-11-25", true, "an ordinary Wednesday"},
		{"2026-11-28", false, "Saturday"},
		{"2026-11-29", false, "Sunday"},
		{"2026-01-01", false, "Tết Dương lịch"},
		{"2026-02-13", true, "Friday before Tết 2026"},
		{"2026-02-16", false, "Tết 2026, first weekday off"},
		{"2026-02-20", false, "Tết 2026, last weekday off"},
		{"2026-02-23", true, "first working day after Tết 2026"},
		{"2026-04-26", false, "Hùng Kings' day 2026 falls on a Sunday"},
		{"2026-04-27", false, "compensatory day for Hùng Kings' day (BLLĐ 111(3))"},
		{"2026-04-28", true, "Tuesday after the compensatory day"},
		{"2026-04-30", false, "Reunification day"},
		{"2026-05-01", false, "Labour day"},
		{"2026-09-02", false, "National day"},
		{"2025-04-26", true, "Saturday made a working day (swap for 02/05/2025)"},
		{"2025-05-02", false, "Friday swapped off"},
		{"2025-04-07", false, "Hùng Kings' day 2025"},
		{"2025-04-27", false, "Sunday after the swapped Saturday"},
		{"2026-01-02", false, "Friday swapped off (VPCP 12729/VPCP-KGVX)"},
		{"2026-01-10", true, "Saturday worked in exchange for 02/01/2026"},
		{"2026-08-22", true, "Saturday worked in exchange for 31/08/2026"},
		{"2026-08-31", false, "Monday swapped off for Quốc khánh 2026"},
		{"2026-09-01", false, "the day beside Quốc khánh 2026"},
		{"2026-09-03", true, "Thursday after Quốc khánh 2026"},
		{"2027-04-15", true, "Thursday before Hùng Kings' day 2027"},
		{"2027-04-16", false, "Hùng Kings' day 2027 (10/3 lunar)"},
		{"2028-01-03", false, "compensatory day for 01/01/2028, a Saturday"},
		{"2028-01-26", false, "Tết 2028 (provisional)"},
	} {
		if got := officialCalendar.IsWorkingDay(date(tc.day)); got != tc.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v (%s)", tc.day, got, tc.want, tc.why)
		}
	}
}

func TestCalendarNextWorkingDay(t *testing.T) {
	for _, tc := range []struct {
		name    string
		day     string
		want    string
		skipped []Date
	}{
		{"WorkingDayIsItself", "2026-11-25", "2026-11-25", nil},
		{"SaturdayMovesToMonday", "2026-10-31", "2026-11-02", dates("2026-10-31", "2026-11-01")},
		{"SundayMovesToMonday", "2026-08-16", "2026-08-17", dates("2026-08-16")},
		{"HolidayRunIntoWeekend", "2026-04-30", "2026-05-04", dates("2026-04-30", "2026-05-01", "2026-05-02", "2026-05-03")},
		{"SundayBeforeCompensatoryDay", "2026-04-26", "2026-04-28", dates("2026-04-26", "2026-04-27")},
		{"Tet2026", "2026-02-14", "2026-02-23", dates("2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17",
			"2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22")},
		{"SwappedSaturday2025IsWorking", "2025-04-26", "2025-04-26", nil},
		{"SwappedFriday2025", "2025-05-02", "2025-05-05", dates("2025-05-02", "2025-05-03", "2025-05-04")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, skipped := officialCalendar.NextWorkingDay(date(tc.day))
			if got != date(tc.want) {
				t.Errorf("NextWorkingDay(%s) = %s, want %s", tc.day, got, tc.want)
			}
			if !reflect.DeepEqual(skipped, tc.skipped) {
				t.Errorf("skipped = %v, want %v", skipped, tc.skipped)
			}
		})
	}
}

// TestCalendarDayPeriodOnWeekend: a period in calendar days that ends on a
// weekend ends on the next working day (BLDS 2015 Art. 148(5)).
func TestCalendarDayPeriodOnWeekend(t *testing.T) {
	for _, tc := range []struct {
		name  string
		start string
		days  int
		want  string
	}{
		// 05/06/2026 (Fri) + 30 = 05/07/2026, a Sunday → Monday 06/07/2026.
		{"SundayToMonday", "2026-06-05", 30, "2026-07-06"},
		// 01/10/2026 (Thu) + 30 = 31/10/2026, a Saturday → Monday 02/11/2026.
		{"SaturdayToMonday", "2026-10-01", 30, "2026-11-02"},
		// 01/06/2026 (Mon) + 60 = 31/07/2026, a Friday: no move.
		{"WeekdayStays", "2026-06-01", 60, "2026-07-31"},
		// 02/07/2026 (Thu) + 60 = Mon 31/08/2026, swapped off for Quốc khánh
		// (31/08–02/09 off) → Thu 03/09/2026.
		{"SwappedMondayToThursday", "2026-07-02", 60, "2026-09-03"},
		// 26/08/2026 (Wed) + 7 = 02/09/2026, National day → 03/09/2026.
		{"HolidayToNextDay", "2026-08-26", 7, "2026-09-03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Rule{Clock: ClockResolution, Start: AtAcceptance, Unit: CalendarDays, Days: tc.days, Basis: "test"}
			c := newClock(officialCalendar, r, date(tc.start), tc.days)
			if c.DueOn != date(tc.want) {
				t.Errorf("%s + %d cd = %s, want %s", tc.start, tc.days, c.DueOn, tc.want)
			}
		})
	}
}

func TestCalendarAddWorkingDays(t *testing.T) {
	for _, tc := range []struct {
		name    string
		start   string
		n       int
		want    string
		skipped []Date
	}{
		{"PlainWeek", "2026-11-23", 3, "2026-11-26", nil},
		{"OverWeekend", "2026-11-26", 3, "2026-12-01", dates("2026-11-28", "2026-11-29")},
		// Fri 24/04/2026: 27/04 compensatory day, 28 (1), 29 (2), 30/04 and 01/05 off,
		// weekend, 04 (3), 05 (4), 06/05 (5).
		{"Across30April1May2026", "2026-04-24", 5, "2026-05-06",
			dates("2026-04-25", "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-05-02", "2026-05-03")},
		// Thu 12/02/2026: 13 (1), Tết 14–22/02, 23 (2), 24 (3), 25 (4), 26 (5).
		{"AcrossTet2026", "2026-02-12", 5, "2026-02-26",
			dates("2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
				"2026-02-20", "2026-02-21", "2026-02-22")},
		// Fri 25/04/2025: the next working day is the swapped Saturday 26/04.
		{"SwappedSaturday2025", "2025-04-25", 1, "2025-04-26", nil},
		// Tue 29/04/2025: 30/04, 01/05, 02/05 (swapped) off, weekend → Mon 05/05.
		{"SwappedFriday2025", "2025-04-29", 1, "2025-05-05",
			dates("2025-04-30", "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04")},
		// Fri 25/04/2025 + 3: 26/04 (1, swapped Saturday), 27/04 Sunday, 28 (2), 29 (3).
		{"SwapCountsTheSaturday", "2025-04-25", 3, "2025-04-29", dates("2025-04-27")},
		{"ZeroIsTheStart", "2026-11-25", 0, "2026-11-25", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, skipped := officialCalendar.AddWorkingDays(date(tc.start), tc.n)
			if got != date(tc.want) {
				t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tc.start, tc.n, got, tc.want)
			}
			if !reflect.DeepEqual(skipped, tc.skipped) {
				t.Errorf("skipped = %v, want %v", skipped, tc.skipped)
			}
		})
	}
}

func TestCalendarWorkingDaysBetween(t *testing.T) {
	for _, tc := range []struct {
		name     string
		from, to string
		want     int
	}{
		{"SameDay", "2026-11-25", "2026-11-25", 0},
		{"Backwards", "2026-11-25", "2026-11-20", 0},
		{"NextDay", "2026-11-25", "2026-11-26", 1},
		{"FromIsNotCounted", "2026-11-23", "2026-11-27", 4},
		{"OverWeekend", "2026-11-27", "2026-11-30", 1},
		// 24/04 → 08/05/2026: 28, 29, 04, 05, 06, 07, 08 (27/04, 30/04, 01/05 off).
		{"Across30April1May2026", "2026-04-24", "2026-05-08", 7},
		// 13/02 → 27/02/2026: only 23–27/02.
		{"AcrossTet2026", "2026-02-13", "2026-02-27", 5},
		// 25/04 → 05/05/2025: 26/04 (swapped Saturday), 28, 29/04, 05/05.
		{"Swap2025", "2025-04-25", "2025-05-05", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := officialCalendar.WorkingDaysBetween(date(tc.from), date(tc.to)); got != tc.want {
				t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tc.from, tc.to, got, tc.want)
			}
		})
	}
}

// TestNewCalendarLaterEntriesWin: an administrator's edit, appended after the
// shipped data, overrides it.
func TestNewCalendarLaterEntriesWin(t *testing.T) {
	shipped := ShippedCalendar()
	edits := []CalendarDay{
		// An administrator makes 01/09/2026 a working day…
		{Day: date("2026-09-01"), Kind: DayWork, Name: "Không nghỉ", Source: "admin"},
		// …and the Friday before the holiday is given off instead, then a Saturday swapped in.
		{Day: date("2026-09-04"), Kind: DayOff, Name: "Nghỉ hoán đổi", Source: "admin"},
		{Day: date("2026-09-12"), Kind: DayWork, Name: "Làm bù", Source: "admin"},
		// An edit that is itself corrected by a later one.
		{Day: date("2026-12-24"), Kind: DayOff, Name: "nhầm", Source: "admin"},
		{Day: date("2026-12-24"), Kind: DayWork, Name: "sửa lại", Source: "admin"},
	}
	cal := NewCalendar(append(shipped, edits...))

	for _, tc := range []struct {
		day  string
		want bool
	}{
		{"2026-09-01", true},
		{"2026-09-02", false},
		{"2026-09-04", false},
		{"2026-09-12", true},
		{"2026-12-24", true},
	} {
		if got := cal.IsWorkingDay(date(tc.day)); got != tc.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tc.day, got, tc.want)
		}
	}
	if e, ok := cal.Exception(date("2026-12-24")); !ok || e.Name != "sửa lại" {
		t.Errorf("Exception(2026-12-24) = %+v, %v; want the later entry", e, ok)
	}
	// 31/08/2026 (Mon) + 3 WD with the edits: 01/09 (1), 03/09 (2), 07/09 (3).
	if got, _ := cal.AddWorkingDays(date("2026-08-31"), 3); got != date("2026-09-07") {
		t.Errorf("AddWorkingDays with edits = %s, want 2026-09-07", got)
	}
	// The shipped calendar is untouched: 01/09/2026 stays off there.
	if officialCalendar.IsWorkingDay(date("2026-09-01")) {
		t.Error("shipped calendar changed by another calendar's edits")
	}
}

func TestCalendarDaysSorted(t *testing.T) {
	days := NewCalendar([]CalendarDay{
		{Day: date("2026-05-01"), Kind: DayOff},
		{Day: date("2025-04-26"), Kind: DayWork},
		{Day: date("2026-01-01"), Kind: DayOff},
	}).Days()
	var got []Date
	for _, d := range days {
		got = append(got, d.Day)
	}
	if want := dates("2025-04-26", "2026-01-01", "2026-05-01"); !reflect.DeepEqual(got, want) {
		t.Errorf("Days() = %v, want %v", got, want)
	}
}

func TestCalendarReason(t *testing.T) {
	for _, tc := range []struct {
		day    string
		vi, en string
	}{
		{"2026-11-25", "", ""},
		{"2026-11-28", "thứ Bảy", "Saturday"},
		{"2026-11-29", "Chủ nhật", "Sunday"},
		{"2026-01-01", "Tết Dương lịch", "Tết Dương lịch"},
		// A holiday names itself; a swapped day names the decision too.
		{"2026-02-17", "Tết Nguyên đán Bính Ngọ", "Tết Nguyên đán Bính Ngọ"},
		{"2026-01-02", "Nghỉ hoán đổi, VPCP 12729/VPCP-KGVX ngày 25/12/2025", "Nghỉ hoán đổi, VPCP 12729/VPCP-KGVX ngày 25/12/2025"},
		{"2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương", "Nghỉ bù Giỗ Tổ Hùng Vương"},
		{"2026-01-10", "", ""}, // a Saturday worked
		// A year whose days the Prime Minister has not fixed says so.
		{"2027-02-08", "Tết Nguyên đán Đinh Mùi (dự kiến)", "Tết Nguyên đán Đinh Mùi (provisional)"},
	} {
		vi, en := officialCalendar.Reason(date(tc.day))
		if vi != tc.vi || en != tc.en {
			t.Errorf("Reason(%s) = %q, %q; want %q, %q", tc.day, vi, en, tc.vi, tc.en)
		}
	}
	if vi, _ := (*Calendar)(nil).Reason(date("2026-01-01")); vi != "" {
		t.Errorf("a nil calendar knows no holiday, got %q", vi)
	}
}

// TestOfficialCalendarShape guards the shipped data: every "off" entry is a
// weekday (a holiday on a weekend is shipped as its compensatory weekday) and
// every "work" entry is a weekend day.
func TestOfficialCalendarShape(t *testing.T) {
	for _, d := range ShippedCalendar() {
		wd := d.Day.Weekday()
		weekend := wd == 0 || wd == 6
		switch d.Kind {
		case DayOff:
			if weekend {
				t.Errorf("%s %q: off on a weekend day adds nothing", d.Day, d.Name)
			}
		case DayWork:
			if !weekend {
				t.Errorf("%s %q: a working-day swap on a weekday", d.Day, d.Name)
			}
		default:
			t.Errorf("%s: unknown kind %q", d.Day, d.Kind)
		}
		if d.Name == "" || d.Source == "" {
			t.Errorf("%s: name and source are required", d.Day)
		}
	}
}
