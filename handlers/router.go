// Package handlers speaks HTTP: the JSON API of API.md and the pages. Handlers
// are thin: they authenticate, check the role and the unit, bind the input and
// call the store; the rules live in workflow.
package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/store"
)

type api struct {
	store   *store.Store
	limiter *signInLimiter
}

// New builds the HTTP handler of the whole application.
func New(s *store.Store) (http.Handler, error) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	if err := r.SetTrustedProxies(nil); err != nil { // ClientIP must not be spoofable
		return nil, err
	}
	r.Use(requestLog(), recovery(), limitBody())
	a := &api{store: s, limiter: newSignInLimiter(s)}

	v1 := r.Group("/api/v1")
	v1.POST("/session", a.login)
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

	if err := mountPages(r, s, a.limiter); err != nil {
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
