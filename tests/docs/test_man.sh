#!/bin/bash
# test_man.sh - the man pages (man/*.in, filled in by make into the build
# tree's man/) against the programs they describe. Run by make check.
#
#   1. mandoc -Tlint reports nothing on any page. The pages are linted
#      side by side in one directory, so their cross references resolve.
#      Two kinds of message are about the host, not the pages, and are
#      printed as notes: "outdated mandoc.db" (the host's database) and
#      "referenced manual not found" for a page that is not ours (e.g.
#      nginx(8) on a build host without nginx). A reference to one of our
#      own pages must resolve.
#   2. cibozer.conf(5) lists every setting of lib/settings.c, no other, each
#      with the program's default: keys and defaults come from the built
#      `cibozer-admin config` (which hides the connection strings' defaults;
#      those come from the SECRET() lines of lib/settings.c, and their count
#      must equal the hidden ones').
#   3. cibozer-admin(8) lists every command `cibozer-admin --help` prints
#      and every verb of `cibozer-admin user`, and no command the program
#      does not accept.
#   4. Each check is run once more on a page broken on purpose (a setting
#      left out, a default changed, a command left out, a bad macro) and
#      must fail there: the checks can fail.
#
# Environment: CZ_TOP_SRCDIR and CZ_TOP_BUILDDIR (set by make check; by
# default the tree this script is in, built in place). Prints one line per
# check and "N passed, M failed"; exits 1 on a failure, 77 (skipped, with
# the reason) when mandoc is not installed (Debian package mandoc;
# scripts/deps installs it).
set -u

srcdir=${CZ_TOP_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${CZ_TOP_BUILDDIR:-$srcdir}
admin=$builddir/tools/cibozer-admin
pages=(cibozer-fcgi.8 cibozer-render.8 cibozer-admin.8 cibozer.conf.5)

pass=0
fail=0
ok()  { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit $?
}

if ! command -v mandoc >/dev/null 2>&1; then
	echo "SKIP: mandoc is not installed (apt-get install mandoc, or scripts/deps)"
	exit 77
fi
for p in "${pages[@]}"; do
	if [ ! -f "$builddir/man/$p" ]; then
		bad "$builddir/man/$p is missing (make builds it from man/$p.in)"
	fi
done
if [ ! -x "$admin" ]; then
	bad "$admin is not built"
fi
[ "$fail" -eq 0 ] || finish

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/pages" "$tmp/broken"
for p in "${pages[@]}"; do
	cp "$builddir/man/$p" "$tmp/pages/$p"
done

# --- 1. mandoc -Tlint ----------------------------------------------------------
# lint DIR - lints every page of DIR; prints the messages that count and
# returns 1 when there is one.
lint() {
	local dir=$1 out line name rc=0
	out=$(cd "$dir" && mandoc -Tlint -- *.5 *.8 2>&1)
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		case $line in
		*"outdated mandoc.db"*)
			echo "    note: $line" >&2
			continue ;;
		*"referenced manual not found: Xr "*)
			name=${line##*Xr }
			name=${name%% (*}
			name=${name// /.}
			if [ ! -f "$dir/$name" ]; then
				echo "    note (not ours, not installed here): $line" >&2
				continue
			fi ;;
		esac
		printf '    %s\n' "$line"
		rc=1
	done <<<"$out"
	return $rc
}

if msgs=$(lint "$tmp/pages"); then
	ok "mandoc -Tlint: nothing to report on ${pages[*]}"
else
	bad "mandoc -Tlint reports:"
	printf '%s\n' "$msgs"
fi

# --- 2. cibozer.conf(5) against the settings table -------------------------------
# The program's settings as "key<TAB>default" lines, sorted. The defaults
# come from a run with no file and no CIBOZER_* variable.
program_settings() {
	local dump hidden secrets
	# Without the CIBOZER_* variables (the rest stays: a sanitizer
	# build's options, for one).
	dump=$(env $(env | sed -n 's/^\(CIBOZER_[A-Za-z0-9_]*\)=.*/-u \1/p') \
		"$admin" --config /dev/null config) || return 1
	# "# doc (default: X)" then "key = value": X is the raw default.
	printf '%s\n' "$dump" | awk '
		/^# / { line = $0; sub(/.*\(default: /, "", line); sub(/\)$/, "", line); def = line; next }
		/^[a-z0-9_]+ = / { print $1 "\t" def }' >"$tmp/settings.raw"
	hidden=$(awk -F'\t' '$2 == "(hidden)"' "$tmp/settings.raw" | wc -l)
	# SECRET(key, "default", ...) in lib/settings.c
	sed -n 's/^[[:space:]]*SECRET(\([a-z0-9_]*\), "\([^"]*\)".*/\1\t\2/p' \
		"$srcdir/lib/settings.c" >"$tmp/secrets"
	secrets=$(wc -l <"$tmp/secrets")
	if [ "$hidden" -ne "$secrets" ] || [ "$hidden" -eq 0 ]; then
		echo "    $hidden hidden settings in cibozer-admin config, $secrets SECRET() lines in lib/settings.c" >&2
		return 1
	fi
	awk -F'\t' 'NR == FNR { s[$1] = $2; next }
		$2 == "(hidden)" { if (!($1 in s)) exit 1; $2 = s[$1] }
		{ print $1 "\t" $2 }' OFS='\t' "$tmp/secrets" "$tmp/settings.raw" | LC_ALL=C sort
}

# page_settings PAGE - "key<TAB>default" for each ".It Ic key No = Ar ..."
# entry of PAGE: its default is "The default is empty." or "The default is"
# followed by ".Ql value ." (quoted when it holds blanks).
page_settings() {
	awk '
		/^\.Sh / { insettings = ($2 == "SETTINGS") }
		insettings && /^\.It Ic [a-z0-9_]+ No = / { key = $3; want = 0; next }
		key != "" && /^The default is empty\.$/ { print key "\t"; key = ""; next }
		key != "" && /^The default is$/ { want = 1; next }
		key != "" && want && /^\.Ql / {
			v = $0; sub(/^\.Ql /, "", v); sub(/ \.$/, "", v)
			if (v ~ /^".*"$/) v = substr(v, 2, length(v) - 2)
			print key "\t" v; key = ""; want = 0; next }
		key != "" && want { print key "\t<no .Ql after \"The default is\">"; key = ""; want = 0 }
		END { if (key != "") print key "\t<no default given>" }
	' "$1" | LC_ALL=C sort
}

# compare_settings PAGE - 0 when PAGE's settings equal the program's.
compare_settings() {
	local page=$1 rc=0 key def
	page_settings "$page" >"$tmp/page.set"
	if [ -n "$(cut -f1 "$tmp/page.set" | uniq -d)" ]; then
		echo "    listed twice: $(cut -f1 "$tmp/page.set" | uniq -d | tr '\n' ' ')"
		rc=1
	fi
	while IFS=$'\t' read -r key def; do
		if ! grep -q "^$key	" "$tmp/page.set"; then
			echo "    $key (default \"$def\") is a setting of the program, missing from the page"
			rc=1
		elif ! grep -qxF "$key	$def" "$tmp/page.set"; then
			echo "    $key: the page gives the default \"$(grep "^$key	" "$tmp/page.set" | head -1 | cut -f2-)\", the program \"$def\""
			rc=1
		fi
	done <"$tmp/prog.set"
	while IFS=$'\t' read -r key def; do
		grep -q "^$key	" "$tmp/prog.set" ||
			{ echo "    $key is on the page but is no setting of the program"; rc=1; }
	done <"$tmp/page.set"
	return $rc
}

if program_settings >"$tmp/prog.set" && [ -s "$tmp/prog.set" ]; then
	nset=$(wc -l <"$tmp/prog.set")
	if msgs=$(compare_settings "$tmp/pages/cibozer.conf.5"); then
		ok "cibozer.conf(5): all $nset settings of the program, with their defaults, and no other"
	else
		bad "cibozer.conf(5) and the program's settings differ:"
		printf '%s\n' "$msgs"
	fi
else
	bad "could not read the settings from $admin config and lib/settings.c"
fi

# --- 3. cibozer-admin(8) against the commands ------------------------------------
# Commands as "migrate", ..., and the verbs of user as "user create", ...
program_commands() {
	local verbs
	# "user" itself is listed through its verbs.
	"$admin" --help | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p' | grep -vx user
	verbs=$("$admin" --config /dev/null user 2>&1 >/dev/null |
		sed -n 's/^usage: cibozer-admin user \([a-z|-]*\) .*/\1/p')
	[ -n "$verbs" ] || { echo "<no verbs in the usage of cibozer-admin user>"; return 1; }
	printf '%s\n' "$verbs" | tr '|' '\n' | sed 's/^/user /'
}

# page_commands PAGE - the commands of the COMMANDS list (".It Cm NAME ..."
# or ".It Xo" then ".Cm NAME"); for user, "user VERB".
page_commands() {
	awk '
		/^\.Ss / { incmd = ($2 == "Commands") }
		!incmd { next }
		xo && /^\.Cm / { name = $2; xo = 0 }
		/^\.It Xo/ { xo = 1; next }
		/^\.It Cm / { name = $3; if (name == "user") name = "user " $4 }
		name != "" { print name; name = "" }
	' "$1"
}

compare_commands() {
	local page=$1 rc=0 c
	page_commands "$page" | LC_ALL=C sort >"$tmp/page.cmd"
	while IFS= read -r c; do
		grep -qxF "$c" "$tmp/page.cmd" ||
			{ echo "    \"$c\" is accepted by cibozer-admin, missing from the page"; rc=1; }
	done <"$tmp/prog.cmd"
	while IFS= read -r c; do
		grep -qxF "$c" "$tmp/prog.cmd" ||
			{ echo "    \"$c\" is on the page but cibozer-admin does not accept it"; rc=1; }
	done <"$tmp/page.cmd"
	return $rc
}

if program_commands | LC_ALL=C sort >"$tmp/prog.cmd" && [ -s "$tmp/prog.cmd" ]; then
	ncmd=$(wc -l <"$tmp/prog.cmd")
	if msgs=$(compare_commands "$tmp/pages/cibozer-admin.8"); then
		ok "cibozer-admin(8): all $ncmd commands and user verbs the program accepts, and no other"
	else
		bad "cibozer-admin(8) and the program's commands differ:"
		printf '%s\n' "$msgs"
	fi
else
	bad "could not read the commands of $admin"
fi

# --- 4. the checks fail on broken pages -------------------------------------------
# broken NAME SED-SCRIPT - a copy of the pages with PAGE edited by SED.
broken() {
	rm -f "$tmp/broken"/*
	cp "$tmp/pages"/* "$tmp/broken/"
	sed -i -e "$2" "$tmp/broken/$1"
}

broken cibozer.conf.5 '/^\.It Ic workers No/d'
if compare_settings "$tmp/broken/cibozer.conf.5" >/dev/null; then
	bad "a page without the setting workers passes the settings check"
else
	ok "the settings check fails on a page without the setting workers"
fi
broken cibozer.conf.5 '/^\.It Ic max_params No/,/^\.Ql/s/^\.Ql .*/.Ql 257 ./'
if compare_settings "$tmp/broken/cibozer.conf.5" >/dev/null; then
	bad "a page giving max_params the default 257 passes the settings check"
else
	ok "the settings check fails on a page giving max_params the default 257"
fi
broken cibozer.conf.5 '/^\.Sh ENVIRONMENT/i .It Ic no_such_setting No = Ar x\nThe default is empty.'
if compare_settings "$tmp/broken/cibozer.conf.5" >/dev/null; then
	bad "a page listing a setting the program lacks passes the settings check"
else
	ok "the settings check fails on a page listing a setting the program lacks"
fi
broken cibozer-admin.8 '/^\.It Cm purge/d'
if compare_commands "$tmp/broken/cibozer-admin.8" >/dev/null; then
	bad "a page without the command purge passes the commands check"
else
	ok "the commands check fails on a page without the command purge"
fi
broken cibozer-admin.8 '/^\.It Cm user unlock/d'
if compare_commands "$tmp/broken/cibozer-admin.8" >/dev/null; then
	bad "a page without user unlock passes the commands check"
else
	ok "the commands check fails on a page without user unlock"
fi
broken cibozer-render.8 's/^\.Sh SIGNALS$/.Sh SIGNALS\n.Xyz/'
if lint "$tmp/broken" >/dev/null 2>&1; then
	bad "a page with an unknown macro passes mandoc -Tlint"
else
	ok "the lint check fails on a page with an unknown macro"
fi

finish
