package workflow

import (
	"fmt"
	"strings"
)

// Env is what the engine is handed instead of reading a clock or a database.
type Env struct {
	Calendar *Calendar
	Today    Date // the agency's day now; acts may not be dated after it
	Settings UnitSettings
	// History, when not empty, holds the unit's settings over time and wins
	// over Settings: a clock takes the settings in force on its first day.
	History SettingsHistory
}

// settingsOn is the unit's settings in force on day d.
func (env Env) settingsOn(d Date) UnitSettings {
	if len(env.History) > 0 {
		return env.History.On(d)
	}
	return env.Settings
}

// Actor is who fires an event.
type Actor struct {
	Login string
	Role  Role
}

// Intake is a new letter as the reception officer enters it.
type Intake struct {
	Kind            Kind
	Round           int
	PriorMatterFrom Date // the round-1 case's matter start, for a round-2 complaint
	Channel         Channel
	ReceivedOn      Date
	Anonymous       bool
	Signatories     int
	RemoteArea      bool
	Complexity      Complexity
	// Disciplinary: a complaint against a disciplinary decision (LKN 2011 Art. 46–55).
	Disciplinary bool
	// ReceivedByTransfer: a denunciation another body transferred here (TT 05/2021 Art. 14).
	ReceivedByTransfer bool
	// ForwardedByAuthority: a denunciation forwarded by the press or a competent authority (LTC 2018 Art. 26(2)).
	ForwardedByAuthority bool
}

// Whom notify tells (Input.To).
const (
	NotifyDenouncer = "denouncer" // of the acceptance (LTC 2018 Art. 29(3))
	NotifyForwarder = "forwarder" // the press or authority that forwarded the letter (LTC 2018 Art. 26(2))
)

// Record is the audit record an event appends (the store adds seq, time and actor).
type Record struct {
	Event     Event          `json:"event"`
	FromState State          `json:"from_state"`
	ToState   State          `json:"to_state"`
	On        Date           `json:"on"`
	Payload   map[string]any `json:"payload"`
}

// Receive opens a case: it validates the intake and starts the clocks that run
// from receipt. The first record of every case is a "receive" record.
func Receive(in Intake, env Env) (Case, Record, error) {
	if !in.Kind.Valid() {
		return Case{}, Record{}, Invalid("kind", "loại đơn không hợp lệ: %q", in.Kind)
	}
	if in.Complexity == "" {
		in.Complexity = Normal
	}
	if !in.Complexity.Valid() {
		return Case{}, Record{}, Invalid("complexity", "mức độ phức tạp không hợp lệ: %q", in.Complexity)
	}
	if !in.Channel.Valid() {
		return Case{}, Record{}, Invalid("channel", "kênh tiếp nhận không hợp lệ: %q", in.Channel)
	}
	switch {
	case in.Kind == Complaint && in.Round != 1 && in.Round != 2:
		return Case{}, Record{}, Invalid("round", "khiếu nại phải là lần 1 hoặc lần 2")
	case in.Kind != Complaint && in.Round != 0:
		return Case{}, Record{}, Invalid("round", "chỉ khiếu nại mới có lần giải quyết")
	}
	if in.ReceivedOn.IsZero() {
		in.ReceivedOn = env.Today
	}
	if in.ReceivedOn.After(env.Today) {
		return Case{}, Record{}, Invalid("received_on", "ngày nhận đơn không được sau ngày hôm nay")
	}
	// The statute table starts in 2000; an older date would run no clock at all.
	if in.ReceivedOn.Before(lawStart) {
		return Case{}, Record{}, Invalid("received_on", "ngày nhận đơn không được trước 01/01/2000")
	}
	if in.Signatories < 0 {
		return Case{}, Record{}, Invalid("signatories", "số người ký không hợp lệ")
	}
	// Only denunciations may arrive without a name, and then only to be filed (LTC 25).
	if in.Anonymous && in.Kind != Denunciation && in.Kind != Petition {
		return Case{}, Record{}, Invalid("anonymous", "chỉ tố cáo hoặc phản ánh mới có thể nặc danh")
	}
	if err := in.checkFacts(); err != nil {
		return Case{}, Record{}, err
	}
	matter := in.ReceivedOn
	if !in.PriorMatterFrom.IsZero() && in.PriorMatterFrom.Before(matter) {
		matter = in.PriorMatterFrom
	}
	c := Case{Kind: in.Kind, Round: in.Round, State: Received, Version: 1, Complexity: in.Complexity,
		RemoteArea: in.RemoteArea, Anonymous: in.Anonymous, ReceivedOn: in.ReceivedOn,
		MatterStartedOn: matter, LastEventOn: in.ReceivedOn, Disciplinary: in.Disciplinary,
		ReceivedByTransfer: in.ReceivedByTransfer, ForwardedByAuthority: in.ForwardedByAuthority}
	c.startClocks(env, AtReceipt, in.ReceivedOn)
	payload := map[string]any{"channel": in.Channel, "clocks_started": clockNames(c.Clocks)}
	for name, set := range map[string]bool{"disciplinary": in.Disciplinary, "received_by_transfer": in.ReceivedByTransfer,
		"forwarded_by_authority": in.ForwardedByAuthority} {
		if set {
			payload[name] = true
		}
	}
	rec := Record{Event: EvReceive, ToState: Received, On: in.ReceivedOn, Payload: payload}
	return c, rec, nil
}

// checkFacts checks the registration facts against the kind: only a complaint
// can be against a disciplinary decision (LKN 2011 Art. 46–55); the transfer
// once rule (TT 05/2021 Art. 14) and the forwarder's reply (LTC 2018 Art.
// 26(2)) belong to denunciations, which then arrived by the channel "forwarded".
func (in Intake) checkFacts() error {
	switch {
	case in.Disciplinary && in.Kind != Complaint:
		return Invalid("disciplinary", "chỉ khiếu nại mới có thể là khiếu nại quyết định kỷ luật")
	case in.ReceivedByTransfer && in.Kind != Denunciation:
		return Invalid("received_by_transfer", "chỉ ghi nhận “nhận do chuyển đến” cho đơn tố cáo (Điều 14 Thông tư 05/2021/TT-TTCP)")
	case in.ForwardedByAuthority && in.Kind != Denunciation:
		return Invalid("forwarded_by_authority", "chỉ ghi nhận “do báo chí, cơ quan có thẩm quyền chuyển đến” cho đơn tố cáo (khoản 2 Điều 26 Luật Tố cáo 2018)")
	case (in.ReceivedByTransfer || in.ForwardedByAuthority) && in.Channel != ChannelForwarded:
		return Invalid("channel", "đơn do cơ quan khác chuyển đến phải có kênh tiếp nhận “forwarded”")
	}
	return nil
}

// Apply decides one event: whether this actor may fire it on this case now, the
// new state, the clocks it starts, stops or moves, and the record to append.
// It is a pure function of its arguments; c is not modified.
func Apply(c Case, in Input, actor Actor, env Env) (Case, Record, error) {
	t, ok := transitionOf(c.Kind, in.Event)
	if !ok {
		if !knownEvent(in.Event) {
			return c, Record{}, Invalid("event", "sự kiện không hợp lệ: %q", in.Event)
		}
		return c, Record{}, Errorf(CodeIllegalTransition, "sự kiện %q không áp dụng cho loại đơn %s", in.Event, c.Kind)
	}
	if !t.allows(actor.Role) {
		return c, Record{}, Errorf(CodeForbidden, "vai trò %s không được thực hiện %q", actor.Role, in.Event)
	}
	if actor.Role == RoleHandler && c.Assignee != actor.Login {
		return c, Record{}, Errorf(CodeForbidden, "hồ sơ không được giao cho bạn")
	}
	if in.On.IsZero() {
		in.On = env.Today
	}
	if in.On.After(env.Today) {
		return c, Record{}, Invalid("on", "ngày thực hiện không được sau ngày hôm nay")
	}
	if in.On.Before(c.LastEventOn) {
		return c, Record{}, Invalid("on", "ngày thực hiện không được trước sự kiện gần nhất (%s)", c.LastEventOn.VN())
	}
	next, err := move(c.Kind, c.State, in.Event)
	if err != nil {
		return c, Record{}, err
	}
	n := c
	if !clockless[in.Event] {
		n = c.clone()
	}
	n.State = next
	payload := map[string]any{}
	if err := in.checkCodes(c.Kind); err != nil {
		return c, Record{}, err
	}
	if err := n.effect(in, env, payload); err != nil {
		return c, Record{}, err
	}
	if in.Note != "" { // every act may carry a note
		payload["note"] = in.Note
	}
	in.record(c.Kind, payload)
	n.LastEventOn = in.On
	n.Version = c.Version + 1
	return n, Record{Event: in.Event, FromState: c.State, ToState: n.State, On: in.On, Payload: payload}, nil
}

// knownEvent reports whether e is an event of any kind.
func knownEvent(e Event) bool {
	for _, t := range Transitions {
		if t.Event == e {
			return true
		}
	}
	return false
}

// effect applies the event's own rules to n (already moved to its new state).
func (n *Case) effect(in Input, env Env, p map[string]any) error {
	on := in.On
	switch in.Event {
	case EvAssign, EvReassign:
		if strings.TrimSpace(in.Assignee) == "" {
			return Invalid("assignee", "cần chọn người được giao")
		}
		n.Assignee = in.Assignee
	case EvAccept:
		// An anonymous denunciation is not processed under the Law (LTC 25(1)); it may only be filed.
		if n.Kind == Denunciation && n.Anonymous {
			return Errorf(CodeAnonymousDenunciation, "không thụ lý tố cáo nặc danh (Điều 25 Luật Tố cáo 2018); có thể lưu đơn với mã TC-NP-07")
		}
		n.AcceptedOn = on
		// The acceptance notice of a complaint against a disciplinary decision goes to the
		// complainant only (TT 07/2013 Art. 5; LKN 2011 Art. 50), not to a forwarder or the inspectorate.
		if n.Kind == Complaint && n.Disciplinary {
			p["notice_to"] = "complainant"
		}
		n.stopClocks(on, p, ClockProcessing, ClockAcceptance, ClockTransfer)
		n.startClocks(env, AtAcceptance, on)
		p["clocks_started"] = clockNames(n.RunningClocks())
	case EvReject, EvFile:
		if !knownReason(n.Kind, in.Event, in.ReasonCode) {
			return &Error{Code: CodeReasonCode, Field: "reason_code", Message: "mã lý do không hợp lệ cho loại đơn này"}
		}
		if in.DuplicateOf == 0 && in.ReasonCode == "DUPLICATE" {
			return Invalid("duplicate_of", "cần chọn đơn gốc của đơn trùng")
		}
		n.stopClocks(on, p)
	case EvTransfer:
		if strings.TrimSpace(in.Target) == "" {
			return Invalid("target", "cần ghi cơ quan nhận đơn chuyển")
		}
		// A denunciation is transferred once: the body that received it by transfer may not send it on
		// (TT 05/2021/TT-TTCP Art. 14).
		if n.transferredOnce() {
			return Errorf(CodeTransferOnce, "tố cáo này đã được chuyển đến từ cơ quan khác; việc chuyển đơn tố cáo chỉ thực hiện một lần "+
				"(Điều 14 Thông tư 05/2021/TT-TTCP) — cơ quan nhận phải xử lý hoặc lưu đơn (TC-NP-06)")
		}
		// Transfer ends the case here; the receiving body starts its own clocks (DOMAIN.md §3).
		n.stopClocks(on, p)
	case EvClassify:
		return n.classify(in, env, p)
	case EvNote:
		if strings.TrimSpace(in.Note) == "" {
			return Invalid("note", "ghi chú không được để trống")
		}
	case EvVerify:
		if in.Differs != nil && n.Kind == Complaint {
			n.Facts.VerificationDiffers = *in.Differs
			p["differs"] = *in.Differs
		}
	case EvScheduleDialogue:
		if err := n.scheduleDialogue(in, p); err != nil {
			return err
		}
		return dialogueOnWorkingDay(in, env, p)
	case EvRecordDialogue:
		if n.Facts.DialogueScheduledOn.IsZero() {
			return Errorf(CodeDialogueNotScheduled, "chưa lên lịch đối thoại")
		}
		if strings.TrimSpace(in.Minutes) == "" {
			return Invalid("minutes", "cần nhập biên bản đối thoại")
		}
		attended := in.Attended == nil || *in.Attended
		p["attended"] = attended
		n.Facts.DialogueRecorded = true
	case EvExtend:
		return n.extend(in, env, p)
	case EvNotify:
		return n.notify(in, p)
	case EvSuspend:
		// Suspension is allowed from the day its rule is in force (ActRules: LKN Art. 11a for complaints).
		if _, ok := actRule(n.Kind, EvSuspend, on); !ok {
			return Errorf(CodeIllegalTransition, "tạm đình chỉ giải quyết khiếu nại chỉ áp dụng từ 01/07/2026 (Điều 11a Luật Khiếu nại 2011)")
		}
		n.suspend(on, p)
		n.startInterim(env, on, p)
	case EvResume:
		n.resume(env.Calendar, on, p)
		n.startInterim(env, on, p)
	case EvWithdraw:
		return n.withdraw(in, env, p)
	case EvResolve:
		return n.resolve(in, env, p)
	case EvImplement:
		return implemented(in)
	case EvDeliver:
		return n.deliver(in, p)
	case EvDisclose:
		if strings.TrimSpace(in.Text) == "" {
			return Invalid("text", "cần nhập nội dung công khai")
		}
		n.DisclosedOn = on
		n.Facts.DisclosureText, n.Facts.DisclosureChannel = in.Text, in.Channel
		n.stopClocks(on, p, ClockDisclosure)
	case EvCorrect:
		return n.correct(in, env, p)
	case EvClose:
		// A case is closed only when none of its clocks still runs (DOMAIN.md §2).
		if running := n.RunningClocks(); len(running) > 0 {
			return Errorf(CodeClocksRunning, "còn thời hạn đang chạy (%s)", strings.Join(clockLabels(running), ", "))
		}
	}
	return nil
}

func (n *Case) classify(in Input, env Env, p map[string]any) error {
	if in.Complexity != "" {
		if !in.Complexity.Valid() {
			return Invalid("complexity", "mức độ phức tạp không hợp lệ: %q", in.Complexity)
		}
		n.Complexity = in.Complexity
		p["complexity"] = in.Complexity
	}
	if in.RemoteArea != nil {
		n.RemoteArea = *in.RemoteArea
		p["remote_area"] = *in.RemoteArea
	}
	// A denunciation outside the body's competence must be transferred within 5 WD of receipt (LTC 24(2)).
	if in.Competent != nil {
		p["competent"] = *in.Competent
		if !*in.Competent && n.Kind == Denunciation && n.clock(ClockTransfer) < 0 && (n.State == Received || n.State == Assigned) {
			for _, r := range RulesFor(n.Subject(), AtCompetence, n.ReceivedOn, env.settingsOn(n.ReceivedOn)) {
				n.Clocks = append(n.Clocks, newClock(env.Calendar, r, n.ReceivedOn, r.Days))
			}
		}
	}
	// The complaint resolution length follows complexity and area (LKN 28, 37).
	if i := n.clock(ClockResolution); i >= 0 && n.Kind == Complaint {
		k := &n.Clocks[i]
		if r, ok := ruleFor(n.Subject(), ClockResolution, k.StartedOn); ok {
			delta := r.LengthFor(n.Complexity, n.RemoteArea) - k.Days
			k.Days += delta
			k.RunDays += delta
			if k.SuspendedOn.IsZero() {
				k.recompute(env.Calendar)
			}
			p["resolution_days"] = k.Days
		}
	}
	return nil
}

func (n *Case) scheduleDialogue(in Input, p map[string]any) error {
	if in.DialogueOn.IsZero() {
		return Invalid("dialogue_on", "cần chọn ngày đối thoại")
	}
	// The notice a dialogue needs, if any, on the day it is given (ActRules).
	if r, _ := actRule(n.Kind, EvScheduleDialogue, in.On); r.NoticeDays > 0 && in.On.DaysUntil(in.DialogueOn) < r.NoticeDays {
		return &Error{Code: CodeDialogueNotice, Field: "dialogue_on",
			Message: fmt.Sprintf("ngày đối thoại phải cách ngày thông báo ít nhất %d ngày", r.NoticeDays)}
	}
	if in.DialogueOn.Before(in.On) || in.On.DaysUntil(in.DialogueOn) > 366 {
		return Invalid("dialogue_on", "ngày đối thoại phải sau ngày thông báo và trong vòng một năm")
	}
	n.Facts.DialogueScheduledOn = in.DialogueOn
	return nil
}

// extend lengthens a denunciation's clock: the acceptance period from 7 up to
// 10 WD when verification spans places (LTC 24(1)); the resolution period by at
// most 30 cd, once when complex and twice when especially complex (LTC 30(2)–(3)).
func (n *Case) extend(in Input, env Env, p map[string]any) error {
	name := ClockResolution
	if n.State == Received || n.State == Assigned {
		name = ClockAcceptance
	}
	i := n.clock(name)
	if i < 0 {
		return Errorf(CodeIllegalTransition, "không có thời hạn để gia hạn")
	}
	k := &n.Clocks[i]
	r, _ := ruleFor(n.Subject(), name, k.StartedOn)
	x, _ := n.Extension()
	if x.Left == 0 {
		return x.refusal(r, n.Complexity)
	}
	if in.Days < 1 || in.Days > r.ExtensionDays {
		return x.badDays()
	}
	k.Extensions++
	k.Days += in.Days
	k.RunDays += in.Days
	if k.SuspendedOn.IsZero() {
		k.recompute(env.Calendar)
	}
	p["clock"], p["days"], p["due_on"] = name, in.Days, k.DueOn
	return nil
}

// suspend stops the resolution clock; the suspended time is not counted
// (LTC 34(2); LKN 11a).
func (n *Case) suspend(on Date, p map[string]any) {
	if i := n.clock(ClockResolution); i >= 0 {
		k := &n.Clocks[i]
		k.RunDays -= k.RunFrom.DaysUntil(on)
		k.SuspendedOn = on
		p["days_left"] = k.RunDays
	}
}

// resume runs the remaining days again from the resume date (LTC 34(2); ND 124/2020 Art. 28b).
func (n *Case) resume(cal *Calendar, on Date, p map[string]any) {
	if i := n.clock(ClockResolution); i >= 0 {
		k := &n.Clocks[i]
		k.SuspendedOn = Date{}
		k.RunFrom = on
		k.recompute(cal)
		p["due_on"] = k.DueOn
	}
}

// withdraw ends the case, except a denunciation whose act shows signs of a
// violation: its resolution goes on (LTC 33(3)). The termination decision
// that ends it is still to be sent (LTC 34(4); ND 124/2020 Art. 28b).
func (n *Case) withdraw(in Input, env Env, p map[string]any) error {
	if n.Kind == Denunciation && in.ViolationSigns {
		n.State = n.stateBeforeWithdraw()
		n.Facts.Withdrawn = true
		p["violation_signs"] = true
		return nil
	}
	n.stopClocks(in.On, p)
	n.startInterim(env, in.On, p)
	return nil
}

// startInterim starts the clock for sending a suspension, continuation or
// termination decision: 5 WD for denunciations (LTC 2018 Art. 34(4)), 3 WD
// for complaints decided from 01/07/2026 (ND 124/2020 Art. 28b).
func (n *Case) startInterim(env Env, on Date, p map[string]any) {
	before := len(n.Clocks)
	n.startClocks(env, AtInterimDecision, on)
	if len(n.Clocks) > before {
		p["clocks_started"] = clockNames(n.Clocks[before:])
	}
}

// notify records that the denouncer was told of the acceptance (LTC 29(3)) or
// that the forwarder was sent the result (LTC 26(2)). Without "to" it tells
// the denouncer while that duty is open, else the forwarder.
func (n *Case) notify(in Input, p map[string]any) error {
	to := in.To
	if to == "" {
		to = NotifyDenouncer
		if n.clock(ClockNotification) < 0 && n.clock(ClockForwarderReply) >= 0 {
			to = NotifyForwarder
		}
	}
	switch to {
	case NotifyDenouncer:
		p["to"] = to
		return n.stopDuty(ClockNotification, in.On, p, "đã thông báo cho người tố cáo")
	case NotifyForwarder:
		p["to"] = to
		return n.stopDuty(ClockForwarderReply, in.On, p, "đã thông báo kết quả cho cơ quan chuyển đơn")
	}
	return Invalid("to", "người nhận thông báo phải là %q hoặc %q", NotifyDenouncer, NotifyForwarder)
}

// deliver records that a decision was sent: the decision or conclusion
// (delivery) or a suspension, continuation or termination decision
// (decision_delivery). Without "clock" it is the one running, the final
// decision first.
func (n *Case) deliver(in Input, p map[string]any) error {
	name := in.Clock
	if name == "" {
		name = ClockDelivery
		if n.clock(ClockDelivery) < 0 && n.clock(ClockDecisionDelivery) >= 0 {
			name = ClockDecisionDelivery
		}
	}
	if name != ClockDelivery && name != ClockDecisionDelivery {
		return Invalid("clock", "thời hạn gửi phải là %q hoặc %q", ClockDelivery, ClockDecisionDelivery)
	}
	p["clock"] = name
	return n.stopDuty(name, in.On, p, "đã gửi quyết định")
}

func (n *Case) stateBeforeWithdraw() State {
	for _, k := range n.Clocks {
		if k.Name == ClockResolution && k.StoppedOn.IsZero() && !k.SuspendedOn.IsZero() {
			return Suspended
		}
	}
	return InResolution
}

func (n *Case) resolve(in Input, env Env, p map[string]any) error {
	if !validOutcome(n.Kind, in.Outcome) {
		return &Error{Code: CodeWrongOutcome, Field: "outcome", Message: "kết quả giải quyết không hợp lệ cho loại đơn này"}
	}
	if strings.TrimSpace(in.Summary) == "" {
		return Invalid("summary", "cần nhập tóm tắt kết quả giải quyết")
	}
	// Round 2 always needs a dialogue (LKN 39); round 1 when the request and the
	// verification differ (LKN 30); a complaint against a disciplinary decision
	// at both rounds (LKN 53, 55(3)); a dialogue case records its minutes first.
	if n.Kind == Complaint && n.Disciplinary && !n.Facts.DialogueRecorded {
		return Errorf(CodeDialogueRequired, "khiếu nại quyết định kỷ luật phải đối thoại và ghi biên bản trước khi giải quyết (Điều 53, khoản 3 Điều 55 Luật Khiếu nại 2011)")
	}
	needDialogue := n.Kind == Dialogue || n.Kind == Complaint && (n.Round == 2 || n.Facts.VerificationDiffers)
	if needDialogue && !n.Facts.DialogueRecorded {
		return Errorf(CodeDialogueRequired, "phải tổ chức và ghi biên bản đối thoại trước khi giải quyết (Điều 30, 39 Luật Khiếu nại 2011)")
	}
	// The report's columns "of whom officials" are part of their totals (Biểu 01/KQGQ 15–19, 03/KQGQ 19–23).
	if in.SanctionOfficials > in.SanctionPersons {
		return Invalid("sanction_officials", "số cán bộ, công chức, viên chức bị kiến nghị xử lý không được lớn hơn tổng số người bị kiến nghị xử lý")
	}
	if in.ReferredOfficials > in.ReferredPersons {
		return Invalid("referred_officials", "số cán bộ, công chức, viên chức chuyển cơ quan điều tra không được lớn hơn tổng số người chuyển")
	}
	if in.ReferredPersons > 0 && in.ReferredCases == 0 {
		return Invalid("referred_cases", "cần ghi số vụ chuyển cơ quan điều tra")
	}
	n.Outcome, n.ResolvedOn, n.Facts.Summary = in.Outcome, in.On, in.Summary
	n.stopClocks(in.On, p, ClockResolution)
	n.startClocks(env, AtDecision, in.On)
	p["clocks_started"] = clockNames(n.RunningClocks())
	return nil
}

// implemented checks an act carrying a decision out: its officials are part
// of its totals (Biểu 02/KQGQ 15–19), and it records something.
func implemented(in Input) error {
	switch {
	case in.SanctionedOfficials > in.SanctionedPersons:
		return Invalid("sanctioned_officials", "số cán bộ, công chức, viên chức bị xử lý không được lớn hơn tổng số người bị xử lý")
	case in.ProsecutedOfficials > in.ProsecutedPersons:
		return Invalid("prosecuted_officials", "số cán bộ, công chức, viên chức bị khởi tố không được lớn hơn tổng số người bị khởi tố")
	case in.ProsecutedPersons > 0 && in.ProsecutedCases == 0:
		return Invalid("prosecuted_cases", "cần ghi số vụ đã khởi tố")
	}
	for _, f := range Fields {
		if f.Group == doneGroup {
			if _, given := in.Given(f.Name); given {
				return nil
			}
		}
	}
	if !in.Completed && strings.TrimSpace(in.Note) == "" {
		return Invalid("note", "cần ghi kết quả thi hành hoặc đánh dấu đã thi hành xong")
	}
	return nil
}

func validOutcome(k Kind, o Outcome) bool {
	for _, x := range OutcomesFor(k) {
		if x == o {
			return true
		}
	}
	return false
}

// stopDuty stops a clock whose duty is done; doing it twice is refused.
func (n *Case) stopDuty(name ClockName, on Date, p map[string]any, done string) error {
	if n.clock(name) < 0 {
		return Errorf(CodeIllegalTransition, "không có thời hạn %s đang chạy (%s)", strings.ToLower(name.Label()), done)
	}
	n.stopClocks(on, p, name)
	return nil
}

// startClocks starts every clock the statute starts at trigger on the day on.
func (n *Case) startClocks(env Env, trigger Trigger, on Date) {
	for _, r := range RulesFor(n.Subject(), trigger, on, env.settingsOn(on)) {
		n.Clocks = append(n.Clocks, newClock(env.Calendar, r, on, r.LengthFor(n.Complexity, n.RemoteArea)))
	}
}

// stopClocks stops the named clocks (all when none are named).
func (n *Case) stopClocks(on Date, p map[string]any, names ...ClockName) {
	var stopped []string
	for i := range n.Clocks {
		k := &n.Clocks[i]
		if !k.StoppedOn.IsZero() || len(names) > 0 && !hasName(names, k.Name) {
			continue
		}
		k.StoppedOn = on
		stopped = append(stopped, string(k.Name))
	}
	if len(stopped) > 0 {
		p["clocks_stopped"] = stopped
	}
}

func hasName(names []ClockName, n ClockName) bool {
	for _, x := range names {
		if x == n {
			return true
		}
	}
	return false
}

func clockNames(cs []Clock) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c.Name)
	}
	return out
}

// clockless are the events whose effect leaves the clocks alone: Apply
// shares the clocks of the case it was given with the case it returns
// (TestApplyLeavesItsCaseAlone keeps it honest).
var clockless = map[Event]bool{EvAssign: true, EvReassign: true, EvNote: true, EvVerify: true,
	EvScheduleDialogue: true, EvRecordDialogue: true, EvClose: true}

// clone copies the case and its clocks. A clock's Skipped days are shared:
// the engine never writes into them, it replaces them (Clock.recompute).
func (c Case) clone() Case {
	n := c
	n.Clocks = make([]Clock, len(c.Clocks))
	copy(n.Clocks, c.Clocks)
	return n
}
