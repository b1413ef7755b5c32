package handlers

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// statusByCode is the one table from the engine's error codes to HTTP
// (STYLE.md habit 2), for the API (fail) and the pages (statusOf, pageFail)
// alike. A code not in it is a domain rule: 422.
var statusByCode = map[workflow.Code]int{
	workflow.CodeInvalid:           http.StatusBadRequest,
	workflow.CodeUnauthorized:      http.StatusUnauthorized,
	workflow.CodeForbidden:         http.StatusForbidden,
	workflow.CodeIdentityForbidden: http.StatusForbidden,
	workflow.CodeNotFound:          http.StatusNotFound,
	workflow.CodeConflict:          http.StatusConflict,
	workflow.CodeInternal:          http.StatusInternalServerError,
	workflow.CodeTooLarge:          http.StatusRequestEntityTooLarge,
	workflow.CodeUnsupportedFile:   http.StatusUnsupportedMediaType,
	workflow.CodeUnavailable:       http.StatusServiceUnavailable,
}

// userRefusal is the refusal a page shows its user, or nil once an internal
// error has been answered with the page of one (pageFail).
func userRefusal(c *gin.Context, err error) *workflow.Error {
	err = store.TimedOut(err)
	var e *workflow.Error
	if !errors.As(err, &e) || e.Code == workflow.CodeInternal {
		pageFail(c, err)
		return nil
	}
	return e
}

// statusOf is the HTTP status of an error code (statusByCode).
func statusOf(code workflow.Code) int {
	if s, ok := statusByCode[code]; ok {
		return s
	}
	return http.StatusUnprocessableEntity // every domain rule
}

// internalKey is the message key of the one sentence an internal error shows,
// on the API (always in Vietnamese, API.md) and on the pages (in the user's language).
const internalKey = "error.internal"

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// fail answers with the error body of API.md. Internal errors are logged with
// the request id and shown as a plain sentence, never their text.
func fail(c *gin.Context, err error) {
	err = store.TimedOut(err)
	var e *workflow.Error
	if !errors.As(err, &e) {
		logInternal(c, err)
		e = &workflow.Error{Code: workflow.CodeInternal, Message: translate("vi", internalKey)}
	}
	c.AbortWithStatusJSON(statusOf(e.Code), gin.H{"error": errorBody{Code: string(e.Code), Message: e.Message, Field: e.Field}})
}

// failCode answers with a specific code and message.
func failCode(c *gin.Context, status int, code, message, field string) {
	c.AbortWithStatusJSON(status, gin.H{"error": errorBody{Code: code, Message: message, Field: field}})
}

// pageFail is fail for the pages: it logs err with the request id and answers
// 500 with the plain sentence in the user's language, as text (a page that
// failed once is not rendered again).
func pageFail(c *gin.Context, err error) {
	if store.TimedOut(err) == store.ErrTimedOut { // a read too large for the statement timeout: say so
		slog.WarnContext(c.Request.Context(), "statement timeout", "path", c.Request.URL.Path, "request_id", c.GetString(requestIDKey))
		c.Data(statusOf(store.ErrTimedOut.Code), "text/plain; charset=utf-8", []byte(translate(langOf(c), "error.timeout")))
		c.Abort()
		return
	}
	logInternal(c, err)
	internalAnswer(c)
}

// internalAnswer answers a request that failed inside, already logged: the
// API's error body on /api/, the plain sentence elsewhere.
func internalAnswer(c *gin.Context) {
	if isAPI(c) {
		failCode(c, http.StatusInternalServerError, string(workflow.CodeInternal), translate("vi", internalKey), "")
		return
	}
	c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte(translate(langOf(c), internalKey)))
	c.Abort()
}

func logInternal(c *gin.Context, err error) {
	slog.ErrorContext(c.Request.Context(), "internal error", "path", c.Request.URL.Path,
		"request_id", c.GetString(requestIDKey), "err", err)
}

// errText is the sentence a page shows for err: the engine's own (Vietnamese)
// message as a sentence, or the plain internal sentence in lang.
func errText(lang string, err error) string {
	if err = store.TimedOut(err); err == store.ErrTimedOut {
		return translate(lang, "error.timeout")
	}
	var e *workflow.Error
	if errors.As(err, &e) && e.Code != workflow.CodeInternal {
		return sentence(e.Message)
	}
	return translate(lang, internalKey)
}

// isAPI tells the JSON API's requests from the pages'.
func isAPI(c *gin.Context) bool {
	return c.Request.URL.Path == "/api" || strings.HasPrefix(c.Request.URL.Path, "/api/")
}
