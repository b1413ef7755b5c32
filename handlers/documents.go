package handlers

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// The papers of a case through the API (issue 18; README "Papers"):
// GET /cases/{id}/documents, GET /documents/{id} and /documents/{id}.pdf,
// PUT /documents/{id} (a draft's body and recipients), POST
// /documents/{id}/issue, /replace and /sent, and GET /units/{code}/documents
// (the register of a year).

// documentView is a paper as the API answers it.
type documentView struct {
	store.Document
	Form    string   `json:"form"`
	Title   string   `json:"title"`
	Subject string   `json:"subject"`
	Body    []string `json:"body"`
	Blanks  []string `json:"blanks"`
	PDF     string   `json:"pdf"`
}

func newDocumentView(d store.Document) documentView {
	t := workflow.TemplateByCode(d.Template)
	return documentView{Document: d, Form: t.Form, Title: t.Title, Subject: t.Subject, Body: nonNil(d.Paper.Body),
		Blanks: nonNil(d.Paper.Blanks()), PDF: "/api/v1/documents/" + strconv.FormatInt(d.ID, 10) + ".pdf"}
}

func (a *api) caseDocuments(c *gin.Context) {
	cs, ok := a.readableCase(c)
	if !ok {
		return
	}
	ds, err := a.store.CaseDocuments(c.Request.Context(), viewerOf(c), cs)
	if err != nil {
		fail(c, err)
		return
	}
	items := make([]documentView, len(ds))
	for i, d := range ds {
		items[i] = newDocumentView(d)
	}
	c.JSON(http.StatusOK, gin.H{"items": items})
}

// documentCase is the document the path names ("12" or "12.pdf") and its
// case, if the viewer may read the case; otherwise it has answered.
func (a *api) documentCase(c *gin.Context) (store.Case, int64, bool) {
	id, err := strconv.ParseInt(strings.TrimSuffix(c.Param("id"), ".pdf"), 10, 64)
	if err != nil || id <= 0 {
		failCode(c, http.StatusNotFound, "not_found", "không tìm thấy văn bản", "")
		return store.Case{}, 0, false
	}
	ctx := c.Request.Context()
	caseID, err := a.store.DocumentCase(ctx, id)
	if err != nil {
		fail(c, err)
		return store.Case{}, 0, false
	}
	cs, err := a.store.Case(ctx, caseID)
	if err != nil {
		fail(c, err)
		return store.Case{}, 0, false
	}
	if !viewerOf(c).MayRead(cs.Ref()) {
		forbidden(c, "hồ sơ không thuộc phạm vi của bạn")
		return store.Case{}, 0, false
	}
	return cs, id, true
}

// actableDocument is documentCase for an act on the paper.
func (a *api) actableDocument(c *gin.Context) (store.Case, int64, bool) {
	cs, id, ok := a.documentCase(c)
	if ok && !viewerOf(c).MayAct(cs.Ref()) {
		forbidden(c, "bạn không được lập, sửa hay gửi văn bản của hồ sơ này")
		return cs, id, false
	}
	return cs, id, ok
}

func (a *api) getDocument(c *gin.Context) {
	cs, id, ok := a.documentCase(c)
	if !ok {
		return
	}
	d, err := a.store.CaseDocument(c.Request.Context(), viewerOf(c), cs, id, "api:"+c.FullPath())
	if err != nil {
		fail(c, err)
		return
	}
	if !strings.HasSuffix(c.Param("id"), ".pdf") {
		c.JSON(http.StatusOK, newDocumentView(d))
		return
	}
	if d.Hidden {
		failCode(c, http.StatusForbidden, string(workflow.CodeIdentityForbidden), "văn bản này nêu danh tính người gửi đơn; bạn không được xem", "")
		return
	}
	a.writePDF(c, cs, d)
}

// writePDF answers the paper as a PDF, laid out as the page prints it.
func (a *api) writePDF(c *gin.Context, cs store.Case, d store.Document) {
	v, err := paperOf(c.Request.Context(), a.store, cs, d, a.origin(c))
	if err != nil {
		fail(c, err)
		return
	}
	var b bytes.Buffer
	if err := writePaperPDF(&b, v); err != nil {
		fail(c, err)
		return
	}
	name := d.Template + "-" + strconv.FormatInt(d.ID, 10) + ".pdf"
	if d.Number != "" {
		name = strings.NewReplacer("/", "-", "Đ", "D").Replace(d.Number) + ".pdf"
	}
	c.Header("Content-Disposition", `inline; filename="`+name+`"`)
	c.Data(http.StatusOK, "application/pdf", b.Bytes())
}

// editDocumentBody is PUT /documents/{id}.
type editDocumentBody struct {
	Body []string `json:"body"`
	To   []string `json:"to"`
}

func (a *api) editDocument(c *gin.Context) {
	cs, id, ok := a.actableDocument(c)
	if !ok {
		return
	}
	var b editDocumentBody
	if !decodeJSON(c, &b) {
		return
	}
	e, err := documentEdit(b.Body, b.To)
	if err != nil {
		fail(c, err)
		return
	}
	d, err := a.store.EditDocument(c.Request.Context(), userOf(c), viewerOf(c), cs, id, e)
	a.answerDocument(c, d, err)
}

// documentEdit puts an edit's texts through the input rule for texts.
func documentEdit(body, to []string) (store.DocumentEdit, error) {
	var e store.DocumentEdit
	for _, line := range body {
		s, err := text("body", line, workflow.MaxLong)
		if err != nil {
			return e, err
		}
		e.Body = append(e.Body, s)
	}
	for _, name := range to {
		s, err := text("to", name, workflow.MaxShort)
		if err != nil {
			return e, err
		}
		e.To = append(e.To, s)
	}
	return e, nil
}

func (a *api) issueDocument(c *gin.Context) {
	if cs, id, ok := a.actableDocument(c); ok {
		d, err := a.store.IssueDocument(c.Request.Context(), userOf(c), viewerOf(c), cs, id)
		a.answerDocument(c, d, err)
	}
}

func (a *api) replaceDocument(c *gin.Context) {
	if cs, id, ok := a.actableDocument(c); ok {
		d, err := a.store.ReplaceDocument(c.Request.Context(), userOf(c), viewerOf(c), cs, id)
		if err == nil {
			c.JSON(http.StatusCreated, newDocumentView(d))
			return
		}
		fail(c, err)
	}
}

// sendDocumentBody is POST /documents/{id}/sent: the recipient's position
// in the paper's list, from 0, and the day (today when left out).
type sendDocumentBody struct {
	Recipient *int          `json:"recipient"`
	On        workflow.Date `json:"on"`
}

func (a *api) sendDocument(c *gin.Context) {
	cs, id, ok := a.actableDocument(c)
	if !ok {
		return
	}
	var b sendDocumentBody
	if !decodeJSON(c, &b) {
		return
	}
	if b.Recipient == nil {
		failCode(c, http.StatusBadRequest, "invalid", "cần chọn nơi nhận (recipient)", "recipient")
		return
	}
	d, err := a.store.SendDocument(c.Request.Context(), userOf(c), viewerOf(c), cs, id, *b.Recipient, b.On)
	a.answerDocument(c, d, err)
}

func (a *api) answerDocument(c *gin.Context, d store.Document, err error) {
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, newDocumentView(d))
}

// unitRegister is GET /units/{code}/documents?year=: the papers the unit
// issued in the year (this year when left out).
func (a *api) unitRegister(c *gin.Context) {
	ctx, v := c.Request.Context(), viewerOf(c)
	u, err := a.store.UnitByCode(ctx, c.Param("code"))
	if err != nil {
		fail(c, err)
		return
	}
	if !v.MayReadRegister(u.ID) {
		forbidden(c, "sổ văn bản của đơn vị này không thuộc phạm vi của bạn")
		return
	}
	year := a.store.Today().Year()
	if s := c.Query("year"); s != "" {
		if year, err = strconv.Atoi(s); err != nil || year < 2000 || year > 2100 {
			failCode(c, http.StatusBadRequest, "invalid", "năm phải từ 2000 đến 2100", "year")
			return
		}
	}
	entries, err := a.store.Register(ctx, u.ID, year)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"unit": u.Code, "year": year, "items": nonNil(entries)})
}
