package handlers_test

// Correcting a registration through the API (issue 13 §3), and the rules of
// a round-2 complaint's round-1 case and of a duplicate's original (§4).

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"petitions/store"
)

// correctBody builds a correct act: correctBody("Nhập nhầm", "subject", "…").
func correctBody(reason string, kv ...any) map[string]any {
	return ev("correct", "", append([]any{"reason", reason}, kv...)...)
}

// lastRecord is the case's last history record as login reads it, with its payload decoded.
func (a *App) lastRecord(tb testing.TB, login string, id int64) (historyJSON, map[string]any, []byte) {
	tb.Helper()
	status, raw := a.Do(tb, login, http.MethodGet, casePath(id)+"/history", nil)
	if status != http.StatusOK {
		tb.Fatalf("history as %s: status %d: %s", login, status, raw)
	}
	hs := a.history(tb, login, id)
	h := hs[len(hs)-1]
	return h, decode[map[string]any](tb, h.Payload), raw
}

// repeats lists the cases FindRepeats matches for login with this petitioner.
func (a *App) repeats(tb testing.TB, login string, p store.Petitioner) []int64 {
	tb.Helper()
	ctx := context.Background()
	u, err := a.Store.UserByLogin(ctx, login)
	if err != nil {
		tb.Fatal(err)
	}
	v, err := a.Store.Viewer(ctx, u)
	if err != nil {
		tb.Fatal(err)
	}
	found, err := a.Store.FindRepeats(ctx, v, p, "Khiếu nại quyết định thu hồi đất")
	if err != nil {
		tb.Fatal(err)
	}
	var ids []int64
	for _, r := range found {
		ids = append(ids, r.CaseID)
	}
	return ids
}

func TestCorrectARegistrationThroughTheAPI(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-10-05")
	c := app.register(t, "reception", letterBody("complaint", "2026-10-01", "Khiếu nại quyết định thu hồi đất"))
	wantCase(t, c, "received", 1, "on_track", "acceptance 2026-10-01+7wd=2026-10-12", "processing 2026-10-01+10wd=2026-10-15")
	if !slices.Contains(c.AvailableEvents, "correct") {
		t.Fatalf("reception is not offered correct: %v", c.AvailableEvents)
	}

	t.Run("NameAndIDNumberAndRepeatsFollowThem", func(t *testing.T) {
		old := store.Petitioner{Name: "Nguyễn Văn An", IDNumber: "056078001234"}
		if got := app.repeats(t, "reception", store.Petitioner{IDNumber: old.IDNumber}); !slices.Contains(got, c.ID) {
			t.Fatalf("before: the old ID number does not find the case: %v", got)
		}
		var raw []byte
		c, raw = app.fireRaw(t, "reception", c, correctBody("Nhập nhầm họ tên và số CCCD",
			"petitioner", map[string]any{"name": "Nguyễn Văn Ân", "id_number": "056078009999"}))
		if c.Version != 2 || c.Petitioner == nil || c.Petitioner.Name != "Nguyễn Văn Ân" || c.Petitioner.IDNumber != "056078009999" ||
			c.Petitioner.Phone != "0905000111" {
			t.Errorf("after: %s", raw)
		}
		newID := app.repeats(t, "reception", store.Petitioner{IDNumber: "056078009999"})
		oldID := app.repeats(t, "reception", store.Petitioner{IDNumber: old.IDNumber})
		newName := app.repeats(t, "reception", store.Petitioner{Name: "Nguyen Van An"}) // folded: Ân and An fold alike
		if !slices.Contains(newID, c.ID) || slices.Contains(oldID, c.ID) || !slices.Contains(newName, c.ID) {
			t.Errorf("repeats: new ID %v, old ID %v, name %v; want the case under the new values only", newID, oldID, newName)
		}
		h, p, _ := app.lastRecord(t, "reception", c.ID)
		if h.Event != "correct" || h.FromState != "received" || h.ToState != "received" || p["reason"] != "Nhập nhầm họ tên và số CCCD" {
			t.Errorf("record %+v payload %v", h, p)
		}
		id, _ := p["petitioner"].(map[string]any)
		before, _ := id["before"].(map[string]any)
		after, _ := id["after"].(map[string]any)
		if before["name"] != "Nguyễn Văn An" || before["id_number"] != "056078001234" || after["name"] != "Nguyễn Văn Ân" ||
			after["id_number"] != "056078009999" || len(before) != 2 {
			t.Errorf("reception reads the identity before %v after %v", before, after)
		}
		if _, sealed := p["petitioner_sealed"]; sealed {
			t.Error("the sealed blob is shown")
		}
		// At rest, the record holds no identity in clear.
		hs, err := app.Store.History(context.Background(), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		stored := hs[len(hs)-1].Payload
		if bytes.Contains(stored, []byte("056078009999")) || bytes.Contains(stored, []byte("Ân")) || !bytes.Contains(stored, []byte("petitioner_sealed")) {
			t.Errorf("stored payload %s", stored)
		}
	})

	t.Run("ReceivedDateRecountsTheClocks", func(t *testing.T) {
		c = app.fire(t, "head", c, correctBody("Đơn nhận ngày 30/09, nhập nhầm", "received_on", "2026-09-30", "subject", "Khiếu nại quyết định thu hồi đất số 12"))
		wantCase(t, c, "received", 3, "on_track", "acceptance 2026-09-30+7wd=2026-10-09", "processing 2026-09-30+10wd=2026-10-14")
		if c.ReceivedOn != "2026-09-30" || c.MatterStartedOn != "2026-09-30" {
			t.Errorf("received %s matter %s", c.ReceivedOn, c.MatterStartedOn)
		}
		_, p, _ := app.lastRecord(t, "head", c.ID)
		want := `[{"clock":"processing","new_due_on":"2026-10-14","old_due_on":"2026-10-15"},{"clock":"acceptance","new_due_on":"2026-10-09","old_due_on":"2026-10-12"}]`
		if got, _ := json.Marshal(p["recounted"]); string(got) != want {
			t.Errorf("recounted %s, want %s", got, want)
		}
		if got, _ := json.Marshal([]any{p["before"], p["after"]}); string(got) != `[{"received_on":"2026-10-01","subject":"Khiếu nại quyết định thu hồi đất"},{"received_on":"2026-09-30","subject":"Khiếu nại quyết định thu hồi đất số 12"}]` {
			t.Errorf("before, after: %s", got)
		}
	})

	t.Run("Refusals", func(t *testing.T) {
		app.refuse(t, "reception", c, correctBody("x", "subject", "Mới", "version", 1), http.StatusConflict, "conflict")
		app.refuse(t, "reception", c, correctBody("", "subject", "Mới"), http.StatusBadRequest, "invalid")
		app.refuse(t, "reception", c, correctBody("Không đổi gì"), http.StatusBadRequest, "invalid")
		app.refuse(t, "reception", c, correctBody("Ngày", "received_on", "2026-10-06"), http.StatusBadRequest, "invalid")
		app.refuse(t, "reception", c, correctBody("Kênh", "forwarded_by", "Báo Khánh Hòa"), http.StatusBadRequest, "invalid")
		app.refuse(t, "reception", c, correctBody("Kênh", "channel", "fax"), http.StatusBadRequest, "invalid")
		app.refuse(t, "supervisor", c, correctBody("Giám sát", "subject", "Mới"), http.StatusForbidden, "forbidden")
		c = app.fire(t, "head", c, ev("assign", "2026-10-05", "assignee", "handler"))
		app.refuse(t, "handler", c, correctBody("Chuyên viên", "subject", "Mới"), http.StatusForbidden, "forbidden")
		// A date after the first act (the first correction, on 05/10) would put the acts out of order.
		app.SetToday(t, "2026-10-07")
		e := app.refuse(t, "reception", c, correctBody("Ngày", "received_on", "2026-10-06"), http.StatusBadRequest, "invalid")
		if e.Field != "received_on" || !strings.Contains(e.Message, "05/10/2026") {
			t.Errorf("%+v", e)
		}
		c = app.fire(t, "head", c, ev("accept", "2026-10-05"))
		e = app.refuse(t, "reception", c, correctBody("Loại", "kind", "petition"), http.StatusUnprocessableEntity, "correction_after_acceptance")
		if e.Field != "kind" {
			t.Errorf("field %q", e.Field)
		}
	})

	t.Run("ForwardedLetterNamesItsForwarder", func(t *testing.T) {
		c = app.fire(t, "reception", c, correctBody("Đơn do Báo Khánh Hòa chuyển đến", "channel", "forwarded", "forwarded_by", "Báo Khánh Hòa"))
		status, raw := app.Do(t, "reception", http.MethodGet, casePath(c.ID), nil)
		if status != http.StatusOK || !bytes.Contains(raw, []byte(`"forwarded_by":"Báo Khánh Hòa"`)) || !bytes.Contains(raw, []byte(`"channel":"forwarded"`)) {
			t.Errorf("case %s", raw)
		}
	})

	t.Run("RegistrationTakesForwardedBy", func(t *testing.T) {
		body := letterBody("denunciation", "2026-10-02", "Tố cáo do báo chuyển đến", "channel", "forwarded", "forwarded_by", "Báo Tuổi Trẻ")
		status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases", body)
		if status != http.StatusCreated || !bytes.Contains(raw, []byte(`"forwarded_by":"Báo Tuổi Trẻ"`)) {
			t.Errorf("status %d: %s", status, raw)
		}
		body = letterBody("petition", "2026-10-02", "Kiến nghị", "forwarded_by", "Báo Tuổi Trẻ")
		status, raw = app.Do(t, "reception", http.MethodPost, "/api/v1/cases", body)
		wantError(t, status, raw, http.StatusBadRequest, "invalid")
	})
}

func anyStrings(v any) []string {
	xs, _ := v.([]any)
	var out []string
	for _, x := range xs {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// A handler works on a denunciation with the denouncer's identity removed
// (LTC 2018 Art. 56): a correction of that identity stays out of what they read.
func TestCorrectADenouncerKeepsTheSecret(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-10-05")
	body := letterBody("denunciation", "2026-10-01", "Tố cáo cán bộ địa chính")
	body["petitioner"] = map[string]string{"name": "Trần Thị Bí Mạt", "id_number": "079123456780", "phone": "0905123456"}
	c := app.register(t, "reception", body)
	c = app.fire(t, "head", c, ev("assign", "2026-10-02", "assignee", "handler"))
	c = app.fire(t, "reception", c, correctBody("Sai chính tả họ tên và số CCCD",
		"petitioner", map[string]any{"name": secretName, "id_number": secretID}))
	if c.Petitioner == nil || c.Petitioner.Name != secretName {
		t.Fatalf("the registering officer does not see the corrected denouncer: %+v", c.Petitioner)
	}
	for _, login := range []string{"handler", "supervisor", "admin", "head.kh", "reception2"} {
		_, p, raw := app.lastRecord(t, login, c.ID)
		assertNoSecret(t, login+"'s history", raw, secretName, "Trần Thị Bí Mạt", secretID, "079123456780")
		if _, ok := p["petitioner"]; ok {
			t.Errorf("%s reads the identity in the history: %v", login, p)
		}
	}
	app.secretKept(t, c, true)
	reads, _ := app.Store.IdentityReads(context.Background(), c.ID)
	_, p, _ := app.lastRecord(t, "head", c.ID)
	if id, _ := p["petitioner"].(map[string]any); id == nil {
		t.Errorf("the head of the unit does not see the corrected identity: %v", p)
	}
	if after, _ := app.Store.IdentityReads(context.Background(), c.ID); after <= reads {
		t.Errorf("the head's read of the history was not recorded (%d → %d)", reads, after)
	}
	// Who may not see the denouncer may not change them either, and is not told who they are.
	e := app.refuse(t, "reception2", c, correctBody("Sửa", "petitioner", map[string]any{"phone": "0900000000"}),
		http.StatusForbidden, "identity_not_visible")
	assertNoSecret(t, "the refusal", []byte(e.Message), secretName, secretID)
}

func TestRoundTwoPriorCaseRules(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-11-20")
	person := func(name, id string) map[string]string {
		return map[string]string{"name": name, "id_number": id}
	}
	r1 := func(login, received string, kv ...any) caseJSON {
		return app.register(t, login, letterBody("complaint", received, "Khiếu nại quyết định thu hồi đất", append([]any{"round", 1}, kv...)...))
	}
	decided := r1("reception", "2026-09-01")
	decided = app.fire(t, "head", decided, ev("assign", "2026-09-02", "assignee", "handler"))
	decided = app.fire(t, "head", decided, ev("accept", "2026-09-03"))
	decided = app.fire(t, "head", decided, ev("resolve", "2026-10-01", "outcome", "wrong", "summary", "Khiếu nại sai"))
	undecided := r1("reception", "2026-11-02")
	commune := r1("reception.nt", "2026-06-01") // long past its deadline, but out of reception's reach
	petition := app.register(t, "reception", letterBody("petition", "2026-06-01", "Kiến nghị"))
	other := r1("reception", "2026-06-02", "petitioner", person("Lê Thị Khác", "056000000001"))
	other = app.fire(t, "head", other, ev("assign", "2026-06-03", "assignee", "handler"))
	other = app.fire(t, "head", other, ev("accept", "2026-06-04"))
	other = app.fire(t, "head", other, ev("resolve", "2026-06-20", "outcome", "wrong", "summary", "Khiếu nại sai"))

	round2 := func(prior int64, kv ...any) map[string]any {
		return letterBody("complaint", "2026-11-19", "Khiếu nại lần hai", append([]any{"round", 2, "prior_case_id", prior}, kv...)...)
	}
	var unknownMsg string
	for _, tc := range []struct {
		name string
		body map[string]any
		code string
	}{
		{"UnknownCase", round2(999999), "prior_case_unknown"},
		{"CaseOutOfReach", round2(commune.ID), "prior_case_unknown"},
		{"NotAComplaint", round2(petition.ID), "prior_case_not_round_one"},
		{"AnotherComplainant", round2(other.ID), "prior_case_other_complainant"},
		{"RoundOneUndecidedAndInTime", round2(undecided.ID), "prior_case_undecided"},
		{"RoundOneLetterNamesAPrior", letterBody("complaint", "2026-11-19", "Khiếu nại", "round", 1, "prior_case_id", decided.ID), "prior_case_round"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases", tc.body)
			e := wantError(t, status, raw, http.StatusUnprocessableEntity, tc.code)
			if e.Field != "prior_case_id" {
				t.Errorf("field %q", e.Field)
			}
			if tc.code == "prior_case_unknown" {
				if unknownMsg != "" && e.Message != unknownMsg {
					t.Errorf("a case out of reach answers %q, a missing one %q", e.Message, unknownMsg)
				}
				unknownMsg = e.Message
			}
		})
	}
	var c caseJSON
	t.Run("DecidedRoundOneOfTheSameComplainant", func(t *testing.T) {
		c = app.register(t, "reception", round2(decided.ID))
		if deref(c.PriorCaseID) != decided.ID || c.MatterStartedOn != "2026-09-01" {
			t.Errorf("prior %v matter %s", deref(c.PriorCaseID), c.MatterStartedOn)
		}
		// The head of the agency above reads the commune's case, whose deadline passed long ago.
		h := app.register(t, "head", round2(commune.ID))
		if deref(h.PriorCaseID) != commune.ID {
			t.Errorf("prior %v", deref(h.PriorCaseID))
		}
	})
	t.Run("CorrectionIsHeldToTheSameRules", func(t *testing.T) {
		app.refuse(t, "reception", c, correctBody("Nhầm hồ sơ lần đầu", "prior_case_id", undecided.ID), http.StatusUnprocessableEntity, "prior_case_undecided")
		app.refuse(t, "reception", c, correctBody("Nhầm hồ sơ lần đầu", "prior_case_id", commune.ID), http.StatusUnprocessableEntity, "prior_case_unknown")
		app.refuse(t, "reception", c, correctBody("Nhầm người", "petitioner", map[string]any{"name": "Lê Thị Khác", "id_number": "056000000001"}),
			http.StatusUnprocessableEntity, "prior_case_other_complainant")
		// Round 1 after all: the link goes with it.
		n := app.fire(t, "reception", c, correctBody("Là khiếu nại lần đầu", "round", 1))
		if deref(n.Round) != 1 || n.PriorCaseID != nil || n.MatterStartedOn != "2026-11-19" {
			t.Errorf("round %v prior %v matter %s", deref(n.Round), deref(n.PriorCaseID), n.MatterStartedOn)
		}
		n = app.fire(t, "reception", n, correctBody("Đúng là lần hai", "round", 2, "prior_case_id", decided.ID))
		if deref(n.Round) != 2 || deref(n.PriorCaseID) != decided.ID || n.MatterStartedOn != "2026-09-01" {
			t.Errorf("round %v prior %v matter %s", deref(n.Round), deref(n.PriorCaseID), n.MatterStartedOn)
		}
	})
}

// A duplicate is filed against an original the officer may read; a case out
// of reach is answered exactly as one that does not exist (issue 13 §4).
func TestRoundTwoAndDuplicatesNeverProbeOutOfReach(t *testing.T) {
	app := MustServe(t)
	app.SetToday(t, "2026-11-20")
	far := app.register(t, "reception.nt", letterBody("petition", "2026-11-18", "Kiến nghị của phường"))
	mine := app.register(t, "reception", letterBody("petition", "2026-11-18", "Kiến nghị"))
	dup := app.register(t, "reception", letterBody("petition", "2026-11-19", "Kiến nghị lần nữa"))
	missing := app.refuse(t, "reception", dup, ev("file", "2026-11-20", "reason_code", "DUPLICATE", "duplicate_of", 999999), http.StatusBadRequest, "invalid")
	unreadable := app.refuse(t, "reception", dup, ev("file", "2026-11-20", "reason_code", "DUPLICATE", "duplicate_of", far.ID), http.StatusBadRequest, "invalid")
	if missing != unreadable || missing.Field != "duplicate_of" {
		t.Errorf("missing %+v, unreadable %+v: want the same answer", missing, unreadable)
	}
	dup = app.fire(t, "reception", dup, ev("file", "2026-11-20", "reason_code", "DUPLICATE", "duplicate_of", mine.ID))
	if dup.State != "filed" {
		t.Errorf("state %s", dup.State)
	}
}
