package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Issue 14: one input rule for every text field, applied at the API's
// boundary: each refusal is a 400 naming the field.
func TestInputRulesThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-10-05")
	base := `{"kind":"petition","channel":"walk_in","received_on":"2026-10-05","subject":"Kiến nghị sửa đường",` +
		`"content":"Dòng một\nDòng hai","petitioner":{"name":"Nguyễn Văn An","id_number":"079185001234","phone":"0905000111","address":"5 Trần Phú\nNha Trang"}}`
	// with replaces the first occurrence of old in base.
	with := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("%q is not in the base body", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases", base)
	if status != http.StatusCreated {
		t.Fatalf("the base body: status %d: %s", status, raw)
	}
	c := app.register(t, "reception", letterBody("complaint", "2026-10-05", "Khiếu nại", "round", 1))
	app.SetToday(t, "2026-10-06")

	for _, tc := range []struct{ name, body, field string }{
		{"NULInName", with(`"Nguyễn Văn An"`, `"Nguyễn\u0000 Văn An"`), "petitioner.name"},
		{"ControlInSubject", with(`"Kiến nghị sửa đường"`, `"Kiến nghị\u0007 sửa đường"`), "subject"},
		{"NewlineInSubject", with(`"Kiến nghị sửa đường"`, `"Kiến nghị\nsửa đường"`), "subject"},
		{"TabInName", with(`"Nguyễn Văn An"`, `"Nguyễn\tVăn An"`), "petitioner.name"},
		{"C1ControlInContent", with(`"Dòng một`, `"Dòng một\u0085`), "content"},
		{"BidiOverrideInSubject", with(`"Kiến nghị sửa đường"`, `"Kiến nghị \u202esửa đường"`), "subject"},
		{"BidiIsolateInAddress", with(`"5 Trần Phú`, `"5 Trần Phú\u2066`), "petitioner.address"},
		{"InvisibleSubject", with(`"Kiến nghị sửa đường"`, `"\u200b\u00a0\ufeff\u2060"`), "subject"},
		{"InvisibleName", with(`"Nguyễn Văn An"`, `"\u200b \u200c"`), "petitioner.name"},
		{"InvalidUTF8", with(`"Kiến nghị sửa đường"`, "\"Ki\xff\xfe\""), "subject"},
		{"LoneSurrogate", with(`"Nguyễn Văn An"`, `"Nguy\ud800n"`), "petitioner.name"},
		{"TooManySignatories", with(`"kind":"petition"`, `"kind":"petition","signatories":100001`), "signatories"},
		{"NegativeSignatories", with(`"kind":"petition"`, `"kind":"petition","signatories":-1`), "signatories"},
		{"RoundOutOfRange", with(`"kind":"petition"`, `"kind":"complaint","round":3000000000`), "round"},
		{"PriorCaseNegative", with(`"kind":"petition"`, `"kind":"complaint","round":2,"prior_case_id":-1`), "prior_case_id"},
		{"IDNumberTenDigits", with(`"079185001234"`, `"0791850012"`), "petitioner.id_number"},
		{"IDNumberDotted", with(`"079185001234"`, `"079.185.001.234"`), "petitioner.id_number"},
		{"DuplicateKey", with(`"kind":"petition"`, `"kind":"petition","kind":"complaint"`), "kind"},
		{"DuplicateNestedKey", with(`"name":"Nguyễn Văn An"`, `"name":"Nguyễn Văn An","name":"Lê B"`), "petitioner.name"},
		{"MiscasedKey", with(`"subject"`, `"Subject"`), "Subject"},
		{"MiscasedNestedKey", with(`"id_number"`, `"ID_NUMBER"`), "petitioner.ID_NUMBER"},
		{"DateYearOne", with(`"2026-10-05"`, `"0001-01-01"`), "received_on"},
		{"DateBefore2000", with(`"2026-10-05"`, `"1999-12-31"`), "received_on"},
		{"DateAfterToday", with(`"2026-10-05"`, `"2026-10-07"`), "received_on"},
		{"DateNotADate", with(`"2026-10-05"`, `"2026-02-30"`), "received_on"},
	} {
		t.Run("Create"+tc.name, func(t *testing.T) {
			status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases", tc.body)
			if e := wantError(t, status, raw, http.StatusBadRequest, ""); e.Field != tc.field {
				t.Errorf("field %q, want %q: %s", e.Field, tc.field, raw)
			}
		})
	}

	for _, tc := range []struct{ name, body, field string }{
		{"NoteWithNUL", `{"event":"note","version":V,"note":"ghi\u0000 chú"}`, "note"},
		{"NoteMayHaveLines", `{"event":"note","version":V,"note":"dòng 1\ndòng 2\tcột"}`, ""},
		{"TargetOnOneLine", `{"event":"transfer","version":V,"target":"Sở\nTài chính"}`, "target"},
		{"NoteBidi", `{"event":"note","version":V,"note":"x\u2067y"}`, "note"},
		{"DuplicateEvent", `{"event":"note","event":"close","version":V,"note":"x"}`, "event"},
		{"MiscasedVersion", `{"event":"note","Version":1,"note":"x"}`, "Version"},
		{"OnYearOne", `{"event":"note","version":V,"on":"0001-01-01","note":"x"}`, "on"},
		{"OnBefore2000", `{"event":"note","version":V,"on":"1999-01-01","note":"x"}`, "on"},
		{"OnAfterToday", `{"event":"note","version":V,"on":"2026-10-07","note":"x"}`, "on"},
		{"DaysOutOfRange", `{"event":"extend","version":V,"days":100000}`, "days"},
		{"DaysNegative", `{"event":"extend","version":V,"days":-30}`, "days"},
		{"CorrectIDNumber", `{"event":"correct","version":V,"reason":"sai số","petitioner":{"id_number":"12345"}}`, "petitioner.id_number"},
		{"CorrectRoundOutOfRange", `{"event":"correct","version":V,"reason":"sai lần","round":7}`, "round"},
		{"DuplicateOfNegative", `{"event":"file","version":V,"reason_code":"DUPLICATE","duplicate_of":-1}`, "duplicate_of"},
		{"CorrectBlankReason", `{"event":"correct","version":V,"reason":"\u200b\u2060","subject":"x"}`, "reason"},
	} {
		t.Run("Event"+tc.name, func(t *testing.T) {
			body := strings.Replace(tc.body, `"version":V`, fmt.Sprintf(`"version":%d`, c.Version), 1)
			status, raw := app.Do(t, "head", http.MethodPost, casePath(c.ID)+"/events", body)
			if tc.field == "" {
				if status != http.StatusOK {
					t.Fatalf("status %d, want 200: %s", status, raw)
				}
				c = decode[caseJSON](t, raw)
				return
			}
			if e := wantError(t, status, raw, http.StatusBadRequest, ""); e.Field != tc.field {
				t.Errorf("field %q, want %q: %s", e.Field, tc.field, raw)
			}
		})
	}
}
