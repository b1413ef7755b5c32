package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/unicode/norm"

	"petitions/workflow"
)

// decodeJSON reads the request body into v: invalid JSON is 400 invalid_json,
// a field of the wrong type names the field, an oversized body is 413.
func decodeJSON(c *gin.Context, v any) bool {
	dec := json.NewDecoder(c.Request.Body)
	err := dec.Decode(v)
	if err == nil {
		// Anything after the value, even a stray '}' (which dec.More misses), is refused.
		if _, tokErr := dec.Token(); !errors.Is(tokErr, io.EOF) {
			err = errors.New("trailing data")
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

// text normalises a user-typed string to NFC (STYLE.md: Vietnamese text) and
// trims it, refusing one longer than max characters.
func text(field, s string, max int) (string, error) {
	s = strings.TrimSpace(norm.NFC.String(s))
	if !utf8.ValidString(s) {
		return "", workflow.Invalid(field, "văn bản không hợp lệ (UTF-8)")
	}
	if utf8.RuneCountInString(s) > max {
		return "", workflow.Invalid(field, "dài quá %d ký tự", max)
	}
	return s, nil
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

// Field length limits.
const (
	maxShort = 200
	maxLong  = 20000
)

// query is a search box's q, as every search reads it: NFC and trimmed
// (STYLE.md: Vietnamese text), so that a query typed decomposed finds what
// the same words typed precomposed find.
func query(c *gin.Context) string {
	return strings.TrimSpace(norm.NFC.String(c.Query("q")))
}
