package demo

import (
	"fmt"

	"petitions/store"
	"petitions/workflow"
)

// issuePapers has each office's head issue the papers its acts of the last
// weeks drafted, those with nothing left to write in, and the office record
// most of them sent, so that the register and a case's papers show every
// state (issue 18). Older drafts stay drafts: the demo's years were not
// kept on paper.
func (l *loader) issuePapers() error {
	since := l.today.AddDays(-21)
	for _, o := range l.offices() {
		v, err := l.s.Viewer(l.ctx, o.head)
		if err != nil {
			return fmt.Errorf("demo: papers: %w", err)
		}
		for _, k := range workflow.Kinds {
			if err := l.issueShelfPapers(o, v, l.registered[shelf{o, k}], since); err != nil {
				return err
			}
		}
	}
	return nil
}

// issueShelfPapers issues the papers of the last letters of a shelf acted on since the day.
func (l *loader) issueShelfPapers(o *office, v workflow.Viewer, ids []int64, since workflow.Date) error {
	for i := len(ids) - 1; i >= 0 && i >= len(ids)-40; i-- {
		c, err := l.s.Case(l.ctx, ids[i])
		if err != nil {
			return fmt.Errorf("demo: papers: %w", err)
		}
		if c.LastEventOn.Before(since) || c.UnitID != o.unit.ID {
			continue
		}
		if err := l.issueCasePapers(o, v, c); err != nil {
			return err
		}
	}
	return nil
}

// issueCasePapers issues a case's drafts that need nothing written in, and
// records most of them sent to every recipient who must have them.
func (l *loader) issueCasePapers(o *office, v workflow.Viewer, c store.Case) error {
	ds, err := l.s.CaseDocuments(l.ctx, v, c)
	if err != nil {
		return fmt.Errorf("demo: papers of case %d: %w", c.ID, err)
	}
	for _, d := range ds {
		if d.State != store.DocDraft {
			continue
		}
		issued, err := l.s.IssueDocument(l.ctx, o.head, v, c, d.ID)
		if workflow.ErrorCode(err) == workflow.CodeInvalid {
			continue // blanks for the officer to fill: it stays a draft
		}
		if err != nil {
			return fmt.Errorf("demo: issue %s of case %d: %w", d.Template, c.ID, err)
		}
		if l.rng.IntN(4) == 0 {
			continue // not sent yet
		}
		for i, r := range issued.Recipients {
			if !r.Required {
				continue
			}
			if _, err := l.s.SendDocument(l.ctx, o.head, v, c, issued.ID, i, workflow.Date{}); err != nil {
				return fmt.Errorf("demo: send %s of case %d: %w", d.Template, c.ID, err)
			}
		}
	}
	return nil
}
