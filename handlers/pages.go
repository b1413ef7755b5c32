package handlers

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/templates"
)

// mountPages serves the placeholder home page and the public lookup form.
// Each page is rendered into a buffer, so a template error is a clean 500.
func mountPages(r *gin.Engine, s *store.Store) error {
	index, err := template.ParseFS(templates.FS, "index.html")
	if err != nil {
		return err
	}
	type trackView struct{ Code, State, ReceivedOn, DueOn string }
	render := func(c *gin.Context, data gin.H) {
		data["Today"] = s.Today().VN()
		var buf bytes.Buffer
		if err := index.Execute(&buf, data); err != nil {
			fail(c, err)
			return
		}
		c.Data(http.StatusOK, "text/html; charset=utf-8", buf.Bytes())
	}
	r.GET("/", func(c *gin.Context) { render(c, gin.H{}) })
	r.GET("/tra-cuu", func(c *gin.Context) {
		cs, err := s.CaseByTrackingCode(c.Request.Context(), c.Query("code"))
		if err != nil {
			render(c, gin.H{"NotFound": true})
			return
		}
		tv := trackView{Code: cs.TrackingCode, State: string(cs.State), ReceivedOn: cs.ReceivedOn.VN()}
		if d := cs.EarliestDue(); !d.IsZero() {
			tv.DueOn = d.VN()
		}
		render(c, gin.H{"Track": tv})
	})
	return nil
}
