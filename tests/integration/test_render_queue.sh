#!/bin/bash
# test_render_queue.sh - cibozer-render --queue against the stack's
# PostgreSQL (sql/007_video_jobs.sql):
#   - one claim takes exactly one job, whatever plan the table's
#     statistics lead PostgreSQL to (analysed at one row);
#   - two renderers started together on three jobs, with a short lease
#     (3 s) that only renewals keep alive: every job done exactly once
#     (attempts 1), its result JSON stored, its files in video_dir/<id>;
#   - a job whose renderer died (lease expired) is claimed again and done;
#     one whose lease is still live is left alone; one whose lease expired
#     on its last attempt is marked failed;
#   - a job whose plan cannot be read fails at once, leaving no files;
#   - a job whose output is already complete is marked done, not rendered
#     again;
#   - a running job reports its stage and progress; a finished one is at
#     100%;
#   - SIGTERM mid-job gives the job back (queued, error "interrupted"),
#     to be tried again after a backoff.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

RENDER=$CZ_BUILD_DIR/render/cibozer-render
PLAN=$CZ_SRCDIR/tests/render/plan-standard-2000.json
[[ -x $RENDER ]] || skip "$RENDER is not built"
psql_q "SELECT 1 FROM video_jobs LIMIT 1" >/dev/null 2>&1 || {
	# Every migration is in sql/ and scripts/test applies them all: a
	# missing one is a broken stack, not a reason to skip.
	fail "the video_jobs table is missing: migration 007 is in sql/ but not applied to the test database"
	finish
}
videos=$(cz_config_get "$CZ_CONFIG" video_dir)
[[ -n $videos && -d $videos ]] || skip "the configuration has no video_dir"
tmp=$(_cz_tmp)/queue
mkdir -p "$tmp"
# On a failure: the queue, the renderers and their logs.
report() { render_queue_report "$tmp"; }
CZ_ON_FAIL=report

# A clean queue for this test: earlier jobs would be claimed first.
psql_q "DELETE FROM video_jobs" >/dev/null
plan_id=$(psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
	document, generation_ms) VALUES ('standard', 2000, '3_meals', 7, 7, '{}',
	\$doc\$$(cat "$PLAN")\$doc\$::json, 1) RETURNING id")
bad_plan=$(psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
	document, generation_ms) VALUES ('standard', 2000, '3_meals', 7, 7, '{}',
	'{\"days\": []}', 1) RETURNING id")
[[ $plan_id =~ ^[0-9]+$ && $bad_plan =~ ^[0-9]+$ ]] || { fail "insert the test plans"; finish; }

job() { # job PRESET [PLAN] - inserts a queued job, prints its id
	psql_q "INSERT INTO video_jobs (plan_id, preset) VALUES (${2:-$plan_id}, '$1') RETURNING id"
}
state() { psql_q "SELECT state || ' ' || attempts FROM video_jobs WHERE id = $1"; }
queue() { "$RENDER" --config "$CZ_CONFIG" --queue "$@"; }

# --- one claim takes one job ------------------------------------------------------
# Analysed while it held one row, the table leads the planner to a nested
# loop over video_jobs; a claim whose locking subquery sat inside that loop
# ran again for every row and took several jobs at once, of which the
# renderer rendered one and left the others running until their lease ran
# out (seen in CI, where autovacuum had analysed the table at one row).
# Unreadable plans fail at once, so --max-jobs 1 must leave the rest queued.
one=("$(job tiktok "$bad_plan")")
psql_super "ANALYZE video_jobs" >/dev/null
for _ in 1 2 3; do one+=("$(job tiktok "$bad_plan")"); done
queue --max-jobs 1 >"$tmp/one.out" 2>"$tmp/one.err"
rc=$?
check "one claim, one job: exit 0, one job failed ($(cat "$tmp/one.out"))" \
	bash -c '[[ $1 == 0 ]] && jq -e ".jobs_done == 0 and .jobs_failed == 1" "$2" >/dev/null' _ "$rc" "$tmp/one.out"
check "  the other three still queued, never attempted" test "$(psql_q "SELECT string_agg(state || ' ' || attempts, ',' ORDER BY id)
	FROM video_jobs WHERE id IN ($(IFS=,; echo "${one[*]}"))")" = "failed 1,queued 0,queued 0,queued 0"
psql_q "DELETE FROM video_jobs" >/dev/null

# --- two renderers, three jobs, short leases ------------------------------------
j1=$(job tiktok)
j2=$(job instagram)
j3=$(job youtube_long)
queue --seconds 10 --lease 3 >"$tmp/w1.out" 2>"$tmp/w1.err" &
w1=$!
queue --seconds 10 --lease 3 >"$tmp/w2.out" 2>"$tmp/w2.err" &
w2=$!
wait "$w1"
rc1=$?
wait "$w2"
rc2=$?
if ((rc1 == 0 && rc2 == 0)); then
	pass "two renderers exit 0: $(cat "$tmp/w1.out") $(cat "$tmp/w2.out")"
else
	fail "two renderers exit 0" "exit $rc1: $(cat "$tmp/w1.err")" "exit $rc2: $(cat "$tmp/w2.err")"
fi
total=$(cat "$tmp/w1.out" "$tmp/w2.out" | jq -s 'map(.jobs_done) | add')
check "three jobs done between them (got $total)" test "$total" = 3
for j in "$j1" "$j2" "$j3"; do
	check "job $j done on its first attempt" test "$(state "$j")" = "done 1"
	check "job $j: result stored (10 s video)" sql_yes \
		"SELECT 1 FROM video_jobs WHERE id = $j AND (result->'video'->>'duration')::float = 10"
	check "job $j: files in video_dir/$j" test -s "$videos/$j/video.mp4" -a \
		-s "$videos/$j/hls/master.m3u8" -a -s "$videos/$j/poster.jpg"
done
check "no temporary directory left in video_dir" \
	bash -c '! ls -A "$1" | grep -q "^\.tmp"' _ "$videos"
if grep -q "job .*: done" "$tmp/w1.err" && grep -q "job .*: done" "$tmp/w2.err"; then
	pass "both renderers took jobs (SKIP LOCKED shares the queue)"
else
	fail "both renderers took jobs" "$(cat "$tmp/w1.err" "$tmp/w2.err")"
fi

# --- leases ---------------------------------------------------------------------------
dead=$(job tiktok)
psql_q "UPDATE video_jobs SET state = 'running', attempts = 1, lease_owner = 'gone:1',
	lease_until = now() - interval '1 minute' WHERE id = $dead" >/dev/null
live=$(job tiktok)
psql_q "UPDATE video_jobs SET state = 'running', attempts = 1, lease_owner = 'busy:1',
	lease_until = now() + interval '10 minutes' WHERE id = $live" >/dev/null
spent=$(job tiktok)
psql_q "UPDATE video_jobs SET state = 'running', attempts = 3, lease_owner = 'gone:2',
	lease_until = now() - interval '1 minute' WHERE id = $spent" >/dev/null
badj=$(job tiktok "$bad_plan")
queue --seconds 4 >"$tmp/w3.out" 2>"$tmp/w3.err"
rc=$?
check "renderer exits 0 ($(cat "$tmp/w3.out"))" test "$rc" = 0
check "expired lease: claimed again and done (attempt 2)" test "$(state "$dead")" = "done 2"
check "live lease: left alone" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id = $live AND state = 'running' AND lease_owner = 'busy:1'"
check "expired on its last attempt: failed" test "$(state "$spent")" = "failed 3"
check "unreadable plan: failed at once" test "$(state "$badj")" = "failed 1"
check "unreadable plan: the error says why" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id = $badj AND error LIKE 'request:%'"
check "unreadable plan: no files" test ! -e "$videos/$badj"

# --- output already complete -----------------------------------------------------------------
again=$(job tiktok)
"$RENDER" --plan "$PLAN" --preset tiktok --seconds 4 --out "$videos/$again" >/dev/null 2>"$tmp/pre.err"
before=$(stat -c %Y.%i "$videos/$again/video.mp4")
psql_q "UPDATE video_jobs SET state = 'running', attempts = 1, lease_owner = 'gone:3',
	lease_until = now() - interval '1 minute' WHERE id = $again" >/dev/null
queue --seconds 4 >"$tmp/w4.out" 2>"$tmp/w4.err"
check "complete output: job done (attempt 2)" test "$(state "$again")" = "done 2"
check "complete output: not rendered again" test "$(stat -c %Y.%i "$videos/$again/video.mp4")" = "$before"

# --- SIGTERM gives the job back ----------------------------------------------------------------
term=$(job youtube_long)
# The renderer itself, not a subshell around it, must get the signal.
"$RENDER" --config "$CZ_CONFIG" --queue >"$tmp/w5.out" 2>"$tmp/w5.err" &
w5=$!
wait_until 20 sql_yes "SELECT 1 FROM video_jobs WHERE id = $term AND state = 'running'" ||
	fail "the job is claimed"
wait_until 20 sql_yes "SELECT 1 FROM video_jobs WHERE id = $term AND stage = 'encoding' AND progress BETWEEN 5 AND 90" ||
	true
check "a running job reports its stage and progress (encoding, 5-90%)" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id = $term AND state = 'running' AND stage = 'encoding' AND progress BETWEEN 5 AND 90"
kill -TERM "$w5"
wait "$w5"
check "SIGTERM: job back in the queue with the reason" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id = $term AND state = 'queued' AND attempts = 1
	 AND error = 'interrupted' AND lease_owner IS NULL"
check "SIGTERM: no files" test ! -e "$videos/$term"
check "a job given back waits before its next attempt (backoff)" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id = $term AND not_before > now() + interval '20 seconds'"
check "a finished job is at 100%" sql_yes \
	"SELECT 1 FROM video_jobs WHERE state = 'done' AND progress = 100 LIMIT 1"

psql_q "DELETE FROM video_jobs" >/dev/null
psql_q "DELETE FROM plans WHERE id IN ($plan_id, $bad_plan)" >/dev/null
rm -rf "$tmp"
finish
