package store_test

import (
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// A visit's refusal notice (Mẫu 01/TCD) and receipt (02/TCD) are numbered
// from the unit's counters, as its other papers are, once each, and listed
// in its register.
func TestVisitPapersAreNumbered(t *testing.T) {
	w := mustWorld(t)
	d := workflow.MustDate
	head, hv := w.user("head"), w.viewer("head")
	// A case's notice first: the refusal notice is the unit's next TB.
	c := w.accepted(workflow.Complaint)
	if _, err := w.s.IssueDocument(w.ctx, head, hv, c, byTemplate(t, w.papers("head", c), "KN-03").ID); err != nil {
		t.Fatal(err)
	}
	refused, err := w.s.RecordVisit(w.ctx, w.user("reception"), store.NewVisit{Unit: "KH-UBND", VisitedOn: d("2026-11-24"),
		Kind: workflow.Petition, Visitor: store.Visitor{Petitioner: store.Petitioner{Name: "Hồ Văn Đến"}}, Content: "Kiến nghị sửa cầu",
		Outcome: workflow.VisitRefused, RefusalCode: "TCD-4G", Documents: "Đơn kiến nghị\nẢnh chụp cây cầu"})
	if err != nil {
		t.Fatal(err)
	}
	rv := w.viewer("reception")
	notice, err := w.s.IssueVisitPaper(w.ctx, w.user("reception"), rv, refused, "01/TCD")
	if err != nil || notice.Number != "2/TB-UBND" {
		t.Fatalf("the refusal notice: %+v, %v", notice, err)
	}
	receipt, err := w.s.IssueVisitPaper(w.ctx, w.user("reception"), rv, refused, "02/TCD")
	if err != nil || receipt.Number != "1/GBN-UBND" {
		t.Fatalf("the receipt: %+v, %v", receipt, err)
	}
	if _, err := w.s.IssueVisitPaper(w.ctx, w.user("reception"), rv, refused, "01/TCD"); !isCode(err, workflow.CodeConflict) {
		t.Errorf("numbered twice: %v", err)
	}
	if _, err := w.s.IssueVisitPaper(w.ctx, w.user("handler"), w.viewer("handler"), refused, "02/TCD"); !isCode(err, workflow.CodeForbidden) {
		t.Errorf("numbered by a handler: %v", err)
	}
	plain, err := w.s.RecordVisit(w.ctx, w.user("reception"), store.NewVisit{Unit: "KH-UBND", VisitedOn: d("2026-11-24"),
		Kind: workflow.Petition, Visitor: store.Visitor{Petitioner: store.Petitioner{Name: "Lê Thị Hỏi"}}, Content: "Hỏi thủ tục",
		Outcome: workflow.VisitGuided})
	if err != nil {
		t.Fatal(err)
	}
	for _, form := range []string{"01/TCD", "02/TCD", "03/TCD"} {
		if _, err := w.s.IssueVisitPaper(w.ctx, w.user("reception"), rv, plain, form); !isCode(err, workflow.CodeInvalid) {
			t.Errorf("%s of a visit guided without papers: %v", form, err)
		}
	}
	entries, err := w.s.Register(w.ctx, w.unitID("KH-UBND"), notice.IssuedOn.Year())
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, e := range entries {
		numbers = append(numbers, e.Number)
		if e.VisitID != 0 && (e.VisitID != refused.ID || e.Recipients[0] == "Hồ Văn Đến") {
			t.Errorf("a reception paper in the register: %+v", e)
		}
	}
	if len(numbers) != 3 {
		t.Errorf("the register: %v", numbers)
	}
}
