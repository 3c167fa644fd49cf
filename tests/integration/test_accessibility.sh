#!/bin/bash
# test_accessibility.sh - Lighthouse's accessibility audit scores 100 on the
# pages people use most: the home page, the plan form, a 7-day plan, the
# account page and a video's page, on a phone (Lighthouse's mobile
# emulation) and on a desktop, over HTTPS with Debian's Chromium.
#
# The accessibility score is deterministic (it does not depend on the
# machine's speed), so it is asserted here; the performance, best-practice
# and SEO scores are measured by bench/lighthouse. A failing page prints
# the audits that failed and the elements they name.
#
# Lighthouse comes from the npm registry through scripts/lighthouse (the
# dependency tree pinned by tests/lighthouse/package-lock.json); skipped,
# saying why, when it cannot be installed or there is no Chromium.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

CHROMIUM=${CZ_CHROMIUM:-$(command -v chromium || true)}
[[ -n $CHROMIUM && -x $CHROMIUM ]] || skip "chromium is not installed (package chromium)"
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

# audit NAME PATH FORM-FACTOR [COOKIE-HEADERS] - one Lighthouse run.
audit() {
	local name=$1 path=$2 ff=$3 headers=${4:-} out=$tmp/$1-$3.json
	local -a extra=()
	[[ -z $headers ]] || extra=(--extra-headers="$headers")
	[[ $ff == desktop ]] && extra+=(--preset=desktop)
	CHROME_PATH=$CHROMIUM timeout 180 "$LH" "$site$path" --quiet --only-categories=accessibility \
		--output=json --output-path="$out" "${extra[@]}" \
		--chrome-flags="--headless=new --no-sandbox --ignore-certificate-errors --disable-gpu" \
		>"$tmp/$name-$ff.log" 2>&1
	local score
	score=$(jq -r '.categories.accessibility.score * 100 | round' "$out" 2>/dev/null)
	if [[ $score == 100 ]]; then
		pass "$name ($path, $ff): accessibility 100"
	else
		fail "$name ($path, $ff): accessibility ${score:-not measured}" \
			"$(jq -r '.audits | to_entries[] | select(.value.score == 0) |
				"\(.key): \(.value.title) — \([.value.details.items[]?.node.snippet // empty] | .[0:3] | join(" "))"' \
				"$out" 2>/dev/null | head -n 12)" "$(tail -n 3 "$tmp/$name-$ff.log")"
	fi
}

for ff in mobile desktop; do
	audit home / "$ff"
	audit plan-form /plans/new "$ff" "$cookie"
	audit plan "/plans/$plan" "$ff" "$cookie"
	audit account /account "$ff" "$cookie"
	audit video "/videos/$vid" "$ff" "$cookie"
done
psql_super "DELETE FROM video_jobs WHERE id = $vid AND state <> 'done'" >/dev/null 2>&1 || true
reset_limits
finish
