package handlers

// The heads' reception compliance page (GET /giam-sat/tiep-cong-dan?as_of=&unit=&head=),
// for heads and supervisors: each head's days received in person against the
// legal minimum for the month and the year to date, as of any day, with a
// chart; every figure links to the sessions behind it (?head=). Issue 16.

import (
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// compliancePageData is the page's data.
type compliancePageData struct {
	Denied   bool
	AsOf     workflow.Date
	Unit     string
	Units    []store.Unit
	Rows     []store.HeadCompliance
	Chart    template.HTML
	Head     string // the head whose sessions are listed
	Sessions []store.ReceptionSession
}

func (w *web) compliancePage(c *gin.Context) {
	ctx, v, lang := c.Request.Context(), viewerOf(c), langOf(c)
	if v.Role != workflow.RoleHead && v.Role != workflow.RoleSupervisor {
		w.render(c, http.StatusForbidden, "compliance", compliancePageData{Denied: true}, nil)
		return
	}
	p := compliancePageData{AsOf: w.store.Today(), Unit: c.Query("unit"), Head: c.Query("head")}
	if s := c.Query("as_of"); s != "" {
		if d, err := workflow.ParseTypedDate(s); err == nil && !d.After(p.AsOf) && d.Year() >= 2000 {
			p.AsOf = d
		}
	}
	all, err := w.store.Units(ctx)
	if err != nil {
		pageFail(c, err)
		return
	}
	units, found := v.Scope, p.Unit == ""
	for _, u := range all {
		if v.InScope(u.ID) {
			p.Units = append(p.Units, u)
			if u.Code == p.Unit {
				found = true
				if units, err = w.store.Subtree(ctx, u.ID); err != nil {
					pageFail(c, err)
					return
				}
			}
		}
	}
	if !found { // a unit unknown or outside the viewer's scope
		w.render(c, http.StatusForbidden, "compliance", compliancePageData{Denied: true}, nil)
		return
	}
	if p.Rows, err = w.store.ReceptionCompliance(ctx, units, p.AsOf); err != nil {
		pageFail(c, err)
		return
	}
	p.Chart = complianceChart(lang, p.Rows)
	if p.Head != "" {
		if u, err := w.store.UserByLogin(ctx, p.Head); err == nil && v.InScope(u.UnitID) {
			from := workflow.MustDate(fmt.Sprintf("%04d-01-01", p.AsOf.Year()))
			p.Sessions, err = w.store.ReceptionSessions(ctx, store.SessionFilter{Units: []int64{u.UnitID}, HeadID: u.ID, From: from, To: p.AsOf})
			if err != nil {
				pageFail(c, err)
				return
			}
		}
	}
	w.render(c, http.StatusOK, "compliance", p, nil)
}

// complianceChart draws each head's days in person this year against the
// minimum: the name above a bar for the days held (red when below the
// minimum), a dark mark where the minimum lies, and the two numbers.
func complianceChart(lang string, rows []store.HeadCompliance) template.HTML {
	if len(rows) == 0 {
		return ""
	}
	const rowH = 34
	maxN := 1
	var names []string
	for _, r := range rows {
		maxN = max(maxN, r.Year.HeldInPerson, r.Year.Required)
		names = append(names, fmt.Sprintf("%s %d/%d", r.Name, r.Year.HeldInPerson, r.Year.Required))
	}
	var s svgBuilder
	s.open(len(rows)*rowH+4, translate(lang, "comp.chart")+": "+strings.Join(names, "; "))
	span := svgWidth - 50
	for i, r := range rows {
		y := 2 + i*rowH
		color := svgOpenColor
		if !r.Year.Meets {
			color = svgLateColor
		}
		s.text(0, y+13, 13, "start", "normal", svgClip(r.Name, 40))
		s.rect(0, y+18, svgScale(r.Year.HeldInPerson, maxN, span), 12, color)
		s.rect(svgScale(r.Year.Required, maxN, span), y+16, 3, 16, "#1b1b1b")
		s.text(svgWidth, y+29, 13, "end", "bold", fmt.Sprintf("%d/%d", r.Year.HeldInPerson, r.Year.Required))
	}
	return s.html()
}
