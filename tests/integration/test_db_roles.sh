#!/bin/bash
# test_db_roles.sh - least privilege in PostgreSQL (sql/018): the programs
# run as roles that own nothing and cannot change, disable or empty the
# audit log, nor change the schema; only the owner migrates, and the
# privacy scrub goes through the owner's SECURITY DEFINER function.
#
# Refusals are checked by their message ("permission denied", "must be
# owner"), so a role that is missing, or a statement stopped by one of
# the audit log's triggers rather than by a privilege, does not pass.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

OWNER=cibozer
RUNTIME=(cibozer_web cibozer_render cibozer_jobs)
declare -A URL=(
	[cibozer_web]=${CZ_WEB_DATABASE_URL:-}
	[cibozer_render]=${CZ_RENDER_DATABASE_URL:-}
	[cibozer_jobs]=${CZ_JOBS_DATABASE_URL:-}
)
tmp=$(_cz_tmp)

# as ROLE SQL - runs SQL (one transaction) as ROLE; prints rows.
as() {
	local url=${URL[$1]}
	[[ -n $url ]] || url="$CZ_DATABASE_URL user=$1"
	"$CZ_PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 --single-transaction "$url" -c "$2"
}

# refused ROLE SQL - SQL fails for ROLE for want of a privilege.
refused() {
	local out
	if out=$(as "$1" "$2" 2>&1); then
		echo "allowed: $out"
		return 1
	fi
	if ! grep -Eq 'permission denied|must be owner' <<<"$out"; then
		echo "failed, but not for want of a privilege: $out"
		return 1
	fi
}

# --- the roles -------------------------------------------------------------
for r in "${RUNTIME[@]}"; do
	check "$r exists, may log in, is no superuser and creates no roles or databases" \
		sql_yes "SELECT 1 FROM pg_roles WHERE rolname = '$r' AND rolcanlogin
			AND NOT rolsuper AND NOT rolcreaterole AND NOT rolcreatedb AND NOT rolbypassrls"
	check "$r connects as itself" test "$(as "$r" 'SELECT current_user')" = "$r"
	check "$r is not a member of the owner $OWNER" \
		test "$(psql_q "SELECT pg_has_role('$r', '$OWNER', 'MEMBER')")" = f
	check "$r owns nothing in the database" \
		test "$(psql_q "SELECT count(*) FROM pg_class c JOIN pg_roles o ON o.oid = c.relowner
			WHERE o.rolname = '$r'") $(psql_q "SELECT count(*) FROM pg_proc p
			JOIN pg_roles o ON o.oid = p.proowner WHERE o.rolname = '$r'")" = "0 0"
done
check "every table, view and sequence of the schema belongs to the owner $OWNER" \
	test "$(psql_q "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'S', 'p', 'm')
		AND pg_get_userbyid(c.relowner) <> '$OWNER'")" = 0

# --- each program connects as its role ------------------------------------------
for k in database_url:cibozer_web owner_database_url:$OWNER \
	render_database_url:cibozer_render jobs_database_url:cibozer_jobs; do
	key=${k%%:*} role=${k#*:}
	check "the stack's $key names role $role" \
		bash -c '[[ " $1 " == *" user=$2 "* ]]' _ "$(cz_config_get "$CZ_CONFIG" "$key")" "$role"
done
expect_status "$CZ_BASE_URL/health/ready" 200
check "the responders are connected as cibozer_web" \
	bash -c '[[ $1 -gt 0 ]]' _ "$(psql_super "SELECT count(*) FROM pg_stat_activity
		WHERE datname = 'cibozer' AND usename = 'cibozer_web'")"

# --- the audit log -----------------------------------------------------------------
id=$(psql_q "INSERT INTO audit_log (event, detail) VALUES ('test.roles', '{}') RETURNING id")
for r in "${RUNTIME[@]}"; do
	check "$r cannot disable the audit log's triggers" refused "$r" \
		"ALTER TABLE audit_log DISABLE TRIGGER USER"
	check "$r cannot alter the audit log" refused "$r" \
		"ALTER TABLE audit_log ADD COLUMN x integer"
	# With 012's switch on, only a privilege stops an UPDATE.
	check "$r cannot UPDATE the audit log, even with cibozer.audit_scrub on" refused "$r" \
		"SET LOCAL cibozer.audit_scrub = 'on'; UPDATE audit_log SET address = NULL WHERE id = ${id:-0}"
	check "$r cannot DELETE from the audit log" refused "$r" \
		"DELETE FROM audit_log WHERE id = ${id:-0}"
	check "$r cannot TRUNCATE the audit log" refused "$r" "TRUNCATE audit_log"
	check "$r cannot drop the audit log" refused "$r" "DROP TABLE audit_log"
	for p in UPDATE DELETE TRUNCATE REFERENCES TRIGGER; do
		# UPDATE and REFERENCES may also be granted on single columns.
		col=false
		[[ $p == UPDATE || $p == REFERENCES ]] &&
			col="has_any_column_privilege('$r', 'audit_log', '$p')"
		check "$r holds no $p on audit_log" \
			test "$(psql_q "SELECT has_table_privilege('$r', 'audit_log', '$p') OR $col")" = f
	done
done
check "the audit entry is intact" sql_yes "SELECT 1 FROM audit_log WHERE id = ${id:-0} AND event = 'test.roles'"
check "cibozer_web appends to and reads the audit log" \
	as cibozer_web "INSERT INTO audit_log (event) VALUES ('test.roles_web'); SELECT 1 FROM audit_log LIMIT 1"
check "cibozer_jobs appends to the audit log" \
	as cibozer_jobs "INSERT INTO audit_log (event) VALUES ('test.roles_jobs')"
check "cibozer_render cannot read the audit log" refused cibozer_render "SELECT count(*) FROM audit_log"

# The scrub: only cibozer_jobs, only through the owner's function.
for r in cibozer_web cibozer_render; do
	check "$r cannot call the scrub function" refused "$r" "SELECT audit_log_scrub_account(1)"
done
check "audit_log_scrub_account is SECURITY DEFINER, owned by $OWNER, with a fixed search_path" \
	sql_yes "SELECT 1 FROM pg_proc WHERE proname = 'audit_log_scrub_account' AND prosecdef
		AND pg_get_userbyid(proowner) = '$OWNER'
		AND 'search_path=pg_catalog, public, pg_temp' = ANY (proconfig)"
check "the scrub function refuses an account that is not deleted" \
	bash -c '! out=$("$@" 2>&1) && grep -q "not marked deleted" <<<"$out"' _ \
	"$CZ_PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "${URL[cibozer_jobs]:-$CZ_DATABASE_URL user=cibozer_jobs}" \
	-c "SELECT audit_log_scrub_account(-1)"

# --- no DDL, no other objects ------------------------------------------------------
for r in "${RUNTIME[@]}"; do
	check "$r cannot create a table" refused "$r" "CREATE TABLE cz_roles_probe (i integer)"
	check "$r cannot create a temporary table" refused "$r" "CREATE TEMP TABLE cz_roles_probe (i integer)"
	check "$r cannot create a function" refused "$r" \
		"CREATE FUNCTION cz_roles_probe() RETURNS integer LANGUAGE sql AS 'SELECT 1'"
	check "$r cannot drop a table" refused "$r" "DROP TABLE plans"
	check "$r cannot change a table" refused "$r" "ALTER TABLE users ADD COLUMN x integer"
	check "$r cannot become the owner" refused "$r" "SET ROLE $OWNER"
done

# --- nothing it has no use for ------------------------------------------------------
check "cibozer_render cannot read password hashes" refused cibozer_render "SELECT password_hash FROM users"
check "cibozer_render cannot read sessions" refused cibozer_render "SELECT count(*) FROM sessions"
check "cibozer_render cannot read API keys" refused cibozer_render "SELECT count(*) FROM api_keys"
check "cibozer_render reads what a render needs" as cibozer_render \
	"SELECT count(*) FROM video_jobs j JOIN plans p ON p.id = j.plan_id LEFT JOIN users u ON u.id = p.owner_id
	 WHERE u.disabled_at IS NULL AND u.email IS NOT NULL"
check "cibozer_render reads the catalog a stored plan is expanded with (sql/036)" as cibozer_render \
	"SELECT (SELECT count(*) FROM meal_templates) + (SELECT count(*) FROM meal_template_items) + (SELECT count(*) FROM foods) + (SELECT count(*) FROM food_nutrients) + (SELECT count(*) FROM food_measures)"
check "cibozer_render cannot change the food data" refused cibozer_render "UPDATE foods SET name = name"
check "cibozer_web cannot change the food data" refused cibozer_web "UPDATE foods SET name = name"
check "cibozer_web cannot delete accounts" refused cibozer_web "DELETE FROM users WHERE id = -1"
check "cibozer_web cannot delete plans" refused cibozer_web "DELETE FROM plans WHERE id = -1"
check "cibozer_web cannot change the schema's record" refused cibozer_web \
	"DELETE FROM schema_migrations WHERE version = -1"
check "cibozer_jobs cannot read the food data it never uses" \
	refused cibozer_jobs "SELECT count(*) FROM foods"
check "cibozer_jobs cannot register accounts" refused cibozer_jobs \
	"INSERT INTO users (email, password_hash) VALUES ('x@example.com', 'x')"

# Later migrations must grant what their programs use: a table no runtime
# role may touch is one whose migration forgot its GRANTs.
ungranted=$(psql_q "SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'p')
	AND NOT EXISTS (SELECT FROM unnest(ARRAY['cibozer_web', 'cibozer_render', 'cibozer_jobs']) r
		WHERE has_any_column_privilege(r, c.oid, 'SELECT')
		   OR has_table_privilege(r, c.oid, 'INSERT'))") || ungranted="(the query failed)"
check "every table is granted to a runtime role (missing: ${ungranted:-none})" test -z "$ungranted"

# --- only the owner migrates ------------------------------------------------------------
# A scratch database of the owner's, migrated from nothing: by the owner
# (not a superuser) it works; by a runtime role it is refused.
db=cz_roles_probe_$$
base=${CZ_DATABASE_URL% user=*}
base=${base/dbname=cibozer/dbname=$db}
psql_super "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
check "a scratch database for the owner" psql_super "CREATE DATABASE $db OWNER $OWNER"
check "a runtime role cannot migrate a fresh database" \
	bash -c '! CIBOZER_OWNER_DATABASE_URL="$1" "$2" --config "$3" migrate >"$4" 2>&1 &&
		grep -q "permission denied" "$4"' _ "$base user=cibozer_web" "$CZ_ADMIN" "$CZ_CONFIG" "$tmp/m1"
check "the owner (no superuser) migrates a fresh database" \
	bash -c 'CIBOZER_OWNER_DATABASE_URL="$1" "$2" --config "$3" migrate >"$4" 2>&1' \
	_ "$base user=$OWNER" "$CZ_ADMIN" "$CZ_CONFIG" "$tmp/m2"
check "... and leaves the runtime roles without UPDATE on its audit log" \
	test "$("$CZ_PG_BIN/psql" -X -q -At "$base user=$OWNER" -c "SELECT bool_or(has_table_privilege(r, 'audit_log', 'UPDATE'))
		FROM unnest(ARRAY['cibozer_web', 'cibozer_render', 'cibozer_jobs']) r")" = f
psql_super "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
check "the owner migrates the stack's database" \
	bash -c '"$1" --config "$2" migrate >"$3" 2>&1' _ "$CZ_ADMIN" "$CZ_CONFIG" "$tmp/m3"

finish
