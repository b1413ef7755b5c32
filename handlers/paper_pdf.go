package handlers

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	qrcode "github.com/skip2/go-qrcode"

	"petitions/templates"
)

// A paper as PDF (issue 18), drawn with go-pdf/fpdf in the layout of NĐ
// 30/2020/NĐ-CP, Phụ lục I: A4, margins 20 mm top and bottom, 30 mm left,
// 15 mm right; the issuing body and the number on the left, the national
// heading and the date line on the right; the title and its subject in bold,
// centred; the body justified, 13 pt, each paragraph's first line indented;
// "Nơi nhận" on the left and the signature on the right. The font, Liberation
// Serif (templates/fonts), is Times New Roman's metrics with Vietnamese
// glyphs, and is embedded in the file.

const (
	pdfLeft, pdfRight, pdfTop = 30.0, 15.0, 20.0
	pdfWidth                  = 210.0 - pdfLeft - pdfRight
	pdfFont                   = "LiberationSerif"
)

// pdfFonts are the font files, read once from the binary.
var pdfFonts = sync.OnceValues(func() (map[string][]byte, error) {
	out := map[string][]byte{}
	for style, file := range map[string]string{"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"} {
		b, err := templates.FS.ReadFile("fonts/LiberationSerif-" + file + ".ttf")
		if err != nil {
			return nil, err
		}
		out[style] = b
	}
	return out, nil
})

// writePaperPDF writes the paper as a PDF.
func writePaperPDF(w io.Writer, v paperView) error {
	fonts, err := pdfFonts()
	if err != nil {
		return err
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(pdfLeft, pdfTop, pdfRight)
	pdf.SetAutoPageBreak(true, 20)
	for style, b := range fonts {
		pdf.AddUTF8FontFromBytes(pdfFont, style, b)
	}
	pdf.SetTitle(v.Title+" "+v.Subject, true)
	pdf.SetCreator("petitions", true)
	pdf.AddPage()

	font := func(style string, size float64) { pdf.SetFont(pdfFont, style, size) }
	font("I", 10)
	pdf.CellFormat(pdfWidth, 5, v.Form, "", 1, "R", false, 0, "")
	if v.Draft {
		pdf.SetTextColor(170, 0, 0)
		font("B", 12)
		pdf.CellFormat(pdfWidth, 6, "DỰ THẢO", "", 1, "L", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	}

	// The heading: two columns side by side.
	top := pdf.GetY() + 2
	left, right := 70.0, pdfWidth-70.0
	pdf.SetXY(pdfLeft, top)
	font("", 12)
	if v.Parent != "" {
		pdf.MultiCell(left, 5.5, strings.ToUpper(v.Parent), "", "C", false)
	}
	pdf.SetX(pdfLeft)
	font("B", 12)
	pdf.MultiCell(left, 5.5, strings.ToUpper(v.Unit), "", "C", false)
	underline(pdf, pdfLeft+left/2, pdf.GetY()+1, 20)
	pdf.SetXY(pdfLeft, pdf.GetY()+3)
	font("", 13)
	pdf.CellFormat(left, 6, v.Number, "", 1, "C", false, 0, "")
	leftEnd := pdf.GetY()

	x := pdfLeft + left
	pdf.SetXY(x, top)
	font("B", 12)
	pdf.CellFormat(right, 5.5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", 2, "C", false, 0, "")
	font("B", 13)
	pdf.CellFormat(right, 6, "Độc lập - Tự do - Hạnh phúc", "", 2, "C", false, 0, "")
	underline(pdf, x+right/2, pdf.GetY()+0.5, pdf.GetStringWidth("Độc lập - Tự do - Hạnh phúc"))
	pdf.SetXY(x, pdf.GetY()+2.5)
	font("I", 13)
	pdf.CellFormat(right, 6, v.Place+", "+v.DateLine, "", 1, "C", false, 0, "")

	pdf.SetY(max(leftEnd, pdf.GetY()) + 6)
	font("B", 14)
	pdf.MultiCell(pdfWidth, 6.5, v.Title, "", "C", false)
	if v.Subject != "" {
		pdf.MultiCell(pdfWidth, 6.5, v.Subject, "", "C", false)
		underline(pdf, pdfLeft+pdfWidth/2, pdf.GetY()+1.5, 30)
	}
	pdf.Ln(5)

	font("", 13)
	for _, p := range v.Body {
		paragraph(pdf, p)
	}
	pdf.Ln(4)

	// Recipients on the left, the signature on the right, from one line.
	if pdf.GetY() > 297-20-50 {
		pdf.AddPage()
	}
	top = pdf.GetY()
	half := pdfWidth / 2
	pdf.SetXY(pdfLeft, top)
	font("BI", 12)
	pdf.CellFormat(half, 5.5, "Nơi nhận:", "", 2, "L", false, 0, "")
	font("", 11)
	for _, line := range v.To {
		pdf.SetX(pdfLeft)
		pdf.MultiCell(half, 5, line, "", "L", false)
	}
	toEnd := pdf.GetY()
	pdf.SetXY(pdfLeft+half, top)
	font("B", 13)
	pdf.CellFormat(half, 6, v.Role, "", 2, "C", false, 0, "")
	font("I", 12)
	pdf.CellFormat(half, 5.5, "(Ký, ghi rõ họ tên và đóng dấu)", "", 2, "C", false, 0, "")
	pdf.SetXY(pdfLeft+half, pdf.GetY()+22)
	font("B", 13)
	pdf.CellFormat(half, 6, v.Signer, "", 2, "C", false, 0, "")

	if v.TrackURL != "" {
		if err := trackingQR(pdf, v.TrackURL, max(toEnd, pdf.GetY())+6); err != nil {
			return err
		}
	}
	return pdf.Output(w)
}

// paragraph writes one paragraph, justified, its first line indented 1 cm.
func paragraph(pdf *fpdf.Fpdf, text string) {
	const indent = 10.0
	lines := pdf.SplitText(text, pdfWidth-indent)
	if len(lines) == 0 {
		return
	}
	first := lines[0]
	pdf.SetX(pdfLeft + indent)
	align := "J"
	if len(lines) == 1 {
		align = "L"
	}
	pdf.CellFormat(pdfWidth-indent, 6.5, first, "", 1, align, false, 0, "")
	if rest := strings.Join(lines[1:], " "); rest != "" {
		pdf.SetX(pdfLeft)
		pdf.MultiCell(pdfWidth, 6.5, rest, "", "J", false)
	}
	pdf.Ln(1)
}

// trackingQR draws the QR code of the public look-up with its address.
func trackingQR(pdf *fpdf.Fpdf, link string, y float64) error {
	png, err := qrcode.Encode(link, qrcode.Medium, 256)
	if err != nil {
		return fmt.Errorf("paper: QR code: %w", err)
	}
	if y > 297-20-28 {
		pdf.AddPage()
		y = pdf.GetY()
	}
	pdf.RegisterImageOptionsReader("track", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	pdf.ImageOptions("track", pdfLeft, y, 24, 24, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	pdf.SetXY(pdfLeft+27, y+8)
	pdf.SetFont(pdfFont, "I", 10)
	pdf.MultiCell(pdfWidth-27, 4.5, "Tra cứu tình trạng hồ sơ: "+link, "", "L", false)
	return nil
}

func underline(pdf *fpdf.Fpdf, centre, y, width float64) {
	pdf.SetLineWidth(0.3)
	pdf.Line(centre-width/2, y, centre+width/2, y)
}
