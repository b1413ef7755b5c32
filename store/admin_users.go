package store

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/text/unicode/norm"

	"petitions/workflow"
)

// Administration of users (issue 19): an administrator lists, creates and
// changes the users of the units in their scope; each act and its line in
// admin_log commit together. A user created, or whose password is reset,
// must choose a password at the next sign-in; disabling a user, resetting
// their password or moving them ends their sessions and tokens at once.

// UserView is a user as an administrator (or a head) reads them: never a
// password hash.
type UserView struct {
	Login              string        `json:"login" db:"login"`
	Name               string        `json:"name" db:"name"`
	Role               workflow.Role `json:"role" db:"role"`
	Unit               string        `json:"unit" db:"unit_code"`
	Disabled           bool          `json:"disabled" db:"disabled"`
	MustChangePassword bool          `json:"must_change_password" db:"must_change_password"`
	Posts              []Post        `json:"posts" db:"-"` // further posts (posts.go)
	ID                 int64         `json:"-" db:"id"`
}

const userViewSelect = `SELECT u.id, u.login, u.name, u.role, n.code AS unit_code, u.disabled, u.must_change_password
	FROM users u JOIN units n ON n.id = u.unit_id`

// UsersOf lists the users of the units, and those holding a post in them,
// by unit and login, each with their further posts.
func (s *Store) UsersOf(ctx context.Context, units []int64) ([]UserView, error) {
	if len(units) == 0 {
		return nil, nil
	}
	in := placeholders(len(units))
	args := make([]any, 0, 2*len(units))
	for range 2 {
		for _, u := range units {
			args = append(args, u)
		}
	}
	var out []UserView
	if err := s.r.SelectContext(ctx, &out, userViewSelect+` WHERE u.unit_id IN (`+in+`)
		OR u.id IN (SELECT user_id FROM user_posts WHERE unit_id IN (`+in+`)) ORDER BY n.code, u.login`, args...); err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	return out, s.withPosts(ctx, out)
}

// withPosts fills the users' further posts.
func (s *Store) withPosts(ctx context.Context, users []UserView) error {
	ids := make([]int64, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	posts, err := postsOf(ctx, s.r, ids...)
	for i := range users {
		users[i].Posts = nonNilPosts(posts[users[i].ID])
	}
	return err
}

func nonNilPosts(p []Post) []Post {
	if p == nil {
		return []Post{}
	}
	return p
}

// NewUser is a user an administrator creates.
type NewUser struct {
	Login, Name string
	Role        workflow.Role
	Unit        string
	Password    string // to be changed at the first sign-in
}

// checkNewUser is a new user's own rules, its fields trimmed and NFC; the
// unit's existence and scope are the caller's (AddUser, ImportStaff).
func checkNewUser(in NewUser) (NewUser, error) {
	in.Login, in.Name, in.Password = norm.NFC.String(strings.TrimSpace(in.Login)), strings.TrimSpace(in.Name), norm.NFC.String(in.Password)
	in.Unit = strings.TrimSpace(in.Unit)
	switch {
	case in.Login == "":
		return in, workflow.Invalid("login", "tên đăng nhập không được để trống")
	case in.Name == "":
		return in, workflow.Invalid("name", "cần nhập họ tên")
	case !in.Role.Valid():
		return in, workflow.Invalid("role", "vai trò không hợp lệ: %q", in.Role)
	case in.Unit == "":
		return in, workflow.Invalid("unit", "người dùng phải thuộc một đơn vị")
	}
	if err := workflow.CheckNewPassword("password", in.Password); err != nil {
		return in, err
	}
	return in, refuseUnstorable("login", in.Login, "name", in.Name)
}

// AddUser creates a user in a unit of the administrator's scope.
func (s *Store) AddUser(ctx context.Context, actor User, v workflow.Viewer, in NewUser) (UserView, error) {
	in, err := checkNewUser(in)
	if err != nil {
		return UserView{}, err
	}
	unit, err := s.UnitByCode(ctx, in.Unit)
	if err != nil {
		return UserView{}, workflow.Invalid("unit", "không có đơn vị %q", in.Unit)
	}
	if !v.MayManageUsers(unit.ID) {
		return UserView{}, workflow.Errorf(workflow.CodeForbidden, "đơn vị %s không thuộc phạm vi quản trị của bạn", unit.Code)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(in.Password), s.passwordCost)
	if err != nil {
		return UserView{}, fmt.Errorf("store: hash password: %w", err)
	}
	now := s.stamp()
	err = s.write(ctx, func(tx *txn) error {
		if err := insertUser(ctx, tx, in, unit.ID, hash, now); err != nil {
			return err
		}
		return logAdmin(ctx, tx, actor.ID, now, "user_created", in.Login, string(in.Role)+" "+unit.Code)
	})
	if err != nil {
		return UserView{}, err
	}
	return s.userView(ctx, in.Login)
}

// insertUser adds a checked user, who must change the password at the first sign-in.
func insertUser(ctx context.Context, tx *txn, in NewUser, unitID int64, hash []byte, now string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO users (login, name, role, unit_id, password_hash, created_at, must_change_password)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, in.Login, in.Name, in.Role, unitID, string(hash), now, true)
	if isUniqueViolation(err) {
		return workflow.Errorf(workflow.CodeConflict, "tên đăng nhập %q đã tồn tại", in.Login)
	}
	if err != nil {
		return fmt.Errorf("store: add user: %w", err)
	}
	return nil
}

func (s *Store) userView(ctx context.Context, login string) (UserView, error) {
	var u UserView
	if err := s.r.GetContext(ctx, &u, userViewSelect+` WHERE u.login = ?`, login); err != nil {
		return u, notFound(err, "người dùng")
	}
	one := []UserView{u}
	err := s.withPosts(ctx, one)
	return one[0], err
}

func logAdmin(ctx context.Context, tx *txn, actorID int64, at, act, target, detail string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO admin_log (actor_id, at, act, target, detail) VALUES (?, ?, ?, ?, ?)`,
		actorID, at, act, target, detail); err != nil {
		return fmt.Errorf("store: admin log: %w", err)
	}
	return nil
}

// UserChange is what an administrator changes of a user; nil leaves it.
type UserChange struct {
	Role          *workflow.Role
	Unit          *string
	Disabled      *bool
	PasswordReset bool      // a new temporary password, to be changed at the next sign-in
	Posts         *[]PostIn // the further posts, all of them (posts.go)
}

// ChangeUser changes a user of the administrator's scope (into a unit of it),
// in one transaction with its log: never leaving the installation without an
// enabled administrator (422 last_admin). A reset answers the temporary
// password, shown once.
func (s *Store) ChangeUser(ctx context.Context, actor User, v workflow.Viewer, login string, ch UserChange) (UserView, string, error) {
	target, err := s.UserByLogin(ctx, login)
	if err != nil {
		return UserView{}, "", err
	}
	if !v.MayManageUsers(target.UnitID) {
		return UserView{}, "", workflow.Errorf(workflow.CodeForbidden, "người dùng %s không thuộc phạm vi quản trị của bạn", login)
	}
	set, args, acts := []string{}, []any{}, []string{}
	ownUnit := target.UnitID
	if ch.Role != nil {
		if !ch.Role.Valid() {
			return UserView{}, "", workflow.Invalid("role", "vai trò không hợp lệ: %q", *ch.Role)
		}
		set, args, acts = append(set, "role = ?"), append(args, *ch.Role), append(acts, "role "+string(*ch.Role))
	}
	if ch.Unit != nil {
		unit, err := s.UnitByCode(ctx, *ch.Unit)
		if err != nil {
			return UserView{}, "", workflow.Invalid("unit", "không có đơn vị %q", *ch.Unit)
		}
		if !v.MayManageUsers(unit.ID) {
			return UserView{}, "", workflow.Errorf(workflow.CodeForbidden, "đơn vị %s không thuộc phạm vi quản trị của bạn", unit.Code)
		}
		set, args, acts = append(set, "unit_id = ?"), append(args, unit.ID), append(acts, "unit "+unit.Code)
		ownUnit = unit.ID
	}
	if ch.Disabled != nil {
		set, args = append(set, "disabled = ?"), append(args, *ch.Disabled)
		acts = append(acts, map[bool]string{true: "disabled", false: "enabled"}[*ch.Disabled])
	}
	temporary := ""
	if ch.PasswordReset {
		temporary = temporaryPassword()
		hash, err := bcrypt.GenerateFromPassword([]byte(temporary), s.passwordCost)
		if err != nil {
			return UserView{}, "", fmt.Errorf("store: hash password: %w", err)
		}
		set, args, acts = append(set, "password_hash = ?", "must_change_password = ?"), append(args, string(hash), true), append(acts, "password reset")
	}
	var posts []Post
	if ch.Posts != nil {
		if posts, err = s.checkPosts(ctx, v, ownUnit, *ch.Posts); err != nil {
			return UserView{}, "", err
		}
		acts = append(acts, "posts "+postsText(posts))
	}
	if len(set) == 0 && ch.Posts == nil {
		return UserView{}, "", workflow.Invalid("", "không có thay đổi nào")
	}
	now := s.stamp()
	err = s.write(ctx, func(tx *txn) error {
		if len(set) > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE users SET `+strings.Join(set, ", ")+` WHERE id = ?`, append(args, target.ID)...); err != nil {
				return fmt.Errorf("store: change user %s: %w", login, err)
			}
		}
		if ch.Posts != nil {
			if err := writePosts(ctx, tx, target.ID, posts); err != nil {
				return err
			}
		} else if ch.Unit != nil { // a post in the new own unit is the user's own now
			if _, err := tx.ExecContext(ctx, `DELETE FROM user_posts WHERE user_id = ? AND unit_id = ?`, target.ID, ownUnit); err != nil {
				return fmt.Errorf("store: change user %s: %w", login, err)
			}
		}
		var admins int
		if err := tx.GetContext(ctx, &admins, `SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = ?`, false); err != nil {
			return fmt.Errorf("store: change user %s: %w", login, err)
		}
		if admins == 0 { // the change rolls back
			return workflow.Errorf(workflow.CodeLastAdmin, "không thể bỏ quản trị viên cuối cùng đang hoạt động")
		}
		for _, q := range []string{`DELETE FROM api_tokens WHERE user_id = ?`, `DELETE FROM sessions WHERE user_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, target.ID); err != nil {
				return fmt.Errorf("store: change user %s: %w", login, err)
			}
		}
		return logAdmin(ctx, tx, actor.ID, now, "user_changed", target.Login, strings.Join(acts, "; "))
	})
	if err != nil {
		return UserView{}, "", err
	}
	u, err := s.userView(ctx, target.Login)
	return u, temporary, err
}

// temporaryPassword is twelve characters, letters and digits both, that
// pass the password rule and are easily read aloud (no 0/O, 1/l).
func temporaryPassword() string {
	const letters, digits = "abcdefghjkmnpqrstuvwxyz", "23456789"
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	out := make([]byte, len(b))
	for i, x := range b {
		set := letters
		if i%4 == 3 {
			set = digits
		}
		out[i] = set[int(x)%len(set)]
	}
	return string(out)
}

// ChangeOwnPassword sets the user's own password after checking the current
// one: the rule applies, the new one differs, the mark to change it is
// cleared, and every session and token of the user ends (sign in again).
func (s *Store) ChangeOwnPassword(ctx context.Context, u User, current, next string) error {
	current, next = norm.NFC.String(current), norm.NFC.String(next)
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(current)) != nil {
		return workflow.Invalid("current", "mật khẩu hiện tại không đúng")
	}
	if err := workflow.CheckNewPassword("password", next); err != nil {
		return err
	}
	if next == current {
		return workflow.Invalid("password", "mật khẩu mới phải khác mật khẩu hiện tại")
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(next), s.passwordCost)
	if err != nil {
		return fmt.Errorf("store: hash password: %w", err)
	}
	return s.write(ctx, func(tx *txn) error {
		for _, q := range []string{`UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?`,
			`DELETE FROM api_tokens WHERE user_id = ?`, `DELETE FROM sessions WHERE user_id = ?`} {
			args := []any{u.ID}
			if strings.HasPrefix(q, "UPDATE") {
				args = []any{string(hash), false, u.ID}
			}
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("store: change the password of %s: %w", u.Login, err)
			}
		}
		return nil
	})
}
