package handlers_test

// End-to-end tests of API v1 (API.md): the real router on a loopback port,
// a real SQLite file, real HTTP requests with bearer tokens. The test owns the
// application's clock and moves it forward between steps, dating each act
// with "on" as an officer entering yesterday's paperwork would.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"petitions/handlers"
	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

var ict = time.FixedZone("ICT", 7*3600)

const password = "demo"

// App is the application under test.
type App struct {
	URL   string
	Store *store.Store

	client *http.Client
	dsn    string // the store's database, for a look behind its back (storetest.Raw)
	mu     sync.Mutex
	now    time.Time
	tokens map[string]string
	issued map[string]time.Time // when each token was made, by the app's clock

	usersMu sync.Mutex      // not mu: CreateUser reads the clock, which takes mu
	users   map[string]bool // fixture users created so far
}

// fixtureUnits: a province, its People's Committee (the agency) and a commune below the agency.
var fixtureUnits = [][4]string{
	{"KH", "Tỉnh Khánh Hòa", "province", ""},
	{"KH-UBND", "UBND tỉnh Khánh Hòa", "agency", "KH"},
	{"KH-NT", "UBND phường Nha Trang", "commune", "KH-UBND"},
}

// fixtureUsers: every role in the agency, a supervisor and a head at the
// province above it, and a reception officer, handler and head in the commune.
var fixtureUsers = [][4]string{
	{"reception", "Lê Thị Tiếp", "reception", "KH-UBND"},
	{"reception2", "Ngô Văn Nhận", "reception", "KH-UBND"},
	{"handler", "Phạm Văn Xử", "handler", "KH-UBND"},
	{"handler2", "Đỗ Thị Hai", "handler", "KH-UBND"},
	{"head", "Nguyễn Văn Trưởng", "head", "KH-UBND"},
	{"admin", "Hoàng Quản", "admin", "KH-UBND"},
	{"supervisor", "Trần Thị Giám", "supervisor", "KH"},
	{"head.kh", "Lý Văn Tỉnh", "head", "KH"},
	{"reception.nt", "Vũ Tiếp Nha Trang", "reception", "KH-NT"},
	{"handler.nt", "Bùi Xử Nha Trang", "handler", "KH-NT"},
	{"head.nt", "Mai Trưởng Nha Trang", "head", "KH-NT"},
}

// MustServe starts handlers.New over a fresh store holding the fixture, on
// 127.0.0.1 with a random port. Today is 2026-11-25 until the test moves it.
// Fixture users are created with store.CreateUser when first signed in or
// named as an assignee (bcrypt makes each one cost a noticeable fraction of a second).
func MustServe(tb testing.TB, opts ...store.Option) *App {
	tb.Helper()
	ctx := context.Background()
	s, dsn := storetest.OpenDSN(tb, opts...)
	a := &App{Store: s, dsn: dsn, tokens: map[string]string{}, issued: map[string]time.Time{}, users: map[string]bool{},
		client: &http.Client{Timeout: 30 * time.Second}, now: time.Date(2026, 11, 25, 10, 0, 0, 0, ict)}
	s.Now = a.clock
	for _, u := range fixtureUnits {
		if _, err := s.CreateUnit(ctx, u[0], u[1], u[2], u[3]); err != nil {
			tb.Fatalf("create unit %s: %v", u[0], err)
		}
	}
	h, err := handlers.New(s)
	if err != nil {
		tb.Fatalf("handlers.New: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	tb.Cleanup(func() { srv.Close() }) // before storetest closes the store
	a.URL = "http://" + ln.Addr().String()
	return a
}

func (a *App) clock() time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.now
}

// SetToday moves the application's clock to 10:00 (Vietnam) of day.
func (a *App) SetToday(tb testing.TB, day string) {
	tb.Helper()
	d, err := time.ParseInLocation("2006-01-02", day, ict)
	if err != nil {
		tb.Fatal(err)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.now = d.Add(10 * time.Hour)
}

// ensureUser creates the fixture's user login if it does not exist yet.
func (a *App) ensureUser(tb testing.TB, login string) {
	tb.Helper()
	a.usersMu.Lock()
	defer a.usersMu.Unlock()
	if a.users[login] {
		return
	}
	for _, u := range fixtureUsers {
		if u[0] == login {
			if _, err := a.Store.CreateUser(context.Background(), u[0], u[1], workflow.Role(u[2]), u[3], password); err != nil {
				tb.Fatalf("create user %s: %v", login, err)
			}
			a.users[login] = true
			return
		}
	}
}

// Token signs login in through POST /api/v1/session (once per login, and
// again when the test has moved the clock near the end of the token's life).
func (a *App) Token(tb testing.TB, login string) string {
	tb.Helper()
	a.ensureUser(tb, login)
	a.mu.Lock()
	tok, ok := a.tokens[login]
	fresh := a.now.Sub(a.issued[login]) < store.TokenTTL-24*time.Hour
	a.mu.Unlock()
	if ok && fresh {
		return tok
	}
	status, body := a.Do(tb, "", http.MethodPost, "/api/v1/session", map[string]string{"login": login, "password": password})
	var out struct {
		Token string `json:"token"`
	}
	if status != http.StatusOK || json.Unmarshal(body, &out) != nil || out.Token == "" {
		tb.Fatalf("sign in %s: status %d: %s", login, status, body)
	}
	a.mu.Lock()
	a.tokens[login], a.issued[login] = out.Token, a.now
	a.mu.Unlock()
	return out.Token
}

// Do sends a request as login ("" sends no token) and returns the status and
// the raw body. body is sent as is when []byte or string, else as JSON.
func (a *App) Do(tb testing.TB, login, method, path string, body any) (int, []byte) {
	tb.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		r = bytes.NewReader(b)
	case string:
		r = strings.NewReader(b)
	case map[string]any:
		if assignee, ok := b["assignee"].(string); ok {
			a.ensureUser(tb, assignee)
		}
		j, err := json.Marshal(b)
		if err != nil {
			tb.Fatal(err)
		}
		r = bytes.NewReader(j)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			tb.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, a.URL+path, r)
	if err != nil {
		tb.Fatal(err)
	}
	if r != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if login != "" {
		req.Header.Set("Authorization", "Bearer "+a.Token(tb, login))
	}
	res, err := a.client.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return res.StatusCode, raw
}

// caseJSON is the case of API.md.
type caseJSON struct {
	ID              int64   `json:"id"`
	TrackingCode    string  `json:"tracking_code"`
	Kind            string  `json:"kind"`
	Round           *int    `json:"round"`
	PriorCaseID     *int64  `json:"prior_case_id"`
	State           string  `json:"state"`
	Version         int     `json:"version"`
	ReceivedOn      string  `json:"received_on"`
	AcceptedOn      *string `json:"accepted_on"`
	ResolvedOn      *string `json:"resolved_on"`
	DisclosedOn     *string `json:"disclosed_on"`
	Outcome         *string `json:"outcome"`
	Unit            struct{ Code, Name string }
	Assignee        *string         `json:"assignee"`
	Petitioner      *petitionerJSON `json:"petitioner"`
	Complexity      string          `json:"complexity"`
	DueOn           *string         `json:"due_on"`
	Clocks          []clockJSON     `json:"clocks"`
	Status          string          `json:"status"`
	Prolonged       bool            `json:"prolonged"`
	MatterStartedOn string          `json:"matter_started_on"`
	AvailableEvents []string        `json:"available_events"`
}

type petitionerJSON struct {
	Name     string `json:"name"`
	IDNumber string `json:"id_number"`
	Phone    string `json:"phone"`
	Address  string `json:"address"`
}

type clockJSON struct {
	Name        string   `json:"name"`
	StartedOn   string   `json:"started_on"`
	DueOn       string   `json:"due_on"`
	Unit        string   `json:"unit"`
	Days        int      `json:"days"`
	Basis       string   `json:"basis"`
	Status      string   `json:"status"`
	Explanation string   `json:"explanation"`
	Skipped     []string `json:"skipped"`
}

type historyJSON struct {
	Seq       int             `json:"seq"`
	Event     string          `json:"event"`
	FromState string          `json:"from_state"`
	ToState   string          `json:"to_state"`
	On        string          `json:"on"`
	At        string          `json:"at"`
	Actor     string          `json:"actor"`
	Payload   json.RawMessage `json:"payload"`
}

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field"`
}

func decode[T any](tb testing.TB, body []byte) T {
	tb.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		tb.Fatalf("decode %T: %v: %s", v, err, body)
	}
	return v
}

func casePath(id int64) string { return fmt.Sprintf("/api/v1/cases/%d", id) }

// register posts a new letter as login and expects 201.
func (a *App) register(tb testing.TB, login string, body map[string]any) caseJSON {
	tb.Helper()
	status, raw := a.Do(tb, login, http.MethodPost, "/api/v1/cases", body)
	if status != http.StatusCreated {
		tb.Fatalf("register as %s: status %d: %s", login, status, raw)
	}
	return decode[caseJSON](tb, raw)
}

// get reads a case as login and expects 200.
func (a *App) get(tb testing.TB, login string, id int64) caseJSON {
	tb.Helper()
	status, raw := a.Do(tb, login, http.MethodGet, casePath(id), nil)
	if status != http.StatusOK {
		tb.Fatalf("GET case %d as %s: status %d: %s", id, login, status, raw)
	}
	return decode[caseJSON](tb, raw)
}

// history reads a case's audit records as login.
func (a *App) history(tb testing.TB, login string, id int64) []historyJSON {
	tb.Helper()
	status, raw := a.Do(tb, login, http.MethodGet, casePath(id)+"/history", nil)
	if status != http.StatusOK {
		tb.Fatalf("GET history %d as %s: status %d: %s", id, login, status, raw)
	}
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("[")) {
		return decode[[]historyJSON](tb, raw)
	}
	return decode[struct {
		Items []historyJSON `json:"items"`
	}](tb, raw).Items
}

// list reads GET /api/v1/cases?query as login.
func (a *App) list(tb testing.TB, login, query string) ([]caseJSON, *string) {
	tb.Helper()
	status, raw := a.Do(tb, login, http.MethodGet, "/api/v1/cases?"+query, nil)
	if status != http.StatusOK {
		tb.Fatalf("list as %s: status %d: %s", login, status, raw)
	}
	out := decode[struct {
		Items      []caseJSON `json:"items"`
		NextCursor *string    `json:"next_cursor"`
	}](tb, raw)
	return out.Items, out.NextCursor
}

// ev builds an event body: ev("assign", "2026-08-31", "assignee", "handler").
func ev(event, on string, kv ...any) map[string]any {
	m := map[string]any{"event": event}
	if on != "" {
		m["on"] = on
	}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

// fireRaw posts an event on c as login, with c's version unless body names
// one, expects 200 and returns the updated case and the raw answer.
func (a *App) fireRaw(tb testing.TB, login string, c caseJSON, body map[string]any) (caseJSON, []byte) {
	tb.Helper()
	withVersion(body, c)
	status, raw := a.Do(tb, login, http.MethodPost, casePath(c.ID)+"/events", body)
	if status != http.StatusOK {
		tb.Fatalf("%v on case %d as %s: status %d: %s", body["event"], c.ID, login, status, raw)
	}
	return decode[caseJSON](tb, raw), raw
}

// withVersion sends c's version unless the body names one; a nil "version"
// sends none at all.
func withVersion(body map[string]any, c caseJSON) {
	v, ok := body["version"]
	switch {
	case !ok:
		body["version"] = c.Version
	case v == nil:
		delete(body, "version")
	}
}

func (a *App) fire(tb testing.TB, login string, c caseJSON, body map[string]any) caseJSON {
	tb.Helper()
	n, _ := a.fireRaw(tb, login, c, body)
	return n
}

// refuse posts an event that must be refused with status and code, and checks
// that nothing was written: same version, same history.
func (a *App) refuse(tb testing.TB, login string, c caseJSON, body map[string]any, status int, code string) apiError {
	tb.Helper()
	before := len(a.history(tb, "supervisor", c.ID))
	withVersion(body, c)
	got, raw := a.Do(tb, login, http.MethodPost, casePath(c.ID)+"/events", body)
	e := wantError(tb, got, raw, status, code)
	if now := a.get(tb, "supervisor", c.ID); now.Version != c.Version || now.State != c.State {
		tb.Errorf("after the refused %v: version %d state %s, want %d %s unchanged", body["event"], now.Version, now.State, c.Version, c.State)
	}
	if after := len(a.history(tb, "supervisor", c.ID)); after != before {
		tb.Errorf("the refused %v wrote history: %d records → %d", body["event"], before, after)
	}
	return e
}

// wantError checks an error answer: the status, the code, and the one shape
// of API.md — {"error": {"code", "message", ["field"]}} and nothing else.
func wantError(tb testing.TB, status int, raw []byte, wantStatus int, wantCode string) apiError {
	tb.Helper()
	if status != wantStatus {
		tb.Fatalf("status %d, want %d: %s", status, wantStatus, raw)
	}
	var top map[string]map[string]any
	if err := json.Unmarshal(raw, &top); err != nil || len(top) != 1 || top["error"] == nil {
		tb.Fatalf("error body %s, want {\"error\": {...}} only", raw)
	}
	for k, v := range top["error"] {
		if s, ok := v.(string); !ok || k != "code" && k != "message" && k != "field" || s == "" && k != "field" {
			tb.Errorf("error body %s: unexpected %q: %v", raw, k, v)
		}
	}
	e := decode[struct {
		Error apiError `json:"error"`
	}](tb, raw).Error
	if e.Code == "" || e.Message == "" {
		tb.Errorf("error body %s lacks a code or a message", raw)
	}
	if wantCode != "" && e.Code != wantCode {
		tb.Errorf("error code %q, want %q: %s", e.Code, wantCode, raw)
	}
	return e
}

// clockLine describes a clock as "name start+Nwd=due" (cd for calendar days).
func clockLine(k clockJSON) string {
	unit := map[string]string{"working_days": "wd", "calendar_days": "cd"}[k.Unit]
	if unit == "" {
		unit = "?" + k.Unit
	}
	return fmt.Sprintf("%s %s+%d%s=%s", k.Name, k.StartedOn, k.Days, unit, k.DueOn)
}

// wantCase checks the state, the version, the case's status and its running clocks.
func wantCase(tb testing.TB, c caseJSON, state string, version int, status string, clocks ...string) {
	tb.Helper()
	if c.State != state || c.Version != version || c.Status != status {
		tb.Errorf("case %d: state %s version %d status %s, want %s %d %s", c.ID, c.State, c.Version, c.Status, state, version, status)
	}
	var got []string
	for _, k := range c.Clocks {
		got = append(got, clockLine(k))
	}
	sort.Strings(got)
	sort.Strings(clocks)
	if !slices.Equal(got, clocks) {
		tb.Errorf("case %d running clocks:\n got  %q\n want %q", c.ID, got, clocks)
	}
	// due_on is the earliest running clock's due date, null when none runs.
	earliest := ""
	for _, k := range c.Clocks {
		if earliest == "" || k.DueOn < earliest {
			earliest = k.DueOn
		}
	}
	if due := deref(c.DueOn); due != earliest {
		tb.Errorf("case %d due_on %q, want the earliest clock's %q", c.ID, due, earliest)
	}
}

// wantClock checks one running clock's status and the days it stepped over.
func wantClock(tb testing.TB, c caseJSON, name, status string, skipped ...string) {
	tb.Helper()
	for _, k := range c.Clocks {
		if k.Name != name {
			continue
		}
		if k.Status != status || !slices.Equal(k.Skipped, append([]string{}, skipped...)) {
			tb.Errorf("clock %s: status %s skipped %q, want %s %q", name, k.Status, k.Skipped, status, skipped)
		}
		if k.Explanation == "" || k.Basis == "" {
			tb.Errorf("clock %s has no explanation or basis", name)
		}
		return
	}
	tb.Errorf("no running clock %s", name)
}

func wantEvents(tb testing.TB, c caseJSON, events ...string) {
	tb.Helper()
	if events == nil {
		events = []string{}
	}
	if !slices.Equal(c.AvailableEvents, events) {
		tb.Errorf("case %d available_events %q, want %q", c.ID, c.AvailableEvents, events)
	}
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// historyLines describes records as "seq event from→to on=D at=D by=login",
// at being the day the act was entered.
func historyLines(tb testing.TB, hs []historyJSON) []string {
	tb.Helper()
	var out []string
	for _, h := range hs {
		at, err := time.Parse(time.RFC3339Nano, h.At)
		if err != nil {
			tb.Errorf("record %d: at %q is not RFC 3339", h.Seq, h.At)
		}
		out = append(out, fmt.Sprintf("%d %s %s→%s on=%s at=%s by=%s", h.Seq, h.Event, h.FromState, h.ToState, h.On,
			at.In(ict).Format("2006-01-02"), h.Actor))
	}
	return out
}

// step runs one step of a case's life; the steps build on each other, so the
// test stops at the first step that fails.
func step(t *testing.T, name string, f func(t *testing.T)) {
	t.Helper()
	if !t.Run(name, f) {
		t.FailNow()
	}
}

func letterBody(kind, received, subject string, kv ...any) map[string]any {
	m := map[string]any{"kind": kind, "channel": "walk_in", "received_on": received, "subject": subject,
		"content": "Nội dung đơn: " + subject,
		"petitioner": map[string]string{"name": "Nguyễn Văn An", "id_number": "056078001234",
			"phone": "0905000111", "address": "5 Trần Phú, Nha Trang"}}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func TestRoundTwoComplaintFromReceivedToClosed(t *testing.T) {
	app := MustServe(t)
	var prior, c caseJSON

	step(t, "RoundOneWasDecidedByTheCommune", func(t *testing.T) {
		app.SetToday(t, "2026-08-28")
		prior = app.register(t, "reception.nt", letterBody("complaint", "2026-07-06", "Khiếu nại quyết định thu hồi đất", "round", 1))
		prior = app.fire(t, "head.nt", prior, ev("assign", "2026-07-07", "assignee", "handler.nt"))
		prior = app.fire(t, "head.nt", prior, ev("accept", "2026-07-08"))
		prior = app.fire(t, "head.nt", prior, ev("resolve", "2026-08-05", "outcome", "wrong", "summary", "Khiếu nại sai"))
		if prior.State != "resolved" || deref(prior.Outcome) != "wrong" {
			t.Fatalf("round 1: state %s outcome %v, want resolved wrong", prior.State, deref(prior.Outcome))
		}
	})

	step(t, "ReceptionRegistersRoundTwoLinkedToRoundOne", func(t *testing.T) {
		// The agency's head registers it: round 1 is the commune's case, which the agency's
		// reception may not read (issue 13 §4: the round-1 case is readable by the registering officer).
		c = app.register(t, "head", letterBody("complaint", "2026-08-27", "Khiếu nại lần hai quyết định thu hồi đất",
			"round", 2, "prior_case_id", prior.ID))
		if deref(c.Round) != 2 || deref(c.PriorCaseID) != prior.ID || c.ReceivedOn != "2026-08-27" ||
			c.MatterStartedOn != "2026-07-06" || c.Unit.Code != "KH-UBND" || c.Assignee != nil || c.AcceptedOn != nil {
			t.Errorf("registered %+v; want round 2 linked to %d, matter from 2026-07-06, unit KH-UBND, no assignee", c, prior.ID)
		}
		// Thu 27/08, 7 WD (ND 155/2026 from 01/07/2026): 28/08, [31/08 swapped off, 1–2/09 holiday]
		// 3, 4, 7, 8, 9, 10/09. Processing 10 WD: … 11, 14, 15/09.
		wantCase(t, c, "received", 1, "on_track",
			"acceptance 2026-08-27+7wd=2026-09-10", "processing 2026-08-27+10wd=2026-09-15")
		wantClock(t, c, "acceptance", "on_track", "2026-08-29", "2026-08-30", "2026-08-31", "2026-09-01", "2026-09-02", "2026-09-05", "2026-09-06")
		wantEvents(t, c, "assign", "classify", "correct", "file", "note", "reject", "transfer") // the head's share
		if c.Petitioner == nil || c.Petitioner.Name != "Nguyễn Văn An" {
			t.Errorf("the registering officer does not see the complainant: %+v", c.Petitioner)
		}
		wantEvents(t, app.get(t, "head", c.ID), "assign", "classify", "correct", "file", "note", "reject", "transfer")
		wantEvents(t, app.get(t, "supervisor", c.ID))
	})

	step(t, "HeadAssignsAHandler", func(t *testing.T) {
		app.SetToday(t, "2026-08-31")
		c = app.fire(t, "head", c, ev("assign", "2026-08-31", "assignee", "handler"))
		wantCase(t, c, "assigned", 2, "on_track",
			"acceptance 2026-08-27+7wd=2026-09-10", "processing 2026-08-27+10wd=2026-09-15")
		wantEvents(t, c, "accept", "classify", "correct", "file", "note", "reassign", "reject", "transfer")
		if deref(c.Assignee) != "handler" {
			t.Errorf("assignee %v, want handler", deref(c.Assignee))
		}
	})

	step(t, "StaleVersionIsAConflict", func(t *testing.T) {
		app.refuse(t, "head", c, ev("note", "2026-08-31", "note", "ghi chú", "version", 1), http.StatusConflict, "conflict")
	})

	step(t, "HeadAcceptsBackDatedToTheDayAfterTheHoliday", func(t *testing.T) {
		app.SetToday(t, "2026-09-07")
		c = app.get(t, "head", c.ID) // 3 working days before acceptance is due
		wantCase(t, c, "assigned", 2, "due_soon",
			"acceptance 2026-08-27+7wd=2026-09-10", "processing 2026-08-27+10wd=2026-09-15")
		c = app.fire(t, "head", c, ev("accept", "2026-09-03"))
		// Round 2: 45 cd from Thu 03/09 → Sun 18/10, moved to Mon 19/10.
		wantCase(t, c, "in_resolution", 3, "on_track", "resolution 2026-09-03+45cd=2026-10-19")
		wantClock(t, c, "resolution", "on_track", "2026-10-18")
		if deref(c.AcceptedOn) != "2026-09-03" || !strings.Contains(c.Clocks[0].Basis, "37") {
			t.Errorf("accepted_on %v basis %q; want 2026-09-03 and LKN Art. 37", deref(c.AcceptedOn), c.Clocks[0].Basis)
		}
		wantEvents(t, c, "classify", "correct", "note", "reassign", "record_dialogue", "resolve", "schedule_dialogue", "suspend", "verify", "withdraw")
	})

	step(t, "ResolveBeforeTheDialogueIsRefused", func(t *testing.T) {
		app.refuse(t, "head", c, ev("resolve", "2026-09-07", "outcome", "correct", "summary", "Khiếu nại đúng"),
			http.StatusUnprocessableEntity, "dialogue_required")
	})

	step(t, "HandlerVerifies", func(t *testing.T) {
		app.SetToday(t, "2026-09-21")
		c = app.fire(t, "handler", c, ev("verify", "2026-09-21", "note", "Báo cáo xác minh số 12/BC"))
		wantCase(t, c, "in_resolution", 4, "on_track", "resolution 2026-09-03+45cd=2026-10-19")
		wantEvents(t, c, "note", "record_dialogue", "schedule_dialogue", "verify")
	})

	step(t, "HandlerSchedulesTheDialogueWithFiveDaysNotice", func(t *testing.T) {
		app.SetToday(t, "2026-09-22")
		app.refuse(t, "handler", c, ev("record_dialogue", "2026-09-22", "minutes", "Biên bản"),
			http.StatusUnprocessableEntity, "dialogue_not_scheduled")
		app.refuse(t, "handler", c, ev("schedule_dialogue", "2026-09-22", "dialogue_on", "2026-09-25"),
			http.StatusUnprocessableEntity, "dialogue_notice_too_short")
		c = app.fire(t, "handler", c, ev("schedule_dialogue", "2026-09-22", "dialogue_on", "2026-09-28"))
		wantCase(t, c, "in_resolution", 5, "on_track", "resolution 2026-09-03+45cd=2026-10-19")
		// A scheduled dialogue is not a held one (LKN 39).
		app.refuse(t, "head", c, ev("resolve", "2026-09-22", "outcome", "correct", "summary", "Khiếu nại đúng"),
			http.StatusUnprocessableEntity, "dialogue_required")
	})

	step(t, "HandlerRecordsTheDialogue", func(t *testing.T) {
		app.SetToday(t, "2026-09-28")
		c = app.fire(t, "handler", c, ev("record_dialogue", "2026-09-28", "minutes", "Biên bản đối thoại ngày 28/09", "attended", true))
		wantCase(t, c, "in_resolution", 6, "on_track", "resolution 2026-09-03+45cd=2026-10-19")
	})

	step(t, "HeadResolvesStartingDeliveryAndDisclosure", func(t *testing.T) {
		app.SetToday(t, "2026-10-16")
		c = app.get(t, "head", c.ID) // one working day left
		wantCase(t, c, "in_resolution", 6, "due_soon", "resolution 2026-09-03+45cd=2026-10-19")
		c = app.fire(t, "head", c, ev("resolve", "2026-10-16", "outcome", "partly_correct", "summary", "Khiếu nại đúng một phần"))
		// Fri 16/10: delivery 7 cd → Fri 23/10; disclosure 15 cd → Sat 31/10, moved to Mon 02/11.
		wantCase(t, c, "resolved", 7, "on_track",
			"delivery 2026-10-16+7cd=2026-10-23", "disclosure 2026-10-16+15cd=2026-11-02")
		wantClock(t, c, "delivery", "on_track")
		wantClock(t, c, "disclosure", "on_track", "2026-10-31", "2026-11-01")
		if deref(c.ResolvedOn) != "2026-10-16" || deref(c.Outcome) != "partly_correct" {
			t.Errorf("resolved_on %v outcome %v", deref(c.ResolvedOn), deref(c.Outcome))
		}
		wantEvents(t, c, "close", "correct", "deliver", "disclose", "implement", "note")
		app.refuse(t, "head", c, ev("close", "2026-10-16"), http.StatusUnprocessableEntity, "clocks_running")
	})

	step(t, "DeliveryEnteredLateIsDatedWhenItHappened", func(t *testing.T) {
		app.SetToday(t, "2026-10-28")
		c = app.get(t, "head", c.ID)
		wantCase(t, c, "resolved", 7, "overdue",
			"delivery 2026-10-16+7cd=2026-10-23", "disclosure 2026-10-16+15cd=2026-11-02")
		wantClock(t, c, "delivery", "overdue")
		c = app.fire(t, "head", c, ev("deliver", "2026-10-21"))
		// 3 working days left to disclose: 29, 30/10, 02/11.
		wantCase(t, c, "resolved", 8, "due_soon", "disclosure 2026-10-16+15cd=2026-11-02")
	})

	step(t, "CloseBeforeDisclosureIsRefused", func(t *testing.T) {
		e := app.refuse(t, "head", c, ev("close", "2026-10-28"), http.StatusUnprocessableEntity, "clocks_running")
		if !strings.Contains(e.Message, "Công khai") {
			t.Errorf("message %q does not name the running clock", e.Message)
		}
	})

	step(t, "HeadDisclosesTheDecision", func(t *testing.T) {
		app.SetToday(t, "2026-11-03")
		c = app.get(t, "head", c.ID)
		wantCase(t, c, "resolved", 8, "overdue", "disclosure 2026-10-16+15cd=2026-11-02")
		c = app.fire(t, "head", c, ev("disclose", "2026-11-02", "channel", "trang thông tin điện tử",
			"text", "Quyết định giải quyết khiếu nại lần hai số 45/QĐ-UBND: khiếu nại đúng một phần."))
		wantCase(t, c, "disclosed", 9, "on_track")
		if deref(c.DisclosedOn) != "2026-11-02" {
			t.Errorf("disclosed_on %v, want 2026-11-02", deref(c.DisclosedOn))
		}
		wantEvents(t, c, "close", "correct", "implement", "note") // the decision was delivered: no second delivery is offered
	})

	step(t, "HeadClosesTheCase", func(t *testing.T) {
		c = app.fire(t, "head", c, ev("close", "2026-11-03"))
		wantCase(t, c, "closed", 10, "on_track")
		wantEvents(t, c, "implement") // only how the decision is carried out
		app.refuse(t, "head", c, ev("note", "2026-11-03", "note", "ghi chú"), http.StatusUnprocessableEntity, "illegal_transition")
	})

	step(t, "HistoryListsEveryActInOrder", func(t *testing.T) {
		got := historyLines(t, app.history(t, "head", c.ID))
		want := []string{
			"1 receive →received on=2026-08-27 at=2026-08-28 by=head",
			"2 assign received→assigned on=2026-08-31 at=2026-08-31 by=head",
			"3 accept assigned→in_resolution on=2026-09-03 at=2026-09-07 by=head",
			"4 verify in_resolution→in_resolution on=2026-09-21 at=2026-09-21 by=handler",
			"5 schedule_dialogue in_resolution→in_resolution on=2026-09-22 at=2026-09-22 by=handler",
			"6 record_dialogue in_resolution→in_resolution on=2026-09-28 at=2026-09-28 by=handler",
			"7 resolve in_resolution→resolved on=2026-10-16 at=2026-10-16 by=head",
			"8 deliver resolved→resolved on=2026-10-21 at=2026-10-28 by=head",
			"9 disclose resolved→disclosed on=2026-11-02 at=2026-11-03 by=head",
			"10 close disclosed→closed on=2026-11-03 at=2026-11-03 by=head",
		}
		if !slices.Equal(got, want) {
			t.Errorf("history:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
		}
	})

	step(t, "PublicSeesStateAndDatesOnly", func(t *testing.T) {
		status, raw := app.Do(t, "", http.MethodGet, "/api/v1/public/track/"+c.TrackingCode, nil)
		if status != http.StatusOK {
			t.Fatalf("track: status %d: %s", status, raw)
		}
		tr := decode[map[string]any](t, raw)
		if tr["state"] != "closed" || tr["received_on"] != "2026-08-27" || tr["last_event_on"] != "2026-11-03" || tr["kind"] != "complaint" {
			t.Errorf("track %s", raw)
		}
		assertNoSecret(t, "public track", raw, "Nguyễn Văn An", "056078001234", "Nội dung đơn")
	})
}

// The denouncer of TestDenunciationFromReceivedToClosed.
const (
	secretName = "Trần Thị Bí Mật"
	secretID   = "079123456789"
)

// asciiJSON writes s as JSON that escapes every non-ASCII character (\uXXXX).
func asciiJSON(s string, upper bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r > 0xFFFF:
			r -= 0x10000
			b.WriteString(hexEscape(0xD800+(r>>10), upper) + hexEscape(0xDC00+(r&0x3FF), upper))
		default:
			b.WriteString(hexEscape(r, upper))
		}
	}
	return b.String()
}

func hexEscape(r rune, upper bool) string {
	if upper {
		return fmt.Sprintf(`\u%04X`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// assertNoSecret fails if the raw answer names any secret: in clear, in
// JSON's \u escapes, or in any decoded string (compared with diacritics
// folded, so "Tran Thi Bi Mat" or an NFD spelling is caught too).
func assertNoSecret(tb testing.TB, what string, raw []byte, secrets ...string) {
	tb.Helper()
	for _, s := range secrets {
		for _, form := range slices.Compact([]string{s, asciiJSON(s, false), asciiJSON(s, true)}) {
			if bytes.Contains(raw, []byte(form)) {
				tb.Errorf("%s reveals %q (as %q)", what, s, form)
			}
		}
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return
	}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			for _, s := range secrets {
				if strings.Contains(workflow.Fold(x), workflow.Fold(s)) {
					tb.Errorf("%s reveals %q in %q", what, s, x)
				}
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for k, e := range x {
				walk(k)
				walk(e)
			}
		}
	}
	walk(v)
}

// secretKept checks, at one step of a denunciation's life, that whoever may
// not know the denouncer learns nothing from the case, its history, the lists
// or the public page, and that those who may (the head of the resolving unit
// and the registering officer) see them, each read being recorded.
func (a *App) secretKept(t *testing.T, c caseJSON, handlerAssigned bool) {
	t.Helper()
	paths := []string{casePath(c.ID), casePath(c.ID) + "/history", "/api/v1/cases", "/api/v1/cases?kind=denunciation"}
	for _, login := range []string{"supervisor", "handler", "admin", "head.kh", "reception2"} {
		for _, p := range paths {
			status, raw := a.Do(t, login, http.MethodGet, p, nil)
			want := http.StatusOK
			if login == "handler" && !handlerAssigned && strings.HasPrefix(p, casePath(c.ID)) {
				want = http.StatusForbidden
			}
			if status != want {
				t.Errorf("%s GET %s: status %d, want %d", login, p, status, want)
			}
			assertNoSecret(t, login+" GET "+p, raw, secretName, secretID)
			if p == casePath(c.ID) && bytes.Contains(raw, []byte(`"petitioner"`)) {
				t.Errorf("%s GET %s carries a petitioner field; it must be omitted", login, p)
			}
			if strings.HasPrefix(p, "/api/v1/cases?") && (login != "handler" || handlerAssigned) {
				items := decode[struct{ Items []caseJSON }](t, raw).Items
				if !slices.ContainsFunc(items, func(x caseJSON) bool { return x.ID == c.ID }) {
					t.Errorf("%s's list lacks the case, so the check proves nothing", login)
				}
			}
		}
	}
	status, raw := a.Do(t, "", http.MethodGet, "/api/v1/public/track/"+c.TrackingCode, nil)
	if status != http.StatusOK {
		t.Errorf("public track: status %d", status)
	}
	assertNoSecret(t, "public track", raw, secretName, secretID)

	ctx := context.Background()
	before, err := a.Store.IdentityReads(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, login := range []string{"head", "reception"} {
		p := a.get(t, login, c.ID).Petitioner
		if p == nil || p.Name != secretName || p.IDNumber != secretID {
			t.Errorf("%s does not see the denouncer: %+v", login, p)
		}
	}
	if after, _ := a.Store.IdentityReads(ctx, c.ID); after != before+2 {
		t.Errorf("identity reads %d → %d, want each of the two reads recorded", before, after)
	}
}

func TestDenunciationFromReceivedToClosed(t *testing.T) {
	app := MustServe(t)
	var c caseJSON

	step(t, "ReceptionRegistersTheDenunciation", func(t *testing.T) {
		app.SetToday(t, "2026-10-05")
		body := letterBody("denunciation", "2026-10-05", "Tố cáo cán bộ địa chính nhận tiền của người dân")
		body["petitioner"] = map[string]string{"name": secretName, "id_number": secretID, "phone": "0905123456", "address": "12 Lê Lợi, Nha Trang"}
		c = app.register(t, "reception", body)
		// Mon 05/10: acceptance 7 WD → Wed 14/10; processing 10 WD → Mon 19/10.
		wantCase(t, c, "received", 1, "on_track",
			"acceptance 2026-10-05+7wd=2026-10-14", "processing 2026-10-05+10wd=2026-10-19")
		wantClock(t, c, "processing", "on_track", "2026-10-10", "2026-10-11", "2026-10-17", "2026-10-18")
		if c.Round != nil {
			t.Errorf("a denunciation has no round: %d", *c.Round)
		}
		app.secretKept(t, c, false)
	})

	step(t, "HeadAssigns", func(t *testing.T) {
		app.SetToday(t, "2026-10-06")
		c = app.fire(t, "head", c, ev("assign", "2026-10-06", "assignee", "handler"))
		wantCase(t, c, "assigned", 2, "on_track",
			"acceptance 2026-10-05+7wd=2026-10-14", "processing 2026-10-05+10wd=2026-10-19")
		wantEvents(t, c, "accept", "classify", "correct", "extend", "file", "note", "reassign", "reject", "transfer")
		app.secretKept(t, c, true)
	})

	step(t, "HeadAccepts", func(t *testing.T) {
		app.SetToday(t, "2026-10-08")
		c = app.fire(t, "head", c, ev("accept", "2026-10-08"))
		// Thu 08/10: notification 5 WD → Thu 15/10; resolution 30 cd → Sat 07/11, moved to Mon 09/11.
		wantCase(t, c, "in_resolution", 3, "on_track",
			"notification 2026-10-08+5wd=2026-10-15", "resolution 2026-10-08+30cd=2026-11-09")
		wantClock(t, c, "resolution", "on_track", "2026-11-07", "2026-11-08")
		app.secretKept(t, c, true)
	})

	step(t, "HandlerNotifiesTheDenouncer", func(t *testing.T) {
		app.SetToday(t, "2026-10-09")
		var raw []byte
		c, raw = app.fireRaw(t, "handler", c, ev("notify", "2026-10-09"))
		assertNoSecret(t, "handler's notify answer", raw, secretName, secretID)
		wantCase(t, c, "in_resolution", 4, "on_track", "resolution 2026-10-08+30cd=2026-11-09")
		app.secretKept(t, c, true)
	})

	step(t, "ANormalCaseCannotBeExtended", func(t *testing.T) {
		app.SetToday(t, "2026-10-12")
		e := app.refuse(t, "head", c, ev("extend", "2026-10-12", "days", 30), http.StatusUnprocessableEntity, "extension_limit")
		if e.Field != "days" {
			t.Errorf("field %q, want days", e.Field)
		}
	})

	step(t, "AComplexCaseIsExtendedOnce", func(t *testing.T) {
		c = app.fire(t, "head", c, ev("classify", "2026-10-12", "complexity", "complex"))
		wantCase(t, c, "in_resolution", 5, "on_track", "resolution 2026-10-08+30cd=2026-11-09")
		if c.Complexity != "complex" {
			t.Errorf("complexity %q, want complex", c.Complexity)
		}
		c = app.fire(t, "head", c, ev("extend", "2026-10-12", "days", 30))
		// 60 cd from Thu 08/10 → Mon 07/12.
		wantCase(t, c, "in_resolution", 6, "on_track", "resolution 2026-10-08+60cd=2026-12-07")
		app.refuse(t, "head", c, ev("extend", "2026-10-12", "days", 10), http.StatusUnprocessableEntity, "extension_limit")
		app.secretKept(t, c, true)
	})

	step(t, "HandlerVerifies", func(t *testing.T) {
		app.SetToday(t, "2026-10-20")
		var raw []byte
		c, raw = app.fireRaw(t, "handler", c, ev("verify", "2026-10-20", "note", "Báo cáo kết quả xác minh"))
		assertNoSecret(t, "handler's verify answer", raw, secretName, secretID)
		wantCase(t, c, "in_resolution", 7, "on_track", "resolution 2026-10-08+60cd=2026-12-07")
		app.secretKept(t, c, true)
	})

	step(t, "HeadConcludes", func(t *testing.T) {
		app.SetToday(t, "2026-11-20")
		c = app.fire(t, "head", c, ev("resolve", "2026-11-20", "outcome", "partly_correct", "summary", "Tố cáo đúng một phần"))
		// Fri 20/11: delivery 5 WD → Fri 27/11; disclosure 7 WD → Tue 01/12.
		wantCase(t, c, "resolved", 8, "on_track",
			"delivery 2026-11-20+5wd=2026-11-27", "disclosure 2026-11-20+7wd=2026-12-01")
		wantClock(t, c, "disclosure", "on_track", "2026-11-21", "2026-11-22", "2026-11-28", "2026-11-29")
		app.secretKept(t, c, true)
	})

	step(t, "HeadDeliversTheConclusion", func(t *testing.T) {
		app.SetToday(t, "2026-11-23")
		c = app.fire(t, "head", c, ev("deliver", "2026-11-23"))
		wantCase(t, c, "resolved", 9, "on_track", "disclosure 2026-11-20+7wd=2026-12-01")
		app.secretKept(t, c, true)
	})

	step(t, "ADisclosureNamingTheDenouncerIsRefused", func(t *testing.T) {
		app.SetToday(t, "2026-11-25")
		status, raw := app.Do(t, "head", http.MethodPost, casePath(c.ID)+"/events", ev("disclose", "2026-11-25",
			"version", c.Version, "channel", "trụ sở", "text", "Theo đơn của bà "+secretName+", tố cáo đúng một phần."))
		wantError(t, status, raw, http.StatusUnprocessableEntity, "personal_data_in_disclosure")
		assertNoSecret(t, "the refusal", raw, secretName, secretID)
		if now := app.get(t, "supervisor", c.ID); now.Version != 9 {
			t.Errorf("version %d after the refusal, want 9", now.Version)
		}
	})

	const publicText = "Kết luận nội dung tố cáo số 7/KL-UBND: tố cáo đúng một phần; đã xử lý kỷ luật cán bộ vi phạm."
	step(t, "HeadDisclosesTheConclusion", func(t *testing.T) {
		c = app.fire(t, "head", c, ev("disclose", "2026-11-25", "channel", "trang thông tin điện tử", "text", publicText))
		wantCase(t, c, "disclosed", 10, "on_track")
		app.secretKept(t, c, true)
	})

	step(t, "HeadCloses", func(t *testing.T) {
		c = app.fire(t, "head", c, ev("close", "2026-11-25"))
		wantCase(t, c, "closed", 11, "on_track")
		app.secretKept(t, c, true)
	})

	step(t, "HistoryRecordsTheActsAndNoIdentity", func(t *testing.T) {
		var events []string
		for _, h := range app.history(t, "head", c.ID) {
			events = append(events, h.Event)
		}
		want := []string{"receive", "assign", "accept", "notify", "classify", "extend", "verify", "resolve", "deliver", "disclose", "close"}
		if !slices.Equal(events, want) {
			t.Errorf("history %q, want %q", events, want)
		}
	})

	step(t, "PublicRegisterListsTheTextWithoutTheName", func(t *testing.T) {
		status, raw := app.Do(t, "", http.MethodGet, "/api/v1/public/disclosures", nil)
		if status != http.StatusOK {
			t.Fatalf("disclosures: status %d: %s", status, raw)
		}
		assertNoSecret(t, "public disclosures", raw, secretName, secretID)
		var found bool
		for _, d := range decode[struct{ Items []map[string]any }](t, raw).Items {
			if d["tracking_code"] != c.TrackingCode {
				continue
			}
			found = true
			if d["text"] != publicText || d["kind"] != "denunciation" || d["resolved_on"] != "2026-11-20" ||
				d["disclosed_on"] != "2026-11-25" || d["outcome"] != "partly_correct" || d["unit"] == "" {
				t.Errorf("register entry %v", d)
			}
		}
		if !found {
			t.Errorf("the public register does not list %s: %s", c.TrackingCode, raw)
		}
	})
}

func TestAPIErrors(t *testing.T) {
	app := MustServe(t) // today is Wed 25/11/2026
	c := app.register(t, "reception", letterBody("complaint", "2026-11-20", "Khiếu nại về bồi thường", "round", 1))
	cNT := app.register(t, "reception.nt", letterBody("petition", "2026-11-20", "Phản ánh đèn đường hỏng"))

	t.Run("UnauthorizedWithoutOrWithABadToken", func(t *testing.T) {
		for name, header := range map[string]string{"NoHeader": "", "BadToken": "Bearer not-a-token",
			"EmptyBearer": "Bearer ", "Basic": "Basic aGVhZDpkZW1v"} {
			req, _ := http.NewRequest(http.MethodGet, app.URL+"/api/v1/cases", nil)
			if header != "" {
				req.Header.Set("Authorization", header)
			}
			res, err := app.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(res.Body)
			res.Body.Close()
			t.Run(name, func(t *testing.T) { wantError(t, res.StatusCode, raw, http.StatusUnauthorized, "unauthorized") })
		}
		status, raw := app.Do(t, "", http.MethodPost, "/api/v1/session", map[string]string{"login": "head", "password": "wrong"})
		wantError(t, status, raw, http.StatusUnauthorized, "unauthorized")
		status, raw = app.Do(t, "", http.MethodPost, "/api/v1/session", map[string]string{"login": "nobody", "password": "demo"})
		wantError(t, status, raw, http.StatusUnauthorized, "unauthorized")
	})

	t.Run("ForbiddenByRoleOrUnit", func(t *testing.T) {
		for _, tc := range []struct {
			name, login, method, path string
			body                      any
		}{
			{"SupervisorPostsAnEvent", "supervisor", http.MethodPost, casePath(c.ID) + "/events", ev("note", "", "version", 1, "note", "x")},
			{"AdminPostsAnEvent", "admin", http.MethodPost, casePath(c.ID) + "/events", ev("note", "", "version", 1, "note", "x")},
			{"ParentHeadActsOnTheCommunesCase", "head", http.MethodPost, casePath(cNT.ID) + "/events", ev("note", "", "version", 1, "note", "x")},
			{"SupervisorRegistersALetter", "supervisor", http.MethodPost, "/api/v1/cases", letterBody("petition", "2026-11-25", "x")},
			{"HandlerRegistersALetter", "handler", http.MethodPost, "/api/v1/cases", letterBody("petition", "2026-11-25", "x")},
			{"OtherUnitsReceptionReadsACase", "reception.nt", http.MethodGet, casePath(c.ID), nil},
			{"OtherUnitsReceptionReadsItsHistory", "reception.nt", http.MethodGet, casePath(c.ID) + "/history", nil},
			{"AgencyReceptionReadsTheCommunesCase", "reception", http.MethodGet, casePath(cNT.ID), nil},
			{"HandlerReadsACaseNotAssignedToThem", "handler", http.MethodGet, casePath(c.ID), nil},
			{"ListOfAUnitOutsideTheScope", "head.nt", http.MethodGet, "/api/v1/cases?unit=KH-UBND", nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				status, raw := app.Do(t, tc.login, tc.method, tc.path, tc.body)
				wantError(t, status, raw, http.StatusForbidden, "forbidden")
			})
		}
		if now := app.get(t, "head", c.ID); now.Version != 1 {
			t.Errorf("a forbidden event changed the case: version %d", now.Version)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		for _, tc := range []struct{ login, method, path string }{
			{"head", http.MethodGet, "/api/v1/cases/999999"},
			{"head", http.MethodGet, "/api/v1/cases/999999/history"},
			{"head", http.MethodGet, "/api/v1/cases/abc"},
			{"head", http.MethodGet, "/api/v1/cases/-1"},
			{"head", http.MethodGet, "/api/v1/cases/99999999999999999999999"},
			{"head", http.MethodPost, "/api/v1/cases/999999/events"},
			{"head", http.MethodGet, "/api/v1/cases?unit=NOPE"},
			{"", http.MethodGet, "/api/v1/public/track/KN26-NOSUCHCODE"},
			{"head", http.MethodGet, "/api/v1/no-such-thing"},
		} {
			t.Run(tc.method+tc.path, func(t *testing.T) {
				var body any
				if tc.method == http.MethodPost {
					body = ev("note", "", "version", 1, "note", "x")
				}
				status, raw := app.Do(t, tc.login, tc.method, tc.path, body)
				wantError(t, status, raw, http.StatusNotFound, "not_found")
			})
		}
	})

	t.Run("InvalidJSON", func(t *testing.T) {
		for name, body := range map[string]string{
			"Truncated":     `{"kind": "complaint", "subject":`,
			"NotJSON":       `kind=complaint`,
			"TrailingData":  `{"kind": "petition", "subject": "x"} {"again": true}`,
			"Empty":         ``,
			"SingleQuoted":  `{'kind': 'petition'}`,
			"TrailingComma": `{"kind": "petition",}`,
		} {
			t.Run(name, func(t *testing.T) {
				status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases", []byte(body))
				wantError(t, status, raw, http.StatusBadRequest, "invalid_json")
			})
		}
		for name, tail := range map[string]string{"TrailingBrace": "}", "TrailingBracket": "]"} {
			t.Run(name, func(t *testing.T) {
				body, _ := json.Marshal(letterBody("petition", "2026-11-20", "Phản ánh rác thải"))
				status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases", append(body, tail...))
				wantError(t, status, raw, http.StatusBadRequest, "invalid_json")
			})
		}
		status, raw := app.Do(t, "", http.MethodPost, "/api/v1/session", []byte(`{"login":`))
		wantError(t, status, raw, http.StatusBadRequest, "invalid_json")
		status, raw = app.Do(t, "head", http.MethodPost, casePath(c.ID)+"/events", []byte(`{"event":"assign",`))
		wantError(t, status, raw, http.StatusBadRequest, "invalid_json")
	})

	t.Run("BadFieldsAreNamed", func(t *testing.T) {
		for _, tc := range []struct {
			name, field string
			body        map[string]any
		}{
			{"UnknownKind", "kind", letterBody("complain", "2026-11-20", "x")},
			{"ReceivedTomorrow", "received_on", letterBody("complaint", "2026-11-26", "x")},
			{"UnknownChannel", "channel", letterBody("petition", "2026-11-20", "x", "channel", "fax")},
			{"UnknownComplexity", "complexity", letterBody("complaint", "2026-11-20", "x", "complexity", "hard")},
			{"RoundThree", "round", letterBody("complaint", "2026-11-20", "x", "round", 3)},
			{"RoundOnAPetition", "round", letterBody("petition", "2026-11-20", "x", "round", 1)},
			{"NegativeSignatories", "signatories", letterBody("petition", "2026-11-20", "x", "signatories", -1)},
			{"NoSubject", "subject", letterBody("petition", "2026-11-20", "")},
			{"RoundOfTheWrongType", "round", letterBody("complaint", "2026-11-20", "x", "round", "two")},
			// An unknown round-1 case is a rule's refusal (422 prior_case_unknown): correct_e2e_test.go.
		} {
			t.Run(tc.name, func(t *testing.T) {
				status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases", tc.body)
				e := wantError(t, status, raw, http.StatusBadRequest, "")
				if e.Field != tc.field {
					t.Errorf("field %q, want %q: %s", e.Field, tc.field, raw)
				}
			})
		}
		t.Run("NotADate", func(t *testing.T) {
			status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases", letterBody("petition", "25/11/2026", "x"))
			wantError(t, status, raw, http.StatusBadRequest, "")
		})
		for _, tc := range []struct {
			name, field string
			body        map[string]any
		}{
			{"ActDatedTomorrow", "on", ev("assign", "2026-11-26", "assignee", "handler", "version", 1)},
			{"ActBeforeTheLastAct", "on", ev("assign", "2026-11-19", "assignee", "handler", "version", 1)},
			{"NoVersion", "version", ev("assign", "2026-11-25", "assignee", "handler", "version", nil)},
			{"UnknownEvent", "event", ev("approve", "2026-11-25", "version", 1)},
			{"UnknownAssignee", "assignee", ev("assign", "2026-11-25", "assignee", "nobody", "version", 1)},
			{"AssigneeFromAnotherUnit", "assignee", ev("assign", "2026-11-25", "assignee", "handler.nt", "version", 1)},
			{"VersionOfTheWrongType", "version", ev("assign", "2026-11-25", "assignee", "handler", "version", "1")},
		} {
			t.Run(tc.name, func(t *testing.T) {
				e := app.refuse(t, "head", c, tc.body, http.StatusBadRequest, "")
				if e.Field != tc.field {
					t.Errorf("field %q, want %q", e.Field, tc.field)
				}
			})
		}
	})

	t.Run("OversizedBodyIsRefusedNeverA500", func(t *testing.T) {
		big := strings.Repeat("Đ", handlers.MaxBodyBytes/2+1024) // each Đ is two bytes
		for _, tc := range []struct {
			name, login, path string
			body              []byte
		}{
			{"Case", "reception", "/api/v1/cases", []byte(`{"kind":"petition","subject":"` + big + `"}`)},
			{"Event", "head", casePath(c.ID) + "/events", []byte(`{"event":"note","version":1,"note":"` + big + `"}`)},
			{"Session", "", "/api/v1/session", []byte(`{"login":"head","password":"` + big + `"}`)},
			{"Garbage", "reception", "/api/v1/cases", bytes.Repeat([]byte("x"), handlers.MaxBodyBytes+1)},
		} {
			t.Run(tc.name, func(t *testing.T) {
				status, raw := app.Do(t, tc.login, http.MethodPost, tc.path, tc.body)
				if status != http.StatusRequestEntityTooLarge && status != http.StatusBadRequest {
					t.Fatalf("status %d, want 413 (or 400): %.200s", status, raw)
				}
				wantError(t, status, raw, status, "")
			})
		}
	})

	t.Run("NeverA500ForOddValues", func(t *testing.T) {
		odd := []any{nil, true, -1, 0, 1e30, 3.5, "", " ", "2026-02-30", "9999-12-31", "0001-01-01",
			strings.Repeat("ạ", 25000), []any{1}, map[string]any{"a": 1}}
		create := letterBody("complaint", "2026-11-20", "Khiếu nại", "round", 2, "prior_case_id", c.ID,
			"anonymous", false, "signatories", 1, "remote_area", false, "complexity", "normal")
		for field := range create {
			for _, v := range odd {
				body := maps.Clone(create)
				body[field] = v
				if status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases", body); status >= 500 {
					t.Errorf("create with %s=%.40v: status %d: %s", field, v, status, raw)
				}
			}
		}
		// Each event along a denunciation's life, first with one field at a time made odd, then as
		// it should be sent, so that the probe moves on and the next event meets the rules of the
		// next state. Every answer must be a 2xx or a 4xx.
		dates := []any{"", "2026-02-30", "0001-01-01", "1999-12-31", "9999-12-31", 20261125}
		texts := []any{"", " ", strings.Repeat("ạ", 20001), false}
		numbers := []any{-1, 0, 1 << 40, 1e30, "3"}
		flags := []any{nil, true, "yes"}
		oddOf := map[string][]any{"on": dates, "dialogue_on": dates, "note": texts, "assignee": append(texts, "head.nt"),
			"complexity": append(texts, "hard"), "reason_code": texts, "target": texts, "minutes": texts,
			"outcome": append(texts, "answered"), "summary": texts, "channel": texts, "text": texts,
			"duplicate_of": append(numbers, 999999), "days": append(numbers, 31), "version": numbers,
			"remote_area": flags, "competent": append(flags, false), "attended": flags, "differs": flags,
			"violation_signs": flags[1:]} // a withdrawal without signs of violation would end the probe early
		type try struct {
			event string
			good  map[string]any
		}
		life := []try{{"assign", map[string]any{"assignee": "handler"}},
			{"classify", map[string]any{"complexity": "especially_complex", "remote_area": true, "competent": true}},
			{"extend", map[string]any{"days": 3}}, {"reassign", map[string]any{"assignee": "handler2"}},
			{"accept", nil}, {"notify", nil}, {"verify", map[string]any{"differs": true}},
			{"schedule_dialogue", map[string]any{"dialogue_on": "2026-12-01"}},
			{"record_dialogue", map[string]any{"minutes": "Biên bản", "attended": false}},
			{"extend", map[string]any{"days": 30}}, {"suspend", nil}, {"resume", nil},
			{"withdraw", map[string]any{"violation_signs": true}},
			{"resolve", map[string]any{"outcome": "wrong", "summary": "Tố cáo sai"}}, {"deliver", nil},
			{"disclose", map[string]any{"channel": "web", "text": "Kết luận đã công khai"}}, {"close", nil},
			{"receive", nil}, {"ASSIGN", nil}}
		early := []try{{"reject", map[string]any{"reason_code": "TC-NA-01"}}, {"transfer", map[string]any{"target": "Thanh tra tỉnh"}},
			{"file", map[string]any{"reason_code": "DUPLICATE", "duplicate_of": c.ID}}}
		for _, tries := range [][]try{life, early[:1], early[1:2], early[2:]} {
			probe := app.register(t, "head", letterBody("denunciation", "2026-11-20", "Tố cáo thử"))
			version := probe.Version
			send := func(tr try, field string, v any) {
				body := maps.Clone(tr.good)
				if body == nil {
					body = map[string]any{}
				}
				body["event"], body["version"], body["note"] = tr.event, version, "ghi chú"
				if field != "" {
					body[field] = v
				}
				status, raw := app.Do(t, "head", http.MethodPost, casePath(probe.ID)+"/events", body)
				if status >= 500 {
					t.Errorf("%s with %s=%.40v: status %d: %s", tr.event, field, v, status, raw)
				}
				if status == http.StatusOK {
					version = decode[caseJSON](t, raw).Version
				}
			}
			for _, tr := range tries {
				for _, field := range append([]string{"on", "version", "note"}, slices.Sorted(maps.Keys(tr.good))...) {
					for _, v := range oddOf[field] {
						send(tr, field, v)
					}
				}
				send(tr, "", nil)
			}
		}
		status, raw := app.Do(t, "head", http.MethodDelete, casePath(c.ID), nil)
		wantError(t, status, raw, http.StatusMethodNotAllowed, "")
	})

	t.Run("DomainRulesAre422", func(t *testing.T) {
		app.refuse(t, "head", c, ev("accept", "2026-11-25"), http.StatusUnprocessableEntity, "illegal_transition")
		app.refuse(t, "head", c, ev("extend", "2026-11-25", "days", 3), http.StatusUnprocessableEntity, "illegal_transition")
		app.refuse(t, "head", c, ev("reject", "2026-11-25", "reason_code", "NO-SUCH"), http.StatusUnprocessableEntity, "unknown_reason_code")

		anon := app.register(t, "reception", map[string]any{"kind": "denunciation", "received_on": "2026-11-23",
			"subject": "Tố cáo nặc danh về sai phạm đấu thầu", "anonymous": true})
		anon = app.fire(t, "head", anon, ev("assign", "2026-11-24", "assignee", "handler"))
		app.refuse(t, "head", anon, ev("accept", "2026-11-25"), http.StatusUnprocessableEntity, "anonymous_denunciation")
		anon = app.fire(t, "head", anon, ev("file", "2026-11-25", "reason_code", "TC-NP-07"))
		wantCase(t, anon, "filed", 3, "on_track")

		status, raw := app.Do(t, "reception", http.MethodPost, "/api/v1/cases",
			letterBody("complaint", "2026-11-20", "x", "anonymous", true))
		wantError(t, status, raw, http.StatusBadRequest, "invalid")
	})

	t.Run("StaleVersionIs409", func(t *testing.T) {
		c2 := app.fire(t, "head", c, ev("assign", "2026-11-25", "assignee", "handler"))
		app.refuse(t, "head", c2, ev("accept", "2026-11-25", "version", c.Version), http.StatusConflict, "conflict")
		app.refuse(t, "head", c2, ev("accept", "2026-11-25", "version", c2.Version+1), http.StatusConflict, "conflict")
	})

	t.Run("BadListParametersAre400", func(t *testing.T) {
		for _, q := range []string{"kind=complain", "state=open", "status=late", "limit=0", "limit=abc",
			"limit=100000", "cursor=not-a-cursor", "cursor=%FF%FE"} {
			t.Run(q, func(t *testing.T) {
				status, raw := app.Do(t, "head", http.MethodGet, "/api/v1/cases?"+q, nil)
				wantError(t, status, raw, http.StatusBadRequest, "invalid")
			})
		}
	})
}

type backlogJSON struct {
	AsOf        string `json:"as_of"`
	Open        int    `json:"open"`
	DueSoon     int    `json:"due_soon"`
	Overdue     int    `json:"overdue"`
	VeryOverdue int    `json:"very_overdue"`
	Prolonged   int    `json:"prolonged"`
	ByUnit      []struct {
		Unit        string `json:"unit"`
		Open        int    `json:"open"`
		Overdue     int    `json:"overdue"`
		VeryOverdue int    `json:"very_overdue"`
	} `json:"by_unit"`
	ByKind []struct {
		Kind    string `json:"kind"`
		Open    int    `json:"open"`
		Overdue int    `json:"overdue"`
	} `json:"by_kind"`
	AgeDays []struct {
		Bucket string `json:"bucket"`
		Open   int    `json:"open"`
	} `json:"age_days"`
}

func (a *App) backlog(tb testing.TB, login, query string) backlogJSON {
	tb.Helper()
	status, raw := a.Do(tb, login, http.MethodGet, "/api/v1/backlog?"+query, nil)
	if status != http.StatusOK {
		tb.Fatalf("backlog ?%s as %s: status %d: %s", query, login, status, raw)
	}
	return decode[backlogJSON](tb, raw)
}

func TestBacklogEndpoint(t *testing.T) {
	app := MustServe(t) // today is Wed 25/11/2026; the acts below are entered today, dated in the past
	c := app.register(t, "reception", letterBody("complaint", "2026-08-03", "Khiếu nại về giải phóng mặt bằng", "round", 1))
	c = app.fire(t, "head", c, ev("assign", "2026-08-04", "assignee", "handler"))
	c = app.fire(t, "head", c, ev("accept", "2026-08-20"))
	wantCase(t, c, "in_resolution", 3, "very_overdue", "resolution 2026-08-20+30cd=2026-09-21")
	c = app.fire(t, "head", c, ev("resolve", "2026-11-02", "outcome", "wrong", "summary", "Khiếu nại sai"))
	c = app.fire(t, "head", c, ev("deliver", "2026-11-04"))
	c = app.fire(t, "head", c, ev("close", "2026-11-04"))
	app.register(t, "reception.nt", letterBody("petition", "2026-11-20", "Phản ánh đèn đường hỏng"))

	t.Run("AllowedForHeadSupervisorAndAdmin", func(t *testing.T) {
		for _, login := range []string{"head", "supervisor", "admin", "head.nt", "head.kh"} {
			b := app.backlog(t, login, "")
			if b.AsOf != "2026-11-25" {
				t.Errorf("%s: as_of %q, want today 2026-11-25", login, b.AsOf)
			}
			if b.Open != 1 { // the commune's petition; the complaint is closed
				t.Errorf("%s: open %d, want 1", login, b.Open)
			}
		}
	})
	t.Run("RefusedForReceptionAndHandlers", func(t *testing.T) {
		for _, login := range []string{"reception", "handler", "reception.nt", "handler.nt"} {
			status, raw := app.Do(t, login, http.MethodGet, "/api/v1/backlog", nil)
			wantError(t, status, raw, http.StatusForbidden, "forbidden")
		}
		status, raw := app.Do(t, "", http.MethodGet, "/api/v1/backlog", nil)
		wantError(t, status, raw, http.StatusUnauthorized, "unauthorized")
	})
	t.Run("AsOfMustBeADate", func(t *testing.T) {
		for _, q := range []string{"as_of=25/11/2026", "as_of=2026-13-01", "as_of=2026-02-30", "as_of=yesterday"} {
			status, raw := app.Do(t, "head", http.MethodGet, "/api/v1/backlog?"+q, nil)
			e := wantError(t, status, raw, http.StatusBadRequest, "invalid")
			if e.Field != "as_of" {
				t.Errorf("%s: field %q, want as_of", q, e.Field)
			}
		}
	})
	t.Run("UnitFilterMustLieInTheScope", func(t *testing.T) {
		for _, tc := range []struct{ login, unit string }{{"head.nt", "KH-UBND"}, {"head.nt", "KH"}, {"head", "KH"}} {
			status, raw := app.Do(t, tc.login, http.MethodGet, "/api/v1/backlog?unit="+tc.unit, nil)
			wantError(t, status, raw, http.StatusForbidden, "forbidden")
		}
		status, raw := app.Do(t, "head", http.MethodGet, "/api/v1/backlog?unit=NOPE", nil)
		wantError(t, status, raw, http.StatusNotFound, "not_found")
		nt := app.backlog(t, "head", "unit=KH-NT")
		if nt.Open != 1 || len(nt.ByUnit) != 1 || nt.ByUnit[0].Unit != "KH-NT" {
			t.Errorf("head, unit KH-NT: %+v", nt)
		}
		if own := app.backlog(t, "head.nt", "as_of=2026-09-22"); own.Open != 0 || own.Overdue != 0 {
			t.Errorf("the commune's head counts the agency's case: %+v", own)
		}
	})
	t.Run("CountsFollowTheDatesOfTheActs", func(t *testing.T) {
		type counts struct{ Open, DueSoon, Overdue, VeryOverdue int }
		for _, tc := range []struct {
			asOf, why string
			want      counts
		}{
			{"2026-08-02", "before receipt", counts{}},
			{"2026-08-03", "received; acceptance due Wed 12/08", counts{Open: 1}},
			{"2026-08-07", "3 working days left", counts{Open: 1, DueSoon: 1}},
			{"2026-08-13", "acceptance overdue", counts{Open: 1, Overdue: 1}},
			{"2026-08-20", "accepted; resolution due Mon 21/09", counts{Open: 1}},
			{"2026-09-22", "resolution overdue", counts{Open: 1, Overdue: 1}},
			{"2026-10-21", "30 days overdue, not more", counts{Open: 1, Overdue: 1}},
			{"2026-10-22", "more than 30 days overdue", counts{Open: 1, Overdue: 1, VeryOverdue: 1}},
			{"2026-11-02", "resolved; delivery due Thu 05/11", counts{DueSoon: 1}},
			{"2026-11-04", "delivered and closed", counts{}},
		} {
			t.Run(tc.asOf, func(t *testing.T) {
				b := app.backlog(t, "head", "unit=KH-UBND&as_of="+tc.asOf)
				// unit=KH-UBND includes the commune below it; its petition arrives on 20/11.
				got := counts{b.Open, b.DueSoon, b.Overdue, b.VeryOverdue}
				if got != tc.want || b.AsOf != tc.asOf {
					t.Errorf("as of %s (%s): %+v as_of %s, want %+v", tc.asOf, tc.why, got, b.AsOf, tc.want)
				}
				if sup := app.backlog(t, "supervisor", "as_of="+tc.asOf); sup.Open != b.Open || sup.Overdue != b.Overdue {
					t.Errorf("as of %s the supervisor counts %+v, the head %+v", tc.asOf, sup, b)
				}
			})
		}
		b := app.backlog(t, "head", "as_of=2026-09-22")
		if len(b.ByUnit) != 1 || b.ByUnit[0].Unit != "KH-UBND" || b.ByUnit[0].Open != 1 || b.ByUnit[0].Overdue != 1 {
			t.Errorf("by_unit %+v", b.ByUnit)
		}
		for _, k := range b.ByKind {
			if (k.Kind == "complaint") != (k.Open == 1 && k.Overdue == 1) || k.Kind != "complaint" && (k.Open != 0 || k.Overdue != 0) {
				t.Errorf("by_kind %+v", k)
			}
		}
		for _, a := range b.AgeDays { // 50 days since receipt
			if (a.Bucket == "31-90") != (a.Open == 1) {
				t.Errorf("age_days %+v", a)
			}
		}
	})
}
