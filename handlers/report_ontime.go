package handlers

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// On-time statistics (issue 17): GET /api/v1/reports/on-time and the page
// /bao-cao/dung-han, for heads, supervisors and administrators within their
// scope — never a public league table. Each unit's own decisions of the
// period by kind, the share made by the deadline with its count and 95%
// Wilson interval, and a flag where there are too few to compare.

// onTimeSource is the form whose entries the statistics read: every case
// active in the period, with its decision and whether it was late.
const onTimeSource = "01-KQGQ"

// onTimeRow is one unit's line.
type onTimeRow struct {
	Unit string `json:"unit"`
	Name string `json:"name"`
	workflow.OnTime
	Depth int `json:"-"`
}

// onTime reads the statistics of the query's units.
func onTime(ctx context.Context, s *store.Store, q reportQuery) ([]onTimeRow, error) {
	entries, err := s.ReportEntries(ctx, q.form, q.ids, q.period)
	if err != nil {
		return nil, err
	}
	units, depth := map[int64]store.Unit{}, map[int64]int{}
	for _, u := range q.rows {
		units[u.ID] = u
		if u.ParentID != nil {
			depth[u.ID] = depth[*u.ParentID] + 1
		}
	}
	var out []onTimeRow
	for _, t := range workflow.OnTimeOf(entries, q.period, q.ids) {
		u := units[t.UnitID]
		out = append(out, onTimeRow{Unit: u.Code, Name: u.Name, OnTime: t, Depth: depth[u.ID]})
	}
	return out, nil
}

func (a *api) reportOnTime(c *gin.Context) {
	q, err := askReport(c.Request.Context(), a.store, viewerOf(c), onTimeSource, c.Query("period"), c.Query("from"),
		c.Query("to"), c.Query("unit"), false)
	if err != nil {
		fail(c, err)
		return
	}
	rows, err := onTime(c.Request.Context(), a.store, q)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"period": q.period.Name, "from": q.period.From, "to": q.period.To, "unit": q.unit.Code,
		"few_below": workflow.FewDecisions, "items": nonNil(rows)})
}

// onTimePage is GET /bao-cao/dung-han?period=|tu=&den=&unit=.
func (w *web) onTimePage(c *gin.Context) {
	c.Params = append(c.Params, gin.Param{Key: "form", Value: onTimeSource})
	q, p, ok := w.askReportPage(c, "reportontime")
	if !ok {
		return
	}
	rows, err := onTime(c.Request.Context(), w.store, q)
	if err != nil {
		pageFail(c, err)
		return
	}
	p.OnTime = rows
	w.render(c, http.StatusOK, "reportontime", p, nil)
}
