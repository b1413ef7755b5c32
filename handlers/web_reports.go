package handlers

// The official reports' pages (issue 17): the list of forms (GET /bao-cao),
// a form for a period and a unit with the units below it, laid out as the
// form is, printable on A4 landscape (GET /bao-cao/:form), its xlsx or csv
// (GET /bao-cao/:form/tai-ve), and the cases behind any figure, printable
// (GET /bao-cao/:form/ho-so?column=). Heads, supervisors and administrators,
// within their scope; the API is reports.go.

import (
	"cmp"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// reportView is a form's page.
type reportView struct {
	Action  string // where the picker goes (default: the form's page)
	Denied  bool
	Problem string
	Forms   []*workflow.Form
	Units   []store.Unit // the units the viewer may report on, for the picker
	Periods []periodChoice
	// What was asked, typed: the period's code, or the range.
	Asked url.Values
	FormTable
	// The cases behind one figure (the ho-so page).
	Column string
	Label  string
	Items  []reportCaseJSON
	// The on-time statistics (the dung-han page).
	OnTime []onTimeRow
}

// FormTable is one form's figures laid out as the form (parts/reporttable.html).
type FormTable struct {
	Form   *workflow.Form
	Period workflow.ReportPeriod
	Unit   store.Unit
	Head   [][]headCell
	Total  []cellView
	Rows   []rowView
	Checks []checkView
}

// layTable lays a counted report out; each figure links to the cases behind
// it, asked again with the query's period and unit (asked).
func layTable(q reportQuery, r workflow.Report, asked url.Values) FormTable {
	t := FormTable{Form: q.form, Period: q.period, Unit: q.unit, Head: headRows(q.form.Columns)}
	link := func(unit store.Unit, col workflow.Column, all bool) string {
		v := url.Values{"unit": {unit.Code}, "column": {col.Key()}}
		for k, xs := range asked {
			if k != "unit" {
				v[k] = xs
			}
		}
		if all {
			v.Set("all", "true")
		}
		return "/bao-cao/" + q.form.Code + "/ho-so?" + v.Encode()
	}
	cells := func(unit store.Unit, xs []float64, all bool) []cellView {
		out := make([]cellView, len(xs))
		for i, x := range xs {
			out[i] = cellView{Text: vnNumber(x)}
			if x != 0 {
				out[i].Link = link(unit, q.form.Columns[i], all)
			}
		}
		return out
	}
	t.Total = cells(q.unit, r.Total, true)
	depth := map[int64]int{}
	for _, u := range q.rows {
		if u.ParentID != nil {
			depth[u.ID] = depth[*u.ParentID] + 1
		}
	}
	for _, row := range q.unitRows(r) {
		t.Rows = append(t.Rows, rowView{Unit: row.Unit, Depth: depth[row.ID], Cells: cells(row.Unit, row.cells, false)})
	}
	for _, ch := range r.Checks {
		t.Checks = append(t.Checks, checkView{Name: strings.ReplaceAll(ch.Name, "<=", " ≤ "), OK: ch.OK, Broken: len(ch.Entries)})
	}
	return t
}

type periodChoice struct{ Code, Title string }

type cellView struct{ Text, Link string }

type rowView struct {
	Unit  store.Unit
	Depth int
	Cells []cellView
}

type checkView struct {
	Name, Link string
	OK         bool
	Broken     int
}

// reportsPage is GET /bao-cao: the forms, each for the current quarter.
func (w *web) reportsPage(c *gin.Context) {
	v := viewerOf(c)
	if !v.MayReadBacklog() {
		w.render(c, http.StatusForbidden, "reports", reportView{Denied: true}, nil)
		return
	}
	p := reportView{Forms: workflow.Forms, Periods: periodChoices(w.store.Today()), Asked: url.Values{}}
	p.Asked.Set("period", cmp.Or(c.Query("period"), currentQuarter(w.store.Today())))
	if all, err := w.store.Units(c.Request.Context()); err == nil {
		for _, u := range all {
			if v.InScope(u.ID) {
				p.Units = append(p.Units, u)
			}
			if u.ID == v.UnitID {
				p.Asked.Set("unit", cmp.Or(c.Query("unit"), u.Code))
			}
		}
	}
	w.render(c, http.StatusOK, "reports", p, nil)
}

// reportPage is GET /bao-cao/:form?period=|tu=&den=&unit=.
func (w *web) reportPage(c *gin.Context) {
	q, p, r, ok := w.countReport(c)
	if !ok {
		return
	}
	p.FormTable = layTable(q, r, p.Asked)
	w.render(c, http.StatusOK, "report", p, nil)
}

// countReport reads and counts the form a page asks for; ok is false when
// the page was answered instead (a bad question, a failure).
func (w *web) countReport(c *gin.Context) (reportQuery, reportView, workflow.Report, bool) {
	q, p, ok := w.askReportPage(c, "report")
	if !ok {
		return q, p, workflow.Report{}, false
	}
	r, err := tally(c.Request.Context(), w.store, q)
	if err != nil {
		pageFail(c, err)
		return q, p, r, false
	}
	return q, p, r, true
}

// reportCasesPage is GET /bao-cao/:form/ho-so?…&column=&unit=[&all=true].
func (w *web) reportCasesPage(c *gin.Context) {
	q, p, ok := w.askReportPage(c, "reportcases")
	if !ok {
		return
	}
	p.Column = c.Query("column")
	for _, col := range q.form.Columns {
		if col.Key() == p.Column {
			p.Label = col.Path
		}
	}
	if p.Label == "" {
		w.render(c, http.StatusBadRequest, "reportcases", reportView{Problem: translate(langOf(c), "report.bad_column")}, nil)
		return
	}
	var err error
	if p.Items, err = behind(c.Request.Context(), w.store, q, p.Column, c.Query("all") == "true"); err != nil {
		pageFail(c, err)
		return
	}
	w.render(c, http.StatusOK, "reportcases", p, nil)
}

// reportDownload is GET /bao-cao/:form/tai-ve?…&dinh-dang=xlsx|csv.
func (w *web) reportDownload(c *gin.Context) {
	q, _, r, ok := w.countReport(c)
	if !ok {
		return
	}
	format := "xlsx"
	if c.Query("dinh-dang") == "csv" {
		format = "csv"
	}
	writeReport(c, reportBody(q, r), format)
}

// askReportPage reads a page's form, period and unit; a bad one is the page
// again with its message (or the refusal), and ok is false.
func (w *web) askReportPage(c *gin.Context, page string) (reportQuery, reportView, bool) {
	v, today := viewerOf(c), w.store.Today()
	p := reportView{Forms: workflow.Forms, Periods: periodChoices(today), Asked: url.Values{}}
	if page == "reportontime" {
		p.Action = "/bao-cao/dung-han"
	}
	if !v.MayReadBacklog() {
		w.render(c, http.StatusForbidden, page, reportView{Denied: true}, nil)
		return reportQuery{}, p, false
	}
	period, from, to := c.Query("period"), c.Query("tu"), c.Query("den")
	if from != "" || to != "" {
		period = ""
		p.Asked.Set("tu", from)
		p.Asked.Set("den", to)
	} else {
		period = cmp.Or(period, currentQuarter(today))
		p.Asked.Set("period", period)
	}
	var err error
	from, to, err = isoDays(from, to)
	q := reportQuery{}
	if err == nil {
		q, err = askReport(c.Request.Context(), w.store, v, c.Param("form"), period, from, to, c.Query("unit"), c.Query("gop") == "1")
		if c.Query("gop") == "1" {
			p.Asked.Set("gop", "1")
		}
	}
	if all, uerr := w.store.Units(c.Request.Context()); uerr == nil {
		for _, u := range all {
			if v.InScope(u.ID) {
				p.Units = append(p.Units, u)
			}
		}
	}
	if err != nil {
		p.Form = workflow.FormByCode(c.Param("form"))
		w.reportRefused(c, page, &p, err, &p)
		return q, p, false
	}
	p.Form, p.Period, p.Unit = q.form, q.period, q.unit
	p.Asked.Set("unit", q.unit.Code)
	return q, p, true
}

// reportRefused answers a report page that could not be made: the page again
// with the refusal's sentence atop (problem is where data keeps it), or the
// failure page for an internal error.
func (w *web) reportRefused(c *gin.Context, page string, problem *reportView, err error, data any) {
	e := userRefusal(c, err)
	if e == nil {
		return
	}
	problem.Problem = sentence(e.Message)
	w.render(c, statusOf(e.Code), page, data, nil)
}

// isoDays turns the typed days (dd/mm/yyyy, or YYYY-MM-DD) into the API's.
func isoDays(days ...string) (string, string, error) {
	out := make([]string, len(days))
	for i, s := range days {
		if s == "" {
			continue
		}
		d, err := workflow.ParseTypedDate(s)
		if err != nil {
			return "", "", workflow.Invalid([]string{"from", "to"}[i], "%s", "ngày phải có dạng dd/mm/yyyy")
		}
		out[i] = d.String()
	}
	return out[0], out[1], nil
}

// currentQuarter is the code of the official quarter that holds the day.
func currentQuarter(today workflow.Date) string {
	for _, c := range periodChoices(today) {
		if p, err := workflow.OfficialPeriod(c.Code); err == nil && p.Holds(today) && c.Code[0] == 'Q' {
			return c.Code
		}
	}
	return ""
}

// periodChoices are the official periods of this report year and the last:
// a report year runs from 15 December (TT 01/2024/TT-TTCP).
func periodChoices(today workflow.Date) []periodChoice {
	year := today.Year()
	if today.Time().Month() == 12 && today.Time().Day() >= 15 {
		year++
	}
	var out []periodChoice
	for _, y := range []int{year, year - 1} {
		for _, k := range []string{"Q1", "Q2", "Q3", "Q4", "H1", "M9", "Y"} {
			code := k + "-" + strconv.Itoa(y)
			p, _ := workflow.OfficialPeriod(code)
			out = append(out, periodChoice{Code: code, Title: p.Title("vi")})
		}
	}
	return out
}
