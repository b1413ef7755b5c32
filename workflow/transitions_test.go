package workflow

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"
)

// allEvents lists every declared Event constant except receive (which only Receive records).
var allEvents = []Event{EvAssign, EvReassign, EvAccept, EvReject, EvTransfer, EvFile, EvClassify, EvNote,
	EvVerify, EvScheduleDialogue, EvRecordDialogue, EvExtend, EvNotify, EvSuspend, EvResume, EvWithdraw,
	EvResolve, EvDeliver, EvDisclose, EvClose, EvCorrect, EvImplement}

// expected is the transition table as DOMAIN.md §2 and §4 describe it, written
// out by hand so that a change to Transitions has to be made twice.
type expected struct {
	from  []State
	to    State  // "" for an event inside a state
	kinds []Kind // nil: every kind
	roles []Role
}

var (
	wantOpen      = []State{Received, Assigned, InResolution, Suspended}
	wantBefore    = []State{Received, Assigned}
	wantHead      = []Role{RoleHead}
	wantRegistrar = []Role{RoleReception, RoleHead}
	wantWorker    = []Role{RoleHandler, RoleHead}
	wantStaff     = []Role{RoleReception, RoleHandler, RoleHead}
	wantDecided   = []Kind{Complaint, Denunciation}
)

var wantTransitions = map[Event]expected{
	EvAssign:   {[]State{Received}, Assigned, nil, wantHead},
	EvReassign: {[]State{Assigned, InResolution, Suspended}, "", nil, wantHead},
	EvAccept:   {[]State{Assigned}, InResolution, nil, wantHead},
	EvReject:   {wantBefore, Rejected, nil, wantHead},
	EvTransfer: {wantBefore, Transferred, nil, wantRegistrar},
	EvFile:     {wantBefore, Filed, nil, wantRegistrar},
	EvClassify: {wantOpen, "", nil, wantRegistrar},
	EvNote:     {[]State{Received, Assigned, InResolution, Suspended, Resolved, Disclosed}, "", nil, wantStaff},
	EvVerify:   {[]State{InResolution}, "", nil, wantWorker},
	// Dialogues belong to complaints (LKN 30, 39) and to dialogue cases (THDCCS 2022).
	EvScheduleDialogue: {[]State{InResolution}, "", []Kind{Complaint, Dialogue}, wantWorker},
	EvRecordDialogue:   {[]State{InResolution}, "", []Kind{Complaint, Dialogue}, wantWorker},
	EvExtend:           {wantOpen, "", []Kind{Denunciation}, wantHead},
	// The forwarder's reply runs from receipt (LTC 26(2)); the denouncer's notice from acceptance (LTC 29(3)).
	EvNotify:   {[]State{Received, Assigned, InResolution, Suspended, Resolved, Disclosed}, "", []Kind{Denunciation}, wantWorker},
	EvSuspend:  {[]State{InResolution}, Suspended, wantDecided, wantHead},
	EvResume:   {[]State{Suspended}, InResolution, wantDecided, wantHead},
	EvWithdraw: {[]State{InResolution, Suspended}, Withdrawn, nil, wantHead},
	EvResolve:  {[]State{InResolution}, Resolved, nil, wantHead},
	// Only complaints and denunciations have a decision or conclusion to deliver (DOMAIN.md §3), and
	// suspension, continuation and termination decisions (LTC 34(4); ND 124/2020 Art. 28b).
	EvDeliver:  {[]State{InResolution, Suspended, Resolved, Disclosed, Withdrawn}, "", wantDecided, wantHead},
	EvDisclose: {[]State{Resolved}, Disclosed, nil, wantHead},
	EvClose:    {[]State{Resolved, Disclosed}, Closed, nil, wantHead},
	// A decision is carried out after it is made, often after the case is closed (Biểu 02/KQGQ).
	EvImplement: {[]State{Resolved, Disclosed, Closed}, "", wantDecided, wantWorker},
	// Registration mistakes are corrected while the case still takes acts (issue 13 §3).
	EvCorrect: {[]State{Received, Assigned, InResolution, Suspended, Resolved, Disclosed}, "", nil, wantRegistrar},
}

func (x expected) appliesTo(k Kind) bool { return x.kinds == nil || slices.Contains(x.kinds, k) }
func (x expected) allows(k Kind, s State) bool {
	return x.appliesTo(k) && slices.Contains(x.from, s)
}

// variants are the machines under test: complaints differ by round in their rules.
var variants = []struct {
	name  string
	kind  Kind
	round int
}{
	{"ComplaintRound1", Complaint, 1},
	{"ComplaintRound2", Complaint, 2},
	{"Denunciation", Denunciation, 0},
	{"Petition", Petition, 0},
	{"Dialogue", Dialogue, 0},
}

// reach drives a case received on 01/10/2026 into state s through real events.
// A suspended petition or dialogue cannot be reached (they have no suspension),
// so it is set directly, to show that nothing else can be done to it either.
func reach(t testing.TB, env Env, k Kind, round int, s State) Case {
	t.Helper()
	in := intake(k, round, "2026-10-01")
	received := func() Case { return drive(t, env, in) }
	accepted := func() Case { return drive(t, env, in, assignOn("2026-10-02"), acceptOn("2026-10-05")) }
	resolved := func() Case {
		c := accepted()
		if k == Complaint || k == Dialogue {
			c = mustApply(t, env, c, scheduleOn("2026-10-06", "2026-10-13"), head)
			c = mustApply(t, env, c, recordOn("2026-10-13"), head)
		}
		return mustApply(t, env, c, resolveOn("2026-10-20", OutcomesFor(k)[0]), head)
	}
	disclose := Input{Event: EvDisclose, On: date("2026-10-22"), Text: "Nội dung công khai", Channel: "web"}
	switch s {
	case Received:
		return received()
	case Assigned:
		return drive(t, env, in, assignOn("2026-10-02"))
	case InResolution:
		return accepted()
	case Suspended:
		c := accepted()
		if k == Complaint || k == Denunciation {
			return mustApply(t, env, c, eventOn(EvSuspend, "2026-10-12"), head)
		}
		c.State = Suspended
		return c
	case Resolved:
		return resolved()
	case Disclosed:
		return mustApply(t, env, resolved(), disclose, head)
	case Closed:
		c := resolved()
		if k == Denunciation {
			c = mustApply(t, env, c, eventOn(EvNotify, "2026-10-21"), head)
		}
		if k == Complaint || k == Denunciation {
			c = mustApply(t, env, c, eventOn(EvDeliver, "2026-10-21"), head)
		}
		c = mustApply(t, env, c, disclose, head)
		return mustApply(t, env, c, eventOn(EvClose, "2026-10-23"), head)
	case Rejected:
		return mustApply(t, env, received(), Input{Event: EvReject, On: date("2026-10-02"), ReasonCode: rejectCode[k]}, head)
	case Transferred:
		return mustApply(t, env, received(), Input{Event: EvTransfer, On: date("2026-10-02"), Target: "UBND tỉnh"}, head)
	case Filed:
		return mustApply(t, env, received(), Input{Event: EvFile, On: date("2026-10-02"), ReasonCode: "INELIGIBLE"}, head)
	case Withdrawn:
		return mustApply(t, env, accepted(), eventOn(EvWithdraw, "2026-10-12"), head)
	}
	t.Fatalf("no way to reach %s", s)
	return Case{}
}

var rejectCode = map[Kind]string{Complaint: "KN-NA-05", Denunciation: "TC-NA-01", Petition: "KP-NA-02", Dialogue: "KP-NA-02"}

// attempt prepares c so that the event's own preconditions hold, and gives a
// complete input dated today: whatever is then refused is refused by the table.
func attempt(c Case, e Event) (Case, Input) {
	in := Input{Event: e}
	switch e {
	case EvAssign:
		in.Assignee = handler.Login
	case EvReassign:
		in.Assignee = otherHand.Login
	case EvReject:
		in.ReasonCode = rejectCode[c.Kind]
	case EvTransfer:
		in.Target = "UBND xã Tân Phú"
	case EvFile:
		in.ReasonCode = "INELIGIBLE"
	case EvClassify:
		in.Complexity = Complex
	case EvNote:
		in.Note = "Đã gọi điện cho công dân"
	case EvVerify:
		in.Differs = no()
	case EvScheduleDialogue:
		in.DialogueOn = testToday.AddDays(7)
	case EvRecordDialogue:
		c.Facts.DialogueScheduledOn = testToday
		in.Minutes, in.Attended = "Biên bản đối thoại", yes()
	case EvExtend:
		c.Complexity = EspeciallyComplex
		in.Days = 3 // within both the acceptance (+3 WD) and the resolution (+30 cd) limits
	case EvImplement:
		in.RecoveredMoney = 12.5
	case EvResolve:
		c.Facts.DialogueRecorded = true
		in.Outcome, in.Summary = OutcomesFor(c.Kind)[0], "Kết quả"
	case EvDisclose:
		in.Text, in.Channel = "Nội dung công khai", "web"
	case EvNotify:
		// Before acceptance only a forwarder can be owed a notice (LTC 26(2)).
		if c.clock(ClockNotification) < 0 && c.clock(ClockForwarderReply) < 0 {
			c = c.clone()
			c.Clocks = append(c.Clocks, Clock{Name: ClockForwarderReply, StartedOn: c.ReceivedOn, DueOn: c.ReceivedOn.AddDays(20)})
		}
	case EvDeliver:
		// In resolution only a continuation decision can be owed (ND 124/2020 Art. 28b).
		if c.clock(ClockDelivery) < 0 && c.clock(ClockDecisionDelivery) < 0 {
			c = c.clone()
			c.Clocks = append(c.Clocks, Clock{Name: ClockDecisionDelivery, StartedOn: c.LastEventOn, DueOn: c.LastEventOn.AddDays(5)})
		}
	case EvCorrect:
		reg := Registration{Kind: c.Kind, Round: c.Round, Channel: "walk_in", ReceivedOn: c.ReceivedOn, Subject: "Trích yếu"}
		after := reg
		after.Subject = "Trích yếu đã sửa"
		in.Reason, in.Correction = "Nhập nhầm trích yếu", &Correction{Before: reg, After: after}
	case EvClose:
		c = c.clone()
		for i := range c.Clocks {
			if c.Clocks[i].StoppedOn.IsZero() {
				c.Clocks[i].StoppedOn = c.LastEventOn
			}
		}
	}
	return c, in
}

// TestTransitionMatrix fires every event in every state of every kind, as the
// head (whom the table allows everything), and checks allowed against refused.
func TestTransitionMatrix(t *testing.T) {
	env := testEnv()
	cells := 0
	for _, v := range variants {
		for _, s := range States {
			base := reach(t, env, v.kind, v.round, s)
			if base.State != s {
				t.Fatalf("%s: reached %s, want %s", v.name, base.State, s)
			}
			for _, e := range allEvents {
				cells++
				want := wantTransitions[e]
				t.Run(fmt.Sprintf("%s/%s/%s", v.name, s, e), func(t *testing.T) {
					c, in := attempt(base, e)
					n, rec, err := Apply(c, in, head, env)
					if !want.allows(v.kind, s) {
						if got := ErrorCode(err); got != CodeIllegalTransition {
							t.Fatalf("refused with %q (%v), want illegal_transition", got, err)
						}
						if n.State != s || n.Version != c.Version {
							t.Errorf("a refused event changed the case: %s v%d", n.State, n.Version)
						}
						return
					}
					if err != nil {
						t.Fatalf("allowed by the table but refused: %v", err)
					}
					to := want.to
					if to == "" {
						to = s
					}
					if n.State != to || rec.FromState != s || rec.ToState != to || rec.Event != e {
						t.Errorf("moved %s → %s (record %s %s → %s), want → %s", s, n.State, rec.Event, rec.FromState, rec.ToState, to)
					}
					if n.Version != c.Version+1 || n.LastEventOn != testToday || rec.On != testToday {
						t.Errorf("version %d, last event %s, record on %s", n.Version, n.LastEventOn, rec.On)
					}
				})
			}
		}
	}
	if want := len(variants) * len(States) * len(allEvents); cells != want {
		t.Errorf("%d cells, want %d", cells, want)
	}
}

// TestRoles: who may fire what (DOMAIN.md §4). Supervisors and administrators
// fire nothing; a handler only on the cases assigned to them.
func TestRoles(t *testing.T) {
	env := testEnv()
	actors := []Actor{head, reception, handler, otherHand, supervisor, admin}
	for _, v := range variants {
		for _, s := range States {
			base := reach(t, env, v.kind, v.round, s)
			for _, e := range allEvents {
				want := wantTransitions[e]
				if !want.appliesTo(v.kind) {
					continue
				}
				for _, a := range actors {
					name := fmt.Sprintf("%s/%s/%s/%s", v.name, s, e, a.Login)
					ok := slices.Contains(want.roles, a.Role) && (a.Role != RoleHandler || base.Assignee == a.Login)
					c, in := attempt(base, e)
					_, _, err := Apply(c, in, a, env)
					switch {
					case !ok:
						if got := ErrorCode(err); got != CodeForbidden {
							t.Errorf("%s: code %q (%v), want forbidden", name, got, err)
						}
					case want.allows(v.kind, s):
						if err != nil {
							t.Errorf("%s: refused: %v", name, err)
						}
					default:
						if got := ErrorCode(err); got != CodeIllegalTransition {
							t.Errorf("%s: code %q, want illegal_transition", name, got)
						}
					}
				}
			}
		}
	}
}

// TestSupervisorAndAdminFireNothing: in every state, every event of the table
// is refused to a supervisor or an administrator with CodeForbidden; an event
// that does not apply to the kind is refused before the role is looked at,
// with CodeIllegalTransition (Apply checks the kind first).
func TestSupervisorAndAdminFireNothing(t *testing.T) {
	env := testEnv()
	for _, v := range variants {
		for _, s := range States {
			c := reach(t, env, v.kind, v.round, s)
			for _, a := range []Actor{supervisor, admin} {
				for _, e := range allEvents {
					want := CodeForbidden
					if !wantTransitions[e].appliesTo(v.kind) {
						want = CodeIllegalTransition
					}
					cc, in := attempt(c, e)
					if _, _, err := Apply(cc, in, a, env); ErrorCode(err) != want {
						t.Errorf("%s firing %s on a %s %s: code %q (%v), want %q", a.Role, e, s, v.name, ErrorCode(err), err, want)
					}
				}
				if got := AvailableEvents(v.kind, s, a.Role); len(got) != 0 {
					t.Errorf("AvailableEvents(%s, %s, %s) = %v, want none", v.kind, s, a.Role, got)
				}
			}
		}
	}
}

func TestAvailableEvents(t *testing.T) {
	for _, k := range Kinds {
		for _, s := range States {
			for _, r := range Roles {
				var want []Event
				for _, e := range allEvents {
					x := wantTransitions[e]
					if x.allows(k, s) && slices.Contains(x.roles, r) {
						want = append(want, e)
					}
				}
				sort.Slice(want, func(i, j int) bool { return want[i] < want[j] })
				got := AvailableEvents(k, s, r)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("AvailableEvents(%s, %s, %s) = %v, want %v", k, s, r, got, want)
				}
			}
		}
	}
	// A few cells written out by hand, in the exact sorted order the API
	// returns: the loop above sorts its own want, so only these fix the order.
	for _, tc := range []struct {
		k    Kind
		s    State
		r    Role
		want []Event
	}{
		// The API.md example: a complaint just received, as the head sees it.
		{Complaint, Received, RoleHead, []Event{EvAssign, EvClassify, EvCorrect, EvFile, EvNote, EvReject, EvTransfer}},
		{Denunciation, InResolution, RoleHead, []Event{EvClassify, EvCorrect, EvDeliver, EvExtend, EvNote, EvNotify,
			EvReassign, EvResolve, EvSuspend, EvVerify, EvWithdraw}},
		{Petition, Received, RoleReception, []Event{EvClassify, EvCorrect, EvFile, EvNote, EvTransfer}},
		{Complaint, Suspended, RoleHandler, []Event{EvNote}},
		{Dialogue, Resolved, RoleHead, []Event{EvClose, EvCorrect, EvDisclose, EvNote}},
		{Complaint, Disclosed, RoleHead, []Event{EvClose, EvCorrect, EvDeliver, EvImplement, EvNote}},
		{Complaint, Closed, RoleHead, []Event{EvImplement}},
		{Petition, Closed, RoleHead, nil},
	} {
		for i := 0; i < 20; i++ { // AvailableTransitions comes back in map order: try it more than once
			if got := AvailableEvents(tc.k, tc.s, tc.r); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("AvailableEvents(%s, %s, %s) = %v, want %v", tc.k, tc.s, tc.r, got, tc.want)
			}
		}
	}
}

// TestMachineKeysAreReal: looplab/fsm silently ignores a misspelled state or
// event (STYLE.md), so every name in the machines must be a declared one.
func TestMachineKeysAreReal(t *testing.T) {
	declared := append([]Event{EvReceive}, allEvents...)
	for _, tr := range Transitions {
		if !slices.Contains(declared, tr.Event) {
			t.Errorf("transition event %q is not a declared Event", tr.Event)
		}
		if _, ok := wantTransitions[tr.Event]; !ok {
			t.Errorf("transition event %q has no expected row", tr.Event)
		}
		for _, s := range tr.From {
			if !s.Valid() {
				t.Errorf("%s: from %q is not a State", tr.Event, s)
			}
		}
		if tr.To != "" && !tr.To.Valid() {
			t.Errorf("%s: to %q is not a State", tr.Event, tr.To)
		}
		for _, r := range tr.Roles {
			if !r.Valid() {
				t.Errorf("%s: role %q is not a Role", tr.Event, r)
			}
		}
		for _, k := range tr.Kinds {
			if !k.Valid() {
				t.Errorf("%s: kind %q is not a Kind", tr.Event, k)
			}
		}
	}
	for _, e := range allEvents {
		found := false
		for _, tr := range Transitions {
			found = found || tr.Event == e
		}
		if !found {
			t.Errorf("declared event %q has no transition", e)
		}
	}
	for _, k := range Kinds {
		evs, ok := machineEvents[k]
		if !ok || len(evs) == 0 {
			t.Errorf("no machine for %s", k)
			continue
		}
		for _, d := range evs {
			if !slices.Contains(declared, Event(d.Name)) {
				t.Errorf("%s machine: event %q is not a declared Event", k, d.Name)
			}
			if !State(d.Dst).Valid() {
				t.Errorf("%s machine: %s dst %q is not a State", k, d.Name, d.Dst)
			}
			for _, s := range d.Src {
				if !State(s).Valid() {
					t.Errorf("%s machine: %s src %q is not a State", k, d.Name, s)
				}
			}
		}
	}
	// Final states let nothing through, except the delivery of the termination
	// decision of a withdrawn complaint or denunciation (LTC 34(4); ND 124 Art. 28b)
	// and the record of how a closed complaint's or denunciation's decision is carried out.
	for _, k := range Kinds {
		for _, s := range States {
			if s.Final() {
				got := AvailableEvents(k, s, RoleHead)
				decided := k == Complaint || k == Denunciation
				if s == Withdrawn && decided && reflect.DeepEqual(got, []Event{EvDeliver}) ||
					s == Closed && decided && reflect.DeepEqual(got, []Event{EvImplement}) {
					continue
				}
				if len(got) != 0 {
					t.Errorf("final state %s of %s allows %v", s, k, got)
				}
			}
		}
	}
}

// wantErr checks an error's code and, when given, its field.
func wantErr(t testing.TB, err error, code Code, field string) {
	t.Helper()
	if got := ErrorCode(err); got != code {
		t.Fatalf("code %q (%v), want %q", got, err, code)
	}
	if field != "" {
		var e *Error
		if !errors.As(err, &e) || e.Field != field {
			t.Fatalf("field %q, want %q (%v)", e.Field, field, err)
		}
	}
}

func TestKindRules(t *testing.T) {
	env := testEnv()

	t.Run("RejectsAnonymousDenunciation", func(t *testing.T) {
		in := intake(Denunciation, 0, "2026-10-01")
		in.Anonymous = true
		c := drive(t, env, in, assignOn("2026-10-02"))
		_, _, err := Apply(c, acceptOn("2026-10-05"), head, env)
		wantErr(t, err, CodeAnonymousDenunciation, "")
		// It may be filed, the content passed for inspection (LTC 25).
		n, rec, err := Apply(c, Input{Event: EvFile, On: date("2026-10-05"), ReasonCode: "TC-NP-07",
			Note: "Chuyển nội dung để thanh tra"}, reception, env)
		if err != nil {
			t.Fatalf("file TC-NP-07: %v", err)
		}
		if n.State != Filed || rec.Payload["reason_code"] != "TC-NP-07" || len(n.RunningClocks()) != 0 {
			t.Errorf("filed: state %s, payload %v, running %v", n.State, rec.Payload, clockNames(n.RunningClocks()))
		}
	})

	t.Run("OnlyDenunciationsAndPetitionsMayBeAnonymous", func(t *testing.T) {
		for _, k := range []Kind{Complaint, Dialogue} {
			in := intake(k, 0, "2026-10-01")
			if k == Complaint {
				in.Round = 1
			}
			in.Anonymous = true
			_, _, err := Receive(in, env)
			wantErr(t, err, CodeInvalid, "anonymous")
		}
	})

	t.Run("Round2ComplaintNeedsDialogue", func(t *testing.T) {
		c := reach(t, env, Complaint, 2, InResolution)
		_, _, err := Apply(c, resolveOn("2026-10-20", Correct), head, env)
		wantErr(t, err, CodeDialogueRequired, "")
		_, _, err = Apply(c, recordOn("2026-10-20"), handler, env)
		wantErr(t, err, CodeDialogueNotScheduled, "")
		c = mustApply(t, env, c, scheduleOn("2026-10-06", "2026-10-13"), handler)
		_, _, err = Apply(c, resolveOn("2026-10-20", Correct), head, env)
		wantErr(t, err, CodeDialogueRequired, "") // scheduled is not held
		// A no-show is recorded in the minutes and counts (ND 124/2020 Art. 28).
		c = mustApply(t, env, c, Input{Event: EvRecordDialogue, On: date("2026-10-13"), Minutes: "Vắng mặt", Attended: no()}, handler)
		c = mustApply(t, env, c, resolveOn("2026-10-20", Correct), head)
		if c.State != Resolved {
			t.Errorf("state %s", c.State)
		}
	})

	t.Run("Round1NeedsDialogueOnlyWhenVerificationDiffers", func(t *testing.T) {
		base := reach(t, env, Complaint, 1, InResolution)
		// No verification report: resolve at once.
		mustApply(t, env, base, resolveOn("2026-10-20", Wrong), head)
		// Verification agrees with the request.
		c := mustApply(t, env, base, Input{Event: EvVerify, On: date("2026-10-08"), Differs: no()}, handler)
		mustApply(t, env, c, resolveOn("2026-10-20", Wrong), head)
		// Verification differs: a dialogue first (LKN 30).
		c = mustApply(t, env, base, Input{Event: EvVerify, On: date("2026-10-08"), Differs: yes()}, handler)
		_, _, err := Apply(c, resolveOn("2026-10-20", Wrong), head, env)
		wantErr(t, err, CodeDialogueRequired, "")
		c = mustApply(t, env, c, scheduleOn("2026-10-09", "2026-10-14"), handler)
		c = mustApply(t, env, c, recordOn("2026-10-14"), handler)
		if c = mustApply(t, env, c, resolveOn("2026-10-20", Wrong), head); c.State != Resolved {
			t.Errorf("state %s", c.State)
		}
	})

	t.Run("DialogueNeedsFiveDaysNotice", func(t *testing.T) {
		c := reach(t, env, Dialogue, 0, InResolution)
		for _, tc := range []struct {
			notice, on string
			code       Code
		}{
			{"2026-10-06", "2026-10-10", CodeDialogueNotice}, // 4 days
			{"2026-10-06", "2026-10-06", CodeDialogueNotice}, // same day
			{"2026-10-06", "2026-10-01", CodeDialogueNotice}, // before the notice
			{"2026-10-07", "2026-10-12", ""},                 // 5 days (Wed to Mon: a dialogue is set on a working day)
		} {
			_, _, err := Apply(c, scheduleOn(tc.notice, tc.on), handler, env)
			if tc.code == "" {
				if err != nil {
					t.Errorf("notice %s for %s: %v", tc.notice, tc.on, err)
				}
				continue
			}
			wantErr(t, err, tc.code, "dialogue_on")
		}
		// A dialogue case is answered only after its minutes.
		_, _, err := Apply(c, resolveOn("2026-10-20", Answered), head, env)
		wantErr(t, err, CodeDialogueRequired, "")
		// Complaint dialogues need the same notice from 01/07/2026 (ND 124/2020 Art. 28 as amended).
		k := reach(t, env, Complaint, 2, InResolution)
		_, _, err = Apply(k, scheduleOn("2026-10-06", "2026-10-09"), handler, env)
		wantErr(t, err, CodeDialogueNotice, "dialogue_on")
	})

	t.Run("WithdrawalWithViolationSignsKeepsDenunciationOpen", func(t *testing.T) {
		for _, s := range []State{InResolution, Suspended} {
			c := reach(t, env, Denunciation, 0, s)
			n, rec, err := Apply(c, Input{Event: EvWithdraw, On: date("2026-10-14"), ViolationSigns: true}, head, env)
			if err != nil {
				t.Fatal(err)
			}
			if n.State != s || rec.ToState != s || !n.Facts.Withdrawn || rec.Payload["violation_signs"] != true {
				t.Errorf("from %s: state %s, record → %s, withdrawn %v", s, n.State, rec.ToState, n.Facts.Withdrawn)
			}
			k := clockOf(t, n, ClockResolution)
			switch {
			case s == InResolution && !k.Running():
				t.Errorf("resolution clock stopped by a withdrawal with violation signs: %+v", k)
			case s == Suspended && (!k.StoppedOn.IsZero() || k.SuspendedOn != date("2026-10-12")):
				t.Errorf("suspended resolution clock changed by the withdrawal: %+v", k)
			}
			// Without signs of violation the withdrawal ends it and stops every clock but
			// the one for sending the termination decision (LTC 34(4)).
			n = mustApply(t, env, c, eventOn(EvWithdraw, "2026-10-14"), head)
			running := clockNames(n.RunningClocks())
			if n.State != Withdrawn || !reflect.DeepEqual(running, []string{string(ClockDecisionDelivery)}) || hasSuspended(n) {
				t.Errorf("plain withdrawal from %s: state %s, running %v", s, n.State, running)
			}
		}
		// The exception is the Law on Denunciations' only.
		c := reach(t, env, Complaint, 1, InResolution)
		if n := mustApply(t, env, c, Input{Event: EvWithdraw, On: date("2026-10-14"), ViolationSigns: true}, head); n.State != Withdrawn {
			t.Errorf("complaint withdrawal: state %s, want withdrawn", n.State)
		}
	})

	t.Run("CloseRefusedWhileClocksRun", func(t *testing.T) {
		// Round 1: delivery runs after the decision.
		c := reach(t, env, Complaint, 1, Resolved)
		_, _, err := Apply(c, eventOn(EvClose, "2026-10-21"), head, env)
		wantErr(t, err, CodeClocksRunning, "")
		c = mustApply(t, env, c, eventOn(EvDeliver, "2026-10-21"), head)
		if c = mustApply(t, env, c, eventOn(EvClose, "2026-10-21"), head); c.State != Closed {
			t.Errorf("state %s", c.State)
		}
		// Round 2: the decision must also be disclosed.
		c = reach(t, env, Complaint, 2, Resolved)
		c = mustApply(t, env, c, eventOn(EvDeliver, "2026-10-21"), head)
		_, _, err = Apply(c, eventOn(EvClose, "2026-10-21"), head, env)
		wantErr(t, err, CodeClocksRunning, "")
		c = mustApply(t, env, c, Input{Event: EvDisclose, On: date("2026-10-22"), Text: "Quyết định", Channel: "web"}, head)
		if c = mustApply(t, env, c, eventOn(EvClose, "2026-10-23"), head); c.State != Closed {
			t.Errorf("state %s", c.State)
		}
		// Denunciation: a denouncer never told of the acceptance keeps the case open.
		c = reach(t, env, Denunciation, 0, Resolved)
		c = mustApply(t, env, c, eventOn(EvDeliver, "2026-10-21"), head)
		c = mustApply(t, env, c, Input{Event: EvDisclose, On: date("2026-10-22"), Text: "Kết luận", Channel: "web"}, head)
		_, _, err = Apply(c, eventOn(EvClose, "2026-10-23"), head, env)
		wantErr(t, err, CodeClocksRunning, "")
		// Doing a duty twice is refused.
		_, _, err = Apply(c, eventOn(EvDeliver, "2026-10-23"), head, env)
		wantErr(t, err, CodeIllegalTransition, "")
		c = mustApply(t, env, c, eventOn(EvNotify, "2026-10-23"), handler)
		_, _, err = Apply(c, eventOn(EvNotify, "2026-10-23"), handler, env)
		wantErr(t, err, CodeIllegalTransition, "")
		if c = mustApply(t, env, c, eventOn(EvClose, "2026-10-23"), head); c.State != Closed {
			t.Errorf("state %s", c.State)
		}
		// A petition's disclosure is optional: it closes right after the answer.
		c = reach(t, env, Petition, 0, Resolved)
		if c = mustApply(t, env, c, eventOn(EvClose, "2026-10-21"), head); c.State != Closed {
			t.Errorf("petition state %s", c.State)
		}
		// A dialogue's results must be published first (THDCCS Art. 12(3)).
		c = reach(t, env, Dialogue, 0, Resolved)
		_, _, err = Apply(c, eventOn(EvClose, "2026-10-21"), head, env)
		wantErr(t, err, CodeClocksRunning, "")
	})

	t.Run("ComplaintSuspensionOnlyFrom1July2026", func(t *testing.T) {
		c := drive(t, env, intake(Complaint, 1, "2026-06-01"), assignOn("2026-06-02"), acceptOn("2026-06-03"))
		_, _, err := Apply(c, eventOn(EvSuspend, "2026-06-30"), head, env)
		wantErr(t, err, CodeIllegalTransition, "")
		if n := mustApply(t, env, c, eventOn(EvSuspend, "2026-07-01"), head); n.State != Suspended {
			t.Errorf("state %s", n.State)
		}
		// Denunciations could always be suspended (LTC 34).
		d := drive(t, env, intake(Denunciation, 0, "2026-06-01"), assignOn("2026-06-02"), acceptOn("2026-06-03"))
		if n := mustApply(t, env, d, eventOn(EvSuspend, "2026-06-30"), head); n.State != Suspended {
			t.Errorf("denunciation state %s", n.State)
		}
	})

	t.Run("ActDates", func(t *testing.T) {
		c := drive(t, env, intake(Petition, 0, "2026-10-01"), assignOn("2026-10-05"))
		_, _, err := Apply(c, acceptOn("2026-11-26"), head, env)
		wantErr(t, err, CodeInvalid, "on") // tomorrow
		_, _, err = Apply(c, acceptOn("2026-10-02"), head, env)
		wantErr(t, err, CodeInvalid, "on") // before the assignment
		if n := mustApply(t, env, c, acceptOn("2026-10-05"), head); n.AcceptedOn != date("2026-10-05") {
			t.Errorf("accepted on %s; the day of the last event is allowed", n.AcceptedOn)
		}
		n := mustApply(t, env, c, Input{Event: EvAccept}, head)
		if n.AcceptedOn != testToday || n.LastEventOn != testToday {
			t.Errorf("undated act: accepted %s, last event %s; want today", n.AcceptedOn, n.LastEventOn)
		}
		_, _, err = Receive(intake(Petition, 0, "2026-11-26"), env)
		wantErr(t, err, CodeInvalid, "received_on")
	})

	t.Run("WrongOutcomePerKind", func(t *testing.T) {
		for _, v := range variants {
			c := reach(t, env, v.kind, v.round, InResolution)
			c.Facts.DialogueRecorded = true
			for _, o := range []Outcome{Correct, PartlyCorrect, Wrong, Answered, "", "rejected"} {
				_, _, err := Apply(c, resolveOn("2026-10-20", o), head, env)
				ok := o == Answered
				if v.kind == Complaint || v.kind == Denunciation {
					ok = o == Correct || o == PartlyCorrect || o == Wrong
				}
				if ok && err != nil {
					t.Errorf("%s resolved %q: %v", v.name, o, err)
				}
				if !ok && ErrorCode(err) != CodeWrongOutcome {
					t.Errorf("%s resolved %q: code %q, want wrong_outcome", v.name, o, ErrorCode(err))
				}
			}
		}
	})

	t.Run("UnknownReasonCode", func(t *testing.T) {
		for _, tc := range []struct {
			kind  Kind
			event Event
			code  string
			want  Code
		}{
			{Complaint, EvReject, "KN-NA-06", ""},
			{Complaint, EvReject, "TC-NA-01", CodeReasonCode},
			{Complaint, EvReject, "", CodeReasonCode},
			{Complaint, EvReject, "kn-na-06", CodeReasonCode},
			{Denunciation, EvReject, "TC-NA-03", ""},
			{Denunciation, EvReject, "KN-NA-01", CodeReasonCode},
			{Petition, EvReject, "KP-NA-01", ""},
			{Petition, EvReject, "KN-NA-01", CodeReasonCode},
			{Denunciation, EvFile, "TC-NP-07", ""},
			{Petition, EvFile, "TC-NP-07", CodeReasonCode},
			{Petition, EvFile, "MIXED_CONTENT", ""},
			{Dialogue, EvFile, "NO_SUCH_CODE", CodeReasonCode},
			{Denunciation, EvFile, "KN-NA-05", CodeReasonCode},
		} {
			round := 0
			if tc.kind == Complaint {
				round = 1
			}
			c := reach(t, env, tc.kind, round, Assigned)
			_, _, err := Apply(c, Input{Event: tc.event, ReasonCode: tc.code}, head, env)
			if tc.want == "" {
				if err != nil {
					t.Errorf("%s %s %q: %v", tc.kind, tc.event, tc.code, err)
				}
				continue
			}
			if got := ErrorCode(err); got != tc.want {
				t.Errorf("%s %s %q: code %q, want %q", tc.kind, tc.event, tc.code, got, tc.want)
			}
		}
		// A duplicate names its original.
		c := reach(t, env, Petition, 0, Received)
		_, _, err := Apply(c, Input{Event: EvFile, ReasonCode: "DUPLICATE"}, reception, env)
		wantErr(t, err, CodeInvalid, "duplicate_of")
		if _, rec, err := Apply(c, Input{Event: EvFile, ReasonCode: "DUPLICATE", DuplicateOf: 41}, reception, env); err != nil || rec.Payload["duplicate_of"] != int64(41) {
			t.Errorf("file duplicate: %v, payload %v", err, rec.Payload)
		}
	})

	t.Run("UnknownEventIsInvalid", func(t *testing.T) {
		c := reach(t, env, Petition, 0, Received)
		for _, e := range []Event{EvReceive, "approve", ""} {
			_, _, err := Apply(c, Input{Event: e}, head, env)
			wantErr(t, err, CodeInvalid, "event")
		}
	})

	t.Run("HandlerOnlyOnOwnCases", func(t *testing.T) {
		c := reach(t, env, Complaint, 1, InResolution)
		in := Input{Event: EvVerify, On: date("2026-10-08"), Differs: yes()}
		_, _, err := Apply(c, in, otherHand, env)
		wantErr(t, err, CodeForbidden, "")
		mustApply(t, env, c, in, handler)
		// After a reassignment the first handler loses the case.
		c = mustApply(t, env, c, Input{Event: EvReassign, On: date("2026-10-07"), Assignee: otherHand.Login}, head)
		_, _, err = Apply(c, in, handler, env)
		wantErr(t, err, CodeForbidden, "")
		mustApply(t, env, c, in, otherHand)
	})
}

func hasSuspended(c Case) bool {
	for _, k := range c.Clocks {
		if !k.SuspendedOn.IsZero() && k.StoppedOn.IsZero() {
			return true
		}
	}
	return false
}
