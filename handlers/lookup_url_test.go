package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"petitions/workflow"
)

// Issue 19: a unit publishes its own look-up page (its portal's), set on the
// settings page; the receipt's QR code and address then lead there with the
// tracking code. An address with a query, or not http(s), is refused by field.
func TestTheUnitsLookUpPageOnItsReceipts(t *testing.T) {
	app := mustServeWeb(t)
	admin := app.newBrowser(t, "admin")
	set := func(address string) (*http.Response, string) {
		return admin.post("/cai-dat", url.Values{"csrf": {admin.csrf("/cai-dat?unit=KH-UBND")}, "unit": {"KH-UBND"},
			"effective_from": {app.Store.Today().String()}, "petition_days": {"30"}, "doc_symbol": {"UBND"}, "lookup_url": {address}})
	}
	for _, bad := range []string{"tiepcongdan.khanhhoa.gov.vn", "https://x.gov.vn/tra-cuu?a=1", "javascript:alert(1)"} {
		if res, body := set(bad); res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "Địa chỉ trang tra cứu phải là") {
			t.Errorf("%q: %d", bad, res.StatusCode)
		}
	}
	const portal = "https://tiepcongdan.khanhhoa.gov.vn/tra-cuu"
	if res, _ := set(portal); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("set the portal: %d", res.StatusCode)
	}
	if _, body := admin.get("/cai-dat?unit=KH-UBND"); !strings.Contains(body, portal) {
		t.Error("the settings page does not show the address in force")
	}
	cs := qcCase(t, app, "reception", workflow.Petition, app.Store.Today().String(), "Kiến nghị lắp đèn đường", "Trần Văn Đèn")
	_, receipt := app.newBrowser(t, "reception").get(fmt.Sprintf("/bien-nhan/%d", cs.ID))
	if want := portal + "?code=" + cs.TrackingCode; !strings.Contains(receipt, want) {
		t.Errorf("the receipt does not lead to %s", want)
	}
}
