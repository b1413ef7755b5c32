package store

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"golang.org/x/crypto/bcrypt"

	"petitions/workflow"
)

// Import of units and users (issue 19): a province sets up with hundreds of
// officials from a sheet. Every row is checked against the database and the
// rows before it (a unit's parent, a user's unit may be a unit of the same
// file); a dry run, or any refused row, writes nothing and lists every row's
// problem; otherwise all rows are written in one transaction, each with its
// line in admin_log.

// ImportRow numbers a row as the sheet shows it (its line, the header being 1).
type ImportRow struct {
	Sheet string
	Line  int
}

// ImportUnit and ImportUser are a row of the units' and of the users' sheet;
// a user row without a password is given a temporary one.
type ImportUnit struct {
	ImportRow
	NewUnit
}

type ImportUser struct {
	ImportRow
	NewUser
}

// ImportProblem is a refused row: its sheet and line, the field and why.
type ImportProblem struct {
	Sheet   string `json:"sheet"`
	Line    int    `json:"line"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// TemporaryPassword is a password the import gave, shown once.
type TemporaryPassword struct {
	Login    string `json:"login"`
	Password string `json:"password"`
}

// ImportResult is what an import checked and, unless a dry run, wrote.
type ImportResult struct {
	DryRun    bool                `json:"dry_run"`
	Units     int                 `json:"units"`
	Users     int                 `json:"users"`
	Problems  []ImportProblem     `json:"problems"`
	Passwords []TemporaryPassword `json:"passwords"`
}

// ImportStaff checks the rows and, when none is refused and dryRun is false,
// adds them all in one transaction.
func (s *Store) ImportStaff(ctx context.Context, actor User, v workflow.Viewer, units []ImportUnit, users []ImportUser, dryRun bool) (ImportResult, error) {
	units, users = slices.Clone(units), slices.Clone(users) // trimmed and given passwords here, not in the caller's
	res := ImportResult{DryRun: dryRun, Units: len(units), Users: len(users), Problems: []ImportProblem{}, Passwords: []TemporaryPassword{}}
	refuse := func(r ImportRow, err error) error {
		var e *workflow.Error
		if !errors.As(err, &e) || e.Code == workflow.CodeInternal {
			return err
		}
		res.Problems = append(res.Problems, ImportProblem{Sheet: r.Sheet, Line: r.Line, Field: e.Field, Message: e.Message})
		return nil
	}
	// known are the units a row may name: those of the database and the
	// file's rows so far; true when the administrator may add below it.
	known := map[string]bool{}
	inScope := func(code string) (bool, bool) {
		if may, ok := known[code]; ok {
			return may, true
		}
		u, err := s.UnitByCode(ctx, code)
		if err != nil {
			return false, false
		}
		known[code] = v.MayManageUsers(u.ID) && u.ValidTo.IsZero()
		return known[code], true
	}
	for i, r := range units {
		in, err := checkNewUnit(r.NewUnit)
		if err == nil {
			if _, exists := inScope(in.Code); exists {
				err = workflow.Errorf(workflow.CodeConflict, "mã đơn vị %q đã có", in.Code)
			} else if may, ok := inScope(in.Parent); !ok {
				err = workflow.Invalid("parent", "không có đơn vị cấp trên %q", in.Parent)
			} else if !may {
				err = workflow.Invalid("parent", "đơn vị %s không thuộc phạm vi quản trị của bạn hoặc đã ngừng hoạt động", in.Parent)
			} else {
				known[in.Code] = true
			}
		}
		units[i].NewUnit = in
		if err != nil {
			if err := refuse(r.ImportRow, err); err != nil {
				return res, err
			}
		}
	}
	logins := map[string]bool{}
	for i, r := range users {
		temporary := r.Password == ""
		if temporary {
			r.Password = temporaryPassword()
		}
		in, err := checkNewUser(r.NewUser)
		if err == nil {
			if may, ok := inScope(in.Unit); !ok {
				err = workflow.Invalid("unit", "không có đơn vị %q", in.Unit)
			} else if !may {
				err = workflow.Invalid("unit", "đơn vị %s không thuộc phạm vi quản trị của bạn hoặc đã ngừng hoạt động", in.Unit)
			} else if _, taken := s.userView(ctx, in.Login); taken == nil || logins[in.Login] {
				err = workflow.Errorf(workflow.CodeConflict, "tên đăng nhập %q đã tồn tại", in.Login)
			}
		}
		logins[in.Login] = true
		users[i].NewUser = in
		if err != nil {
			if err := refuse(r.ImportRow, err); err != nil {
				return res, err
			}
			continue
		}
		if temporary {
			res.Passwords = append(res.Passwords, TemporaryPassword{Login: in.Login, Password: in.Password})
		}
	}
	if dryRun || len(res.Problems) > 0 {
		res.Passwords = []TemporaryPassword{} // none was given
		return res, nil
	}
	return res, s.writeImport(ctx, actor, units, users)
}

// writeImport adds the checked rows in one transaction.
func (s *Store) writeImport(ctx context.Context, actor User, units []ImportUnit, users []ImportUser) error {
	hashes := make([][]byte, len(users))
	for i, u := range users {
		h, err := bcrypt.GenerateFromPassword([]byte(u.Password), s.passwordCost)
		if err != nil {
			return fmt.Errorf("store: hash password: %w", err)
		}
		hashes[i] = h
	}
	now := s.stamp()
	err := s.write(ctx, func(tx *txn) error {
		ids := map[string]int64{}
		idOf := func(code string) (int64, error) {
			if id, ok := ids[code]; ok {
				return id, nil
			}
			u, err := unitByCode(ctx, tx, code)
			return u.ID, err
		}
		for _, u := range units {
			parent, err := idOf(u.Parent)
			if err != nil {
				return err
			}
			if ids[u.Code], err = insertUnit(ctx, tx, u.NewUnit, parent); err != nil {
				return err
			}
			if err := logAdmin(ctx, tx, actor.ID, now, "unit_created", u.Code, u.Level+" under "+u.Parent+" (import)"); err != nil {
				return err
			}
		}
		for i, u := range users {
			unit, err := idOf(u.Unit)
			if err != nil {
				return err
			}
			if err := insertUser(ctx, tx, u.NewUser, unit, hashes[i], now); err != nil {
				return err
			}
			if err := logAdmin(ctx, tx, actor.ID, now, "user_created", u.Login, string(u.Role)+" "+u.Unit+" (import)"); err != nil {
				return err
			}
		}
		return nil
	})
	s.tree.forget()
	return err
}
