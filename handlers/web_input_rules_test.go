package handlers

import (
	"net/http"
	"testing"
)

// Issue 14: the desk reads the same input rule as the API: a date of year 1
// is refused (it used to read as "not given" and become today), an old
// 9-digit CMND is accepted, and a zero-width subject is blank.
func TestDeskAppliesTheAPIsInputRule(t *testing.T) {
	app := mustServeWeb(t)
	b := app.newBrowser(t, "reception")
	for _, tc := range []struct{ field, value string }{
		{"received_on", "01/01/0001"},
		{"received_on", "0001-01-01"},
		{"received_on", "31/12/1999"},
		{"subject", "\u200b\u2060"},
		{"name", "Nguyễn\u202eVăn An"},
		{"id_number", "079.123.456.789"},
	} {
		res, body := b.post("/tiep-nhan", deskLetter(b, tc.field, tc.value, "confirm_repeat", "1"))
		if res.StatusCode != http.StatusBadRequest || !deskErrorNextTo(body, tc.field, "") {
			t.Errorf("desk with %s=%+q: status %d (want 400 with an error at %s)", tc.field, tc.value, res.StatusCode, tc.field)
		}
	}
	res, _ := b.post("/tiep-nhan", deskLetter(b, "id_number", "201234567", "confirm_repeat", "1"))
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("desk with a 9-digit CMND: status %d, want 303 to the receipt", res.StatusCode)
	}
}
