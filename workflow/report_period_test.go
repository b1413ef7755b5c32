package workflow

import "testing"

// The official periods run from the 15th to the 14th (TT 01/2024/TT-TTCP).
func TestOfficialPeriods(t *testing.T) {
	for _, tc := range []struct{ code, from, to, vi string }{
		{"Y-2026", "2025-12-15", "2026-12-14", "Năm 2026"},
		{"Q1-2026", "2025-12-15", "2026-03-14", "Quý I/2026"},
		{"Q4-2026", "2026-09-15", "2026-12-14", "Quý IV/2026"},
		{"h1-2026", "2025-12-15", "2026-06-14", "6 tháng đầu năm 2026"},
		{"M9-2026", "2025-12-15", "2026-09-14", "9 tháng năm 2026"},
		{"Q1-2028", "2027-12-15", "2028-03-14", "Quý I/2028"},
	} {
		p, err := OfficialPeriod(tc.code)
		if err != nil || p.From.String() != tc.from || p.To.String() != tc.to || p.Title("vi") != tc.vi {
			t.Errorf("%s: %s–%s %q, %v; want %s–%s %q", tc.code, p.From, p.To, p.Title("vi"), err, tc.from, tc.to, tc.vi)
		}
	}
	for _, bad := range []string{"Q5-2026", "2026", "Y-26", "X-2026", ""} {
		if _, err := OfficialPeriod(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := RangePeriod(MustDate("2026-02-01"), MustDate("2026-01-31")); err == nil || err.(*Error).Field != "to" {
		t.Errorf("an inverted range: %v", err)
	}
	p, err := RangePeriod(MustDate("2024-08-01"), MustDate("2025-07-31"))
	if err != nil || p.Title("vi") != "01/08/2024 – 31/07/2025" || !p.Holds(MustDate("2025-07-31")) || p.Holds(MustDate("2025-08-01")) {
		t.Errorf("the inspectorate's range: %+v %v", p, err)
	}
}
