// Command petitions is the one binary: serve, migrate, user add, token create.
package main

import (
	"context"
	"fmt"
	"os"
	"syscall"
)

const usage = `petitions — tiếp công dân và xử lý đơn thư

Usage:
  petitions serve [--addr 127.0.0.1:8080] [--db petitions.db] [--demo] [--key-file FILE] [--public-url https://…] [--files DIR]
  petitions key generate
  petitions migrate [--db FILE] [--key-file FILE]
  petitions unit add --db FILE --code CODE --name NAME [--level agency] [--parent CODE]
  petitions unit merge --db FILE --code CODE --into CODE --on YYYY-MM-DD
  petitions user add --db FILE --login LOGIN --name NAME --role ROLE --unit CODE --password PASSWORD
  petitions user disable --db FILE --login LOGIN [--enable]
  petitions user password --db FILE --login LOGIN --password PASSWORD
  petitions token create --db FILE --user LOGIN [--ttl 720h]
  petitions token revoke --db FILE (--token TOKEN | --user LOGIN)
  petitions backup [--db FILE] DEST
  petitions audit verify [--db FILE] [--key-file FILE]
  petitions bench [--db bench.db|postgres://…] [--cases 1000000] [--years 10] [--duration 10s]

PETITIONS_DB, PETITIONS_ADDR and PETITIONS_PUBLIC_URL work as --db, --addr and
--public-url do. The key sealing petitioners' identities comes from --key-file,
PETITIONS_KEY_FILE or PETITIONS_KEY (base64); serve refuses to start without one,
except with --demo, which makes DB.key beside the database. The key also seals
the history's hash chain: audit verify needs it, and the other tools use it when given.
`

func main() {
	// Files the process makes (the database, its -wal and -shm, backups,
	// the demo key) are the owner's alone, whatever the shell's umask.
	syscall.Umask(0o077)
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "petitions:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return fmt.Errorf("no command")
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:])
	case "migrate":
		return migrateCmd(ctx, args[1:])
	case "user":
		if len(args) > 1 && args[1] == "add" {
			return userAdd(ctx, args[2:])
		}
		if len(args) > 1 && args[1] == "disable" {
			return userDisable(ctx, args[2:])
		}
		if len(args) > 1 && args[1] == "password" {
			return userPassword(ctx, args[2:])
		}
	case "unit":
		if len(args) > 1 && args[1] == "add" {
			return unitAdd(ctx, args[2:])
		}
		if len(args) > 1 && args[1] == "merge" {
			return unitMerge(ctx, args[2:])
		}
	case "token":
		if len(args) > 1 && args[1] == "create" {
			return tokenCreate(ctx, args[2:])
		}
		if len(args) > 1 && args[1] == "revoke" {
			return tokenRevoke(ctx, args[2:])
		}
	case "key":
		if len(args) > 1 && args[1] == "generate" {
			return keyGenerate(args[2:])
		}
	case "backup":
		return backupCmd(ctx, args[1:])
	case "audit":
		if len(args) > 1 && args[1] == "verify" {
			return auditVerify(ctx, args[2:])
		}
	case "bench":
		return bench(ctx, args[1:])
	case "help", "-h", "--help":
		fmt.Print(usage)
		return nil
	}
	fmt.Fprint(os.Stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
