#!/bin/bash
# test_render_layout.sh - text that always fits (issue 15): cibozer-render
# --layout-check plans a large sample of requests in-process with the
# stack's catalog (every diet and meal pattern, 1200-5000 kcal, every
# profile, restriction sets, excluded foods, 1-7 days) and lays out every
# card of every plan in every preset, once as planned and once with every
# dish named as the catalog's longest dish; it fails on any text that
# overflows its box or the vertical formats' safe zones, any "…" or cut
# text, any line under its smallest size, any figure or unit alone on a
# line. The counts and the smallest sizes are printed. Seen to fail: the
# same check in a frame far too small for the cards must fail.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

RENDER=$CZ_BUILD_DIR/render/cibozer-render
[[ -x $RENDER ]] || skip "$RENDER is not built"
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || -n ${CZ_RENDER_FONT_DIR:-} ]] ||
	skip "the DejaVu fonts are not installed (package fonts-dejavu-core)"
need_foods

tmp=$(_cz_tmp)/layout
rm -rf "$tmp"
mkdir -p "$tmp"

"$RENDER" --layout-check --config "$CZ_CONFIG" --plans 300 >"$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/out"
if ((rc == 0)); then
	pass "every card of every sampled plan fits in every preset"
else
	fail "layout check (exit $rc)" "$(head -n 5 "$tmp/err")"
fi
count() { # NAME - the figure before NAME in the summary line
	sed -n "s/.* \([0-9][0-9]*\) $1.*/\1/p" "$tmp/out" | head -n 1
}
plans=$(sed -n 's/.* \([0-9][0-9]*\) plans feasible.*/\1/p' "$tmp/out")
check "at least 200 feasible plans checked ($plans)" test "${plans:-0}" -ge 200
texts=$(count texts)
check "more than 100000 texts laid out ($texts)" test "${texts:-0}" -gt 100000
grep -q ' 0 failures$' "$tmp/out"
check "the summary counts 0 failures" test $? -eq 0

# Seen to fail: a 120x200 frame cannot hold the cards at a readable size.
"$RENDER" --layout-check --config "$CZ_CONFIG" --plans 5 --frame 120x200 \
	>"$tmp/tiny.out" 2>"$tmp/tiny.err"
rc=$?
check "a tiny frame fails the check (exit $rc)" test "$rc" -eq 1
grep -q 'does not fit' "$tmp/tiny.err"
check "and names the text that does not fit: $(head -c 200 "$tmp/tiny.err")" test $? -eq 0

# Usage errors.
"$RENDER" --layout-check --frame 10x10 >/dev/null 2>&1
check "--frame below 16x16 is a usage error" test $? -eq 2
finish
