package handlers

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"petitions/store"
	"petitions/workflow"
)

// auditFixture registers, on the kit's fixture (today 25/11/2026):
//   - "late": a complaint of KH-UBND received 01/09/2026, accepted 03/09
//     (resolution due 05/10): very overdue;
//   - "fresh": a petition of KH-NT received 20/11/2026: on track;
//   - "denounced": a denunciation of KH-UBND received 10/11/2026, acceptance
//     due 19/11: overdue by 6 days;
//   - "old": a complaint of KH-UBND received 01/09/2025, never assigned:
//     very overdue and prolonged.
//
// Every petitioner's name starts with "Người Gửi Bí Mật", which no audit page may show.
func auditFixture(t *testing.T, app *webApp) map[string]store.Case {
	t.Helper()
	ctx := context.Background()
	user := func(login string) store.User {
		u, err := app.Store.UserByLogin(ctx, login)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	register := func(login string, k workflow.Kind, round int, received, name string) store.Case {
		c, err := app.Store.CreateCase(ctx, user(login), store.NewCase{Subject: "Đơn về đất đai", Content: "Nội dung đơn",
			Intake:     workflow.Intake{Kind: k, Round: round, Channel: "post", ReceivedOn: workflow.MustDate(received)},
			Petitioner: store.Petitioner{Name: "Người Gửi Bí Mật " + name, IDNumber: "0790" + received[:4] + name}})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	apply := func(c store.Case, in workflow.Input) store.Case {
		c, _, err := app.Store.ApplyEvent(ctx, user("head"), workflow.Viewer{}, c, c.Version, in, "")
		if err != nil {
			t.Fatalf("%s: %v", in.Event, err)
		}
		return c
	}
	late := register("reception", workflow.Complaint, 1, "2026-09-01", "Một")
	late = apply(late, workflow.Input{Event: workflow.EvAssign, Assignee: "handler", On: workflow.MustDate("2026-09-02")})
	late = apply(late, workflow.Input{Event: workflow.EvAccept, On: workflow.MustDate("2026-09-03")})
	return map[string]store.Case{
		"late":      late,
		"fresh":     register("reception.nt", workflow.Petition, 0, "2026-11-20", "Hai"),
		"denounced": register("reception", workflow.Denunciation, 0, "2026-11-10", "Ba"),
		"old":       register("reception", workflow.Complaint, 1, "2025-09-01", "Bốn"),
	}
}

var (
	auditCardRe = regexp.MustCompile(`<a class="card status-(\w+)" href="([^"]+)" data-count="(\d+)"`)
	auditLinkRe = regexp.MustCompile(`href="(/giam-sat/ho-so\?[^"]+)" data-count="(\d+)"`)
	auditRowRe  = regexp.MustCompile(`<tr data-case="(\d+)"`)
)

// auditCards reads the five cards of an audit page: measure → count.
func auditCards(t *testing.T, body string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, m := range auditCardRe.FindAllStringSubmatch(body, -1) {
		out[m[1]], _ = strconv.Atoi(m[3])
	}
	if len(out) != 5 {
		t.Fatalf("want 5 cards, found %v", out)
	}
	return out
}

// auditRows lists the case ids of a list page.
func auditRows(body string) []string {
	var ids []string
	for _, m := range auditRowRe.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func auditCardHref(t *testing.T, body, measure string) string {
	t.Helper()
	for _, m := range auditCardRe.FindAllStringSubmatch(body, -1) {
		if m[1] == measure {
			return html.UnescapeString(m[2])
		}
	}
	t.Fatalf("no %s card", measure)
	return ""
}

func TestAuditPage(t *testing.T) {
	app := mustServeWeb(t)
	cases := auditFixture(t, app)
	sup := app.newBrowser(t, "supervisor")

	t.Run("SupervisorSeesTheCountsOfADay", func(t *testing.T) {
		res, body := sup.get("/giam-sat?as_of=2026-11-25")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		got := auditCards(t, body)
		want := map[string]int{"open": 4, "due_soon": 0, "overdue": 3, "very_overdue": 2, "prolonged": 1}
		for m, n := range want {
			if got[m] != n {
				t.Errorf("%s: %d, want %d", m, got[m], n)
			}
		}
		for _, s := range []string{"25/11/2026", "UBND phường Nha Trang", "Khiếu nại", "Trên 365 ngày"} {
			if !strings.Contains(body, s) {
				t.Errorf("the page does not show %q", s)
			}
		}
	})

	t.Run("DefaultsToTodayWithLabelledInputs", func(t *testing.T) {
		_, body := sup.get("/giam-sat")
		for _, s := range []string{`<label for="as_of">`, `id="as_of" name="as_of" value="25/11/2026"`,
			`<label for="unit">`, `<select id="unit" name="unit"`, `<option value="KH-NT"`} {
			if !strings.Contains(body, s) {
				t.Errorf("the form lacks %s", s)
			}
		}
	})

	t.Run("NotCountedBeforeItWasReceived", func(t *testing.T) {
		_, body := sup.get("/giam-sat?as_of=2026-11-15")
		if got := auditCards(t, body); got["open"] != 3 || got["overdue"] != 2 {
			t.Fatalf("as of 15/11/2026: %v; want 3 open (the petition of 20/11 not yet received), 2 overdue", got)
		}
		_, list := sup.get(auditCardHref(t, body, "open"))
		if strings.Contains(list, cases["fresh"].TrackingCode) {
			t.Fatal("the list as of 15/11/2026 holds a case received on 20/11/2026")
		}
		_, body = sup.get("/giam-sat?as_of=05%2F11%2F2026") // as the date field sends it
		if got := auditCards(t, body); got["open"] != 2 {
			t.Fatalf("as of 05/11/2026: %v; want 2 open", got)
		}
		_, body = sup.get("/giam-sat?as_of=2025-08-31")
		if got := auditCards(t, body); got["open"] != 0 {
			t.Fatalf("as of 31/08/2025: %v; want nothing", got)
		}
	})

	t.Run("OverdueCaseIsInTheOverdueList", func(t *testing.T) {
		_, body := sup.get("/giam-sat?as_of=2026-11-25")
		res, list := sup.get(auditCardHref(t, body, "overdue"))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("overdue list: status %d", res.StatusCode)
		}
		d := cases["denounced"]
		if !strings.Contains(list, `<tr data-case="`+strconv.FormatInt(d.ID, 10)+`"`) ||
			!strings.Contains(list, `<a href="/ho-so/`+strconv.FormatInt(d.ID, 10)+`">`+d.TrackingCode+`</a>`) {
			t.Fatal("the overdue denunciation is not listed with a link to its page")
		}
		for _, s := range []string{"<h1>Danh sách hồ sơ quá hạn</h1>", "Tính đến hết ngày 25/11/2026", "19/11/2026", "quá 6 ngày", "In danh sách", "Thụ lý"} {
			if !strings.Contains(list, s) {
				t.Errorf("the overdue list does not show %q", s)
			}
		}
		if strings.Contains(list, cases["fresh"].TrackingCode) {
			t.Error("an on-track case is in the overdue list")
		}
		_, prolonged := sup.get(auditCardHref(t, body, "prolonged"))
		if ids := auditRows(prolonged); len(ids) != 1 || ids[0] != strconv.FormatInt(cases["old"].ID, 10) {
			t.Fatalf("prolonged list: %v, want only the complaint of 2025", ids)
		}
	})

	t.Run("EveryListIsAsLongAsItsNumber", func(t *testing.T) {
		for _, page := range []string{"/giam-sat?as_of=2026-11-25", "/giam-sat?as_of=2026-11-15",
			"/giam-sat?as_of=2026-11-25&unit=KH-NT", "/giam-sat?as_of=2026-10-20&unit=KH-UBND"} {
			_, body := sup.get(page)
			links := auditLinkRe.FindAllStringSubmatch(body, -1)
			// 5 cards, 3 numbers a unit, 2 a kind, 1 an age bucket.
			if len(links) < 5+2*4+4 {
				t.Fatalf("%s: only %d links to lists", page, len(links))
			}
			for _, m := range links {
				href := html.UnescapeString(m[1])
				res, list := sup.get(href)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("%s: status %d", href, res.StatusCode)
				}
				if want, _ := strconv.Atoi(m[2]); len(auditRows(list)) != want {
					t.Errorf("%s: %d cases listed, the page shows %d", href, len(auditRows(list)), want)
				}
				if !strings.Contains(list, `id="audit-count">`+m[2]+`<`) {
					t.Errorf("%s: the list does not say it holds %s cases", href, m[2])
				}
				if strings.Contains(list, "Người Gửi Bí Mật") {
					t.Fatalf("%s names a petitioner", href)
				}
				if strings.Contains(list, "audit.") {
					t.Fatalf("%s shows an untranslated label", href)
				}
			}
		}
	})

	t.Run("HistoryByDate", func(t *testing.T) {
		// On 01/12 the late complaint is resolved: it leaves the open count from
		// that day on, yet the backlog as of 25/11 still shows it overdue.
		app.SetNow(time.Date(2026, 12, 1, 9, 0, 0, 0, ict))
		defer app.SetNow(time.Date(2026, 11, 25, 10, 0, 0, 0, ict))
		ctx := context.Background()
		head, _ := app.Store.UserByLogin(ctx, "head")
		late, _ := app.Store.Case(ctx, cases["late"].ID)
		if _, _, err := app.Store.ApplyEvent(ctx, head, workflow.Viewer{}, late, late.Version, workflow.Input{Event: workflow.EvResolve,
			Outcome: workflow.Correct, Summary: "Chấp nhận khiếu nại"}, ""); err != nil {
			t.Fatal(err)
		}
		sup := app.newBrowser(t, "supervisor") // sessions expire: sign in on the new day
		_, body := sup.get("/giam-sat")
		if !strings.Contains(body, `value="01/12/2026"`) {
			t.Fatal("the day does not default to today")
		}
		if got := auditCards(t, body); got["open"] != 3 || got["due_soon"] != 2 || got["very_overdue"] != 1 {
			t.Fatalf("as of 01/12/2026: %v; want 3 open, 2 due soon (the petition's reply, the complaint's delivery), 1 very overdue", got)
		}
		id := strconv.FormatInt(late.ID, 10)
		_, soon := sup.get(auditCardHref(t, body, "due_soon"))
		if !strings.Contains(soon, `<tr data-case="`+id+`"`) || !strings.Contains(soon, "Đã giải quyết") || !strings.Contains(soon, "Gửi quyết định/kết luận") {
			t.Fatal("the resolved complaint is not in the due-soon list with its delivery deadline")
		}
		if _, open := sup.get(auditCardHref(t, body, "open")); strings.Contains(open, `<tr data-case="`+id+`"`) {
			t.Fatal("a resolved case is in the open list")
		}
		_, body = sup.get("/giam-sat?as_of=2026-11-25")
		if got := auditCards(t, body); got["open"] != 4 || got["very_overdue"] != 2 {
			t.Fatalf("as of 25/11/2026 after the resolution: %v; want the day as it stood", got)
		}
	})

	t.Run("ChartsAreServerSideSVG", func(t *testing.T) {
		_, body := sup.get("/giam-sat?as_of=2026-11-25")
		if n := strings.Count(body, `role="img"`); n != 2 || strings.Count(body, "<svg") != 2 {
			t.Fatalf("want 2 svg charts with role=img, found %d", n)
		}
		for _, s := range []string{`<title>Hồ sơ chưa giải quyết xong và quá hạn theo đơn vị`, `aria-label="Hồ sơ chưa giải quyết xong theo số ngày`,
			`viewBox="0 0 340 `, "UBND tỉnh Khánh Hòa: 3 chưa giải quyết xong, 3 quá hạn"} {
			if !strings.Contains(body, s) {
				t.Errorf("the charts lack %q", s)
			}
		}
		if strings.Contains(body, "<script") {
			t.Error("the audit page needs no script")
		}
		if strings.Contains(body, "audit.") {
			t.Error("the audit page shows an untranslated label")
		}
	})

	t.Run("NeverShowsAPetitioner", func(t *testing.T) {
		_, body := sup.get("/giam-sat?as_of=2026-11-25")
		if strings.Contains(body, "Người Gửi Bí Mật") || strings.Contains(body, "Đơn về đất đai") {
			t.Fatal("the audit page shows a petitioner or a subject")
		}
	})

	t.Run("RefusesOtherRoles", func(t *testing.T) {
		for _, login := range []string{"reception", "handler"} {
			b := app.newBrowser(t, login)
			for _, path := range []string{"/giam-sat", "/giam-sat/ho-so?as_of=2026-11-25&measure=overdue"} {
				res, body := b.get(path)
				if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "Không có quyền xem") {
					t.Errorf("%s on %s: status %d, want the 403 page", login, path, res.StatusCode)
				}
				if strings.Contains(body, "data-count") {
					t.Errorf("%s on %s sees numbers", login, path)
				}
			}
		}
		if res, _ := app.newBrowser(t, "").get("/giam-sat"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("anonymous: status %d, want a redirect to sign in", res.StatusCode)
		}
	})

	t.Run("HeadSeesOnlyTheirUnitAndBelow", func(t *testing.T) {
		b := app.newBrowser(t, "head.nt")
		_, body := b.get("/giam-sat?as_of=2026-11-25")
		if got := auditCards(t, body); got["open"] != 1 || got["overdue"] != 0 {
			t.Fatalf("head of KH-NT: %v, want the one petition", got)
		}
		if strings.Contains(body, `<option value="KH-UBND"`) {
			t.Error("the unit select offers a unit above the head's")
		}
		for _, path := range []string{"/giam-sat?unit=KH-UBND", "/giam-sat/ho-so?measure=open&scope=KH-UBND", "/giam-sat/ho-so?measure=open&unit=KH-UBND"} {
			if res, _ := b.get(path); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s: status %d, want 403", path, res.StatusCode)
			}
		}
	})

	t.Run("BadInputIsExplained", func(t *testing.T) {
		for path, msg := range map[string]string{
			"/giam-sat?as_of=31-02-2026":                                  "Ngày không hợp lệ",
			"/giam-sat?as_of=2026-12-24":                                  "Ngày không được sau hôm nay",
			"/giam-sat?unit=XX":                                           "Không có đơn vị với mã này",
			"/giam-sat/ho-so?as_of=2026-11-25&measure=late":               "Đường dẫn không hợp lệ",
			"/giam-sat/ho-so?measure=open&age=" + url.QueryEscape("0-31"): "Đường dẫn không hợp lệ",
		} {
			res, body := sup.get(path)
			if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, msg) {
				t.Errorf("%s: status %d, want 400 saying %q", path, res.StatusCode, msg)
			}
		}
	})

	t.Run("SpeaksEnglish", func(t *testing.T) {
		b := app.newBrowser(t, "admin")
		b.get("/ngon-ngu?lang=en&next=/giam-sat")
		_, body := b.get("/giam-sat?as_of=2026-11-25")
		for _, s := range []string{"Backlog audit", "Very overdue", "Open and overdue cases by unit", "As of"} {
			if !strings.Contains(body, s) {
				t.Errorf("the English page lacks %q", s)
			}
		}
		_, list := b.get(auditCardHref(t, body, "overdue"))
		if strings.Contains(body, "audit.") || strings.Contains(list, "audit.") {
			t.Error("an English page shows an untranslated label")
		}
		if !strings.Contains(list, "Print the list") || !strings.Contains(list, "<h1>Overdue cases</h1>") || !strings.Contains(list, "As of the end of 25/11/2026") {
			t.Error("the English list lacks its heading or print button")
		}
	})
}
