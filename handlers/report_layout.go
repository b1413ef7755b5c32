package handlers

import (
	"strconv"
	"strings"

	"petitions/workflow"
)

// A report form's table as the official forms lay it out: the heading rows
// built from each column's heading path (a group spans its columns, a
// heading with nothing below it spans the rows down to the numbers), and the
// figures written the Vietnamese way.

// headCell is one cell of a form's heading.
type headCell struct {
	Text       string
	Cols, Rows int
}

// headRows lays out the columns' heading paths as the rows of the table's head.
func headRows(cols []workflow.Column) [][]headCell {
	heads := make([][]string, len(cols))
	depth := 0
	for i, c := range cols {
		heads[i] = c.Heads()
		depth = max(depth, len(heads[i]))
	}
	rows := make([][]headCell, depth)
	for l := range depth {
		for i := 0; i < len(cols); {
			if len(heads[i]) <= l {
				i++ // spanned from above
				continue
			}
			j := i + 1
			for j < len(cols) && len(heads[j]) > l && samePrefix(heads[i], heads[j], l) {
				j++
			}
			cell := headCell{Text: heads[i][l], Cols: j - i, Rows: 1}
			if l == len(heads[i])-1 {
				cell.Rows = depth - l
			}
			rows[l] = append(rows[l], cell)
			i = j
		}
	}
	return rows
}

// samePrefix reports whether two heading paths agree through level l, and
// neither ends before the other at it (a leaf does not group with a branch).
func samePrefix(a, b []string, l int) bool {
	for k := 0; k <= l; k++ {
		if a[k] != b[k] {
			return false
		}
	}
	return (len(a) == l+1) == (len(b) == l+1)
}

// vnNumber writes a figure as Vietnamese forms do: thousands with dots, decimals after a comma.
func vnNumber(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "," + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
