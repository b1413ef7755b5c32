package handlers

// publicMessages are the labels of the public register's filters (web_public.go).
var publicMessages = map[string][2]string{
	"public.bad_filter": {"Giá trị lọc không hợp lệ (loại đơn, đơn vị, năm hoặc trang); hãy chọn lại.", "A filter value is not valid (kind, unit, year or page); please choose again."},
}

func init() {
	addMessages(publicMessages)
}
