package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"petitions/workflow"
)

// A user may hold a role in units besides their own (issue 19: a deputy who
// receives citizens for two communes; migration 00030). A session or a token
// acts in one post at a time, chosen at sign-in or switched on the page:
// the user then stands, for every rule, as the role held in that unit, so a
// denouncer's identity, a queue or a scope never mixes two units.

// Post is a role a user holds in a unit.
type Post struct {
	UnitID int64         `json:"-" db:"unit_id"`
	Unit   string        `json:"unit" db:"unit_code"`
	Role   workflow.Role `json:"role" db:"role"`
}

// PostIn is a further post an administrator gives: a unit's code and a role.
type PostIn struct {
	Unit string        `json:"unit"`
	Role workflow.Role `json:"role"`
}

// postsOf lists the further posts of the users, by user and unit code.
func postsOf(ctx context.Context, q sqlx.QueryerContext, userIDs ...int64) (map[int64][]Post, error) {
	out := map[int64][]Post{}
	if len(userIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(userIDs))
	for i, id := range userIDs {
		args[i] = id
	}
	var rows []struct {
		UserID int64 `db:"user_id"`
		Post
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT p.user_id, p.unit_id, n.code AS unit_code, p.role FROM user_posts p
		JOIN units n ON n.id = p.unit_id WHERE p.user_id IN (`+placeholders(len(args))+`) ORDER BY p.user_id, n.code`, args...); err != nil {
		return nil, fmt.Errorf("store: posts: %w", err)
	}
	for _, r := range rows {
		out[r.UserID] = append(out[r.UserID], r.Post)
	}
	return out, nil
}

// Posts lists every post of the user: their own first, then the further ones.
func (s *Store) Posts(ctx context.Context, u User) ([]Post, error) {
	further, err := postsOf(ctx, s.r, u.ID)
	if err != nil {
		return nil, err
	}
	own, err := userBy(ctx, s.r, "u.id = ?", u.ID)
	if err != nil {
		return nil, err
	}
	return append([]Post{{UnitID: own.UnitID, Unit: own.UnitCode, Role: own.Role}}, further[u.ID]...), nil
}

// inPost is u acting in the post it holds in the unit (NULL, or a post since
// taken away: in its own unit, as it is).
func inPost(ctx context.Context, q sqlx.QueryerContext, u User, unit sql.NullInt64) (User, error) {
	if !unit.Valid || unit.Int64 == u.UnitID {
		return u, nil
	}
	var p Post
	err := sqlx.GetContext(ctx, q, &p, `SELECT p.unit_id, n.code AS unit_code, p.role FROM user_posts p JOIN units n ON n.id = p.unit_id
		WHERE p.user_id = ? AND p.unit_id = ?`, u.ID, unit.Int64)
	if err == sql.ErrNoRows {
		return u, nil
	}
	if err != nil {
		return u, fmt.Errorf("store: post: %w", err)
	}
	u.UnitID, u.UnitCode, u.Role = p.UnitID, p.Unit, p.Role
	return u, nil
}

// postUnit is the unit of the user's post in the unit with that code:
// NULL for their own unit, forbidden for a unit they hold no post in.
func (s *Store) postUnit(ctx context.Context, u User, code string) (sql.NullInt64, error) {
	posts, err := s.Posts(ctx, u)
	if err != nil {
		return sql.NullInt64{}, err
	}
	i := slices.IndexFunc(posts, func(p Post) bool { return p.Unit == code })
	switch {
	case code == "" || i == 0:
		return sql.NullInt64{}, nil
	case i < 0:
		return sql.NullInt64{}, workflow.Errorf(workflow.CodeForbidden, "bạn không giữ chức vụ nào tại đơn vị %q", code)
	}
	return sql.NullInt64{Int64: posts[i].UnitID, Valid: true}, nil
}

// SwitchSession makes the session act in the user's post in the unit with
// that code ("" or their own unit: their own post).
func (s *Store) SwitchSession(ctx context.Context, id string, u User, code string) error {
	unit, err := s.postUnit(ctx, u, code)
	if err != nil {
		return err
	}
	if _, err := s.exec(ctx, `UPDATE sessions SET unit_id = ? WHERE id_hash = ? AND user_id = ?`, unit, hashToken(id), u.ID); err != nil {
		return fmt.Errorf("store: switch post: %w", err)
	}
	return nil
}

// checkPosts checks the further posts an administrator gives a user whose
// own unit is ownUnit: units of their scope, each once and not the user's
// own, a role of the unit's staff (an administrator's is not a post: it is
// one user's, so that the last-administrator rule counts people).
func (s *Store) checkPosts(ctx context.Context, v workflow.Viewer, ownUnit int64, in []PostIn) ([]Post, error) {
	var out []Post
	for _, p := range in {
		u, err := s.UnitByCode(ctx, strings.TrimSpace(p.Unit))
		switch {
		case err != nil:
			return nil, workflow.Invalid("posts", "không có đơn vị %q", p.Unit)
		case !v.MayManageUsers(u.ID):
			return nil, workflow.Errorf(workflow.CodeForbidden, "đơn vị %s không thuộc phạm vi quản trị của bạn", u.Code)
		case !u.ValidTo.IsZero():
			return nil, workflow.Errorf(workflow.CodeUnitClosed, "đơn vị %s đã kết thúc hoạt động", u.Code)
		case u.ID == ownUnit:
			return nil, workflow.Invalid("posts", "đơn vị %s là đơn vị của người dùng", u.Code)
		case !p.Role.Valid() || p.Role == workflow.RoleAdmin:
			return nil, workflow.Invalid("posts", "vai trò kiêm nhiệm không hợp lệ: %q", p.Role)
		case slices.ContainsFunc(out, func(x Post) bool { return x.UnitID == u.ID }):
			return nil, workflow.Invalid("posts", "đơn vị %s được nêu hai lần", u.Code)
		}
		out = append(out, Post{UnitID: u.ID, Unit: u.Code, Role: p.Role})
	}
	return out, nil
}

// writePosts replaces the user's further posts.
func writePosts(ctx context.Context, tx *txn, userID int64, posts []Post) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM user_posts WHERE user_id = ?`, userID); err != nil {
		return fmt.Errorf("store: posts: %w", err)
	}
	for _, p := range posts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO user_posts (user_id, unit_id, role) VALUES (?, ?, ?)`, userID, p.UnitID, p.Role); err != nil {
			return fmt.Errorf("store: posts: %w", err)
		}
	}
	return nil
}

// postsText describes posts for the admin log: "KH-VH reception, …".
func postsText(posts []Post) string {
	if len(posts) == 0 {
		return "none"
	}
	var out []string
	for _, p := range posts {
		out = append(out, p.Unit+" "+string(p.Role))
	}
	return strings.Join(out, ", ")
}

// FurtherPosts lists the further posts of the user with that login, as an
// administrator gives them (the page adds or removes one of the list).
func (s *Store) FurtherPosts(ctx context.Context, login string) ([]PostIn, error) {
	u, err := s.UserByLogin(ctx, login)
	if err != nil {
		return nil, err
	}
	posts, err := postsOf(ctx, s.r, u.ID)
	out := []PostIn{}
	for _, p := range posts[u.ID] {
		out = append(out, PostIn{Unit: p.Unit, Role: p.Role})
	}
	return out, err
}
