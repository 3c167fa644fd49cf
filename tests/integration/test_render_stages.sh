#!/bin/bash
# test_render_stages.sh - the small fixes of issue 15 around a queued
# render, against the stack:
#   - every stage is recorded as it is entered (sql/025 stage_log): after
#     a render the status API's stage_history is composing, encoding,
#     packaging, done, in order, with non-decreasing times, and the row
#     says the same; no poll has to catch packaging in its fraction of a
#     second;
#   - renders in progress are outside the served video directory:
#     render_tmp_dir (default video_dir-tmp) is made, nothing is left in
#     it or in video_dir but the finished video; a render_tmp_dir inside
#     video_dir, or (as root) on another file system, stops the renderer
#     before it takes a job;
#   - the preset as people read it: the video page's title and the
#     owner's mail say "TikTok, 30 s".
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

RENDER=$CZ_BUILD_DIR/render/cibozer-render
PLAN=$CZ_SRCDIR/tests/render/plan-standard-2000.json
[[ -x $RENDER ]] || skip "$RENDER is not built"
command -v jq >/dev/null || skip "jq is not installed"
psql_q "SELECT stage_log FROM video_jobs LIMIT 0" >/dev/null 2>&1 ||
	{ fail "video_jobs.stage_log is missing: sql/025_video_stage_log.sql is not applied"; finish; }
videos=$(cz_config_get "$CZ_CONFIG" video_dir)
[[ -n $videos && -d $videos ]] || { fail "the configuration has no video_dir"; finish; }
vtmp=${videos%/}-tmp

tmp=$(_cz_tmp)/stages
rm -rf "$tmp"
mkdir -p "$tmp"
body_is() { jq -e "$1" <<<"$HTTP_BODY" >/dev/null 2>&1; }

reset_limits
email=stella.stages.$$@example.org
planner_user "$email" 'Barley-Fennel-41' --tier premium || { fail "stella signs up"; finish; }
psql_q "UPDATE users SET email_verified_at = now() WHERE lower(email) = lower('$email')" >/dev/null
uid=$(psql_q "SELECT id FROM users WHERE lower(email) = lower('$email')")
plan=$(psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
	document, generation_ms, owner_id) VALUES ('standard', 2000, '3_meals', 7, 7, '{}',
	\$doc\$$(cat "$PLAN")\$doc\$::json, 1, $uid) RETURNING id")
[[ $plan =~ ^[0-9]+$ ]] || { fail "insert stella's plan"; finish; }
fetch "$CZ_BASE_URL/api/plans/$plan/videos" -X POST -H 'Content-Type: application/json' \
	--data-binary '{"platform": "tiktok", "sound": "silent"}' "${AUTH[@]}"
job=$(jq -r '.id // empty' <<<"$HTTP_BODY")
[[ $HTTP_STATUS == 202 && $job =~ ^[0-9]+$ ]] || { fail "request a video ($HTTP_STATUS)" "$HTTP_BODY"; finish; }
fetch "$CZ_BASE_URL/api/videos/$job" "${AUTH[@]}"
check "a queued job has an empty stage history" body_is '.status == "queued" and .stage_history == []'

# --- the renderer refuses a render directory that would break the rules ---------
conf_with() { # FILE TMPDIR - the stack's configuration with render_tmp_dir
	grep -v '^render_tmp_dir' "$CZ_CONFIG" >"$1"
	printf 'render_tmp_dir = %s\n' "$2" >>"$1"
}
conf_with "$tmp/inside.conf" "$videos/.renders"
"$RENDER" --config "$tmp/inside.conf" --queue --seconds 4 >"$tmp/inside.out" 2>"$tmp/inside.err"
rc=$?
check "render_tmp_dir inside video_dir: the renderer stops (exit $rc)" test "$rc" -eq 1
check "  saying why: $(head -c 160 "$tmp/inside.err")" grep -q "which nginx serves" "$tmp/inside.err"
check "  and takes no job" test "$(psql_q "SELECT state FROM video_jobs WHERE id = $job")" = queued
rm -rf "${videos:?}/.renders"
if [[ $(id -u) == 0 ]] && mkdir -p "$tmp/otherfs" && mount -t tmpfs -o size=1m tmpfs "$tmp/otherfs" 2>/dev/null; then
	conf_with "$tmp/other.conf" "$tmp/otherfs/renders"
	"$RENDER" --config "$tmp/other.conf" --queue --seconds 4 >"$tmp/other.out" 2>"$tmp/other.err"
	rc=$?
	umount "$tmp/otherfs"
	check "render_tmp_dir on another file system: the renderer stops (exit $rc)" test "$rc" -eq 1
	check "  saying why: $(head -c 160 "$tmp/other.err")" grep -q "not on the file system" "$tmp/other.err"
	check "  and takes no job" test "$(psql_q "SELECT state FROM video_jobs WHERE id = $job")" = queued
else
	echo "# another file system not tried: needs root and a tmpfs mount"
fi

# --- a render from the queue ----------------------------------------------------
psql_q "DELETE FROM video_jobs WHERE id <> $job AND state IN ('queued', 'running')" >/dev/null
before=$(psql_q "SELECT coalesce(max(id), 0) FROM mail_outbox")
if "$RENDER" --config "$CZ_CONFIG" --queue --seconds 4 >"$tmp/q.out" 2>"$tmp/q.err"; then
	pass "the queue renders the job: $(cat "$tmp/q.out")"
else
	fail "the queue renders the job" "$(cat "$tmp/q.err")"
fi
check "the render directory $vtmp exists beside video_dir" test -d "$vtmp"
check "nothing is left in it" test -z "$(find "$vtmp" -mindepth 1 -maxdepth 1 -print -quit)"
check "no temporary directory in the served video_dir" \
	test -z "$(find "$videos" -maxdepth 1 -name '.tmp-render-*' -print -quit)"
check "the finished video is in video_dir/$job" test -s "$videos/$job/video.mp4"
fetch "$CZ_BASE_URL/api/videos/$job" "${AUTH[@]}"
check "status API: done" body_is '.status == "done"'
check "status API: stage_history is composing, encoding, packaging, done, in order" \
	body_is '[.stage_history[].stage] == ["composing", "encoding", "packaging", "done"]'
check "  each with a time, never going back" \
	body_is '[.stage_history[].at] as $t | ($t | all(test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$"))) and $t == ($t | sort)'
check "the row's stage_log agrees" test "$(psql_q "SELECT string_agg(e->>'stage', ',' ORDER BY n)
	FROM video_jobs, jsonb_array_elements(stage_log) WITH ORDINALITY AS x(e, n) WHERE id = $job")" \
	= "composing,encoding,packaging,done"

# --- the preset as people read it -----------------------------------------------
fetch "$CZ_BASE_URL/videos/$job" "${AUTH[@]}"
check "the video page's title names the preset: Video $job of plan $plan (TikTok, 30 s)" \
	bash -c '[[ $1 == *"<title>Video $2 of plan $3 (TikTok, 30 s)"* ]]' _ "$HTTP_BODY" "$job" "$plan"
check "the title never shows the code alone" bash -c '! grep -q "<title>[^<]*: tiktok" <<<"$1"' _ "$HTTP_BODY"
check "the owner's mail names it too: (TikTok, 30 s)" sql_yes \
	"SELECT 1 FROM mail_outbox WHERE id > $before AND body LIKE '%/videos/$job' || chr(10) || '%'
	 AND body LIKE '%(TikTok, 30 s)%'"
finish
