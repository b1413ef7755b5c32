package store_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// accepted registers a letter, assigns it and accepts it, as the head.
func (w *world) accepted(k workflow.Kind) store.Case {
	w.tb.Helper()
	w.user("handler")
	round := 0
	if k == workflow.Complaint {
		round = 1
	}
	return w.acts(w.register("reception", letter(k, round, "2026-11-02")), ev(workflow.EvAssign, "2026-11-02"), ev(workflow.EvAccept, "2026-11-04"))
}

// papers are the case's papers as login opens each of them.
func (w *world) papers(login string, c store.Case) []store.Document {
	w.tb.Helper()
	list, err := w.s.CaseDocuments(w.ctx, workflow.Viewer{}, c)
	if err != nil {
		w.tb.Fatal(err)
	}
	out := make([]store.Document, len(list))
	for i, d := range list {
		if out[i], err = w.s.CaseDocument(w.ctx, w.viewer(login), c, d.ID, "test"); err != nil {
			w.tb.Fatal(err)
		}
	}
	return out
}

// byTemplate is the paper of that template among ds.
func byTemplate(tb testing.TB, ds []store.Document, template string) store.Document {
	tb.Helper()
	for _, d := range ds {
		if d.Template == template {
			return d
		}
	}
	tb.Fatalf("no %s among %v", template, templatesOf(ds))
	return store.Document{}
}

func templatesOf(ds []store.Document) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Template)
	}
	return out
}

// Accepting drafts the papers of the acceptance in the act's transaction;
// the notice to a denouncer is sealed at rest and opened only for those who
// may see them.
func TestAcceptingDraftsItsPapers(t *testing.T) {
	w := mustWorld(t)
	complaint := w.accepted(workflow.Complaint)
	ds := w.papers("head", complaint)
	if got := templatesOf(ds); !slices.Equal(got, []string{"XLD-01", "KN-03"}) {
		t.Fatalf("a complaint's assignment and acceptance drafted %v", got)
	}
	if d := ds[1]; d.State != store.DocDraft || d.Number != "" || !strings.Contains(strings.Join(d.Paper.Body, " "), "Nguyễn Văn An") {
		t.Errorf("the acceptance notice: %+v", d)
	}

	denunciation := w.accepted(workflow.Denunciation)
	ds = w.papers("head", denunciation)
	if got := templatesOf(ds); !slices.Equal(got, []string{"XLD-01", "TC-04", "TC-05", "TC-06"}) {
		t.Fatalf("a denunciation's assignment and acceptance drafted %v", got)
	}
	for _, d := range ds {
		named := strings.Contains(d.Paper.Text(), "Nguyễn Văn An")
		if named != (d.Template == "TC-05") || d.Sealed != (d.Template == "TC-05") {
			t.Errorf("%s: names the denouncer %v, sealed %v", d.Template, named, d.Sealed)
		}
	}
	for _, login := range []string{"handler", "supervisor"} {
		for _, d := range w.papers(login, denunciation) {
			if d.Hidden != (d.Template == "TC-05") || strings.Contains(d.Paper.Text(), "Nguyễn Văn An") {
				t.Errorf("%s reads %s: hidden %v, text %q", login, d.Template, d.Hidden, d.Paper.Text())
			}
		}
	}
	// An administrator reads neither a complaint's papers, which name the
	// complainant, nor the notice to a denouncer (DOMAIN.md §4).
	for _, d := range w.papers("admin", complaint) {
		if !d.Hidden || strings.Contains(d.Paper.Text(), "Nguyễn Văn An") {
			t.Errorf("the admin reads %s: hidden %v, %q", d.Template, d.Hidden, d.Paper.Text())
		}
	}
	db := storetest.Raw(t, w.dsn)
	var reads []string
	if err := db.Select(&reads, db.Rebind(`SELECT purpose FROM identity_reads WHERE case_id = ?`), denunciation.ID); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(reads, []string{"test"}) { // the head opened TC-05; the others opened no identity
		t.Errorf("reads of the denouncer recorded: %v", reads)
	}
	var stored []string
	if err := db.Select(&stored, db.Rebind(`SELECT paper FROM documents WHERE case_id = ?`), denunciation.ID); err != nil {
		t.Fatal(err)
	}
	for _, p := range stored {
		if strings.Contains(p, "Nguyễn") || strings.Contains(p, "Trần Phú") {
			t.Errorf("a stored paper names the denouncer: %.80s…", p)
		}
	}
}

// The head issues a draft with the unit's next number for the year and kind;
// an issued paper is frozen, even to a statement that bypasses the store.
func TestIssuingNumbersAndFreezes(t *testing.T) {
	w := mustWorld(t)
	head, hv := w.user("head"), w.viewer("head")
	issue := func(c store.Case, d store.Document) store.Document {
		t.Helper()
		got, err := w.s.IssueDocument(w.ctx, head, hv, c, d.ID)
		if err != nil {
			t.Fatalf("issue %s: %v", d.Template, err)
		}
		return got
	}
	a, b := w.accepted(workflow.Complaint), w.accepted(workflow.Complaint)
	first, second := issue(a, byTemplate(t, w.papers("head", a), "KN-03")), issue(b, byTemplate(t, w.papers("head", b), "KN-03"))
	if first.Number != "1/TB-UBND" || second.Number != "2/TB-UBND" || first.State != store.DocIssued || first.IssuedBy != "head" {
		t.Errorf("numbers %q, %q; state %s by %s", first.Number, second.Number, first.State, first.IssuedBy)
	}
	if _, err := w.s.IssueDocument(w.ctx, head, hv, a, first.ID); !isCode(err, workflow.CodeConflict) {
		t.Errorf("issued twice: %v", err)
	}
	if _, err := w.s.EditDocument(w.ctx, head, hv, a, first.ID, store.DocumentEdit{Body: []string{"Sửa"}}); !isCode(err, workflow.CodeConflict) {
		t.Errorf("an issued paper edited: %v", err)
	}
	if _, err := w.s.IssueDocument(w.ctx, w.user("handler"), w.viewer("handler"), a, first.ID); !isCode(err, workflow.CodeForbidden) {
		t.Errorf("a handler issued: %v", err)
	}
	db := storetest.Raw(t, w.dsn)
	if _, err := db.Exec(db.Rebind(`UPDATE documents SET paper = '{}' WHERE id = ?`), first.ID); err == nil {
		t.Error("the database let an issued paper change")
	}

	// A denunciation's decision to accept has blanks the officer writes in.
	d := w.accepted(workflow.Denunciation)
	decision := byTemplate(t, w.papers("head", d), "TC-04")
	if _, err := w.s.IssueDocument(w.ctx, head, hv, d, decision.ID); !isCode(err, workflow.CodeInvalid) ||
		!strings.Contains(err.Error(), "người bị tố cáo") {
		t.Errorf("issued with blanks: %v", err)
	}
	body := fillBlanks(decision.Paper.Body)
	names := fillBlanks(addressees(decision))
	if _, err := w.s.EditDocument(w.ctx, head, hv, d, decision.ID, store.DocumentEdit{Body: body, To: names}); err != nil {
		t.Fatal(err)
	}
	if got := issue(d, decision); got.Number != "1/QĐ-UBND" {
		t.Errorf("the first decision of the year: %q", got.Number)
	}

	// A correction replaces the paper it corrects once issued.
	fix, err := w.s.ReplaceDocument(w.ctx, head, hv, a, first.ID)
	if err != nil || fix.State != store.DocDraft || fix.ReplacesID != first.ID {
		t.Fatalf("replace: %+v, %v", fix, err)
	}
	if got := issue(a, fix); got.Number != "3/TB-UBND" {
		t.Errorf("the correction: %q", got.Number)
	}
	if d := byTemplate(t, w.papers("head", a), "KN-03"); d.State != store.DocReplaced {
		t.Errorf("the corrected paper is %s", d.State)
	}
}

func fillBlanks(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.NewReplacer("[cần ghi: ", "(", "]", ")").Replace(l)
		if out[i] != l {
			out[i] = "Ông Trần Văn Bình, cán bộ địa chính xã"
		}
	}
	return out
}

func addressees(d store.Document) []string {
	var out []string
	for _, r := range d.Recipients {
		out = append(out, r.Name)
	}
	return out
}

func isCode(err error, code workflow.Code) bool {
	var we *workflow.Error
	return errors.As(err, &we) && we.Code == code
}

// The notice to the person denounced may not be edited to name the denouncer.
func TestDenouncedNoticeRefusesTheDenouncer(t *testing.T) {
	w := mustWorld(t)
	d := w.accepted(workflow.Denunciation)
	notice := byTemplate(t, w.papers("head", d), "TC-06")
	for _, line := range []string{"Người tố cáo là ông NGUYEN VAN AN.", "Liên hệ 0905 000 111.", "Địa chỉ 5 Trần Phú, Nha Trang."} {
		body := append(slices.Clone(notice.Paper.Body), line)
		_, err := w.s.EditDocument(w.ctx, w.user("head"), w.viewer("head"), d, notice.ID, store.DocumentEdit{Body: body})
		if !isCode(err, workflow.CodePersonalData) {
			t.Errorf("%q written into the notice to the person denounced: %v", line, err)
		}
	}
}

// Thirty-two issues at once, from as many cases, take the numbers 1 to 32
// of the unit's year: none twice, none skipped. Each of a second round of
// papers is issued twice at once: one wins, and the loser takes no number.
func TestIssuingAtOnceLeavesNoGap(t *testing.T) {
	w := mustWorld(t)
	head, hv := w.user("head"), w.viewer("head")
	type draft struct {
		c store.Case
		d store.Document
	}
	var drafts []draft
	for range 32 {
		c := w.accepted(workflow.Complaint)
		drafts = append(drafts, draft{c, byTemplate(t, w.papers("head", c), "KN-03")})
	}
	numbers := make([]string, len(drafts)*2)
	var wg sync.WaitGroup
	for i, d := range drafts {
		for j := range 2 {
			wg.Go(func() {
				if j == 1 && i%2 == 0 {
					return // half the papers are issued once, half twice at once
				}
				got, err := w.s.IssueDocument(w.ctx, head, hv, d.c, d.d.ID)
				switch {
				case err == nil:
					numbers[2*i+j] = got.Number
				case !isCode(err, workflow.CodeConflict):
					t.Errorf("issue %d: %v", d.d.ID, err)
				}
			})
		}
	}
	wg.Wait()
	var got []string
	for _, n := range numbers {
		if n != "" {
			got = append(got, n)
		}
	}
	slices.Sort(got)
	var want []string
	for n := 1; n <= 32; n++ {
		want = append(want, fmt.Sprintf("%d/TB-UBND", n))
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("numbers given: %v", got)
	}
}

// Sending is recorded once per recipient, from the day of issue on; the
// register lists the unit's issued papers without a denouncer's name.
func TestSendingAndTheRegister(t *testing.T) {
	w := mustWorld(t)
	head, hv := w.user("head"), w.viewer("head")
	d := w.accepted(workflow.Denunciation)
	notice := byTemplate(t, w.papers("head", d), "TC-05") // to the denouncer
	issued, err := w.s.IssueDocument(w.ctx, head, hv, d, notice.ID)
	if err != nil {
		t.Fatal(err)
	}
	sent, err := w.s.SendDocument(w.ctx, head, hv, d, issued.ID, 0, workflow.Date{})
	if err != nil || sent.Recipients[0].SentOn.IsZero() {
		t.Fatalf("send: %+v, %v", sent.Recipients, err)
	}
	if _, err := w.s.SendDocument(w.ctx, head, hv, d, issued.ID, 0, workflow.Date{}); !isCode(err, workflow.CodeConflict) {
		t.Errorf("sent twice: %v", err)
	}
	// The notice reached the denouncer, the one who must have it: the notification is done (LTC 2018 Art. 29(3)).
	hs := w.history(d.ID)
	if last := hs[len(hs)-1]; last.Event != string(workflow.EvNotify) || last.Actor != "head" {
		t.Errorf("after the notice was sent, the last act is %s by %s, want notify by head", last.Event, last.Actor)
	}
	for _, k := range w.reload(d).RunningClocks() {
		if k.Name == workflow.ClockNotification {
			t.Errorf("the notification clock still runs after the notice reached the denouncer")
		}
	}
	if _, err := w.s.SendDocument(w.ctx, head, hv, d, issued.ID, 9, workflow.Date{}); !isCode(err, workflow.CodeInvalid) {
		t.Errorf("a recipient it does not have: %v", err)
	}
	if _, err := w.s.SendDocument(w.ctx, w.user("handler"), w.viewer("handler"), d, issued.ID, 1, workflow.Date{}); !isCode(err, workflow.CodeIdentityForbidden) {
		t.Errorf("a handler sent the denouncer's notice: %v", err)
	}
	entries, err := w.s.Register(w.ctx, w.unitID("KH-UBND"), issued.IssuedOn.Year())
	if err != nil || len(entries) != 1 || entries[0].Number != "1/TB-UBND" || entries[0].TrackingCode != d.TrackingCode {
		t.Fatalf("register: %+v, %v", entries, err)
	}
	if strings.Contains(strings.Join(entries[0].Recipients, " "), "Nguyễn") {
		t.Errorf("the register names the denouncer: %v", entries[0].Recipients)
	}
}
