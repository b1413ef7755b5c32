package workflow

// ShippedCalendarVersion numbers the shipped calendar data: raise it with
// every correction of ShippedCalendar, so that migrate and serve bring
// existing databases up to it (store/calendar_sync.go).
const ShippedCalendarVersion = 2

// decreedYears are the years whose Tết and Quốc khánh days the Prime Minister
// has fixed (BLLĐ 2019 Art. 112(3)); the later shipped years follow the law's
// rule (lawYear) until the decision is entered.
var decreedYears = [...]int{2025, 2026}

// lastShippedYear is the last year ShippedCalendar covers.
const lastShippedYear = 2030

// ShippedCalendar is the shipped list of exceptions to the Monday–Friday week
// (QĐ 188/1999/QĐ-TTg) for 2025–2030: the days as decreed for 2025 and 2026,
// then the law's rule (lawYear) with Tết and the day beside 02/09 marked
// Provisional. Administrators enter the Prime Minister's decision through the
// calendar table once it is announced.
func ShippedCalendar() []CalendarDay {
	days := append(decreed2025(), decreed2026()...)
	for y := decreedYears[len(decreedYears)-1] + 1; y <= lastShippedYear; y++ {
		days = append(days, lawYear(y)...)
	}
	return days
}

func offDay(s, name, src string) CalendarDay {
	return CalendarDay{Day: MustDate(s), Kind: DayOff, Name: name, Source: src}
}

func workDay(s, name, src string) CalendarDay {
	return CalendarDay{Day: MustDate(s), Kind: DayWork, Name: name, Source: src}
}

func decreed2025() []CalendarDay {
	const tet = srcHoliday + "; thông báo nghỉ Tết Ất Tỵ 2025"
	const swap = "Hoán đổi ngày làm việc dịp 30/4–1/5/2025"
	return []CalendarDay{
		offDay("2025-01-01", "Tết Dương lịch", srcHoliday),
		offDay("2025-01-27", "Tết Nguyên đán Ất Tỵ", tet),
		offDay("2025-01-28", "Tết Nguyên đán Ất Tỵ", tet),
		offDay("2025-01-29", "Tết Nguyên đán Ất Tỵ", tet),
		offDay("2025-01-30", "Tết Nguyên đán Ất Tỵ", tet),
		offDay("2025-01-31", "Tết Nguyên đán Ất Tỵ", tet),
		offDay("2025-04-07", "Giỗ Tổ Hùng Vương", srcHoliday),
		workDay("2025-04-26", "Làm bù", swap),
		offDay("2025-04-30", "Ngày Chiến thắng", srcHoliday),
		offDay("2025-05-01", "Quốc tế Lao động", srcHoliday),
		offDay("2025-05-02", "Nghỉ hoán đổi", swap),
		offDay("2025-09-01", "Quốc khánh – ngày liền kề", srcHoliday),
		offDay("2025-09-02", "Quốc khánh", srcHoliday),
	}
}

func decreed2026() []CalendarDay {
	// vpcp: the Deputy Prime Minister's agreement to the Ministry of Home
	// Affairs' proposal for Tết Dương lịch 2026.
	const vpcp = "VPCP 12729/VPCP-KGVX ngày 25/12/2025"
	// ttg: the Prime Minister's agreement, announced in October 2025, to the
	// Ministry of Home Affairs' proposal for Tết Âm lịch and Quốc khánh 2026
	// (Tết 14/02–22/02; Quốc khánh 29/08–02/09, 01/09 the adjacent day, Monday
	// 31/08 swapped with Saturday 22/08). Its document number was not found
	// (the press, e.g. Thanh Niên 13/10/2025, reports the decision without it):
	// an administrator may complete the source.
	// Holidays cite the law first, swaps the decision alone (Calendar.Reason
	// names the document of a swap only).
	const ttg = "Ý kiến Thủ tướng tháng 10/2025 về nghỉ Tết Âm lịch, Quốc khánh 2026"
	const tet = srcHoliday + "; " + ttg
	return []CalendarDay{
		offDay("2026-01-01", "Tết Dương lịch", srcHoliday),
		offDay("2026-01-02", "Nghỉ hoán đổi", vpcp),
		workDay("2026-01-10", "Làm bù", vpcp),
		offDay("2026-02-16", "Tết Nguyên đán Bính Ngọ", tet),
		offDay("2026-02-17", "Tết Nguyên đán Bính Ngọ", tet),
		offDay("2026-02-18", "Tết Nguyên đán Bính Ngọ", tet),
		offDay("2026-02-19", "Tết Nguyên đán Bính Ngọ", tet),
		offDay("2026-02-20", "Tết Nguyên đán Bính Ngọ", tet),
		offDay("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương", srcCompensatory), // 26/04 is a Sunday
		offDay("2026-04-30", "Ngày Chiến thắng", srcHoliday),
		offDay("2026-05-01", "Quốc tế Lao động", srcHoliday),
		workDay("2026-08-22", "Làm bù", ttg),
		offDay("2026-08-31", "Nghỉ hoán đổi", ttg),
		offDay("2026-09-01", "Quốc khánh – ngày liền kề", tet),
		offDay("2026-09-02", "Quốc khánh", srcHoliday),
	}
}
