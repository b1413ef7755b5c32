package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// s3Files keeps the attachments' bytes in an S3-compatible object store,
// for an installation larger than one machine's disk: one object a file,
// named by its SHA-256 under a prefix, as the directory names them.
type s3Files struct {
	c              *minio.Client
	bucket, prefix string
}

// IsS3URL reports whether --files names an S3-compatible store.
func IsS3URL(s string) bool { return strings.HasPrefix(s, "s3://") }

// openS3 reads s3://KEY:SECRET@host[:port]/bucket[/prefix][?tls=false]: the
// keys may be left out of the URL for AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY; TLS is on unless tls=false.
func openS3(raw string) (*s3Files, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("store: files: not an s3:// URL: %q", raw)
	}
	bucket, prefix, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	if bucket == "" {
		return nil, fmt.Errorf("store: files: the s3:// URL names no bucket")
	}
	key, secret := os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")
	if u.User != nil {
		key = u.User.Username()
		secret, _ = u.User.Password()
	}
	c, err := minio.New(u.Host, &minio.Options{Creds: credentials.NewStaticV4(key, secret, ""), Secure: u.Query().Get("tls") != "false"})
	if err != nil {
		return nil, fmt.Errorf("store: files: %w", err)
	}
	if prefix != "" && !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	return &s3Files{c: c, bucket: bucket, prefix: prefix}, nil
}

func (s *s3Files) key(sha string) string { return s.prefix + sha[:2] + "/" + sha }

// put sends a staged file, unless the store holds those bytes already.
func (s *s3Files) put(ctx context.Context, st staged) error {
	if _, err := s.c.StatObject(ctx, s.bucket, s.key(st.sha), minio.StatObjectOptions{}); err == nil {
		return nil
	}
	f, err := os.Open(st.path)
	if err != nil {
		return fmt.Errorf("store: files: %w", err)
	}
	defer f.Close()
	_, err = s.c.PutObject(ctx, s.bucket, s.key(st.sha), f, st.size, minio.PutObjectOptions{ContentType: "application/octet-stream"})
	if err != nil {
		return fmt.Errorf("store: files: %w", err)
	}
	return nil
}

func (s *s3Files) get(ctx context.Context, sha string) (io.ReadCloser, error) {
	o, err := s.c.GetObject(ctx, s.bucket, s.key(sha), minio.GetObjectOptions{})
	if err != nil {
		return nil, fmt.Errorf("store: files: %w", err)
	}
	if _, err := o.Stat(); err != nil {
		o.Close()
		return nil, fmt.Errorf("store: files: %w", err)
	}
	return o, nil
}

// sweep removes the objects no attachment names, once older than sweepAfter.
func (s *s3Files) sweep(ctx context.Context, named func(sha string) bool) error {
	var errs []error
	for o := range s.c.ListObjects(ctx, s.bucket, minio.ListObjectsOptions{Prefix: s.prefix, Recursive: true}) {
		if o.Err != nil {
			return fmt.Errorf("store: files: %w", o.Err)
		}
		sha := o.Key[strings.LastIndex(o.Key, "/")+1:]
		if len(sha) == 64 && !named(sha) && time.Since(o.LastModified) > sweepAfter {
			errs = append(errs, s.c.RemoveObject(ctx, s.bucket, o.Key, minio.RemoveObjectOptions{}))
		}
	}
	return errors.Join(errs...)
}
