package workflow

import (
	"path/filepath"
	"slices"
	"strings"
)

// Attachments (issue 18): scans and files kept on a case — the letter as
// received, evidence, signed decisions. Only the kinds of file an agency
// exchanges are taken, each known by its content, not by what its name or
// the browser claims.

// MaxAttachmentBytes is the default limit of one file: 20 MB.
const MaxAttachmentBytes = 20 << 20

// AttachmentType is a kind of file a case takes.
type AttachmentType struct {
	MIME       string   // as detected from the content
	Extensions []string // the names it may carry, lower case
	Label      string
}

// AttachmentTypes are the kinds taken.
var AttachmentTypes = []AttachmentType{
	{"application/pdf", []string{".pdf"}, "PDF"},
	{"image/jpeg", []string{".jpg", ".jpeg"}, "JPEG"},
	{"image/png", []string{".png"}, "PNG"},
	{"image/tiff", []string{".tif", ".tiff"}, "TIFF"},
	{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", []string{".docx"}, "DOCX"},
	{"application/vnd.oasis.opendocument.text", []string{".odt"}, "ODT"},
}

// CheckAttachment refuses a file whose content is of no kind taken, or whose
// name says another kind than its content is (a script named letter.pdf).
func CheckAttachment(name, detected string) (AttachmentType, error) {
	i := slices.IndexFunc(AttachmentTypes, func(t AttachmentType) bool { return t.MIME == detected })
	if i < 0 {
		return AttachmentType{}, Errorf(CodeUnsupportedFile, "chỉ nhận tệp PDF, JPEG, PNG, TIFF, DOCX hoặc ODT")
	}
	t := AttachmentTypes[i]
	if ext := strings.ToLower(filepath.Ext(name)); !slices.Contains(t.Extensions, ext) {
		return t, Errorf(CodeUnsupportedFile, "tên tệp có đuôi %q nhưng nội dung là tệp %s", ext, t.Label)
	}
	return t, nil
}

// The refusals of a file: of a kind not taken or not what its name says
// (415), over the limit (413); and no place configured to keep files (503).
const (
	CodeUnsupportedFile Code = "unsupported_file"
	CodeTooLarge        Code = "too_large"
	CodeUnavailable     Code = "unavailable"
)
