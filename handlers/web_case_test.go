package handlers

import (
	"context"
	"fmt"
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

func TestQueueListsCasesEarliestDueFirstWithFilters(t *testing.T) {
	app := mustServeWeb(t)
	soon := qcCase(t, app, "reception", workflow.Complaint, "2026-11-20", "Khiếu nại thu hồi đất", "Nguyễn Thị Lan")
	late := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-02", "Tố cáo cán bộ địa chính", "Trần Văn Bímật")
	fresh := qcCase(t, app, "reception", workflow.Petition, "2026-11-24", "Kiến nghị sửa đường liên thôn", "Lê Văn Hùng")
	below := qcCase(t, app, "reception.nt", workflow.Petition, "2026-10-01", "Phản ánh tiếng ồn", "Hồ Thị Thu")
	head := app.newBrowser(t, "head")

	t.Run("HeadSeesUnitAndUnitsBelowEarliestDueFirst", func(t *testing.T) {
		res, body := head.get("/ho-so?unit=KH-UBND") // the unit and the commune below
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		order := []store.Case{below, late, soon, fresh}
		for i := 1; i < len(order); i++ {
			if qcIndex(t, body, order[i-1].TrackingCode) > qcIndex(t, body, order[i].TrackingCode) {
				t.Errorf("%s listed after %s; want the earliest due date first", order[i-1].Subject, order[i].Subject)
			}
		}
		for _, want := range []string{`<tr class="status-very_overdue" data-case="` + strconv.FormatInt(below.ID, 10) + `"`,
			`<tr class="status-overdue" data-case="` + strconv.FormatInt(late.ID, 10) + `"`,
			`href="/ho-so/` + strconv.FormatInt(soon.ID, 10) + `"`, soon.EarliestDue().VN(), `class="table-wrap`} {
			qcIndex(t, body, want)
		}
		if strings.Contains(body, "Trần Văn Bímật") {
			t.Error("the queue shows a denouncer's name")
		}
	})
	t.Run("FiltersByKindStatusUnitAndSearch", func(t *testing.T) {
		cases := []struct {
			query string
			want  []store.Case
		}{
			{"kind=denunciation", []store.Case{late}},
			{"status=overdue", []store.Case{late}}, // the head's own unit
			{"status=very_overdue", nil},
			{"scope=below&status=very_overdue", []store.Case{below}},
			{"unit=KH-UBND&status=overdue", []store.Case{below, late}},
			{"kind=petition&status=on_track", []store.Case{fresh}},
			{"unit=KH-NT", []store.Case{below}},
			{"state=received&q=" + url.QueryEscape("sửa đường"), []store.Case{fresh}},
		}
		all := []store.Case{soon, late, fresh, below}
		for _, tc := range cases {
			res, body := head.get("/ho-so?" + tc.query)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", tc.query, res.StatusCode)
			}
			for _, cs := range all {
				wanted := false
				for _, w := range tc.want {
					wanted = wanted || w.ID == cs.ID
				}
				if got := strings.Contains(body, cs.TrackingCode); got != wanted {
					t.Errorf("%s: %q listed=%v, want %v", tc.query, cs.Subject, got, wanted)
				}
			}
		}
	})
	t.Run("RefusesAUnitOutsideTheScope", func(t *testing.T) {
		nt := app.newBrowser(t, "head.nt")
		res, body := nt.get("/ho-so?unit=KH-UBND")
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Đơn vị không thuộc phạm vi của bạn.") {
			t.Fatalf("status %d; want 400 with a message next to the unit filter", res.StatusCode)
		}
		if strings.Contains(body, soon.TrackingCode) || !strings.Contains(body, below.TrackingCode) {
			t.Error("head.nt must see only their commune's case")
		}
	})
	t.Run("HandlerSeesOnlyTheirCases", func(t *testing.T) {
		qcFire(t, app, "head", soon.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
		_, body := app.newBrowser(t, "handler").get("/ho-so")
		if !strings.Contains(body, soon.TrackingCode) {
			t.Error("the handler's queue lacks the case assigned to them")
		}
		for _, cs := range []store.Case{late, fresh, below} {
			if strings.Contains(body, cs.TrackingCode) {
				t.Errorf("the handler sees %q, not assigned to them", cs.Subject)
			}
		}
		if strings.Contains(body, `name="cases"`) || strings.Contains(body, `action="/ho-so/giao"`) {
			t.Error("a handler is offered bulk assignment")
		}
		_, body = app.newBrowser(t, "handler2").get("/ho-so")
		if strings.Contains(body, soon.TrackingCode) || !strings.Contains(body, "Không có hồ sơ nào phù hợp.") {
			t.Error("handler2 should see no case")
		}
	})
}

func TestQueuePagesWithANextLink(t *testing.T) {
	app := mustServeWeb(t)
	var first, last store.Case
	for i := 0; i < 52; i++ {
		cs := qcCase(t, app, "reception", workflow.Petition, "2026-11-02", fmt.Sprintf("Kiến nghị số %02d", i), "Người gửi")
		if i == 0 {
			first = cs
		}
		last = cs
	}
	b := app.newBrowser(t, "head")
	_, body := b.get("/ho-so?kind=petition")
	m := regexp.MustCompile(`href="(/ho-so\?[^"]*cursor=[^"]*)"[^>]*>Trang sau<`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no 'Trang sau' link on a full page")
	}
	if !strings.Contains(body, first.TrackingCode) || strings.Contains(body, last.TrackingCode) {
		t.Fatal("the first page should hold the first 50 cases")
	}
	res, body := b.get(html.UnescapeString(m[1]))
	if res.StatusCode != http.StatusOK || !strings.Contains(body, last.TrackingCode) || strings.Contains(body, first.TrackingCode) {
		t.Fatalf("status %d; the next page should hold the rest", res.StatusCode)
	}
	if strings.Contains(body, "Trang sau") || !strings.Contains(body, `href="/ho-so?kind=petition" rel="prev">Trang trước<`) {
		t.Error("the last page links back to the first, not onwards")
	}
}

func TestBulkAssignmentByTheHead(t *testing.T) {
	app := mustServeWeb(t)
	a := qcCase(t, app, "reception", workflow.Complaint, "2026-11-20", "Khiếu nại A", "Người A")
	b := qcCase(t, app, "reception", workflow.Petition, "2026-11-21", "Kiến nghị B", "Người B")
	c := qcCase(t, app, "reception", workflow.Petition, "2026-11-22", "Kiến nghị C", "Người C")
	head := app.newBrowser(t, "head")
	_, body := head.get("/ho-so")
	picks := map[int64]string{}
	for _, m := range regexp.MustCompile(`name="cases" value="((\d+):\d+)"`).FindAllStringSubmatch(body, -1) {
		id, _ := strconv.ParseInt(m[2], 10, 64)
		picks[id] = m[1]
	}
	if len(picks) != 3 || !strings.Contains(body, `<label for="pick-`+strconv.FormatInt(a.ID, 10)+`"`) {
		t.Fatalf("want a labelled checkbox per case, got %v", picks)
	}
	form := url.Values{"csrf": {head.csrf("/ho-so")}, "assignee": {"handler"}, "back": {"/ho-so?kind=petition"},
		"cases": {picks[a.ID], picks[b.ID]}}
	res, _ := head.post("/ho-so/giao", form)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ho-so?kind=petition" {
		t.Fatalf("status %d to %q; want 303 back to the queue", res.StatusCode, res.Header.Get("Location"))
	}
	for _, cs := range []store.Case{a, b} {
		got := qcLoad(t, app, cs.ID)
		if got.State != workflow.Assigned || got.Assignee != "handler" {
			t.Errorf("%s: state %s, assignee %q; want assigned to handler", cs.Subject, got.State, got.Assignee)
		}
	}
	if got := qcLoad(t, app, c.ID); got.State != workflow.Received {
		t.Errorf("an unselected case changed: %s", got.State)
	}
	_, body = head.get("/ho-so")
	if !strings.Contains(body, "Đã giao 2 hồ sơ cho Phạm Văn Xử.") {
		t.Error("the queue does not report how many were assigned")
	}

	t.Run("ReportsStaleVersionsAndReassigns", func(t *testing.T) {
		stale := picks[a.ID] // version 1, now 2
		current := fmt.Sprintf("%d:%d", b.ID, qcLoad(t, app, b.ID).Version)
		form := url.Values{"csrf": {head.csrf("/ho-so")}, "assignee": {"handler2"}, "cases": {stale, current}}
		if res, _ := head.post("/ho-so/giao", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		_, body := head.get("/ho-so")
		if !strings.Contains(body, "Đã giao 1 hồ sơ cho Đỗ Thị Hai.") || !strings.Contains(body, "Không giao được 1 hồ sơ: "+a.TrackingCode+": Hồ sơ đã được cập nhật") {
			t.Errorf("want one success and the stale case named with its reason; flash: %s",
				regexp.MustCompile(`class="flash"[^>]*>([^<]*)<`).FindString(body))
		}
		if got := qcLoad(t, app, b.ID); got.Assignee != "handler2" || got.State != workflow.Assigned {
			t.Errorf("reassign: assignee %q state %s", got.Assignee, got.State)
		}
	})
	t.Run("RefusesAnAssigneeOutsideTheUnit", func(t *testing.T) {
		pick := fmt.Sprintf("%d:%d", c.ID, qcLoad(t, app, c.ID).Version)
		form := url.Values{"csrf": {head.csrf("/ho-so")}, "assignee": {"handler.nt"}, "cases": {pick}}
		head.post("/ho-so/giao", form)
		_, body := head.get("/ho-so")
		if !strings.Contains(body, "Đã giao 0 hồ sơ") || !strings.Contains(body, c.TrackingCode+": Người được giao phải là chuyên viên") {
			t.Error("assigning to another unit's handler must be refused with the reason")
		}
	})
}

func TestBulkAssignmentRefusedToReceptionAndHandler(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Petition, "2026-11-20", "Kiến nghị", "Người gửi")
	for _, login := range []string{"reception", "handler", "supervisor"} {
		b := app.newBrowser(t, login)
		form := url.Values{"csrf": {b.csrf("/ho-so")}, "assignee": {"handler"}, "cases": {fmt.Sprintf("%d:%d", cs.ID, cs.Version)}}
		res, body := b.post("/ho-so/giao", form)
		if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "Chỉ thủ trưởng đơn vị được giao hồ sơ.") {
			t.Errorf("%s: status %d, want 403 with a reason", login, res.StatusCode)
		}
	}
	if got := qcLoad(t, app, cs.ID); got.State != workflow.Received {
		t.Fatalf("the case was assigned: %s", got.State)
	}
}

func TestCasePageShowsClocksWithExplanations(t *testing.T) {
	app := mustServeWeb(t)
	app.SetNow(time.Date(2026, 6, 5, 9, 0, 0, 0, ict))
	cs := qcCase(t, app, "reception", workflow.Complaint, "2026-06-01", "Khiếu nại quyết định thu hồi đất", "Nguyễn Thị Lan")
	head := app.newBrowser(t, "head")
	_, body := head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	body = html.UnescapeString(body)
	for _, k := range cs.RunningClocks() {
		vi := k.ExplainVI(app.Store.Calendar())
		if !strings.Contains(body, vi) {
			t.Errorf("the page lacks the explanation %q", vi)
		}
	}
	qcIndex(t, body, "Hạn 15/06/2026: nhận đơn 01/06/2026 + 10 ngày làm việc")

	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	qcMustSubmit(t, head, cs.ID, "accept", nil)
	_, body = head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	qcIndex(t, body, "Đã ghi nhận: Thụ lý.")
	body = html.UnescapeString(body)
	qcIndex(t, body, "Hạn 06/07/2026: thụ lý 05/06/2026 + 30 ngày, rơi vào Chủ nhật (không phải ngày làm việc), chuyển sang thứ Hai — Điều 28 Luật Khiếu nại 2011")
	if strings.Contains(body, "Hạn 15/06/2026") {
		t.Error("the stopped acceptance clock is still listed")
	}
	if res, _ := head.get("/ngon-ngu?lang=en&next=/"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("switch language: %d", res.StatusCode)
	}
	_, body = head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	qcIndex(t, html.UnescapeString(body), "due 06/07/2026: accepted 05/06/2026 + 30 days, ends on a Sunday (not a working day), moved to Monday — LKN 2011 Art. 28")
	qcIndex(t, body, `<td class="on">05/06/2026</td>
    <td class="ev">Accept</td>`)
}

func TestCaseFlowThroughTheForms(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Complaint, "2026-11-16", "Khiếu nại về bồi thường", "Nguyễn Thị Lan")
	head, handler := app.newBrowser(t, "head"), app.newBrowser(t, "handler")

	qcMustSubmit(t, head, cs.ID, "assign", map[string]string{"assignee": "handler"})
	qcMustSubmit(t, head, cs.ID, "accept", map[string]string{"note": "Đủ điều kiện thụ lý"})
	qcMustSubmit(t, handler, cs.ID, "verify", map[string]string{"differs": "1", "note": "Biên bản xác minh số 12"})
	qcMustSubmit(t, handler, cs.ID, "schedule_dialogue", map[string]string{"dialogue_on": "02/12/2026"})
	app.SetNow(time.Date(2026, 12, 2, 15, 0, 0, 0, ict)) // sessions last 12 hours: sign in again
	head, handler = app.newBrowser(t, "head"), app.newBrowser(t, "handler")
	qcMustSubmit(t, handler, cs.ID, "record_dialogue", map[string]string{"minutes": "Hai bên trao đổi; người khiếu nại giữ yêu cầu."})
	if got := qcLoad(t, app, cs.ID); !got.Facts.DialogueRecorded || !got.Facts.VerificationDiffers || got.Assignee != "handler" {
		t.Fatalf("facts after the handler's forms: %+v", got.Facts)
	}
	_, body := handler.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	if strings.Contains(body, `value="resolve"`) || strings.Contains(body, `value="disclose"`) {
		t.Error("the handler is offered the head's actions")
	}
	qcMustSubmit(t, head, cs.ID, "resolve", map[string]string{"outcome": "partly_correct", "summary": "Công nhận một phần yêu cầu về đơn giá bồi thường."})
	qcMustSubmit(t, head, cs.ID, "disclose", map[string]string{"channel": "website", "text": "Quyết định giải quyết khiếu nại: đúng một phần."})
	got := qcLoad(t, app, cs.ID)
	if got.State != workflow.Disclosed || got.Outcome != workflow.PartlyCorrect {
		t.Fatalf("state %s outcome %s; want disclosed, partly correct", got.State, got.Outcome)
	}
	_, body = head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	for _, want := range []string{"Đã ghi nhận: Công khai.", "Giao xử lý", "Thụ lý", "Báo cáo xác minh", "Lên lịch đối thoại",
		"Ghi biên bản đối thoại", "Ra quyết định / kết luận", "Đã giải quyết → Đã công khai", "Ngày đối thoại: 02/12/2026",
		"Kết quả giải quyết: Đúng một phần", "Người được giao: Phạm Văn Xử", "Phạm Văn Xử", "Nguyễn Văn Trưởng",
		"Quyết định giải quyết khiếu nại: đúng một phần."} {
		qcIndex(t, body, want)
	}
	_, pub := app.newBrowser(t, "").get("/cong-khai")
	qcIndex(t, pub, "Quyết định giải quyết khiếu nại: đúng một phần.")
}

func TestCaseBadFormComesBackWithValuesAndMessage(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Complaint, "2026-11-16", "Khiếu nại", "Nguyễn Thị Lan")
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAccept})
	head, handler := app.newBrowser(t, "head"), app.newBrowser(t, "handler")

	t.Run("ResolveWithoutSummary", func(t *testing.T) {
		res, body := qcSubmit(t, head, cs.ID, "resolve", map[string]string{"outcome": "partly_correct", "summary": ""})
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", res.StatusCode)
		}
		qcIndex(t, body, `<details class="action" id="act-resolve" open>`)
		qcIndex(t, body, `<option value="partly_correct" selected>`)
		if !regexp.MustCompile(`id="ev-resolve-summary"[^>]*></textarea>\s*<span class="error" role="alert">Cần nhập tóm tắt kết quả giải quyết.</span>`).MatchString(body) {
			t.Error("no Vietnamese message next to the summary")
		}
	})
	t.Run("ScheduleDialogueWithoutDate", func(t *testing.T) {
		res, body := qcSubmit(t, handler, cs.ID, "schedule_dialogue", map[string]string{"dialogue_on": "", "note": "Mời đối thoại tại trụ sở"})
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", res.StatusCode)
		}
		qcIndex(t, body, ">Mời đối thoại tại trụ sở</textarea>")
		if !regexp.MustCompile(`id="ev-schedule_dialogue-dialogue_on"[^>]*>\s*<span class="error" role="alert">Cần chọn ngày đối thoại.</span>`).MatchString(body) {
			t.Error("no Vietnamese message next to the dialogue date")
		}
	})
	t.Run("BadDateAndNumber", func(t *testing.T) {
		res, body := qcSubmit(t, handler, cs.ID, "schedule_dialogue", map[string]string{"dialogue_on": "31/02/2026"})
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, `value="31/02/2026"`) || !strings.Contains(body, "Ngày không hợp lệ (dd/mm/yyyy).") {
			t.Errorf("bad date: status %d; want the value kept and a message", res.StatusCode)
		}
		res, body = qcSubmit(t, head, cs.ID, "note", map[string]string{"note": "", "on": "24/12/2026"})
		if res.StatusCode != http.StatusBadRequest || !regexp.MustCompile(`id="ev-note-on"[^>]*>\s*<span class="error" role="alert">Ngày thực hiện không được sau ngày hôm nay.</span>`).MatchString(body) {
			t.Errorf("a future date: status %d; want the message next to the date", res.StatusCode)
		}
	})
	t.Run("DomainRuleAtopTheForm", func(t *testing.T) {
		qcFire(t, app, "handler", cs.ID, workflow.Input{Event: workflow.EvVerify, Differs: qcPtr(true)})
		res, body := qcSubmit(t, head, cs.ID, "resolve", map[string]string{"outcome": "wrong", "summary": "Bác đơn"})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		qcIndex(t, body, `<p class="error" role="alert">Phải tổ chức và ghi biên bản đối thoại trước khi giải quyết`)
		qcIndex(t, body, ">Bác đơn</textarea>")
	})
	t.Run("StaleVersion", func(t *testing.T) {
		path := fmt.Sprintf("/ho-so/%d", cs.ID)
		_, page := head.get(path)
		vals := qcForm(t, page, "note")
		qcFire(t, app, "handler", cs.ID, workflow.Input{Event: workflow.EvNote, Note: "Ghi chú của chuyên viên"})
		vals.Set("note", "Ghi chú của thủ trưởng")
		res, body := head.post(path+"/su-kien", vals)
		if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Hồ sơ đã được người khác cập nhật") {
			t.Fatalf("status %d; want 409 with the stale message", res.StatusCode)
		}
		fresh := qcLoad(t, app, cs.ID)
		if got := qcForm(t, body, "note"); got.Get("version") != strconv.Itoa(fresh.Version) || got.Get("note") != "Ghi chú của thủ trưởng" {
			t.Errorf("the form should carry the fresh version %d and the typed note; got %v", fresh.Version, got)
		}
		qcIndex(t, body, "Ghi chú của chuyên viên")
	})
}

func TestCasePageShowsTheDenouncerOnlyToTheHead(t *testing.T) {
	app := mustServeWeb(t)
	const name, idNumber = "Trần Văn Bímật", "056190009999"
	cs := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-20", "Tố cáo cán bộ địa chính", name)
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	path := fmt.Sprintf("/ho-so/%d", cs.ID)
	for _, login := range []string{"handler", "supervisor"} {
		res, body := app.newBrowser(t, login).get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", login, res.StatusCode)
		}
		if strings.Contains(body, name) || strings.Contains(body, idNumber) {
			t.Errorf("%s sees the denouncer's identity", login)
		}
		qcIndex(t, body, "Danh tính người tố cáo được giữ bí mật")
	}
	if n, _ := app.Store.IdentityReads(context.Background(), cs.ID); n != 0 {
		t.Fatalf("%d identity reads recorded before the head looked", n)
	}
	_, body := app.newBrowser(t, "head").get(path)
	qcIndex(t, body, name)
	if n, _ := app.Store.IdentityReads(context.Background(), cs.ID); n != 1 {
		t.Errorf("the head's read was recorded %d times, want 1", n)
	}
	if res, body := app.newBrowser(t, "head.nt").get(path); res.StatusCode != http.StatusForbidden || strings.Contains(body, name) {
		t.Errorf("another unit's head: status %d", res.StatusCode)
	}
	if res, _ := app.newBrowser(t, "handler2").get(path); res.StatusCode != http.StatusForbidden {
		t.Errorf("a handler not assigned: status %d, want 403", res.StatusCode)
	}
	_, body = app.newBrowser(t, "handler").get("/ho-so")
	if strings.Contains(body, name) {
		t.Error("the handler's queue shows the denouncer")
	}
}

func TestCaseCrossSitePostIsRefused(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Petition, "2026-11-20", "Kiến nghị", "Người gửi")
	head := app.newBrowser(t, "head")
	path := fmt.Sprintf("/ho-so/%d", cs.ID)
	_, page := head.get(path)
	vals := qcForm(t, page, "assign")
	vals.Set("assignee", "handler")
	if status := head.postCrossSite(path+"/su-kien", vals); status != http.StatusForbidden {
		t.Fatalf("cross-site post: status %d, want 403", status)
	}
	vals.Set("csrf", "forged")
	if res, _ := head.post(path+"/su-kien", vals); res.StatusCode != http.StatusForbidden {
		t.Fatalf("wrong token: status %d, want 403", res.StatusCode)
	}
	if got := qcLoad(t, app, cs.ID); got.State != workflow.Received {
		t.Fatalf("the case changed: %s", got.State)
	}
}

func TestCaseAndQueueInputsAllHaveLabels(t *testing.T) {
	app := mustServeWeb(t)
	received := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-20", "Tố cáo", "Người tố cáo")
	working := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-16", "Tố cáo đang giải quyết", "Người tố cáo")
	qcFire(t, app, "head", working.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	qcFire(t, app, "head", working.ID, workflow.Input{Event: workflow.EvAccept})
	head := app.newBrowser(t, "head")
	controls := regexp.MustCompile(`<(input|select|textarea)\b[^>]*>`)
	idAttr := regexp.MustCompile(`\bid="([^"]+)"`)
	pages := []string{"/ho-so", fmt.Sprintf("/ho-so/%d", received.ID), fmt.Sprintf("/ho-so/%d", working.ID)}
	for _, p := range pages {
		_, body := head.get(p)
		seen := map[string]bool{}
		n := 0
		for _, tag := range controls.FindAllString(body, -1) {
			if strings.Contains(tag, `type="hidden"`) {
				continue
			}
			n++
			m := idAttr.FindStringSubmatch(tag)
			if m == nil {
				t.Errorf("%s: a control without an id: %s", p, tag)
				continue
			}
			if seen[m[1]] {
				t.Errorf("%s: id %q is used twice", p, m[1])
			}
			seen[m[1]] = true
			if !strings.Contains(body, `<label for="`+m[1]+`"`) {
				t.Errorf("%s: no label for %s", p, tag)
			}
		}
		if n < 5 {
			t.Errorf("%s: only %d controls; the forms are missing", p, n)
		}
	}
}

func TestCaseExtendSuspendAndResumeThroughTheForms(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-02", "Tố cáo vi phạm trong đấu thầu", "Người tố cáo")
	head := app.newBrowser(t, "head")
	qcMustSubmit(t, head, cs.ID, "assign", map[string]string{"assignee": "handler"})
	qcMustSubmit(t, head, cs.ID, "accept", nil)
	// A normal denunciation has no extension to offer (LTC 30): no form.
	if _, body := head.get(fmt.Sprintf("/ho-so/%d", cs.ID)); strings.Contains(body, `value="extend"`) {
		t.Fatal("a normal denunciation is offered an extension")
	}
	qcMustSubmit(t, head, cs.ID, "classify", map[string]string{"complexity": "complex", "competent": "yes"})
	res, body := qcSubmit(t, head, cs.ID, "extend", map[string]string{"days": "ba mươi"})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, `value="ba mươi"`) || !strings.Contains(body, "Phải là một số nguyên.") {
		t.Fatalf("days in words: status %d; want 400 with the value kept", res.StatusCode)
	}
	qcMustSubmit(t, head, cs.ID, "extend", map[string]string{"days": "30"})
	qcMustSubmit(t, head, cs.ID, "suspend", map[string]string{"note": "Chờ kết quả giám định"})
	_, body = head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	qcIndex(t, body, "Tạm dừng từ 25/11/2026")
	qcIndex(t, html.UnescapeString(body), "(đã gia hạn 1 lần)")
	app.SetNow(time.Date(2026, 11, 30, 9, 0, 0, 0, ict))
	head = app.newBrowser(t, "head")
	qcMustSubmit(t, head, cs.ID, "resume", nil)
	got := qcLoad(t, app, cs.ID)
	if got.State != workflow.InResolution || got.Complexity != workflow.Complex {
		t.Fatalf("state %s complexity %s", got.State, got.Complexity)
	}
	_, body = head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	qcIndex(t, body, "tiếp tục giải quyết 30/11/2026")
	qcIndex(t, body, "Chờ kết quả giám định")
}
