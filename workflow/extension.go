package workflow

import "fmt"

// ExtensionOffer is what `extend` would do on a denunciation now: which
// clock it lengthens, how many extensions its complexity still allows and
// how many days each may add (LTC 2018 Art. 24(1), 30(2)–(3)).
type ExtensionOffer struct {
	Clock   ClockName `json:"clock"`
	Used    int       `json:"used"`
	Left    int       `json:"left"`
	MaxDays int       `json:"max_days"`
	Unit    DayUnit   `json:"unit"`
	Basis   string    `json:"basis"` // the paragraph that allows (or forbids) it
}

// Extension describes the extension `extend` would make now; ok is false when
// the case has no clock an extension could lengthen. Before acceptance it is
// the acceptance clock (once, up to 10 WD in all, LTC 24(1)); after it, the
// resolution clock (none, one or two by complexity, LTC 30).
func (c Case) Extension() (ExtensionOffer, bool) {
	name := ClockResolution
	if c.State == Received || c.State == Assigned {
		name = ClockAcceptance
	}
	i := c.clock(name)
	if i < 0 {
		return ExtensionOffer{}, false
	}
	k := c.Clocks[i]
	r, ok := ruleFor(c.Subject(), name, k.StartedOn)
	if !ok || r.Extensions == nil {
		return ExtensionOffer{}, false
	}
	return ExtensionOffer{Clock: name, Used: k.Extensions, Left: max(r.Extensions[c.Complexity]-k.Extensions, 0),
		MaxDays: r.ExtensionDays, Unit: r.Unit, Basis: extensionBasis(name, c.Complexity)}, true
}

// ExtensionsLeft is how many more times `extend` may succeed now (0 when none
// or when the case has nothing to extend). Available offers `extend` only
// when it is more than 0.
func (c Case) ExtensionsLeft() int {
	x, ok := c.Extension()
	if !ok {
		return 0
	}
	return x.Left
}

// extensionBasis names the paragraph that governs the extension.
func extensionBasis(clock ClockName, cx Complexity) string {
	switch {
	case clock == ClockAcceptance:
		return "LTC 2018 Art. 24(1)"
	case cx == Complex:
		return "LTC 2018 Art. 30(2)"
	case cx == EspeciallyComplex:
		return "LTC 2018 Art. 30(3)"
	}
	return "LTC 2018 Art. 30(2)–(3)"
}

// refusal says, in the words of the rule, why no extension is left.
func (x ExtensionOffer) refusal(r Rule, cx Complexity) *Error {
	cite := CiteVI(x.Basis)
	var msg string
	switch {
	case x.Clock == ClockAcceptance:
		msg = fmt.Sprintf("thời hạn thụ lý tố cáo chỉ được kéo dài một lần, tổng cộng không quá %d ngày làm việc, "+
			"khi phải kiểm tra, xác minh tại nhiều địa điểm (%s); thời hạn này đã được gia hạn", r.Days+r.ExtensionDays, cite)
	case cx == Complex:
		msg = fmt.Sprintf("vụ việc phức tạp chỉ được gia hạn giải quyết một lần, không quá %d ngày (%s); "+
			"hồ sơ đã được gia hạn %d lần", r.ExtensionDays, cite, x.Used)
	case cx == EspeciallyComplex:
		msg = fmt.Sprintf("vụ việc đặc biệt phức tạp được gia hạn giải quyết hai lần, mỗi lần không quá %d ngày (%s); "+
			"hồ sơ đã được gia hạn %d lần", r.ExtensionDays, cite, x.Used)
	default:
		msg = fmt.Sprintf("vụ việc không phức tạp không được gia hạn thời hạn giải quyết tố cáo: chỉ vụ việc phức tạp "+
			"được gia hạn một lần, vụ việc đặc biệt phức tạp hai lần, mỗi lần không quá %d ngày (%s)", r.ExtensionDays, cite)
	}
	return &Error{Code: CodeExtensionLimit, Field: "days", Message: msg}
}

// badDays refuses a number of days the rule does not allow, citing it.
func (x ExtensionOffer) badDays() *Error {
	unit := "ngày"
	if x.Unit == WorkingDays {
		unit = "ngày làm việc"
	}
	what := "mỗi lần gia hạn giải quyết tố cáo không quá %d %s (%s)"
	if x.Clock == ClockAcceptance {
		what = "thời hạn thụ lý tố cáo chỉ được kéo dài thêm không quá %d %s (%s)"
	}
	return Invalid("days", what+"; số ngày gia hạn phải từ 1 đến %d", x.MaxDays, unit, CiteVI(x.Basis), x.MaxDays)
}
