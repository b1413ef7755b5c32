package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// figure is one measured line of the benchmark.
type figure struct {
	name     string
	clients  int
	think    time.Duration
	count    int
	errors   int
	elapsed  time.Duration
	p50, p99 time.Duration
	lat      []time.Duration // sorted
}

func (f figure) rate() float64 { return float64(f.count) / f.elapsed.Seconds() }

// hammer runs clients closed-loop workers for d (at least min requests in all):
// each calls do with its own index and iteration number, pausing think
// between calls (0: back to back), and its latency is recorded. An error
// counts and is kept (the first one).
func hammer(ctx context.Context, name string, clients int, d time.Duration, min int, think time.Duration,
	do func(ctx context.Context, client, i int) error) (figure, error) {
	var (
		mu       sync.Mutex
		lat      []time.Duration
		failures int
		firstErr error
		wg       sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(d)
	var total int
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			var err1 error
			if think > 0 {
				// Officers start at different moments, as they would: sixty-four
				// first clicks at the same instant measure a stampede, not a day.
				time.Sleep(time.Duration(rand.Int64N(int64(think))))
			}
			for i := 0; ; i++ {
				mu.Lock()
				done := time.Now().After(deadline) && total >= min
				total++
				mu.Unlock()
				if done || ctx.Err() != nil {
					break
				}
				t0 := time.Now()
				if err := do(ctx, c, i); err != nil {
					bad++
					if err1 == nil {
						err1 = err
					}
					continue
				}
				mine = append(mine, time.Since(t0))
				if think > 0 {
					time.Sleep(think/2 + time.Duration(rand.Int64N(int64(think)))) // 0.5–1.5 × think, so clients do not march in step
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			failures += bad
			if firstErr == nil {
				firstErr = err1
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	f := figure{name: name, clients: clients, think: think, errors: failures, elapsed: time.Since(start)}
	f = f.join(figure{count: len(lat), lat: lat})
	if firstErr != nil {
		return f, fmt.Errorf("%s: %d of %d failed, first: %w", name, failures, failures+len(lat), firstErr)
	}
	return f, nil
}

// join adds g, another stretch of the same load, to f: one figure over both.
func (f figure) join(g figure) figure {
	f.count += g.count
	f.errors += g.errors
	f.elapsed += g.elapsed
	f.lat = slices.Concat(f.lat, g.lat)
	slices.Sort(f.lat)
	if len(f.lat) > 0 {
		f.p50, f.p99 = percentile(f.lat, 0.50), percentile(f.lat, 0.99)
	}
	return f
}

// percentile of sorted latencies, nearest rank.
func percentile(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted))*p+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }
