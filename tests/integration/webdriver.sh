# shellcheck shell=bash
# tests/integration/webdriver.sh - a headless Chromium for the browser
# tests, driven by chromedriver over the W3C WebDriver HTTP protocol with
# curl and jq. Source it after lib.sh:
#
#     source "$(dirname "$0")/webdriver.sh"
#     wd_require                 # skips, saying why, without the browser
#     wd_start "$tmp" || finish  # chromedriver + a session; sets WD
#     go "$site/login"; type_into '#email' "$email"; click 'button[type=submit]'
#     wd_stop                    # from the test's EXIT trap
#
# The helpers need the session's URL in WD (exported, so that commands run
# by check and wait_until through bash -c see it too).

CHROMIUM=${CZ_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
CHROMEDRIVER=${CZ_CHROMEDRIVER:-$(command -v chromedriver || true)}
WD=""
_cz_wd_pid=""
_cz_wd_profile=""
_cz_wd_log=""

# wd_require - skips the test, saying why, when chromium, chromedriver or
# jq is missing (scripts/deps installs chromium, chromium-driver and jq).
wd_require() {
	[[ -n $CHROMIUM && -x $CHROMIUM ]] || skip "chromium is not installed (package chromium)"
	[[ -n $CHROMEDRIVER && -x $CHROMEDRIVER ]] || skip "chromedriver is not installed (package chromium-driver)"
	command -v jq >/dev/null || skip "jq is not installed (package jq)"
}

# wd_start DIR [WIDTH,HEIGHT] - starts chromedriver (its log in
# DIR/chromedriver.log) and a headless Chromium session with a profile of
# its own; sets and exports WD. Self-signed certificates are accepted (the
# test stack's nginx has one); the browser and performance logs are kept
# for console and network.
wd_start() {
	local dir=$1 size=${2:-1280,1024} port caps sid
	_cz_wd_log=$dir/chromedriver.log
	_cz_wd_profile=$(mktemp -d /tmp/cz-chromium.XXXXXX)
	port=$(cz_free_port) || { fail "a free port for chromedriver"; return 1; }
	"$CHROMEDRIVER" --port="$port" --log-path="$_cz_wd_log" >/dev/null 2>&1 &
	_cz_wd_pid=$!
	wait_until 10 bash -c '[[ $(curl -sf --max-time 2 "http://127.0.0.1:$1/status" | jq -r .value.ready) == true ]]' _ "$port" ||
		{ fail "chromedriver answers on port $port" "$(tail -n 5 "$_cz_wd_log")"; return 1; }
	caps=$(jq -cn --arg bin "$CHROMIUM" --arg dir "$_cz_wd_profile" --arg size "$size" '{capabilities: {alwaysMatch: {
		browserName: "chrome", acceptInsecureCerts: true,
		timeouts: {script: 20000, pageLoad: 30000},
		"goog:loggingPrefs": {browser: "ALL", performance: "ALL"},
		"goog:chromeOptions": {binary: $bin, args: ["--headless=new", "--no-sandbox",
			"--autoplay-policy=no-user-gesture-required", "--mute-audio",
			"--user-data-dir=\($dir)", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--window-size=\($size)"]}}}}')
	sid=$(curl -sS --max-time 60 -X POST -H 'Content-Type: application/json' --data-binary "$caps" \
		"http://127.0.0.1:$port/session" | jq -r '.value.sessionId // empty')
	[[ -n $sid ]] || { fail "chromedriver starts a headless chromium" "$(tail -n 20 "$_cz_wd_log")"; return 1; }
	WD=http://127.0.0.1:$port/session/$sid
	export WD
}

# wd_stop - ends the session, chromedriver and every process still running
# with this session's profile directory (the browser's helpers).
wd_stop() {
	local p
	[[ -z $WD ]] || curl -s --max-time 10 -X DELETE "$WD" >/dev/null 2>&1
	WD=""
	if [[ -n $_cz_wd_pid ]]; then
		kill "$_cz_wd_pid" 2>/dev/null
		wait "$_cz_wd_pid" 2>/dev/null
		_cz_wd_pid=""
	fi
	[[ -n $_cz_wd_profile ]] || return 0
	for p in /proc/[0-9]*; do
		if { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | grep -qF -- "--user-data-dir=$_cz_wd_profile"; then
			kill "${p#/proc/}" 2>/dev/null
		fi
	done
	rm -rf "$_cz_wd_profile"
	_cz_wd_profile=""
}

# wd METHOD PATH [JSON] - one command of the session (PATH after
# /session/ID); prints the answer's value as JSON. Fails, with the
# driver's error on stderr, when the answer is an error.
wd() {
	local out
	out=$(curl -sS --max-time 60 -X "$1" -H 'Content-Type: application/json' \
		${3:+--data-binary "$3"} "$WD$2") || return 1
	if jq -e '.value | type == "object" and has("error")' <<<"$out" >/dev/null 2>&1; then
		jq -r '"webdriver: " + .value.error + ": " + (.value.message // "" | .[0:400])' <<<"$out" >&2
		return 1
	fi
	jq -c '.value' <<<"$out"
}
# js BODY [JSON-ARG...] - runs a function body in the page (its arguments
# are the JSON-ARGs); prints what it returns, as JSON.
js() {
	local body=$1
	shift
	wd POST /execute/sync "$(jq -cn --arg s "$body" '{script: $s, args: $ARGS.positional}' --jsonargs "$@")"
}
# js_async BODY [JSON-ARG...] - the same for a body that calls done(VALUE)
# when it has its answer (WebDriver's script timeout applies).
js_async() {
	local body="var done = arguments[arguments.length - 1]; $1"
	shift
	wd POST /execute/async "$(jq -cn --arg s "$body" '{script: $s, args: $ARGS.positional}' --jsonargs "$@")"
}
# js_true SECONDS BODY [JSON-ARG...] - waits until BODY returns true.
js_true() {
	local secs=$1
	shift
	wait_until "$secs" bash -c '[[ $(js "$@") == true ]]' _ "$@"
}
export -f wd js
# go URL - loads a page (and waits for it, as WebDriver does).
go() {
	wd POST /url "$(jq -cn --arg u "$1" '{url: $u}')" >/dev/null
}
# element CSS - the WebDriver reference of the first element matching CSS.
element() {
	wd POST /element "$(jq -cn --arg s "$1" '{using: "css selector", value: $s}')" |
		jq -r '."element-6066-11e4-a52e-4f735466cecf" // empty'
}
# type_into CSS TEXT - clears the field and types TEXT into it, key by key,
# as a person does.
type_into() {
	local e
	e=$(element "$1") && [[ -n $e ]] || { echo "no element $1" >&2; return 1; }
	wd POST "/element/$e/clear" '{}' >/dev/null &&
		wd POST "/element/$e/value" "$(jq -cn --arg t "$2" '{text: $t}')" >/dev/null
}
# click CSS - clicks the first element matching CSS (scrolled into view by
# the driver; fails when it is hidden or covered, as for a person).
click() {
	local e
	e=$(element "$1") && [[ -n $e ]] || { echo "no element $1" >&2; return 1; }
	wd POST "/element/$e/click" '{}' >/dev/null
}
# hover CSS - moves the mouse pointer to the middle of the first element
# matching CSS, as a person does before clicking it.
hover() {
	local e
	e=$(element "$1") && [[ -n $e ]] || { echo "no element $1" >&2; return 1; }
	wd POST /actions "$(jq -cn --arg e "$e" '{actions: [{type: "pointer", id: "mouse",
		parameters: {pointerType: "mouse"}, actions: [{type: "pointerMove", duration: 0,
		origin: {"element-6066-11e4-a52e-4f735466cecf": $e}, x: 0, y: 0}]}]}')" >/dev/null
}
# loaded - the page has finished loading (after a click that navigates).
loaded() {
	js_true 20 'return document.readyState === "complete"'
}
# page_text - the visible text of the page's main element.
page_text() {
	js 'var m = document.querySelector("main") || document.body; return m.innerText' | jq -r .
}
# current_url - where the browser is.
current_url() {
	wd GET /url | jq -r .
}
# screenshot FILE - the visible part of the page as PNG.
screenshot() {
	wd GET /screenshot | jq -r . | base64 -d >"$1" 2>/dev/null
}
# console FILE - appends the browser's console entries since the last call
# to FILE (one JSON entry a line).
console() {
	wd POST /se/log '{"type": "browser"}' | jq -c '.[]' >>"$1"
}
