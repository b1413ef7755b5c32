package handlers

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/workflow"
)

// statusOf is the one map from the engine's error codes to HTTP (STYLE.md habit 2).
func statusOf(code workflow.Code) int {
	switch code {
	case workflow.CodeInvalid:
		return http.StatusBadRequest
	case workflow.CodeUnauthorized:
		return http.StatusUnauthorized
	case workflow.CodeForbidden, workflow.CodeIdentityForbidden:
		return http.StatusForbidden
	case workflow.CodeNotFound:
		return http.StatusNotFound
	case workflow.CodeConflict:
		return http.StatusConflict
	case workflow.CodeInternal:
		return http.StatusInternalServerError
	}
	return http.StatusUnprocessableEntity // every domain rule
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// fail answers with the error body of API.md. Internal errors are logged with
// the request id and shown as a plain sentence, never their text.
func fail(c *gin.Context, err error) {
	var e *workflow.Error
	if !errors.As(err, &e) {
		slog.ErrorContext(c.Request.Context(), "internal error", "request_id", c.GetString(requestIDKey), "err", err)
		e = &workflow.Error{Code: workflow.CodeInternal, Message: "Đã có lỗi hệ thống; vui lòng thử lại sau."}
	}
	c.AbortWithStatusJSON(statusOf(e.Code), gin.H{"error": errorBody{Code: string(e.Code), Message: e.Message, Field: e.Field}})
}

// failCode answers with a specific code and message.
func failCode(c *gin.Context, status int, code, message, field string) {
	c.AbortWithStatusJSON(status, gin.H{"error": errorBody{Code: code, Message: message, Field: field}})
}
