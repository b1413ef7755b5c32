package handlers

import (
	"context"
	"strings"

	"petitions/store"
	"petitions/workflow"
)

// paperView is a document laid out as a Vietnamese administrative paper (NĐ
// 30/2020/NĐ-CP, Phụ lục I): the page (templates/parts/paper.html) and the
// PDF (paper_pdf.go) print the same view.
type paperView struct {
	paperHead
	Form     string // "Mẫu số 03 (NĐ 124/2020/NĐ-CP, …)"
	Number   string // "Số: 15/TB-UBND", or dots for a draft
	Title    string
	Subject  string
	Body     []string
	To       []string // the lines under "Nơi nhận:"
	Role     string   // the signer's title
	Signer   string   // the signer's name, once issued
	Draft    bool     // printed with "DỰ THẢO"
	TrackURL string   // the public look-up, on papers to the citizen
}

// paperOf lays out a document of the case. origin is where citizens reach
// the public look-up; the QR code of a paper to the citizen points there.
func paperOf(ctx context.Context, s *store.Store, cs store.Case, d store.Document, origin string) (paperView, error) {
	units, err := s.Units(ctx)
	if err != nil {
		return paperView{}, err
	}
	on := d.IssuedOn
	if on.IsZero() {
		on = s.Today()
	}
	t := workflow.TemplateByCode(d.Template)
	v := paperView{paperHead: headOf(units, cs.UnitID, on), Title: t.Title, Subject: t.Subject, Body: d.Paper.Body,
		Role: "THỦ TRƯỞNG CƠ QUAN", Signer: d.Signer, Draft: d.State == store.DocDraft}
	if workflow.PeoplesCommittee(v.Unit) { // its chair signs
		v.Role = "CHỦ TỊCH"
	}
	v.Form = t.Form + " (" + t.Basis + ")"
	if !t.Exact {
		v.Form = t.Form + " (" + t.Basis + "; theo thể thức chung của văn bản hành chính)"
	}
	settings := store.Unit{Settings: cs.UnitSettings}.SettingsHistory().On(on)
	v.Number = "Số: " + d.Number
	if d.Number == "" {
		v.Number = "Số: ......../" + t.Symbol + "-" + settings.Symbol()
	}
	for i, r := range d.Recipients {
		end := ";"
		if i == len(d.Recipients)-1 {
			end = "."
		}
		v.To = append(v.To, "- "+strings.TrimSuffix(r.Name, ".")+end)
		// Never on a paper another party receives about a denunciation: its
		// code would lead them to the denouncer's case.
		if r.Role == "petitioner" && (t.ToPetitioner || !cs.Kind.IdentitySecret()) {
			v.TrackURL = settings.TrackURL(origin, cs.TrackingCode)
		}
	}
	return v, nil
}
