package handlers

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/xuri/excelize/v2"

	"petitions/store"
	"petitions/workflow"
)

// exportCap is the most cases one export holds; a variable so that a test can
// reach it with a few cases.
var exportCap = store.ExportCap

// exportColumns are the export's columns, in order: the queue's, plus the
// case's unit and the day it was received. None is the petitioner's (DOMAIN.md
// §4: never a petitioner's identity in an export).
var exportColumns = []string{"export.code", "export.kind", "export.state", "export.unit", "export.received",
	"export.due", "export.status", "export.assignee", "export.subject"}

// exportRow is one case as the export writes it, its labels in the viewer's language.
func exportRow(lang string, cs store.Case, cal *workflow.Calendar, today workflow.Date) []string {
	due, status := "", ""
	if d := cs.EarliestDue(); !d.IsZero() {
		due, status = d.VN(), translate(lang, "status."+string(cs.StatusOn(cal, today)))
	}
	assignee := cs.AssigneeName
	if assignee == "" {
		assignee = cs.Assignee
	}
	return []string{cs.TrackingCode, translate(lang, "kind."+string(cs.Kind)), translate(lang, "state."+string(cs.State)),
		cs.UnitName, cs.ReceivedOn.VN(), due, status, assignee, cs.Subject}
}

// exportQueue is GET /ho-so/xuat?dinh-dang=xlsx|csv&kind=&state=&status=&unit=&q=:
// every page of the queue the same query shows (web_queue.go queue; the cursor
// is ignored), as a spreadsheet or a UTF-8 csv with a BOM, at most exportCap
// cases (a last line says when more matched). Same viewers and scope as the
// queue; a bad filter value or format is a 400 in plain text.
func (w *web) exportQueue(c *gin.Context) {
	ctx, v, lang := c.Request.Context(), viewerOf(c), langOf(c)
	format := c.Query("dinh-dang")
	if format != "xlsx" && format != "csv" {
		c.Data(http.StatusBadRequest, "text/plain; charset=utf-8", []byte(translate(lang, "export.bad_format")))
		return
	}
	f, errs, err := w.exportFilter(c, v, lang)
	if err != nil {
		pageFail(c, err)
		return
	}
	if len(errs) > 0 {
		c.Data(http.StatusBadRequest, "text/plain; charset=utf-8", []byte(sortedValues(errs)))
		return
	}
	rows := [][]string{make([]string, len(exportColumns))}
	for i, k := range exportColumns {
		rows[0][i] = translate(lang, k)
	}
	cal, today := w.store.Calendar(), w.store.Today()
	more, err := w.store.EachCase(ctx, v, f, exportCap, func(cs store.Case) error {
		rows = append(rows, exportRow(lang, cs, cal, today))
		return nil
	})
	if err != nil {
		pageFail(c, err)
		return
	}
	if more {
		rows = append(rows, []string{fmt.Sprintf(translate(lang, "export.cut"), exportCap)})
	}
	var body []byte
	var ctype string
	if format == "csv" {
		body, ctype = exportCSV(rows), "text/csv; charset=utf-8"
	} else {
		body, err = exportXLSX(translate(lang, "export.sheet"), rows)
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	if err != nil {
		pageFail(c, err)
		return
	}
	name := "ho-so-" + strings.ReplaceAll(today.String(), "-", "") + "." + format
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Header("Cache-Control", "no-store")
	if more {
		c.Header("X-Export-Cut", fmt.Sprint(exportCap))
	}
	c.Data(http.StatusOK, ctype, body)
}

// exportFilter reads the queue's filter from the query string exactly as the
// queue page does (queueCaseFilter), within the viewer's scope; errs names
// each bad value.
func (w *web) exportFilter(c *gin.Context, v workflow.Viewer, lang string) (store.CaseFilter, map[string]string, error) {
	view, err := w.queueViewOf(c, v)
	if err != nil {
		return store.CaseFilter{}, nil, err
	}
	view.Filter.Cursor, view.Filter.Prev = "", "" // every page
	f, errs := w.queueCaseFilter(c.Request.Context(), v, lang, view)
	return f, errs, nil
}

// sortedValues is the messages of a filter's errors, one a line, in a stable order.
func sortedValues(errs map[string]string) string {
	var out []string
	for _, m := range errs {
		out = append(out, m)
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// exportCSV writes the rows as csv, UTF-8 with a byte-order mark so that Excel
// reads Vietnamese correctly. A cell a spreadsheet would take for a formula
// (=, +, -, @ first) is prefixed with an apostrophe: a letter's subject is
// written by its sender (OWASP: CSV injection).
func exportCSV(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	cw := csv.NewWriter(&b)
	cw.UseCRLF = true
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, cell := range r {
			safe[i] = csvSafe(cell)
		}
		_ = cw.Write(safe) // a bytes.Buffer does not fail
	}
	cw.Flush()
	return b.Bytes()
}

func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// exportXLSX writes the rows as one sheet, every cell a string (never a
// formula), the first row bold and frozen.
func exportXLSX(sheet string, rows [][]string) ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return nil, fmt.Errorf("handlers: export sheet: %w", err)
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return nil, fmt.Errorf("handlers: export sheet: %w", err)
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, fmt.Errorf("handlers: export style: %w", err)
	}
	widths := []float64{18, 18, 20, 28, 12, 12, 18, 24, 60}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return nil, fmt.Errorf("handlers: export width: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, fmt.Errorf("handlers: export panes: %w", err)
	}
	for i, r := range rows {
		cells := make([]any, len(r))
		for j, s := range r {
			if i == 0 {
				cells[j] = excelize.Cell{StyleID: bold, Value: s}
			} else {
				cells[j] = s
			}
		}
		axis, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(axis, cells); err != nil {
			return nil, fmt.Errorf("handlers: export row %d: %w", i, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, fmt.Errorf("handlers: export flush: %w", err)
	}
	var b bytes.Buffer
	if _, err := x.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("handlers: export write: %w", err)
	}
	return b.Bytes(), nil
}
