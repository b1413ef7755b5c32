package handlers

// receptionMessages are the words of citizen reception (workflow/reception.go).
var receptionMessages = map[string][2]string{
	"level.province": {"Chủ tịch UBND cấp tỉnh", "Provincial chair"},
	"level.agency":   {"Thủ trưởng cơ quan hành chính nhà nước", "Head of a state agency"},
	"level.commune":  {"Chủ tịch UBND cấp xã", "Commune chair"},
	"period.week":    {"tuần", "week"},
	"period.month":   {"tháng", "month"},
}

func init() {
	addMessages(receptionMessages)
}
