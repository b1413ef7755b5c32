package workflow

import (
	"context"
	"errors"
	"sort"
	"strings"
	"sync"

	"github.com/looplab/fsm"
)

// Event is something done to a case (DOMAIN.md §2).
type Event string

const (
	EvReceive          Event = "receive" // the first record of every case
	EvAssign           Event = "assign"
	EvReassign         Event = "reassign"
	EvAccept           Event = "accept"
	EvReject           Event = "reject"
	EvTransfer         Event = "transfer"
	EvFile             Event = "file"
	EvClassify         Event = "classify"
	EvNote             Event = "note"
	EvVerify           Event = "verify"
	EvScheduleDialogue Event = "schedule_dialogue"
	EvRecordDialogue   Event = "record_dialogue"
	EvExtend           Event = "extend"
	EvNotify           Event = "notify"
	EvSuspend          Event = "suspend"
	EvResume           Event = "resume"
	EvWithdraw         Event = "withdraw"
	EvResolve          Event = "resolve"
	EvDeliver          Event = "deliver"
	EvDisclose         Event = "disclose"
	EvClose            Event = "close"
	EvImplement        Event = "implement" // what was done to carry the decision out (Biểu 02/KQGQ)
)

// Transition is one row of the table every kind's machine is built from.
// To is empty for events inside a state (recorded, no change of state).
type Transition struct {
	Event Event
	From  []State
	To    State
	Roles []Role
	Kinds []Kind // nil: every kind
}

var (
	openStates   = []State{Received, Assigned, InResolution, Suspended}
	beforeAccept = []State{Received, Assigned}
	staff        = []Role{RoleReception, RoleHandler, RoleHead}
	headOnly     = []Role{RoleHead}
	caseWorkers  = []Role{RoleHandler, RoleHead}
	registrars   = []Role{RoleReception, RoleHead}
)

// Transitions is the one transition table (DOMAIN.md §2, §4).
var Transitions = []Transition{
	{EvAssign, []State{Received}, Assigned, headOnly, nil},
	{EvReassign, []State{Assigned, InResolution, Suspended}, "", headOnly, nil},
	{EvAccept, []State{Assigned}, InResolution, headOnly, nil},
	{EvReject, beforeAccept, Rejected, headOnly, nil},
	{EvTransfer, beforeAccept, Transferred, registrars, nil},
	{EvFile, beforeAccept, Filed, registrars, nil},
	{EvClassify, openStates, "", registrars, nil},
	{EvNote, append(openStates, Resolved, Disclosed), "", staff, nil},
	{EvVerify, []State{InResolution}, "", caseWorkers, nil},
	{EvScheduleDialogue, []State{InResolution}, "", caseWorkers, []Kind{Complaint, Dialogue}},
	{EvRecordDialogue, []State{InResolution}, "", caseWorkers, []Kind{Complaint, Dialogue}},
	{EvExtend, openStates, "", headOnly, []Kind{Denunciation}},
	// The forwarder's reply runs from receipt (LTC 26(2)), the denouncer's notice from acceptance (LTC 29(3)).
	{EvNotify, append(openStates, Resolved, Disclosed), "", caseWorkers, []Kind{Denunciation}},
	{EvSuspend, []State{InResolution}, Suspended, headOnly, []Kind{Complaint, Denunciation}},
	{EvResume, []State{Suspended}, InResolution, headOnly, []Kind{Complaint, Denunciation}},
	{EvWithdraw, []State{InResolution, Suspended}, Withdrawn, headOnly, nil},
	{EvResolve, []State{InResolution}, Resolved, headOnly, nil},
	// The decision or conclusion once resolved (LKN 32, 41; LTC 35(3)); a suspension, continuation or
	// termination decision while suspended, after resuming or after the case ended (LTC 34(4); ND 124 Art. 28b).
	{EvDeliver, []State{InResolution, Suspended, Resolved, Disclosed, Withdrawn}, "", headOnly, []Kind{Complaint, Denunciation}},
	{EvDisclose, []State{Resolved}, Disclosed, headOnly, nil},
	{EvClose, []State{Resolved, Disclosed}, Closed, headOnly, nil},
	// A decision is carried out after it is made, often after the case is
	// closed: money recovered, rights restored, people sanctioned (Biểu 02/KQGQ).
	{EvImplement, []State{Resolved, Disclosed, Closed}, "", caseWorkers, []Kind{Complaint, Denunciation}},
	{EvCorrect, correctable, "", registrars, nil},
}

// Events lists every event a case's history can hold: EvReceive, which opens
// every case, the events of the transition table in its order, then the
// events the system records itself (EvRecount, EvReorganise; EvCorrect is also in the table).
var Events = func() []Event {
	out := []Event{EvReceive}
	seen := map[Event]bool{EvReceive: true}
	add := func(e Event) {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	for _, t := range Transitions {
		add(t.Event)
	}
	add(EvRecount)
	add(EvCorrect)
	add(EvReorganise)
	return out
}()

// machineEvents holds, per kind, the fsm description generated from the table.
var machineEvents = buildMachineEvents()

func buildMachineEvents() map[Kind]fsm.Events {
	out := make(map[Kind]fsm.Events, len(Kinds))
	for _, k := range Kinds {
		var evs fsm.Events
		for _, t := range Transitions {
			if !t.appliesTo(k) {
				continue
			}
			if t.To != "" {
				evs = append(evs, fsm.EventDesc{Name: string(t.Event), Src: statesToStrings(t.From), Dst: string(t.To)})
				continue
			}
			// An event inside a state is a self-transition from each of its states.
			for _, s := range t.From {
				evs = append(evs, fsm.EventDesc{Name: string(t.Event), Src: []string{string(s)}, Dst: string(s)})
			}
		}
		out[k] = evs
	}
	return out
}

func (t Transition) appliesTo(k Kind) bool {
	if t.Kinds == nil {
		return true
	}
	for _, x := range t.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func (t Transition) allows(r Role) bool {
	for _, x := range t.Roles {
		if x == r {
			return true
		}
	}
	return false
}

func statesToStrings(ss []State) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

// machinePools keep built machines per kind. Building one allocates the
// kind's whole event table, which was most of an Apply's time when loading a
// million cases. A pooled machine serves one call at a time and is set to the
// case's stored state first, so no machine is ever shared between cases at
// once, nor carries one case's state into another (STYLE.md: looplab/fsm traps).
var machinePools = func() map[Kind]*sync.Pool {
	pools := map[Kind]*sync.Pool{}
	for _, k := range Kinds {
		pools[k] = &sync.Pool{New: func() any { return fsm.NewFSM(string(Received), machineEvents[k], nil) }}
	}
	return pools
}()

// withMachine lends fn a machine of kind k in state s.
func withMachine[T any](k Kind, s State, fn func(m *fsm.FSM) T) T {
	pool, ok := machinePools[k]
	if !ok {
		return fn(fsm.NewFSM(string(s), machineEvents[k], nil))
	}
	m := pool.Get().(*fsm.FSM)
	defer pool.Put(m)
	m.SetState(string(s))
	return fn(m)
}

// transitionOf finds the table row of an event for a kind.
func transitionOf(k Kind, e Event) (Transition, bool) {
	for _, t := range Transitions {
		if t.Event == e && t.appliesTo(k) {
			return t, true
		}
	}
	return Transition{}, false
}

// move fires e on the kind's machine and returns the new state. An event the
// state does not allow gives CodeIllegalTransition.
func move(k Kind, s State, e Event) (State, error) {
	type result struct {
		s   State
		err error
	}
	r := withMachine(k, s, func(m *fsm.FSM) result {
		if !m.Can(string(e)) {
			return result{s, Errorf(CodeIllegalTransition, "không thể thực hiện “%s” khi hồ sơ %s ở trạng thái “%s”",
				e.Label(), strings.ToLower(k.Label()), strings.ToLower(s.Label()))}
		}
		err := m.Event(context.Background(), string(e))
		var noTransition fsm.NoTransitionError
		if err != nil && !errors.As(err, &noTransition) {
			return result{s, Errorf(CodeIllegalTransition, "%v", err)}
		}
		return result{State(m.Current()), nil}
	})
	return r.s, r.err
}

// AvailableEvents lists, sorted, the events a role may fire on a case of kind k
// in state s.
func AvailableEvents(k Kind, s State, r Role) []Event {
	names := withMachine(k, s, func(m *fsm.FSM) []string { return m.AvailableTransitions() })
	var out []Event
	for _, name := range names {
		if t, ok := transitionOf(k, Event(name)); ok && t.allows(r) {
			out = append(out, Event(name))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
