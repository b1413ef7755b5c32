package handlers

// The case page's attachments: POST /ho-so/:id/tep sends a file (its CSRF
// token in the form's address, so that the file streams to disk), GET
// /ho-so/:id/tep/:att saves one, POST /ho-so/:id/tep/:att/rut withdraws a
// wrong one with the reason. The API is attachments.go.

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// pageCase is the case of the path, if the viewer may read it (else 404).
func (w *web) pageCase(c *gin.Context) (store.Case, bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		w.notFound(c, http.StatusNotFound)
		return store.Case{}, false
	}
	cs, err := w.store.Case(c.Request.Context(), id)
	if workflow.ErrorCode(err) == workflow.CodeNotFound || err == nil && !viewerOf(c).MayRead(cs.Ref()) {
		w.notFound(c, http.StatusNotFound)
		return cs, false
	}
	if err != nil {
		pageFail(c, err)
		return cs, false
	}
	return cs, true
}

// attachmentPost is POST /ho-so/:id/tep.
func (w *web) attachmentPost(c *gin.Context) {
	cs, ok := w.pageCase(c)
	if !ok {
		return
	}
	var err error = workflow.Errorf(workflow.CodeForbidden, "%s", translate(langOf(c), "att.denied"))
	if viewerOf(c).MayAct(cs.Ref()) {
		_, err = readUpload(c, w.store, userOf(c), cs)
	}
	w.caseAfter(c, cs, err, "att.saved")
}

// caseAfter goes back to the case page with a flash when done; refused, it
// shows the case page with the refusal at its top and the refusal's status.
func (w *web) caseAfter(c *gin.Context, cs store.Case, err error, done string) {
	if err == nil {
		setFlash(c, translate(langOf(c), done))
		c.Redirect(http.StatusSeeOther, "/ho-so/"+strconv.FormatInt(cs.ID, 10)+"#h-files")
		return
	}
	e := userRefusal(c, err)
	if e == nil {
		return
	}
	w.renderCase(c, statusOf(e.Code), cs, nil, sentence(e.Message))
}

// pageAttachment is the case and attachment of the path, if the viewer may read the case.
func (w *web) pageAttachment(c *gin.Context) (store.Case, store.Attachment, bool) {
	cs, ok := w.pageCase(c)
	if !ok {
		return cs, store.Attachment{}, false
	}
	id, _ := strconv.ParseInt(c.Param("att"), 10, 64)
	att, err := w.store.AttachmentByID(c.Request.Context(), id)
	if err != nil || att.CaseID != cs.ID {
		w.notFound(c, http.StatusNotFound)
		return cs, att, false
	}
	return cs, att, true
}

// attachmentGet is GET /ho-so/:id/tep/:att.
func (w *web) attachmentGet(c *gin.Context) {
	if cs, att, ok := w.pageAttachment(c); ok {
		sendAttachment(c, w.store, cs, att, "web:attachment", func(c *gin.Context, err error) { w.caseAfter(c, cs, err, "") })
	}
}

// attachmentWithdraw is POST /ho-so/:id/tep/:att/rut.
func (w *web) attachmentWithdraw(c *gin.Context) {
	cs, att, ok := w.pageAttachment(c)
	if !ok {
		return
	}
	var err error = workflow.Errorf(workflow.CodeForbidden, "%s", translate(langOf(c), "att.denied"))
	if viewerOf(c).MayAct(cs.Ref()) {
		var reason string
		if reason, err = text("reason", c.PostForm("reason"), workflow.MaxShort); err == nil {
			_, err = w.store.WithdrawAttachment(c.Request.Context(), userOf(c), att, reason)
		}
	}
	w.caseAfter(c, cs, err, "att.withdrawn")
}
