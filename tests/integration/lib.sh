# shellcheck shell=bash disable=SC2153
# tests/integration/lib.sh - helpers for the integration tests, which
# scripts/test runs against a real stack (PostgreSQL, the responder pool,
# nginx). A test is a bash script tests/integration/test_NAME.sh:
#
#     #!/bin/bash
#     set -uo pipefail
#     source "$(dirname "$0")/lib.sh"
#     expect_status "$CZ_BASE_URL/health/live" 200
#     expect_body_contains "$CZ_BASE_URL/" "Cibozer"
#     check "the database answers" psql_q "SELECT 1"
#     finish
#
# The helpers' own variables are all named _cz_*, so a command run by
# check or wait_until sees the test's variables, never a helper's.
#
# It exits 0 when every check passed, 1 otherwise (finish does that), or
# 77 to be counted as skipped (use `skip REASON`).
#
# The environment set by scripts/test:
#   CZ_SRCDIR        the source tree
#   CZ_BUILD_DIR     the build tree (binaries under fcgi/, tools/)
#   CZ_ADMIN         CZ_BUILD_DIR/tools/cibozer-admin
#   CZ_FCGI          CZ_BUILD_DIR/fcgi/cibozer-fcgi
#   CZ_CONFIG        the responder configuration file the stack runs with
#   CZ_BASE_URL      http://127.0.0.1:PORT (nginx)
#   CZ_HTTPS_URL     https://127.0.0.1:PORT (nginx, self-signed)
#   CZ_CA_CERT       that certificate, for curl --cacert
#   CZ_STATE_DIR     the stack's state directory (a fresh temporary one)
#   CZ_SOCKET        the responders' FastCGI unix socket
#   CZ_POOL_PIDFILE  pid file of the responder supervisor
#   CZ_POOL_LOG      the responders' log (stderr)
#   CZ_WORKERS       the number of responders
#   CZ_NGINX_PIDFILE pid file of the nginx master
#   CZ_NGINX_LOG_DIR nginx's access and error logs
#   CZ_PG_DIR        the directory holding the cluster (in CZ_PG_DIR/pg)
#   CZ_PG_PORT       its port on 127.0.0.1
#   CZ_DATABASE_URL  libpq conninfo of the cibozer database (user cibozer,
#                    the owner role)
#   CZ_WEB_DATABASE_URL, CZ_RENDER_DATABASE_URL, CZ_JOBS_DATABASE_URL  the
#                    same as the runtime roles cibozer_web, cibozer_render,
#                    cibozer_jobs (sql/018), which the programs use
#   CZ_PG_SUPERUSER_URL  the same as the superuser postgres
#   CZ_USDA_DIR      the USDA SR24 food files (scripts/usda); unset when
#                    they could not be fetched

for _cz_v in CZ_SRCDIR CZ_BUILD_DIR CZ_CONFIG CZ_BASE_URL CZ_STATE_DIR CZ_SOCKET \
	CZ_POOL_PIDFILE CZ_NGINX_PIDFILE CZ_PG_DIR CZ_PG_PORT CZ_DATABASE_URL; do
	if [[ -z ${!_cz_v:-} ]]; then
		echo "lib.sh: $_cz_v is not set; run the integration tests through scripts/test" >&2
		exit 1
	fi
done
unset _cz_v

# shellcheck source=scripts/lib/stack.sh
source "$CZ_SRCDIR/scripts/lib/stack.sh"

CZ_PASSED=0
CZ_FAILED=0

# Filled by fetch (and so by every expect_* helper): the last response.
HTTP_STATUS=""
HTTP_BODY=""
HTTP_HEADERS=""

# _cz_tmp - a directory for this test's scratch files (removed with the
# state directory by scripts/test).
_cz_tmp() {
	local _cz_d=$CZ_STATE_DIR/tmp/$$
	mkdir -p "$_cz_d" && printf '%s\n' "$_cz_d"
}

# pass NAME / fail NAME [DETAIL...] - record a result by hand.
pass() {
	CZ_PASSED=$((CZ_PASSED + 1))
	printf 'ok   - %s\n' "$1"
}
fail() {
	CZ_FAILED=$((CZ_FAILED + 1))
	printf 'FAIL - %s\n' "$1"
	shift
	if (($#)); then printf '       %s\n' "$@"; fi
}

# check NAME CMD... - runs CMD; a zero exit passes. Its output is shown only
# when it fails.
check() {
	local _cz_name=$1 _cz_out _cz_rc
	shift
	_cz_out=$("$@" 2>&1) && _cz_rc=0 || _cz_rc=$?
	if ((_cz_rc == 0)); then
		pass "$_cz_name"
	else
		fail "$_cz_name" "exit $_cz_rc from: $*" "${_cz_out:0:2000}"
	fi
	return 0
}

# fetch URL [CURL-ARGS...] - one request with curl (30 s limit); sets
# HTTP_STATUS (000 when no response or curl failed), HTTP_BODY (trailing
# newlines removed; empty for -I/--head) and HTTP_HEADERS (CRs removed; with
# -L, those of every response). Large request bodies must be passed as
# --data-binary @FILE: one argument is limited to 128 KiB by the kernel.
fetch() {
	local _cz_url=$1 _cz_tmpd
	shift
	_cz_tmpd=$(_cz_tmp) || return 1
	HTTP_STATUS=$(curl -sS --max-time 30 -o "$_cz_tmpd/body" -D "$_cz_tmpd/headers" \
		-w '%{http_code}' "$@" "$_cz_url" 2>"$_cz_tmpd/err") || true
	[[ -n $HTTP_STATUS ]] || HTTP_STATUS=000
	HTTP_BODY=$(cat "$_cz_tmpd/body" 2>/dev/null) || HTTP_BODY=""
	# With -I/--head curl writes the headers where the body would go.
	case " $* " in *" -I "* | *" --head "*) HTTP_BODY="" ;; esac
	HTTP_HEADERS=$(tr -d '\r' <"$_cz_tmpd/headers" 2>/dev/null) || HTTP_HEADERS=""
	rm -f "$_cz_tmpd/body" "$_cz_tmpd/headers" "$_cz_tmpd/err"
}

# expect_status URL STATUS [CURL-ARGS...] - the response status is STATUS.
expect_status() {
	local _cz_url=$1 _cz_want=$2
	shift 2
	fetch "$_cz_url" "$@"
	if [[ $HTTP_STATUS == "$_cz_want" ]]; then
		pass "$* $_cz_url -> $_cz_want"
	else
		fail "$* $_cz_url -> $_cz_want" "got status $HTTP_STATUS" "${HTTP_BODY:0:500}"
	fi
	return 0
}

# expect_body_contains URL TEXT [CURL-ARGS...] - the response body contains
# TEXT (a fixed string).
expect_body_contains() {
	local _cz_url=$1 _cz_text=$2
	shift 2
	fetch "$_cz_url" "$@"
	if [[ $HTTP_BODY == *"$_cz_text"* ]]; then
		pass "$* $_cz_url contains '$_cz_text'"
	else
		fail "$* $_cz_url contains '$_cz_text'" "status $HTTP_STATUS, body:" "${HTTP_BODY:0:500}"
	fi
	return 0
}

# expect_header URL REGEX [CURL-ARGS...] - a response header line matches
# the extended regular expression REGEX (case-insensitive), e.g.
# '^cache-control: .*immutable'.
expect_header() {
	local _cz_url=$1 _cz_re=$2
	shift 2
	fetch "$_cz_url" "$@"
	if grep -Eqi -- "$_cz_re" <<<"$HTTP_HEADERS"; then
		pass "$* $_cz_url header /$_cz_re/"
	else
		fail "$* $_cz_url header /$_cz_re/" "status $HTTP_STATUS, headers:" "$HTTP_HEADERS"
	fi
	return 0
}

# psql_q SQL - runs SQL as the owner cibozer; prints rows unaligned, tuples
# only. psql_super SQL - the same as the superuser postgres.
psql_q() {
	"$CZ_PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$CZ_DATABASE_URL" -c "$1"
}

# token_in_mail ADDRESS KIND - the token of the newest queued mail to
# ADDRESS with a KIND link (verify-email, password-reset/confirm, ...); no
# mail leaves the machine in the tests, the outbox is read.
token_in_mail() {
	psql_q "SELECT body FROM mail_outbox WHERE recipient = '$1' AND body LIKE '%/$2?token=%' ORDER BY id DESC LIMIT 1" |
		grep -o "$2?token=[A-Za-z0-9_-]*" | head -n 1 | sed 's/.*token=//'
}

# sql_yes SQL - succeeds when the query returns a row (psql_q succeeds for
# an empty result too, so it cannot be a check by itself).
sql_yes() {
	local _cz_out
	_cz_out=$(psql_q "$1") && [[ -n $_cz_out ]]
}
psql_super() {
	"$CZ_PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$CZ_PG_SUPERUSER_URL" -c "$1"
}

# pg_stop / pg_start - stop and start the stack's PostgreSQL (same port,
# same data). A test that stops it must start it again.
pg_stop() {
	cz_pg_stop "$CZ_PG_DIR"
}
pg_start() {
	cz_pg_start "$CZ_PG_DIR" "$CZ_PG_PORT"
}

# pool_stop / pool_start - stop and start the responder pool (same socket,
# configuration and number of workers). A test that stops it must start it
# again.
pool_stop() {
	cz_pool_stop "$CZ_POOL_PIDFILE"
}
pool_start() {
	cz_pool_start "$CZ_BUILD_DIR" "$CZ_CONFIG" "$CZ_SOCKET" "$CZ_WORKERS" "$CZ_POOL_LOG"
}

# pool_pid - prints the responder supervisor's pid.
pool_pid() {
	cz_pid_alive "$CZ_POOL_PIDFILE" cibozer-fcgi
}

# wait_until SECONDS CMD... - retries CMD every 0.2 s until it succeeds;
# fails after SECONDS.
wait_until() {
	local _cz_tenths=$(($1 * 5))
	shift
	until "$@" >/dev/null 2>&1; do
		((_cz_tenths-- > 0)) || return 1
		sleep 0.2
	done
}

# --- accounts ---------------------------------------------------------------
# The responder's session cookie is __Host-cibozer (Secure): curl keeps it
# only over HTTPS, so these helpers pass it as a Cookie header instead, with
# the session's CSRF token and this site's Origin, as a browser page would.

# reset_limits - forgets every rate-limit count and lockout, so that a test
# starts with fresh limits whatever the tests before it did from 127.0.0.1.
reset_limits() {
	psql_q "DELETE FROM rate_limits; DELETE FROM rate_lockouts" >/dev/null
}

# one_window SECONDS - the limits count in windows aligned to the clock
# (rate_limit_hit: floor(epoch / window)), so a burst that straddles a
# window's end is counted in two and never reaches the limit (CI run 16:
# six failures at 17:48:59-17:49:00 all answered 401). A burst starts at
# least 20 s before a window ends.
one_window() {
	local left=$(($1 - $(date +%s) % $1))
	((left > 20)) || sleep "$left"
}

# make_user EMAIL PASSWORD [cibozer-admin user create OPTIONS...] - creates
# an account (prints nothing; fails when the admin command does).
make_user() {
	local _cz_e=$1 _cz_p=$2
	shift 2
	printf '%s\n' "$_cz_p" | CIBOZER_PASSWORD_LIST=$CZ_SRCDIR/data/common-passwords.txt \
		"$CZ_ADMIN" --config "$CZ_CONFIG" user create "$@" "$_cz_e" >/dev/null
}

# login EMAIL PASSWORD - logs in through POST /api/login; sets SESSION (the
# cookie's token), CSRF, and AUTH, the curl arguments of a signed-in page
# (Cookie, X-CSRF-Token, Origin). Returns 1 when the log-in failed. Call it
# (and accept_legal, planner_user) directly, not under check: check runs
# its command in a subshell, which would lose the variables.
SESSION=""
CSRF=""
AUTH=()
login() {
	SESSION=""
	CSRF=""
	AUTH=()
	fetch "$CZ_BASE_URL/api/login" -X POST -H 'Content-Type: application/json' \
		--data-binary "$(jq -cn --arg e "$1" --arg p "$2" '{email: $e, password: $p}')"
	[[ $HTTP_STATUS == 200 ]] || return 1
	SESSION=$(sed -n 's/^set-cookie: __Host-cibozer=\([^;]*\);.*/\1/Ip' <<<"$HTTP_HEADERS" | tail -n 1)
	CSRF=$(jq -r .csrf_token <<<"$HTTP_BODY")
	[[ -n $SESSION && -n $CSRF ]] || return 1
	AUTH=(-H "Cookie: __Host-cibozer=$SESSION" -H "X-CSRF-Token: $CSRF" -H "Origin: $CZ_BASE_URL")
}

# accept_legal - the signed-in user (AUTH) accepts the current terms and
# privacy versions through POST /api/legal/accept.
accept_legal() {
	local _cz_t _cz_p
	fetch "$CZ_BASE_URL/api/me" "${AUTH[@]}"
	_cz_t=$(jq -r .legal.terms_version <<<"$HTTP_BODY")
	_cz_p=$(jq -r .legal.privacy_version <<<"$HTTP_BODY")
	fetch "$CZ_BASE_URL/api/legal/accept" -X POST "${AUTH[@]}" -H 'Content-Type: application/json' \
		--data-binary "{\"terms_version\": \"$_cz_t\", \"privacy_version\": \"$_cz_p\"}"
	[[ $HTTP_STATUS == 200 ]]
}

# planner_user EMAIL PASSWORD [OPTIONS...] - make_user, login and
# accept_legal: a user who may make plans (AUTH set).
planner_user() {
	make_user "$@" && login "$1" "$2" && accept_legal
}

# need_foods - makes sure the foods table holds the USDA foods the planner
# needs: imports them (cibozer-admin import-usda $CZ_USDA_DIR) when it is
# empty, since tests that make plans may run before test_catalog.sh; skips
# the test, saying why, when they cannot be had; fails and ends it when the
# import fails. Sets NFOODS to the count.
NFOODS=0
need_foods() {
	local _cz_d
	_cz_d=$(_cz_tmp) || return 1
	NFOODS=$(psql_q "SELECT count(*) FROM foods" 2>"$_cz_d/foods.err") ||
		skip "no foods table: $(head -n 1 "$_cz_d/foods.err")"
	if [[ $NFOODS == 0 ]]; then
		[[ -n ${CZ_USDA_DIR:-} && -d ${CZ_USDA_DIR:-} ]] ||
			skip "the foods table is empty and CZ_USDA_DIR (scripts/usda) is not set"
		if ! "$CZ_ADMIN" --config "$CZ_CONFIG" import-usda "$CZ_USDA_DIR" >"$_cz_d/import.log" 2>&1; then
			tail -n 20 "$_cz_d/import.log"
			fail "cibozer-admin import-usda $CZ_USDA_DIR"
			finish
		fi
		NFOODS=$(psql_q "SELECT count(*) FROM foods")
	fi
}

# skip REASON - ends the test as skipped (exit 77), printing why.
skip() {
	printf 'skip: %s\n' "$*"
	exit 77
}

# CZ_ON_FAIL: a function a test names to print what explains its
# failures (state, logs) once, before the summary; not run when all passed.
CZ_ON_FAIL=""

# render_queue_report DIR - the video queue, the renderers running and the
# tail of every renderer log in DIR: why a job was not where a test wanted.
render_queue_report() {
	echo "---- video_jobs (id, state, attempts, lease_owner, lease left, error)"
	psql_q "SELECT id, state, attempts, coalesce(lease_owner, '-'),
		coalesce(round(extract(epoch FROM lease_until - now()))::text, '-'),
		coalesce(left(error, 120), '-') FROM video_jobs ORDER BY id" 2>&1
	echo "---- cibozer-render processes on this machine"
	ps -eo pid,ppid,etimes,args | grep '[c]ibozer-render' || echo "(none)"
	local f
	for f in "$1"/*err*; do
		[[ -s $f ]] || continue
		echo "---- $f"
		tail -n 15 "$f"
	done
}

# finish - prints "N passed, M failed" and exits 1 when a check failed.
finish() {
	if ((CZ_FAILED)) && [[ -n $CZ_ON_FAIL ]]; then "$CZ_ON_FAIL"; fi
	echo "$CZ_PASSED passed, $CZ_FAILED failed"
	((CZ_FAILED == 0)) || exit 1
	exit 0
}
