package handlers

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

const (
	userKey   = "user"
	viewerKey = "viewer"
)

// login answers POST /api/v1/session {"login","password","unit"?} with a new
// token, acting in the user's post in unit when given (store/posts.go).
func (a *api) login(c *gin.Context) {
	var in struct {
		Login    string `json:"login"`
		Password string `json:"password"`
		Unit     string `json:"unit"`
	}
	if !decodeJSON(c, &in) {
		return
	}
	attempt, ok, err := a.limiter.begin(c.Request.Context(), in.Login, c.ClientIP())
	if err != nil {
		fail(c, err)
		return
	}
	if !ok {
		failCode(c, http.StatusTooManyRequests, "too_many_attempts", "đăng nhập sai quá nhiều lần; vui lòng thử lại sau 15 phút", "")
		return
	}
	u, err := a.store.Authenticate(c.Request.Context(), in.Login, in.Password)
	if err != nil {
		fail(c, err) // the attempt stays counted as a failure
		return
	}
	if err := a.limiter.succeeded(c.Request.Context(), attempt); err != nil {
		fail(c, err)
		return
	}
	if u.MustChangePassword { // the password an administrator gave opens no API: choose one first
		failCode(c, http.StatusForbidden, "password_change_required", "cần đổi mật khẩu do quản trị viên cấp tại trang "+passwordPage+" trước khi dùng API", "")
		return
	}
	token, err := a.store.CreateTokenInPost(c.Request.Context(), u, in.Unit)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"token": token})
}

// logout answers DELETE /api/v1/session: the caller's own token is revoked at
// once (204); other tokens of the same user live on.
func (a *api) logout(c *gin.Context) {
	err := a.store.RevokeToken(c.Request.Context(), bearer(c))
	if workflow.ErrorCode(err) == workflow.CodeNotFound { // revoked by another request meanwhile
		failCode(c, http.StatusUnauthorized, "unauthorized", "phiên đăng nhập không hợp lệ hoặc đã hết hạn", "")
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// bearer is the request's bearer token ("" when it has none).
func bearer(c *gin.Context) string {
	token, _ := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	return strings.TrimSpace(token)
}

// authenticate requires "Authorization: Bearer TOKEN" and loads the user and
// the units in their scope.
func (a *api) authenticate(c *gin.Context) {
	token := bearer(c)
	if !strings.HasPrefix(c.GetHeader("Authorization"), "Bearer ") || token == "" {
		failCode(c, http.StatusUnauthorized, "unauthorized", "cần đăng nhập (Authorization: Bearer …)", "")
		return
	}
	u, err := a.store.UserByToken(c.Request.Context(), token)
	if err != nil {
		fail(c, err)
		return
	}
	v, err := a.store.Viewer(c.Request.Context(), u)
	if err != nil {
		fail(c, err)
		return
	}
	c.Set(userKey, u)
	c.Set(viewerKey, v)
	c.Next()
}

func userOf(c *gin.Context) store.User        { return c.MustGet(userKey).(store.User) }
func viewerOf(c *gin.Context) workflow.Viewer { return c.MustGet(viewerKey).(workflow.Viewer) }

// forbidden answers 403.
func forbidden(c *gin.Context, message string) {
	failCode(c, http.StatusForbidden, "forbidden", message, "")
}
