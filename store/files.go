package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// files keeps the attachments' bytes outside the database, in a directory,
// each file named by the SHA-256 of what is stored (content-addressed: the
// same bytes twice are one file). A file is first written whole to tmp/ and
// synced, then renamed into place, and only then is its row committed; so a
// crash leaves at most a file in tmp/ or a file no row names, and both are
// removed when the store opens (sweep) — never a row without its file.
type files struct {
	dir string   // where files are staged, and kept unless s3 is set
	s3  *s3Files // an S3-compatible store that keeps them instead (files_s3.go)
}

// The part of a file read to tell its kind (mimetype reads 3072 bytes).
const sniffBytes = 3072

// staged is a file written to tmp/, not yet in place.
type staged struct {
	path string
	sha  string
	size int64
	head []byte // its first bytes, to tell its kind
}

// errTooLarge is a file over the limit.
var errTooLarge = errors.New("store: file too large")

// stage writes r to tmp/, at most max bytes (errTooLarge beyond, nothing kept).
func (f *files) stage(r io.Reader, max int64) (staged, error) {
	tmp := filepath.Join(f.dir, "tmp")
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return staged{}, fmt.Errorf("store: files: %w", err)
	}
	out, err := os.CreateTemp(tmp, "upload-*")
	if err != nil {
		return staged{}, fmt.Errorf("store: files: %w", err)
	}
	st := staged{path: out.Name()}
	fail := func(err error) (staged, error) {
		out.Close()
		os.Remove(st.path)
		return staged{}, err
	}
	h := sha256.New()
	head := &prefix{max: sniffBytes}
	n, err := io.Copy(io.MultiWriter(out, h, head), io.LimitReader(r, max+1))
	if err != nil {
		return fail(fmt.Errorf("store: files: %w", err))
	}
	if n > max {
		return fail(errTooLarge)
	}
	if err := out.Sync(); err != nil {
		return fail(fmt.Errorf("store: files: %w", err))
	}
	if err := out.Close(); err != nil {
		return fail(fmt.Errorf("store: files: %w", err))
	}
	st.sha, st.size, st.head = hex.EncodeToString(h.Sum(nil)), n, head.b
	return st, nil
}

// prefix keeps the first max bytes written to it.
type prefix struct {
	b   []byte
	max int
}

func (p *prefix) Write(b []byte) (int, error) {
	if room := p.max - len(p.b); room > 0 {
		p.b = append(p.b, b[:min(room, len(b))]...)
	}
	return len(b), nil
}

// path is where the file of that digest lives.
func (f *files) path(sha string) string {
	return filepath.Join(f.dir, sha[:2], sha)
}

// place moves a staged file into place under its digest (or drops it when
// the same bytes are there already).
func (f *files) place(ctx context.Context, st staged) error {
	if f.s3 != nil {
		err := f.s3.put(ctx, st)
		return errors.Join(err, os.Remove(st.path))
	}
	to := f.path(st.sha)
	if _, err := os.Stat(to); err == nil {
		return os.Remove(st.path)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return fmt.Errorf("store: files: %w", err)
	}
	if err := os.Rename(st.path, to); err != nil {
		return fmt.Errorf("store: files: %w", err)
	}
	d, err := os.Open(filepath.Dir(to))
	if err != nil {
		return fmt.Errorf("store: files: %w", err)
	}
	defer d.Close()
	return d.Sync()
}

// open opens the file of that digest.
func (f *files) open(ctx context.Context, sha string) (io.ReadCloser, error) {
	if f.s3 != nil {
		return f.s3.get(ctx, sha)
	}
	return os.Open(f.path(sha))
}

// sweepAfter is how old a left file must be to be swept: another server
// sharing the directory may be between placing a file and committing its row.
var sweepAfter = time.Hour

// sweep removes what a crash may have left: every file in tmp/, and every
// file no attachment names (named reports whether one does), once older
// than sweepAfter.
func (f *files) sweep(ctx context.Context, named func(sha string) bool) error {
	var fromS3 error
	if f.s3 != nil {
		fromS3 = f.s3.sweep(ctx, named)
	}
	return errors.Join(fromS3, f.sweepDir(named))
}

func (f *files) sweepDir(named func(sha string) bool) error {
	entries, err := os.ReadDir(f.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: files: %w", err)
	}
	var errs []error
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		sub := filepath.Join(f.dir, e.Name())
		inner, err := os.ReadDir(sub)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, x := range inner {
			left := e.Name() == "tmp" || len(x.Name()) == 64 && strings.HasPrefix(x.Name(), e.Name()) && !named(x.Name())
			if info, err := x.Info(); left && err == nil && time.Since(info.ModTime()) > sweepAfter {
				errs = append(errs, os.Remove(filepath.Join(sub, x.Name())))
			}
		}
	}
	return errors.Join(errs...)
}
