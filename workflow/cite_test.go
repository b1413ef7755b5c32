package workflow

import (
	"regexp"
	"strings"
	"testing"
)

func TestCiteVI(t *testing.T) {
	for basis, want := range map[string]string{
		"LTCD 2013 Art. 28(1)":   "khoản 1 Điều 28 Luật Tiếp công dân 2013",
		"LKN 2011 Art. 27, 36":   "Điều 27, 36 Luật Khiếu nại 2011",
		"LKN 2011 Art. 28":       "Điều 28 Luật Khiếu nại 2011",
		"LKN 2011 Art. 50":       "Điều 50 Luật Khiếu nại 2011",
		"LTC 2018 Art. 29(1)(a)": "điểm a khoản 1 Điều 29 Luật Tố cáo 2018",
		"LTC 2018 Art. 26(2)":    "khoản 2 Điều 26 Luật Tố cáo 2018",
		"LTC 2018 Art. 34(4)":    "khoản 4 Điều 34 Luật Tố cáo 2018",
		"TT 05/2021/TT-TTCP":     "TT 05/2021/TT-TTCP",
		"TT 05/2021 Art. 14":     "Điều 14 Thông tư 05/2021/TT-TTCP",
		"TT 07/2014 Art. 6":      "Điều 6 Thông tư 07/2014/TT-TTCP",
		"ND 124/2020 Art. 16 as amended by ND 155/2026 Art. 10": "Điều 16 Nghị định 124/2020/NĐ-CP, được sửa đổi bởi " +
			"Điều 10 Nghị định 155/2026/NĐ-CP",
		"ND 124/2020 Art. 28b as amended by ND 155/2026": "Điều 28b Nghị định 124/2020/NĐ-CP, được sửa đổi bởi " +
			"Nghị định 155/2026/NĐ-CP",
		"LKN 2011 Art. 27, 36; ND 124/2020 Art. 16 as amended by ND 155/2026 Art. 10": "Điều 27, 36 Luật Khiếu nại 2011; " +
			"Điều 16 Nghị định 124/2020/NĐ-CP, được sửa đổi bởi Điều 10 Nghị định 155/2026/NĐ-CP",
		"BLLĐ 2019 Art. 111(3), 112":                "khoản 3 Điều 111, Điều 112 Bộ luật Lao động 2019",
		"BLLĐ 2019 Art. 112":                        "Điều 112 Bộ luật Lao động 2019",
		"BLDS 2015 Art. 147–148":                    "Điều 147–148 Bộ luật Dân sự 2015",
		"Luật THDCCS 2022 Art. 12(3)":               "khoản 3 Điều 12 Luật Thực hiện dân chủ ở cơ sở 2022",
		"ND 124/2020 Art. 29(3) (unit setting)":     "khoản 3 Điều 29 Nghị định 124/2020/NĐ-CP (quy định của đơn vị)",
		"(unit setting)":                            "(quy định của đơn vị)",
		"LTC 2018 Art. 29(1)(c), 24(2)":             "điểm c khoản 1 Điều 29, khoản 2 Điều 24 Luật Tố cáo 2018",
		"LTC 2018 Art. 8(3), 47, 56":                "khoản 3 Điều 8, Điều 47, 56 Luật Tố cáo 2018",
		"LTC 2018 Art. 30; ND 31/2019 Art. 3":       "Điều 30 Luật Tố cáo 2018; Điều 3 Nghị định 31/2019/NĐ-CP",
		"LKN 2011 Art. 27; LTCD 2013 Art. 26(1)(b)": "Điều 27 Luật Khiếu nại 2011; điểm b khoản 1 Điều 26 Luật Tiếp công dân 2013",
		"ND 124/2020/NĐ-CP":                         "NĐ 124/2020/NĐ-CP",
		"LTC 2018 Art. 30(2)–(3)":                   "khoản 2–3 Điều 30 Luật Tố cáo 2018",
		"QĐ 188/1999":                               "Quyết định 188/1999/QĐ-TTg",
		"Quy định của đơn vị (mặc định 30 ngày)":    "Quy định của đơn vị (mặc định 30 ngày)",
		"": "",
	} {
		if got := CiteVI(basis); got != want {
			t.Errorf("CiteVI(%q)\n got %q\nwant %q", basis, got, want)
		}
	}
}

// englishWord finds what an English citation leaves behind.
var englishWord = regexp.MustCompile(`\b(Art|Arts|as|amended|by|unit|setting|and|of|the|Law|Decree|Circular)\b|\bND\b|\bTT \d+/\d{4}(?:[^/]|$)|\bLKN\b|\bLTCD?\b|\bBLL[ĐD]\b|\bBLDS\b|\bTHDCCS\b`)

func TestCiteVICoversEveryBasisOfTheTables(t *testing.T) {
	var bases []string
	for _, r := range Statute {
		bases = append(bases, r.Basis)
	}
	for _, k := range Kinds {
		for _, e := range []Event{EvReject, EvFile} {
			for _, r := range ReasonCodes(k, e) {
				bases = append(bases, r.Basis)
			}
		}
	}
	for _, d := range ShippedCalendar() {
		if strings.Contains(d.Source, "Art.") {
			bases = append(bases, d.Source)
		}
	}
	// Rows others add in the same form.
	bases = append(bases, "LTC 2018 Art. 26(2)", "LTC 2018 Art. 34(4)", "ND 124/2020 Art. 28b as amended by ND 155/2026",
		"LKN 2011 Art. 50", "TT 05/2021 Art. 14", "LKN 2011 Art. 46–55", "LKN 2011 Art. 53, 55(3)")
	for _, b := range bases {
		got := CiteVI(b)
		if m := englishWord.FindString(got); m != "" {
			t.Errorf("CiteVI(%q) = %q: %q survives", b, got, m)
		}
		if strings.TrimSpace(got) == "" {
			t.Errorf("CiteVI(%q) is empty", b)
		}
	}
}

func TestExplainVICitesInVietnamese(t *testing.T) {
	cal := NewCalendar(ShippedCalendar())
	r, _ := ruleFor(Subject{Kind: Complaint, Round: 1}, ClockResolution, MustDate("2026-06-05"))
	k := newClock(cal, r, MustDate("2026-06-05"), 30)
	want := "Hạn 06/07/2026: thụ lý 05/06/2026 + 30 ngày, rơi vào Chủ nhật (không phải ngày làm việc), chuyển sang thứ Hai — Điều 28 Luật Khiếu nại 2011"
	if got := k.ExplainVI(cal); got != want {
		t.Errorf("ExplainVI\n got %q\nwant %q", got, want)
	}
	if _, en := k.Explain(cal); !strings.HasSuffix(en, "— LKN 2011 Art. 28") {
		t.Errorf("the English explanation changed: %q", en)
	}
}
