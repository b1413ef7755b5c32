package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"petitions/workflow"
)

// The reception book (Sổ tiếp công dân, Mẫu 03/TCD; issue 16): one entry a
// visit, within a session or at the desk. The visitor and a crowd's
// representatives are sealed like a petitioner ("visit" purpose, bound to the
// entry), and keyed hashes of the ID number and the folded name tell a first
// visit from a repeat without a plaintext index of identities.

// visitPurpose binds a visit's sealed visitor to its use.
const visitPurpose = "visit"

// Visitor is who came, and a crowd's representatives.
type Visitor struct {
	Petitioner
	Representatives []string `json:"representatives,omitempty"`
}

// ReceptionVisit is one entry of the book as the API shows it; Visitor is
// there only for a viewer who may see it (workflow.Viewer.MaySeeVisitor).
type ReceptionVisit struct {
	ID           int64                 `db:"id" json:"id"`
	UnitID       int64                 `db:"unit_id" json:"-"`
	Unit         string                `db:"unit_code" json:"unit"`
	SessionID    *int64                `db:"session_id" json:"session_id"`
	VisitedOn    workflow.Date         `db:"visited_on" json:"visited_on"`
	Kind         workflow.Kind         `db:"kind" json:"kind"`
	People       int                   `db:"people" json:"people"`
	HeadReceived bool                  `db:"head_received" json:"head_received"`
	Content      string                `db:"content" json:"content"`
	HandledBy    string                `db:"handled_by" json:"handled_by,omitempty"`
	Outcome      workflow.VisitOutcome `db:"outcome" json:"outcome"`
	CaseID       *int64                `db:"case_id" json:"case_id,omitempty"`
	TrackingCode string                `db:"tracking_code" json:"tracking_code,omitempty"`
	DocumentNo   string                `db:"document_no" json:"document_no,omitempty"`
	Documents    string                `db:"documents" json:"documents,omitempty"` // the papers handed in, one a line
	RefusalCode  string                `db:"refusal_code" json:"refusal_code,omitempty"`
	Repeat       bool                  `db:"repeat" json:"repeat"`
	RecordedByID int64                 `db:"created_by" json:"-"`
	RecordedBy   string                `db:"recorded_by" json:"recorded_by"`
	Sealed       string                `db:"sealed" json:"-"`
	Visitor      *Visitor              `db:"-" json:"visitor,omitempty"`
	// Revealable: a denouncer the viewer may see, left sealed in a list that
	// keeps secrets sealed (VisitFilter.KeepSecrets); one visit opens it.
	Revealable bool `db:"-" json:"-"`
}

// NewVisit is a visit as entered.
type NewVisit struct {
	Unit         string // when not within a session
	SessionID    int64
	VisitedOn    workflow.Date
	Kind         workflow.Kind
	Visitor      Visitor
	People       int
	HeadReceived bool
	Content      string
	HandledBy    string
	Outcome      workflow.VisitOutcome
	CaseID       int64
	DocumentNo   string
	Documents    string
	RefusalCode  string
}

const visitColumns = `v.id, v.unit_id, n.code AS unit_code, v.session_id, v.visited_on, v.kind, v.people, v.head_received,
	v.content, v.handled_by, v.outcome, v.case_id, COALESCE(c.tracking_code, '') AS tracking_code, v.document_no,
	v.documents, v.refusal_code, v.repeat, v.created_by, u.login AS recorded_by, v.sealed`

const visitFrom = ` FROM reception_visits v` + visitJoins

const visitJoins = ` JOIN units n ON n.id = v.unit_id JOIN users u ON u.id = v.created_by
	LEFT JOIN cases c ON c.id = v.case_id`

// RecordVisit writes a visit into the book of a unit the user may record for.
func (s *Store) RecordVisit(ctx context.Context, by User, in NewVisit) (ReceptionVisit, error) {
	v, err := s.Viewer(ctx, by)
	if err != nil {
		return ReceptionVisit{}, err
	}
	ids, err := s.recordVisits(ctx, v, by, []NewVisit{in})
	if err != nil {
		return ReceptionVisit{}, err
	}
	return s.Visit(ctx, v, ids[0])
}

// RecordVisits writes several visits, as RecordVisit each, in one
// transaction: all of them or, when one is refused, none (its error is
// returned). It answers their ids in order. A session's visits entered at
// once, and the demo's ten years of reception, are written this way.
func (s *Store) RecordVisits(ctx context.Context, by User, in []NewVisit) ([]int64, error) {
	if len(in) == 0 {
		return nil, nil
	}
	v, err := s.Viewer(ctx, by)
	if err != nil {
		return nil, err
	}
	return s.recordVisits(ctx, v, by, in)
}

func (s *Store) recordVisits(ctx context.Context, v workflow.Viewer, by User, in []NewVisit) ([]int64, error) {
	today, now := s.clock()
	units := make([]int64, len(in))
	for i := range in {
		var err error
		if units[i], err = s.checkVisit(ctx, v, today, &in[i]); err != nil {
			return nil, err
		}
	}
	ids := make([]int64, len(in))
	err := s.write(ctx, func(tx *txn) error {
		for i := range in {
			var err error
			if ids[i], err = s.insertVisit(ctx, tx, units[i], in[i], by.ID, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// checkVisit holds a visit to the book's rules as of today and answers its
// unit; a visit of one person says so (People 1).
func (s *Store) checkVisit(ctx context.Context, v workflow.Viewer, today workflow.Date, in *NewVisit) (int64, error) {
	unitID, sessionOn, err := s.visitPlace(ctx, *in)
	if err != nil {
		return 0, err
	}
	if !v.MayRecordReception(unitID) {
		return 0, workflow.Errorf(workflow.CodeForbidden, "bạn không được ghi sổ tiếp công dân của đơn vị này")
	}
	if in.People == 0 {
		in.People = 1
	}
	wv := workflow.Visit{On: in.VisitedOn, People: in.People, Representatives: len(in.Visitor.Representatives),
		Outcome: in.Outcome, CaseID: in.CaseID, DocumentNo: in.DocumentNo, RefusalCode: in.RefusalCode, SessionOn: sessionOn}
	switch {
	case !in.Kind.Valid():
		return 0, workflow.Invalid("kind", "loại nội dung không hợp lệ: %q", in.Kind)
	case strings.TrimSpace(in.Content) == "":
		return 0, workflow.Invalid("content", "cần tóm tắt nội dung")
	case strings.TrimSpace(in.Visitor.Name) == "":
		return 0, workflow.Invalid("visitor.name", "cần họ tên người đến")
	}
	if err := wv.Check(today); err != nil {
		return 0, err
	}
	if in.CaseID != 0 {
		if err := s.checkUnitCase(ctx, v, unitID, in.CaseID, "case_id"); err != nil {
			return 0, err
		}
	}
	if err := refuseUnstorable("content", in.Content, "handled_by", in.HandledBy, "document_no", in.DocumentNo, "documents", in.Documents,
		"visitor.name", in.Visitor.Name, "visitor.address", in.Visitor.Address, "visitor.phone", in.Visitor.Phone,
		"visitor.id_number", in.Visitor.IDNumber, "crowd.representatives", strings.Join(in.Visitor.Representatives, "\n")); err != nil {
		return 0, err
	}
	return unitID, nil
}

// insertVisit writes one checked visit in tx: whether the unit has seen the
// person before (earlier visits of the same transaction count), the row,
// then the visitor sealed to the row's id.
func (s *Store) insertVisit(ctx context.Context, tx *txn, unitID int64, in NewVisit, by int64, now string) (int64, error) {
	idHash, nameHash := s.keys.idHash(in.Visitor.IDNumber), s.keys.nameHash(in.Visitor.Name)
	repeat, err := s.isRepeatVisit(ctx, tx, unitID, idHash, nameHash)
	if err != nil {
		return 0, err
	}
	var id int64
	if err := tx.GetContext(ctx, &id, `INSERT INTO reception_visits (unit_id, session_id, visited_on, kind, sealed,
		id_hash, name_hash, people, head_received, content, handled_by, outcome, case_id, document_no, documents,
		refusal_code, repeat, created_by, created_at) VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		unitID, nullID(in.SessionID), in.VisitedOn.String(), in.Kind, idHash, nameHash, in.People, in.HeadReceived,
		in.Content, in.HandledBy, in.Outcome, nullID(in.CaseID), in.DocumentNo, in.Documents, in.RefusalCode, repeat,
		by, now); err != nil {
		return 0, fmt.Errorf("store: insert visit: %w", err)
	}
	// The sealed visitor is bound to the entry's own id, so it cannot be moved to another.
	sealed, err := s.keys.sealValue(id, visitPurpose, in.Visitor)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE reception_visits SET sealed = ? WHERE id = ?`, sealed, id); err != nil {
		return 0, fmt.Errorf("store: seal visit %d: %w", id, err)
	}
	return id, nil
}

// visitPlace is the unit of a visit and the day of its session, if any.
func (s *Store) visitPlace(ctx context.Context, in NewVisit) (int64, workflow.Date, error) {
	if in.SessionID != 0 {
		r, err := s.ReceptionSession(ctx, in.SessionID)
		if workflow.ErrorCode(err) == workflow.CodeNotFound {
			return 0, workflow.Date{}, workflow.Invalid("session_id", "không tìm thấy buổi tiếp")
		}
		if err == nil && r.State == workflow.SessionCancelled {
			return 0, workflow.Date{}, workflow.Invalid("session_id", "buổi tiếp đã bị hủy")
		}
		return r.UnitID, r.HeldOn, err
	}
	u, err := unitByCode(ctx, s.r, in.Unit)
	if workflow.ErrorCode(err) == workflow.CodeNotFound {
		return 0, workflow.Date{}, workflow.Invalid("unit", "không tìm thấy đơn vị %q", in.Unit)
	}
	return u.ID, workflow.Date{}, err
}

// checkUnitCase holds the case a visit registered, or a conclusion's task acts
// on, to the reception's unit.
func (s *Store) checkUnitCase(ctx context.Context, v workflow.Viewer, unitID, caseID int64, field string) error {
	c, err := getCase(ctx, s.r, caseID)
	if workflow.ErrorCode(err) == workflow.CodeNotFound || err == nil && (c.UnitID != unitID || !v.MayRead(c.Ref())) {
		return workflow.Invalid(field, "hồ sơ không thuộc đơn vị tiếp công dân này")
	}
	return err
}

// isRepeatVisit reports whether the unit has received this person before,
// in its book or among its letters, by the keyed hashes: the ID number when
// given, else the folded name.
func (s *Store) isRepeatVisit(ctx context.Context, tx *txn, unitID int64, idHash, nameHash string) (bool, error) {
	col, h := "id_hash", idHash
	if h == "" {
		col, h = "name_hash", nameHash
	}
	if h == "" {
		return false, nil
	}
	var n int
	// "<> ''" lets SQLite use the partial indexes of the hashes (WHERE … <> ''), which
	// "= ?" alone does not imply; without it, it read every visit and case of the unit.
	err := tx.GetContext(ctx, &n, `SELECT
		(SELECT COUNT(*) FROM (SELECT 1 FROM reception_visits WHERE `+col+` = ? AND `+col+` <> '' AND unit_id = ? LIMIT 1) a) +
		(SELECT COUNT(*) FROM (SELECT 1 FROM petitioners p JOIN cases c ON c.id = p.case_id
			WHERE p.`+col+` = ? AND p.`+col+` <> '' AND c.unit_id = ? LIMIT 1) b)`, h, unitID, h, unitID)
	if err != nil {
		return false, fmt.Errorf("store: repeat visit: %w", err)
	}
	return n > 0, nil
}

// Visit reads one entry as v may read it.
func (s *Store) Visit(ctx context.Context, v workflow.Viewer, id int64) (ReceptionVisit, error) {
	var r ReceptionVisit
	if err := s.r.GetContext(ctx, &r, `SELECT `+visitColumns+visitFrom+` WHERE v.id = ?`, id); err != nil {
		return r, notFound(err, "lượt tiếp")
	}
	if !v.MayReadReception(r.UnitID) {
		return ReceptionVisit{}, workflow.Errorf(workflow.CodeNotFound, "không tìm thấy lượt tiếp")
	}
	one := []ReceptionVisit{r}
	if err := s.openVisitors(ctx, v, one, false); err != nil {
		return ReceptionVisit{}, err
	}
	return one[0], nil
}

// VisitFilter narrows the book.
type VisitFilter struct {
	Units     []int64 // in the viewer's reach
	SessionID int64
	From, To  workflow.Date
	Limit     int
	// KeepSecrets leaves a denouncer's identity sealed even for those who may
	// see it (Revealable): a page of the book then reads no identity, and
	// writes no read to the log, until one is asked for.
	KeepSecrets bool
}

// Visits lists the book, newest first, each visitor opened for a viewer who may see it.
func (s *Store) Visits(ctx context.Context, v workflow.Viewer, f VisitFilter) ([]ReceptionVisit, error) {
	if len(f.Units) == 0 {
		return nil, nil
	}
	var out []ReceptionVisit
	query, args := visitsQuery(f)
	err := s.r.SelectContext(ctx, &out, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list visits: %w", err)
	}
	if err := s.openVisitors(ctx, v, out, f.KeepSecrets); err != nil {
		return nil, err
	}
	return out, nil
}

// visitsQuery is the query of a page of the book, newest first. The page is
// chosen first, on the unit's index by day (reception_visits_unit), and only
// its rows are joined: PostgreSQL, asked for the joins with the limit, read
// every visit of the unit and joined the cases by hash (20–30 ms a page).
func visitsQuery(f VisitFilter) (string, []any) {
	where, args := unitsAndDays("v.unit_id", "v.visited_on", f.Units, f.From, f.To)
	if f.SessionID != 0 {
		where, args = append(where, "v.session_id = ?"), append(args, f.SessionID)
	}
	order := ` ORDER BY v.visited_on DESC, v.id DESC`
	return `SELECT ` + visitColumns + ` FROM (SELECT * FROM reception_visits v WHERE ` + strings.Join(where, " AND ") + order +
		` LIMIT ` + strconv.Itoa(boundedLimit(f.Limit, 200)) + `) v` + visitJoins + order, args
}

// openVisitors opens each visitor the viewer may see, recording the reads of
// denouncers' identities as for a case's (identity_reads, with the case when
// linked): all of a list's at once, and no visitor shown before they are
// committed.
func (s *Store) openVisitors(ctx context.Context, v workflow.Viewer, rs []ReceptionVisit, keepSecrets bool) error {
	who := make([]*Visitor, len(rs))
	var logged, loggedVisits []int64
	for i := range rs {
		r := &rs[i]
		sealed := r.Sealed
		r.Sealed = ""
		if !v.MaySeeVisitor(r.Kind, r.UnitID, r.RecordedByID) {
			continue
		}
		if keepSecrets && r.Kind.IdentitySecret() {
			r.Revealable = true
			continue
		}
		who[i] = new(Visitor)
		if err := s.keys.openValue(r.ID, visitPurpose, sealed, who[i]); err != nil {
			return err
		}
		switch {
		case r.Kind.IdentitySecret() && r.CaseID != nil:
			logged = append(logged, *r.CaseID)
		case r.Kind.IdentitySecret():
			loggedVisits = append(loggedVisits, r.ID)
		}
	}
	if len(logged)+len(loggedVisits) > 0 {
		if err := s.recordReads(ctx, logged, loggedVisits, v.UserID, "reception book"); err != nil {
			return err
		}
	}
	for i := range rs {
		rs[i].Visitor = who[i]
	}
	return nil
}
