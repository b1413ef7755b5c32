package main

import (
	"runtime"
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
