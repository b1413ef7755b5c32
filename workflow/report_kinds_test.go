package workflow

import (
	"reflect"
	"slices"
	"testing"
)

// sampleEntries are letters of every kind and round, each with every way a
// case goes: accepted, classified, decided and carried out; transferred;
// refused; filed; withdrawn; not yet processed.
func sampleEntries() []Entry {
	d := MustDate
	decided := &Input{Outcome: PartlyCorrect, RecoverMoney: 12.5, SanctionPersons: 2, ReferredCases: 1}
	done := &Input{Completed: true, RecoveredMoney: 12.5, SanctionedPersons: 1}
	histories := [][]ReportAct{
		{{Event: EvAccept, On: d("2026-02-01"), Input: NoFields}, {Event: EvClassify, On: d("2026-02-02"), Input: &Input{Domain: DomainLand}},
			{Event: EvResolve, On: d("2026-03-01"), Input: decided}, {Event: EvImplement, On: d("2026-04-01"), Input: done}},
		{{Event: EvAccept, On: d("2025-11-01"), Input: NoFields}, {Event: EvResolve, On: d("2026-02-10"), Input: decided, Late: true}},
		{{Event: EvTransfer, On: d("2026-02-01"), Input: &Input{Mode: ModeUrge}}},
		{{Event: EvReject, On: d("2026-02-01"), Input: NoFields}},
		{{Event: EvFile, On: d("2026-02-01"), Input: NoFields}},
		{{Event: EvAccept, On: d("2026-02-01"), Input: NoFields}, {Event: EvWithdraw, On: d("2026-02-15"), Input: &Input{}}},
		nil,
	}
	var out []Entry
	for _, k := range []struct {
		kind  Kind
		round int
	}{{Complaint, 1}, {Complaint, 2}, {Denunciation, 0}, {Petition, 0}} {
		for prior := 0; prior <= 2; prior++ {
			for _, acts := range histories {
				id := int64(len(out) + 1)
				c := &ReportCase{ID: id, UnitID: 1, Kind: k.kind, Round: k.round, PriorDecisions: prior,
					ReceivedOn: d("2025-10-20"), Acts: slices.Clone(acts)}
				out = append(out, Entry{ID: id, UnitID: 1, Case: c})
			}
		}
	}
	return out
}

// A form that names its kinds counts nothing of any other, so the store may
// read only those; and counts, where a form has it, changes no figure.
func TestFormsCountOnlyTheirKinds(t *testing.T) {
	entries := sampleEntries()
	p, err := OfficialPeriod("Y-2026")
	if err != nil {
		t.Fatal(err)
	}
	units := []int64{1}
	for _, f := range Forms {
		if f.Reception {
			continue
		}
		var theirs, others []Entry
		for _, e := range entries {
			if f.Kinds == nil || slices.Contains(f.Kinds, e.Case.Kind) {
				theirs = append(theirs, e)
			} else {
				others = append(others, e)
			}
		}
		if total := f.Tally(others, p, units).Total; slices.ContainsFunc(total, func(v float64) bool { return v != 0 }) {
			t.Errorf("%s counts letters of other kinds than %v: %v", f.Code, f.Kinds, total)
		}
		if total := f.Tally(theirs, p, units).Total; !slices.ContainsFunc(total, func(v float64) bool { return v != 0 }) {
			t.Errorf("%s counts nothing of the sample's letters of its kinds", f.Code)
		}
		if f.counts != nil {
			every := *f
			every.counts = nil
			if with, without := f.Tally(entries, p, units), every.Tally(entries, p, units); !reflect.DeepEqual(with.Total, without.Total) ||
				!reflect.DeepEqual(with.Checks, without.Checks) {
				t.Errorf("%s: counts changes the figures: %v, without it %v", f.Code, with.Total, without.Total)
			}
		}
	}
}
