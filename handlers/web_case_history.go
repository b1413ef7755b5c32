package handlers

import (
	"encoding/json"
	"strconv"
	"strings"

	"petitions/workflow"
)

// historyDetails describes a record's payload in a few short lines.
func historyDetails(lang string, k workflow.Kind, e workflow.Event, raw json.RawMessage, names map[string]string) []string {
	var p map[string]any
	if len(raw) == 0 || json.Unmarshal(raw, &p) != nil {
		return nil
	}
	if e == workflow.EvRecount {
		return recountDetails(lang, raw)
	}
	t := func(key string) string { return translate(lang, key) }
	var out []string
	add := func(label, value string) {
		if value != "" {
			out = append(out, label+": "+value)
		}
	}
	str := func(key string) string {
		switch x := p[key].(type) {
		case string:
			return x
		case float64:
			return strconv.FormatFloat(x, 'f', -1, 64)
		case bool:
			if x {
				return t("case.yes")
			}
			return t("case.no")
		}
		return ""
	}
	if a := str("assignee"); a != "" {
		if n, ok := names[a]; ok {
			a = n
		}
		add(t("field.assignee"), a)
	}
	if code := str("reason_code"); code != "" {
		add(t("field.reason_code"), reasonLabel(lang, code))
	}
	add(t("field.duplicate_of"), str("duplicate_of"))
	add(t("field.target"), str("target"))
	if c := str("complexity"); c != "" {
		add(t("field.complexity"), t("complexity."+c))
	}
	add(t("field.remote_area"), str("remote_area"))
	add(t("field.competent"), str("competent"))
	add(t("field.differs"), str("differs"))
	add(t("field.dialogue_on"), isoToVN(str("dialogue_on")))
	add(t("field.non_working_day"), dayOffIn(lang, str("non_working_day")))
	add(t("field.minutes"), str("minutes"))
	add(t("field.attended"), str("attended"))
	add(t("field.days"), str("days"))
	add(t("queue.due"), isoToVN(str("due_on")))
	if o := str("outcome"); o != "" {
		add(t("field.outcome"), t("outcome."+o))
	}
	add(t("field.summary"), str("summary"))
	if ch := str("channel"); ch != "" {
		if e == workflow.EvReceive {
			add(t("case.channel"), t("channel."+ch))
		} else {
			add(t("field.channel"), t("disclose."+ch))
		}
	}
	add(t("field.text"), str("text"))
	add(t("field.violation_signs"), str("violation_signs"))
	add(t("field.note"), str("note"))
	add(t("case.h.started"), clockList(lang, p["clocks_started"]))
	add(t("case.h.stopped"), clockList(lang, p["clocks_stopped"]))
	return out
}

func clockList(lang string, v any) string {
	xs, _ := v.([]any)
	var names []string
	for _, x := range xs {
		if s, ok := x.(string); ok {
			names = append(names, translate(lang, "clock."+s))
		}
	}
	return strings.Join(names, ", ")
}

func isoToVN(s string) string {
	if d, err := workflow.ParseDate(s); err == nil {
		return d.VN()
	}
	return s
}
