package workflow

import (
	"errors"
	"fmt"
)

// Code names a failure a user can act on. handlers maps each to one HTTP status.
type Code string

const (
	CodeInvalid      Code = "invalid"      // bad input; Field says which
	CodeNotFound     Code = "not_found"    // no such thing (or not visible to the caller)
	CodeConflict     Code = "conflict"     // stale version or duplicate
	CodeForbidden    Code = "forbidden"    // role or unit not allowed
	CodeUnauthorized Code = "unauthorized" // no or bad credentials
	CodeInternal     Code = "internal"     // never shown in detail

	// Domain rules (422).
	CodeIllegalTransition     Code = "illegal_transition"
	CodeAnonymousDenunciation Code = "anonymous_denunciation"
	CodeDialogueRequired      Code = "dialogue_required"
	CodeExtensionLimit        Code = "extension_limit"
	CodeDialogueNotice        Code = "dialogue_notice_too_short"
	CodeClocksRunning         Code = "clocks_running"
	CodeWrongOutcome          Code = "wrong_outcome"
	CodeReasonCode            Code = "unknown_reason_code"
	CodeDialogueNotScheduled  Code = "dialogue_not_scheduled"
	CodeTransferOnce          Code = "transfer_once" // a denunciation received by transfer (TT 05/2021 Art. 14)
)

// Error is the one error type of the engine (STYLE.md habit 2).
type Error struct {
	Code    Code
	Message string // a plain sentence, safe to show
	Field   string // the input field at fault, if any
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf builds an *Error.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid builds an input error naming the field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: CodeInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode unwraps err to its Code; CodeInternal for anything else.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// IsRule reports whether the code is a domain rule (answered with 422).
func (c Code) IsRule() bool {
	switch c {
	case CodeInvalid, CodeNotFound, CodeConflict, CodeForbidden, CodeUnauthorized, CodeInternal,
		CodeUnsupportedFile, CodeTooLarge, CodeUnavailable:
		return false
	}
	return true
}

// CodePersonalData refuses a public text that names the petitioner.
const CodePersonalData Code = "personal_data_in_disclosure"

// CodeLastAdmin refuses a change that would leave no enabled administrator (422).
const CodeLastAdmin Code = "last_admin"

// CodeUnitCycle refuses moving a unit under itself or a unit below it (422).
const CodeUnitCycle Code = "unit_cycle"

// CodeUnitClosed refuses a reorganisation of a unit that has ended, or into one (422).
const CodeUnitClosed Code = "unit_closed"

// CodeSuccessorOutsideParent refuses a successor that is not under the
// reorganised units' parent, or units of different parents (422).
const CodeSuccessorOutsideParent Code = "successor_outside_parent"
