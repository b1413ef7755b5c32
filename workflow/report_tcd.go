package workflow

// Biểu số 01/TCD, the reception report (TT 01/2024/TT-TTCP;
// ../shared/REPORT-FORMS.md §2), counted from the reception book: each
// visit dated in the period under who received it — the reception staff
// (regular reception, or at the desk), the head in person, or a deputy the
// head delegated — and each session held, for the heads' "số kỳ tiếp".
// Dialogue conferences and dialogues before a decision are not reception.

// Regime is who received: the column group of 01/TCD.
type Regime string

const (
	RegimeRegular   Regime = "regular"
	RegimeHead      Regime = "head"
	RegimeDelegated Regime = "delegated"
	RegimeDialogue  Regime = "dialogue" // not counted by 01/TCD
)

// RegimeOf is the column group of a session (none: a visit at the desk).
func RegimeOf(kind SessionKind, host SessionHost) Regime {
	switch {
	case kind == SessionConference || kind == SessionPreDecision:
		return RegimeDialogue
	case !kind.ReceptionDay():
		return RegimeRegular
	case host == HostHead:
		return RegimeHead
	case host == HostDeputy:
		return RegimeDelegated
	}
	return RegimeRegular
}

// ReportVisit is an entry of the reception book as 01/TCD counts it.
type ReportVisit struct {
	On     Date
	Regime Regime
	People int
	Repeat bool // the person came before (keyed hashes; the book's "tiếp nhiều lần")
}

// ReportSession is a held session as 01/TCD counts it.
type ReportSession struct {
	On     Date
	Regime Regime
}

// CrowdSize is the least number of people a visit counts as a crowd (đoàn
// đông người) in 01/TCD: five, as LTCD 2013 Art. 29 has crowds choose representatives from five.
const CrowdSize = 5

func visitIs(r Regime, q func(v *ReportVisit) float64) func(e *Entry, p ReportPeriod) float64 {
	return func(e *Entry, p ReportPeriod) float64 {
		v := e.Visit
		if v == nil || v.Regime == RegimeDialogue || r != "" && v.Regime != r || !p.Holds(v.On) {
			return 0
		}
		return q(v)
	}
}

func visitCount(*ReportVisit) float64    { return 1 }
func visitPeople(v *ReportVisit) float64 { return float64(v.People) }
func firstVisit(v *ReportVisit) float64  { return one(!v.Repeat) }
func repeatVisit(v *ReportVisit) float64 { return one(v.Repeat) }

// crowdOnly narrows a count to crowds.
func crowdOnly(q func(v *ReportVisit) float64) func(v *ReportVisit) float64 {
	return func(v *ReportVisit) float64 {
		if v.People < CrowdSize {
			return 0
		}
		return q(v)
	}
}

func sessionsOf(r Regime) func(e *Entry, p ReportPeriod) float64 {
	return func(e *Entry, p ReportPeriod) float64 {
		return one(e.Session != nil && e.Session.Regime == r && p.Holds(e.Session.On))
	}
}

// regimeColumns are a group's columns: visits, people, first and repeat
// cases, and the same for crowds.
func regimeColumns(r Regime, group string) []Column {
	return []Column{
		col(group+"Số lượt tiếp", visitIs(r, visitCount)),
		col(group+"Số người được tiếp", visitIs(r, visitPeople)),
		col(group+"Số vụ việc › Tiếp lần đầu", visitIs(r, firstVisit)),
		col(group+"Số vụ việc › Tiếp nhiều lần", visitIs(r, repeatVisit)),
		col(group+"Trong đó đoàn đông người › Số đoàn được tiếp", visitIs(r, crowdOnly(visitCount))),
		col(group+"Trong đó đoàn đông người › Số người được tiếp", visitIs(r, crowdOnly(visitPeople))),
		col(group+"Trong đó đoàn đông người › Số vụ việc › Tiếp lần đầu", visitIs(r, crowdOnly(firstVisit))),
		col(group+"Trong đó đoàn đông người › Số vụ việc › Tiếp nhiều lần", visitIs(r, crowdOnly(repeatVisit))),
	}
}

var _ = register(&Form{Code: "01-TCD", Number: "Biểu số 01/TCD", Reception: true,
	Title: "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT",
	Basis: "Thông tư 01/2024/TT-TTCP; cột và đẳng thức theo hai hệ thống đã triển khai",
	Notes: []string{
		"Đếm từ sổ tiếp công dân: mỗi lượt tiếp trong kỳ, theo người tiếp — cán bộ tiếp công dân (tiếp thường xuyên hoặc tại bàn tiếp), thủ trưởng trực tiếp tiếp, hoặc cấp phó được ủy quyền.",
		"Mỗi lượt tiếp là một vụ việc; tiếp nhiều lần là người đã đến trước đó (đối chiếu bằng mã băm số định danh hoặc họ tên).",
		"Đoàn đông người: lượt tiếp từ 5 người trở lên (Điều 29 Luật Tiếp công dân 2013).",
		"Hội nghị đối thoại và đối thoại trước khi ban hành quyết định không tính là tiếp công dân.",
	},
	Columns: append(append(append([]Column{
		col("Tổng số lượt tiếp", visitIs("", visitCount)),
		col("Tổng số người được tiếp", visitIs("", visitPeople)),
		col("Tổng số vụ việc tiếp", visitIs("", visitCount)),
	}, regimeColumns(RegimeRegular, "Tiếp thường xuyên › ")...),
		append([]Column{col("Tiếp định kỳ và đột xuất của Thủ trưởng › Thủ trưởng tiếp › Số kỳ tiếp", sessionsOf(RegimeHead))},
			regimeColumns(RegimeHead, "Tiếp định kỳ và đột xuất của Thủ trưởng › Thủ trưởng tiếp › ")...)...),
		append([]Column{col("Tiếp định kỳ và đột xuất của Thủ trưởng › Ủy quyền tiếp › Số kỳ tiếp", sessionsOf(RegimeDelegated))},
			regimeColumns(RegimeDelegated, "Tiếp định kỳ và đột xuất của Thủ trưởng › Ủy quyền tiếp › ")...)...),
	Checks: []string{"1=4+13+22", "2=5+14+23", "3=6+7+15+16+24+25", "8<=4", "9<=5", "10+11<=6+7",
		"17<=13", "18<=14", "19+20<=15+16", "26<=22", "27<=23", "28+29<=24+25"},
})
