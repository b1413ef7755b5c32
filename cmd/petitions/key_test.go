package main

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

// captureStdout runs fn and returns what it printed.
func captureStdout(t *testing.T, fn func() error) (string, error) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	runErr := fn()
	os.Stdout = old
	w.Close()
	out, _ := io.ReadAll(r)
	return string(out), runErr
}

func TestKeyGenerateHelpPrintsHelp(t *testing.T) {
	for _, flag := range []string{"--help", "-h", "-help"} {
		out, err := captureStdout(t, func() error { return run(context.Background(), []string{"key", "generate", flag}) })
		if err != nil || !strings.Contains(out, "Usage") || strings.Count(strings.TrimSpace(out), "\n") == 0 {
			t.Errorf("key generate %s: err %v, printed %q: want the help, not a key", flag, err, out)
		}
	}
	if _, err := captureStdout(t, func() error { return run(context.Background(), []string{"key", "generate", "extra"}) }); err == nil {
		t.Error("key generate with an extra argument: no error")
	}
	out, err := captureStdout(t, func() error { return run(context.Background(), []string{"key", "generate"}) })
	if err != nil || len(strings.TrimSpace(out)) < 40 || strings.Contains(out, " ") {
		t.Errorf("key generate: err %v, printed %q: want one base64 key", err, out)
	}
}
