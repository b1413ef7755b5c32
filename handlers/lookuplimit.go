package handlers

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// The public look-up (GET /api/v1/public/track/{code} and /tra-cuu?code=)
// answers each client address at most lookupRate requests a second on
// average, after a burst of up to lookupBurst: a token bucket per address,
// shared by the API and the page. A citizen looks up one or two codes; a ward
// office or a mobile carrier's shared address (CGNAT) serving many citizens
// still gets 36,000 look-ups an hour. A guesser gets 10 a second, which the
// 12-character codes make useless (README: "Tracking codes").
const (
	lookupRate  = 10
	lookupBurst = 30
	// lookupSweep is how often buckets left full are forgotten.
	lookupSweep = time.Minute
)

// lookupLimiter is a token bucket per client address (an IPv6 address counts
// by its /64, which one subscriber usually holds whole).
type lookupLimiter struct {
	mu        sync.Mutex
	rate      float64 // tokens added a second
	burst     float64 // the bucket's size
	buckets   map[string]*lookupBucket
	now       func() time.Time
	lastSweep time.Time
}

type lookupBucket struct {
	tokens float64
	at     time.Time // when tokens was counted
}

func newLookupLimiter(rate float64, burst int, now func() time.Time) *lookupLimiter {
	return &lookupLimiter{rate: rate, burst: float64(burst), buckets: map[string]*lookupBucket{}, now: now, lastSweep: now()}
}

// lookupKey is the bucket of a client address.
func lookupKey(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil || ip.To4() != nil {
		return addr
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// take spends one token of the address's bucket; when it is empty it says
// how long until the next token.
func (l *lookupLimiter) take(addr string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.sweep(now)
	k := lookupKey(addr)
	b, ok := l.buckets[k]
	if !ok {
		b = &lookupBucket{tokens: l.burst, at: now}
		l.buckets[k] = b
	}
	b.refill(now, l.rate, l.burst)
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

func (b *lookupBucket) refill(now time.Time, rate, burst float64) {
	if elapsed := now.Sub(b.at).Seconds(); elapsed > 0 {
		b.tokens = math.Min(burst, b.tokens+elapsed*rate)
		b.at = now
	}
}

// sweep forgets the buckets that have filled up again, so that the map holds
// only the addresses seen lately; the caller holds the lock.
func (l *lookupLimiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < lookupSweep {
		return
	}
	l.lastSweep = now
	for k, b := range l.buckets {
		if b.refill(now, l.rate, l.burst); b.tokens >= l.burst {
			delete(l.buckets, k)
		}
	}
}

// limitLookup refuses a look-up over the address's limit with 429 and
// Retry-After (whole seconds, at least 1); refuse writes the answer.
func (l *lookupLimiter) limitLookup(c *gin.Context, refuse func(c *gin.Context)) bool {
	ok, wait := l.take(c.ClientIP())
	if ok {
		return true
	}
	c.Header("Retry-After", strconv.Itoa(max(1, int(math.Ceil(wait.Seconds())))))
	refuse(c)
	c.Abort()
	return false
}

// tooManyLookups is the API's answer over the limit.
func tooManyLookups(c *gin.Context) {
	failCode(c, http.StatusTooManyRequests, "too_many_requests",
		"quá nhiều yêu cầu tra cứu từ địa chỉ này; vui lòng thử lại sau "+c.Writer.Header().Get("Retry-After")+" giây", "")
}
