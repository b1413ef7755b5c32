package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/unicode/norm"

	"petitions/workflow"
)

// decodeJSON reads the request body into v: invalid JSON is 400 invalid_json,
// a field of the wrong type names the field, an oversized body is 413. Keys
// are matched exactly (checkKeys): a duplicate or mis-cased key is 400 naming
// it, as is a date outside the years the law's tables cover.
func decodeJSON(c *gin.Context, v any) bool {
	raw, err := io.ReadAll(c.Request.Body)
	if err == nil {
		err = checkKeys(raw, reflect.TypeOf(v))
	}
	if err == nil {
		dec := json.NewDecoder(bytes.NewReader(raw))
		err = dec.Decode(v)
		if err == nil {
			// Anything after the value, even a stray '}' (which dec.More misses), is refused.
			if _, tokErr := dec.Token(); !errors.Is(tokErr, io.EOF) {
				err = errors.New("trailing data")
			}
		}
	}
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		failCode(c, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("nội dung gửi lên vượt quá %d KB", MaxBodyBytes>>10), "")
	case errors.As(err, &typeErr):
		if typeErr.Field == "" {
			failCode(c, http.StatusBadRequest, "invalid_json", "nội dung phải là một đối tượng JSON", "")
			break
		}
		failCode(c, http.StatusBadRequest, "invalid", fmt.Sprintf("trường %q sai kiểu dữ liệu", typeErr.Field), typeErr.Field)
	case errors.Is(err, io.EOF):
		failCode(c, http.StatusBadRequest, "invalid_json", "thiếu nội dung JSON", "")
	default:
		var e *workflow.Error
		if errors.As(err, &e) {
			fail(c, e)
			return false
		}
		if strings.Contains(err.Error(), "not a date") {
			failCode(c, http.StatusBadRequest, "invalid", "ngày phải có dạng YYYY-MM-DD", "")
			return false
		}
		failCode(c, http.StatusBadRequest, "invalid_json", "nội dung không phải JSON hợp lệ", "")
	}
	return false
}

// earliestDate is the first day a date in a body may name: the law's tables
// start in 2000 (workflow's lawStart); the zero date would otherwise read as
// "not given" and silently become today.
var earliestDate = workflow.MustDate("2000-01-01")

var dateType = reflect.TypeOf(workflow.Date{})

// checkDate refuses a date typed or sent before earliestDate (the API's and
// the forms' one rule); the engine refuses one after today for the acts'
// and the receipt's dates.
func checkDate(field string, d workflow.Date) error {
	if d.Before(earliestDate) {
		return workflow.Invalid(field, "ngày không được trước 01/01/2000")
	}
	return nil
}

// checkKeys walks the JSON in raw against the type decoded into: a key given
// twice, or one that matches a field's tag only when case is ignored (which
// encoding/json would accept, keeping the last duplicate), is refused naming
// it; a date field must be a date from 2000 on. Keys that name no field are
// left to the decoder (which ignores them). Malformed JSON is left to the
// decoder too: checkKeys then returns nil where it stops.
func checkKeys(raw []byte, t reflect.Type) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	err := walkKeys(dec, t, "")
	var e *workflow.Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// walkKeys reads one JSON value from dec, the value of the field at path of type t (nil: not a field).
func walkKeys(dec *json.Decoder, t reflect.Type, path string) error {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := kt.(string)
			name := key
			if path != "" {
				name = path + "." + key
			}
			if seen[key] {
				return workflow.Invalid(name, "trường %q xuất hiện hai lần", name)
			}
			seen[key] = true
			var ft reflect.Type
			switch {
			case t == nil:
			case t.Kind() == reflect.Map:
				ft = t.Elem()
			case t.Kind() == reflect.Struct && t != dateType:
				exact, folded := jsonField(t, key)
				if exact == nil && folded != "" {
					return workflow.Invalid(name, "trường %q phải viết đúng là %q", key, folded)
				}
				ft = exact
			}
			if err := walkKeys(dec, ft, name); err != nil {
				return err
			}
		}
		_, err := dec.Token()
		return err
	case json.Delim('['):
		var et reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			et = t.Elem()
		}
		for dec.More() {
			if err := walkKeys(dec, et, path); err != nil {
				return err
			}
		}
		_, err := dec.Token()
		return err
	}
	if s, ok := tok.(string); ok && t == dateType && s != "" {
		d, err := workflow.ParseDate(s)
		if err != nil {
			return workflow.Invalid(path, "ngày phải có dạng YYYY-MM-DD")
		}
		if err := checkDate(path, d); err != nil {
			return err
		}
	}
	return nil
}

// jsonField finds the field of struct t whose JSON name is key: its type when
// the name matches exactly, else the name it matches ignoring case.
func jsonField(t reflect.Type, key string) (reflect.Type, string) {
	folded := ""
	for _, f := range reflect.VisibleFields(t) { // an embedded struct's fields too (eventBody)
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return f.Type, ""
		}
		if strings.EqualFold(name, key) {
			folded = name
		}
	}
	return nil, folded
}

// multiline names the text fields that may span lines (tabs and line breaks
// allowed): a letter's content and address, and the long event fields;
// every other text is one line.
var multiline = func() map[string]bool {
	m := map[string]bool{"content": true, "petitioner.address": true, "documents": true}
	for _, f := range workflow.Fields {
		if f.Type == workflow.FieldLong {
			m[f.Name] = true
		}
	}
	return m
}()

// text is the one input rule for a user-typed string (STYLE.md: Vietnamese
// text): invalid UTF-8 (which encoding/json turns into U+FFFD, as it does a
// lone surrogate) is refused; the text is normalised to NFC and trimmed of
// spaces and invisible characters at both ends; control characters (C0, DEL,
// C1) are refused, except tab and line breaks in a multiline field; bidi
// embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which make
// a text read otherwise than it is stored, are refused; and a text longer
// than max characters is refused. Every refusal names the field.
func text(field, s string, max int) (string, error) {
	if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
		return "", workflow.Invalid(field, "văn bản không hợp lệ (UTF-8)")
	}
	s = strings.TrimFunc(norm.NFC.String(s), invisible)
	for _, r := range s {
		switch {
		case (r == '\t' || r == '\n' || r == '\r') && multiline[field]:
		case r < 0x20 || 0x7f <= r && r < 0xa0:
			return "", workflow.Invalid(field, "văn bản chứa ký tự điều khiển (mã U+%04X)", r)
		case 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069:
			return "", workflow.Invalid(field, "văn bản chứa ký tự đảo chiều hiển thị (mã U+%04X)", r)
		}
	}
	if utf8.RuneCountInString(s) > max {
		return "", workflow.Invalid(field, "dài quá %d ký tự", max)
	}
	return s, nil
}

// invisible reports whether r shows nothing: a space or a format character
// (zero-width spaces and joiners, the word joiner, the byte-order mark, the
// soft hyphen, bidi marks). A required text made of these alone is blank.
func invisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == '\u3164' || r == '\u115f' || r == '\u1160'
}

// texts normalises several fields at once, stopping at the first error.
func texts(fields ...textField) error {
	for _, f := range fields {
		v, err := text(f.name, *f.value, f.max)
		if err != nil {
			return err
		}
		*f.value = v
	}
	return nil
}

type textField struct {
	name  string
	value *string
	max   int
}

// Field length limits, as the event fields have them (workflow.Fields).
const (
	maxShort = workflow.MaxShort
	maxLong  = workflow.MaxLong
)

// maxSignatories bounds the people signing one letter: beyond it a number is
// a typing or encoding mistake, not a letter.
const maxSignatories = 100_000

// checkIDNumber refuses a petitioner's ID number that is neither a CCCD nor
// an old CMND (workflow.ValidIDNumber), as the desk does; empty is allowed.
func checkIDNumber(id string) error {
	if id != "" && !workflow.ValidIDNumber(id) {
		return workflow.Invalid("petitioner.id_number", "số định danh phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND cũ)")
	}
	return nil
}

// query is a search box's q, as every search reads it: NFC and trimmed
// (STYLE.md: Vietnamese text), so that a query typed decomposed finds what
// the same words typed precomposed find.
func query(c *gin.Context) string {
	return strings.TrimSpace(norm.NFC.String(c.Query("q")))
}
