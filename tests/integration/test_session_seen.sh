#!/bin/bash
# test_session_seen.sh - a session's last_seen_at moves at most once a
# minute (fcgi/session.c, issue 14: a signed-in request used to be a
# durable UPDATE of its session row), and the idle timeout is kept to that
# minute without ever ending a session early:
#   - a request within a minute of last_seen_at writes nothing;
#   - one more than a minute after it moves it to now;
#   - a session whose last_seen_at is up to a minute past the idle timeout
#     may have been used within the timeout: still honoured;
#   - more than a minute past it: not honoured (401);
#   - the daily purge keeps the first and removes the second.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
t0=$(date +%s.%N)
admin() { "$CZ_ADMIN" --config "$CZ_CONFIG" "$@"; }
idle=$(admin config | sed -n 's/^session_idle_timeout = //p')
[[ $idle =~ ^[0-9]+$ ]] || { fail "read session_idle_timeout"; finish; }
B=$CZ_BASE_URL
pw='walnut compass 8'
user=seen-$$@example.org

reset_limits
make_user "$user" "$pw"
login "$user" "$pw" || { fail "log in"; finish; }
h=$(printf '%s' "$SESSION" | sha256sum | cut -d' ' -f1)
cookie=(-H "Cookie: __Host-cibozer=$SESSION")
# Sets last_seen_at to now() - EXPR; prints it back as epoch seconds.
seen_at() {
	psql_q "UPDATE sessions SET last_seen_at = now() - $1 WHERE token_hash = '$h' RETURNING extract(epoch FROM last_seen_at)"
}
seen() { psql_q "SELECT extract(epoch FROM last_seen_at) FROM sessions WHERE token_hash = '$h'"; }

was=$(seen_at "interval '30 seconds'")
fetch "$B/api/me" "${cookie[@]}"
check "a request 30 s after last_seen_at is honoured (200)" test "$HTTP_STATUS" = 200
check "and writes nothing: last_seen_at stays ($was, now $(seen))" test "$(seen)" = "$was"

was=$(seen_at "interval '90 seconds'")
fetch "$B/api/me" "${cookie[@]}"
check "a request 90 s after last_seen_at is honoured (200)" test "$HTTP_STATUS" = 200
check "and moves last_seen_at to now ($was -> $(seen))" \
	sql_yes "SELECT 1 FROM sessions WHERE token_hash = '$h' AND last_seen_at > now() - interval '30 seconds'"

# last_seen_at idle + 30 s ago: the last request may have been 59 s after
# it, within the timeout.
seen_at "make_interval(secs => $idle + 30)" >/dev/null
fetch "$B/api/me" "${cookie[@]}"
check "last_seen_at idle + 30 s ago: still honoured (200, got $HTTP_STATUS)" test "$HTTP_STATUS" = 200

seen_at "make_interval(secs => $idle + 30)" >/dev/null
admin purge >/dev/null 2>&1
check "the purge keeps that session" sql_yes "SELECT 1 FROM sessions WHERE token_hash = '$h'"

seen_at "make_interval(secs => $idle + 61)" >/dev/null
fetch "$B/api/me" "${cookie[@]}"
check "last_seen_at idle + 61 s ago: not honoured (401, got $HTTP_STATUS)" test "$HTTP_STATUS" = 401
admin purge >/dev/null 2>&1
check "and the purge removes it" \
	test "$(psql_q "SELECT count(*) FROM sessions WHERE token_hash = '$h'")" = 0

echo "time: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
finish
