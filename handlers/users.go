package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"petitions/store"
	"petitions/workflow"
)

// The administration of users (issue 19; README "Users"): GET /users?unit=
// (an administrator's units, or a head's own), POST /users, PATCH
// /users/{login}. Administrators only change, within their scope.

func (a *api) listUsers(c *gin.Context) {
	ctx, v := c.Request.Context(), viewerOf(c)
	code := c.Query("unit")
	if code == "" {
		if code = userOf(c).UnitCode; v.Role == workflow.RoleAdmin {
			code = ""
		}
	}
	units := v.Scope
	if code != "" {
		u, err := a.store.UnitByCode(ctx, code)
		if err != nil {
			fail(c, err)
			return
		}
		if !v.MayReadUsers(u.ID) {
			forbidden(c, "người dùng của đơn vị này không thuộc phạm vi của bạn")
			return
		}
		units = []int64{u.ID}
	} else if v.Role != workflow.RoleAdmin {
		forbidden(c, "chỉ quản trị viên và thủ trưởng được xem danh sách người dùng")
		return
	}
	list, err := a.store.UsersOf(ctx, units)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": nonNil(list)})
}

// newUserBody is POST /users.
type newUserBody struct {
	Login    string        `json:"login"`
	Name     string        `json:"name"`
	Role     workflow.Role `json:"role"`
	Unit     string        `json:"unit"`
	Password string        `json:"password"`
}

func (a *api) createUser(c *gin.Context) {
	if viewerOf(c).Role != workflow.RoleAdmin {
		forbidden(c, "chỉ quản trị viên được tạo người dùng")
		return
	}
	var b newUserBody
	if !decodeJSON(c, &b) {
		return
	}
	name, err := text("name", b.Name, workflow.MaxShort)
	if err == nil {
		b.Login, err = text("login", b.Login, 64)
	}
	if err != nil {
		fail(c, err)
		return
	}
	u, err := a.store.AddUser(c.Request.Context(), userOf(c), viewerOf(c), store.NewUser{Login: b.Login, Name: name, Role: b.Role,
		Unit: b.Unit, Password: b.Password})
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, u)
}

// changeUserBody is PATCH /users/{login}; what it leaves out stays.
type changeUserBody struct {
	Role          *workflow.Role  `json:"role"`
	Unit          *string         `json:"unit"`
	Disabled      *bool           `json:"disabled"`
	PasswordReset bool            `json:"password_reset"`
	Posts         *[]store.PostIn `json:"posts"` // every further post: a role held in another unit
}

func (a *api) changeUser(c *gin.Context) {
	if viewerOf(c).Role != workflow.RoleAdmin {
		forbidden(c, "chỉ quản trị viên được thay đổi người dùng")
		return
	}
	var b changeUserBody
	if !decodeJSON(c, &b) {
		return
	}
	u, temporary, err := a.store.ChangeUser(c.Request.Context(), userOf(c), viewerOf(c), c.Param("login"),
		store.UserChange{Role: b.Role, Unit: b.Unit, Disabled: b.Disabled, PasswordReset: b.PasswordReset, Posts: b.Posts})
	if err != nil {
		fail(c, err)
		return
	}
	out := gin.H{"user": u}
	if temporary != "" {
		out["temporary_password"] = temporary // shown once; the user chooses their own at the next sign-in
	}
	c.JSON(http.StatusOK, out)
}
