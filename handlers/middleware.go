package handlers

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"petitions/workflow"
	"time"

	"github.com/gin-gonic/gin"
)

const requestIDKey = "request_id"

// MaxBodyBytes caps every request body.
const MaxBodyBytes = 256 << 10

// requestLog gives each request an id and logs one line: method, path (never
// the query string, which may hold a searched name), status and duration.
func requestLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id := hex.EncodeToString(b)
		c.Set(requestIDKey, id)
		c.Header("X-Request-Id", id)
		start := time.Now()
		c.Next()
		slog.Info("request", "request_id", id, "method", c.Request.Method, "path", c.FullPath(),
			"status", c.Writer.Status(), "ms", time.Since(start).Milliseconds())
	}
}

// recovery turns a panic into a clean 500 without internals.
func recovery() gin.HandlerFunc {
	return gin.CustomRecovery(func(c *gin.Context, err any) {
		slog.Error("panic", "request_id", c.GetString(requestIDKey), "err", err)
		internalAnswer(c)
	})
}

// contentSecurityPolicy allows only this site's own files: no inline style or
// script (the templates hold none, see TestTemplatesHoldNoInlineStyleOrScript),
// forms post only here, no <base> may move relative links, no site may frame us.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// noStore tells browsers and proxies not to keep the answer: every API answer
// may carry a token, a petitioner or a case (pages do the same in render).
func noStore(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.Next()
}

// secureCookiesKey marks, in the request, that cookies must be Secure
// because the public URL is https (see WithPublicURL).
const secureCookiesKey = "secure_cookies"

// secureCookies reports whether cookies set on this request must be Secure:
// the request came over TLS, or the site's public URL is https (TLS ended at
// a proxy in front of us).
func secureCookies(c *gin.Context) bool {
	return c.Request.TLS != nil || c.GetBool(secureCookiesKey)
}

// limitBody caps request bodies and sets the security headers.
func limitBody() gin.HandlerFunc {
	return func(c *gin.Context) {
		limit := int64(MaxBodyBytes)
		if isUpload(c) {
			limit = workflow.MaxAttachmentBytes + uploadOverhead
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		c.Next()
	}
}
