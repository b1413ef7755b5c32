package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/workflow"
)

// backlog answers GET /api/v1/backlog?as_of=&unit= for heads, supervisors and administrators.
func (a *api) backlog(c *gin.Context) {
	v := viewerOf(c)
	if !v.MayReadBacklog() {
		forbidden(c, "chỉ thủ trưởng, giám sát và quản trị được xem tồn đọng")
		return
	}
	asOf := a.store.Today()
	if s := c.Query("as_of"); s != "" {
		d, err := workflow.ParseDate(s)
		if err != nil || d.After(asOf) || d.Year() < 2000 {
			failCode(c, http.StatusBadRequest, "invalid", "as_of phải là một ngày dạng YYYY-MM-DD, từ năm 2000 đến hôm nay", "as_of")
			return
		}
		asOf = d
	}
	units := v.Scope
	if code := c.Query("unit"); code != "" {
		var ok bool
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
