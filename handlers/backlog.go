package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// backlog answers GET /api/v1/backlog?as_of=&unit= for heads, supervisors and administrators.
func (a *api) backlog(c *gin.Context) {
	v := viewerOf(c)
	if !v.MayReadBacklog() {
		forbidden(c, "chỉ thủ trưởng, giám sát và quản trị được xem tồn đọng")
		return
	}
	asOf, units, ok := a.asOfInScope(c, v)
	if !ok {
		return
	}
	b, err := a.store.Backlog(c.Request.Context(), units, asOf)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, b)
}
