#!/bin/bash
# test_hlsjs.sh - hls.js as scripts/hlsjs installs it into static/vendor/
# (from the npm registry at build time, never committed): nginx serves
# /static/vendor/hls.min.js byte for byte as JavaScript, its licence is
# beside it, it is the pinned version, git ignores the directory, and
# `make install` puts both files under pkgdatadir/static/vendor/.
# Skipped, saying why, when the files are absent (no npm or no network):
# the player then falls back to MP4, and no other test needs them.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

js=$CZ_SRCDIR/static/vendor/hls.min.js
lic=$CZ_SRCDIR/static/vendor/hls.js-LICENSE.txt
[[ -s $js ]] || skip "static/vendor/hls.min.js is absent: scripts/hlsjs could not fetch hls.js (npm missing or the registry unreachable); the player falls back to MP4"
version=$(sed -n 's/^VERSION=//p' "$CZ_SRCDIR/scripts/hlsjs")
tmp=$(_cz_tmp)/hlsjs
mkdir -p "$tmp"

curl -sS --max-time 30 -o "$tmp/served.js" -D "$tmp/headers" "$CZ_BASE_URL/static/vendor/hls.min.js"
check "GET /static/vendor/hls.min.js is 200" grep -q '^HTTP/[0-9.]* 200' "$tmp/headers"
check "served as JavaScript" grep -Eqi '^content-type: (application|text)/javascript' "$tmp/headers"
check "served byte for byte" cmp -s "$js" "$tmp/served.js"
check "it is hls.js $version" grep -qF "\"$version\"" "$js"
check "its licence (Apache 2.0) is beside it" grep -q "Apache License, Version 2.0" "$lic"
check "git ignores static/vendor/" git -C "$CZ_SRCDIR" check-ignore -q static/vendor/hls.min.js
rm -rf "$tmp/inst"
make -C "$CZ_BUILD_DIR" --no-print-directory install-data-local DESTDIR="$tmp/inst" >"$tmp/install.log" 2>&1
check "make install puts it under pkgdatadir/static/vendor/" bash -c \
	'f=$(find "$1" -path "*/static/vendor/hls.min.js" -type f) && [[ -n $f ]] && cmp -s "$f" "$2" &&
	 [[ -s $(dirname "$f")/hls.js-LICENSE.txt ]] && [[ ! -e $(dirname "$f")/.hls.js-version ]]' _ "$tmp/inst" "$js"

rm -rf "$tmp"
finish
