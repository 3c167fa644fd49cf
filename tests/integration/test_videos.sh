#!/bin/bash
# test_videos.sh - videos of plans over the real stack: requesting one
# (verified e-mail, platform checked, the same plan and platform give the
# same job, the tier's daily quota), day clips (a day of the plan or a 422,
# one job per plan revision, platform and day, 15 s on TikTok, that day's
# cards and publish kit; the plan page's form), following it (status API and page),
# rendering it with cibozer-render --queue, watching it (player page,
# files through nginx's internal location with ranges, the resume position
# and the watched mark), the list, who may see what (another user, nobody,
# paths that try to leave the video's directory), and the responder
# streaming a range itself in CGI mode.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
RENDER=$CZ_BUILD_DIR/render/cibozer-render
[[ -x $RENDER ]] || skip "$RENDER is not built"
[[ $(psql_q "SELECT count(*) FROM foods") != 0 ]] ||
	skip "no USDA foods imported (test_catalog.sh or test_usda.sh imports them)"
videos=$(cz_config_get "$CZ_CONFIG" video_dir)
[[ -n $videos && -d $videos ]] || skip "the configuration has no video_dir"
tmp=$(_cz_tmp)
reset_limits

post() { # URL BODY [CURL ARGS]
	local url=$1 body=$2
	shift 2
	fetch "$url" -X POST -H 'Content-Type: application/json' --data-binary "$body" "$@"
}
body_is() { jq -e "$1" <<<"$HTTP_BODY" >/dev/null 2>&1; }
verify() { psql_q "UPDATE users SET email_verified_at = now() WHERE lower(email) = lower('$1')" >/dev/null; }

# --- Alice makes a plan ---------------------------------------------------------------
planner_user alice.video.$$@example.org 'Tomato-Basil-42' --tier premium ||
	{ fail "alice signs up, logs in and accepts the terms"; finish; }
ALICE=("${AUTH[@]}")
CSRF_ALICE=$CSRF
post "$CZ_BASE_URL/api/plans" '{"calories": 2000, "diet_type": "standard", "days": 2, "seed": 5}' "${ALICE[@]}"
plan=$(jq -r '.id // empty' <<<"$HTTP_BODY")
[[ $plan =~ ^[0-9]+$ ]] || { fail "alice makes a plan" "$HTTP_STATUS ${HTTP_BODY:0:300}"; finish; }

post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok"}' "${ALICE[@]}"
check "an unverified address cannot request a video (403)" test "$HTTP_STATUS" = 403
verify alice.video.$$@example.org
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "vhs"}' "${ALICE[@]}"
check "an unknown platform is a 400 naming the field" body_is '.errors.platform | startswith("must be one of")'
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok"}' "${ALICE[@]}"
check "requesting a video answers 202" test "$HTTP_STATUS" = 202
vid=$(jq -r '.id // empty' <<<"$HTTP_BODY")
check "the answer names the job and its status URL" \
	bash -c '[[ $1 =~ ^[0-9]+$ ]] && jq -e ".status == \"queued\" and .urls.status == \"/api/videos/$1\"" <<<"$2" >/dev/null' _ "$vid" "$HTTP_BODY"
check "Location is the status URL" grep -qi "^location: /api/videos/$vid\$" <<<"$HTTP_HEADERS"
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok"}' "${ALICE[@]}"
check "the same plan and platform again give the same job" body_is ".id == $vid"
check "one job row only" test "$(psql_q "SELECT count(*) FROM video_jobs WHERE plan_id = $plan AND preset = 'tiktok'")" = 1

fetch "$CZ_BASE_URL/api/videos/$vid" "${ALICE[@]}"
check "the status API answers queued, 0%" body_is '.status == "queued" and .progress == 0 and .urls.page == "/videos/'"$vid"'"'
fetch "$CZ_BASE_URL/videos/$vid" "${ALICE[@]}"
check "the status page has the progress bar and its script" \
	bash -c '[[ $1 == 200 && $2 == *"<progress id=\"video-progress\""* && $2 == *"/static/js/video-status.js"* && $2 == *"http-equiv=\"refresh\""* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"

# --- who may see it --------------------------------------------------------------------
planner_user bob.video.$$@example.org 'Cucumber-Mint-77' || { fail "bob signs up"; finish; }
BOB=("${AUTH[@]}")
verify bob.video.$$@example.org
fetch "$CZ_BASE_URL/api/videos/$vid" "${BOB[@]}"
check "another user's video is a 404" test "$HTTP_STATUS" = 404
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "instagram"}' "${BOB[@]}"
check "a video of another user's plan is a 404" test "$HTTP_STATUS" = 404
fetch "$CZ_BASE_URL/api/videos/$vid"
check "nobody signed in: 401" test "$HTTP_STATUS" = 401

# --- rendering ---------------------------------------------------------------------------
# Other tests' jobs may be queued too: render until ours is done.
for _ in 1 2 3 4 5 6; do
	"$RENDER" --config "$CZ_CONFIG" --queue --max-jobs 1 >>"$tmp/render.out" 2>>"$tmp/render.err"
	[[ $(psql_q "SELECT state FROM video_jobs WHERE id = $vid") == done ]] && break
done
fetch "$CZ_BASE_URL/api/videos/$vid" "${ALICE[@]}"
check "after a render the job is done at 100%" body_is '.status == "done" and .progress == 100' ||
	tail -n 5 "$tmp/render.err"
check "the status has the duration, size and media URLs" \
	body_is '(.duration_seconds - 30 | fabs) < 0.2 and .size_bytes > 0 and .urls.mp4 == "/videos/'"$vid"'/video.mp4" and (.urls.hls | endswith("/hls/master.m3u8"))'

fetch "$CZ_BASE_URL/videos/$vid" "${ALICE[@]}"
for want in '<video id="player"' 'data-hls="/videos/'"$vid"'/hls/master.m3u8"' 'poster="/videos/'"$vid"'/poster.jpg"' \
	'src="/videos/'"$vid"'/video.mp4"' '?download=1' '/static/js/player.js' '/static/vendor/hls.min.js' \
	'NOT intended to provide medical advice'; do
	check "the player page has: $want" bash -c '[[ $2 == *"$1"* ]]' _ "$want" "$HTTP_BODY"
done

mp4=$videos/$vid/video.mp4
size=$(stat -c %s "$mp4" 2>/dev/null || echo 0)
curl -sS -o "$tmp/whole.mp4" -D "$tmp/h0" "${ALICE[@]}" "$CZ_BASE_URL/videos/$vid/video.mp4"
check "the MP4 comes through nginx whole (200, video/mp4, $size bytes)" \
	bash -c 'grep -qi "^HTTP/1.1 200" "$1" && grep -qi "^content-type: video/mp4" "$1" && cmp -s "$2" "$3"' _ "$tmp/h0" "$tmp/whole.mp4" "$mp4"
curl -sS -o "$tmp/part" -D "$tmp/h1" -H 'Range: bytes=100-1099' "${ALICE[@]}" "$CZ_BASE_URL/videos/$vid/video.mp4"
dd if="$mp4" of="$tmp/want" bs=1 skip=100 count=1000 status=none
check "a range answers 206 with exactly those bytes" \
	bash -c 'grep -qi "^HTTP/1.1 206" "$1" && grep -qi "^content-range: bytes 100-1099/$4" "$1" && cmp -s "$2" "$3"' _ "$tmp/h1" "$tmp/part" "$tmp/want" "$size"
fetch "$CZ_BASE_URL/videos/$vid/video.mp4?download=1" -I "${ALICE[@]}"
check "the download link is an attachment" grep -qi '^content-disposition: attachment' <<<"$HTTP_HEADERS"
fetch "$CZ_BASE_URL/videos/$vid/poster.jpg" -I "${ALICE[@]}"
check "the poster comes as image/jpeg" bash -c '[[ $1 == 200 ]] && grep -qi "^content-type: image/jpeg" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
fetch "$CZ_BASE_URL/videos/$vid/hls/master.m3u8" "${ALICE[@]}"
check "the master playlist lists the variants" bash -c '[[ $1 == 200 && $2 == *"#EXT-X-STREAM-INF"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
variant=$(grep -v '^#' <<<"$HTTP_BODY" | head -n 1 | cut -d/ -f1)
fetch "$CZ_BASE_URL/videos/$vid/hls/$variant/index.m3u8" "${ALICE[@]}"
check "a variant playlist ($variant) comes through" bash -c '[[ $1 == 200 && $2 == *"seg000.ts"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
fetch "$CZ_BASE_URL/videos/$vid/hls/$variant/seg000.ts" -I "${ALICE[@]}"
check "a segment comes as video/mp2t" bash -c '[[ $1 == 200 ]] && grep -qi "^content-type: video/mp2t" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
# 2-second segments, one GOP each: a quality switch or a seek fetches 2 s.
fetch "$CZ_BASE_URL/videos/$vid/hls/$variant/index.m3u8" "${ALICE[@]}"
check "the segments last 2 s (#EXT-X-TARGETDURATION:2, 15 of them for 30 s)" \
	bash -c '[[ $1 == *"#EXT-X-TARGETDURATION:2"* ]] && (($(grep -c "^seg" <<<"$1") == 15))' _ "$HTTP_BODY"
for r in "$videos/$vid"/hls/*/; do
	keys=$(for seg in "$r"seg*.ts; do
		ffprobe -v error -select_streams v -read_intervals %+#1 -show_entries frame=key_frame \
			-of default=nw=1:nk=1 "$seg" | head -n 1
	done | sort | uniq -c | tr -s ' ')
	check "every segment of $(basename "$r") starts with a keyframe ($keys)" test "$keys" = " 15 1"
done

fetch "$CZ_BASE_URL/videos/$vid/video.mp4" -I "${BOB[@]}"
check "another user gets no file (404)" test "$HTTP_STATUS" = 404
fetch "$CZ_BASE_URL/_protected_videos/$vid/video.mp4"
check "the internal location cannot be asked for directly (404)" test "$HTTP_STATUS" = 404
for bad in "/videos/$vid/..%2f..%2fcibozer.conf" "/videos/$vid/%2e%2e" "/videos/$vid/..%5cvideo.mp4" \
	"/videos/$vid/hls/..%2f..%2fvideo.mp4" "/videos/$vid/hls/$variant/..%2findex.m3u8" \
	"/videos/$vid/hls/$variant/seg000.ts%00" "/videos/$vid/hls/%2e%2e/index.m3u8" "/videos/$vid/result.json" \
	"/videos/$vid/hls/$variant/index.m3u8.bak"; do
	fetch "$CZ_BASE_URL$bad" "${ALICE[@]}"
	check "no file for $bad ($HTTP_STATUS)" bash -c '[[ $1 == 400 || $1 == 404 ]] && [[ $2 != *"database_url"* && $2 != *"ftyp"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
done

# --- the resume position ------------------------------------------------------------------
post "$CZ_BASE_URL/api/videos/$vid/progress" '{"position": 12.5, "duration": 30}' "${ALICE[@]}"
check "saving the position answers 204" test "$HTTP_STATUS" = 204
fetch "$CZ_BASE_URL/api/videos/$vid" "${ALICE[@]}"
check "the position reads back, not yet watched" body_is '.position_seconds == 12.5 and .watched == false'
fetch "$CZ_BASE_URL/videos/$vid" "${ALICE[@]}"
check "the player page resumes there" bash -c '[[ $1 == *"data-position=\"12.5\""* ]]' _ "$HTTP_BODY"
post "$CZ_BASE_URL/api/videos/$vid/progress" '{"position": 28.6, "duration": 30}' "${ALICE[@]}"
fetch "$CZ_BASE_URL/api/videos/$vid" "${ALICE[@]}"
check "reaching 95% marks it watched" body_is '.watched == true'
post "$CZ_BASE_URL/api/videos/$vid/progress" '{"position": 3, "duration": 30}' "${ALICE[@]}"
fetch "$CZ_BASE_URL/api/videos/$vid" "${ALICE[@]}"
check "watched stays watched when one starts again" body_is '.watched == true and .position_seconds == 3'
post "$CZ_BASE_URL/api/videos/$vid/progress" '{"position": "soon"}' "${ALICE[@]}"
check "a position that is not a number is a 400" test "$HTTP_STATUS" = 400
post "$CZ_BASE_URL/api/videos/$vid/progress" '{"position": 3, "duration": 30}' \
	-H "Cookie: __Host-cibozer=$(sed -n 's/.*__Host-cibozer=\([^ ]*\).*/\1/p' <<<"${ALICE[1]}")"
check "saving without the CSRF token is a 403" test "$HTTP_STATUS" = 403

fetch "$CZ_BASE_URL/videos" "${ALICE[@]}"
check "/videos lists the video with its platform, status and size" \
	bash -c '[[ $1 == *"href=\"/videos/$2\""* && $1 == *"TikTok"* && $1 == *"done"* && $1 == *" MB"* ]]' _ "$HTTP_BODY" "$vid"
fetch "$CZ_BASE_URL/videos" "${BOB[@]}"
check "bob's list does not show alice's video" bash -c '[[ $1 != *"href=\"/videos/$2\""* ]]' _ "$HTTP_BODY" "$vid"

# --- the plan page's button ----------------------------------------------------------------
fetch "$CZ_BASE_URL/plans/$plan" "${ALICE[@]}"
check "the plan page offers a video" bash -c '[[ $1 == *"action=\"/plans/$2/videos\""* ]]' _ "$HTTP_BODY" "$plan"
fetch "$CZ_BASE_URL/plans/$plan/videos" -X POST "${ALICE[@]}" --data "platform=tiktok&csrf_token=${CSRF_ALICE:-}" \
	-H "Content-Type: application/x-www-form-urlencoded"
check "the button (same platform) leads to the same video (303)" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /videos/$3\$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS" "$vid"

# --- day clips (sql/029) ------------------------------------------------------------------------
t_day=$SECONDS
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok", "day": 3}' "${ALICE[@]}"
check "a day the plan lacks is a 422 that names its days ($HTTP_STATUS)" \
	bash -c '[[ $1 == 422 ]] && jq -e ".error.message | contains(\"1 to 2\")" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok", "day": 0}' "${ALICE[@]}"
check "day 0 is a 422 too" test "$HTTP_STATUS" = 422
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok", "day": "two"}' "${ALICE[@]}"
check "a day that is not a number is a 400 naming the field" body_is '.errors.day | type == "string"'
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok", "day": 2}' "${ALICE[@]}"
clip=$(jq -r '.id // empty' <<<"$HTTP_BODY")
check "a day clip is a job of its own (202, day 2)" \
	bash -c '[[ $1 == 202 && $2 =~ ^[0-9]+$ && $2 != $3 ]] && jq -e ".day == 2" <<<"$4" >/dev/null' _ "$HTTP_STATUS" "$clip" "$vid" "$HTTP_BODY"
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok", "day": 2}' "${ALICE[@]}"
check "the same day clip again is the same job" body_is ".id == ${clip:-0}"
check "the job records the day and the plan's revision" \
	test "$(psql_q "SELECT j.day || ' ' || (j.plan_revision = p.revision) FROM video_jobs j JOIN plans p ON p.id = j.plan_id WHERE j.id = ${clip:-0}")" = "2 true"
fetch "$CZ_BASE_URL/api/videos/$vid" "${ALICE[@]}"
check "the whole plan's video says day null" body_is '.day == null'
# A request after the plan changed is a new job (the revision it shows).
psql_q "UPDATE plans SET revision = revision + 1 WHERE id = $plan" >/dev/null
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok", "day": 2}' "${ALICE[@]}"
check "after the plan changed the same request is a new job" \
	bash -c '[[ $1 == 202 ]] && jq -e ".id != ($2) and .day == 2" <<<"$3" >/dev/null' _ "$HTTP_STATUS" "${clip:-0}" "$HTTP_BODY"
psql_q "DELETE FROM video_jobs WHERE id = $(jq -r '.id // 0' <<<"$HTTP_BODY") AND state = 'queued';
	UPDATE plans SET revision = revision - 1 WHERE id = $plan" >/dev/null
fetch "$CZ_BASE_URL/plans/$plan" "${ALICE[@]}"
check "the plan page offers the whole plan or one of its days" \
	bash -c '[[ $1 == *"name=\"day\""* && $1 == *"<option value=\"2\">Day 2 only"* && $1 != *"<option value=\"3\">"* ]]' _ "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans/$plan/videos" -X POST "${ALICE[@]}" --data "platform=tiktok&sound=music&day=2&csrf_token=${CSRF_ALICE:-}" \
	-H "Content-Type: application/x-www-form-urlencoded"
check "the form with day 2 leads to the day clip (303)" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /videos/$3\$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS" "$clip"
fetch "$CZ_BASE_URL/plans/$plan/videos" -X POST "${ALICE[@]}" --data "platform=tiktok&sound=music&day=&csrf_token=${CSRF_ALICE:-}" \
	-H "Content-Type: application/x-www-form-urlencoded"
check "the form with the whole plan leads to the week's video (303)" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /videos/$3\$" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS" "$vid"
for _ in 1 2 3 4; do
	"$RENDER" --config "$CZ_CONFIG" --queue --max-jobs 1 >>"$tmp/render.out" 2>>"$tmp/render.err"
	[[ $(psql_q "SELECT state FROM video_jobs WHERE id = ${clip:-0}") == done ]] && break
done
fetch "$CZ_BASE_URL/api/videos/$clip" "${ALICE[@]}"
jq -c '{status, day, duration_seconds, publish: (.publish | {title, day, hashtags})}' <<<"$HTTP_BODY" >"$tmp/clip.json" 2>/dev/null
echo "# day clip: $(cat "$tmp/clip.json")"
check "the tiktok day clip lasts 15 s" body_is '.status == "done" and .day == 2 and (.duration_seconds - 15 | fabs) < 0.2' ||
	tail -n 5 "$tmp/render.err"
check "its publish kit says the day, its dishes alone and #whatieatinaday" \
	body_is '.publish.day == 2 and (.publish.title | startswith("Day 2 of a 2-Day Meal Plan"))
		and (.publish.description | contains("Day 2 (")) and (.publish.description | contains("Day 1 (") | not)
		and (.publish.hashtags | index("#whatieatinaday")) != null'
check "its cards are the title, day 2 alone, the macros, its shopping and the end card" \
	test "$(psql_q "SELECT string_agg(coalesce(c->>'card', '') || coalesce(c->>'day', ''), ',') FROM video_jobs,
		json_array_elements(result->'chapters') c WHERE id = ${clip:-0}" | sed 's/\(,shopping\)\+/,shopping/')" = "title,day2,macros,shopping,end"
fetch "$CZ_BASE_URL/videos/$clip" "${ALICE[@]}"
check "its page's title says the day and the clip's length" \
	bash -c '[[ $1 == *"<title>Video $2 of plan $3: day 2 (TikTok, 15 s)"* ]]' _ "$HTTP_BODY" "$clip" "$plan"
fetch "$CZ_BASE_URL/videos" "${ALICE[@]}"
check "/videos says which one is a day clip" bash -c '[[ $1 == *"day 2 clip"* ]]' _ "$HTTP_BODY"
echo "# day clips: $((SECONDS - t_day)) s"

# --- the free tier's daily quota ---------------------------------------------------------------
planner_user carol.video.$$@example.org 'Paprika-Lentil-9' || { fail "carol signs up"; finish; }
CAROL=("${AUTH[@]}")
verify carol.video.$$@example.org
post "$CZ_BASE_URL/api/plans" '{"calories": 1800, "days": 1, "seed": 2}' "${CAROL[@]}"
cplan=$(jq -r '.id // empty' <<<"$HTTP_BODY")
quota=$("$CZ_ADMIN" --config "$CZ_CONFIG" config 2>/dev/null | sed -n 's/^quota_free_videos *= *//p')
codes=""
for p in youtube_shorts youtube_long tiktok instagram; do
	post "$CZ_BASE_URL/api/plans/$cplan/videos" "{\"platform\": \"$p\"}" "${CAROL[@]}"
	codes+=" $HTTP_STATUS"
done
echo "# free quota ${quota:-?} a day; answers:$codes"
if [[ $quota == 3 ]]; then
	check "the free tier's fourth video of the day is a 429 with Retry-After" \
		bash -c '[[ $1 == " 202 202 202 429" ]] && grep -qi "^retry-after: [0-9]" <<<"$2"' _ "$codes" "$HTTP_HEADERS"
else
	check "the quota is enforced (some 429 after $quota)" bash -c '[[ $1 == *429* || $2 -ge 4 ]]' _ "$codes" "${quota:-0}"
fi
# The quota's jobs are never rendered: a later renderer would take minutes
# over them (one is the 3-minute youtube_long).
psql_q "DELETE FROM video_jobs WHERE plan_id = ${cplan:-0} AND state = 'queued'" >/dev/null

# --- CGI mode streams the file itself, with a range ------------------------------------------------
cookie=$(sed -n 's/^Cookie: //p' <<<"${ALICE[1]}")
env -i PATH=/usr/bin:/bin CIBOZER_CONFIG="$CZ_CONFIG" REQUEST_METHOD=GET \
	REQUEST_URI="/videos/$vid/video.mp4" QUERY_STRING="" HTTP_COOKIE="$cookie" \
	HTTP_RANGE="bytes=0-99" "$CZ_FCGI" >"$tmp/cgi.out" 2>"$tmp/cgi.err"
head -c 100 "$mp4" >"$tmp/first100"
check "CGI mode: 206 with Content-Range" bash -c 'grep -aq "^Status: 206" "$1" && grep -aqi "^Content-Range: bytes 0-99/$2" "$1"' _ "$tmp/cgi.out" "$size"
check "CGI mode: exactly the first 100 bytes" bash -c 'sed -n "/^\r$/,\$p" "$1" | tail -c +3 | cmp -s - "$2"' _ "$tmp/cgi.out" "$tmp/first100"
env -i PATH=/usr/bin:/bin CIBOZER_CONFIG="$CZ_CONFIG" REQUEST_METHOD=GET \
	REQUEST_URI="/videos/$vid/video.mp4" QUERY_STRING="" HTTP_COOKIE="$cookie" \
	HTTP_RANGE="bytes=$((size + 10))-" "$CZ_FCGI" >"$tmp/cgi416.out" 2>/dev/null
check "CGI mode: a range past the end is a 416" grep -aq "^Status: 416" "$tmp/cgi416.out"

reset_limits
finish
