package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gabriel-vasile/mimetype"

	"petitions/workflow"
)

// Attachments (issue 18): a case's scans and files, checked by their content,
// kept in files (files.go) and listed in attachments. Every file of a
// denunciation may show the denouncer (the letter's scan, their handwriting):
// it is sealed like their name and opened only for those who may see them.

// Attachment is one file of a case.
type Attachment struct {
	ID              int64         `json:"id" db:"id"`
	CaseID          int64         `json:"case_id" db:"case_id"`
	Title           string        `json:"title" db:"title"`
	FileName        string        `json:"file_name" db:"file_name"`
	ContentType     string        `json:"content_type" db:"content_type"`
	Size            int64         `json:"size" db:"size"`
	SHA256          string        `json:"sha256" db:"sha256"`
	Sealed          bool          `json:"sealed" db:"sealed"`
	AddedBy         string        `json:"added_by" db:"added_by"`
	AddedAt         string        `json:"added_at" db:"added_at"`
	WithdrawnAt     *string       `json:"withdrawn_at" db:"withdrawn_at"`
	WithdrawnBy     *string       `json:"withdrawn_by" db:"withdrawn_by"`
	WithdrawnReason string        `json:"withdrawn_reason" db:"withdrawn_reason"`
	AddedOn         workflow.Date `json:"-" db:"-"`
}

const attachmentPurpose = "attachment"

// errNoFiles: the store was opened without a place for files (PostgreSQL
// without WithFiles).
var errNoFiles = workflow.Errorf(workflow.CodeUnavailable, "chưa cấu hình nơi lưu tệp đính kèm")

// NewAttachment is a file as it is added: its title, its name, its bytes.
type NewAttachment struct {
	Title, FileName string
	Body            io.Reader
	Max             int64 // 0: workflow.MaxAttachmentBytes
}

// AddAttachment keeps a file on the case for one who may act on it: streamed
// to disk (never whole in memory, but for a denunciation's, sealed whole),
// its kind told from its content, in place before its row commits.
func (s *Store) AddAttachment(ctx context.Context, actor User, c Case, in NewAttachment) (Attachment, error) {
	if s.files == nil {
		return Attachment{}, errNoFiles
	}
	if in.Max <= 0 {
		in.Max = workflow.MaxAttachmentBytes
	}
	st, err := s.files.stage(in.Body, in.Max)
	if errors.Is(err, errTooLarge) {
		return Attachment{}, workflow.Errorf(workflow.CodeTooLarge, "tệp lớn quá %d MB", in.Max>>20)
	}
	if err != nil {
		return Attachment{}, err
	}
	placed := false
	defer func() {
		if !placed {
			os.Remove(st.path)
		}
	}()
	kind, err := workflow.CheckAttachment(in.FileName, mimetype.Detect(st.head).String())
	if err != nil {
		return Attachment{}, err
	}
	a := Attachment{CaseID: c.ID, Title: in.Title, FileName: in.FileName, ContentType: kind.MIME, Size: st.size,
		Sealed: c.Kind.IdentitySecret(), AddedBy: actor.Login}
	if a.Sealed {
		if st, err = s.sealStaged(c.ID, st); err != nil {
			return Attachment{}, err
		}
	}
	a.SHA256 = st.sha
	if err := s.files.place(ctx, st); err != nil {
		return Attachment{}, err
	}
	placed = true
	_, now := s.clock()
	a.AddedAt = now
	err = s.write(ctx, func(tx *txn) error {
		return tx.GetContext(ctx, &a.ID, `INSERT INTO attachments (case_id, title, file_name, content_type, size, sha256, sealed,
			added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.CaseID, a.Title, a.FileName, a.ContentType, a.Size, a.SHA256, a.Sealed, actor.ID, now)
	})
	if err != nil { // the file stays, named by no row, until the next sweep
		return Attachment{}, fmt.Errorf("store: attachment of case %d: %w", c.ID, err)
	}
	return a, nil
}

// sealStaged replaces a staged file by its sealed bytes.
func (s *Store) sealStaged(caseID int64, st staged) (staged, error) {
	plain, err := os.ReadFile(st.path)
	if err != nil {
		return st, fmt.Errorf("store: files: %w", err)
	}
	os.Remove(st.path)
	sealed, err := s.keys.sealBytes(caseID, attachmentPurpose, plain)
	if err != nil {
		return st, err
	}
	return s.files.stage(bytes.NewReader(sealed), int64(len(sealed)))
}

const attachmentSelect = `SELECT a.id, a.case_id, a.title, a.file_name, a.content_type, a.size, a.sha256, a.sealed,
	u.login AS added_by, a.added_at, a.withdrawn_at, w.login AS withdrawn_by, a.withdrawn_reason
	FROM attachments a JOIN users u ON u.id = a.added_by LEFT JOIN users w ON w.id = a.withdrawn_by`

// CaseAttachments lists the case's files, oldest first.
func (s *Store) CaseAttachments(ctx context.Context, c Case) ([]Attachment, error) {
	var out []Attachment
	if err := s.r.SelectContext(ctx, &out, attachmentSelect+` WHERE a.case_id = ? ORDER BY a.id`, c.ID); err != nil {
		return nil, fmt.Errorf("store: attachments of case %d: %w", c.ID, err)
	}
	return out, nil
}

// AttachmentByID is one file's row, for the caller to check access to its case.
func (s *Store) AttachmentByID(ctx context.Context, id int64) (Attachment, error) {
	var a Attachment
	if err := s.r.GetContext(ctx, &a, attachmentSelect+` WHERE a.id = ?`, id); err != nil {
		return a, notFound(err, "tệp đính kèm")
	}
	return a, nil
}

// OpenAttachment gives a file's bytes to v, who the caller checked may read
// its case, if v may see who sent the letter (a scan shows them; an
// administrator never does, DOMAIN.md §4): a sealed one's read is recorded
// for the purpose.
func (s *Store) OpenAttachment(ctx context.Context, v workflow.Viewer, c Case, a Attachment, purpose string) (io.ReadCloser, error) {
	if s.files == nil {
		return nil, errNoFiles
	}
	if !v.MaySeePetitioner(c.Ref()) {
		return nil, &workflow.Error{Code: workflow.CodeIdentityForbidden, Field: "attachment",
			Message: "tệp này có thể nêu danh tính người gửi đơn; bạn không được tải về"}
	}
	f, err := s.files.open(ctx, a.SHA256)
	if err != nil {
		return nil, fmt.Errorf("store: attachment %d: %w", a.ID, err)
	}
	if !a.Sealed {
		return f, nil
	}
	defer f.Close()
	if err := s.recordIdentityRead(ctx, c.ID, v.UserID, purpose); err != nil {
		return nil, err
	}
	sealed, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	plain, err := s.keys.openBytes(c.ID, attachmentPurpose, sealed)
	if err != nil {
		return nil, err
	}
	return io.NopCloser(bytes.NewReader(plain)), nil
}

// WithdrawAttachment marks a wrong file withdrawn, with the reason: it is
// never deleted, and stays listed as withdrawn.
func (s *Store) WithdrawAttachment(ctx context.Context, actor User, a Attachment, reason string) (Attachment, error) {
	if strings.TrimSpace(reason) == "" {
		return a, workflow.Invalid("reason", "cần ghi lý do rút tệp")
	}
	if err := refuseUnstorable("reason", reason); err != nil {
		return a, err
	}
	_, now := s.clock()
	err := s.write(ctx, func(tx *txn) error {
		res, err := tx.ExecContext(ctx, `UPDATE attachments SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
			WHERE id = ? AND withdrawn_at IS NULL`, now, actor.ID, reason, a.ID)
		if err != nil {
			return fmt.Errorf("store: withdraw attachment %d: %w", a.ID, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return workflow.Errorf(workflow.CodeConflict, "tệp đã được rút trước đó")
		}
		return nil
	})
	if err != nil {
		return a, err
	}
	return s.AttachmentByID(ctx, a.ID)
}

// sweepFiles removes what a crash left in the files' directory.
func (s *Store) sweepFiles(ctx context.Context) error {
	if s.files == nil {
		return nil
	}
	var shas []string
	if err := s.r.SelectContext(ctx, &shas, `SELECT DISTINCT sha256 FROM attachments`); err != nil {
		return fmt.Errorf("store: files: %w", err)
	}
	named := make(map[string]bool, len(shas))
	for _, sha := range shas {
		named[sha] = true
	}
	return s.files.sweep(ctx, func(sha string) bool { return named[sha] })
}
