package handlers_test

// Issue 13 §4 through the API (and, for the settings and the administrator,
// the pages): disciplinary complaints, transfer once, the forwarder's reply,
// sending interim decisions, unit settings by date, and the administrator
// who never sees a petitioner.

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// factsJSON are the registration facts of the case JSON.
type factsJSON struct {
	Disciplinary         bool   `json:"disciplinary"`
	ReceivedByTransfer   bool   `json:"received_by_transfer"`
	ForwardedByAuthority bool   `json:"forwarded_by_authority"`
	Channel              string `json:"channel"`
}

func (a *App) facts(tb testing.TB, login string, id int64) factsJSON {
	tb.Helper()
	status, raw := a.Do(tb, login, http.MethodGet, casePath(id), nil)
	if status != http.StatusOK {
		tb.Fatalf("GET case %d: %d %s", id, status, raw)
	}
	return decode[factsJSON](tb, raw)
}

func clockOfJSON(c caseJSON, name string) (clockJSON, bool) {
	for _, k := range c.Clocks {
		if k.Name == name {
			return k, true
		}
	}
	return clockJSON{}, false
}

// TestDisciplinaryComplaintThroughAPI: 30 cd from acceptance (LKN 50), a
// dialogue before the decision (LKN 53, 55(3)), the notice to the complainant only.
func TestDisciplinaryComplaintThroughAPI(t *testing.T) {
	app := MustServe(t)
	c := app.register(t, "reception", letterBody("complaint", "2026-11-02", "Khiếu nại quyết định kỷ luật khiển trách",
		"round", 1, "disciplinary", true))
	if f := app.facts(t, "head", c.ID); !f.Disciplinary || f.ReceivedByTransfer || f.ForwardedByAuthority {
		t.Fatalf("facts %+v", f)
	}
	c = app.fire(t, "head", c, ev("assign", "2026-11-02", "assignee", "handler"))
	c = app.fire(t, "head", c, ev("accept", "2026-11-03"))
	// 03/11 + 30 cd = Thu 03/12/2026.
	k, ok := clockOfJSON(c, "resolution")
	if !ok || k.DueOn != "2026-12-03" || k.Days != 30 || !strings.Contains(k.Basis, "LKN 2011 Art. 50") {
		t.Errorf("resolution clock %+v", k)
	}
	hs := app.history(t, "head", c.ID)
	var accept map[string]any
	_ = json.Unmarshal(hs[len(hs)-1].Payload, &accept)
	if accept["notice_to"] != "complainant" {
		t.Errorf("acceptance record %v: the notice goes to the complainant only", accept)
	}
	e := app.refuse(t, "head", c, ev("resolve", "2026-11-20", "outcome", "correct", "summary", "Giữ nguyên"),
		http.StatusUnprocessableEntity, "dialogue_required")
	if !strings.Contains(e.Message, "Điều 53") {
		t.Errorf("message %q does not cite LKN Art. 53", e.Message)
	}
	t.Run("OnlyComplaints", func(t *testing.T) {
		status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases",
			letterBody("petition", "2026-11-02", "Kiến nghị", "disciplinary", true))
		if e := wantError(t, status, raw, http.StatusBadRequest, "invalid"); e.Field != "disciplinary" {
			t.Errorf("field %q", e.Field)
		}
	})
}

// TestTransferOnceThroughAPI: a denunciation received by transfer cannot be
// transferred on (TT 05/2021 Art. 14); its channel is "forwarded".
func TestTransferOnceThroughAPI(t *testing.T) {
	app := MustServe(t)
	body := letterBody("denunciation", "2026-11-20", "Tố cáo cán bộ địa chính", "received_by_transfer", true)
	delete(body, "channel")
	c := app.register(t, "reception", body)
	if f := app.facts(t, "reception", c.ID); !f.ReceivedByTransfer || f.Channel != "forwarded" {
		t.Fatalf("facts %+v", f)
	}
	if slices.Contains(c.AvailableEvents, "transfer") {
		t.Errorf("transfer offered: %v", c.AvailableEvents)
	}
	e := app.refuse(t, "reception", c, ev("transfer", "2026-11-21", "target", "Thanh tra tỉnh"),
		http.StatusUnprocessableEntity, "transfer_once")
	if !strings.Contains(e.Message, "05/2021") || !strings.Contains(e.Message, "Điều 14") {
		t.Errorf("message %q does not name TT 05/2021 Art. 14", e.Message)
	}
	// A denunciation received directly is transferred as before.
	d := app.register(t, "reception", letterBody("denunciation", "2026-11-20", "Tố cáo khác"))
	if d = app.fire(t, "reception", d, ev("transfer", "2026-11-21", "target", "Thanh tra tỉnh")); d.State != "transferred" {
		t.Errorf("state %s", d.State)
	}
	t.Run("ChannelMustBeForwarded", func(t *testing.T) {
		status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases",
			letterBody("denunciation", "2026-11-20", "Tố cáo", "received_by_transfer", true, "channel", "post"))
		if e := wantError(t, status, raw, http.StatusBadRequest, "invalid"); e.Field != "channel" {
			t.Errorf("field %q", e.Field)
		}
	})
}

// TestForwarderReplyThroughAPI: 20 cd from receipt (LTC 26(2)); notify with
// to "forwarder" stops it.
func TestForwarderReplyThroughAPI(t *testing.T) {
	app := MustServe(t)
	c := app.register(t, "reception", letterBody("denunciation", "2026-11-10", "Tố cáo do Báo Khánh Hòa chuyển đến",
		"forwarded_by_authority", true, "channel", "forwarded"))
	// Tue 10/11/2026 + 20 cd = Mon 30/11.
	k, ok := clockOfJSON(c, "forwarder_reply")
	if !ok || k.DueOn != "2026-11-30" || k.Unit != "calendar_days" || !strings.Contains(k.Basis, "26(2)") {
		t.Fatalf("forwarder_reply clock %+v (%v)", k, ok)
	}
	c = app.get(t, "head", c.ID)
	if !slices.Contains(c.AvailableEvents, "notify") {
		t.Errorf("notify not offered to the head: %v", c.AvailableEvents)
	}
	e := app.refuse(t, "head", c, ev("notify", "2026-11-20", "to", "press"), http.StatusBadRequest, "invalid")
	if e.Field != "to" {
		t.Errorf("field %q", e.Field)
	}
	c = app.fire(t, "head", c, ev("notify", "2026-11-20", "to", "forwarder"))
	if _, ok := clockOfJSON(c, "forwarder_reply"); ok || slices.Contains(c.AvailableEvents, "notify") {
		t.Errorf("after notifying the forwarder: clocks %v, events %v", c.Clocks, c.AvailableEvents)
	}
	hs := app.history(t, "head", c.ID)
	if !strings.Contains(string(hs[len(hs)-1].Payload), `"to":"forwarder"`) {
		t.Errorf("record %s", hs[len(hs)-1].Payload)
	}
}

// TestDecisionDeliveryThroughAPI: suspension, continuation and termination
// decisions are sent within 5 WD (denunciations, LTC 34(4)) or 3 WD
// (complaints from 01/07/2026, ND 124 Art. 28b); deliver names which.
func TestDecisionDeliveryThroughAPI(t *testing.T) {
	app := MustServe(t)
	d := app.register(t, "reception", letterBody("denunciation", "2026-11-02", "Tố cáo về xây dựng trái phép"))
	d = app.fire(t, "head", d, ev("assign", "2026-11-02", "assignee", "handler"))
	d = app.fire(t, "head", d, ev("accept", "2026-11-03"))
	d = app.fire(t, "head", d, ev("suspend", "2026-11-05"))
	// Thu 05/11 + 5 WD: 06, 09, 10, 11, 12/11.
	if k, ok := clockOfJSON(d, "decision_delivery"); !ok || k.DueOn != "2026-11-12" || !strings.Contains(k.Basis, "34(4)") {
		t.Fatalf("decision_delivery %+v", k)
	}
	if !slices.Contains(d.AvailableEvents, "deliver") {
		t.Errorf("deliver not offered while suspended: %v", d.AvailableEvents)
	}
	app.refuse(t, "head", d, ev("deliver", "2026-11-06", "clock", "resolution"), http.StatusBadRequest, "invalid")
	d = app.fire(t, "head", d, ev("deliver", "2026-11-06", "clock", "decision_delivery"))
	if _, ok := clockOfJSON(d, "decision_delivery"); ok {
		t.Error("decision_delivery still runs after deliver")
	}
	d = app.fire(t, "head", d, ev("resume", "2026-11-16"))
	// Mon 16/11 + 5 WD: 17, 18, 19, 20, 23/11 — overdue by 25/11.
	if k, ok := clockOfJSON(d, "decision_delivery"); !ok || k.DueOn != "2026-11-23" || k.Status != "overdue" {
		t.Errorf("continuation decision clock %+v", k)
	}

	c := app.register(t, "reception", letterBody("complaint", "2026-11-02", "Khiếu nại thu hồi đất", "round", 1))
	c = app.fire(t, "head", c, ev("assign", "2026-11-02", "assignee", "handler"))
	c = app.fire(t, "head", c, ev("accept", "2026-11-03"))
	c = app.fire(t, "head", c, ev("withdraw", "2026-11-20"))
	// Fri 20/11 + 3 WD: 23, 24, 25/11 — due today.
	if k, ok := clockOfJSON(c, "decision_delivery"); c.State != "withdrawn" || !ok || k.DueOn != "2026-11-25" || k.Status != "due_soon" {
		t.Fatalf("withdrawn complaint: %s, %+v", c.State, c.Clocks)
	}
	wantEvents(t, c, "deliver")
	c = app.fire(t, "head", c, ev("deliver", "2026-11-24"))
	wantCase(t, c, "withdrawn", c.Version, "on_track")
	wantEvents(t, c)
}

// settingsJSON is GET|PUT /api/v1/settings/{unit}.
type settingsJSON struct {
	Unit    struct{ Code, Name string }
	InForce struct {
		EffectiveFrom            *string `json:"effective_from"`
		PetitionDays             int     `json:"petition_days"`
		DiscloseRound1Complaints bool    `json:"disclose_round1_complaints"`
	} `json:"in_force"`
	History []struct {
		EffectiveFrom            string `json:"effective_from"`
		PetitionDays             int    `json:"petition_days"`
		DiscloseRound1Complaints bool   `json:"disclose_round1_complaints"`
		SetBy                    string `json:"set_by"`
		SetAt                    string `json:"set_at"`
	} `json:"history"`
}

// TestUnitSettingsThroughAPI: an administrator sets the settings from a day
// on; who and when are recorded; a running clock keeps its length.
func TestUnitSettingsThroughAPI(t *testing.T) {
	app := MustServe(t)
	status, raw := app.Do(t, "admin", http.MethodGet, "/api/v1/settings/KH-UBND", nil)
	if status != http.StatusOK {
		t.Fatalf("GET: %d %s", status, raw)
	}
	s := decode[settingsJSON](t, raw)
	if s.InForce.EffectiveFrom != nil || s.InForce.PetitionDays != 30 || s.InForce.DiscloseRound1Complaints || len(s.History) != 0 {
		t.Fatalf("defaults: %s", raw)
	}
	put := func(login, unit string, body map[string]any) (int, []byte) {
		return app.Do(t, login, http.MethodPut, "/api/v1/settings/"+unit, body)
	}
	if status, raw = put("admin", "KH-UBND", map[string]any{"petition_days": 45}); status != http.StatusOK {
		t.Fatalf("PUT: %d %s", status, raw)
	}
	s = decode[settingsJSON](t, raw)
	if deref(s.InForce.EffectiveFrom) != "2026-11-25" || s.InForce.PetitionDays != 45 || len(s.History) != 1 ||
		s.History[0].SetBy != "admin" || s.History[0].SetAt == "" {
		t.Fatalf("after PUT: %s", raw)
	}
	t.Run("Refusals", func(t *testing.T) {
		for _, tc := range []struct {
			login, unit string
			body        map[string]any
			status      int
			code, field string
		}{
			{"admin", "KH-UBND", map[string]any{"effective_from": "2026-11-24", "petition_days": 20}, 400, "invalid", "effective_from"},
			{"admin", "KH-UBND", map[string]any{"effective_from": "2026-12-01"}, 400, "invalid", "petition_days"},
			{"admin", "KH-UBND", map[string]any{"petition_days": 0}, 400, "invalid", "petition_days"},
			{"head", "KH-UBND", map[string]any{"petition_days": 20}, 403, "forbidden", ""},
			{"admin", "KH", map[string]any{"petition_days": 20}, 403, "forbidden", ""}, // above the admin's unit
			{"admin", "KHONG-CO", map[string]any{"petition_days": 20}, 404, "not_found", ""},
		} {
			status, raw := put(tc.login, tc.unit, tc.body)
			if e := wantError(t, status, raw, tc.status, tc.code); e.Field != tc.field {
				t.Errorf("%s %s %v: field %q, want %q", tc.login, tc.unit, tc.body, e.Field, tc.field)
			}
		}
		if status, raw := app.Do(t, "reception", http.MethodGet, "/api/v1/settings/KH-UBND", nil); status != http.StatusForbidden {
			t.Errorf("reception reads the settings: %d %s", status, raw)
		}
	})
	// A petition accepted today takes 45 days: 25/11 + 45 = Sat 09/01/2027 → Mon 11/01.
	p := app.register(t, "reception", letterBody("petition", "2026-11-20", "Kiến nghị lắp đèn đường"))
	p = app.fire(t, "head", p, ev("assign", "2026-11-25", "assignee", "handler"))
	p = app.fire(t, "head", p, ev("accept", "2026-11-25"))
	if k, _ := clockOfJSON(p, "resolution"); k.Days != 45 || k.DueOn != "2027-01-11" {
		t.Fatalf("petition resolution %+v", k)
	}
	// A change from 01/12 leaves it alone, and applies to what starts from that day.
	if status, raw = put("admin", "KH-UBND", map[string]any{"effective_from": "2026-12-01", "petition_days": 20,
		"disclose_round1_complaints": true}); status != http.StatusOK {
		t.Fatalf("PUT: %d %s", status, raw)
	}
	if s = decode[settingsJSON](t, raw); s.InForce.PetitionDays != 45 || len(s.History) != 2 {
		t.Errorf("in force today after a change from 01/12: %s", raw)
	}
	if k, _ := clockOfJSON(app.get(t, "head", p.ID), "resolution"); k.Days != 45 {
		t.Errorf("running clock changed: %+v", k)
	}
	app.SetToday(t, "2026-12-01")
	q := app.register(t, "reception", letterBody("petition", "2026-11-30", "Kiến nghị sửa cống"))
	q = app.fire(t, "head", q, ev("assign", "2026-12-01", "assignee", "handler"))
	q = app.fire(t, "head", q, ev("accept", "2026-12-01"))
	if k, _ := clockOfJSON(q, "resolution"); k.Days != 20 {
		t.Errorf("petition accepted 01/12: %+v, want 20 days", k)
	}
}

// TestAdminNeverSeesPetitioner: counts and lists, never a petitioner's
// identity (DOMAIN.md §4; ND 154/2026 Art. 12(2)) — a complaint's either.
func TestAdminNeverSeesPetitioner(t *testing.T) {
	app := MustServe(t)
	c := app.register(t, "reception", letterBody("complaint", "2026-11-20", "Khiếu nại bồi thường", "round", 1))
	if got := app.get(t, "head", c.ID); got.Petitioner == nil {
		t.Fatal("the head does not see the complainant")
	}
	status, raw := app.Do(t, "admin", http.MethodGet, casePath(c.ID), nil)
	if status != http.StatusOK {
		t.Fatalf("admin GET: %d", status)
	}
	assertNoSecret(t, "admin's case", raw, "Nguyễn Văn An", "056078001234", "0905000111", "5 Trần Phú")
	for _, path := range []string{"/api/v1/cases?limit=50", casePath(c.ID) + "/history"} {
		_, raw := app.Do(t, "admin", http.MethodGet, path, nil)
		assertNoSecret(t, "admin's "+path, raw, "Nguyễn Văn An", "056078001234")
	}
}
