package handlers

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"html"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"petitions/store"
	"petitions/workflow"
)

// exportFixture registers four letters with known senders and returns the
// app, the tracking codes by name and the senders:
//   - "p1" a petition to KH-UBND, assigned to handler;
//   - "c2" a complaint to KH-UBND, not assigned, whose subject looks like a formula;
//   - "d3" a denunciation to KH-NT, assigned to handler.nt;
//   - "p4" a petition to KH-NT, assigned to handler.nt.
func exportFixture(t *testing.T) (*webApp, map[string]string, []amPerson) {
	t.Helper()
	app := mustServeWeb(t)
	ctx := context.Background()
	senders := []amPerson{
		{"Nguyễn Thị Xuất Khẩu", "079200300400", "0905111222", "số 9 đường Trần Phú, phường Xương Huân"},
		{"Lương Văn Bảng Tính", "056199887766", "0914222333", "thôn Phú Vinh, xã Vĩnh Thạnh"},
		{"Quách Thị Tệp Tin", "045188776655", "0935333444", "tổ 3, phường Phước Long"},
		{"Đào Văn Dòng Cột", "068177665544", "0966444555", "số 1 Lê Thánh Tôn, phường Lộc Thọ"},
	}
	user := func(login string) store.User {
		u, err := app.Store.UserByLogin(ctx, login)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	codes := map[string]string{}
	for i, x := range []struct {
		name, by, head, assignee, subject string
		kind                              workflow.Kind
	}{
		{"p1", "reception", "head", "handler", "Kiến nghị sửa chữa cầu Xóm Bóng", workflow.Petition},
		{"c2", "reception", "", "", "=HYPERLINK(\"http://x\") khiếu nại quyết định thu hồi đất", workflow.Complaint},
		{"d3", "reception.nt", "head.nt", "handler.nt", "Tố cáo cán bộ phường nhận tiền", workflow.Denunciation},
		{"p4", "reception.nt", "head.nt", "handler.nt", "Phản ánh tiếng ồn công trình ban đêm", workflow.Petition},
	} {
		p, round := senders[i], 0
		if x.kind == workflow.Complaint {
			round = 1
		}
		cs, err := app.Store.CreateCase(ctx, user(x.by), store.NewCase{Subject: x.subject, Content: "Nội dung đơn " + p.name,
			Petitioner: store.Petitioner{Name: p.name, IDNumber: p.id, Phone: p.phone, Address: p.address},
			Intake:     workflow.Intake{Kind: x.kind, Round: round, Channel: "walk_in", ReceivedOn: workflow.MustDate("2026-11-10")}})
		if err != nil {
			t.Fatal(err)
		}
		if x.assignee != "" {
			_, _, err = app.Store.ApplyEvent(ctx, user(x.head), workflow.Viewer{}, cs, cs.Version,
				workflow.Input{Event: workflow.EvAssign, On: workflow.MustDate("2026-11-11"), Assignee: x.assignee}, "")
			if err != nil {
				t.Fatal(err)
			}
		}
		codes[x.name] = cs.TrackingCode
	}
	return app, codes, senders
}

// exportGet downloads an export as login (with the English cookie when lang is "en").
func exportGet(t *testing.T, app *webApp, login, lang, path string) (*http.Response, []byte) {
	t.Helper()
	b := app.newBrowser(t, login)
	if lang == "en" {
		b.get("/ngon-ngu?lang=en&next=/tra-cuu")
	}
	res, body := b.get(path)
	return res, []byte(body)
}

// csvRows reads an export's csv, which must start with a UTF-8 BOM.
func csvRows(t *testing.T, body []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(body, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Fatalf("the csv does not start with a UTF-8 BOM: % x", body[:min(len(body), 8)])
	}
	r := csv.NewReader(bytes.NewReader(rest))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// xlsxRows reads an export's only sheet.
func xlsxRows(t *testing.T, body []byte, sheet string) [][]string {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 1 || got[0] != sheet {
		t.Fatalf("sheets %q, want [%q]", got, sheet)
	}
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// xlsxText is every part of the workbook, decompressed, one after another.
func xlsxText(t *testing.T, body []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n")
	}
	return b.String()
}

// codesOf is the first column of the rows after the header, sorted.
func codesOf(rows [][]string) []string {
	var out []string
	for _, r := range rows[1:] {
		out = append(out, r[0])
	}
	sort.Strings(out)
	return out
}

func sortedCodes(codes map[string]string, names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, codes[n])
	}
	sort.Strings(out)
	return out
}

func TestQueueExport(t *testing.T) {
	app, codes, senders := exportFixture(t)
	viHeader := []string{"Mã hồ sơ", "Loại đơn", "Trạng thái", "Đơn vị", "Ngày tiếp nhận", "Hạn sớm nhất", "Tình trạng hạn",
		"Người xử lý", "Trích yếu"}

	t.Run("CSVHoldsTheQueueViewWithVietnameseHeaders", func(t *testing.T) {
		for _, x := range []struct {
			query string
			want  []string
		}{
			// A head's queue, and so its export, opens on their own unit; the units below are scope=below.
			{"", sortedCodes(codes, "p1", "c2")},
			{"&scope=below", sortedCodes(codes, "d3", "p4")},
			{"&kind=petition", sortedCodes(codes, "p1")},
			{"&unit=KH-NT", sortedCodes(codes, "d3", "p4")},
			{"&unit=KH-NT&kind=petition", sortedCodes(codes, "p4")},
			{"&state=received", sortedCodes(codes, "c2")},
			{"&q=" + "c%E1%BA%A7u", sortedCodes(codes, "p1")}, // "cầu"
			{"&scope=below&q=" + codes["d3"], sortedCodes(codes, "d3")},
		} {
			res, body := exportGet(t, app, "head", "", "/ho-so/xuat?dinh-dang=csv"+x.query)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d: %s", x.query, res.StatusCode, body)
			}
			if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="ho-so-20261125.csv"` {
				t.Errorf("Content-Disposition %q", cd)
			}
			rows := csvRows(t, body)
			if strings.Join(rows[0], "|") != strings.Join(viHeader, "|") {
				t.Errorf("header %q", rows[0])
			}
			if got := codesOf(rows); strings.Join(got, " ") != strings.Join(x.want, " ") {
				t.Errorf("%s: exported %v, want %v", x.query, got, x.want)
			}
		}
	})

	t.Run("TheQueuePageLinksToItsOwnView", func(t *testing.T) {
		_, page := exportGet(t, app, "head", "", "/ho-so?kind=petition&scope=below")
		m := regexp.MustCompile(`href="(/ho-so/xuat\?dinh-dang=csv[^"]*)"`).FindStringSubmatch(string(page))
		if m == nil {
			t.Fatal("the queue page has no csv export link")
		}
		_, body := exportGet(t, app, "head", "", html.UnescapeString(m[1]))
		if got, want := codesOf(csvRows(t, body)), sortedCodes(codes, "p4"); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("the page's link %s exported %v, want the page's view %v", m[1], got, want)
		}
	})

	t.Run("RowsReadAsTheQueueDoes", func(t *testing.T) {
		_, body := exportGet(t, app, "head", "", "/ho-so/xuat?dinh-dang=csv&q="+codes["p1"])
		rows := csvRows(t, body)
		if len(rows) != 2 {
			t.Fatalf("rows %q", rows)
		}
		r := rows[1]
		want := []string{codes["p1"], "Kiến nghị, phản ánh", "Đã giao xử lý", "UBND tỉnh Khánh Hòa", "10/11/2026"}
		if strings.Join(r[:5], "|") != strings.Join(want, "|") {
			t.Errorf("row %q, want it to start %q", r, want)
		}
		if r[5] == "" || r[6] == "" || r[7] != "Phạm Văn Xử" || r[8] != "Kiến nghị sửa chữa cầu Xóm Bóng" {
			t.Errorf("row %q: due, status, assignee or subject wrong", r)
		}
	})

	t.Run("XLSXHoldsTheSameWithEnglishHeaders", func(t *testing.T) {
		res, body := exportGet(t, app, "supervisor", "en", "/ho-so/xuat?dinh-dang=xlsx&kind=petition")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="ho-so-20261125.xlsx"` {
			t.Errorf("Content-Disposition %q", cd)
		}
		rows := xlsxRows(t, body, "Cases")
		if rows[0][0] != "Tracking code" || rows[0][4] != "Received" || rows[0][8] != "Subject" {
			t.Errorf("header %q", rows[0])
		}
		if got, want := codesOf(rows), sortedCodes(codes, "p1", "p4"); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("exported %v, want %v", got, want)
		}
	})

	t.Run("NoPetitionerAnywhereInTheBytes", func(t *testing.T) {
		for _, login := range []string{"head", "reception", "reception.nt", "head.nt", "supervisor", "admin"} {
			_, csvBody := exportGet(t, app, login, "", "/ho-so/xuat?dinh-dang=csv")
			_, xlsxBody := exportGet(t, app, login, "", "/ho-so/xuat?dinh-dang=xlsx")
			if len(csvRows(t, csvBody)) < 2 {
				t.Fatalf("%s: an empty export proves nothing", login)
			}
			for _, p := range senders {
				if f := amRevealed(string(csvBody), p); f != "" {
					t.Errorf("%s: the csv reveals %s (%s)", login, p.name, f)
				}
				if f := amRevealed(string(xlsxBody)+xlsxText(t, xlsxBody), p); f != "" {
					t.Errorf("%s: the xlsx reveals %s (%s)", login, p.name, f)
				}
			}
		}
	})

	t.Run("AHandlerGetsOnlyTheirAssignedCases", func(t *testing.T) {
		for login, want := range map[string][]string{"handler": sortedCodes(codes, "p1"), "handler.nt": sortedCodes(codes, "d3", "p4"),
			"handler2": nil, "reception.nt": sortedCodes(codes, "d3", "p4")} {
			_, body := exportGet(t, app, login, "", "/ho-so/xuat?dinh-dang=xlsx")
			if got := codesOf(xlsxRows(t, body, "Hồ sơ")); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s exported %v, want %v", login, got, want)
			}
		}
	})

	t.Run("AFormulaIsWrittenAsText", func(t *testing.T) {
		_, body := exportGet(t, app, "head", "", "/ho-so/xuat?dinh-dang=csv&kind=complaint")
		if rows := csvRows(t, body); len(rows) != 2 || !strings.HasPrefix(rows[1][8], "'=HYPERLINK") {
			t.Errorf("rows %q: the subject should start with an apostrophe", rows)
		}
		_, body = exportGet(t, app, "head", "", "/ho-so/xuat?dinh-dang=xlsx&kind=complaint")
		if strings.Contains(xlsxText(t, body), "<f>") {
			t.Error("the xlsx holds a formula")
		}
	})

	t.Run("CutAtTheCapAndSaysSo", func(t *testing.T) {
		prev := exportCap
		exportCap = 3
		t.Cleanup(func() { exportCap = prev })
		res, body := exportGet(t, app, "supervisor", "", "/ho-so/xuat?dinh-dang=csv")
		rows := csvRows(t, body)
		if len(rows) != 5 || !strings.Contains(rows[4][0], "Chỉ xuất 3 hồ sơ đầu tiên") {
			t.Errorf("rows %q: want the header, 3 cases and the note", rows)
		}
		if res.Header.Get("X-Export-Cut") != "3" {
			t.Errorf("X-Export-Cut %q", res.Header.Get("X-Export-Cut"))
		}
		_, body = exportGet(t, app, "supervisor", "", "/ho-so/xuat?dinh-dang=csv&kind=petition")
		if rows := csvRows(t, body); len(rows) != 3 {
			t.Errorf("rows %q: 2 cases fit and no note is due", rows)
		}
	})

	t.Run("RefusesABadFormatOrFilter", func(t *testing.T) {
		for path, want := range map[string]int{
			"/ho-so/xuat":                              http.StatusBadRequest,
			"/ho-so/xuat?dinh-dang=pdf":                http.StatusBadRequest,
			"/ho-so/xuat?dinh-dang=csv&kind=khac":      http.StatusBadRequest,
			"/ho-so/xuat?dinh-dang=csv&unit=KH-UBND":   http.StatusBadRequest, // above head.nt's unit
			"/ho-so/xuat?dinh-dang=csv&status=sắp":     http.StatusBadRequest,
			"/ho-so/xuat?dinh-dang=csv&cursor=rac-rac": http.StatusOK, // the cursor is ignored: all pages
		} {
			if res, body := exportGet(t, app, "head.nt", "", path); res.StatusCode != want {
				t.Errorf("%s: status %d, want %d: %s", path, res.StatusCode, want, body)
			}
		}
	})
}
