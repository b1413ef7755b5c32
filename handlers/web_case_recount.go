package handlers

import (
	"encoding/json"
	"fmt"

	"petitions/workflow"
)

// recountMessages label the system's recount records on the case page.
var recountMessages = map[string][2]string{
	"case.system":       {"Hệ thống", "System"},
	"recount.clock":     {"%s: hạn %s chuyển thành %s", "%s: due %s, now %s"},
	"recount.day.off":   {"Ngày %s thành ngày nghỉ: %s (%s)", "%s became a day off: %s (%s)"},
	"recount.day.work":  {"Ngày %s thành ngày làm việc: %s (%s)", "%s became a working day: %s (%s)"},
	"recount.by":        {"Người sửa lịch", "Calendar changed by"},
	"recount.no_source": {"không ghi văn bản", "no document given"},
	"calendar.release":  {"lịch phát hành kèm phần mềm (lần %d)", "the calendar shipped with the software (release %d)"},
}

func init() {
	addMessages(recountMessages)
}

// recountDetails describes a recount record: each clock with its old and new
// due date, and each changed day of the calendar with its document.
func recountDetails(lang string, raw json.RawMessage) []string {
	var p struct {
		Clocks  []workflow.MovedClock  `json:"clocks"`
		Days    []workflow.CalendarDay `json:"days"`
		By      string                 `json:"by"`
		Release int                    `json:"release"`
	}
	if json.Unmarshal(raw, &p) != nil {
		return nil
	}
	var out []string
	for _, k := range p.Clocks {
		out = append(out, sprintf(lang, "recount.clock", translate(lang, "clock."+string(k.Clock)), k.OldDueOn.VN(), k.NewDueOn.VN()))
	}
	for _, d := range p.Days {
		src := d.Source
		if src == "" {
			src = translate(lang, "recount.no_source")
		}
		out = append(out, sprintf(lang, "recount.day."+string(d.Kind), d.Day.VN(), d.Name, src))
	}
	switch {
	case p.By != "":
		out = append(out, translate(lang, "recount.by")+": "+p.By)
	case p.Release > 0:
		out = append(out, translate(lang, "recount.by")+": "+sprintf(lang, "calendar.release", p.Release))
	}
	return out
}

// sprintf formats the message key in the page's language.
func sprintf(lang, key string, args ...any) string { return fmt.Sprintf(translate(lang, key), args...) }
