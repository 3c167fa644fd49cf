#!/bin/bash
# test_apache_cgi.sh - the shared-hosting recipe of docs/operations.md on a
# real Apache 2.4 (Debian's apache2 binary, mod_cgid, mod_rewrite,
# AllowOverride All), started here with a configuration file of its own on
# a loopback port (no systemd) and stopped at the end.
#
# The .htaccess is the one in docs/operations.md, extracted from it here so
# that the guide cannot drift from what works. Two installs on the one
# server, as the guide describes them: at the document root (base_path
# empty) and in cgi-bin/ under the prefix /cgi-bin/cibozer.cgi (base_path
# set). Each walks what a visitor does: /health (503 naming the video
# directory until it is writable by the web server's user, then 200) ->
# register (HTML form) -> verify (the link read from the mail that
# cibozer-admin deliver-mail, as the guide's cron line runs it, hands to a
# sendmail-compatible command of this test) -> log in -> accept the terms
# -> make a plan with the HTML form (its CSRF token from the page) ->
# create an API key and use it (Authorization: Bearer, which needs the
# guide's CGIPassAuth) -> request a video and open its page; under the
# prefix the video is also rendered and its MP4 fetched with a Range.
# Every CGI response must carry nginx's security headers (values read from
# nginx/snippets/cibozer-security-headers.conf) and an X-Request-Id; every
# href, src, action, formaction, poster and data-*url in the pages fetched,
# every Location and every cookie Path must carry the install's prefix.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

APACHE=$(command -v apache2 || echo /usr/sbin/apache2)
MODS=/usr/lib/apache2/modules
[[ -x $APACHE ]] || skip "apache2 is not installed (package apache2, scripts/deps)"
[[ -f $MODS/mod_cgid.so && -f $MODS/mod_rewrite.so ]] || skip "no mod_cgid/mod_rewrite in $MODS"
id www-data >/dev/null 2>&1 || skip "no www-data user (the apache2 package makes it)"
command -v jq >/dev/null || skip "jq is not installed (package jq)"
command -v python3 >/dev/null || skip "python3 is not installed"
need_foods

# A directory the web server's user can traverse (mktemp -d gives 0700).
AP=$(mktemp -d /tmp/cibozer-apache.XXXXXX) || exit 1
chmod 0755 "$AP"
stop_apache() {
	local pid
	if pid=$(cat "$AP/logs/httpd.pid" 2>/dev/null) && kill "$pid" 2>/dev/null; then
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	fi
}
cleanup() {
	stop_apache
	rm -rf "$AP"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ORIGIN=http://127.0.0.1:$PORT
DOCROOT=$AP/www
mkdir -p "$AP/logs" "$DOCROOT/cgi-bin"

# --- the guide's .htaccess ----------------------------------------------------
# The fenced apache block of docs/operations.md whose first line is
# "# .htaccess", verbatim.
awk '/^```apache$/ { inb = 1; first = 1; next }
	inb && /^```$/ { if (keep) exit; inb = 0; next }
	inb && first { first = 0; keep = /^# \.htaccess/ }
	inb && keep { print }' "$CZ_SRCDIR/docs/operations.md" >"$AP/htaccess"
check "the guide has an .htaccess block" grep -q '^RewriteEngine On' "$AP/htaccess"
check "the guide's .htaccess ends its rewrites with [END], not [L]" \
	bash -c '! grep -v "^#" "$1" | grep -q "\[L\]\|\[L," && grep -q "^RewriteRule .*\[END\]" "$1"' _ "$AP/htaccess"
check "the guide's .htaccess passes Authorization (CGIPassAuth On)" grep -q '^CGIPassAuth On' "$AP/htaccess"

# --- two installs ---------------------------------------------------------------
# install DIR CONFIG BASE_PATH VIDEO_DIR - the guide's files in DIR: the
# program as cibozer.cgi, static/, the .htaccess plus the SetEnv line; a
# configuration file CONFIG (the stack's, with this install's settings
# after it: later lines win) outside the document root.
install_site() {
	local dir=$1 conf=$2 base=$3 vdir=$4
	cp "$CZ_FCGI" "$dir/cibozer.cgi" && chmod 0755 "$dir/cibozer.cgi"
	cp -r "$CZ_SRCDIR/static" "$dir/static"
	{ cat "$AP/htaccess"; echo "SetEnv CIBOZER_CONFIG $conf"; } >"$dir/.htaccess"
	mkdir -p "$vdir"
	{
		cat "$CZ_CONFIG"
		echo "# test_apache_cgi.sh"
		echo "base_url = $ORIGIN"
		echo "base_path = $base"
		echo "video_dir = $vdir"
		echo "mail_command = $AP/sendmail"
		echo "template_dir = $CZ_SRCDIR/templates"
		echo "sql_dir = $CZ_SRCDIR/sql"
	} >"$conf"
	chmod 0644 "$conf"
}
install_site "$DOCROOT" "$AP/root.conf" "" "$AP/videos-root"
install_site "$DOCROOT/cgi-bin" "$AP/prefix.conf" /cgi-bin/cibozer.cgi "$AP/videos-prefix"
chmod -R a+rX "$DOCROOT"

# A sendmail-compatible command (mail_command runs it with the message on
# stdin): keeps every message in $AP/mailbox.
cat >"$AP/sendmail" <<EOF
#!/bin/sh
{ cat; echo; echo "--- end of message"; } >>"$AP/mailbox"
EOF
chmod 0755 "$AP/sendmail"

cat >"$AP/httpd.conf" <<EOF
# test_apache_cgi.sh: a stand-alone Apache, loopback only
ServerRoot $AP
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile $AP/logs/httpd.pid
ErrorLog $AP/logs/error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_event_module $MODS/mod_mpm_event.so
LoadModule authz_core_module $MODS/mod_authz_core.so
LoadModule mime_module $MODS/mod_mime.so
LoadModule env_module $MODS/mod_env.so
LoadModule rewrite_module $MODS/mod_rewrite.so
LoadModule cgid_module $MODS/mod_cgid.so
LoadModule dir_module $MODS/mod_dir.so
ScriptSock $AP/logs/cgisock
TypesConfig /etc/mime.types
DocumentRoot $DOCROOT
<Directory />
	AllowOverride None
	Require all denied
</Directory>
<Directory $DOCROOT>
	AllowOverride All
	Require all granted
</Directory>
<Files ".ht*">
	Require all denied
</Files>
EOF
if ! "$APACHE" -f "$AP/httpd.conf" -t >"$AP/configtest.log" 2>&1; then
	fail "apache2 -t accepts the test's configuration" "$(cat "$AP/configtest.log")"
	finish
fi
"$APACHE" -f "$AP/httpd.conf" -k start >"$AP/start.log" 2>&1
if ! wait_until 10 curl -s -o /dev/null "$ORIGIN/static/robots.txt"; then
	fail "apache2 starts on $ORIGIN" "$(cat "$AP/start.log" "$AP/logs/error.log" 2>/dev/null)"
	finish
fi
pass "apache2 (mod_cgid) runs on $ORIGIN"

# --- checks on every response ---------------------------------------------------
# nginx's literal security headers: NAME<TAB>VALUE per line.
nginx_headers=$(sed -n 's/^add_header \([A-Za-z-]*\) "\([^"]*\)" always;$/\1\t\2/p' \
	"$CZ_SRCDIR/nginx/snippets/cibozer-security-headers.conf")
check "nginx's snippet names at least 5 literal headers" test "$(wc -l <<<"$nginx_headers")" -ge 5

# headers_ok - the last response (fetch) carries each of nginx's literal
# security headers with the same value, a Referrer-Policy (the site's, or
# same-origin on the pages of a mailed link) and an X-Request-Id of 32 hex
# digits.
headers_ok() {
	local name value
	while IFS=$'\t' read -r name value; do
		grep -Fqix "$name: $value" <<<"$HTTP_HEADERS" || {
			echo "missing or different: $name: $value"
			return 1
		}
	done <<<"$nginx_headers"
	grep -Eqi '^referrer-policy: (strict-origin-when-cross-origin|same-origin)$' <<<"$HTTP_HEADERS" &&
		grep -Eqi '^x-request-id: [0-9a-f]{32}$' <<<"$HTTP_HEADERS" || {
		echo "no Referrer-Policy or X-Request-Id"
		return 1
	}
}

# urls_ok PREFIX - every URL of this site in the last response carries
# PREFIX: the body's href, src, action, formaction, poster and data-*
# attributes that hold a path ("/..."), absolute URLs to $ORIGIN, the
# Location header and the Path of every Set-Cookie.
urls_ok() {
	printf '%s' "$HTTP_BODY" >"$AP/page"
	printf '%s' "$HTTP_HEADERS" >"$AP/headers"
	python3 - "$1" "$ORIGIN" "$AP/page" "$AP/headers" <<'PY'
import html, re, sys
prefix, origin, page, headers = sys.argv[1:5]
body = open(page, encoding="utf-8", errors="replace").read()
head = open(headers).read()
bad, seen = [], 0

def site_path(url):
    if url.startswith(origin):
        url = url[len(origin):] or "/"
    if not url.startswith("/") or url.startswith("//"):
        return None
    return url

def ok(path):
    return path == prefix or path.startswith(prefix + "/") or \
        path.startswith(prefix + "?") or (prefix == "" and path.startswith("/"))

for m in re.finditer(r'\s(href|src|action|formaction|poster|data-[a-z-]+)="([^"]*)"', body):
    p = site_path(html.unescape(m.group(2)))
    if p is None:
        continue
    seen += 1
    if not ok(p):
        bad.append(m.group(1) + '="' + m.group(2) + '"')
for m in re.finditer(r'^location: (.*)$', head, re.M | re.I):
    seen += 1
    p = site_path(m.group(1).strip())
    if p is None or not ok(p):
        bad.append("Location: " + m.group(1))
for m in re.finditer(r'^set-cookie: (.*)$', head, re.M | re.I):
    seen += 1
    path = re.search(r';\s*Path=([^;]*)', m.group(1), re.I)
    if path is None or path.group(1) != (prefix or "/"):
        bad.append("Set-Cookie: " + m.group(1)[:60])
if bad:
    print("without the prefix %r:" % prefix, *bad[:20], sep="\n  ")
    sys.exit(1)
print(seen, "URLs checked")
PY
}

# get/post NAME URL [CURL-ARGS...] - one request through Apache, then the
# header and URL checks on its response.
get() {
	local name=$1 url=$2
	shift 2
	fetch "$url" "$@"
	check "$TAG $name: security headers as nginx's" headers_ok
	check "$TAG $name: every URL carries '$PFX'" urls_ok "$PFX"
}
post() {
	local name=$1 url=$2 data=$3
	shift 3
	get "$name" "$url" -X POST -H 'Content-Type: application/x-www-form-urlencoded' \
		-H "Origin: $ORIGIN" --data-binary "$data" "$@"
}

# field NAME - the value of the hidden input NAME in the last page.
field() {
	sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" <<<"$HTTP_BODY" | head -n 1
}
body_has() { grep -qF -- "$1" <<<"$HTTP_BODY" || { echo "not in the page: $1"; return 1; }; }
status_is() { [[ $HTTP_STATUS == "$1" ]] || { echo "status $HTTP_STATUS: ${HTTP_BODY:0:300}"; return 1; }; }
location_is() { grep -Eqi "^location: $1\$" <<<"$HTTP_HEADERS" || { echo "$HTTP_HEADERS"; return 1; }; }

# --- the walk ---------------------------------------------------------------------
# walk TAG PREFIX CONFIG VIDEO_DIR RENDER - one install, as a visitor uses it.
walk() {
	TAG=$1 PFX=$2
	local conf=$3 vdir=$4 render=$5 B=$ORIGIN$2
	local email="apache-$1-$$@example.org" pw='tangerine orbit 7'
	local cookie_name cookie link tok csrf plan key video

	reset_limits
	# The video directory belongs to root (0755): the web server's user
	# cannot write it, and the health check must say which directory.
	chown root:root "$vdir" && chmod 0755 "$vdir"
	get "GET /health (video_dir not writable)" "$B/health"
	check "$TAG /health is 503 while www-data cannot write video_dir" status_is 503
	check "$TAG /health names the directory and the user" \
		jq -e --arg d "$vdir" '.checks.video_dir.ok == false and (.checks.video_dir.detail | contains($d) and contains("uid 33"))' <<<"$HTTP_BODY"
	chown www-data:www-data "$vdir"
	# Renders in progress go beside it (render_tmp_dir: video_dir with
	# "-tmp"), as the guide's install -d lines make it.
	install -d -o www-data -g www-data -m 2770 "$vdir-tmp"
	get "GET /health/ready" "$B/health/ready"
	check "$TAG /health/ready is 200 once video_dir is www-data's" status_is 200

	get "GET /" "$B/"
	check "$TAG the home page answers 200 through the .htaccess" status_is 200
	check "$TAG the home page links its stylesheet under the prefix" \
		grep -q "href=\"$PFX/static/css/cibozer.css" <<<"$HTTP_BODY"
	fetch "$B/static/css/cibozer.css"
	check "$TAG the stylesheet is served as a file (text/css)" \
		bash -c '[[ $1 == 200 ]] && grep -qi "^content-type: text/css" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
	get "GET /nope" "$B/nope"
	check "$TAG an unknown path is the program's 404" status_is 404

	# Register with the HTML form (no proof-of-work answer: the path of a
	# browser without JavaScript).
	get "GET /register" "$B/register"
	check "$TAG the register form posts under the prefix" grep -q "action=\"$PFX/register\"" <<<"$HTTP_BODY"
	post "POST /register" "$B/register" "email=$email&password=tangerine+orbit+7"
	check "$TAG registering answers (200 or 303)" bash -c '[[ $1 == 200 || $1 == 303 ]]' _ "$HTTP_STATUS"

	# The guide's cron line delivers the mail; the link is read from it.
	: >"$AP/mailbox"
	"$CZ_ADMIN" --config "$conf" deliver-mail >"$AP/deliver.log" 2>&1
	link=$(grep -o "$ORIGIN[^ ]*/verify-email?token=[A-Za-z0-9_-]*" "$AP/mailbox" | head -n 1)
	check "$TAG the verification mail was delivered through mail_command" grep -q "^To: $email" "$AP/mailbox"
	check "$TAG the mail's link carries the prefix ($B/verify-email)" \
		bash -c '[[ $1 == "$2/verify-email?token="* ]]' _ "$link" "$B"
	get "GET the mail's link" "$link"
	check "$TAG the link's page answers 200" status_is 200
	tok=$(field token)
	post "POST /verify-email" "$B/verify-email" "token=$tok"
	check "$TAG the address is verified" \
		sql_yes "SELECT 1 FROM users WHERE email = '$email' AND email_verified_at IS NOT NULL"

	# Log in with the form: a session cookie for this install only.
	get "GET /login" "$B/login"
	post "POST /login" "$B/login" "email=$email&password=tangerine+orbit+7"
	check "$TAG logging in redirects (303)" status_is 303
	cookie_name=__Host-cibozer
	[[ -n $PFX ]] && cookie_name=__Secure-cibozer
	cookie=$(sed -n "s/^set-cookie: $cookie_name=\([^;]*\);.*/\1/Ip" <<<"$HTTP_HEADERS" | tail -n 1)
	check "$TAG the session cookie is $cookie_name" test -n "$cookie"
	S=(-H "Cookie: $cookie_name=$cookie")

	# The terms, with the form's own fields and CSRF token.
	get "GET /legal/accept" "$B/legal/accept" "${S[@]}"
	csrf=$(field csrf_token)
	post "POST /legal/accept" "$B/legal/accept" \
		"csrf_token=$csrf&terms_version=$(field terms_version)&privacy_version=$(field privacy_version)&accept_terms=1&accept_privacy=1&next=/plans/new" "${S[@]}"
	check "$TAG accepting the terms redirects to the plan form under the prefix" location_is "$B/plans/new|$PFX/plans/new"

	# A plan through the HTML form.
	get "GET /plans/new" "$B/plans/new" "${S[@]}"
	csrf=$(field csrf_token)
	check "$TAG the plan form carries a CSRF token" test -n "$csrf"
	post "POST /plans" "$B/plans" "csrf_token=$csrf&calories=2000&diet_type=standard&meal_pattern=3_meals&days=1" "${S[@]}"
	check "$TAG the plan form redirects to the new plan" location_is "($ORIGIN)?$PFX/plans/[0-9]+"
	plan=$(sed -n 's/^location: .*\/plans\/\([0-9]*\).*/\1/Ip' <<<"$HTTP_HEADERS" | head -n 1)
	get "GET /plans/$plan" "$B/plans/$plan" "${S[@]}"
	check "$TAG the plan page answers 200" status_is 200
	get "GET /plans" "$B/plans" "${S[@]}"
	get "GET /account" "$B/account" "${S[@]}"

	# An API key from the account page, used with Authorization: Bearer.
	csrf=$(field csrf_token)
	post "POST /account/keys" "$B/account/keys" \
		"csrf_token=$csrf&name=apache&scopes=plans:read&scopes=plans:write&scopes=videos:read&scopes=videos:write" "${S[@]}"
	key=$(grep -o 'class="api-key">cz_live_[A-Za-z0-9_-]*' <<<"$HTTP_BODY" | sed 's/.*>//' | head -n 1)
	check "$TAG the account page shows the new key once" test -n "$key"
	fetch "$B/api/plans/$plan" -H "Authorization: Bearer $key"
	check "$TAG the key reads the plan through Apache (CGIPassAuth)" \
		bash -c '[[ $1 == 200 ]] && jq -e ".id == $2" <<<"$3" >/dev/null' _ "$HTTP_STATUS" "$plan" "$HTTP_BODY"
	check "$TAG the API answer carries the security headers" headers_ok
	fetch "$B/api/plans/$plan" -H "Authorization: Bearer cz_live_notakey"
	check "$TAG a wrong key is 401" status_is 401

	# A video of the plan, requested with the key; its page.
	fetch "$B/api/plans/$plan/videos" -X POST -H "Authorization: Bearer $key" \
		-H 'Content-Type: application/json' --data-binary '{"platform": "tiktok"}'
	check "$TAG the key requests a video (202)" status_is 202
	check "$TAG the API's Location carries the prefix" location_is "$PFX/api/videos/[0-9]+"
	video=$(jq -r .id <<<"$HTTP_BODY")
	check "$TAG the video's URLs carry the prefix" \
		jq -e --arg p "$PFX/" '[.urls[]] | length >= 3 and all(startswith($p))' <<<"$HTTP_BODY"
	if [[ $render == yes ]]; then
		# The guide's cron line renders it (as the owner of video_dir).
		for _ in 1 2 3 4 5; do
			fetch "$B/api/videos/$video" -H "Authorization: Bearer $key"
			[[ $(jq -r .status <<<"$HTTP_BODY") == done ]] && break
			runuser -u www-data -- "$CZ_BUILD_DIR/render/cibozer-render" --config "$conf" \
				--queue --max-jobs 1 >>"$AP/render.log" 2>&1
		done
		check "$TAG the video was rendered" jq -e '.status == "done"' <<<"$HTTP_BODY"
	fi
	get "GET /videos/$video" "$B/videos/$video" "${S[@]}"
	check "$TAG the video page answers 200" status_is 200
	if [[ $render == yes ]]; then
		check "$TAG the player's MP4 source carries the prefix" \
			body_has "src=\"$PFX/videos/$video/video.mp4\""
		check "$TAG the player's progress URL carries the prefix" \
			body_has "data-progress-url=\"$PFX/api/videos/$video/progress\""
	else
		check "$TAG the video page's status URL carries the prefix" \
			body_has "data-status-url=\"$PFX/api/videos/$video\""
		# Not rendered here: the renderers after this (the prefix
		# install's, later tests') take the queue in order and would
		# spend a render on it.
		psql_q "DELETE FROM video_jobs WHERE id = ${video:-0} AND state = 'queued'" >/dev/null
	fi
	get "GET /videos" "$B/videos" "${S[@]}"
	if [[ $render == yes ]]; then
		fetch "$B/videos/$video/video.mp4" "${S[@]}" -H 'Range: bytes=0-99'
		check "$TAG the MP4 answers a Range (206, 100 bytes)" \
			bash -c '[[ $1 == 206 ]] && grep -qi "^content-range: bytes 0-99/" <<<"$2"' _ "$HTTP_STATUS" "$HTTP_HEADERS"
	fi

	# Log out: the cookie is cleared on the install's path.
	get "GET /account" "$B/account" "${S[@]}"
	csrf=$(field csrf_token)
	post "POST /logout" "$B/logout" "csrf_token=$csrf" "${S[@]}"
	check "$TAG logging out clears the cookie (Max-Age=0)" \
		grep -Eqi "^set-cookie: $cookie_name=; Path=${PFX:-/};.*Max-Age=0" <<<"$HTTP_HEADERS"
}

walk root "" "$AP/root.conf" "$AP/videos-root" no
walk prefix /cgi-bin/cibozer.cgi "$AP/prefix.conf" "$AP/videos-prefix" yes

fetch "$ORIGIN/cgi-bin/cibozer.cgi/about"
check "the prefix install serves /cgi-bin/cibozer.cgi/about" test "$HTTP_STATUS" = 200

# A figure, not a check: a CGI request starts the program afresh (settings,
# templates, a database connection) on every request.
for _ in $(seq 20); do
	curl -s -o /dev/null -w '%{time_total}\n' "$ORIGIN/about"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
	printf "figure: GET /about through Apache CGI, 20 sequential requests: median %.0f ms, p90 %.0f ms, max %.0f ms\n", t[10], t[18], t[20] }'

# A configuration the program cannot load: still a 500 with the security
# headers (fcgi/main.c), saying where to look.
sed -i "s|^SetEnv CIBOZER_CONFIG .*|SetEnv CIBOZER_CONFIG $AP/missing.conf|" "$DOCROOT/.htaccess"
fetch "$ORIGIN/about"
check "a missing configuration file: 500 that points at the log" \
	bash -c '[[ $1 == 500 && $2 == *"see the server log"* ]]' _ "$HTTP_STATUS" "$HTTP_BODY"
check "... with the security headers" bash -c 'for h in "x-content-type-options: nosniff" "x-frame-options: deny" \
	"permissions-policy: camera=(), microphone=(), geolocation=()" "cross-origin-opener-policy: same-origin"; do
	grep -Fqix "$h" <<<"$1" || { echo "no $h"; exit 1; }; done' _ "$HTTP_HEADERS"
check "Apache's error log has no internal redirect loop (AH00124)" \
	bash -c '! grep -q AH00124 "$1"' _ "$AP/logs/error.log"

finish
