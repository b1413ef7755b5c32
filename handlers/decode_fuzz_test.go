package handlers

// Fuzzing the two JSON bodies officials send most: a new letter (POST
// /api/v1/cases) and an act on a case (POST /api/v1/cases/{id}/events),
// through the real router. Whatever the body, the answer is never a 5xx
// (API.md: "Never a 500 for bad input"), every refusal has API.md's error
// shape, and an accepted body comes back as it was sent.
//
//	go test ./handlers -run=NONE -fuzz=FuzzCreateCaseBody -fuzztime=30s
//	go test ./handlers -run=NONE -fuzz=FuzzEventBody -fuzztime=30s

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/text/unicode/norm"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// fuzzApp is the real router over a store in a temp dir, built once per fuzz
// target (per worker process), with an API token for the head of KH-UBND.
type fuzzApp struct {
	h     http.Handler
	store *store.Store
	token string
	users map[string]store.User
	today workflow.Date
	logs  *fuzzLog
}

// fuzzLog keeps the server's log lines of the current iteration, to show with a failure.
type fuzzLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *fuzzLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buf.Len() > 64<<10 {
		l.buf.Reset()
	}
	return l.buf.Write(p)
}

func (l *fuzzLog) take() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.buf.String()
	l.buf.Reset()
	return s
}

func newFuzzApp(f *testing.F) *fuzzApp {
	f.Helper()
	ctx := context.Background()
	logs := &fuzzLog{}
	prev := slog.Default()
	out, flags, prefix := log.Writer(), log.Flags(), log.Prefix()
	slog.SetDefault(slog.New(slog.NewTextHandler(logs, nil))) // one request line per iteration would flood the terminal
	f.Cleanup(func() {
		slog.SetDefault(prev)
		log.SetOutput(out)
		log.SetFlags(flags)
		log.SetPrefix(prefix)
	})
	s := storetest.Open(f, store.WithPasswordCost(bcrypt.MinCost))
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	s.Now = func() time.Time { return now }
	for _, u := range [][4]string{{"KH", "Tỉnh Khánh Hòa", "province", ""}, {"KH-UBND", "UBND tỉnh Khánh Hòa", "agency", "KH"}} {
		if _, err := s.CreateUnit(ctx, u[0], u[1], u[2], u[3]); err != nil {
			f.Fatal(err)
		}
	}
	a := &fuzzApp{store: s, users: map[string]store.User{}, today: s.Today(), logs: logs}
	for _, u := range [][3]string{{"head", "Nguyễn Văn Trưởng", "head"}, {"handler", "Phạm Văn Xử", "handler"},
		{"reception", "Lê Thị Tiếp", "reception"}} {
		usr, err := s.CreateUser(ctx, u[0], u[1], workflow.Role(u[2]), "KH-UBND", "demo")
		if err != nil {
			f.Fatal(err)
		}
		a.users[u[0]] = usr
	}
	var err error
	if a.token, err = s.CreateToken(ctx, a.users["head"].ID); err != nil {
		f.Fatal(err)
	}
	if a.h, err = New(s); err != nil {
		f.Fatal(err)
	}
	return a
}

// do sends one request as the head.
func (a *fuzzApp) do(method, path string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+a.token)
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}

// checkAnswer asserts the properties every answer has: no 5xx, and a 4xx
// with {"error":{"code","message"}} (API.md: Auth and errors).
func (a *fuzzApp) checkAnswer(t *testing.T, what string, body []byte, rec *httptest.ResponseRecorder) {
	t.Helper()
	if rec.Code >= 500 {
		t.Fatalf("%s %q: status %d: %s\nserver log:\n%s", what, body, rec.Code, rec.Body, a.logs.take())
	}
	if rec.Code < 400 {
		return
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s %q: a %d as %q, want JSON", what, body, rec.Code, ct)
	}
	var out struct {
		Error *struct {
			Code    *string `json:"code"`
			Message *string `json:"message"`
		} `json:"error"`
	}
	err := json.Unmarshal(rec.Body.Bytes(), &out)
	if err != nil || out.Error == nil || out.Error.Code == nil || *out.Error.Code == "" ||
		out.Error.Message == nil || *out.Error.Message == "" {
		t.Fatalf("%s %q: a %d without {\"error\":{\"code\",\"message\"}}: %s", what, body, rec.Code, rec.Body)
	}
}

// fuzzCreateSeeds are valid letters of every kind and bodies built to break the decoder.
var fuzzCreateSeeds = []string{
	`{"kind":"complaint","round":1,"prior_case_id":null,"channel":"walk_in","received_on":"2026-11-20","subject":"Khiếu nại về bồi thường đất","content":"Yêu cầu xem xét lại quyết định bồi thường.","petitioner":{"name":"Nguyễn Văn An","id_number":"056078001234","phone":"0905000111","address":"Nha Trang"},"anonymous":false,"signatories":1,"remote_area":false,"complexity":"normal"}`,
	`{"kind":"denunciation","channel":"post","received_on":"2026-11-02","subject":"Tố cáo cán bộ nhận tiền","petitioner":{"name":"Trần Thị Bí Mật","id_number":"079123456789"}}`,
	`{"kind":"petition","subject":"Kiến nghị sửa đường","anonymous":true,"signatories":12,"remote_area":true,"complexity":"complex"}`,
	`{"kind":"dialogue","channel":"online","subject":"Đề nghị đối thoại","petitioner":{"name":"Lê Văn Bình"},"complexity":"especially_complex"}`,
	`{"kind":"complaint","round":2,"prior_case_id":1,"subject":"Khiếu nại lần hai","petitioner":{"name":"Nguyễn Văn An"}}`,
	`{"kind":"denunciation","anonymous":true,"subject":"Tố cáo nặc danh"}`,
	// wrong types
	`{"kind":1,"subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":["complaint"],"subject":"x"}`,
	`{"kind":"complaint","round":"1","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","anonymous":"yes","subject":"x"}`,
	`{"kind":"petition","subject":{"vi":"x"},"petitioner":{"name":"A B"}}`,
	`{"kind":"petition","subject":"x","petitioner":"Nguyễn Văn An"}`,
	`{"kind":"petition","subject":"x","petitioner":{"name":["A","B"]}}`,
	`{"kind":"petition","subject":"x","petitioner":{"name":"A B"},"received_on":20261120}`,
	// huge numbers
	`{"kind":"complaint","round":1e400,"subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"complaint","round":9223372036854775808,"subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"complaint","round":-9223372036854775808,"subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"complaint","round":2,"prior_case_id":9223372036854775807,"subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"complaint","round":2,"prior_case_id":-1,"subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","signatories":9223372036854775807,"subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","signatories":-5,"subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","signatories":1.5,"subject":"x","petitioner":{"name":"A B"}}`,
	// dates
	`{"kind":"petition","received_on":"2026-02-30","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","received_on":"2026-13-01","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","received_on":"2099-01-01","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","received_on":"0000-01-01","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","received_on":"0001-01-02","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","received_on":"1899-12-31","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","received_on":"26/11/2026","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","received_on":"2026-11-20T10:00:00+07:00","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","received_on":"","subject":"x","petitioner":{"name":"A B"}}`,
	// nested junk and broken JSON
	`{"kind":"petition","subject":"x","petitioner":{"name":"A B","extra":{"a":[1,[2,{"b":null}]]}},"zzz":[[[[[]]]]]}`,
	`[[[[[[[[[[]]]]]]]]]]`, `null`, ``, `{}`, `"complaint"`, `{"kind":"petition",}`, `{"kind":"petition"`,
	`{"kind":"petition","subject":"x","petitioner":{"name":"A B"}} {"kind":"complaint"}`,
	`{"kind":"petition","kind":"complaint","round":1,"subject":"x","petitioner":{"name":"A B"}}`,
	`{"KIND":"petition","Subject":"x","PETITIONER":{"NAME":"A B"}}`,
	"\ufeff{\"kind\":\"petition\",\"subject\":\"x\",\"petitioner\":{\"name\":\"A B\"}}",
	`{"kind":"petition","channel":"fax","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","complexity":"extreme","subject":"x","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","subject":"   ","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","subject":"x","petitioner":{"name":"   "}}`,
	`{"kind":"petition","subject":"` + strings.Repeat("Đơn ", 130) + `","petitioner":{"name":"A B"}}`,
	`{"kind":"petition","subject":"x","petitioner":{"name":"A B","id_number":"` + strings.Repeat("9", 33) + `"}}`,
	// invalid UTF-8, lone surrogates, control characters, NFD
	"{\"kind\":\"petition\",\"subject\":\"\xff\xfe\xfd\",\"petitioner\":{\"name\":\"A\xc3 B\"}}",
	`{"kind":"petition","subject":"\ud800\udc00\ud800","petitioner":{"name":"A\u0000B C"}}`,
	`{"kind":"petition","subject":"` + norm.NFD.String("Khiếu nại về bồi thường") + `","petitioner":{"name":"` + norm.NFD.String("Nguyễn Văn Đức") + `"}}`,
	`{"kind":"petition","subject":"x\u202e\u200b","petitioner":{"name":"e\u0301\u0301\u0301\u0301 B"}}`,
}

func FuzzCreateCaseBody(f *testing.F) {
	app := newFuzzApp(f)
	for _, s := range fuzzCreateSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		app.logs.take()
		rec := app.do(http.MethodPost, "/api/v1/cases", body)
		app.checkAnswer(t, "POST /api/v1/cases", body, rec)
		if rec.Code >= 300 {
			return
		}
		if rec.Code != http.StatusCreated {
			t.Fatalf("%q: status %d, want 201 for a new case", body, rec.Code)
		}
		got := fuzzCaseOf(t, body, rec)
		if !got.Kind.Valid() || got.State != workflow.Received || got.Version != 1 || got.ID <= 0 || got.TrackingCode == "" {
			t.Fatalf("%q: created %+v; want a valid kind, state received, version 1", body, got)
		}
		// The body as the API read it, normalised as at the boundary: what was stored must be exactly that.
		var in createCaseBody
		if err := json.Unmarshal(body, &in); err != nil {
			t.Fatalf("%q was accepted but does not decode: %v", body, err)
		}
		if err := in.normalise(); err != nil {
			t.Fatalf("%q was accepted but does not normalise: %v", body, err)
		}
		received := in.ReceivedOn
		if received.IsZero() {
			received = app.today
		}
		want := map[string][2]any{
			"kind":        {got.Kind, in.Kind},
			"subject":     {got.Subject, in.Subject},
			"content":     {got.Content, in.Content},
			"received_on": {got.ReceivedOn, received.String()},
			"anonymous":   {got.Anonymous, in.Anonymous},
			"remote_area": {got.RemoteArea, in.RemoteArea},
			"signatories": {got.Signatories, max(in.Signatories, 1)},
			"channel":     {got.Channel, in.Channel},
		}
		if in.Complexity != "" {
			want["complexity"] = [2]any{got.Complexity, in.Complexity}
		}
		if in.Kind == workflow.Complaint {
			want["round"] = [2]any{fuzzDeref(got.Round), in.Round}
		}
		if got.Petitioner == nil {
			t.Fatalf("%q: the head who registered it does not see the petitioner", body)
		}
		want["petitioner"] = [2]any{*got.Petitioner, in.Petitioner}
		for field, w := range want {
			if !reflect.DeepEqual(w[0], w[1]) {
				t.Errorf("%q: %s stored as %#v, sent %#v", body, field, w[0], w[1])
			}
		}
		// DOMAIN.md §3: every letter has its processing clock (reply within 10 WD, LTCD 28(1)).
		if !fuzzHasClock(got, workflow.ClockProcessing) {
			t.Errorf("%q: registered without a processing clock: clocks %+v, status %s", body, got.Clocks, got.Status)
		}
		for field, s := range map[string]string{"subject": got.Subject, "content": got.Content, "name": got.Petitioner.Name,
			"address": got.Petitioner.Address} {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
				t.Errorf("%q: %s %q is not valid NFC text", body, field, s)
			}
		}
		// Read back: the same case.
		back := app.do(http.MethodGet, fmt.Sprintf("/api/v1/cases/%d", got.ID), nil)
		if back.Code != http.StatusOK {
			t.Fatalf("GET the new case %d: status %d: %s", got.ID, back.Code, back.Body)
		}
		if again := fuzzCaseOf(t, body, back); !reflect.DeepEqual(again, got) {
			t.Fatalf("%q: read back as\n%+v\nbut created as\n%+v", body, again, got)
		}
	})
}

func fuzzHasClock(c caseView, name workflow.ClockName) bool {
	for _, k := range c.Clocks {
		if k.Name == name {
			return true
		}
	}
	return false
}

func fuzzCaseOf(t *testing.T, body []byte, rec *httptest.ResponseRecorder) caseView {
	t.Helper()
	var c caseView
	if err := json.Unmarshal(rec.Body.Bytes(), &c); err != nil {
		t.Fatalf("%q: a %d whose body is not a case: %v: %s", body, rec.Code, err, rec.Body)
	}
	return c
}

func fuzzDeref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// fuzzScratch is a case the event fuzzer acts on, kept at one stage of its life.
type fuzzScratch struct {
	kind  workflow.Kind
	stage workflow.State // received, assigned or in_resolution
	c     store.Case
}

var (
	fuzzStages = []workflow.State{workflow.Received, workflow.Assigned, workflow.InResolution}
	fuzzKinds  = []workflow.Kind{workflow.Complaint, workflow.Denunciation, workflow.Petition, workflow.Dialogue}
)

// fuzzScratchIndex is the scratch case of a kind at a stage (the seeds' first argument).
func fuzzScratchIndex(stage, kind int) uint8 { return uint8(stage*len(fuzzKinds) + kind) }

// newScratch registers a letter received on 20/11 and brings it to its stage:
// assigned to handler on 23/11, accepted on 24/11 (today is 25/11).
func (a *fuzzApp) newScratch(t testing.TB, kind workflow.Kind, stage workflow.State) store.Case {
	ctx := context.Background()
	in := store.NewCase{Subject: "Đơn thử", Content: "Nội dung", Petitioner: store.Petitioner{Name: "Nguyễn Văn An", IDNumber: "056078001234"},
		Intake: workflow.Intake{Kind: kind, Channel: "walk_in", ReceivedOn: workflow.MustDate("2026-11-20")}}
	if kind == workflow.Complaint {
		in.Intake.Round = 1
	}
	c, err := a.store.CreateCase(ctx, a.users["reception"], in)
	if err != nil {
		t.Fatal(err)
	}
	head := a.users["head"]
	if stage == workflow.Received {
		return c
	}
	if c, _, err = a.store.ApplyEvent(ctx, head, workflow.Viewer{}, c, c.Version, workflow.Input{Event: workflow.EvAssign,
		On: workflow.MustDate("2026-11-23"), Assignee: "handler"}, ""); err != nil {
		t.Fatal(err)
	}
	if stage == workflow.Assigned {
		return c
	}
	if c, _, err = a.store.ApplyEvent(ctx, head, workflow.Viewer{}, c, c.Version, workflow.Input{Event: workflow.EvAccept,
		On: workflow.MustDate("2026-11-24")}, ""); err != nil {
		t.Fatal(err)
	}
	return c
}

func FuzzEventBody(f *testing.F) {
	app := newFuzzApp(f)
	var scratch []fuzzScratch
	for _, st := range fuzzStages {
		for _, k := range fuzzKinds {
			scratch = append(scratch, fuzzScratch{kind: k, stage: st, c: app.newScratch(f, k, st)})
		}
	}
	// Seeds: (which scratch case, body). Versions: received 1, assigned 2, in_resolution 3.
	received, assigned, working := 0, 1, 2
	complaint, denunciation, petition, dialogue := 0, 1, 2, 3
	seeds := []struct {
		stage, kind int
		body        string
	}{
		{received, complaint, `{"event":"assign","version":1,"assignee":"handler","note":"Giao xử lý"}`},
		{received, denunciation, `{"event":"assign","version":1,"on":"2026-11-25","assignee":"head"}`},
		{received, petition, `{"event":"transfer","version":1,"target":"Sở Tài nguyên và Môi trường"}`},
		{received, complaint, `{"event":"reject","version":1,"reason_code":"KN-NA-02"}`},
		{received, denunciation, `{"event":"file","version":1,"reason_code":"DUPLICATE","duplicate_of":1}`},
		{received, dialogue, `{"event":"note","version":1,"note":"Đã gọi điện"}`},
		{received, complaint, `{"event":"classify","version":1,"complexity":"complex","remote_area":true}`},
		{assigned, complaint, `{"event":"accept","version":2,"on":"2026-11-24"}`},
		{assigned, denunciation, `{"event":"accept","version":2}`},
		{assigned, petition, `{"event":"reassign","version":2,"assignee":"handler"}`},
		{working, complaint, `{"event":"resolve","version":3,"outcome":"partly_correct","summary":"Khiếu nại đúng một phần"}`},
		{working, complaint, `{"event":"schedule_dialogue","version":3,"dialogue_on":"2026-12-10"}`},
		{working, dialogue, `{"event":"record_dialogue","version":3,"minutes":"Biên bản","attended":false}`},
		{working, denunciation, `{"event":"extend","version":3,"days":30}`},
		{working, denunciation, `{"event":"notify","version":3,"on":"2026-11-25"}`},
		{working, denunciation, `{"event":"withdraw","version":3,"violation_signs":true}`},
		{working, complaint, `{"event":"suspend","version":3}`},
		{working, petition, `{"event":"verify","version":3,"differs":true,"note":"Báo cáo xác minh"}`},
		// wrong types, huge numbers
		{working, complaint, `{"event":"note","version":"3","note":"x"}`},
		{working, complaint, `{"event":"note","version":1e400,"note":"x"}`},
		{working, complaint, `{"event":"note","version":9223372036854775808,"note":"x"}`},
		{working, complaint, `{"event":"note","version":-3,"note":"x"}`},
		{working, complaint, `{"event":"note","note":"thiếu version"}`},
		{working, complaint, `{"event":"","version":3}`},
		{working, complaint, `{"event":"explode","version":3}`},
		{working, complaint, `{"event":["note"],"version":3}`},
		{working, denunciation, `{"event":"extend","version":3,"days":9223372036854775807}`},
		{working, denunciation, `{"event":"extend","version":3,"days":-30}`},
		{received, complaint, `{"event":"file","version":1,"reason_code":"DUPLICATE","duplicate_of":-9223372036854775808}`},
		{working, complaint, `{"event":"classify","version":3,"remote_area":"yes","complexity":7}`},
		{working, complaint, `{"event":"record_dialogue","version":3,"attended":null,"minutes":null}`},
		// dates
		{assigned, complaint, `{"event":"accept","version":2,"on":"2026-02-30"}`},
		{assigned, complaint, `{"event":"accept","version":2,"on":"2099-01-01"}`},
		{assigned, complaint, `{"event":"accept","version":2,"on":"2026-11-01"}`},
		{assigned, complaint, `{"event":"accept","version":2,"on":"0000-01-01"}`},
		{assigned, complaint, `{"event":"accept","version":2,"on":20261124}`},
		{working, complaint, `{"event":"schedule_dialogue","version":3,"dialogue_on":"9999-12-31"}`},
		{working, dialogue, `{"event":"schedule_dialogue","version":3,"dialogue_on":"0001-01-01"}`},
		{working, dialogue, `{"event":"schedule_dialogue","version":3,"dialogue_on":"2026-11-26"}`},
		// nested junk, broken JSON, invalid UTF-8, NFD
		{working, complaint, `{"event":"note","version":3,"note":{"a":[1,[2,{"b":null}]]}}`},
		{working, complaint, `[[[[[[[[[[]]]]]]]]]]`},
		{working, complaint, `null`},
		{working, complaint, ``},
		{working, complaint, `{"event":"note","version":3,"note":"x"} {"event":"close"}`},
		{working, complaint, `{"event":"note","version":3,`},
		{working, complaint, "{\"event\":\"note\",\"version\":3,\"note\":\"\xff\xfe\"}"},
		{working, complaint, `{"event":"note","version":3,"note":"\ud800"}`},
		{working, complaint, `{"event":"note","version":3,"note":"` + norm.NFD.String("Đã xác minh tại phường Vĩnh Hải") + `"}`},
		{received, complaint, `{"event":"assign","version":1,"assignee":"` + norm.NFD.String("hàndler") + `"}`},
		{received, complaint, `{"EVENT":"assign","Version":1,"ASSIGNEE":"handler"}`},
		{received, complaint, "\ufeff{\"event\":\"note\",\"version\":1,\"note\":\"x\"}"},
	}
	for _, s := range seeds {
		f.Add(fuzzScratchIndex(s.stage, s.kind), []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		app.logs.take()
		sc := &scratch[int(which)%len(scratch)]
		path := fmt.Sprintf("/api/v1/cases/%d/events", sc.c.ID)
		rec := app.do(http.MethodPost, path, body)
		app.checkAnswer(t, "POST "+path, body, rec)
		if rec.Code >= 300 {
			return
		}
		if rec.Code != http.StatusOK {
			t.Fatalf("%q: status %d, want 200 for an act", body, rec.Code)
		}
		got := fuzzCaseOf(t, body, rec)
		if got.ID != sc.c.ID || got.Kind != sc.kind || !got.State.Valid() || got.Version != sc.c.Version+1 {
			t.Fatalf("%q on %s %s v%d: answered %+v", body, sc.kind, sc.stage, sc.c.Version, got)
		}
		var in eventBody
		if err := json.Unmarshal(body, &in); err != nil {
			t.Fatalf("%q was accepted but does not decode: %v", body, err)
		}
		hs, err := app.store.History(context.Background(), sc.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if last := hs[len(hs)-1]; last.Event != string(in.Event) || last.Seq != len(hs) || last.Actor != "head" {
			t.Fatalf("%q: the last record is %+v", body, last)
		}
		sc.c = app.newScratch(t, sc.kind, sc.stage) // the act moved it: start again from the same stage
	})
}
