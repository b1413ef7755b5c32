package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"petitions/store"
)

// errNoKey is what serve says when it has no key to seal identities with.
var errNoKey = errors.New(`no encryption key for petitioners' identities.
  Make one:   petitions key generate > petitions.key && chmod 600 petitions.key
  Then start: PETITIONS_KEY_FILE=petitions.key petitions serve   (or --key-file, or PETITIONS_KEY=<base64>)
  Keep the key apart from the database and its backups: without it no identity can be read`)

// loadKey finds the master key: --key-file, PETITIONS_KEY_FILE, then PETITIONS_KEY.
// With demo set and no key given, it uses (creating it if needed) DB.key beside the database.
func loadKey(keyFile, db string, demo bool) ([]byte, error) {
	if keyFile == "" {
		keyFile = os.Getenv("PETITIONS_KEY_FILE")
	}
	switch {
	case keyFile != "":
		return store.ReadKeyFile(keyFile)
	case os.Getenv("PETITIONS_KEY") != "":
		return store.ParseKey(os.Getenv("PETITIONS_KEY"))
	case !demo:
		return nil, errNoKey
	}
	demoKey := db + ".key"
	if _, err := os.Stat(demoKey); errors.Is(err, os.ErrNotExist) {
		if err := os.WriteFile(demoKey, []byte(store.GenerateKey()+"\n"), 0o600); err != nil {
			return nil, fmt.Errorf("write demo key: %w", err)
		}
		fmt.Println("Demo encryption key written to", demoKey)
	}
	return store.ReadKeyFile(demoKey)
}

// keyGenerate prints a new random key on standard output; -h or --help
// prints how to use it instead (a key printed by mistake is a key to throw away).
func keyGenerate(args []string) error {
	fs := flag.NewFlagSet("key generate", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: petitions key generate > petitions.key && chmod 600 petitions.key

Prints a new random 256-bit key (base64) that seals petitioners' identities.
Give it to serve with --key-file, PETITIONS_KEY_FILE or PETITIONS_KEY, and keep
it apart from the database and its backups: without it no identity can be read.
`)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("key generate takes no arguments, got %q", fs.Args())
	}
	fmt.Println(store.GenerateKey())
	return nil
}
