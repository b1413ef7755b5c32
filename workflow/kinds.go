package workflow

// Kind is the kind of a case (DOMAIN.md §1).
type Kind string

const (
	Complaint    Kind = "complaint"    // khiếu nại (LKN 2011)
	Denunciation Kind = "denunciation" // tố cáo (LTC 2018)
	Petition     Kind = "petition"     // kiến nghị, phản ánh (LTCD 2013)
	Dialogue     Kind = "dialogue"     // đối thoại (Luật THDCCS 2022)
)

// Kinds lists every kind, in the order screens show them.
var Kinds = []Kind{Complaint, Denunciation, Petition, Dialogue}

// trackingPrefixes are the letters a kind's tracking codes begin with, as
// officials abbreviate the kinds: KN khiếu nại, TC tố cáo, KP kiến nghị phản
// ánh, DT đối thoại. TestEveryKindHasATrackingPrefix keeps a new kind from
// going without one.
var trackingPrefixes = map[Kind]string{Complaint: "KN", Denunciation: "TC", Petition: "KP", Dialogue: "DT"}

// TrackingPrefix is the two letters the kind's tracking codes begin with.
func (k Kind) TrackingPrefix() string { return trackingPrefixes[k] }

// secretIdentity are the kinds whose sender's identity the law keeps secret:
// a denouncer's (LTC 2018 Art. 8(3), 47, 56). Every read of it is recorded.
var secretIdentity = map[Kind]bool{Denunciation: true}

// IdentitySecret reports whether the kind's sender is secret by law.
func (k Kind) IdentitySecret() bool { return secretIdentity[k] }

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// State is where a case stands on the shared spine (DOMAIN.md §2).
type State string

const (
	Received     State = "received"
	Assigned     State = "assigned"
	InResolution State = "in_resolution"
	Suspended    State = "suspended"
	Resolved     State = "resolved"
	Disclosed    State = "disclosed"
	Closed       State = "closed"
	Rejected     State = "rejected"
	Transferred  State = "transferred"
	Filed        State = "filed"
	Withdrawn    State = "withdrawn"
)

// States lists every state.
var States = []State{Received, Assigned, InResolution, Suspended, Resolved, Disclosed,
	Closed, Rejected, Transferred, Filed, Withdrawn}

// Valid reports whether s is a known state.
func (s State) Valid() bool {
	for _, x := range States {
		if x == s {
			return true
		}
	}
	return false
}

// Open reports whether the case is not yet resolved (API.md: the backlog's "open").
func (s State) Open() bool {
	return s == Received || s == Assigned || s == InResolution || s == Suspended
}

// Final reports whether the case has ended: no act changes it, save the
// record of how a closed case's decision is carried out (EvImplement).
func (s State) Final() bool {
	return s == Closed || s == Rejected || s == Transferred || s == Filed || s == Withdrawn
}

// Role is what a user does in the agency (DOMAIN.md §4).
type Role string

const (
	RoleReception  Role = "reception"
	RoleHandler    Role = "handler"
	RoleHead       Role = "head"
	RoleSupervisor Role = "supervisor"
	RoleAdmin      Role = "admin"
)

// Roles lists every role.
var Roles = []Role{RoleReception, RoleHandler, RoleHead, RoleSupervisor, RoleAdmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Complexity selects the resolution length of a complaint (LKN 28, 37) and the
// number of extensions of a denunciation (LTC 30; ND 31/2019 Art. 3).
type Complexity string

const (
	Normal            Complexity = "normal"
	Complex           Complexity = "complex"
	EspeciallyComplex Complexity = "especially_complex"
)

// Valid reports whether c is a known complexity.
func (c Complexity) Valid() bool {
	for _, x := range Complexities {
		if x == c {
			return true
		}
	}
	return false
}

// Complexities lists every complexity, simplest first.
var Complexities = []Complexity{Normal, Complex, EspeciallyComplex}

// Channel is how the letter arrived.
type Channel string

// ChannelForwarded is a letter another body forwarded (it names that body: forwarded_by).
const ChannelForwarded Channel = "forwarded"

// Channels lists the accepted channels (API.md).
var Channels = []Channel{"walk_in", "post", "online", ChannelForwarded, "hotline"}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool {
	for _, x := range Channels {
		if x == c {
			return true
		}
	}
	return false
}

// Outcome is the finding at resolve (LKN 40, LTC 35; petitions and dialogues are answered).
type Outcome string

const (
	Correct       Outcome = "correct"
	PartlyCorrect Outcome = "partly_correct"
	Wrong         Outcome = "wrong"
	Answered      Outcome = "answered"
)

// OutcomesFor lists the outcomes a kind may end with.
func OutcomesFor(k Kind) []Outcome {
	if k == Complaint || k == Denunciation {
		return []Outcome{Correct, PartlyCorrect, Wrong}
	}
	return []Outcome{Answered}
}
