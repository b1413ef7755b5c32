package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// The papers of a case (issue 18; workflow/papers.go). An act the law makes a
// written one drafts its papers in the act's own transaction; an officer edits
// a draft, the head issues it with the unit's next number, and who received it
// is recorded (documents_issue.go). A paper addressed to a denouncer alone is
// sealed like the petitioner and opened only for those who may see them.

// Document is a case's paper as one viewer reads it.
type Document struct {
	ID         int64          `json:"id"`
	CaseID     int64          `json:"case_id"`
	UnitID     int64          `json:"-"`
	Template   string         `json:"template"`
	State      string         `json:"state"` // draft, issued or replaced
	Number     string         `json:"number,omitempty"`
	IssuedOn   workflow.Date  `json:"issued_on"`
	IssuedBy   string         `json:"issued_by,omitempty"`
	Signer     string         `json:"-"` // the name of who issued it
	ReplacesID int64          `json:"replaces_id,omitempty"`
	CreatedAt  string         `json:"created_at"`
	Sealed     bool           `json:"sealed"` // it names a denouncer
	Hidden     bool           `json:"hidden"` // sealed and not opened: no text
	Paper      workflow.Paper `json:"-"`
	Recipients []Recipient    `json:"recipients"`
}

// Recipient is one line of a paper's "Nơi nhận", with when it was sent.
type Recipient struct {
	workflow.Addressee
	SentOn workflow.Date `json:"sent_on"`
}

// The states of a document.
const (
	DocDraft    = "draft"
	DocIssued   = "issued"
	DocReplaced = "replaced"
)

const documentPurpose = "document"

// pendingPaper is a draft encoded ahead of the act's transaction.
type pendingPaper struct {
	template, symbol, paper string
	sealed                  bool
}

// draftPapers drafts the papers the act issues on c as it leaves it, before
// the act's transaction: the petitioner is read only when a paper may name
// them (workflow.Template.Draft leaves a denouncer out of the others).
func (s *Store) draftPapers(ctx context.Context, c Case, in workflow.Input) ([]pendingPaper, error) {
	if len(workflow.TemplatesFor(in.Event, c.Kind, c.Case)) == 0 {
		return nil, nil
	}
	var p Petitioner
	if !c.Anonymous {
		var err error
		if p, err = s.petitioner(ctx, s.r, c.ID); err != nil {
			return nil, err
		}
	}
	return s.draftPapersFor(c, in, p)
}

// draftPapersFor drafts them with the petitioner at hand.
func (s *Store) draftPapersFor(c Case, in workflow.Input, p Petitioner) ([]pendingPaper, error) {
	templates := workflow.TemplatesFor(in.Event, c.Kind, c.Case)
	if len(templates) == 0 {
		return nil, nil
	}
	f := workflow.PaperFacts{Unit: workflow.IssuingBody(c.UnitName), Case: c.Case, Subject: c.Subject, ForwardedBy: c.ForwardedBy, Act: in,
		Petitioner: p.Personal()}
	out := make([]pendingPaper, 0, len(templates))
	for _, t := range templates {
		d := pendingPaper{template: t.Code, symbol: t.Symbol, sealed: t.ToPetitioner && c.Kind.IdentitySecret()}
		var err error
		if d.paper, err = s.encodePaper(c.ID, d.sealed, t.Draft(f)); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// encodePaper is a paper as stored: JSON, sealed when it names a denouncer.
func (s *Store) encodePaper(caseID int64, sealed bool, p workflow.Paper) (string, error) {
	if sealed {
		return s.keys.sealValue(caseID, documentPurpose, p)
	}
	b, err := json.Marshal(p)
	return string(b), err
}

// insertPapers writes the drafts inside the act's transaction.
func insertPapers(ctx context.Context, tx *txn, caseID, unitID, actorID int64, now string, papers []pendingPaper) error {
	for _, d := range papers {
		var id int64
		if err := tx.GetContext(ctx, &id, `INSERT INTO documents (case_id, unit_id, template, symbol, state, paper, sealed,
			created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?) RETURNING id`,
			caseID, unitID, d.template, d.symbol, d.paper, d.sealed, actorID, now, now); err != nil {
			return fmt.Errorf("store: draft %s of case %d: %w", d.template, caseID, err)
		}
		if err := logDocument(ctx, tx, id, "drafted", actorID, now, ""); err != nil {
			return err
		}
	}
	return nil
}

func logDocument(ctx context.Context, tx *txn, id int64, act string, actorID int64, now, detail string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO document_log (document_id, act, actor_id, at, detail) VALUES (?, ?, ?, ?, ?)`,
		id, act, actorID, now, detail); err != nil {
		return fmt.Errorf("store: log document %d: %w", id, err)
	}
	return nil
}

type documentRow struct {
	ID         int64         `db:"id"`
	CaseID     int64         `db:"case_id"`
	UnitID     int64         `db:"unit_id"`
	Template   string        `db:"template"`
	Symbol     string        `db:"symbol"`
	State      string        `db:"state"`
	Paper      string        `db:"paper"`
	Sealed     bool          `db:"sealed"`
	NumberText *string       `db:"number_text"`
	IssuedOn   workflow.Date `db:"issued_on"`
	IssuedBy   *string       `db:"issued_by"`
	Signer     *string       `db:"signer"`
	ReplacesID *int64        `db:"replaces_id"`
	CreatedAt  string        `db:"created_at"`
}

const documentSelect = `SELECT d.id, d.case_id, d.unit_id, d.template, d.symbol, d.state, d.paper, d.sealed, d.number_text,
	d.issued_on, u.login AS issued_by, u.name AS signer, d.replaces_id, d.created_at FROM documents d LEFT JOIN users u ON u.id = d.issued_by`

// CaseDocuments lists the case's papers, oldest first, for a viewer the
// caller has checked may read the case. A sealed paper's text stays closed
// in the list: CaseDocument opens it, and records the read. A paper of a
// complaint or petition may name its sender: it is closed to one who may not
// see them (an administrator, DOMAIN.md §4).
func (s *Store) CaseDocuments(ctx context.Context, v workflow.Viewer, c Case) ([]Document, error) {
	var rows []documentRow
	if err := s.r.SelectContext(ctx, &rows, documentSelect+` WHERE d.case_id = ? ORDER BY d.id`, c.ID); err != nil {
		return nil, fmt.Errorf("store: documents of case %d: %w", c.ID, err)
	}
	sent, err := s.sendings(ctx, s.r, c.ID, 0)
	if err != nil {
		return nil, err
	}
	out := make([]Document, len(rows))
	for i, r := range rows {
		if out[i], err = s.documentOf(r, !r.Sealed && mayReadPapers(v, c), sent[r.ID]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CaseDocument is one paper of the case, or a not-found error. A sealed
// paper is opened for one who may see the denouncer, the read recorded for
// the purpose as a read of the petitioner is (LTC 2018 Art. 47).
func (s *Store) CaseDocument(ctx context.Context, v workflow.Viewer, c Case, id int64, purpose string) (Document, error) {
	var r documentRow
	if err := s.r.GetContext(ctx, &r, documentSelect+` WHERE d.id = ? AND d.case_id = ?`, id, c.ID); err != nil {
		return Document{}, notFound(err, "văn bản")
	}
	sent, err := s.sendings(ctx, s.r, 0, id)
	if err != nil {
		return Document{}, err
	}
	open := mayReadPapers(v, c)
	if r.Sealed {
		if open = v.MaySeePetitioner(c.Ref()); open {
			if err := s.recordIdentityRead(ctx, c.ID, v.UserID, purpose); err != nil {
				return Document{}, err
			}
		}
	}
	return s.documentOf(r, open, sent[id])
}

// mayReadPapers reports whether v may read the text of the case's papers not
// sealed: a denunciation's never name the denouncer; a complaint's or
// petition's may name their sender, for those who may see them.
func mayReadPapers(v workflow.Viewer, c Case) bool {
	return c.Kind.IdentitySecret() || v.MaySeePetitioner(c.Ref())
}

// DocumentCase is the case a document belongs to, for the caller to check access.
func (s *Store) DocumentCase(ctx context.Context, id int64) (int64, error) {
	var caseID int64
	if err := s.r.GetContext(ctx, &caseID, `SELECT case_id FROM documents WHERE id = ?`, id); err != nil {
		return 0, notFound(err, "văn bản")
	}
	return caseID, nil
}

// documentOf decodes a row, its text closed unless open.
func (s *Store) documentOf(r documentRow, open bool, sent map[int]workflow.Date) (Document, error) {
	d := Document{ID: r.ID, CaseID: r.CaseID, UnitID: r.UnitID, Template: r.Template, State: r.State,
		IssuedOn: r.IssuedOn, CreatedAt: r.CreatedAt, Sealed: r.Sealed}
	if r.NumberText != nil {
		d.Number = *r.NumberText
	}
	if r.IssuedBy != nil {
		d.IssuedBy, d.Signer = *r.IssuedBy, *r.Signer
	}
	if r.ReplacesID != nil {
		d.ReplacesID = *r.ReplacesID
	}
	var err error
	if r.Sealed {
		err = s.keys.openValue(r.CaseID, documentPurpose, r.Paper, &d.Paper)
	} else {
		err = json.Unmarshal([]byte(r.Paper), &d.Paper)
	}
	if err != nil {
		return Document{}, fmt.Errorf("store: document %d: %w", r.ID, err)
	}
	if !open {
		d.Hidden, d.Paper = true, closedPaper(d.Paper)
	}
	for i, a := range d.Paper.To {
		d.Recipients = append(d.Recipients, Recipient{Addressee: a, SentOn: sent[i]})
	}
	return d, nil
}

// closedPaper is what a paper shows unopened: who must receive it, a
// petitioner by their role, and whether it was sent; no text.
func closedPaper(p workflow.Paper) workflow.Paper {
	closed := workflow.Paper{Template: p.Template}
	for _, a := range p.To {
		if a.Role == "petitioner" {
			a.Name = "Người gửi đơn"
		}
		closed.To = append(closed.To, a)
	}
	return closed
}

// sendings are the days each recipient was sent each paper of a case (or one paper).
func (s *Store) sendings(ctx context.Context, q sqlx.QueryerContext, caseID, documentID int64) (map[int64]map[int]workflow.Date, error) {
	var rows []struct {
		DocumentID int64         `db:"document_id"`
		Recipient  int           `db:"recipient"`
		SentOn     workflow.Date `db:"sent_on"`
	}
	query, arg := `SELECT s.document_id, s.recipient, s.sent_on FROM document_sendings s JOIN documents d ON d.id = s.document_id
		WHERE d.case_id = ?`, caseID
	if documentID != 0 {
		query, arg = `SELECT document_id, recipient, sent_on FROM document_sendings WHERE document_id = ?`, documentID
	}
	if err := sqlx.SelectContext(ctx, q, &rows, query, arg); err != nil {
		return nil, fmt.Errorf("store: sendings: %w", err)
	}
	out := map[int64]map[int]workflow.Date{}
	for _, r := range rows {
		if out[r.DocumentID] == nil {
			out[r.DocumentID] = map[int]workflow.Date{}
		}
		out[r.DocumentID][r.Recipient] = r.SentOn
	}
	return out, nil
}
