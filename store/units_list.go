package store

import (
	"context"
	"fmt"

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
	var us []User
	err := s.r.SelectContext(ctx, &us, `SELECT `+userColumns+` FROM users u JOIN units n ON n.id = u.unit_id
		WHERE u.role IN (?, ?) AND u.disabled = FALSE AND u.unit_id IN (`+placeholders(len(unitIDs))+`)
		ORDER BY u.role = 'head' DESC, u.name, u.login`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: assignable users: %w", err)
	}
	return us, nil
}
