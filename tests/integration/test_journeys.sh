#!/bin/bash
# test_journeys.sh - every journey of the site, walked in a real headless
# Chromium over HTTPS the way a person does it: typing into fields,
# clicking buttons and links, and reading the confirmation and reset links
# from the mail the site sends (cibozer-admin deliver-mail hands it to
# scripts/lib/local-sendmail, a stand-in for sendmail at its command line).
#
#   register (first with a password the site refuses) -> log in -> ask for
#   the confirmation link again -> confirm the address from the mail ->
#   log out -> forgot password -> choose a new one from the mail -> log in
#   -> the plan form (refused until the terms are accepted, what was typed
#   kept; then a field error; then a plan) -> the plan page -> another
#   meal, another day -> swap a meal among 3 choices, lock it, another day
#   and another week keep it, unlock, undo -> print -> the shopping list (tick, export) -> a
#   video (the status page turns into the player while the real renderer
#   works) -> account: password, address (confirmed from the mail), an API
#   key made, used and revoked -> activity -> export -> log out everywhere
#   -> delete the account.
#
# Each step saves a screenshot NN-step.png under the test's output folder
# ($CZ_STATE_DIR/logs/journeys, kept when a check fails, or
# CZ_SCREENSHOT_DIR) and fails when the browser's console logged an error
# during it. At the end, every POST form in templates/ must have been
# submitted by the browser at least once (read from nginx's access log), so
# that a new form cannot ship without a journey that uses it.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=tests/integration/webdriver.sh
source "$(dirname "$0")/webdriver.sh"
wd_require
[[ -x ${CZ_ADMIN:-} ]] || skip "cibozer-admin is not built (CZ_ADMIN=${CZ_ADMIN:-unset})"
RENDER=$CZ_BUILD_DIR/render/cibozer-render
[[ -x $RENDER ]] || skip "$RENDER is not built"

tmp=$(_cz_tmp)/journeys
rm -rf "$tmp"
mkdir -p "$tmp/mail"
shots=${CZ_SCREENSHOT_DIR:-$CZ_STATE_DIR/logs}/journeys
mkdir -p "$shots"
need_foods
reset_limits

site=${CZ_HTTPS_URL:-$CZ_BASE_URL}
site=${site%/}
access_log=$CZ_NGINX_LOG_DIR/access.log
log_from=$(($(stat -c %s "$access_log" 2>/dev/null || echo 0) + 1))

render_pid=""
cleanup() {
	wd_stop
	[[ -z $render_pid ]] || kill "$render_pid" 2>/dev/null
}
trap cleanup EXIT
wd_start "$tmp" "412,915" || finish
echo "# journeys: $("$CHROMIUM" --version 2>/dev/null) at $site, phone-sized window; screenshots in $shots"

# --- helpers --------------------------------------------------------------------------------
STEP=0
# step NAME [STATUS] - ends a step: its screenshot, and no console error
# during it. A page answered with STATUS on purpose (a form sent back with
# its errors is a 400) is logged by Chromium as a failed load: that one
# entry is expected.
step() {
	STEP=$((STEP + 1))
	local name
	name=$(printf '%02d-%s' "$STEP" "$1")
	screenshot "$shots/$name.png"
	: >"$tmp/console-step.jsonl"
	console "$tmp/console-step.jsonl"
	cat "$tmp/console-step.jsonl" >>"$tmp/console.jsonl"
	check "no console error in step $name" \
		jq -se --arg s "${2:-}" 'map(select(.level == "SEVERE" and
			($s == "" or .source != "network" or (.message | contains("status of " + $s + " ")) == false)))
			| if length == 0 then true else (.[0:3], false) end' "$tmp/console-step.jsonl"
}
# at PATH-REGEX TEXT - waits until the page at a path matching PATH-REGEX
# has loaded and its main text contains TEXT.
at() {
	js_true 30 'return document.readyState === "complete" && new RegExp(arguments[0]).test(location.pathname) &&
		(document.querySelector("main") || document.body).innerText.indexOf(arguments[1]) >= 0' \
		"$(jq -cn --arg s "$1" '$s')" "$(jq -cn --arg s "$2" '$s')"
}
# expect NAME PATH-REGEX TEXT - a check that the browser got there.
expect() {
	if at "$2" "$3"; then
		pass "$1"
	else
		fail "$1" "at $(current_url):" "$(page_text | head -c 400)"
	fi
}
# pow_solved - the page's proof-of-work answer is filled in (pow.js), or
# the form has none.
pow_solved() {
	js_true 120 'var f = document.querySelector("input[name=pow_solution]"); return !f || /^[0-9]+$/.test(f.value)'
}
# mail_link ADDRESS PATH - delivers the outbox and prints the newest link
# to PATH?token=... in a message to ADDRESS, on the site the browser uses:
# the links name base_url, which in the test stack is the plain HTTP origin
# the API tests send as Origin, where a production's is its HTTPS site.
mail_link() {
	local f
	"$CZ_ADMIN" --config "$CZ_CONFIG" deliver-mail >/dev/null 2>>"$tmp/deliver.err" || return 1
	f=$(grep -lx "To: $1" "$tmp/mail"/*.eml 2>/dev/null | sort | tail -n 1)
	[[ -n $f ]] || return 1
	grep -Eo "https?://[^[:space:]<>\"]*$2\?token=[A-Za-z0-9_-]+" "$f" | tail -n 1 |
		sed "s|^https\\?://[^/]*|$site|"
}
export CIBOZER_MAIL_COMMAND="$CZ_SRCDIR/scripts/lib/local-sendmail $tmp/mail -t -i"
# log_in ADDRESS PASSWORD - through the header's link and the form.
log_in() {
	click '.site-nav a[href$="/login"]' && at '^/login$' 'Log in' &&
		type_into '#email' "$1" && type_into '#password' "$2" &&
		click 'main form button[type="submit"]' && loaded
}
signed_in() {
	[[ $(js 'return !!document.querySelector(".site-nav form[action$=\"/logout\"]")') == true ]]
}
signed_out() { ! signed_in; }

email=journey.$$.$RANDOM@example.org
password='Juniper-Walnut-4417'

# --- register, with one refusal first ----------------------------------------------------------
go "$site/"
click '.site-nav a[href$="/register"]'
at '^/register$' 'Create an account' || fail "the header's Register link opens the form"
type_into '#email' "$email"
type_into '#password' 'password1234'
pow_solved
click 'form[action$="/register"] button[type="submit"]'
expect "a common password is refused with a message at the field" '^/register$' 'Password '
check "the address typed is kept" bash -c '[[ $(js "return document.getElementById(\"email\").value") == "\"$1\"" ]]' _ "$email"
step register-refused 400
type_into '#password' "$password"
pow_solved
click 'form[action$="/register"] button[type="submit"]'
expect "registering says to confirm the address" '^/register$' 'Please confirm your e-mail address'
step registered

# --- log in while unconfirmed; the confirmation link again; confirm ------------------------------
log_in "$email" "$password"
check "logging in through the form signs in" signed_in
check "a banner says the address is not confirmed yet" \
	bash -c '[[ $(js "var b = document.querySelector(\".verify-banner\"); return b ? b.innerText : \"\"") == *"not confirmed yet"* ]]'
step logged-in-unconfirmed
click '.site-nav a[href$="/account"]'
expect "the account page says the address is not confirmed" '^/account$' 'not confirmed yet'
pow_solved
click 'form[action$="/account/verify"] button[type="submit"]'
loaded
step confirmation-sent-again
link=$(mail_link "$email" /verify-email)
check "the confirmation mail arrived with its link ($link)" test -n "$link"
go "$link"
click 'form[action$="/verify-email"] button[type="submit"]'
loaded
check "following the link confirms the address" \
	bash -c '[[ $(js "return !document.querySelector(\".verify-banner\")") == true ]]'
step address-confirmed
click '.site-nav a[href$="/account"]'
expect "the account page says confirmed" '^/account$' '(confirmed)'

# --- log out; forgot the password -----------------------------------------------------------------
click '.site-nav form[action$="/logout"] button'
loaded
check "Log out signs out" signed_out
step logged-out
click '.site-nav a[href$="/login"]'
click 'main a[href$="/password-reset"]'
at '^/password-reset$' 'Forgot your password'
type_into '#email' "$email"
pow_solved
click 'form[action$="/password-reset"] button[type="submit"]'
loaded
step reset-asked
link=$(mail_link "$email" /password-reset/confirm)
check "the reset mail arrived with its link" test -n "$link"
go "$link"
password='Quince-Harbour-5821'
type_into '#new_password' "$password"
click 'form[action$="/password-reset/confirm"] button[type="submit"]'
loaded
step new-password
log_in "$email" "$password"
check "the new password logs in" signed_in

# --- the plan form: the terms first, then a field error, then a plan --------------------------------
click '.site-nav a[href$="/plans/new"]'
at '^/plans/new$' 'Calories per day'
type_into '#calories' 300
click '#diet_type option[value="vegetarian"]'
click 'form[action$="/plans"] button[type="submit"]'
expect "before the terms are accepted the plan form leads to them" '^/legal/accept$' 'Terms and privacy'
step terms-asked
click '#accept_terms'
click '#accept_privacy'
click 'form[action$="/legal/accept"] button[type="submit"]'
at '^/plans/new$' 'Calories per day'
check "after accepting, the form comes back as it was typed" \
	bash -c '[[ $(js "return document.getElementById(\"calories\").value + \" \" + document.getElementById(\"diet_type\").value") == "\"300 vegetarian\"" ]]'
step terms-accepted
click 'form[action$="/plans"] button[type="submit"]'
expect "a calorie target out of range is refused at its field" '^/plans$' 'Calories must'
step plan-form-error 400
type_into '#calories' 2100
click 'form[action$="/plans"] button[type="submit"]'
expect "\"Make my plan\" makes the plan" '^/plans/[0-9]+$' 'Vegetarian · 2,100 kcal a day'
plan_path=$(current_url)
plan_path=/${plan_path#*://*/}
plan_path=${plan_path%%#*}
step plan-page
check "the plan page shows the week overview and 7 days" \
	bash -c '[[ $(js "return document.querySelectorAll(\"section.day\").length") == 7 ]]'

# --- another meal, another day ------------------------------------------------------------------
# revision N - the plan page's "About this plan" names revision N.
revision() { [[ $(js 'var m = document.querySelector("#about-title + p"); return m ? m.textContent : ""') == *"revision $1"* ]]; }
click 'button[formaction*="/meals/1/"][formaction$="/regenerate"]'
at '^/plans/[0-9]+$' 'revision 2'
check "\"Another breakfast\" changes the plan (revision 2)" revision 2
step another-meal
click 'button[formaction$="/days/2/regenerate"]'
at '^/plans/[0-9]+$' 'revision 3'
check "\"Another day 2\" changes the plan (revision 3)" revision 3
step another-day

# --- swap, lock, undo -----------------------------------------------------------------------------
# dish D M - the dish on the card of day D, meal M.
dish() { js 'var h = document.getElementById("d" + arguments[0] + "m" + arguments[1] + "-title");
	return h ? h.lastChild.textContent.trim() : ""' "$1" "$2" | jq -r .; }
before=$(dish 3 1)
click 'a[href$="/meals/3/1/swap"]'
at '/meals/3/1/swap$' 'Choose'
choices=$(js 'return document.querySelectorAll("form[action$=\"/meals/3/1/swap\"] button[type=submit]").length')
check "\"Swap\" offers 3 dishes that keep the day on target ($choices)" test "$choices" = 3
step swap-choices
click 'form[action$="/meals/3/1/swap"] button[type="submit"]'
at '^/plans/[0-9]+$' 'revision 4'
after=$(dish 3 1)
check "choosing one swaps the meal ($before -> $after, revision 4)" \
	bash -c '[[ -n $2 && $1 != "$2" ]] && [[ $(js "return document.body.innerText") == *"revision 4"* ]]' _ "$before" "$after"
step swapped
click 'button[formaction$="/meals/3/1/lock"]'
at '^/plans/[0-9]+$' 'revision 5'
check "Lock marks the meal locked" \
	bash -c '[[ $(js "var c = document.getElementById(\"d3m1\"); return !!c && c.innerText.indexOf(\"Locked\") >= 0") == true ]]'
step locked
click 'button[formaction$="/days/3/regenerate"]'
at '^/plans/[0-9]+$' 'revision 6'
check "\"Another day 3\" keeps the locked meal ($(dish 3 1))" test "$(dish 3 1)" = "$after"
click 'form[action$="/regenerate"]:not([action*="/meals/"]):not([action*="/days/"]) button'
at '^/plans/[0-9]+$' 'revision 7'
check "\"Another week\" keeps the locked meal ($(dish 3 1))" test "$(dish 3 1)" = "$after"
step another-week-locked-kept
click 'button[formaction$="/meals/3/1/unlock"]'
at '^/plans/[0-9]+$' 'revision 8'
check "Unlock frees the meal" \
	bash -c '[[ $(js "var c = document.getElementById(\"d3m1\"); return !!c && c.innerText.indexOf(\"Locked\") < 0") == true ]]'
click 'form[action$="/undo"] button'
at '^/plans/[0-9]+$' 'revision 9'
check "\"Undo last change\" brings back the plan before the unlock (locked again)" \
	bash -c '[[ $(js "var c = document.getElementById(\"d3m1\"); return !!c && c.innerText.indexOf(\"Locked\") >= 0") == true ]]'
step undone

# --- print ----------------------------------------------------------------------------------------
js 'window.czPrinted = 0; window.print = function () { window.czPrinted++; }; return true' >/dev/null
click 'button[data-print]'
check "the Print button opens the print dialogue" js_true 5 'return window.czPrinted === 1'
# Chromium's print to PDF on A4, as the Print button gives it: the week on
# at most 2 pages and its shopping list (print.css starts it on a page of
# its own) on 1. The week alone is the same page printed again without
# the shopping list; the page is loaded afresh after.
a4_pages() {
	wd POST /print '{"page": {"width": 21.0, "height": 29.7}, "background": false}' | jq -r . | base64 -d >"$tmp/$1.pdf"
	cp "$tmp/$1.pdf" "$shots/$1.pdf"
	grep -ac '/Type /Page\b' "$tmp/$1.pdf"
}
pages=$(a4_pages plan-print)
check "the plan page has a shopping list to print" \
	bash -c '[[ $(js "return !!document.querySelector(\".shopping-list\")") == true ]]'
js 'document.querySelector(".shopping-list").remove(); return true' >/dev/null
week_pages=$(a4_pages plan-print-week)
check "printed on A4 the week takes at most 2 pages ($week_pages)" test "$week_pages" -ge 1 -a "$week_pages" -le 2
check "its shopping list takes 1 page ($pages - $week_pages)" test $((pages - week_pages)) -eq 1
go "$site$plan_path"
expect "the plan page loads again after printing" '^/plans/[0-9]+$' 'The week'
step print

# --- the shopping list ---------------------------------------------------------------------------
click 'a[href$="/shopping"]'
at '/shopping$' 'ticked off'
click '.checklist input[type="checkbox"]'
click '.shopping-form button[type="submit"]'
expect "a ticked line is kept by the server" '/shopping$' '1 of '
step shopping-ticked
for kind in txt csv; do
	got=$(js_async 'var a = document.querySelector("a[href$=\"/shopping." + arguments[0] + "\"]");
		if (!a) { done("no link"); return; }
		fetch(a.href, {credentials: "same-origin"}).then(function (r) {
			return r.text().then(function (t) { done(r.status + " " + r.headers.get("Content-Type") + " " + t.split("\n").length); }); },
			function (e) { done(String(e)); });' "\"$kind\"" | jq -r .)
	check "the shopping list's $kind export link downloads it ($got)" \
		bash -c '[[ $1 =~ ^200\ text/(plain|csv)[^ ]*\ ([0-9]+)$ ]] && ((BASH_REMATCH[2] > 5))' _ "$got"
done

# --- a refused plan: one of its suggestions in one click (issue 12) ----------------------------------
# Keto at 5,000 kcal in one meal without nuts, dairy or eggs cannot be
# made; the 422 form offers buttons with what would work, each a POST of
# the same form (CSRF field, everything else as typed).
refused_suggestion() {
	local label kcal
	go "$site/plans/new"
	at '^/plans/new$' 'Calories per day'
	type_into '#calories' 5000
	click '#diet_type option[value="keto"]'
	click '#meal_pattern option[value="omad"]'
	click '#r-nut_free' && click '#r-dairy_free' && click '#r-egg_free'
	js 'document.getElementById("seed").value = "1"; return true' >/dev/null
	click 'form[action$="/plans"][novalidate] button[type="submit"]'
	expect "a plan the planner cannot make is refused with buttons that would work" '^/plans$' 'instead'
	step plan-refused 422
	label=$(js 'var b = document.querySelector(".suggestions button"); return b ? b.textContent : ""' | jq -r .)
	kcal=$(sed -n 's/^Plan \([0-9,]*\) kcal.*/\1/p' <<<"$label")
	click '.suggestions button[type="submit"]'
	expect "its first button (\"$label\") makes that plan" '^/plans/[0-9]+$' "${kcal:-?} kcal a day"
	check "with the rest as typed (keto, no nuts, dairy or eggs)" \
		bash -c '[[ $1 == *Keto* && $1 == *uts* && $1 == *airy* && $1 == *gg* ]]' _ "$(page_text | head -c 3000)"
	step suggestion-planned
}
refused_suggestion

# --- a video: the status page turns into the player -----------------------------------------------
go "$site$plan_path"
click '#platform option[value="tiktok"]'
# One day's clip (15 s): the form's day choice, and half the render time.
click '#video-day option[value="3"]'
click 'form[action$="/videos"] button[type="submit"]'
expect "\"Make a video\" leads to the video's status page" '^/videos/[0-9]+$' 'TikTok'
check "the status page says it is day 3's clip" bash -c '[[ $1 == *"day 3"* ]]' _ "$(page_text | head -c 2000)"
vid=$(current_url)
vid=${vid##*/}
step video-queued
# The renderer, as its timer runs it, until this job is done (another
# test's job left in the queue may come first).
(
	for _ in 1 2 3 4; do
		"$RENDER" --config "$CZ_CONFIG" --queue --max-jobs 1 >>"$tmp/render.out" 2>>"$tmp/render.err" || true
		[[ $(psql_q "SELECT state FROM video_jobs WHERE id = $vid") == done ]] && break
	done
) &
render_pid=$!
if js_true 300 'return !!document.getElementById("player") && document.getElementById("player").readyState >= 1'; then
	pass "when the renderer is done the status page shows the player"
else
	fail "when the renderer is done the status page shows the player" "$(tail -n 5 "$tmp/render.err")" "$(page_text | head -c 300)"
fi
wait "$render_pid" 2>/dev/null
render_pid=""
played=$(js_async 'var v = document.getElementById("player"); if (!v) { done("no player"); return; } v.muted = true;
	v.play().then(function () { setTimeout(function () { done(v.currentTime > 0.3 ? "playing" : "stuck at " + v.currentTime); }, 1500); },
		function (e) { done(String(e)); });' | jq -r .)
check "the video plays ($played)" test "$played" = playing
js 'var v = document.getElementById("player"); if (v) v.pause(); return true' >/dev/null
step video-player

# --- the account: password, address, API keys -------------------------------------------------------
click '.site-nav a[href$="/account"]'
at '^/account$' 'Your account'
type_into '#current_password' "$password"
password='Mulberry-Lantern-7390'
type_into '#new_password' "$password"
click 'form[action$="/account/password"] button[type="submit"]'
expect "the password is changed from the account page" '^/account$' 'password'
step password-changed
email2=journey2.$$.$RANDOM@example.org
type_into 'form[action$="/account/email"] #email' "$email2"
type_into 'form[action$="/account/email"] #password' "$password"
click 'form[action$="/account/email"] button[type="submit"]'
expect "changing the address says a link is on its way" '^/account' 'on its way'
step address-change-asked
link=$(mail_link "$email2" /verify-email)
[[ -n $link ]] || link=$(mail_link "$email2" /account/email/confirm)
check "the new address received its link" test -n "$link"
go "$link"
click 'main form button[type="submit"]'
loaded
step address-change-confirmed
click '.site-nav a[href$="/account"]'
expect "the account moved to the new address" '^/account$' "$email2"

type_into '#key-name' 'journey key'
click 'form[action$="/account/keys"] button[type="submit"]'
expect "making an API key shows it once" '^/account' 'shown only this once'
key=$(js 'var k = document.querySelector("code.api-key"); return k ? k.textContent : ""' | jq -r .)
step api-key-made
fetch "$CZ_BASE_URL/api$plan_path" -H "Authorization: Bearer $key"
check "the key works for a program (GET /api$plan_path: $HTTP_STATUS)" test "$HTTP_STATUS" = 200
click 'form[action$="/revoke"] button[type="submit"]'
expect "Revoke revokes the key" '^/account$' 'revoked'
fetch "$CZ_BASE_URL/api$plan_path" -H "Authorization: Bearer $key"
check "the revoked key no longer works ($HTTP_STATUS)" test "$HTTP_STATUS" = 401
step api-key-revoked

# --- activity, export ---------------------------------------------------------------------------------
click 'a[href$="/account/activity"]'
expect "the activity page lists what was done" '^/account/activity$' 'login'
step activity
click 'a[href$="/account"]'
at '^/account$' 'Your account'
got=$(js_async 'var a = document.querySelector("a[href$=\"/account/export\"]");
	fetch(a.href, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (j) {
		done(JSON.stringify({email: (j.account || j.user || {}).email, plans: (j.plans || []).length})); },
		function (e) { done(String(e)); });' | jq -r .)
check "the export link downloads the account's data as JSON ($got)" \
	jq -e --arg e "$email2" '.email == $e and .plans >= 1' <<<"$got"
step export

# --- log out everywhere, delete ------------------------------------------------------------------------
click 'form[action$="/account/logout-all"] button[type="submit"]'
loaded
check "\"Log out everywhere\" signs this browser out too" signed_out
step logged-out-everywhere
log_in "$email2" "$password"
check "logging in again" signed_in
click '.site-nav a[href$="/account"]'
click 'a[href$="/account/delete"]'
at '^/account/delete$' 'Delete your account'
type_into '#password' "$password"
click '#confirm'
click 'form[action$="/account/delete"] button[type="submit"]'
loaded
check "deleting the account signs out" signed_out
step account-deleted
log_in "$email2" "$password"
expect "the deleted account cannot log in" '^/login$' 'not right'
step deleted-cannot-log-in 401

# --- every POST form was used ---------------------------------------------------------------------------
# The browser's POSTs (Chromium's user agent) in nginx's log since the
# start, against the action of every POST form in the templates (and every
# button's formaction), with
# {{...}} standing for one path segment (a leading {{base}} for nothing).
tail -c "+$log_from" "$access_log" | grep -F 'HeadlessChrome' |
	sed -n 's/.*"POST \([^ ?]*\)[^"]*" \([0-9]*\) .*/\1 \2/p' | sort -u >"$tmp/posts"
echo "# the browser's POSTs: $(cut -d' ' -f1 "$tmp/posts" | sort -u | tr '\n' ' ')"
missing=()
nforms=0
while IFS= read -r action; do
	nforms=$((nforms + 1))
	re=$(sed -e 's/^{{[^}]*}}\//\//' -e 's/{{[^}]*}}/[^\/]+/g' <<<"$action")
	grep -Eq "^$re [0-9]+$" "$tmp/posts" || missing+=("$action")
done < <({ grep -rhoE '<form[^>]*method="post"[^>]*>' "$CZ_SRCDIR/templates" |
	sed -n 's/.* action="\([^"]*\)".*/\1/p'
	grep -rhoE 'formaction="[^"]*"' "$CZ_SRCDIR/templates" | sed 's/^formaction="\(.*\)"$/\1/'; } | sort -u)
check "every POST form of the templates ($nforms) was submitted by the journeys" \
	bash -c '(($# == 0)) || { printf "not submitted: %s\n" "$@"; false; }' _ "${missing[@]}"
check "the browser's POSTs were answered without a server error" \
	bash -c '! grep -E " 5[0-9][0-9]$" "$1"' _ "$tmp/posts"

reset_limits
finish
