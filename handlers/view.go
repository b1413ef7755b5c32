package handlers

import (
	"petitions/store"
	"petitions/workflow"
)

// caseView is a case as API.md shows it.
type caseView struct {
	ID              int64               `json:"id"`
	TrackingCode    string              `json:"tracking_code"`
	Kind            workflow.Kind       `json:"kind"`
	Round           *int                `json:"round"`
	PriorCaseID     *int64              `json:"prior_case_id"`
	Channel         workflow.Channel    `json:"channel"`
	ForwardedBy     string              `json:"forwarded_by,omitempty"`
	State           workflow.State      `json:"state"`
	Version         int                 `json:"version"`
	ReceivedOn      string              `json:"received_on"`
	AcceptedOn      *string             `json:"accepted_on"`
	ResolvedOn      *string             `json:"resolved_on"`
	DisclosedOn     *string             `json:"disclosed_on"`
	Outcome         *string             `json:"outcome"`
	Unit            unitView            `json:"unit"`
	Assignee        *string             `json:"assignee"`
	Subject         string              `json:"subject"`
	Content         string              `json:"content"`
	Petitioner      *store.Petitioner   `json:"petitioner,omitempty"`
	Anonymous       bool                `json:"anonymous"`
	Signatories     int                 `json:"signatories"`
	RemoteArea      bool                `json:"remote_area"`
	Complexity      workflow.Complexity `json:"complexity"`
	Disciplinary    bool                `json:"disciplinary"`
	ByTransfer      bool                `json:"received_by_transfer"`
	ByAuthority     bool                `json:"forwarded_by_authority"`
	DueOn           *string             `json:"due_on"`
	Clocks          []clockView         `json:"clocks"`
	Status          workflow.Status     `json:"status"`
	Prolonged       bool                `json:"prolonged"`
	MatterStartedOn string              `json:"matter_started_on"`
	AvailableEvents []workflow.Event    `json:"available_events"`
}

type unitView struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type clockView struct {
	Name          workflow.ClockName `json:"name"`
	StartedOn     string             `json:"started_on"`
	DueOn         string             `json:"due_on"`
	Unit          workflow.DayUnit   `json:"unit"`
	Days          int                `json:"days"`
	Basis         string             `json:"basis"`
	Status        workflow.Status    `json:"status"`
	Explanation   string             `json:"explanation"`
	ExplanationEN string             `json:"explanation_en"`
	Skipped       []string           `json:"skipped"`
}

// newCaseView builds the view for viewer v; p is nil when v may not see the petitioner.
func newCaseView(c store.Case, v workflow.Viewer, p *store.Petitioner, cal *workflow.Calendar, today workflow.Date) caseView {
	out := caseView{ID: c.ID, TrackingCode: c.TrackingCode, Kind: c.Kind, Channel: c.Channel, ForwardedBy: c.ForwardedBy, State: c.State,
		Version: c.Version, ReceivedOn: c.ReceivedOn.String(), AcceptedOn: optDate(c.AcceptedOn),
		ResolvedOn: optDate(c.ResolvedOn), DisclosedOn: optDate(c.DisclosedOn), Outcome: optString(string(c.Outcome)),
		Unit: unitView{c.UnitCode, c.UnitName}, Assignee: optString(c.Assignee), Subject: c.Subject,
		Content: c.Content, Petitioner: p, Anonymous: c.Anonymous, Signatories: c.Signatories,
		RemoteArea: c.RemoteArea, Complexity: c.Complexity, Disciplinary: c.Disciplinary,
		ByTransfer: c.ReceivedByTransfer, ByAuthority: c.ForwardedByAuthority, DueOn: optDate(c.EarliestDue()),
		Status: c.StatusOn(cal, today), Prolonged: workflow.ProlongedOn(c.State, c.MatterStartedOn, today),
		MatterStartedOn: c.MatterStartedOn.String(), Clocks: []clockView{}, AvailableEvents: []workflow.Event{}}
	if c.Kind == workflow.Complaint {
		out.Round = &c.Round
	}
	if c.PriorCaseID != 0 {
		out.PriorCaseID = &c.PriorCaseID
	}
	for _, k := range c.RunningClocks() {
		out.Clocks = append(out.Clocks, newClockView(k, cal, today))
	}
	if v.MayAct(c.Ref()) {
		if evs := c.Available(v.Role); evs != nil {
			out.AvailableEvents = evs
		}
	}
	return out
}

func newClockView(k workflow.Clock, cal *workflow.Calendar, today workflow.Date) clockView {
	vi, en := k.Explain(cal)
	cv := clockView{Name: k.Name, StartedOn: k.StartedOn.String(), DueOn: k.DueOn.String(), Unit: k.Unit,
		Days: k.Days, Basis: k.Basis, Status: workflow.StatusOn(cal, k.DueOn, today), Explanation: vi,
		ExplanationEN: en, Skipped: []string{}}
	for _, d := range k.Skipped {
		cv.Skipped = append(cv.Skipped, d.String())
	}
	return cv
}

func optDate(d workflow.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
