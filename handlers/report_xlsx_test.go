package handlers_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"petitions/handlers"
)

// Issue 17: the xlsx of a form is read by a second program. LibreOffice
// (installed by `make test` when missing, as Chromium is) opens it headless
// and writes it as csv and as PDF: every cell it computed — the total's
// formulas included — equals the API's figure, and the PDF's first page is
// kept as a picture beside the screenshots.
func TestReportXLSXReadByLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("LibreOffice (soffice) is not installed: `make browser` installs it with Chromium")
	}
	app := MustServe(t)
	app.SetToday(t, "2026-11-25")
	c := app.register(t, "reception.nt", letterBody("complaint", "2026-09-20", "Khiếu nại thu hồi đất", "round", 1))
	c = app.fire(t, "head.nt", c, ev("assign", "2026-09-21", "assignee", "handler.nt"))
	c = app.fire(t, "head.nt", c, ev("accept", "2026-09-22"))
	app.fire(t, "head.nt", c, ev("resolve", "2026-11-02", "outcome", "partly_correct", "summary", "Đúng một phần",
		"recover_money", 120.5, "recover_land", 300, "sanction_persons", 2, "sanction_officials", 1))
	d := app.register(t, "reception", letterBody("complaint", "2026-10-01", "Khiếu nại cấp giấy chứng nhận", "round", 1))
	d = app.fire(t, "head", d, ev("assign", "2026-10-02", "assignee", "handler"))
	app.fire(t, "head", d, ev("accept", "2026-10-05"))
	app.register(t, "reception", letterBody("complaint", "2026-11-03", "Khiếu nại giá đất", "round", 1))

	dir := t.TempDir()
	for _, form := range []string{"01-KQGQ", "01-XLD"} {
		query := "/api/v1/reports/" + form + "?period=Q4-2026&unit=KH-UBND"
		_, raw := app.Do(t, "supervisor", http.MethodGet, query, nil)
		var want struct {
			Columns []struct{ Key string }
			Rows    []struct {
				Name  string
				Cells map[string]float64
			}
			Total map[string]float64
		}
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		xlsx := filepath.Join(dir, form+".xlsx")
		os.WriteFile(xlsx, app.download(t, "supervisor", query+"&format=xlsx"), 0o644)
		profile := "-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile")
		for _, to := range []string{`csv:Text - txt - csv (StarCalc):44,34,76`, "pdf"} {
			out, err := exec.Command(soffice, profile, "--headless", "--convert-to", to, "--outdir", dir, xlsx).CombinedOutput()
			if err != nil {
				t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
			}
		}
		lines := readCSV(t, filepath.Join(dir, form+".csv"))
		got := map[string][]string{}
		for _, l := range lines {
			if len(l) > 1 {
				got[l[0]] = l[1:]
			}
		}
		compare := func(name string, cells map[string]float64) {
			row, ok := got[name]
			if !ok || len(row) < len(want.Columns) {
				t.Fatalf("%s: LibreOffice read no row %q: %v", form, name, lines)
			}
			for i, col := range want.Columns {
				x, err := strconv.ParseFloat(row[i], 64)
				if err != nil || x != cells[col.Key] {
					t.Errorf("%s %s column %d: LibreOffice reads %q, the API says %v", form, name, i+1, row[i], cells[col.Key])
				}
			}
		}
		compare("Tổng cộng", want.Total)
		for _, r := range want.Rows {
			compare(r.Name, r.Cells)
		}
		if got["MS"] == nil || got["MS"][0] != "1" {
			t.Errorf("%s: no MS row of column numbers: %v", form, lines)
		}
		pdf := filepath.Join(dir, form+".pdf")
		if st, err := os.Stat(pdf); err != nil || st.Size() < 1000 {
			t.Fatalf("%s: LibreOffice's PDF: %v", form, err)
		}
		handlers.KeepPDFPicture(t, pdf, "report-"+form+"-xlsx-pdf")
	}
}

// download GETs a file through the API as login.
func (a *App) download(tb testing.TB, login, path string) []byte {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodGet, a.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+a.Token(tb, login))
	resp, err := a.client.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	return body
}

func readCSV(tb testing.TB, path string) [][]string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	lines, err := r.ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	return lines
}
