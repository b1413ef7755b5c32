package handlers

// A case's paper (issue 18): GET /ho-so/:id/van-ban/:doc lays it out as the
// administrative paper it is, with its recipients and when each was sent; a
// draft's body and recipients are edited there (POST …/sua), the head issues
// it (…/ban-hanh), an issued one is corrected by a replacement (…/thay-the),
// and each sending is recorded (…/gui). GET …/pdf is the same paper as PDF.
// The API is documents.go.

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// documentPageView is the page's data.
type documentPageView struct {
	Case       store.Case
	Doc        store.Document
	Paper      paperView
	Blanks     []string
	BodyText   string   // the body, a paragraph a line, as stored or as typed
	Names      []string // the recipients' names, as stored or as typed
	CanEdit    bool
	CanIssue   bool
	CanReplace bool
	CanSend    bool
	Problem    string
}

// pageDocument is the case and paper of the path, if the viewer may read the
// case; otherwise it has answered 404 (an id says nothing to those outside).
func (w *web) pageDocument(c *gin.Context) (store.Case, store.Document, bool) {
	ctx, v := c.Request.Context(), viewerOf(c)
	caseID, err1 := strconv.ParseInt(c.Param("id"), 10, 64)
	docID, err2 := strconv.ParseInt(c.Param("doc"), 10, 64)
	if err1 != nil || err2 != nil || caseID <= 0 || docID <= 0 {
		w.notFound(c, http.StatusNotFound)
		return store.Case{}, store.Document{}, false
	}
	cs, err := w.store.Case(ctx, caseID)
	if workflow.ErrorCode(err) == workflow.CodeNotFound || err == nil && !v.MayRead(cs.Ref()) {
		w.notFound(c, http.StatusNotFound)
		return cs, store.Document{}, false
	}
	var d store.Document
	if err == nil {
		d, err = w.store.CaseDocument(ctx, v, cs, docID, "web:document")
	}
	if workflow.ErrorCode(err) == workflow.CodeNotFound {
		w.notFound(c, http.StatusNotFound)
		return cs, d, false
	}
	if err != nil {
		pageFail(c, err)
		return cs, d, false
	}
	return cs, d, true
}

// documentPage is GET /ho-so/:id/van-ban/:doc.
func (w *web) documentPage(c *gin.Context) {
	if cs, d, ok := w.pageDocument(c); ok {
		w.renderDocument(c, http.StatusOK, cs, d, nil, nil, nil)
	}
}

// renderDocument shows the paper; a refused edit comes back as typed.
func (w *web) renderDocument(c *gin.Context, status int, cs store.Case, d store.Document, body, names []string, errs map[string]string) {
	v := viewerOf(c)
	p := documentPageView{Case: cs, Doc: d, Blanks: d.Paper.Blanks(), Names: names}
	acts := v.MayAct(cs.Ref()) && !d.Hidden
	p.CanEdit = acts && d.State == store.DocDraft
	p.CanIssue = p.CanEdit && v.MayIssuePaper(cs.Ref())
	p.CanReplace = acts && d.State == store.DocIssued
	p.CanSend = acts && d.State != store.DocDraft
	if body == nil {
		body = d.Paper.Body
	}
	p.BodyText = strings.Join(body, "\n")
	if names == nil {
		for _, r := range d.Recipients {
			p.Names = append(p.Names, r.Name)
		}
	}
	if !d.Hidden {
		var err error
		if p.Paper, err = paperOf(c.Request.Context(), w.store, cs, d, w.origin(c)); err != nil {
			pageFail(c, err)
			return
		}
	}
	if errs != nil {
		p.Problem = errs[""]
	}
	w.render(c, status, "document", p, errs)
}

// documentPDF is GET /ho-so/:id/van-ban/:doc/pdf.
func (w *web) documentPDF(c *gin.Context) {
	cs, d, ok := w.pageDocument(c)
	if !ok {
		return
	}
	if d.Hidden {
		w.notFound(c, http.StatusNotFound)
		return
	}
	(&api{store: w.store, public: w.public}).writePDF(c, cs, d)
}

// documentAct is POST /ho-so/:id/van-ban/:doc/:act.
func (w *web) documentAct(c *gin.Context) {
	cs, d, ok := w.pageDocument(c)
	if !ok {
		return
	}
	ctx, u, v := c.Request.Context(), userOf(c), viewerOf(c)
	if !v.MayAct(cs.Ref()) {
		w.documentDone(c, cs, d, nil, nil, workflow.Errorf(workflow.CodeForbidden, "%s", translate(langOf(c), "doc.denied")))
		return
	}
	var (
		body, names []string
		err         error
		next        = d
	)
	switch c.Param("act") {
	case "sua":
		body, names = strings.Split(strings.ReplaceAll(c.PostForm("body"), "\r\n", "\n"), "\n"), c.PostFormArray("to")
		var e store.DocumentEdit
		if e, err = documentEdit(body, names); err == nil {
			next, err = w.store.EditDocument(ctx, u, v, cs, d.ID, e)
		}
	case "ban-hanh":
		next, err = w.store.IssueDocument(ctx, u, v, cs, d.ID)
	case "thay-the":
		next, err = w.store.ReplaceDocument(ctx, u, v, cs, d.ID)
	case "gui":
		var recipient int
		var on workflow.Date
		if recipient, err = strconv.Atoi(c.PostForm("recipient")); err != nil {
			err = workflow.Invalid("recipient", "%s", translate(langOf(c), "doc.bad_recipient"))
		} else if on, err = parseFormDate("on", c.PostForm("on"), langOf(c)); err == nil {
			next, err = w.store.SendDocument(ctx, u, v, cs, d.ID, recipient, on)
		}
	default:
		w.notFound(c, http.StatusNotFound)
		return
	}
	w.documentDone(c, cs, next, body, names, err)
}

// documentDone goes to the paper's page after an act: with a flash when
// done, else the page again with the refusal (an edit as typed).
func (w *web) documentDone(c *gin.Context, cs store.Case, d store.Document, body, names []string, err error) {
	if err == nil {
		setFlash(c, translate(langOf(c), "doc.saved"))
		c.Redirect(http.StatusSeeOther, "/ho-so/"+strconv.FormatInt(cs.ID, 10)+"/van-ban/"+strconv.FormatInt(d.ID, 10))
		return
	}
	e := userRefusal(c, err)
	if e == nil {
		return
	}
	field := e.Field
	if field != "body" && field != "to" {
		field = ""
	}
	w.renderDocument(c, statusOf(e.Code), cs, d, body, names, map[string]string{field: sentence(e.Message)})
}
