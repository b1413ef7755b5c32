package workflow

import "slices"

// The letter-processing forms (Biểu số 01/XLD–04/XLD, TT 01/2024/TT-TTCP;
// ../shared/REPORT-FORMS.md §3–§6). A letter is a case; its processing ends
// with the first of accept (thụ lý), reject (không thụ lý), transfer (chuyển
// đơn, hướng dẫn, đôn đốc) or file (lưu đơn). For a period:
//   - carried over: received before it, processing not ended before it;
//   - received: received within it;
//   - processed: processing ended within it; not processed: not ended by its last day;
//   - eligible (đủ điều kiện xử lý): processed, and not filed;
//   - within competence: accepted or not accepted; outside it: transferred.
// So "1=2+3=4+5" holds by construction, on every letter.

var xldNotes = []string{
	"Một đơn là một hồ sơ; đơn trùng được lưu (lưu đơn), nên số vụ việc bằng số đơn đủ điều kiện xử lý.",
	"Đơn đủ điều kiện xử lý: đơn đã xử lý trong kỳ mà không lưu đơn. Đơn không thụ lý vẫn là đơn thuộc thẩm quyền.",
	"Phân loại theo tình trạng giải quyết đọc tình trạng của vụ việc trước khi có đơn: khiếu nại lần 2 là đã giải quyết lần đầu.",
	"Phân loại theo nội dung theo lĩnh vực ghi khi phân loại hồ sơ; hồ sơ chưa ghi lĩnh vực được tính vào \"Khác\".",
	"Số văn bản phúc đáp nhận được do chuyển đơn: chưa có thao tác nào ghi nhận, nên cột này bằng 0.",
}

// letterIs is a column over the letters of the kinds.
func letterIs(kinds []Kind, q func(c *ReportCase, p ReportPeriod) bool) func(e *Entry, p ReportPeriod) float64 {
	return func(e *Entry, p ReportPeriod) float64 {
		c := e.Case
		if c == nil || !slices.Contains(kinds, c.Kind) {
			return 0
		}
		return one(q(c, p))
	}
}

func (c *ReportCase) toProcess(p ReportPeriod) bool {
	return p.By(c.ReceivedOn) && !c.processedBefore(p.From)
}
func (c *ReportCase) carriedOver(p ReportPeriod) bool {
	return p.Before(c.ReceivedOn) && !c.processedBefore(p.From)
}
func (c *ReportCase) receivedIn(p ReportPeriod) bool { return p.Holds(c.ReceivedOn) }

func (c *ReportCase) processedIn(p ReportPeriod) bool {
	a := c.Processing()
	return a != nil && p.Holds(a.On)
}

func (c *ReportCase) notProcessed(p ReportPeriod) bool {
	a := c.Processing()
	return c.toProcess(p) && (a == nil || !p.By(a.On))
}

func (c *ReportCase) eligible(p ReportPeriod) bool {
	return c.processedIn(p) && c.Processing().Event != EvFile
}

func (c *ReportCase) withinCompetence(p ReportPeriod) bool {
	return c.eligible(p) && c.Processing().Event != EvTransfer
}

func (c *ReportCase) outsideCompetence(p ReportPeriod) bool {
	return c.eligible(p) && c.Processing().Event == EvTransfer
}

// The questions the four forms share, over the letters of their kinds.
func (c *ReportCase) inDomain(p ReportPeriod, domains ...string) bool {
	return c.eligible(p) && slices.Contains(domains, c.Domain(p))
}

func (c *ReportCase) leftBy(p ReportPeriod, modes ...string) bool {
	return c.outsideCompetence(p) && slices.Contains(modes, c.Mode())
}

func (c *ReportCase) priorDecisions(p ReportPeriod, lo, hi int) bool {
	return c.eligible(p) && c.PriorDecisions >= lo && c.PriorDecisions <= hi
}

// toProcessColumns are the first columns every XLD form has: to process, carried over, received.
func toProcessColumns(kinds []Kind) []Column {
	return []Column{
		col("Tổng số đơn phải xử lý › Tổng số", letterIs(kinds, (*ReportCase).toProcess)),
		col("Tổng số đơn phải xử lý › Kỳ trước chuyển sang", letterIs(kinds, (*ReportCase).carriedOver)),
		col("Tổng số đơn phải xử lý › Tiếp nhận trong kỳ", letterIs(kinds, (*ReportCase).receivedIn)),
	}
}

// processedByOrigin are the processed letters, by where they came from (02–04/XLD 4–6).
func processedByOrigin(kinds []Kind, group string) []Column {
	return []Column{
		col(group+" › Tổng số", letterIs(kinds, (*ReportCase).processedIn)),
		col(group+" › Kỳ trước chuyển sang", letterIs(kinds, func(c *ReportCase, p ReportPeriod) bool { return c.processedIn(p) && c.carriedOver(p) })),
		col(group+" › Tiếp nhận trong kỳ", letterIs(kinds, func(c *ReportCase, p ReportPeriod) bool { return c.processedIn(p) && c.receivedIn(p) })),
	}
}

func eligibleColumns(kinds []Kind) []Column {
	return []Column{
		col("Đủ điều kiện xử lý › Số đơn", letterIs(kinds, (*ReportCase).eligible)),
		col("Đủ điều kiện xử lý › Số vụ việc", letterIs(kinds, (*ReportCase).eligible)),
	}
}

func domainIs(kinds []Kind, path string, domains ...string) Column {
	return col(path, letterIs(kinds, func(c *ReportCase, p ReportPeriod) bool { return c.inDomain(p, domains...) }))
}

func priorIs(kinds []Kind, path string, lo, hi int) Column {
	return col(path, letterIs(kinds, func(c *ReportCase, p ReportPeriod) bool { return c.priorDecisions(p, lo, hi) }))
}

func modeIs(kinds []Kind, path string, modes ...string) Column {
	return col(path, letterIs(kinds, func(c *ReportCase, p ReportPeriod) bool { return c.leftBy(p, modes...) }))
}

func kindIs(path string, kinds ...Kind) Column {
	return col(path, letterIs(kinds, (*ReportCase).eligible))
}

func withinIs(kinds []Kind, path string, q func(c *ReportCase) bool) Column {
	return col(path, letterIs(kinds, func(c *ReportCase, p ReportPeriod) bool { return c.withinCompetence(p) && q(c) }))
}

var (
	lettersOfAllKinds = []Kind{Complaint, Denunciation, Petition}
	complaints        = []Kind{Complaint}
	denunciations     = []Kind{Denunciation}
	petitions         = []Kind{Petition}
	anyCase           = func(*ReportCase) bool { return true }
	// unclassified matters count under the forms' "Khác".
	adminOther = []string{DomainAdminOther, DomainCivilService, DomainCorruption, ""}
)

var _ = register(&Form{Code: "01-XLD", Number: "Biểu số 01/XLD", Title: "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
	Basis: "Thông tư 01/2024/TT-TTCP; cột và đẳng thức theo hai hệ thống đã triển khai", Notes: xldNotes,
	Columns: append(toProcessColumns(lettersOfAllKinds),
		col("Số đơn đã xử lý", letterIs(lettersOfAllKinds, (*ReportCase).processedIn)),
		col("Số đơn chưa xử lý (chuyển kỳ sau xử lý)", letterIs(lettersOfAllKinds, (*ReportCase).notProcessed)),
		col("Đủ điều kiện xử lý › Số đơn", letterIs(lettersOfAllKinds, (*ReportCase).eligible)),
		col("Đủ điều kiện xử lý › Số vụ việc", letterIs(lettersOfAllKinds, (*ReportCase).eligible)),
		kindIs("Phân loại đơn theo nội dung › Khiếu nại", Complaint),
		kindIs("Phân loại đơn theo nội dung › Tố cáo", Denunciation),
		kindIs("Phân loại đơn theo nội dung › Kiến nghị, phản ánh", Petition),
		priorIs(lettersOfAllKinds, "Phân loại đơn theo tình trạng giải quyết › Đã giải quyết › Lần đầu", 1, 1),
		priorIs(lettersOfAllKinds, "Phân loại đơn theo tình trạng giải quyết › Đã giải quyết › Nhiều lần", 2, 1<<30),
		priorIs(lettersOfAllKinds, "Phân loại đơn theo tình trạng giải quyết › Chưa giải quyết xong", 0, 0),
		withinIs(lettersOfAllKinds, "Kết quả xử lý đơn › Đơn thuộc thẩm quyền › Tổng số", anyCase),
		withinIs(complaints, "Kết quả xử lý đơn › Đơn thuộc thẩm quyền › Khiếu nại", anyCase),
		withinIs(denunciations, "Kết quả xử lý đơn › Đơn thuộc thẩm quyền › Tố cáo", anyCase),
		withinIs(petitions, "Kết quả xử lý đơn › Đơn thuộc thẩm quyền › Kiến nghị, phản ánh", anyCase),
		modeIs(lettersOfAllKinds, "Kết quả xử lý đơn › Đơn không thuộc thẩm quyền › Tổng số", TransferModes...),
		modeIs(lettersOfAllKinds, "Kết quả xử lý đơn › Đơn không thuộc thẩm quyền › Hướng dẫn", ModeGuide),
		modeIs(lettersOfAllKinds, "Kết quả xử lý đơn › Đơn không thuộc thẩm quyền › Chuyển đơn", ModeTransfer),
		modeIs(lettersOfAllKinds, "Kết quả xử lý đơn › Đơn không thuộc thẩm quyền › Đôn đốc giải quyết", ModeUrge),
		zero("Số văn bản phúc đáp nhận được do chuyển đơn")),
	Checks: []string{"1=2+3=4+5", "6=8+9+10=11+12+13=14+18", "14=15+16+17", "18=19+20+21"},
})

var _ = register(&Form{Code: "02-XLD", Number: "Biểu số 02/XLD", Kinds: complaints, Title: "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI",
	Basis: "Thông tư 01/2024/TT-TTCP; cột theo hai hệ thống đã triển khai, đẳng thức 8=… suy ra như Biểu 03/XLD",
	Notes: append(slices.Clone(xldNotes), "Khiếu nại không thuộc thẩm quyền được hướng dẫn, không chuyển đơn (khoản 1 Điều 26 Luật Tiếp công dân 2013): đơn ghi \"chuyển đơn\" được tính vào cột Hướng dẫn.",
		"Đã có bản án của tòa: chưa có thao tác nào ghi nhận, nên cột này bằng 0."),
	Columns: append(append(append(toProcessColumns(complaints), processedByOrigin(complaints, "Đơn đã xử lý")...), eligibleColumns(complaints)...),
		domainIs(complaints, "Phân loại vụ việc khiếu nại theo nội dung › Lĩnh vực hành chính › Tổng", DomainPolicy, DomainLand, DomainAdminOther, DomainCivilService, DomainCorruption, ""),
		domainIs(complaints, "Phân loại vụ việc khiếu nại theo nội dung › Lĩnh vực hành chính › Chế độ, chính sách", DomainPolicy),
		domainIs(complaints, "Phân loại vụ việc khiếu nại theo nội dung › Lĩnh vực hành chính › Đất đai, nhà cửa", DomainLand),
		domainIs(complaints, "Phân loại vụ việc khiếu nại theo nội dung › Lĩnh vực hành chính › Khác", adminOther...),
		domainIs(complaints, "Phân loại vụ việc khiếu nại theo nội dung › Lĩnh vực tư pháp", DomainJudicial),
		domainIs(complaints, "Phân loại vụ việc khiếu nại theo nội dung › Lĩnh vực Đảng, đoàn thể", DomainParty),
		domainIs(complaints, "Phân loại vụ việc khiếu nại theo nội dung › Lĩnh vực khác", DomainOther),
		priorIs(complaints, "Phân loại vụ việc theo tình trạng giải quyết › Đã được giải quyết › Lần đầu", 1, 1),
		priorIs(complaints, "Phân loại vụ việc theo tình trạng giải quyết › Đã được giải quyết › Lần 2", 2, 1<<30),
		zero("Phân loại vụ việc theo tình trạng giải quyết › Đã được giải quyết › Đã có bản án của tòa"),
		priorIs(complaints, "Phân loại vụ việc theo tình trạng giải quyết › Chưa giải quyết xong", 0, 0),
		withinIs(complaints, "Kết quả xử lý đơn › Vụ việc thuộc thẩm quyền › Tổng", anyCase),
		withinIs(complaints, "Kết quả xử lý đơn › Vụ việc thuộc thẩm quyền › Lần đầu", func(c *ReportCase) bool { return c.Round != 2 }),
		withinIs(complaints, "Kết quả xử lý đơn › Vụ việc thuộc thẩm quyền › Lần 2", func(c *ReportCase) bool { return c.Round == 2 }),
		modeIs(complaints, "Kết quả xử lý đơn › Vụ việc không thuộc thẩm quyền › Tổng", TransferModes...),
		modeIs(complaints, "Kết quả xử lý đơn › Vụ việc không thuộc thẩm quyền › Hướng dẫn", ModeGuide, ModeTransfer),
		modeIs(complaints, "Kết quả xử lý đơn › Vụ việc không thuộc thẩm quyền › Đôn đốc giải quyết", ModeUrge),
		zero("Số văn bản phúc đáp nhận được do chuyển đơn")),
	Checks: []string{"1=2+3", "4=5+6", "9=10+11+12", "20=21+22", "23=24+25", "8=9+13+14+15=16+17+18+19=20+23"},
})

var _ = register(&Form{Code: "03-XLD", Number: "Biểu số 03/XLD", Kinds: denunciations, Title: "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN TỐ CÁO",
	Basis: "Thông tư 01/2024/TT-TTCP; cột và đẳng thức theo hai hệ thống đã triển khai",
	Notes: append(slices.Clone(xldNotes), "Tố cáo tiếp: hồ sơ tố cáo chưa ghi nhận tố cáo trước đó, nên các cột tố cáo tiếp bằng 0 và mọi vụ việc là chưa giải quyết, tố cáo lần đầu.",
		"Tố cáo không thuộc thẩm quyền được chuyển đơn; đơn ghi \"hướng dẫn\" được tính vào cột Chuyển đơn."),
	Columns: append(append(append(toProcessColumns(denunciations), processedByOrigin(denunciations, "Đơn đã xử lý")...), eligibleColumns(denunciations)...),
		domainIs(denunciations, "Phân loại vụ việc tố cáo theo nội dung › Lĩnh vực hành chính › Tổng cộng", DomainPolicy, DomainLand, DomainCivilService, DomainAdminOther, ""),
		domainIs(denunciations, "Phân loại vụ việc tố cáo theo nội dung › Lĩnh vực hành chính › Chế độ, chính sách", DomainPolicy),
		domainIs(denunciations, "Phân loại vụ việc tố cáo theo nội dung › Lĩnh vực hành chính › Đất đai, nhà cửa", DomainLand),
		domainIs(denunciations, "Phân loại vụ việc tố cáo theo nội dung › Lĩnh vực hành chính › Công chức, công vụ", DomainCivilService),
		domainIs(denunciations, "Phân loại vụ việc tố cáo theo nội dung › Lĩnh vực hành chính › Khác", DomainAdminOther, ""),
		domainIs(denunciations, "Phân loại vụ việc tố cáo theo nội dung › Tham nhũng", DomainCorruption),
		domainIs(denunciations, "Phân loại vụ việc tố cáo theo nội dung › Lĩnh vực tư pháp", DomainJudicial),
		domainIs(denunciations, "Phân loại vụ việc tố cáo theo nội dung › Lĩnh vực Đảng, đoàn thể", DomainParty),
		domainIs(denunciations, "Phân loại vụ việc tố cáo theo nội dung › Lĩnh vực khác", DomainOther),
		zero("Phân loại vụ việc theo tình trạng giải quyết › Tố cáo tiếp › Quá thời hạn chưa giải quyết"),
		zero("Phân loại vụ việc theo tình trạng giải quyết › Tố cáo tiếp › Đã có kết luận giải quyết"),
		col("Phân loại vụ việc theo tình trạng giải quyết › Chưa giải quyết", letterIs(denunciations, (*ReportCase).eligible)),
		withinIs(denunciations, "Kết quả xử lý › Vụ việc thuộc thẩm quyền › Tổng số", anyCase),
		withinIs(denunciations, "Kết quả xử lý › Vụ việc thuộc thẩm quyền › Tố cáo lần đầu", anyCase),
		zero("Kết quả xử lý › Vụ việc thuộc thẩm quyền › Tố cáo tiếp"),
		modeIs(denunciations, "Kết quả xử lý › Vụ việc không thuộc thẩm quyền › Tổng số", TransferModes...),
		modeIs(denunciations, "Kết quả xử lý › Vụ việc không thuộc thẩm quyền › Chuyển đơn", ModeTransfer, ModeGuide),
		modeIs(denunciations, "Kết quả xử lý › Vụ việc không thuộc thẩm quyền › Đôn đốc giải quyết", ModeUrge),
		zero("Số văn bản phúc đáp nhận được do chuyển đơn")),
	Checks: []string{"1=2+3", "4=5+6", "8=9+14+15+16+17=18+19+20=21+24", "9=10+11+12+13", "21=22+23", "24=25+26"},
})

var _ = register(&Form{Code: "04-XLD", Number: "Biểu số 04/XLD", Kinds: petitions, Title: "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KIẾN NGHỊ, PHẢN ÁNH",
	Basis: "Thông tư 01/2024/TT-TTCP; cột theo hai hệ thống đã triển khai; đẳng thức in \"15+18\" đọc là 15+16",
	Notes: append(slices.Clone(xldNotes), "Kiến nghị, phản ánh không thuộc thẩm quyền được chuyển đơn; đơn ghi \"hướng dẫn\" được tính vào cột Chuyển đơn.",
		"Kết quả giải quyết vụ việc thuộc thẩm quyền: đã giải quyết là đã trả lời đến ngày cuối kỳ."),
	Columns: append(append(append(toProcessColumns(petitions), processedByOrigin(petitions, "Đơn đã xem xét về điều kiện xử lý")...), eligibleColumns(petitions)...),
		domainIs(petitions, "Phân loại vụ việc theo nội dung › Chế độ, chính sách", DomainPolicy),
		domainIs(petitions, "Phân loại vụ việc theo nội dung › Đất đai", DomainLand),
		domainIs(petitions, "Phân loại vụ việc theo nội dung › Tư pháp", DomainJudicial),
		domainIs(petitions, "Phân loại vụ việc theo nội dung › Khác", DomainAdminOther, DomainCivilService, DomainCorruption, DomainParty, DomainOther, ""),
		priorIs(petitions, "Phân loại vụ việc theo tình trạng giải quyết › Đã được giải quyết", 1, 1<<30),
		priorIs(petitions, "Phân loại vụ việc theo tình trạng giải quyết › Chưa được giải quyết", 0, 0),
		withinIs(petitions, "Kết quả xử lý đơn › Vụ việc thuộc thẩm quyền", anyCase),
		modeIs(petitions, "Kết quả xử lý đơn › Vụ việc không thuộc thẩm quyền › Tổng số", TransferModes...),
		modeIs(petitions, "Kết quả xử lý đơn › Vụ việc không thuộc thẩm quyền › Chuyển đơn", ModeTransfer, ModeGuide),
		modeIs(petitions, "Kết quả xử lý đơn › Vụ việc không thuộc thẩm quyền › Đôn đốc giải quyết", ModeUrge),
		col("Kết quả giải quyết vụ việc thuộc thẩm quyền › Vụ việc đã giải quyết", letterIs(petitions, func(c *ReportCase, p ReportPeriod) bool {
			r := c.Resolution()
			return c.withinCompetence(p) && r != nil && p.By(r.On)
		})),
		col("Kết quả giải quyết vụ việc thuộc thẩm quyền › Vụ việc chưa giải quyết", letterIs(petitions, func(c *ReportCase, p ReportPeriod) bool {
			r := c.Resolution()
			return c.withinCompetence(p) && (r == nil || !p.By(r.On))
		}))),
	Checks: []string{"1=2+3", "4=5+6", "8=9+10+11+12=13+14=15+16", "16=17+18", "15=19+20"},
})
