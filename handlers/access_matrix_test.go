package handlers

// Who sees what (DOMAIN.md §4, API.md): every route of the application, asked
// by every role, about a case of the asker's own unit and of another, with
// the exact status each answer must have — and, in every answer and in the
// server's log, the denouncer's name and ID number only where the law lets
// them be seen.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"petitions/store"
	"petitions/workflow"
)

// amPerson is a denouncer's identity (DOMAIN.md §4: name, address, contact, ID number).
type amPerson struct{ name, id, phone, address string }

// The two denouncers. A denounces to KH-UBND (registered by reception), B to
// the commune KH-NT below it (registered by reception.nt).
var (
	amA = amPerson{"Trần Thị Bí Mật", "079123456789", "0905123456", "số 7 hẻm 12 Lê Lợi, phường Tân Lập"}
	amB = amPerson{"Lý Văn Kín Đáo", "056201004321", "0914765432", "thôn Đồng Bò, xã Phước Đồng"}
)

// amActor is one column of the table: a login of the fixture ("" is a
// visitor who is not signed in) and its unit.
type amActor struct {
	login, unit string
}

func (a amActor) anonymous() bool { return a.login == "" }

func (a amActor) String() string {
	if a.anonymous() {
		return "anonymous"
	}
	return a.login
}

// amActors are the columns of every row of amRoutes, in this order: the
// seven officials of KH-UBND (reception registered case A, reception2 is a
// colleague at the same desk who did not; handler is assigned case A,
// handler2 is a handler of the same unit who is not), the five of KH-NT
// (handler.nt is assigned case B), then the anonymous visitor.
var amActors = []amActor{
	{"reception", "KH-UBND"}, {"reception2", "KH-UBND"}, {"handler", "KH-UBND"}, {"handler2", "KH-UBND"}, {"head", "KH-UBND"},
	{"supervisor", "KH-UBND"}, {"admin", "KH-UBND"},
	{"reception.nt", "KH-NT"}, {"handler.nt", "KH-NT"}, {"head.nt", "KH-NT"}, {"supervisor.nt", "KH-NT"},
	{"admin.nt", "KH-NT"},
	{"", ""},
}

// amHeader names the columns of every row of the table (shown when a row is miscounted):
//
//	rc  rc2 hd  hd2 head sup adm | rc.nt hd.nt head.nt sup.nt adm.nt | anon
const amHeader = "reception reception2 handler handler2 head supervisor admin | reception.nt handler.nt head.nt supervisor.nt admin.nt | anonymous"

// amIdentity names, for each case, who may see its denouncer (DOMAIN.md §4;
// LTC 2018 Art. 8(3), 47, 56): the head of the resolving unit and the
// officer who registered the letter — not the assigned handler, not the
// supervisor or administrator, and not the head of the unit above.
var amIdentity = [2][]string{{"reception", "head"}, {"reception.nt", "head.nt"}}

// amListed says who finds each case in a list of their cases: reception its
// own unit's cases, a handler the cases assigned to them, heads, supervisors
// and administrators their unit and those below it ("Y" listed, "." not).
var amListed = [2]string{
	// rc rc2 hd hd2 head sup adm | rc.nt hd.nt head.nt sup.nt adm.nt | anon
	"Y Y Y . Y Y Y | . . . . . | .",
	". . . . Y Y Y | Y Y Y Y Y | .",
}

// amCase is one of the two cases: index 0 is case A (KH-UBND), 1 case B (KH-NT).
type amCase struct {
	ID   int64
	Code string
	Unit string
}

// amResp is one answer.
type amResp struct {
	status int
	body   string
	header http.Header
}

// amRoute is one row of the table.
type amRoute struct {
	name string
	// want holds the expected status of each actor (in amActors order), for
	// the case (or the ?unit=) in KH-UBND and in KH-NT.
	want [2]string
	// staff pages send an anonymous visitor to the sign-in page.
	staff bool
	// identity: the answer shows the case's petitioner to those amIdentity
	// allows. show is what such a viewer must find on a success: "name",
	// "name+id", or "" when the answer need not show it (a redirect).
	identity bool
	show     string
	// lists: the answer is a list of cases, checked against amListed.
	lists bool
	do    func(e *amEnv, a amActor, c amCase) amResp
}

// amReceptionWriters: a unit's reception book is written by its own
// reception officers and head (workflow.Viewer.MayRecordReception).
// amReceptionActs is the same for an act on a session (200, not 201).
var (
	amReceptionWriters = [2]string{
		"201 201 403 403 201 403 403 | 403 403 403 403 403 | 401",
		"403 403 403 403 403 403 403 | 201 403 201 403 403 | 401"}
	amReceptionActs = [2]string{
		"200 200 403 403 200 403 403 | 403 403 403 403 403 | 401",
		"403 403 403 403 403 403 403 | 200 403 200 403 403 | 401"}
)

// amReceptionReaders: read by its reception officers, and by heads and
// supervisors of it or above it (workflow.Viewer.MayReadReception).
var amReceptionReaders = [2]string{
	"200 200 403 403 200 200 403 | 403 403 403 403 403 | 401",
	"403 403 403 403 200 200 403 | 200 403 200 200 403 | 401"}

// amReceptionPosts: the book's forms, saved (303) for its writers.
var amReceptionPosts = [2]string{
	"303 303 403 403 303 403 403 | 403 403 403 403 403 | 303",
	"403 403 403 403 403 403 403 | 303 403 303 403 403 | 303"}

// amReaders: those who may read the case (workflow.Viewer.MayRead), as the
// case's own row has it; amPageReaders the same for a page that answers 404
// to the others; amActors200: those who may act on it (MayAct).
var (
	amReaders = [2]string{
		"200 200 200 403 200 200 200 | 403 403 403 403 403 | 401",
		"403 403 403 403 200 200 200 | 200 200 200 200 200 | 401"}
	amPageReaders = [2]string{
		"200 200 200 404 200 200 200 | 404 404 404 404 404 | 303",
		"404 404 404 404 200 200 200 | 200 200 200 200 200 | 303"}
	amActors200 = [2]string{
		"200 200 200 403 200 403 403 | 403 403 403 403 403 | 401",
		"403 403 403 403 403 403 403 | 200 200 200 403 403 | 401"}
)

// amBoth is a row whose expectations do not depend on the case's unit.
func amBoth(row string) [2]string { return [2]string{row, row} }

// amRoutes is the table: every API route of router.go, every page of web.go
// and web_staff.go, the static files and the two fallbacks.
var amRoutes = []amRoute{
	// ---- API v1: public ----
	{name: "POST /api/v1/session", // own password; the anonymous visitor tries a wrong one
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 401"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			login, password := a.login, "demo"
			if a.anonymous() {
				login, password = "nguoi-la", "sai-mat-khau"
			}
			return e.api(amActor{}, http.MethodPost, "/api/v1/session", fmt.Sprintf(`{"login":%q,"password":%q}`, login, password))
		}},
	{name: "DELETE /api/v1/session", // signs out a fresh token of the actor's own (the table's token lives on)
		want: amBoth("204 204 204 204 204 204 204 | 204 204 204 204 204 | 401"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			own := amActor{}
			if !a.anonymous() {
				own = amActor{login: a.login + "#fresh"}
				e.tokens[own.login] = e.app.apiToken(e.t, a.login)
			}
			r := e.api(own, http.MethodDelete, "/api/v1/session", "")
			if r.status == http.StatusNoContent {
				if again := e.api(own, http.MethodGet, "/api/v1/cases", ""); again.status != http.StatusUnauthorized {
					e.t.Errorf("%s: the signed-out token still answers %d", a, again.status)
				}
			}
			return r
		}},
	{name: "GET /api/v1/public/track/:code",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 200"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/public/track/"+c.Code, "")
		}},
	{name: "GET /api/v1/public/disclosures",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 200"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/public/disclosures?q="+url.QueryEscape("tố cáo"), "")
		}},

	// ---- API v1: cases ----
	{name: "POST /api/v1/cases", // reception and heads register (API.md)
		want: amBoth("201 201 403 403 201 403 403 | 201 403 201 403 403 | 401"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			body := fmt.Sprintf(`{"kind":"petition","channel":"post","received_on":"2026-11-24","subject":"Kiến nghị sửa đường liên xã %d",
				"content":"Đường hư hỏng nặng.","petitioner":{"name":"Nguyễn Văn Kiến","id_number":"056111222333"}}`, e.next())
			return e.api(a, http.MethodPost, "/api/v1/cases", body)
		}},
	{name: "GET /api/v1/cases?unit=", // a unit outside the caller's scope is refused
		want: [2]string{
			"200 200 200 200 200 200 200 | 403 403 403 403 403 | 401",
			"200 200 200 200 200 200 200 | 200 200 200 200 200 | 401"},
		lists: true,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/cases?limit=200&unit="+c.Unit, "")
		}},
	{name: "GET /api/v1/cases/:id",
		want: [2]string{
			"200 200 200 403 200 200 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 200 200 200 | 200 200 200 200 200 | 401"},
		identity: true, show: "name+id",
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, fmt.Sprintf("/api/v1/cases/%d", c.ID), "")
		}},
	{name: "GET /api/v1/cases/:id/history",
		want: [2]string{
			"200 200 200 403 200 200 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 200 200 200 | 200 200 200 200 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, fmt.Sprintf("/api/v1/cases/%d/history", c.ID), "")
		}},
	{name: "POST /api/v1/cases/:id/events", // a note, with the current version: supervisors and admins change nothing; a superior head reads but does not act
		want: [2]string{
			"200 200 200 403 200 403 403 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 403 | 200 200 200 403 403 | 401"},
		identity: true, show: "name+id",
		do: func(e *amEnv, a amActor, c amCase) amResp {
			body := fmt.Sprintf(`{"event":"note","version":%d,"note":"Ghi chú kiểm tra quyền"}`, e.version(c))
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/cases/%d/events", c.ID), body)
		}},

	{name: "POST /api/v1/cases/:id/events (correct)", // a new subject: reception and heads of the case's unit (issue 13 §3)
		want: [2]string{
			"200 200 403 403 200 403 403 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 403 | 200 403 200 403 403 | 401"},
		identity: true, show: "name+id",
		do: func(e *amEnv, a amActor, c amCase) amResp {
			body := fmt.Sprintf(`{"event":"correct","version":%d,"reason":"Nhập nhầm trích yếu","subject":"Tố cáo cán bộ địa chính nhận tiền (%d)"}`,
				e.version(c), e.next())
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/cases/%d/events", c.ID), body)
		}},

	// ---- API v1: oversight and calendar ----
	{name: "GET /api/v1/backlog?unit=", // heads, supervisors, admins, within their scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/backlog?unit="+c.Unit, "")
		}},
	{name: "GET /api/v1/reports", // the forms: heads, supervisors, admins
		want: amBoth("403 403 403 403 200 200 200 | 403 403 200 200 200 | 401"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/reports", "")
		}},
	{name: "GET /api/v1/reports/on-time?unit=", // supervisors' statistics: as the forms
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/reports/on-time?period=Y-2026&unit="+c.Unit, "")
		}},
	{name: "GET /api/v1/reports/:form?unit=", // as the backlog: heads, supervisors, admins, within their scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/reports/01-XLD?period=Y-2026&unit="+c.Unit, "")
		}},
	{name: "GET /api/v1/reports/:form/cases?unit=",
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/reports/01-XLD/cases?period=Y-2026&column=c1&unit="+c.Unit, "")
		}},
	// ---- API v1: papers (issue 18) ----
	{name: "GET /api/v1/cases/:id/documents", // the list opens no sealed paper
		want: amReaders,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, fmt.Sprintf("/api/v1/cases/%d/documents", c.ID), "")
		}},
	{name: "GET /api/v1/documents/:id", // the notice to the denouncer: opened for those who may see them
		want: amReaders, identity: true, show: "name",
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, fmt.Sprintf("/api/v1/documents/%d", e.paper(c, "TC-05")), "")
		}},
	{name: "GET /api/v1/documents/:id.pdf",
		want: amReaders,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, fmt.Sprintf("/api/v1/documents/%d.pdf", e.issuedPaper(c, "TC-06")), "")
		}},
	{name: "PUT /api/v1/documents/:id", // a draft's body: those who act on the case
		want: amActors200,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPut, fmt.Sprintf("/api/v1/documents/%d", e.paper(c, "TC-04")),
				`{"body":["Điều 1. Thụ lý tố cáo đối với ông Trần Văn Bình, cán bộ địa chính."]}`)
		}},
	{name: "POST /api/v1/documents/:id/issue", // the head of the case's unit signs
		want: [2]string{
			"403 403 403 403 200 403 403 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 403 | 403 403 200 403 403 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/issue", e.freshPaper(c, false)), "")
		}},
	{name: "POST /api/v1/documents/:id/replace",
		want: [2]string{
			"201 201 201 403 201 403 403 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 403 | 201 201 201 403 403 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/replace", e.issuedPaper(c, "TC-06")), "")
		}},
	{name: "POST /api/v1/documents/:id/sent",
		want: amActors200,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/sent", e.freshPaper(c, true)), `{"recipient":0}`)
		}},
	{name: "GET /api/v1/units/:code/documents", // the register: the unit's officers, and heads, supervisors, admins above
		want: [2]string{
			"200 200 200 200 200 200 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 200 200 200 | 200 200 200 200 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/units/"+c.Unit+"/documents", "")
		}},
	// ---- API v1: attachments (issue 18); a denunciation's files open only for who may see the denouncer ----
	{name: "POST /api/v1/cases/:id/attachments",
		want: [2]string{
			"201 201 201 403 201 403 403 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 403 | 201 201 201 403 403 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.upload(a, fmt.Sprintf("/api/v1/cases/%d/attachments", c.ID), false)
		}},
	{name: "GET /api/v1/cases/:id/attachments",
		want: amReaders,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, fmt.Sprintf("/api/v1/cases/%d/attachments", c.ID), "")
		}},
	{name: "GET /api/v1/attachments/:id", identity: true, // the scan may show the denouncer: a read of them
		want: [2]string{
			"200 403 403 403 200 403 403 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 403 | 200 403 200 403 403 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", e.attachment(c)), "")
		}},
	{name: "POST /api/v1/attachments/:id/withdraw",
		want: amActors200,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/attachments/%d/withdraw", e.attachment(c)), `{"reason":"Tải nhầm tệp"}`)
		}},
	// ---- API v1: users (issue 19): administrators within their scope; a head reads their unit's ----
	{name: "GET /api/v1/users?unit=",
		want: [2]string{
			"403 403 403 403 200 403 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 200 | 403 403 200 403 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/users?unit="+c.Unit, "")
		}},
	{name: "POST /api/v1/users",
		want: [2]string{
			"403 403 403 403 403 403 201 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 201 | 403 403 403 403 201 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPost, "/api/v1/users", fmt.Sprintf(`{"login":"moi%d","name":"Cán Bộ Mới","role":"handler","unit":%q,"password":"matkhau2026x"}`, e.next(), c.Unit))
		}},
	{name: "PATCH /api/v1/users/:login",
		want: [2]string{
			"403 403 403 403 403 403 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 200 | 403 403 403 403 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPatch, "/api/v1/users/"+e.freshUser(c), `{"password_reset":true}`)
		}},
	// ---- API v1: units (issue 19): administrators within their scope ----
	{name: "GET /api/v1/units",
		want: amBoth("403 403 403 403 403 403 200 | 403 403 403 403 200 | 401"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/units", "")
		}},
	{name: "POST /api/v1/units", // a unit added under the case's unit
		want: [2]string{
			"403 403 403 403 403 403 201 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 201 | 403 403 403 403 201 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPost, "/api/v1/units", fmt.Sprintf(`{"code":"KH-T%d","name":"UBND xã Thử","level":"commune","parent":%q}`, e.next(), c.Unit))
		}},
	{name: "PATCH /api/v1/units/:code", // the case's unit renamed
		want: [2]string{
			"403 403 403 403 403 403 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 200 | 403 403 403 403 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPatch, "/api/v1/units/"+c.Unit, fmt.Sprintf(`{"name":"Đơn vị %d"}`, e.next()))
		}},
	{name: "POST /api/v1/units/reorganise", // a new commune under the case's unit merged into another, new, from today
		want: [2]string{
			"403 403 403 403 403 403 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 200 | 403 403 403 403 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			from := e.freshUnit(c)
			return e.api(a, http.MethodPost, "/api/v1/units/reorganise", fmt.Sprintf(`{"effective_on":%q,"from":[%q],"into":[{"code":"%s-M","name":"UBND xã Hợp Nhất"}]}`,
				e.app.Store.Today(), from, from))
		}},
	{name: "POST /api/v1/import", // a dry run of a sheet of one user of the case's unit: checked, nothing written
		want: amBoth("403 403 403 403 403 403 200 | 403 403 403 403 200 | 401"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.importSheet(a, "/api/v1/import", c, false)
		}},
	{name: "GET /api/v1/calendar",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 401"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/calendar?year=2026", "")
		}},
	{name: "PUT /api/v1/calendar/:day", // administrators only
		want: amBoth("403 403 403 403 403 403 200 | 403 403 403 403 200 | 401"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPut, "/api/v1/calendar/2031-06-03", `{"kind":"off","name":"Ngày nghỉ thử","source":"kiểm thử"}`)
		}},

	{name: "GET /api/v1/settings/:unit", // administrators, heads and supervisors, within their scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/settings/"+c.Unit, "")
		}},
	{name: "PUT /api/v1/settings/:unit", // administrators only, within their scope
		want: [2]string{
			"403 403 403 403 403 403 200 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 200 | 403 403 403 403 200 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPut, "/api/v1/settings/"+c.Unit, `{"effective_from":"2026-12-01","petition_days":30}`)
		}},

	// ---- API v1: citizen reception (issue 16) ----
	{name: "GET /api/v1/public/schedule",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 200"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/public/schedule", "")
		}},
	{name: "POST /api/v1/reception/sessions", // the unit's own reception officers and head
		want: amReceptionWriters,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPost, "/api/v1/reception/sessions", fmt.Sprintf(`{"unit":%q,"kind":"regular",
				"host":"staff","host_name":"Cán bộ trực","state":"held","held_on":%q}`, c.Unit, e.app.Store.Today()))
		}},
	{name: "GET /api/v1/reception/sessions?unit=",
		want: amReceptionReaders,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/reception/sessions?unit="+c.Unit, "")
		}},
	{name: "POST /api/v1/reception/sessions/:id/change",
		want: amReceptionActs,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			id := e.session(c, workflow.SessionScheduled, 10)
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/reception/sessions/%d/change", id), `{"cancel":true,"reason":"Trùng lịch họp"}`)
		}},
	{name: "POST /api/v1/reception/sessions/:id/held",
		want: amReceptionActs,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			id := e.session(c, workflow.SessionScheduled, 0)
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/reception/sessions/%d/held", id), "")
		}},
	{name: "POST /api/v1/reception/sessions/:id/conclusion", // the head whose day it was
		want: [2]string{
			"403 403 403 403 200 403 403 | 403 403 403 403 403 | 401",
			"403 403 403 403 403 403 403 | 403 403 200 403 403 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			id := e.session(c, workflow.SessionHeld, 0)
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/reception/sessions/%d/conclusion", id), `{"conclusion":"Giao phòng chuyên môn trả lời."}`)
		}},
	{name: "GET /api/v1/reception/sessions/:id", // its readers; to others it does not exist
		want: [2]string{
			"200 200 404 404 200 200 404 | 404 404 404 404 404 | 401",
			"404 404 404 404 200 200 404 | 200 404 200 200 404 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, fmt.Sprintf("/api/v1/reception/sessions/%d", e.session(c, workflow.SessionHeld, 0)), "")
		}},
	{name: "GET /api/v1/reception/tasks?unit=",
		want: amReceptionReaders,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/reception/tasks?unit="+c.Unit, "")
		}},
	{name: "POST /api/v1/reception/tasks/:id/done", // the unit's writers
		want: amReceptionActs,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPost, fmt.Sprintf("/api/v1/reception/tasks/%d/done", e.task(c)), `{"result":"Đã trả lời công dân"}`)
		}},
	{name: "POST /api/v1/reception/visits",
		want: amReceptionWriters,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodPost, "/api/v1/reception/visits", fmt.Sprintf(`{"unit":%q,"kind":"petition",
				"petitioner":{"name":"Nguyễn Văn Đến"},"content":"Kiến nghị sửa cầu","outcome":"guided"}`, c.Unit))
		}},
	{name: "GET /api/v1/reception/visits?unit=",
		want: amReceptionReaders,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/reception/visits?unit="+c.Unit, "")
		}},
	{name: "GET /api/v1/reception/compliance?unit=", // heads and supervisors, within their scope
		want: [2]string{
			"403 403 403 403 200 200 403 | 403 403 403 403 403 | 401",
			"403 403 403 403 200 200 403 | 403 403 200 200 403 | 401"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/reception/compliance?unit="+c.Unit, "")
		}},

	// ---- public pages ----
	{name: "GET /",
		want: amBoth("303 303 303 303 303 303 303 | 303 303 303 303 303 | 303"),
		do:   func(e *amEnv, a amActor, c amCase) amResp { return e.page(a, http.MethodGet, "/", nil) }},
	{name: "GET /ngon-ngu",
		want: amBoth("303 303 303 303 303 303 303 | 303 303 303 303 303 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/ngon-ngu?lang=vi&next=/tra-cuu", nil)
		}},
	{name: "GET /dang-nhap",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 200"),
		do:   func(e *amEnv, a amActor, c amCase) amResp { return e.page(a, http.MethodGet, "/dang-nhap", nil) }},
	{name: "POST /dang-nhap", // a signed-in browser signs in again (with its token); the visitor with a wrong password
		want: amBoth("303 303 303 303 303 303 303 | 303 303 303 303 303 | 401"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			b := e.app.newBrowser(e.t, a.login) // its own browser: signing in again replaces the session
			form := url.Values{"login": {a.login}, "password": {"demo"}, "next": {"/"}}
			if a.anonymous() {
				form = url.Values{"login": {"nguoi-la"}, "password": {"sai-mat-khau"}}
			} else {
				form.Set("csrf", b.csrf("/tra-cuu"))
			}
			return amBrowse(b, http.MethodPost, "/dang-nhap", form)
		}},
	{name: "POST /dang-xuat",
		want: amBoth("303 303 303 303 303 303 303 | 303 303 303 303 303 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			b := e.app.newBrowser(e.t, a.login) // its own browser: signing out ends the session
			form := url.Values{}
			if !a.anonymous() {
				form.Set("csrf", b.csrf("/tra-cuu"))
			}
			return amBrowse(b, http.MethodPost, "/dang-xuat", form)
		}},
	{name: "GET /tra-cuu?code=",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 200"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/tra-cuu?code="+c.Code, nil)
		}},
	{name: "GET /cong-khai",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 200"),
		do:   func(e *amEnv, a amActor, c amCase) amResp { return e.page(a, http.MethodGet, "/cong-khai", nil) }},
	{name: "GET /lich-lam-viec",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 200"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/lich-lam-viec?nam=2027", nil)
		}},
	{name: "GET /static/*filepath",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 200"),
		do:   func(e *amEnv, a amActor, c amCase) amResp { return e.page(a, http.MethodGet, "/static/app.css", nil) }},

	// ---- staff pages ----
	{name: "GET /tiep-nhan", staff: true, // the desk: reception and heads
		want: amBoth("200 200 403 403 200 403 403 | 200 403 200 403 403 | 303"),
		do:   func(e *amEnv, a amActor, c amCase) amResp { return e.page(a, http.MethodGet, "/tiep-nhan", nil) }},
	{name: "POST /tiep-nhan", staff: true,
		want: amBoth("303 303 403 403 303 403 403 | 303 403 303 403 403 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			form := url.Values{"kind": {"petition"}, "channel": {"walk_in"}, "received_on": {"24/11/2026"},
				"subject": {fmt.Sprintf("Kiến nghị về đèn chiếu sáng %d", e.next())}, "content": {"Đèn hỏng đã lâu."},
				"name": {"Phạm Thị Đèn"}, "signatories": {"1"}, "complexity": {"normal"}, "confirm_repeat": {"1"}}
			return e.page(a, http.MethodPost, "/tiep-nhan", form)
		}},
	{name: "GET /bien-nhan/:id", staff: true, // the desk's printout: reception and heads who may read the case (README)
		want: [2]string{
			"200 200 403 403 200 403 403 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 403 403 | 200 403 200 403 403 | 303"},
		identity: true, show: "name",
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, fmt.Sprintf("/bien-nhan/%d", c.ID), nil)
		}},
	{name: "GET /ho-so?unit=", staff: true, // a unit outside the scope is a bad filter value on the page (400), refused (403) by the API;
		// reception's filter offers only the unit it reads, its own, so the commune below is outside it too
		want: [2]string{
			"200 200 200 200 200 200 200 | 400 400 400 400 400 | 303",
			"400 400 200 200 200 200 200 | 200 200 200 200 200 | 303"},
		lists: true,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/ho-so?unit="+c.Unit, nil)
		}},
	{name: "GET /ho-so/xuat?dinh-dang=csv&unit=", staff: true, // the queue's export: the queue's viewers, scope and filters (400 like the page, reception's included)
		want: [2]string{
			"200 200 200 200 200 200 200 | 400 400 400 400 400 | 303",
			"400 400 200 200 200 200 200 | 200 200 200 200 200 | 303"},
		lists: true,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/ho-so/xuat?dinh-dang=csv&unit="+c.Unit, nil)
		}},
	{name: "GET /ho-so/xuat?dinh-dang=xlsx&unit=", staff: true, // the workbook's bytes and, decompressed, its parts
		want: [2]string{
			"200 200 200 200 200 200 200 | 400 400 400 400 400 | 303",
			"400 400 200 200 200 200 200 | 200 200 200 200 200 | 303"},
		lists: true,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			r := e.page(a, http.MethodGet, "/ho-so/xuat?dinh-dang=xlsx&unit="+c.Unit, nil)
			if r.status == http.StatusOK {
				r.body += "\n" + xlsxText(e.t, []byte(r.body))
			}
			return r
		}},
	{name: "POST /ho-so/giao", staff: true, // bulk assignment: heads only (a stale version, so nothing moves)
		want: amBoth("403 403 403 403 303 403 403 | 403 403 303 403 403 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			form := url.Values{"cases": {fmt.Sprintf("%d:0", c.ID)}, "assignee": {"handler"}, "back": {"/ho-so"}}
			return e.page(a, http.MethodPost, "/ho-so/giao", form)
		}},
	{name: "GET /ho-so/:id", staff: true,
		want: [2]string{
			"200 200 200 403 200 200 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 200 | 200 200 200 200 200 | 303"},
		identity: true, show: "name+id",
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, fmt.Sprintf("/ho-so/%d", c.ID), nil)
		}},
	{name: "GET /ho-so/:id/van-ban/:doc", staff: true, // the notice to the denouncer; an id says nothing outside the case's readers
		want: amPageReaders, identity: true, show: "name",
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, fmt.Sprintf("/ho-so/%d/van-ban/%d", c.ID, e.paper(c, "TC-05")), nil)
		}},
	{name: "GET /ho-so/:id/van-ban/:doc/pdf", staff: true,
		want: amPageReaders,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, fmt.Sprintf("/ho-so/%d/van-ban/%d/pdf", c.ID, e.paper(c, "TC-06")), nil)
		}},
	{name: "POST /ho-so/:id/van-ban/:doc/:act", staff: true, // recording a sending: readers who may not act are refused
		want: [2]string{
			"303 303 303 404 303 403 403 | 404 404 404 404 404 | 303",
			"404 404 404 404 403 403 403 | 303 303 303 403 403 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, fmt.Sprintf("/ho-so/%d/van-ban/%d/gui", c.ID, e.freshPaper(c, true)),
				url.Values{"recipient": {"0"}})
		}},
	{name: "POST /ho-so/:id/tep", staff: true, // a file from the case page, its token in the form's address
		want: [2]string{
			"303 303 303 404 303 403 403 | 404 404 404 404 404 | 303",
			"404 404 404 404 403 403 403 | 303 303 303 403 403 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.upload(a, fmt.Sprintf("/ho-so/%d/tep", c.ID), true)
		}},
	{name: "GET /ho-so/:id/tep/:att", staff: true, identity: true,
		want: [2]string{
			"200 403 403 404 200 403 403 | 404 404 404 404 404 | 303",
			"404 404 404 404 403 403 403 | 200 403 200 403 403 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, fmt.Sprintf("/ho-so/%d/tep/%d", c.ID, e.attachment(c)), nil)
		}},
	{name: "POST /ho-so/:id/tep/:att/rut", staff: true,
		want: [2]string{
			"303 303 303 404 303 403 403 | 404 404 404 404 404 | 303",
			"404 404 404 404 403 403 403 | 303 303 303 403 403 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, fmt.Sprintf("/ho-so/%d/tep/%d/rut", c.ID, e.attachment(c)), url.Values{"reason": {"Tải nhầm tệp"}})
		}},
	{name: "GET /doi-mat-khau", staff: true, // every official changes their own password
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/doi-mat-khau", nil)
		}},
	{name: "POST /doi-mat-khau", staff: true, // with a wrong current password: refused, nothing changed
		want: amBoth("400 400 400 400 400 400 400 | 400 400 400 400 400 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, "/doi-mat-khau", url.Values{"current": {"sai"}, "password": {"matkhau2026x"}, "repeat": {"matkhau2026x"}})
		}},
	{name: "GET /quan-tri/nguoi-dung?unit=", staff: true, // administrators within their scope, heads their own unit
		want: amBoth("403 403 403 403 200 403 200 | 403 403 200 403 200 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/quan-tri/nguoi-dung?unit="+c.Unit, nil)
		}},
	{name: "POST /quan-tri/nguoi-dung", staff: true, // a user added to the case's unit
		want: [2]string{
			"403 403 403 403 403 403 303 | 403 403 403 403 403 | 303",
			"403 403 403 403 403 403 303 | 403 403 403 403 303 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, "/quan-tri/nguoi-dung", url.Values{"login": {fmt.Sprintf("trang%d", e.next())},
				"name": {"Cán Bộ Mới"}, "role": {"handler"}, "unit": {c.Unit}, "password": {"matkhau2026x"}})
		}},
	{name: "POST /quan-tri/nguoi-dung/:login", staff: true, // a reset answers the temporary password on the page
		want: [2]string{
			"403 403 403 403 403 403 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 403 403 200 | 403 403 403 403 200 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, "/quan-tri/nguoi-dung/"+e.freshUser(c), url.Values{"act": {"reset"}, "back": {c.Unit}})
		}},
	{name: "GET /quan-tri/don-vi", staff: true, // administrators only, each their scope's units
		want: amBoth("403 403 403 403 403 403 200 | 403 403 403 403 200 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/quan-tri/don-vi", nil)
		}},
	{name: "POST /quan-tri/don-vi", staff: true, // a unit added under the case's unit
		want: [2]string{
			"403 403 403 403 403 403 303 | 403 403 403 403 403 | 303",
			"403 403 403 403 403 403 303 | 403 403 403 403 303 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, "/quan-tri/don-vi", url.Values{"code": {fmt.Sprintf("KH-P%d", e.next())},
				"name": {"UBND xã Thử"}, "level": {"commune"}, "parent": {c.Unit}})
		}},
	{name: "POST /quan-tri/don-vi/:code", staff: true, // the case's unit renamed
		want: [2]string{
			"403 403 403 403 403 403 303 | 403 403 403 403 403 | 303",
			"403 403 403 403 403 403 303 | 403 403 403 403 303 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, "/quan-tri/don-vi/"+c.Unit, url.Values{"name": {fmt.Sprintf("Đơn vị %d", e.next())}})
		}},
	{name: "POST /doi-don-vi", staff: true, // a session switched to its post in the case's unit: those who hold one there
		want: [2]string{
			"303 303 303 303 303 303 303 | 403 403 403 403 403 | 303",
			"403 303 403 403 403 403 403 | 303 303 303 303 303 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			res := e.page(a, http.MethodPost, "/doi-don-vi", url.Values{"unit": {c.Unit}})
			e.page(a, http.MethodPost, "/doi-don-vi", url.Values{"unit": {""}}) // back to their own, for the rows after
			return res
		}},
	{name: "POST /quan-tri/sap-xep-don-vi", staff: true, // a new commune under the case's unit merged into a new one, confirmed
		want: [2]string{
			"403 403 403 403 403 403 303 | 403 403 403 403 403 | 303",
			"403 403 403 403 403 403 303 | 403 403 403 403 303 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			from := e.freshUnit(c)
			return e.page(a, http.MethodPost, "/quan-tri/sap-xep-don-vi", url.Values{"from": {from}, "effective_on": {e.app.Store.Today().VN()},
				"into_code": {from + "-M"}, "into_name": {"UBND xã Hợp Nhất"}, "users": {"move"}, "confirm": {"1"}})
		}},
	{name: "POST /lich-lam-viec", staff: true, // administrators set a day of 2031, confirmed; no case crosses it
		want: amBoth("403 403 403 403 403 403 303 | 403 403 403 403 303 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, "/lich-lam-viec", url.Values{"day": {fmt.Sprintf("%02d/03/2031", e.next()%28+1)},
				"kind": {"off"}, "name": {"Ngày nghỉ thử"}, "source": {"QĐ thử"}, "confirm": {"1"}})
		}},
	{name: "GET /quan-tri/nhap", staff: true, // administrators only
		want: amBoth("403 403 403 403 403 403 200 | 403 403 403 403 200 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/quan-tri/nhap", nil)
		}},
	{name: "POST /quan-tri/nhap", staff: true, // the same dry run through the page; the unit above admin B is refused in the answer
		want: amBoth("403 403 403 403 403 403 200 | 403 403 403 403 200 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.importSheet(a, "/quan-tri/nhap", c, true)
		}},
	{name: "GET /so-van-ban", staff: true, // each official reads the register of a unit of theirs
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/so-van-ban?unit="+c.Unit, nil)
		}},
	{name: "POST /ho-so/:id/su-kien", staff: true, // a note through the case page's form
		want: [2]string{
			"303 303 303 403 303 403 403 | 403 403 403 403 403 | 303",
			"403 403 403 403 403 403 403 | 303 303 303 403 403 | 303"},
		identity: true,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			form := url.Values{"event": {"note"}, "version": {strconv.Itoa(e.version(c))}, "on": {""},
				"note": {"Ghi chú kiểm tra quyền qua trang"}}
			return e.page(a, http.MethodPost, fmt.Sprintf("/ho-so/%d/su-kien", c.ID), form)
		}},
	{name: "POST /ho-so/:id/su-kien (correct)", staff: true, // the correction form, as the page fills it
		want: [2]string{
			"303 303 403 403 303 403 403 | 403 403 403 403 403 | 303",
			"403 403 403 403 403 403 403 | 303 403 303 403 403 | 303"},
		identity: true,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			p, received := amA, "02/11/2026"
			if c.Unit == "KH-NT" {
				p, received = amB, "16/11/2026"
			}
			// The identity fields count only for those the form shows them to.
			form := url.Values{"event": {"correct"}, "version": {strconv.Itoa(e.version(c))}, "on": {""},
				"reason": {"Nhập nhầm trích yếu"}, "received_on": {received}, "letter_channel": {"walk_in"},
				"subject": {fmt.Sprintf("Tố cáo cán bộ địa chính nhận tiền (trang %d)", e.next())},
				"content": {"Người tố cáo trình bày việc cán bộ địa chính nhận tiền để làm nhanh thủ tục."},
				"name":    {p.name}, "id_number": {p.id}, "phone": {p.phone}, "address": {p.address}}
			return e.page(a, http.MethodPost, fmt.Sprintf("/ho-so/%d/su-kien", c.ID), form)
		}},
	{name: "GET /giam-sat?unit=", staff: true, // the audit: heads, supervisors, admins, within their scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/giam-sat?unit="+c.Unit, nil)
		}},
	{name: "GET /bao-cao", staff: true, // the reports: as the audit, within scope
		want: amBoth("403 403 403 403 200 200 200 | 403 403 200 200 200 | 303"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/bao-cao", nil)
		}},
	{name: "GET /bao-cao/nam?unit=", staff: true, // the yearly report: as the forms, within scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/bao-cao/nam?nam=2026&unit="+c.Unit, nil)
		}},
	{name: "GET /bao-cao/dung-han?unit=", staff: true, // the reports: as the audit, within scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/bao-cao/dung-han?period=Y-2026&unit="+c.Unit, nil)
		}},
	{name: "GET /bao-cao/:form?unit=", staff: true, // the reports: as the audit, within scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/bao-cao/01-XLD?period=Y-2026&unit="+c.Unit, nil)
		}},
	{name: "GET /bao-cao/:form/ho-so?unit=", staff: true, // the reports: as the audit, within scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/bao-cao/01-XLD/ho-so?period=Y-2026&column=c1&unit="+c.Unit, nil)
		}},
	{name: "GET /bao-cao/:form/tai-ve?unit=", staff: true, // the reports: as the audit, within scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/bao-cao/01-XLD/tai-ve?period=Y-2026&unit="+c.Unit, nil)
		}},
	{name: "GET /giam-sat/ho-so?scope=", staff: true,
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/giam-sat/ho-so?measure=open&scope="+c.Unit, nil)
		}},

	{name: "GET /cai-dat?unit=", staff: true, // the unit settings: administrators, heads, supervisors, within their scope
		want: [2]string{
			"403 403 403 403 200 200 200 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 200 | 403 403 200 200 200 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/cai-dat?unit="+c.Unit, nil)
		}},
	{name: "POST /cai-dat", staff: true, // administrators set them, within their scope
		want: [2]string{
			"403 403 403 403 403 403 303 | 403 403 403 403 403 | 303",
			"403 403 403 403 403 403 303 | 403 403 403 403 303 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			form := url.Values{"unit": {c.Unit}, "effective_from": {"01/12/2026"}, "petition_days": {"30"}}
			return e.page(a, http.MethodPost, "/cai-dat", form)
		}},

	// ---- citizen reception pages (issue 16) ----
	{name: "GET /lich-tiep-cong-dan",
		want: amBoth("200 200 200 200 200 200 200 | 200 200 200 200 200 | 200"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/lich-tiep-cong-dan", nil)
		}},
	{name: "GET /tiep-cong-dan?unit=", staff: true,
		want: [2]string{
			"200 200 403 403 200 200 403 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 403 | 200 403 200 200 403 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/tiep-cong-dan?unit="+c.Unit, nil)
		}},
	{name: "POST /tiep-cong-dan/luot", staff: true,
		want: amReceptionPosts,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			form := url.Values{"unit": {c.Unit}, "kind": {"petition"}, "name": {"Nguyễn Văn Đến"}, "content": {"Kiến nghị sửa cầu"},
				"outcome": {"guided"}, "people": {"1"}}
			return e.page(a, http.MethodPost, "/tiep-cong-dan/luot", form)
		}},
	{name: "POST /tiep-cong-dan/buoi", staff: true,
		want: amReceptionPosts,
		do: func(e *amEnv, a amActor, c amCase) amResp {
			form := url.Values{"unit": {c.Unit}, "kind": {"regular"}, "host": {"staff"}, "host_name": {"Cán bộ trực"},
				"state": {"held"}, "held_on": {e.app.Store.Today().VN()}}
			return e.page(a, http.MethodPost, "/tiep-cong-dan/buoi", form)
		}},
	{name: "POST /tiep-cong-dan/buoi/:id/:act", staff: true, // ket-luan: the head whose day it was; a reader is refused, to others it does not exist
		want: [2]string{
			"403 403 404 404 303 403 404 | 404 404 404 404 404 | 303",
			"404 404 404 404 403 403 404 | 403 404 303 403 404 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			id := e.session(c, workflow.SessionHeld, 0)
			form := url.Values{"unit": {c.Unit}, "text": {"Giao phòng chuyên môn trả lời."}}
			return e.page(a, http.MethodPost, fmt.Sprintf("/tiep-cong-dan/buoi/%d/ket-luan", id), form)
		}},
	{name: "GET /tiep-cong-dan/buoi/:id", staff: true, // its readers; to others it does not exist
		want: [2]string{
			"200 200 404 404 200 200 404 | 404 404 404 404 404 | 303",
			"404 404 404 404 200 200 404 | 200 404 200 200 404 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, fmt.Sprintf("/tiep-cong-dan/buoi/%d", e.session(c, workflow.SessionHeld, 0)), nil)
		}},
	{name: "POST /tiep-cong-dan/viec/:id/xong", staff: true, // the unit's writers; a reader is refused, to others it does not exist
		want: [2]string{
			"303 303 404 404 303 403 404 | 404 404 404 404 404 | 303",
			"404 404 404 404 403 403 404 | 303 404 303 403 404 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, fmt.Sprintf("/tiep-cong-dan/viec/%d/xong", e.task(c)), url.Values{"result": {"Đã trả lời công dân"}})
		}},
	{name: "GET /tiep-cong-dan/luot/:id", staff: true, // one visit: the book's readers; to others it does not exist
		want: [2]string{
			"200 200 404 404 200 200 404 | 404 404 404 404 404 | 303",
			"404 404 404 404 200 200 404 | 200 404 200 200 404 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, fmt.Sprintf("/tiep-cong-dan/luot/%d", e.visit(c)), nil)
		}},
	{name: "GET /tiep-cong-dan/luot/:id/in", staff: true, // the papers name the citizen: the unit's writers only; others are told it is not theirs
		want: [2]string{
			"200 200 404 404 200 403 404 | 404 404 404 404 404 | 303",
			"404 404 404 404 403 403 404 | 200 404 200 403 404 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, fmt.Sprintf("/tiep-cong-dan/luot/%d/in", e.visit(c)), nil)
		}},
	{name: "POST /tiep-cong-dan/luot/:id/in/:form", staff: true, // numbering a refusal notice: the unit's writers only
		want: [2]string{
			"303 303 404 404 303 403 404 | 404 404 404 404 404 | 303",
			"404 404 404 404 403 403 404 | 303 404 303 403 404 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodPost, fmt.Sprintf("/tiep-cong-dan/luot/%d/in/01", e.visit(c)), url.Values{})
		}},
	{name: "GET /giam-sat/tiep-cong-dan?unit=", staff: true, // heads and supervisors, within their scope
		want: [2]string{
			"403 403 403 403 200 200 403 | 403 403 403 403 403 | 303",
			"403 403 403 403 200 200 403 | 403 403 200 200 403 | 303"},
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.page(a, http.MethodGet, "/giam-sat/tiep-cong-dan?unit="+c.Unit, nil)
		}},

	// ---- fallbacks ----
	{name: "NoRoute (GET /api/v1/khong-co)",
		want: amBoth("404 404 404 404 404 404 404 | 404 404 404 404 404 | 404"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodGet, "/api/v1/khong-co/"+strconv.FormatInt(c.ID, 10), "")
		}},
	{name: "NoMethod (DELETE /api/v1/cases/:id)",
		want: amBoth("405 405 405 405 405 405 405 | 405 405 405 405 405 | 405"),
		do: func(e *amEnv, a amActor, c amCase) amResp {
			return e.api(a, http.MethodDelete, fmt.Sprintf("/api/v1/cases/%d", c.ID), "")
		}},
}

// amEnv is the running application with every actor signed in, by token and by browser.
type amEnv struct {
	t        *testing.T
	app      *webApp
	client   *http.Client
	tokens   map[string]string
	browsers map[string]*browser
	csrf     map[string]string
	cases    [2]amCase
	serial   int
}

func (e *amEnv) next() int { e.serial++; return e.serial }

// session makes a periodic session of the case's unit, entered by its head,
// days from today, for a row to act on.
func (e *amEnv) session(c amCase, state workflow.SessionState, days int) int64 {
	e.t.Helper()
	head := map[string]string{"KH-UBND": "head", "KH-NT": "head.nt"}[c.Unit]
	u, err := e.app.Store.UserByLogin(context.Background(), head)
	if err != nil {
		e.t.Fatal(err)
	}
	r, err := e.app.Store.CreateReceptionSession(context.Background(), u, store.NewSession{Unit: c.Unit,
		Kind: workflow.SessionPeriodic, Form: workflow.FormDirect, HeldOn: e.app.Store.Today().AddDays(days),
		Host: workflow.HostHead, State: state})
	if err != nil {
		e.t.Fatal(err)
	}
	return r.ID
}

// visit is a refused visit of the unit's book, with papers to print.
func (e *amEnv) visit(c amCase) int64 {
	e.t.Helper()
	login := map[string]string{"KH-UBND": "reception", "KH-NT": "reception.nt"}[c.Unit]
	u, err := e.app.Store.UserByLogin(context.Background(), login)
	if err != nil {
		e.t.Fatal(err)
	}
	visit, err := e.app.Store.RecordVisit(context.Background(), u, store.NewVisit{Unit: c.Unit, VisitedOn: e.app.Store.Today(),
		Kind: workflow.Petition, Visitor: store.Visitor{Petitioner: store.Petitioner{Name: "Nguyễn Văn Đến"}},
		Content: "Kiến nghị sửa cầu", Outcome: workflow.VisitRefused, RefusalCode: "TCD-4G"})
	if err != nil {
		e.t.Fatal(err)
	}
	return visit.ID
}

// task is a dated task of the conclusion of a session held today, by its head.
func (e *amEnv) task(c amCase) int64 {
	e.t.Helper()
	id := e.session(c, workflow.SessionHeld, 0)
	head := map[string]string{"KH-UBND": "head", "KH-NT": "head.nt"}[c.Unit]
	u, err := e.app.Store.UserByLogin(context.Background(), head)
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.app.Store.ConcludeReceptionSession(context.Background(), u, id, store.Conclusion{Text: "Giao phòng chuyên môn trả lời.",
		Tasks: []workflow.FollowUp{{Text: "Trả lời công dân", DueOn: e.app.Store.Today().AddDays(10)}}}); err != nil {
		e.t.Fatal(err)
	}
	r, err := e.app.Store.ReceptionTasks(context.Background(), store.TaskFilter{Units: []int64{u.UnitID}, SessionID: id})
	if err != nil || len(r) != 1 {
		e.t.Fatalf("the task: %v, %v", r, err)
	}
	return r[0].ID
}

// version is the case's current version, read just before an act.
func (e *amEnv) version(c amCase) int {
	e.t.Helper()
	cs, err := e.app.Store.Case(context.Background(), c.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return cs.Version
}

// paper is the id of the case's first paper of the template.
func (e *amEnv) paper(c amCase, template string) int64 {
	e.t.Helper()
	return e.paperIn(c, template, "")
}

// issuedPaper is the id of the case's last issued paper of the template
// (issuing a replacement leaves the one before it replaced).
func (e *amEnv) issuedPaper(c amCase, template string) int64 {
	e.t.Helper()
	return e.paperIn(c, template, store.DocIssued)
}

// paperIn is the case's first paper of the template in the state ("" any),
// or the last one when a state is named.
func (e *amEnv) paperIn(c amCase, template, state string) int64 {
	e.t.Helper()
	cs, err := e.app.Store.Case(context.Background(), c.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	ds, err := e.app.Store.CaseDocuments(context.Background(), workflow.Viewer{}, cs)
	if err != nil {
		e.t.Fatal(err)
	}
	var id int64
	for _, d := range ds {
		if d.Template == template && (state == "" || d.State == state) {
			id = d.ID
			if state == "" {
				break
			}
		}
	}
	if id == 0 {
		e.t.Fatalf("case %d has no %s %s", c.ID, state, template)
	}
	return id
}

// freshPaper is a new copy of the case's issued notice to the person
// denounced (TC-06), drafted by the unit's head, and issued when asked.
func (e *amEnv) freshPaper(c amCase, issued bool) int64 {
	e.t.Helper()
	ctx := context.Background()
	head, err := e.app.Store.UserByLogin(ctx, map[string]string{"KH-UBND": "head", "KH-NT": "head.nt"}[c.Unit])
	if err != nil {
		e.t.Fatal(err)
	}
	v, err := e.app.Store.Viewer(ctx, head)
	if err != nil {
		e.t.Fatal(err)
	}
	cs, err := e.app.Store.Case(ctx, c.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	d, err := e.app.Store.ReplaceDocument(ctx, head, v, cs, e.issuedPaper(c, "TC-06"))
	if err == nil && issued {
		d, err = e.app.Store.IssueDocument(ctx, head, v, cs, d.ID)
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return d.ID
}

// attachment is a new file of the case, added by its reception officer.
func (e *amEnv) attachment(c amCase) int64 {
	e.t.Helper()
	ctx := context.Background()
	u, err := e.app.Store.UserByLogin(ctx, map[string]string{"KH-UBND": "reception", "KH-NT": "reception.nt"}[c.Unit])
	if err != nil {
		e.t.Fatal(err)
	}
	cs, err := e.app.Store.Case(ctx, c.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	a, err := e.app.Store.AddAttachment(ctx, u, cs, store.NewAttachment{Title: "Bản quét", FileName: "ban-quet.pdf",
		Body: strings.NewReader("%PDF-1.4\n%%EOF\n")})
	if err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

// upload sends a small PDF as multipart: through the API with the actor's
// token, or from the actor's browser to a page with its csrf token in the
// address, as the case page's form does.
func (e *amEnv) upload(a amActor, path string, page bool) amResp {
	e.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("title", "Bản quét")
	part, _ := mw.CreateFormFile("file", "ban-quet.pdf")
	part.Write([]byte("%PDF-1.4\n%%EOF\n"))
	mw.Close()
	return e.postMultipart(a, path, page, &b, mw.FormDataContentType())
}

// importSheet sends a dry run of a csv sheet naming one new user of the case's
// unit, as the API's multipart body or the page's form (its token in the address).
func (e *amEnv) importSheet(a amActor, path string, c amCase, page bool) amResp {
	e.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("dry_run", map[bool]string{false: "true", true: "1"}[page])
	part, _ := mw.CreateFormFile("file", "can-bo.csv")
	fmt.Fprintf(part, "login,name,role,unit\nnhap%d,Cán Bộ Nhập,handler,%s\n", e.next(), c.Unit)
	mw.Close()
	return e.postMultipart(a, path, page, &b, mw.FormDataContentType())
}

// postMultipart sends a multipart body: to the API with the actor's token, or
// as the page's form from the actor's browser, its CSRF token in the address.
func (e *amEnv) postMultipart(a amActor, path string, page bool, b *bytes.Buffer, contentType string) amResp {
	e.t.Helper()
	client := e.client
	if page {
		client = e.browsers[a.login].client
		if !a.anonymous() {
			path += "?csrf=" + url.QueryEscape(e.csrf[a.login])
		}
	}
	req, err := http.NewRequest(http.MethodPost, e.app.URL+path, b)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if tok := e.tokens[a.login]; tok != "" && !page {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	res, err := client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	return amResp{status: res.StatusCode, body: readBody(e.t, res), header: res.Header}
}

// freshUser is a new handler of the case's unit, for a row to change.
// freshUnit adds a commune under the case's unit, for an act that ends it.
func (e *amEnv) freshUnit(c amCase) string {
	e.t.Helper()
	code := fmt.Sprintf("KH-R%d", e.next())
	if _, err := e.app.Store.CreateUnit(context.Background(), code, "UBND xã Tạm", "commune", c.Unit); err != nil {
		e.t.Fatal(err)
	}
	return code
}

func (e *amEnv) freshUser(c amCase) string {
	e.t.Helper()
	login := fmt.Sprintf("tam%d", e.next())
	if _, err := e.app.Store.CreateUser(context.Background(), login, "Cán Bộ Tạm", workflow.RoleHandler, c.Unit, "demo"); err != nil {
		e.t.Fatal(err)
	}
	return login
}

// identityReads counts the recorded reads of the case's denouncer.
func (e *amEnv) identityReads(c amCase) int {
	e.t.Helper()
	n, err := e.app.Store.IdentityReads(context.Background(), c.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// api sends a JSON request with the actor's bearer token (none for the anonymous visitor).
func (e *amEnv) api(a amActor, method, path, body string) amResp {
	e.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.app.URL+path, r)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if tok := e.tokens[a.login]; tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	res, err := e.client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	return amResp{status: res.StatusCode, body: readBody(e.t, res), header: res.Header}
}

// page sends a page request from the actor's browser; a form post carries the
// session's csrf token, as the page's own form would.
func (e *amEnv) page(a amActor, method, path string, form url.Values) amResp {
	e.t.Helper()
	b := e.browsers[a.login]
	if method == http.MethodPost && !a.anonymous() {
		form.Set("csrf", e.csrf[a.login])
	}
	return amBrowse(b, method, path, form)
}

func amBrowse(b *browser, method, path string, form url.Values) amResp {
	b.tb.Helper()
	var res *http.Response
	var body string
	if method == http.MethodPost {
		res, body = b.post(path, form)
	} else {
		res, body = b.get(path)
	}
	return amResp{status: res.StatusCode, body: body, header: res.Header}
}

// amSetup starts the app with the fixture of mustServeWeb plus a second
// reception officer in KH-UBND (who holds a further post in KH-NT), a
// supervisor and an administrator in KH-NT,
// and the two denunciations:
//   - A in KH-UBND: registered by reception, assigned to handler, accepted,
//     resolved and disclosed (all through the store, as the officials would);
//   - B in KH-NT: registered by reception.nt, assigned to handler.nt, accepted.
func amSetup(t *testing.T) *amEnv {
	t.Helper()
	app := mustServeWeb(t)
	ctx := context.Background()
	for _, u := range [][4]string{{"reception2", "Cao Thị Tiếp", "reception", "KH-UBND"},
		{"supervisor.nt", "Đinh Giám Sát", "supervisor", "KH-NT"}, {"admin.nt", "Tạ Quản Trị", "admin", "KH-NT"}} {
		if _, err := app.Store.CreateUser(ctx, u[0], u[1], workflow.Role(u[2]), u[3], "demo"); err != nil {
			t.Fatal(err)
		}
	}
	user := func(login string) store.User {
		u, err := app.Store.UserByLogin(ctx, login)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	// reception2 also receives for KH-NT (a further post), acting in KH-UBND unless switched.
	adminView, err := app.Store.Viewer(ctx, user("admin"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := app.Store.ChangeUser(ctx, user("admin"), adminView, "reception2",
		store.UserChange{Posts: &[]store.PostIn{{Unit: "KH-NT", Role: workflow.RoleReception}}}); err != nil {
		t.Fatal(err)
	}
	register := func(by, received string, p amPerson) store.Case {
		cs, err := app.Store.CreateCase(ctx, user(by), store.NewCase{
			Subject:    "Tố cáo cán bộ địa chính nhận tiền của người dân",
			Content:    "Người tố cáo trình bày việc cán bộ địa chính nhận tiền để làm nhanh thủ tục.",
			Petitioner: store.Petitioner{Name: p.name, IDNumber: p.id, Phone: p.phone, Address: p.address},
			Intake:     workflow.Intake{Kind: workflow.Denunciation, Channel: "walk_in", ReceivedOn: workflow.MustDate(received)}})
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
	fire := func(by string, cs store.Case, in workflow.Input) store.Case {
		out, _, err := app.Store.ApplyEvent(ctx, user(by), workflow.Viewer{}, cs, cs.Version, in, "")
		if err != nil {
			t.Fatalf("%s by %s: %v", in.Event, by, err)
		}
		return out
	}
	on := workflow.MustDate
	a := register("reception", "2026-11-02", amA)
	a = fire("head", a, workflow.Input{Event: workflow.EvAssign, On: on("2026-11-03"), Assignee: "handler"})
	a = fire("head", a, workflow.Input{Event: workflow.EvAccept, On: on("2026-11-04")})
	a = fire("handler", a, workflow.Input{Event: workflow.EvNotify, On: on("2026-11-05")})
	a = fire("head", a, workflow.Input{Event: workflow.EvResolve, On: on("2026-11-20"), Outcome: workflow.Outcome("partly_correct"),
		Summary: "Tố cáo đúng một phần; đã kiểm điểm cán bộ."})
	a = fire("head", a, workflow.Input{Event: workflow.EvDisclose, On: on("2026-11-23"), Channel: "website",
		Text: "Kết luận nội dung tố cáo: tố cáo đúng một phần; cán bộ địa chính đã bị kiểm điểm."})
	if a.State != workflow.Disclosed {
		t.Fatalf("case A is %s, want disclosed", a.State)
	}
	b := register("reception.nt", "2026-11-16", amB)
	b = fire("head.nt", b, workflow.Input{Event: workflow.EvAssign, On: on("2026-11-17"), Assignee: "handler.nt"})
	b = fire("head.nt", b, workflow.Input{Event: workflow.EvAccept, On: on("2026-11-18")})

	// Each case's notice to the person denounced, written in and issued by its head.
	for _, p := range []struct {
		cs   store.Case
		head string
	}{{a, "head"}, {b, "head.nt"}} {
		v, err := app.Store.Viewer(ctx, user(p.head))
		if err != nil {
			t.Fatal(err)
		}
		ds, err := app.Store.CaseDocuments(ctx, workflow.Viewer{}, p.cs)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if d.Template != "TC-06" {
				continue
			}
			edit := store.DocumentEdit{Body: []string{"Ngày 04/11/2026, đơn vị đã thụ lý tố cáo đối với ông Trần Văn Bình, cán bộ địa chính.",
				"Đề nghị ông giải trình bằng văn bản về nội dung bị tố cáo."}, To: []string{"Ông Trần Văn Bình", "Lưu: VT, hồ sơ"}}
			if _, err := app.Store.EditDocument(ctx, user(p.head), v, p.cs, d.ID, edit); err != nil {
				t.Fatal(err)
			}
			if _, err := app.Store.IssueDocument(ctx, user(p.head), v, p.cs, d.ID); err != nil {
				t.Fatal(err)
			}
		}
	}

	e := &amEnv{t: t, app: app, tokens: map[string]string{}, browsers: map[string]*browser{}, csrf: map[string]string{},
		client: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		cases:  [2]amCase{{a.ID, a.TrackingCode, "KH-UBND"}, {b.ID, b.TrackingCode, "KH-NT"}}}
	for _, act := range amActors {
		e.browsers[act.login] = app.newBrowser(t, act.login)
		if !act.anonymous() {
			e.tokens[act.login] = app.apiToken(t, act.login)
			e.csrf[act.login] = e.browsers[act.login].csrf("/tra-cuu")
		}
	}
	return e
}

// amRow reads one hand-written row of the table: one field per actor, "|" ignored.
func amRow(t *testing.T, route, row string) []string {
	t.Helper()
	var out []string
	for _, f := range strings.Fields(row) {
		if f != "|" {
			out = append(out, f)
		}
	}
	if len(out) != len(amActors) {
		t.Fatalf("%s: row %q has %d cells, want %d (%s)", route, row, len(out), len(amActors), amHeader)
	}
	return out
}

func TestWhoSeesWhat(t *testing.T) {
	logs := amCaptureLog(t)
	e := amSetup(t)
	secrets := [2]amPerson{amA, amB}
	cells, mayShow := 0, 0
	for _, r := range amRoutes {
		for ci, c := range e.cases {
			want := amRow(t, r.name, r.want[ci])
			listed := amRow(t, r.name, amListed[ci])
			for ai, a := range amActors {
				where := fmt.Sprintf("%s, %s, case in %s", r.name, a, c.Unit)
				readsBefore := e.identityReads(c)
				res := r.do(e, a, c)
				reads := e.identityReads(c) - readsBefore
				cells++
				wantStatus, err := strconv.Atoi(want[ai])
				if err != nil {
					t.Fatalf("%s: bad expected status %q", where, want[ai])
				}
				if res.status != wantStatus {
					t.Errorf("%s: status %d, want %d\n%s", where, res.status, wantStatus, amSnippet(res.body))
				}
				if r.staff && a.anonymous() {
					if loc := res.header.Get("Location"); !strings.HasPrefix(loc, "/dang-nhap?next=") {
						t.Errorf("%s: Location %q, want the sign-in page", where, loc)
					}
				}
				if strings.HasPrefix(r.name, "GET /api/") || strings.HasPrefix(r.name, "POST /api/") ||
					strings.HasPrefix(r.name, "PUT /api/") || strings.HasPrefix(r.name, "DELETE /api/") || strings.HasPrefix(r.name, "No") {
					amCheckErrorShape(t, where, res)
				}
				if r.lists && res.status == http.StatusOK {
					if got, wantListed := strings.Contains(res.body, c.Code), listed[ai] == "Y"; got != wantListed {
						t.Errorf("%s: case %s listed %v, want %v", where, c.Code, got, wantListed)
					}
				}
				// The denouncers: each may appear only in an answer about their own
				// case, to those amIdentity names; never in a header.
				for si, s := range secrets {
					allowed := r.identity && si == ci && amContains(amIdentity[si], a.login)
					answer := res.body
					if !allowed {
						answer += "\n" + amHeaderText(res.header)
					} else {
						mayShow++
						if f := amRevealed(amHeaderText(res.header), s); f != "" {
							t.Errorf("%s: a header reveals the denouncer (%s)", where, f)
						}
					}
					if si == ci && !allowed && reads != 0 {
						t.Errorf("%s: %d reads of denouncer %c recorded for someone who may not see them", where, reads, 'A'+si)
					}
					if !allowed {
						if f := amRevealed(answer, s); f != "" {
							t.Errorf("%s: the answer reveals denouncer %c (%s)\n%s", where, 'A'+si, f, amSnippet(res.body))
						}
						continue
					}
					if res.status/100 == 2 && r.show != "" {
						// Positive control: the check above would see the name if it were there.
						if !strings.Contains(res.body, s.name) {
							t.Errorf("%s: %s may see denouncer %c but the answer does not show the name", where, a, 'A'+si)
						}
						if r.show == "name+id" && !strings.Contains(res.body, s.id) {
							t.Errorf("%s: %s may see denouncer %c but the answer does not show the ID number", where, a, 'A'+si)
						}
						// DOMAIN.md §4: every read of a denouncer's identity is logged.
						if reads < 1 {
							t.Errorf("%s: %s saw denouncer %c but no identity read was recorded", where, a, 'A'+si)
						}
					}
				}
			}
		}
	}

	amDeskRepeats(t, e)

	// The server's log: every request logged through the logger we installed,
	// and never a denouncer's name or ID number.
	text := logs.settled()
	requests := strings.Count(text, "msg=request ")
	if requests < cells {
		t.Errorf("the log holds %d request lines for %d requests: the request log is not the captured logger", requests, cells)
	}
	for si, s := range secrets {
		if f := amRevealed(text, s); f != "" {
			t.Errorf("the server log reveals denouncer %c (%s)", 'A'+si, f)
		}
	}
	msg := fmt.Sprintf("routes × roles × units checked: %d", cells)
	t.Log(msg)
	t.Logf("(%d routes × %d actors × %d case units; %d cells where a denouncer may be shown; %d log lines, %d request lines)",
		len(amRoutes), len(amActors), len(e.cases), mayShow, strings.Count(text, "\n"), requests)
	fmt.Println(msg)
}

// amDeskRepeats: the desk's warning of a likely repeat must not become a way
// to learn who denounced whom (web_desk.go deskRepeats; LTC 2018 Art. 8(3)).
// An official types a denouncer's ID number at the desk: only those who may
// see that denouncer are warned (409, naming the earlier case but never its
// sender); anyone else's letter is simply saved (303), exactly as if no such
// letter existed. Run after the table: the saved letters are new cases.
func amDeskRepeats(t *testing.T, e *amEnv) {
	t.Helper()
	a, b := e.cases[0], e.cases[1]
	for _, x := range []struct {
		login  string
		typed  amPerson
		repeat amCase
		warned bool
	}{
		// Those warned first (nothing is saved), then those who save a letter:
		// the saved letters are denunciations too, whose senders the next
		// officials may not see either, so each answer below is exact.
		{"reception", amA, a, true},     // registered A
		{"head", amA, a, true},          // heads A's unit
		{"head.nt", amB, b, true},       // heads B's unit
		{"head", amB, b, false},         // the unit above B's: reads B, may not know its denouncer
		{"reception2", amA, a, false},   // same desk, did not register A
		{"head.nt", amA, a, false},      // A is outside KH-NT
		{"reception.nt", amA, a, false}, // A is outside KH-NT; head.nt's letter just saved is not theirs
	} {
		n := e.next()
		form := url.Values{"kind": {"denunciation"}, "channel": {"walk_in"}, "received_on": {"24/11/2026"},
			"subject": {fmt.Sprintf("Tố cáo việc cấp phép xây dựng số %d", n)}, "content": {"Nội dung tố cáo."},
			"name": {fmt.Sprintf("Người Gửi Thứ %d", n)}, "id_number": {x.typed.id}, "signatories": {"1"}, "complexity": {"normal"}}
		res := e.page(amActor{login: x.login}, http.MethodPost, "/tiep-nhan", form)
		where := fmt.Sprintf("desk: %s types the ID number of the denouncer of %s", x.login, x.repeat.Code)
		want := http.StatusSeeOther
		if x.warned {
			want = http.StatusConflict
		}
		if res.status != want {
			t.Errorf("%s: status %d, want %d\n%s", where, res.status, want, amSnippet(res.body))
			continue
		}
		if x.warned && !strings.Contains(res.body, x.repeat.Code) {
			t.Errorf("%s: the warning does not name the earlier case", where)
		}
		// The typed ID number comes back in the form; the earlier sender's name, address and phone never do.
		if f := amRevealed(res.body+amHeaderText(res.header), amPerson{name: x.typed.name, phone: x.typed.phone,
			address: x.typed.address}); f != "" {
			t.Errorf("%s: the answer reveals the denouncer (%s)", where, f)
		}
	}
}

// amCheckErrorShape asserts that an API refusal has API.md's error body.
func amCheckErrorShape(t *testing.T, where string, res amResp) {
	t.Helper()
	if res.status < 400 {
		return
	}
	var out struct {
		Error *struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(res.body), &out); err != nil || out.Error == nil || out.Error.Code == "" || out.Error.Message == "" {
		t.Errorf("%s: a %d without {\"error\":{\"code\",\"message\"}}: %s", where, res.status, amSnippet(res.body))
	}
}

func amContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// amHeaderText is the answer's headers a browser keeps or follows (cookies, redirects), decoded.
func amHeaderText(h http.Header) string {
	var b strings.Builder
	for _, k := range []string{"Location", "Set-Cookie", "Refresh", "Content-Disposition"} {
		for _, v := range h.Values(k) {
			b.WriteString(v + "\n")
		}
	}
	return b.String()
}

func amSnippet(body string) string {
	if len(body) > 400 {
		return body[:400] + "…"
	}
	return body
}

// amRevealed reports how text reveals a person ("" when it does not): the
// name (or address) as typed, in NFD, with JSON's \u escapes, HTML's
// character references, URL escapes, or folded ("tran thi bi mat"); the ID
// number or phone as is or spaced out.
func amRevealed(text string, p amPerson) string {
	for _, f := range amForms(p.name) {
		if strings.Contains(text, f.form) {
			return "name, " + f.how
		}
	}
	for _, v := range amDecodings(text) {
		folded := workflow.Fold(v.text)
		if strings.Contains(folded, workflow.Fold(p.name)) {
			return "name, folded, " + v.how
		}
		if p.address != "" && strings.Contains(folded, workflow.Fold(p.address)) {
			return "address, " + v.how
		}
		digits := strings.NewReplacer(".", "", "-", "").Replace(strings.Join(strings.Fields(v.text), ""))
		if p.id != "" && strings.Contains(digits, p.id) {
			return "ID number, " + v.how
		}
		if p.phone != "" && strings.Contains(digits, p.phone) {
			return "phone, " + v.how
		}
	}
	return ""
}

type amForm struct{ form, how string }

// amForms spells a name every way an answer could carry it.
func amForms(s string) []amForm {
	forms := []amForm{{s, "as typed"}, {norm.NFD.String(s), "NFD"}, {html.EscapeString(s), "HTML-escaped"},
		{url.QueryEscape(s), "query-escaped"}, {url.PathEscape(s), "path-escaped"}, {workflow.Fold(s), "folded"}}
	var jsonLower, jsonUpper, dec, hexLower, hexUpper strings.Builder
	for _, r := range s {
		if r < 0x80 {
			for _, b := range []*strings.Builder{&jsonLower, &jsonUpper, &dec, &hexLower, &hexUpper} {
				b.WriteRune(r)
			}
			continue
		}
		fmt.Fprintf(&jsonLower, `\u%04x`, r)
		fmt.Fprintf(&jsonUpper, `\u%04X`, r)
		fmt.Fprintf(&dec, "&#%d;", r)
		fmt.Fprintf(&hexLower, "&#x%x;", r)
		fmt.Fprintf(&hexUpper, "&#x%X;", r)
	}
	return append(forms, amForm{jsonLower.String(), "JSON-escaped"}, amForm{jsonUpper.String(), "JSON-escaped"},
		amForm{dec.String(), "HTML decimal references"}, amForm{hexLower.String(), "HTML hex references"},
		amForm{hexUpper.String(), "HTML hex references"})
}

var (
	amJSONEscape = regexp.MustCompile(`\\u([0-9a-fA-F]{4})`)
	amURLEscape  = regexp.MustCompile(`(?:%[0-9a-fA-F]{2})+`)
)

type amDecoding struct{ text, how string }

// amDecodings are the answer as read after each way of escaping is undone.
func amDecodings(s string) []amDecoding {
	unJSON := amJSONEscape.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.ParseUint(m[2:], 16, 32)
		return string(rune(n))
	})
	unURL := amURLEscape.ReplaceAllStringFunc(s, func(m string) string {
		if u, err := url.PathUnescape(m); err == nil {
			return u
		}
		return m
	})
	all := html.UnescapeString(amJSONEscape.ReplaceAllStringFunc(unURL, func(m string) string {
		n, _ := strconv.ParseUint(m[2:], 16, 32)
		return string(rune(n))
	}))
	return []amDecoding{{s, "as sent"}, {html.UnescapeString(s), "HTML-unescaped"}, {unJSON, "JSON-unescaped"},
		{unURL, "URL-unescaped"}, {all, "all escapes undone"}}
}

// amLogBuffer collects the server's log lines.
type amLogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *amLogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *amLogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// settled waits until no more lines arrive (the request log line is written
// just after the answer is sent) and returns the log.
func (l *amLogBuffer) settled() string {
	last, quiet := -1, 0
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline) && quiet < 4; {
		time.Sleep(50 * time.Millisecond)
		if n := len(l.String()); n == last {
			quiet++
		} else {
			last, quiet = n, 0
		}
	}
	return l.String()
}

// amCaptureLog sends slog's default logger — which the request log, recovery
// and every error path use — and the log package (which slog.SetDefault
// redirects too) to a buffer, at every level, for the whole test; both are
// restored afterwards.
func amCaptureLog(t *testing.T) *amLogBuffer {
	buf := &amLogBuffer{}
	prev := slog.Default()
	out, flags, prefix := log.Writer(), log.Flags(), log.Prefix()
	slog.SetDefault(slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	t.Cleanup(func() {
		slog.SetDefault(prev)
		log.SetOutput(out)
		log.SetFlags(flags)
		log.SetPrefix(prefix)
	})
	return buf
}

// TestWhoSeesWhatCatchesEveryForm checks the detector of TestWhoSeesWhat: each
// spelling of a denouncer it must catch, and ordinary pages it must not flag.
func TestWhoSeesWhatCatchesEveryForm(t *testing.T) {
	p := amA
	catch := map[string]string{
		"as typed":          "<dd>" + p.name + "</dd>",
		"NFD":               norm.NFD.String(p.name),
		"JSON lower":        `{"name":"Tr\u1ea7n Th\u1ecb B\u00ed M\u1eadt"}`,
		"JSON upper":        `Tr\u1EA7n Th\u1ECB B\u00ED M\u1EADt`,
		"HTML decimal":      "Tr&#7847;n Th&#7883; B&#237; M&#7853;t",
		"HTML hex":          "Tr&#x1ea7;n Th&#x1ecb; B&#xed; M&#x1ead;t",
		"URL":               "/ho-so?q=" + url.QueryEscape(p.name),
		"folded":            "tran thi bi mat",
		"upper, no marks":   "TRAN THI BI MAT",
		"spaced":            "Trần  Thị\nBí Mật",
		"ID":                `"id_number":"079123456789"`,
		"ID spaced":         "079 123 456 789",
		"ID dotted":         "079.123.456.789",
		"phone":             "SĐT 0905 123 456",
		"address, no marks": "so 7 hem 12 Le Loi, phuong Tan Lap",
		"in a log line":     `time=2026-11-25 level=ERROR msg=page err="store: Tr\u1ea7n Th\u1ecb B\u00ed M\u1eadt"`,
	}
	for what, text := range catch {
		if amRevealed(text, p) == "" {
			t.Errorf("%s: %q not caught", what, text)
		}
	}
	pass := []string{
		"Danh tính người tố cáo được giữ bí mật (Luật Tố cáo 2018 Điều 8, 47).",
		"Trần Thị Giám — giám sát", `{"received_on":"2026-11-02","at":"2026-11-25T03:00:00.123456789Z"}`,
		"UBND phường Nha Trang", "Lê Lợi",
	}
	for _, text := range pass {
		if f := amRevealed(text, p); f != "" {
			t.Errorf("%q flagged (%s)", text, f)
		}
	}
}
