package handlers

// The whole story in a real browser: a denunciation and a complaint go from
// the reception desk to the public register, each role in its own Chromium
// (its own cookies), through the pages only. The store is called only to put
// one long-forgotten complaint on file before the story (the supervisor must
// find it overdue) and to move the clock.

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"petitions/store"
	"petitions/workflow"
)

// The people of the story. The denouncer's name and CCCD must never reach a
// handler, a supervisor or the public (LTC 2018 Art. 8(3), 56); the
// complainant's name must never reach the public.
const (
	storyDenouncer     = "Trần Thị Bí Mật"
	storyDenouncerID   = "079123456789"
	storyComplainant   = "Lê Văn Khiếu"
	storyComplainantID = "079987654321"
	storyDenunText     = "Kết luận nội dung tố cáo: việc cấp phép xây dựng sai quy định là đúng; đã kiến nghị xử lý trách nhiệm cán bộ liên quan."
	storyComplText     = "Quyết định giải quyết khiếu nại lần đầu: khiếu nại về mức bồi thường khi thu hồi đất là đúng một phần; điều chỉnh mức bồi thường."
)

// storyCase is a case of the story as the pages show it.
type storyCase struct {
	ID   string // the number in /ho-so/{id}
	Code string // the tracking code printed on the receipt
}

func TestWholeStoryInTheBrowser(t *testing.T) {
	start := time.Now()
	app := mustServeWeb(t)
	demo := storyForgottenComplaint(t, app)
	secrets := []string{storyDenouncer, storyDenouncerID}

	// 1. The reception officer registers a denunciation and a complaint.
	desk := app.newTab(t)
	storySignIn(desk, "reception", "/tiep-nhan")
	denun := storyRegister(desk, "01-desk-denunciation", "02-receipt-denunciation", "denunciation",
		"Tố cáo cán bộ địa chính cấp phép xây dựng sai quy định", storyDenouncer, storyDenouncerID)
	desk.mustSee("receipt of the denunciation", "Tố cáo", "Hạn thụ lý: 04/12/2026", "Hạn trả lời người gửi đơn: 09/12/2026")
	compl := storyRegister(desk, "", "03-receipt-complaint", "complaint",
		"Khiếu nại quyết định thu hồi đất và mức bồi thường", storyComplainant, storyComplainantID)
	desk.mustSee("receipt of the complaint", "Khiếu nại lần 1", storyComplainant, "Hạn thụ lý: 04/12/2026")
	if denun.Code == compl.Code || demo.TrackingCode == denun.Code || demo.TrackingCode == compl.Code {
		t.Fatalf("tracking codes are not distinct: %s, %s, %s", denun.Code, compl.Code, demo.TrackingCode)
	}
	storyDone(desk)

	// 2. The head assigns both to the handler from the queue and accepts them.
	head := app.newTab(t)
	storySignIn(head, "head", "/ho-so")
	head.mustSee("head's queue", denun.Code, compl.Code, demo.TrackingCode, "Giao hàng loạt")
	head.run("pick the two new cases",
		chromedp.Click(chromedp.CSS("#pick-"+denun.ID)),
		chromedp.Click(chromedp.CSS("#pick-"+compl.ID)),
		chromedp.SetValue(chromedp.CSS("#bulk-assignee"), "handler"))
	storyShot(head, "04-head-queue-picked", "the head's queue")
	storySubmit(head, "bulk assignment", chromedp.Click(chromedp.CSS("#bulk fieldset.bulk button[type=submit]")))
	head.mustSee("after the bulk assignment", "Đã giao 2 hồ sơ cho Phạm Văn Xử.", "Đã giao xử lý")
	storyShot(head, "05-head-queue-assigned", "the queue after assignment")

	storyOpenFromQueue(head, denun)
	head.mustSee("the head's denunciation page", "Phạm Văn Xử", storyDenouncer, "Mỗi lần xem danh tính người tố cáo đều được ghi lại.")
	storyAct(head, "accept the denunciation", "accept", storyForm{set: map[string]string{"on": "25/11/2026"}})
	head.mustSee("the accepted denunciation", "Đã ghi nhận: Thụ lý.", "Đang giải quyết", "Giải quyết — 25/12/2026",
		"Hạn 25/12/2026: thụ lý 25/11/2026 + 30 ngày — Điều 30 Luật Tố cáo 2018; Điều 3 Nghị định 31/2019/NĐ-CP", "Thông báo thụ lý — 02/12/2026")
	storyShot(head, "06-head-denunciation-accepted", "the accepted denunciation")

	head.open("/ho-so")
	storyOpenFromQueue(head, compl)
	storyAct(head, "accept the complaint", "accept", storyForm{set: map[string]string{"on": "25/11/2026"}})
	head.mustSee("the accepted complaint", "Đã ghi nhận: Thụ lý.", "Đang giải quyết", "Giải quyết — 25/12/2026",
		"Hạn 25/12/2026: thụ lý 25/11/2026 + 30 ngày — Điều 28 Luật Khiếu nại 2011")
	storyShot(head, "07-head-complaint-accepted", "the accepted complaint")

	// 3. The handler verifies both and, on the complaint, holds a dialogue;
	// the denouncer stays hidden from them on every page.
	handler := app.newTab(t)
	storySignIn(handler, "handler", "/ho-so")
	handler.mustSee("the handler's queue", denun.Code, compl.Code, "Đang giải quyết")
	if strings.Contains(handler.text(), demo.TrackingCode) {
		t.Errorf("the handler's queue lists %s, a case not assigned to them", demo.TrackingCode)
	}
	handler.mustNotSee("the handler's queue", secrets...)
	storyShot(handler, "08-handler-queue", "the handler's queue")

	storyOpenFromQueue(handler, denun)
	handler.mustSee("the handler's denunciation page", "Danh tính người tố cáo được giữ bí mật")
	storyAct(handler, "verify the denunciation", "verify", storyForm{set: map[string]string{"on": "25/11/2026"},
		typed: map[string]string{"note": "Đã xác minh hồ sơ cấp phép tại phường."}})
	handler.mustSee("the verified denunciation", "Đã ghi nhận: Báo cáo xác minh.", "Đã xác minh hồ sơ cấp phép tại phường.")
	storyAct(handler, "notify the denouncer", "notify", storyForm{set: map[string]string{"on": "25/11/2026"}})
	handler.mustSee("the notified denunciation", "Đã ghi nhận: Thông báo cho người tố cáo / cơ quan chuyển đơn.")
	handler.mustNotSee("the handler's denunciation page", secrets...)
	storyShot(handler, "09-handler-denunciation", "the handler's denunciation page")

	handler.open("/ho-so")
	storyOpenFromQueue(handler, compl)
	storyAct(handler, "verify the complaint", "verify", storyForm{set: map[string]string{"on": "25/11/2026"},
		tick: []string{"differs"}, typed: map[string]string{"note": "Kết quả xác minh khác yêu cầu về diện tích."}})
	handler.mustSee("the verified complaint", "Đã ghi nhận: Báo cáo xác minh.")
	// A dialogue three days after the notice is too soon (ND 124/2020 Art. 28 as amended, from 01/07/2026).
	storyAct(handler, "schedule a dialogue too soon", "schedule_dialogue",
		storyForm{set: map[string]string{"on": "25/11/2026", "dialogue_on": "28/11/2026"}})
	handler.mustSee("the refused schedule", "Ngày đối thoại phải cách ngày thông báo ít nhất 5 ngày.")
	storyShot(handler, "10-handler-dialogue-too-soon", "the refused dialogue date")
	handler.run("correct the dialogue date", chromedp.SetValue(chromedp.CSS("#ev-schedule_dialogue-dialogue_on"), "01/12/2026"))
	storySubmit(handler, "schedule the dialogue", chromedp.Click(chromedp.CSS("#act-schedule_dialogue button[type=submit]")))
	handler.mustSee("the scheduled dialogue", "Đã ghi nhận: Lên lịch đối thoại.", "Ngày đối thoại: 01/12/2026")
	handler.mustNotSee("the handler's complaint page", secrets...)
	storyShot(handler, "11-handler-dialogue-scheduled", "the scheduled dialogue")

	// The day of the dialogue: the sessions of 25/11 have expired.
	app.SetNow(time.Date(2026, 12, 1, 9, 0, 0, 0, ict))
	storySignIn(handler, "handler", "/ho-so")
	storyOpenFromQueue(handler, compl)
	storyAct(handler, "record the dialogue", "record_dialogue", storyForm{set: map[string]string{"on": "01/12/2026",
		"minutes": "Hai bên trao đổi về diện tích và đơn giá bồi thường; người khiếu nại giữ yêu cầu."}})
	handler.mustSee("the recorded dialogue", "Đã ghi nhận: Ghi biên bản đối thoại.", "Biên bản đối thoại: Hai bên trao đổi")
	handler.mustNotSee("the handler's complaint page", secrets...)
	storyShot(handler, "12-handler-dialogue-recorded", "the recorded dialogue")
	storyDone(handler)

	// 4. The head resolves, delivers, discloses and closes each case.
	storySignIn(head, "head", "/ho-so")
	storyOpenFromQueue(head, compl)
	storyAct(head, "resolve the complaint", "resolve", storyForm{set: map[string]string{"on": "01/12/2026", "outcome": "partly_correct",
		"summary": "Khiếu nại đúng một phần; điều chỉnh đơn giá bồi thường."}})
	head.mustSee("the resolved complaint", "Đã ghi nhận: Ra quyết định / kết luận.", "Đã giải quyết", "Đúng một phần",
		"Gửi quyết định/kết luận — 04/12/2026")
	// The decision is not yet delivered: the delivery clock still runs, so the case cannot close (DOMAIN.md §2).
	storyAct(head, "close before delivery", "close", storyForm{set: map[string]string{"on": "01/12/2026"}})
	head.mustSee("the refused close", "Còn thời hạn đang chạy")
	// The refusal must name the running deadline as the page names it ("Gửi
	// quyết định/kết luận"), not by the engine's identifier ("delivery").
	refusal := strings.TrimSpace(get(head, "the close form's message", chromedp.Text(chromedp.CSS("#act-close p.error"))))
	if want := "Còn thời hạn đang chạy (Gửi quyết định/kết luận)."; refusal != want {
		t.Errorf("DEFECT: refusing to close, the case page says %q; want %q (workflow/apply.go:254 puts "+
			"the clocks' internal names in the message and handlers/web_case.go caseErrText shows it unchanged)", refusal, want)
	}
	storyShot(head, "13-head-complaint-close-refused", "the refused close")
	storyAct(head, "deliver the decision", "deliver", storyForm{set: map[string]string{"on": "01/12/2026"}})
	head.mustSee("the delivered decision", "Đã ghi nhận: Gửi quyết định / kết luận.")
	storyAct(head, "disclose the decision", "disclose", storyForm{set: map[string]string{"on": "01/12/2026", "channel": "website",
		"text": storyComplText}})
	head.mustSee("the disclosed decision", "Đã ghi nhận: Công khai.", "Đã công khai", "Nội dung đã công khai", storyComplText)
	storyAct(head, "close the complaint", "close", storyForm{set: map[string]string{"on": "01/12/2026"}})
	head.mustSee("the closed complaint", "Đã ghi nhận: Kết thúc hồ sơ.", "Đã kết thúc", "Không còn thời hạn nào đang chạy.")
	storyShot(head, "14-head-complaint-closed", "the closed complaint")

	head.open("/ho-so")
	storyOpenFromQueue(head, denun)
	storyAct(head, "resolve the denunciation", "resolve", storyForm{set: map[string]string{"on": "01/12/2026", "outcome": "correct",
		"summary": "Tố cáo đúng; kiến nghị xử lý kỷ luật cán bộ địa chính."}})
	head.mustSee("the resolved denunciation", "Đã ghi nhận: Ra quyết định / kết luận.", "Đã giải quyết",
		"Gửi quyết định/kết luận — 08/12/2026", "Công khai — 10/12/2026")
	storyShot(head, "15-head-denunciation-resolved", "the resolved denunciation")
	storyAct(head, "deliver the conclusion", "deliver", storyForm{set: map[string]string{"on": "01/12/2026"}})
	head.mustSee("the delivered conclusion", "Đã ghi nhận: Gửi quyết định / kết luận.")
	storyAct(head, "disclose the conclusion", "disclose", storyForm{set: map[string]string{"on": "01/12/2026", "channel": "posting",
		"text": storyDenunText}})
	head.mustSee("the disclosed conclusion", "Đã ghi nhận: Công khai.", storyDenunText)
	storyAct(head, "close the denunciation", "close", storyForm{set: map[string]string{"on": "01/12/2026"}})
	head.mustSee("the closed denunciation", "Đã ghi nhận: Kết thúc hồ sơ.", "Đã kết thúc", "Không còn thời hạn nào đang chạy.")
	storyShot(head, "16-head-denunciation-closed", "the closed denunciation")
	storyDone(head)

	// 5. The public reads both disclosures and tracks both letters, and
	// learns nobody's name.
	public := app.newTab(t)
	public.open("/cong-khai")
	public.mustSee("the public register", "Công khai quyết định, kết luận giải quyết", storyDenunText, storyComplText,
		denun.Code, compl.Code, "Đúng một phần")
	public.mustNotSee("the public register", storyDenouncer, storyDenouncerID, storyComplainant, storyComplainantID)
	storyShot(public, "17-public-disclosures", "the public register")
	for i, c := range []storyCase{denun, compl} {
		public.open("/tra-cuu")
		public.run("type the tracking code", chromedp.SendKeys(chromedp.CSS("#code"), c.Code))
		storySubmit(public, "look up "+c.Code, chromedp.Submit(chromedp.CSS("#code")))
		if path := storyLocation(public); path != "/tra-cuu?code="+c.Code {
			t.Errorf("the look-up form went to %s", path)
		}
		public.mustSee("the look-up of "+c.Code, c.Code, "Tình trạng", "Đã kết thúc", "Ngày nhận", "25/11/2026",
			"Cập nhật gần nhất", "01/12/2026")
		public.mustNotSee("the look-up of "+c.Code, storyDenouncer, storyDenouncerID, storyComplainant, storyComplainantID)
		storyShot(public, []string{"18-public-track-denunciation", "19-public-track-complaint"}[i], "the look-up page")
	}
	storyDone(public)

	// 6. The supervisor audits the backlog as it stood on chosen days.
	sup := app.newTab(t)
	storySignIn(sup, "supervisor", "/giam-sat")
	storyAuditDay(sup, "30/11/2026")
	if n := storyCardCount(sup, "open"); n != 3 {
		t.Errorf("open on 30/11/2026: the card says %d, want 3 (the two story cases and the forgotten complaint)", n)
	}
	sup.mustNotSee("the audit page", secrets...)
	storyShot(sup, "20-supervisor-audit-30-11", "the audit as of 30/11/2026")
	storyFollowCard(sup, "open")
	sup.mustSee("the open list of 30/11/2026", "Danh sách hồ sơ chưa giải quyết xong", "Tính đến hết ngày 30/11/2026",
		denun.Code, compl.Code, demo.TrackingCode, "Đang giải quyết")
	sup.mustNotSee("the open list", secrets...)
	storyShot(sup, "21-supervisor-open-list-30-11", "the open list as of 30/11/2026")

	storyAuditDay(sup, "24/11/2026")
	if n := storyCardCount(sup, "open"); n != 1 {
		t.Errorf("open on 24/11/2026: the card says %d, want 1 (only the forgotten complaint)", n)
	}
	storyShot(sup, "22-supervisor-audit-24-11", "the audit as of 24/11/2026")
	storyFollowCard(sup, "open")
	sup.mustSee("the open list of 24/11/2026", demo.TrackingCode)
	if got := sup.text(); strings.Contains(got, denun.Code) || strings.Contains(got, compl.Code) {
		t.Errorf("the open list of 24/11/2026 counts a case received on 25/11/2026:\n%s", got)
	}

	storyAuditDay(sup, "25/11/2026")
	storyFollowCard(sup, "overdue")
	sup.mustSee("the overdue list of 25/11/2026", "Danh sách hồ sơ quá hạn", "Tính đến hết ngày 25/11/2026",
		demo.TrackingCode, "Thụ lý", "01/09/2026")
	if got := sup.text(); strings.Contains(got, denun.Code) || strings.Contains(got, compl.Code) {
		t.Errorf("the overdue list of 25/11/2026 lists a story case received that day:\n%s", got)
	}
	sup.mustNotSee("the overdue list", secrets...)
	storyShot(sup, "23-supervisor-overdue-25-11", "the overdue list as of 25/11/2026")

	storyAuditDay(sup, "02/09/2026")
	storyFollowCard(sup, "overdue")
	sup.mustSee("the overdue list of 02/09/2026", "Danh sách hồ sơ quá hạn", "Tính đến hết ngày 02/09/2026", "Không có hồ sơ nào.")
	if strings.Contains(sup.text(), demo.TrackingCode) {
		t.Errorf("the overdue list of 02/09/2026 lists %s, received the day before", demo.TrackingCode)
	}
	storyShot(sup, "24-supervisor-overdue-02-09", "the overdue list as of 02/09/2026")

	sup.open("/ho-so/" + denun.ID)
	sup.mustSee("the supervisor's denunciation page", denun.Code, "Danh tính người tố cáo được giữ bí mật",
		"Bạn chỉ được xem hồ sơ này.", storyDenunText)
	sup.mustNotSee("the supervisor's denunciation page", secrets...)
	storyShot(sup, "25-supervisor-denunciation", "the supervisor's denunciation page")

	// 7. Once, in English.
	storyAuditDay(sup, "30/11/2026")
	storySubmit(sup, "switch to English", chromedp.Click(chromedp.CSS(`header .who a[hreflang="en"]`)))
	sup.mustSee("the audit in English", "Backlog audit", "As of", "Open", "Overdue", "By unit")
	if lang := get(sup, "the page language", chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "en" {
		t.Errorf("after switching, <html lang=%q>, want en", lang)
	}
	if v := get(sup, "the as-of field", chromedp.Value(chromedp.CSS("#as_of"))); v != "30/11/2026" {
		t.Errorf("switching language lost the day asked for: the field holds %q", v)
	}
	storyShot(sup, "26-supervisor-audit-english", "the audit in English")
	t.Logf("the whole story took %s", time.Since(start).Round(time.Millisecond))
}

// storyForgottenComplaint files, straight in the store, a complaint received
// on 01/09/2026 that nobody ever accepted: its acceptance clock is long overdue.
func storyForgottenComplaint(t *testing.T, app *webApp) store.Case {
	t.Helper()
	ctx := context.Background()
	reception, err := app.Store.UserByLogin(ctx, "reception")
	if err != nil {
		t.Fatal(err)
	}
	c, err := app.Store.CreateCase(ctx, reception, store.NewCase{Subject: "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất",
		Content: "Đơn gửi qua bưu điện.", Petitioner: store.Petitioner{Name: "Phan Văn Cũ", IDNumber: "079555666777"},
		Intake: workflow.Intake{Kind: workflow.Complaint, Round: 1, Channel: workflow.Channel("post"),
			ReceivedOn: workflow.D(2026, time.September, 1)}})
	if err != nil {
		t.Fatalf("file the forgotten complaint: %v", err)
	}
	return c
}

// storyRegister fills the desk form for one letter and returns the case the
// receipt shows; desk and receipt name the screenshots ("" for none).
func storyRegister(b *tab, desk, receipt, kind, subject, name, idNumber string) storyCase {
	b.t.Helper()
	b.open("/tiep-nhan")
	b.mustSee("the desk", "Tiếp nhận đơn", "Loại đơn", "Người gửi đơn")
	b.run("fill the desk form",
		chromedp.Click(chromedp.CSS("#kind-"+kind)),
		chromedp.SetValue(chromedp.CSS("#round"), "1"),
		chromedp.SetValue(chromedp.CSS("#channel"), "walk_in"),
		chromedp.SendKeys(chromedp.CSS("#subject"), subject),
		chromedp.SetValue(chromedp.CSS("#content"), subject+". Người gửi trình bày trực tiếp tại trụ sở."),
		chromedp.SendKeys(chromedp.CSS("#name"), name),
		chromedp.SendKeys(chromedp.CSS("#id_number"), idNumber),
		chromedp.SendKeys(chromedp.CSS("#phone"), "0905123456"))
	if v := get(b, "the receipt date", chromedp.Value(chromedp.CSS("#received_on"))); v != "25/11/2026" {
		b.t.Errorf("the desk proposes %q as the receipt date, want today 25/11/2026", v)
	}
	if desk != "" {
		storyShot(b, desk, "the desk form")
	}
	storySubmit(b, "save the "+kind, chromedp.Click(chromedp.CSS("#desk .actions button[type=submit]")))
	path := storyLocation(b)
	if !strings.HasPrefix(path, "/bien-nhan/") {
		b.t.Fatalf("saving the %s went to %s, not a receipt; the page shows:\n%s", kind, path, b.text())
	}
	c := storyCase{ID: strings.TrimPrefix(path, "/bien-nhan/")}
	c.Code = strings.TrimSpace(get(b, "the tracking code", chromedp.Text(chromedp.CSS("#tracking-code"))))
	if _, err := strconv.Atoi(c.ID); err != nil || c.Code == "" {
		b.t.Fatalf("the receipt at %s shows no tracking code", path)
	}
	b.mustSee("the receipt", "Đã lưu đơn. In biên nhận cho người gửi.", "GIẤY BIÊN NHẬN ĐƠN", "Mã hồ sơ", c.Code,
		subject, "/tra-cuu?code="+c.Code)
	storyShot(b, receipt, "the receipt")
	return c
}

// storyForm is what to put in one action form of the case page: set holds
// dates, selects and long texts (SetValue), typed short text typed key by key
// (SendKeys), tick the checkboxes to click.
type storyForm struct {
	set, typed map[string]string
	tick       []string
}

// storyAct opens the action's fold on the case page, fills its form and
// sends it; the caller asserts on the page that comes back.
func storyAct(b *tab, what, event string, f storyForm) {
	b.t.Helper()
	form := "#act-" + event
	steps := []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS(form + " > summary"))}
	for field, v := range f.set {
		steps = append(steps, chromedp.SetValue(chromedp.CSS("#ev-"+event+"-"+field), v))
	}
	for field, v := range f.typed {
		steps = append(steps, chromedp.SendKeys(chromedp.CSS("#ev-"+event+"-"+field), v))
	}
	for _, field := range f.tick {
		steps = append(steps, chromedp.Click(chromedp.CSS("#ev-"+event+"-"+field)))
	}
	if ok := get(b, "find the form "+event, chromedp.Evaluate[bool](`!!document.querySelector("`+form+`")`)); !ok {
		b.t.Fatalf("%s: the case page offers no %q form; it shows:\n%s", what, event, b.text())
	}
	b.run(what, steps...)
	storySubmit(b, what, chromedp.Click(chromedp.CSS(form+" button[type=submit]")))
}

// storyOpenFromQueue follows the case's link in the queue shown.
func storyOpenFromQueue(b *tab, c storyCase) {
	b.t.Helper()
	if storyLocation(b) != "/ho-so" {
		b.open("/ho-so")
	}
	storySubmit(b, "open "+c.Code, chromedp.Click(chromedp.CSS(`table.queue a[href="/ho-so/`+c.ID+`"]`)))
	b.mustSee("the case page of "+c.Code, "Hồ sơ "+c.Code, "Thời hạn", "Quá trình xử lý")
}

// storySignIn signs in through the form and waits for the role's first page.
func storySignIn(b *tab, login, home string) {
	b.t.Helper()
	b.signIn(login)
	storyWaitFor(b, "the first page after signing in as "+login, `location.pathname === "`+home+`" && document.readyState === "complete"`)
}

// storyAuditDay types a day into the audit's as-of field and shows the backlog.
func storyAuditDay(b *tab, day string) {
	b.t.Helper()
	b.open("/giam-sat")
	b.run("type the day "+day, chromedp.Clear(chromedp.CSS("#as_of")), chromedp.SendKeys(chromedp.CSS("#as_of"), day))
	if v := get(b, "the as-of field", chromedp.Value(chromedp.CSS("#as_of"))); v != day {
		b.t.Fatalf("the as-of field holds %q after typing %s", v, day)
	}
	storySubmit(b, "show the backlog of "+day, chromedp.Click(chromedp.CSS("form.audit-form button[type=submit]")))
	b.mustSee("the audit of "+day, "Giám sát tồn đọng hồ sơ", "Tình hình đến hết ngày "+day, "Chưa giải quyết xong", "Quá hạn")
}

// storyCardCount reads the number on the audit card of a measure.
func storyCardCount(b *tab, measure string) int {
	b.t.Helper()
	a := get(b, "the "+measure+" card", chromedp.AttributeValue(chromedp.CSS("a.card.status-"+measure), "data-count"))
	n, err := strconv.Atoi(a.Value)
	if err != nil {
		b.t.Fatalf("the %s card holds no number (%q)", measure, a.Value)
	}
	return n
}

// storyFollowCard follows the link of the audit card of a measure.
func storyFollowCard(b *tab, measure string) {
	b.t.Helper()
	storySubmit(b, "follow the "+measure+" card", chromedp.Click(chromedp.CSS("a.card.status-"+measure)))
	if p := storyLocation(b); !strings.HasPrefix(p, "/giam-sat/ho-so?") {
		b.t.Fatalf("the %s card led to %s", measure, p)
	}
}

// storyDone closes the browser of a role whose part is over, to spare the machine.
func storyDone(b *tab) {
	_ = chromedp.Cancel(b.ctx) // the kit's cleanup cancels again; a second cancel is harmless
}

// storyShot checks the page's phone layout and keeps its screenshot.
func storyShot(b *tab, name, what string) {
	b.t.Helper()
	b.checkLayout(what)
	b.screenshot(name)
}

// storySubmit runs steps that leave the page (a form sent, a link followed)
// and waits until the next page has loaded.
func storySubmit(b *tab, what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	b.run(what+": mark the old page", chromedp.Evaluate[chromedp.Void](`window.__storyOld = true`))
	b.run(what, steps...)
	storyWaitFor(b, what, `!window.__storyOld && document.readyState === "complete"`)
}

// storyWaitFor polls a JavaScript condition across page loads (chromedp.Poll
// does not survive a navigation).
func storyWaitFor(b *tab, what, cond string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return
		}
		time.Sleep(40 * time.Millisecond)
	}
	b.t.Fatalf("%s: the page did not come (waiting for %s); it is at %s", what, cond, storyLocation(b))
}

// storyLocation is the path and query of the page shown.
func storyLocation(b *tab) string {
	b.t.Helper()
	return get(b, "the location", chromedp.Evaluate[string](`location.pathname + location.search`))
}
