package workflow

import (
	"fmt"
	"strconv"
	"strings"
)

// ReportPeriod is the span a report counts, both days included. The official
// periods of Thông tư 01/2024/TT-TTCP run from the 15th to the 14th: the year
// 2026 is 15/12/2025–14/12/2026, its first quarter 15/12/2025–14/03/2026, its
// six months 15/12/2025–14/06/2026 and its nine months 15/12/2025–14/09/2026.
type ReportPeriod struct {
	From, To Date
	Name     string // the official period's code (Q4-2026, H1-2026, M9-2026, Y-2026), or "" for a range
}

// OfficialPeriod reads an official period's code: Qn-YYYY (quarter n),
// H1-YYYY (six months), M9-YYYY (nine months) or Y-YYYY (the year).
func OfficialPeriod(code string) (ReportPeriod, error) {
	kind, year, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(code)), "-")
	y, err := strconv.Atoi(year)
	if !ok || err != nil || y < 2000 || y > 2200 {
		return ReportPeriod{}, Invalid("period", "kỳ báo cáo %q không hợp lệ: dùng Q1-2026…Q4-2026, H1-2026, M9-2026 hoặc Y-2026", code)
	}
	// A report year starts on 15 December of the year before.
	start := MustDate(fmt.Sprintf("%04d-12-15", y-1))
	months := map[string][2]int{"Q1": {0, 3}, "Q2": {3, 6}, "Q3": {6, 9}, "Q4": {9, 12}, "H1": {0, 6}, "M9": {0, 9}, "Y": {0, 12}}
	m, ok := months[kind]
	if !ok {
		return ReportPeriod{}, Invalid("period", "kỳ báo cáo %q không hợp lệ: dùng Q1-2026…Q4-2026, H1-2026, M9-2026 hoặc Y-2026", code)
	}
	from := addMonths(start, m[0])
	to := addMonths(start, m[1]).AddDays(-1)
	return ReportPeriod{From: from, To: to, Name: kind + "-" + year}, nil
}

func addMonths(d Date, n int) Date { return DateOf(d.Time().AddDate(0, n, 0)) }

// RangePeriod is any span of days: from not after to, neither before 2000.
func RangePeriod(from, to Date) (ReportPeriod, error) {
	switch {
	case from.IsZero():
		return ReportPeriod{}, Invalid("from", "cần ngày đầu kỳ (from) hoặc kỳ báo cáo (period)")
	case to.IsZero():
		return ReportPeriod{}, Invalid("to", "cần ngày cuối kỳ (to)")
	case from.Year() < 2000:
		return ReportPeriod{}, Invalid("from", "ngày đầu kỳ không được trước 01/01/2000")
	case to.Before(from):
		return ReportPeriod{}, Invalid("to", "ngày cuối kỳ %s trước ngày đầu kỳ %s", to.VN(), from.VN())
	}
	return ReportPeriod{From: from, To: to}, nil
}

// Holds reports whether the day falls in the period.
func (p ReportPeriod) Holds(d Date) bool { return !d.IsZero() && !d.Before(p.From) && !d.After(p.To) }

// Before reports whether the day came before the period began.
func (p ReportPeriod) Before(d Date) bool { return !d.IsZero() && d.Before(p.From) }

// By reports whether the day came on or before the period's last day.
func (p ReportPeriod) By(d Date) bool { return !d.IsZero() && !d.After(p.To) }

// Title is the period as a report's heading says it, in Vietnamese or English.
func (p ReportPeriod) Title(lang string) string {
	kind, year, _ := strings.Cut(p.Name, "-")
	roman := map[string]string{"Q1": "I", "Q2": "II", "Q3": "III", "Q4": "IV"}
	vi := map[string]string{"H1": "6 tháng đầu năm " + year, "M9": "9 tháng năm " + year, "Y": "Năm " + year}
	en := map[string]string{"H1": "First six months of " + year, "M9": "Nine months of " + year, "Y": "Year " + year}
	switch {
	case p.Name == "":
		return p.From.VN() + " – " + p.To.VN()
	case roman[kind] != "" && lang == "en":
		return "Quarter " + roman[kind] + "/" + year
	case roman[kind] != "":
		return "Quý " + roman[kind] + "/" + year
	case lang == "en":
		return en[kind]
	}
	return vi[kind]
}
