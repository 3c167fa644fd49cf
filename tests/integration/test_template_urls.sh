#!/bin/bash
# test_template_urls.sh - every absolute URL of this site in templates/
# carries the {{base}} prefix (the base_path setting), so that an install
# under a path prefix links, loads and posts under it: href="/, src="/,
# action="/, formaction="/, poster="/, data-*="/, url(/ and
# {{site.base_url}} without {{base}} after it fail this test.
# tools/template-base-urls --check finds them; running tools/template-base-urls
# fixes them (run it after a merge that brought new ones).
#
# First the checker itself, on made-up templates: it finds each kind of
# unprefixed URL, leaves other sites' URLs alone, the converter fixes all of
# them, and a second run changes nothing.
#
# Environment:
#   CZ_SRCDIR  repository root (default: two levels above this script)
set -u

CZ_SRCDIR=${CZ_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
TOOL=$CZ_SRCDIR/tools/template-base-urls
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cz-template-urls.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok   - $1"; }
no() { FAILED=$((FAILED + 1)); echo "FAIL - $1"; shift; printf '       %s\n' "$@"; }

mkdir -p "$TMP/t/pages"
cat >"$TMP/t/pages/bad.mustache" <<'T'
<a href="/plans">a</a> <img src='/static/x.png'> <form action="/login">
<button formaction="/logout">x</button> <video poster="/videos/1/poster.jpg" data-hls="/videos/1/hls.m3u8">
<style>.x { background: url(/static/a.png) } .y { background: url("/static/b.png") }</style>
<link rel="canonical" href="{{site.base_url}}{{page.path}}"> {{{site.base_url}}}/disclaimers
T
cat >"$TMP/t/pages/good.mustache" <<'T'
<a href="https://example.org/x">other site</a> <a href="//cdn.example/x">protocol-relative</a>
<a href="#top">fragment</a> <a href="plans">relative</a> <a href="{{urls.page}}">from data</a>
T
cp -r "$TMP/t" "$TMP/orig"

out=$("$TOOL" --check "$TMP/t" 2>&1) && rc=0 || rc=$?
if ((rc == 1)) && [[ $(grep -c '^.*bad.mustache:[0-9]*:' <<<"$out") == 4 ]] && ! grep -q good.mustache <<<"$out"; then
	ok "--check fails on the 4 lines with unprefixed URLs, and only on those"
else
	no "--check fails on the 4 lines with unprefixed URLs, and only on those" "exit $rc" "$out"
fi
"$TOOL" "$TMP/t" >/dev/null
want='<a href="{{base}}/plans">a</a> <img src='"'"'{{base}}/static/x.png'"'"'> <form action="{{base}}/login">
<button formaction="{{base}}/logout">x</button> <video poster="{{base}}/videos/1/poster.jpg" data-hls="{{base}}/videos/1/hls.m3u8">
<style>.x { background: url({{base}}/static/a.png) } .y { background: url("{{base}}/static/b.png") }</style>
<link rel="canonical" href="{{site.base_url}}{{base}}{{page.path}}"> {{{site.base_url}}}{{{base}}}/disclaimers'
if [[ $(cat "$TMP/t/pages/bad.mustache") == "$want" ]]; then
	ok "the converter prefixes every kind"
else
	no "the converter prefixes every kind" "$(diff <(echo "$want") "$TMP/t/pages/bad.mustache")"
fi
if cmp -s "$TMP/t/pages/good.mustache" "$TMP/orig/pages/good.mustache"; then
	ok "other sites', relative and data URLs are left alone"
else
	no "other sites', relative and data URLs are left alone" "$(diff "$TMP/orig/pages/good.mustache" "$TMP/t/pages/good.mustache")"
fi
cp -r "$TMP/t" "$TMP/once"
"$TOOL" "$TMP/t" >/dev/null
if diff -r "$TMP/once" "$TMP/t" >/dev/null && "$TOOL" --check "$TMP/t" >/dev/null 2>&1; then
	ok "a second run changes nothing and --check passes"
else
	no "a second run changes nothing and --check passes" "$(diff -r "$TMP/once" "$TMP/t")"
fi

# The real templates.
out=$("$TOOL" --check "$CZ_SRCDIR/templates" 2>&1) && rc=0 || rc=$?
if ((rc == 0)); then
	ok "templates/: every absolute URL of the site carries {{base}}"
else
	no "templates/: every absolute URL of the site carries {{base}} (run tools/template-base-urls)" "$out"
fi
n=$(grep -rho '{{base}}\|{{{base}}}' "$CZ_SRCDIR/templates" | wc -l)
if ((n >= 90)); then
	ok "templates/ use {{base}} $n times"
else
	no "templates/ use {{base}} at least 90 times" "found $n"
fi

echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
