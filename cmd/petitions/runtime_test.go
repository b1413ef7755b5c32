package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestSpareProcessorsUnlessGOMAXPROCSIsSet(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))

	t.Setenv("GOMAXPROCS", "")
	runtime.GOMAXPROCS(2)
	spareProcessors()
	if got := runtime.GOMAXPROCS(0); got < 8 || got < runtime.NumCPU() {
		t.Errorf("serve runs %d processors on %d cores, want at least 8 and one a core", got, runtime.NumCPU())
	}

	t.Setenv("GOMAXPROCS", "3")
	runtime.GOMAXPROCS(3)
	spareProcessors()
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Errorf("with GOMAXPROCS=3 serve runs %d processors", got)
	}
}

func TestRoomierHeapUnlessGOGCOrGOMEMLIMITIsSet(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(100)
	roomierHeap()
	if got := debug.SetGCPercent(100); got != serveGCPercent {
		t.Errorf("serve collects at GOGC=%d, want %d", got, serveGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != serveMemoryLimit {
		t.Errorf("serve's memory limit is %d, want %d", got, serveMemoryLimit)
	}

	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetGCPercent(50)
	debug.SetMemoryLimit(1 << 30)
	roomierHeap()
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("with GOGC=50 serve collects at %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("with GOMEMLIMIT=1GiB serve's limit is %d", got)
	}
}
