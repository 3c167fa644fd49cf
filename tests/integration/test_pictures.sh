#!/bin/bash
# test_pictures.sh - the food pictures on the site, through nginx: the home
# page shows a real sample week with a picture per dish, its accuracy
# figures, one call to action and a developers' link; a plan page shows
# one lazy-loaded, decorative dish picture per meal card and stays under
# 1,000 elements for a 7-day, 3-meal plan; every picture either page
# names is a PNG served by nginx as a long-cached static file (200,
# image/png, Cache-Control immutable, ETag honoured with 304), from this
# origin only; /about carries the picture set's licence attribution. And
# in a video cibozer-render encodes, the day cards carry picture pixels
# (many saturated colours) where the first dish's pictures go, which the
# end card does not; the end card credits the picture set.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
need_foods
reset_limits

tmp=$(_cz_tmp)

# pictures_of BODY - the distinct picture paths (no query) a page names.
pictures_of() {
	grep -o 'src="/static/img/food/[a-z_]*\.png?v=[^"]*"' <<<"$1" |
		sed 's/^src="//; s/?.*//' | sort -u
}

# served_as_png PATH - GET PATH is a PNG from nginx's static location,
# long-cached, and a second GET with its ETag answers 304. (curl directly:
# fetch keeps the body in a shell variable, which cannot hold a PNG.)
served_as_png() {
	local status headers etag
	status=$(curl -sS --max-time 30 -o "$tmp/pic.png" -D "$tmp/pic.h" -w '%{http_code}' \
		"$CZ_BASE_URL$1?v=test") || return 1
	headers=$(tr -d '\r' <"$tmp/pic.h")
	[[ $status == 200 ]] || { echo "$1: status $status"; return 1; }
	grep -Eqi '^content-type: image/png' <<<"$headers" || { echo "$1: $headers"; return 1; }
	grep -Eqi '^cache-control: .*max-age=31536000.*immutable' <<<"$headers" || { echo "$1: not long-cached"; return 1; }
	[[ $(head -c 8 "$tmp/pic.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || { echo "$1: not a PNG"; return 1; }
	etag=$(sed -n 's/^etag: //Ip' <<<"$headers")
	[[ -n $etag ]] || { echo "$1: no ETag"; return 1; }
	status=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" \
		"$CZ_BASE_URL$1?v=test") || return 1
	[[ $status == 304 ]] || { echo "$1: If-None-Match gave $status"; return 1; }
}

# --- the home page -----------------------------------------------------------
# A worker that was asked for / before the foods were imported waits a
# minute before planning the sample again (sample_week.h).
home_has_sample() {
	fetch "$CZ_BASE_URL/"
	[[ $HTTP_BODY == *'class="sample-week"'* ]]
}
check "the home page shows the sample week" wait_until 70 home_has_sample
fetch "$CZ_BASE_URL/"
home=$HTTP_BODY
check "GET / is 200" test "$HTTP_STATUS" = 200
check "the home page shows no template text (a comment or tag closed early)" \
	bash -c '[[ $1 != *"}}"* && $1 != *"{{"* ]]' _ "$home"
check "no day of the sample week reads -0.0 %" bash -c '[[ $1 != *"(-0.0 %)"* ]]' _ "$home"
rows=$(grep -c '<tr><th scope="row">Day [1-7]</th>' <<<"$home")
check "the sample week has 7 days (got $rows)" test "$rows" = 7
cells=$(grep -o '<td><img src="/static/img/food/[a-z_]*\.png?v=[^"]*" alt="" width="34" height="32" loading="lazy"' <<<"$home" | wc -l)
check "every dish of the sample week has its picture (21 of 21, got $cells)" test "$cells" = 21
check "the home page states the accuracy (±3 % a day, the week's largest deviation)" \
	bash -c '[[ $1 == *"±3 %"* ]] && grep -Eq "furthest any day is from 2,000 kcal is [0-2]\.[0-9] %" <<<"$1"' _ "$home"
check "the sample week's days are each within ±3 % of 2,000 kcal" \
	bash -c '! grep -Eo "\([+-]?[0-9]+\.[0-9] %\)" <<<"$1" | tr -d "()+-%" | awk "\$1 > 3 { bad = 1 } END { exit !bad }"' _ "$home"
check "the home page's call to action plans a week" grep -q '<a class="button button--large" href="/plans/new">Plan a week</a>' <<<"$home"
check "the home page links the API documentation once" test "$(grep -o 'href="/about#developers"' <<<"$home" | wc -l)" = 1
n=0
for p in $(pictures_of "$home"); do
	check "home picture $p is a long-cached PNG from nginx" served_as_png "$p"
	n=$((n + 1))
done
check "the home page names at least 8 distinct pictures (got $n)" test "$n" -ge 8
check "the home page loads no picture from another origin" \
	bash -c '! grep -Eq "<img[^>]* src=\"(https?:)?//" <<<"$1"' _ "$home"

# --- a plan page -------------------------------------------------------------
pw='saffron lantern 42'
user=pictures-$$@example.org
planner_user "$user" "$pw"
check "a planner account is ready" test -n "$SESSION"
fetch "$CZ_BASE_URL/api/plans" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data-binary '{"calories": 2200, "diet_type": "standard", "days": 7, "seed": 11}'
check "a 7-day plan is made (201)" test "$HTTP_STATUS" = 201
id=$(jq -r .id <<<"$HTTP_BODY")
meals=$(jq '[.days[].meals[]] | length' <<<"$HTTP_BODY")
fetch "$CZ_BASE_URL/plans/$id" "${AUTH[@]}"
page=$HTTP_BODY
check "GET /plans/$id is 200" test "$HTTP_STATUS" = 200
cards=$(grep -c '<article class="meal-card"' <<<"$page")
pics=$(grep -o '<img class="dish-picture" src="/static/img/food/[a-z_]*\.png?v=[^"]*" alt="" width="68" height="64" loading="lazy" decoding="async">' <<<"$page" | wc -l)
check "every meal card ($cards of $meals meals) has one lazy, decorative dish picture (got $pics)" \
	bash -c '[[ $1 == "$2" && $2 == "$3" && $1 -gt 0 ]]' _ "$pics" "$cards" "$meals"
# Each card's picture comes right after its opening tag.
check "the picture is inside its meal card" \
	bash -c '[[ $(grep -A1 "<article class=\"meal-card\"" <<<"$1" | grep -c "dish-picture") == "$2" ]]' _ "$page" "$cards"
elements=$(grep -o '<[a-zA-Z][a-zA-Z0-9]*' <<<"$page" | wc -l)
check "the plan page stays under 1,000 elements ($elements)" test "$elements" -lt 1000
for p in $(pictures_of "$page"); do
	check "plan picture $p is a long-cached PNG from nginx" served_as_png "$p"
done

# --- the licence and the negatives -------------------------------------------
fetch "$CZ_BASE_URL/about"
check "/about credits Noto Color Emoji and its licence" \
	bash -c '[[ $1 == *"Noto Color Emoji"* && $1 == *"SIL Open Font License"* ]]' _ "$HTTP_BODY"
check "/about has the developers' section the home page links" grep -q 'id="developers"' <<<"$HTTP_BODY"
fetch "$CZ_BASE_URL/static/img/food/no_such_food.png"
check "an unknown picture is 404" test "$HTTP_STATUS" = 404
fetch "$CZ_BASE_URL/static/img/food/../../css/cibozer.css"
check "no path escapes the picture folder into something else than static" bash -c '[[ $1 != 200 ]] || grep -qi "^content-type: text/css" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"

# --- a video ------------------------------------------------------------------
RENDER=$CZ_BUILD_DIR/render/cibozer-render
# picture_frames RAW - how many 48x48 RGB frames of RAW have at least 12
# distinct saturated colours (4 bits a channel, max - min >= 64) covering
# at least a tenth of the frame.
picture_frames() {
	od -An -v -tu1 -w3 "$1" | awk '
		{ i = NR - 1; f = int(i / 2304)
		  mx = $1; mn = $1
		  if ($2 > mx) mx = $2; if ($3 > mx) mx = $3
		  if ($2 < mn) mn = $2; if ($3 < mn) mn = $3
		  if (mx - mn >= 64) { sat[f]++; c = f ":" int($1/16) "," int($2/16) "," int($3/16); if (!(c in seen)) { seen[c] = 1; n[f]++ } }
		  last = f }
		END { k = 0; for (f = 0; f <= last; f++) if (n[f] >= 12 && sat[f] * 10 >= 2304) k++; print k }'
}
if [[ -x $RENDER ]] && command -v ffmpeg >/dev/null; then
	out=$tmp/video
	rm -rf "$out"
	if "$RENDER" --plan "$CZ_SRCDIR/tests/render/plan-standard-2000.json" --preset tiktok \
		--seconds 12 --out "$out" >"$tmp/render.json" 2>"$tmp/render.err"; then
		pass "a 12 s tiktok video renders"
		# The first meal row's picture area (right part, 26-46 % of the
		# height), 5 frames a second over the 7 day cards (2-10 s), and
		# the end card's last second.
		crop="crop=iw*38/100:ih*20/100:iw*55/100:ih*26/100,scale=48:48:flags=area"
		ffmpeg -nostdin -v error -y -ss 2 -t 8 -i "$out/video.mp4" -vf "fps=5,$crop" \
			-f rawvideo -pix_fmt rgb24 "$tmp/days.rgb"
		ffmpeg -nostdin -v error -y -ss 11 -t 1 -i "$out/video.mp4" -vf "fps=5,$crop" \
			-f rawvideo -pix_fmt rgb24 "$tmp/end.rgb"
		days=$(picture_frames "$tmp/days.rgb")
		end=$(picture_frames "$tmp/end.rgb")
		check "the day cards show their dishes' pictures ($days of 40 frames, want >= 10)" test "$days" -ge 10
		check "the end card has no picture there ($end frames)" test "$end" = 0
	else
		fail "a 12 s tiktok video renders" "$(cat "$tmp/render.err")"
	fi
else
	skip_reason="cibozer-render or ffmpeg missing"
	fail "the renderer is built and ffmpeg installed" "$skip_reason"
fi

finish
