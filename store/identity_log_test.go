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

// An event answered with the case records the denouncer's identity read in
// the event's own transaction: the record is there, once, and a refused event
// neither answers the identity nor records a read.
func TestEventAnsweredWithTheIdentityRecordsTheRead(t *testing.T) {
	w := mustWorld(t)
	nc := letter(workflow.Denunciation, 0, "2026-11-16")
	nc.Petitioner = store.Petitioner{Name: "Trần Thị Bí Mật", IDNumber: "079123456789"}
	d := w.register("reception", nc)
	note := workflow.Input{Event: workflow.EvNote, Note: "đã xem hồ sơ"}

	updated, p, err := w.s.ApplyEvent(w.ctx, w.user("head"), w.viewer("head"), d, d.Version, note, "test")
	if err != nil {
		t.Fatal(err)
	}
	if p == nil || p.Name != "Trần Thị Bí Mật" || updated.Version != d.Version+1 {
		t.Fatalf("the head got petitioner %+v, version %d; want the identity and version %d", p, updated.Version, d.Version+1)
	}
	if n, err := w.s.IdentityReads(w.ctx, d.ID); err != nil || n != 1 {
		t.Fatalf("%d reads recorded (%v), want 1", n, err)
	}

	stale := workflow.Input{Event: workflow.EvNote, Note: "lần hai"}
	if _, p, err := w.s.ApplyEvent(w.ctx, w.user("head"), w.viewer("head"), d, d.Version, stale, "test"); err == nil || p != nil {
		t.Fatalf("a refused event answered %+v, %v; want a conflict and no identity", p, err)
	}
	if n, _ := w.s.IdentityReads(w.ctx, d.ID); n != 1 {
		t.Fatalf("a refused event recorded a read: %d reads, want 1", n)
	}

	// A complaint's petitioner is seen without a record: only denouncers' are secret.
	k := w.register("reception", letter(workflow.Complaint, 1, "2026-11-16"))
	if _, p, err := w.s.ApplyEvent(w.ctx, w.user("head"), w.viewer("head"), k, k.Version, note, "test"); err != nil || p == nil {
		t.Fatalf("the head got complaint petitioner %+v (%v); want it", p, err)
	}
	if n, _ := w.s.IdentityReads(w.ctx, k.ID); n != 0 {
		t.Fatalf("a complainant's identity read was recorded: %d reads, want 0", n)
	}
}

// Without a purpose, an event answers the case alone: no petitioner, even to
// a viewer who may see it, and no identity read recorded.
func TestEventWithoutPurposeReadsNoIdentity(t *testing.T) {
	w := mustWorld(t)
	d := w.register("reception", letter(workflow.Denunciation, 0, "2026-11-16"))
	note := workflow.Input{Event: workflow.EvNote, Note: "đã xem hồ sơ"}
	updated, p, err := w.s.ApplyEvent(w.ctx, w.user("head"), w.viewer("head"), d, d.Version, note, "")
	if err != nil || p != nil || updated.Version != d.Version+1 {
		t.Fatalf("got petitioner %+v, version %d, err %v; want none, version %d", p, updated.Version, err, d.Version+1)
	}
	if n, err := w.s.IdentityReads(w.ctx, d.ID); err != nil || n != 0 {
		t.Fatalf("%d reads recorded (%v), want 0", n, err)
	}
}
