#!/usr/bin/env bash
# Makes testdata/release1.sqlite: a database as the first release (commit
# 0cec4a0, calendar data release 1) left it, for TestStartOnARelease1Database.
# It was made once with that release's binary and is committed; run again only
# to remake it:
#   git worktree add /tmp/rel1 0cec4a0 && (cd /tmp/rel1 && go build -o /tmp/petitions-rel1 ./cmd/petitions)
#   cmd/petitions/testdata/make-release1-db.sh /tmp/petitions-rel1
set -euo pipefail
old=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
db=$work/release1.db
echo "$(head -c 32 /dev/zero | base64)" > "$work/key"    # an all-zero key: test data only
"$old" migrate --db "$db" >/dev/null
"$old" unit add --db "$db" --code KH-UBND --name "UBND tỉnh Khánh Hòa" >/dev/null
for r in reception head admin; do
	PETITIONS_PASSWORD=demo "$old" user add --db "$db" --login $r --name "$r" --role $r --unit KH-UBND >/dev/null
done
"$old" serve --db "$db" --key-file "$work/key" --addr 127.0.0.1:18099 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do curl -fs http://127.0.0.1:18099/api/v1/public/disclosures >/dev/null && break; sleep 0.2; done
token() { curl -fs -X POST http://127.0.0.1:18099/api/v1/session -d "{\"login\":\"$1\",\"password\":\"demo\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
rec=$(token reception); adm=$(token admin)
post() { curl -fs -X POST http://127.0.0.1:18099/api/v1/cases -H "Authorization: Bearer $rec" -d "$1" >/dev/null; }
person='"petitioner":{"name":"Nguyễn Văn An","id_number":"056078001234"}'
# 1. A denunciation received Mon 29/12/2025: acceptance 7 WD, counted over Fri 02/01/2026 as a working day.
post "{\"kind\":\"denunciation\",\"channel\":\"post\",\"received_on\":\"2025-12-29\",\"subject\":\"Tố cáo A\",\"content\":\"Nội dung\",$person}"
# 2. A complaint received Thu 20/08/2026: acceptance 7 WD, counted before Sat 22/08 was made a working day.
post "{\"kind\":\"complaint\",\"round\":1,\"channel\":\"post\",\"received_on\":\"2026-08-20\",\"subject\":\"Khiếu nại B\",\"content\":\"Nội dung\",$person}"
# 3. A petition received 03/11/2026, filed at once: its clocks stopped.
post "{\"kind\":\"petition\",\"channel\":\"post\",\"received_on\":\"2026-11-03\",\"subject\":\"Kiến nghị C\",\"content\":\"Nội dung\",$person}"
curl -fs -X POST http://127.0.0.1:18099/api/v1/cases/3/events -H "Authorization: Bearer $rec" \
	-d '{"event":"file","version":1,"on":"2026-11-03","reason_code":"INELIGIBLE"}' >/dev/null
# 4. Days an administrator set: one of the province's own, one the next release ships differently.
curl -fs -X PUT http://127.0.0.1:18099/api/v1/calendar/2026-12-31 -H "Authorization: Bearer $adm" \
	-d '{"kind":"off","name":"Nghỉ theo quyết định của tỉnh","source":"QĐ 1/QĐ-UBND"}' >/dev/null
curl -fs -X PUT http://127.0.0.1:18099/api/v1/calendar/2027-04-16 -H "Authorization: Bearer $adm" \
	-d '{"kind":"off","name":"Giỗ Tổ Hùng Vương","source":"Thông báo của UBND tỉnh"}' >/dev/null
kill $pid; wait $pid 2>/dev/null || true
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" 2>/dev/null || true
cp "$db" "$here/release1.sqlite"
