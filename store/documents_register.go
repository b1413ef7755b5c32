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
		d, err := s.documentOf(r.documentRow, false, nil)
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
	return out, nil
}
