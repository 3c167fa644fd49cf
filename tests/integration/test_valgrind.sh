#!/bin/bash
# test_valgrind.sh - memcheck finds no leak and no error in the responder:
# in CGI mode over every route, and in a FastCGI worker that serves a batch
# of requests and is then stopped with SIGTERM (a long-running process must
# give back everything it took).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v valgrind >/dev/null || skip "valgrind is not installed (package valgrind)"
command -v cgi-fcgi >/dev/null || skip "cgi-fcgi is not installed (package libfcgi-bin)"

tmp=$(_cz_tmp)
vg=("$(command -v valgrind)" --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect
	--show-leak-kinds=definite,indirect --error-exitcode=99)

# A signed-in user who may make plans; CGI requests carry their session as
# a browser page would (cookie, CSRF token, Origin).
reset_limits
planner_user "valgrind-$$@example.org" 'tangerine orbit 7'
check "a signed-in user for the plan routes" test -n "$SESSION"
CGI_AUTH=(HTTP_COOKIE="__Host-cibozer=$SESSION" HTTP_X_CSRF_TOKEN="$CSRF" HTTP_ORIGIN="$CZ_BASE_URL")

# CGI: one process per request, each must end clean.
cgi_clean() {
	local method=$1 uri=$2 body=${3:-}
	printf '%s' "$body" | env -i PATH=/usr/bin:/bin CIBOZER_CONFIG="$CZ_CONFIG" \
		REQUEST_METHOD="$method" REQUEST_URI="$uri" QUERY_STRING="${uri#*\?}" \
		CONTENT_TYPE=application/json CONTENT_LENGTH="${#body}" "${CGI_AUTH[@]}" \
		"${vg[@]}" --log-file="$tmp/cgi-vg.%p" "$CZ_FCGI" >/dev/null 2>>"$tmp/cgi.err"
}
# cgi_check NAME METHOD URI [BODY] - cgi_clean as a check, run in the
# background (valgrind runs a program on one core; the requests are
# independent of each other), as many at a time as there are cores; its
# result is reported, in order, by cgi_results.
cgi_par=$(nproc 2>/dev/null || echo 1)
cgi_names=()
cgi_check() {
	local n=${#cgi_names[@]}
	cgi_names+=("$1")
	shift
	while (($(jobs -rp | wc -l) >= cgi_par)); do wait -n; done
	# The subshell takes CGI_AUTH as it is now.
	(
		rc=0
		cgi_clean "$@" || rc=$?
		echo "$rc" >"$tmp/cgi-rc.$n"
	) &
}
exited_0() { # FILE - the run whose exit status FILE holds exited 0
	local rc
	rc=$(cat "$1" 2>/dev/null)
	[[ $rc == 0 ]] || { echo "exit ${rc:-unknown} (99 = leak or error)"; return 1; }
}
cgi_results() {
	local i
	wait
	for i in "${!cgi_names[@]}"; do
		check "${cgi_names[$i]}" exited_0 "$tmp/cgi-rc.$i"
	done
	cgi_names=()
	rm -f "$tmp"/cgi-rc.*
}
t0=$SECONDS
for uri in / /about /terms /privacy /disclaimers /nope "/?x=%zz" /health /health/ready /health/live; do
	cgi_check "valgrind: CGI GET $uri is clean" GET "$uri"
done
# A stored plan for the plan routes (its catalog comes from the database;
# without USDA foods the plan routes answer 503, still a clean exit).
plan_id=$(curl -sS --max-time 30 -X POST -H 'Content-Type: application/json' "${AUTH[@]}" \
	--data '{"calories": 1800, "diet_type": "vegetarian", "days": 2, "seed": 3}' \
	"$CZ_BASE_URL/api/plans" | jq -r '.id // 1' 2>/dev/null) || plan_id=1
for uri in /plans/new /plans "/plans/$plan_id" "/plans/$plan_id/shopping" "/api/plans/$plan_id" /api/foods \
	/account /api/me /login /register "/legal/accept?next=/plans" /password-reset \
	"/verify-email?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" /api/keys \
	/account/export /account/activity /api/account/activity /account/delete /videos /videos/1 /api/videos/1 \
	/videos/1/video.mp4 /videos/1/hls/360p/seg000.ts; do
	cgi_check "valgrind: CGI GET $uri is clean" GET "$uri"
done
cgi_check "valgrind: CGI POST /api/plans is clean" \
	POST /api/plans '{"calories": 2000, "diet_type": "keto", "restrictions": ["nut_free"], "seed": 9}'
cgi_check "valgrind: CGI POST /api/plans with field errors is clean" \
	POST /api/plans '{"calories": 20, "diet_type": "x", "bogus": [1]}'
cgi_check "valgrind: CGI POST regenerate is clean" \
	POST "/api/plans/$plan_id/meals/1/lunch/regenerate" '{"seed": 4}'
cgi_check "valgrind: CGI POST a video request is clean" \
	POST "/api/plans/$plan_id/videos" '{"platform": "tiktok"}'
cgi_check "valgrind: CGI POST /api/password-reset is clean (a mail is queued)" \
	POST /api/password-reset "{\"email\": \"valgrind-$$@example.org\"}"
cgi_check "valgrind: CGI POST /api/keys is clean" \
	POST /api/keys '{"name": "vg", "scopes": ["plans:read"]}'
cgi_check "valgrind: CGI POST /api/login with a wrong password is clean" \
	POST /api/login '{"email": "nobody@example.org", "password": "not the one"}'
saved=("${CGI_AUTH[@]}")
CGI_AUTH=(HTTP_COOKIE="__Host-cibozer=$SESSION")
cgi_check "valgrind: CGI POST /api/plans refused for CSRF is clean" \
	POST /api/plans '{"calories": 2000}'
CGI_AUTH=()
cgi_check "valgrind: CGI POST /api/plans anonymous is clean" \
	POST /api/plans '{"calories": 2000}'
CGI_AUTH=("${saved[@]}")
cgi_check "valgrind: CGI POST /csp-report is clean" \
	POST /csp-report '{"csp-report": {"violated-directive": "img-src"}}'
cgi_check "valgrind: CGI POST with bad JSON is clean" POST /csp-report '{"a": ['

cgi_results
echo "# $((SECONDS - t0)) s for the CGI runs, $cgi_par at a time"
# The video job the CGI POST queued is not for rendering: no later test's
# renderer (they take the queue in order) should spend time on it.
psql_q "DELETE FROM video_jobs WHERE plan_id = $plan_id AND state = 'queued'" >/dev/null

# FastCGI: a supervised pool of one worker under valgrind on its own socket
# (spawn-fcgi execs without a PATH search, hence the full path above).
sock=$tmp/vg.sock
spawn-fcgi -n -s "$sock" -M 0600 -- "${vg[@]}" --trace-children=yes \
	--log-file="$tmp/fcgi-vg.%p" "$CZ_FCGI" --config "$CZ_CONFIG" --workers 1 \
	2>"$tmp/fcgi.err" &
spawn_pid=$!
check "the pool under valgrind opens its socket" wait_until 30 test -S "$sock"

fcgi_get() {
	env -i PATH=/usr/bin:/bin REQUEST_METHOD=GET REQUEST_URI="$1" QUERY_STRING="" \
		SCRIPT_NAME="$1" HTTP_COOKIE="__Host-cibozer=$SESSION" cgi-fcgi -bind -connect "$sock" 2>/dev/null
}
# Whole answers are captured before looking at them: a `| grep -q` would
# make cgi-fcgi die of SIGPIPE and, under pipefail, look like a failure.
answers() {
	local a
	a=$(fcgi_get /health/live)
	[[ $a == "Status: 200"* ]]
}
# The worker starts slowly under valgrind: wait for its first answer.
check "the worker under valgrind answers" wait_until 60 answers
served=0
missed=()
for round in 1 2 3 4 5; do
	for uri in / /about /nope /health/ready /metrics "/?y=%zz" /plans/new "/api/plans/$plan_id"; do
		answer=$(fcgi_get "$uri")
		if [[ $answer == "Status: "* ]]; then
			served=$((served + 1))
		else
			missed+=("round $round: $uri")
		fi
	done
done
((${#missed[@]} == 0)) || printf '# no answer: %s\n' "${missed[@]}"
check "the worker under valgrind served 40 requests" test "$served" -eq 40

kill -TERM "$spawn_pid"
wait "$spawn_pid"
rc=$?
check "the pool under valgrind exits 0 after SIGTERM (99 = leak or error)" test "$rc" -eq 0
check "valgrind reports nothing for the pool" bash -c '! grep -l "definitely lost\|indirectly lost\|Invalid\|uninitialised" "$1"/fcgi-vg.* 2>/dev/null | grep -q .' _ "$tmp"
for f in "$tmp"/fcgi-vg.* "$tmp"/cgi-vg.*; do
	[[ -s $f ]] && { echo "--- $f"; head -n 40 "$f"; }
done

finish
