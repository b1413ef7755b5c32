#!/bin/sh
# The country at a million cases on PostgreSQL (docs/PERFORMANCE.md, issue 20).
# Run inside the throwaway cluster, with durable commits:
#   go build -o petitions ./cmd/petitions
#   PG_OPTIONS='-c shared_buffers=1GB -c max_wal_size=8GB -c maintenance_work_mem=1GB -c checkpoint_timeout=30min
#     -c max_connections=200 -c log_min_duration_statement=200' .ci/with-postgres.sh .ci/bench-country.sh
# The standby is stopped (it would share the two cores); after the bench, the tables' sizes, then the reads
# again with the plan of every statement over 40 ms in the server's log (auto_explain), copied to $OUT.
set -e
PETITIONS=${PETITIONS:-./petitions}
OUT=${OUT:-/tmp/bench-country}
mkdir -p "$OUT"
dir=$(dirname "$PETITIONS_TEST_REPLICA_CTL")
"$PETITIONS_TEST_REPLICA_CTL" stop >/dev/null
rm -rf "$dir/replica"
psql() { runuser -u postgres -- /usr/lib/postgresql/15/bin/psql -h "$dir" -U postgres "$@"; }
"$PETITIONS" bench --db "$PETITIONS_TEST_POSTGRES" --cases "${CASES:-1000000}" --provinces 34 --communes 97 \
	--only transitions,backlog,reads,reception,reports
psql -c "SELECT relname, pg_size_pretty(pg_total_relation_size(c.oid)) total, c.reltuples::bigint AS rows
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'
	ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 6"
psql -c "ALTER DATABASE postgres SET session_preload_libraries = 'auto_explain'" \
	-c "ALTER DATABASE postgres SET auto_explain.log_min_duration = 40" -c "ALTER DATABASE postgres SET auto_explain.log_analyze = on"
"$PETITIONS" bench --db "$PETITIONS_TEST_POSTGRES" --only reads --duration 3s >"$OUT/reads-explained.log" 2>&1
cp "$dir/server.log" "$OUT/server.log"
