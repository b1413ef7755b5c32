package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"petitions/workflow"
)

// The reception's papers, numbered (migration 00026): a visit's notice
// refusing to receive the citizen (Mẫu 01/TCD, a TB) and its receipt for the
// papers handed in (Mẫu 02/TCD, a GBN), each once, from the unit's counters.

// VisitPaper is one of a visit's papers, issued.
type VisitPaper struct {
	Form     string        `db:"form" json:"form"`
	Number   string        `db:"number_text" json:"number"`
	IssuedOn workflow.Date `db:"issued_on" json:"issued_on"`
}

// visitPaperKinds are the forms and the kind each is numbered as.
var visitPaperKinds = map[string]string{"01/TCD": "TB", "02/TCD": "GBN"}

// IssueVisitPaper numbers one of a visit's papers, for who writes the unit's
// book: a refusal's notice only for a visit refused, a receipt only for one
// that handed papers in; once each (409 again).
func (s *Store) IssueVisitPaper(ctx context.Context, actor User, v workflow.Viewer, visit ReceptionVisit, form string) (VisitPaper, error) {
	kind, ok := visitPaperKinds[form]
	switch {
	case !ok:
		return VisitPaper{}, workflow.Invalid("form", "giấy tờ phải là 01/TCD hoặc 02/TCD")
	case !v.MayRecordReception(visit.UnitID):
		return VisitPaper{}, workflow.Errorf(workflow.CodeForbidden, "chỉ người ghi sổ tiếp công dân của đơn vị được cấp số")
	case form == "01/TCD" && visit.Outcome != workflow.VisitRefused:
		return VisitPaper{}, workflow.Invalid("form", "lượt tiếp này không bị từ chối tiếp")
	case form == "02/TCD" && strings.TrimSpace(visit.Documents) == "":
		return VisitPaper{}, workflow.Invalid("form", "lượt tiếp này không nộp giấy tờ nào")
	}
	u, err := s.UnitByCode(ctx, visit.Unit)
	if err != nil {
		return VisitPaper{}, err
	}
	today, now := s.clock()
	p := VisitPaper{Form: form, IssuedOn: today}
	err = s.write(ctx, func(tx *txn) error {
		number, err := nextNumber(ctx, tx, visit.UnitID, today.Year(), kind)
		if err != nil {
			return err
		}
		p.Number = strconv.Itoa(number) + "/" + kind + "-" + u.SettingsHistory().On(today).Symbol()
		_, err = tx.ExecContext(ctx, `INSERT INTO visit_papers (visit_id, unit_id, form, year, number_text, issued_on, issued_by, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, visit.ID, visit.UnitID, form, today.Year(), p.Number, today.String(), actor.ID, now)
		if isUniqueViolation(err) { // the number goes back with the rollback
			return workflow.Errorf(workflow.CodeConflict, "giấy %s của lượt tiếp này đã được cấp số", form)
		}
		if err != nil {
			return fmt.Errorf("store: number visit %d's %s: %w", visit.ID, form, err)
		}
		return nil
	})
	return p, err
}

// VisitPapers are the visit's numbered papers, by form.
func (s *Store) VisitPapers(ctx context.Context, visitID int64) (map[string]VisitPaper, error) {
	var rows []VisitPaper
	if err := s.r.SelectContext(ctx, &rows, `SELECT form, number_text, issued_on FROM visit_papers WHERE visit_id = ?`, visitID); err != nil {
		return nil, fmt.Errorf("store: papers of visit %d: %w", visitID, err)
	}
	out := map[string]VisitPaper{}
	for _, r := range rows {
		out[r.Form] = r
	}
	return out, nil
}
