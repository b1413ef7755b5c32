package handlers

// The yearly report to the People's Council (GET /bao-cao/nam?nam=&unit=;
// Điều 61 Luật Tố cáo 2018: to the council, the body above and the Fatherland
// Front of the same level): one printable
// paper in the layout of NĐ 30/2020/NĐ-CP with the year's reception, letter
// processing, complaint and denunciation results and their implementation,
// the backlog and the prolonged cases at the year's end, the heads'
// reception days against the minimum and the share decided on time; the
// year's forms follow as its appendix. Heads, supervisors and
// administrators, within their scope. The paper is Vietnamese whatever the
// page's language: it is an official document.

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// yearView is the paper's data.
type yearView struct {
	reportView
	Paper    paperHead
	Year     int
	Years    []int
	AsOf     workflow.Date // the year's last day, or today while it runs
	Tables   []FormTable   // the appendix, one a form
	reports  map[string]workflow.Report
	Backlog  workflow.Backlog
	Heads    []store.HeadCompliance
	OnTime   []workflow.OnTime // the whole scope's, by kind
	Complete bool              // the report year is over
}

// N is a form's total in a column, written the Vietnamese way.
func (y yearView) N(form string, cols ...int) string {
	r, ok := y.reports[form]
	if !ok {
		return ""
	}
	t := 0.0
	for _, c := range cols {
		t += r.Total[c-1]
	}
	return vnNumber(t)
}

// yearReportPage is GET /bao-cao/nam?nam=&unit=.
func (w *web) yearReportPage(c *gin.Context) {
	ctx, v, today := c.Request.Context(), viewerOf(c), w.store.Today()
	current := today.Year()
	if today.Time().Month() == 12 && today.Time().Day() >= 15 {
		current++ // a report year ends on 14 December
	}
	p := yearView{Year: current}
	p.Years = []int{current, current - 1, current - 2}
	if n, err := strconv.Atoi(c.Query("nam")); err == nil && n >= 2000 && n <= current {
		p.Year = n
	}
	if !v.MayReadBacklog() {
		p.Denied = true
		w.render(c, http.StatusForbidden, "reportyear", p, nil)
		return
	}
	code := "Y-" + strconv.Itoa(p.Year)
	sources := map[string][]workflow.Entry{} // the cases, the decisions and the book: each read once
	var cases reportQuery
	for _, f := range workflow.Forms {
		q, err := askReport(ctx, w.store, v, f.Code, code, "", "", c.Query("unit"), c.Query("gop") == "1")
		if err != nil {
			w.reportRefused(c, "reportyear", &p.reportView, err, &p)
			return
		}
		key := map[bool]string{true: "book"}[f.Reception] + map[bool]string{true: "decisions"}[f.Decisions]
		entries, ok := sources[key]
		if !ok {
			if entries, err = w.store.ReportEntries(ctx, f, q.ids, q.period); err != nil {
				pageFail(c, err)
				return
			}
			sources[key] = entries
		}
		r := f.Tally(entries, q.period, q.ids)
		if p.reports == nil {
			p.reports, p.Period, p.Unit = map[string]workflow.Report{}, q.period, q.unit
		}
		if key == "" {
			cases = q
		}
		p.reports[f.Code] = r
		p.Tables = append(p.Tables, layTable(q, r, url.Values{"period": {code}}))
	}
	p.AsOf, p.Complete = p.Period.To, !today.Before(p.Period.To)
	if today.Before(p.AsOf) {
		p.AsOf = today
	}
	if err := w.yearFigures(ctx, &p, cases, sources[""]); err != nil {
		pageFail(c, err)
		return
	}
	units, err := w.store.Units(ctx)
	if err != nil {
		pageFail(c, err)
		return
	}
	for _, u := range units {
		if v.InScope(u.ID) {
			p.Units = append(p.Units, u)
		}
	}
	p.Paper = headOf(units, p.Unit.ID, today)
	w.render(c, http.StatusOK, "reportyear", p, nil)
}

// yearFigures reads what the paper says beside the forms: the backlog as of
// the year's end, the heads' reception days, and the decisions on time.
func (w *web) yearFigures(ctx context.Context, p *yearView, q reportQuery, cases []workflow.Entry) error {
	var err error
	if p.Backlog, err = w.store.Backlog(ctx, q.ids, p.AsOf); err != nil {
		return err
	}
	if p.Heads, err = w.store.ReceptionCompliance(ctx, q.ids, p.AsOf); err != nil {
		return err
	}
	byKind := map[workflow.Kind]*workflow.OnTime{}
	for _, t := range workflow.OnTimeOf(cases, q.period, q.ids) {
		if byKind[t.Kind] == nil {
			byKind[t.Kind] = &workflow.OnTime{Kind: t.Kind}
		}
		byKind[t.Kind].Decided += t.Decided
		byKind[t.Kind].InTime += t.InTime
	}
	for _, k := range workflow.OnTimeKinds {
		t := byKind[k]
		if t.Decided > 0 {
			t.Share = float64(t.InTime) / float64(t.Decided)
		}
		p.OnTime = append(p.OnTime, *t)
	}
	return nil
}
