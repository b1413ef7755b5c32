package store_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// pdfBytes is a small PDF, as a scanner writes its first bytes.
func pdfBytes(text string) []byte {
	return []byte("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% " + text + "\n%%EOF\n")
}

// docxBytes is a minimal Word document: a zip with its content types and body.
func docxBytes(t *testing.T) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "<xml/>")
	}
	z.Close()
	return b.Bytes()
}

func (w *world) attach(login string, c store.Case, name string, body []byte) (store.Attachment, error) {
	return w.s.AddAttachment(w.ctx, w.user(login), c, store.NewAttachment{Title: "Đơn và tài liệu", FileName: name, Body: bytes.NewReader(body)})
}

// Files are kept by their content, read back as given, refused when too
// large, of a kind not taken, or not what their name says; nothing of a
// refused file is kept.
func TestAttachmentsKeptAndChecked(t *testing.T) {
	w := mustWorld(t)
	c := w.accepted(workflow.Complaint)
	letter := pdfBytes("đơn khiếu nại")
	a, err := w.attach("reception", c, "don-khieu-nai.pdf", letter)
	if err != nil || a.ContentType != "application/pdf" || a.Size != int64(len(letter)) || a.Sealed || a.AddedBy != "reception" {
		t.Fatalf("add: %+v, %v", a, err)
	}
	if d, err := w.attach("reception", c, "bien-ban.docx", docxBytes(t)); err != nil || !strings.Contains(d.ContentType, "wordprocessingml") {
		t.Errorf("a Word document: %+v, %v", d, err)
	}
	got := w.readAttachment("handler", c, a)
	if !bytes.Equal(got, letter) {
		t.Errorf("read back %q", got)
	}
	if _, err := w.s.OpenAttachment(w.ctx, w.viewer("admin"), c, a, "test"); !isCode(err, workflow.CodeIdentityForbidden) {
		t.Errorf("the admin opened the complainant's letter: %v", err)
	}
	for _, bad := range []struct {
		name string
		body []byte
		max  int64
		code workflow.Code
	}{
		{"big.pdf", pdfBytes(strings.Repeat("x", 200)), 100, workflow.CodeTooLarge},
		{"notes.txt", []byte("chỉ là văn bản"), 0, workflow.CodeUnsupportedFile},
		{"script.pdf", []byte("#!/bin/sh\nrm -rf /\n"), 0, workflow.CodeUnsupportedFile},
		{"anh.pdf", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0, workflow.CodeUnsupportedFile}, // a PNG named .pdf
	} {
		_, err := w.s.AddAttachment(w.ctx, w.user("reception"), c, store.NewAttachment{Title: "x", FileName: bad.name, Body: bytes.NewReader(bad.body), Max: bad.max})
		if !isCode(err, bad.code) {
			t.Errorf("%s: %v, want %s", bad.name, err, bad.code)
		}
	}
	// A body that breaks off mid-upload leaves nothing.
	_, err = w.s.AddAttachment(w.ctx, w.user("reception"), c, store.NewAttachment{Title: "x", FileName: "cut.pdf",
		Body: io.MultiReader(bytes.NewReader(letter), errReader{})})
	if err == nil {
		t.Error("a broken upload was kept")
	}
	list, err := w.s.CaseAttachments(w.ctx, c)
	if err != nil || len(list) != 2 {
		t.Errorf("listed %d files, %v; want the two kept", len(list), err)
	}
	if left, _ := os.ReadDir(filepath.Join(w.dsn+".files", "tmp")); len(left) != 0 {
		t.Errorf("refused uploads left %d files in tmp/", len(left))
	}

	// Withdrawn, never deleted.
	if _, err := w.s.WithdrawAttachment(w.ctx, w.user("head"), a, " "); !isCode(err, workflow.CodeInvalid) {
		t.Errorf("withdrawn without a reason: %v", err)
	}
	wd, err := w.s.WithdrawAttachment(w.ctx, w.user("head"), a, "Tải nhầm tệp")
	if err != nil || wd.WithdrawnAt == nil || *wd.WithdrawnBy != "head" || wd.WithdrawnReason != "Tải nhầm tệp" {
		t.Fatalf("withdraw: %+v, %v", wd, err)
	}
	if _, err := w.s.WithdrawAttachment(w.ctx, w.user("head"), a, "Lần nữa"); !isCode(err, workflow.CodeConflict) {
		t.Errorf("withdrawn twice: %v", err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("the connection broke") }

func (w *world) readAttachment(login string, c store.Case, a store.Attachment) []byte {
	w.tb.Helper()
	r, err := w.s.OpenAttachment(w.ctx, w.viewer(login), c, a, "test")
	if err != nil {
		w.tb.Fatalf("open as %s: %v", login, err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		w.tb.Fatal(err)
	}
	return b
}

// A denunciation's file is sealed at rest and opened only for those who may
// see the denouncer, each read recorded.
func TestDenunciationFilesAreSealed(t *testing.T) {
	w := mustWorld(t)
	c := w.accepted(workflow.Denunciation)
	scan := pdfBytes("Nguyễn Văn An tố cáo")
	a, err := w.attach("reception", c, "don-to-cao.pdf", scan)
	if err != nil || !a.Sealed {
		t.Fatalf("add: %+v, %v", a, err)
	}
	if files := w.filesDir(); files != "" {
		stored, err := os.ReadFile(filepath.Join(files, a.SHA256[:2], a.SHA256))
		if err != nil || bytes.Contains(stored, []byte("%PDF")) || bytes.Contains(stored, []byte("Nguy")) {
			t.Errorf("the stored file is not sealed (%d bytes, %v)", len(stored), err)
		}
	}
	if _, err := w.s.OpenAttachment(w.ctx, w.viewer("handler"), c, a, "test"); !isCode(err, workflow.CodeIdentityForbidden) {
		t.Errorf("the handler opened the denouncer's letter: %v", err)
	}
	if got := w.readAttachment("head", c, a); !bytes.Equal(got, scan) {
		t.Errorf("the head read %q", got)
	}
	if n, _ := w.s.IdentityReads(w.ctx, c.ID); n != 1 {
		t.Errorf("%d reads of the denouncer recorded, want the head's one", n)
	}
}

// After a crash: a file half-written in tmp/ and a file placed whose row
// never committed are both swept when the store opens again, once old
// enough that no other server can still be writing them; a kept file stays.
func TestACrashLeavesNoOrphanFile(t *testing.T) {
	w := mustWorld(t)
	c := w.accepted(workflow.Complaint)
	kept, err := w.attach("reception", c, "giu.pdf", pdfBytes("giữ"))
	if err != nil {
		t.Fatal(err)
	}
	dir := w.filesDir()
	if dir == "" {
		t.Skip("the files' directory of a PostgreSQL store is the test's own")
	}
	half := filepath.Join(dir, "tmp", "upload-crashed")
	orphan := filepath.Join(dir, "ab", "ab"+strings.Repeat("0", 62))
	for _, p := range []string{half, orphan} {
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, []byte("%PDF-1.4 nửa chừng"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fresh := filepath.Join(dir, "tmp", "upload-now")
	os.WriteFile(fresh, []byte("đang tải"), 0o600)
	old := time.Now().Add(-2 * time.Hour)
	for _, p := range []string{half, orphan, filepath.Join(dir, kept.SHA256[:2], kept.SHA256)} {
		os.Chtimes(p, old, old)
	}
	w.s.Close()
	s, err := store.Open(w.ctx, w.dsn, store.WithKey(storetest.Key))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for p, want := range map[string]bool{half: false, orphan: false, fresh: true, filepath.Join(dir, kept.SHA256[:2], kept.SHA256): true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: there %v, want %v", p, err == nil, want)
		}
	}
}

// filesDir is where a SQLite store of the world keeps its files; "" on PostgreSQL.
func (w *world) filesDir() string {
	if strings.HasPrefix(w.dsn, "postgres") {
		return ""
	}
	return w.dsn + ".files"
}
