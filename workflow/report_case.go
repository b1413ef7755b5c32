package workflow

import "slices"

// The reports rebuild any period from the acts and their days: a case as a
// report reads it is its registration and the acts the forms count. Every
// column of every form (report_forms*.go) is a question put to these, so a
// past period reads the same whenever it is asked.

// ReportCase is a case as the reports read it.
type ReportCase struct {
	ID           int64
	TrackingCode string
	UnitID       int64
	Kind         Kind
	Round        int
	// PriorDecisions is how many times the matter had been decided before
	// this letter came: 0, 1 (a round-2 complaint after the first decision),
	// or 2 and more.
	PriorDecisions int
	ReceivedOn     Date
	Acts           []ReportAct // in the order they were recorded
}

// ReportAct is one act a report counts, with what it recorded.
type ReportAct struct {
	Event Event
	On    Date
	// Input is the record's fields, as given, for the acts whose fields the
	// forms read (ReportFieldsOf); the others share an empty one. A
	// province's year holds some 300,000 acts: most need only their day.
	Input *Input
	// Late: a resolution decided after its legal deadline (its resolution
	// clock stopped after the day it was due), extensions included.
	Late bool
}

// The acts whose days the reports count.
var reportEvents = []Event{EvAccept, EvReject, EvTransfer, EvFile, EvClassify, EvWithdraw, EvResolve, EvImplement}

// ReportEvents are the events a report reads, in no order.
func ReportEvents() []Event { return reportEvents }

// ReportFieldsOf reports whether the forms read the fields an act of the
// event recorded, beyond its day: a transfer's mode, a classification's
// domain, a withdrawal's signs of violation, a decision's outcome and results,
// an implementation's.
func ReportFieldsOf(e Event) bool {
	return e == EvTransfer || e == EvClassify || e == EvWithdraw || e == EvResolve || e == EvImplement
}

// CarriesOut reports whether the record is the act that says a decision is
// now fully carried out (an implementation marked completed): 02/KQGQ no
// longer counts the decision in a period that begins after its day.
func CarriesOut(rec Record) bool {
	return rec.Event == EvImplement && rec.Payload["completed"] == true
}

// NoFields is the Input of an act whose fields the forms do not read.
var NoFields = &Input{}

// reportFields are the recorded fields the forms read (ReportFieldsOf): a
// classification's domain, a transfer's mode, a withdrawal's signs of
// violation, a decision's outcome and results, an implementation's. All are
// codes, numbers and ticks: no text, so nothing a report keeps names a person.
var reportFields = func() map[string]bool {
	keep := map[string]bool{"domain": true, "mode": true, "violation_signs": true, "outcome": true, "completed": true}
	for _, f := range Fields {
		if f.Group == resultsGroup || f.Group == doneGroup {
			keep[f.Name] = true
		}
	}
	return keep
}()

// ReportFieldsOfRecord is what a report keeps of a record: whether its event
// is one the forms count, and the fields of its payload they read (nil when
// they read none). The store keeps these with the case as acts are recorded,
// so a report reads a case's acts from its row (store/report_acts.go).
func ReportFieldsOfRecord(rec Record) (map[string]any, bool) {
	if !slices.Contains(reportEvents, rec.Event) {
		return nil, false
	}
	if !ReportFieldsOf(rec.Event) {
		return nil, true
	}
	var kept map[string]any
	for k, v := range rec.Payload {
		if reportFields[k] {
			if kept == nil {
				kept = map[string]any{}
			}
			kept[k] = v
		}
	}
	return kept, true
}

// first is the first act of one of the events, or nil.
func (c *ReportCase) first(events ...Event) *ReportAct {
	for i := range c.Acts {
		for _, e := range events {
			if c.Acts[i].Event == e {
				return &c.Acts[i]
			}
		}
	}
	return nil
}

// Processing is the act that ended the letter's processing (xử lý đơn):
// accepted for resolution, not accepted, sent on, guided or urged, or filed.
func (c *ReportCase) Processing() *ReportAct {
	return c.first(EvAccept, EvReject, EvTransfer, EvFile)
}

// ProcessedBy reports whether the processing ended on or before the day.
func (c *ReportCase) processedBefore(d Date) bool {
	a := c.Processing()
	return a != nil && a.On.Before(d)
}

// Domain is the field the matter was last classified in by the period's
// end; "" when it never was.
func (c *ReportCase) Domain(p ReportPeriod) string {
	domain := ""
	for _, a := range c.Acts {
		if a.Event == EvClassify && a.Input.Domain != "" && p.By(a.On) {
			domain = a.Input.Domain
		}
	}
	return domain
}

// Mode is how a transferred letter left: sent on, guided or urged.
func (c *ReportCase) Mode() string {
	if a := c.first(EvTransfer); a != nil && a.Input.Mode != "" {
		return a.Input.Mode
	}
	return DefaultMode(c.Kind)
}

// Resolution is the decision or conclusion, or nil.
func (c *ReportCase) Resolution() *ReportAct { return c.first(EvResolve) }

// Withdrawal is the withdrawal that ended the case (not one that left a
// denunciation open for signs of violation, LTC 2018 Art. 33(3)), or nil.
func (c *ReportCase) Withdrawal() *ReportAct {
	for i := range c.Acts {
		if a := &c.Acts[i]; a.Event == EvWithdraw && !a.Input.ViolationSigns {
			return a
		}
	}
	return nil
}

// Ended is the day the resolution ended, by decision or withdrawal; zero while it runs.
func (c *ReportCase) ended() Date {
	var d Date
	if r := c.Resolution(); r != nil {
		d = r.On
	}
	if w := c.Withdrawal(); w != nil && (d.IsZero() || w.On.Before(d)) {
		d = w.On
	}
	return d
}
