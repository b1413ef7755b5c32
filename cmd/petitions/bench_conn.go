package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// benchConn is one client's own keep-alive HTTP/1.1 connection to the server,
// used by one goroutine only. The load generator shares the server's two
// cores, so it must cost the server as little CPU as it can: net/http's
// Transport hands each request between three goroutines (the caller's, the
// connection's writer and reader), and on this VM every handoff is a thread
// wake-up through the hypervisor. Here a request is one write and its answer
// is read by the same goroutine, parsed by net/http's own http.ReadResponse.
type benchConn struct {
	addr string // host:port
	conn net.Conn
	r    *bufio.Reader
	w    *bufio.Writer
}

func newBenchConn(base string) *benchConn {
	return &benchConn{addr: strings.TrimPrefix(base, "http://")}
}

// benchTimeout bounds one request, so a stuck server fails the bench rather
// than hanging it.
const benchTimeout = time.Minute

// do sends one request (body, when not nil, as JSON) and returns the answer's
// status and body. A failed connection is dropped; the next call dials anew.
func (b *benchConn) do(ctx context.Context, method, path, token, cookie string, body []byte) (int, []byte, error) {
	if err := ctx.Err(); err != nil {
		return 0, nil, err
	}
	if b.conn == nil {
		c, err := net.DialTimeout("tcp", b.addr, benchTimeout)
		if err != nil {
			return 0, nil, err
		}
		b.conn, b.r, b.w = c, bufio.NewReaderSize(c, 16<<10), bufio.NewWriterSize(c, 4<<10)
	}
	status, out, keep, err := b.roundTrip(method, path, token, cookie, body)
	if err != nil || !keep {
		b.close()
	}
	if err != nil {
		return 0, nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	return status, out, nil
}

// roundTrip writes the request and reads its answer; keep is whether the
// server keeps the connection open.
func (b *benchConn) roundTrip(method, path, token, cookie string, body []byte) (status int, out []byte, keep bool, err error) {
	b.conn.SetDeadline(time.Now().Add(benchTimeout))
	w := b.w
	w.WriteString(method + " " + path + " HTTP/1.1\r\nHost: " + b.addr + "\r\n")
	if token != "" {
		w.WriteString("Authorization: Bearer " + token + "\r\n")
	}
	if cookie != "" {
		w.WriteString("Cookie: " + cookie + "\r\n")
	}
	if body != nil {
		w.WriteString("Content-Type: application/json\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	w.WriteString("\r\n")
	w.Write(body)
	if err := w.Flush(); err != nil {
		return 0, nil, false, err
	}
	res, err := http.ReadResponse(b.r, nil)
	if err != nil {
		return 0, nil, false, err
	}
	out, err = io.ReadAll(res.Body)
	res.Body.Close()
	return res.StatusCode, out, !res.Close, err
}

func (b *benchConn) close() {
	if b.conn != nil {
		b.conn.Close()
		b.conn = nil
	}
}

// benchConns opens nothing yet: one connection for each of n clients, dialled
// on first use.
func benchConns(base string, n int) []*benchConn {
	cs := make([]*benchConn, n)
	for i := range cs {
		cs[i] = newBenchConn(base)
	}
	return cs
}

func closeAll(cs []*benchConn) {
	for _, c := range cs {
		c.close()
	}
}
