#!/bin/bash
# test_video_modes.sh - the video directory's owner, group, mode and the
# renderer's umask, as shipped (systemd/cibozer.tmpfiles and
# cibozer-render.service), let nginx read every file a real render writes
# and no other local user read any. Root only (it switches users); needs no
# stack, so it also runs alone:
#   CZ_SRCDIR=. CZ_BUILD_DIR=/path/to/build tests/integration/test_video_modes.sh
#
#   1. a directory made as cibozer.tmpfiles makes video_dir (its mode, and
#      its group www-data), owned by the renderer's stand-in (nobody);
#   2. cibozer-render, as that user with the unit's UMask=, renders a 2 s
#      tiktok video into it (the real program: mkdtemp, hls/, rename);
#   3. www-data can list the job's directory and read every file;
#   4. another user (uid 4242, no groups) can read none and cannot list the
#      video directory;
#   5. the same render with UMask=0077, and into a directory of the
#      renderer's own group (nobody:nogroup 0750),
#      fails check 3: the check can fail;
#   6. a render written in a render directory made as cibozer.tmpfiles
#      makes videos-tmp (render_tmp_dir: outside the served directory) and
#      renamed into video_dir is readable by www-data too (the setgid
#      bit gives it the group), and nothing is left in that directory.
set -u

srcdir=${CZ_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${CZ_BUILD_DIR:-$srcdir}
render=$builddir/render/cibozer-render
plan=$srcdir/tests/render/plan-standard-2000.json

pass=0
fail=0
ok()  { pass=$((pass + 1)); echo "ok   - $*"; }
bad() { fail=$((fail + 1)); echo "FAIL - $*"; }
skip() { echo "skip: $*"; exit 77; }

[ "$(id -u)" -eq 0 ] || skip "not root: switching to the renderer's and nginx's users needs root"
[ -x "$render" ] || skip "$render is not built"
getent group www-data >/dev/null || skip "no group www-data (Debian's nginx user)"
getent passwd nobody >/dev/null || skip "no user nobody"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] ||
	skip "the DejaVu fonts are not installed (package fonts-dejavu-core)"

# The shipped values.
read -r mode group < <(awk '$1 == "d" && $2 ~ /\/videos$/ { print $3, $5 }' "$srcdir/systemd/cibozer.tmpfiles")
read -r tmode tgroup < <(awk '$1 == "d" && $2 ~ /\/videos-tmp$/ { print $3, $5 }' "$srcdir/systemd/cibozer.tmpfiles")
umask_unit=$(sed -n 's/^UMask=//p' "$srcdir/systemd/cibozer-render.service")
if [ -z "${mode:-}" ] || [ -z "${group:-}" ] || [ -z "$umask_unit" ]; then
	bad "no video directory line in cibozer.tmpfiles or no UMask= in cibozer-render.service"
	echo "$pass passed, $fail failed"
	exit 1
fi
echo "shipped: video directory mode $mode group $group, renderer UMask=$umask_unit"

tmp=$(mktemp -d /tmp/cibozer-video-modes.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
# Copies every user can read, wherever the trees are.
cp "$render" "$tmp/cibozer-render"
cp "$plan" "$tmp/plan.json"
chmod 755 "$tmp/cibozer-render"
chmod 644 "$tmp/plan.json"

# render_into DIR OWNER:GROUP MODE UMASK - makes DIR so, renders job 1 in
# it as nobody with UMASK; prints the error on failure.
render_into() {
	install -d -o "${2%%:*}" -g "${2##*:}" -m "$3" "$1" || return 1
	runuser -u nobody -- /bin/sh -c "umask $4 && exec '$tmp/cibozer-render' \
		--plan '$tmp/plan.json' --preset tiktok --seconds 2 --out '$1/1'" \
		>"$tmp/render.out" 2>&1 || { cat "$tmp/render.out"; return 1; }
}

# readable_by USER DIR - USER can list DIR/1 and read each file under it.
readable_by() {
	local n
	n=$(runuser -u "$1" -- find "$2/1" -type f 2>/dev/null | wc -l)
	[ "$n" -ge 3 ] || { echo "$1 sees $n files under $2/1"; return 1; }
	runuser -u "$1" -- find "$2/1" -type f -exec cat {} + >/dev/null 2>"$tmp/read.err" ||
		{ head -3 "$tmp/read.err"; return 1; }
}

# unreadable_by_stranger DIR - uid 4242 without groups can neither list DIR
# nor read any file under it.
unreadable_by_stranger() {
	local f
	if setpriv --reuid=4242 --regid=4242 --clear-groups ls "$1" >/dev/null 2>&1; then
		echo "a stranger can list $1"
		return 1
	fi
	while IFS= read -r f; do
		if setpriv --reuid=4242 --regid=4242 --clear-groups cat "$f" >/dev/null 2>&1; then
			echo "a stranger can read $f"
			return 1
		fi
	done < <(find "$1" -type f)
}

v=$tmp/videos
if out=$(render_into "$v" "nobody:$group" "$mode" "$umask_unit"); then
	ok "cibozer-render writes a video into a $mode nobody:$group directory with UMask=$umask_unit ($(find "$v/1" -type f | wc -l) files)"
	if out=$(readable_by www-data "$v"); then
		ok "www-data (nginx) lists the job's directory and reads every file ($(stat -c '%A %U:%G' "$v/1/video.mp4") video.mp4)"
	else
		bad "www-data cannot read the video: $out"
	fi
	if out=$(unreadable_by_stranger "$v"); then
		ok "another local user can neither list the video directory nor read a file"
	else
		bad "$out"
	fi
	leftover=$(find "$v" -maxdepth 1 -name '.tmp-render-*' | wc -l)
	[ "$leftover" -eq 0 ] && ok "no temporary directory left" || bad "$leftover .tmp-render-* left"
else
	bad "cibozer-render failed in the shipped video directory: $out"
fi

# Through the render directory, as --queue renders (render_tmp_dir).
v=$tmp/q/videos
rt=$tmp/q/videos-tmp
install -d -m 755 "$tmp/q"
if [ -z "${tmode:-}" ] || [ -z "${tgroup:-}" ]; then
	bad "no videos-tmp line in cibozer.tmpfiles"
elif install -d -o nobody -g "$tgroup" -m "$tmode" "$rt" &&
	install -d -o nobody -g "$group" -m "$mode" "$v" &&
	runuser -u nobody -- /bin/sh -c "umask $umask_unit && exec '$tmp/cibozer-render' \
		--plan '$tmp/plan.json' --preset tiktok --seconds 2 --tmp-dir '$rt' --out '$v/1'" \
		>"$tmp/render.out" 2>&1; then
	if out=$(readable_by www-data "$v"); then
		ok "rendered in a $tmode nobody:$tgroup render directory and renamed into video_dir: www-data reads every file"
	else
		bad "www-data cannot read a video rendered through the render directory: $out"
	fi
	[ -z "$(ls -A "$rt")" ] && ok "nothing left in the render directory" ||
		bad "left in the render directory: $(ls -A "$rt")"
	if setpriv --reuid=33 --regid=33 --clear-groups ls "$rt" >/dev/null 2>&1; then
		bad "www-data can list the render directory (renders in progress)"
	else
		ok "nobody else, www-data included, can list the render directory"
	fi
else
	bad "cibozer-render --tmp-dir failed: $(cat "$tmp/render.out")"
fi

# The check can fail.
v=$tmp/videos-0077
if out=$(render_into "$v" "nobody:$group" "$mode" 0077); then
	if readable_by www-data "$v" >/dev/null; then
		bad "www-data reads a video written with UMask=0077: the check cannot fail"
	else
		ok "with UMask=0077 www-data cannot read the video (the check can fail)"
	fi
else
	bad "cibozer-render failed with UMask=0077: $out"
fi
v=$tmp/videos-own-group
if out=$(render_into "$v" "nobody:nogroup" 0750 "$umask_unit"); then
	if readable_by www-data "$v" >/dev/null; then
		bad "www-data reads a video in a nobody:nogroup 0750 directory: the check cannot fail"
	else
		ok "in a directory of the renderer's own group (0750) www-data cannot read the video (the check can fail)"
	fi
else
	bad "cibozer-render failed in a nobody:nogroup 0750 directory: $out"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
