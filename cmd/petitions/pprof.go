package main

import (
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
)

// servePprof serves Go's profiler on PETITIONS_PPROF (a loopback address such
// as 127.0.0.1:6060) when it is set: how the benchmark's server was profiled.
// It is never on by default and refuses any address but loopback.
func servePprof() {
	addr := os.Getenv("PETITIONS_PPROF")
	if addr == "" {
		return
	}
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		slog.Warn("PETITIONS_PPROF must be a loopback address; profiler not started", "addr", addr)
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	go func() { slog.Warn("profiler stopped", "err", http.ListenAndServe(addr, mux)) }()
}
