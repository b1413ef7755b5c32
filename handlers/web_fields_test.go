package handlers

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"petitions/workflow"
)

// Issue 15: the recipient, a field added through workflow.Fields alone, is
// in the notify form, is saved from it, and shows in the history to the head
// only; the supervisor's history says it is kept secret.
func TestRecipientThroughTheNotifyForm(t *testing.T) {
	app := mustServeWeb(t)
	const who = "Bà Trần Thị Nhận"
	cs := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-20", "Tố cáo cán bộ địa chính", who)
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAccept})
	head := app.newBrowser(t, "head")
	qcMustSubmit(t, head, cs.ID, "notify", map[string]string{"recipient": who})
	path := fmt.Sprintf("/ho-so/%d", cs.ID)
	_, body := head.get(path)
	qcIndex(t, body, "Người nhận: "+who)
	_, body = app.newBrowser(t, "supervisor").get(path)
	if strings.Contains(body, who) {
		t.Error("the supervisor sees the recipient")
	}
	qcIndex(t, body, "Người nhận: (giữ bí mật; bạn không được xem)")
}

// The results of a resolution, typed the Vietnamese way (decimal comma,
// dotted thousands), are saved from the resolve form and shown in the history.
func TestResolutionResultsThroughTheResolveForm(t *testing.T) {
	app := mustServeWeb(t)
	cs := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-20", "Tố cáo sai phạm bồi thường", "Lê Văn Cáo")
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAssign, Assignee: "handler"})
	qcFire(t, app, "head", cs.ID, workflow.Input{Event: workflow.EvAccept})
	head := app.newBrowser(t, "head")
	res, body := qcSubmit(t, head, cs.ID, "resolve", map[string]string{"outcome": "partly_correct", "summary": "Kết luận",
		"sanction_persons": "1", "sanction_officials": "2"})
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("officials beyond the total: status %d", res.StatusCode)
	}
	qcIndex(t, body, "không được lớn hơn tổng số người bị kiến nghị xử lý")
	qcIndex(t, body, `value="2"`) // the form keeps what was typed
	qcMustSubmit(t, head, cs.ID, "resolve", map[string]string{"outcome": "partly_correct", "summary": "Kết luận",
		"recover_money": "1.250,5", "return_person_land": "75.5", "sanction_persons": "3", "sanction_officials": "1"})
	_, body = head.get(fmt.Sprintf("/ho-so/%d", cs.ID))
	for _, want := range []string{"Kiến nghị thu hồi cho Nhà nước: tiền (triệu đồng): 1250,5", "Trả lại cho cá nhân: đất (m²): 75,5",
		"Kiến nghị xử lý hành chính: tổng số người: 3", "Kiến nghị xử lý hành chính: trong đó cán bộ, công chức, viên chức: 1"} {
		qcIndex(t, body, want)
	}
}
