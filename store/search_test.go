package store_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// TestSearchAsPeopleType (issue 15 §2): a search finds "bồi thường" however
// it is typed, its words in any order, a tracking code with or without its
// dash, and an ID or phone number exactly through the keyed hashes, never
// beyond the viewer's scope.
func TestSearchAsPeopleType(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Complaint, 1, "2026-11-20")
	nc.Subject, nc.Content = "Khiếu nại về BỒI THƯỜNG giải phóng mặt bằng", "Đường vào nhà bị thu hẹp."
	nc.Petitioner.IDNumber, nc.Petitioner.Phone = "079123456789", "0912 345 678"
	agency := w.register("reception", nc)
	other := letter(workflow.Petition, 0, "2026-11-20")
	other.Subject, other.Content = "Đề nghị sửa cầu", "Cầu hỏng."
	other.Petitioner.IDNumber, other.Petitioner.Phone = "079000000001", "0987000111"
	w.register("reception", other)
	commune := letter(workflow.Petition, 0, "2026-11-20")
	commune.Subject, commune.Content = "Đề nghị về bồi thường", "Nhà ở phường."
	commune.Petitioner.IDNumber, commune.Petitioner.Phone = "079123456789", "0912345678"
	nt := w.register("reception.nt", commune)

	search := func(login, q string) []int64 {
		t.Helper()
		items, _, err := w.s.ListCases(w.ctx, w.viewer(login), store.CaseFilter{Query: q})
		if err != nil {
			t.Fatalf("search %q as %s: %v", q, login, err)
		}
		var ids []int64
		for _, c := range items {
			ids = append(ids, c.ID)
		}
		return ids
	}
	for _, q := range []string{"bồi thường", "boi thuong", "BOI THUONG", "BỒI THƯỜNG", norm.NFD.String("bồi thường"),
		"Bồi  Thường,", "thuong boi", "giai phong boi", "duong", "ĐƯỜNG", "đường vào", "vao duong nha",
		agency.TrackingCode, strings.ToLower(agency.TrackingCode), strings.ReplaceAll(agency.TrackingCode, "-", ""),
		strings.ReplaceAll(agency.TrackingCode, "-", "")[:9], agency.TrackingCode[:8],
		"079123456789", "0912345678", "0912 345 678", "+84 912 345 678", "0912.345.678"} {
		if got := search("reception", q); len(got) != 1 || got[0] != agency.ID {
			t.Errorf("reception's search %q found %v, want case %d only", q, got, agency.ID)
		}
	}
	for _, q := range []string{"boi thuong cau", "xom", "0912345679", "07912345678", "79123456789"} {
		if got := search("reception", q); len(got) != 0 {
			t.Errorf("reception's search %q found %v, want none", q, got)
		}
	}
	// The commune's officer reads only the commune's case, whoever else wrote with that ID number.
	for _, q := range []string{"079123456789", "0912345678", "boi thuong"} {
		if got := search("reception.nt", q); len(got) != 1 || got[0] != nt.ID {
			t.Errorf("the commune's search %q found %v, want its own case %d only", q, got, nt.ID)
		}
	}
	// The agency's head reads both.
	if got := search("head", "079123456789"); len(got) != 2 {
		t.Errorf("the head's search by ID number found %v, want both cases", got)
	}
}

// TestRegisterSearchAsPeopleType: the public register folds too, and searches
// only the published text and the code, never the letter.
func TestRegisterSearchAsPeopleType(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Denunciation, 0, "2026-10-05")
	nc.Subject = "Tố cáo cán bộ bí mật"
	c := w.register("reception", nc)
	c = w.act("head", c, workflow.Input{Event: workflow.EvAssign, On: workflow.MustDate("2026-10-06"), Assignee: w.user("handler").Login})
	c = w.act("head", c, workflow.Input{Event: workflow.EvAccept, On: workflow.MustDate("2026-10-06")})
	c = w.act("head", c, workflow.Input{Event: workflow.EvResolve, On: workflow.MustDate("2026-10-06"), Outcome: workflow.PartlyCorrect, Summary: "Đúng một phần"})
	c = w.act("head", c, workflow.Input{Event: workflow.EvDisclose, On: workflow.MustDate("2026-10-06"), Channel: "website",
		Text: "Kết luận: tố cáo cán bộ địa chính phường Vĩnh Hải đúng một phần."})
	for q, want := range map[string]bool{
		"dia chinh vinh hai": true, "VĨNH HẢI địa chính": true, norm.NFD.String("Vĩnh Hải"): true,
		c.TrackingCode: true, strings.ReplaceAll(c.TrackingCode, "-", ""): true, strings.ToLower(c.TrackingCode[:8]): true,
		"bi mat": false, "056078001234": false, "vinh hai xom": false,
	} {
		page, err := w.s.Disclosures(w.ctx, store.DisclosureFilter{Query: q, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		ds := page.Items
		if got := len(ds) == 1 && ds[0].TrackingCode == c.TrackingCode; got != want || len(ds) > 1 {
			t.Errorf("register search %q: %d found (the case: %v), want the case: %v", q, len(ds), got, want)
		}
	}
}

// TestSearchBackfill: cases stored before migration 00013 (search_fold,
// public_fold and phone_hash empty) are folded and hashed by the next Open,
// and found as new cases are.
func TestSearchBackfill(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Petition, 0, "2026-11-20")
	nc.Subject, nc.Petitioner.Phone = "Đề nghị làm đường", "0912345678"
	c := w.register("reception", nc)
	w.s.Close()
	db := storetest.Raw(t, w.dsn)
	mustExec(t, db, `UPDATE cases SET search_fold = '', public_fold = ''`)
	mustExec(t, db, `UPDATE petitioners SET phone_hash = ''`)
	if !storetest.Postgres() {
		mustExec(t, db, `DELETE FROM case_words`) // as migration 00014 leaves it
	}
	s, err := store.Open(w.ctx, w.dsn, store.WithKey(storetest.Key))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v, err := s.Viewer(w.ctx, w.user("reception"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"lam duong", "0912345678", strings.ReplaceAll(c.TrackingCode, "-", "")[:8]} {
		items, _, err := s.ListCases(w.ctx, v, store.CaseFilter{Query: q})
		if err != nil || len(items) != 1 || items[0].ID != c.ID {
			t.Errorf("after the back-fill, search %q found %d cases, %v; want case %d", q, len(items), err, c.ID)
		}
	}
	var empty int
	if err := db.Get(&empty, `SELECT COUNT(*) FROM cases WHERE search_fold = ''`); err != nil || empty != 0 {
		t.Errorf("%d cases left unfolded, %v", empty, err)
	}
}

// TestSearchByIDNumberKeepsADenouncerSecret: an ID or phone number finds a
// denunciation only for those who may see its denouncer (the head of its unit
// and the officer who registered it), or the search would tell who denounced.
// Everyone who reads the case still finds it by its words.
func TestSearchByIDNumberKeepsADenouncerSecret(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Denunciation, 0, "2026-11-20")
	nc.Subject = "Tố cáo cán bộ thu tiền sai"
	nc.Petitioner.IDNumber, nc.Petitioner.Phone = "079555666777", "0977888999"
	c := w.register("reception", nc)
	w.act("head", c, workflow.Input{Event: workflow.EvAssign, On: workflow.MustDate("2026-11-20"), Assignee: w.user("handler").Login})
	for login, byNumber := range map[string]bool{"reception": true, "head": true, "handler": false, "reception2": false,
		"head.kh": false, "supervisor": false, "admin": false} {
		for _, q := range []string{"079555666777", "0977 888 999", "thu tien sai"} {
			items, _, err := w.s.ListCases(w.ctx, w.viewer(login), store.CaseFilter{Query: q})
			if err != nil {
				t.Fatalf("%s searching %q: %v", login, q, err)
			}
			want := byNumber || q == "thu tien sai"
			if found := len(items) == 1 && items[0].ID == c.ID; found != want {
				t.Errorf("%s searching %q found the denunciation: %v, want %v", login, q, found, want)
			}
		}
	}
}

// TestSearchAfterACorrection: a corrected subject and phone number are what
// the search finds, and the old ones no longer.
func TestSearchAfterACorrection(t *testing.T) {
	w := mustWorld(t)
	c := w.register("reception", letter(workflow.Petition, 0, "2026-11-20"))
	subject, phone := "Đề nghị nạo vét kênh mương", "0933 111 222"
	_, _, err := w.s.Correct(w.ctx, w.user("reception"), w.viewer("reception"), c, c.Version, store.Correction{
		On: workflow.MustDate("2026-11-20"), Reason: "Nhập nhầm", Subject: &subject,
		Petitioner: store.PetitionerPatch{Phone: &phone}}, "")
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]bool{"nao vet kenh": true, "0933111222": true, "thu hoi dat": false, "0905000111": false} {
		items, _, err := w.s.ListCases(w.ctx, w.viewer("reception"), store.CaseFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if found := len(items) == 1 && items[0].ID == c.ID; found != want {
			t.Errorf("after the correction, search %q found the case: %v, want %v", q, found, want)
		}
	}
}

// TestSearchMatchesTheStartOfWords: each query word must begin a word of the
// text (README: "Searching"), so that an index of words can answer; a part
// from inside a word finds nothing.
func TestSearchMatchesTheStartOfWords(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Complaint, 1, "2026-11-20")
	nc.Subject, nc.Content = "Khiếu nại về bồi thường", "Đường vào nhà bị thu hẹp."
	c := w.register("reception", nc)
	for q, want := range map[string]bool{"thuo": true, "boi thu": true, "đườ": true, "huong": false, "uong": false,
		"ai": false, strings.ReplaceAll(c.TrackingCode, "-", "")[2:9]: false, c.TrackingCode[5:10]: true} {
		items, _, err := w.s.ListCases(w.ctx, w.viewer("reception"), store.CaseFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if found := len(items) == 1 && items[0].ID == c.ID; found != want {
			t.Errorf("search %q found the case: %v, want %v", q, found, want)
		}
	}
}

// TestWordIndexAgreesWithTheQueueWalk: a search answers the same, page by
// page, whether its words are looked up in the word index (rare) or read off
// the queue (common).
func TestWordIndexAgreesWithTheQueueWalk(t *testing.T) {
	w := mustWorld(t)
	texts := []string{"Bồi thường đất ở", "Thu hồi đất nông nghiệp", "Đường làng hỏng", "Bồi thường chậm",
		"Đất đai tranh chấp", "Trợ cấp bồi dưỡng", "Ô nhiễm nước", "Bồi thường đất vườn"}
	for i, text := range texts {
		nc := letter(workflow.Petition, 0, "2026-11-"+strconv.Itoa(10+i))
		nc.Subject, nc.Content = text, "Nội dung."
		w.register("reception", nc)
	}
	pages := func(q string, sort store.CaseSort) []int64 {
		t.Helper()
		var ids []int64
		f := store.CaseFilter{Query: q, Sort: sort, Limit: 2}
		for {
			items, next, err := w.s.ListCases(w.ctx, w.viewer("head"), f)
			if err != nil {
				t.Fatalf("search %q: %v", q, err)
			}
			for _, c := range items {
				ids = append(ids, c.ID)
			}
			if f.Cursor = next; next == "" {
				return ids
			}
		}
	}
	for _, q := range []string{"boi", "boi thuong", "dat", "thuong dat", "d", "nong nghiep", "xyz", "noi dung"} {
		for _, sort := range store.CaseSorts {
			rare := pages(q, sort)
			store.SetRareWord(t, 0)
			common := pages(q, sort)
			store.SetRareWord(t, 2000)
			if !slices.Equal(rare, common) {
				t.Errorf("search %q by %s: the word index found %v, the queue %v", q, sort, rare, common)
			}
		}
	}
}
