package handlers

// A visit's papers, printable (GET /tiep-cong-dan/luot/:id/in): the notice
// refusing to receive a citizen (Mẫu 01/TCD, ND 154/2026 Art. 4: in writing
// for the grounds of LTCD Art. 9(3) and ND 154 Art. 4(1)(h), within three
// working days) and the receipt for the papers a citizen handed in (Mẫu
// 02/TCD). The forms' exact wording was not available; the papers follow
// the common layout of Vietnamese administrative documents (national
// heading, issuing body, number, place and date, title, body, recipients,
// signature block), and the number is left for the clerk to write.

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// visitPaperView is the page's data.
type visitPaperView struct {
	Visit store.ReceptionVisit
	paperHead
	Numbers        map[string]store.VisitPaper // the papers numbered, by form
	CanNumber      bool
	Refusal        *workflow.RefusalReason
	Documents      []string
	Signer         string
	NothingToPrint bool
}

func (w *web) visitPaper(c *gin.Context) {
	ctx, v := c.Request.Context(), viewerOf(c)
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		w.notFound(c, http.StatusNotFound)
		return
	}
	visit, err := w.store.Visit(ctx, v, id)
	if workflow.ErrorCode(err) == workflow.CodeNotFound {
		w.notFound(c, http.StatusNotFound)
		return
	}
	if err != nil {
		pageFail(c, err)
		return
	}
	if visit.Visitor == nil || !v.MayRecordReception(visit.UnitID) { // the paper names the citizen
		w.render(c, http.StatusForbidden, "reception", receptionPage{Denied: true}, nil)
		return
	}
	units, err := w.store.Units(ctx)
	if err != nil {
		pageFail(c, err)
		return
	}
	p := visitPaperView{Visit: visit, Signer: userOf(c).Name, paperHead: headOf(units, visit.UnitID, visit.VisitedOn)}
	if r, ok := workflow.RefusalReasonOn(visit.RefusalCode, visit.VisitedOn); ok && visit.Outcome == workflow.VisitRefused {
		p.Refusal = &r
	}
	for _, d := range strings.Split(visit.Documents, "\n") {
		if d = strings.TrimSpace(d); d != "" {
			p.Documents = append(p.Documents, d)
		}
	}
	p.NothingToPrint = p.Refusal == nil && len(p.Documents) == 0
	if p.Numbers, err = w.store.VisitPapers(ctx, visit.ID); err != nil {
		pageFail(c, err)
		return
	}
	p.CanNumber = true // MayRecordReception, checked above
	w.render(c, http.StatusOK, "visitpaper", p, nil)
}

// visitPaperNumber is POST /tiep-cong-dan/luot/:id/in/:form: the unit's next
// number for the visit's refusal notice (01) or receipt (02), then the papers.
func (w *web) visitPaperNumber(c *gin.Context) {
	ctx, v := c.Request.Context(), viewerOf(c)
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		w.notFound(c, http.StatusNotFound)
		return
	}
	visit, err := w.store.Visit(ctx, v, id)
	if workflow.ErrorCode(err) == workflow.CodeNotFound {
		w.notFound(c, http.StatusNotFound)
		return
	}
	if err == nil {
		_, err = w.store.IssueVisitPaper(ctx, userOf(c), v, visit, c.Param("form")+"/TCD")
	}
	if err != nil {
		e := userRefusal(c, err)
		if e == nil {
			return
		}
		if e.Code == workflow.CodeForbidden {
			w.render(c, http.StatusForbidden, "reception", receptionPage{Denied: true}, nil)
			return
		}
		setFlash(c, sentence(e.Message))
	} else {
		setFlash(c, translate(langOf(c), "doc.saved"))
	}
	c.Redirect(http.StatusSeeOther, "/tiep-cong-dan/luot/"+strconv.FormatInt(id, 10)+"/in")
}
