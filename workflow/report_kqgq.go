package workflow

import "slices"

// The resolution forms: Biểu số 01/KQGQ (complaints within competence) and
// the denunciation form in the shape of TT 02/2021's 03/KQGQ, here TC-KQGQ
// (../shared/REPORT-FORMS.md §7, §9). A letter within competence is a case
// accepted for resolution (thụ lý); for a period:
//   - carried over: accepted before it, its resolution not ended before it;
//   - received: accepted within it;
//   - resolved: decided within it (a complaint decision, a denunciation
//     conclusion), or withdrawn within it;
//   - the money, land and people a decision recovers, returns or recommends
//     are those of the decisions within it (Input's results, issue 15);
//   - on time: decided by the day its resolution clock was due, extensions included.

var kqgqNotes = []string{
	"Đơn thuộc thẩm quyền là đơn đã thụ lý; kỳ trước chuyển sang là đơn đã thụ lý trước kỳ mà chưa giải quyết xong trước kỳ.",
	"Tiền tính bằng triệu đồng (Trđ), đất bằng mét vuông (m2), theo kết quả ghi trong quyết định, kết luận ban hành trong kỳ.",
	"Chấp hành thời hạn giải quyết: đúng quy định khi ban hành quyết định, kết luận không muộn hơn ngày hết thời hạn giải quyết (kể cả gia hạn).",
}

// acceptedOf is a column over the accepted cases of a kind.
func acceptedOf(k Kind, q func(c *ReportCase, p ReportPeriod) float64) func(e *Entry, p ReportPeriod) float64 {
	return func(e *Entry, p ReportPeriod) float64 {
		c := e.Case
		if c == nil || c.Kind != k || c.first(EvAccept) == nil {
			return 0
		}
		return q(c, p)
	}
}

func (c *ReportCase) acceptedBefore(p ReportPeriod) bool {
	end := c.ended()
	return p.Before(c.first(EvAccept).On) && (end.IsZero() || !end.Before(p.From))
}

func (c *ReportCase) acceptedIn(p ReportPeriod) bool { return p.Holds(c.first(EvAccept).On) }

// decidedIn is the decision or conclusion made within the period, or nil.
func (c *ReportCase) decidedIn(p ReportPeriod) *ReportAct {
	if r := c.Resolution(); r != nil && p.Holds(r.On) {
		return r
	}
	return nil
}

func (c *ReportCase) withdrawnIn(p ReportPeriod) bool {
	w := c.Withdrawal()
	return w != nil && p.Holds(w.On)
}

// count is a question answered 1 or 0, over accepted cases.
func count(q func(c *ReportCase, p ReportPeriod) bool) func(c *ReportCase, p ReportPeriod) float64 {
	return func(c *ReportCase, p ReportPeriod) float64 { return one(q(c, p)) }
}

// decided counts the decisions of the period the question holds for.
func decided(q func(c *ReportCase, r *ReportAct) bool) func(c *ReportCase, p ReportPeriod) float64 {
	return func(c *ReportCase, p ReportPeriod) float64 {
		r := c.decidedIn(p)
		return one(r != nil && q(c, r))
	}
}

// result adds up one result of the period's decisions.
func result(of func(in *Input) float64) func(c *ReportCase, p ReportPeriod) float64 {
	return func(c *ReportCase, p ReportPeriod) float64 {
		if r := c.decidedIn(p); r != nil {
			return of(r.Input)
		}
		return 0
	}
}

func outcomeIs(os ...Outcome) func(c *ReportCase, r *ReportAct) bool {
	return func(c *ReportCase, r *ReportAct) bool {
		for _, o := range os {
			if r.Input.Outcome == o {
				return true
			}
		}
		return false
	}
}

func inRound(round int, q func(c *ReportCase, r *ReportAct) bool) func(c *ReportCase, r *ReportAct) bool {
	return func(c *ReportCase, r *ReportAct) bool { return (c.Round == 2) == (round == 2) && q(c, r) }
}

var (
	anyDecision = func(*ReportCase, *ReportAct) bool { return true }
	onTime      = func(_ *ReportCase, r *ReportAct) bool { return !r.Late }
	late        = func(_ *ReportCase, r *ReportAct) bool { return r.Late }
)

// resultColumns are the money, land and people of the decisions, under the
// forms' headings; "Trả lại" and the rights restored come in the order of each form.
func resultColumns(k Kind, referred string) []Column {
	a := func(path, unit string, of func(in *Input) float64) Column {
		return amount(path, unit, acceptedOf(k, result(of)))
	}
	return []Column{
		a("Kết quả giải quyết › Kiến nghị thu hồi cho Nhà nước › Tiền (Trđ)", "Trđ", func(in *Input) float64 { return in.RecoverMoney }),
		a("Kết quả giải quyết › Kiến nghị thu hồi cho Nhà nước › Đất (m2)", "m2", func(in *Input) float64 { return in.RecoverLand }),
		a("Kết quả giải quyết › Trả lại cho tổ chức, cá nhân › Tổ chức › Tiền (Trđ)", "Trđ", func(in *Input) float64 { return in.ReturnOrgMoney }),
		a("Kết quả giải quyết › Trả lại cho tổ chức, cá nhân › Tổ chức › Đất (m2)", "m2", func(in *Input) float64 { return in.ReturnOrgLand }),
		a("Kết quả giải quyết › Trả lại cho tổ chức, cá nhân › Cá nhân › Tiền (Trđ)", "Trđ", func(in *Input) float64 { return in.ReturnPersonMoney }),
		a("Kết quả giải quyết › Trả lại cho tổ chức, cá nhân › Cá nhân › Đất (m2)", "m2", func(in *Input) float64 { return in.ReturnPersonLand }),
		a("Kết quả giải quyết › Trả lại cho tổ chức, cá nhân › Số tổ chức được trả lại quyền lợi", "", func(in *Input) float64 { return float64(in.RestoredOrgs) }),
		a("Kết quả giải quyết › Trả lại cho tổ chức, cá nhân › Số cá nhân được trả lại quyền lợi", "", func(in *Input) float64 { return float64(in.RestoredPersons) }),
		a("Kết quả giải quyết › Kiến nghị xử lý hành chính › Tổng số người bị kiến nghị xử lý", "", func(in *Input) float64 { return float64(in.SanctionPersons) }),
		a("Kết quả giải quyết › Kiến nghị xử lý hành chính › Trong đó số cán bộ, công chức, viên chức", "", func(in *Input) float64 { return float64(in.SanctionOfficials) }),
		a("Kết quả giải quyết › Chuyển cơ quan điều tra › Số vụ", "", func(in *Input) float64 { return float64(in.ReferredCases) }),
		a("Kết quả giải quyết › Chuyển cơ quan điều tra › "+referred, "", func(in *Input) float64 { return float64(in.ReferredPersons) }),
		a("Kết quả giải quyết › Chuyển cơ quan điều tra › Trong đó số cán bộ, công chức, viên chức", "", func(in *Input) float64 { return float64(in.ReferredOfficials) }),
	}
}

// letterColumns are the accepted letters: total, carried over, received.
func letterColumns(k Kind, group string) []Column {
	return []Column{
		col(group+" › Tổng số", acceptedOf(k, count(func(c *ReportCase, p ReportPeriod) bool { return c.acceptedBefore(p) || c.acceptedIn(p) }))),
		col(group+" › Kỳ trước chuyển sang", acceptedOf(k, count((*ReportCase).acceptedBefore))),
		col(group+" › Tiếp nhận trong kỳ", acceptedOf(k, count((*ReportCase).acceptedIn))),
	}
}

func decidedCol(k Kind, path string, q func(c *ReportCase, r *ReportAct) bool) Column {
	return col(path, acceptedOf(k, decided(q)))
}

var _ = register(&Form{Code: "01-KQGQ", Number: "Biểu số 01/KQGQ", Kinds: complaints, Title: "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI THUỘC THẨM QUYỀN",
	Basis: "Thông tư 01/2024/TT-TTCP; cột theo mẫu của Thông tư 02/2021/TT-TTCP mà hệ thống đã triển khai giữ nguyên; chữ \"KHIẾU NẠI\" trong tên biểu được thêm theo biểu kết quả giải quyết tố cáo",
	Notes: append(slices.Clone(kqgqNotes), "Giải quyết lần 2: công nhận quyết định lần đầu khi khiếu nại sai; hủy, sửa khi khiếu nại đúng hoặc đúng một phần."),
	Columns: append(append(append(letterColumns(Complaint, "Đơn khiếu nại thuộc thẩm quyền"),
		col("Tổng số vụ việc khiếu nại thuộc thẩm quyền", acceptedOf(Complaint, count(func(c *ReportCase, p ReportPeriod) bool { return c.acceptedBefore(p) || c.acceptedIn(p) }))),
		decidedCol(Complaint, "Kết quả giải quyết › Đã giải quyết › Số vụ việc giải quyết bằng QĐ hành chính", anyDecision),
		col("Kết quả giải quyết › Đã giải quyết › Số vụ việc rút đơn thông qua giải thích, thuyết phục", acceptedOf(Complaint, count((*ReportCase).withdrawnIn)))),
		resultColumns(Complaint, "Tổng số người")...),
		decidedCol(Complaint, "Phân tích kết quả giải quyết (vụ việc) › Giải quyết lần đầu › Khiếu nại đúng", inRound(1, outcomeIs(Correct))),
		decidedCol(Complaint, "Phân tích kết quả giải quyết (vụ việc) › Giải quyết lần đầu › Khiếu nại sai", inRound(1, outcomeIs(Wrong))),
		decidedCol(Complaint, "Phân tích kết quả giải quyết (vụ việc) › Giải quyết lần đầu › Khiếu nại đúng một phần", inRound(1, outcomeIs(PartlyCorrect))),
		decidedCol(Complaint, "Phân tích kết quả giải quyết (vụ việc) › Giải quyết lần 2 › Công nhận QĐ g/q lần đầu", inRound(2, outcomeIs(Wrong))),
		decidedCol(Complaint, "Phân tích kết quả giải quyết (vụ việc) › Giải quyết lần 2 › Hủy, sửa QĐ g/q lần đầu", inRound(2, outcomeIs(Correct, PartlyCorrect))),
		decidedCol(Complaint, "Chấp hành thời hạn giải quyết › Đúng quy định", onTime),
		decidedCol(Complaint, "Chấp hành thời hạn giải quyết › Không đúng quy định", late)),
	Checks: []string{"1=2+3", "1=4", "5=20+21+22+23+24", "5=25+26", "16<=15", "19<=18"},
})

var _ = register(&Form{Code: "TC-KQGQ", Number: "Biểu số 03/KQGQ", Kinds: denunciations, Title: "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO THUỘC THẨM QUYỀN",
	Basis: "Mẫu 03/KQGQ của Thông tư 02/2021/TT-TTCP: chưa xác nhận được Thông tư 01/2024/TT-TTCP có biểu kết quả giải quyết tố cáo",
	Notes: append(slices.Clone(kqgqNotes), "Tố cáo tiếp: hồ sơ tố cáo chưa ghi nhận tố cáo trước đó, nên các cột tố cáo tiếp bằng 0.",
		"Đình chỉ không do rút tố cáo: chưa có thao tác riêng, nên cột này bằng 0; việc rút tố cáo làm kết thúc vụ việc được tính vào cột 9.",
		"Đẳng thức in trên biểu 6=24+26+28 tính cả vụ việc rút tố cáo; ở đây kiểm tra 7+8=24+26+28 và 7+8=30+31 (chỉ vụ việc có kết luận)."),
	Columns: append(append(append(letterColumns(Denunciation, "Đơn tố cáo thuộc thẩm quyền"),
		col("Tổng số vụ việc tố cáo thuộc thẩm quyền", acceptedOf(Denunciation, count(func(c *ReportCase, p ReportPeriod) bool { return c.acceptedBefore(p) || c.acceptedIn(p) }))),
		zero("Trong đó số vụ việc tố cáo tiếp"),
		col("Kết quả giải quyết › Đã giải quyết › Tổng số", acceptedOf(Denunciation, count(func(c *ReportCase, p ReportPeriod) bool {
			return c.decidedIn(p) != nil || c.withdrawnIn(p)
		}))),
		decidedCol(Denunciation, "Kết quả giải quyết › Đã giải quyết › Số vụ việc lần đầu", anyDecision),
		zero("Kết quả giải quyết › Đã giải quyết › Số vụ việc tố cáo tiếp"),
		col("Kết quả giải quyết › Đã giải quyết › Số vụ việc rút toàn bộ nội dung tố cáo", acceptedOf(Denunciation, count((*ReportCase).withdrawnIn))),
		zero("Kết quả giải quyết › Đã giải quyết › Số vụ việc đình chỉ không do rút tố cáo")),
		resultColumns(Denunciation, "Số đối tượng")...),
		decidedCol(Denunciation, "Phân tích kết quả giải quyết (vụ việc) › Tố cáo đúng", outcomeIs(Correct)),
		zero("Phân tích kết quả giải quyết (vụ việc) › Trong đó tố cáo tiếp đúng"),
		decidedCol(Denunciation, "Phân tích kết quả giải quyết (vụ việc) › Tố cáo sai", outcomeIs(Wrong)),
		zero("Phân tích kết quả giải quyết (vụ việc) › Trong đó tố cáo tiếp sai"),
		decidedCol(Denunciation, "Phân tích kết quả giải quyết (vụ việc) › Tố cáo có đúng, có sai", outcomeIs(PartlyCorrect)),
		zero("Phân tích kết quả giải quyết (vụ việc) › Trong đó tố cáo tiếp có đúng, có sai"),
		decidedCol(Denunciation, "Chấp hành thời hạn giải quyết › Đúng quy định", onTime),
		decidedCol(Denunciation, "Chấp hành thời hạn giải quyết › Không đúng quy định", late)),
	Checks: []string{"1=2+3", "1=4", "6=7+8+9+10", "7+8=24+26+28", "7+8=30+31", "8=25+27+29", "20<=19", "23<=22"},
})

// Biểu số 02/KQGQ, the implementation of complaint decisions (TT 02/2021's
// form, kept by the implementation we follow): the decisions made by the
// period's end and not fully carried out before it began, what they order
// recovered and returned, and what implement acts within the period record
// as done.

// decision is a complaint's decision made by the period's end, or nil.
func (c *ReportCase) decision(p ReportPeriod) *ReportAct {
	if r := c.Resolution(); r != nil && c.Kind == Complaint && p.By(r.On) {
		return r
	}
	return nil
}

// completedOn is the day an implement act said the decision was fully carried out; zero if none did.
func (c *ReportCase) completedOn() Date {
	for _, a := range c.Acts {
		if a.Event == EvImplement && a.Input.Completed {
			return a.On
		}
	}
	return Date{}
}

// toImplement: a decision in force within the period, not carried out before it.
func (c *ReportCase) toImplement(p ReportPeriod) bool {
	done := c.completedOn()
	return c.decision(p) != nil && (done.IsZero() || !done.Before(p.From))
}

// ordered adds up what the decision orders, for the decisions to implement.
func ordered(of func(in *Input) float64) func(e *Entry, p ReportPeriod) float64 {
	return func(e *Entry, p ReportPeriod) float64 {
		if e.Case == nil || !e.Case.toImplement(p) {
			return 0
		}
		return of(e.Case.decision(p).Input)
	}
}

// done adds up what the implement acts of the period record, for the decisions to implement.
func done(of func(in *Input) float64) func(e *Entry, p ReportPeriod) float64 {
	return func(e *Entry, p ReportPeriod) float64 {
		if e.Case == nil || !e.Case.toImplement(p) {
			return 0
		}
		t := 0.0
		for _, a := range e.Case.Acts {
			if a.Event == EvImplement && p.Holds(a.On) {
				t += of(a.Input)
			}
		}
		return t
	}
}

var _ = register(&Form{Code: "02-KQGQ", Number: "Biểu số 02/KQGQ", Decisions: true, Kinds: complaints,
	counts: func(e *Entry, p ReportPeriod) bool { return e.Case != nil && e.Case.toImplement(p) },
	Title:  "TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI",
	Basis:  "Thông tư 01/2024/TT-TTCP; cột theo mẫu của Thông tư 02/2021/TT-TTCP mà hệ thống đã triển khai giữ nguyên",
	Notes: []string{
		"Quyết định phải thực hiện: quyết định giải quyết khiếu nại ban hành đến ngày cuối kỳ mà chưa thi hành xong trước kỳ.",
		"Phải thu, phải trả: theo quyết định; đã thu, đã trả, đã xử lý, đã khởi tố: theo các lần ghi kết quả thi hành trong kỳ.",
		"Quyết định đã thực hiện xong: lần ghi kết quả thi hành trong kỳ đánh dấu đã thi hành xong.",
	},
	Columns: []Column{
		col("Tổng số quyết định phải thực hiện trong kỳ", func(e *Entry, p ReportPeriod) float64 { return one(e.Case != nil && e.Case.toImplement(p)) }),
		col("Số quyết định đã thực hiện xong", func(e *Entry, p ReportPeriod) float64 {
			return one(e.Case != nil && e.Case.toImplement(p) && p.Holds(e.Case.completedOn()))
		}),
		amount("Thu hồi cho Nhà nước › Phải thu › Tiền (Trđ)", "Trđ", ordered(func(in *Input) float64 { return in.RecoverMoney })),
		amount("Thu hồi cho Nhà nước › Phải thu › Đất (m2)", "m2", ordered(func(in *Input) float64 { return in.RecoverLand })),
		amount("Thu hồi cho Nhà nước › Đã thu › Tiền (Trđ)", "Trđ", done(func(in *Input) float64 { return in.RecoveredMoney })),
		amount("Thu hồi cho Nhà nước › Đã thu › Đất (m2)", "m2", done(func(in *Input) float64 { return in.RecoveredLand })),
		amount("Trả lại cho tổ chức, cá nhân › Phải trả › Tổ chức › Tiền (Trđ)", "Trđ", ordered(func(in *Input) float64 { return in.ReturnOrgMoney })),
		amount("Trả lại cho tổ chức, cá nhân › Phải trả › Tổ chức › Đất (m2)", "m2", ordered(func(in *Input) float64 { return in.ReturnOrgLand })),
		amount("Trả lại cho tổ chức, cá nhân › Phải trả › Cá nhân › Tiền (Trđ)", "Trđ", ordered(func(in *Input) float64 { return in.ReturnPersonMoney })),
		amount("Trả lại cho tổ chức, cá nhân › Phải trả › Cá nhân › Đất (m2)", "m2", ordered(func(in *Input) float64 { return in.ReturnPersonLand })),
		amount("Trả lại cho tổ chức, cá nhân › Đã trả › Tổ chức › Tiền (Trđ)", "Trđ", done(func(in *Input) float64 { return in.ReturnedOrgMoney })),
		amount("Trả lại cho tổ chức, cá nhân › Đã trả › Tổ chức › Đất (m2)", "m2", done(func(in *Input) float64 { return in.ReturnedOrgLand })),
		amount("Trả lại cho tổ chức, cá nhân › Đã trả › Cá nhân › Tiền (Trđ)", "Trđ", done(func(in *Input) float64 { return in.ReturnedPersonMoney })),
		amount("Trả lại cho tổ chức, cá nhân › Đã trả › Cá nhân › Đất (m2)", "m2", done(func(in *Input) float64 { return in.ReturnedPersonLand })),
		col("Đã xử lý hành chính › Tổng số người bị xử lý", done(func(in *Input) float64 { return float64(in.SanctionedPersons) })),
		col("Đã xử lý hành chính › Trong đó số cán bộ, công chức, viên chức", done(func(in *Input) float64 { return float64(in.SanctionedOfficials) })),
		col("Đã khởi tố › Số vụ", done(func(in *Input) float64 { return float64(in.ProsecutedCases) })),
		col("Đã khởi tố › Số người", done(func(in *Input) float64 { return float64(in.ProsecutedPersons) })),
		col("Đã khởi tố › Trong đó số cán bộ, công chức, viên chức", done(func(in *Input) float64 { return float64(in.ProsecutedOfficials) })),
	},
	Checks: []string{"2<=1", "5<=3", "6<=4", "11<=7", "12<=8", "13<=9", "14<=10", "16<=15", "19<=18"},
})
