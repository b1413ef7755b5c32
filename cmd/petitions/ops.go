package main

import (
	"context"
	"flag"
	"fmt"

	"petitions/store"
)

// backupCmd writes a consistent copy of a live database: petitions backup [--db FILE] DEST.
func backupCmd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	db := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("usage: petitions backup [--db FILE] DEST")
	}
	return withStore(ctx, *db, "", func(s *store.Store) error {
		if err := s.Backup(ctx, fs.Arg(0)); err != nil {
			return err
		}
		fmt.Println("backup written to", fs.Arg(0))
		return nil
	})
}

// auditVerify checks the keyed hash chain of the history and each case's
// version against its records: petitions audit verify [--db FILE] [--key-file FILE].
// The chain is keyed with the master key, so it needs the key as serve does.
// It exits non-zero and names the first broken record (or the case whose
// newest records are missing) when the history does not hold.
func auditVerify(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("audit verify", flag.ContinueOnError)
	db := dbFlag(fs)
	keyFile := keyFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := loadKey(*keyFile, *db, false); err != nil {
		return err
	}
	return withStore(ctx, *db, *keyFile, func(s *store.Store) error {
		rep, err := s.VerifyChain(ctx)
		if err != nil {
			return err
		}
		if !rep.OK() {
			return fmt.Errorf("%s", rep)
		}
		fmt.Println(rep)
		return nil
	})
}
