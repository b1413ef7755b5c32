package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

// track answers GET /api/v1/public/track/{code}: state and dates only, no names, no content.
// Each client address is limited (lookupLimiter): over the limit, 429.
func (a *api) track(c *gin.Context) {
	if !a.lookups.limitLookup(c, tooManyLookups) {
		return
	}
	cs, err := a.store.CaseByTrackingCode(c.Request.Context(), c.Param("code"))
	if err != nil {
		fail(c, err)
		return
	}
	today := a.store.Today()
	c.JSON(http.StatusOK, gin.H{"tracking_code": cs.TrackingCode, "kind": cs.Kind, "state": cs.State,
		"received_on": cs.ReceivedOn.String(), "due_on": optDate(cs.EarliestDue()),
		"status": cs.StatusOn(a.store.Calendar(), today), "last_event_on": cs.LastEventOn.String()})
}

// disclosures answers GET /api/v1/public/disclosures?q=&limit=.
func (a *api) disclosures(c *gin.Context) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	ds, err := a.store.Disclosures(c.Request.Context(), query(c), limit)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": ds})
}
