package handlers

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"petitions/store"
	"petitions/workflow"
)

// Issue 16's story in Chromium: the head publishes a reception day, the
// public reads it, reception logs a crowd at the head's session and links a
// visit to the complaint it became, the head writes the conclusion with its
// tasks (one dated, one on the complaint's own clock) and records one done, and the
// supervisor opens compliance for the month and drills into a head below the
// minimum. Screenshots at 375 and 1280 px. Today is 25/11/2026.
func TestReceptionStoryInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	ctx := context.Background()
	// The head received in person on 10/11; today's day was on the schedule.
	for _, on := range []string{"2026-11-10", "2026-11-25"} {
		state := workflow.SessionHeld
		if on == "2026-11-25" {
			state = workflow.SessionScheduled
		}
		if _, err := app.Store.CreateReceptionSession(ctx, qcUser(t, app, "head"), store.NewSession{Unit: "KH-UBND",
			Kind: workflow.SessionPeriodic, Form: workflow.FormDirect, Place: "Trụ sở tiếp công dân tỉnh",
			HeldOn: workflow.MustDate(on), Host: workflow.HostHead, State: state}); err != nil {
			t.Fatal(err)
		}
	}
	complaint := qcCase(t, app, "reception", workflow.Complaint, "2026-11-25", "Khiếu nại giá bồi thường đường ven biển", "Nguyễn Văn Đại")

	head := app.newTab(t)
	storySignIn(head, "head", "/ho-so")
	head.open("/tiep-cong-dan")
	head.run("schedule 04/12", chromedp.SetValue(chromedp.CSS("#s-held_on"), "04/12/2026"),
		chromedp.SetValue(chromedp.CSS("#s-place"), "Trụ sở tiếp công dân tỉnh, 01 Trần Phú"))
	storySubmit(head, "save the day", chromedp.Click(chromedp.CSS(`form[action="/tiep-cong-dan/buoi"] button[type=submit]`)))
	head.mustSee("the schedule", "Đã ghi vào sổ tiếp công dân.", "04/12/2026", "đúng hạn")
	storyDone(head)

	public := app.newTab(t)
	public.open("/lich-tiep-cong-dan")
	public.mustSee("the public schedule", "Lịch tiếp công dân của người đứng đầu", "04/12/2026", "Nguyễn Văn Trưởng", "01 Trần Phú")
	citeShots(public, "reception-schedule", "the public schedule")
	storyDone(public)

	rec := app.newTab(t)
	storySignIn(rec, "reception", "/tiep-nhan")
	rec.open("/tiep-cong-dan")
	storySubmit(rec, "the head's session is held", chromedp.Click(chromedp.CSS(`form[action$="/da-to-chuc"] button`)))
	sessions, err := app.Store.ReceptionSessions(ctx, store.SessionFilter{Units: []int64{qcUser(t, app, "head").UnitID}, From: workflow.MustDate("2026-11-25"), To: workflow.MustDate("2026-11-25")})
	if err != nil || len(sessions) != 1 || sessions[0].State != workflow.SessionHeld {
		t.Fatalf("today's session: %+v, %v", sessions, err)
	}
	today := fmt.Sprint(sessions[0].ID)
	rec.run("a crowd of twelve", chromedp.SetValue(chromedp.CSS("#v-session"), today),
		chromedp.SetValue(chromedp.CSS("#v-name"), "Nguyễn Văn Đại"), chromedp.SetValue(chromedp.CSS("#v-people"), "12"),
		chromedp.SetValue(chromedp.CSS("#v-representatives"), "Nguyễn Văn Đại\nTrần Thị Biểu\nLê Văn Ba"),
		chromedp.Click(chromedp.CSS("#v-head_received")),
		chromedp.SetValue(chromedp.CSS("#v-content"), "Khiếu nại giá bồi thường đất dự án đường ven biển"))
	storySubmit(rec, "too many representatives for twelve? no: three is allowed", chromedp.Click(chromedp.CSS(`form[action="/tiep-cong-dan/luot"] button[type=submit]`)))
	rec.mustSee("the crowd", "Đã ghi vào sổ tiếp công dân.", "đoàn 12 người", "Trần Thị Biểu")
	rec.run("a crowd of four with a representative", chromedp.SetValue(chromedp.CSS("#v-session"), today),
		chromedp.SetValue(chromedp.CSS("#v-name"), "Lê Thị Bốn"), chromedp.SetValue(chromedp.CSS("#v-people"), "4"),
		chromedp.SetValue(chromedp.CSS("#v-representatives"), "Lê Thị Bốn"),
		chromedp.SetValue(chromedp.CSS("#v-content"), "Kiến nghị sửa đường"))
	storySubmit(rec, "refused", chromedp.Click(chromedp.CSS(`form[action="/tiep-cong-dan/luot"] button[type=submit]`)))
	rec.mustSee("the refusal", "không phải đoàn đông người, không cử người đại diện")
	rec.run("the complaint the visit became", chromedp.SetValue(chromedp.CSS("#v-session"), today),
		chromedp.SetValue(chromedp.CSS("#v-name"), "Nguyễn Văn Đại"), chromedp.SetValue(chromedp.CSS("#v-people"), "1"),
		chromedp.SetValue(chromedp.CSS("#v-representatives"), " "),
		chromedp.SetValue(chromedp.CSS("#v-content"), "Nộp đơn khiếu nại giá bồi thường"),
		chromedp.SetValue(chromedp.CSS("#v-outcome"), "registered"), chromedp.SetValue(chromedp.CSS("#v-case"), complaint.TrackingCode))
	storySubmit(rec, "registered", chromedp.Click(chromedp.CSS(`form[action="/tiep-cong-dan/luot"] button[type=submit]`)))
	rec.mustSee("the book", "Tiếp nhận đơn", complaint.TrackingCode, "đến lần sau")
	citeShots(rec, "reception-book", "the reception book")
	rec.run("a refusal, with the papers handed in", chromedp.SetValue(chromedp.CSS("#v-session"), today),
		chromedp.SetValue(chromedp.CSS("#v-name"), "Trần Văn Lặp"), chromedp.SetValue(chromedp.CSS("#v-address"), "thôn Phú Bình, xã Ninh Hòa"),
		chromedp.SetValue(chromedp.CSS("#v-content"), "Tiếp tục khiếu nại việc thu hồi đất đã có bản án có hiệu lực"),
		chromedp.SetValue(chromedp.CSS("#v-documents"), "Đơn khiếu nại ngày 20/11/2026 (02 trang)\nBản sao Bản án số 15/2025/HC-PT"),
		chromedp.SetValue(chromedp.CSS("#v-outcome"), "refused"), chromedp.SetValue(chromedp.CSS("#v-case"), " "),
		chromedp.SetValue(chromedp.CSS("#v-reason"), "TCD-4I"))
	storySubmit(rec, "refused", chromedp.Click(chromedp.CSS(`form[action="/tiep-cong-dan/luot"] button[type=submit]`)))
	storySubmit(rec, "print", chromedp.Click(chromedp.CSS(`a[href$="/in"]`)))
	rec.mustSee("the papers", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Về việc từ chối tiếp công dân", "Trần Văn Lặp",
		"điểm i khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", "GIẤY BIÊN NHẬN", "Bản sao Bản án số 15/2025/HC-PT", "Khánh Hòa, ngày 25 tháng 11 năm 2026")
	storySubmit(rec, "number the refusal notice", chromedp.Click(chromedp.CSS(`form[action$="/in/01"] button`)))
	storySubmit(rec, "number the receipt", chromedp.Click(chromedp.CSS(`form[action$="/in/02"] button`)))
	rec.mustSee("numbered", "Số: 1/TB-UBND", "Số: 1/GBN-UBND")
	citeShots(rec, "reception-paper", "the refusal notice and the receipt, numbered")
	storyDone(rec)

	head = app.newTab(t)
	storySignIn(head, "head", "/ho-so")
	head.open("/tiep-cong-dan")
	storySubmit(head, "open today's session", chromedp.Click(chromedp.CSS(fmt.Sprintf(`td a[href="/tiep-cong-dan/buoi/%s"]`, today))))
	head.run("the conclusion and its tasks", chromedp.SetValue(chromedp.CSS("#conclusion"),
		"Giao Sở Tài nguyên và Môi trường kiểm tra giá bồi thường, trả lời công dân trước 10/12/2026."),
		chromedp.SetValue(chromedp.CSS("#task-text-0"), "Kiểm tra giá bồi thường, trả lời công dân bằng văn bản"),
		chromedp.SetValue(chromedp.CSS("#task-assignee-0"), "Sở Tài nguyên và Môi trường"),
		chromedp.SetValue(chromedp.CSS("#task-due-0"), "10/12/2026"),
		chromedp.SetValue(chromedp.CSS("#task-text-1"), "Xem xét thụ lý đơn khiếu nại"),
		chromedp.SetValue(chromedp.CSS("#task-case-1"), complaint.TrackingCode))
	storySubmit(head, "conclude", chromedp.Click(chromedp.CSS(fmt.Sprintf(`form[action="/tiep-cong-dan/buoi/%s/ket-luan"] button`, today))))
	head.mustSee("the conclusion", "Đã ghi vào sổ tiếp công dân.", "Thông báo kết luận ký ngày 25/11/2026",
		"Sở Tài nguyên và Môi trường", "10/12/2026", complaint.TrackingCode, "theo thời hạn của hồ sơ",
		"ký thông báo kết luận buổi tiếp ngày 25/11/2026", "Nguyễn Văn Đại")
	storySubmit(head, "the case act done (the soonest due, first)", chromedp.SetValue(chromedp.CSS(`.tasks input[name=result]`), "Đã thụ lý, Thông báo thụ lý số 12/TB-UBND"),
		chromedp.Click(chromedp.CSS(`.tasks form button`)))
	head.mustSee("the task done", "25/11/2026 — Đã thụ lý, Thông báo thụ lý số 12/TB-UBND", "ghi nhận hoàn thành việc giao")
	citeShots(head, "reception-session", "a reception day: its conclusion, tasks and log")
	storyDone(head)

	sup := app.newTab(t)
	storySignIn(sup, "supervisor", "/giam-sat")
	sup.open("/giam-sat/tiep-cong-dan?as_of=25/11/2026")
	sup.mustSee("compliance", "Việc tiếp công dân của người đứng đầu", "Nguyễn Văn Trưởng", "Tháng 11/2026", "Chưa đạt")
	citeShots(sup, "reception-compliance", "compliance for the month")
	storySubmit(sup, "drill into the head", chromedp.Click(chromedp.CSS(`a[href*="head=head#sessions"]`)))
	sup.mustSee("the sessions behind it", "Các buổi tiếp — head", "10/11/2026", "25/11/2026")
	storyDone(sup)
}
