package handlers

import (
	"encoding/json"
	"fmt"
	"slices"
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
	if e == workflow.EvCorrect {
		return correctDetails(lang, p)
	}
	if e == workflow.EvReorganise {
		return []string{t("case.h.moved") + ": " + fmt.Sprint(p["from_name"]) + " → " + fmt.Sprint(p["to_name"]),
			t("case.h.effective") + ": " + isoToVN(fmt.Sprint(p["effective_on"]))}
	}
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
	if ch := str("channel"); ch != "" && e == workflow.EvReceive { // the letter's channel, not a disclosure's
		add(t("case.channel"), t("channel."+ch))
		delete(p, "channel")
	}
	sealed := anyStrings(p["identity_fields"]) // left sealed for this viewer (store.HistoryFor)
	for _, f := range workflow.Fields {
		v := str(f.Name)
		switch {
		case !e.Takes(f.Name): // a word the engine used for something else (extend's "clock")
			continue
		case v == "" && f.Identity && slices.Contains(sealed, f.Name):
			v = t("field.sealed")
		case v == "":
			continue
		case f.Name == "assignee":
			if n, ok := names[v]; ok {
				v = n
			}
		case f.Name == "reason_code":
			v = reasonLabel(lang, v)
		case f.Choices != "":
			v = t(f.Choices + v)
		case f.Type == workflow.FieldDate:
			v = isoToVN(v)
		case f.Type == workflow.FieldAmount:
			v = strings.Replace(v, ".", ",", 1) // the decimal comma
		}
		add(t(f.Label), v)
	}
	// What the engine worked out: a dialogue on a day off, an extension's new due date.
	add(t("field.non_working_day"), dayOffIn(lang, str("non_working_day")))
	add(t("queue.due"), isoToVN(str("due_on")))
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

// correctFieldLabels are the labels of a correction's fields in the history.
var correctFieldLabels = map[string]string{
	"received_on": "case.received_on", "kind": "queue.kind", "round": "case.round", "prior_case_id": "case.prior",
	"channel": "case.channel", "forwarded_by": "desk.forwarded_by", "subject": "queue.subject", "content": "case.content",
	"petitioner.name": "case.p.name", "petitioner.id_number": "case.p.id_number", "petitioner.phone": "case.p.phone",
	"petitioner.address": "case.p.address",
}

// correctDetails describes a correction: the reason, each field's old and
// new value, the identity's only where the store opened it for this viewer
// (store.HistoryFor), and the deadlines recounted.
func correctDetails(lang string, p map[string]any) []string {
	t := func(key string) string { return translate(lang, key) }
	shown := func(field string, v any) string {
		switch x := v.(type) {
		case nil:
			return t("correct.none")
		case float64:
			if field == "prior_case_id" {
				return "#" + strconv.FormatFloat(x, 'f', -1, 64)
			}
			return strconv.FormatFloat(x, 'f', -1, 64)
		case string:
			switch {
			case x == "":
				return t("correct.none")
			case field == "received_on":
				return isoToVN(x)
			case field == "kind":
				return t("kind." + x)
			case field == "channel":
				return t("channel." + x)
			}
			return x
		}
		return ""
	}
	out := []string{t("correct.reason") + ": " + fmt.Sprint(p["reason"])}
	before, _ := p["before"].(map[string]any)
	after, _ := p["after"].(map[string]any)
	id, _ := p["petitioner"].(map[string]any)
	idBefore, _ := id["before"].(map[string]any)
	idAfter, _ := id["after"].(map[string]any)
	var hidden []string
	for _, f := range workflow.CorrectionFields {
		label := t(correctFieldLabels[f.Name])
		if !f.Identity {
			if _, ok := after[f.Name]; ok {
				out = append(out, label+": "+shown(f.Name, before[f.Name])+" → "+shown(f.Name, after[f.Name]))
			}
			continue
		}
		key := strings.TrimPrefix(f.Name, "petitioner.")
		switch _, opened := idAfter[key]; {
		case opened:
			out = append(out, label+": "+shown(key, idBefore[key])+" → "+shown(key, idAfter[key]))
		case id == nil && slices.Contains(anyStrings(p["petitioner_fields"]), f.Name):
			hidden = append(hidden, strings.ToLower(label))
		}
	}
	if len(hidden) > 0 {
		out = append(out, fmt.Sprintf(t("correct.identity_hidden"), strings.Join(hidden, ", ")))
	}
	var moved []string
	xs, _ := p["recounted"].([]any)
	for _, x := range xs {
		m, _ := x.(map[string]any)
		name, _ := m["clock"].(string)
		from, _ := m["old_due_on"].(string)
		to, _ := m["new_due_on"].(string)
		moved = append(moved, t("clock."+name)+" "+dashIfEmpty(isoToVN(from))+" → "+dashIfEmpty(isoToVN(to)))
	}
	if len(moved) > 0 {
		out = append(out, t("correct.recounted")+": "+strings.Join(moved, "; "))
	}
	if note, _ := p["note"].(string); note != "" {
		out = append(out, t("field.note")+": "+note)
	}
	return out
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// anyStrings reads a JSON array of strings.
func anyStrings(v any) []string {
	xs, _ := v.([]any)
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
