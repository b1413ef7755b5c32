package handlers

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"petitions/workflow"
)

func TestErrorPages(t *testing.T) {
	app := mustServeWeb(t)

	t.Run("MistypedPageURLIsAnHTMLPageInVietnamese", func(t *testing.T) {
		res, body := app.newBrowser(t, "").get("/khong-co-trang-nay")
		if res.StatusCode != http.StatusNotFound || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("status %d, type %q; want 404 text/html", res.StatusCode, res.Header.Get("Content-Type"))
		}
		for _, want := range []string{`<html lang="vi">`, "Không tìm thấy trang", `href="/">Về trang chủ</a>`} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %q:\n%s", want, body)
			}
		}
	})

	t.Run("MistypedPageURLIsInEnglishAfterTheLanguageSwitch", func(t *testing.T) {
		b := app.newBrowser(t, "head")
		if res, _ := b.get("/ngon-ngu?lang=en&next=/tra-cuu"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("GET /ngon-ngu: status %d", res.StatusCode)
		}
		res, body := b.get("/khong-co-trang-nay")
		if res.StatusCode != http.StatusNotFound {
			t.Fatalf("status %d, want 404", res.StatusCode)
		}
		for _, want := range []string{`<html lang="en">`, "Page not found", "Go to the home page", "Nguyễn Văn Trưởng"} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %q:\n%s", want, body)
			}
		}
	})

	t.Run("WrongMethodOnAPageIsAnHTMLPage", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodDelete, app.URL+"/tra-cuu", nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body := readBody(t, res)
		if res.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(body, "Không thực hiện được yêu cầu") {
			t.Errorf("status %d, want 405 and the page:\n%s", res.StatusCode, body)
		}
	})

	t.Run("MistypedAPIURLStaysJSON", func(t *testing.T) {
		for _, tc := range []struct{ method, path, code string }{
			{http.MethodGet, "/api/v1/khong-co", "not_found"},
			{http.MethodGet, "/api/khong-co", "not_found"},
			{http.MethodDelete, "/api/v1/session/x", "not_found"},
			{http.MethodPatch, "/api/v1/session", "method_not_allowed"},
		} {
			req, _ := http.NewRequest(tc.method, app.URL+tc.path, nil)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var got struct{ Error errorBody }
			err = json.Unmarshal([]byte(readBody(t, res)), &got)
			if err != nil || got.Error.Code != tc.code || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
				t.Errorf("%s %s: status %d, type %q, body code %q (%v); want JSON code %s",
					tc.method, tc.path, res.StatusCode, res.Header.Get("Content-Type"), got.Error.Code, err, tc.code)
			}
		}
	})
}

// TestInternalErrorsShowOneSentence: an internal error is the API's error body
// with the Vietnamese sentence, and a page's plain sentence in the user's language.
func TestInternalErrorsShowOneSentence(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	answer := func(path, lang string, f func(*gin.Context)) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		c, _ := gin.CreateTestContext(rec)
		c.Request = httptest.NewRequest(http.MethodGet, path, nil)
		if lang != "" {
			c.Request.AddCookie(&http.Cookie{Name: langCookie, Value: lang})
		}
		f(c)
		return rec
	}
	boom := errors.New("disk on fire")
	vi, en := translate("vi", internalKey), translate("en", internalKey)
	if vi == internalKey || en == vi {
		t.Fatalf("message %s: vi %q, en %q", internalKey, vi, en)
	}

	rec := answer("/api/v1/cases", "en", func(c *gin.Context) { fail(c, boom) })
	var got struct{ Error errorBody }
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != 500 ||
		got.Error != (errorBody{Code: "internal", Message: vi}) {
		t.Errorf("API: status %d, body %s; want 500 internal with %q", rec.Code, rec.Body, vi)
	}
	for lang, want := range map[string]string{"": vi, "en": en} {
		rec := answer("/ho-so", lang, func(c *gin.Context) { pageFail(c, boom) })
		if rec.Code != 500 || rec.Body.String() != want {
			t.Errorf("page (lang %q): status %d, body %q; want 500 %q", lang, rec.Code, rec.Body, want)
		}
	}
	if got := errText("en", boom); got != en {
		t.Errorf("errText(en, internal) = %q, want %q", got, en)
	}
	if got := errText("en", workflow.Invalid("note", "thiếu ghi chú")); got != "Thiếu ghi chú." {
		t.Errorf("errText(en, invalid) = %q, want the engine's sentence", got)
	}
}

// TestInternalSentenceIsWrittenOnce: the sentence lives in the message table
// (handlers/i18n.go) alone; every answer takes it from there.
func TestInternalSentenceIsWrittenOnce(t *testing.T) {
	for _, sentence := range []string{translate("vi", internalKey), translate("en", internalKey)} {
		for _, dir := range []string{".", "../templates"} {
			err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || filepath.Base(path) == "i18n.go" {
					return err
				}
				b, err := os.ReadFile(path)
				if err == nil && strings.Contains(string(b), sentence) {
					t.Errorf("%s repeats %q: use translate(lang, internalKey)", path, sentence)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}
