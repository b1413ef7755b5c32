package handlers_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// upload sends a file as multipart, as a browser or a scanner's software does.
func (a *App) upload(tb testing.TB, login string, caseID int64, title, name string, body io.Reader) (int, []byte) {
	tb.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		if title != "" {
			mw.WriteField("title", title)
		}
		part, err := mw.CreateFormFile("file", name)
		if err == nil {
			_, err = io.Copy(part, body)
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req, err := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/v1/cases/%d/attachments", a.URL, caseID), pr)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+a.Token(tb, login))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

// Issue 18's attachments through the API: kept and read back as sent, saved
// never shown inline; refused over the limit (413), of a kind not taken or
// not what its name says (415), without a file (400); withdrawn, not deleted.
func TestAttachmentsThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-11-25")
	c := app.register(t, "reception", letterBody("complaint", "2026-11-20", "Khiếu nại quyết định thu hồi đất"))
	scan := []byte("%PDF-1.4\n% đơn khiếu nại bản quét\n%%EOF\n")
	status, body := app.upload(t, "reception", c.ID, "Đơn khiếu nại (bản quét)", "don.pdf", bytes.NewReader(scan))
	var att struct {
		ID          int64  `json:"id"`
		Title       string `json:"title"`
		ContentType string `json:"content_type"`
		WithdrawnAt *string
	}
	if status != http.StatusCreated || json.Unmarshal(body, &att) != nil || att.Title != "Đơn khiếu nại (bản quét)" || att.ContentType != "application/pdf" {
		t.Fatalf("upload: %d %s", status, body)
	}
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v1/attachments/%d", app.URL, att.ID), nil)
	req.Header.Set("Authorization", "Bearer "+app.Token(t, "head"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, scan) || resp.Header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment;") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("download: %d %q %q %q", resp.StatusCode, got, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"))
	}
	for _, bad := range []struct {
		name   string
		body   io.Reader
		status int
		code   string
	}{
		{"lon.pdf", io.MultiReader(bytes.NewReader(scan), bytes.NewReader(make([]byte, 21<<20))), http.StatusRequestEntityTooLarge, "too_large"},
		{"ghi-chu.txt", strings.NewReader("chỉ là chữ"), http.StatusUnsupportedMediaType, "unsupported_file"},
		{"anh.pdf", strings.NewReader("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), http.StatusUnsupportedMediaType, "unsupported_file"},
	} {
		status, body := app.upload(t, "reception", c.ID, "", bad.name, bad.body)
		if status != bad.status || !strings.Contains(string(body), `"code":"`+bad.code+`"`) {
			t.Errorf("%s: %d %s, want %d %s", bad.name, status, body, bad.status, bad.code)
		}
	}
	if status, body := app.Do(t, "reception", http.MethodPost, fmt.Sprintf("/api/v1/cases/%d/attachments", c.ID), map[string]any{"file": "x"}); status != http.StatusBadRequest {
		t.Errorf("not multipart: %d %s", status, body)
	}
	if status, body := app.Do(t, "supervisor", http.MethodPost, fmt.Sprintf("/api/v1/attachments/%d/withdraw", att.ID), map[string]any{"reason": "Sai"}); status != http.StatusForbidden {
		t.Errorf("withdrawn by the supervisor: %d %s", status, body)
	}
	if status, body := app.Do(t, "reception", http.MethodPost, fmt.Sprintf("/api/v1/attachments/%d/withdraw", att.ID), map[string]any{"reason": "Tải nhầm tệp"}); status != http.StatusOK ||
		!strings.Contains(string(body), `"withdrawn_reason":"Tải nhầm tệp"`) {
		t.Errorf("withdraw: %d %s", status, body)
	}
	status, body = app.Do(t, "head", http.MethodGet, fmt.Sprintf("/api/v1/cases/%d/attachments", c.ID), nil)
	if status != http.StatusOK || strings.Count(string(body), `"id":`) != 1 || !strings.Contains(string(body), `"withdrawn_by":"reception"`) {
		t.Errorf("the list after the refusals and the withdrawal: %d %s", status, body)
	}
}
