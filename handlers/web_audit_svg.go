package handlers

// Charts of the audit page, drawn on the server as inline SVG: no script, no
// image files. Each chart is an image to assistive technology (role="img")
// whose name states every number it shows; the tables beside it carry the
// same numbers as links. The viewBox is 340 units wide and the element scales
// down with the page (app.css: svg{max-width:100%;height:auto}), so it fits a
// 375 px screen at nearly full size, its text still readable.

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"petitions/workflow"
)

const (
	svgWidth     = 340
	svgOpenColor = "#0b4f9c"
	svgLateColor = "#d84315"
	svgMaxUnits  = 20 // the unit chart shows the units with the most open cases; the table shows all
)

// svgBuilder writes one chart.
type svgBuilder struct{ b strings.Builder }

func (s *svgBuilder) open(height int, label string) {
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="%s" viewBox="0 0 %d %d" width="%d" height="%d">`,
		template.HTMLEscapeString(label), svgWidth, height, svgWidth, height)
	fmt.Fprintf(&s.b, `<title>%s</title>`, template.HTMLEscapeString(label))
}

func (s *svgBuilder) rect(x, y, w, h int, fill string) {
	fmt.Fprintf(&s.b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`, x, y, w, h, fill)
}

// text writes a label; anchor is "start", "middle" or "end".
func (s *svgBuilder) text(x, y, size int, anchor, weight, body string) {
	fmt.Fprintf(&s.b, `<text x="%d" y="%d" font-size="%d" text-anchor="%s" font-weight="%s" fill="#1b1b1b">%s</text>`,
		x, y, size, anchor, weight, template.HTMLEscapeString(body))
}

func (s *svgBuilder) html() template.HTML {
	s.b.WriteString(`</svg>`)
	return template.HTML(s.b.String()) // every text and attribute above is escaped
}

// svgScale maps a count to a bar length out of span, keeping a non-zero count visible.
func svgScale(n, maxN, span int) int {
	if n <= 0 || maxN <= 0 {
		return 0
	}
	return max(2, n*span/maxN)
}

// svgClip shortens a label to n letters.
func svgClip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// auditUnitChart draws open against overdue cases by unit as horizontal bars:
// for each unit its name, then an open bar and an overdue bar.
func auditUnitChart(b workflow.Backlog, lang string) template.HTML {
	rows := append([]workflow.UnitCount(nil), b.ByUnit...)
	if len(rows) == 0 {
		return ""
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Open > rows[j].Open })
	if len(rows) > svgMaxUnits {
		rows = rows[:svgMaxUnits]
	}
	openL, lateL := translate(lang, "audit.measure.open"), translate(lang, "audit.measure.overdue")
	parts := make([]string, len(rows))
	maxN := 1
	for i, u := range rows {
		parts[i] = fmt.Sprintf("%s: %d %s, %d %s", u.Name, u.Open, strings.ToLower(openL), u.Overdue, strings.ToLower(lateL))
		maxN = max(maxN, u.Open, u.Overdue)
	}
	label := fmt.Sprintf("%s, %s %s. %s.", translate(lang, "audit.chart.units"), translate(lang, "audit.as_of.short"),
		b.AsOf.VN(), strings.Join(parts, "; "))
	const top, rowH, barH, span = 26, 48, 11, 280
	var s svgBuilder
	s.open(top+len(rows)*rowH, label)
	s.rect(0, 4, 12, 12, svgOpenColor)
	s.text(17, 14, 12, "start", "normal", openL)
	s.rect(180, 4, 12, 12, svgLateColor)
	s.text(197, 14, 12, "start", "normal", lateL)
	for i, u := range rows {
		y := top + i*rowH
		s.text(0, y+13, 13, "start", "bold", svgClip(u.Name, 44))
		for j, bar := range []struct {
			n    int
			fill string
		}{{u.Open, svgOpenColor}, {u.Overdue, svgLateColor}} {
			by := y + 18 + j*(barH+3)
			w := svgScale(bar.n, maxN, span)
			s.rect(0, by, w, barH, bar.fill)
			s.text(w+4, by+barH-1, 11, "start", "normal", fmt.Sprint(bar.n))
		}
	}
	return s.html()
}

// auditAgeChart draws open cases by days since receipt as vertical bars.
func auditAgeChart(b workflow.Backlog, lang string) template.HTML {
	if len(b.AgeDays) == 0 {
		return ""
	}
	maxN := 1
	parts := make([]string, len(b.AgeDays))
	for i, a := range b.AgeDays {
		maxN = max(maxN, a.Open)
		parts[i] = fmt.Sprintf("%s: %d", translate(lang, "audit.age."+a.Bucket), a.Open)
	}
	label := fmt.Sprintf("%s, %s %s. %s.", translate(lang, "audit.chart.ages"), translate(lang, "audit.as_of.short"),
		b.AsOf.VN(), strings.Join(parts, "; "))
	const plotTop, plotBottom, height, barW = 22, 168, 214, 48
	slot := svgWidth / len(b.AgeDays)
	var s svgBuilder
	s.open(height, label)
	fmt.Fprintf(&s.b, `<line x1="0" y1="%d" x2="%d" y2="%d" stroke="#888"/>`, plotBottom, svgWidth, plotBottom)
	for i, a := range b.AgeDays {
		h := svgScale(a.Open, maxN, plotBottom-plotTop)
		x := i*slot + (slot-barW)/2
		s.rect(x, plotBottom-h, barW, h, svgOpenColor)
		s.text(x+barW/2, plotBottom-h-5, 12, "middle", "bold", fmt.Sprint(a.Open))
		s.text(x+barW/2, plotBottom+17, 12, "middle", "normal", translate(lang, "audit.age.short."+a.Bucket))
	}
	s.text(svgWidth/2, height-6, 12, "middle", "normal", translate(lang, "audit.chart.ages.axis"))
	return s.html()
}
