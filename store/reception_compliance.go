package store

import (
	"context"
	"fmt"

	"petitions/workflow"
)

// ComplianceFigures are one head's reception days over a span against the
// legal minimum (workflow.MonthCompliance): days held in person, days a
// deputy held in the head's place (shown apart, never counted), the days
// required, and whether every period over met its minimum.
type ComplianceFigures struct {
	HeldInPerson int    `json:"held_in_person"`
	Delegated    int    `json:"delegated"`
	Required     int    `json:"required"`
	Meets        bool   `json:"meets"`
	Complete     bool   `json:"complete"` // the span is over as of the day asked
	Basis        string `json:"basis"`
}

// HeadCompliance is a head's record for the month and the year to date.
type HeadCompliance struct {
	Head  string             `json:"head"`
	Name  string             `json:"name"`
	Unit  string             `json:"unit"`
	Level workflow.HeadLevel `json:"level"`
	Month ComplianceFigures  `json:"month"`
	Year  ComplianceFigures  `json:"year"`
	// Dialogues are the unit's dialogue conferences with its people this
	// year to date, against the yearly minimum (LTHDCCS 2022 Art. 32).
	Dialogues DialogueFigures `json:"dialogues"`
}

// DialogueFigures count a unit's dialogue conferences in a year.
type DialogueFigures struct {
	Held     int  `json:"held"`
	Required int  `json:"required"`
	Meets    bool `json:"meets"`
	Complete bool `json:"complete"` // the year is over as of the day asked
}

// ReceptionCompliance is every head of the units given (the viewer's reach)
// as of a day: what the sessions entered by then say of that day's month and
// year, as the backlog audit rebuilds any past day.
func (s *Store) ReceptionCompliance(ctx context.Context, units []int64, asOf workflow.Date) (out []HeadCompliance, err error) {
	err = s.onReplica(ctx, func(ctx context.Context) error {
		out, err = s.receptionCompliance(ctx, units, asOf)
		return err
	})
	return out, err
}

// receptionCompliance is ReceptionCompliance on the pool of ctx (replica.go).
func (s *Store) receptionCompliance(ctx context.Context, units []int64, asOf workflow.Date) ([]HeadCompliance, error) {
	if len(units) == 0 {
		return nil, nil
	}
	args := []any{}
	for _, u := range units {
		args = append(args, u)
	}
	var heads []struct {
		ID        int64  `db:"id"`
		Login     string `db:"login"`
		Name      string `db:"name"`
		Unit      string `db:"code"`
		UnitLevel string `db:"level"`
	}
	err := s.rd(ctx).SelectContext(ctx, &heads, `SELECT u.id, u.login, u.name, n.code, n.level FROM users u
		JOIN units n ON n.id = u.unit_id WHERE u.role = 'head' AND NOT u.disabled AND u.unit_id IN (`+placeholders(len(units))+`)
		ORDER BY n.code, u.login`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: heads for compliance: %w", err)
	}
	// Every head's held sessions in one read; the week of 1 January may start
	// in December, so from a week before. "head_id + 0": SQLite otherwise
	// took the partial index of heads (WHERE head_id IS NOT NULL) and read
	// every session of every unit, not the units' days.
	yearStart := workflow.MustDate(fmt.Sprintf("%04d-01-01", asOf.Year()))
	var rows []headSession
	err = s.rd(ctx).SelectContext(ctx, &rows, `SELECT DISTINCT head_id, held_on, host, kind FROM reception_sessions
		WHERE unit_id IN (`+placeholders(len(units))+`) AND head_id + 0 > 0 AND state = 'held'
		AND held_on >= ? AND held_on <= ?`, append(args, yearStart.AddDays(-7).String(), asOf.String())...)
	if err != nil {
		return nil, fmt.Errorf("store: sessions for compliance: %w", err)
	}
	byHead := map[int64][]headSession{}
	for _, r := range rows {
		byHead[r.HeadID] = append(byHead[r.HeadID], r)
	}
	out := make([]HeadCompliance, 0, len(heads))
	for _, h := range heads {
		c := tally(workflow.LevelOfUnit(h.UnitLevel), byHead[h.ID], asOf)
		c.Head, c.Name, c.Unit = h.Login, h.Name, h.Unit
		out = append(out, c)
	}
	return out, nil
}

// headSession is one held session of a head, as compliance counts it.
type headSession struct {
	HeadID int64                `db:"head_id"`
	HeldOn workflow.Date        `db:"held_on"`
	Host   workflow.SessionHost `db:"host"`
	Kind   workflow.SessionKind `db:"kind"`
}

// tally counts one head's sessions as of a day: days in person against the
// minimum, delegated days apart, and the unit's dialogue conferences.
func tally(level workflow.HeadLevel, rows []headSession, asOf workflow.Date) HeadCompliance {
	yearStart := workflow.MustDate(fmt.Sprintf("%04d-01-01", asOf.Year()))
	monthStart := workflow.MustDate(fmt.Sprintf("%04d-%02d-01", asOf.Year(), int(asOf.Time().Month())))
	var inPerson []workflow.Date
	var delegatedMonth, delegatedYear, dialogues int
	for _, r := range rows {
		switch {
		case r.Kind == workflow.SessionConference:
			if !r.HeldOn.Before(yearStart) {
				dialogues++
			}
		case !r.Kind.ReceptionDay():
		case r.Host == workflow.HostHead:
			inPerson = append(inPerson, r.HeldOn)
		case !r.HeldOn.Before(monthStart):
			delegatedMonth++
			delegatedYear++
		case !r.HeldOn.Before(yearStart):
			delegatedYear++
		}
	}
	need := workflow.DialoguesRequired(level)
	yearOver := asOf.Equal(workflow.MustDate(fmt.Sprintf("%04d-12-31", asOf.Year())))
	return HeadCompliance{Level: level,
		Month:     figures(workflow.MonthCompliance(level, monthStart, inPerson, asOf), delegatedMonth),
		Year:      figures(workflow.YearCompliance(level, inPerson, asOf), delegatedYear),
		Dialogues: DialogueFigures{Held: dialogues, Required: need, Complete: yearOver, Meets: dialogues >= need}}
}

func figures(c workflow.Compliance, delegated int) ComplianceFigures {
	return ComplianceFigures{HeldInPerson: c.Held, Delegated: delegated, Required: c.Required, Meets: c.Meets,
		Complete: c.Complete, Basis: c.Basis}
}
