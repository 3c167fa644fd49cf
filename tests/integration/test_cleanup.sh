#!/bin/bash
# test_cleanup.sh - cibozer-admin cleanup-videos against the stack's
# PostgreSQL and video directory (sql/008_video_expiry.sql):
#   - --dry-run names what would go and changes nothing;
#   - videos finished (done or failed) longer ago than video_retention_days
#     lose their files and are marked expired; recent ones, and queued or
#     running jobs however old, are left alone;
#   - renderers' temporary directories abandoned for hours are removed,
#     in the render directory (render_tmp_dir, by default video_dir-tmp)
#     and, from before it existed, in video_dir; fresh ones (a render in
#     progress) kept;
#   - a second run has nothing left to do.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

psql_q "SELECT expired_at FROM video_jobs LIMIT 1" >/dev/null 2>&1 || {
	# Every migration is in sql/ and scripts/test applies them all: a
	# missing one is a broken stack, not a reason to skip.
	fail "video_jobs.expired_at is missing: migration 008 is in sql/ but not applied to the test database"
	finish
}
videos=$(cz_config_get "$CZ_CONFIG" video_dir)
[[ -n $videos && -d $videos ]] || skip "the configuration has no video_dir"
admin() { "$CZ_ADMIN" --config "$CZ_CONFIG" "$@"; }

plan=$(psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
	document, generation_ms) VALUES ('standard', 2000, '3_meals', 1, 1, '{}',
	'{\"days\": []}', 1) RETURNING id")
[[ $plan =~ ^[0-9]+$ ]] || { fail "insert a plan"; finish; }
# job STATE AGE - a job of that state finished (or started) AGE ago.
job() {
	psql_q "INSERT INTO video_jobs (plan_id, preset, state, attempts, lease_owner,
		lease_until, started_at, finished_at) VALUES ($plan, 'tiktok', '$1', 1,
		CASE WHEN '$1' = 'running' THEN 'test' END,
		CASE WHEN '$1' = 'running' THEN now() + interval '1 hour' END,
		now() - interval '$2', CASE WHEN '$1' IN ('done', 'failed')
		THEN now() - interval '$2' END) RETURNING id"
}
with_files() { # ID - the files a finished render leaves
	mkdir -p "$videos/$1/hls" && : >"$videos/$1/video.mp4" &&
		: >"$videos/$1/poster.jpg" && : >"$videos/$1/hls/master.m3u8"
}
old_done=$(job done '10 days')
old_failed=$(job failed '8 days')
new_done=$(job done '2 days')
old_running=$(job running '30 days')
old_queued=$(psql_q "INSERT INTO video_jobs (plan_id, preset, created_at) VALUES
	($plan, 'instagram', now() - interval '40 days') RETURNING id")
for id in "$old_done" "$new_done" "$old_running"; do with_files "$id"; done
stale=$videos/.tmp-render-testAAAA
fresh=$videos/.tmp-render-testBBBB
mkdir -p "$stale/hls" "$fresh"
: >"$stale/hls/seg0.ts"
touch -d '7 hours ago' "$stale"
rtmp=${videos%/}-tmp
mkdir -p "$rtmp"
stale2=$rtmp/.tmp-render-testCCCC
fresh2=$rtmp/.tmp-render-testDDDD
mkdir -p "$stale2/hls" "$fresh2"
: >"$stale2/video.mp4"
touch -d '7 hours ago' "$stale2"

state_of() { psql_q "SELECT state FROM video_jobs WHERE id = $1"; }

out=$(admin cleanup-videos --dry-run 2>&1)
check "--dry-run names the old done job" grep -q "would expire job $old_done " <<<"$out"
check "--dry-run names the old failed job" grep -q "would expire job $old_failed " <<<"$out"
check "--dry-run names the abandoned temporary directory" grep -q "would remove $stale" <<<"$out"
check "--dry-run names the one in the render directory" grep -q "would remove $stale2" <<<"$out"
check "--dry-run leaves the files" test -f "$videos/$old_done/video.mp4" -a -d "$stale"
check "--dry-run leaves the rows" test "$(state_of "$old_done")" = done

out=$(admin cleanup-videos 2>&1)
rc=$?
echo "# $out" | tail -n 1
check "cleanup-videos exits 0" test "$rc" -eq 0
check "the old done video's files are gone" test ! -e "$videos/$old_done"
check "the old done job is expired, with a time" test \
	"$(psql_q "SELECT state || ' ' || (expired_at IS NOT NULL) FROM video_jobs WHERE id = $old_done")" = "expired true"
check "the old failed job is expired" test "$(state_of "$old_failed")" = expired
check "a video finished two days ago stays" test "$(state_of "$new_done")" = done -a -f "$videos/$new_done/video.mp4"
check "a running job is never touched" test "$(state_of "$old_running")" = running -a -f "$videos/$old_running/video.mp4"
check "a queued job is never touched" test "$(state_of "$old_queued")" = queued
check "the abandoned temporary directory is removed" test ! -e "$stale"
check "a fresh temporary directory (a render in progress) stays" test -d "$fresh"
check "the abandoned one in the render directory is removed" test ! -e "$stale2"
check "a fresh one there (a render in progress) stays" test -d "$fresh2"
check "the summary counts the expired videos" grep -q "^expired 2 videos older than 7 days and 2 abandoned temporary directories" <<<"$out"

out=$(admin cleanup-videos 2>&1)
check "a second run has nothing left to do" grep -q "^expired 0 videos" <<<"$out"

rm -rf "$fresh" "$fresh2" "${videos:?}/$new_done" "${videos:?}/$old_running"
psql_q "DELETE FROM video_jobs WHERE plan_id = $plan" >/dev/null
psql_q "DELETE FROM plans WHERE id = $plan" >/dev/null
finish
