#!/bin/bash
# test_templates.sh - render every page template with cibozer-admin, without
# the server, and check what every page must carry: the disclaimers and the
# legal banner, the landmarks, the title, the legal versions, no resource from
# another origin, HTML escaping of data, and well-formed HTML (xmllint).
#
# Environment:
#   CZ_ADMIN   path to the built cibozer-admin (render-template TEMPLATE DATA [PARTIAL_DIR])
#   CZ_SRCDIR  repository root (default: two levels above this script)
# Exit: 0 all passed, 1 a check failed, 77 skipped (no cibozer-admin).

set -u

if [ -z "${CZ_ADMIN:-}" ]; then
	echo "SKIP: CZ_ADMIN is not set (path to the built cibozer-admin)"
	exit 77
fi
if [ ! -x "$CZ_ADMIN" ]; then
	echo "SKIP: CZ_ADMIN=$CZ_ADMIN is not an executable file"
	exit 77
fi
CZ_SRCDIR=${CZ_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
TPL="$CZ_SRCDIR/templates"
if [ ! -f "$TPL/layout.mustache" ]; then
	echo "FAIL: no $TPL/layout.mustache (is CZ_SRCDIR=$CZ_SRCDIR right?)"
	exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cz-tpl.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

PASS=0
FAIL=0
BASE_URL="https://cibozer.example.com"

ok()   { PASS=$((PASS + 1)); }
bad()  { FAIL=$((FAIL + 1)); echo "FAIL: $*"; }

# has FILE LABEL STRING - the rendering contains STRING (fixed string).
has() {
	if grep -qF -- "$3" "$1"; then ok; else bad "$2: missing '$3'"; fi
}
# lacks FILE LABEL STRING - the rendering does not contain STRING.
lacks() {
	if grep -qF -- "$3" "$1"; then bad "$2: unexpected '$3'"; else ok; fi
}

# The legal versions are deliberately distinct, so a check proves each one
# came from the data and not from text written into a template.
# write_data FILE TITLE PATH [ERROR_JSON]
write_data() {
	local err=""
	[ $# -ge 4 ] && err=", \"error\": $4"
	cat >"$1" <<EOF
{
  "site": {"name": "Cibozer", "base_url": "$BASE_URL", "asset_version": "0.1.0"},
  "legal": {"terms_version": "3.1", "terms_date": "2031-01-11",
            "privacy_version": "3.2", "privacy_date": "2032-02-12",
            "disclaimer_version": "3.3", "disclaimer_date": "2033-03-13",
            "privacy_retention_days": 45, "video_retention_days": 9},
  "page": {"title": "$2", "path": "$3"},
  "request_id": "req-4f2a9c",
  "year": 2031$err
}
EOF
}

# render TEMPLATE DATA OUT LABEL - 0 when the rendering succeeded.
render() {
	if ! "$CZ_ADMIN" render-template "$TPL/$1.mustache" "$2" "$TPL" >"$3" 2>"$3.err"; then
		bad "$4: cibozer-admin render-template $1 failed: $(head -c 400 "$3.err")"
		return 1
	fi
	if [ ! -s "$3" ]; then
		bad "$4: empty rendering"
		return 1
	fi
	ok
	return 0
}

HAVE_XMLLINT=0
if command -v xmllint >/dev/null 2>&1; then
	HAVE_XMLLINT=1
else
	echo "NOTE: xmllint not found; HTML well-formedness is not checked"
fi

# html_ok FILE LABEL - xmllint's HTML parser reports no error. libxml2's
# parser knows only HTML 4, so "Tag X invalid" for HTML5 elements is
# expected and filtered out; every other message fails the check.
HTML5_TAGS='article|aside|figcaption|figure|footer|header|main|mark|nav|section|summary|details|time|picture|source|track|video|audio|template|output|progress|meter|data|dialog|search'
html_ok() {
	[ "$HAVE_XMLLINT" = 1 ] || return 0
	xmllint --html --noout "$1" >/dev/null 2>"$1.lint"
	# Each message is one "file:line: ... error|warning : text" line followed
	# by the source line and a caret line; keep the messages only.
	local msgs
	msgs=$(grep -E '^[^ ]*:[0-9]+: .*(error|warning) :' "$1.lint" |
		grep -vE "Tag ($HTML5_TAGS) invalid\$")
	if [ -n "$msgs" ]; then
		bad "$2: xmllint --html: $(printf '%s\n' "$msgs" | sed -E 's/^[^:]*:([0-9]+): /line \1: /' | paste -sd ';' -)"
	else
		ok
	fi
}

# common FILE LABEL TITLE - checks every page must pass.
common() {
	local f=$1 l=$2
	# Disclaimers (partials/disclaimers) and the legal banner.
	has "$f" "$l" "NOT intended to provide medical advice"
	has "$f" "$l" "NOT intended to diagnose, treat, cure, or prevent any disease"
	has "$f" "$l" "consult your physician"
	has "$f" "$l" "Individual results may vary"
	has "$f" "$l" "These statements have not been evaluated by the Food and Drug Administration."
	has "$f" "$l" "This application is for educational purposes only. Not medical advice. Consult healthcare professionals."
	has "$f" "$l" "Disclaimer version 3.3 (2033-03-13)"
	# Document and landmarks.
	if head -c 200 "$f" | grep -qi '^<!doctype html>'; then ok; else bad "$l: does not start with <!doctype html>"; fi
	has "$f" "$l" '<html lang="en"'
	has "$f" "$l" '<meta charset="utf-8">'
	has "$f" "$l" '<meta name="viewport"'
	has "$f" "$l" '<header'
	has "$f" "$l" '<nav'
	has "$f" "$l" '<main id="main"'
	has "$f" "$l" '<footer'
	has "$f" "$l" 'href="#main"'
	has "$f" "$l" 'href="/static/css/cibozer.css?v=0.1.0"'
	has "$f" "$l" 'href="/plans/new"'
	has "$f" "$l" 'href="/terms"'
	has "$f" "$l" 'href="/privacy"'
	has "$f" "$l" 'href="/disclaimers"'
	has "$f" "$l" '© 2031 Cibozer'
	has "$f" "$l" "<title>$3 · Cibozer</title>"
	# One <h1> per page.
	local n
	n=$(grep -o '<h1[ >]' "$f" | wc -l)
	if [ "$n" -eq 1 ]; then ok; else bad "$l: $n <h1> elements (want 1)"; fi
	# Nothing left of the template language.
	if grep -qE '\{\{|\}\}' "$f"; then bad "$l: unrendered mustache tag: $(grep -m1 -E '\{\{|\}\}' "$f")"; else ok; fi
	# No duplicate id attributes.
	local dup
	dup=$(grep -oE ' id="[^"]*"' "$f" | sort | uniq -d)
	if [ -z "$dup" ]; then ok; else bad "$l: duplicate ids: $(printf "%s " "$dup" | tr "\n" " ")"; fi
	# Nothing from another origin: every absolute or protocol-relative URL
	# in an attribute that loads or links must be on the site's own base URL.
	local foreign
	foreign=$(grep -oiE "(src|href|action|srcset|poster|data)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*(https?:)?//[^\"' >]*" "$f" |
		sed -E "s/^[^=]*=[[:space:]]*[\"']?[[:space:]]*//" |
		grep -vE "^${BASE_URL//./\\.}(/|\$)")
	if [ -z "$foreign" ]; then ok; else bad "$l: URL(s) to another origin: $(printf "%s " "$foreign" | tr "\n" " ")"; fi
	if grep -qiE '<script[^>]*src[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*(https?:)?//' "$f"; then
		bad "$l: <script src=> to another origin"
	else ok; fi
	if grep -qiE '@import|url\([[:space:]]*["'"'"']?(https?:)?//' "$f"; then
		bad "$l: CSS import or url() to another origin"
	else ok; fi
	html_ok "$f" "$l"
}

# --- the content pages -------------------------------------------------------
# name|page title|path|strings the page must contain (';'-separated)
while IFS='|' read -r name title path musts; do
	[ -n "$name" ] || continue
	data="$TMP/$name.json"
	out="$TMP/$name.html"
	write_data "$data" "$title" "$path"
	render "pages/$name" "$data" "$out" "$name" || continue
	common "$out" "$name" "$title"
	has "$out" "$name" "<link rel=\"canonical\" href=\"$BASE_URL$path\">"
	IFS=';' read -r -a want <<<"$musts"
	for w in "${want[@]}"; do
		[ -n "$w" ] && has "$out" "$name" "$w"
	done
done <<'PAGES'
home|Home|/|href="/plans/new";docs/api.md;USDA;shopping list;out of scope
about|About|/about|Release 24;public domain;rounded
terms|Terms of Service|/terms|Version 3.1, effective 2031-01-11;Limitation of liability;API use and quotas
privacy|Privacy Policy|/privacy|Version 3.2, effective 2032-02-12;argon2id;href="/account/export";href="/account/delete";deleted 9 days after;After 45 days, the Service scrubs;pseudonymous account number
disclaimers|Disclaimers|/disclaimers|Version 3.3, effective 2033-03-13;FDA disclaimer;cross-contamination;obstetric care provider;hypertension
login|Log in|/login|action="/login";name="email";name="password";href="/password-reset";href="/login"
register|Create an account|/register|action="/register";autocomplete="new-password";not a common password
account|Your account|/account|action="/account/password";action="/account/email";action="/account/logout-all";action="/account/keys";href="/account/export"
legal_accept|Terms and privacy|/legal/accept|name="accept_terms";name="accept_privacy";version 3.1;version 3.2
verify_email|Confirm your address|/verify-email|Confirm your e-mail address
password_reset|Forgot your password|/password-reset|action="/password-reset"
password_reset_confirm|Choose a new password|/password-reset/confirm|Choose a new password
account_delete|Delete your account|/account/delete|action="/account/delete";name="confirm";href="/account/export"
PAGES

# --- signed in: the navigation and the banner -------------------------------
l="signed-in"
data="$TMP/$l.json"
out="$TMP/$l.html"
write_data "$data" "About" "/about"
sed -i 's/^  "year": 2031$/  "year": 2031, "user": {"email": "a<b>@example.org", "tier": "free", "verified": false, "csrf": "tok-123"}/' "$data"
if render pages/about "$data" "$out" "$l"; then
	common "$out" "$l" "About"
	has "$out" "$l" 'action="/logout"'
	has "$out" "$l" 'name="csrf_token" value="tok-123"'
	has "$out" "$l" 'href="/account"'
	has "$out" "$l" 'not confirmed yet'
	lacks "$out" "$l" 'href="/login"'
fi
l="signed-out"
out="$TMP/$l.html"
write_data "$data" "About" "/about"
if render pages/about "$data" "$out" "$l"; then
	has "$out" "$l" 'href="/login"'
	has "$out" "$l" 'href="/register"'
	lacks "$out" "$l" 'action="/logout"'
	lacks "$out" "$l" 'csrf_token'
	lacks "$out" "$l" 'not confirmed yet'
fi

# --- the error page, for every status it serves ------------------------------
for spec in "400|Bad request|" "403|Forbidden|" "404|Page not found|" \
	"405|Method not allowed|" "413|Request too large|" \
	"429|Too many requests|1" "500|Internal server error|" \
	"503|Service unavailable|1"; do
	IFS='|' read -r status etitle retry <<<"$spec"
	l="error-$status"
	data="$TMP/$l.json"
	out="$TMP/$l.html"
	rl=false
	[ -n "$retry" ] && rl=true
	write_data "$data" "Error" "/nope" \
		"{\"status\": $status, \"title\": \"$etitle\", \"message\": \"Message for $status.\", \"retry_later\": $rl}"
	render pages/error "$data" "$out" "$l" || continue
	common "$out" "$l" "$etitle"
	has "$out" "$l" "<h1>$status — $etitle</h1>"
	has "$out" "$l" "Message for $status."
	has "$out" "$l" 'class="button" href="/"'
	lacks "$out" "$l" 'rel="canonical"'
	if [ -n "$retry" ]; then
		has "$out" "$l" "try again later"
	else
		lacks "$out" "$l" "try again later"
	fi
done

# --- escaping: data is never markup ------------------------------------------
l="error-xss"
data="$TMP/$l.json"
out="$TMP/$l.html"
write_data "$data" "Bad request" "/x" \
	'{"status": 400, "title": "Bad <b>request</b>", "message": "<script>alert(1)</script>\"'"'"'&", "retry_later": false}'
if render pages/error "$data" "$out" "$l"; then
	has "$out" "$l" '&lt;script&gt;'
	lacks "$out" "$l" '<script>alert'
	lacks "$out" "$l" '<b>request</b>'
	has "$out" "$l" '&lt;b&gt;request&lt;/b&gt;'
	if grep -qE '&lt;/script&gt;(&quot;|&#34;|&#x22;)' "$out"; then ok; else bad "$l: double quote not escaped"; fi
	if grep -qE "(&#39;|&#x27;|&apos;|')(&amp;)" "$out"; then ok; else bad "$l: ampersand not escaped"; fi
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
