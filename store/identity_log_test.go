package store_test

import (
	"sync"
	"testing"

	"petitions/store"
	"petitions/workflow"
)

// Reads of a denouncer's identity made at once share commits, yet every one
// of them is recorded before it is answered.
func TestEverySimultaneousIdentityReadIsRecorded(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Denunciation, 0, "2026-11-16")
	nc.Petitioner = store.Petitioner{Name: "Trần Thị Bí Mật", IDNumber: "079123456789"}
	d := w.register("reception", nc)
	head := w.viewer("head")
	const readers = 60
	var wg sync.WaitGroup
	errs := make(chan error, readers)
	for range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok, err := w.s.Petitioner(w.ctx, head, d, "test"); err != nil || !ok {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("a read failed: %v", err)
	}
	if n, err := w.s.IdentityReads(w.ctx, d.ID); err != nil || n != readers {
		t.Fatalf("%d reads recorded (%v), want %d", n, err, readers)
	}
}

// A closed store records no more reads, and says so.
func TestNoIdentityReadAfterClose(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Denunciation, 0, "2026-11-16")
	d := w.register("reception", nc)
	if _, _, err := w.s.Petitioner(w.ctx, w.viewer("head"), d, "test"); err != nil {
		t.Fatal(err)
	}
	w.s.Close()
	if _, ok, err := w.s.Petitioner(w.ctx, w.viewer("head"), d, "test"); err == nil || ok {
		t.Fatalf("read after close: ok %v, err %v; want an error", ok, err)
	}
}
