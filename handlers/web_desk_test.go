package handlers

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"petitions/workflow"
)

// deskLetter is a complete desk form for a complaint received today (25/11/2026).
func deskLetter(b *browser, kv ...string) url.Values {
	b.tb.Helper()
	form := url.Values{"csrf": {b.csrf("/tiep-nhan")}, "kind": {"complaint"}, "round": {"1"}, "channel": {"walk_in"},
		"received_on": {"2026-11-25"}, "subject": {"Khiếu nại quyết định thu hồi đất tại phường Nha Trang"},
		"content": {"Đề nghị xem xét lại mức bồi thường."}, "name": {"Nguyễn Văn An"}, "id_number": {"079123456789"},
		"phone": {"0905123456"}, "address": {"12 Trần Phú, Nha Trang"}, "signatories": {"1"}, "complexity": {"normal"}}
	for i := 0; i+1 < len(kv); i += 2 {
		form.Set(kv[i], kv[i+1])
	}
	return form
}

// deskSave posts the form and expects the redirect to a receipt; it returns the case id.
func deskSave(t *testing.T, b *browser, form url.Values) int64 {
	t.Helper()
	res, body := b.post("/tiep-nhan", form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d, want 303\n%s", res.StatusCode, deskSnippet(body))
	}
	loc := res.Header.Get("Location")
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/bien-nhan/"), 10, 64)
	if !strings.HasPrefix(loc, "/bien-nhan/") || err != nil {
		t.Fatalf("save: redirected to %q, want /bien-nhan/{id}", loc)
	}
	return id
}

// deskSnippet shows what a page says went wrong: its alerts and messages.
func deskSnippet(body string) string {
	var out []string
	for _, m := range regexp.MustCompile(`<[^>]*(?:role="alert"|class="warn)[^>]*>[^<]*`).FindAllString(body, -1) {
		out = append(out, m)
	}
	if len(out) == 0 {
		return "(no message on the page)"
	}
	return strings.Join(out, "\n")
}

// deskErrorNextTo reports whether msg is shown after the field's control and
// before the next field's label, i.e. next to that field.
func deskErrorNextTo(body, id, msg string) bool {
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		return false
	}
	rest := strings.ReplaceAll(body[i:], `<label for="`+id+`"`, "")
	if j := strings.Index(rest, "<label"); j >= 0 {
		rest = rest[:j]
	}
	return strings.Contains(rest, `class="error"`) && strings.Contains(rest, msg)
}

func TestDeskRegistersAComplaintAndPrintsItsReceipt(t *testing.T) {
	app := mustServeWeb(t)
	b := app.newBrowser(t, "reception")

	res, body := b.get("/tiep-nhan")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("desk: status %d", res.StatusCode)
	}
	for _, want := range []string{`value="25/11/2026"`, `placeholder="dd/mm/yyyy"`, `<option value="walk_in" selected>`, "autofocus",
		`name="csrf"`, "Lưu đơn và in biên nhận"} {
		if !strings.Contains(body, want) {
			t.Errorf("desk form lacks %q", want)
		}
	}

	id := deskSave(t, b, deskLetter(b))
	cs, err := app.Store.Case(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if cs.Kind != workflow.Complaint || cs.Round != 1 || cs.Channel != "walk_in" || cs.Subject != "Khiếu nại quyết định thu hồi đất tại phường Nha Trang" {
		t.Fatalf("stored case: %+v", cs)
	}

	res, body = b.get("/bien-nhan/" + strconv.FormatInt(id, 10))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("receipt: status %d", res.StatusCode)
	}
	for _, want := range []string{
		`id="tracking-code">` + cs.TrackingCode + `<`,
		"Khiếu nại lần 1", "25/11/2026", "Ủy ban nhân dân tỉnh Khánh Hòa", "Nguyễn Văn An",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ngày 25 tháng 11 năm 2026", // an official paper (issue 18)
		"Tài liệu kèm theo", "NGƯỜI NỘP ĐƠN", "NGƯỜI NHẬN ĐƠN", `<svg class="qr"`,
		"Hạn trả lời người gửi đơn: 09/12/2026", // 10 working days (LTCD 28(1))
		"Hạn thụ lý: 04/12/2026",                // 7 working days for letters from 01/07/2026
		"Hạn 09/12/2026: nhận đơn 25/11/2026 &#43; 10 ngày làm việc, bỏ qua 4 ngày nghỉ",
		"/tra-cuu?code=" + cs.TrackingCode, `id="print"`, "Đã lưu đơn",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("receipt lacks %q\n%s", want, deskSnippet(body))
		}
	}
	// The print button's script is a static file: the policy allows no inline script.
	if csp := res.Header.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe-inline") && strings.Contains(csp, "script-src") ||
		!strings.Contains(body, `src="/static/print.js"`) {
		t.Errorf("receipt CSP = %q, or the print script is not the shared static file", csp)
	}

	t.Run("InEnglish", func(t *testing.T) {
		en := app.newBrowser(t, "reception")
		en.get("/ngon-ngu?lang=en&next=/tiep-nhan")
		_, body := en.get("/bien-nhan/" + strconv.FormatInt(id, 10))
		if !strings.Contains(body, "Reply to the sender by: 09/12/2026") || !strings.Contains(body, "due 09/12/2026: received 25/11/2026") {
			t.Errorf("English receipt:\n%s", deskSnippet(body))
		}
	})
	t.Run("OnlyForTheDeskWhoMayReadTheCase", func(t *testing.T) {
		for _, login := range []string{"handler", "reception.nt", "head.nt"} {
			if res, _ := app.newBrowser(t, login).get("/bien-nhan/" + strconv.FormatInt(id, 10)); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s: receipt status %d, want 403", login, res.StatusCode)
			}
		}
		if res, _ := b.get("/bien-nhan/999999"); res.StatusCode != http.StatusNotFound {
			t.Errorf("missing receipt: status %d, want 404", res.StatusCode)
		}
	})
	t.Run("HidesTheDenouncerFromThoseWhoMayNotSeeHim", func(t *testing.T) {
		did := deskSave(t, b, deskLetter(b, "kind", "denunciation", "round", "", "name", "Lê Văn Tố",
			"id_number", "001099001122", "subject", "Tố cáo cán bộ địa chính nhận tiền"))
		path := "/bien-nhan/" + strconv.FormatInt(did, 10)
		if _, body := b.get(path); !strings.Contains(body, "Lê Văn Tố") {
			t.Error("the registering officer does not see the denouncer on the receipt")
		}
		// The receipt is the desk's (reception and heads): a supervisor, who may
		// read the case but not see the denouncer, is refused it altogether.
		res, body := app.newBrowser(t, "supervisor").get(path)
		if res.StatusCode != http.StatusForbidden || strings.Contains(body, "Lê Văn Tố") {
			t.Errorf("supervisor: status %d, denouncer shown: %v; want 403", res.StatusCode, strings.Contains(body, "Lê Văn Tố"))
		}
	})
}

func TestDeskKeepsTheValuesAndExplainsEachMistake(t *testing.T) {
	app := mustServeWeb(t)
	b := app.newBrowser(t, "reception")
	form := deskLetter(b, "subject", "  ", "received_on", "2026-11-26", "id_number", "07912345", "name", "Trần Thị Bình",
		"content", "Nội dung <b>giữ nguyên</b>")
	res, body := b.post("/tiep-nhan", form)
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", res.StatusCode)
	}
	for id, msg := range map[string]string{
		"subject":     "Cần nhập trích yếu nội dung đơn.",
		"received_on": "Ngày nhận đơn không được sau ngày hôm nay.",
		"id_number":   "Số định danh phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND cũ).",
	} {
		if !deskErrorNextTo(body, id, msg) {
			t.Errorf("no %q next to %s", msg, id)
		}
	}
	for _, want := range []string{`value="Trần Thị Bình"`, `value="2026-11-26"`, `value="07912345"`, `value="0905123456"`,
		"Nội dung &lt;b&gt;giữ nguyên&lt;/b&gt;", `<option value="walk_in" selected>`, `id="kind-complaint" name="kind" value="complaint" checked`} {
		if !strings.Contains(body, want) {
			t.Errorf("value not kept: %q", want)
		}
	}
	// The first field in error takes the focus, and only it.
	if strings.Count(body, "autofocus") != 1 || !regexp.MustCompile(`id="received_on"[^>]*autofocus`).MatchString(body) {
		t.Error("the focus is not on the first field in error (received_on)")
	}

	t.Run("EngineRules", func(t *testing.T) {
		_, body := b.post("/tiep-nhan", deskLetter(b, "kind", "complaint", "anonymous", "1", "name", ""))
		if !deskErrorNextTo(body, "anonymous", "Chỉ tố cáo hoặc phản ánh mới có thể nặc danh.") {
			t.Errorf("anonymous complaint:\n%s", deskSnippet(body))
		}
		_, body = b.post("/tiep-nhan", deskLetter(b, "kind", "", "name", ""))
		if !deskErrorNextTo(body, "kind-dialogue", "Cần chọn loại đơn.") || !deskErrorNextTo(body, "name", "Cần nhập họ tên người gửi đơn") {
			t.Errorf("no kind, no name:\n%s", deskSnippet(body))
		}
	})
	t.Run("RoundTwoNamesAReadableRoundOneCase", func(t *testing.T) {
		// Round 1 of the same complainant, received in June: its deadline has long passed (LKN 33).
		first := deskSave(t, b, deskLetter(b, "received_on", "01/06/2026", "subject", "Khiếu nại về cấp giấy phép xây dựng",
			"confirm_repeat", "1"))
		one, _ := app.Store.Case(context.Background(), first)
		second := deskSave(t, b, deskLetter(b, "round", "2", "prior_code", strings.ToLower(one.TrackingCode),
			"confirm_repeat", "1"))
		two, _ := app.Store.Case(context.Background(), second)
		if two.Round != 2 || two.PriorCaseID != first {
			t.Errorf("round 2: round %d prior %d, want 2 and %d", two.Round, two.PriorCaseID, first)
		}
		fresh := deskSave(t, b, deskLetter(b, "subject", "Khiếu nại về tiền sử dụng đất", "confirm_repeat", "1"))
		undecided, _ := app.Store.Case(context.Background(), fresh)
		nt := app.newBrowser(t, "reception.nt")
		other := deskSave(t, nt, deskLetter(nt, "id_number", "", "name", "Phan Văn Khác"))
		far, _ := app.Store.Case(context.Background(), other)
		// The desk goes through the API's check (store.CheckPrior): a case out of reach and
		// one that does not exist get the same message.
		unknown := "Không tìm thấy hồ sơ khiếu nại lần đầu trong các hồ sơ bạn được xem."
		for code, msg := range map[string]string{far.TrackingCode: unknown, "KN26-ZZZZZZZZ": unknown,
			undecided.TrackingCode: "Khiếu nại lần đầu chưa được giải quyết và chưa hết thời hạn giải quyết"} {
			res, body := b.post("/tiep-nhan", deskLetter(b, "round", "2", "prior_code", code))
			if res.StatusCode != http.StatusBadRequest || !deskErrorNextTo(body, "prior_code", msg) {
				t.Errorf("prior %s: status %d, want 400 and %q\n%s", code, res.StatusCode, msg, deskSnippet(body))
			}
		}
		res, body := b.post("/tiep-nhan", deskLetter(b, "round", "2", "prior_code", one.TrackingCode, "name", "Lê Thị Khác", "id_number", "056000000001"))
		if res.StatusCode != http.StatusBadRequest || !deskErrorNextTo(body, "prior_code", "Người khiếu nại không phải là người đã khiếu nại lần đầu.") {
			t.Errorf("another complainant: status %d\n%s", res.StatusCode, deskSnippet(body))
		}
	})
}

func TestDeskWarnsOfLikelyRepeats(t *testing.T) {
	app := mustServeWeb(t)
	b := app.newBrowser(t, "reception")
	first := deskSave(t, b, deskLetter(b))
	orig, _ := app.Store.Case(context.Background(), first)

	t.Run("SameIDNumber", func(t *testing.T) {
		res, body := b.post("/tiep-nhan", deskLetter(b, "name", "Phạm Thị Cúc", "subject", "Phản ánh tiếng ồn công trình", "kind", "petition"))
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		for _, want := range []string{`id="repeats"`, `href="/ho-so/` + strconv.FormatInt(first, 10) + `"`, orig.TrackingCode,
			"cùng số CCCD", "25/11/2026", "Đã tiếp nhận", "Khiếu nại quyết định thu hồi đất", `value="Phạm Thị Cúc"`,
			`name="confirm_repeat" value="1"`, "Vẫn lưu đơn mới"} {
			if !strings.Contains(body, want) {
				t.Errorf("warning lacks %q", want)
			}
		}
		if strings.Contains(body, "Nguyễn Văn An") {
			t.Error("the warning names the earlier letter's sender")
		}
		if !regexp.MustCompile(`name="confirm_repeat" value="1" autofocus`).MatchString(body) {
			t.Error("the confirm button does not take the focus")
		}
		// Enter in a field must not confirm: the plain save button comes first in the form.
		if strings.Index(body, `name="confirm_repeat"`) < strings.Index(body, ">Lưu đơn và in biên nhận<") {
			t.Error("the confirm button would be the form's default button")
		}
	})
	var noMarks url.Values
	t.Run("SameNameWithoutDiacriticsAndSimilarSubject", func(t *testing.T) {
		noMarks = deskLetter(b, "id_number", "", "name", "Nguyen Van An", "subject", "Khieu nai quyet dinh thu hoi dat phuong Nha Trang", "channel", "post")
		res, body := b.post("/tiep-nhan", noMarks)
		if res.StatusCode != http.StatusConflict || !strings.Contains(body, "cùng người gửi, nội dung tương tự") || !strings.Contains(body, orig.TrackingCode) {
			t.Fatalf("status %d, want 409 with the name match\n%s", res.StatusCode, deskSnippet(body))
		}
		if !strings.Contains(body, `value="Nguyen Van An"`) || !strings.Contains(body, `<option value="post" selected>`) {
			t.Error("values not kept on the warning")
		}
		res, _ = b.post("/tiep-nhan", deskLetter(b, "id_number", "", "name", "Nguyen Van An", "subject", "Xin cấp giấy chứng nhận hộ nghèo"))
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("same name, other subject: status %d, want it saved (303)", res.StatusCode)
		}
	})
	t.Run("ConfirmingSaves", func(t *testing.T) {
		noMarks.Set("csrf", b.csrf("/tiep-nhan"))
		noMarks.Set("confirm_repeat", "1")
		id := deskSave(t, b, noMarks)
		cs, _ := app.Store.Case(context.Background(), id)
		if cs.Channel != "post" || cs.Subject != "Khieu nai quyet dinh thu hoi dat phuong Nha Trang" {
			t.Errorf("saved %+v", cs)
		}
	})
	t.Run("NeverRevealsADenouncerToWhoMayNotSeeHim", func(t *testing.T) {
		if _, err := app.Store.CreateUser(context.Background(), "reception2", "Đinh Tiếp Hai", workflow.RoleReception, "KH-UBND", "demo"); err != nil {
			t.Fatal(err)
		}
		deskSave(t, b, deskLetter(b, "kind", "denunciation", "round", "", "id_number", "001088000111", "name", "Lý Văn Mật",
			"subject", "Tố cáo cán bộ thuế"))
		other := app.newBrowser(t, "reception2")
		res, body := other.post("/tiep-nhan", deskLetter(other, "kind", "petition", "round", "", "id_number", "001088000111",
			"name", "Lý Văn Mật", "subject", "Phản ánh đường hỏng"))
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("another officer was told of a denunciation by the same ID number: status %d\n%s", res.StatusCode, deskSnippet(body))
		}
		head := app.newBrowser(t, "head")
		res, body = head.post("/tiep-nhan", deskLetter(head, "kind", "petition", "round", "", "id_number", "001088000111",
			"name", "Lý Văn Mật", "subject", "Phản ánh đường hỏng"))
		if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Tố cáo cán bộ thuế") {
			t.Errorf("the head, who may see the denouncer, is not warned: status %d", res.StatusCode)
		}
	})
}

func TestDeskIsForReceptionAndHeadsOnly(t *testing.T) {
	app := mustServeWeb(t)
	for _, login := range []string{"handler", "supervisor", "admin"} {
		b := app.newBrowser(t, login)
		res, body := b.get("/tiep-nhan")
		if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "Chỉ cán bộ tiếp dân hoặc thủ trưởng") || strings.Contains(body, `name="subject"`) {
			t.Errorf("%s: GET status %d, want the 403 page", login, res.StatusCode)
		}
		form := deskLetter(b)
		if res, _ := b.post("/tiep-nhan", form); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s: POST status %d, want 403", login, res.StatusCode)
		}
	}
	if res, body := app.newBrowser(t, "head").get("/tiep-nhan"); res.StatusCode != http.StatusOK || !strings.Contains(body, `name="subject"`) {
		t.Errorf("head: status %d, want the form", res.StatusCode)
	}
	if res, _ := app.newBrowser(t, "").get("/tiep-nhan"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("anonymous: status %d, want a redirect to sign in", res.StatusCode)
	}
}

func TestDeskRefusesForgedPosts(t *testing.T) {
	app := mustServeWeb(t)
	b := app.newBrowser(t, "reception")
	form := deskLetter(b)
	form.Del("csrf")
	if res, _ := b.post("/tiep-nhan", form); res.StatusCode != http.StatusForbidden {
		t.Errorf("no token: status %d, want 403", res.StatusCode)
	}
	form = deskLetter(b)
	if status := b.postCrossSite("/tiep-nhan", form); status != http.StatusForbidden {
		t.Errorf("cross-site post: status %d, want 403", status)
	}
	if _, err := app.Store.Case(context.Background(), 1); workflow.ErrorCode(err) != workflow.CodeNotFound {
		t.Errorf("a forged post saved a case (err %v)", err)
	}
}

var (
	deskControl = regexp.MustCompile(`(?s)<(input|select|textarea)\b([^>]*)>`)
	deskAttr    = regexp.MustCompile(`([a-zA-Z-]+)(?:="([^"]*)")?`)
	deskLabel   = regexp.MustCompile(`<label\b[^>]*\bfor="([^"]+)"`)
)

// deskUnlabelled lists the controls of a page that no <label for> names.
func deskUnlabelled(body string) []string {
	labels := map[string]bool{}
	for _, m := range deskLabel.FindAllStringSubmatch(body, -1) {
		labels[m[1]] = true
	}
	var bad []string
	for _, m := range deskControl.FindAllStringSubmatch(body, -1) {
		attrs := map[string]string{}
		for _, a := range deskAttr.FindAllStringSubmatch(m[2], -1) {
			attrs[a[1]] = a[2]
		}
		if t := attrs["type"]; t == "hidden" || t == "submit" {
			continue
		}
		if id := attrs["id"]; id == "" || !labels[id] {
			bad = append(bad, m[0])
		}
	}
	return bad
}

func TestDeskLabelsEveryInput(t *testing.T) {
	app := mustServeWeb(t)
	b := app.newBrowser(t, "reception")
	_, plain := b.get("/tiep-nhan")
	deskSave(t, b, deskLetter(b))
	_, refused := b.post("/tiep-nhan", deskLetter(b, "subject", ""))
	_, warned := b.post("/tiep-nhan", deskLetter(b))
	for name, body := range map[string]string{"form": plain, "refused": refused, "warned": warned} {
		n := len(deskControl.FindAllString(body, -1))
		if n < 15 {
			t.Errorf("%s: only %d controls found", name, n)
		}
		if bad := deskUnlabelled(body); len(bad) > 0 {
			t.Errorf("%s: controls without a label: %v", name, bad)
		}
	}
}
