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
