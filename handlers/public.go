package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
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

// disclosures answers GET /api/v1/public/disclosures?q=&kind=&unit=&year=&cursor=&limit=:
// one page of the register, newest first, with next_cursor and prev_cursor
// (null when there is no such page). A bad kind, unit, year or cursor is 400.
func (a *api) disclosures(c *gin.Context) {
	f, err := disclosureFilter(c)
	if err != nil {
		fail(c, err)
		return
	}
	page, err := a.store.Disclosures(c.Request.Context(), f)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": page.Items, "next_cursor": optString(page.Next), "prev_cursor": optString(page.Prev)})
}

// disclosureFilter reads the register's query string (the API's and the
// page's): q, kind, unit (a unit's code), year, cursor, limit. Only a year
// that is not a number is refused here; the store checks the rest.
func disclosureFilter(c *gin.Context) (store.DisclosureFilter, error) {
	f := store.DisclosureFilter{Query: query(c), Kind: workflow.Kind(strings.TrimSpace(c.Query("kind"))),
		Unit: strings.TrimSpace(c.Query("unit")), Cursor: c.Query("cursor")}
	f.Limit, _ = strconv.Atoi(c.Query("limit"))
	if y := strings.TrimSpace(c.Query("year")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			return f, workflow.Invalid("year", "năm không hợp lệ")
		}
		f.Year = n
	}
	return f, nil
}
