package workflow

// Vietnamese names for the engine's own messages (the pages translate their
// labels themselves, in handlers/i18n*.go).

var clockNameLabels = map[ClockName]string{
	ClockProcessing: "Trả lời người gửi đơn", ClockAcceptance: "Thụ lý", ClockTransfer: "Chuyển đơn",
	ClockNotification: "Thông báo thụ lý", ClockResolution: "Giải quyết",
	ClockDelivery: "Gửi quyết định/kết luận", ClockDisclosure: "Công khai",
	ClockForwarderReply:   "Thông báo kết quả cho cơ quan chuyển đơn",
	ClockDecisionDelivery: "Gửi quyết định tạm đình chỉ, đình chỉ, tiếp tục giải quyết",
}

var stateLabels = map[State]string{
	Received: "Đã tiếp nhận", Assigned: "Đã giao xử lý", InResolution: "Đang giải quyết", Suspended: "Tạm đình chỉ",
	Resolved: "Đã giải quyết", Disclosed: "Đã công khai", Closed: "Đã kết thúc", Rejected: "Không thụ lý",
	Transferred: "Đã chuyển đơn", Filed: "Lưu đơn", Withdrawn: "Rút đơn / đình chỉ",
}

var kindLabels = map[Kind]string{
	Complaint: "Khiếu nại", Denunciation: "Tố cáo", Petition: "Kiến nghị, phản ánh", Dialogue: "Đối thoại",
}

var eventLabels = map[Event]string{
	EvReceive: "tiếp nhận", EvAssign: "giao xử lý", EvReassign: "giao lại", EvAccept: "thụ lý",
	EvReject: "không thụ lý", EvTransfer: "chuyển đơn", EvFile: "lưu đơn", EvClassify: "phân loại",
	EvNote: "ghi chú", EvVerify: "xác minh", EvScheduleDialogue: "lên lịch đối thoại",
	EvRecordDialogue: "ghi biên bản đối thoại", EvExtend: "gia hạn", EvNotify: "thông báo thụ lý",
	EvSuspend: "tạm đình chỉ", EvResume: "tiếp tục giải quyết", EvWithdraw: "rút đơn / đình chỉ",
	EvResolve: "giải quyết", EvDeliver: "gửi quyết định/kết luận", EvDisclose: "công khai", EvClose: "kết thúc", EvImplement: "thi hành quyết định, kết luận",
	EvRecount:    "tính lại thời hạn",
	EvCorrect:    "sửa thông tin đăng ký",
	EvReorganise: "chuyển đơn vị do sắp xếp",
}

func label[K comparable](m map[K]string, k K, fallback string) string {
	if l, ok := m[k]; ok {
		return l
	}
	return fallback
}

// Label is the clock's Vietnamese name.
func (c ClockName) Label() string { return label(clockNameLabels, c, string(c)) }

// Label is the state's Vietnamese name.
func (s State) Label() string { return label(stateLabels, s, string(s)) }

// Label is the kind's Vietnamese name.
func (k Kind) Label() string { return label(kindLabels, k, string(k)) }

// Label is the event's Vietnamese name.
func (e Event) Label() string { return label(eventLabels, e, string(e)) }

func clockLabels(cs []Clock) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name.Label()
	}
	return out
}
