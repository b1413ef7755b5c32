package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"petitions/store"
)

// child is the server under test: this very binary running `serve` in its
// own process, so its memory is its own.
type child struct {
	cmd  *exec.Cmd
	base string
}

func startChild(ctx context.Context, exe, db, keyFile string) (*child, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	args := []string{"serve", "--db", db, "--addr", addr}
	if store.IsPostgresDSN(db) { // a PostgreSQL store keeps files only where told (the upload measure)
		args = append(args, "--files", filepath.Join(os.TempDir(), "petitions-bench-files"))
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = append(os.Environ(), "PETITIONS_KEY_FILE="+keyFile)
	cmd.Stderr = nil                                          // request logs are written, to /dev/null, as in production they are to a file
	if path := os.Getenv("PETITIONS_BENCH_LOG"); path != "" { // or kept, to look into a figure
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		defer f.Close() // the child holds its own descriptor
		cmd.Stderr = f
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM} // no server outlives a bench that died
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &child{cmd: cmd, base: "http://" + addr}
	for range 300 {
		if res, err := http.Get(c.base + "/dang-nhap"); err == nil {
			res.Body.Close()
			return c, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	c.stop()
	return nil, fmt.Errorf("bench: the server did not start on %s", addr)
}

// peakRSS is the server's peak resident memory in bytes (VmHWM), 0 if unknown.
func (c *child) peakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

func (c *child) stop() {
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { c.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		c.cmd.Process.Kill()
	}
}
