package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// schedulePage is GET /lich-tiep-cong-dan, open to everyone: the heads'
// coming reception days, cancelled ones with their reason (LTCD Art. 24).
func (w *web) schedulePage(c *gin.Context) {
	days, err := w.store.PublicSchedule(c.Request.Context(), w.store.Today())
	if err != nil {
		pageFail(c, err)
		return
	}
	w.render(c, http.StatusOK, "schedule", days, nil)
}
