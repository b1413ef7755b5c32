package workflow

// Case is the domain's view of one case: what the rules need, no storage.
type Case struct {
	ID         int64      `json:"id"`
	Kind       Kind       `json:"kind"`
	Round      int        `json:"round"` // complaints: 1 or 2; 0 otherwise
	State      State      `json:"state"`
	Version    int        `json:"version"`
	Complexity Complexity `json:"complexity"`
	RemoteArea bool       `json:"remote_area"`
	Anonymous  bool       `json:"anonymous"`
	// Registration facts (DOMAIN.md §1, §2): a complaint against a disciplinary
	// decision (LKN 2011 Art. 46–55); a denunciation this body received by
	// transfer from another (TT 05/2021 Art. 14: it may not transfer it on); one
	// forwarded by the press or a competent authority (LTC 2018 Art. 26(2)).
	Disciplinary         bool    `json:"disciplinary"`
	ReceivedByTransfer   bool    `json:"received_by_transfer"`
	ForwardedByAuthority bool    `json:"forwarded_by_authority"`
	ReceivedOn           Date    `json:"received_on"`
	MatterStartedOn      Date    `json:"matter_started_on"` // the first letter on the same matter
	AcceptedOn           Date    `json:"accepted_on"`
	ResolvedOn           Date    `json:"resolved_on"`
	DisclosedOn          Date    `json:"disclosed_on"`
	LastEventOn          Date    `json:"last_event_on"`
	Outcome              Outcome `json:"outcome"`
	Assignee             string  `json:"assignee"` // a user's login
	Clocks               []Clock `json:"clocks"`
	Facts                Facts   `json:"facts"`
}

// Facts are what earlier events established and later rules ask about.
type Facts struct {
	DialogueScheduledOn Date   `json:"dialogue_scheduled_on,omitempty"`
	DialogueRecorded    bool   `json:"dialogue_recorded,omitempty"`
	VerificationDiffers bool   `json:"verification_differs,omitempty"` // LKN 30
	Withdrawn           bool   `json:"withdrawn,omitempty"`            // a withdrawal that did not end the case (LTC 33(3))
	DisclosureText      string `json:"disclosure_text,omitempty"`
	DisclosureChannel   string `json:"disclosure_channel,omitempty"`
	Summary             string `json:"summary,omitempty"`
}

// DecidedLate reports whether the case was decided after its resolution
// deadline, extensions included: its resolution clock, stopped by the
// decision on the day it was resolved, had passed the day it was due.
func (c Case) DecidedLate() bool {
	for _, k := range c.Clocks {
		if k.Name == ClockResolution && !c.ResolvedOn.IsZero() && k.StoppedOn.Equal(c.ResolvedOn) {
			return k.StoppedOn.After(k.DueOn)
		}
	}
	return false
}

// RunningClocks lists the clocks that still count.
func (c Case) RunningClocks() []Clock {
	var out []Clock
	for _, k := range c.Clocks {
		if k.Running() {
			out = append(out, k)
		}
	}
	return out
}

// clock returns the index of the last clock of that name that is not stopped, or -1.
func (c *Case) clock(name ClockName) int {
	for i := len(c.Clocks) - 1; i >= 0; i-- {
		if c.Clocks[i].Name == name && c.Clocks[i].StoppedOn.IsZero() {
			return i
		}
	}
	return -1
}

// StatusOn is the worst status of the running clocks at the end of today;
// on_track when no clock runs.
func (c Case) StatusOn(cal *Calendar, today Date) Status {
	return WorstStatus(cal, c.Clocks, today)
}

// WorstStatus is the worst status of the running clocks among clocks.
func WorstStatus(cal *Calendar, clocks []Clock, today Date) Status {
	worst := OnTrack
	for _, k := range clocks {
		if !k.Running() {
			continue
		}
		if s := StatusOn(cal, k.DueOn, today); s.Worse(worst) {
			worst = s
		}
	}
	return worst
}

// ProlongedDays is how long a matter may stay open before it counts as
// prolonged (vụ việc kéo dài, DOMAIN.md §3).
const ProlongedDays = 365

// ProlongedOn reports whether an open case's matter began more than a year before today.
func ProlongedOn(state State, matterStartedOn, today Date) bool {
	return state.Open() && matterStartedOn.DaysUntil(today) > ProlongedDays
}

// EarliestDue is the earliest due date among running clocks (zero if none);
// queues are ordered by it.
func (c Case) EarliestDue() Date {
	var due Date
	for _, k := range c.Clocks {
		if k.Running() && (due.IsZero() || k.DueOn.Before(due)) {
			due = k.DueOn
		}
	}
	return due
}

// Available lists, sorted, the events a role may fire on this case now: those
// the state allows, less the duties already done (a notification or a delivery
// whose clocks have all stopped), a second transfer of a denunciation
// (TT 05/2021 Art. 14) and an extension the complexity no longer allows
// (LTC 24(1), 30).
func (c Case) Available(r Role) []Event {
	var out []Event
	for _, e := range AvailableEvents(c.Kind, c.State, r) {
		switch {
		case e == EvNotify && c.clock(ClockNotification) < 0 && c.clock(ClockForwarderReply) < 0,
			e == EvDeliver && c.clock(ClockDelivery) < 0 && c.clock(ClockDecisionDelivery) < 0,
			e == EvTransfer && c.transferredOnce(),
			e == EvExtend && c.ExtensionsLeft() == 0:
			continue
		}
		out = append(out, e)
	}
	return out
}

// transferredOnce reports a denunciation this body received by transfer: it
// is transferred only once (TT 05/2021/TT-TTCP Art. 14).
func (c Case) transferredOnce() bool { return c.Kind == Denunciation && c.ReceivedByTransfer }
