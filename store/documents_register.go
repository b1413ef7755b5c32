package store

import (
	"context"
	"fmt"

	"petitions/workflow"
)

// RegisterEntry is one issued paper in its unit's register of outgoing
// papers (sổ đăng ký văn bản đi): it names no petitioner.
type RegisterEntry struct {
	Number       string        `json:"number"`
	IssuedOn     workflow.Date `json:"issued_on"`
	Template     string        `json:"template"`
	State        string        `json:"state"`
	Signer       string        `json:"signer"`
	DocumentID   int64         `json:"document_id"`
	CaseID       int64         `json:"case_id"`
	TrackingCode string        `json:"tracking_code"`
	Recipients   []string      `json:"recipients"`
	VisitID      int64         `json:"visit_id,omitempty"` // a reception paper's visit (01/TCD, 02/TCD)
}

// Register lists the papers a unit issued in a year, by number within each
// kind, as the caller (who checked workflow.Viewer.MayReadRegister) reads it.
func (s *Store) Register(ctx context.Context, unitID int64, year int) ([]RegisterEntry, error) {
	var rows []struct {
		documentRow
		TrackingCode string `db:"tracking_code"`
	}
	err := s.r.SelectContext(ctx, &rows, `SELECT d.id, d.case_id, d.unit_id, d.template, d.symbol, d.state, d.paper, d.sealed,
		d.number_text, d.issued_on, u.login AS issued_by, u.name AS signer, d.replaces_id, d.created_at, c.tracking_code
		FROM documents d JOIN users u ON u.id = d.issued_by JOIN cases c ON c.id = d.case_id
		WHERE d.unit_id = ? AND d.year = ? AND d.number IS NOT NULL ORDER BY d.symbol, d.number`, unitID, year)
	if err != nil {
		return nil, fmt.Errorf("store: register of unit %d: %w", unitID, err)
	}
	out := make([]RegisterEntry, len(rows))
	for i, r := range rows {
		d, err := s.documentOf(r.documentRow, true, nil) // it shows no petitioner (below)
		if err != nil {
			return nil, err
		}
		out[i] = RegisterEntry{Number: d.Number, IssuedOn: d.IssuedOn, Template: d.Template, State: d.State, Signer: d.Signer,
			DocumentID: d.ID, CaseID: d.CaseID, TrackingCode: r.TrackingCode}
		for _, a := range d.Recipients {
			switch a.Role {
			case "archive":
			case "petitioner": // the register is read beyond those who read the case: no petitioner's name
				out[i].Recipients = append(out[i].Recipients, "Người gửi đơn")
			default:
				out[i].Recipients = append(out[i].Recipients, a.Name)
			}
		}
	}
	visits, err := s.visitRegister(ctx, unitID, year)
	if err != nil {
		return nil, err
	}
	return append(out, visits...), nil
}

// visitRegister are the reception's numbered papers of the unit's year.
func (s *Store) visitRegister(ctx context.Context, unitID int64, year int) ([]RegisterEntry, error) {
	var rows []struct {
		Form     string        `db:"form"`
		Number   string        `db:"number_text"`
		IssuedOn workflow.Date `db:"issued_on"`
		Signer   string        `db:"signer"`
		VisitID  int64         `db:"visit_id"`
		CaseID   *int64        `db:"case_id"`
		Code     *string       `db:"tracking_code"`
	}
	err := s.r.SelectContext(ctx, &rows, `SELECT p.form, p.number_text, p.issued_on, u.name AS signer, p.visit_id, v.case_id,
		c.tracking_code FROM visit_papers p JOIN users u ON u.id = p.issued_by JOIN reception_visits v ON v.id = p.visit_id
		LEFT JOIN cases c ON c.id = v.case_id WHERE p.unit_id = ? AND p.year = ? ORDER BY p.id`, unitID, year)
	if err != nil {
		return nil, fmt.Errorf("store: reception papers of unit %d: %w", unitID, err)
	}
	out := make([]RegisterEntry, len(rows))
	for i, r := range rows {
		out[i] = RegisterEntry{Number: r.Number, IssuedOn: r.IssuedOn, Template: r.Form, State: DocIssued, Signer: r.Signer,
			VisitID: r.VisitID, Recipients: []string{"Công dân đến trình bày"}}
		if r.CaseID != nil {
			out[i].CaseID, out[i].TrackingCode = *r.CaseID, *r.Code
		}
	}
	return out, nil
}
