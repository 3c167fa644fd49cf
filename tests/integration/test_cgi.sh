#!/bin/bash
# test_cgi.sh - the responder binary run directly as a CGI program, the way
# shared hosting runs it: one request from the environment and stdin.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

# Not "out": lib.sh's check keeps its own local of that name.
cgi_out=$(_cz_tmp)/cgi.out

# cgi METHOD URI [BODY [CONTENT_TYPE]] - one CGI run; output in $cgi_out.
cgi() {
	local body=${3:-} ctype=${4:-application/json}
	printf '%s' "$body" | env -i PATH=/usr/bin:/bin \
		CIBOZER_CONFIG="$CZ_CONFIG" \
		GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1 \
		REQUEST_METHOD="$1" REQUEST_URI="$2" QUERY_STRING="${2#*\?}" \
		REMOTE_ADDR=127.0.0.1 CONTENT_TYPE="$ctype" \
		CONTENT_LENGTH="${#body}" "$CZ_FCGI" >"$cgi_out" 2>>"$CZ_STATE_DIR/cgi.log"
}

status_is() {
	[[ $(head -n 1 "$cgi_out") == "Status: $1 "* ]]
}

cgi GET /
check "CGI GET / answers 200" status_is 200
check "CGI output has a Content-Type" grep -q '^Content-Type: text/html' "$cgi_out"
check "CGI page carries the FDA disclaimer" \
	grep -q 'These statements have not been evaluated by the Food and Drug Administration.' "$cgi_out"
check "CGI page carries the banner" \
	grep -q 'This application is for educational purposes only. Not medical advice. Consult healthcare professionals.' "$cgi_out"

cgi GET /nope
check "CGI unknown path is 404" status_is 404

# /.well-known/security.txt (RFC 9116) carries the contact of the
# configuration; without one it is not there.
cgi GET /.well-known/security.txt
check "security.txt without a security_contact: 404" status_is 404
CIBOZER_SECURITY_CONTACT=mailto:security@example.org
export CIBOZER_SECURITY_CONTACT
printf '' | env -i PATH=/usr/bin:/bin CIBOZER_CONFIG="$CZ_CONFIG" \
	CIBOZER_SECURITY_CONTACT="$CIBOZER_SECURITY_CONTACT" \
	GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1 REQUEST_METHOD=GET \
	REQUEST_URI=/.well-known/security.txt REMOTE_ADDR=127.0.0.1 \
	"$CZ_FCGI" >"$cgi_out" 2>>"$CZ_STATE_DIR/cgi.log"
check "security.txt: 200, plain text" bash -c '[[ $(head -n 1 "$1") == "Status: 200 "* ]] && grep -q "^Content-Type: text/plain" "$1"' _ "$cgi_out"
check "security.txt names the configured contact" grep -q '^Contact: mailto:security@example.org$' "$cgi_out"
check "security.txt expires within a year, in the future" python3 -c '
import re, sys, datetime as d
m = re.search(r"^Expires: (\S+)$", open(sys.argv[1]).read(), re.M)
t = d.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%SZ")
now = d.datetime.utcnow()
sys.exit(0 if now < t < now + d.timedelta(days=365) else 1)' "$cgi_out"
check "security.txt is canonical at the site's address" grep -q '^Canonical: .*/.well-known/security.txt$' "$cgi_out"
unset CIBOZER_SECURITY_CONTACT

cgi GET /health/ready
check "CGI readiness reaches the database" status_is 200

cgi POST /csp-report '{"csp-report": {"violated-directive": "img-src"}}' application/csp-report
check "CGI reads a JSON body" status_is 204

cgi POST /csp-report '{"csp-report": '
check "CGI malformed JSON is 400" status_is 400

# The responder's own body limit (nginx is not in front here).
big=$(head -c 1100000 /dev/zero | tr '\0' 'a')
cgi POST /csp-report "$big"
check "CGI body over the limit is 413" status_is 413

cgi DELETE /about
check "CGI wrong method is 405" status_is 405
check "CGI 405 has Allow" grep -q '^Allow: GET, HEAD' "$cgi_out"

finish
