package handlers_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Issue 19 through the API: an administrator adds an official, who may not
// open the API with the password given until they choose their own; a head
// lists their unit's users and changes none; a reset answers its password once.
func TestUsersThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	status, body := app.Do(t, "admin", http.MethodPost, "/api/v1/users",
		map[string]any{"login": "cb.moi", "name": "Cán Bộ Mới", "role": "reception", "unit": "KH-NT", "password": "tamthoi2026"})
	if status != http.StatusCreated || !strings.Contains(string(body), `"must_change_password":true`) {
		t.Fatalf("add: %d %s", status, body)
	}
	status, body = app.Do(t, "", http.MethodPost, "/api/v1/session", map[string]any{"login": "cb.moi", "password": "tamthoi2026"})
	if status != http.StatusForbidden || !strings.Contains(string(body), `"code":"password_change_required"`) {
		t.Errorf("a token with the password given: %d %s", status, body)
	}
	if status, body := app.Do(t, "head", http.MethodGet, "/api/v1/users?unit=KH-UBND", nil); status != http.StatusOK || !strings.Contains(string(body), `"login":"head"`) {
		t.Errorf("the head's own unit: %d %s", status, body)
	}
	if status, body := app.Do(t, "head", http.MethodPatch, "/api/v1/users/cb.moi", map[string]any{"disabled": true}); status != http.StatusForbidden {
		t.Errorf("a head locked a user: %d %s", status, body)
	}
	status, body = app.Do(t, "admin", http.MethodPatch, "/api/v1/users/cb.moi", map[string]any{"password_reset": true})
	if status != http.StatusOK || !strings.Contains(string(body), `"temporary_password":"`) {
		t.Errorf("reset: %d %s", status, body)
	}
	if status, body := app.Do(t, "admin", http.MethodPatch, "/api/v1/users/admin", map[string]any{"role": "handler"}); status != http.StatusUnprocessableEntity ||
		!strings.Contains(string(body), `"code":"last_admin"`) {
		t.Errorf("the last admin demoted: %d %s", status, body)
	}
}

// Issue 19: a sheet through the API. A refused row refuses the whole sheet
// (422 import_refused with every problem), and a clean one is written (201)
// with each temporary password; the new official's token waits for their own
// password.
func TestImportThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	send := func(sheet string, dryRun bool) (int, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("dry_run", strconv.FormatBool(dryRun))
		part, _ := mw.CreateFormFile("file", "can-bo.csv")
		part.Write([]byte(sheet))
		mw.Close()
		req, _ := http.NewRequest(http.MethodPost, app.URL+"/api/v1/import", &b)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+app.Token(t, "admin"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}
	refused := "\ufeffTên đăng nhập,Họ tên,Vai trò,Đơn vị\ncb.a,Cán Bộ A,Chuyên viên,KH-NT\ncb.b,Cán Bộ B,thủ kho,KH-NT\n"
	if status, body := send(refused, false); status != http.StatusUnprocessableEntity || !strings.Contains(body, `"code":"import_refused"`) ||
		!strings.Contains(body, `"line":3,"field":"role"`) {
		t.Errorf("a refused row: %d %s", status, body)
	}
	if status, body := app.Do(t, "admin", http.MethodGet, "/api/v1/users?unit=KH-NT", nil); status != http.StatusOK || strings.Contains(string(body), "cb.a") {
		t.Errorf("a refused sheet wrote a row: %d %s", status, body)
	}
	status, body := send(strings.Replace(refused, "thủ kho", "cán bộ tiếp dân", 1), false)
	if status != http.StatusCreated || !strings.Contains(body, `"users":2`) || !strings.Contains(body, `{"login":"cb.b","password":"`) {
		t.Fatalf("a clean sheet: %d %s", status, body)
	}
	if status, body := app.Do(t, "admin", http.MethodGet, "/api/v1/users?unit=KH-NT", nil); !strings.Contains(string(body), `"login":"cb.b","name":"Cán Bộ B","role":"reception"`) {
		t.Errorf("the imported reception officer: %d %s", status, body)
	}
	if status, body := send(strings.Repeat("x", 21<<20), true); status != http.StatusRequestEntityTooLarge || !strings.Contains(body, `"code":"too_large"`) {
		t.Errorf("a sheet over 20 MB: %d %.200s", status, body)
	}
	// The sample sheets of docs/import, units first, import as they are.
	for _, sample := range []string{"don-vi.csv", "can-bo.csv"} {
		sheet, err := os.ReadFile(filepath.Join("..", "docs", "import", sample))
		if err != nil {
			t.Fatal(err)
		}
		if status, body := send(string(sheet), false); status != http.StatusCreated {
			t.Errorf("the sample %s: %d %s", sample, status, body)
		}
	}
}
