package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// One visit of the reception book (GET /tiep-cong-dan/luot/:id), with its
// visitor for those who may see them. The book's pages keep a denouncer
// sealed (store.VisitFilter.KeepSecrets); this page opens one, and the read
// is logged as a case's (LTC 2018 Art. 8). To those who may not read the
// unit's book it does not exist.
func (w *web) receptionVisitPage(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		w.notFound(c, http.StatusNotFound)
		return
	}
	visit, err := w.store.Visit(c.Request.Context(), viewerOf(c), id)
	if workflow.ErrorCode(err) == workflow.CodeNotFound {
		w.notFound(c, http.StatusNotFound)
		return
	}
	if err != nil {
		pageFail(c, err)
		return
	}
	w.render(c, http.StatusOK, "receptionvisit", struct {
		Visit     store.ReceptionVisit
		CanRecord bool
	}{visit, viewerOf(c).MayRecordReception(visit.UnitID)}, nil)
}
