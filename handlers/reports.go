package handlers

import (
	"cmp"
	"context"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// The official reports through the API (issue 17; README "Reports"): the
// forms, a form's figures for a period and units, and the cases behind a
// figure. Heads, supervisors and administrators, within their scope, as the
// backlog audit.

// reportQuery is a form asked for a period and units.
type reportQuery struct {
	form   *workflow.Form
	period workflow.ReportPeriod
	unit   store.Unit   // the unit asked for (default: the viewer's)
	rows   []store.Unit // it and the units below it, parents first
	ids    []int64
	// rowOf is the row each unit's cases are counted in: its own, or, asked
	// "as merged", the row of the unit that took over its work.
	rowOf map[int64]int64
}

// readReportQuery reads the form of the path, ?period= or ?from=&to=, and
// ?unit=; a bad one is answered (4xx naming the field) and ok is false.
func (a *api) readReportQuery(c *gin.Context) (reportQuery, bool) {
	q, err := askReport(c.Request.Context(), a.store, viewerOf(c), c.Param("form"), c.Query("period"), c.Query("from"),
		c.Query("to"), c.Query("unit"), c.Query("merged") == "true")
	if err != nil {
		fail(c, err)
		return q, false
	}
	return q, true
}

// askReport reads what a report is asked for: a form the viewer may read,
// a period, and a unit within reach (default the viewer's), with the units below it.
func askReport(ctx context.Context, s *store.Store, v workflow.Viewer, form, period, from, to, unit string, merged bool) (reportQuery, error) {
	var q reportQuery
	if !v.MayReadBacklog() {
		return q, workflow.Errorf(workflow.CodeForbidden, "chỉ thủ trưởng, giám sát và quản trị được xem báo cáo")
	}
	if q.form = workflow.FormByCode(form); q.form == nil {
		return q, &workflow.Error{Code: workflow.CodeNotFound, Field: "form", Message: "không có biểu báo cáo " + form}
	}
	var err error
	if q.period, err = reportPeriod(period, from, to); err != nil {
		return q, err
	}
	if err := periodAfterFirstDay(ctx, s, q); err != nil {
		return q, err
	}
	root := v.UnitID
	if unit != "" {
		u, err := s.UnitByCode(ctx, unit)
		if err != nil {
			return q, err
		}
		if !v.InScope(u.ID) {
			return q, workflow.Errorf(workflow.CodeForbidden, "đơn vị không thuộc phạm vi của bạn")
		}
		root = u.ID
	}
	if q.rows, err = s.UnitTree(ctx, root); err == nil && len(q.rows) == 0 {
		err = workflow.Errorf(workflow.CodeNotFound, "không tìm thấy đơn vị")
	}
	if err != nil {
		return q, err
	}
	q.unit = q.rows[0]
	if merged { // the units merged into these, wherever they stood, within the viewer's reach
		all, err := s.Units(ctx)
		if err != nil {
			return q, err
		}
		q.rows = append(q.rows, mergedInto(all, q.rows, v)...)
	}
	for _, u := range q.rows {
		q.ids = append(q.ids, u.ID)
	}
	q.rowOf = rowsAsMerged(q.rows, merged)
	return q, nil
}

// reportPeriod is an official period by its code, else the range from–to.
func reportPeriod(code, from, to string) (workflow.ReportPeriod, error) {
	if code != "" {
		return workflow.OfficialPeriod(code)
	}
	var days [2]workflow.Date
	for i, s := range []string{from, to} {
		if s == "" {
			continue
		}
		d, err := workflow.ParseDate(s)
		if err != nil {
			return workflow.ReportPeriod{}, workflow.Invalid([]string{"from", "to"}[i], "ngày phải có dạng YYYY-MM-DD")
		}
		days[i] = d
	}
	return workflow.RangePeriod(days[0], days[1])
}

// periodAfterFirstDay refuses a period that ends before the first letter (or visit) was received.
func periodAfterFirstDay(ctx context.Context, s *store.Store, q reportQuery) error {
	first, err := s.FirstDay(ctx, q.form.Reception)
	if err != nil {
		return err
	}
	if !first.IsZero() && q.period.To.Before(first) {
		field := "to"
		if q.period.Name != "" {
			field = "period"
		}
		return workflow.Invalid(field, "kỳ báo cáo kết thúc trước ngày có đơn đầu tiên (%s)", first.VN())
	}
	return nil
}

// tally reads the query's entries and counts them.
func tally(ctx context.Context, s *store.Store, q reportQuery) (workflow.Report, error) {
	entries, err := s.ReportEntries(ctx, q.form, q.ids, q.period)
	if err != nil {
		return workflow.Report{}, err
	}
	return q.form.Tally(entries, q.period, q.ids), nil
}

// reportJSON is GET /api/v1/reports/{form}.
type reportJSON struct {
	Form    string               `json:"form"`
	Number  string               `json:"number"`
	Title   string               `json:"title"`
	Period  string               `json:"period,omitempty"`
	From    workflow.Date        `json:"from"`
	To      workflow.Date        `json:"to"`
	Unit    string               `json:"unit"`
	Columns []columnJSON         `json:"columns"`
	Rows    []rowJSON            `json:"rows"`
	Total   map[string]float64   `json:"total"`
	Checks  []checkJSON          `json:"checks"`
	Basis   string               `json:"basis"`
	Notes   []string             `json:"notes"`
	counted workflow.Report      // for the page and the files
	units   map[int64]store.Unit // the rows' units
}

type columnJSON struct {
	Key   string `json:"key"`
	No    int    `json:"no"`
	Label string `json:"label"`
	Unit  string `json:"unit,omitempty"`
}

type rowJSON struct {
	Unit  string             `json:"unit"`
	Name  string             `json:"name"`
	Cells map[string]float64 `json:"cells"`
}

type checkJSON struct {
	Name  string  `json:"name"`
	OK    bool    `json:"ok"`
	Cases []int64 `json:"cases"` // the cases (for 01-TCD the visits) on which it fails
}

func reportBody(q reportQuery, r workflow.Report) reportJSON {
	out := reportJSON{Form: q.form.Code, Number: q.form.Number, Title: q.form.Title, Period: q.period.Name,
		From: q.period.From, To: q.period.To, Unit: q.unit.Code, Basis: q.form.Basis, Notes: q.form.Notes, counted: r,
		units: map[int64]store.Unit{}}
	cells := func(xs []float64) map[string]float64 {
		m := make(map[string]float64, len(xs))
		for i, c := range q.form.Columns {
			m[c.Key()] = xs[i]
		}
		return m
	}
	for _, c := range q.form.Columns {
		out.Columns = append(out.Columns, columnJSON{Key: c.Key(), No: c.No, Label: c.Path, Unit: c.Unit})
	}
	for _, u := range q.rows {
		out.units[u.ID] = u
	}
	for _, row := range q.unitRows(r) {
		out.Rows = append(out.Rows, rowJSON{Unit: row.Code, Name: row.Name, Cells: cells(row.cells)})
	}
	out.Total = cells(r.Total)
	for _, ch := range r.Checks {
		out.Checks = append(out.Checks, checkJSON{Name: ch.Name, OK: ch.OK, Cases: nonNil(ch.Entries)})
	}
	return out
}

// listReports is GET /api/v1/reports: the forms.
func (a *api) listReports(c *gin.Context) {
	if !viewerOf(c).MayReadBacklog() {
		forbidden(c, "chỉ thủ trưởng, giám sát và quản trị được xem báo cáo")
		return
	}
	type formJSON struct {
		Form    string `json:"form"`
		Number  string `json:"number"`
		Title   string `json:"title"`
		Columns int    `json:"columns"`
		Basis   string `json:"basis"`
	}
	var out []formJSON
	for _, f := range workflow.Forms {
		out = append(out, formJSON{Form: f.Code, Number: f.Number, Title: f.Title, Columns: len(f.Columns), Basis: f.Basis})
	}
	c.JSON(http.StatusOK, gin.H{"items": out})
}

// getReport is GET /api/v1/reports/{form}?period=|from=&to=&unit=[&format=csv|xlsx].
func (a *api) getReport(c *gin.Context) {
	q, ok := a.readReportQuery(c)
	if !ok {
		return
	}
	r, err := tally(c.Request.Context(), a.store, q)
	if err != nil {
		fail(c, err)
		return
	}
	body := reportBody(q, r)
	switch f := c.Query("format"); f {
	case "", "json":
		c.JSON(http.StatusOK, body)
	case "csv", "xlsx":
		writeReport(c, body, f)
	default:
		failCode(c, http.StatusBadRequest, "invalid", "format phải là json, csv hoặc xlsx", "format")
	}
}

// reportCaseJSON is a case (or for 01-TCD a visit or session) behind a figure: never a petitioner.
type reportCaseJSON struct {
	ID           int64         `json:"id"`
	TrackingCode string        `json:"tracking_code,omitempty"`
	Unit         string        `json:"unit"`
	Kind         workflow.Kind `json:"kind,omitempty"`
	ReceivedOn   workflow.Date `json:"received_on,omitzero"`
	Entry        string        `json:"entry"` // case, visit or session
	On           workflow.Date `json:"on,omitzero"`
}

// reportCases is GET /api/v1/reports/{form}/cases?...&column=KEY: the entries
// behind the figure of the column for ?unit= (its own row; the whole scope with
// &all=true, as the total counts).
func (a *api) reportCases(c *gin.Context) {
	q, ok := a.readReportQuery(c)
	if !ok {
		return
	}
	column := c.Query("column")
	if !q.form.HasColumn(column) {
		failCode(c, http.StatusBadRequest, "invalid", "column phải là một cột của biểu, như c1", "column")
		return
	}
	items, err := behind(c.Request.Context(), a.store, q, column, c.Query("all") == "true")
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"form": q.form.Code, "column": column, "unit": q.unit.Code, "items": nonNil(items)})
}

// behind lists the entries behind one column, of the asked unit only or of all rows.
func behind(ctx context.Context, s *store.Store, q reportQuery, column string, all bool) ([]reportCaseJSON, error) {
	entries, err := s.ReportEntries(ctx, q.form, q.ids, q.period)
	if err != nil {
		return nil, err
	}
	units, codes := map[int64]bool{}, map[int64]string{}
	for _, u := range q.rows {
		units[u.ID], codes[u.ID] = all || q.rowOf[u.ID] == q.unit.ID, u.Code
	}
	var out []reportCaseJSON
	for _, e := range q.form.Behind(entries, q.period, column, units) {
		item := reportCaseJSON{ID: e.ID, Unit: codes[e.UnitID]}
		switch {
		case e.Case != nil:
			item.Entry, item.TrackingCode, item.Kind, item.ReceivedOn = "case", e.Case.TrackingCode, e.Case.Kind, e.Case.ReceivedOn
		case e.Visit != nil:
			item.Entry, item.On = "visit", e.Visit.On
		case e.Session != nil:
			item.Entry, item.On = "session", e.Session.On
		}
		out = append(out, item)
	}
	slices.SortStableFunc(out, func(x, y reportCaseJSON) int { return cmp.Compare(x.ID, y.ID) })
	return out, nil
}
