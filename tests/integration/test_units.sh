#!/usr/bin/env bash
# test_units.sh - check the systemd units in systemd/ without a running
# systemd (systemd-analyze works offline; checked with systemd 252).
#
# For every systemd/*.service:
#   systemd-analyze security --offline=true UNIT
#   -> the "Overall exposure level" must be <= MAX_EXPOSURE (2.0).
# Timers are not scored: "security" rates a .timer as if it were a service
# with no settings (9.8, meaningless); the service a timer starts is scored
# in its own right.
#
# For every systemd/*.service and *.timer:
#   systemd-analyze verify --root=ROOT UNIT   -> must print nothing, exit 0
#   (verify exits 0 even for unknown keys and bad values, it only prints).
# For every timer: the service it starts must be in systemd/ too.
# verify checks that every Exec*= command exists and is executable, and it
# looks for them under --root. ROOT is a temporary tree holding:
#   - a copy of the host's /usr/lib/systemd/system (targets the units order
#     against; with --root, verify finds nothing outside ROOT);
#   - the repository's units in etc/systemd/system;
#   - the REAL binaries the units run, copied to the paths the units name:
#       cibozer-* programs from, in this order,
#         $CZ_DESTDIR (a `make install DESTDIR=...` tree; the units expect
#           --prefix=/usr --sysconfdir=/etc, so the path must match exactly),
#         $CZ_BUILD_DIR (a build tree; found by file name), default: the
#           repository itself when it was built in place,
#         the host, if Cibozer is installed there;
#       everything else (spawn-fcgi, chgrp) from the host.
#   No stand-ins: when a cibozer program is not built, the units that run it
#   are reported SKIPPED for verify (not passed); when a host program such
#   as spawn-fcgi is missing, verify fails, as it would on a real host.
#
# Prints "N passed, M failed" (and the skips) and exits non-zero on failure.
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
MAX_EXPOSURE=${MAX_EXPOSURE:-2.0}
SA=${SYSTEMD_ANALYZE:-systemd-analyze}

pass=0
fail=0
skip=0
ok()   { pass=$((pass + 1)); echo "PASS: $*"; }
bad()  { fail=$((fail + 1)); echo "FAIL: $*"; }
skipped() { skip=$((skip + 1)); echo "SKIP: $*"; }
summary() {
	echo "$pass passed, $fail failed"
	[ "$skip" -eq 0 ] || echo "($skip skipped)"
}

if ! command -v "$SA" >/dev/null 2>&1; then
	bad "systemd-analyze not found"
	summary
	exit 1
fi

shopt -s nullglob
units=("$repo"/systemd/*.service "$repo"/systemd/*.timer)
shopt -u nullglob
if [ ${#units[@]} -eq 0 ]; then
	bad "no units in $repo/systemd"
	summary
	exit 1
fi

# --- security -----------------------------------------------------------------
for u in "${units[@]}"; do
	name=$(basename "$u")
	case $name in *.service) ;; *) continue ;; esac
	out=$("$SA" security --offline=true "$u" 2>&1)
	level=$(printf '%s\n' "$out" |
		sed -n 's/.*Overall exposure level for [^:]*: \([0-9][0-9.]*\).*/\1/p' | tail -1)
	if [ -z "$level" ]; then
		bad "$name: no exposure level in systemd-analyze security output"
		printf '%s\n' "$out" | tail -5 | sed 's/^/    /'
	elif awk -v x="$level" -v m="$MAX_EXPOSURE" 'BEGIN { exit !(x + 0 <= m + 0) }'; then
		ok "$name: exposure level $level (<= $MAX_EXPOSURE)"
	else
		bad "$name: exposure level $level (> $MAX_EXPOSURE)"
		printf '%s\n' "$out" | grep '✗' | sed 's/^/    /'
	fi
done

# --- verify -------------------------------------------------------------------
root=$(mktemp -d "${TMPDIR:-/tmp}/cz-units-test.XXXXXX") || exit 1
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system"
sysunits=/usr/lib/systemd/system
[ -d "$sysunits" ] || sysunits=/lib/systemd/system
cp -a "$sysunits" "$root/usr/lib/systemd/system"
cp "${units[@]}" "$root/etc/systemd/system/"

build_dir=${CZ_BUILD_DIR:-}
if [ -z "$build_dir" ] && [ -z "${CZ_DESTDIR:-}" ] &&
   { [ -x "$repo/fcgi/cibozer-fcgi" ] || [ -x "$repo/tools/cibozer-admin" ]; }; then
	build_dir=$repo
fi
if [ -n "${CZ_DESTDIR:-}" ]; then
	echo "verify: cibozer programs from DESTDIR $CZ_DESTDIR"
elif [ -n "$build_dir" ]; then
	echo "verify: cibozer programs from build tree $build_dir"
else
	echo "verify: cibozer programs from the host, if installed"
fi

# exec_paths UNITFILE: absolute command paths of its Exec*= lines, with the
# special prefixes (- @ : + !) removed, plus every cibozer program named in
# their arguments (spawn-fcgi ... -- /usr/sbin/cibozer-fcgi: verify itself
# checks only the first word, this test wants the real program there too).
exec_paths() {
	{
		sed -n 's/^[[:space:]]*Exec[A-Za-z]*=[[:space:]]*\([-@:+!]*\)\([^[:space:]]*\).*/\2/p' "$1"
		grep -E '^[[:space:]]*Exec[A-Za-z]*=' "$1" | grep -oE '/[^[:space:]]*/cibozer-[A-Za-z0-9_-]+'
	} | grep '^/' | sort -u
}

# find_binary PATH: print where the real program for PATH is, or nothing.
find_binary() {
	local path=$1 base d
	base=$(basename "$path")
	case $base in
	cibozer-*)
		if [ -n "${CZ_DESTDIR:-}" ]; then
			[ -x "$CZ_DESTDIR$path" ] && echo "$CZ_DESTDIR$path"
			return 0
		fi
		if [ -n "$build_dir" ]; then
			for d in fcgi tools render; do
				if [ -f "$build_dir/$d/$base" ] && [ -x "$build_dir/$d/$base" ]; then
					echo "$build_dir/$d/$base"
					return 0
				fi
			done
			find "$build_dir" -maxdepth 3 -type f -perm -u+x -name "$base" \
				! -path '*/.libs/*' 2>/dev/null | head -1
			return 0
		fi
		[ -x "$path" ] && echo "$path"
		;;
	*)
		[ -x "$path" ] && echo "$path"
		;;
	esac
	return 0
}

# Copy every program the units run into the root, remembering what is
# missing per unit.
declare -A missing_for
for u in "${units[@]}"; do
	name=$(basename "$u")
	for p in $(exec_paths "$u"); do
		src=$(find_binary "$p")
		if [ -n "$src" ]; then
			mkdir -p "$root$(dirname "$p")"
			cp -L "$src" "$root$p"
		else
			case $(basename "$p") in
			cibozer-*)
				if [ -n "${CZ_DESTDIR:-}" ]; then
					bad "$name: $p is not in CZ_DESTDIR=$CZ_DESTDIR (configure with --prefix=/usr --sysconfdir=/etc?)"
				fi
				missing_for[$name]="${missing_for[$name]:-} $p"
				;;
			esac
			# host programs that are missing are left for verify to report
		fi
	done
done

for u in "${units[@]}"; do
	name=$(basename "$u")
	if [ -n "${missing_for[$name]:-}" ]; then
		skipped "$name: verify needs${missing_for[$name]}, not built (set CZ_BUILD_DIR or CZ_DESTDIR, or build in place)"
		continue
	fi
	case $name in
	*.timer)
		# verify accepts a timer whose service does not exist: check it here.
		target=$(sed -n 's/^[[:space:]]*Unit=[[:space:]]*\([^[:space:]]*\).*/\1/p' "$root/etc/systemd/system/$name" | tail -1)
		[ -n "$target" ] || target=${name%.timer}.service
		if [ -f "$repo/systemd/$target" ]; then ok "$name: starts $target, which is in systemd/"
		else bad "$name: starts $target, which is not in systemd/"; fi
		;;
	esac
	out=$("$SA" verify --root="$root" "$name" 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && [ -z "$out" ]; then
		ok "$name: systemd-analyze verify clean"
	else
		bad "$name: systemd-analyze verify (exit $rc)"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
done

summary
[ "$fail" -eq 0 ]
