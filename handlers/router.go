// Package handlers speaks HTTP: the JSON API of API.md and the pages. Handlers
// are thin: they authenticate, check the role and the unit, bind the input and
// call the store; the rules live in workflow.
package handlers

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"petitions/store"
)

type api struct {
	store   *store.Store
	limiter *signInLimiter
	lookups *lookupLimiter
}

// Option changes a default of New.
type Option func(*config)

type config struct {
	lookupRate  float64
	lookupBurst int
	now         func() time.Time
}

// LookupLimit sets the public look-up's limit per client address: rate
// requests a second after a burst of burst (default lookupRate, lookupBurst).
func LookupLimit(rate float64, burst int) Option {
	return func(o *config) { o.lookupRate, o.lookupBurst = rate, burst }
}

// LimitClock sets the clock the rate limits count time by (default time.Now).
func LimitClock(now func() time.Time) Option { return func(o *config) { o.now = now } }

// New builds the HTTP handler of the whole application.
func New(s *store.Store, opts ...Option) (http.Handler, error) {
	o := config{lookupRate: lookupRate, lookupBurst: lookupBurst, now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	if err := r.SetTrustedProxies(nil); err != nil { // ClientIP must not be spoofable
		return nil, err
	}
	r.Use(requestLog(), recovery(), limitBody())
	a := &api{store: s, limiter: newSignInLimiter(), lookups: newLookupLimiter(o.lookupRate, o.lookupBurst, o.now)}

	v1 := r.Group("/api/v1")
	v1.POST("/session", a.login)
	v1.DELETE("/session", a.authenticate, a.logout)
	v1.GET("/public/track/:code", a.track)
	v1.GET("/public/disclosures", a.disclosures)

	authed := v1.Group("", a.authenticate)
	authed.POST("/cases", a.createCase)
	authed.GET("/cases", a.listCases)
	authed.GET("/cases/:id", a.getCase)
	authed.GET("/cases/:id/history", a.history)
	authed.POST("/cases/:id/events", a.fireEvent)
	authed.GET("/backlog", a.backlog)
	authed.GET("/calendar", a.calendarDays)
	authed.PUT("/calendar/:day", a.setCalendarDay)
	authed.GET("/settings/:unit", a.getSettings)
	authed.PUT("/settings/:unit", a.putSettings)

	if err := mountPages(r, s, a.limiter, a.lookups); err != nil {
		return nil, err
	}
	r.NoRoute(func(c *gin.Context) {
		failCode(c, http.StatusNotFound, "not_found", "không tìm thấy", "")
	})
	r.NoMethod(func(c *gin.Context) {
		failCode(c, http.StatusMethodNotAllowed, "method_not_allowed", "phương thức không được hỗ trợ", "")
	})
	r.HandleMethodNotAllowed = true
	// Cross-site form posts are refused before any handler runs (STYLE.md: CSRF).
	return http.NewCrossOriginProtection().Handler(r), nil
}
