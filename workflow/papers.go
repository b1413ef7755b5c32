package workflow

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The papers the acts issue (issue 18): each act the law makes a written one
// drafts its document from a template, in the layout of Vietnamese
// administrative documents (NĐ 30/2020/NĐ-CP: the issuing body, Quốc hiệu and
// Tiêu ngữ, number and symbol, place and date, title, body, recipients,
// signature). Where a form's exact text is not known to us, Template.Exact is
// false and the paper follows that common layout with the content the law
// requires (../shared/LAW-NOTES.md). An officer edits a draft's body; once
// issued and numbered it is frozen (store/documents.go).

// Template is one kind of paper.
type Template struct {
	Code  string // in the API: "KN-03"
	Form  string // as printed above the heading: "Mẫu số 03"
	Basis string // the act that sets the form, as officials cite it
	// Exact: the form's text is known; otherwise the common layout is followed.
	Exact   bool
	Symbol  string // the kind in the number: "TB" in 15/TB-UBND
	Title   string // "THÔNG BÁO"
	Subject string // the line under the title: "Về việc thụ lý giải quyết khiếu nại"
	Event   Event  // the act that drafts it
	Kinds   []Kind
	// ToPetitioner: addressed to the petitioner alone, so it may name them;
	// for a denunciation it is identity, sealed and shown only to those who
	// may see the denouncer (LTC 2018 Art. 47). Every other paper is checked
	// not to name the petitioner of a denunciation.
	ToPetitioner bool
	// Completes is the clock the paper's sending ends once every recipient
	// who must have it has it: the notice to the denouncer ends the
	// notification (LTC 2018 Art. 29(3)), a decision or conclusion its
	// delivery (LKN 2011 Art. 32, 41; LTC 2018 Art. 35(3)), an interim
	// decision the sending of it (LTC 2018 Art. 34(4); NĐ 124/2020 Art. 28b).
	Completes ClockName
	body      func(f PaperFacts) []string
	to        func(f PaperFacts) []Addressee
}

// PaperFacts are what a template fills its paper from.
type PaperFacts struct {
	Unit        string // the issuing body
	Case        Case   // as the act left it
	Subject     string // what the letter is about
	ForwardedBy string
	Petitioner  PersonalData // empty where the paper may not name them
	Act         Input        // the act, with its day
}

// Paper is a document's text: the body an officer may edit before issue, and
// who must receive it.
type Paper struct {
	Template string      `json:"template"`
	Body     []string    `json:"body"`
	To       []Addressee `json:"to"`
}

// Addressee is one line of "Nơi nhận": who, and whether the paper must reach
// them before the sending is done (the archive copy need not be sent).
type Addressee struct {
	Role     string `json:"role"` // "petitioner", "denounced", "forwarder", "inspectorate", "target", "party", "archive"
	Name     string `json:"name"`
	Required bool   `json:"required"`
}

// blank marks what the draft could not fill: an officer writes it in before
// the paper is issued ("[cần ghi: họ tên người bị tố cáo]").
const blankOpen = "[cần ghi: "

func blank(what string) string { return blankOpen + what + "]" }

// officerWrites are the blanks a draft always leaves, for what the case does
// not record (who is denounced, who attended); any other blank is a fact the
// case should have had (TestDemoPapersLeaveOnlyTheOfficersBlanks).
var officerWrites = map[string]bool{}

// asks is a blank an officer always fills in.
func asks(what string) string {
	officerWrites[what] = true
	return blank(what)
}

var (
	askDenounced = asks("họ tên, chức vụ người bị tố cáo")
	askHour      = asks("giờ")
	askAbsence   = asks("lý do vắng mặt, có hay không có lý do chính đáng")
	askAttendees = asks("người chủ trì, người khiếu nại, người bị khiếu nại, người có quyền, nghĩa vụ liên quan")
	askMinutes   = asks("ý kiến của các bên, nội dung đã thống nhất và chưa thống nhất")
	askWhy       = asks("lý do tạm đình chỉ")
	askOperative = asks("giữ nguyên, sửa đổi, bổ sung hoặc hủy bỏ một phần hay toàn bộ quyết định hành chính, chấm dứt hành vi hành chính bị khiếu nại; bồi thường (nếu có)")
	askVerifier  = asks("người, đơn vị được giao xác minh nội dung tố cáo")
	askMeasures  = asks("trách nhiệm, biện pháp xử lý theo thẩm quyền, kiến nghị")
	askRewrite   = asks("đoạn này, không nêu thông tin về người tố cáo")
)

// OfficerBlank reports whether a blank is one an officer always fills in.
func OfficerBlank(what string) bool { return officerWrites[what] }

var blankPattern = regexp.MustCompile(`\[cần ghi: ([^\]]*)\]`)

// Blanks lists what the paper still asks to be written in.
func (p Paper) Blanks() []string {
	var out []string
	for _, m := range blankPattern.FindAllStringSubmatch(p.Text(), -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

func addresseeNames(to []Addressee) []string {
	out := make([]string, len(to))
	for i, a := range to {
		out[i] = a.Name
	}
	return out
}

// Text is the paper's words, its body and its recipients, a line each.
func (p Paper) Text() string {
	return strings.Join(append(slices.Clone(p.Body), addresseeNames(p.To)...), "\n")
}

// CheckIssuable refuses a paper with an empty body or a blank not written in.
func (p Paper) CheckIssuable() error {
	if len(p.Body) == 0 || strings.TrimSpace(strings.Join(p.Body, "")) == "" {
		return Invalid("body", "văn bản chưa có nội dung")
	}
	if b := p.Blanks(); len(b) > 0 {
		return Invalid("body", "văn bản còn chỗ cần ghi: %s", strings.Join(b, "; "))
	}
	return nil
}

// CheckNotNaming refuses a paper that names the petitioner of a denunciation
// where it is not addressed to them alone: the same check as a public text
// (PersonalDataIn; LTC 2018 Art. 8(3), 47).
func (t *Template) CheckNotNaming(k Kind, p Paper, person PersonalData) error {
	if k != Denunciation || t.ToPetitioner {
		return nil
	}
	if kinds := IdentityIn(p.Text(), person); kinds != nil {
		return &Error{Code: CodePersonalData, Field: "body",
			Message: "văn bản này không được nêu " + strings.Join(kinds, ", ") + " của người tố cáo"}
	}
	return nil
}

// Draft is the paper the template drafts from the facts. A paper not
// addressed to a denouncer alone is drafted without them: their data is not
// given to the template, and a line that would still name them (a subject
// or a note that does) is left for the officer to write again.
func (t *Template) Draft(f PaperFacts) Paper {
	person := f.Petitioner
	secret := f.Case.Kind.IdentitySecret() && !t.ToPetitioner
	if secret {
		f.Petitioner = PersonalData{}
	}
	p := Paper{Template: t.Code, Body: t.body(f), To: append(t.to(f), Addressee{Role: "archive", Name: "Lưu: VT, hồ sơ"})}
	if secret {
		for i, line := range p.Body {
			if IdentityIn(line, person) != nil {
				p.Body[i] = askRewrite
			}
		}
		for i, a := range p.To {
			if IdentityIn(a.Name, person) != nil {
				p.To[i].Name = askRewrite
			}
		}
	}
	return p
}

// SendingAct is the act that records the paper reached everyone who must
// have it, on the day the last of them did; false when its sending ends no clock.
func (t *Template) SendingAct(on Date) (Input, bool) {
	switch t.Completes {
	case ClockNotification:
		return Input{Event: EvNotify, On: on, To: "denouncer"}, true
	case ClockDelivery, ClockDecisionDelivery:
		return Input{Event: EvDeliver, On: on, Clock: t.Completes}, true
	}
	return Input{}, false
}

// Templates are every paper, in the order a case's page lists them.
var Templates []*Template

// TemplateByCode is the template of that code, or nil.
func TemplateByCode(code string) *Template {
	for _, t := range Templates {
		if t.Code == code {
			return t
		}
	}
	return nil
}

// TemplatesFor are the templates an act on a case of that kind drafts.
func TemplatesFor(e Event, k Kind, c Case) []*Template {
	var out []*Template
	for _, t := range Templates {
		if t.Event == e && slices.Contains(t.Kinds, k) && t.applies(c) {
			out = append(out, t)
		}
	}
	return out
}

// applies: the extension of a denunciation's resolution is a decision (ND
// 31/2019 Mẫu 01); the extension of its acceptance window is not.
func (t *Template) applies(c Case) bool {
	return t.Code != "TC-01" || !c.AcceptedOn.IsZero()
}

func paper(t *Template) *Template {
	Templates = append(Templates, t)
	return t
}

// Sentences the templates share.

func person(f PaperFacts, role string) string {
	if f.Petitioner.Name == "" {
		return blank("họ tên " + role)
	}
	s := "ông (bà) " + f.Petitioner.Name
	if f.Petitioner.Address != "" {
		s += ", địa chỉ: " + f.Petitioner.Address
	}
	return s
}

func petitionerTo(f PaperFacts, role string) Addressee {
	name := blank("họ tên " + role)
	if f.Petitioner.Name != "" {
		name = "Ông (bà) " + f.Petitioner.Name
	}
	return Addressee{Role: "petitioner", Name: name, Required: true}
}

func forwarderTo(f PaperFacts) []Addressee {
	if f.ForwardedBy == "" {
		return nil
	}
	return []Addressee{{Role: "forwarder", Name: f.ForwardedBy, Required: true}}
}

func round(c Case) string {
	if c.Round == 2 {
		return "lần hai"
	}
	return "lần đầu"
}

func dueOf(c Case) string {
	for _, k := range c.Clocks {
		if k.Name == ClockResolution && k.Running() {
			return k.DueOn.VN()
		}
	}
	return blank("hạn giải quyết")
}

func subjectOf(f PaperFacts) string {
	if s := strings.TrimSpace(f.Subject); s != "" {
		return strings.TrimSuffix(s, ".")
	}
	return blank("nội dung đơn")
}

func noteOr(f PaperFacts, ask string) string {
	if s := strings.TrimSpace(f.Act.Note); s != "" {
		return strings.TrimSuffix(s, ".")
	}
	return ask
}

func inspectorate() Addressee {
	return Addressee{Role: "inspectorate", Name: "Thanh tra cùng cấp", Required: true}
}

func denouncedTo() Addressee {
	return Addressee{Role: "denounced", Name: askDenounced, Required: true}
}

// The complaints' papers: NĐ 124/2020/NĐ-CP, forms 01–04 and 14 replaced and
// 14a, 14b added by NĐ 155/2026/NĐ-CP Art. 20. We have not seen their new
// text: each follows the common layout.
const complaintForms = "NĐ 124/2020/NĐ-CP, được sửa đổi bởi NĐ 155/2026/NĐ-CP"

var _ = paper(&Template{Code: "KN-03", Form: "Mẫu số 03", Basis: complaintForms, Symbol: "TB",
	Title: "THÔNG BÁO", Subject: "Về việc thụ lý giải quyết khiếu nại", Event: EvAccept, Kinds: []Kind{Complaint},
	body: func(f PaperFacts) []string {
		article := "Điều 27"
		if f.Case.Round == 2 {
			article = "Điều 36"
		}
		return []string{
			fmt.Sprintf("Ngày %s, %s nhận được đơn khiếu nại của %s.", f.Case.ReceivedOn.VN(), f.Unit, person(f, "người khiếu nại")),
			fmt.Sprintf("Nội dung khiếu nại: %s.", subjectOf(f)),
			fmt.Sprintf("Căn cứ %s Luật Khiếu nại năm 2011 và khoản 1 Điều 16 Nghị định số 124/2020/NĐ-CP (được sửa đổi bởi Nghị định số 155/2026/NĐ-CP), đơn khiếu nại đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết của %s.", article, f.Unit),
			fmt.Sprintf("Ngày %s, %s thụ lý giải quyết khiếu nại %s. Thời hạn giải quyết đến hết ngày %s.", f.Act.On.VN(), f.Unit, round(f.Case), dueOf(f.Case)),
			"Vậy thông báo để người khiếu nại biết.",
		}
	},
	to: func(f PaperFacts) []Addressee {
		if f.Case.Disciplinary { // the notice goes to the complainant only (TT 07/2013 Art. 5)
			return []Addressee{petitionerTo(f, "người khiếu nại")}
		}
		return append(append([]Addressee{petitionerTo(f, "người khiếu nại")}, forwarderTo(f)...), inspectorate())
	},
})

var _ = paper(&Template{Code: "KN-04", Form: "Mẫu số 04", Basis: complaintForms, Symbol: "TB",
	Title: "THÔNG BÁO", Subject: "Về việc không thụ lý giải quyết khiếu nại", Event: EvReject, Kinds: []Kind{Complaint},
	body: func(f PaperFacts) []string {
		reason := blank("lý do không thụ lý")
		for _, r := range ReasonCodes(Complaint, EvReject) {
			if r.Code == f.Act.ReasonCode {
				reason = fmt.Sprintf("%s (%s)", r.Label, CiteVI(r.Basis))
			}
		}
		return []string{
			fmt.Sprintf("Ngày %s, %s nhận được đơn khiếu nại của %s.", f.Case.ReceivedOn.VN(), f.Unit, person(f, "người khiếu nại")),
			fmt.Sprintf("Nội dung khiếu nại: %s.", subjectOf(f)),
			fmt.Sprintf("Sau khi xem xét, %s không thụ lý giải quyết khiếu nại với lý do: %s.", f.Unit, reason),
			"Vậy thông báo để người khiếu nại biết.",
		}
	},
	to: func(f PaperFacts) []Addressee {
		return append([]Addressee{petitionerTo(f, "người khiếu nại")}, forwarderTo(f)...)
	},
})

var _ = paper(&Template{Code: "KN-14", Form: "Mẫu số 14", Basis: complaintForms, Symbol: "BB",
	Title: "BIÊN BẢN", Subject: "Đối thoại", Event: EvRecordDialogue, Kinds: []Kind{Complaint},
	body: func(f PaperFacts) []string {
		attended := "Người khiếu nại có mặt."
		if f.Act.Attended != nil && !*f.Act.Attended {
			attended = "Người khiếu nại vắng mặt; " + askAbsence + "."
		}
		minutes := strings.TrimSpace(f.Act.Minutes)
		if minutes == "" {
			minutes = askMinutes
		}
		return []string{
			fmt.Sprintf("Vào hồi %s, ngày %s, tại %s, tiến hành đối thoại giải quyết khiếu nại %s của %s.", askHour, f.Act.On.VN(), f.Unit, round(f.Case), person(f, "người khiếu nại")),
			fmt.Sprintf("Nội dung khiếu nại: %s.", subjectOf(f)),
			"Thành phần tham gia: " + askAttendees + ".",
			attended,
			"Nội dung đối thoại: " + minutes,
			"Biên bản được lập thành 03 bản, mỗi bên giữ 01 bản (khoản 4 Điều 28 Nghị định số 124/2020/NĐ-CP, được sửa đổi bởi Nghị định số 155/2026/NĐ-CP); các bên cùng ký tên hoặc điểm chỉ.",
		}
	},
	to: func(f PaperFacts) []Addressee {
		return []Addressee{petitionerTo(f, "người khiếu nại"), {Role: "party", Name: "Người bị khiếu nại", Required: true}}
	},
})

// complaintDecision is a decision of Art. 11a (Luật Khiếu nại, sửa đổi năm
// 2025) on the complaint: suspend, terminate or continue its resolution.
func complaintDecision(code, form, subject string, e Event, article func(f PaperFacts) []string) *Template {
	return paper(&Template{Code: code, Form: form, Basis: complaintForms, Symbol: "QĐ", Completes: ClockDecisionDelivery,
		Title: "QUYẾT ĐỊNH", Subject: subject, Event: e, Kinds: []Kind{Complaint},
		body: func(f PaperFacts) []string {
			return append([]string{
				"Căn cứ Luật Khiếu nại năm 2011, được sửa đổi, bổ sung năm 2025;",
				"Căn cứ Điều 28b Nghị định số 124/2020/NĐ-CP, được sửa đổi bởi Nghị định số 155/2026/NĐ-CP;",
				fmt.Sprintf("Xét đơn khiếu nại ngày %s của %s về việc %s,", f.Case.ReceivedOn.VN(), person(f, "người khiếu nại"), subjectOf(f)),
			}, article(f)...)
		},
		to: func(f PaperFacts) []Addressee {
			return append([]Addressee{petitionerTo(f, "người khiếu nại"), {Role: "party", Name: "Người bị khiếu nại", Required: true}}, forwarderTo(f)...)
		},
	})
}

var _ = complaintDecision("KN-14A", "Mẫu số 14a", "Về việc tạm đình chỉ giải quyết khiếu nại", EvSuspend, func(f PaperFacts) []string {
	return []string{
		fmt.Sprintf("Điều 1. Tạm đình chỉ việc giải quyết khiếu nại kể từ ngày %s. Lý do: %s.", f.Act.On.VN(), noteOr(f, askWhy)),
		"Điều 2. Thời gian tạm đình chỉ không tính vào thời hạn giải quyết khiếu nại. Khi lý do tạm đình chỉ không còn, việc giải quyết được tiếp tục.",
		"Điều 3. Quyết định này được gửi cho người khiếu nại, người bị khiếu nại và cơ quan, tổ chức, cá nhân có liên quan trong thời hạn 03 ngày làm việc.",
	}
})

var _ = complaintDecision("KN-14A-DC", "Mẫu số 14a", "Về việc đình chỉ giải quyết khiếu nại", EvWithdraw, func(f PaperFacts) []string {
	return []string{
		fmt.Sprintf("Điều 1. Đình chỉ việc giải quyết khiếu nại kể từ ngày %s do người khiếu nại rút toàn bộ nội dung khiếu nại.", f.Act.On.VN()),
		"Điều 2. Nội dung khiếu nại đã rút không được xem xét lại, trừ trường hợp có căn cứ cho rằng việc rút khiếu nại do bị ép buộc, đe dọa.",
		"Điều 3. Quyết định này được gửi cho người khiếu nại, người bị khiếu nại và cơ quan, tổ chức, cá nhân có liên quan trong thời hạn 03 ngày làm việc.",
	}
})

var _ = complaintDecision("KN-14B", "Mẫu số 14b", "Về việc tiếp tục giải quyết khiếu nại", EvResume, func(f PaperFacts) []string {
	return []string{
		fmt.Sprintf("Điều 1. Tiếp tục giải quyết khiếu nại kể từ ngày %s. Thời hạn giải quyết được tiếp tục tính từ ngày ban hành quyết định này và kết thúc vào ngày %s.", f.Act.On.VN(), dueOf(f.Case)),
		"Điều 2. Quyết định này được gửi cho người khiếu nại, người bị khiếu nại và cơ quan, tổ chức, cá nhân có liên quan trong thời hạn 03 ngày làm việc.",
	}
})

var _ = paper(&Template{Code: "KN-QD", Form: "Quyết định giải quyết khiếu nại", Basis: complaintForms, Symbol: "QĐ", Completes: ClockDelivery,
	Title: "QUYẾT ĐỊNH", Subject: "Về việc giải quyết khiếu nại", Event: EvResolve, Kinds: []Kind{Complaint},
	body: func(f PaperFacts) []string {
		article, next := "Điều 31", "Trong thời hạn 30 ngày kể từ ngày nhận được quyết định này, nếu không đồng ý, người khiếu nại có quyền khiếu nại đến người có thẩm quyền giải quyết khiếu nại lần hai hoặc khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Tố tụng hành chính."
		if f.Case.Round == 2 {
			article, next = "Điều 40", "Trong thời hạn 30 ngày kể từ ngày nhận được quyết định này, nếu không đồng ý, người khiếu nại có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Tố tụng hành chính."
		}
		summary := strings.TrimSpace(f.Act.Summary)
		if summary == "" {
			summary = blank("kết quả xác minh, kết quả đối thoại và căn cứ pháp luật")
		}
		return []string{
			fmt.Sprintf("Căn cứ %s Luật Khiếu nại năm 2011;", article),
			fmt.Sprintf("Xét đơn khiếu nại ngày %s của %s về việc %s;", f.Case.ReceivedOn.VN(), person(f, "người khiếu nại"), subjectOf(f)),
			"Kết quả xác minh và kết luận: " + summary,
			fmt.Sprintf("Điều 1. Kết luận nội dung khiếu nại là %s.", outcomeWords(f.Act.Outcome, "sai toàn bộ")),
			"Điều 2. " + askOperative + ".",
			"Điều 3. " + next,
		}
	},
	to: func(f PaperFacts) []Addressee {
		to := []Addressee{petitionerTo(f, "người khiếu nại"), {Role: "party", Name: "Người bị khiếu nại", Required: true}}
		if f.Case.Round == 2 { // LKN 2011 Art. 41(1)
			to = append(to, Addressee{Role: "party", Name: "Người giải quyết khiếu nại lần đầu", Required: true})
		} else { // Art. 32
			to = append(to, Addressee{Role: "party", Name: "Thủ trưởng cấp trên trực tiếp", Required: true}, inspectorate())
		}
		return append(to, forwarderTo(f)...)
	},
})

// outcomeWords is how a decision words its outcome; wrong is how a
// complaint's or a denunciation's "wrong" reads (sai toàn bộ, sai sự thật).
func outcomeWords(o Outcome, wrong string) string {
	switch o {
	case Correct:
		return "đúng"
	case PartlyCorrect:
		return "đúng một phần"
	case Wrong:
		return wrong
	}
	return blank("đúng, đúng một phần hoặc " + wrong)
}

// The denunciations' papers: NĐ 31/2019/NĐ-CP, forms 01, 04, 05, 06 and 12.
const denunciationForms = "NĐ 31/2019/NĐ-CP"

var _ = paper(&Template{Code: "TC-01", Form: "Mẫu số 01", Basis: denunciationForms, Symbol: "QĐ",
	Title: "QUYẾT ĐỊNH", Subject: "Về việc gia hạn giải quyết tố cáo", Event: EvExtend, Kinds: []Kind{Denunciation},
	body: func(f PaperFacts) []string {
		return []string{
			"Căn cứ Điều 30 Luật Tố cáo năm 2018;",
			fmt.Sprintf("Xét vụ việc tố cáo về %s, đã thụ lý ngày %s;", subjectOf(f), f.Case.AcceptedOn.VN()),
			fmt.Sprintf("Điều 1. Gia hạn giải quyết tố cáo thêm %d ngày; thời hạn giải quyết đến hết ngày %s.", f.Act.Days, dueOf(f.Case)),
			"Điều 2. Quyết định này được thông báo cho người tố cáo, người bị tố cáo và cơ quan, tổ chức, cá nhân có liên quan.",
		}
	},
	to: func(f PaperFacts) []Addressee {
		return []Addressee{{Role: "petitioner", Name: "Người tố cáo", Required: true}, denouncedTo()}
	},
})

var _ = paper(&Template{Code: "TC-04", Form: "Mẫu số 04", Basis: denunciationForms, Symbol: "QĐ",
	Title: "QUYẾT ĐỊNH", Subject: "Về việc thụ lý tố cáo", Event: EvAccept, Kinds: []Kind{Denunciation},
	body: func(f PaperFacts) []string {
		return []string{
			"Căn cứ Điều 29 Luật Tố cáo năm 2018;",
			"Căn cứ Điều 9 Nghị định số 31/2019/NĐ-CP;",
			fmt.Sprintf("Xét đơn tố cáo nhận ngày %s,", f.Case.ReceivedOn.VN()),
			fmt.Sprintf("Điều 1. Thụ lý tố cáo đối với %s về nội dung: %s.", askDenounced, subjectOf(f)),
			fmt.Sprintf("Điều 2. Thời hạn giải quyết tố cáo là 30 ngày kể từ ngày thụ lý (%s), đến hết ngày %s.", f.Act.On.VN(), dueOf(f.Case)),
			"Điều 3. " + askVerifier + " chịu trách nhiệm thi hành quyết định này.",
		}
	},
	to: func(f PaperFacts) []Addressee {
		return []Addressee{{Role: "party", Name: askVerifier, Required: true}}
	},
})

var _ = paper(&Template{Code: "TC-05", Form: "Mẫu số 05", Basis: denunciationForms, Symbol: "TB", ToPetitioner: true, Completes: ClockNotification,
	Title: "THÔNG BÁO", Subject: "Về việc thụ lý tố cáo", Event: EvAccept, Kinds: []Kind{Denunciation},
	body: func(f PaperFacts) []string {
		return []string{
			fmt.Sprintf("Ngày %s, %s nhận được đơn tố cáo của %s.", f.Case.ReceivedOn.VN(), f.Unit, person(f, "người tố cáo")),
			fmt.Sprintf("Ngày %s, %s đã ban hành quyết định thụ lý tố cáo về nội dung: %s; thời hạn giải quyết đến hết ngày %s.", f.Act.On.VN(), f.Unit, subjectOf(f), dueOf(f.Case)),
			"Căn cứ khoản 3 Điều 29 Luật Tố cáo năm 2018, thông báo để người tố cáo biết. Thông tin về người tố cáo được giữ bí mật theo quy định của pháp luật.",
		}
	},
	to: func(f PaperFacts) []Addressee { return []Addressee{petitionerTo(f, "người tố cáo")} },
})

var _ = paper(&Template{Code: "TC-06", Form: "Mẫu số 06", Basis: denunciationForms, Symbol: "TB",
	Title: "THÔNG BÁO", Subject: "Về nội dung tố cáo", Event: EvAccept, Kinds: []Kind{Denunciation},
	body: func(f PaperFacts) []string {
		return []string{
			fmt.Sprintf("Ngày %s, %s đã thụ lý tố cáo đối với %s.", f.Act.On.VN(), f.Unit, askDenounced),
			fmt.Sprintf("Nội dung bị tố cáo: %s.", subjectOf(f)),
			"Căn cứ khoản 3 Điều 29 Luật Tố cáo năm 2018, đề nghị người bị tố cáo giải trình bằng văn bản về các nội dung bị tố cáo và cung cấp thông tin, tài liệu, chứng cứ có liên quan.",
		}
	},
	to: func(f PaperFacts) []Addressee { return []Addressee{denouncedTo()} },
})

var _ = paper(&Template{Code: "TC-12", Form: "Mẫu số 12", Basis: denunciationForms, Symbol: "KL", Completes: ClockDelivery,
	Title: "KẾT LUẬN", Subject: "Nội dung tố cáo", Event: EvResolve, Kinds: []Kind{Denunciation},
	body: func(f PaperFacts) []string {
		summary := strings.TrimSpace(f.Act.Summary)
		if summary == "" {
			summary = blank("kết quả xác minh nội dung tố cáo và căn cứ pháp luật")
		}
		return []string{
			fmt.Sprintf("Ngày %s, %s thụ lý tố cáo đối với %s về nội dung: %s.", f.Case.AcceptedOn.VN(), f.Unit, askDenounced, subjectOf(f)),
			"Kết quả xác minh: " + summary,
			fmt.Sprintf("Căn cứ Điều 35 Luật Tố cáo năm 2018, kết luận: nội dung tố cáo là %s.", outcomeWords(f.Act.Outcome, "sai sự thật")),
			"Trách nhiệm của người có liên quan và biện pháp xử lý: " + askMeasures + ".",
		}
	},
	to: func(f PaperFacts) []Addressee {
		return []Addressee{denouncedTo(), {Role: "party", Name: "Cơ quan, tổ chức quản lý người bị tố cáo", Required: true}}
	},
})

var _ = paper(&Template{Code: "TC-KQ", Form: "Thông báo kết quả giải quyết tố cáo", Basis: "khoản 3 Điều 35 Luật Tố cáo 2018", Symbol: "TB",
	ToPetitioner: true, Title: "THÔNG BÁO", Subject: "Về kết quả giải quyết tố cáo", Event: EvResolve, Kinds: []Kind{Denunciation},
	body: func(f PaperFacts) []string {
		return []string{
			fmt.Sprintf("Ngày %s, %s nhận được đơn tố cáo của %s về nội dung: %s.", f.Case.ReceivedOn.VN(), f.Unit, person(f, "người tố cáo"), subjectOf(f)),
			fmt.Sprintf("Ngày %s, %s đã ban hành kết luận nội dung tố cáo: nội dung tố cáo là %s.", f.Act.On.VN(), f.Unit, outcomeWords(f.Act.Outcome, "sai sự thật")),
			"Căn cứ khoản 3 Điều 35 Luật Tố cáo năm 2018, thông báo để người tố cáo biết.",
		}
	},
	to: func(f PaperFacts) []Addressee { return []Addressee{petitionerTo(f, "người tố cáo")} },
})

// The letter-processing papers: TT 05/2021/TT-TTCP, forms 01 (the handler's
// proposal to accept, drafted when the letter is assigned) and 03.
const processingForms = "TT 05/2021/TT-TTCP"

var _ = paper(&Template{Code: "XLD-01", Form: "Mẫu số 01", Basis: processingForms, Symbol: "PĐX",
	Title: "PHIẾU ĐỀ XUẤT THỤ LÝ", Subject: "", Event: EvAssign, Kinds: []Kind{Complaint, Denunciation},
	body: func(f PaperFacts) []string {
		from := "của " + person(f, "người gửi đơn")
		if f.Case.Kind == Denunciation {
			from = "(thông tin người tố cáo được giữ bí mật theo Điều 47 Luật Tố cáo năm 2018)"
		}
		law := "Điều 27 Luật Khiếu nại năm 2011"
		if f.Case.Kind == Denunciation {
			law = "khoản 1 Điều 29 Luật Tố cáo năm 2018 và Điều 13 Thông tư số 05/2021/TT-TTCP"
		}
		return []string{
			fmt.Sprintf("Ngày %s, %s nhận được đơn %s %s.", f.Case.ReceivedOn.VN(), f.Unit, strings.ToLower(f.Case.Kind.Label()), from),
			fmt.Sprintf("Nội dung đơn: %s.", subjectOf(f)),
			fmt.Sprintf("Qua nghiên cứu, đơn đủ điều kiện thụ lý theo %s và thuộc thẩm quyền giải quyết của %s.", law, f.Unit),
			"Đề xuất Thủ trưởng cơ quan xem xét, quyết định thụ lý giải quyết.",
		}
	},
	to: func(f PaperFacts) []Addressee {
		return []Addressee{{Role: "party", Name: "Thủ trưởng cơ quan", Required: true}}
	},
})

var _ = paper(&Template{Code: "XLD-03", Form: "Mẫu số 03", Basis: processingForms, Symbol: "PC",
	Title: "PHIẾU CHUYỂN ĐƠN", Subject: "", Event: EvTransfer, Kinds: []Kind{Complaint, Denunciation, Petition, Dialogue},
	body: func(f PaperFacts) []string {
		target := strings.TrimSpace(f.Act.Target)
		if target == "" {
			target = blank("cơ quan có thẩm quyền")
		}
		from := "của " + person(f, "người gửi đơn")
		if f.Case.Kind == Denunciation { // the letter goes with the slip; the slip itself names no denouncer
			from = "(thông tin người tố cáo được giữ bí mật theo Điều 47 Luật Tố cáo năm 2018)"
		}
		return []string{
			fmt.Sprintf("Ngày %s, %s nhận được đơn %s %s.", f.Case.ReceivedOn.VN(), f.Unit, strings.ToLower(f.Case.Kind.Label()), from),
			fmt.Sprintf("Nội dung đơn: %s.", subjectOf(f)),
			fmt.Sprintf("Căn cứ quy định của pháp luật, đơn không thuộc thẩm quyền giải quyết của %s. %s chuyển đơn đến %s để xem xét, giải quyết theo thẩm quyền.", f.Unit, f.Unit, target),
		}
	},
	to: func(f PaperFacts) []Addressee {
		target := strings.TrimSpace(f.Act.Target)
		if target == "" {
			target = blank("cơ quan có thẩm quyền")
		}
		return []Addressee{{Role: "target", Name: target, Required: true}, {Role: "petitioner", Name: "Người gửi đơn (để biết)", Required: true}}
	},
})

// IssuingBody is the body that issues a unit's papers, as their heading and
// text name it: an administrative unit's People's Committee ("Phường Phan
// Rang" issues as "Ủy ban nhân dân phường Phan Rang"), "UBND …" written out;
// any other body (a department, an inspectorate) by its own name.
func IssuingBody(unit string) string {
	if rest, ok := strings.CutPrefix(unit, "UBND "); ok {
		return "Ủy ban nhân dân " + rest
	}
	for _, level := range []string{"Tỉnh ", "Thành phố ", "Phường ", "Xã ", "Đặc khu "} {
		if strings.HasPrefix(unit, level) {
			return "Ủy ban nhân dân " + strings.ToLower(level) + strings.TrimPrefix(unit, level)
		}
	}
	return unit
}

// PeoplesCommittee reports whether the body is a People's Committee, whose
// chair signs its papers (CHỦ TỊCH) and whose heading names no body above it.
func PeoplesCommittee(body string) bool { return strings.HasPrefix(body, "Ủy ban nhân dân ") }
