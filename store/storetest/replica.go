package storetest

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"testing"
	"time"
)

// EnvReplica names the environment variable holding the admin URL of a
// streaming standby of the PETITIONS_TEST_POSTGRES server, and EnvReplicaCtl
// a command that stops or starts it (`… stop`, `… start`);
// .ci/with-postgres.sh sets both.
const (
	EnvReplica    = "PETITIONS_TEST_POSTGRES_REPLICA"
	EnvReplicaCtl = "PETITIONS_TEST_REPLICA_CTL"
)

// ReplicaDSN is the URL of dsn's database (see DSN) on the standby, once the
// standby has it; the test is skipped on SQLite and fails when a PostgreSQL
// run has no standby.
func ReplicaDSN(tb testing.TB, dsn string) string {
	tb.Helper()
	if !Postgres() {
		tb.Skip("a read replica is PostgreSQL's")
	}
	admin := os.Getenv(EnvReplica)
	if admin == "" {
		tb.Fatalf("%s is not set: run the PostgreSQL tests through .ci/with-postgres.sh", EnvReplica)
	}
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatal(err)
	}
	primary, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	u.Path = primary.Path
	replica := u.String()
	// The database reaches the standby with the WAL that created it.
	db := Raw(tb, replica)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		err := db.PingContext(context.Background())
		if err == nil {
			db.Close() // the store opens its own; this one would hold up the test's DROP DATABASE on the standby
			return replica
		}
		if time.Now().After(deadline) {
			tb.Fatalf("the standby has not got the test's database: %v", err)
		}
	}
}

// ReplicaCtl stops or starts the standby ("stop", "start").
func ReplicaCtl(tb testing.TB, action string) {
	tb.Helper()
	ctl := os.Getenv(EnvReplicaCtl)
	if ctl == "" {
		tb.Fatalf("%s is not set", EnvReplicaCtl)
	}
	if out, err := exec.Command(ctl, action).CombinedOutput(); err != nil {
		tb.Fatalf("%s %s: %v\n%s", ctl, action, err, out)
	}
}
