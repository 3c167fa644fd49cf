#!/bin/bash
# test_accessibility.sh - Lighthouse's accessibility audit scores 100 on the
# pages people use most: the home page, the plan form, a 7-day plan, the
# account page and a video's page, and on two short pages (log in, and
# nginx's static 503 page), on a phone (Lighthouse's mobile emulation) and
# on a desktop, over HTTPS with Debian's Chromium. The short pages' layout
# shift is checked too. (Lighthouse does not audit a page answered 404.)
#
# The accessibility score is deterministic (it does not depend on the
# machine's speed), so it is asserted here; the performance, best-practice
# and SEO scores are measured by bench/lighthouse. A failing page prints
# the audits that failed and the elements they name.
#
# Lighthouse comes from the npm registry through scripts/lighthouse (the
# dependency tree pinned by tests/lighthouse/package-lock.json); skipped,
# saying why, when it cannot be installed or there is no Chromium. It runs
# through its Node API (tests/lighthouse/a11y.mjs): one Node process and
# one Chromium a form factor, each page in a fresh tab with its storage and
# cache cleared, the lighthouse command's config and flags.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

CHROMIUM=${CZ_CHROMIUM:-$(command -v chromium || true)}
[[ -n $CHROMIUM && -x $CHROMIUM ]] || skip "chromium is not installed (package chromium)"
command -v node >/dev/null || skip "node is not installed (package nodejs)"
LH=$("$CZ_SRCDIR/scripts/lighthouse" 2>/dev/null) || skip "scripts/lighthouse could not install Lighthouse (npm registry unreachable?)"
tmp=$(_cz_tmp)/a11y
mkdir -p "$tmp"
need_foods
reset_limits

site=${CZ_HTTPS_URL:-$CZ_BASE_URL}
site=${site%/}
email=a11y.$$.$RANDOM@example.org
planner_user "$email" 'Tamarind-Lentil-2093' || { fail "a user to look at the signed-in pages"; finish; }
# Videos are for confirmed addresses (the journeys confirm one by mail).
psql_q "UPDATE users SET email_verified_at = now() WHERE lower(email) = lower('$email')" >/dev/null
fetch "$CZ_BASE_URL/api/plans" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data-binary '{"calories": 2000, "diet_type": "standard"}'
plan=$(jq -r '.id // empty' <<<"$HTTP_BODY")
fetch "$CZ_BASE_URL/api/plans/$plan/videos" -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data-binary '{"platform": "tiktok"}'
vid=$(jq -r '.id // empty' <<<"$HTTP_BODY")
[[ $plan =~ ^[0-9]+$ && $vid =~ ^[0-9]+$ ]] || { fail "a plan and a video to look at" "$HTTP_STATUS ${HTTP_BODY:0:200}"; finish; }
# The job stays queued (the status page); no renderer spends time on it.
psql_super "UPDATE video_jobs SET not_before = now() + interval '1 day' WHERE id = $vid" >/dev/null 2>&1 || true
cookie=$(jq -cn --arg c "__Host-cibozer=$SESSION" '{Cookie: $c}')

# The pages, each audited on a phone (Lighthouse's default mobile
# emulation) and on a desktop (--preset=desktop).
pages=$(jq -cn --arg s "$site" --arg plan "$plan" --arg vid "$vid" --argjson c "$cookie" '[
	{name: "home", path: "/", headers: null},
	{name: "plan-form", path: "/plans/new", headers: $c},
	{name: "plan", path: "/plans/\($plan)", headers: $c},
	{name: "account", path: "/account", headers: $c},
	{name: "video", path: "/videos/\($vid)", headers: $c},
	{name: "log-in", path: "/login", headers: null, shift: true},
	{name: "unavailable", path: "/static/errors/503.html", headers: null, shift: true}] | map(.url = $s + .path)')

# One Node process and one Chromium a form factor run Lighthouse on every
# page (tests/lighthouse/a11y.mjs: each page a fresh tab with storage and
# cache cleared, as the lighthouse command does, without starting Node,
# Lighthouse and Chromium ten times). The two form factors run side by
# side: the accessibility score does not depend on the machine's speed.
t0=$SECONDS
pids=()
for ff in mobile desktop; do
	timeout 300 node "$CZ_SRCDIR/tests/lighthouse/a11y.mjs" "${LH%/.bin/lighthouse}" \
		"$CHROMIUM" "$tmp" "$ff" "$pages" >"$tmp/runs-$ff.log" 2>&1 &
	pids+=($!)
done
wait "${pids[@]}"
sed 's/^/# lighthouse: /' "$tmp/runs-mobile.log" "$tmp/runs-desktop.log"
echo "# $(($(jq length <<<"$pages") * 2)) Lighthouse runs in $((SECONDS - t0)) s"

# judge NAME PATH FORM-FACTOR - the accessibility score of one run is 100;
# otherwise the audits that failed and the elements they name.
judge() {
	local name=$1 path=$2 ff=$3 out=$tmp/$1-$3.json score
	score=$(jq -r '.categories.accessibility.score * 100 | round' "$out" 2>/dev/null)
	if [[ $score == 100 ]]; then
		pass "$name ($path, $ff): accessibility 100"
	else
		fail "$name ($path, $ff): accessibility ${score:-not measured}" \
			"$(jq -r '.audits | to_entries[] | select(.value.score == 0) |
				"\(.key): \(.value.title) — \([.value.details.items[]?.node.snippet // empty] | .[0:3] | join(" "))"' \
				"$out" 2>/dev/null | head -n 12)" \
			"$(tail -n 3 "$tmp/$name-$ff.log" 2>/dev/null || tail -n 5 "$tmp/runs-$ff.log")"
	fi
}
# judge_shift NAME PATH FORM-FACTOR - a short page does not move once drawn:
# Lighthouse's cumulative layout shift at most 0.1 ("good"). On those the
# footer is on the first screen, and its disclaimers are skipped
# (content-visibility) until then: with a guessed size far from their
# own, the footer jumped (desktop, 0.32).
judge_shift() {
	local name=$1 path=$2 ff=$3 cls
	cls=$(jq -r '.audits["cumulative-layout-shift"].numericValue // empty' "$tmp/$name-$ff.json" 2>/dev/null)
	if [[ -n $cls ]] && awk -v c="$cls" 'BEGIN { exit !(c <= 0.1) }'; then
		pass "$name ($path, $ff): layout shift $cls"
	else
		fail "$name ($path, $ff): layout shift ${cls:-not measured} (at most 0.1)" \
			"$(jq -r '[.audits["layout-shifts"].details.items[]? | "\(.node.selector // "?"): \(.score)"] | .[0:3] | join("; ")' \
				"$tmp/$name-$ff.json" 2>/dev/null)"
	fi
}
for ff in mobile desktop; do
	while IFS=$'\t' read -r name path check_shift; do
		judge "$name" "$path" "$ff"
		[[ $check_shift != true ]] || judge_shift "$name" "$path" "$ff"
	done < <(jq -r '.[] | [.name, .path, (.shift // false)] | @tsv' <<<"$pages")
done
psql_super "DELETE FROM video_jobs WHERE id = $vid AND state <> 'done'" >/dev/null 2>&1 || true
reset_limits
finish
