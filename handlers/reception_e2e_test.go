package handlers_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
)

type sessionJSON struct {
	ID              int64  `json:"id"`
	State           string `json:"state"`
	HeldOn          string `json:"held_on"`
	Head            string `json:"head"`
	PublishedInTime bool   `json:"published_in_time"`
	Conclusion      string `json:"conclusion"`
	ChangeReason    string `json:"change_reason"`
}

// Issue 16 through the API: the head publishes a day, the public reads it,
// reception logs a crowd at the head's session, the head concludes, and the
// supervisor reads compliance; every bad input of the issue is refused
// naming the field and the rule, and a denouncer who came stays secret.
func TestCitizenReceptionThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-11-25")
	status, raw := app.Do(t, "head", http.MethodPost, "/api/v1/reception/sessions", map[string]any{"unit": "KH-UBND",
		"kind": "periodic", "host": "head", "state": "scheduled", "held_on": "2026-12-04", "place": "Trụ sở tiếp công dân tỉnh"})
	if status != http.StatusCreated {
		t.Fatalf("schedule: %d %s", status, raw)
	}
	day := decode[sessionJSON](t, raw)
	if !day.PublishedInTime || day.Head != "head" {
		t.Errorf("scheduled 04/12 on 25/11: %s", raw)
	}
	_, raw = app.Do(t, "", http.MethodGet, "/api/v1/public/schedule", nil)
	if !bytes.Contains(raw, []byte(`"held_on":"2026-12-04"`)) || !bytes.Contains(raw, []byte("Nguyễn Văn Trưởng")) {
		t.Errorf("the public schedule: %s", raw)
	}

	for _, tc := range []struct {
		body        map[string]any
		status      int
		code, field string
	}{
		{map[string]any{"unit": "KH-UBND", "kind": "periodic", "host": "head", "state": "held", "held_on": "2026-12-01"},
			http.StatusBadRequest, "invalid", "held_on"},
		{map[string]any{"unit": "KH-UBND", "kind": "periodic", "host": "deputy", "state": "held", "held_on": "2026-11-20"},
			http.StatusBadRequest, "invalid", "host_name"},
	} {
		s, r := app.Do(t, "head", http.MethodPost, "/api/v1/reception/sessions", tc.body)
		if e := wantError(t, s, r, tc.status, tc.code); e.Field != tc.field {
			t.Errorf("%v: field %q, want %q", tc.body, e.Field, tc.field)
		}
	}

	app.SetToday(t, "2026-12-04")
	status, raw = app.Do(t, "reception", http.MethodPost, fmt.Sprintf("/api/v1/reception/sessions/%d/held", day.ID), nil)
	if status != http.StatusOK {
		t.Fatalf("held: %d %s", status, raw)
	}
	crowd := func(size int, reps ...string) map[string]any {
		return map[string]any{"session_id": day.ID, "visited_on": "2026-12-04", "kind": "complaint",
			"petitioner": map[string]string{"name": "Nguyễn Văn Đại", "id_number": "056078001234"},
			"content":    "Khiếu nại giá bồi thường đất dự án đường ven biển", "outcome": "guided",
			"crowd": map[string]any{"size": size, "representatives": reps, "head_received": true}}
	}
	for _, body := range []map[string]any{crowd(4, "Nguyễn Văn Đại"), crowd(8, "A", "B", "C"), crowd(20, "A", "B", "C", "D", "E", "F")} {
		s, r := app.Do(t, "reception", http.MethodPost, "/api/v1/reception/visits", body)
		if e := wantError(t, s, r, http.StatusBadRequest, "invalid"); e.Field != "crowd.representatives" {
			t.Errorf("crowd %v: field %q", body["crowd"], e.Field)
		}
	}
	if s, r := app.Do(t, "reception", http.MethodPost, "/api/v1/reception/visits", crowd(12, "Nguyễn Văn Đại", "Trần Thị Biểu")); s != http.StatusCreated {
		t.Fatalf("a crowd of 12: %d %s", s, r)
	}
	outside := crowd(1)
	outside["visited_on"] = "2026-12-03"
	if e := wantErrorOf(t, app, "reception", outside); e.Field != "visited_on" {
		t.Errorf("a visit outside its session's day: field %q", e.Field)
	}
	denouncer := map[string]any{"unit": "KH-UBND", "kind": "denunciation", "petitioner": map[string]string{"name": "Phạm Thị Mật"},
		"content": "Tố cáo cán bộ địa chính", "outcome": "refused", "reason": "TCD-4K"}
	if s, r := app.Do(t, "reception", http.MethodPost, "/api/v1/reception/visits", denouncer); s != http.StatusCreated {
		t.Fatalf("a denouncer refused: %d %s", s, r)
	}
	for login, sees := range map[string]bool{"reception": true, "head": true, "supervisor": false, "reception2": false} {
		s, r := app.Do(t, login, http.MethodGet, "/api/v1/reception/visits?unit=KH-UBND", nil)
		if s != http.StatusOK || bytes.Contains(r, []byte("Phạm Thị Mật")) != sees {
			t.Errorf("%s reads the book (%d): sees the denouncer %v, want %v", login, s, !sees, sees)
		}
	}

	path := fmt.Sprintf("/api/v1/reception/sessions/%d/conclusion", day.ID)
	if s, r := app.Do(t, "reception", http.MethodPost, path, map[string]string{"conclusion": "x"}); s != http.StatusForbidden {
		t.Errorf("a conclusion by reception: %d %s", s, r)
	}
	conclusion := map[string]any{"conclusion": "Giao Sở Tài nguyên và Môi trường trả lời trước 15/12/2026.",
		"tasks": []map[string]any{{"text": "Trả lời công dân bằng văn bản", "assignee": "Sở Tài nguyên và Môi trường", "due_on": "2026-12-15"},
			{"text": "Kiểm tra hiện trường"}}}
	s, r := app.Do(t, "head", http.MethodPost, path, conclusion)
	if e := wantError(t, s, r, http.StatusBadRequest, "invalid"); e.Field != "tasks[1].due_on" {
		t.Errorf("a task with neither a case nor a due day: field %q", e.Field)
	}
	conclusion["tasks"] = conclusion["tasks"].([]map[string]any)[:1]
	if s, r := app.Do(t, "head", http.MethodPost, path, conclusion); s != http.StatusOK {
		t.Errorf("the head's conclusion: %d %s", s, r)
	}
	var detail struct {
		Tasks []struct {
			ID    int64  `json:"id"`
			DueOn string `json:"due_on"`
			Late  bool   `json:"late"`
		} `json:"tasks"`
		Log []struct {
			Act string `json:"act"`
		} `json:"log"`
	}
	s, r = app.Do(t, "supervisor", http.MethodGet, fmt.Sprintf("/api/v1/reception/sessions/%d", day.ID), nil)
	if s != http.StatusOK || json.Unmarshal(r, &detail) != nil || len(detail.Tasks) != 1 || len(detail.Log) != 3 ||
		detail.Tasks[0].DueOn != "2026-12-15" || detail.Log[2].Act != "concluded" {
		t.Fatalf("the session with its tasks and log: %d %s", s, r)
	}
	app.SetToday(t, "2026-12-16")
	if s, r := app.Do(t, "supervisor", http.MethodGet, "/api/v1/reception/tasks?unit=KH-UBND&open=true", nil); s != http.StatusOK ||
		!bytes.Contains(r, []byte(`"late":true`)) {
		t.Errorf("the task due 15/12, still open on 16/12: %d %s", s, r)
	}
	done := fmt.Sprintf("/api/v1/reception/tasks/%d/done", detail.Tasks[0].ID)
	if s, r := app.Do(t, "supervisor", http.MethodPost, done, map[string]string{"result": "x"}); s != http.StatusForbidden {
		t.Errorf("a supervisor finishing a task: %d %s", s, r)
	}
	if s, r := app.Do(t, "reception", http.MethodPost, done, map[string]string{"result": "Đã trả lời, văn bản số 88/STNMT"}); s != http.StatusOK ||
		!bytes.Contains(r, []byte(`"done_on":"2026-12-16"`)) {
		t.Errorf("the task done a day late: %d %s", s, r)
	}
	change := fmt.Sprintf("/api/v1/reception/sessions/%d/change", day.ID)
	if s, r := app.Do(t, "head", http.MethodPost, change, map[string]any{"cancel": true, "reason": "muộn"}); s != http.StatusUnprocessableEntity {
		t.Errorf("a change after the day: %d %s", s, r)
	}

	s, r = app.Do(t, "supervisor", http.MethodGet, "/api/v1/reception/compliance?unit=KH-UBND&as_of=2026-12-04", nil)
	if s != http.StatusOK || !bytes.Contains(r, []byte(`"head":"head"`)) || !bytes.Contains(r, []byte(`"held_in_person":1`)) {
		t.Errorf("compliance: %d %s", s, r)
	}
}

// wantErrorOf posts a visit that must be refused with 400 invalid.
func wantErrorOf(t *testing.T, app *App, login string, body map[string]any) apiError {
	t.Helper()
	s, r := app.Do(t, login, http.MethodPost, "/api/v1/reception/visits", body)
	return wantError(t, s, r, http.StatusBadRequest, "invalid")
}
