package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// registerFixture discloses n denunciations to KH-UBND (2026) and two to the
// commune KH-NT (2025), each sent by a named person, and returns the app and
// the senders.
func registerFixture(t *testing.T, n int) (*webApp, []amPerson) {
	t.Helper()
	app := mustServeWeb(t)
	ctx := context.Background()
	user := func(login string) store.User {
		u, err := app.Store.UserByLogin(ctx, login)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	var senders []amPerson
	disclose := func(i int, reception, head, handler string, year int) {
		p := amPerson{fmt.Sprintf("Người Tố Cáo Thứ %d", i), fmt.Sprintf("0792%08d", i), "", ""}
		senders = append(senders, p)
		day := func(d int) workflow.Date { return workflow.MustDate(fmt.Sprintf("%04d-11-%02d", year, d)) }
		d0 := 2
		if year == 2025 {
			d0 = 3
		}
		cs, err := app.Store.CreateCase(ctx, user(reception), store.NewCase{Subject: "Tố cáo cán bộ", Content: "Nội dung của " + p.name,
			Petitioner: store.Petitioner{Name: p.name, IDNumber: p.id},
			Intake:     workflow.Intake{Kind: workflow.Denunciation, Channel: "walk_in", ReceivedOn: day(d0)}})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range []struct {
			by string
			in workflow.Input
		}{
			{head, workflow.Input{Event: workflow.EvAssign, On: day(d0 + 1), Assignee: handler}},
			{head, workflow.Input{Event: workflow.EvAccept, On: day(d0 + 2)}},
			{handler, workflow.Input{Event: workflow.EvNotify, On: day(d0 + 3)}},
			{head, workflow.Input{Event: workflow.EvResolve, On: day(d0 + 18), Outcome: workflow.PartlyCorrect, Summary: "Đúng một phần."}},
			{head, workflow.Input{Event: workflow.EvDisclose, On: day(d0 + 21), Channel: "website", Text: fmt.Sprintf("Kết luận số %d/KL", i)}},
		} {
			if cs, _, err = app.Store.ApplyEvent(ctx, user(a.by), workflow.Viewer{}, cs, cs.Version, a.in, ""); err != nil {
				t.Fatalf("%s: %v", a.in.Event, err)
			}
		}
	}
	for i := 1; i <= n; i++ {
		disclose(i, "reception", "head", "handler", 2026)
	}
	disclose(n+1, "reception.nt", "head.nt", "handler.nt", 2025)
	disclose(n+2, "reception.nt", "head.nt", "handler.nt", 2025)
	return app, senders
}

type registerAnswer struct {
	Items []map[string]any `json:"items"`
	Next  *string          `json:"next_cursor"`
	Prev  *string          `json:"prev_cursor"`
}

func getRegister(t *testing.T, app *webApp, query string) (int, registerAnswer, string) {
	t.Helper()
	res, err := http.Get(app.URL + "/api/v1/public/disclosures" + query)
	if err != nil {
		t.Fatal(err)
	}
	body := readBody(t, res)
	var out registerAnswer
	if res.StatusCode == http.StatusOK {
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
	}
	return res.StatusCode, out, body
}

func TestPublicRegisterAPI(t *testing.T) {
	app, senders := registerFixture(t, 3)

	t.Run("PagesWithCursors", func(t *testing.T) {
		status, p1, body := getRegister(t, app, "?limit=2")
		if status != http.StatusOK || len(p1.Items) != 2 || p1.Next == nil || p1.Prev != nil {
			t.Fatalf("first page: %d %s", status, body)
		}
		for _, k := range []string{"tracking_code", "kind", "unit", "resolved_on", "disclosed_on", "outcome", "text"} {
			if _, ok := p1.Items[0][k]; !ok {
				t.Errorf("an item has no %q: %v", k, p1.Items[0])
			}
		}
		if _, ok := p1.Items[0]["id"]; ok {
			t.Error("an item shows the case's internal id")
		}
		seen := map[string]bool{}
		pages := []registerAnswer{p1}
		for p := p1; p.Next != nil; {
			_, p, _ = getRegister(t, app, "?limit=2&cursor="+*p.Next)
			pages = append(pages, p)
		}
		for _, p := range pages {
			for _, it := range p.Items {
				seen[it["tracking_code"].(string)] = true
			}
		}
		if len(pages) != 3 || len(seen) != 5 {
			t.Errorf("%d pages, %d disclosures; want 3 and 5", len(pages), len(seen))
		}
		last := pages[2]
		if last.Prev == nil {
			t.Fatal("the last page has no prev_cursor")
		}
		_, back, _ := getRegister(t, app, "?limit=2&cursor="+*last.Prev)
		if len(back.Items) != 2 || back.Items[0]["tracking_code"] != pages[1].Items[0]["tracking_code"] {
			t.Errorf("back from the last page: %v, want page 2 %v", back.Items, pages[1].Items)
		}
	})

	t.Run("Filters", func(t *testing.T) {
		for q, n := range map[string]int{"?unit=KH-NT": 2, "?unit=KH-UBND": 5, "?year=2025": 2, "?year=2026&unit=KH-UBND": 3,
			"?kind=denunciation": 5, "?kind=complaint": 0, "?kind=denunciation&year=2025&unit=KH-NT&q=KL": 2} {
			status, p, body := getRegister(t, app, q)
			if status != http.StatusOK || len(p.Items) != n {
				t.Errorf("%s: %d, %d items, want %d: %s", q, status, len(p.Items), n, body)
			}
		}
		for _, q := range []string{"?year=hai-nghin", "?year=0x7E9", "?unit=KHONG-CO", "?kind=tin-don", "?cursor=rac"} {
			res := amResp{}
			res.status, _, res.body = getRegister(t, app, q)
			if res.status != http.StatusBadRequest {
				t.Errorf("%s: %d, want 400", q, res.status)
			}
			amCheckErrorShape(t, q, res)
		}
	})

	t.Run("NamesNoOne", func(t *testing.T) {
		_, _, body := getRegister(t, app, "?limit=200")
		for _, p := range senders {
			if f := amRevealed(body, p); f != "" {
				t.Errorf("the register reveals %s (%s)", p.name, f)
			}
		}
	})
}

var registerLink = regexp.MustCompile(`href="(/cong-khai\?[^"]*)" rel="(next|prev)"`)

// registerLinks are the page's next and previous addresses, unescaped.
func registerLinks(body string) map[string]string {
	out := map[string]string{}
	for _, m := range registerLink.FindAllStringSubmatch(body, -1) {
		out[m[2]] = html.UnescapeString(m[1])
	}
	return out
}

func TestPublicRegisterPage(t *testing.T) {
	app, senders := registerFixture(t, 21) // 23 disclosures: two pages of 20
	b := app.newBrowser(t, "")

	res, first := b.get("/cong-khai")
	if res.StatusCode != http.StatusOK || strings.Count(first, "<li>") != 20 {
		t.Fatalf("first page: %d, %d items", res.StatusCode, strings.Count(first, "<li>"))
	}
	links := registerLinks(first)
	if links["next"] == "" || links["prev"] != "" {
		t.Fatalf("first page links %v", links)
	}
	_, second := b.get(links["next"])
	if n := strings.Count(second, "<li>"); n != 3 {
		t.Errorf("second page: %d items, want 3", n)
	}
	links = registerLinks(second)
	if links["prev"] == "" || links["next"] != "" {
		t.Fatalf("second page links %v", links)
	}
	if !strings.Contains(second, "Trang trước") {
		t.Error("no 'Trang trước' on the second page")
	}
	_, back := b.get(links["prev"])
	if strings.Count(back, "<li>") != 20 || len(registerLinks(back)) != 1 {
		t.Errorf("back to the first page: %d items, links %v", strings.Count(back, "<li>"), registerLinks(back))
	}

	for q, n := range map[string]int{"?limit=50": 23, "?unit=KH-NT": 2, "?year=2025&limit=100": 2, "?kind=complaint": 0,
		"?unit=KH-NT&year=2026": 0} {
		res, body := b.get("/cong-khai" + q)
		if got := strings.Count(body, "<li>"); res.StatusCode != http.StatusOK || got != n {
			t.Errorf("%s: %d, %d items, want %d", q, res.StatusCode, got, n)
		}
	}
	_, kept := b.get("/cong-khai?unit=KH-NT&year=2025&kind=denunciation&limit=50")
	for _, want := range []string{`<option value="KH-NT" selected>`, `value="2025"`, `<option value="denunciation" selected>`, `<option value="50" selected>`} {
		if !strings.Contains(kept, want) {
			t.Errorf("the form does not keep %s", want)
		}
	}
	for _, q := range []string{"?year=nam-ngoai", "?unit=KHONG-CO", "?kind=tin-don", "?cursor=rac"} {
		res, body := b.get("/cong-khai" + q)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Giá trị lọc không hợp lệ") {
			t.Errorf("%s: %d, want 400 with a notice", q, res.StatusCode)
		}
	}
	for _, p := range senders {
		if f := amRevealed(first+second, p); f != "" {
			t.Errorf("the register page reveals %s (%s)", p.name, f)
		}
	}
}
