#!/bin/bash
# test_health.sh - readiness follows PostgreSQL down and back up without
# restarting the responders; /metrics is valid Prometheus text.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

worker_pids() {
	pgrep -P "$(pool_pid)" | sort | tr '\n' ' '
}

expect_status "$CZ_BASE_URL/health/live" 200
expect_status "$CZ_BASE_URL/health/ready" 200
fetch "$CZ_BASE_URL/health"
check "/health reports every check ok" \
	jq -e '.status == "ok" and .checks.database.ok and .checks.schema.ok and .checks.video_dir.ok and .checks.disk.ok' <<<"$HTTP_BODY"

supervisor_before=$(pool_pid)
workers_before=$(worker_pids)

pg_stop
# Every worker must see the database gone, whichever nginx picks.
for _ in $(seq 1 "$((CZ_WORKERS * 2))"); do
	fetch "$CZ_BASE_URL/health/ready"
	[[ $HTTP_STATUS == 503 ]] || break
done
check "/health/ready is 503 while PostgreSQL is down" test "$HTTP_STATUS" = 503
check "the 503 carries Retry-After" grep -Eqi '^retry-after: [0-9]+' <<<"$HTTP_HEADERS"
check "the 503 names the failing check" jq -e '.failing.database' <<<"$HTTP_BODY"
expect_status "$CZ_BASE_URL/health/live" 200
expect_status "$CZ_BASE_URL/about" 200
# Signed in, a page cannot tell who asks: 503, not the log-in form.
fetch "$CZ_BASE_URL/account" -H "Cookie: __Host-cibozer=$SESSION"
check "signed in, /account is 503 with Retry-After while PostgreSQL is down (got $HTTP_STATUS)" \
	bash -c '[[ $1 == 503 ]] && grep -Eqi "^retry-after: [0-9]+" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
fetch "$CZ_BASE_URL/health"
check "/health is 503 with the database check failing" \
	bash -c '[[ $1 == 503 ]] && jq -e ".checks.database.ok == false" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
check "the unreachable database is logged" grep -q 'database unreachable' "$CZ_POOL_LOG"

pg_start
# Workers retry at most once a second: give them a few.
ready_all() {
	local i
	for i in $(seq 1 "$((CZ_WORKERS * 3))"); do
		fetch "$CZ_BASE_URL/health/ready"
		[[ $HTTP_STATUS == 200 ]] || return 1
	done
}
check "/health/ready is 200 again once PostgreSQL is back" wait_until 15 ready_all
check "the supervisor was not restarted" test "$(pool_pid)" = "$supervisor_before"
check "no worker was restarted" test "$(worker_pids)" = "$workers_before"
# Every worker, also one that nginx sent nothing while PostgreSQL was down
# (kept connections send a client's requests to one worker), finds its
# dead connection before it sends a statement, instead of losing the
# statement to it. Sixteen concurrent clients reach every worker.
lost_before=$(grep -c 'connection lost during' "$CZ_POOL_LOG")
load=$(wrk -t2 -c16 -d2s --timeout 10s "$CZ_BASE_URL/health/ready" 2>&1)
lost_after=$(grep -c 'connection lost during' "$CZ_POOL_LOG")
echo "# after the restart: $(grep -E 'requests in' <<<"$load"); statements lost to a dead connection: $((lost_after - lost_before))"
check "after the restart every worker answers 200" \
	bash -c '[[ $1 == *"requests in"* && $1 != *"Non-2xx"* && $1 != *"Socket errors"* ]]' _ "$load"
check "no statement was sent down a connection the server had closed" test "$lost_after" -eq "$lost_before"

# Metrics: valid exposition, counting what we just did.
fetch "$CZ_BASE_URL/metrics"
check "/metrics is 200" test "$HTTP_STATUS" = 200
metrics=$(_cz_tmp)/metrics.txt
printf '%s\n' "$HTTP_BODY" >"$metrics"
if command -v promtool >/dev/null; then
	check "promtool check metrics passes" promtool check metrics <"$metrics"
else
	fail "promtool is installed (package prometheus)"
fi
check "requests are counted by route and status" \
	grep -Eq '^cibozer_http_requests_total\{route="health_ready",status="503"\} [1-9]' "$metrics"
check "the duration histogram is there" \
	grep -Eq '^cibozer_http_request_duration_seconds_bucket\{route="home",le="\+Inf"\} [0-9]+' "$metrics"
check "reconnects are counted" grep -Eq '^cibozer_db_reconnects_total [1-9]' "$metrics"
check "database errors are counted" grep -Eq '^cibozer_db_errors_total [1-9]' "$metrics"
check "the pool size is reported" grep -Eq "^cibozer_workers $CZ_WORKERS\$" "$metrics"
check "the start time is reported" grep -Eq '^process_start_time_seconds [0-9]+' "$metrics"

finish
