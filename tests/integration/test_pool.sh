#!/bin/bash
# test_pool.sh - the supervisor replaces a worker killed with SIGKILL, keeps
# serving meanwhile, and on SIGTERM stops idle workers without waiting.
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
