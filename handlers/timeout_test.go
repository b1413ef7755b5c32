package handlers_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// TestStatementTimeoutEndsALongRead: on PostgreSQL, a supervisor's read that
// runs past the statement timeout (serve --statement-timeout) is ended, not
// left holding a connection, and answered 503 "unavailable" with a sentence
// saying why, never the database's text; once the database answers again, so
// does the route. The read is made long by an operator's lock on the cases.
func TestStatementTimeoutEndsALongRead(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL's statement_timeout; SQLite has none")
	}
	a := MustServe(t, store.WithStatementTimeout(300*time.Millisecond))
	a.register(t, "reception", letterBody("petition", "2026-11-24", "Đề nghị sửa đường liên thôn"))
	a.Token(t, "supervisor") // signed in before the lock

	lock := storetest.Raw(t, a.dsn).MustBegin()
	defer lock.Rollback()
	lock.MustExec(`LOCK TABLE cases IN ACCESS EXCLUSIVE MODE`)
	start := time.Now()
	status, body := a.Do(t, "supervisor", http.MethodGet, "/api/v1/backlog", nil)
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the read took %v: the timeout did not end it", took)
	}
	e := decode[struct{ Error apiError }](t, body).Error
	if status != http.StatusServiceUnavailable || e.Code != string(workflow.CodeUnavailable) ||
		!strings.Contains(e.Message, "thời gian cho phép") || strings.Contains(e.Message, "statement") {
		t.Errorf("a read past the timeout: %d %s, want 503 unavailable in Vietnamese", status, body)
	}

	if err := lock.Rollback(); err != nil {
		t.Fatal(err)
	}
	if status, body := a.Do(t, "supervisor", http.MethodGet, "/api/v1/backlog", nil); status != http.StatusOK ||
		!strings.Contains(string(body), `"open":1`) {
		t.Errorf("after the lock: %d %s, want the backlog with its letter", status, body)
	}
}
