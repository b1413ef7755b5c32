package handlers

// Issue 13 §5, "What the officers saw": reason codes by their names,
// citations the Vietnamese way on Vietnamese pages and receipts, extend only
// where it can succeed, a dialogue on a day off only once confirmed.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"petitions/workflow"
)

// citeText is the visible text of a page: tags dropped, entities decoded.
func citeText(body string) string {
	body = regexp.MustCompile(`(?s)<style.*?</style>|<script.*?</script>`).ReplaceAllString(body, " ")
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, " "))
}

func citeEnglish(t *testing.T, b *browser) {
	t.Helper()
	if res, _ := b.get("/ngon-ngu?lang=en&next=/"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch language: %d", res.StatusCode)
	}
}

// citeAPI fires an event through the API as login and returns the status and body.
func citeAPI(t *testing.T, app *webApp, login string, id int64, body map[string]any) (int, string) {
	t.Helper()
	post := func(path, token string, v any) (int, []byte) {
		raw, _ := json.Marshal(v)
		req, _ := http.NewRequest(http.MethodPost, app.URL+path, bytes.NewReader(raw))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(res.Body)
		res.Body.Close()
		return res.StatusCode, buf.Bytes()
	}
	status, raw := post("/api/v1/session", "", map[string]string{"login": login, "password": "demo"})
	var s struct{ Token string }
	if json.Unmarshal(raw, &s); status != http.StatusOK || s.Token == "" {
		t.Fatalf("API sign-in as %s: %d %s", login, status, raw)
	}
	body["version"] = qcLoad(t, app, id).Version
	status, raw = post("/api/v1/cases/"+strconv.FormatInt(id, 10)+"/events", s.Token, body)
	return status, string(raw)
}

func TestFiledDuplicateShowsItsReasonByName(t *testing.T) {
	app := mustServeWeb(t)
	orig := qcCase(t, app, "reception", workflow.Complaint, "2026-11-16", "Khiếu nại về bồi thường", "Nguyễn Thị Lan")
	dup := qcCase(t, app, "reception", workflow.Complaint, "2026-11-20", "Khiếu nại về bồi thường (lần nữa)", "Nguyễn Thị Lan")
	reception := app.newBrowser(t, "reception")
	_, body := reception.get(fmt.Sprintf("/ho-so/%d", dup.ID))
	qcForm(t, body, "file") // reception files a duplicate from the case page
	qcIndex(t, html.UnescapeString(body), ">Đơn trùng — gắn với đơn gốc (TT 05/2021/TT-TTCP)</option>")
	qcMustSubmit(t, reception, dup.ID, "file", map[string]string{"reason_code": "DUPLICATE", "duplicate_of": orig.TrackingCode})

	for _, login := range []string{"reception", "head"} {
		b := app.newBrowser(t, login)
		_, body = b.get(fmt.Sprintf("/ho-so/%d", dup.ID))
		text := citeText(body)
		qcIndex(t, text, "Lý do: Đơn trùng — gắn với đơn gốc")
		if strings.Contains(body, "DUPLICATE") {
			t.Errorf("%s: the case page shows the raw code DUPLICATE", login)
		}
		citeEnglish(t, b)
		_, body = b.get(fmt.Sprintf("/ho-so/%d", dup.ID))
		qcIndex(t, citeText(body), "Reason: Duplicate letter — linked to the original")
		if strings.Contains(body, "DUPLICATE") {
			t.Errorf("%s: the English case page shows the raw code DUPLICATE", login)
		}
	}
}

func TestReasonListsAreNamedAndCitedInThePageLanguage(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Complaint, "2026-11-20", "Khiếu nại quyết định hành chính", "Nguyễn Thị Lan")
	head := app.newBrowser(t, "head")
	_, body := head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	text := citeText(body)
	for _, want := range []string{
		"Không liên quan trực tiếp đến quyền, lợi ích hợp pháp của người khiếu nại (khoản 2 Điều 11 Luật Khiếu nại 2011)",
		"Không thuộc thẩm quyền — hướng dẫn đến cơ quan có thẩm quyền (Điều 27 Luật Khiếu nại 2011; điểm b khoản 1 Điều 26 Luật Tiếp công dân 2013)",
		"Khiếu nại nhiều người thiếu chữ ký hoặc văn bản cử người đại diện (khoản 1 Điều 16 Nghị định 124/2020/NĐ-CP)",
		"— Điều 27, 36 Luật Khiếu nại 2011; Điều 16 Nghị định 124/2020/NĐ-CP",
		"— khoản 1 Điều 28 Luật Tiếp công dân 2013",
	} {
		qcIndex(t, text, want)
	}
	for _, raw := range []string{"Art.", "KN-NA-02 —", "as amended"} {
		if strings.Contains(text, raw) {
			t.Errorf("the Vietnamese case page shows %q", raw)
		}
	}
	citeEnglish(t, head)
	_, body = head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	text = citeText(body)
	qcIndex(t, text, "Not directly about the complainant's own rights and interests (LKN 2011 Art. 11(2))")
	qcIndex(t, text, "— LTCD 2013 Art. 28(1)")
}

func TestReceiptCitesInTheReceiptLanguage(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-25", "Tố cáo cán bộ", "Trần Văn Tố")
	b := app.newBrowser(t, "reception")
	_, body := b.get(fmt.Sprintf("/bien-nhan/%d", cs.ID))
	text := citeText(body)
	qcIndex(t, text, "— khoản 1 Điều 28 Luật Tiếp công dân 2013")
	qcIndex(t, text, "— khoản 1 Điều 24 Luật Tố cáo 2018")
	if strings.Contains(text, "Art.") || strings.Contains(text, "LTC 2018") {
		t.Errorf("the Vietnamese receipt cites the English way:\n%s", text)
	}
	citeEnglish(t, b)
	_, body = b.get(fmt.Sprintf("/bien-nhan/%d", cs.ID))
	qcIndex(t, citeText(body), "— LTC 2018 Art. 24(1)")
}

func TestExtendIsOfferedOnlyWhereItCanSucceed(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-20", "Tố cáo vi phạm trong đấu thầu", "Người tố cáo")
	head := app.newBrowser(t, "head")
	page := func() string {
		_, body := head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
		return body
	}

	// Before acceptance: once, at most 3 WD (LTC 24(1)).
	body := page()
	qcIndex(t, citeText(body), "Còn 1 lần gia hạn; mỗi lần không quá 3 ngày làm việc (khoản 1 Điều 24 Luật Tố cáo 2018).")
	qcIndex(t, body, `min="1" max="3"`)
	res, body := qcSubmit(t, head, cs.ID, "extend", map[string]string{"days": "5"})
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("5 WD: status %d, want 400", res.StatusCode)
	}
	qcIndex(t, html.UnescapeString(body), `<span class="error" role="alert">Thời hạn thụ lý tố cáo chỉ được kéo dài thêm không quá 3 ngày làm việc (khoản 1 Điều 24 Luật Tố cáo 2018); số ngày gia hạn phải từ 1 đến 3.</span>`)
	qcMustSubmit(t, head, cs.ID, "extend", map[string]string{"days": "3"})
	if strings.Contains(page(), `value="extend"`) {
		t.Error("the acceptance clock was extended once; extend is still offered")
	}

	// After acceptance: none when normal; two when especially complex.
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAccept})
	if strings.Contains(page(), `value="extend"`) {
		t.Error("a normal denunciation is offered an extension")
	}
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvClassify, Complexity: workflow.EspeciallyComplex})
	qcIndex(t, citeText(page()), "Còn 2 lần gia hạn; mỗi lần không quá 30 ngày (khoản 3 Điều 30 Luật Tố cáo 2018).")
	qcMustSubmit(t, head, cs.ID, "extend", map[string]string{"days": "30"})
	qcIndex(t, citeText(page()), "Còn 1 lần gia hạn;")
	qcMustSubmit(t, head, cs.ID, "extend", map[string]string{"days": "10"})
	if strings.Contains(page(), `value="extend"`) {
		t.Error("two extensions made; extend is still offered")
	}
	if got := qcLoad(t, app, cs.ID).ExtensionsLeft(); got != 0 {
		t.Errorf("ExtensionsLeft = %d, want 0", got)
	}

	// The API's available_events follows; a refusal there is 422 with the rule's words.
	status, raw := citeAPI(t, app, "head", cs.ID, map[string]any{"event": "note", "note": "Kiểm tra"})
	if status != http.StatusOK || strings.Contains(raw, `"extend"`) {
		t.Errorf("API after the last extension: %d, available_events offers extend: %s", status, raw)
	}
	status, raw = citeAPI(t, app, "head", cs.ID, map[string]any{"event": "extend", "days": 5})
	if status != http.StatusUnprocessableEntity || !strings.Contains(raw, `"extension_limit"`) ||
		!strings.Contains(raw, "khoản 3 Điều 30 Luật Tố cáo 2018") {
		t.Errorf("API extend with none left: %d %s", status, raw)
	}

	// A post that comes anyway (an old tab, a crafted form) comes back 422,
	// saying why in the rule's words with the Vietnamese citation.
	path := fmt.Sprintf("/ho-so/%d", cs.ID)
	res, body = head.post(path+"/su-kien", url.Values{"csrf": {head.csrf(path)}, "event": {"extend"},
		"version": {strconv.Itoa(qcLoad(t, app, cs.ID).Version)}, "days": {"5"}, "on": {"25/11/2026"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("extend with none left: status %d, want 422", res.StatusCode)
	}
	qcIndex(t, html.UnescapeString(body), "Vụ việc đặc biệt phức tạp được gia hạn giải quyết hai lần, mỗi lần không quá 30 ngày "+
		"(khoản 3 Điều 30 Luật Tố cáo 2018); hồ sơ đã được gia hạn 2 lần.")
}

func TestDialogueOnADayOffIsConfirmedOnThePage(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Complaint, "2026-11-16", "Khiếu nại về bồi thường", "Nguyễn Thị Lan")
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAccept})
	handler := app.newBrowser(t, "handler")

	// Sunday 06/12/2026: the form comes back with a warning and a box to tick.
	res, body := qcSubmit(t, handler, cs.ID, "schedule_dialogue", map[string]string{"dialogue_on": "06/12/2026", "note": "Mời đối thoại"})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a Sunday: status %d, want 422", res.StatusCode)
	}
	plain := html.UnescapeString(body)
	qcIndex(t, plain, `role="alert" id="ev-schedule_dialogue-dialogue_on-warning">Ngày 06/12/2026 không phải ngày làm việc (Chủ nhật).`)
	qcIndex(t, plain, `<label for="ev-schedule_dialogue-confirm_non_working_day">Tôi xác nhận tổ chức đối thoại vào ngày không phải ngày làm việc</label>`)
	if got := qcLoad(t, app, cs.ID); !got.Facts.DialogueScheduledOn.IsZero() {
		t.Fatal("the unconfirmed day off was recorded")
	}

	// Ticking the box records it, and the history says the day was off.
	vals := qcForm(t, body, "schedule_dialogue")
	if vals.Get("note") != "Mời đối thoại" || vals.Get("dialogue_on") != "06/12/2026" {
		t.Errorf("the form lost its values: %v", vals)
	}
	vals.Set("confirm_non_working_day", "1")
	if res, _ := handler.post(fmt.Sprintf("/ho-so/%d/su-kien", cs.ID), vals); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirmed: status %d, want 303", res.StatusCode)
	}
	if got := qcLoad(t, app, cs.ID); got.Facts.DialogueScheduledOn != workflow.MustDate("2026-12-06") {
		t.Fatalf("scheduled on %s", got.Facts.DialogueScheduledOn)
	}
	_, body = handler.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	qcIndex(t, citeText(body), "Ngày đối thoại không phải ngày làm việc (đã xác nhận): Chủ nhật")
	citeEnglish(t, handler)
	_, body = handler.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	qcIndex(t, citeText(body), "Dialogue on a day off (confirmed): Sunday")

	// The API: refused without the flag, recorded with it.
	other := qcCase(t, app, "reception", workflow.Complaint, "2026-11-16", "Khiếu nại khác", "Lê Văn B")
	qcFire(t, app, "head", other.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	qcFire(t, app, "head", other.ID, workflow.Input{Event: workflow.EvAccept})
	status, raw := citeAPI(t, app, "handler", other.ID, map[string]any{"event": "schedule_dialogue", "dialogue_on": "2026-12-05"})
	if status != http.StatusUnprocessableEntity || !strings.Contains(raw, `"dialogue_not_working_day"`) || !strings.Contains(raw, "thứ Bảy") {
		t.Errorf("API, a Saturday: %d %s", status, raw)
	}
	status, raw = citeAPI(t, app, "handler", other.ID, map[string]any{"event": "schedule_dialogue", "dialogue_on": "2026-12-05",
		"confirm_non_working_day": true})
	if status != http.StatusOK {
		t.Errorf("API, a Saturday confirmed: %d %s", status, raw)
	}
}
