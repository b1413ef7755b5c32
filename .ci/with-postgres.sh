#!/usr/bin/env bash
# with-postgres.sh COMMAND...: runs COMMAND with a throwaway PostgreSQL 15
# cluster and PETITIONS_TEST_POSTGRES set to its admin DSN. The cluster lives
# in a temp dir (data and unix socket, no TCP port, so parallel runs never
# collide) and is stopped and removed on any exit, failed tests included.
#
# initdb refuses to run as root, so the cluster runs as the `postgres` system
# user that Debian's package creates.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then
	echo "with-postgres: installing PostgreSQL 15" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

as_postgres() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@" # a developer's own account can own a cluster too
	fi
}

dir=$(mktemp -d /tmp/petitions-pg.XXXXXX)
cleanup() {
	as_postgres "$PGBIN/pg_ctl" -D "$dir/replica" -m immediate stop >/dev/null 2>&1 || true
	as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ "$(id -u)" = 0 ]; then
	chown postgres: "$dir"
fi
chmod 700 "$dir"

# A UTF-8 cluster whose default collation is Vietnamese (ICU), as a server's
# here would be, not byte order: the schema pins byte order where SQLite's
# behaviour depends on it, and the tests show it does.
as_postgres "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
	--locale-provider=icu --icu-locale=vi-VN >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log" >&2; exit 1; }
# fsync and friends are off: the cluster is thrown away after the tests.
# PG_OPTIONS replaces them, e.g. for the benchmark, which wants durable commits:
#   PG_OPTIONS='-c shared_buffers=1GB -c max_wal_size=8GB' .ci/with-postgres.sh ./petitions bench --db …
options=${PG_OPTIONS:--c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400}
as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
	-o "-c listen_addresses='' -k $dir $options" >/dev/null ||
	{ cat "$dir/server.log" >&2; exit 1; }

# A streaming standby of it (issue 20), on port 5433 of the same socket
# directory: the read replica's tests read from it, and stop and start it with
# the script in PETITIONS_TEST_REPLICA_CTL.
as_postgres "$PGBIN/pg_basebackup" -D "$dir/replica" -h "$dir" -U postgres -R -X stream >"$dir/basebackup.log" 2>&1 ||
	{ cat "$dir/basebackup.log" >&2; exit 1; }
runas=""
if [ "$(id -u)" = 0 ]; then
	runas="runuser -u postgres --"
fi
cat >"$dir/replica-ctl" <<CTL
#!/usr/bin/env bash
# replica-ctl stop|start: the throwaway cluster's standby.
set -euo pipefail
if [ "\$1" = stop ]; then
	$runas "$PGBIN/pg_ctl" -D "$dir/replica" -m fast -w stop
else
	$runas "$PGBIN/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w -t 60 start -o "-c listen_addresses='' -k $dir -p 5433 $options"
fi
CTL
chmod 755 "$dir/replica-ctl"
"$dir/replica-ctl" start >/dev/null || { cat "$dir/replica.log" >&2; exit 1; }

export PETITIONS_TEST_POSTGRES="postgres://postgres@/postgres?host=$dir"
export PETITIONS_TEST_POSTGRES_REPLICA="postgres://postgres@/postgres?host=$dir&port=5433"
export PETITIONS_TEST_REPLICA_CTL="$dir/replica-ctl"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') at $dir" >&2
status=0
"$@" || status=$?
if [ "$status" != 0 ]; then
	echo "with-postgres: the last lines of the server log:" >&2
	tail -n 20 "$dir/server.log" >&2 || true
fi
exit "$status"
