package handlers_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Issue 14: a disclosure that names the petitioner, however the name or the
// number is spelt, is refused with 422; the refusal says which kind of data
// it found and never repeats the data.
func TestDisclosureNamingThePetitionerIsRefused(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-10-05")
	c := app.register(t, "reception", letterBody("denunciation", "2026-10-05", "Tố cáo cán bộ địa chính",
		"petitioner", map[string]string{"name": "Trần Thị Bích", "id_number": "079185001234",
			"phone": "0905 123 456", "address": "thôn Phú Bình, xã Ninh Hòa"}))
	app.SetToday(t, "2026-10-06")
	c = app.fire(t, "head", c, ev("assign", "2026-10-06", "assignee", "handler"))
	c = app.fire(t, "head", c, ev("accept", "2026-10-06"))
	c = app.fire(t, "head", c, ev("resolve", "2026-10-06", "outcome", "partly_correct", "summary", "Tố cáo đúng một phần"))

	secrets := []string{"Trần Thị Bích", "079185001234", "079.185.001.234", "185", "0905", "123 456", "Phú Bình"}
	for _, tc := range []struct{ text, kind string }{
		{"Theo đơn tố cáo (CCCD 079.185.001.234), tố cáo đúng một phần.", "số định danh"},
		{"Theo đơn tố cáo (CCCD 079-185-001-234), tố cáo đúng một phần.", "số định danh"},
		{"Theo đơn của bà Trần-Thị.Bích, tố cáo đúng một phần.", "họ tên"},
		{"Theo đơn của bà Tr\u200bần Thị Bích, tố cáo đúng một phần.", "họ tên"},
		{"Người tố cáo (ĐT 0905.123.456) được trả lời.", "số điện thoại"},
		{"Người tố cáo ở thôn Phú Bình, xã Ninh Hòa được trả lời.", "địa chỉ"},
	} {
		e := app.refuse(t, "head", c, ev("disclose", "2026-10-06", "channel", "website", "text", tc.text),
			http.StatusUnprocessableEntity, "personal_data_in_disclosure")
		if e.Field != "text" || !strings.Contains(e.Message, tc.kind) {
			t.Errorf("disclosing %q: field %q, message %q; want field text and the kind %q", tc.text, e.Field, e.Message, tc.kind)
		}
		for _, s := range secrets {
			if strings.Contains(e.Message, s) {
				t.Errorf("disclosing %q: the refusal %q repeats %q", tc.text, e.Message, s)
			}
		}
	}
	c = app.fire(t, "head", c, ev("disclose", "2026-10-06", "channel", "website",
		"text", "Kết luận số 7/KL-UBND ngày 06/10/2026: tố cáo đúng một phần."))
	if c.State != "disclosed" {
		t.Errorf("state %s after a clean disclosure, want disclosed", c.State)
	}
}

// Issue 15: a field added through the table alone (workflow.Fields: the
// recipient of a notice) reaches the API, the record and the history; being
// identity, it is sealed at rest and read only by those who may see the
// denouncer, the others seeing that it is there.
func TestRecipientOfANoticeIsSealedLikeTheDenouncer(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-10-05")
	c := app.register(t, "reception", letterBody("denunciation", "2026-10-05", "Tố cáo cán bộ địa chính",
		"petitioner", map[string]string{"name": "Trần Thị Bích"}))
	c = app.fire(t, "head", c, ev("assign", "2026-10-05", "assignee", "handler"))
	c = app.fire(t, "head", c, ev("accept", "2026-10-05"))
	c = app.fire(t, "head", c, ev("notify", "2026-10-05", "recipient", "Bà Trần Thị Bích"))

	if _, p, _ := app.lastRecord(t, "head", c.ID); p["recipient"] != "Bà Trần Thị Bích" || p["identity_sealed"] != nil {
		t.Errorf("the head reads %v; want the recipient opened", p)
	}
	_, p, raw := app.lastRecord(t, "supervisor", c.ID)
	if _, ok := p["recipient"]; ok || bytes.Contains(raw, []byte("Bích")) || fmt.Sprint(p["identity_fields"]) != "[recipient]" {
		t.Errorf("the supervisor reads %s; want the field named, not its value", raw)
	}
	hs, err := app.Store.History(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored := hs[len(hs)-1].Payload; bytes.Contains(stored, []byte("Bích")) || !bytes.Contains(stored, []byte("identity_sealed")) {
		t.Errorf("stored payload %s", stored)
	}
}
