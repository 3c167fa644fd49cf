#!/bin/bash
# test_metrics_videos.sh - the video queue in /metrics (fcgi/handlers_health.c),
# scraped through nginx: jobs in known states with known render times and
# MP4 sizes give exact values for cibozer_video_jobs{preset,state}, the
# queue depth, the oldest queued job's age and the render-time and
# output-size histograms; the exposition passes `promtool check metrics`;
# with PostgreSQL stopped /metrics still answers 200 with the process
# counters and without the video part, each worker logging it once.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

psql_q "SELECT 1 FROM video_jobs LIMIT 1" >/dev/null 2>&1 || {
	# Every migration is in sql/ and scripts/test applies them all: a
	# missing one is a broken stack, not a reason to skip.
	fail "the video_jobs table is missing: migration 007 is in sql/ but not applied to the test database"
	finish
}
tmp=$(_cz_tmp)/metrics-videos
mkdir -p "$tmp"

psql_q "DELETE FROM video_jobs" >/dev/null
plan=$(psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
	document, generation_ms) VALUES ('standard', 2000, '3_meals', 7, 7, '{}', '{}', 1)
	RETURNING id")
[[ $plan =~ ^[0-9]+$ ]] || { fail "insert the test plan"; finish; }
# job PRESET STATE [SECONDS RESULT] - a job in that state; done ones ran
# for SECONDS and hold RESULT.
job() {
	local extra="NULL, NULL, NULL"
	[[ -z ${3:-} ]] || extra="now() - interval '1 hour', now() - interval '1 hour' + make_interval(secs => $3), '$4'"
	psql_q "INSERT INTO video_jobs (plan_id, preset, state, lease_owner, lease_until,
		started_at, finished_at, result) VALUES ($plan, '$1', '$2',
		CASE WHEN '$2' = 'running' THEN 'test:1' END,
		CASE WHEN '$2' = 'running' THEN now() + interval '10 minutes' END, $extra)" >/dev/null
}
job tiktok queued
job tiktok queued
psql_q "UPDATE video_jobs SET created_at = now() - interval '100 seconds' WHERE id = (SELECT min(id) FROM video_jobs)" >/dev/null
job instagram running
job youtube_shorts 'done' 3 '{"video": {"size": 800000}}'
job youtube_shorts 'done' 45 '{"video": {"size": 3000000}}'
job youtube_long 'done' 400 '{"video": {"size": 30000000}}'
job youtube_long 'done' 7200 '{"video": {}}'
job tiktok failed
job instagram expired
check "nine test jobs" test "$(psql_q "SELECT count(*) FROM video_jobs")" = 9

# One request answered first, so that the process counters have a series
# whatever ran before (test_apikeys ends by restarting the pool).
expect_status "$CZ_BASE_URL/health/live" 200
# A responder whose connection went while an earlier test had PostgreSQL
# stopped tries again at most once a second (CZ_DB_RETRY_MS) and meanwhile
# leaves the video queue out of /metrics, as it should. The queue's figures
# are what this test checks, so it scrapes until they are there (at most
# 10 s, past every responder's wait).
scrape_with_videos() {
	local _
	for _ in $(seq 50); do
		fetch "$CZ_BASE_URL/metrics"
		[[ $HTTP_STATUS == 200 && $HTTP_BODY == *"cibozer_video_jobs{"* ]] && return
		sleep 0.2
	done
}
scrape_with_videos
check "/metrics is 200" test "$HTTP_STATUS" = 200
printf '%s\n' "$HTTP_BODY" >"$tmp/metrics"
cat >"$tmp/want" <<'EOF'
cibozer_video_jobs{preset="tiktok",state="queued"} 2
cibozer_video_jobs{preset="tiktok",state="failed"} 1
cibozer_video_jobs{preset="tiktok",state="done"} 0
cibozer_video_jobs{preset="instagram",state="running"} 1
cibozer_video_jobs{preset="instagram",state="expired"} 1
cibozer_video_jobs{preset="youtube_shorts",state="done"} 2
cibozer_video_jobs{preset="youtube_shorts",state="queued"} 0
cibozer_video_jobs{preset="youtube_long",state="done"} 2
cibozer_video_queue_depth 2
cibozer_video_render_duration_seconds_bucket{le="5"} 1
cibozer_video_render_duration_seconds_bucket{le="10"} 1
cibozer_video_render_duration_seconds_bucket{le="30"} 1
cibozer_video_render_duration_seconds_bucket{le="60"} 2
cibozer_video_render_duration_seconds_bucket{le="300"} 2
cibozer_video_render_duration_seconds_bucket{le="600"} 3
cibozer_video_render_duration_seconds_bucket{le="3600"} 3
cibozer_video_render_duration_seconds_bucket{le="+Inf"} 4
cibozer_video_render_duration_seconds_sum 7648.000
cibozer_video_render_duration_seconds_count 4
cibozer_video_output_bytes_bucket{le="1000000"} 1
cibozer_video_output_bytes_bucket{le="2500000"} 1
cibozer_video_output_bytes_bucket{le="5000000"} 2
cibozer_video_output_bytes_bucket{le="25000000"} 2
cibozer_video_output_bytes_bucket{le="50000000"} 3
cibozer_video_output_bytes_bucket{le="500000000"} 3
cibozer_video_output_bytes_bucket{le="+Inf"} 3
cibozer_video_output_bytes_sum 33800000
cibozer_video_output_bytes_count 3
EOF
while IFS= read -r line; do
	check "exposition has: $line" grep -qxF -- "$line" "$tmp/metrics"
done <"$tmp/want"
check "20 job series (4 presets x 5 states)" test "$(grep -c '^cibozer_video_jobs{' "$tmp/metrics")" = 20
check "the oldest queued job is 100 s old" \
	grep -Eqx 'cibozer_video_queue_oldest_seconds 10[0-9]\.[0-9]{3}' "$tmp/metrics"
check "the process counters are still there" grep -q '^cibozer_http_requests_total{' "$tmp/metrics"
if command -v promtool >/dev/null; then
	check "promtool check metrics passes" promtool check metrics <"$tmp/metrics"
else
	fail "promtool is installed (package prometheus)"
fi

# An empty queue: the age is 0, not missing.
psql_q "DELETE FROM video_jobs WHERE state = 'queued'" >/dev/null
scrape_with_videos
printf '%s\n' "$HTTP_BODY" >"$tmp/metrics"	# longer than one argument may be
check "no queued job: depth 0, age 0" bash -c 'grep -qx "cibozer_video_queue_depth 0" "$1" &&
	grep -qx "cibozer_video_queue_oldest_seconds 0.000" "$1"' _ "$tmp/metrics"

# --- the database down ----------------------------------------------------------
# Fresh workers: each logs the outage once, when it first finds the database
# gone. A worker that saw an earlier test's outage (test_metrics_ops.sh) and
# has not served the video part since would stay silent, and sequential
# scrapes mostly reach one worker.
pool_stop && pool_start >/dev/null || { fail "restart the responder pool"; finish; }
logged_before=$(grep -c 'leaves out the video queue' "$CZ_POOL_LOG" 2>/dev/null)
pg_stop
ok=0 without=0
for _ in $(seq 1 "$((CZ_WORKERS * 3))"); do
	fetch "$CZ_BASE_URL/metrics"
	[[ $HTTP_STATUS == 200 && $HTTP_BODY == *cibozer_http_requests_total* ]] && ok=$((ok + 1))
	# The video queue's part; cibozer_video_dir_* (disk, metrics_ops.c)
	# does not come from the database and stays.
	[[ ! $HTTP_BODY =~ cibozer_video_(jobs|queue|render|output) ]] && without=$((without + 1))
done
pg_start
n=$((CZ_WORKERS * 3))
check "database down: /metrics answers 200 with the process counters ($ok of $n)" test "$ok" = "$n"
check "database down: without the video part ($without of $n)" test "$without" = "$n"
logged=$(($(grep -c 'leaves out the video queue' "$CZ_POOL_LOG" 2>/dev/null) - logged_before))
check "logged once per worker at most ($logged lines, $CZ_WORKERS workers, $n scrapes)" \
	test "$logged" -ge 1 -a "$logged" -le "$CZ_WORKERS"
back() {
	fetch "$CZ_BASE_URL/metrics"
	[[ $HTTP_BODY == *cibozer_video_queue_depth* ]]
}
check "the video part comes back with the database" wait_until 15 back

psql_q "DELETE FROM video_jobs" >/dev/null
psql_q "DELETE FROM plans WHERE id = $plan" >/dev/null
rm -rf "$tmp"
finish
