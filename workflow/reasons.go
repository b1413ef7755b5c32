package workflow

// ReasonCode is a ground for not accepting, or for filing, a letter.
type ReasonCode struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Basis string `json:"basis"`
}

var (
	complaintRejectCodes = []ReasonCode{
		{"KN-NA-01", "Quyết định, hành vi hành chính nội bộ, chứa quy phạm pháp luật hoặc thuộc bí mật nhà nước", "LKN 2011 Art. 11(1)"},
		{"KN-NA-02", "Không liên quan trực tiếp đến quyền, lợi ích hợp pháp của người khiếu nại", "LKN 2011 Art. 11(2)"},
		{"KN-NA-03", "Người khiếu nại không có năng lực hành vi dân sự đầy đủ và không có người đại diện", "LKN 2011 Art. 11(3)"},
		{"KN-NA-04", "Người đại diện không hợp pháp", "LKN 2011 Art. 11(4)"},
		{"KN-NA-05", "Đơn không có chữ ký hoặc điểm chỉ của người khiếu nại", "LKN 2011 Art. 11(5)"},
		{"KN-NA-06", "Hết thời hiệu khiếu nại mà không có lý do chính đáng", "LKN 2011 Art. 11(6)"},
		{"KN-NA-07", "Đã có quyết định giải quyết khiếu nại lần hai", "LKN 2011 Art. 11(7)"},
		{"KN-NA-08", "Đã có thông báo đình chỉ mà quá 30 ngày không tiếp tục khiếu nại", "LKN 2011 Art. 11(8)"},
		{"KN-NA-09", "Tòa án đã thụ lý hoặc đã có bản án, quyết định", "LKN 2011 Art. 11(9)"},
		{"KN-NA-10", "Không thuộc thẩm quyền — hướng dẫn đến cơ quan có thẩm quyền", "LKN 2011 Art. 27; LTCD 2013 Art. 26(1)(b)"},
		{"KN-NA-11", "Khiếu nại nhiều người thiếu chữ ký hoặc văn bản cử người đại diện", "ND 124/2020 Art. 16(1)"},
	}
	denunciationRejectCodes = []ReasonCode{
		{"TC-NA-01", "Đơn thiếu nội dung theo Điều 23", "LTC 2018 Art. 29(1)(a)"},
		{"TC-NA-02", "Người tố cáo không có năng lực hành vi dân sự và không có người đại diện", "LTC 2018 Art. 29(1)(b)"},
		{"TC-NA-03", "Không thuộc thẩm quyền giải quyết", "LTC 2018 Art. 29(1)(c), 24(2)"},
		{"TC-NA-04", "Không có cơ sở xác định người vi phạm, hành vi vi phạm", "LTC 2018 Art. 29(1)(d)"},
		{"TC-NA-05", "Tố cáo người đã giải quyết đúng khiếu nại mà không có bằng chứng", "LTC 2018 Art. 29(1)"},
	}
	otherRejectCodes = []ReasonCode{
		{"KP-NA-01", "Nội dung không thuộc phạm vi tiếp nhận của cơ quan", "LTCD 2013 Art. 26"},
		{"KP-NA-02", "Đơn không rõ nội dung, không thể xác định yêu cầu", "TT 05/2021/TT-TTCP"},
	}
	fileCodes = []ReasonCode{
		{"DUPLICATE", "Đơn trùng — gắn với đơn gốc", "TT 05/2021/TT-TTCP"},
		{"INELIGIBLE", "Đơn không đủ điều kiện xử lý — lưu đơn", "TT 05/2021/TT-TTCP"},
		{"MIXED_CONTENT", "Đơn có nhiều nội dung — hướng dẫn tách đơn", "LTCD 2013 Art. 25(3)"},
	}
	denunciationFileCodes = []ReasonCode{
		{"TC-NP-06", "Đã gửi đồng thời cho cơ quan có thẩm quyền hoặc đã hướng dẫn một lần", "LTC 2018 Art. 24(3)"},
		{"TC-NP-07", "Tố cáo nặc danh, mạo danh — chuyển nội dung để thanh tra, kiểm tra nếu rõ ràng", "LTC 2018 Art. 25"},
		{"TC-NR-08", "Tố cáo tiếp khi vụ việc đã được giải quyết đúng pháp luật", "LTC 2018 Art. 37(2)(a)"},
	}
)

// ReasonCodes lists the codes a kind may use for reject or file.
func ReasonCodes(k Kind, e Event) []ReasonCode {
	switch {
	case e == EvFile && k == Denunciation:
		return append(append([]ReasonCode{}, fileCodes...), denunciationFileCodes...)
	case e == EvFile:
		return fileCodes
	case k == Complaint:
		return complaintRejectCodes
	case k == Denunciation:
		return denunciationRejectCodes
	}
	return otherRejectCodes
}

func knownReason(k Kind, e Event, code string) bool {
	for _, r := range ReasonCodes(k, e) {
		if r.Code == code {
			return true
		}
	}
	return false
}
