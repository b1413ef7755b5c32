package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"petitions/workflow"
)

// Assignable lists the enabled handlers and heads of the given units, heads
// first, then by name: the people a case of those units may be assigned to
// (the same rule ApplyEvent enforces for assign and reassign). No units, no users.
func (s *Store) Assignable(ctx context.Context, unitIDs []int64) ([]User, error) {
	if len(unitIDs) == 0 {
		return nil, nil
	}
	args := []any{workflow.RoleHandler, workflow.RoleHead}
	for _, id := range unitIDs {
		args = append(args, id)
	}
	var us, posted []User
	err := s.r.SelectContext(ctx, &us, `SELECT `+userColumns+` FROM users u JOIN units n ON n.id = u.unit_id
		WHERE u.role IN (?, ?) AND u.disabled = FALSE AND u.unit_id IN (`+placeholders(len(unitIDs))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: assignable users: %w", err)
	}
	// And those who hold such a post there (posts.go), as they stand in it.
	err = s.r.SelectContext(ctx, &posted, `SELECT u.id, u.login, u.name, p.role, p.unit_id, n.code AS unit_code, u.password_hash,
		u.disabled, u.must_change_password FROM user_posts p JOIN users u ON u.id = p.user_id JOIN units n ON n.id = p.unit_id
		WHERE p.role IN (?, ?) AND u.disabled = FALSE AND p.unit_id IN (`+placeholders(len(unitIDs))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: assignable users: %w", err)
	}
	us = append(us, posted...)
	slices.SortFunc(us, func(a, b User) int { // heads first, then by name
		return cmp.Or(-cmp.Compare(boolRank(a.Role == workflow.RoleHead), boolRank(b.Role == workflow.RoleHead)),
			strings.Compare(a.Name, b.Name), strings.Compare(a.Login, b.Login))
	})
	return us, nil
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
