package workflow

import "strings"

// A reception session (buổi tiếp công dân) and a visit recorded in the
// reception book (Sổ tiếp công dân, Mẫu 03/TCD), as the rules check them.

// SessionKind is how a session comes about (LTCD 2013 Art. 2(1)).
type SessionKind string

const (
	SessionRegular  SessionKind = "regular"  // thường xuyên: the reception staff
	SessionPeriodic SessionKind = "periodic" // định kỳ: the head's scheduled day
	SessionAdHoc    SessionKind = "adhoc"    // đột xuất: the head, when a matter demands it (LTCD Art. 18(3))
	// A commune's yearly conference of dialogue with its people (LTHDCCS 2022 Art. 32).
	SessionConference SessionKind = "conference"
	// A dialogue before a decision that burdens citizens, at their request (LTHDCCS 2022 Art. 27).
	SessionPreDecision SessionKind = "predecision"
)

// SessionKinds are every kind, in the order forms list them.
var SessionKinds = []SessionKind{SessionPeriodic, SessionAdHoc, SessionRegular, SessionConference, SessionPreDecision}

// ReceptionDay reports whether a session of this kind is one of the head's
// reception days the minimum counts (LTCD Art. 12, 15, 18); dialogues are
// counted apart.
func (k SessionKind) ReceptionDay() bool { return k == SessionPeriodic || k == SessionAdHoc }

// Valid reports whether k is a kind of session.
func (k SessionKind) Valid() bool {
	for _, x := range SessionKinds {
		if x == k {
			return true
		}
	}
	return false
}

// SessionForm is direct or online (LTCD Art. 3a from 01/07/2026; ND 154/2026 Art. 16–24).
type SessionForm string

const (
	FormDirect SessionForm = "direct"
	FormOnline SessionForm = "online"
)

// SessionHost is who received the citizens.
type SessionHost string

const (
	HostHead   SessionHost = "head"   // the head in person: counts toward the minimum
	HostDeputy SessionHost = "deputy" // a deputy the head delegated, named: shown apart, never counted
	HostStaff  SessionHost = "staff"  // the reception staff (regular reception)
)

// SessionState is where a session stands.
type SessionState string

const (
	SessionScheduled SessionState = "scheduled"
	SessionHeld      SessionState = "held"
	SessionCancelled SessionState = "cancelled"
)

// Session is a reception session as entered.
type Session struct {
	Kind     SessionKind
	Form     SessionForm
	Host     SessionHost
	HostName string // the deputy or officer who received, when not the head
	On       Date
	State    SessionState
	// NotifiedOn is when the participants of an online session were told
	// (≥ 5 working days ahead, ND 154/2026); Recording where its recording is kept.
	NotifiedOn Date
	Recording  string
}

// Check refuses a session the law or the calendar does not allow, naming the field.
func (s Session) Check(today Date) error {
	switch {
	case !s.Kind.Valid():
		return Invalid("kind", "loại buổi tiếp không hợp lệ: %q", s.Kind)
	case s.Form != FormDirect && s.Form != FormOnline:
		return Invalid("form", "hình thức tiếp không hợp lệ: %q", s.Form)
	case s.Host != HostHead && s.Host != HostDeputy && s.Host != HostStaff:
		return Invalid("host", "người chủ trì không hợp lệ: %q", s.Host)
	case s.State != SessionScheduled && s.State != SessionHeld:
		return Invalid("state", "buổi tiếp mới phải là đã lên lịch hoặc đã tổ chức")
	case s.On.IsZero():
		return Invalid("held_on", "cần ngày tiếp công dân")
	case s.On.Before(lawStart):
		return Invalid("held_on", "ngày tiếp không được trước 01/01/2000")
	case s.State == SessionHeld && s.On.After(today):
		return Invalid("held_on", "buổi tiếp chưa diễn ra không thể ghi là đã tổ chức")
	case s.Kind == SessionRegular && s.Host != HostStaff:
		return Invalid("host", "tiếp công dân thường xuyên do cán bộ tiếp công dân thực hiện")
	case s.Kind != SessionRegular && s.Host == HostStaff:
		return Invalid("host", "tiếp định kỳ, đột xuất và đối thoại do người đứng đầu hoặc cấp phó được ủy quyền chủ trì (Điều 18 Luật Tiếp công dân 2013)")
	case s.Host != HostHead && strings.TrimSpace(s.HostName) == "":
		return Invalid("host_name", "cần ghi họ tên người chủ trì buổi tiếp")
	case s.Form == FormOnline && s.NotifiedOn.IsZero():
		return Invalid("notified_on", "tiếp trực tuyến phải ghi ngày thông báo cho người tham gia (Nghị định 154/2026/NĐ-CP)")
	case !s.NotifiedOn.IsZero() && s.NotifiedOn.After(s.On):
		return Invalid("notified_on", "ngày thông báo không được sau ngày tiếp")
	}
	return nil
}

// VisitOutcome is what the reception did with a visit (LTCD 2013 Art. 26, 28).
type VisitOutcome string

const (
	VisitRegistered  VisitOutcome = "registered"  // a letter registered: a case
	VisitGuided      VisitOutcome = "guided"      // guided to the competent body, or answered
	VisitTransferred VisitOutcome = "transferred" // the letter transferred, with the document's number
	VisitRefused     VisitOutcome = "refused"     // refused to receive, with the reason (LTCD Art. 9)
)

// VisitOutcomes are every outcome, in the order forms list them.
var VisitOutcomes = []VisitOutcome{VisitRegistered, VisitGuided, VisitTransferred, VisitRefused}

// RefusalReason is a ground to refuse to receive a citizen.
type RefusalReason struct {
	Code  string
	Basis string
	From  Date // in force from (zero: always)
	// Written: the head notifies the refusal in writing (Mẫu 01/TCD) within 3 working days.
	Written bool
}

var nd154From = MustDate("2026-07-01")

// RefusalReasons are the grounds of LTCD 2013 Art. 9 and, from 01/07/2026,
// of ND 154/2026 Art. 4 (LAW-NOTES §4.5).
var RefusalReasons = []RefusalReason{
	{Code: "TCD-R1", Basis: "khoản 1 Điều 9 Luật Tiếp công dân 2013"},
	{Code: "TCD-R2", Basis: "khoản 2 Điều 9 Luật Tiếp công dân 2013"},
	{Code: "TCD-R3", Basis: "khoản 3 Điều 9 Luật Tiếp công dân 2013", Written: true},
	{Code: "TCD-R4", Basis: "khoản 4 Điều 9 Luật Tiếp công dân 2013"},
	{Code: "TCD-4A", Basis: "điểm a khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From},
	{Code: "TCD-4B", Basis: "điểm b khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From},
	{Code: "TCD-4C", Basis: "điểm c khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From},
	{Code: "TCD-4D", Basis: "điểm d khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From},
	{Code: "TCD-4DD", Basis: "điểm đ khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From},
	{Code: "TCD-4E", Basis: "điểm e khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From},
	{Code: "TCD-4G", Basis: "điểm g khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From},
	{Code: "TCD-4H", Basis: "điểm h khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From, Written: true},
	{Code: "TCD-4I", Basis: "điểm i khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From},
	{Code: "TCD-4K", Basis: "điểm k khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP", From: nd154From},
}

// RefusalReasonOn is the ground of that code in force on day d.
func RefusalReasonOn(code string, d Date) (RefusalReason, bool) {
	for _, r := range RefusalReasons {
		if r.Code == code && !d.Before(r.From) {
			return r, true
		}
	}
	return RefusalReason{}, false
}

// Visit is one entry of the reception book as the rules check it.
type Visit struct {
	On              Date
	People          int // the people who came with the same content (1 alone)
	Representatives int // of a crowd (LTCD Art. 29)
	Outcome         VisitOutcome
	CaseID          int64  // registered: the case
	DocumentNo      string // transferred: the transfer document's number and symbol
	RefusalCode     string // refused: the ground
	SessionOn       Date   // the day of its session, when within one
}

// Check refuses a visit the rules do not allow, naming the field.
func (v Visit) Check(today Date) error {
	switch {
	case v.On.IsZero():
		return Invalid("visited_on", "cần ngày tiếp")
	case v.On.After(today):
		return Invalid("visited_on", "ngày tiếp không được sau ngày hôm nay")
	case v.On.Before(lawStart):
		return Invalid("visited_on", "ngày tiếp không được trước 01/01/2000")
	case !v.SessionOn.IsZero() && !v.On.Equal(v.SessionOn):
		return Invalid("visited_on", "lượt tiếp thuộc buổi tiếp ngày %s phải cùng ngày với buổi tiếp", v.SessionOn.VN())
	}
	if err := CheckRepresentatives(v.People, v.Representatives); err != nil {
		return err
	}
	switch v.Outcome {
	case VisitRegistered:
		if v.CaseID <= 0 {
			return Invalid("case_id", "lượt tiếp đã tiếp nhận đơn phải gắn với hồ sơ")
		}
	case VisitGuided:
	case VisitTransferred:
		if strings.TrimSpace(v.DocumentNo) == "" {
			return Invalid("document_no", "cần ghi số, ký hiệu văn bản chuyển đơn")
		}
	case VisitRefused:
		if _, ok := RefusalReasonOn(v.RefusalCode, v.On); !ok {
			return Invalid("refusal_code", "lý do từ chối tiếp không hợp lệ vào ngày %s", v.On.VN())
		}
	default:
		return Invalid("outcome", "kết quả tiếp không hợp lệ: %q", v.Outcome)
	}
	return nil
}
