package handlers

import (
	"fmt"
	"html/template"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// qrSVG draws the QR code of a link as inline SVG, one path of its dark
// modules: the page needs no image of its own (the Content-Security-Policy
// allows no data: image) and prints sharp. An error draws nothing.
func qrSVG(link, label string) template.HTML {
	q, err := qrcode.New(link, qrcode.Medium)
	if err != nil {
		return ""
	}
	bits := q.Bitmap() // with its quiet zone
	var path strings.Builder
	for y, row := range bits {
		for x, dark := range row {
			if dark {
				fmt.Fprintf(&path, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	return template.HTML(fmt.Sprintf(`<svg class="qr" viewBox="0 0 %d %d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg"><path d="%s"/></svg>`,
		len(bits), len(bits), template.HTMLEscapeString(label), path.String()))
}
