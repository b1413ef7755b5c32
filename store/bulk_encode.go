package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"petitions/workflow"
)

// The bulk loader encodes a million cases' clocks, facts, payloads and
// identities. encoding/json spends most of that time on reflection, so the
// loader writes the same bytes by hand (bulk_encode_test.go compares them on
// every kind of value). Should a field be added to one of the encoded types,
// bulkFastJSON turns false and the loader falls back to encoding/json.

// bulkFastJSON reports whether the encoded types still have the fields the
// hand-written encoders know.
var bulkFastJSON = sameFields(workflow.Clock{}, []string{"Name workflow.ClockName name", "Trigger workflow.Trigger trigger",
	"StartedOn workflow.Date started_on", "Unit workflow.DayUnit unit", "Days int days", "Basis string basis",
	"DueOn workflow.Date due_on", "Skipped []workflow.Date skipped", "RunFrom workflow.Date run_from",
	"RunDays int run_days", "SuspendedOn workflow.Date suspended_on,omitempty",
	"StoppedOn workflow.Date stopped_on,omitempty", "Extensions int extensions,omitempty"}) &&
	sameFields(workflow.Facts{}, []string{"DialogueScheduledOn workflow.Date dialogue_scheduled_on,omitempty",
		"DialogueRecorded bool dialogue_recorded,omitempty", "VerificationDiffers bool verification_differs,omitempty",
		"Withdrawn bool withdrawn,omitempty", "DisclosureText string disclosure_text,omitempty",
		"DisclosureChannel string disclosure_channel,omitempty", "Summary string summary,omitempty"}) &&
	sameFields(Petitioner{}, []string{"Name string name", "IDNumber string id_number", "Phone string phone",
		"Address string address"}) &&
	sameFields(recordClock{}, []string{"Name workflow.ClockName name", "DueOn workflow.Date due_on"})

// sameFields reports whether v's struct fields are exactly want ("Name type json-tag").
func sameFields(v any, want []string) bool {
	t := reflect.TypeOf(v)
	var got []string
	for i := range t.NumField() {
		f := t.Field(i)
		got = append(got, fmt.Sprintf("%s %s %s", f.Name, f.Type, f.Tag.Get("json")))
	}
	return slices.Equal(got, want)
}

// appendJSONString appends s quoted and escaped as encoding/json writes it
// (HTML characters, U+2028 and U+2029 escaped, invalid UTF-8 replaced).
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	valid := utf8.ValidString(s) // then only U+2028 and U+2029 (E2 80 A8, E2 80 A9) stop a multibyte rune
	for i := 0; i < len(s); {
		if c := s[i]; c >= utf8.RuneSelf && valid && (c != 0xE2 || i+2 >= len(s) || s[i+1] != 0x80 || s[i+2]&0xFE != 0xA8) {
			i++
			continue
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendDate appends YYYY-MM-DD, as Date.String writes it.
func appendDate(dst []byte, d workflow.Date) []byte {
	y, m, day := d.Time().Date()
	if y < 0 || y > 9999 {
		return append(dst, d.String()...)
	}
	return append(dst, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10))
}

// appendJSONDate appends a Date as encoding/json writes it (through MarshalText).
func appendJSONDate(dst []byte, d workflow.Date) []byte {
	if d.IsZero() {
		return append(dst, `""`...)
	}
	dst = append(dst, '"')
	return append(appendDate(dst, d), '"')
}

// dateString is Date.String, faster.
func dateString(d workflow.Date) string {
	var b [10]byte
	return string(appendDate(b[:0], d))
}

// dayNumber is d as days since 01/01/1970; dayDate is its inverse.
func dayNumber(d workflow.Date) int32 { return int32(d.Time().Unix() / 86400) }
func dayDate(n int32) workflow.Date   { return workflow.D(1970, time.January, 1+int(n)) }

func appendJSONBool(dst []byte, v bool) []byte {
	if v {
		return append(dst, "true"...)
	}
	return append(dst, "false"...)
}

// appendClocks appends a case's clocks as encodeState writes them.
func appendClocks(dst []byte, clocks []workflow.Clock) []byte {
	dst = append(dst, '[')
	for i := range clocks {
		k := &clocks[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"name":`...)
		dst = appendJSONString(dst, string(k.Name))
		dst = append(dst, `,"trigger":`...)
		dst = appendJSONString(dst, string(k.Trigger))
		dst = append(dst, `,"started_on":`...)
		dst = appendJSONDate(dst, k.StartedOn)
		dst = append(dst, `,"unit":`...)
		dst = appendJSONString(dst, string(k.Unit))
		dst = append(dst, `,"days":`...)
		dst = strconv.AppendInt(dst, int64(k.Days), 10)
		dst = append(dst, `,"basis":`...)
		dst = appendJSONString(dst, k.Basis)
		dst = append(dst, `,"due_on":`...)
		dst = appendJSONDate(dst, k.DueOn)
		dst = append(dst, `,"skipped":`...)
		if k.Skipped == nil {
			dst = append(dst, "null"...)
		} else {
			dst = append(dst, '[')
			for j, d := range k.Skipped {
				if j > 0 {
					dst = append(dst, ',')
				}
				dst = appendJSONDate(dst, d)
			}
			dst = append(dst, ']')
		}
		dst = append(dst, `,"run_from":`...)
		dst = appendJSONDate(dst, k.RunFrom)
		dst = append(dst, `,"run_days":`...)
		dst = strconv.AppendInt(dst, int64(k.RunDays), 10)
		dst = append(dst, `,"suspended_on":`...)
		dst = appendJSONDate(dst, k.SuspendedOn)
		dst = append(dst, `,"stopped_on":`...)
		dst = appendJSONDate(dst, k.StoppedOn)
		if k.Extensions != 0 {
			dst = append(dst, `,"extensions":`...)
			dst = strconv.AppendInt(dst, int64(k.Extensions), 10)
		}
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

// appendFacts appends a case's facts as encodeState writes them.
func appendFacts(dst []byte, f workflow.Facts) []byte {
	dst = append(dst, `{"dialogue_scheduled_on":`...)
	dst = appendJSONDate(dst, f.DialogueScheduledOn)
	if f.DialogueRecorded {
		dst = append(dst, `,"dialogue_recorded":true`...)
	}
	if f.VerificationDiffers {
		dst = append(dst, `,"verification_differs":true`...)
	}
	if f.Withdrawn {
		dst = append(dst, `,"withdrawn":true`...)
	}
	for _, kv := range [...]struct{ key, value string }{{`,"disclosure_text":`, f.DisclosureText},
		{`,"disclosure_channel":`, f.DisclosureChannel}, {`,"summary":`, f.Summary}} {
		if kv.value != "" {
			dst = append(dst, kv.key...)
			dst = appendJSONString(dst, kv.value)
		}
	}
	return append(dst, '}')
}

// bulkRecordClocks is recordClocks, through the hand-written encoder when it
// can, with the earliest due date as a Date (zero when none runs).
func bulkRecordClocks(c workflow.Case) (clocks string, due workflow.Date) {
	if !bulkFastJSON {
		clocks, _ = recordClocks(c)
		return clocks, c.EarliestDue()
	}
	var b [128]byte
	buf := append(b[:0], '[')
	for i := range c.Clocks {
		k := &c.Clocks[i]
		if !k.Running() {
			continue
		}
		if len(buf) > 1 {
			buf = append(buf, ',')
		}
		buf = append(buf, `{"name":`...)
		buf = appendJSONString(buf, string(k.Name))
		buf = append(buf, `,"due_on":`...)
		buf = appendJSONDate(buf, k.DueOn)
		buf = append(buf, '}')
		if due.IsZero() || k.DueOn.Before(due) {
			due = k.DueOn
		}
	}
	return string(append(buf, ']')), due
}

// appendPayload appends a record's payload as json.Marshal writes it (keys
// sorted); false when a value is of a type it does not know.
func appendPayload(dst []byte, p map[string]any) ([]byte, bool) {
	if p == nil {
		return append(dst, "null"...), true
	}
	var keyStore [16]string
	keys := keyStore[:0]
	for k := range p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	dst = append(dst, '{')
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		var ok bool
		if dst, ok = appendValue(dst, p[k]); !ok {
			return dst, false
		}
	}
	return append(dst, '}'), true
}

// appendValue appends one payload value; false for a type it does not know.
func appendValue(dst []byte, v any) ([]byte, bool) {
	switch v := v.(type) {
	case string:
		return appendJSONString(dst, v), true
	case workflow.Channel:
		return appendJSONString(dst, string(v)), true
	case workflow.Complexity:
		return appendJSONString(dst, string(v)), true
	case workflow.ClockName:
		return appendJSONString(dst, string(v)), true
	case workflow.Outcome:
		return appendJSONString(dst, string(v)), true
	case bool:
		return appendJSONBool(dst, v), true
	case int:
		return strconv.AppendInt(dst, int64(v), 10), true
	case int64:
		return strconv.AppendInt(dst, v, 10), true
	case workflow.Date:
		return appendJSONDate(dst, v), true
	case []string:
		if v == nil {
			return append(dst, "null"...), true
		}
		dst = append(dst, '[')
		for i, s := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, s)
		}
		return append(dst, ']'), true
	}
	return dst, false
}

// appendBulkPayload appends a record's payload as json.Marshal writes it,
// through the hand-written encoder when it can.
func appendBulkPayload(dst []byte, p map[string]any) ([]byte, error) {
	if bulkFastJSON {
		if out, ok := appendPayload(dst, p); ok {
			return out, nil
		}
	}
	b, err := json.Marshal(p)
	if err != nil {
		return dst, fmt.Errorf("store: encode payload: %w", err)
	}
	return append(dst, b...), nil
}

// appendPetitioner appends a petitioner as json.Marshal writes it.
func appendPetitioner(dst []byte, p Petitioner) []byte {
	dst = append(dst, `{"name":`...)
	dst = appendJSONString(dst, p.Name)
	dst = append(dst, `,"id_number":`...)
	dst = appendJSONString(dst, p.IDNumber)
	dst = append(dst, `,"phone":`...)
	dst = appendJSONString(dst, p.Phone)
	dst = append(dst, `,"address":`...)
	dst = appendJSONString(dst, p.Address)
	return append(dst, '}')
}
