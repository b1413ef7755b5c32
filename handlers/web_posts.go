package handlers

// A user holding posts in several units (store/posts.go; issue 19) chooses
// on every page the one they act in (POST /doi-don-vi): the session then
// stands as that role in that unit, and goes to that role's first page.

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

var postMessages = map[string][2]string{
	"post.label":    {"Đơn vị làm việc", "Acting in"},
	"post.switch":   {"Chuyển", "Switch"},
	"post.switched": {"Đang làm việc tại %s với vai trò %s.", "Now acting in %s as %s."},
	"post.posts":    {"Kiêm nhiệm", "Further posts"},
	"post.add":      {"Thêm kiêm nhiệm", "Add a post"},
	"post.remove":   {"Bỏ", "Remove"},
	"post.none":     {"Không", "None"},
	"refused.title": {"Không thực hiện được", "Refused"},
}

func init() { addMessages(postMessages) }

// switchPost is POST /doi-don-vi {unit}.
func (w *web) switchPost(c *gin.Context) {
	id, _ := c.Cookie(sessionCookie)
	u := userOf(c)
	if err := w.store.SwitchSession(c.Request.Context(), id, u, c.PostForm("unit")); err != nil {
		if e := userRefusal(c, err); e != nil {
			w.render(c, statusOf(e.Code), "notfound", notFoundView{}, map[string]string{"": sentence(e.Message)})
		}
		return
	}
	sess, err := w.store.SessionByID(c.Request.Context(), id)
	if err != nil {
		pageFail(c, err)
		return
	}
	lang := langOf(c)
	setFlash(c, fmt.Sprintf(translate(lang, "post.switched"), sess.User.UnitCode, translate(lang, "role."+string(sess.User.Role))))
	c.Redirect(http.StatusSeeOther, homeFor(sess.User.Role))
}
