package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// Issue 17 through the API: a form for an official period and for a range,
// its rows by unit, the cases behind a figure, the csv, and every bad input
// of the issue refused naming the field. No report names a petitioner.
func TestReportsThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-11-25")
	// The commune receives two complaints and accepts one; the agency guides one away.
	nt := app.register(t, "reception.nt", letterBody("complaint", "2026-11-02", "Khiếu nại thu hồi đất", "round", 1))
	nt = app.fire(t, "head.nt", nt, ev("assign", "2026-11-03", "assignee", "handler.nt"))
	nt = app.fire(t, "head.nt", nt, ev("accept", "2026-11-04"))
	nt = app.fire(t, "head.nt", nt, ev("resolve", "2026-11-20", "outcome", "wrong", "summary", "Khiếu nại sai"))
	app.register(t, "reception.nt", letterBody("complaint", "2026-11-05", "Khiếu nại cấp giấy chứng nhận", "round", 1))
	away := app.register(t, "reception", letterBody("complaint", "2026-11-06", "Khiếu nại việc của xã", "round", 1))
	app.fire(t, "head", away, ev("transfer", "2026-11-07", "target", "UBND phường Nha Trang", "mode", "guide"))

	type reportOut struct {
		Form    string `json:"form"`
		Period  string `json:"period"`
		From    string `json:"from"`
		To      string `json:"to"`
		Columns []struct {
			Key, Label string
		} `json:"columns"`
		Rows []struct {
			Unit  string             `json:"unit"`
			Cells map[string]float64 `json:"cells"`
		} `json:"rows"`
		Total  map[string]float64 `json:"total"`
		Checks []struct {
			Name string `json:"name"`
			OK   bool   `json:"ok"`
		} `json:"checks"`
	}
	s, raw := app.Do(t, "supervisor", http.MethodGet, "/api/v1/reports/02-XLD?period=Q4-2026&unit=KH-UBND", nil)
	if s != http.StatusOK {
		t.Fatalf("02-XLD: %d %s", s, raw)
	}
	r := decode[reportOut](t, raw)
	if r.From != "2026-09-15" || r.To != "2026-12-14" || len(r.Columns) != 26 || len(r.Rows) != 2 || r.Rows[0].Unit != "KH-UBND" {
		t.Fatalf("the form's frame: %s", raw)
	}
	// Three complaints to process; KH-UBND's one guided away, the commune's one accepted and one waiting.
	if r.Total["c1"] != 3 || r.Total["c4"] != 2 || r.Total["c20"] != 1 || r.Total["c24"] != 1 ||
		r.Rows[0].Cells["c1"] != 1 || r.Rows[1].Cells["c1"] != 2 {
		t.Errorf("the figures: total %v, rows %v", r.Total, r.Rows)
	}
	for _, ch := range r.Checks {
		if !ch.OK {
			t.Errorf("check %s fails", ch.Name)
		}
	}
	if bytes.Contains(raw, []byte("Nguyễn Văn An")) || bytes.Contains(raw, []byte("056078001234")) {
		t.Errorf("a report names the petitioner: %s", raw)
	}

	s, raw = app.Do(t, "head.nt", http.MethodGet, "/api/v1/reports/02-XLD/cases?from=2026-11-01&to=2026-11-30&column=c20", nil)
	if s != http.StatusOK || !bytes.Contains(raw, []byte(fmt.Sprintf(`"id":%d`, nt.ID))) || bytes.Contains(raw, []byte("Nguyễn")) {
		t.Errorf("the case behind the commune's figure: %d %s", s, raw)
	}

	// On time: the commune's one decision, within its deadline; too few to compare.
	s, raw = app.Do(t, "supervisor", http.MethodGet, "/api/v1/reports/on-time?period=Q4-2026&unit=KH-UBND", nil)
	if s != http.StatusOK || !bytes.Contains(raw, []byte(`{"unit":"KH-NT","name":"UBND phường Nha Trang","kind":"complaint","decided":1,"on_time":1,"share":1,`)) ||
		!bytes.Contains(raw, []byte(`"few":true`)) {
		t.Errorf("on time: %d %s", s, raw)
	}
	if s, raw := app.Do(t, "reception", http.MethodGet, "/api/v1/reports/on-time?period=Q4-2026", nil); s != http.StatusForbidden {
		t.Errorf("on time read by reception: %d %s", s, raw)
	}

	req, _ := http.NewRequest(http.MethodGet, app.URL+"/api/v1/reports/01-XLD?period=Q4-2026&format=csv", nil)
	req.Header.Set("Authorization", "Bearer "+app.Token(t, "supervisor"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var csv bytes.Buffer
	csv.ReadFrom(resp.Body)
	resp.Body.Close()
	if !bytes.HasPrefix(csv.Bytes(), []byte("\ufeffBiểu số 01/XLD")) || !bytes.Contains(csv.Bytes(), []byte("Tổng cộng,3,")) {
		t.Errorf("the csv: %s", csv.String())
	}

	for _, tc := range []struct {
		login, path string
		status      int
		field       string
	}{
		{"supervisor", "/api/v1/reports/01-XLD?from=2026-11-30&to=2026-11-01", http.StatusBadRequest, "to"},
		{"supervisor", "/api/v1/reports/01-XLD?from=2026-11-01", http.StatusBadRequest, "to"},
		{"supervisor", "/api/v1/reports/01-XLD?period=Q5-2026", http.StatusBadRequest, "period"},
		{"supervisor", "/api/v1/reports/01-XLD?period=Y-2020", http.StatusBadRequest, "period"},
		{"supervisor", "/api/v1/reports/09-XLD?period=Y-2026", http.StatusNotFound, "form"},
		{"supervisor", "/api/v1/reports/01-XLD/cases?period=Y-2026&column=c99", http.StatusBadRequest, "column"},
		{"head.nt", "/api/v1/reports/01-XLD?period=Y-2026&unit=KH-UBND", http.StatusForbidden, ""},
		{"handler", "/api/v1/reports/01-XLD?period=Y-2026", http.StatusForbidden, ""},
	} {
		s, raw := app.Do(t, tc.login, http.MethodGet, tc.path, nil)
		if e := wantError(t, s, raw, tc.status, ""); e.Field != tc.field {
			t.Errorf("%s %s: field %q, want %q", tc.login, tc.path, e.Field, tc.field)
		}
	}
}

// Rolled up as merged: a commune that ended on 30/06/2025 counts, with
// merged=true, in the row of the commune that took over its work, and the
// cases behind that row include its letters.
func TestReportsAsMerged(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-11-25")
	ctx := context.Background()
	if _, err := app.Store.CreateUnit(ctx, "KH-CL", "UBND xã Cam Lâm (cũ)", "commune", "KH-UBND"); err != nil {
		t.Fatal(err)
	}
	u, err := app.Store.CreateUser(ctx, "reception.cl", "Tiếp dân Cam Lâm", workflow.RoleReception, "KH-CL", "demo")
	if err != nil {
		t.Fatal(err)
	}
	old, err := app.Store.CreateCase(ctx, u, store.NewCase{Subject: "Kiến nghị sửa đường", Content: "Đường hư hỏng",
		Intake:     workflow.Intake{Kind: workflow.Petition, Channel: "walk_in", ReceivedOn: workflow.MustDate("2025-06-20")},
		Petitioner: store.Petitioner{Name: "Lê Văn Cũ"}})
	if err != nil {
		t.Fatal(err)
	}
	app.register(t, "reception.nt", letterBody("petition", "2025-06-25", "Kiến nghị đèn đường"))
	if _, err := app.Store.MergeUnit(ctx, "KH-CL", "KH-NT", workflow.MustDate("2025-07-01")); err != nil {
		t.Fatal(err)
	}
	rows := func(query string) map[string]float64 {
		t.Helper()
		s, raw := app.Do(t, "supervisor", http.MethodGet, "/api/v1/reports/04-XLD?from=2025-06-01&to=2025-07-31&unit=KH-UBND"+query, nil)
		if s != http.StatusOK {
			t.Fatalf("04-XLD: %d %s", s, raw)
		}
		var r struct {
			Rows []struct {
				Unit  string             `json:"unit"`
				Cells map[string]float64 `json:"cells"`
			} `json:"rows"`
		}
		json.Unmarshal(raw, &r)
		out := map[string]float64{}
		for _, row := range r.Rows {
			out[row.Unit] = row.Cells["c1"]
		}
		return out
	}
	if got := rows(""); got["KH-CL"] != 1 || got["KH-NT"] != 1 {
		t.Errorf("as they were: %v", got)
	}
	if got := rows("&merged=true"); len(got) != 2 || got["KH-NT"] != 2 {
		t.Errorf("as merged (KH-UBND and KH-NT, the ended commune's letter in KH-NT's row): %v", got)
	}
	s, raw := app.Do(t, "supervisor", http.MethodGet, "/api/v1/reports/04-XLD/cases?from=2025-06-01&to=2025-07-31&unit=KH-NT&merged=true&column=c1", nil)
	if s != http.StatusOK || !bytes.Contains(raw, []byte(fmt.Sprintf(`"id":%d`, old.ID))) {
		t.Errorf("the cases behind KH-NT's row, as merged: %d %s", s, raw)
	}
}
