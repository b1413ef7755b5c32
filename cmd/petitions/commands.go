package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"petitions/store"
	"petitions/workflow"
)

// dbFlag adds --db with PETITIONS_DB as its default.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("PETITIONS_DB")
	if def == "" {
		def = "petitions.db"
	}
	return fs.String("db", def, "SQLite database file, or a postgres:// URL of an existing PostgreSQL database")
}

// keyFlag adds --key-file: the file holding the master key, as serve takes it.
func keyFlag(fs *flag.FlagSet) *string {
	return fs.String("key-file", "", "file holding the base64 master key (or PETITIONS_KEY_FILE, PETITIONS_KEY)")
}

// withStore opens the database, runs fn and closes it. It opens it with the
// master key when one is given (keyFile, PETITIONS_KEY_FILE, PETITIONS_KEY):
// tools that never read an identity nor write history work without one, but
// the store refuses, with a plain error, whatever would seal a history record
// (a calendar release's recount at start-up, re-sealing an old chain).
func withStore(ctx context.Context, db, keyFile string, fn func(*store.Store) error) error {
	var opts []store.Option
	key, err := loadKey(keyFile, db, false)
	switch {
	case err == nil:
		opts = append(opts, store.WithKey(key))
	case !errors.Is(err, errNoKey):
		return err
	}
	s, err := store.Open(ctx, db, opts...)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

func migrateCmd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	db := dbFlag(fs)
	keyFile := keyFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withStore(ctx, *db, *keyFile, func(s *store.Store) error {
		logCalendarSync(s)
		fmt.Println("migrated", *db)
		return nil
	})
}

func userAdd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	db := dbFlag(fs)
	login := fs.String("login", "", "login")
	name := fs.String("name", "", "full name")
	role := fs.String("role", "", "reception, handler, head, supervisor or admin")
	unit := fs.String("unit", "", "unit code")
	password := fs.String("password", "", "password (or PETITIONS_PASSWORD)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *password == "" {
		*password = os.Getenv("PETITIONS_PASSWORD")
	}
	return withStore(ctx, *db, "", func(s *store.Store) error {
		u, err := s.CreateUser(ctx, *login, *name, workflow.Role(*role), *unit, *password)
		if err != nil {
			return err
		}
		fmt.Printf("added %s (%s, %s)\n", u.Login, u.Role, u.UnitCode)
		return nil
	})
}

// userDisable disables a user (or enables them again with --enable); either
// way their API tokens and browser sessions end at once.
func userDisable(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("user disable", flag.ContinueOnError)
	db := dbFlag(fs)
	login := fs.String("login", "", "login")
	enable := fs.Bool("enable", false, "enable the user again (old tokens and sessions stay ended)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withStore(ctx, *db, "", func(s *store.Store) error {
		if err := s.SetUserDisabled(ctx, *login, !*enable); err != nil {
			return err
		}
		fmt.Printf("%s %s; their tokens and sessions are ended\n", *login, map[bool]string{true: "enabled", false: "disabled"}[*enable])
		return nil
	})
}

// userPassword sets a user's password; their API tokens and browser sessions end at once.
func userPassword(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("user password", flag.ContinueOnError)
	db := dbFlag(fs)
	login := fs.String("login", "", "login")
	password := fs.String("password", "", "new password (or PETITIONS_PASSWORD)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *password == "" {
		*password = os.Getenv("PETITIONS_PASSWORD")
	}
	return withStore(ctx, *db, "", func(s *store.Store) error {
		if err := s.SetPassword(ctx, *login, *password); err != nil {
			return err
		}
		fmt.Printf("password of %s changed; their tokens and sessions are ended\n", *login)
		return nil
	})
}

func tokenCreate(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("token create", flag.ContinueOnError)
	db := dbFlag(fs)
	login := fs.String("user", "", "login of the token's owner")
	ttl := fs.Duration("ttl", store.TokenTTL, "how long the token lives (e.g. 720h)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withStore(ctx, *db, "", func(s *store.Store) error {
		u, err := s.UserByLogin(ctx, *login)
		if err != nil {
			return err
		}
		token, err := s.CreateTokenTTL(ctx, u.ID, *ttl)
		if err != nil {
			return err
		}
		fmt.Println(token)
		return nil
	})
}

// tokenRevoke ends one API token (--token) or all of a user's (--user) at once.
func tokenRevoke(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("token revoke", flag.ContinueOnError)
	db := dbFlag(fs)
	token := fs.String("token", "", "the token to revoke")
	login := fs.String("user", "", "revoke every token of this login")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (*token == "") == (*login == "") {
		return fmt.Errorf("usage: petitions token revoke --db FILE (--token TOKEN | --user LOGIN)")
	}
	return withStore(ctx, *db, "", func(s *store.Store) error {
		if *token != "" {
			if err := s.RevokeToken(ctx, *token); err != nil {
				return err
			}
			fmt.Println("token revoked")
			return nil
		}
		n, err := s.RevokeUserTokens(ctx, *login)
		if err != nil {
			return err
		}
		fmt.Printf("revoked %d token(s) of %s\n", n, *login)
		return nil
	})
}

func unitAdd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("unit add", flag.ContinueOnError)
	db := dbFlag(fs)
	code := fs.String("code", "", "unit code")
	name := fs.String("name", "", "unit name")
	level := fs.String("level", "agency", "province, commune or agency")
	parent := fs.String("parent", "", "parent unit code")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withStore(ctx, *db, "", func(s *store.Store) error {
		u, err := s.CreateUnit(ctx, *code, *name, *level, *parent)
		if err != nil {
			return err
		}
		fmt.Printf("added unit %s (%s)\n", u.Code, u.Name)
		return nil
	})
}

// unitMerge records a merger: the unit ended the day before --on and --into
// took over its work; the reports count its cases under --into "as merged".
func unitMerge(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("unit merge", flag.ContinueOnError)
	db := dbFlag(fs)
	code := fs.String("code", "", "the unit that ended")
	into := fs.String("into", "", "the unit that took over its work")
	on := fs.String("on", "", "the day the successor took over (YYYY-MM-DD)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	day, err := workflow.ParseDate(*on)
	if err != nil {
		return fmt.Errorf("unit merge: --on wants a day YYYY-MM-DD, not %q", *on)
	}
	return withStore(ctx, *db, "", func(s *store.Store) error {
		u, err := s.MergeUnit(ctx, *code, *into, day)
		if err != nil {
			return err
		}
		fmt.Printf("unit %s (%s) ended %s; its work passed to %s\n", u.Code, u.Name, u.ValidTo.VN(), *into)
		return nil
	})
}
