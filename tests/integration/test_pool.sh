#!/bin/bash
# test_pool.sh - the supervisor replaces a worker killed with SIGKILL, keeps
# serving meanwhile, workers serve the connections nginx keeps open, and on
# SIGTERM the pool stops idle workers without waiting.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

workers() {
	pgrep -P "$(pool_pid)" | wc -l
}
full() {
	[[ $(workers) -eq $CZ_WORKERS ]]
}

check "the pool runs $CZ_WORKERS workers" full

victim=$(pgrep -P "$(pool_pid)" | head -n 1)
t0=$(date +%s%N)
kill -KILL "$victim"
check "a killed worker is replaced" wait_until 5 full
t1=$(date +%s%N)
echo "# pool back to $CZ_WORKERS workers $(((t1 - t0) / 1000000)) ms after SIGKILL"
check "the killed worker is gone" bash -c "! kill -0 $victim 2>/dev/null"
check "the replacement is logged" grep -q "worker $victim killed by signal 9; replacing it" "$CZ_POOL_LOG"

ok=0
for _ in $(seq 1 20); do
	fetch "$CZ_BASE_URL/about"
	[[ $HTTP_STATUS == 200 ]] && ok=$((ok + 1))
done
check "all 20 requests after the kill succeed" test "$ok" -eq 20

fetch "$CZ_BASE_URL/metrics"
check "the restart is counted" grep -Eq '^cibozer_worker_restarts_total [1-9]' <<<"$HTTP_BODY"

# Kept connections (fastcgi_keep_conn): GET and HEAD reuse the connections
# nginx keeps open to the pool, other methods connect each time, and many
# more concurrent clients than workers are all answered (a worker never
# sits on one idle kept connection while new ones wait: NOTES.md's stall).
connections() {
	fetch "$CZ_BASE_URL/metrics"
	sed -n 's/^cibozer_fcgi_connections_total \([0-9]*\)$/\1/p' <<<"$HTTP_BODY"
}
c0=$(connections)
for _ in $(seq 1 100); do
	curl -s -o /dev/null "$CZ_BASE_URL/about"
done
c1=$(connections)
echo "# 100 GET requests (and a /metrics) opened $((c1 - c0)) FastCGI connections"
check "GET requests reuse kept FastCGI connections" test "$((c1 - c0))" -lt 30
for _ in $(seq 1 10); do
	curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data '{}' "$CZ_BASE_URL/api/plans"
done
c2=$(connections)
echo "# 10 POST requests (and a /metrics) opened $((c2 - c1)) FastCGI connections"
check "each POST request has a FastCGI connection of its own" test "$((c2 - c1))" -ge 10
load=$(wrk -t2 -c64 -d3s --timeout 10s "$CZ_BASE_URL/about" 2>&1)
echo "# wrk -c64 with $CZ_WORKERS workers: $(grep -E 'requests in' <<<"$load")"
check "64 concurrent clients over kept connections are all answered 200" \
	bash -c '[[ $1 == *"requests in"* && $1 != *"Non-2xx"* && $1 != *"Socket errors"* ]]' _ "$load"

# SIGTERM: idle workers stop at once (no 25 s wait, no SIGKILL).
sup=$(pool_pid)
old_workers=$(pgrep -P "$sup" | tr '\n' ' ')
t0=$(date +%s%N)
kill -TERM "$sup"
check "SIGTERM stops the pool" cz_wait_gone "$sup" 10
t1=$(date +%s%N)
echo "# idle pool stopped $(((t1 - t0) / 1000000)) ms after SIGTERM"
check "no worker needed SIGKILL" bash -c "! grep -q 'did not stop' '$CZ_POOL_LOG'"
still_running() {
	local p
	for p in $old_workers; do
		kill -0 "$p" 2>/dev/null && { echo "worker $p still runs"; return 0; }
	done
	return 1
}
check "no worker is left behind" bash -c "$(declare -f still_running); old_workers='$old_workers'; ! still_running"

pool_start
check "the pool starts again" wait_until 10 full
expect_status "$CZ_BASE_URL/about" 200

finish
