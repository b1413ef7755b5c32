package handlers

import (
	"testing"

	"github.com/chromedp/chromedp"

	"petitions/workflow"
)

// Issue 17's story in Chromium: the supervisor opens the reports, picks
// 01/XLD for the fourth quarter, reads it laid out as the form with its
// identities, opens the cases behind a figure, then reads 01/KQGQ, the
// decisions made on time and the yearly report to the People's Council. Today is
// 25/11/2026; screenshots at 375 and 1280 px.
func TestReportsStoryInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	d := workflow.MustDate
	// The agency accepts and decides a complaint late, guides one away and
	// files an anonymous denunciation; the commune answers a petition.
	c := qcCase(t, app, "reception", workflow.Complaint, "2026-09-16", "Khiếu nại bồi thường đường ven biển", "Nguyễn Văn Đại")
	qcFire(t, app, "head", c.ID, workflow.Input{Event: workflow.EvAssign, On: d("2026-09-16"), Assignee: "handler"})
	qcFire(t, app, "head", c.ID, workflow.Input{Event: workflow.EvClassify, On: d("2026-09-17"), Domain: workflow.DomainLand})
	qcFire(t, app, "head", c.ID, workflow.Input{Event: workflow.EvAccept, On: d("2026-09-18")})
	qcFire(t, app, "head", c.ID, workflow.Input{Event: workflow.EvResolve, On: d("2026-11-20"), Outcome: workflow.PartlyCorrect,
		Summary: "Khiếu nại đúng một phần", RecoverMoney: 250.5, RestoredPersons: 1})
	g := qcCase(t, app, "reception", workflow.Complaint, "2026-10-05", "Khiếu nại việc của xã", "Trần Thị Bé")
	qcFire(t, app, "head", g.ID, workflow.Input{Event: workflow.EvTransfer, On: d("2026-10-06"), Target: "UBND phường Nha Trang",
		Mode: workflow.ModeGuide})
	qcCase(t, app, "reception", workflow.Denunciation, "2026-11-02", "Tố cáo cán bộ địa chính", "Lê Văn Cáo")
	qcCase(t, app, "reception.nt", workflow.Petition, "2026-11-10", "Kiến nghị sửa đường liên thôn", "Phạm Văn Đường")

	sup := app.newTab(t)
	storySignIn(sup, "supervisor", "/giam-sat")
	sup.open("/bao-cao")
	sup.mustSee("the list of forms", "Báo cáo thống kê theo Thông tư 01/2024/TT-TTCP", "Biểu số 01/XLD", "Biểu số 01/KQGQ", "Biểu số 01/TCD")
	storySubmit(sup, "open 01/XLD", chromedp.Click(chromedp.CSS(`a[href^="/bao-cao/01-XLD"]`)))
	sup.mustSee("01/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN", "Số liệu tính từ ngày 15/09/2026 đến ngày 14/12/2026", "Quý IV/2026",
		"Tổng số đơn phải xử lý", "Kỳ trước chuyển sang", "Hướng dẫn", "UBND phường Nha Trang", "1=2+3=4+5: đúng")
	citeShots(sup, "report-01-xld", "Biểu 01/XLD for the fourth quarter")
	storySubmit(sup, "the letters to process", chromedp.Click(chromedp.CSS(`tr.total td:first-of-type a`)))
	sup.mustSee("the cases behind", "Hồ sơ tạo nên số liệu", "cột c1", c.TrackingCode, g.TrackingCode)
	sup.open("/bao-cao/01-KQGQ?period=Q4-2026")
	sup.mustSee("01/KQGQ", "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI THUỘC THẨM QUYỀN", "250,5", "Không đúng quy định", "5=25+26: đúng")
	citeShots(sup, "report-01-kqgq", "Biểu 01/KQGQ for the fourth quarter")
	sup.open("/bao-cao/dung-han?period=Q4-2026")
	sup.mustSee("on time", "Tỷ lệ giải quyết đúng thời hạn", "Khoảng tin cậy 95%", "ít số liệu, không so sánh", "0%")
	citeShots(sup, "report-on-time", "decisions made on time, with their intervals")
	sup.open("/bao-cao/nam?nam=2026")
	sup.mustSee("the yearly report", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kết quả công tác tiếp công dân, xử lý đơn và giải quyết khiếu nại, tố cáo năm 2026",
		"Kính gửi: Hội đồng nhân dân cùng cấp", "Điều 61 Luật Tố cáo năm 2018", "Kiến nghị thu hồi cho Nhà nước 250,5 triệu đồng",
		"Biểu số 01/TCD", "Biểu số 02/KQGQ", "Năm báo cáo chưa kết thúc")
	citeShots(sup, "report-year", "the yearly report to the People's Council, its forms annexed")
	storyDone(sup)
}
