#!/bin/bash
# test_migrate.sh - migrations are idempotent, recorded, refuse a newer
# database; the audit log is append-only.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

out=$(_cz_tmp)/migrate.out
check "migrate runs again without error" bash -c '"$1" --config "$2" migrate >"$3"' _ "$CZ_ADMIN" "$CZ_CONFIG" "$out"
check "a second run applies nothing" grep -q '^applied 0 migrations' "$out"
# Numbers may have gaps while parallel work lands: count the files.
nfiles=$(find "$CZ_SRCDIR/sql" -maxdepth 1 -name '[0-9]*_*.sql' | wc -l)
check "schema_migrations records every migration" \
	test "$(psql_q 'SELECT count(*) FROM schema_migrations')" = "$nfiles"
check "migrate --status says current" \
	bash -c '"$1" --config "$2" migrate --status | grep -q "(current)"' _ "$CZ_ADMIN" "$CZ_CONFIG"

check "the audit log accepts inserts" \
	psql_q "INSERT INTO audit_log (event, detail) VALUES ('test.event', '{\"k\": 1}')"
check "the audit log refuses UPDATE" \
	bash -c "! '$CZ_PG_BIN/psql' -X -q -At -v ON_ERROR_STOP=1 '$CZ_DATABASE_URL' -c \"UPDATE audit_log SET event = 'x'\" 2>/dev/null"
check "the audit log refuses DELETE" \
	bash -c "! '$CZ_PG_BIN/psql' -X -q -At -v ON_ERROR_STOP=1 '$CZ_DATABASE_URL' -c 'DELETE FROM audit_log' 2>/dev/null"
check "the row is still there" test "$(psql_q "SELECT count(*) FROM audit_log WHERE event = 'test.event'")" -ge 1

# The column rules 037 and 038 moved into domains still hold.
refused() { # SQL: fails, naming a check constraint
	local err
	err=$("$CZ_PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$CZ_DATABASE_URL" -c "$1" 2>&1 >/dev/null) && return 1
	grep -q 'violates check constraint' <<<"$err"
}
for bad in "INSERT INTO audit_log (event) VALUES ('Not An Event')" \
	"INSERT INTO audit_log (event, request_id) VALUES ('test.event', repeat('x', 65))" \
	"INSERT INTO rate_limits VALUES ('test.scope', 'k', now(), 0)" \
	"INSERT INTO rate_limits VALUES ('Bad Scope', 'k', now(), 1)" \
	"SELECT 'carnivore'::plan_diet"; do
	check "refused: $bad" refused "$bad"
done
check "plans.diet is of the domain plan_diet" \
	test "$(psql_q "SELECT atttypid::regtype FROM pg_attribute WHERE attrelid = 'plans'::regclass AND attname = 'diet'")" = plan_diet
check "no table CHECK left on audit_log's partitions or rate_limits" \
	test "$(psql_q "SELECT count(*) FROM pg_constraint c WHERE c.contype = 'c' AND (c.conrelid = 'rate_limits'::regclass OR c.conrelid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'audit_log'::regclass))")" = 0

# A migration that changes the type of a column a prepared statement
# returns (038 made audit_log.event a domain) leaves the running workers
# serving: PostgreSQL refuses such a statement until it is prepared again,
# and each worker does so on the first refusal (lib/db.c).
user=migrate-$$@example.org
pw='lantern quarry 58 owl'
make_user "$user" "$pw"
login "$user" "$pw"
check "a user is signed in for the activity page" test -n "$SESSION"
for type in text audit_event; do
	psql_q "ALTER TABLE audit_log ALTER COLUMN event TYPE $type"
	ok=0
	for _ in 1 2 3 4 5 6; do
		fetch "$CZ_BASE_URL/api/account/activity" "${AUTH[@]}"
		[[ $HTTP_STATUS == 200 ]] && ok=$((ok + 1))
	done
	check "after audit_log.event became $type, 6 of 6 activity reads answer 200 (got $ok)" test "$ok" = 6
done
check "the workers said they prepared the statement again" \
	grep -q 'prepared again: PostgreSQL refused it as prepared (cached plan must not change result type)' "$CZ_STATE_DIR/logs/cibozer-fcgi.log"

# A database newer than this build is refused, and nothing is changed.
psql_q "INSERT INTO schema_migrations (version, name) VALUES (9999, '9999_future.sql')"
check "migrate refuses a database with an unknown migration" \
	bash -c '! "$1" --config "$2" migrate 2>"$3" && grep -q "refusing" "$3"' _ "$CZ_ADMIN" "$CZ_CONFIG" "$out"
fetch "$CZ_BASE_URL/health/ready"
check "readiness fails while the schema is newer than the build" \
	bash -c '[[ $1 == 503 ]] && jq -e ".failing.schema" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
psql_q "DELETE FROM schema_migrations WHERE version = 9999"
expect_status "$CZ_BASE_URL/health/ready" 200

finish
