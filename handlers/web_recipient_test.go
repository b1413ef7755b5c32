package handlers

import (
	"fmt"
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
