package main

import (
	"os"
	"runtime"
)

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
