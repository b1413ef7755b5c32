package handlers

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

type trackPageView struct {
	Code      string
	Found     bool
	NotFound  bool
	Case      store.Case
	DueOn     workflow.Date
	Status    workflow.Status
	Throttled string // the Retry-After seconds when the address is over the look-up limit
}

// trackPage lets a citizen look up a letter by its tracking code: state and
// dates only. Look-ups (not the empty form) are limited per client address
// (lookupLimiter): over the limit, 429 and the form with a Vietnamese notice.
func (w *web) trackPage(c *gin.Context) {
	v := trackPageView{Code: strings.TrimSpace(c.Query("code"))}
	if v.Code != "" && !w.lookups.limitLookup(c, func(c *gin.Context) {
		v.Throttled = c.Writer.Header().Get("Retry-After")
		w.render(c, http.StatusTooManyRequests, "home", v, nil)
	}) {
		return
	}
	if v.Code != "" {
		cs, err := w.store.CaseByTrackingCode(c.Request.Context(), v.Code)
		switch {
		case err == nil:
			v.Found, v.Case, v.DueOn = true, cs, cs.EarliestDue()
			v.Status = cs.StatusOn(w.store.Calendar(), w.store.Today())
		case workflow.ErrorCode(err) == workflow.CodeNotFound:
			v.NotFound = true
		default:
			fail(c, err)
			return
		}
	}
	w.render(c, http.StatusOK, "home", v, nil)
}

type disclosuresView struct {
	Query string
	Items []store.Disclosure
}

// disclosuresPage is the public register of disclosed decisions, with search.
func (w *web) disclosuresPage(c *gin.Context) {
	v := disclosuresView{Query: query(c)}
	items, err := w.store.Disclosures(c.Request.Context(), v.Query, 100)
	if err != nil {
		fail(c, err)
		return
	}
	v.Items = items
	w.render(c, http.StatusOK, "disclosures", v, nil)
}
