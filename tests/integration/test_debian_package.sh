#!/bin/bash
# test_debian_package.sh - debian/ builds into packages that a sysadmin
# installs, upgrades, removes and purges with apt, checked for real:
#
#   1. dpkg-buildpackage -us -uc -b (DEB_BUILD_OPTIONS="nocheck noddebs
#      parallel=2": the unit tests ran in scripts/test's own build, and no
#      debug symbol packages) in a copy of the
#      tree (the files git tracks or would track), so the repository stays
#      clean; the version is configure.ac's AC_INIT;
#   2. lintian on the .changes: its whole output is printed, no E: line;
#   3. the packages' file lists (programs, units, tmpfiles, man pages,
#      guide, nginx site and snippets, configuration, every file of
#      templates/, static/, sql/, data/), the configuration's mode in the
#      .deb, the conffiles, the maintainer scripts (sh -n; the guide's
#      adduser lines; only cibozer-fcgi and the timers are started);
#   4. a throwaway root: an overlay whose lower layer is this machine's /
#      and whose upper layer is a tmpfs, in a mount namespace of its own
#      (unshare), entered with chroot. In it the real apt installs the two
#      .debs (their dependencies are this machine's packages: nothing is
#      downloaded), so the real adduser, dpkg, deb-systemd-helper and
#      systemd-tmpfiles run the real maintainer scripts. Nothing of it
#      reaches the machine: the namespace's mounts die with it. No systemd
#      runs in the root (no /run/systemd/system), so, as in any chroot,
#      the units are enabled but not started.
#      Checked there: the system users; every /etc and /var path of the
#      guide's table "Users, directories and modes" with its owner and
#      mode; the units enabled; the installed programs run (versions, the
#      configuration read through the group cibozer and refused to
#      another user, cibozer-fcgi --check on the installed templates and
#      migrations, a two-second video (the shortest the 7-day fixture takes) by cibozer-render as cibozer into
#      the video directory, `cibozer-admin migrate` with the installed
#      migrations against the stack's database); the nginx site with its
#      snippets passes nginx -t once enabled; an upgrade to a higher
#      version (the same files repacked) keeps the administrator's edit of
#      the configuration and its modes, and a dpkg-statoverride;
#      remove keeps configuration, videos and users; purge removes all
#      files (configuration, site, videos, unit links) and keeps the users.
#
# Needs root, dpkg-buildpackage, debhelper and lintian (scripts/deps),
# unshare and nsenter (util-linux) and overlayfs; prints the time taken.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

((EUID == 0)) || skip "not root: the throwaway root needs mounts and chroot"
for c in dpkg-buildpackage dh lintian unshare nsenter chroot apt; do
	command -v "$c" >/dev/null || skip "$c is not installed (scripts/deps: debhelper, lintian)"
done
grep -qw overlay /proc/filesystems || modprobe overlay 2>/dev/null ||
	grep -qw overlay /proc/filesystems || skip "the kernel has no overlay filesystem"

T0=$SECONDS
SRC=$CZ_SRCDIR
GUIDE=$SRC/docs/operations.md
W=$(mktemp -d /tmp/cibozer-deb.XXXXXX) || exit 1
NSPID=""
cleanup() {
	# The namespace (and every mount of the throwaway root) ends with its
	# one process.
	if [[ -n $NSPID ]]; then
		kill "$NSPID" 2>/dev/null
		wait "$NSPID" 2>/dev/null
	fi
	rm -rf "$W"
}
trap cleanup EXIT

VERSION=$(sed -n 's/^AC_INIT(\[cibozer\], *\[\([^]]*\)\].*/\1/p' "$SRC/configure.ac")
ARCH=$(dpkg --print-architecture)

# --- 1. build ------------------------------------------------------------------
mkdir -p "$W/src"
if git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
	(cd "$SRC" && git ls-files -z --cached --others --exclude-standard |
		tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$W/src"
else
	tar -C "$SRC" --exclude='./build*' --exclude=./var --exclude=./static/vendor -cf - . | tar -xf - -C "$W/src"
fi
check "debian/changelog's version is configure.ac's ($VERSION)" \
	test "$(cd "$W/src" && dpkg-parsechangelog -S Version)" = "$VERSION"
t1=$SECONDS
if (cd "$W/src" && DEB_BUILD_OPTIONS="nocheck noddebs parallel=2" dpkg-buildpackage -us -uc -b) >"$W/build.log" 2>&1; then
	pass "dpkg-buildpackage -us -uc -b ($((SECONDS - t1)) s)"
else
	fail "dpkg-buildpackage -us -uc -b" "$(tail -n 40 "$W/build.log")"
	finish
fi
DEB=$W/cibozer_${VERSION}_$ARCH.deb
RDEB=$W/cibozer-render_${VERSION}_$ARCH.deb
check "the packages cibozer and cibozer-render are built" test -f "$DEB" -a -f "$RDEB"
[[ -f $DEB && -f $RDEB ]] || finish

# --- 2. lintian ----------------------------------------------------------------
t1=$SECONDS
lintian -I --fail-on error "$W/cibozer_${VERSION}_$ARCH.changes" >"$W/lintian.txt" 2>&1
lrc=$?
echo "---- lintian -I output ($((SECONDS - t1)) s, exit $lrc):"
sed 's/^/    /' "$W/lintian.txt"
echo "----"
check "lintian reports no error (E:) and exits 0" \
	test "$lrc" = 0 -a "$(grep -c '^E:' "$W/lintian.txt")" = 0

# --- 3. contents, conffiles, maintainer scripts ----------------------------------
# LIST: "mode owner/group /path" per entry; LIST.paths: the paths alone.
dpkg-deb -c "$DEB" | awk '{ print $1, $2, $6 }' | sed 's| \./| /|' >"$W/list"
dpkg-deb -c "$RDEB" | awk '{ print $1, $2, $6 }' | sed 's| \./| /|' >"$W/rlist"
awk '{ print $3 }' "$W/list" >"$W/list.paths"
awk '{ print $3 }' "$W/rlist" >"$W/rlist.paths"
missing=""
want() {	# LIST PATH... - each PATH is in LIST (a directory with its /)
	local l=$1 p
	shift
	for p; do
		grep -qxF -e "$p" -e "$p/" "$l.paths" || missing="$missing $p"
	done
}
want "$W/list" /usr/sbin/cibozer-fcgi /usr/bin/cibozer-admin /usr/lib/tmpfiles.d/cibozer.conf \
	/etc/cibozer/cibozer.conf /etc/nginx/sites-available/cibozer /usr/share/doc/cibozer/operations.md
want "$W/rlist" /usr/bin/cibozer-render
for f in "$SRC"/nginx/snippets/cibozer-*.conf; do want "$W/list" "/etc/nginx/snippets/${f##*/}"; done
for f in "$SRC"/systemd/*.service "$SRC"/systemd/*.timer; do
	case ${f##*/} in
	cibozer-render.*) want "$W/rlist" "/lib/systemd/system/${f##*/}" ;;
	*) want "$W/list" "/lib/systemd/system/${f##*/}" ;;
	esac
done
for f in "$SRC"/man/*.in; do
	f=${f##*/}
	f=${f%.in}
	case $f in
	cibozer-render.*) want "$W/rlist" "/usr/share/man/man${f##*.}/$f.gz" ;;
	*) want "$W/list" "/usr/share/man/man${f##*.}/$f.gz" ;;
	esac
done
while IFS= read -r f; do
	want "$W/list" "/usr/share/cibozer/$f"
done < <(cd "$W/src" && find templates static sql data -type f ! -name '.*')
check "the packages hold the programs, units, tmpfiles file, man pages, guide, nginx site and snippets, configuration and every file of templates/ static/ sql/ data/ ($(wc -l <"$W/list") + $(wc -l <"$W/rlist") entries)" \
	test "$(wc -w <<<"$missing")" = 0
[[ -z $missing ]] || echo "       missing ($(wc -w <<<"$missing")):$(printf ' %s' $missing | cut -c1-600)"
check "the configuration is -rw-r----- in a drwxr-x--- directory in the .deb" \
	grep -qx -- '-rw-r----- root/root /etc/cibozer/cibozer.conf' "$W/list"
check "the configuration directory is drwxr-x--- in the .deb" \
	grep -qx 'drwxr-x--- root/root /etc/cibozer/' "$W/list"

dpkg-deb -e "$DEB" "$W/ctl"
dpkg-deb -e "$RDEB" "$W/rctl"
check "conffiles: the configuration, the nginx site and its snippets" \
	test "$(sort "$W/ctl/conffiles")" = "$(printf '%s\n' /etc/cibozer/cibozer.conf /etc/nginx/sites-available/cibozer "$SRC"/nginx/snippets/cibozer-*.conf |
		sed 's|.*/nginx/snippets/|/etc/nginx/snippets/|' | sort)"
for s in "$W"/ctl/postinst "$W"/ctl/prerm "$W"/ctl/postrm "$W"/rctl/postinst "$W"/rctl/prerm "$W"/rctl/postrm; do
	[[ -f $s ]] && check "${s#"$W"/} is valid sh" sh -n "$s"
done
bad_adduser=""
while IFS= read -r line; do
	grep -qxF "	$line" "$W/ctl/postinst" || bad_adduser="$bad_adduser [$line]"
done < <(grep -h '^adduser ' "$GUIDE" | sort -u)
check "the postinst creates the accounts with the guide's adduser lines" test -z "$bad_adduser"
# Started (and restarted on upgrade) by the package: the responders and the
# timers; never a oneshot service (a render may last hours).
started=$(grep -hoE "deb-systemd-invoke (\\\$_dh_action|start) '.*" "$W/ctl/postinst" "$W/rctl/postinst" |
	grep -o "'[^']*'" | tr -d "'" | sort | tr '\n' ' ')
check "the postinsts start exactly cibozer-fcgi.service and the five timers ($started)" \
	test "$started" = "cibozer-backup.timer cibozer-cleanup.timer cibozer-fcgi.service cibozer-mail.timer cibozer-purge.timer cibozer-render.timer "
# An upgrade reloads the responders (no request refused) after the
# migrations, and never restarts them.
check "an upgrade reloads cibozer-fcgi after the migrations, never stops or restarts it" \
	bash -c 'grep -q "deb-systemd-invoke start cibozer-migrate.service" "$1" &&
		grep -q "deb-systemd-invoke reload cibozer-fcgi.service" "$1" &&
		test "$(grep -n "start cibozer-migrate" "$1" | cut -d: -f1)" -lt "$(grep -n "reload cibozer-fcgi" "$1" | cut -d: -f1)" &&
		! grep -Eq "deb-systemd-invoke (restart|try-restart|\\\$_dh_action).*cibozer-fcgi" "$1" &&
		! grep -qs "cibozer-fcgi" "$2"' _ "$W/ctl/postinst" "$W/ctl/preinst"

# --- 4. the throwaway root ---------------------------------------------------------
# A mount namespace held by one sleeping process; its mounts: a tmpfs with
# the overlay's upper layer, the overlay of / as the new root, /proc, /dev,
# and fresh /run and /tmp.
# $R is seen only inside the namespace: look at it with inroot or inns.
R=$W/ovl/root
mkdir -p "$W/ovl"
unshare --mount --propagation private sleep 3600 &
NSPID=$!
sleep 0.2
inns() { nsenter -t "$NSPID" -m -- "$@"; }
if ! inns sh -ec "
	mount -t tmpfs -o size=4g,mode=0755 cz-deb-upper '$W/ovl'
	mkdir -p '$W/ovl/upper' '$W/ovl/work' '$R'
	mount -t overlay cz-deb-root -o lowerdir=/,upperdir='$W/ovl/upper',workdir='$W/ovl/work' '$R'
	mount -t proc proc '$R/proc'
	mount --rbind /dev '$R/dev'
	mount -t tmpfs -o mode=0755 cz-deb-run '$R/run'
	mount -t tmpfs -o mode=1777 cz-deb-tmp '$R/tmp'
	mkdir -p '$R/tmp/debs'
	cp '$DEB' '$RDEB' '$R/tmp/debs/'
	chmod -R a+rX '$R/tmp/debs'
	# Speed only, in the throwaway root: no fsync per file, and no man-db
	# index rebuilt at every install and removal.
	echo force-unsafe-io >'$R/etc/dpkg/dpkg.cfg.d/cz-deb-test'
	rm -f '$R/var/lib/man-db/auto-update'" >"$W/mount.log" 2>&1; then
	fail "the throwaway root (overlay of / on a tmpfs in a mount namespace)" "$(cat "$W/mount.log")"
	finish
fi
# inroot CMD... - CMD in the throwaway root, with a clean environment.
inroot() {
	inns chroot "$R" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		LANG=C.UTF-8 HOME=/root DEBIAN_FRONTEND=noninteractive "$@"
}
# not CMD... - succeeds when CMD fails (for check).
not() { ! "$@"; }
# probe_isolated - a file made in the throwaway root does not appear here.
probe_isolated() { inroot touch /etc/cz-deb-probe && inroot test -e /etc/cz-deb-probe && test ! -e /etc/cz-deb-probe; }
check "the throwaway root is not this machine's (a file made in it is not here)" probe_isolated
# The root starts without Cibozer, even on a machine that has it.
if inroot dpkg-query -W cibozer >/dev/null 2>&1; then
	echo "       (this machine has a package cibozer: purged in the throwaway root first)"
	inroot apt-get purge -y -q cibozer-render cibozer >/dev/null 2>&1
fi
for u in cibozer-migrate cibozer; do
	if inroot getent passwd "$u" >/dev/null; then
		echo "       (this machine has a user $u: deleted in the throwaway root first)"
		inroot deluser --system "$u" >/dev/null 2>&1
	fi
done
inroot getent group cibozer >/dev/null && inroot delgroup --system cibozer >/dev/null 2>&1
check "the throwaway root has no package, user or group cibozer before the install" \
	not inroot sh -c 'dpkg-query -W cibozer || getent passwd cibozer || getent passwd cibozer-migrate || getent group cibozer'

t1=$SECONDS
if inroot sh -c 'cd /tmp/debs && apt install -y -q ./cibozer_*.deb ./cibozer-render_*.deb' >"$W/apt-install.log" 2>&1; then
	pass "apt install ./cibozer_*.deb ./cibozer-render_*.deb ($((SECONDS - t1)) s)"
else
	fail "apt install ./cibozer_*.deb ./cibozer-render_*.deb" "$(tail -n 30 "$W/apt-install.log")"
	finish
fi
check "apt downloaded nothing (every dependency is this machine's)" \
	not grep -Eq '^Get:[0-9]+ (https?|ftp):' "$W/apt-install.log"
check "dpkg: cibozer and cibozer-render installed" \
	test "$(inroot dpkg-query -W -f='${db:Status-Abbrev}|' cibozer cibozer-render)" = "ii |ii |"

# The accounts.
pw=$(inroot getent passwd cibozer)
mpw=$(inroot getent passwd cibozer-migrate)
gid=$(inroot getent group cibozer | cut -d: -f3)
IFS=: read -r _ _ uid ugid _ home shell <<<"$pw"
check "postinst made the system user cibozer (uid $uid < 1000, group cibozer, home /var/lib/cibozer, shell nologin)" \
	test -n "$pw" -a "${uid:-1000}" -lt 1000 -a "$ugid" = "$gid" -a "$home" = /var/lib/cibozer -a "$shell" = /usr/sbin/nologin
IFS=: read -r _ _ muid mgid _ mhome _ <<<"$mpw"
check "postinst made the system user cibozer-migrate (uid $muid < 1000, primary group cibozer)" \
	test -n "$mpw" -a "${muid:-1000}" -lt 1000 -a "$mgid" = "$gid" -a "$mhome" = /var/lib/cibozer
groups_of() { inroot id -nG "$1"; }
check "cibozer is not a member of www-data ($(groups_of cibozer))" not grep -qw www-data <<<"$(groups_of cibozer)"

# The guide's table: every /etc and /var path with its owner and mode.
# table_paths - rows "path<TAB>owner:group<TAB>mode" of the guide's table.
table_paths() {
	awk 'index($0, "| path | owner:group | mode | written by |") == 1 { on = 1; getline; next }
		on && !/^\|/ { exit }
		on { gsub(/`/, ""); sub(/^\| */, ""); sub(/ *\|$/, ""); gsub(/ *\| */, "\t"); print }' "$GUIDE"
}
table_check() {	# LABEL
	local path og mode _ v n=0 bad=""
	while IFS=$'\t' read -r path og mode _; do
		case $path in /etc/* | /var/*) ;; *) continue ;; esac
		n=$((n + 1))
		v=$(inroot stat -c '%U:%G %a' "$path" 2>&1)
		[[ $v == "$og ${mode#0}" ]] || bad="$bad [$path is $v, the guide says $og $mode]"
	done < <(table_paths)
	check "$1: the guide's $n /etc and /var paths have its owners and modes$bad" test -z "$bad" -a "$n" -ge 4
}
table_check "after install"
echo "       (the /run paths of the table are made by cibozer-fcgi.service when it starts, which needs a running systemd)"

same_tmpfiles() { inroot cat /usr/lib/tmpfiles.d/cibozer.conf | cmp - "$SRC/systemd/cibozer.tmpfiles"; }
check "the tmpfiles file installed is systemd/cibozer.tmpfiles" same_tmpfiles
enabled=$(inroot sh -c 'ls /etc/systemd/system/*.wants/ | grep "^cibozer" | sort | tr "\n" " "')
check "enabled: cibozer-fcgi.service and the timers, nothing else ($enabled)" \
	test "$enabled" = "cibozer-backup.timer cibozer-cleanup.timer cibozer-fcgi.service cibozer-mail.timer cibozer-purge.timer cibozer-render.timer "
check "cibozer-fcgi.service is wanted by multi-user.target" \
	inroot test -L /etc/systemd/system/multi-user.target.wants/cibozer-fcgi.service

# The installed programs run.
check "cibozer-fcgi --version says $VERSION" test "$(inroot /usr/sbin/cibozer-fcgi --version 2>&1)" = "cibozer-fcgi $VERSION"
# output_has PATTERN CMD... - CMD's output (stdout and stderr) has a line
# matching the extended regular expression PATTERN.
output_has() {
	local re=$1 out
	shift
	out=$("$@" 2>&1) || true
	grep -Eq -- "$re" <<<"$out" || { printf '%s\n' "$out" | head -n 20; return 1; }
}
check "cibozer-admin --help lists migrate" output_has '^  migrate' inroot cibozer-admin --help
check "cibozer-render --help" output_has '^usage: cibozer-render' inroot cibozer-render --help
check "cibozer-render --list-presets" output_has '^tiktok ' inroot cibozer-render --list-presets
check "user cibozer reads the configuration (cibozer-admin config shows its base_url)" \
	output_has '^base_url = https://cibozer.example.com$' inroot runuser -u cibozer -- cibozer-admin config
check "another user (nobody) cannot read the configuration" \
	not inroot runuser -u nobody -- cibozer-admin config
check "cibozer-fcgi --check as cibozer: the installed configuration, templates and migrations are valid" \
	inroot runuser -u cibozer -- /usr/sbin/cibozer-fcgi --check
inroot sh -c 'cat >/tmp/plan.json' <"$SRC/tests/render/plan-standard-2000.json"
check "cibozer-render as cibozer makes a two-second video in /var/lib/cibozer/videos" \
	inroot runuser -u cibozer -- cibozer-render --plan /tmp/plan.json --preset instagram \
	--out /var/lib/cibozer/videos/t --seconds 2 --mp4-only --silent
check "the video is cibozer:www-data (the setgid directory's group, for nginx)" \
	test "$(inroot stat -c %U:%G /var/lib/cibozer/videos/t/video.mp4 2>&1)" = cibozer:www-data
# Over TCP: the stack's socket directory (under this machine's /tmp) is
# not in the throwaway root.
owner_tcp="host=127.0.0.1 port=$CZ_PG_PORT dbname=cibozer user=cibozer"
check "cibozer-admin migrate (the guide's one command) with the installed migrations against the stack's database" \
	inroot CIBOZER_OWNER_DATABASE_URL="$owner_tcp" CIBOZER_DATABASE_URL="$owner_tcp" cibozer-admin migrate
check "cibozer-admin migrate --status: the database is at the installed migrations' version" \
	inroot CIBOZER_OWNER_DATABASE_URL="$owner_tcp" CIBOZER_DATABASE_URL="$owner_tcp" cibozer-admin migrate --status

# The nginx site, enabled as the guide says, with a certificate at its paths.
if inroot sh -ec 'install -d /etc/ssl/cibozer
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=cibozer.example.com -keyout /etc/ssl/cibozer/privkey.pem -out /etc/ssl/cibozer/fullchain.pem 2>/dev/null
	ln -s ../sites-available/cibozer /etc/nginx/sites-enabled/cibozer' >"$W/site.log" 2>&1; then
	check "nginx -t with the packaged site and snippets enabled" inroot nginx -t
else
	fail "enabling the site in the throwaway root" "$(cat "$W/site.log")"
fi

# --- upgrade: the same files as version VERSION+t1 -----------------------------------
NEXT=$VERSION+t1
repack() {	# DEB OUT
	rm -rf "$W/re" && dpkg-deb -R "$1" "$W/re" &&
		sed -i -e "s/^Version: .*/Version: $NEXT/" -e "s/cibozer (= $VERSION)/cibozer (= $NEXT)/" "$W/re/DEBIAN/control" &&
		dpkg-deb -b "$W/re" "$2" >/dev/null
}
repack "$DEB" "$W/cibozer_${NEXT}_$ARCH.deb" && repack "$RDEB" "$W/cibozer-render_${NEXT}_$ARCH.deb" &&
	inns cp "$W/cibozer_${NEXT}_$ARCH.deb" "$W/cibozer-render_${NEXT}_$ARCH.deb" "$R/tmp/debs/"
inroot sh -c 'echo "site_name = Kitchen of the test" >>/etc/cibozer/cibozer.conf'
uid0=$uid
t1=$SECONDS
if inroot sh -c "cd /tmp/debs && apt install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold ./cibozer_${NEXT}_$ARCH.deb ./cibozer-render_${NEXT}_$ARCH.deb" >"$W/apt-upgrade.log" 2>&1; then
	pass "upgrade to $NEXT with apt install ($((SECONDS - t1)) s)"
else
	fail "upgrade to $NEXT with apt install" "$(tail -n 30 "$W/apt-upgrade.log")"
fi
check "after the upgrade: $NEXT installed" test "$(inroot dpkg-query -W -f='${Version}' cibozer)" = "$NEXT"
check "after the upgrade: the administrator's line in cibozer.conf is kept" \
	inroot grep -qx 'site_name = Kitchen of the test' /etc/cibozer/cibozer.conf
check "after the upgrade: user cibozer has the same uid ($uid0)" test "$(inroot id -u cibozer)" = "$uid0"
table_check "after the upgrade"
# The administrator's dpkg-statoverride wins over the postinst's modes.
inroot dpkg-statoverride --add root cibozer 0440 /etc/cibozer/cibozer.conf
inroot chmod 0440 /etc/cibozer/cibozer.conf
inroot dpkg-reconfigure cibozer >"$W/reconfigure.log" 2>&1
check "postinst (dpkg-reconfigure) keeps a dpkg-statoverride of the configuration (0440)" \
	test "$(inroot stat -c %a /etc/cibozer/cibozer.conf)" = 440
inroot dpkg-statoverride --remove /etc/cibozer/cibozer.conf
inroot dpkg-reconfigure cibozer >>"$W/reconfigure.log" 2>&1
check "without it, postinst puts the table's mode back (0640)" \
	test "$(inroot stat -c %a /etc/cibozer/cibozer.conf)" = 640

# --- remove, then purge ------------------------------------------------------------
if inroot apt-get remove -y -q cibozer-render cibozer >"$W/apt-remove.log" 2>&1; then
	pass "apt-get remove cibozer-render cibozer"
else
	fail "apt-get remove cibozer-render cibozer" "$(tail -n 20 "$W/apt-remove.log")"
fi
check "after remove: the programs are gone" inroot test ! -e /usr/sbin/cibozer-fcgi -a ! -e /usr/bin/cibozer-render
check "after remove: configuration, videos and users are kept" \
	inroot test -f /etc/cibozer/cibozer.conf -a -f /var/lib/cibozer/videos/t/video.mp4 -a "$(inroot id -u cibozer)" = "$uid0"
if inroot apt-get purge -y -q cibozer-render cibozer >"$W/apt-purge.log" 2>&1; then
	pass "apt-get purge cibozer-render cibozer"
else
	fail "apt-get purge cibozer-render cibozer" "$(tail -n 20 "$W/apt-purge.log")"
fi
# known PKG - dpkg has PKG installed or its configuration (ii, rc, ...).
known() { inroot dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^[a-z][^n]'; }
check "after purge: dpkg has neither package, not even its configuration" not known cibozer
check "after purge: (cibozer-render neither)" not known cibozer-render
left=""
for p in /etc/cibozer /etc/nginx/sites-available/cibozer /etc/nginx/sites-enabled/cibozer /etc/nginx/snippets/cibozer-log.conf \
	/var/lib/cibozer /usr/share/cibozer /usr/lib/tmpfiles.d/cibozer.conf /lib/systemd/system/cibozer-fcgi.service; do
	if inroot test -e "$p" -o -L "$p"; then left="$left $p"; fi
done
check "after purge: configuration, nginx site (and its enabling link), videos, data and units are gone" test -z "$left"
[[ -z $left ]] || echo "       left:$left"
links=$(inroot sh -c 'ls /etc/systemd/system/*.wants/ 2>/dev/null | grep "^cibozer"')
check "after purge: no unit is enabled any more" test -z "$links"
owned=$(inroot find /etc /var /run /srv /opt -xdev -uid "$uid0" 2>/dev/null | head -5)
check "after purge: no file of the user cibozer is left in /etc /var /run /srv /opt" test -z "$owned"
check "after purge: nginx -t still passes" inroot nginx -t
check "after purge: the backups directory is kept (the operator's copies)" inroot test -d /var/backups/cibozer
check "after purge: the users cibozer and cibozer-migrate are kept (Debian practice; the guide says how to delete them)" \
	inroot sh -c 'id cibozer && id cibozer-migrate'

echo "time: $((SECONDS - T0)) s"
finish
