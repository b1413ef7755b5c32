package workflow

import (
	"testing"
	"time"
)

// ParseDate's own digits agree with time.Parse on every day of 2023–2028 and
// refuse what it refuses.
func TestParseDateAgreesWithTimeParse(t *testing.T) {
	for day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2029; day = day.AddDate(0, 0, 1) {
		s := day.Format(DateLayout)
		if d, err := ParseDate(s); err != nil || !d.t.Equal(day) {
			t.Fatalf("ParseDate(%q) = %v, %v", s, d, err)
		}
	}
	for _, bad := range []string{"2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01", "2026/01/01", "２026-01-01", "2026-01-0x"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	if d, err := ParseDate("2028-02-29"); err != nil || d.String() != "2028-02-29" {
		t.Errorf("a leap day: %v, %v", d, err)
	}
}
