package handlers

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/xuri/excelize/v2"
)

// A report as a file. The csv is the heading, the numbered columns, the
// total and a line a unit (UTF-8 with a BOM, cells made safe, as the queue's
// export). The xlsx is laid out as the form: the issuing unit and the form's
// number, its title and period, the heading rows with their merged cells,
// the MS row of column numbers, the total as formulas over the units' rows,
// on A4 landscape fitted to the page's width.

// reportFileName is the file's name: the form, the unit and the period.
func reportFileName(b reportJSON, ext string) string {
	period := b.Period
	if period == "" {
		period = b.From.String() + "_" + b.To.String()
	}
	return "bieu-" + strings.ToLower(b.Form) + "-" + b.Unit + "-" + period + "." + ext
}

// writeReport answers the report as the file of the format (csv or xlsx).
func writeReport(c *gin.Context, b reportJSON, format string) {
	body, ctype := exportCSV(reportLines(b)), "text/csv; charset=utf-8"
	if format == "xlsx" {
		var err error
		if body, err = reportXLSX(b); err != nil {
			pageFail(c, err)
			return
		}
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	c.Header("Content-Disposition", `attachment; filename="`+reportFileName(b, format)+`"`)
	c.Data(http.StatusOK, ctype, body)
}

// reportLines are the csv's lines.
func reportLines(b reportJSON) [][]string {
	head, nos := []string{"Đơn vị"}, []string{"MS"}
	for _, col := range b.Columns {
		head = append(head, strings.ReplaceAll(col.Label, " › ", " - "))
		nos = append(nos, strconv.Itoa(col.No))
	}
	lines := [][]string{{b.Number + ": " + b.Title}, {b.spanLine()}, head, nos}
	line := func(name string, cells map[string]float64) []string {
		out := []string{name}
		for _, col := range b.Columns {
			out = append(out, strconv.FormatFloat(cells[col.Key], 'f', -1, 64))
		}
		return out
	}
	lines = append(lines, line("Tổng cộng", b.Total))
	for _, r := range b.Rows {
		lines = append(lines, line(r.Name, r.Cells))
	}
	return lines
}

func (b reportJSON) spanLine() string {
	return "Số liệu tính từ ngày " + b.From.VN() + " đến ngày " + b.To.VN()
}

// reportXLSX lays the report out in one sheet.
func reportXLSX(b reportJSON) ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	sheet := strings.ReplaceAll(b.Number, "/", "-")
	if len([]rune(sheet)) > 31 {
		sheet = b.Form
	}
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return nil, fmt.Errorf("handlers: report sheet: %w", err)
	}
	st, err := newReportStyles(x)
	if err != nil {
		return nil, err
	}
	cols := b.counted.Form.Columns
	last := len(cols) + 1 // the unit's column, then one a form column
	cell := func(col, row int) string { name, _ := excelize.CoordinatesToCellName(col, row); return name }
	w := xlsxWriter{x: x, sheet: sheet}
	w.put(cell(1, 1), b.Number, st.bold)
	w.put(cell(1, 2), strings.ToUpper(b.units[b.counted.Units[0]].Name), st.bold)
	w.merge(cell(1, 3), cell(last, 3), b.Title, st.title)
	w.merge(cell(1, 4), cell(last, 4), b.spanLine(), st.italic)

	heads := headRows(cols)
	top := 6
	w.merge(cell(1, top), cell(1, top+len(heads)-1), "Đơn vị", st.head)
	for l, row := range heads {
		at := 2
		for _, h := range row {
			for len(cols[at-2].Heads()) <= l { // spanned from above
				at++
			}
			w.merge(cell(at, top+l), cell(at+h.Cols-1, top+l+h.Rows-1), h.Text, st.head)
			at += h.Cols
		}
	}
	for l, h := range headingHeights(heads) {
		if w.err == nil {
			w.err = x.SetRowHeight(sheet, top+l, h)
		}
	}
	ms := top + len(heads)
	w.put(cell(1, ms), "MS", st.ms)
	for i, c := range cols {
		w.put(cell(i+2, ms), c.No, st.ms)
	}
	total, first := ms+1, ms+2
	lastRow := first + len(b.Rows) - 1
	w.put(cell(1, total), "Tổng cộng", st.totalName)
	for i := range cols {
		col := i + 2
		w.formula(cell(col, total), fmt.Sprintf("SUM(%s:%s)", cell(col, first), cell(col, lastRow)), st.total)
	}
	for r, row := range b.Rows {
		w.put(cell(1, first+r), row.Name, st.name)
		for i, c := range cols {
			w.put(cell(i+2, first+r), row.Cells[c.Key()], st.number)
		}
	}
	if w.err != nil {
		return nil, w.err
	}
	landscape, a4, fit := "landscape", 9, 1
	if err := x.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &fit}); err != nil {
		return nil, fmt.Errorf("handlers: report page: %w", err)
	}
	if err := x.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return nil, fmt.Errorf("handlers: report page: %w", err)
	}
	x.SetColWidth(sheet, "A", "A", 28)
	end, _ := excelize.ColumnNumberToName(last)
	x.SetColWidth(sheet, "B", end, 9)
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return nil, fmt.Errorf("handlers: report write: %w", err)
	}
	return buf.Bytes(), nil
}

func ptr[T any](v T) *T { return &v }

// headingHeights are the heights (points) of the heading rows, so that each
// heading's wrapped words show whole: about 11 characters of 10-point bold a
// line in a column 9 wide, 13 points a line.
func headingHeights(heads [][]headCell) []float64 {
	need := func(h headCell) float64 {
		lines := (utf8.RuneCountInString(h.Text) + 11*h.Cols - 1) / (11 * h.Cols)
		return float64(max(lines, 1))*13 + 4
	}
	out := make([]float64, len(heads))
	for l, row := range heads {
		out[l] = 17
		for _, h := range row {
			if h.Rows == 1 {
				out[l] = max(out[l], need(h))
			}
		}
	}
	for l, row := range heads { // a heading over several rows takes what it lacks from its last
		for _, h := range row {
			if h.Rows > 1 {
				sum := 0.0
				for k := l; k < l+h.Rows; k++ {
					sum += out[k]
				}
				if lack := need(h) - sum; lack > 0 {
					out[l+h.Rows-1] += lack
				}
			}
		}
	}
	return out
}

// xlsxWriter keeps the first error of a run of writes.
type xlsxWriter struct {
	x     *excelize.File
	sheet string
	err   error
}

func (w *xlsxWriter) put(at string, v any, style int) {
	if w.err == nil {
		w.err = w.x.SetCellValue(w.sheet, at, v)
	}
	if w.err == nil {
		w.err = w.x.SetCellStyle(w.sheet, at, at, style)
	}
}

func (w *xlsxWriter) formula(at, f string, style int) {
	if w.err == nil {
		w.err = w.x.SetCellFormula(w.sheet, at, f)
	}
	if w.err == nil {
		w.err = w.x.SetCellStyle(w.sheet, at, at, style)
	}
}

func (w *xlsxWriter) merge(from, to string, v any, style int) {
	if from != to && w.err == nil {
		w.err = w.x.MergeCell(w.sheet, from, to)
	}
	if w.err == nil {
		w.err = w.x.SetCellStyle(w.sheet, from, to, style)
	}
	w.put(from, v, style)
}

// reportStyles are the cell styles of a form.
type reportStyles struct{ bold, title, italic, head, ms, totalName, total, name, number int }

func newReportStyles(x *excelize.File) (reportStyles, error) {
	font := func(bold, italic bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Bold: bold, Italic: italic, Size: size}
	}
	border := []excelize.Border{{Type: "left", Style: 1}, {Type: "right", Style: 1}, {Type: "top", Style: 1}, {Type: "bottom", Style: 1}}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	specs := []*excelize.Style{
		{Font: font(true, false, 12)},
		{Font: font(true, false, 14), Alignment: center},
		{Font: font(false, true, 12), Alignment: center},
		{Font: font(true, false, 10), Alignment: center, Border: border},
		{Font: font(false, true, 10), Alignment: center, Border: border},
		{Font: font(true, false, 10), Border: border},
		{Font: font(true, false, 10), Border: border},
		{Font: font(false, false, 10), Border: border, Alignment: &excelize.Alignment{WrapText: true}},
		{Font: font(false, false, 10), Border: border},
	}
	ids := make([]int, len(specs))
	for i, s := range specs {
		id, err := x.NewStyle(s)
		if err != nil {
			return reportStyles{}, fmt.Errorf("handlers: report style: %w", err)
		}
		ids[i] = id
	}
	return reportStyles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8]}, nil
}
