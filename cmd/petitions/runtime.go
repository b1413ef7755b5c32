package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// tuneRuntime sets Go's runtime for serve: spare processors and a roomier
// heap. The environment's GOMAXPROCS, GOGC and GOMEMLIMIT override each.
func tuneRuntime() {
	spareProcessors()
	roomierHeap()
}

// spareProcessors lets the server run more goroutines at once than the
// machine has cores (at least eight), unless GOMAXPROCS says otherwise.
//
// Every SQLite call is a cgo call, and Go's monitor hands the processor of a
// call that lasts over 20 µs to another thread, so long as no processor is
// idle. The writer's commit waits for the disk far longer than that; when it
// returns, its goroutine queues for a processor behind the HTTP requests,
// still holding the one writer connection. With processors to spare, the
// monitor leaves them where they are and the commit carries straight on. At
// 16 clients on two cores the API's transitions rose by about a tenth
// (docs/PERFORMANCE.md); 32 processors did worse than 8.
func spareProcessors() {
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(max(8, runtime.NumCPU()))
	}
}

// Unless GOGC or GOMEMLIMIT say otherwise, serve collects garbage when its
// heap has grown to five times what is live (GOGC=400, not the default 100),
// and sooner if all of Go's memory nears serveMemoryLimit.
//
// The heap live between requests is small (about 6 MB under load), so by
// default the server collected several times a second. Each collection
// preempts the running goroutines with signals, which on this VM go through
// the hypervisor, and its mark workers take two of the eight processors on
// two cores. In alternating runs of 64 readers back to back, pages a second
// rose by about a tenth (queue 446–517 to 501–582, search 456–479 to
// 521–552), and the server's peak memory from about 110 to 142 MB.
//
// The limit was 96 MB; but a province's yearly report (issue 17) holds some
// 280 MB live at 1,000,000 cases, and above the limit the collector runs
// without pause: 45 s instead of 9 for one form. At 512 MB the reads and
// writes, whose heap stays far below either, collect as before.
const (
	serveGCPercent   = 400
	serveMemoryLimit = 512 << 20 // bytes; SQLite's page caches come on top
)

func roomierHeap() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}
