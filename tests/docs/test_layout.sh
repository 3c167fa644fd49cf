#!/bin/bash
# test_layout.sh - one truth about users, directories and modes: the table
# "Users, directories and modes" of docs/operations.md against the units
# in systemd/, systemd/cibozer.tmpfiles, and the commands in README.md and
# the guide. Run by make check; needs no running systemd.
#
# The guide has two tables: paths (path, owner:group, mode, written by) and
# units (unit, User, Group, UMask, ReadWritePaths). Checked:
#   - every systemd/*.service is in the units table and the other way
#     round, with the same User=, Group=, UMask= and ReadWritePaths=;
#   - no unit has StateDirectory=, RuntimeDirectory=, LogsDirectory=,
#     CacheDirectory= or ConfigurationDirectory= (systemd would chown them
#     to User:Group, taking www-data's group away);
#   - every unit named in a path's "written by" may write it (the path or
#     a parent in its ReadWritePaths=);
#   - every `install -d/-o/-g/-m` of a table path, in the units'
#     ExecStartPre= lines, README.md and the guide, gives the table's owner,
#     group and mode; spawn-fcgi's socket and -M mode are the table's;
#   - every path under /var in the table has a line in cibozer.tmpfiles with
#     the table's mode, user and group, and the file has no other; as root,
#     systemd-tmpfiles --root really makes them so in a scratch root;
#   - README.md and the guide create accounts with adduser only, with the
#     guide's own lines;
#   - the same checks fail on copies broken on purpose (a unit's UMask, a
#     mode in the guide, a tmpfiles mode, a useradd line).
#
# Environment: CZ_TOP_SRCDIR (set by make check; default: the tree this
# script is in). Prints one line per check and "N passed, M failed"; exits 1
# on a failure.
set -u

srcdir=${CZ_TOP_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}

pass=0
fail=0
ok()  { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# table FILE HEADER - the rows of the markdown table whose header line
# starts with HEADER, as tab-separated fields without backticks.
table() {
	awk -v h="$2" '
		index($0, h) == 1 { on = 1; getline; next }
		on && !/^\|/ { exit }
		on {
			gsub(/`/, ""); sub(/^\| */, ""); sub(/ *\|$/, "")
			gsub(/ *\| */, "\t"); print }' "$1"
}

# directive UNIT KEY - the values of KEY= in UNIT, one a line.
directive() {
	sed -n "s/^$2=//p" "$1"
}

# check_tree DIR - all checks on DIR/{docs/operations.md,README.md,systemd/};
# prints what is wrong, returns 1 if anything is.
check_tree() {
	local d=$1 guide=$1/docs/operations.md rc=0
	local unit name user group umask rwp rows v path og mode by want u p found i words
	local -A prow=() seen=()

	table "$guide" "| path | owner:group | mode | written by |" >"$tmp/paths"
	table "$guide" "| unit | User | Group | UMask | ReadWritePaths |" >"$tmp/units"
	[ -s "$tmp/paths" ] || { echo "    no paths table in $guide"; return 1; }
	[ -s "$tmp/units" ] || { echo "    no units table in $guide"; return 1; }
	while IFS=$'\t' read -r path og mode by; do
		prow[$path]="$og $mode"
	done <"$tmp/paths"

	# The units against the units table.
	for unit in "$d"/systemd/*.service; do
		name=$(basename "$unit")
		seen[$name]=1
		rows=$(awk -F'\t' -v n="$name" '$1 == n' "$tmp/units")
		if [ -z "$rows" ]; then
			echo "    $name is not in the guide's units table"
			rc=1
			continue
		fi
		IFS=$'\t' read -r _ user group umask rwp <<<"$rows"
		[ "$rwp" != none ] || rwp=""
		v=$(directive "$unit" User)
		[ "$v" = "$user" ] || { echo "    $name: User=$v, the guide says $user"; rc=1; }
		v=$(directive "$unit" Group)
		[ "$v" = "$group" ] || { echo "    $name: Group=$v, the guide says $group"; rc=1; }
		v=$(directive "$unit" UMask)
		[ "$v" = "$umask" ] || { echo "    $name: UMask=$v, the guide says $umask"; rc=1; }
		v=$(directive "$unit" ReadWritePaths | tr ' ' '\n' | grep . | sort | tr '\n' ' ')
		want=$(printf '%s\n' $rwp | grep . | sort | tr '\n' ' ')
		[ "$v" = "$want" ] || { echo "    $name: ReadWritePaths=${v% }, the guide says ${want% }"; rc=1; }
		v=$(grep -E '^(StateDirectory|RuntimeDirectory|LogsDirectory|CacheDirectory|ConfigurationDirectory)=' "$unit")
		[ -z "$v" ] || { echo "    $name: $v (systemd would chown it to User:Group)"; rc=1; }
	done
	while IFS=$'\t' read -r name _; do
		[ -n "${seen[$name]:-}" ] || { echo "    $name is in the guide's units table but not in systemd/"; rc=1; }
	done <"$tmp/units"

	# Who writes a path may write it.
	while IFS=$'\t' read -r path og mode by; do
		for u in $(printf '%s\n' "$by" | grep -o 'cibozer-[a-z]*\.service'); do
			rwp=$(awk -F'\t' -v n="$u" '$1 == n { print $5 }' "$tmp/units")
			found=no
			for p in $rwp; do
				case $path/ in "$p"/*) found=yes ;; esac
			done
			[ $found = yes ] || { echo "    $path is written by $u, whose ReadWritePaths ($rwp) do not include it"; rc=1; }
		done
	done <"$tmp/paths"

	# install commands naming a table path: units, README, guide. The
	# command ends at the line's end, a comment, ";", "&&" or a backtick;
	# its last word is the path it makes.
	grep -h -o 'install .*-m [0-7]* .*' "$d"/systemd/*.service "$d/README.md" "$guide" |
		sed 's/ #.*//; s/;.*//; s/&&.*//; s/`.*//' | sort -u >"$tmp/installs"
	while read -r -a words; do
		path=${words[${#words[@]} - 1]}
		og=""
		mode=""
		for ((i = 1; i < ${#words[@]} - 1; i++)); do
			case ${words[i]} in
			-o) og=${words[i + 1]}$og ;;
			-g) og=$og:${words[i + 1]} ;;
			-m) mode=${words[i + 1]} ;;
			esac
		done
		[ -n "${prow[$path]:-}" ] || continue
		[ "$og $mode" = "${prow[$path]}" ] ||
			{ echo "    \"${words[*]}\" makes $path $og $mode, the table says ${prow[$path]}"; rc=1; }
	done <"$tmp/installs"

	# spawn-fcgi's socket.
	v=$(grep -ho 'spawn-fcgi .*' "$d"/systemd/cibozer-fcgi.service)
	path=$(printf '%s\n' "$v" | sed -n 's/.* -s \([^ ]*\).*/\1/p')
	mode=$(printf '%s\n' "$v" | sed -n 's/.* -M \([0-7]*\).*/\1/p')
	if [ -z "${prow[$path]:-}" ]; then
		echo "    the socket $path of cibozer-fcgi.service is not in the table"
		rc=1
	elif [ "${prow[$path]#* }" != "$mode" ]; then
		echo "    spawn-fcgi -M $mode for $path, the table says ${prow[$path]#* }"
		rc=1
	fi

	# tmpfiles: the table's /var paths, and only those.
	awk '$1 == "d" { print $2 "\t" $4 ":" $5 " " $3 }' "$d/systemd/cibozer.tmpfiles" >"$tmp/tmpfiles"
	while IFS=$'\t' read -r path og mode by; do
		case $path in /var/*) ;; *) continue ;; esac
		v=$(awk -F'\t' -v p="$path" '$1 == p { print $2 }' "$tmp/tmpfiles")
		[ "$v" = "$og $mode" ] || { echo "    cibozer.tmpfiles gives $path \"${v:-nothing}\", the table $og $mode"; rc=1; }
	done <"$tmp/paths"
	while IFS=$'\t' read -r path v; do
		[ -n "${prow[$path]:-}" ] || { echo "    cibozer.tmpfiles makes $path, which the table does not name"; rc=1; }
	done <"$tmp/tmpfiles"

	# Accounts: adduser only, with the guide's own lines.
	if grep -n 'useradd' "$d/README.md" "$guide" >"$tmp/useradd"; then
		echo "    useradd (the guide uses adduser): $(head -1 "$tmp/useradd")"
		rc=1
	fi
	grep -h '^adduser ' "$guide" | sort -u >"$tmp/adduser.guide"
	while IFS= read -r v; do
		grep -qxF "$v" "$tmp/adduser.guide" || { echo "    README.md: \"$v\" is not the guide's"; rc=1; }
	done < <(grep -h '^adduser ' "$d/README.md")
	return $rc
}

mkdir -p "$tmp/tree/docs" "$tmp/tree/systemd"
copy_tree() {
	rm -rf "$tmp/tree"
	mkdir -p "$tmp/tree/docs" "$tmp/tree/systemd"
	cp "$srcdir/docs/operations.md" "$tmp/tree/docs/"
	cp "$srcdir/README.md" "$tmp/tree/"
	cp "$srcdir"/systemd/* "$tmp/tree/systemd/"
}

if msgs=$(check_tree "$srcdir"); then
	ok "units, cibozer.tmpfiles, README.md and docs/operations.md agree with the guide's tables ($(table "$srcdir/docs/operations.md" "| path | owner:group | mode | written by |" | wc -l) paths, $(ls "$srcdir"/systemd/*.service | wc -l) units)"
else
	bad "the units, cibozer.tmpfiles, README.md or the guide disagree with the guide's tables:"
	printf '%s\n' "$msgs"
fi

# The tmpfiles file, applied by the real systemd-tmpfiles to a scratch root
# whose passwd and group name the accounts (chown needs root).
if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: systemd-tmpfiles --root: not root, cannot chown (the file was checked as text above)"
elif ! command -v systemd-tmpfiles >/dev/null 2>&1; then
	echo "SKIP: systemd-tmpfiles is not installed (the file was checked as text above)"
else
	root=$tmp/root
	mkdir -p "$root/etc"
	printf 'root:x:0:0::/root:/bin/sh\ncibozer:x:990:990::/var/lib/cibozer:/usr/sbin/nologin\nwww-data:x:33:33::/var/www:/usr/sbin/nologin\n' >"$root/etc/passwd"
	# The backups' owner (cibozer-backup.service).
	printf 'cibozer-migrate:x:991:990::/var/lib/cibozer:/usr/sbin/nologin\n' >>"$root/etc/passwd"
	printf 'root:x:0:\ncibozer:x:990:\nwww-data:x:33:\n' >"$root/etc/group"
	if ! out=$(systemd-tmpfiles --root="$root" --create "$srcdir/systemd/cibozer.tmpfiles" 2>&1); then
		bad "systemd-tmpfiles --create cibozer.tmpfiles failed: $out"
	else
		msgs=""
		while IFS=$'\t' read -r path og mode by; do
			case $path in /var/*) ;; *) continue ;; esac
			v=$(stat -c '%u:%g %a' "$root$path" 2>&1)
			v=${v//991/cibozer-migrate}
			v=${v//990/cibozer}
			v=${v//33/www-data}
			v=$(printf '%s\n' "$v" | sed 's/^0:/root:/; s/:0 /:root /')
			# stat prints 2750 as 2750 and 755 as 755.
			[ "$v" = "$og ${mode#0}" ] || msgs="$msgs    $path is $v after systemd-tmpfiles, the table says $og $mode"$'\n'
		done < <(table "$srcdir/docs/operations.md" "| path | owner:group | mode | written by |")
		if [ -z "$msgs" ]; then
			ok "systemd-tmpfiles --root makes the table's /var directories with its owners and modes"
		else
			bad "systemd-tmpfiles made other owners or modes:"
			printf '%s' "$msgs"
		fi
	fi
fi

# The checks fail on broken copies.
broken() {	# FILE SED-SCRIPT DESCRIPTION
	copy_tree
	sed -i -e "$2" "$tmp/tree/$1"
	if cmp -s "$tmp/tree/$1" "$srcdir/$1"; then
		bad "the sed script for \"$3\" changed nothing in $1"
	elif msgs=$(check_tree "$tmp/tree"); then
		bad "the check passes $3"
	else
		ok "the check fails on $3:$(printf '%s\n' "$msgs" | head -1 | sed 's/^ */ /')"
	fi
}
broken systemd/cibozer-render.service 's/^UMask=.*/UMask=0022/' "a renderer unit with UMask=0022"
broken systemd/cibozer-fcgi.service 's|^ReadWritePaths=.*|ReadWritePaths=/run/cibozer|' "a responder unit without the video directory in ReadWritePaths"
broken systemd/cibozer-cleanup.service 's/^User=.*/User=root/' "a cleanup unit run as root"
broken systemd/cibozer-purge.service 's|^ReadWritePaths=.*|ReadWritePaths=/var/lib/cibozer/videos\nStateDirectory=cibozer/videos|' "a unit with StateDirectory="
broken systemd/cibozer-fcgi.service 's/-M 0660/-M 0666/' "a socket of mode 0666"
broken systemd/cibozer-fcgi.service 's/-m 2750 \/run\/cibozer/-m 0755 \/run\/cibozer/' "a socket directory made 0755 by ExecStartPre"
broken systemd/cibozer.tmpfiles 's/^d \(.*videos *\) 2750/d \1 0755/' "cibozer.tmpfiles making the video directory 0755"
broken docs/operations.md 's/^install -d -o root -g cibozer -m 0750 \/etc\/cibozer/install -d -o root -g root -m 0755 \/etc\/cibozer/' "a guide whose install command makes /etc/cibozer root:root 0755"
broken docs/operations.md 's/^install -o root -g cibozer -m 0640 cibozer.conf/install -o root -g cibozer -m 0644 cibozer.conf/' "a guide installing the configuration file world-readable"
broken docs/operations.md 's/^| `\/var\/lib\/cibozer\/videos` | `cibozer:www-data` | `2750`/| `\/var\/lib\/cibozer\/videos` | `cibozer:cibozer` | `0755`/' "a guide whose table makes the videos cibozer:cibozer 0755"
broken README.md 's/^adduser --system --group .*/useradd --system --home-dir \/var\/lib\/cibozer cibozer/' "a README creating the user with useradd"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
