package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cpuUse is the CPU time the server process and this load generator spent
// during some stretches of load. Unlike a rate, it does not follow the disk:
// it tells whether a change made a transition cheaper.
type cpuUse struct{ server, bench time.Duration }

// cpuNow reads both clocks; the server's is zero if unknown.
func cpuNow(srv *child) cpuUse {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return cpuUse{server: srv.cpu(), bench: time.Duration(ru.Utime.Nano() + ru.Stime.Nano())}
}

func (u cpuUse) since(before cpuUse) cpuUse {
	return cpuUse{server: u.server - before.server, bench: u.bench - before.bench}
}

func (u cpuUse) plus(v cpuUse) cpuUse {
	return cpuUse{server: u.server + v.server, bench: u.bench + v.bench}
}

// per is the CPU of one transition out of n, in microseconds.
func per(d time.Duration, n int) string {
	return fmt.Sprintf("%.0f µs", float64(d.Microseconds())/float64(max(n, 1)))
}

// cpu is the CPU time the server process has used (user and system), from
// /proc; Linux counts it in ticks of 10 ms (USER_HZ 100).
func (c *child) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", c.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces; utime and stime are
	// the 14th and 15th fields, the 12th and 13th after it.
	_, rest, ok := strings.Cut(string(b), ") ")
	f := strings.Fields(rest)
	if !ok || len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}
