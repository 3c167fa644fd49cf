#!/usr/bin/env bash
# test_nginx_conf.sh - check the nginx configuration of the repository.
#
#  1. the static error pages (static/errors/*.html) carry the legal notice
#     and every disclaimer phrase, and link the stylesheet;
#  2. `nginx -t` on the production site nginx/cibozer.conf, wrapped in a
#     temporary nginx.conf that mimics Debian's http{} block (so a clash
#     with Debian's own http-level directives shows up), with a temporary
#     self-signed certificate and the socket and log paths moved into the
#     temporary directory (nothing is written outside it; without root the
#     ports 80 and 443 become 18080 and 18443);
#  3. `nginx -t` on nginx/dev.conf.in rendered with temporary values;
#  4. the rendered dev configuration started for real on free loopback
#     ports with no FastCGI responder behind it: a static file, the 503
#     page with Retry-After (nginx's 502 answered as the responders'
#     outage), the JSON 503 of /api/, for GET and POST, 413, the log-in
#     rate limit (429), HTTPS with HTTP/2 and HSTS, internal locations;
#     then stopped.
#
# Needs nginx, openssl and curl. Runs as root or as any user (as root the
# nginx workers run as nobody, as in development). Prints "N passed,
# M failed" and exits non-zero if anything failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

pass=0
fail=0
ok()  { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# check DESCRIPTION COMMAND...: pass if the command succeeds.
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
not() { ! "$@"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cz-nginx-test.XXXXXX") || exit 1
# The nginx workers (nobody when started by root) write under the prefix.
chmod 0755 "$tmp"
dev_pid_file=$tmp/dev/nginx.pid

stop_nginx() {
	local pid
	[ -s "$dev_pid_file" ] || return 0
	pid=$(cat "$dev_pid_file")
	kill -QUIT "$pid" 2>/dev/null
	# nginx removes its pid file on exit (the master may linger as a zombie
	# when nobody reaps it, so kill -0 is no test).
	for _ in $(seq 50); do
		[ -e "$dev_pid_file" ] || return 0
		sleep 0.1
	done
	kill -TERM "$pid" 2>/dev/null
	rm -f "$dev_pid_file"
}
cleanup() { stop_nginx; rm -rf "$tmp"; }
trap cleanup EXIT

for tool in "$NGINX" openssl curl; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		bad "required tool $tool not found"
		echo "$pass passed, $fail failed"
		exit 1
	fi
done

# ---------------------------------------------------------------------------
# 1. static error pages
phrases=(
	"This application is for educational purposes only. Not medical advice. Consult healthcare professionals."
	"NOT intended to provide medical advice"
	"NOT intended to diagnose, treat, cure, or prevent any disease"
	"consult your physician"
	"Individual results may vary"
	"These statements have not been evaluated by the Food and Drug Administration."
	'href="/static/css/cibozer.css"'
)
for page in 429 413 503; do
	f=$repo/static/errors/$page.html
	if [ ! -f "$f" ]; then
		bad "static/errors/$page.html exists"
		continue
	fi
	missing=
	for p in "${phrases[@]}"; do
		grep -qF -- "$p" "$f" || missing="$missing [$p]"
	done
	if [ -z "$missing" ]; then ok "static/errors/$page.html has the notice and disclaimers"
	else bad "static/errors/$page.html lacks:$missing"; fi
done
check "static/errors/429.html says to wait" \
	grep -qF "Too many requests; please wait and try again" "$repo/static/errors/429.html"

# ---------------------------------------------------------------------------
# A throw-away certificate for both configurations.
if openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 2 -subj /CN=localhost \
	-addext "subjectAltName=DNS:localhost,IP:127.0.0.1" >/dev/null 2>&1; then
	ok "self-signed certificate created"
else
	bad "self-signed certificate created"
fi

# ---------------------------------------------------------------------------
# 2. production site, nginx -t
prod=$tmp/prod
mkdir -p "$prod/logs"
# Relative includes (snippets/...) resolve against the directory of the
# main configuration file, as /etc/nginx in production.
ln -s "$repo/nginx/snippets" "$prod/snippets"
sed -e "s|/etc/ssl/cibozer/fullchain.pem|$tmp/cert.pem|g" \
    -e "s|/etc/ssl/cibozer/privkey.pem|$tmp/key.pem|g" \
    -e "s|/run/cibozer/fcgi.sock|$prod/fcgi.sock|g" \
    -e "s|/var/log/nginx/|$prod/logs/|g" \
    "$repo/nginx/cibozer.conf" > "$prod/cibozer.conf"
# nginx -t binds the listening sockets (it only tolerates "address in use"):
# without root, move ports 80 and 443 above 1024.
if [ "$(id -u)" -ne 0 ]; then
	sed -i -e 's/\(listen[^;]*:\|listen \)80\([ ;]\)/\118080\2/' \
	       -e 's/\(listen[^;]*:\|listen \)443\([ ;]\)/\118443\2/' "$prod/cibozer.conf"
fi
if grep -q "$tmp/cert.pem" "$prod/cibozer.conf" &&
   grep -q "$prod/fcgi.sock" "$prod/cibozer.conf" &&
   ! grep -vE '^[[:space:]]*#' "$prod/cibozer.conf" | grep -qE '/etc/ssl/cibozer|/var/log/nginx'; then
	ok "production site: certificate, socket and log paths substituted"
else
	bad "production site: certificate, socket and log paths substituted"
fi
# The API's log-in, registration and reset share the forms' brute-force
# zone: the line after their location names cz_auth.
if awk '/location ~ \^\/api\/\(login\|register\|password-reset\)/ { getline; found = /limit_req zone=cz_auth / } END { exit !found }' \
    "$repo/nginx/cibozer.conf"; then
	ok "production site: /api/login, /api/register, /api/password-reset under cz_auth"
else
	bad "production site: /api/login, /api/register, /api/password-reset under cz_auth"
fi
# Debian 12's nginx.conf http{} block, with paths moved into the prefix.
cat > "$prod/nginx.conf" <<EOF
worker_processes 1;
pid $prod/nginx.pid;
error_log $prod/logs/error.log;
events { worker_connections 64; }
http {
	sendfile on;
	tcp_nopush on;
	types_hash_max_size 2048;
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
	ssl_prefer_server_ciphers on;
	access_log $prod/logs/access.log;
	gzip on;
	client_body_temp_path $prod/tmp/client_body;
	fastcgi_temp_path $prod/tmp/fastcgi;
	proxy_temp_path $prod/tmp/proxy;
	uwsgi_temp_path $prod/tmp/uwsgi;
	scgi_temp_path $prod/tmp/scgi;
	include $prod/cibozer.conf;
}
EOF
mkdir -p "$prod/tmp"
if out=$("$NGINX" -t -p "$prod" -c "$prod/nginx.conf" 2>&1); then
	ok "nginx -t production site (nginx/cibozer.conf)"
else
	bad "nginx -t production site (nginx/cibozer.conf)"
	printf '%s\n' "$out" | sed 's/^/    /'
fi

# ---------------------------------------------------------------------------
# 3. dev configuration, rendered, nginx -t
dev=$tmp/dev
mkdir -p "$dev/logs" "$dev/tmp" "$dev/videos"
# nginx's workers run as nobody, who may not reach the source tree (a clone
# under /root): serve a readable copy of static/.
cp -R "$repo/static" "$dev/static"
chmod 755 "$tmp" "$dev"
chmod -R a+rX "$dev/static"
http_port=0
https_port=0
render_dev() {
	sed -e "s|@PREFIX@|$dev|g" \
	    -e "s|@HTTP_PORT@|$http_port|g" \
	    -e "s|@HTTPS_PORT@|$https_port|g" \
	    -e "s|@SOCKET@|$dev/no-responder.sock|g" \
	    -e "s|@STATIC_DIR@|$dev/static|g" \
	    -e "s|@VIDEO_DIR@|$dev/videos|g" \
	    -e "s|@CERT@|$tmp/cert.pem|g" \
	    -e "s|@KEY@|$tmp/key.pem|g" \
	    -e "s|@SNIPPETS@|$repo/nginx/snippets|g" \
	    "$repo/nginx/dev.conf.in" > "$dev/nginx.conf"
}
pick_ports() {
	http_port=$((20000 + RANDOM % 20000))
	https_port=$((http_port + 1))
}
pick_ports
render_dev
if left=$(grep -oE '@[A-Z_]+@' "$dev/nginx.conf"); then
	bad "dev.conf.in: placeholders left after rendering: $(echo "$left" | sort -u | tr '\n' ' ')"
else
	ok "dev.conf.in: every placeholder substituted"
fi
if out=$("$NGINX" -t -p "$dev" -c "$dev/nginx.conf" 2>&1); then
	ok "nginx -t dev configuration (nginx/dev.conf.in)"
else
	bad "nginx -t dev configuration (nginx/dev.conf.in)"
	printf '%s\n' "$out" | sed 's/^/    /'
fi

# ---------------------------------------------------------------------------
# 4. the dev configuration, live
started=no
for _ in 1 2 3 4 5; do
	if out=$("$NGINX" -p "$dev" -c "$dev/nginx.conf" 2>&1); then
		started=yes
		break
	fi
	case $out in
	*"Address already in use"*) pick_ports; render_dev ;;
	*) break ;;
	esac
done
if [ "$started" = no ]; then
	bad "dev nginx starts"
	printf '%s\n' "$out" | sed 's/^/    /'
	echo "$pass passed, $fail failed"
	exit 1
fi
ok "dev nginx starts (HTTP 127.0.0.1:$http_port, HTTPS 127.0.0.1:$https_port)"
for _ in $(seq 50); do [ -s "$dev_pid_file" ] && break; sleep 0.1; done
check "dev nginx writes its pid file at PREFIX/nginx.pid" test -s "$dev_pid_file"

base=http://127.0.0.1:$http_port
sbase=https://127.0.0.1:$https_port
# fetch NAME URL [curl args...]: headers to $tmp/NAME.h, body to $tmp/NAME.b
fetch() {
	local name=$1 url=$2
	shift 2
	curl -sS -k --max-time 10 -D "$tmp/$name.h" -o "$tmp/$name.b" "$@" "$url" 2>"$tmp/$name.err"
	tr -d '\r' < "$tmp/$name.h" > "$tmp/$name.h2" && mv "$tmp/$name.h2" "$tmp/$name.h"
}
status_of() { awk 'NR==1 { print $2 }' "$tmp/$1.h"; }
has_header() { grep -qi "^$2:" "$tmp/$1.h"; }
header_is() { grep -qix "$2: $3" "$tmp/$1.h"; }
security_headers=(Content-Security-Policy X-Content-Type-Options X-Frame-Options
	Referrer-Policy Permissions-Policy Cross-Origin-Opener-Policy X-Request-Id)
check_security_headers() {
	local name=$1 h missing=
	for h in "${security_headers[@]}"; do
		has_header "$name" "$h" || missing="$missing $h"
	done
	if [ -z "$missing" ]; then ok "$2: all security headers"
	else bad "$2: missing$missing"; fi
}
check_body_disclaimers() {
	local name=$1 p missing=
	for p in "${phrases[@]}"; do
		grep -qF -- "$p" "$tmp/$name.b" || missing="$missing [$p]"
	done
	if [ -z "$missing" ]; then ok "$2: page has notice and disclaimers"
	else bad "$2: page lacks$missing"; fi
}

# static file
fetch static "$base/static/errors/429.html"
check "static file: 200" test "$(status_of static)" = 200
check_security_headers static "static file"
check "static file: immutable Cache-Control" \
	header_is static Cache-Control "public, max-age=31536000, immutable"
check "plain HTTP: no HSTS" not has_header static Strict-Transport-Security
check "X-Request-Id is 32 hex digits" \
	grep -qiE '^X-Request-Id: [0-9a-f]{32}$' "$tmp/static.h"
check "server version hidden" header_is static Server nginx
fetch static404 "$base/static/no-such-file.css"
check "missing static file: 404" test "$(status_of static404)" = 404
check "missing static file: not cached as immutable" \
	not grep -qi "^Cache-Control: public" "$tmp/static404.h"
check_security_headers static404 "static 404"
fetch gz "$base/static/errors/503.html" -H "Accept-Encoding: gzip"
check "gzip for HTML" header_is gz Content-Encoding gzip

# no responder behind: nginx's 502, answered as the responders answer an
# outage (503 with Retry-After, the heading of their 503 page)
fetch page503 "$base/plans/new"
check "no responder: 503, not 502 (got $(status_of page503))" test "$(status_of page503)" = 503
check "no responder: Retry-After in seconds" grep -qiE '^Retry-After: [1-9][0-9]*$' "$tmp/page503.h"
check "no responder: the responders' 503 heading" \
	grep -qF "<h1>503 — Temporarily unavailable</h1>" "$tmp/page503.b"
check_security_headers page503 "503 page"
check_body_disclaimers page503 "503 page"
check "503 page: not cached" header_is page503 Cache-Control no-store
fetch post503 "$base/plans" -d x=y
check "no responder, POST: 503 with Retry-After (got $(status_of post503))" \
	bash -c '[[ $1 == 503 ]] && grep -qiE "^Retry-After: [1-9][0-9]*$" "$2"' _ "$(status_of post503)" "$tmp/post503.h"
check "access log has the request id" \
	grep -qE 'rid=[0-9a-f]{32}' "$dev/logs/access.log"

fetch api503 "$base/api/v1/plans.html"
check "API, no responder: 503, not 502 (got $(status_of api503))" test "$(status_of api503)" = 503
check "API 503: JSON content type" header_is api503 Content-Type application/json
check "API 503: JSON body" grep -qF '{"error":' "$tmp/api503.b"
check "API 503: Retry-After in seconds" grep -qiE '^Retry-After: [1-9][0-9]*$' "$tmp/api503.h"
check_security_headers api503 "API 503"
fetch apipost503 "$base/api/plans" -H 'Content-Type: application/json' -d '{}'
check "API, no responder, POST: 503 JSON with Retry-After (got $(status_of apipost503))" \
	bash -c '[[ $1 == 503 ]] && grep -qiE "^Retry-After: [1-9][0-9]*$" "$2" && grep -qF "{\"error\":" "$3"' \
	_ "$(status_of apipost503)" "$tmp/apipost503.h" "$tmp/apipost503.b"

# body too large
head -c 1100000 /dev/zero > "$tmp/big"
fetch page413 "$base/plans" --data-binary "@$tmp/big"
check "body over 1 MB: 413" test "$(status_of page413)" = 413
check_body_disclaimers page413 "413 page"
fetch api413 "$base/api/v1/plans" --data-binary "@$tmp/big"
check "API body over 1 MB: 413" test "$(status_of api413)" = 413
check "API body over 1 MB: JSON body" grep -qF '{"error":' "$tmp/api413.b"

# log-in limit: 10/min, burst 5, POST only
codes=
for _ in 1 2 3 4 5 6 7 8; do
	codes="$codes $(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 "$base/login")"
done
check "GET /login is not under the log-in limit ($codes)" test "${codes//429/}" = "$codes"
codes=
for _ in 1 2 3 4 5 6 7 8; do
	codes="$codes $(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 -d x=y "$base/login")"
done
# 1 + burst 5 pass (to the missing responder: 503), then 429.
check "POST /login limited after the burst ($codes)" \
	test "$codes" = " 503 503 503 503 503 503 429 429"
fetch page429 "$base/password-reset" -d x=y
check "rate-limited: 429" test "$(status_of page429)" = 429
check_body_disclaimers page429 "429 page"
check "429 page: says to wait" grep -qF "Too many requests; please wait and try again" "$tmp/page429.b"
# The same page as the responder's 429 (templates/pages/error.mustache)
# and, as every 429 of the site, a Retry-After.
check "429 page: the responder's heading and notice" \
	grep -qF -e "<h1>429 — Too many requests</h1>" "$tmp/page429.b"
check "429 page: the responder's try-again notice" \
	grep -qF "Please wait a minute and try again later." "$tmp/page429.b"
check "429 page: Retry-After in seconds" grep -qiE '^Retry-After: [1-9][0-9]*$' "$tmp/page429.h"
check "429 page: not cached" header_is page429 Cache-Control no-store
for ((i = 0; i < 8; i++)); do fetch page429b "$base/login" -d x=y; done
check "429 on /login: Retry-After" grep -qiE '^Retry-After: [1-9][0-9]*$' "$tmp/page429b.h"
check "429 on /login: status" test "$(status_of page429b)" = 429
check_security_headers page429 "429 page"

# No token, key or password in the access log (snippets/cibozer-log.conf):
# the mailed links' query, the Referer repeating it, a key in a query.
secret1=Tok1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1
secret2=Tok2bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2
secret3=cz_live_Key3ccccccccccccccccccccccccccccccccccccc3
fetch logtok1 "$base/password-reset/confirm?token=$secret1"
fetch logtok2 "$base/password-reset/confirm" -d "token=$secret1" -H "Referer: $base/password-reset/confirm?token=$secret1"
fetch logtok3 "$base/verify-email?token=$secret2&x=1" -H "Referer: $base/verify-email?token=$secret2#frag"
fetch logtok4 "$base/api/v1/plans?api_key=$secret3" -H "Authorization: Bearer $secret3"
fetch logtok5 "$base/plans?page=2"
fetch logtok6 "$base/about?t%6Fken=$secret2"
sleep 0.3
check "access log: no token, key or password" \
	not grep -qE "$secret1|$secret2|$secret3|Tok1a|Tok2b|Key3c" "$dev/logs/access.log"
check "access log: the link's path, its query redacted" \
	grep -qF '"GET /password-reset/confirm?[redacted] HTTP/1.1" 503' "$dev/logs/access.log"
check "access log: the Referer's path, its query redacted" \
	grep -qF "\"$base/password-reset/confirm?[redacted]\"" "$dev/logs/access.log"
check "access log: a plain query is kept" \
	grep -qF '"GET /plans?page=2 HTTP/1.1"' "$dev/logs/access.log"
for conf in cibozer.conf dev.conf.in; do
	check "$conf: uses the scrubbed log format (snippets/cibozer-log.conf)" \
		grep -qE '^[[:space:]]*include [^;]*(snippets|@SNIPPETS@)/cibozer-log\.conf;' "$repo/nginx/$conf"
	check "$conf: defines no log format of its own" not grep -q 'log_format' "$repo/nginx/$conf"
	check "$conf: refusals of limit_req not in the error log (it quotes requests)" \
		grep -qE '^[[:space:]]*limit_req_log_level info;' "$repo/nginx/$conf"
done
raw_log_vars() { # the log format's variables that would carry secrets
	sed -n '/^log_format/,/;$/p' "$repo/nginx/snippets/cibozer-log.conf" |
		grep -E '\$(request|request_uri|args|query_string|http_referer|http_authorization)([^_a-z]|$)'
}
check "cibozer-log.conf: no raw request, query or Referer logged" not raw_log_vars

# internal locations are not reachable from outside
fetch intv "$base/_protected_videos/x.mp4"
check "/_protected_videos/ is internal (404)" test "$(status_of intv)" = 404
fetch inte "$base/_errors/503.html"
check "/_errors/ is internal (404)" test "$(status_of inte)" = 404

# HTTPS: HTTP/2, HSTS, TLS 1.2 and 1.3
fetch tls "$sbase/static/errors/429.html" --http2
check "HTTPS: 200 over HTTP/2" test "$(head -1 "$tmp/tls.h" | cut -d' ' -f1-2)" = "HTTP/2 200"
check "HTTPS: HSTS" header_is tls Strict-Transport-Security "max-age=63072000; includeSubDomains"
check_security_headers tls "HTTPS static file"
fetch tls12 "$sbase/static/errors/429.html" --tlsv1.2 --tls-max 1.2
check "HTTPS: TLS 1.2 accepted" test "$(status_of tls12)" = 200
fetch tls13 "$sbase/static/errors/429.html" --tlsv1.3
check "HTTPS: TLS 1.3 accepted" test "$(status_of tls13)" = 200

stop_nginx
check "dev nginx stops (pid file removed)" test ! -e "$dev_pid_file"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
