#!/bin/bash
# test_failover.sh - the short version of bench/failover (same functions):
# two app hosts behind one nginx and a PostgreSQL primary with a
# synchronous standby, every program on a multi-host conninfo
# (target_session_attrs=read-write). Its own private stack under
# CZ_STATE_DIR/failover (the suite's PostgreSQL is not touched: the foods
# are copied from it), stopped at the end. Under load (wrk):
#   - renderers of both hosts share the queue: every job rendered once;
#   - host A killed: host B serves; no GET fails (nginx retries them on
#     host B), failed POSTs counted, each answered 503 (not nginx's 502);
#   - the primary stopped as a crash, the standby promoted: POST /api/plans
#     answers 201 within 10 s, host B's responders not restarted;
#   - every plan answered 201 is in the promoted database (ids compared);
#   - a renderer of host B renders a job queued after the failover;
#   - host B killed too: pages and the API answer 503 with Retry-After.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=bench/failover
source "$CZ_SRCDIR/bench/failover"

T0=$SECONDS
command -v wrk >/dev/null || skip "wrk is not installed (scripts/deps installs it)"
[[ -x $CZ_BUILD_DIR/render/cibozer-render ]] || skip "cibozer-render is not built"
need_foods
echo "     foods ready in $((SECONDS - T0)) s"
T1=$SECONDS
SUITE_URL=$CZ_DATABASE_URL
dir=$CZ_STATE_DIR/failover
rm -rf "$dir"
mkdir -p "$dir" && chmod 755 "$dir"
trap cz_stop_all EXIT
fo_init "$CZ_SRCDIR" "$CZ_BUILD_DIR" "$dir"

pp=$(cz_free_port "$CZ_PG_PORT")
sp=$(cz_free_port "$CZ_PG_PORT" "$pp")
http=$(cz_free_port "$CZ_PG_PORT" "$pp" "$sp")
https=$(cz_free_port "$CZ_PG_PORT" "$pp" "$sp" "$http")
pool=$(cz_free_port "$CZ_PG_PORT" "$pp" "$sp" "$http" "$https")

prepare() {
	cz_write_config "$dir/setup.conf" "$CZ_SRCDIR" "$dir" 1 &&
		cz_migrate "$CZ_BUILD_DIR" "$dir/setup.conf" >/dev/null 2>&1 &&
		fo_copy_foods "$SUITE_URL"
}
if ! fo_pg_pair "$pp" "$sp" prepare >"$dir/setup.log" 2>&1; then
	fail "primary and synchronous standby" "$(tail -n 20 "$dir/setup.log")"
	finish
fi
pass "primary 127.0.0.1:$pp streams to its synchronous standby 127.0.0.1:$sp ($((SECONDS - T1)) s: $FO_PG_TIMES)"
check "the standby is read-only (in recovery)" test "$(fo_su_psql "$sp" "SELECT pg_is_in_recovery()")" = t

for h in a b; do
	fo_host_config "host-$h" 2 "http://127.0.0.1:$http" log_level=warn quota_enterprise_plans=100000 >/dev/null
done
if ! { fo_pool_start host-a "$FO_ADDR_A" "$pool" 2 && fo_pool_start host-b "$FO_ADDR_B" "$pool" 2 &&
	fo_nginx_start "$http" "$https" "$pool"; } >"$dir/start.log" 2>&1; then
	fail "two app hosts behind nginx" "$(tail -n 20 "$dir/start.log")"
	finish
fi
pass "app hosts $FO_ADDR_A:$pool and $FO_ADDR_B:$pool behind nginx $FO_URL"
FO_KEY=$(fo_api_key "$dir/host-a.conf")
[[ -n $FO_KEY ]] || { fail "an API key for the load"; finish; }
export FO_KEY FO_IDS=$dir/ids FO_PLAN_EVERY=3
for _ in 1 2 3 4; do fo_plan_201 || true; done
# Kept connections (GET) to both hosts: each nginx worker keeps its own
# round-robin turn, so ask a few times.
for _ in 1 2 3 4 5 6 7 8 9 10; do curl -s -o /dev/null "$FO_URL/health/live"; done
check "both hosts serve (nginx holds connections to each)" \
	bash -c '[[ -n $(ss -Htn state established "dst $1") && -n $(ss -Htn state established "dst $2") ]]' _ \
	"$FO_ADDR_A:$pool" "$FO_ADDR_B:$pool"
workers_b=$(fo_host_workers host-b)

fo_load_script "$dir/load.lua"
# Until after the failover: SIGINT stops wrk, which then prints its figures.
wrk -t1 -c4 -d600s --timeout 10s -s "$dir/load.lua" "$FO_URL" >"$dir/wrk.out" 2>&1 &
wrk_pid=$!
access=$dir/nginx/logs/access.log

# --- renderers of both hosts share the queue -------------------------------------------
# Two jobs (the smallest frame, 2 s each: the test's time budget), one each
# when both renderers start together.
echo "     load and renders from $((SECONDS - T1)) s"
mapfile -t jobs < <(fo_queue_jobs 2 instagram)
fo_render host-a 2 "$dir/render-a"
ra=$FO_RENDER_PID
fo_render host-b 2 "$dir/render-b"
rb=$FO_RENDER_PID
wait "$ra"
rca=$?
wait "$rb"
rcb=$?
check "two renderers (hosts A and B) exit 0" test "$rca$rcb" = 00
check "2 jobs, each rendered exactly once (logs, video_jobs, stage_log, files)" fo_jobs_rendered_once "${jobs[@]}"
check "both renderers took jobs (SKIP LOCKED across hosts)" \
	bash -c 'grep -q "done in" "$1" && grep -q "done in" "$2"' _ "$dir/render-a.err" "$dir/render-b.err"

# --- host A dies ----------------------------------------------------------------------
echo "     host A killed at $((SECONDS - T1)) s"
line=$(wc -l <"$access")
check "host A killed (SIGKILL, no process left)" fo_host_kill host-a
sleep 3
get_failed=$(tail -n +"$((line + 1))" "$access" | awk '$6 == "\"GET" && $9 >= 500 { n++ } END { print n + 0 }')
post_failed=$(tail -n +"$((line + 1))" "$access" | awk '$6 == "\"POST" && $9 >= 500 { n++ } END { print n + 0 }')
after_kill=$(($(wc -l <"$access") - line))
check "3 s after host A died: $after_kill requests, no GET failed (retried on host B); POSTs failed: $post_failed" \
	test "$get_failed" = 0 -a "$after_kill" -gt 20
# A request host A was serving when it died is lost with it (nginx: 502
# "upstream prematurely closed"); it must reach the client as the site's
# outage answer, 503 with Retry-After, and a POST is not repeated on B.
bad_gw=$(tail -n +"$((line + 1))" "$access" | awk '$9 >= 500 && $9 != 503 { n++ } END { print n + 0 }')
check "3 s after host A died: no answer other than 503 among the failed ($bad_gw)" test "$bad_gw" = 0
check "host B serves alone: POST /api/plans answers 201" fo_plan_201

# --- the primary dies, the standby is promoted -------------------------------------------
echo "     failover at $((SECONDS - T1)) s"
line=$(wc -l <"$access")
if fo_failover; then
	pass "primary stopped (immediate), standby promoted in $FO_PROMOTE_MS ms"
else
	fail "primary stopped, standby promoted"
fi
resume=$(fo_resume_ms 15)
check "POST /api/plans answers 201 again ${resume} ms after the primary stopped (goal <= 10000)" \
	test "$resume" -ge 0 -a "$resume" -le 10000
check "the promoted standby is the primary (not in recovery)" \
	test "$(fo_su_psql "$sp" "SELECT pg_is_in_recovery()")" = f
sleep 2
kill -INT "$wrk_pid"
wait "$wrk_pid"
check "host B's responders were not restarted (same pids: $workers_b)" test "$(fo_host_workers host-b)" = "$workers_b"
read -r w_n w_ok w_503 w_other w_sock < <(tail -n 1 "$dir/wrk.out")
echo "     load: $w_n requests, 2xx $w_ok, 503 $w_503, other $w_other, socket errors $w_sock; during the failover: $(fo_statuses "$line")"
cat "$dir"/ids.* >"$dir/ids.all"
n201=$(grep -c '^[0-9]' "$dir/ids.all")
missing=$(fo_ids_missing "$dir/ids.all")
check "every plan answered 201 under load ($n201) is in the promoted database (missing: $missing)" \
	test "$n201" -gt 0 -a "$missing" = 0

# --- a renderer after the failover ----------------------------------------------------
echo "     render after the failover at $((SECONDS - T1)) s"
mapfile -t jobs2 < <(fo_queue_jobs 1 instagram)
fo_render host-b 2 "$dir/render-b2"
wait "$FO_RENDER_PID"
check "host B's renderer reaches the promoted primary and renders job ${jobs2[0]:-?} once" \
	fo_jobs_rendered_once "${jobs2[@]}"

# --- no app host left -------------------------------------------------------------------
# nginx finds no responder at all (its 502): the same 503 with Retry-After
# as any outage, JSON under /api/, the static page elsewhere.
check "host B killed too" fo_host_kill host-b
fetch "$FO_URL/api/plans" -X POST -H 'Content-Type: application/json' \
	-H "Authorization: Bearer $FO_KEY" --data '{"calories":2000,"days":1}'
check "no host: POST /api/plans answers 503 JSON with Retry-After (got $HTTP_STATUS)" \
	bash -c '[[ $1 == 503 ]] && grep -Eqi "^retry-after: [1-9]" <<<"$2" && jq -e .error <<<"$3" >/dev/null' \
	_ "$HTTP_STATUS" "$HTTP_HEADERS" "$HTTP_BODY"
fetch "$FO_URL/about"
check "no host: a page answers 503 with Retry-After and the outage page (got $HTTP_STATUS)" \
	bash -c '[[ $1 == 503 ]] && grep -Eqi "^retry-after: [1-9]" <<<"$2" && grep -qF "503 — Temporarily unavailable" <<<"$3"' \
	_ "$HTTP_STATUS" "$HTTP_HEADERS" "$HTTP_BODY"

echo "     test_failover.sh took $((SECONDS - T0)) s, $((SECONDS - T1)) s after the foods were there"
finish
