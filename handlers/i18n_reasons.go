package handlers

import "strings"

// reasonMessages are the English names of the reason codes (workflow/reasons.go
// holds the Vietnamese ones, copied in at start-up) and the labels of what issue 13 §5 added to the
// case page: the extension left, the dialogue on a day off. Merged into
// messages at start-up.
var reasonMessages = map[string][2]string{
	"reason.KN-NA-01":      {"", "The decision or act is internal, a legal norm, or a state secret"},
	"reason.KN-NA-02":      {"", "Not directly about the complainant's own rights and interests"},
	"reason.KN-NA-03":      {"", "The complainant lacks full legal capacity and has no representative"},
	"reason.KN-NA-04":      {"", "The representative is not lawful"},
	"reason.KN-NA-05":      {"", "The letter bears no signature or fingerprint of the complainant"},
	"reason.KN-NA-06":      {"", "The time limit for complaining has passed without good cause"},
	"reason.KN-NA-07":      {"", "A second-round decision has already been issued"},
	"reason.KN-NA-08":      {"", "Suspended and not pursued within 30 days of the notice"},
	"reason.KN-NA-09":      {"", "A court has accepted the matter or ruled on it"},
	"reason.KN-NA-10":      {"", "Not within this body's competence — guided to the competent body"},
	"reason.KN-NA-11":      {"", "A group complaint lacks signatures or the appointment of representatives"},
	"reason.TC-NA-01":      {"", "The letter lacks the content required by Article 23"},
	"reason.TC-NA-02":      {"", "The denouncer lacks legal capacity and has no representative"},
	"reason.TC-NA-03":      {"", "Not within this body's competence"},
	"reason.TC-NA-04":      {"", "No ground to identify the offender or the offence"},
	"reason.TC-NA-05":      {"", "Denounces an official who resolved a complaint lawfully, without evidence"},
	"reason.KP-NA-01":      {"", "The content is outside what this body receives"},
	"reason.KP-NA-02":      {"", "The content is unclear; the request cannot be identified"},
	"reason.DUPLICATE":     {"", "Duplicate letter — linked to the original"},
	"reason.INELIGIBLE":    {"", "The letter does not qualify for processing — filed"},
	"reason.MIXED_CONTENT": {"", "Mixed content — the sender is guided to split the letter"},
	"reason.TC-NP-06":      {"", "Sent at the same time to the competent body, or already guided once"},
	"reason.TC-NP-07":      {"", "Anonymous or impersonated — content passed on for inspection where clear"},
	"reason.TC-NR-08":      {"", "A repeat denunciation of a matter already lawfully resolved"},

	"case.extend.left":        {"Còn %d lần gia hạn; mỗi lần không quá %d %s (%s).", "%d extension(s) left; each adds at most %d %s (%s)."},
	"case.unit.working_days":  {"ngày làm việc", "working days"},
	"case.unit.calendar_days": {"ngày", "days"},
	"case.dialogue_day_off": {"Ngày %s không phải ngày làm việc (%s). Nếu vẫn tổ chức đối thoại vào ngày này, hãy đánh dấu ô xác nhận rồi gửi lại.",
		"%s is not a working day (%s). To hold the dialogue on that day anyway, tick the box below and send again."},
	"field.confirm_non_working_day": {"Tôi xác nhận tổ chức đối thoại vào ngày không phải ngày làm việc",
		"I confirm the dialogue on a day that is not a working day"},
	"field.non_working_day": {"Ngày đối thoại không phải ngày làm việc (đã xác nhận)", "Dialogue on a day off (confirmed)"},
}

func init() {
	for k, v := range reasonMessages {
		if code, ok := strings.CutPrefix(k, "reason."); ok {
			if r, found := reasonCodeOf(code); found {
				v[0] = r.Label // the Vietnamese name is the engine's
				reasonMessages[k] = v
			}
		}
	}
	addMessages(reasonMessages)
}
