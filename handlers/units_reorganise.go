package handlers

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// reorganiseBody is POST /units/reorganise (README "Units").
type reorganiseBody struct {
	EffectiveOn workflow.Date     `json:"effective_on"`
	From        []string          `json:"from"`
	Into        []store.Successor `json:"into"`
	Moves       []store.CaseMove  `json:"moves"`
	Users       string            `json:"users"`
	DryRun      bool              `json:"dry_run"`
}

// reorganiseUnits merges units into one or splits one, effective from a day:
// administrators only, within their scope (store.Reorganise keeps the rules).
func (a *api) reorganiseUnits(c *gin.Context) {
	if viewerOf(c).Role != workflow.RoleAdmin {
		forbidden(c, "chỉ quản trị viên được sắp xếp đơn vị")
		return
	}
	var b reorganiseBody
	if !decodeJSON(c, &b) {
		return
	}
	for i, in := range b.Into {
		name, err := text("into", in.Name, workflow.MaxShort)
		if err != nil {
			fail(c, err)
			return
		}
		b.Into[i].Name = name
	}
	r := store.Reorganisation{EffectiveOn: b.EffectiveOn, From: b.From, Into: b.Into, Moves: b.Moves, Users: b.Users}
	act := a.store.Reorganise
	if b.DryRun {
		act = func(ctx context.Context, _ store.User, v workflow.Viewer, r store.Reorganisation) (store.Reorganised, error) {
			return a.store.PreviewReorganisation(ctx, v, r)
		}
	}
	done, err := act(c.Request.Context(), userOf(c), viewerOf(c), r)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, done)
}
