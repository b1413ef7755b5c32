package workflow

// ShippedCalendarVersion numbers the shipped calendar data: raise it with
// every correction of ShippedCalendar, so that migrate and serve bring
// existing databases up to it (store/calendar_sync.go).
const ShippedCalendarVersion = 2

// ShippedCalendar is the shipped list of exceptions to the
// Monday–Friday week for 2025–2027. Holidays: BLLĐ 2019 Art. 112; a holiday on
// a weekend gives the next working day off (Art. 111(3)); Tết and the day
// beside 2 September are fixed each year by the Prime Minister (Art. 112(3)).
// Entries marked "dự kiến" (provisional) follow the law's rule where the
// Prime Minister's decision was not at hand; administrators edit them through
// the calendar table once it is announced.
func ShippedCalendar() []CalendarDay {
	off := func(s, name, src string) CalendarDay {
		return CalendarDay{Day: MustDate(s), Kind: DayOff, Name: name, Source: src}
	}
	work := func(s, name, src string) CalendarDay {
		return CalendarDay{Day: MustDate(s), Kind: DayWork, Name: name, Source: src}
	}
	const blld = "BLLĐ 2019 Art. 112"
	return []CalendarDay{
		// 2025
		off("2025-01-01", "Tết Dương lịch", blld),
		off("2025-01-27", "Tết Nguyên đán Ất Tỵ", "Thông báo nghỉ Tết 2025 (25/01–02/02)"),
		off("2025-01-28", "Tết Nguyên đán Ất Tỵ", "Thông báo nghỉ Tết 2025 (25/01–02/02)"),
		off("2025-01-29", "Tết Nguyên đán Ất Tỵ", "Thông báo nghỉ Tết 2025 (25/01–02/02)"),
		off("2025-01-30", "Tết Nguyên đán Ất Tỵ", "Thông báo nghỉ Tết 2025 (25/01–02/02)"),
		off("2025-01-31", "Tết Nguyên đán Ất Tỵ", "Thông báo nghỉ Tết 2025 (25/01–02/02)"),
		off("2025-04-07", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", blld),
		work("2025-04-26", "Làm bù cho ngày 02/05", "Hoán đổi ngày làm việc 2025"),
		off("2025-04-30", "Ngày Chiến thắng", blld),
		off("2025-05-01", "Quốc tế Lao động", blld),
		off("2025-05-02", "Nghỉ hoán đổi (làm bù 26/04)", "Hoán đổi ngày làm việc 2025"),
		off("2025-09-01", "Quốc khánh (ngày liền kề)", blld),
		off("2025-09-02", "Quốc khánh", blld),
		// 2026
		off("2026-01-01", "Tết Dương lịch", blld),
		off("2026-02-16", "Tết Nguyên đán Bính Ngọ", "Thông báo nghỉ Tết 2026 (14/02–22/02)"),
		off("2026-02-17", "Tết Nguyên đán Bính Ngọ", "Thông báo nghỉ Tết 2026 (14/02–22/02)"),
		off("2026-02-18", "Tết Nguyên đán Bính Ngọ", "Thông báo nghỉ Tết 2026 (14/02–22/02)"),
		off("2026-02-19", "Tết Nguyên đán Bính Ngọ", "Thông báo nghỉ Tết 2026 (14/02–22/02)"),
		off("2026-02-20", "Tết Nguyên đán Bính Ngọ", "Thông báo nghỉ Tết 2026 (14/02–22/02)"),
		off("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (26/04 là Chủ nhật)", "BLLĐ 2019 Art. 111(3), 112"),
		off("2026-04-30", "Ngày Chiến thắng", blld),
		off("2026-05-01", "Quốc tế Lao động", blld),
		off("2026-09-01", "Quốc khánh (ngày liền kề, dự kiến)", blld),
		off("2026-09-02", "Quốc khánh", blld),
		// 2027 (Tết and 2/9 provisional until the Prime Minister decides)
		off("2027-01-01", "Tết Dương lịch", blld),
		off("2027-02-05", "Tết Nguyên đán Đinh Mùi (dự kiến)", blld),
		off("2027-02-08", "Tết Nguyên đán Đinh Mùi (dự kiến)", blld),
		off("2027-02-09", "Tết Nguyên đán Đinh Mùi (dự kiến)", blld),
		off("2027-02-10", "Nghỉ bù Tết (dự kiến)", "BLLĐ 2019 Art. 111(3), 112"),
		off("2027-02-11", "Nghỉ bù Tết (dự kiến)", "BLLĐ 2019 Art. 111(3), 112"),
		off("2027-04-15", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", blld),
		off("2027-04-30", "Ngày Chiến thắng", blld),
		off("2027-05-03", "Nghỉ bù Quốc tế Lao động (01/05 là thứ Bảy)", "BLLĐ 2019 Art. 111(3), 112"),
		off("2027-09-02", "Quốc khánh", blld),
		off("2027-09-03", "Quốc khánh (ngày liền kề, dự kiến)", blld),
	}
}
