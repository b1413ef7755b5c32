package workflow

// The link of a round-2 complaint to its round-1 case (LKN 2011 Art. 33),
// checked the same way at the desk, through the API and at a correction.

// Codes of the refusals of a round-1 case (422).
const (
	CodePriorUnknown      Code = "prior_case_unknown" // no such case, or not one the officer may read
	CodePriorRound        Code = "prior_case_round"   // only a round-2 complaint names a round-1 case
	CodePriorNotRoundOne  Code = "prior_case_not_round_one"
	CodePriorOtherPerson  Code = "prior_case_other_complainant"
	CodePriorUndecided    Code = "prior_case_undecided"
	CodeCorrectionLocked  Code = "correction_after_acceptance"
	CodeIdentityForbidden Code = "identity_not_visible"
)

// PriorUnknown refuses a round-1 case that does not exist or that the
// officer may not read, with one message for both: the answer must not tell
// an officer which cases exist outside their reach.
func PriorUnknown() *Error {
	return &Error{Code: CodePriorUnknown, Field: "prior_case_id",
		Message: "không tìm thấy hồ sơ khiếu nại lần đầu trong các hồ sơ bạn được xem"}
}

// OriginalUnknown refuses the original of a duplicate that does not exist or
// that the officer may not read, with one message for both (as PriorUnknown).
func OriginalUnknown() *Error {
	return Invalid("duplicate_of", "không tìm thấy đơn gốc trong các hồ sơ bạn được xem")
}

// CheckPriorRound holds a round-2 complaint received on receivedOn to the
// round-1 case it names (LKN 2011 Art. 33): the round-1 case must be a
// round-1 complaint, and either decided (resolved, disclosed or closed) or
// past its resolution deadline on the day the round-2 letter came. A round-1
// complaint never accepted is past it once its acceptance deadline and then
// the resolution period have run out (LKN 27, 28). sameComplainant is the
// store's comparison of the keyed hashes of the two petitioners.
func CheckPriorRound(kind Kind, round int, prior Case, sameComplainant bool, receivedOn Date, cal *Calendar) error {
	if kind != Complaint || round != 2 {
		return &Error{Code: CodePriorRound, Field: "prior_case_id",
			Message: "chỉ khiếu nại lần hai mới ghi hồ sơ khiếu nại lần đầu"}
	}
	if prior.Kind != Complaint || prior.Round != 1 {
		return &Error{Code: CodePriorNotRoundOne, Field: "prior_case_id",
			Message: "hồ sơ lần đầu phải là một khiếu nại lần đầu"}
	}
	if !sameComplainant {
		return &Error{Code: CodePriorOtherPerson, Field: "prior_case_id",
			Message: "người khiếu nại không phải là người đã khiếu nại lần đầu"}
	}
	switch prior.State {
	case Resolved, Disclosed, Closed:
		return nil
	}
	if due := prior.resolutionDeadline(cal); prior.State.Open() && !due.IsZero() && receivedOn.After(due) {
		return nil
	}
	return &Error{Code: CodePriorUndecided, Field: "prior_case_id",
		Message: "khiếu nại lần đầu chưa được giải quyết và chưa hết thời hạn giải quyết (Luật Khiếu nại 2011 Điều 33)"}
}

// resolutionDeadline is the last day round 1 had to be decided: the running
// resolution clock's due date; before acceptance, the acceptance deadline
// plus the resolution period. Zero when no deadline runs (suspended).
func (c Case) resolutionDeadline(cal *Calendar) Date {
	if i := c.clock(ClockResolution); i >= 0 {
		if k := c.Clocks[i]; k.Running() {
			return k.DueOn
		}
		return Date{}
	}
	i := c.clock(ClockAcceptance)
	if i < 0 || !c.AcceptedOn.IsZero() {
		return Date{}
	}
	acceptBy := c.Clocks[i].DueOn
	r, ok := ruleFor(c.Subject(), ClockResolution, acceptBy)
	if !ok {
		return Date{}
	}
	due, _ := cal.NextWorkingDay(acceptBy.AddDays(r.LengthFor(c.Complexity, c.RemoteArea)))
	return due
}
