package handlers

import (
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// A report as a file: csv here (UTF-8 with its byte-order mark, which
// spreadsheet programs need to read Vietnamese), one line a unit, after the
// form's heading and its numbered columns.

// reportFileName is the file's name: the form, the unit and the period.
func reportFileName(b reportJSON, ext string) string {
	period := b.Period
	if period == "" {
		period = b.From.String() + "_" + b.To.String()
	}
	return "bieu-" + strings.ToLower(b.Form) + "-" + b.Unit + "-" + period + "." + ext
}

func writeReportCSV(c *gin.Context, b reportJSON) {
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+reportFileName(b, "csv")+`"`)
	c.Writer.WriteString("\ufeff")
	w := csv.NewWriter(c.Writer)
	head := []string{"Đơn vị"}
	nos := []string{"MS"}
	for _, col := range b.Columns {
		head = append(head, strings.ReplaceAll(col.Label, " › ", " - "))
		nos = append(nos, strconv.Itoa(col.No))
	}
	w.Write([]string{b.Number + ": " + b.Title})
	w.Write([]string{"Số liệu tính từ ngày " + b.From.VN() + " đến ngày " + b.To.VN()})
	w.Write(head)
	w.Write(nos)
	line := func(name string, cells map[string]float64) []string {
		out := []string{name}
		for _, col := range b.Columns {
			out = append(out, strconv.FormatFloat(cells[col.Key], 'f', -1, 64))
		}
		return out
	}
	w.Write(line("Tổng cộng", b.Total))
	for _, r := range b.Rows {
		w.Write(line(r.Name, r.Cells))
	}
	w.Flush()
}
