package workflow

// The fields of a matter and the ways a letter outside the body's competence
// is dealt with, as the letter-processing reports of TT 01/2024/TT-TTCP count
// them (Biểu 01/XLD–04/XLD; ../shared/REPORT-FORMS.md §3–§6).

// Domains are the fields (lĩnh vực) a classify act may give a matter. A
// form counts those it has a column for and the rest under its "Khác".
var Domains = []string{
	DomainPolicy,       // chế độ, chính sách
	DomainLand,         // đất đai, nhà cửa
	DomainCivilService, // công chức, công vụ (denunciations)
	DomainAdminOther,   // hành chính, khác
	DomainCorruption,   // tham nhũng (denunciations)
	DomainJudicial,     // tư pháp
	DomainParty,        // Đảng, đoàn thể
	DomainOther,        // lĩnh vực khác
}

const (
	DomainPolicy       = "policy"
	DomainLand         = "land"
	DomainCivilService = "civil_service"
	DomainAdminOther   = "admin_other"
	DomainCorruption   = "corruption"
	DomainJudicial     = "judicial"
	DomainParty        = "party"
	DomainOther        = "other"
)

// TransferModes are how a letter outside the body's competence leaves it:
// sent on to the competent body (chuyển đơn), the sender guided to it
// (hướng dẫn; a complaint is guided, not sent on, khoản 1 Điều 26 Luật Tiếp
// công dân 2013), or the competent body below urged to resolve it (đôn đốc).
var TransferModes = []string{ModeTransfer, ModeGuide, ModeUrge}

const (
	ModeTransfer = "transfer"
	ModeGuide    = "guide"
	ModeUrge     = "urge"
)

// DefaultMode is a transfer's mode when the act does not say: a complaint's
// sender is guided, any other letter is sent on.
func DefaultMode(k Kind) string {
	if k == Complaint {
		return ModeGuide
	}
	return ModeTransfer
}
