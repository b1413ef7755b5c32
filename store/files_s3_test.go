package store_test

import (
	"bytes"
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"petitions/store"
	"petitions/store/storetest"
	"petitions/workflow"
)

// With --files s3://…, the attachments' bytes live in an S3-compatible store:
// here gofakes3, an S3 server in Go, through a real listener and the minio
// client. A file is read back as sent, a denunciation's is sealed there too,
// and an object no attachment names is swept when the store opens.
func TestAttachmentsInAnS3CompatibleStore(t *testing.T) {
	backend := s3mem.New()
	if err := backend.CreateBucket("petitions"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	defer srv.Close()
	url := "s3://key:secret@" + strings.TrimPrefix(srv.URL, "http://") + "/petitions/province?tls=false"
	s, dsn := storetest.OpenDSN(t, store.WithFiles(url))
	w := &world{tb: t, ctx: context.Background(), s: s, dsn: dsn, users: map[string]store.User{}}
	for _, u := range fixtureUnits {
		if _, err := s.CreateUnit(w.ctx, u[0], u[1], u[2], u[3]); err != nil {
			t.Fatal(err)
		}
	}
	c := w.accepted(workflow.Complaint)
	scan := pdfBytes("đơn khiếu nại trong kho S3")
	a, err := w.attach("reception", c, "don.pdf", scan)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.readAttachment("handler", c, a); !bytes.Equal(got, scan) {
		t.Errorf("read back %q", got)
	}
	obj, err := backend.GetObject("petitions", "province/"+a.SHA256[:2]+"/"+a.SHA256, nil)
	if err != nil {
		t.Fatalf("the object of the file: %v", err)
	}
	stored, _ := io.ReadAll(obj.Contents)
	if !bytes.Equal(stored, scan) {
		t.Errorf("the store holds %q", stored)
	}
	d := w.accepted(workflow.Denunciation)
	sealed, err := w.attach("reception", d, "to-cao.pdf", pdfBytes("Nguyễn Văn An tố cáo"))
	if err != nil || !sealed.Sealed {
		t.Fatalf("a denunciation's file: %+v, %v", sealed, err)
	}
	obj, _ = backend.GetObject("petitions", "province/"+sealed.SHA256[:2]+"/"+sealed.SHA256, nil)
	if raw, _ := io.ReadAll(obj.Contents); bytes.Contains(raw, []byte("%PDF")) {
		t.Error("the denunciation's file is not sealed in the object store")
	}

	orphan := strings.Repeat("ab", 32)
	if _, err := backend.PutObject("petitions", "province/ab/"+orphan, nil, strings.NewReader("bỏ dở"), int64(len("bỏ dở")), nil); err != nil {
		t.Fatal(err)
	}
	defer store.SweepAfter(0)()
	s.Close()
	again, err := store.Open(w.ctx, dsn, store.WithKey(storetest.Key), store.WithFiles(url))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if _, err := backend.HeadObject("petitions", "province/ab/"+orphan); err == nil {
		t.Error("an object no attachment names was not swept")
	}
	if _, err := backend.HeadObject("petitions", "province/"+a.SHA256[:2]+"/"+a.SHA256); err != nil {
		t.Errorf("a kept file was swept: %v", err)
	}
}
