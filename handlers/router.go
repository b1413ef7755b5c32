// Package handlers speaks HTTP: the JSON API of API.md and the pages. Handlers
// are thin: they authenticate, check the role and the unit, bind the input and
// call the store; the rules live in workflow.
package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"

	"petitions/store"
)

type api struct {
	store   *store.Store
	limiter *signInLimiter
	lookups *lookupLimiter
	public  *url.URL // nil: the request's own origin
}

// Option changes a default of New.
type Option func(*config)

type config struct {
	publicURL   string
	lookupRate  float64
	lookupBurst int
	now         func() time.Time
}

// WithPublicURL gives the address browsers reach the site at, such as
// https://khieunai.khanhhoa.gov.vn (an http or https URL with a host and at
// most a "/" path). An https URL makes every cookie Secure even when a proxy
// in front ends TLS and passes plain HTTP on; the receipt's tracking link is
// built on it rather than on the request's Host header.
func WithPublicURL(u string) Option { return func(o *config) { o.publicURL = u } }

// LookupLimit sets the public look-up's limit per client address: rate
// requests a second after a burst of burst (default lookupRate, lookupBurst).
func LookupLimit(rate float64, burst int) Option {
	return func(o *config) { o.lookupRate, o.lookupBurst = rate, burst }
}

// LimitClock sets the clock the rate limits count time by (default time.Now).
func LimitClock(now func() time.Time) Option { return func(o *config) { o.now = now } }

// parsePublicURL checks a public URL and returns it without a trailing "/".
func parsePublicURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return nil, fmt.Errorf("public URL %q: want http:// or https:// and a host, such as https://khieunai.example.gov.vn", raw)
	}
	u.Path = ""
	return u, nil
}

// New builds the HTTP handler of the whole application.
func New(s *store.Store, opts ...Option) (http.Handler, error) {
	o := config{lookupRate: lookupRate, lookupBurst: lookupBurst, now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	var public *url.URL
	if o.publicURL != "" {
		var err error
		if public, err = parsePublicURL(o.publicURL); err != nil {
			return nil, err
		}
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	if err := r.SetTrustedProxies(nil); err != nil { // ClientIP must not be spoofable
		return nil, err
	}
	r.Use(requestLog(), recovery(), limitBody())
	if public != nil && public.Scheme == "https" {
		r.Use(func(c *gin.Context) { c.Set(secureCookiesKey, true) })
	}
	a := &api{store: s, limiter: newSignInLimiter(s), lookups: newLookupLimiter(o.lookupRate, o.lookupBurst, o.now), public: public}

	v1 := r.Group("/api/v1", noStore)
	v1.POST("/session", a.login)
	v1.DELETE("/session", a.authenticate, a.logout)
	v1.GET("/public/track/:code", a.track)
	v1.GET("/public/disclosures", a.disclosures)
	v1.GET("/public/schedule", a.publicSchedule)

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
	authed.GET("/reception/sessions", a.listSessions)
	authed.POST("/reception/sessions", a.createSession)
	authed.GET("/reception/sessions/:id", a.getSession)
	authed.POST("/reception/sessions/:id/change", a.changeSession)
	authed.POST("/reception/sessions/:id/held", a.holdSession)
	authed.POST("/reception/sessions/:id/conclusion", a.concludeSession)
	authed.GET("/reception/visits", a.listVisits)
	authed.POST("/reception/visits", a.createVisit)
	authed.GET("/reception/compliance", a.receptionCompliance)
	authed.GET("/reception/tasks", a.listTasks)
	authed.POST("/reception/tasks/:id/done", a.finishTask)
	authed.GET("/reports", a.listReports)
	authed.GET("/reports/on-time", a.reportOnTime)
	authed.GET("/reports/:form", a.getReport)
	authed.GET("/reports/:form/cases", a.reportCases)
	authed.GET("/cases/:id/documents", a.caseDocuments)
	authed.GET("/documents/:id", a.getDocument)
	authed.PUT("/documents/:id", a.editDocument)
	authed.POST("/documents/:id/issue", a.issueDocument)
	authed.POST("/documents/:id/replace", a.replaceDocument)
	authed.POST("/documents/:id/sent", a.sendDocument)
	authed.GET("/units/:code/documents", a.unitRegister)
	authed.POST("/cases/:id/attachments", a.addAttachment)
	authed.GET("/cases/:id/attachments", a.caseAttachments)
	authed.GET("/attachments/:id", a.getAttachment)
	authed.POST("/attachments/:id/withdraw", a.withdrawAttachment)
	authed.GET("/users", a.listUsers)
	authed.POST("/users", a.createUser)
	authed.PATCH("/users/:login", a.changeUser)
	authed.GET("/units", a.listUnits)
	authed.POST("/units", a.createUnit)
	authed.PATCH("/units/:code", a.changeUnit)
	authed.POST("/units/reorganise", a.reorganiseUnits)
	authed.POST("/import", a.importStaff)

	w, err := mountPages(r, s, a.limiter, a.lookups, public)
	if err != nil {
		return nil, err
	}
	// A URL no route takes: the API's error body under /api/, a page elsewhere.
	r.NoRoute(func(c *gin.Context) {
		if isAPI(c) {
			failCode(c, http.StatusNotFound, "not_found", "không tìm thấy", "")
			return
		}
		w.notFound(c, http.StatusNotFound)
	})
	r.NoMethod(func(c *gin.Context) {
		if isAPI(c) {
			failCode(c, http.StatusMethodNotAllowed, "method_not_allowed", "phương thức không được hỗ trợ", "")
			return
		}
		w.notFound(c, http.StatusMethodNotAllowed)
	})
	r.HandleMethodNotAllowed = true
	// Cross-site form posts are refused before any handler runs (STYLE.md: CSRF).
	return http.NewCrossOriginProtection().Handler(r), nil
}
