package demo

import (
	"strconv"
	"strings"

	"petitions/workflow"
)

// topic is what a letter is about: its subject and content as registered, and
// the matter as public texts name it (no person in it).
type topic struct{ subject, content, matter string }

var projects = []string{
	"dự án Khu đô thị mới Phước Long", "dự án đường ven biển đoạn qua Cam Lâm", "dự án mở rộng Quốc lộ 27C",
	"dự án hồ chứa nước Sông Cái", "dự án đường cao tốc Cam Lâm – Vĩnh Hảo", "dự án Khu tái định cư Hòn Rớ",
	"dự án kè chống sạt lở bờ sông Dinh", "dự án nâng cấp Tỉnh lộ 9",
}

var topics = map[workflow.Kind][]topic{
	workflow.Complaint: {
		{"Khiếu nại phương án bồi thường, hỗ trợ khi thu hồi đất thực hiện {project}",
			"Gia đình bị thu hồi {area} m² đất ở và đất trồng cây lâu năm để thực hiện {project}. Đơn giá bồi thường thấp hơn giá thị trường, chưa tính công trình phụ và cây trồng; đề nghị xem xét lại phương án bồi thường, hỗ trợ đã phê duyệt.",
			"phương án bồi thường, hỗ trợ khi thu hồi đất thực hiện {project}"},
		{"Khiếu nại quyết định cưỡng chế thu hồi đất để giải phóng mặt bằng {project}",
			"Chưa được đối thoại trước khi ban hành quyết định cưỡng chế; gia đình đang sinh sống ổn định trên thửa đất {area} m² và chưa được bố trí tái định cư. Đề nghị hủy quyết định cưỡng chế.",
			"quyết định cưỡng chế thu hồi đất để giải phóng mặt bằng {project}"},
		{"Khiếu nại việc từ chối cấp giấy phép xây dựng nhà ở riêng lẻ",
			"Hồ sơ xin phép xây dựng nhà ở ba tầng trên thửa đất {area} m² bị trả lại với lý do thửa đất nằm trong quy hoạch, trong khi quy hoạch phân khu được duyệt xác định là đất ở hiện trạng. Đề nghị cấp giấy phép xây dựng theo quy định.",
			"việc từ chối cấp giấy phép xây dựng nhà ở riêng lẻ"},
		{"Khiếu nại quyết định xử phạt vi phạm hành chính trong lĩnh vực xây dựng",
			"Quyết định xử phạt và buộc tháo dỡ phần mái che đã xây dựng từ năm 2012, trước khi có quy hoạch. Đề nghị hủy quyết định xử phạt.",
			"quyết định xử phạt vi phạm hành chính trong lĩnh vực xây dựng"},
		{"Khiếu nại việc cắt trợ cấp xã hội hằng tháng và không xác nhận hồ sơ bảo hiểm xã hội",
			"Trợ cấp xã hội hằng tháng của người cao tuổi bị cắt từ tháng {month} mà không có thông báo; hồ sơ đề nghị xác nhận để hưởng bảo hiểm xã hội bị trả lại vì sai lệch thông tin sau khi đổi căn cước.",
			"việc cắt trợ cấp xã hội hằng tháng và xác nhận hồ sơ bảo hiểm xã hội"},
		{"Khiếu nại giá đất tính tiền sử dụng đất khi cấp giấy chứng nhận",
			"Hồ sơ cấp giấy chứng nhận nộp từ năm 2024 nhưng tiền sử dụng đất được tính theo bảng giá đất mới, cao gấp nhiều lần. Đề nghị tính lại tiền sử dụng đất theo thời điểm nộp hồ sơ hợp lệ.",
			"giá đất tính tiền sử dụng đất khi cấp giấy chứng nhận quyền sử dụng đất"},
		{"Khiếu nại việc không bố trí tái định cư khi thu hồi đất ở thực hiện {project}",
			"Nhà ở duy nhất bị thu hồi toàn bộ để thực hiện {project} nhưng gia đình không được xét bố trí lô đất tái định cư với lý do chưa có giấy chứng nhận. Đề nghị xét bố trí tái định cư.",
			"việc bố trí tái định cư khi thu hồi đất ở thực hiện {project}"},
	},
	workflow.Denunciation: {
		{"Tố cáo cán bộ địa chính nhũng nhiễu khi giải quyết hồ sơ cấp giấy chứng nhận",
			"Cán bộ địa chính yêu cầu nộp thêm các khoản chi phí không có trong quy định, hẹn nhiều lần không trả kết quả hồ sơ cấp giấy chứng nhận quyền sử dụng đất.",
			"hành vi nhũng nhiễu khi giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất"},
		{"Tố cáo việc lập hồ sơ khống để nhận tiền hỗ trợ giải phóng mặt bằng {project}",
			"Một số hộ không có đất trong vùng dự án vẫn có tên trong danh sách nhận tiền hỗ trợ chuyển đổi nghề của {project}; đề nghị kiểm tra việc lập danh sách.",
			"việc lập hồ sơ nhận tiền hỗ trợ giải phóng mặt bằng {project}"},
		{"Tố cáo việc thu tiền trái quy định khi chứng thực giấy tờ",
			"Bộ phận một cửa thu thêm tiền ngoài mức phí chứng thực theo quy định và không cấp biên lai.",
			"việc thu tiền khi chứng thực giấy tờ tại bộ phận một cửa"},
		{"Tố cáo việc buông lỏng quản lý để xây dựng trái phép trên đất nông nghiệp",
			"Nhiều công trình xây dựng kiên cố trên đất trồng lúa tại khu vực giáp ranh nhưng chính quyền không lập biên bản, không xử lý.",
			"trách nhiệm quản lý trật tự xây dựng trên đất nông nghiệp"},
		{"Tố cáo sai phạm trong bình xét hộ nghèo, hộ cận nghèo năm {year}",
			"Danh sách hộ nghèo năm {year} có hộ có nhà kiên cố, xe ô tô trong khi nhiều hộ khó khăn thực sự không được bình xét.",
			"việc bình xét hộ nghèo, hộ cận nghèo năm {year}"},
		{"Tố cáo việc để khai thác cát trái phép trên sông Cái",
			"Tàu hút cát hoạt động ban đêm trên sông Cái, gây sạt lở bờ; đã báo nhiều lần nhưng không được xử lý.",
			"việc quản lý khai thác cát trên sông Cái"},
	},
	workflow.Petition: {
		{"Kiến nghị sửa chữa tuyến đường liên thôn bị sạt lở sau mưa lũ",
			"Tuyến đường liên thôn dài khoảng {area} m bị sạt lở sau đợt mưa lũ tháng {month}, học sinh đi lại nguy hiểm. Đề nghị sớm sửa chữa.",
			"việc sửa chữa tuyến đường liên thôn bị sạt lở"},
		{"Phản ánh ô nhiễm mùi hôi từ cơ sở chế biến hải sản",
			"Cơ sở chế biến hải sản xả nước thải chưa qua xử lý ra mương thoát nước, gây mùi hôi cho khu dân cư.",
			"tình trạng ô nhiễm từ cơ sở chế biến hải sản"},
		{"Kiến nghị giải quyết việc chậm chi trả bảo hiểm xã hội một lần",
			"Hồ sơ hưởng bảo hiểm xã hội một lần nộp đã quá thời hạn nhưng chưa được chi trả, không được giải thích lý do.",
			"việc chậm chi trả chế độ bảo hiểm xã hội một lần"},
		{"Phản ánh thủ tục cập nhật địa chỉ trên giấy tờ sau sắp xếp đơn vị hành chính còn chậm",
			"Sau khi sắp xếp đơn vị hành chính từ 01/07/2025, người dân phải đi lại nhiều lần để cập nhật địa chỉ trên giấy chứng nhận quyền sử dụng đất và hộ kinh doanh.",
			"thủ tục cập nhật địa chỉ trên giấy tờ sau sắp xếp đơn vị hành chính"},
		{"Kiến nghị lắp đặt đèn chiếu sáng và biển báo giao thông",
			"Đoạn đường qua khu dân cư không có đèn chiếu sáng, đã xảy ra nhiều vụ va chạm vào ban đêm.",
			"việc lắp đặt đèn chiếu sáng và biển báo giao thông"},
		{"Phản ánh tình trạng thiếu nước sinh hoạt vào mùa khô",
			"Từ tháng {month}, khoảng {households} hộ dân thiếu nước sinh hoạt, giếng khoan cạn; đề nghị hỗ trợ kéo đường ống cấp nước.",
			"tình trạng thiếu nước sinh hoạt vào mùa khô"},
		{"Kiến nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ sử dụng đất ổn định",
			"Các hộ đã sử dụng đất ổn định từ trước năm 2004, không tranh chấp, nộp hồ sơ đã lâu nhưng chưa được cấp giấy chứng nhận.",
			"việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ sử dụng đất ổn định"},
		{"Phản ánh việc lấn chiếm vỉa hè, lòng đường để kinh doanh",
			"Nhiều hộ kinh doanh lấn chiếm vỉa hè, lòng đường, người đi bộ phải đi xuống lòng đường.",
			"tình trạng lấn chiếm vỉa hè, lòng đường"},
	},
	workflow.Dialogue: {
		{"Đề nghị đối thoại về phương án bồi thường, tái định cư {project}",
			"Các hộ dân trong vùng dự án đề nghị được đối thoại trước khi phê duyệt phương án bồi thường, tái định cư {project}.",
			"phương án bồi thường, tái định cư {project}"},
		{"Đề nghị đối thoại về điều chỉnh quy hoạch khu dân cư",
			"Người dân đề nghị được nghe giải thích và góp ý về việc điều chỉnh quy hoạch chi tiết khu dân cư, trong đó có phần đất ở của {households} hộ chuyển sang đất cây xanh.",
			"việc điều chỉnh quy hoạch chi tiết khu dân cư"},
		{"Đối thoại về việc di dời các hộ dân khỏi vùng nguy cơ sạt lở",
			"Các hộ sống ven sườn đồi đề nghị đối thoại về thời hạn di dời, mức hỗ trợ và vị trí bố trí chỗ ở mới.",
			"việc di dời các hộ dân khỏi vùng nguy cơ sạt lở"},
		{"Đề nghị đối thoại về giá đất bồi thường {project}",
			"Người dân đề nghị đối thoại về giá đất cụ thể dùng để tính bồi thường khi thu hồi đất thực hiện {project}.",
			"giá đất cụ thể tính bồi thường {project}"},
		{"Đề nghị đối thoại về việc sắp xếp chợ và bố trí điểm kinh doanh",
			"Tiểu thương đề nghị đối thoại về phương án sắp xếp lại chợ, mức thu tiền thuê điểm kinh doanh.",
			"phương án sắp xếp chợ và bố trí điểm kinh doanh"},
	},
}

// topicFor picks a topic of the kind and fills in its blanks.
func (l *loader) topicFor(k workflow.Kind, received workflow.Date) topic {
	t := pick(l, topics[k])
	fill := [...][2]string{{"{project}", pick(l, projects)}, {"{area}", strconv.Itoa(l.intn(8, 90) * 10)},
		{"{month}", strconv.Itoa(int(received.Time().AddDate(0, -l.intn(0, 3), 0).Month()))},
		{"{year}", strconv.Itoa(received.Year())}, {"{households}", strconv.Itoa(l.intn(12, 80))}}
	return topic{fillIn(t.subject, fill[:]), fillIn(t.content, fill[:]), fillIn(t.matter, fill[:])}
}

// fillIn replaces each {placeholder} of s by its value.
func fillIn(s string, values [][2]string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		n := 1
		for _, kv := range values {
			if strings.HasPrefix(s, kv[0]) {
				b.WriteString(kv[1])
				n = len(kv[0])
				break
			}
		}
		if n == 1 {
			b.WriteByte('{')
		}
		s = s[n:]
	}
}

// domainOf is the field of a matter, read from its subject as an officer
// would classify it (workflow.Domains); a dialogue has none.
func domainOf(k workflow.Kind, subject string) string {
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(subject, w) {
				return true
			}
		}
		return false
	}
	switch {
	case k == workflow.Dialogue:
		return ""
	case has("hồ sơ khống", "thu tiền trái quy định"):
		return workflow.DomainCorruption
	case has("nhũng nhiễu", "buông lỏng quản lý"):
		return workflow.DomainCivilService
	case has("đất", "tái định cư", "giấy phép xây dựng"):
		return workflow.DomainLand
	case has("trợ cấp", "bảo hiểm xã hội", "hộ nghèo"):
		return workflow.DomainPolicy
	case k == workflow.Petition:
		return workflow.DomainOther
	}
	return workflow.DomainAdminOther
}
