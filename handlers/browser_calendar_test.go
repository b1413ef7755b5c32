package handlers

import (
	"strings"
	"testing"
)

// The working calendar in Chromium, as anyone reads it: a year as decreed, with
// each swap's document, and a year not yet decreed, marked provisional.
func TestCalendarPageInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	b := app.newTab(t)
	b.open("/lich-lam-viec?nam=2026")
	b.mustSee("the 2026 calendar", "Lịch làm việc năm 2026", "Thứ Sáu, 02/01/2026", "VPCP 12729/VPCP-KGVX",
		"Thứ Bảy, 10/01/2026", "Làm bù", "Thứ Hai, 31/08/2026")
	b.mustNotSee("the 2026 calendar", "dự kiến", "Art.")
	b.open("/lich-lam-viec?nam=2027")
	b.mustSee("the 2027 calendar", "Lịch năm 2027 còn dự kiến", "Thứ Sáu, 16/04/2027", "Điều 112 BLLĐ 2019")
	if n := strings.Count(b.text(), "dự kiến"); n < 3 {
		t.Errorf("the 2027 calendar marks %d days provisional; want Tết and the day beside 2 September", n-1)
	}
	citeShots(b, "calendar-2027", "the provisional 2027 calendar")
	storyDone(b)
}
