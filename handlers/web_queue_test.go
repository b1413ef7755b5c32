package handlers

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// qcRows are the case ids of the queue's rows, in order.
func qcRows(body string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`data-case="(\d+)"`).FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// qcLink is the address of the queue's link labelled label, "" if none.
func qcLink(body, label string) string {
	m := regexp.MustCompile(`href="(/ho-so[^"]*)"[^>]*>` + regexp.QuoteMeta(label) + `<`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

func TestQueuePageShowsUnitTotalAndPagesBothWays(t *testing.T) {
	app := mustServeWeb(t)
	for i := 0; i < 105; i++ {
		qcCase(t, app, "reception", workflow.Petition, "2026-11-02", fmt.Sprintf("Kiến nghị số %03d", i), "Người gửi")
	}
	qcCase(t, app, "reception.nt", workflow.Petition, "2026-11-02", "Kiến nghị của phường", "Người gửi")
	head := app.newBrowser(t, "head")

	_, p1 := head.get("/ho-so")
	for _, want := range []string{`<th scope="col">Đơn vị</th>`, `<td class="unit">UBND tỉnh Khánh Hòa</td>`,
		"<strong>105 hồ sơ</strong> · 50 hồ sơ trên trang này"} {
		qcIndex(t, p1, want)
	}
	if strings.Contains(p1, "Kiến nghị của phường") || qcLink(p1, "Trang trước") != "" || qcLink(p1, "Trang đầu") != "" {
		t.Error("the head's first page should hold their own unit's cases, with no way back")
	}
	next := qcLink(p1, "Trang sau")
	_, p2 := head.get(next)
	_, p3 := head.get(qcLink(p2, "Trang sau"))
	if len(qcRows(p1)) != 50 || len(qcRows(p2)) != 50 || len(qcRows(p3)) != 5 || qcLink(p3, "Trang sau") != "" {
		t.Fatalf("pages of %d, %d and %d rows; want 50, 50 and 5, the last without a next page",
			len(qcRows(p1)), len(qcRows(p2)), len(qcRows(p3)))
	}
	seen := map[string]bool{}
	for _, id := range slices.Concat(qcRows(p1), qcRows(p2), qcRows(p3)) {
		if seen[id] {
			t.Fatalf("case %s on two pages", id)
		}
		seen[id] = true
	}
	if !strings.Contains(p3, "<strong>105 hồ sơ</strong> · 5 hồ sơ trên trang này") {
		t.Error("the last page should count the whole view and its own rows")
	}
	if qcLink(p2, "Trang trước") != "/ho-so" || qcLink(p2, "Trang đầu") != "" {
		t.Errorf("page 2 goes back to %q; want the first page, once", qcLink(p2, "Trang trước"))
	}
	if qcLink(p3, "Trang đầu") != "/ho-so" {
		t.Errorf("page 3's first page is %q", qcLink(p3, "Trang đầu"))
	}
	_, back := head.get(qcLink(p3, "Trang trước"))
	if !slices.Equal(qcRows(back), qcRows(p2)) {
		t.Error("page 3's previous page is not page 2")
	}
	_, back = head.get(qcLink(back, "Trang trước"))
	if !slices.Equal(qcRows(back), qcRows(p1)) {
		t.Error("page 2, reached backwards, does not go back to page 1")
	}
	if qcLink(back, "Trang sau") != next {
		t.Error("page 1, reached backwards, should link to page 2 as before")
	}
}

func TestQueueSortsByDueReceivedOrUnit(t *testing.T) {
	app := mustServeWeb(t)
	// A petition has 10 working days to be processed, a complaint 7 to be accepted.
	old := qcCase(t, app, "reception", workflow.Petition, "2026-11-02", "Kiến nghị cũ", "Người A")
	newer := qcCase(t, app, "reception", workflow.Complaint, "2026-11-04", "Khiếu nại mới hơn", "Người B")
	nt := qcCase(t, app, "reception.nt", workflow.Petition, "2026-11-03", "Kiến nghị ở phường", "Người C")
	ids := func(cs ...store.Case) []string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprint(c.ID))
		}
		return out
	}
	head := app.newBrowser(t, "head")
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"unit=KH-UBND", ids(newer, old, nt)}, // due 13/11, 16/11, 17/11
		{"unit=KH-UBND&sort=due", ids(newer, old, nt)},
		{"unit=KH-UBND&sort=received", ids(old, nt, newer)},
		{"unit=KH-UBND&sort=unit", ids(newer, old, nt)}, // the agency's cases, then the commune's
	} {
		res, body := head.get("/ho-so?" + tc.query)
		if res.StatusCode != http.StatusOK || !slices.Equal(qcRows(body), tc.want) {
			t.Errorf("%s: status %d, rows %v; want %v", tc.query, res.StatusCode, qcRows(body), tc.want)
		}
	}
	_, body := head.get("/ho-so?sort=received")
	qcIndex(t, body, `<option value="received" selected>Ngày nhận đơn</option>`)
	res, body := head.get("/ho-so?sort=subject")
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Thứ tự sắp xếp không hợp lệ.") {
		t.Errorf("an unknown sort: status %d; want 400 with a message next to the field", res.StatusCode)
	}
}

func TestQueueOpensOnWhatTheViewerMayActOn(t *testing.T) {
	app := mustServeWeb(t)
	own := qcCase(t, app, "reception", workflow.Petition, "2026-11-20", "Kiến nghị của tỉnh", "Người A")
	below := qcCase(t, app, "reception.nt", workflow.Petition, "2026-11-20", "Kiến nghị của phường", "Người B")
	head := app.newBrowser(t, "head")

	t.Run("HeadOpensOnTheirOwnUnit", func(t *testing.T) {
		_, body := head.get("/ho-so")
		if !slices.Equal(qcRows(body), []string{fmt.Sprint(own.ID)}) {
			t.Errorf("the head's queue holds %v; want only their unit's case %d", qcRows(body), own.ID)
		}
		qcIndex(t, body, `<a href="/ho-so" aria-current="page">Đơn vị của tôi</a>`)
		qcIndex(t, body, `<a href="/ho-so?scope=below">Đơn vị cấp dưới</a>`)
		if strings.Contains(body, "chỉ xem") || !strings.Contains(body, fmt.Sprintf(`id="pick-%d"`, own.ID)) {
			t.Error("the head's own case should be pickable, not read only")
		}
	})
	t.Run("UnitsBelowAreASecondTabReadOnly", func(t *testing.T) {
		_, body := head.get("/ho-so?scope=below")
		if !slices.Equal(qcRows(body), []string{fmt.Sprint(below.ID)}) {
			t.Errorf("the units-below tab holds %v; want %d", qcRows(body), below.ID)
		}
		qcIndex(t, body, `aria-current="page">Đơn vị cấp dưới</a>`)
		qcIndex(t, body, `<input type="hidden" name="scope" value="below">`)
		if !strings.Contains(body, `class="badge readonly"`) || !strings.Contains(body, ">chỉ xem</span>") {
			t.Error("a case the head may not act on should say 'chỉ xem'")
		}
	})
	t.Run("AMixedViewMarksEachRow", func(t *testing.T) {
		_, body := head.get("/ho-so?unit=KH-UBND")
		row := func(id int64) string {
			i := qcIndex(t, body, fmt.Sprintf(`data-case="%d"`, id))
			return body[i : i+strings.Index(body[i:], "</tr>")]
		}
		if r := row(own.ID); !strings.Contains(r, `type="checkbox"`) || strings.Contains(r, "chỉ xem") {
			t.Errorf("own unit's row: %s", r)
		}
		if r := row(below.ID); strings.Contains(r, `type="checkbox"`) || !strings.Contains(r, "chỉ xem") {
			t.Errorf("the commune's row: %s", r)
		}
		if strings.Contains(body, `aria-current="page"`+">Đơn vị") {
			t.Error("a picked unit is neither tab")
		}
	})
	t.Run("ReceptionFiltersOnlyItsOwnUnit", func(t *testing.T) {
		rc := app.newBrowser(t, "reception")
		_, body := rc.get("/ho-so")
		if strings.Contains(body, `<option value="KH-NT"`) || strings.Contains(body, `id="f-unit"`) || strings.Contains(body, "Đơn vị cấp dưới") {
			t.Error("reception is offered units it may not read")
		}
		if !slices.Equal(qcRows(body), []string{fmt.Sprint(own.ID)}) || strings.Contains(body, "chỉ xem") {
			t.Errorf("reception's queue holds %v; want its unit's case, which it acts on", qcRows(body))
		}
		if res, _ := rc.get("/ho-so?unit=KH-NT"); res.StatusCode != http.StatusBadRequest {
			t.Errorf("reception filtering the commune: status %d, want 400", res.StatusCode)
		}
	})
	t.Run("SupervisorReadsOnly", func(t *testing.T) {
		_, body := app.newBrowser(t, "supervisor").get("/ho-so")
		if len(qcRows(body)) != 2 || strings.Count(body, ">chỉ xem</span>") != 2 {
			t.Errorf("the supervisor's queue: %d rows, %d marked read only; want 2 and 2", len(qcRows(body)), strings.Count(body, ">chỉ xem</span>"))
		}
	})
}

func TestCaseListAPISorts(t *testing.T) {
	app := mustServeWeb(t)
	old := qcCase(t, app, "reception", workflow.Petition, "2026-11-02", "Kiến nghị cũ", "Người A")
	newer := qcCase(t, app, "reception", workflow.Complaint, "2026-11-04", "Khiếu nại mới hơn", "Người B")
	nt := qcCase(t, app, "reception.nt", workflow.Petition, "2026-11-03", "Kiến nghị ở phường", "Người C")
	token := app.apiToken(t, "head")
	get := func(query string) (int, []int64, string, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, app.URL+"/api/v1/cases?"+query, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out struct {
			Items []struct {
				ID   int64 `json:"id"`
				Unit struct {
					Code string `json:"code"`
				} `json:"unit"`
			} `json:"items"`
			Next  *string `json:"next_cursor"`
			Error struct {
				Field string `json:"field"`
			} `json:"error"`
		}
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, it := range out.Items {
			ids = append(ids, it.ID)
		}
		next := ""
		if out.Next != nil {
			next = *out.Next
		}
		return res.StatusCode, ids, next, out.Error.Field
	}
	for _, tc := range []struct {
		sort string
		want []int64
	}{
		{"", []int64{newer.ID, old.ID, nt.ID}},
		{"due", []int64{newer.ID, old.ID, nt.ID}},
		{"received", []int64{old.ID, nt.ID, newer.ID}},
		{"unit", []int64{newer.ID, old.ID, nt.ID}},
	} {
		var got []int64
		cursor := ""
		for page := 0; page < 5; page++ {
			status, ids, next, _ := get("sort=" + tc.sort + "&limit=1&cursor=" + cursor)
			if status != http.StatusOK {
				t.Fatalf("sort=%s: status %d", tc.sort, status)
			}
			got = append(got, ids...)
			if cursor = next; cursor == "" {
				break
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("sort=%s, one by one: %v, want %v", tc.sort, got, tc.want)
		}
	}
	if status, _, _, field := get("sort=subject"); status != http.StatusBadRequest || field != "sort" {
		t.Errorf("an unknown sort: status %d, field %q; want 400 on sort", status, field)
	}
	_, _, cursor, _ := get("sort=received&limit=1")
	if status, _, _, field := get("sort=due&cursor=" + cursor); status != http.StatusBadRequest || field != "cursor" {
		t.Errorf("a cursor of another sort: status %d, field %q; want 400 on cursor", status, field)
	}
}
