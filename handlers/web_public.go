package handlers

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
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
	Query, Kind, Unit, Year string
	Kinds, Units, Limits    []option
	Items                   []store.Disclosure
	Next, Prev              string // the addresses of the pages after and before, if any
	Problem                 string // a bad filter value, in the page's language
}

// disclosurePageSizes are the page's choices of page size; the first is the default.
var disclosurePageSizes = []string{"20", "50", "100"}

// disclosuresPage is GET /cong-khai?q=&kind=&unit=&year=&limit=&cursor=: the
// public register of disclosed decisions, newest first, a page at a time,
// filtered by kind, unit (and those below it) and year of disclosure. Only
// the text written for publication is shown. A bad filter value is a 400 with
// the form and a notice.
func (w *web) disclosuresPage(c *gin.Context) {
	ctx, lang := c.Request.Context(), langOf(c)
	v := disclosuresView{Query: query(c), Kind: c.Query("kind"), Unit: c.Query("unit"), Year: c.Query("year")}
	limit := c.Query("limit")
	if !slices.Contains(disclosurePageSizes, limit) {
		limit = disclosurePageSizes[0]
	}
	v.Kinds = options(lang, workflow.Kinds, v.Kind, "kind.")
	v.Limits = options(lang, disclosurePageSizes, limit, "")
	for i := range v.Limits {
		v.Limits[i].Label = v.Limits[i].Value
	}
	units, err := w.store.Units(ctx)
	if err != nil {
		pageFail(c, err)
		return
	}
	for _, u := range units {
		v.Units = append(v.Units, option{Value: u.Code, Label: u.Name, Selected: u.Code == v.Unit})
	}
	f, err := disclosureFilter(c)
	f.Limit, _ = strconv.Atoi(limit)
	var page store.DisclosurePage
	if err == nil {
		page, err = w.store.Disclosures(ctx, f)
	}
	if workflow.ErrorCode(err) == workflow.CodeInvalid {
		v.Problem = translate(lang, "public.bad_filter")
		w.render(c, http.StatusBadRequest, "disclosures", v, nil)
		return
	} else if err != nil {
		pageFail(c, err)
		return
	}
	v.Items = page.Items
	q := url.Values{}
	for k, val := range map[string]string{"q": v.Query, "kind": v.Kind, "unit": v.Unit, "year": v.Year, "limit": limit} {
		if val != "" {
			q.Set(k, val)
		}
	}
	if page.Next != "" {
		q.Set("cursor", page.Next)
		v.Next = "/cong-khai?" + q.Encode()
	}
	if page.Prev != "" {
		q.Set("cursor", page.Prev)
		v.Prev = "/cong-khai?" + q.Encode()
	}
	w.render(c, http.StatusOK, "disclosures", v, nil)
}
