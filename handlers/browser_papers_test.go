package handlers

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"petitions/store"
	"petitions/workflow"
)

// Issue 18's story in Chromium: the acts drafted their papers; the head
// issues the notice accepting a complaint and records it sent, writes in who
// is denounced on the notice to them (refused while it names the denouncer),
// issues the transfer slip of a petition, and reads the register of the
// unit's outgoing papers; the handler of the denunciation sees that the
// notice to the denouncer exists but not what it says. The notice's PDF,
// drawn by the server, is kept as a picture. Screenshots at 375 and 1280 px.
func TestPapersStoryInTheBrowser(t *testing.T) {
	app := mustServeWeb(t)
	d := workflow.MustDate
	accept := func(by string, c store.Case, on string) {
		qcFire(t, app, "head", c.ID, workflow.Input{Event: workflow.EvAssign, On: d(on), Assignee: by})
		qcFire(t, app, "head", c.ID, workflow.Input{Event: workflow.EvAccept, On: d(on)})
	}
	complaint := qcCase(t, app, "reception", workflow.Complaint, "2026-11-18", "Khiếu nại quyết định thu hồi đất", "Nguyễn Thị Lan")
	accept("handler", complaint, "2026-11-20")
	denounced := qcCase(t, app, "reception", workflow.Denunciation, "2026-11-19", "Tố cáo cán bộ địa chính nhận tiền", "Trần Văn Tố")
	accept("handler", denounced, "2026-11-21")
	petition := qcCase(t, app, "reception", workflow.Petition, "2026-11-20", "Kiến nghị sửa đường liên thôn", "Phạm Văn Đường")
	qcFire(t, app, "head", petition.ID, workflow.Input{Event: workflow.EvTransfer, On: d("2026-11-24"),
		Target: "UBND phường Nha Trang", Mode: workflow.ModeTransfer})
	paper := func(c store.Case, template string) int64 {
		ds, err := app.Store.CaseDocuments(context.Background(), workflow.Viewer{}, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range ds {
			if doc.Template == template {
				return doc.ID
			}
		}
		t.Fatalf("case %d drafted no %s", c.ID, template)
		return 0
	}

	head := app.newTab(t)
	storySignIn(head, "head", "/ho-so")
	head.open(fmt.Sprintf("/ho-so/%d", complaint.ID))
	head.mustSee("the case's papers", "Văn bản", "THÔNG BÁO Về việc thụ lý giải quyết khiếu nại", "Dự thảo")
	head.open(fmt.Sprintf("/ho-so/%d/van-ban/%d", complaint.ID, paper(complaint, "KN-03")))
	head.mustSee("the draft", "DỰ THẢO", "Số: ......../TB-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Mẫu số 03", "Nguyễn Thị Lan", "Thời hạn giải quyết đến hết ngày", "Nơi nhận:", "Thanh tra cùng cấp")
	storySubmit(head, "issue it", chromedp.Click(chromedp.CSS(`form[action$="/ban-hanh"] button`)))
	head.mustSee("issued", "Đã lưu.", "Số: 1/TB-UBND", "Đã ban hành", "Tra cứu tình trạng hồ sơ")
	storySubmit(head, "record it sent to the complainant", chromedp.Click(chromedp.CSS(`form[action$="/gui"] button`)))
	head.mustSee("sent", "Đã lưu.", "25/11/2026")
	citeShots(head, "paper-acceptance-notice", "the notice accepting a complaint, issued and sent")

	// The letter's scan, kept on the case from its page.
	scan := filepath.Join(t.TempDir(), "don-khieu-nai.pdf")
	if err := os.WriteFile(scan, []byte("%PDF-1.4\n% bản quét đơn khiếu nại\n%%EOF\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	head.open(fmt.Sprintf("/ho-so/%d", complaint.ID))
	head.run("choose the scan", chromedp.SetValue(chromedp.CSS("#att-title"), "Đơn khiếu nại (bản quét)"),
		chromedp.SetUploadFiles(chromedp.CSS("#att-file"), []string{scan}))
	storySubmit(head, "upload it", chromedp.Click(chromedp.CSS(`form.upload button`)))
	head.mustSee("the scan kept", "Đã thêm tệp.", "Tệp đính kèm", "Đơn khiếu nại (bản quét)", "don-khieu-nai.pdf", "thêm bởi head")
	head.open(fmt.Sprintf("/bien-nhan/%d", complaint.ID))
	head.mustSee("the receipt, an official paper", "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Khánh Hòa, ngày 18 tháng 11 năm 2026", "GIẤY BIÊN NHẬN ĐƠN", complaint.TrackingCode, "Tài liệu kèm theo",
		"Đơn khiếu nại (bản quét)", "NGƯỜI NỘP ĐƠN", "NGƯỜI NHẬN ĐƠN", "Nguyễn Thị Lan")
	citeShots(head, "paper-receipt", "the receipt of a letter, an official paper with its QR code")

	head.open(fmt.Sprintf("/ho-so/%d/van-ban/%d", denounced.ID, paper(denounced, "TC-06")))
	head.mustSee("the notice to the person denounced", "Về nội dung tố cáo", "Còn chỗ cần ghi trước khi ban hành", "họ tên, chức vụ người bị tố cáo")
	head.mustNotSee("the notice to the person denounced", "Trần Văn Tố")
	body := "Ngày 21/11/2026, Ủy ban nhân dân tỉnh Khánh Hòa đã thụ lý tố cáo đối với ông Lê Văn Bình, cán bộ địa chính.\n" +
		"Nội dung bị tố cáo: nhận tiền của người dân để làm nhanh thủ tục.\n" +
		"Đề nghị ông giải trình bằng văn bản về các nội dung bị tố cáo."
	fillPaper := func(text string) {
		head.run("write the body and the recipient", chromedp.SetValue(chromedp.CSS(`#body`), text),
			chromedp.SetValue(chromedp.CSS(`input[name="to"]`), "Ông Lê Văn Bình, cán bộ địa chính"))
		storySubmit(head, "save the draft", chromedp.Click(chromedp.CSS(`form[action$="/sua"] button`)))
	}
	fillPaper(body + "\nNgười tố cáo: ông Trần Văn Tố.")
	head.mustSee("refused", "Văn bản này không được nêu họ tên của người tố cáo")
	fillPaper(body)
	head.mustSee("saved", "Đã lưu.", "Lê Văn Bình")
	storySubmit(head, "issue it", chromedp.Click(chromedp.CSS(`form[action$="/ban-hanh"] button`)))
	head.mustSee("issued", "Số: 2/TB-UBND")
	head.mustNotSee("issued notice to the person denounced", "Trần Văn Tố", "tra-cuu?code=")

	head.open(fmt.Sprintf("/ho-so/%d/van-ban/%d", petition.ID, paper(petition, "XLD-03")))
	storySubmit(head, "issue the transfer slip", chromedp.Click(chromedp.CSS(`form[action$="/ban-hanh"] button`)))
	head.mustSee("the transfer slip", "PHIẾU CHUYỂN ĐƠN", "Số: 1/PC-UBND", "UBND phường Nha Trang", "Phạm Văn Đường", "Mẫu số 03 (TT 05/2021/TT-TTCP")
	citeShots(head, "paper-transfer-slip", "the transfer slip of a petition")

	head.open("/so-van-ban")
	head.mustSee("the register", "Sổ đăng ký văn bản đi", "1/TB-UBND", "2/TB-UBND", "1/PC-UBND", "Ông Lê Văn Bình, cán bộ địa chính",
		complaint.TrackingCode, petition.TrackingCode)
	head.mustNotSee("the register", "Trần Văn Tố", "Nguyễn Thị Lan", "Phạm Văn Đường")
	citeShots(head, "paper-register", "the register of the unit's outgoing papers")
	storyDone(head)

	handler := app.newTab(t)
	storySignIn(handler, "handler", "/ho-so")
	handler.open(fmt.Sprintf("/ho-so/%d/van-ban/%d", denounced.ID, paper(denounced, "TC-05")))
	handler.mustSee("the notice to the denouncer, closed", "bạn không được xem nội dung", "Người gửi đơn")
	handler.mustNotSee("the notice to the denouncer, closed", "Trần Văn Tố")
	storyDone(handler)

	// The notice as PDF: its fonts are in the file, and its first page is kept as a picture.
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v1/documents/%d.pdf", app.URL, paper(complaint, "KN-03")), nil)
	req.Header.Set("Authorization", "Bearer "+app.apiToken(t, "head"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF-")) ||
		!bytes.Contains(pdf, []byte("/FontFile2")) || !strings.Contains(resp.Header.Get("Content-Disposition"), "1-TB-UBND.pdf") {
		t.Fatalf("the PDF: %d %s %q, %d bytes, fonts embedded %v", resp.StatusCode, resp.Header.Get("Content-Type"),
			resp.Header.Get("Content-Disposition"), len(pdf), bytes.Contains(pdf, []byte("/FontFile2")))
	}
	file := filepath.Join(t.TempDir(), "notice.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	KeepPDFPicture(t, file, "paper-acceptance-notice-pdf")
}

// KeepPDFPicture writes the PDF's first page as a PNG beside the browser
// screenshots (poppler's pdftoppm, installed with LibreOffice).
func KeepPDFPicture(tb testing.TB, pdf, name string) {
	tb.Helper()
	dir := os.Getenv("PETITIONS_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join("..", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command("pdftoppm", "-png", "-r", "110", "-singlefile", "-f", "1", pdf, filepath.Join(dir, name)).CombinedOutput()
	if err != nil {
		tb.Fatalf("pdftoppm: %v\n%s", err, out)
	}
}
