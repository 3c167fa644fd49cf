#!/bin/bash
# test_render_disk_full.sh - the video directory's disk fills up during a
# render (issue 14, faults under load): cibozer-render --queue renders
# into a video_dir on a 1 MiB tmpfs (a 2-second TikTok needs ~2 MB and its
# frame spool more), so a write fails midway. Checks:
#   - the job goes back to the queue (not done, not failed for good) with
#     an error that says the disk is full;
#   - nothing partial was ever in video_dir (sampled while it ran) nor is
#     now, and no .tmp-render-* directory is left in render_tmp_dir;
#   - with space back (the tmpfs remounted larger) the job is tried again
#     and done, its files complete.
# Needs root for mount (CAP_SYS_ADMIN); skipped with the reason otherwise.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

RENDER=$CZ_BUILD_DIR/render/cibozer-render
PLAN=$CZ_SRCDIR/tests/render/plan-standard-2000.json
[[ -x $RENDER ]] || skip "$RENDER is not built"
t0=$SECONDS
tmp=$(_cz_tmp)/disk-full
disk=$tmp/disk
mkdir -p "$disk"
mount -t tmpfs -o size=1m,mode=0755 tmpfs "$disk" 2>"$tmp/mount.err" ||
	skip "cannot mount a tmpfs (root with CAP_SYS_ADMIN needed): $(cat "$tmp/mount.err")"
trap 'umount "$disk" 2>/dev/null' EXIT
videos=$disk/videos
mkdir -p "$videos" "$videos-tmp"
# The stack's configuration with the video directories on the small disk.
grep -v -e '^video_dir' -e '^render_tmp_dir' "$CZ_CONFIG" >"$tmp/cibozer.conf"
printf 'video_dir = %s\nrender_tmp_dir = %s\n' "$videos" "$videos-tmp" >>"$tmp/cibozer.conf"

# A clean queue: earlier jobs would be claimed first (as test_render_queue.sh).
psql_q "DELETE FROM video_jobs" >/dev/null
plan=$(psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
	document, generation_ms) VALUES ('standard', 2000, '3_meals', 7, 7, '{}',
	\$doc\$$(cat "$PLAN")\$doc\$::json, 1) RETURNING id")
job=$(psql_q "INSERT INTO video_jobs (plan_id, preset) VALUES ($plan, 'tiktok') RETURNING id")
[[ $plan =~ ^[0-9]+$ && $job =~ ^[0-9]+$ ]] || { fail "insert the test plan and job"; finish; }

# --- the disk fills up ---------------------------------------------------------
"$RENDER" --config "$tmp/cibozer.conf" --queue --max-jobs 1 --seconds 2 \
	>"$tmp/r1.out" 2>"$tmp/r1.err" &
r1=$!
seen=""
while kill -0 "$r1" 2>/dev/null; do
	seen+=$(ls -A "$videos")
	sleep 0.05
done
wait "$r1"
rc=$?
check "the renderer exits 0 after the failed job (a failed job is the queue's business)" test "$rc" = 0
check "job back in the queue, attempt 1, with the reason ($(psql_q "SELECT error FROM video_jobs WHERE id = $job"))" \
	sql_yes "SELECT 1 FROM video_jobs WHERE id = $job AND state = 'queued' AND attempts = 1
	AND error ILIKE '%no space left on device%' AND lease_owner IS NULL"
check "the renderer's log says why" grep -qi "no space left on device" "$tmp/r1.err"
check "nothing appeared in video_dir while it rendered (seen: '${seen}')" test -z "$seen"
check "nothing in video_dir/$job" test ! -e "$videos/$job"
check "no temporary directory left in render_tmp_dir ($(ls -A "$videos-tmp"))" \
	test -z "$(ls -A "$videos-tmp")"
check "the disk is empty again ($(du -sk "$disk" | cut -f1) KiB)" \
	test "$(find "$disk" -type f | wc -l)" = 0

# --- space comes back: the job is retried and done --------------------------------
mount -o remount,size=64m "$disk"
# Past its backoff (30 s after a first failure) without waiting for it.
psql_q "UPDATE video_jobs SET not_before = now() WHERE id = $job" >/dev/null
"$RENDER" --config "$tmp/cibozer.conf" --queue --max-jobs 1 --seconds 2 \
	>"$tmp/r2.out" 2>"$tmp/r2.err"
rc=$?
check "with space back the renderer exits 0 ($(cat "$tmp/r2.out" "$tmp/r2.err" | tail -n 2))" test "$rc" = 0
check "the job is done on its second attempt" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id = $job AND state = 'done' AND attempts = 2"
check "its files are complete" test -s "$videos/$job/video.mp4" -a \
	-s "$videos/$job/hls/master.m3u8" -a -s "$videos/$job/poster.jpg"
check "no temporary directory left" test -z "$(ls -A "$videos-tmp")"

psql_q "DELETE FROM video_jobs WHERE id = $job" >/dev/null
psql_q "DELETE FROM plans WHERE id = $plan" >/dev/null
echo "test_render_disk_full: $((SECONDS - t0)) s"
finish
