package demo

import (
	"fmt"

	"petitions/workflow"
)

// The officials' words: reasons, notes, minutes, summaries and public texts.
var (
	rejectCodes = map[workflow.Kind][]string{
		workflow.Complaint:    {"KN-NA-02", "KN-NA-06", "KN-NA-09", "KN-NA-10"},
		workflow.Denunciation: {"TC-NA-01", "TC-NA-04"},
		workflow.Petition:     {"KP-NA-01", "KP-NA-02"},
		workflow.Dialogue:     {"KP-NA-01"},
	}
	transferTargets = []string{"Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa", "Sở Xây dựng tỉnh Khánh Hòa",
		"Bảo hiểm xã hội tỉnh Khánh Hòa", "Công an tỉnh Khánh Hòa", "Tòa án nhân dân khu vực 1 – Khánh Hòa",
		"Thanh tra tỉnh Khánh Hòa"}
	workNotes = []string{"Đã mời công dân đến làm việc, cung cấp thêm giấy tờ về nguồn gốc đất.",
		"Đã đề nghị phòng chuyên môn cung cấp hồ sơ thu hồi đất và biên bản kiểm đếm.",
		"Công dân bổ sung bản sao giấy chứng nhận và hóa đơn nộp thuế.",
		"Đã kiểm tra thực địa cùng cán bộ địa chính và đại diện khu dân cư.",
		"Đã gửi văn bản đề nghị cơ quan liên quan cung cấp thông tin, tài liệu.",
		"Đã làm việc trực tiếp với người có đơn, lập biên bản làm việc.",
		"Đã làm việc với người bị khiếu nại, tố cáo; yêu cầu giải trình bằng văn bản.",
		"Đã nhận văn bản giải trình và tài liệu kèm theo.",
		"Dự thảo báo cáo kết quả xác minh, trình lãnh đạo cho ý kiến."}
	receptionNotes = []string{"Đã liên hệ người gửi đơn, đề nghị bổ sung bản sao căn cước và giấy tờ liên quan.",
		"Đã đối chiếu với các đơn tiếp nhận trước đây: chưa có đơn cùng nội dung.",
		"Người gửi đơn đã bổ sung tài liệu kèm theo đơn.",
		"Đã hướng dẫn người gửi đơn ghi rõ nội dung yêu cầu và ký tên."}
	studyNotes = []string{"Đã nghiên cứu hồ sơ, đề xuất thủ trưởng thụ lý giải quyết.",
		"Đã đề nghị người gửi đơn làm rõ nội dung và cung cấp tài liệu chứng minh.",
		"Đã kiểm tra thẩm quyền và thời hiệu: đơn thuộc thẩm quyền giải quyết, còn thời hiệu."}
	reminders = []string{"Thủ trưởng nhắc chuyên viên khẩn trương hoàn thành, báo cáo trước khi hết thời hạn giải quyết.",
		"Đề nghị đẩy nhanh tiến độ xác minh, báo cáo kết quả trong tuần.",
		"Giao ban: vụ việc sắp đến hạn, đề nghị hoàn thiện dự thảo trình ký."}
	followUps = []string{"Theo dõi việc thi hành: các bên đã nhận quyết định, kết luận.",
		"Cơ quan chuyên môn báo cáo đã tổ chức thực hiện quyết định.",
		"Người có đơn phản hồi đã nhận văn bản, không có ý kiến khác."}
	suspendNotes = []string{"Tạm đình chỉ: chờ kết quả đo đạc lại ranh giới thửa đất của đơn vị đo đạc.",
		"Tạm đình chỉ: chờ kết quả giám định chữ ký trên hồ sơ.",
		"Tạm đình chỉ: chờ cơ quan có thẩm quyền giải quyết vụ việc có liên quan."}
	minutes = []string{"Biên bản đối thoại: hai bên trình bày ý kiến; người có đơn giữ nguyên yêu cầu về đơn giá bồi thường, đại diện cơ quan giải thích căn cứ pháp lý.",
		"Biên bản đối thoại: thống nhất đo đạc lại diện tích, các nội dung khác giữ nguyên ý kiến.",
		"Biên bản đối thoại: người dân nêu kiến nghị, đại diện UBND tiếp thu và hẹn trả lời bằng văn bản."}
)

// summary is the finding written at resolve.
func summary(k workflow.Kind, o workflow.Outcome) string {
	switch k {
	case workflow.Complaint:
		return "Khiếu nại là " + finding(o) + ". " + action(k, o)
	case workflow.Denunciation:
		return "Nội dung tố cáo là " + finding(o) + ". " + action(k, o)
	case workflow.Dialogue:
		return "Đã giải thích chính sách, tiếp thu kiến nghị; giao phòng chuyên môn rà soát và trả lời bằng văn bản."
	}
	return "Đã trả lời bằng văn bản, giao phòng chuyên môn kiểm tra, xử lý và báo cáo kết quả."
}

// finding names an outcome in a public text.
func finding(o workflow.Outcome) string {
	switch o {
	case workflow.Correct:
		return "đúng"
	case workflow.PartlyCorrect:
		return "đúng một phần"
	}
	return "sai"
}

// publicText is what is published of a decision, conclusion or answer: the
// document, the unit and the matter — never a person (LTC 2018 Art. 8(3), 40).
func (r *caseRun) publicText() string {
	c, date, head := r.c, r.c.ResolvedOn.VN(), "Chủ tịch "+r.o.title
	switch {
	case c.Kind == workflow.Complaint:
		round := "lần đầu"
		if c.Round == 2 {
			round = "lần hai"
		}
		return fmt.Sprintf("Quyết định giải quyết khiếu nại %s số %s ngày %s của %s: khiếu nại về %s là %s. %s",
			round, r.decision, date, head, r.t.matter, finding(c.Outcome), action(c.Kind, c.Outcome))
	case c.Kind == workflow.Denunciation:
		return fmt.Sprintf("Kết luận nội dung tố cáo số %s ngày %s của %s: nội dung tố cáo về %s là %s. %s",
			r.decision, date, head, r.t.matter, finding(c.Outcome), action(c.Kind, c.Outcome))
	case c.Kind == workflow.Dialogue:
		return fmt.Sprintf("Thông báo kết quả đối thoại số %s ngày %s: %s đã đối thoại với người dân về %s, giải thích chính sách và tiếp thu các kiến nghị; kết quả rà soát được trả lời bằng văn bản.",
			r.decision, date, r.o.title, r.t.matter)
	}
	return fmt.Sprintf("Văn bản trả lời kiến nghị số %s ngày %s của %s về %s: đã giao phòng chuyên môn kiểm tra, xử lý theo thẩm quyền.",
		r.decision, date, r.o.title, r.t.matter)
}

// action is what a decision or conclusion orders, as published.
func action(k workflow.Kind, o workflow.Outcome) string {
	switch {
	case k == workflow.Complaint && o == workflow.Correct:
		return "Hủy quyết định bị khiếu nại, giao cơ quan chuyên môn giải quyết lại theo quy định."
	case k == workflow.Complaint && o == workflow.PartlyCorrect:
		return "Điều chỉnh một phần nội dung quyết định bị khiếu nại; các nội dung khác giữ nguyên."
	case k == workflow.Complaint:
		return "Giữ nguyên quyết định bị khiếu nại."
	case o == workflow.Correct:
		return "Kiến nghị xử lý kỷ luật cá nhân vi phạm và thu hồi các khoản thu sai quy định."
	case o == workflow.PartlyCorrect:
		return "Yêu cầu tập thể, cá nhân có liên quan kiểm điểm, rút kinh nghiệm."
	}
	return "Không có cơ sở kết luận có vi phạm."
}
