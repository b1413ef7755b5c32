package store_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// The acts a report counts are kept on the case's row as they are recorded
// (store/report_acts.go), and the day a decision was carried out; migration
// 00023 gave the cases recorded before it theirs from the history. Both must
// keep the same acts, days and fields — and no text: a transfer's target, a
// note, a decision's summary.
func TestReportActsKeptAndBackFilled(t *testing.T) {
	w := mustWorld(t)
	w.user("handler")
	classify := ev(workflow.EvClassify, "2026-11-03")
	classify.Domain = workflow.DomainLand
	decide := ev(workflow.EvResolve, "2026-11-20")
	decide.Outcome, decide.Summary, decide.RecoverMoney, decide.SanctionPersons = workflow.PartlyCorrect, "Bà Nguyễn Thị Lan đúng một phần", 120.5, 2
	paid := ev(workflow.EvImplement, "2026-11-25")
	paid.RecoveredMoney, paid.Completed, paid.Note = 120.5, true, "Đã nộp ngân sách"
	complaint := w.acts(w.register("reception", letter(workflow.Complaint, 1, "2026-11-02")),
		ev(workflow.EvAssign, "2026-11-02"), classify, ev(workflow.EvAccept, "2026-11-05"), decide, paid)
	transfer := ev(workflow.EvTransfer, "2026-11-04")
	transfer.Target, transfer.Mode = "UBND phường Nha Trang", workflow.ModeGuide
	sent := w.acts(w.register("reception", letter(workflow.Petition, 0, "2026-11-03")), transfer)
	withdraw := ev(workflow.EvWithdraw, "2026-11-12")
	withdraw.ViolationSigns, withdraw.Note = true, "Người tố cáo rút đơn"
	withdrawn := w.acts(w.register("reception", letter(workflow.Denunciation, 0, "2026-11-04")),
		ev(workflow.EvAssign, "2026-11-04"), ev(workflow.EvAccept, "2026-11-06"), withdraw)
	untouched := w.register("reception", letter(workflow.Petition, 0, "2026-11-05"))
	ids := []int64{complaint.ID, sent.ID, withdrawn.ID, untouched.ID}
	w.s.Close()

	db := storetest.Raw(t, w.dsn)
	kept := reportActsOf(t, db, ids)
	want := []string{
		`[{"e":"classify","on":"2026-11-03","in":{"domain":"land"}},{"e":"accept","on":"2026-11-05"},` +
			`{"e":"resolve","on":"2026-11-20","in":{"outcome":"partly_correct","recover_money":120.5,"sanction_persons":2}},` +
			`{"e":"implement","on":"2026-11-25","in":{"completed":true,"recovered_money":120.5}}]`,
		`[{"e":"transfer","on":"2026-11-04","in":{"mode":"guide"}}]`,
		`[{"e":"accept","on":"2026-11-06"},{"e":"withdraw","on":"2026-11-12","in":{"violation_signs":true}}]`,
		`[]`,
	}
	for i := range want {
		if !reflect.DeepEqual(kept[i], decodeActs(t, want[i])) {
			t.Errorf("case %d kept %v, want %s", ids[i], kept[i], want[i])
		}
	}

	carriedOut := implementedOn(t, db, ids)
	if want := []string{"2026-11-25", "", "", ""}; !reflect.DeepEqual(carriedOut, want) {
		t.Errorf("carried out on %v, want %v", carriedOut, want)
	}

	undoReportActs(t, db)
	mustExec(t, db, `DELETE FROM goose_db_version WHERE version_id >= 23`)
	s, err := store.Open(w.ctx, w.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if filled := reportActsOf(t, db, ids); !reflect.DeepEqual(filled, kept) {
		t.Errorf("back-filled from the history:\n%v\nkept as recorded:\n%v", filled, kept)
	}
	if filled := implementedOn(t, db, ids); !reflect.DeepEqual(filled, carriedOut) {
		t.Errorf("back-filled as carried out on %v, kept %v", filled, carriedOut)
	}
}

// implementedOn reads the days the cases' decisions were carried out.
func implementedOn(t *testing.T, db *sqlx.DB, ids []int64) []string {
	t.Helper()
	out := make([]string, len(ids))
	for i, id := range ids {
		var day *string
		if err := db.Get(&day, db.Rebind(`SELECT implemented_on FROM cases WHERE id = ?`), id); err != nil {
			t.Fatal(err)
		}
		if day != nil {
			out[i] = *day
		}
	}
	return out
}

// undoDocuments undoes migrations 00024 to 00032: the papers, the
// attachments, the reception's papers, the administration of users and
// units, the indexes of the public decisions and of a unit's users.
func undoDocuments(t *testing.T, db *sqlx.DB) {
	t.Helper()
	mustExec(t, db, `DROP INDEX users_unit`)
	mustExec(t, db, `DROP INDEX cases_disclosed`)
	mustExec(t, db, `ALTER TABLE api_tokens DROP COLUMN unit_id`)
	mustExec(t, db, `ALTER TABLE sessions DROP COLUMN unit_id`)
	mustExec(t, db, `ALTER TABLE users DROP COLUMN must_change_password`)
	for _, table := range []string{"user_posts", "case_unit_moves", "unit_names", "admin_log", "visit_papers", "attachments", "document_log", "document_sendings", "document_counters", "documents"} {
		mustExec(t, db, `DROP TABLE `+table)
	}
	if storetest.Postgres() {
		mustExec(t, db, `DROP FUNCTION documents_frozen()`)
	}
}

// undoReportActs undoes migration 00023 as a database made before it had it,
// and what follows it.
func undoReportActs(t *testing.T, db *sqlx.DB) {
	t.Helper()
	undoDocuments(t, db)
	mustExec(t, db, `DROP INDEX cases_report`)
	mustExec(t, db, `ALTER TABLE cases DROP COLUMN report_acts`)
	mustExec(t, db, `ALTER TABLE cases DROP COLUMN implemented_on`)
	mustExec(t, db, `CREATE INDEX history_report ON history(case_id, on_date, seq)
		WHERE event IN ('accept', 'reject', 'transfer', 'file', 'classify', 'withdraw', 'resolve', 'implement')`)
	mustExec(t, db, `CREATE INDEX cases_report ON cases(unit_id, received_on, last_event_on, state, kind, resolved_on)`)
}

type keptAct struct {
	Event string         `json:"e"`
	On    string         `json:"on"`
	In    map[string]any `json:"in"`
}

// reportActsOf reads the cases' report_acts, decoded.
func reportActsOf(t *testing.T, db *sqlx.DB, ids []int64) [][]keptAct {
	t.Helper()
	out := make([][]keptAct, len(ids))
	for i, id := range ids {
		var text string
		if err := db.Get(&text, db.Rebind(`SELECT report_acts FROM cases WHERE id = ?`), id); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(text, "Nguyễn") || strings.Contains(text, "Nha Trang") || strings.Contains(text, "rút đơn") {
			t.Errorf("case %d keeps a text for its reports: %s", id, text)
		}
		out[i] = decodeActs(t, text)
	}
	return out
}

// decodeActs decodes report_acts; an act with no fields the forms read may
// say so by no "in", a null or an empty one.
func decodeActs(t *testing.T, text string) []keptAct {
	t.Helper()
	var acts []keptAct
	if err := json.Unmarshal([]byte(text), &acts); err != nil {
		t.Fatalf("report_acts %q: %v", text, err)
	}
	for i := range acts {
		if len(acts[i].In) == 0 {
			acts[i].In = nil
		}
	}
	return acts
}
