#!/bin/bash
# test_video_player.sh - a finished video's page (/videos/{id}) as people
# use it, over the real stack with a real render (cibozer-render,
# youtube_long, its first CZ_PLAYER_VIDEO_SECONDS seconds, default 72: long
# enough for every card to last 10 s, YouTube's shortest chapter):
#   - the publish kit in GET /api/videos/{id} ("publish"): the title and
#     hashtags from the plan (diet, energy), the description with the
#     plan's disclaimers and the chapters, whose times are the cards' starts
#     the renderer recorded (rounded up to the second) and fall where the
#     video changes card (the picture differs across it far more than
#     within the new card: the cards slide in);
#     the thumbnail: a 1280x720 JPEG served like the poster (its owner
#     only: nobody else, signed in or not, gets it);
#   - the page without JavaScript: the kit in read-only text areas, the
#     Copy buttons hidden;
#   - in Chromium (webdriver.sh): the quality menu lists the HLS
#     renditions hls.js plays plus Automatic, and a pick sets
#     hls.currentLevel; played before any interest in the player, the MP4
#     plays, hls.js fills the menu without interrupting it, and a pick
#     hands over to HLS where the MP4 was; the speed menu sets playbackRate (by keyboard);
#     the keyboard shortcuts (Space, K, arrows, M, F, 0-9) change
#     paused/currentTime/volume/muted/fullscreen and are ignored while
#     typing in a field; picture in picture where the browser offers it;
#     Copy buttons appear and say what they did; no console error;
#   - figures, printed and not asserted (the project measures speed, it
#     does not assert it): on a slow 4G connection emulated by Chromium
#     (chromedriver's network conditions: 150 ms RTT, 1.6 Mbit/s down,
#     750 kbit/s up) the time to the first frame (from navigation, and
#     from play()), the rebuffering while it plays, a quality switch to
#     each rendition (with its BANDWIDTH and whether the link carries it
#     as hls.js's own automatic choice would judge: the < 1 s goal is read
#     on those) and a seek;
#   - Lighthouse's accessibility score of the finished page is 100 (phone
#     and desktop), as test_accessibility.sh asserts for the other pages;
#     skipped, saying why, without Lighthouse.
# Screenshots go to the test's directory (player.png, kit.png).
# Skipped, saying why, without chromium, chromedriver, the renderer or the
# fonts.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=tests/integration/webdriver.sh
source "$(dirname "$0")/webdriver.sh"
wd_require
RENDER=$CZ_BUILD_DIR/render/cibozer-render
[[ -x $RENDER ]] || skip "$RENDER is not built"
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || -n ${CZ_RENDER_FONT_DIR:-} ]] ||
	skip "the DejaVu fonts are not installed (package fonts-dejavu-core)"
videos=$(cz_config_get "$CZ_CONFIG" video_dir)
[[ -n $videos && -d $videos ]] || skip "the configuration has no video_dir"
LENGTH=${CZ_PLAYER_VIDEO_SECONDS:-72}

tmp=$(_cz_tmp)/player
rm -rf "$tmp"
mkdir -p "$tmp"
need_foods
reset_limits
site=${CZ_BROWSER_SITE:-${CZ_HTTPS_URL:-$(cz_config_get "$CZ_CONFIG" base_url)}}
site=${site%/}
[[ -n $site ]] || site=$CZ_BASE_URL
echo "# browser: $("$CHROMIUM" --version 2>/dev/null), site $site, a ${LENGTH}-s youtube_long render"

vid=""
cleanup() {
	[[ -z $vid ]] || psql_super "DELETE FROM video_jobs WHERE id = $vid AND state <> 'done'" >/dev/null 2>&1
	wd_stop
}
trap cleanup EXIT

# --- the account, the plan, the render -------------------------------------------------------
email=player.$$.$RANDOM@example.org
password='Sorrel-Fennel-4471'
planner_user "$email" "$password" || { fail "the user signs up, logs in and accepts the terms"; finish; }
psql_q "UPDATE users SET email_verified_at = now() WHERE lower(email) = lower('$email')" >/dev/null
fetch "$CZ_BASE_URL/api/plans" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data-binary '{"calories": 2000, "diet_type": "mediterranean", "days": 1, "seed": 11}'
plan=$(jq -r '.id // empty' <<<"$HTTP_BODY")
[[ $plan =~ ^[0-9]+$ ]] || { fail "a plan is made" "$HTTP_STATUS ${HTTP_BODY:0:300}"; finish; }
fetch "$CZ_BASE_URL/api/plans/$plan/videos" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data-binary '{"platform": "youtube_long"}'
vid=$(jq -r '.id // empty' <<<"$HTTP_BODY")
[[ $HTTP_STATUS == 202 && $vid =~ ^[0-9]+$ ]] || { fail "a video is requested" "$HTTP_STATUS ${HTTP_BODY:0:300}"; finish; }
# No queue renderer takes it: this test renders it itself, as
# test_browser.sh does, and marks it done as --queue would.
psql_super "UPDATE video_jobs SET not_before = now() + interval '1 day' WHERE id = $vid" >/dev/null
"$CZ_ADMIN" --config "$CZ_CONFIG" plan-document "$plan" >"$tmp/plan.json"
t0=$SECONDS
"$RENDER" --plan "$tmp/plan.json" --preset youtube_long --seconds "$LENGTH" --out "$tmp/out" \
	>"$tmp/render.json" 2>"$tmp/render.err"
rc=$?
check "the renderer made the video, its thumbnail and its chapters (exit $rc, $((SECONDS - t0)) s)" \
	bash -c '(($1 == 0)) && jq -e ".video.duration > 0 and .thumbnail.width == 1280 and .thumbnail.height == 720 and (.chapters | length) == 5" "$2" >/dev/null || { tail -n 5 "$3"; cat "$2"; false; }' \
	_ "$rc" "$tmp/render.json" "$tmp/render.err"
((rc == 0)) || finish
jq -c 'del(.run, .rss_kb, .max_rss_kb) | .out = $out' --arg out "$videos/$vid" "$tmp/render.json" >"$tmp/result.json"
mv "$tmp/out" "$videos/$vid"
psql_super "UPDATE video_jobs SET state = 'done', finished_at = now(), result = \$cz\$$(cat "$tmp/result.json")\$cz\$::json,
	error = NULL, lease_owner = NULL, lease_until = NULL, progress = 100 WHERE id = $vid" >/dev/null
duration=$(jq '.video.duration' "$tmp/render.json")

# --- the publish kit in the API ----------------------------------------------------------------
fetch "$CZ_BASE_URL/api/videos/$vid" "${AUTH[@]}"
jq '.publish' <<<"$HTTP_BODY" >"$tmp/publish.json" 2>/dev/null
echo "# publish kit: $(jq -c '{title, hashtags, chapters_text, thumbnail, description_length}' "$tmp/publish.json")"
check "GET /api/videos/$vid has the publish kit" \
	jq -e '.platform == "youtube_long" and (.title | type) == "string" and (.description | type) == "string"' "$tmp/publish.json"
check "the title says the days, the diet and the energy, within YouTube's 100 characters" \
	jq -e '.title == "1-Day Mediterranean Meal Plan: 2,000 kcal a Day, Every Gram Planned" and .title_length <= 100' "$tmp/publish.json"
check "the description carries the plan's disclaimers, the dishes and the hashtags, within 5,000 characters and without < or >" \
	jq -e --slurpfile doc "$tmp/plan.json" '.hashtags_text as $h
		| (.description | contains($doc[0].disclaimers.medical)) and (.description | contains($doc[0].disclaimers.fda))
		and (.description | contains($doc[0].days[0].meals[0].template | gsub("[<>]"; " ")))
		and (.description | endswith($h)) and (.description | test("[<>]") | not) and .description_length <= 5000' "$tmp/publish.json"
check "the hashtags follow the plan (#mediterraneandiet, #2000calories), 5 to 8 of them" \
	jq -e '(.hashtags | index("#mediterraneandiet")) != null and (.hashtags | index("#2000calories")) != null
		and (.hashtags | length) >= 5 and (.hashtags | length) <= 8' "$tmp/publish.json"
# The hook (a few seconds, under YouTube's 10) is no chapter of its own:
# day 1's starts at 0:00.
check "the chapters are the cards the renderer recorded (the hook folded into day 1), their times rounded up to the second" \
	jq -e --slurpfile r "$tmp/render.json" '
		$r[0].chapters[0].card == "title" and $r[0].chapters[1].start < 10
		and (.chapters | length) == ($r[0].chapters | length) - 1
		and ([.chapters[1:][].start] == [$r[0].chapters[2:][].start])
		and ([.chapters[1:][].timestamp] == [$r[0].chapters[2:][].start | (. + 0.999 | floor) as $s |
			"\($s / 60 | floor):\($s % 60 | tostring | if length == 1 then "0" + . else . end)"])
		and .chapters[0].timestamp == "0:00" and (.chapters[0].title | startswith("Day 1"))' "$tmp/publish.json"
check "YouTube would show them (first at 0:00, 3 or more, each 10 s or longer): the description lists them" \
	jq -e --argjson d "$duration" '.chapters_text as $c | .chapters_note == null and ($c | type) == "string"
		and (.description | contains("Chapters:\n" + $c))
		and ([.chapters[].timestamp | split(":") | (.[0] | tonumber) * 60 + (.[1] | tonumber)] + [$d | floor]
			| [range(1; length) as $i | .[$i] - .[$i - 1]] | all(. >= 10))' "$tmp/publish.json"
# Each chapter after the first starts where the video changes card: the
# picture half a second before it and 1.5 s after differ far more than
# two frames a second apart within the new card (the cards slide; mean
# absolute difference of 64x36 grey frames).
frame_at() { # frame_at SECONDS - 64x36 grey bytes, one per line
	ffmpeg -hide_banner -nostats -v error -ss "$1" -i "$videos/$vid/video.mp4" -frames:v 1 \
		-vf scale=64:36,format=gray -f rawvideo - 2>/dev/null | od -An -v -tu1 | tr -s ' ' '\n' | sed '/^$/d'
}
mad() { paste <(frame_at "$1") <(frame_at "$2") | awk '{ d = $1 - $2; s += d < 0 ? -d : d; n++ } END { printf "%.1f", n ? s / n : 0 }'; }
changes=""
for t in $(jq -r '.chapters[1:][].start' "$tmp/publish.json"); do
	across=$(mad "$(awk -v t="$t" 'BEGIN { printf "%.3f", t - 0.5 }')" "$(awk -v t="$t" 'BEGIN { printf "%.3f", t + 1.5 }')")
	within=$(mad "$(awk -v t="$t" 'BEGIN { printf "%.3f", t + 1.5 }')" "$(awk -v t="$t" 'BEGIN { printf "%.3f", t + 2.5 }')")
	changes+="$t:$across/$within "
done
check "each chapter starts at a card change of the video (difference across the start / within the new card: $changes)" \
	bash -c '[[ -n $1 ]] && for d in $1; do x=${d#*:}; awk -v a="${x%/*}" -v w="${x#*/}" "BEGIN { exit !(a + 0 >= 8 && a + 0 > 3 * w) }" || exit 1; done' _ "$changes"
thumb=$(jq -r '.thumbnail.url // empty' "$tmp/publish.json")
check "the kit names the thumbnail (1280x720) at /videos/$vid/thumbnail.jpg" test "$thumb" = "/videos/$vid/thumbnail.jpg"

# --- the thumbnail file, served like the poster --------------------------------------------------
curl -sSk --max-time 20 -o "$tmp/thumbnail.jpg" -w '%{http_code} %{content_type}' \
	-H "Cookie: __Host-cibozer=$SESSION" "$site/videos/$vid/thumbnail.jpg" >"$tmp/thumb.status"
check "its owner gets the thumbnail through nginx: $(cat "$tmp/thumb.status")" \
	bash -c '[[ $(cat "$1") == "200 image/jpeg" ]] && [[ $(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0 "$2") == "1280,720" ]]' \
	_ "$tmp/thumb.status" "$tmp/thumbnail.jpg"
fetch "$site/videos/$vid/thumbnail.jpg" -k
check "nobody signed in does not get it ($HTTP_STATUS)" bash -c '[[ $1 == 30[0-9] || $1 == 401 || $1 == 404 ]]' _ "$HTTP_STATUS"
other=player-other.$$.$RANDOM@example.org
main_auth=("${AUTH[@]}") main_session=$SESSION
if make_user "$other" "$password" && login "$other" "$password"; then
	fetch "$site/videos/$vid/thumbnail.jpg" -k -H "Cookie: __Host-cibozer=$SESSION"
	check "another user does not get it either (404, as for any video not theirs)" test "$HTTP_STATUS" = 404
	fetch "$CZ_BASE_URL/api/videos/$vid" "${AUTH[@]}"
	check "nor the kit (404)" test "$HTTP_STATUS" = 404
else
	fail "a second user to try the thumbnail with"
fi
AUTH=("${main_auth[@]}") SESSION=$main_session

# --- the page without JavaScript -------------------------------------------------------------
fetch "$CZ_BASE_URL/videos/$vid" "${AUTH[@]}"
printf '%s' "$HTTP_BODY" >"$tmp/page.html"
check "the page shows the kit in read-only fields, the Copy buttons hidden until JavaScript runs" \
	bash -c 'grep -q "<textarea id=\"kit-title\" rows=\"2\" readonly" "$1" && grep -q "id=\"kit-description\"" "$1" &&
		grep -q "id=\"kit-chapters\"" "$1" && grep -q "src=\"/videos/$2/thumbnail.jpg\"" "$1" &&
		[[ $(grep -c "class=\"secondary kit-copy\" data-copy=\"kit-[a-z]*\" hidden" "$1") == 4 ]]' _ "$tmp/page.html" "$vid"
check "the page documents the keyboard shortcuts and the renditions" \
	bash -c 'grep -q "Keyboard shortcuts" "$1" && grep -q "<kbd>F</kbd>" "$1" && grep -q "(360p, 720p and 1080p)" "$1" &&
		grep -q "src=\"/static/js/player-controls.js" "$1" && ! grep -qi "<script>" "$1"' _ "$tmp/page.html"

# --- the browser -------------------------------------------------------------------------------
wd_start "$tmp" 1280,1400 || finish
go "$site/login?next=/videos/$vid"
wd POST "/element/$(element '#email')/value" "$(jq -cn --arg t "$email" '{text: $t}')" >/dev/null
wd POST "/element/$(element '#password')/value" "$(jq -cn --arg t "$password" '{text: $t}')" >/dev/null
wd POST "/element/$(element 'form[action="/login"] button[type="submit"]')/click" '{}' >/dev/null
js_true 10 'return location.pathname === "/videos/" + arguments[0] && document.readyState === "complete"' "$vid" ||
	{ fail "logging in leads to the video's page" "at $(wd GET /url)"; finish; }
console "$tmp/console.jsonl"
fetch "$site/static/vendor/hls.min.js" -I -k
[[ $HTTP_STATUS == 200 ]] || skip "static/vendor/hls.min.js is not served (scripts/hlsjs): no HLS renditions to choose from"

# throttle ON|OFF - Chromium's network emulation through chromedriver: a
# slow 4G profile (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up), or none.
throttle() {
	if [[ $1 == on ]]; then
		wd POST /chromium/network_conditions '{"network_conditions": {"offline": false, "latency": 150,
			"download_throughput": 200000, "upload_throughput": 93750}}' >/dev/null
	else
		wd DELETE /chromium/network_conditions >/dev/null 2>&1 ||
			wd POST /chromium/network_conditions '{"network_conditions": {"offline": false, "latency": 0,
				"download_throughput": -1, "upload_throughput": -1}}' >/dev/null
	fi
}
# key KEY... - presses and releases each key (WebDriver key values) on
# whatever has the focus, as a person does.
key() {
	local acts="" k
	for k in "$@"; do
		acts+=$(jq -cn --arg k "$k" '[{type: "keyDown", value: $k}, {type: "keyUp", value: $k}]')
	done
	wd POST /actions "$(jq -cn --argjson a "$(jq -cs 'add' <<<"$acts")" '{actions: [{type: "key", id: "kb", actions: $a}]}')" >/dev/null
}

# --- figures on a slow 4G connection -----------------------------------------------------------
check "Chromium accepts the slow 4G network conditions" throttle on
# first_frame - plays the video (muted) and answers when its first frame
# is painted: from navigation and from play(), with the source.
first_frame() {
	js_async 'var v = document.getElementById("player"), t0 = performance.now();
	v.muted = true;
	var frame = function () { return new Promise(function (res) {
		if (v.requestVideoFrameCallback) v.requestVideoFrameCallback(function (now) { res(now); });
		else v.addEventListener("playing", function () { res(performance.now()); }, {once: true}); }); };
	frame().then(function (now) { done({nav: Math.round(now), play: Math.round(now - t0),
		level: v.czHls ? v.czHls.currentLevel : null, h: v.videoHeight,
		src: v.currentSrc.startsWith("blob:") ? "hls.js" : v.currentSrc.replace(/^.*\//, "")}); });
	v.play().catch(function (e) { done({error: String(e)}); });'
}
said_frame() { # said_frame JSON
	jq -r '"\(.nav) ms from navigation, \(.play) ms from play() (\(.src), \(.h) lines)"' <<<"$1" 2>/dev/null || echo "$1"
}
# Play as soon as the page has loaded, the pointer nowhere near (a
# keyboard's Space, or a tap at once): the MP4, whose index the page has.
go "$site/videos/$vid"
ttff=$(first_frame)
echo "# figure: time to first frame on slow 4G, played at once: $(said_frame "$ttff")"
check "played at once on slow 4G, the MP4 plays ($ttff)" jq -e '.nav > 0 and .error == null and .src == "video.mp4"' <<<"$ttff"
# As a person with a mouse: the pointer over the player (which loads
# hls.js, the ladder's playlist and its first segment), then play.
go "$site/videos/$vid"
hover '#player'
js_true 20 'var v = document.getElementById("player"); return !!v.czHls && v.currentSrc.startsWith("blob:") && v.readyState >= 1' || true
ttff=$(first_frame)
echo "# figure: time to first frame on slow 4G, the pointer over the player first: $(said_frame "$ttff") (from navigation: the test's own pauses included)"
check "the video plays on slow 4G through hls.js ($ttff)" jq -e '.nav > 0 and .error == null and .src == "hls.js"' <<<"$ttff"
# Rebuffering while it plays 20 s.
rebuf=$(js_async 'var v = document.getElementById("player"), n = 0, stalled = 0, since = null, t0 = v.currentTime;
	v.addEventListener("waiting", function () { n++; since = performance.now(); });
	v.addEventListener("playing", function () { if (since !== null) { stalled += performance.now() - since; since = null; } });
	setTimeout(function () { if (since !== null) stalled += performance.now() - since;
		done({events: n, stalled_ms: Math.round(stalled), played_s: +(v.currentTime - t0).toFixed(2),
			level: v.czHls.currentLevel, h: v.videoHeight}); }, 15000);')
echo "# figure: rebuffering on slow 4G over 15 s of playing: $(jq -r '"\(.events) stalls, \(.stalled_ms) ms stalled, \(.played_s) s played (level \(.level), \(.h) lines)"' <<<"$rebuf" 2>/dev/null || echo "$rebuf")"
check "it keeps playing on slow 4G ($rebuf)" jq -e '.played_s > 5' <<<"$rebuf"

# The quality menu: the renditions hls.js plays, plus Automatic.
menu=$(js 'var s = document.getElementById("player-quality"), h = document.getElementById("player").czHls;
	return {options: Array.prototype.map.call(s.options, function (o) { return o.value + ":" + o.textContent; }),
		levels: h.levels.map(function (l) { return l.height; }), shown: !document.getElementById("player-quality-box").hidden,
		label: document.querySelector("label[for=player-quality]").textContent};')
echo "# quality menu: $menu"
check "the quality menu lists Automatic and every HLS rendition (1080p, 720p, 360p)" \
	jq -e '.shown and .label == "Quality" and .options[0] == "-1:Automatic" and (.options | length) == (.levels | length) + 1
		and (.options[1:] | map(split(":")[1])) == ["1080p", "720p", "360p"]' <<<"$menu"
# Quality switches, each timed to the first frame of the chosen size:
# first to the smallest rendition (the largest when the smallest is the
# one playing: the figure measured since issue 15), then to every other
# rendition in turn. The link carries 1.6 Mbit/s: a rendition whose
# BANDWIDTH (its peak segment rate) is above what the link carries cannot
# arrive in time whatever the player does, so the goal (< 1 s) is read on
# the renditions the link carries as hls.js itself judges it (BANDWIDTH at
# most 0.7 of the link, its abrBandWidthUpFactor: those automatic quality
# would pick here), and every switch is printed.
# switch_to INDEX - the switch to level INDEX (-2: the rule above), as JSON.
switch_to() {
	js_async 'var v = document.getElementById("player"), h = v.czHls, s = document.getElementById("player-quality");
	var want = arguments[0];
	if (want < 0) { want = 0; h.levels.forEach(function (l, i) { if (l.height < h.levels[want].height) want = i; });
		if (h.currentLevel === want) want = h.levels.length - 1; }
	var height = h.levels[want].height, from = h.levels[h.currentLevel] ? h.levels[h.currentLevel].height : null,
		t0 = performance.now(), switched = null;
	var frame = null, m0 = null, sent = false;
	var report = function () { if (sent) return; sent = true;
		done({want: want, level: h.currentLevel, switched_ms: Math.round(switched === null ? -1 : switched),
			frame_ms: Math.round(frame), from: from, height: m0.height, bandwidth: h.levels[want].bitrate,
			auto: h.autoLevelEnabled, now: document.getElementById("player-quality-now").textContent}); };
	/* hls.js says LEVEL_SWITCHED when its playhead check next runs, which
	 * may be after the new picture shows: the report waits for both. */
	h.once(window.Hls.Events.LEVEL_SWITCHED, function () { switched = performance.now() - t0;
		if (frame !== null) setTimeout(report, 50); });
	var look = function () { v.requestVideoFrameCallback(function (now, m) {
		if (m.height === height) { frame = now - t0; m0 = m;
			if (switched !== null) setTimeout(report, 50); else setTimeout(report, 3000); }
		else look(); }); };
	look();
	s.value = String(want);
	s.dispatchEvent(new Event("change", {bubbles: true}));' "$1"
}
CARRY_BPS=1120000 # 0.7 of the link's 1.6 Mbit/s
said_switch() { # said_switch JSON - one switch as a line
	jq -r --argjson link "$CARRY_BPS" '"\(.from)p -> \(.height)p: \(.frame_ms) ms to the first frame (LEVEL_SWITCHED after \(.switched_ms) ms; BANDWIDTH \(.bandwidth / 1000 | round) kb/s, \(if .bandwidth <= $link then "the link carries it" else "over 0.7 of the link'"'"'s 1,600 kb/s" end))"' <<<"$1" 2>/dev/null || echo "$1"
}
switch=$(switch_to -2)
echo "# figure: quality switch on slow 4G: $(said_switch "$switch")"
check "choosing a rendition sets hls.currentLevel and plays it ($switch)" \
	jq -e '.level == .want and (.auto | not) and (.now | startswith("Playing"))' <<<"$switch"
switches=$switch
nlevels=$(js 'return document.getElementById("player").czHls.levels.length')
for ((lv = nlevels - 1; lv >= 0; lv--)); do
	[[ $(jq -r '.want' <<<"$switches" | grep -cx "$lv") == 0 ]] || continue
	sleep 1
	one=$(switch_to "$lv")
	echo "# figure: quality switch on slow 4G: $(said_switch "$one")"
	switches+=$'\n'$one
done
check "every rendition can be chosen and plays ($(jq -sc 'map({want, level, height})' <<<"$switches"))" \
	jq -se --argjson n "$nlevels" 'length == $n and all(.level == .want)' <<<"$switches"
echo "# figure: quality switch on slow 4G to the renditions the link carries (goal < 1 s): $(jq -sr --argjson link "$CARRY_BPS" \
	'map(select(.bandwidth <= $link)) | if length == 0 then "none" else map("\(.height)p \(.frame_ms) ms") | join(", ") end' <<<"$switches");" \
	"to those it does not: $(jq -sr --argjson link "$CARRY_BPS" 'map(select(.bandwidth > $link)) | if length == 0 then "none" else map("\(.height)p \(.frame_ms) ms") | join(", ") end' <<<"$switches")"
seek=$(js_async 'var v = document.getElementById("player"), to = v.duration * 0.6, t0 = performance.now(), seeked = null;
	v.addEventListener("seeked", function () { seeked = performance.now() - t0;
		v.requestVideoFrameCallback(function (now, m) { done({seeked_ms: Math.round(seeked), frame_ms: Math.round(now - t0),
			at: +v.currentTime.toFixed(2), to: +to.toFixed(2)}); }); }, {once: true});
	v.currentTime = to;')
echo "# figure: seek to 60 % on slow 4G: $(jq -r '"\(.frame_ms) ms to the first frame there (seeked after \(.seeked_ms) ms)"' <<<"$seek" 2>/dev/null || echo "$seek")"
check "the seek lands where asked ($seek)" jq -e '(.at - .to | fabs) < 1' <<<"$seek"
auto=$(js 'var s = document.getElementById("player-quality"), h = document.getElementById("player").czHls;
	s.value = "-1"; s.dispatchEvent(new Event("change", {bubbles: true})); return {auto: h.autoLevelEnabled};')
check "Automatic gives the choice back to hls.js" jq -e '.auto' <<<"$auto"
throttle off

# --- played before any interest: the MP4, then hls.js by the quality menu ----------------------
# play() with no pointer near the player (a keyboard user's Space, a
# script): the MP4 plays at once; hls.js comes (play is interest) and fills
# the quality menu, but does not interrupt the moving picture; a pick
# hands over to HLS where the MP4 was.
go "$site/videos/$vid"
js_true 20 'var v = document.getElementById("player"); return v.readyState >= 1 && v.duration > 0' || true
before=$(js 'var v = document.getElementById("player"); return {hls: typeof window.Hls, src: v.currentSrc}')
js 'var v = document.getElementById("player"); v.muted = true; v.play(); return true' >/dev/null
js_true 20 'var v = document.getElementById("player"); return !v.paused && v.currentTime > 2 &&
	!!v.czHls && !document.getElementById("player-quality-box").hidden' || true
mp4=$(js 'var v = document.getElementById("player"); return {src: v.currentSrc, t: v.currentTime, paused: v.paused,
	hls: typeof window.Hls, menu: document.getElementById("player-quality").options.length}')
check "played before any interest, the MP4 plays; hls.js then fills the quality menu without interrupting it ($before / $mp4)" \
	bash -c 'jq -e ".hls == \"undefined\" and (.src | endswith(\"/video.mp4\"))" <<<"$1" >/dev/null &&
		jq -e "(.src | endswith(\"/video.mp4\")) and .t > 2 and (.paused | not) and .hls == \"function\" and .menu == 4" <<<"$2" >/dev/null' _ "$before" "$mp4"
handover=$(js_async 'var v = document.getElementById("player"), s = document.getElementById("player-quality"), t0 = v.currentTime;
	s.value = s.options[s.options.length - 1].value;
	s.dispatchEvent(new Event("change", {bubbles: true}));
	var look = function () { if (v.currentSrc.startsWith("blob:") && !v.paused && v.readyState >= 3) {
			done({from: +t0.toFixed(2), at: +v.currentTime.toFixed(2), level: v.czHls.currentLevel, want: +s.value, h: v.videoHeight}); }
		else setTimeout(look, 100); };
	look();')
check "picking a quality then hands over to HLS at the same place, playing ($handover)" \
	jq -e '.level == .want and .at >= .from - 0.5 and .at < .from + 5' <<<"$handover"

# --- keyboard shortcuts and settings (no throttling) ---------------------------------------------
go "$site/videos/$vid"
js_true 20 'var v = document.getElementById("player"); return v.readyState >= 1 && v.duration > 0' || true
state='var v = document.getElementById("player"); return {paused: v.paused, t: +v.currentTime.toFixed(2), vol: +v.volume.toFixed(2),
	muted: v.muted, rate: v.playbackRate, fs: document.fullscreenElement === v, d: v.duration,
	said: document.getElementById("player-announce").textContent};'
js 'var v = document.getElementById("player"); v.muted = true; v.pause(); v.currentTime = 20;
	if (document.activeElement) document.activeElement.blur(); return true' >/dev/null
js_true 5 'return !document.getElementById("player").seeking' || true
key " "
js_true 5 'return !document.getElementById("player").paused' || true
s1=$(js "$state")
key k
js_true 5 'return document.getElementById("player").paused' || true
s2=$(js "$state")
check "Space plays, K pauses ($s1 / $s2)" bash -c 'jq -e ".paused | not" <<<"$1" >/dev/null && jq -e ".paused" <<<"$2" >/dev/null' _ "$s1" "$s2"
js 'document.getElementById("player").currentTime = 20; return true' >/dev/null
js_true 5 'return !document.getElementById("player").seeking' || true
key $'\uE014'
js_true 5 'var v = document.getElementById("player"); return !v.seeking && Math.abs(v.currentTime - 30) < 0.5' || true
s1=$(js "$state")
key $'\uE012' $'\uE012'
js_true 5 'var v = document.getElementById("player"); return !v.seeking && Math.abs(v.currentTime - 10) < 0.5' || true
sleep 0.3
s2=$(js "$state")
check "→ goes 10 s forward, ← ← 20 s back ($s1 / $s2)" \
	bash -c 'jq -e "(.t - 30 | fabs) < 0.5" <<<"$1" >/dev/null && jq -e "(.t - 10 | fabs) < 0.5 and (.said | length) > 0" <<<"$2" >/dev/null' _ "$s1" "$s2"
js 'var v = document.getElementById("player"); v.volume = 0.5; return true' >/dev/null
key $'\uE013'
s1=$(js "$state")
key $'\uE015' $'\uE015'
sleep 0.3
s2=$(js "$state")
check "↑ turns the volume up a tenth, ↓ down, said aloud ($s1 / $s2)" \
	bash -c 'jq -e ".vol == 0.6 and (.muted | not)" <<<"$1" >/dev/null && jq -e ".vol == 0.4 and (.said | test(\"40 %\"))" <<<"$2" >/dev/null' _ "$s1" "$s2"
key m
s1=$(js "$state")
key m
s2=$(js "$state")
check "M mutes and unmutes ($s1 / $s2)" bash -c 'jq -e ".muted" <<<"$1" >/dev/null && jq -e ".muted | not" <<<"$2" >/dev/null' _ "$s1" "$s2"
key 5
js_true 5 'return !document.getElementById("player").seeking' || true
s1=$(js "$state")
key 0
js_true 5 'return !document.getElementById("player").seeking' || true
s2=$(js "$state")
check "5 jumps to half the video, 0 to its start ($s1 / $s2)" \
	bash -c 'jq -e "(.t - .d / 2 | fabs) < 0.6" <<<"$1" >/dev/null && jq -e ".t < 0.6" <<<"$2" >/dev/null' _ "$s1" "$s2"
key f
js_true 5 'return document.fullscreenElement === document.getElementById("player")' || true
s1=$(js "$state")
key f
js_true 5 'return document.fullscreenElement === null' || true
s2=$(js "$state")
check "F enters and leaves full screen ($s1 / $s2)" bash -c 'jq -e ".fs" <<<"$1" >/dev/null && jq -e ".fs | not" <<<"$2" >/dev/null' _ "$s1" "$s2"
# The speed menu, by keyboard: focused, ↓ picks the next speed.
js 'document.getElementById("player-speed").focus(); return true' >/dev/null
key $'\uE015'
s1=$(js "$state")
js 'var s = document.getElementById("player-speed"); s.value = "0.25"; s.dispatchEvent(new Event("change", {bubbles: true})); return true' >/dev/null
s2=$(js "$state")
js 'var s = document.getElementById("player-speed"); s.value = "2"; s.dispatchEvent(new Event("change", {bubbles: true})); return true' >/dev/null
s3=$(js "$state")
check "the speed menu sets playbackRate: ↓ on it 1.25×, then 0.25× and 2× ($s1 / $s2 / $s3)" \
	bash -c 'jq -e ".rate == 1.25" <<<"$1" >/dev/null && jq -e ".rate == 0.25" <<<"$2" >/dev/null && jq -e ".rate == 2" <<<"$3" >/dev/null' _ "$s1" "$s2" "$s3"
# Keys typed in a field are the field's.
js 'var v = document.getElementById("player"); v.muted = false; document.getElementById("kit-title").focus(); return true' >/dev/null
key m k 5
s1=$(js "$state")
check "keys typed in the kit's fields do not drive the player ($s1)" jq -e '(.muted | not)' <<<"$s1"
pip=$(js 'var b = document.getElementById("player-pip-box"); return {offered: !!document.pictureInPictureEnabled, shown: !b.hidden};')
check "the Picture in picture button shows exactly where the browser offers it ($pip)" jq -e '.offered == .shown' <<<"$pip"
if jq -e '.offered' <<<"$pip" >/dev/null; then
	click '#player-pip'
	js_true 5 'return document.pictureInPictureElement === document.getElementById("player")' || true
	pip=$(js 'return {inpip: document.pictureInPictureElement === document.getElementById("player"),
		pressed: document.getElementById("player-pip").getAttribute("aria-pressed")}')
	echo "# picture in picture: $pip"
	check "the button puts the video in picture in picture, aria-pressed says so" jq -e '.inpip and .pressed == "true"' <<<"$pip"
	js 'if (document.pictureInPictureElement) document.exitPictureInPicture(); return true' >/dev/null
fi
a11y=$(js 'return Array.prototype.map.call(document.querySelectorAll("#player-controls select, #player-controls button"), function (e) {
	var l = e.id ? document.querySelector("label[for=" + e.id + "]") : null; return (l ? l.textContent : e.textContent).trim(); })')
check "every player setting has a name ($a11y)" jq -e 'length >= 2 and all(length > 0)' <<<"$a11y"

# The Copy buttons.
copy=$(js 'var b = document.querySelectorAll(".kit-copy"); return Array.prototype.map.call(b, function (x) { return x.hidden ? "" : x.textContent; })')
click '.kit-copy[data-copy="kit-title"]'
js_true 5 'return document.getElementById("kit-status").textContent.length > 0' || true
said=$(js 'return document.getElementById("kit-status").textContent')
check "the Copy buttons show with JavaScript and say what they did ($copy: $said)" \
	bash -c 'jq -e "length == 4 and all(startswith(\"Copy\"))" <<<"$1" >/dev/null && jq -e "test(\"^Copied the title|selected\")" <<<"$2" >/dev/null' _ "$copy" "$said"

# Screenshots to look at.
js 'window.scrollTo(0, 0); return true' >/dev/null
screenshot "$tmp/player.png"
js 'document.getElementById("player-help").open = true; document.getElementById("publish-kit").scrollIntoView(); return true' >/dev/null
screenshot "$tmp/kit.png"
echo "# screenshots: $tmp/player.png $tmp/kit.png"
console "$tmp/console.jsonl"
check "no error in the browser's console" \
	jq -se 'map(select(.level == "SEVERE")) | if length == 0 then true else (.[0:5], false) end' "$tmp/console.jsonl"
wd_stop

# --- Lighthouse: accessibility of the finished page ----------------------------------------------
if LH=$("$CZ_SRCDIR/scripts/lighthouse" 2>/dev/null); then
	cookie=$(jq -cn --arg c "__Host-cibozer=$SESSION" '{Cookie: $c}')
	for ff in mobile desktop; do
		out=$tmp/lh-$ff.json
		extra=(--extra-headers="$cookie")
		[[ $ff == desktop ]] && extra+=(--preset=desktop)
		CHROME_PATH=$CHROMIUM timeout 180 "$LH" "$site/videos/$vid" --quiet --only-categories=accessibility \
			--output=json --output-path="$out" "${extra[@]}" \
			--chrome-flags="--headless=new --no-sandbox --ignore-certificate-errors --disable-gpu" \
			>"$tmp/lh-$ff.log" 2>&1
		score=$(jq -r '.categories.accessibility.score * 100 | round' "$out" 2>/dev/null)
		check "Lighthouse accessibility of the finished video's page ($ff): ${score:-not measured}" \
			bash -c '[[ $1 == 100 ]] || { jq -r ".audits | to_entries[] | select(.value.score == 0) | \"\(.key): \(.value.title) — \([.value.details.items[]?.node.snippet // empty] | .[0:3] | join(\" \"))\"" "$2"; false; }' \
			_ "$score" "$out"
	done
else
	echo "# skipped: Lighthouse (scripts/lighthouse could not install it): the accessibility score is not measured"
fi
reset_limits
finish
