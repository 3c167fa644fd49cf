#!/bin/bash
# test_render_audio.sh - the video's sound track (render/audio*.c,
# render/loudness.c), checked with ffprobe/ffmpeg (Debian package ffmpeg),
# whose ebur128 filter is an independent BS.1770 meter:
#   - a music render: the MP4 has one AAC stream, 48 kHz stereo, starting
#     with the video and lasting as long (within 50 ms), at -16 LUFS
#     integrated (within 1 LU), still faststart; every HLS rendition's
#     every segment carries audio, each rendition's sound track lasts the
#     video's length (plus AAC's priming and padding, within 50 ms), each
#     segment's sound spans its pictures (within 0.1 s), and is as loud; the master playlist names mp4a.40.2; the
#     JSON line describes the track;
#   - a silent render (--silent): no audio stream anywhere (the decision:
#     silent means no track, not a silent one), JSON audio null;
#   - the request option: the API takes "sound": "music" (the default) or
#     "silent" and refuses anything else naming the field; music and
#     silent are two jobs, the same sound again the same job; the plan
#     page's form offers it and sends it; the queue renders a silent job
#     without a track and a music one with it, and the status API and the
#     video page say so.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

RENDER=$CZ_BUILD_DIR/render/cibozer-render
PLAN=$CZ_SRCDIR/tests/render/plan-standard-2000.json
[[ -x $RENDER ]] || skip "$RENDER is not built"
command -v ffprobe >/dev/null || skip "ffprobe is not installed (package ffmpeg)"
command -v jq >/dev/null || skip "jq is not installed"
tmp=$(_cz_tmp)/audio
rm -rf "$tmp"
# On a failure: the queue, the renderers and their logs.
report() { render_queue_report "$tmp"; }
CZ_ON_FAIL=report
mkdir -p "$tmp"

# streams FILE TYPE - the number of TYPE (audio, video) streams (the
# top-level list: MPEG-TS lists them again under their program).
streams() {
	ffprobe -v error -show_entries stream=codec_type -of json "$1" </dev/null |
		jq --arg t "$2" '[.streams[] | select(.codec_type == $t)] | length'
}
# near A B TOL - |A - B| <= TOL.
near() {
	awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }'
}
# lufs FILE - the integrated loudness ffmpeg's ebur128 filter measures.
lufs() {
	ffmpeg -nostdin -hide_banner -nostats -i "$1" -vn -af ebur128 -f null - 2>&1 |
		sed -n 's/^ *I: *\(-\{0,1\}[0-9.]*\) LUFS$/\1/p' | tail -n 1
}
# span FILE TYPE - first and last-plus-duration time of TYPE's packets.
span() {
	ffprobe -v error -select_streams "${2:0:1}" -show_entries packet=pts_time,duration_time \
		-of csv=p=0 "$1" </dev/null |
		awk -F, '$1 == "" { next } !n++ || $1 < a { a = $1 } $1 + $2 > b { b = $1 + $2 }
			END { printf "%.4f %.4f\n", a, b }'
}

# mp4_audio_ok FILE SECONDS - one AAC stream, 48 kHz stereo, with the video.
mp4_audio_ok() {
	local j
	j=$(ffprobe -v error -show_entries stream=codec_type,codec_name,sample_rate,channels,start_time,duration \
		-of json "$1") || return 1
	jq -e --argjson s "$2" '
		[.streams[] | select(.codec_type == "audio")] as $a |
		[.streams[] | select(.codec_type == "video")] as $v |
		($a | length) == 1 and $a[0].codec_name == "aac" and
		$a[0].sample_rate == "48000" and $a[0].channels == 2 and
		(($a[0].start_time | tonumber) - ($v[0].start_time | tonumber) | fabs) <= 0.05 and
		(($a[0].duration | tonumber) - $s | fabs) <= 0.05 and
		(($v[0].duration | tonumber) - $s | fabs) <= 0.05' <<<"$j" >/dev/null ||
		{ echo "$j"; return 1; }
}
# loud_ok FILE - -16 LUFS within 1 LU.
loud_ok() {
	local l
	l=$(lufs "$1")
	echo "$1: ${l:-no measure} LUFS"
	[[ -n $l ]] && near "$l" -16 1
}
# moov_first FILE - the box after ftyp is moov (faststart).
moov_first() {
	local size type
	read -r size < <(od -An -tu4 --endian=big -N4 "$1")
	type=$(dd if="$1" bs=1 skip=$((size + 4)) count=4 2>/dev/null)
	[[ $type == moov ]] || { echo "box after ftyp: $type"; return 1; }
}
# hls_audio_ok DIR SECONDS - every rendition's every segment has audio,
# in step with its video; the rendition's track lasts SECONDS and is
# -16 LUFS.
hls_audio_ok() {
	local d=$1/hls s=$2 v seg a ae vv ve n=0
	grep -q 'CODECS="avc1\.[0-9a-f]*,mp4a\.40\.2"' "$d/master.m3u8" ||
		{ echo "master playlist without mp4a.40.2"; cat "$d/master.m3u8"; return 1; }
	for v in "$d"/*/index.m3u8; do
		n=$((n + 1))
		for seg in "$(dirname "$v")"/seg*.ts; do
			(($(streams "$seg" audio) == 1)) || { echo "$seg: no audio stream"; return 1; }
			# The segment's sound spans its pictures' time: the muxer
			# interleaves by decoding time, and the pictures' lags
			# their presentation time by two frames (B-frames), so
			# the sound runs up to 67 ms ahead at the cuts.
			read -r a ae < <(span "$seg" audio)
			read -r vv ve < <(span "$seg" video)
			near "$a" "$vv" 0.1 && near "$ae" "$ve" 0.1 ||
				{ echo "$seg: audio $a-$ae, video $vv-$ve"; return 1; }
		done
		# AAC in MPEG-TS keeps the priming frame and the last frame's
		# padding (the MP4's edit list trims both): up to 43 ms more.
		read -r a vv < <(span "$v" audio)
		near "$(awk -v a="$a" -v b="$vv" 'BEGIN { print b - a }')" "$s" 0.05 ||
			{ echo "$v: audio from $a to $vv, want $s s"; return 1; }
		loud_ok "$v" || return 1
	done
	((n == 3)) || { echo "$n renditions"; return 1; }
}
# no_audio DIR - no audio stream in the MP4 or any segment.
no_audio() {
	local f
	for f in "$1/video.mp4" "$1"/hls/*/seg*.ts; do
		(($(streams "$f" audio) == 0)) || { echo "$f has an audio stream"; return 1; }
		(($(streams "$f" video) == 1)) || { echo "$f has no video stream"; return 1; }
	done
	! grep -q mp4a "$1/hls/master.m3u8" || { echo "master names mp4a"; return 1; }
}

# --- a render with music -----------------------------------------------------------
out=$tmp/music
if "$RENDER" --plan "$PLAN" --preset tiktok --seconds 14 --out "$out" >"$tmp/music.json" 2>"$tmp/music.err"; then
	pass "render tiktok, 14 s, with music"
	check "MP4: one AAC stream, 48 kHz stereo, with the video, 14 s +-50 ms" mp4_audio_ok "$out/video.mp4" 14
	check "MP4: -16 LUFS +-1 LU (ffmpeg ebur128)" loud_ok "$out/video.mp4"
	check "MP4: still faststart (moov after ftyp)" moov_first "$out/video.mp4"
	check "HLS: every segment of every rendition has audio in step; 14 s, -16 LUFS" hls_audio_ok "$out" 14
	check "JSON: the audio track described" jq -e '.audio.codec == "aac" and
		.audio.sample_rate == 48000 and .audio.channels == 2 and
		((.audio.duration - 14) | fabs) <= 0.05 and .audio.loudness_lufs == -16 and
		(.audio.music | type) == "string"' "$tmp/music.json"
else
	fail "render tiktok, 14 s, with music" "$(cat "$tmp/music.err")"
fi

# --- a silent render --------------------------------------------------------------
out=$tmp/silent
if "$RENDER" --plan "$PLAN" --preset instagram --seconds 8 --silent --out "$out" >"$tmp/silent.json" 2>"$tmp/silent.err"; then
	pass "render instagram, 8 s, silent"
	check "silent: no audio stream in the MP4 or any segment" no_audio "$out"
	check "silent: JSON audio is null" jq -e '.audio == null and .video.codec == "h264"' "$tmp/silent.json"
else
	fail "render instagram, 8 s, silent" "$(cat "$tmp/silent.err")"
fi

# --- the request option ----------------------------------------------------------------
psql_q "SELECT sound FROM video_jobs LIMIT 0" >/dev/null 2>&1 ||
	{ fail "video_jobs.sound is missing: sql/024_video_audio.sql is not applied"; finish; }
videos=$(cz_config_get "$CZ_CONFIG" video_dir)
[[ -n $videos && -d $videos ]] || { fail "the configuration has no video_dir"; finish; }
reset_limits
post() { # URL BODY [CURL ARGS]
	local url=$1 body=$2
	shift 2
	fetch "$url" -X POST -H 'Content-Type: application/json' --data-binary "$body" "$@"
}
body_is() { jq -e "$1" <<<"$HTTP_BODY" >/dev/null 2>&1; }
email=dora.sound.$$@example.org
planner_user "$email" 'Lentil-Sage-73' --tier premium || { fail "dora signs up"; finish; }
psql_q "UPDATE users SET email_verified_at = now() WHERE lower(email) = lower('$email')" >/dev/null
uid=$(psql_q "SELECT id FROM users WHERE lower(email) = lower('$email')")
plan=$(psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
	document, generation_ms, owner_id) VALUES ('standard', 2000, '3_meals', 7, 7, '{}',
	\$doc\$$(cat "$PLAN")\$doc\$::json, 1, $uid) RETURNING id")
[[ $plan =~ ^[0-9]+$ ]] || { fail "insert dora's plan"; finish; }

post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok", "sound": "loud"}' "${AUTH[@]}"
check "an unknown sound is a 400 naming the field" \
	bash -c '[[ $1 == 400 ]] && jq -e ".errors.sound | startswith(\"must be one of\")" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok"}' "${AUTH[@]}"
music=$(jq -r '.id // empty' <<<"$HTTP_BODY")
check "no sound given: a music job (202)" \
	bash -c '[[ $1 == 202 ]] && jq -e ".sound == \"music\"" <<<"$2" >/dev/null' _ "$HTTP_STATUS" "$HTTP_BODY"
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok", "sound": "silent"}' "${AUTH[@]}"
silent=$(jq -r '.id // empty' <<<"$HTTP_BODY")
check "sound silent: another job, silent" \
	bash -c '[[ $1 == 202 && $2 =~ ^[0-9]+$ && $2 != "$3" ]] && jq -e ".sound == \"silent\"" <<<"$4" >/dev/null' \
	_ "$HTTP_STATUS" "$silent" "$music" "$HTTP_BODY"
post "$CZ_BASE_URL/api/plans/$plan/videos" '{"platform": "tiktok", "sound": "music"}' "${AUTH[@]}"
check "sound music again: the first job" body_is ".id == ${music:-0}"
check "the rows say music and silent" test "$(psql_q "SELECT string_agg(sound, ',' ORDER BY id) FROM video_jobs WHERE plan_id = $plan")" = "music,silent"
fetch "$CZ_BASE_URL/plans/$plan" "${AUTH[@]}"
check "the plan page's form offers the sound, music first" \
	bash -c '[[ $1 == *"<select id=\"sound\" name=\"sound\">"* && $1 == *"<option value=\"music\" selected>"* && $1 == *"<option value=\"silent\">"* ]]' _ "$HTTP_BODY"
fetch "$CZ_BASE_URL/plans/$plan/videos" -X POST "${AUTH[@]}" --data "platform=tiktok&sound=silent&csrf_token=$CSRF"
check "the form with sound=silent leads to the silent job (303)" \
	bash -c '[[ $1 == 303 ]] && grep -qi "^location: /videos/$2\$" <<<"$3"' _ "$HTTP_STATUS" "$silent" "$HTTP_HEADERS"
fetch "$CZ_BASE_URL/plans/$plan/videos" -X POST "${AUTH[@]}" --data "platform=tiktok&sound=quiet&csrf_token=$CSRF"
check "the form with an unknown sound is a 400" test "$HTTP_STATUS" = 400

# Render both from the queue (only these two: a clean queue, as
# test_render_queue.sh keeps it).
psql_q "DELETE FROM video_jobs WHERE plan_id <> $plan" >/dev/null
if "$RENDER" --config "$CZ_CONFIG" --queue --seconds 6 >"$tmp/q.out" 2>"$tmp/q.err"; then
	pass "the queue renders both: $(cat "$tmp/q.out")"
else
	fail "the queue renders both" "$(cat "$tmp/q.err")"
fi
check "the music job's MP4 has its AAC track" mp4_audio_ok "$videos/$music/video.mp4" 6
check "the silent job's files have no audio stream" no_audio "$videos/$silent"
fetch "$CZ_BASE_URL/api/videos/$music" "${AUTH[@]}"
check "status API: music job done with its audio described" \
	body_is '.status == "done" and .sound == "music" and .audio.codec == "aac" and .audio.loudness_lufs == -16'
check "status API: every stage it went through, packaging too, with times" \
	body_is '[.stages[].name] == ["composing", "encoding", "packaging"] and all(.stages[]; .seconds >= 0)'
fetch "$CZ_BASE_URL/videos/$music" "${AUTH[@]}"
check "the video page lists the stages, packaging too" \
	bash -c '[[ $1 =~ "Made in composing "[0-9.]+" s; encoding "[0-9.]+" s; packaging "[0-9.]+" s; done." ]]' _ "$HTTP_BODY"
fetch "$CZ_BASE_URL/api/videos/$silent" "${AUTH[@]}"
check "status API: silent job done, audio null" body_is '.status == "done" and .sound == "silent" and .audio == null'
fetch "$CZ_BASE_URL/videos/$silent" "${AUTH[@]}"
check "the video page says silent" bash -c '[[ $1 == *"sound: silent."* ]]' _ "$HTTP_BODY"
fetch "$CZ_BASE_URL/videos" "${AUTH[@]}"
check "the list marks the silent video" bash -c '[[ $1 == *", silent</td>"* ]]' _ "$HTTP_BODY"

finish
