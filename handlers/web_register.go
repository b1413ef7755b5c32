package handlers

// The register of a unit's outgoing papers (GET /so-van-ban?unit=&year=;
// sổ đăng ký văn bản đi): each paper the unit issued in the year, by kind and
// number, with its day, signer, recipients and case. It names no denouncer.
// The API is GET /api/v1/units/{code}/documents (documents.go).

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// registerView is the page's data.
type registerView struct {
	Units   []store.Unit // those the viewer may read the register of
	Unit    store.Unit
	Year    int
	Years   []int
	Entries []registerLine
	Denied  bool
}

// visitPaperTitles are the reception papers' titles (web_visit_paper.go).
var visitPaperTitles = map[string]string{
	"01/TCD": "THÔNG BÁO Về việc từ chối tiếp công dân",
	"02/TCD": "GIẤY BIÊN NHẬN Thông tin, tài liệu, bằng chứng",
}

// registerLine is one entry, with its template's title.
type registerLine struct {
	store.RegisterEntry
	Title string
}

func (w *web) registerPage(c *gin.Context) {
	ctx, v := c.Request.Context(), viewerOf(c)
	all, err := w.store.Units(ctx)
	if err != nil {
		pageFail(c, err)
		return
	}
	p := registerView{Year: w.store.Today().Year()}
	for _, u := range all {
		if v.MayReadRegister(u.ID) {
			p.Units = append(p.Units, u)
		}
	}
	if len(p.Units) == 0 {
		p.Denied = true
		w.render(c, http.StatusForbidden, "register", p, nil)
		return
	}
	for y := p.Year; y >= p.Year-4; y-- {
		p.Years = append(p.Years, y)
	}
	if y, err := strconv.Atoi(c.Query("year")); err == nil && y >= 2000 && y <= 2100 {
		p.Year = y
	}
	p.Unit = p.Units[0]
	for _, u := range p.Units {
		if u.Code == c.Query("unit") || c.Query("unit") == "" && u.ID == v.UnitID {
			p.Unit = u
		}
	}
	entries, err := w.store.Register(ctx, p.Unit.ID, p.Year)
	if err != nil {
		pageFail(c, err)
		return
	}
	for _, e := range entries {
		title := visitPaperTitles[e.Template]
		if t := workflow.TemplateByCode(e.Template); t != nil {
			title = t.Title + " " + t.Subject
		}
		p.Entries = append(p.Entries, registerLine{RegisterEntry: e, Title: title})
	}
	w.render(c, http.StatusOK, "register", p, nil)
}
