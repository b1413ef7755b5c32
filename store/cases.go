package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// Case is a stored case: the domain's Case plus what the records add.
type Case struct {
	workflow.Case
	TrackingCode string           `json:"tracking_code"`
	Channel      workflow.Channel `json:"channel"`
	ForwardedBy  string           `json:"forwarded_by"` // the body that forwarded the letter (channel "forwarded")
	PriorCaseID  int64            `json:"prior_case_id"`
	UnitID       int64            `json:"-"`
	UnitCode     string           `json:"unit_code"`
	UnitName     string           `json:"unit_name"`
	UnitSettings string           `json:"-"`
	AssigneeID   int64            `json:"-"`
	AssigneeName string           `json:"-"` // for pages; the API names the assignee by login
	RegisteredBy int64            `json:"-"`
	Subject      string           `json:"subject"`
	Content      string           `json:"content"`
	Signatories  int              `json:"signatories"`
}

// Ref is what the access rules need of the case.
func (c Case) Ref() workflow.CaseRef {
	return workflow.CaseRef{Kind: c.Kind, UnitID: c.UnitID, AssigneeID: c.AssigneeID, RegisteredBy: c.RegisteredBy}
}

// Petitioner is who sent the letter; a denouncer's is secret (DOMAIN.md §4).
type Petitioner struct {
	Name     string `json:"name" db:"name"`
	IDNumber string `json:"id_number" db:"id_number"`
	Phone    string `json:"phone" db:"phone"`
	Address  string `json:"address" db:"address"`
}

// Personal is the petitioner's data a public text must not reveal.
func (p Petitioner) Personal() workflow.PersonalData {
	return workflow.PersonalData{Name: p.Name, IDNumber: p.IDNumber, Phone: p.Phone, Address: p.Address}
}

// NewCase is a letter as registered.
type NewCase struct {
	Intake      workflow.Intake
	PriorCaseID int64
	ForwardedBy string
	Subject     string
	Content     string
	Petitioner  Petitioner
}

// caseRow is the row as stored; JSON columns are decoded into Case.
type caseRow struct {
	ID              int64         `db:"id"`
	TrackingCode    string        `db:"tracking_code"`
	Kind            string        `db:"kind"`
	Round           int           `db:"round"`
	PriorCaseID     *int64        `db:"prior_case_id"`
	Channel         string        `db:"channel"`
	ForwardedBy     string        `db:"forwarded_by"`
	UnitID          int64         `db:"unit_id"`
	UnitCode        string        `db:"unit_code"`
	UnitName        string        `db:"unit_name"`
	UnitSettings    string        `db:"unit_settings"`
	AssigneeID      *int64        `db:"assignee_id"`
	Assignee        *string       `db:"assignee"`
	AssigneeName    *string       `db:"assignee_name"`
	RegisteredBy    int64         `db:"registered_by"`
	State           string        `db:"state"`
	Version         int           `db:"version"`
	ReceivedOn      workflow.Date `db:"received_on"`
	MatterStartedOn workflow.Date `db:"matter_started_on"`
	AcceptedOn      workflow.Date `db:"accepted_on"`
	ResolvedOn      workflow.Date `db:"resolved_on"`
	DisclosedOn     workflow.Date `db:"disclosed_on"`
	LastEventOn     workflow.Date `db:"last_event_on"`
	Outcome         *string       `db:"outcome"`
	Subject         string        `db:"subject"`
	Content         string        `db:"content"`
	Anonymous       bool          `db:"anonymous"`
	Signatories     int           `db:"signatories"`
	RemoteArea      bool          `db:"remote_area"`
	Complexity      string        `db:"complexity"`
	Disciplinary    bool          `db:"disciplinary"`
	ByTransfer      bool          `db:"received_by_transfer"`
	ByAuthority     bool          `db:"forwarded_by_authority"`
	Clocks          string        `db:"clocks"`
	Facts           string        `db:"facts"`
}

const caseSelect = `SELECT c.id, c.tracking_code, c.kind, c.round, c.prior_case_id, c.channel, c.forwarded_by, c.unit_id,
	n.code AS unit_code, n.name AS unit_name, n.settings AS unit_settings, c.assignee_id, a.login AS assignee, a.name AS assignee_name,
	c.registered_by, c.state, c.version, c.received_on, c.matter_started_on, c.accepted_on, c.resolved_on,
	c.disclosed_on, c.last_event_on, c.outcome, c.subject, c.content, c.anonymous, c.signatories, c.remote_area,
	c.complexity, c.disciplinary, c.received_by_transfer, c.forwarded_by_authority, c.clocks, c.facts
	FROM cases c JOIN units n ON n.id = c.unit_id + 0 LEFT JOIN users a ON a.id = c.assignee_id`

// The "+ 0" above and in ListCases keep SQLite's planner from starting at the
// units and reading each unit's cases in full to sort them: a queue's first
// page is read in queue order and stops after its rows.

func (r caseRow) toCase() (Case, error) {
	c := Case{
		Case: workflow.Case{ID: r.ID, Kind: workflow.Kind(r.Kind), Round: r.Round, State: workflow.State(r.State),
			Version: r.Version, Complexity: workflow.Complexity(r.Complexity), RemoteArea: r.RemoteArea,
			Anonymous: r.Anonymous, ReceivedOn: r.ReceivedOn, MatterStartedOn: r.MatterStartedOn,
			AcceptedOn: r.AcceptedOn, ResolvedOn: r.ResolvedOn, DisclosedOn: r.DisclosedOn, LastEventOn: r.LastEventOn,
			Disciplinary: r.Disciplinary, ReceivedByTransfer: r.ByTransfer, ForwardedByAuthority: r.ByAuthority},
		TrackingCode: r.TrackingCode, Channel: workflow.Channel(r.Channel), ForwardedBy: r.ForwardedBy, UnitID: r.UnitID, UnitCode: r.UnitCode,
		UnitName: r.UnitName, UnitSettings: r.UnitSettings, RegisteredBy: r.RegisteredBy, Subject: r.Subject,
		Content: r.Content, Signatories: r.Signatories,
	}
	if r.PriorCaseID != nil {
		c.PriorCaseID = *r.PriorCaseID
	}
	if r.AssigneeID != nil {
		c.AssigneeID = *r.AssigneeID
	}
	if r.AssigneeName != nil {
		c.AssigneeName = *r.AssigneeName
	}
	if r.Assignee != nil {
		c.Assignee = *r.Assignee
	}
	if r.Outcome != nil {
		c.Outcome = workflow.Outcome(*r.Outcome)
	}
	if err := json.Unmarshal([]byte(r.Clocks), &c.Clocks); err != nil {
		return c, fmt.Errorf("store: case %d clocks: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(r.Facts), &c.Facts); err != nil {
		return c, fmt.Errorf("store: case %d facts: %w", r.ID, err)
	}
	return c, nil
}

// CreateCase registers a letter in the actor's unit, starts its clocks and
// writes its first history record, in one transaction. A round-2 complaint
// names its round-1 case, whose matter start it inherits (for "prolonged"),
// and which must pass CheckPrior for the actor (422 otherwise).
func (s *Store) CreateCase(ctx context.Context, actor User, in NewCase) (Case, error) {
	if err := refuseUnstorable("subject", in.Subject, "content", in.Content, "forwarded_by", in.ForwardedBy); err != nil {
		return Case{}, err
	}
	v, err := s.Viewer(ctx, actor)
	if err != nil {
		return Case{}, err
	}
	var out Case
	err = s.write(ctx, func(tx *txn) error {
		unit, err := unitByID(ctx, tx, actor.UnitID)
		if err != nil {
			return err
		}
		today, now := s.clock()
		env := workflow.Env{Calendar: s.Calendar(), Today: today, History: unit.SettingsHistory()}
		var prior *int64
		if in.PriorCaseID != 0 {
			p, err := s.checkPrior(ctx, tx, v, in.Intake, in.PriorCaseID, s.keys.hashes(in.Petitioner))
			if err != nil {
				return err
			}
			prior = &p.ID
			in.Intake.PriorMatterFrom = p.MatterStartedOn
		}
		c, rec, err := workflow.Receive(in.Intake, env)
		if err != nil {
			return err
		}
		clocks, facts, err := encodeState(c)
		if err != nil {
			return err
		}
		code, err := newTrackingCode(c.Kind, c.ReceivedOn)
		if err != nil {
			return err
		}
		var id int64
		err = tx.GetContext(ctx, &id, `INSERT INTO cases (tracking_code, kind, round, prior_case_id, channel, forwarded_by,
			unit_id, registered_by, state, version, received_on, matter_started_on, last_event_on, subject, content,
			anonymous, signatories, remote_area, complexity, due_on, clocks, facts, created_at, updated_at,
			disciplinary, received_by_transfer, forwarded_by_authority, search_fold, public_fold)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			code, c.Kind, c.Round, prior, in.Intake.Channel, in.ForwardedBy, unit.ID, actor.ID, c.State, c.Version,
			c.ReceivedOn.String(), c.MatterStartedOn.String(), c.LastEventOn.String(), in.Subject, in.Content,
			c.Anonymous, max(in.Intake.Signatories, 1), c.RemoteArea, c.Complexity, nullDate(c.EarliestDue()),
			clocks, facts, now, now, c.Disciplinary, c.ReceivedByTransfer, c.ForwardedByAuthority,
			searchFold(code, in.Subject, in.Content), publicFold(code, c))
		if err != nil {
			return fmt.Errorf("store: insert case: %w", err)
		}
		if err := s.writeWords(ctx, tx, id, "", searchFold(code, in.Subject, in.Content)); err != nil {
			return err
		}
		p := in.Petitioner
		sealed, err := s.keys.seal(id, p)
		if err != nil {
			return err
		}
		h := s.keys.hashes(p)
		if _, err := tx.ExecContext(ctx, `INSERT INTO petitioners (case_id, sealed, id_hash, name_hash, phone_hash) VALUES (?, ?, ?, ?, ?)`,
			id, sealed, h.ID, h.Name, s.keys.phoneHash(p.Phone)); err != nil {
			return fmt.Errorf("store: insert petitioner: %w", err)
		}
		if err := appendHistory(ctx, tx, s.keys, id, rec, actor, c, now); err != nil {
			return err
		}
		out, err = getCase(ctx, tx, id)
		return err
	})
	return out, err
}

// Case returns a case by id (not_found otherwise). The caller checks access.
func (s *Store) Case(ctx context.Context, id int64) (Case, error) {
	return getCase(ctx, s.r, id)
}

// CaseByTrackingCode returns a case by its public code.
func (s *Store) CaseByTrackingCode(ctx context.Context, code string) (Case, error) {
	if !storable(code) {
		return Case{}, notFound(sql.ErrNoRows, "hồ sơ")
	}
	var r caseRow
	err := sqlx.GetContext(ctx, s.r, &r, caseSelect+` WHERE c.tracking_code = ?`, strings.ToUpper(strings.TrimSpace(code)))
	if err != nil {
		return Case{}, notFound(err, "hồ sơ")
	}
	return r.toCase()
}

func getCase(ctx context.Context, q sqlx.QueryerContext, id int64) (Case, error) {
	var r caseRow
	if err := sqlx.GetContext(whole(ctx), q, &r, caseSelect+` WHERE c.id = ?`, id); err != nil {
		return Case{}, notFound(err, "hồ sơ")
	}
	return r.toCase()
}

func encodeState(c workflow.Case) (clocks, facts string, err error) {
	cb, err := json.Marshal(c.Clocks)
	if err != nil {
		return "", "", err
	}
	if c.Clocks == nil {
		cb = []byte("[]")
	}
	fb, err := json.Marshal(c.Facts)
	return string(cb), string(fb), err
}

// trackingAlphabet leaves out letters and digits easily confused on paper.
const trackingAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// trackingRandomLen is the length of a tracking code's random part: 12
// characters of 32 symbols, 60 bits, so that guessing one of a province's
// live codes takes thousands of years at the public look-up's rate limit
// (README: "Tracking codes"). Codes handed out before issue 14 have
// trackingOldRandomLen characters and are still found.
const (
	trackingRandomLen    = 12
	trackingOldRandomLen = 8
)

// newTrackingCode makes a code such as "KN26-7GQ4M2XPB9RT": the kind, the year
// and twelve random characters, so codes cannot be guessed from one another.
func newTrackingCode(k workflow.Kind, received workflow.Date) (string, error) {
	var random [trackingRandomLen]byte
	if _, err := rand.Read(random[:]); err != nil {
		return "", err
	}
	code, _ := trackingCodeOf(k, received, random)
	return code, nil
}
