package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// Issue 16: sessions, the schedule's five working days, changes before the
// day only, conclusions by the head or the named deputy. Today is 25/11/2026.
func TestReceptionSessions(t *testing.T) {
	w := mustWorld(t)
	d := workflow.MustDate
	periodic := func(on string) store.NewSession {
		return store.NewSession{Unit: "KH-UBND", Kind: workflow.SessionPeriodic, Form: workflow.FormDirect,
			Place: "Trụ sở tiếp công dân tỉnh", HeldOn: d(on), Host: workflow.HostHead, State: workflow.SessionScheduled}
	}
	early, err := w.s.CreateReceptionSession(w.ctx, w.user("head"), periodic("2026-12-04"))
	if err != nil {
		t.Fatal(err)
	}
	late, err := w.s.CreateReceptionSession(w.ctx, w.user("reception"), store.NewSession{Unit: "KH-UBND", Head: "head",
		Kind: workflow.SessionPeriodic, Form: workflow.FormDirect, HeldOn: d("2026-11-30"), Host: workflow.HostHead,
		State: workflow.SessionScheduled})
	if err != nil {
		t.Fatal(err)
	}
	if !early.PublishedInTime || late.PublishedInTime || early.Head != "head" || late.Head != "head" {
		t.Errorf("04/12 entered 25/11 in time %v (want true); 30/11 in time %v (want false); heads %q %q",
			early.PublishedInTime, late.PublishedInTime, early.Head, late.Head)
	}
	if _, err := w.s.CreateReceptionSession(w.ctx, w.user("reception"), store.NewSession{Unit: "KH-NT", Kind: workflow.SessionRegular,
		Form: workflow.FormDirect, HeldOn: d("2026-11-25"), Host: workflow.HostStaff, HostName: "Lê Thị Tiếp",
		State: workflow.SessionHeld}); workflow.ErrorCode(err) != workflow.CodeForbidden {
		t.Errorf("the agency's reception writing the commune's book: %v", err)
	}

	moved, err := w.s.ChangeReceptionSession(w.ctx, w.user("head"), early.ID, store.SessionChange{HeldOn: d("2026-12-11"), Reason: "Trùng lịch họp Ủy ban"})
	if err != nil || !moved.HeldOn.Equal(d("2026-12-11")) || moved.ChangeReason != "Trùng lịch họp Ủy ban" || !moved.PublishedInTime {
		t.Errorf("moved: %+v, %v", moved, err)
	}
	if _, err := w.s.ChangeReceptionSession(w.ctx, w.user("head"), early.ID, store.SessionChange{Cancel: true}); workflow.ErrorCode(err) != workflow.CodeInvalid {
		t.Errorf("a cancellation without its reason: %v", err)
	}

	held, err := w.s.CreateReceptionSession(w.ctx, w.user("head"), store.NewSession{Unit: "KH-UBND", Kind: workflow.SessionAdHoc,
		Form: workflow.FormDirect, HeldOn: d("2026-11-20"), Host: workflow.HostDeputy, HostName: "Lê Thị Tiếp", State: workflow.SessionHeld})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.ChangeReceptionSession(w.ctx, w.user("head"), held.ID, store.SessionChange{Cancel: true, Reason: "x"}); workflow.ErrorCode(err) != workflow.CodeIllegalTransition {
		t.Errorf("a change after the day: %v", err)
	}
	if _, err := w.s.ConcludeReceptionSession(w.ctx, w.user("handler"), held.ID, store.Conclusion{Text: "Kết luận"}); workflow.ErrorCode(err) != workflow.CodeForbidden {
		t.Errorf("a conclusion by a handler: %v", err)
	}
	// The deputy named as host is the reception officer Lê Thị Tiếp here; she concludes.
	done, err := w.s.ConcludeReceptionSession(w.ctx, w.user("reception"), held.ID,
		store.Conclusion{Text: "Giao Sở Tài nguyên và Môi trường kiểm tra, trả lời trước 10/12/2026."})
	if err != nil || done.ConcludedOn.String() != "2026-11-25" || !strings.HasPrefix(done.Conclusion, "Giao Sở") {
		t.Errorf("concluded: %+v, %v", done, err)
	}
}

// The book: a crowd's representatives, a visit on its session's day only, a
// repeat found by the keyed hash, and a denouncer sealed like a petitioner.
func TestReceptionVisits(t *testing.T) {
	w := mustWorld(t)
	d := workflow.MustDate
	session, err := w.s.CreateReceptionSession(w.ctx, w.user("head"), store.NewSession{Unit: "KH-UBND", Kind: workflow.SessionPeriodic,
		Form: workflow.FormDirect, HeldOn: d("2026-11-20"), Host: workflow.HostHead, State: workflow.SessionHeld})
	if err != nil {
		t.Fatal(err)
	}
	crowd := store.NewVisit{SessionID: session.ID, VisitedOn: d("2026-11-20"), Kind: workflow.Complaint, People: 12, HeadReceived: true,
		Visitor: store.Visitor{Petitioner: store.Petitioner{Name: "Nguyễn Văn Đại", IDNumber: "056078001234"},
			Representatives: []string{"Nguyễn Văn Đại", "Trần Thị Biểu"}},
		Content: "Khiếu nại giá bồi thường đất dự án đường ven biển", Outcome: workflow.VisitGuided}
	first, err := w.s.RecordVisit(w.ctx, w.user("reception"), crowd)
	if err != nil {
		t.Fatal(err)
	}
	if first.Repeat || first.People != 12 || first.Visitor == nil || len(first.Visitor.Representatives) != 2 {
		t.Errorf("first visit: %+v", first)
	}
	crowd.Visitor.Representatives = append(crowd.Visitor.Representatives, "a", "b", "c", "d")
	if _, err := w.s.RecordVisit(w.ctx, w.user("reception"), crowd); workflow.ErrorCode(err) != workflow.CodeInvalid {
		t.Errorf("six representatives of twelve: %v", err)
	}
	crowd.Visitor.Representatives = nil
	crowd.People, crowd.VisitedOn = 1, d("2026-11-21")
	if _, err := w.s.RecordVisit(w.ctx, w.user("reception"), crowd); workflow.ErrorCode(err) != workflow.CodeInvalid {
		t.Errorf("a visit outside its session's day: %v", err)
	}
	again, err := w.s.RecordVisit(w.ctx, w.user("reception"), store.NewVisit{Unit: "KH-UBND", VisitedOn: d("2026-11-24"),
		Kind: workflow.Complaint, Visitor: store.Visitor{Petitioner: store.Petitioner{Name: "Nguyen Van Dai", IDNumber: "056078001234"}},
		Content: "Hỏi lại kết quả", Outcome: workflow.VisitGuided})
	if err != nil || !again.Repeat {
		t.Errorf("the same ID number again: repeat %v, %v", again.Repeat, err)
	}

	secret, err := w.s.RecordVisit(w.ctx, w.user("reception"), store.NewVisit{Unit: "KH-UBND", VisitedOn: d("2026-11-24"),
		Kind: workflow.Denunciation, Visitor: store.Visitor{Petitioner: store.Petitioner{Name: "Phạm Thị Mật", Phone: "0905111222"}},
		Content: "Tố cáo cán bộ địa chính nhận tiền", Outcome: workflow.VisitRefused, RefusalCode: "TCD-4K"})
	if err != nil {
		t.Fatal(err)
	}
	for login, sees := range map[string]bool{"reception": true, "head": true, "reception2": false, "supervisor": false} {
		book, err := w.s.Visits(w.ctx, w.viewer(login), store.VisitFilter{Units: []int64{w.unitID("KH-UBND")}})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range book {
			if v.ID == secret.ID && (v.Visitor != nil) != sees {
				t.Errorf("%s sees the denouncer who came: %v, want %v", login, v.Visitor != nil, sees)
			}
		}
	}
	db := storetest.Raw(t, w.dsn)
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM reception_visits WHERE sealed LIKE '%Mật%' OR sealed LIKE '%0905%'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("a visitor at rest in clear: %d rows, %v", n, err)
	}
}

// Compliance: in-person days against the minimum, delegated days apart.
func TestReceptionCompliance(t *testing.T) {
	w := mustWorld(t)
	d := workflow.MustDate
	w.user("head.nt")
	held := func(on string, host workflow.SessionHost) {
		t.Helper()
		in := store.NewSession{Unit: "KH-NT", Head: "head.nt", Kind: workflow.SessionPeriodic, Form: workflow.FormDirect,
			HeldOn: d(on), Host: host, State: workflow.SessionHeld}
		if host == workflow.HostDeputy {
			in.HostName = "Phó Chủ tịch Lê Văn Phó"
		}
		if _, err := w.s.CreateReceptionSession(w.ctx, w.user("head.nt"), in); err != nil {
			t.Fatal(err)
		}
	}
	held("2026-10-06", workflow.HostHead)
	held("2026-10-20", workflow.HostDeputy)
	held("2026-11-03", workflow.HostHead)
	held("2026-11-17", workflow.HostHead)
	got, err := w.s.ReceptionCompliance(w.ctx, []int64{w.unitID("KH-NT")}, d("2026-10-31"))
	if err != nil || len(got) != 1 {
		t.Fatalf("%+v, %v", got, err)
	}
	m := got[0].Month
	if got[0].Level != workflow.LevelCommune || m.HeldInPerson != 1 || m.Delegated != 1 || m.Required != 2 || m.Meets || !m.Complete {
		t.Errorf("October, a commune chair (two days a month from 01/07/2026): %+v", got[0])
	}
	if dl := got[0].Dialogues; dl.Held != 0 || dl.Required != 1 || dl.Meets {
		t.Errorf("no dialogue conference yet: %+v", dl)
	}
	// The commune's yearly dialogue conference (LTHDCCS Art. 32) is no reception day.
	if _, err := w.s.CreateReceptionSession(w.ctx, w.user("head.nt"), store.NewSession{Unit: "KH-NT", Kind: workflow.SessionConference,
		Form: workflow.FormDirect, HeldOn: d("2026-11-20"), Host: workflow.HostHead, State: workflow.SessionHeld}); err != nil {
		t.Fatal(err)
	}
	got, err = w.s.ReceptionCompliance(w.ctx, []int64{w.unitID("KH-NT")}, d("2026-11-30"))
	if err != nil || !got[0].Month.Meets || got[0].Month.HeldInPerson != 2 || got[0].Year.Meets {
		t.Errorf("November met, the year not (October missed): %+v, %v", got, err)
	}
	if dl := got[0].Dialogues; dl.Held != 1 || !dl.Meets {
		t.Errorf("one dialogue conference: %+v", dl)
	}
}

// A conclusion's tasks (khoản 2 Điều 25 NĐ 154/2026/NĐ-CP): a dated duty late
// once its day passes, a case act on the case's own clock, both written with
// the conclusion or not at all; and every act on the session in its log.
func TestReceptionFollowUps(t *testing.T) {
	w := mustWorld(t)
	d := workflow.MustDate
	c := w.register("reception", letter(workflow.Complaint, 1, "2026-11-20"))
	s, err := w.s.CreateReceptionSession(w.ctx, w.user("head"), store.NewSession{Unit: "KH-UBND", Kind: workflow.SessionPeriodic,
		Form: workflow.FormDirect, HeldOn: d("2026-11-25"), Host: workflow.HostHead, State: workflow.SessionScheduled})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.HoldReceptionSession(w.ctx, w.user("reception"), s.ID); err != nil {
		t.Fatal(err)
	}
	duty := workflow.FollowUp{Text: "Kiểm tra hiện trường, báo cáo Chủ tịch", Assignee: "Phòng Tài nguyên và Môi trường", DueOn: d("2026-12-04")}
	caseAct := workflow.FollowUp{Text: "Xem xét thụ lý đơn khiếu nại", CaseID: c.ID}
	for name, bad := range map[string]workflow.FollowUp{
		"tasks[1].due_on":  {Text: "Trả lời công dân"},
		"tasks[1].text":    {DueOn: d("2026-12-04")},
		"tasks[1].case_id": {Text: "Một hồ sơ không có", CaseID: 999999},
	} {
		_, err := w.s.ConcludeReceptionSession(w.ctx, w.user("head"), s.ID, store.Conclusion{Text: "Kết luận",
			Tasks: []workflow.FollowUp{duty, bad}})
		if e, ok := err.(*workflow.Error); !ok || e.Field != name {
			t.Errorf("a task without %s: %v", name, err)
		}
	}
	if got, _ := w.s.ReceptionSession(w.ctx, s.ID); got.Conclusion != "" {
		t.Fatalf("a refused conclusion was kept: %q", got.Conclusion)
	}
	if _, err := w.s.ConcludeReceptionSession(w.ctx, w.user("head"), s.ID, store.Conclusion{Text: "Kết luận",
		On: d("2026-11-26"), Tasks: []workflow.FollowUp{duty}}); workflow.ErrorCode(err) != workflow.CodeInvalid {
		t.Errorf("a conclusion dated tomorrow: %v", err)
	}
	if _, err := w.s.ConcludeReceptionSession(w.ctx, w.user("head"), s.ID, store.Conclusion{Text: "Giao các phòng chuyên môn.",
		Tasks: []workflow.FollowUp{duty, caseAct}}); err != nil {
		t.Fatal(err)
	}
	units := []int64{w.unitID("KH-UBND")}
	tasks, err := w.s.ReceptionTasks(w.ctx, store.TaskFilter{Units: units, Open: true})
	if err != nil || len(tasks) != 2 {
		t.Fatalf("open tasks: %+v, %v", tasks, err)
	}
	// The complaint's clock runs to its acceptance deadline; the duty is due 04/12.
	byText := map[string]store.ReceptionTask{tasks[0].Text: tasks[0], tasks[1].Text: tasks[1]}
	if got := byText[caseAct.Text]; got.TrackingCode != c.TrackingCode || !got.DueOn.Equal(c.EarliestDue()) || got.Late {
		t.Errorf("the case act: %+v, want due %s (the case's clock)", got, c.EarliestDue())
	}
	w.s.Now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	tasks, _ = w.s.ReceptionTasks(w.ctx, store.TaskFilter{Units: units, SessionID: s.ID})
	var late store.ReceptionTask
	for _, tk := range tasks {
		if tk.Text == duty.Text {
			late = tk
		}
	}
	if !late.Late {
		t.Errorf("the duty due 04/12 still open on 07/12 is not late: %+v", late)
	}
	if _, err := w.s.FinishReceptionTask(w.ctx, w.user("reception"), late.ID, "x", d("2026-11-24")); workflow.ErrorCode(err) != workflow.CodeInvalid {
		t.Errorf("a task done before its conclusion: %v", err)
	}
	done, err := w.s.FinishReceptionTask(w.ctx, w.user("reception"), late.ID, "Đã kiểm tra, có biên bản", workflow.Date{})
	if err != nil || !done.DoneOn.Equal(d("2026-12-07")) || !done.Late {
		t.Errorf("finished three days late: %+v, %v", done, err)
	}
	if _, err := w.s.FinishReceptionTask(w.ctx, w.user("reception"), late.ID, "lại", workflow.Date{}); workflow.ErrorCode(err) != workflow.CodeIllegalTransition {
		t.Errorf("finished twice: %v", err)
	}
	if _, err := w.s.FinishReceptionTask(w.ctx, w.user("supervisor"), tasks[0].ID, "x", workflow.Date{}); workflow.ErrorCode(err) != workflow.CodeForbidden {
		t.Errorf("a supervisor finishing a task: %v", err)
	}
	log, err := w.s.SessionLog(w.ctx, s.ID)
	var acts []string
	for _, e := range log {
		acts = append(acts, e.Act)
	}
	if err != nil || strings.Join(acts, ",") != "created,held,concluded,task_done" {
		t.Errorf("the session's log: %v, %v", acts, err)
	}
}

// A session's visits entered at once: all or none, a repeat found among the
// visits of the same batch, each visitor sealed to its own entry.
func TestRecordVisitsAtOnce(t *testing.T) {
	w := mustWorld(t)
	d := workflow.MustDate
	session, err := w.s.CreateReceptionSession(w.ctx, w.user("head"), store.NewSession{Unit: "KH-UBND", Kind: workflow.SessionPeriodic,
		Form: workflow.FormDirect, HeldOn: d("2026-11-20"), Host: workflow.HostHead, State: workflow.SessionHeld})
	if err != nil {
		t.Fatal(err)
	}
	visit := func(name, id string) store.NewVisit {
		return store.NewVisit{SessionID: session.ID, VisitedOn: d("2026-11-20"), Kind: workflow.Petition,
			Visitor: store.Visitor{Petitioner: store.Petitioner{Name: name, IDNumber: id}}, Content: "Kiến nghị sửa đường liên thôn",
			Outcome: workflow.VisitGuided}
	}
	bad := visit("", "")
	if _, err := w.s.RecordVisits(w.ctx, w.user("reception"), []store.NewVisit{visit("Lê Văn Một", "056078000001"), bad}); workflow.ErrorCode(err) != workflow.CodeInvalid {
		t.Errorf("a batch with a visitor without a name: %v", err)
	}
	ids, err := w.s.RecordVisits(w.ctx, w.user("reception"), []store.NewVisit{visit("Lê Văn Một", "056078000001"),
		visit("Trần Thị Hai", "056078000002"), visit("Le Van Mot", "056078000001")})
	if err != nil || len(ids) != 3 {
		t.Fatalf("three visits: %v, %v", ids, err)
	}
	book, err := w.s.Visits(w.ctx, w.viewer("reception"), store.VisitFilter{Units: []int64{w.unitID("KH-UBND")}})
	if err != nil || len(book) != 3 {
		t.Fatalf("the book holds %d visits (want 3, none of the refused batch): %v", len(book), err)
	}
	for _, v := range book {
		wantRepeat := v.ID == ids[2]
		if v.Repeat != wantRepeat || v.Visitor == nil || v.Visitor.Name == "" {
			t.Errorf("visit %d: repeat %v (want %v), visitor %+v", v.ID, v.Repeat, wantRepeat, v.Visitor)
		}
	}
}
