package workflow

import (
	"slices"
	"strings"
	"testing"
)

// fullFacts are facts where the case records everything a paper asks of it.
func fullFacts(k Kind, round int) PaperFacts {
	yes := true
	c := Case{Kind: k, Round: round, ReceivedOn: MustDate("2026-11-02"), AcceptedOn: MustDate("2026-11-05"),
		Clocks: []Clock{{Name: ClockResolution, DueOn: MustDate("2026-12-07")}}}
	return PaperFacts{Unit: "UBND xã Cam Lâm", Case: c, Subject: "Việc thu hồi đất tại thôn 3",
		Petitioner: PersonalData{Name: "Nguyễn Thị Lan", Address: "thôn 3, xã Cam Lâm", IDNumber: "079185001234"},
		Act: Input{On: MustDate("2026-11-20"), ReasonCode: "KN-NA-06", Target: "UBND phường Nha Trang", Days: 30,
			Minutes: "Các bên trình bày ý kiến.", Attended: &yes, Outcome: PartlyCorrect, Summary: "Đúng một phần.",
			Note: "Chờ kết quả giám định"}}
}

// Every template drafts, from a case that records what it asks, a paper
// whose only blanks are the ones an officer always writes in; and such a
// paper cannot be issued until they are.
func TestTemplatesDraftWhatTheCaseRecords(t *testing.T) {
	for _, tp := range Templates {
		for _, k := range tp.Kinds {
			p := tp.Draft(fullFacts(k, 1))
			for _, b := range p.Blanks() {
				if !OfficerBlank(b) {
					t.Errorf("%s (%s): a blank for a fact the case records: %q", tp.Code, k, b)
				}
			}
			if len(p.Body) == 0 || p.To[len(p.To)-1].Role != "archive" {
				t.Errorf("%s: no body or no archive copy: %+v", tp.Code, p)
			}
			if len(p.Blanks()) > 0 && p.CheckIssuable() == nil {
				t.Errorf("%s: issuable with blanks %v", tp.Code, p.Blanks())
			}
			filled := fill(p)
			if err := filled.CheckIssuable(); err != nil {
				t.Errorf("%s: filled in, still not issuable: %v", tp.Code, err)
			}
		}
	}
}

// fill writes something in every blank.
func fill(p Paper) Paper {
	q := Paper{Template: p.Template, To: slices.Clone(p.To)}
	for _, line := range p.Body {
		q.Body = append(q.Body, blankPattern.ReplaceAllString(line, "Trần Văn Bình"))
	}
	for i := range q.To {
		q.To[i].Name = blankPattern.ReplaceAllString(q.To[i].Name, "Trần Văn Bình")
	}
	return q
}

// The acts draft the papers the law makes them issue.
func TestTemplatesForActs(t *testing.T) {
	accepted := Case{AcceptedOn: MustDate("2026-11-05")}
	for _, tc := range []struct {
		e    Event
		k    Kind
		c    Case
		want []string
	}{
		{EvAccept, Complaint, accepted, []string{"KN-03"}},
		{EvReject, Complaint, Case{}, []string{"KN-04"}},
		{EvAccept, Denunciation, accepted, []string{"TC-04", "TC-05", "TC-06"}},
		{EvExtend, Denunciation, Case{}, nil}, // the acceptance window: no decision
		{EvExtend, Denunciation, accepted, []string{"TC-01"}},
		{EvResolve, Denunciation, accepted, []string{"TC-12", "TC-KQ"}},
		{EvResolve, Complaint, accepted, []string{"KN-QD"}},
		{EvTransfer, Petition, Case{}, []string{"XLD-03"}},
		{EvAssign, Complaint, Case{}, []string{"XLD-01"}},
		{EvAssign, Petition, Case{}, nil},
	} {
		var got []string
		for _, tp := range TemplatesFor(tc.e, tc.k, tc.c) {
			got = append(got, tp.Code)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s on a %s: %v, want %v", tc.e, tc.k, got, tc.want)
		}
	}
}

// A denunciation's paper not addressed to the denouncer alone never names
// them, even where the subject or the act's note does; the ones addressed to
// them do.
func TestDenunciationPapersKeepTheDenouncer(t *testing.T) {
	f := fullFacts(Denunciation, 0)
	f.Subject = "Bà Nguyễn Thị Lan tố cáo việc thu hồi đất"
	f.Act.Note = "Liên hệ số 079185001234"
	for _, tp := range Templates {
		if !slices.Contains(tp.Kinds, Denunciation) {
			continue
		}
		p := tp.Draft(f)
		text := p.Text()
		named := IdentityIn(text, f.Petitioner) != nil
		if named != tp.ToPetitioner {
			t.Errorf("%s: names the denouncer %v, addressed to them alone %v:\n%s", tp.Code, named, tp.ToPetitioner, text)
		}
		if err := tp.CheckNotNaming(Denunciation, p, f.Petitioner); err != nil {
			t.Errorf("%s: its own draft refused: %v", tp.Code, err)
		}
		edited := p
		edited.Body = append(slices.Clone(p.Body), "Người tố cáo: NGUYỄN THỊ LAN.")
		if err := tp.CheckNotNaming(Denunciation, edited, f.Petitioner); (err == nil) != tp.ToPetitioner {
			t.Errorf("%s: an edit naming the denouncer: %v", tp.Code, err)
		}
	}
}

// FuzzDenouncedNoticeNeverNamesTheDenouncer: whatever the denouncer's name,
// address and number and whatever the letter's subject, the notice to the
// person denounced (Mẫu 06) and every other paper not addressed to the
// denouncer alone is drafted without them.
func FuzzDenouncedNoticeNeverNamesTheDenouncer(f *testing.F) {
	f.Add("Nguyễn Thị Lan", "thôn 3, xã Cam Lâm", "079185001234", "Bà Nguyễn Thị Lan tố cáo cán bộ địa chính")
	f.Add("Lê Văn An", "12 Trần Phú", "079185001235", "ông LE VAN AN, 12 tran phu, CCCD 079.185.001.235")
	f.Add("Trần B", "x", "1", "Trần B")
	f.Fuzz(func(t *testing.T, name, address, id, subject string) {
		facts := fullFacts(Denunciation, 0)
		facts.Petitioner = PersonalData{Name: name, Address: address, IDNumber: id}
		facts.Subject, facts.Act.Note, facts.Act.Summary, facts.Act.Target = subject, subject, subject, subject
		for _, tp := range Templates {
			if !slices.Contains(tp.Kinds, Denunciation) || tp.ToPetitioner {
				continue
			}
			p := tp.Draft(facts)
			text := p.Text()
			if kinds := IdentityIn(text, facts.Petitioner); kinds != nil {
				t.Fatalf("%s names the denouncer (%v):\n%s", tp.Code, kinds, text)
			}
		}
	})
}

func TestIssuingBody(t *testing.T) {
	for unit, want := range map[string]string{
		"Phường Phan Rang":            "Ủy ban nhân dân phường Phan Rang",
		"Xã Cam Lâm":                  "Ủy ban nhân dân xã Cam Lâm",
		"Đặc khu Trường Sa":           "Ủy ban nhân dân đặc khu Trường Sa",
		"UBND tỉnh Khánh Hòa":         "Ủy ban nhân dân tỉnh Khánh Hòa",
		"Thanh tra tỉnh":              "Thanh tra tỉnh",
		"Sở Tài nguyên và Môi trường": "Sở Tài nguyên và Môi trường",
	} {
		if got := IssuingBody(unit); got != want || PeoplesCommittee(got) != strings.HasPrefix(want, "Ủy ban") {
			t.Errorf("IssuingBody(%q) = %q, want %q", unit, got, want)
		}
	}
}
