package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"petitions/workflow"
)

// A paper's life after its act drafted it: edited as a draft, issued with
// the unit's next number for the year and kind, sent to each recipient, or
// replaced by a corrected paper. Each act and its log line commit together.

// DocumentEdit is an officer's edit of a draft: its body, and the names of
// its recipients, by position (to write in who is denounced). The caller has
// put its texts through the input rule for texts.
type DocumentEdit struct {
	Body []string `json:"body"`
	To   []string `json:"to"`
}

// maxPaperParagraphs bounds an edit's body.
const maxPaperParagraphs = 200

// documentFor reads a paper of the case, opened, for an act on it by v (who
// the caller checked may act on the case): one whose text v may not read,
// as it names the sender, is refused.
func (s *Store) documentFor(ctx context.Context, v workflow.Viewer, c Case, id int64) (Document, error) {
	d, err := s.CaseDocument(ctx, v, c, id, "document")
	if err != nil {
		return d, err
	}
	if d.Hidden {
		return d, &workflow.Error{Code: workflow.CodeIdentityForbidden, Field: "document",
			Message: "văn bản này nêu danh tính người gửi đơn; bạn không được xem hay sửa văn bản này"}
	}
	return d, nil
}

// checkPaper refuses a paper that names a denouncer where it may not.
func (s *Store) checkPaper(ctx context.Context, c Case, p workflow.Paper) error {
	t := workflow.TemplateByCode(p.Template)
	if t == nil || !c.Kind.IdentitySecret() || t.ToPetitioner || c.Anonymous {
		return nil
	}
	person, err := s.petitioner(ctx, s.r, c.ID)
	if err != nil {
		return err
	}
	return t.CheckNotNaming(c.Kind, p, person.Personal())
}

// EditDocument changes a draft's body and recipients' names.
func (s *Store) EditDocument(ctx context.Context, actor User, v workflow.Viewer, c Case, id int64, e DocumentEdit) (Document, error) {
	d, err := s.documentFor(ctx, v, c, id)
	if err != nil {
		return d, err
	}
	if d.State != DocDraft {
		return d, workflow.Errorf(workflow.CodeConflict, "văn bản %s đã ban hành, không sửa được; hãy lập văn bản thay thế", d.Number)
	}
	p, err := editedPaper(d.Paper, e)
	if err != nil {
		return d, err
	}
	if err := s.checkPaper(ctx, c, p); err != nil {
		return d, err
	}
	text, err := s.encodePaper(c.ID, d.Sealed, p)
	if err != nil {
		return d, err
	}
	_, now := s.clock()
	err = s.write(ctx, func(tx *txn) error {
		res, err := tx.ExecContext(ctx, `UPDATE documents SET paper = ?, updated_at = ? WHERE id = ? AND state = 'draft'`, text, now, id)
		if err != nil {
			return fmt.Errorf("store: edit document %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return workflow.Errorf(workflow.CodeConflict, "văn bản vừa được ban hành; hãy tải lại")
		}
		return logDocument(ctx, tx, id, "edited", actor.ID, now, "")
	})
	if err != nil {
		return d, err
	}
	return s.CaseDocument(ctx, v, c, id, "document")
}

// editedPaper is the paper with the edit's body and names, checked.
func editedPaper(p workflow.Paper, e DocumentEdit) (workflow.Paper, error) {
	if len(e.Body) > maxPaperParagraphs {
		return p, workflow.Invalid("body", "văn bản có quá %d đoạn", maxPaperParagraphs)
	}
	body := make([]string, 0, len(e.Body))
	for _, line := range e.Body {
		line = strings.TrimSpace(line)
		if len([]rune(line)) > workflow.MaxLong {
			return p, workflow.Invalid("body", "một đoạn văn bản dài quá %d ký tự", workflow.MaxLong)
		}
		if line != "" {
			body = append(body, line)
		}
	}
	if len(body) == 0 {
		return p, workflow.Invalid("body", "văn bản chưa có nội dung")
	}
	if len(e.To) > 0 && len(e.To) != len(p.To) {
		return p, workflow.Invalid("to", "văn bản có %d nơi nhận; cần ghi đủ %d tên", len(p.To), len(p.To))
	}
	out := workflow.Paper{Template: p.Template, Body: body, To: append([]workflow.Addressee(nil), p.To...)}
	for i, name := range e.To {
		name = strings.TrimSpace(name)
		if name == "" || len([]rune(name)) > workflow.MaxShort {
			return p, workflow.Invalid("to", "nơi nhận thứ %d cần có tên, không quá %d ký tự", i+1, workflow.MaxShort)
		}
		out.To[i].Name = name
	}
	if err := refuseUnstorable(append(append([]string{}, body...), e.To...)...); err != nil {
		return p, err
	}
	return out, nil
}

// IssueDocument issues a draft on the day: it takes the unit's next number
// for the year and the paper's kind, and its text is frozen from then on. A
// paper that replaces another leaves that one replaced.
func (s *Store) IssueDocument(ctx context.Context, actor User, v workflow.Viewer, c Case, id int64) (Document, error) {
	if !v.MayIssuePaper(c.Ref()) {
		return Document{}, workflow.Errorf(workflow.CodeForbidden, "chỉ thủ trưởng đơn vị giải quyết được ký ban hành văn bản")
	}
	d, err := s.documentFor(ctx, v, c, id)
	if err != nil {
		return d, err
	}
	if d.State != DocDraft {
		return d, workflow.Errorf(workflow.CodeConflict, "văn bản đã được ban hành (số %s)", d.Number)
	}
	if err := d.Paper.CheckIssuable(); err != nil {
		return d, err
	}
	if err := s.checkPaper(ctx, c, d.Paper); err != nil {
		return d, err
	}
	today, now := s.clock()
	symbol := Unit{Settings: c.UnitSettings}.SettingsHistory().On(today).Symbol()
	err = s.write(ctx, func(tx *txn) error {
		var kind string
		if err := tx.GetContext(ctx, &kind, `SELECT symbol FROM documents WHERE id = ?`, id); err != nil {
			return fmt.Errorf("store: issue document %d: %w", id, err)
		}
		number, err := nextNumber(ctx, tx, c.UnitID, today.Year(), kind)
		if err != nil {
			return err
		}
		text := strconv.Itoa(number) + "/" + kind + "-" + symbol
		res, err := tx.ExecContext(ctx, `UPDATE documents SET state = 'issued', year = ?, number = ?, number_text = ?,
			issued_on = ?, issued_by = ?, updated_at = ? WHERE id = ? AND state = 'draft'`,
			today.Year(), number, text, today.String(), actor.ID, now, id)
		if err != nil {
			return fmt.Errorf("store: issue document %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 { // issued meanwhile: the number goes back with the rollback
			return workflow.Errorf(workflow.CodeConflict, "văn bản vừa được ban hành; hãy tải lại")
		}
		if d.ReplacesID != 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE documents SET state = 'replaced', updated_at = ? WHERE id = ? AND state = 'issued'`,
				now, d.ReplacesID); err != nil {
				return fmt.Errorf("store: replace document %d: %w", d.ReplacesID, err)
			}
			if err := logDocument(ctx, tx, d.ReplacesID, "replaced", actor.ID, now, text); err != nil {
				return err
			}
		}
		return logDocument(ctx, tx, id, "issued", actor.ID, now, text)
	})
	if err != nil {
		return d, err
	}
	return s.CaseDocument(ctx, v, c, id, "document")
}

// nextNumber takes the unit's next number for the year and kind of paper,
// in the caller's transaction: two issues at once wait for each other, and
// a rolled-back issue gives its number back.
func nextNumber(ctx context.Context, tx *txn, unitID int64, year int, kind string) (int, error) {
	var number int
	if err := tx.GetContext(ctx, &number, `INSERT INTO document_counters (unit_id, year, symbol, last) VALUES (?, ?, ?, 1)
		ON CONFLICT (unit_id, year, symbol) DO UPDATE SET last = document_counters.last + 1 RETURNING last`,
		unitID, year, kind); err != nil {
		return 0, fmt.Errorf("store: number a %s of unit %d: %w", kind, unitID, err)
	}
	return number, nil
}

// ReplaceDocument drafts the correction of an issued paper: a copy of its
// text, to edit and issue; issuing it leaves the first one replaced.
func (s *Store) ReplaceDocument(ctx context.Context, actor User, v workflow.Viewer, c Case, id int64) (Document, error) {
	d, err := s.documentFor(ctx, v, c, id)
	if err != nil {
		return d, err
	}
	if d.State != DocIssued {
		return d, workflow.Errorf(workflow.CodeConflict, "chỉ lập văn bản thay thế cho văn bản đã ban hành")
	}
	t := workflow.TemplateByCode(d.Template)
	text, err := s.encodePaper(c.ID, d.Sealed, d.Paper)
	if err != nil {
		return d, err
	}
	_, now := s.clock()
	var newID int64
	err = s.write(ctx, func(tx *txn) error {
		if err := tx.GetContext(ctx, &newID, `INSERT INTO documents (case_id, unit_id, template, symbol, state, paper, sealed,
			replaces_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.ID, d.UnitID, d.Template, t.Symbol, text, d.Sealed, id, actor.ID, now, now); err != nil {
			return fmt.Errorf("store: replace document %d: %w", id, err)
		}
		return logDocument(ctx, tx, newID, "drafted", actor.ID, now, "thay thế "+d.Number)
	})
	if err != nil {
		return d, err
	}
	return s.CaseDocument(ctx, v, c, newID, "document")
}

// SendDocument records that an issued paper reached one of its recipients
// (by position in Paper.To) on the day.
func (s *Store) SendDocument(ctx context.Context, actor User, v workflow.Viewer, c Case, id int64, recipient int, on workflow.Date) (Document, error) {
	d, err := s.documentFor(ctx, v, c, id)
	if err != nil {
		return d, err
	}
	if d.State == DocDraft {
		return d, workflow.Errorf(workflow.CodeConflict, "văn bản chưa ban hành, chưa gửi được")
	}
	if recipient < 0 || recipient >= len(d.Recipients) {
		return d, workflow.Invalid("recipient", "văn bản không có nơi nhận thứ %d", recipient+1)
	}
	if !d.Recipients[recipient].SentOn.IsZero() {
		return d, workflow.Errorf(workflow.CodeConflict, "đã ghi nhận gửi văn bản cho nơi nhận này ngày %s", d.Recipients[recipient].SentOn.VN())
	}
	today, now := s.clock()
	if on.IsZero() {
		on = today
	}
	if on.After(today) || on.Before(d.IssuedOn) {
		return d, workflow.Invalid("on", "ngày gửi phải từ ngày ban hành (%s) đến hôm nay", d.IssuedOn.VN())
	}
	err = s.write(ctx, func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO document_sendings (document_id, recipient, sent_on, sent_by, at) VALUES (?, ?, ?, ?, ?)`,
			id, recipient, on.String(), actor.ID, now); err != nil {
			if isUniqueViolation(err) {
				return workflow.Errorf(workflow.CodeConflict, "đã ghi nhận gửi văn bản cho nơi nhận này")
			}
			return fmt.Errorf("store: send document %d: %w", id, err)
		}
		return logDocument(ctx, tx, id, "sent", actor.ID, now, strconv.Itoa(recipient+1)+" "+on.String())
	})
	if err != nil {
		return d, err
	}
	d.Recipients[recipient].SentOn = on
	if err := s.completeSending(ctx, actor, c.ID, d, on); err != nil {
		return d, err
	}
	return s.CaseDocument(ctx, v, c, id, "document")
}

// completeSending records, once every recipient who must have the paper has
// it, the act whose clock its sending ends (workflow.Template.Completes): in
// a transaction of its own, as the one who recorded the last sending would.
// Where that act is not theirs to take, or no longer fits the case (its clock
// stopped, a later act recorded), the case page still offers it.
func (s *Store) completeSending(ctx context.Context, actor User, caseID int64, d Document, on workflow.Date) error {
	for _, r := range d.Recipients {
		if r.Required && r.SentOn.IsZero() {
			return nil
		}
	}
	in, ok := workflow.TemplateByCode(d.Template).SendingAct(on)
	if !ok {
		return nil
	}
	c, err := s.Case(ctx, caseID)
	if err != nil {
		return err
	}
	running := false
	for _, k := range c.RunningClocks() {
		running = running || k.Name == workflow.TemplateByCode(d.Template).Completes
	}
	if !running {
		return nil
	}
	_, err = s.applyEvent(ctx, actor, c, c.Version, in, nil)
	var we *workflow.Error
	if errors.As(err, &we) && we.Code != workflow.CodeInternal {
		return nil
	}
	return err
}
