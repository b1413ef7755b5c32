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
	asOf, ok := a.asOf(c)
	if !ok {
		return
	}
	units := v.Scope
	if code := c.Query("unit"); code != "" {
		if units, ok = a.unitScope(c, v, code); !ok {
			return
		}
	}
	b, err := a.store.Backlog(c.Request.Context(), units, asOf)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, b)
}
