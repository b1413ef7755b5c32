package handlers

// Helpers the page tests share: fixture users and cases set up through the
// store, and a case page's forms read and submitted as a browser would.

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// qcUser loads a fixture user.
func qcUser(t *testing.T, app *webApp, login string) store.User {
	t.Helper()
	u, err := app.Store.UserByLogin(context.Background(), login)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// qcCase registers a letter as the user `by` would at the desk.
func qcCase(t *testing.T, app *webApp, by string, kind workflow.Kind, received, subject, name string) store.Case {
	t.Helper()
	in := store.NewCase{Subject: subject, Content: "Nội dung: " + subject,
		Petitioner: store.Petitioner{Name: name, IDNumber: "056190009999", Phone: "0912000111", Address: "Nha Trang"},
		Intake:     workflow.Intake{Kind: kind, Channel: "walk_in", ReceivedOn: workflow.MustDate(received)}}
	if kind == workflow.Complaint {
		in.Intake.Round = 1
	}
	cs, err := app.Store.CreateCase(context.Background(), qcUser(t, app, by), in)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// qcFire applies an event directly (test setup), with the case's current version.
func qcFire(t *testing.T, app *webApp, by string, id int64, in workflow.Input) store.Case {
	t.Helper()
	cs := qcLoad(t, app, id)
	out, _, err := app.Store.ApplyEvent(context.Background(), qcUser(t, app, by), workflow.Viewer{}, cs, cs.Version, in, "")
	if err != nil {
		t.Fatalf("%s by %s: %v", in.Event, by, err)
	}
	return out
}

func qcLoad(t *testing.T, app *webApp, id int64) store.Case {
	t.Helper()
	cs, err := app.Store.Case(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

var (
	qcFormRe     = regexp.MustCompile(`(?s)<form [^>]*>.*?</form>`)
	qcInputRe    = regexp.MustCompile(`<input [^>]*>`)
	qcSelectRe   = regexp.MustCompile(`(?s)<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>`)
	qcSelectedRe = regexp.MustCompile(`<option value="([^"]*)" selected>`)
	qcTextareaRe = regexp.MustCompile(`(?s)<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>`)
	qcAttrRe     = regexp.MustCompile(`([a-z-]+)(?:="([^"]*)")?`)
)

// qcForm reads the fields of the page's form for event as a browser would
// submit them: hidden and filled inputs, ticked boxes, selected options, textareas.
func qcForm(t *testing.T, body string, event string) url.Values {
	t.Helper()
	for _, f := range qcFormRe.FindAllString(body, -1) {
		if !strings.Contains(f, `name="event" value="`+event+`"`) {
			continue
		}
		vals := url.Values{}
		for _, in := range qcInputRe.FindAllString(f, -1) {
			attrs := map[string]string{}
			for _, m := range qcAttrRe.FindAllStringSubmatch(strings.TrimPrefix(in, "<input "), -1) {
				attrs[m[1]] = html.UnescapeString(m[2])
			}
			_, checked := attrs["checked"]
			if attrs["type"] == "checkbox" && !checked {
				continue
			}
			vals.Add(attrs["name"], attrs["value"])
		}
		for _, m := range qcSelectRe.FindAllStringSubmatch(f, -1) {
			sel := ""
			if s := qcSelectedRe.FindStringSubmatch(m[2]); s != nil {
				sel = html.UnescapeString(s[1])
			}
			vals.Set(m[1], sel)
		}
		for _, m := range qcTextareaRe.FindAllStringSubmatch(f, -1) {
			vals.Set(m[1], html.UnescapeString(m[2]))
		}
		return vals
	}
	t.Fatalf("no form for %q on the page", event)
	return nil
}

// qcSubmit fills the event's form on the case page with fields and posts it.
func qcSubmit(t *testing.T, b *browser, id int64, event string, fields map[string]string) (*http.Response, string) {
	t.Helper()
	path := "/ho-so/" + strconv.FormatInt(id, 10)
	res, body := b.get(path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, res.StatusCode)
	}
	vals := qcForm(t, body, event)
	for k, v := range fields {
		if v == "" {
			vals.Del(k)
		} else {
			vals.Set(k, v)
		}
	}
	return b.post(path+"/su-kien", vals)
}

// qcMustSubmit submits a form that must be accepted.
func qcMustSubmit(t *testing.T, b *browser, id int64, event string, fields map[string]string) {
	t.Helper()
	res, body := qcSubmit(t, b, id, event, fields)
	if res.StatusCode != http.StatusSeeOther {
		m := regexp.MustCompile(`class="(error|warn)"[^>]*>([^<]*)<`).FindAllStringSubmatch(body, -1)
		t.Fatalf("%s: status %d, want 303; messages %v", event, res.StatusCode, m)
	}
}

func qcIndex(t *testing.T, body, s string) int {
	t.Helper()
	i := strings.Index(body, s)
	if i < 0 {
		t.Fatalf("page lacks %q", s)
	}
	return i
}

func qcPtr[T any](v T) *T { return &v }
