package handlers

// STYLE.md (Vietnamese text): every input is normalised to NFC at the
// boundary. A name typed decomposed (NFD, as some keyboards and macOS send
// it), precomposed (NFC) or half and half has different bytes but is the same
// name: it must be stored, shown and matched identically.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"petitions/store"
	"petitions/workflow"
)

func TestNFCNameTypedInNFDIsStoredAsNFC(t *testing.T) {
	app := mustServeWeb(t)
	ctx := context.Background()
	token := app.apiToken(t, "head")

	const name = "Nguyễn Thị Hường Đức"
	const subject = "Khiếu nại về việc bồi thường đất ở phường Vĩnh Hải"
	const address = "số 5 đường Lê Thánh Tôn, Nha Trang"
	spellings := map[string]func(string) string{
		"NFC": norm.NFC.String,
		"NFD": norm.NFD.String,
		// ễ as ê + combining tilde: neither NFC nor NFD.
		"mixed": func(s string) string { return strings.ReplaceAll(s, "ễ", "ê\u0303") },
	}
	if !norm.NFC.IsNormalString(name+subject+address) || norm.NFD.String(name) == name || spellings["mixed"](name) == name || norm.NFC.IsNormalString(spellings["mixed"](name)) {
		t.Fatal("the spellings must differ in bytes")
	}

	api := func(method, path string, body any) (int, []byte) {
		t.Helper()
		raw, _ := json.Marshal(body)
		req, _ := http.NewRequest(method, app.URL+path, bytes.NewReader(raw))
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return res.StatusCode, []byte(readBody(t, res))
	}
	type petitionerOut struct {
		Name, Address string
	}
	type caseOut struct {
		ID         int64
		Version    int
		Subject    string
		Petitioner *petitionerOut
	}
	ids := map[string]int64{}
	for how, spell := range spellings {
		status, raw := api(http.MethodPost, "/api/v1/cases", map[string]any{"kind": "complaint", "round": 1,
			"received_on": "2026-11-20", "subject": spell(subject), "content": spell("Nội dung: " + subject),
			"petitioner": map[string]string{"name": spell(name), "id_number": "056190001234", "address": spell(address)}})
		if status != http.StatusCreated {
			t.Fatalf("register with the name in %s: status %d: %s", how, status, raw)
		}
		var created caseOut
		if err := json.Unmarshal(raw, &created); err != nil {
			t.Fatal(err)
		}
		ids[how] = created.ID

		// The head reads the case back: the same bytes whatever was typed.
		status, raw = api(http.MethodGet, fmt.Sprintf("/api/v1/cases/%d", created.ID), nil)
		var got caseOut
		if status != http.StatusOK || json.Unmarshal(raw, &got) != nil || got.Petitioner == nil {
			t.Fatalf("head reads the case typed in %s: status %d: %s", how, status, raw)
		}
		for field, pair := range map[string][2]string{"petitioner.name": {got.Petitioner.Name, name},
			"petitioner.address": {got.Petitioner.Address, address}, "subject": {got.Subject, subject}} {
			if pair[0] != pair[1] {
				t.Errorf("typed in %s, %s is stored as %+q, want the NFC %+q", how, field, pair[0], pair[1])
			}
		}

		// An act's note typed in the same spelling is recorded in NFC too.
		status, raw = api(http.MethodPost, fmt.Sprintf("/api/v1/cases/%d/events", created.ID),
			map[string]any{"event": "note", "version": got.Version, "note": spell("Đã liên hệ ông Đức")})
		if status != http.StatusOK {
			t.Fatalf("note typed in %s: status %d: %s", how, status, raw)
		}
		hs, err := app.Store.History(ctx, created.ID)
		if err != nil {
			t.Fatal(err)
		}
		var p struct{ Note string }
		if err := json.Unmarshal(hs[len(hs)-1].Payload, &p); err != nil || p.Note != "Đã liên hệ ông Đức" {
			t.Errorf("note typed in %s recorded as %+q, want NFC", how, p.Note)
		}
	}

	// Repeats are matched through a keyed hash of the name: the three letters
	// are one person's, so a new letter in NFC finds all three.
	head, err := app.Store.UserByLogin(ctx, "head")
	if err != nil {
		t.Fatal(err)
	}
	v, err := app.Store.Viewer(ctx, head)
	if err != nil {
		t.Fatal(err)
	}
	repeats, err := app.Store.FindRepeats(ctx, v, store.Petitioner{Name: name}, subject)
	if err != nil {
		t.Fatal(err)
	}
	found := map[int64]bool{}
	for _, r := range repeats {
		found[r.CaseID] = true
	}
	for how, id := range ids {
		if !found[id] {
			t.Errorf("the letter typed in %s (case %d) is not found as a repeat of the same name in NFC: %+v", how, id, repeats)
		}
	}

	// The desk form: a name typed in NFD is shown in NFC on the receipt.
	b := app.newBrowser(t, "reception")
	res, body := b.post("/tiep-nhan", url.Values{"csrf": {b.csrf("/tiep-nhan")}, "kind": {"petition"}, "channel": {"walk_in"},
		"received_on": {"24/11/2026"}, "subject": {norm.NFD.String("Kiến nghị về đèn đường")}, "name": {norm.NFD.String(name)},
		"signatories": {"1"}, "complexity": {"normal"}, "confirm_repeat": {"1"}})
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/bien-nhan/") {
		t.Fatalf("desk with an NFD name: status %d, Location %q\n%s", res.StatusCode, res.Header.Get("Location"), body)
	}
	_, receipt := b.get(res.Header.Get("Location"))
	if !strings.Contains(receipt, name) || strings.Contains(receipt, norm.NFD.String(name)) {
		t.Errorf("the receipt of a name typed in NFD does not show it in NFC")
	}
	var id int64
	fmt.Sscanf(res.Header.Get("Location"), "/bien-nhan/%d", &id)
	cs, err := app.Store.Case(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	p, ok, err := app.Store.Petitioner(ctx, v, cs, "test")
	if err != nil || !ok || p.Name != name || cs.Subject != "Kiến nghị về đèn đường" || cs.Kind != workflow.Petition {
		t.Errorf("desk stored name %+q, subject %+q (ok %v, err %v); want NFC", p.Name, cs.Subject, ok, err)
	}
}
