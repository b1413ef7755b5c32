package handlers

// What the officers see of the law on the pages (issue 13 §5): reason codes by
// their names, citations the Vietnamese way on Vietnamese pages, the
// extensions left, and a dialogue date on a day off to confirm.

import (
	"fmt"
	"strings"

	"petitions/workflow"
)

// reasonCodeOf finds a reason code in the tables of every kind.
func reasonCodeOf(code string) (workflow.ReasonCode, bool) {
	for _, k := range workflow.Kinds {
		for _, e := range []workflow.Event{workflow.EvReject, workflow.EvFile} {
			for _, r := range workflow.ReasonCodes(k, e) {
				if r.Code == code {
					return r, true
				}
			}
		}
	}
	return workflow.ReasonCode{}, false
}

// reasonLabel names a reason code in the page's language, never by the code
// itself; a code the tables do not know (an old record) is shown as it is.
func reasonLabel(lang, code string) string {
	r, ok := reasonCodeOf(code)
	if !ok {
		return code
	}
	if lang == "en" {
		if m, ok := messages["reason."+code]; ok && m[1] != "" {
			return m[1]
		}
	}
	return r.Label
}

// citeIn renders a Basis for the page: the Vietnamese way on Vietnamese
// pages, as the tables write it on English ones.
func citeIn(lang, basis string) string {
	if lang == "en" {
		return basis
	}
	return workflow.CiteVI(basis)
}

// localReasons are the reason codes of a form with their labels and
// citations in the page's language.
func localReasons(lang string, rs []workflow.ReasonCode) []workflow.ReasonCode {
	out := make([]workflow.ReasonCode, len(rs))
	for i, r := range rs {
		out[i] = workflow.ReasonCode{Code: r.Code, Label: reasonLabel(lang, r.Code), Basis: citeIn(lang, r.Basis)}
	}
	return out
}

// explainIn is a clock's explanation in the page's language, citing the Vietnamese way in Vietnamese.
func explainIn(lang string, k workflow.Clock, cal *workflow.Calendar) string {
	if lang == "en" {
		_, en := k.Explain(cal)
		return en
	}
	return k.ExplainVI(cal)
}

// extensionHint tells how many extensions remain and how long each may be.
func extensionHint(lang string, x workflow.ExtensionOffer) string {
	return fmt.Sprintf(translate(lang, "case.extend.left"), x.Left, x.MaxDays, translate(lang, "case.unit."+string(x.Unit)),
		citeIn(lang, x.Basis))
}

// dayOffWhy says why agencies do not work on d, in the page's language.
func dayOffWhy(lang string, cal *workflow.Calendar, d workflow.Date) string {
	if lang == "en" {
		if e, ok := cal.Exception(d); ok && e.Kind == workflow.DayOff && e.Name != "" {
			return e.Name
		}
		return d.Weekday().String()
	}
	return cal.NonWorkingReason(d)
}

// confirmDayOff is the form's box that keeps a dialogue on a day off
// (the API's confirm_non_working_day).
const confirmDayOff = "confirm_non_working_day"

// dayOffWarning asks to confirm a dialogue date on which agencies do not work.
func (w *web) dayOffWarning(lang, typed string) string {
	d, err := workflow.ParseTypedDate(strings.TrimSpace(typed))
	if err != nil {
		return ""
	}
	return fmt.Sprintf(translate(lang, "case.dialogue_day_off"), d.VN(), dayOffWhy(lang, w.store.Calendar(), d))
}

// weekdaysEN name in English the weekdays NonWorkingReason gives in Vietnamese.
var weekdaysEN = map[string]string{"thứ Bảy": "Saturday", "Chủ nhật": "Sunday", "thứ Hai": "Monday", "thứ Ba": "Tuesday",
	"thứ Tư": "Wednesday", "thứ Năm": "Thursday", "thứ Sáu": "Friday"}

// dayOffIn shows a recorded reason for a day off in the page's language
// (holiday names stay as the calendar names them).
func dayOffIn(lang, why string) string {
	if en, ok := weekdaysEN[why]; ok && lang == "en" {
		return en
	}
	return why
}
