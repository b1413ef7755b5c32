package workflow

import (
	"regexp"
	"strings"
)

// The statute table and the reason codes cite the law in a compact English
// form ("LTC 2018 Art. 29(1)(a)", "ND 124/2020 Art. 16 as amended by ND
// 155/2026 Art. 10"); the API keeps that form (`basis`). Vietnamese pages and
// the printed receipt cite the way Vietnamese officials write it: the smallest
// unit first, then the act ("điểm a khoản 1 Điều 29 Luật Tố cáo 2018").

// CiteVI renders a Basis in Vietnamese. Parts separated by "; " are rendered
// one by one; a part that names no act it knows and no article is returned
// as written, so a Basis already in Vietnamese passes through unchanged.
func CiteVI(basis string) string {
	parts := strings.Split(basis, ";")
	for i, p := range parts {
		parts[i] = citePartVI(strings.TrimSpace(p))
	}
	return strings.Join(parts, "; ")
}

// citePartVI renders one citation: an act with optional articles, optionally
// amended by another, optionally marked "(unit setting)".
func citePartVI(p string) string {
	suffix := ""
	if rest, ok := strings.CutSuffix(p, "(unit setting)"); ok {
		p, suffix = strings.TrimSpace(rest), " (quy định của đơn vị)"
	}
	if p == "" {
		return strings.TrimSpace(suffix)
	}
	main, amender, amended := strings.Cut(p, " as amended by ")
	out := citeRefVI(strings.TrimSpace(main))
	if amended {
		out += ", được sửa đổi bởi " + citeRefVI(strings.TrimSpace(amender))
	}
	return out + suffix
}

// citeRefVI renders "ACT Art. REFS" or "ACT".
func citeRefVI(s string) string {
	act, refs, ok := strings.Cut(s, " Art. ")
	if !ok {
		if a, r, found := strings.Cut(s, "Art. "); found && a == "" {
			act, refs, ok = "", r, true // "Art. 12(3)": the act is named elsewhere
		}
	}
	if !ok {
		return actVI(s)
	}
	if act == "" {
		return articlesVI(strings.TrimSpace(refs))
	}
	return articlesVI(strings.TrimSpace(refs)) + " " + actVI(strings.TrimSpace(act))
}

// lawNames are the codes and laws the tables abbreviate (DOMAIN.md, "Abbreviations").
var lawNames = map[string]string{
	"LKN":    "Luật Khiếu nại",
	"LTC":    "Luật Tố cáo",
	"LTCD":   "Luật Tiếp công dân",
	"BLDS":   "Bộ luật Dân sự",
	"BLLĐ":   "Bộ luật Lao động",
	"BLLD":   "Bộ luật Lao động",
	"THDCCS": "Luật Thực hiện dân chủ ở cơ sở",
}

// docSuffixes complete the numbers of the sub-law documents cited without
// their issuer: decrees are the Government's (NĐ-CP); the circulars and
// decisions cited are those of the Government Inspectorate and the Prime Minister.
var docSuffixes = map[string]string{
	"TT 05/2021": "TT-TTCP", "TT 07/2014": "TT-TTCP", "TT 01/2024": "TT-TTCP", "TT 02/2016": "TT-TTCP",
	"QĐ 188/1999": "QĐ-TTg",
}

var (
	lawRe = regexp.MustCompile(`^(?:Luật )?(LKN|LTC|LTCD|BLDS|BLLĐ|BLLD|THDCCS) (\d{4})$`)
	docRe = regexp.MustCompile(`^(ND|NĐ|TT|QĐ|QD) (\d+[a-z]?)/(\d{4})(/[\p{L}-]+)?$`)
)

// actVI names an act in full: "LTC 2018" → "Luật Tố cáo 2018", "ND 124/2020" →
// "Nghị định 124/2020/NĐ-CP". A number written in full with its issuer
// ("TT 05/2021/TT-TTCP") is already how officials write it and stays. Anything
// else is returned as written.
func actVI(act string) string {
	if m := lawRe.FindStringSubmatch(act); m != nil {
		return lawNames[m[1]] + " " + m[2]
	}
	m := docRe.FindStringSubmatch(act)
	if m == nil {
		return act
	}
	typ := map[string]string{"ND": "NĐ", "NĐ": "NĐ", "TT": "TT", "QĐ": "QĐ", "QD": "QĐ"}[m[1]]
	number := m[2] + "/" + m[3]
	if m[4] != "" {
		return typ + " " + number + m[4]
	}
	name := map[string]string{"NĐ": "Nghị định", "TT": "Thông tư", "QĐ": "Quyết định"}[typ]
	if typ == "NĐ" {
		return name + " " + number + "/NĐ-CP"
	}
	if s, ok := docSuffixes[typ+" "+number]; ok {
		return name + " " + number + "/" + s
	}
	return name + " " + number
}

// articleRe reads one article reference: "29", "28b", "147–148", then
// paragraphs and points in parentheses: "28(1)", "29(1)(a)".
var articleRe = regexp.MustCompile(`^(\d+[a-z]?(?:[–-]\d+[a-z]?)?)((?:\([0-9a-zđ–-]+\))*)$`)

var parenRe = regexp.MustCompile(`\(([^)]*)\)`)

// articlesVI renders "27, 36" → "Điều 27, 36"; "111(3), 112" → "khoản 3
// Điều 111, Điều 112"; "29(1)(c), 24(2)" → "điểm c khoản 1 Điều 29, khoản 2
// Điều 24". Articles cited whole one after another share one "Điều".
func articlesVI(refs string) string {
	var out []string
	plainRun := false // the last piece is "Điều N" and may take more bare numbers
	for _, item := range strings.Split(refs, ",") {
		item = strings.TrimSpace(strings.ReplaceAll(item, ")–(", "–"))
		m := articleRe.FindStringSubmatch(item)
		if m == nil {
			out, plainRun = append(out, item), false
			continue
		}
		parens := parenRe.FindAllStringSubmatch(m[2], -1)
		if len(parens) == 0 {
			if plainRun {
				out[len(out)-1] += ", " + m[1]
			} else {
				out = append(out, "Điều "+m[1])
			}
			plainRun = true
			continue
		}
		piece := "khoản " + parens[0][1] + " Điều " + m[1]
		if len(parens) > 1 {
			piece = "điểm " + parens[1][1] + " " + piece
			for _, deeper := range parens[2:] {
				piece = "tiết " + deeper[1] + " " + piece
			}
		}
		out, plainRun = append(out, piece), false
	}
	return strings.Join(out, ", ")
}

// ExplainVI is the Vietnamese explanation of Explain with its citation in
// the Vietnamese way ("… — Điều 28 Luật Khiếu nại 2011"), for pages and the receipt.
func (c Clock) ExplainVI(cal *Calendar) string {
	vi, _ := c.Explain(cal)
	if c.Basis != "" {
		if head, ok := strings.CutSuffix(vi, c.Basis); ok {
			return head + CiteVI(c.Basis)
		}
	}
	return vi
}
