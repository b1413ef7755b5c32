package handlers

// The page where an official chooses their own password (GET/POST
// /doi-mat-khau): the one an administrator gave opens nothing else until
// then (requireSession), and every session and token of the user ends with
// the change, so they sign in again with it (issue 19).

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// passwordPage is where an official changes their password.
const passwordPage = "/doi-mat-khau"

// passwordView is the page's data.
type passwordView struct {
	Must bool // the administrator's password must be changed
	Done bool
}

func (w *web) passwordForm(c *gin.Context) {
	w.render(c, http.StatusOK, "password", passwordView{Must: userOf(c).MustChangePassword}, nil)
}

func (w *web) passwordPost(c *gin.Context) {
	u := userOf(c)
	view := passwordView{Must: u.MustChangePassword}
	if c.PostForm("password") != c.PostForm("repeat") {
		w.render(c, http.StatusBadRequest, "password", view, map[string]string{"repeat": translate(langOf(c), "pw.mismatch")})
		return
	}
	if err := w.store.ChangeOwnPassword(c.Request.Context(), u, c.PostForm("current"), c.PostForm("password")); err != nil {
		e := userRefusal(c, err)
		if e == nil {
			return
		}
		w.render(c, statusOf(e.Code), "password", view, map[string]string{e.Field: sentence(e.Message)})
		return
	}
	c.SetCookie(sessionCookie, "", -1, "/", "", secureCookies(c), true)
	w.render(c, http.StatusOK, "password", passwordView{Done: true}, nil)
}
