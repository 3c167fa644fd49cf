#!/bin/bash
# test_reload.sh - zero-downtime reloads and upgrades of the responder pool
# (fcgi/pool.c, fcgi/reload.c, fcgi/upgrade.c) under a light concurrent
# load: SIGHUP serves a changed template from new workers and retires the
# old ones; a broken template or configuration is refused with a log line
# naming the file while the old content keeps being served; SIGUSR2 (and
# SIGHUP after the program file was replaced) re-executes the program in
# place, same pid and socket, new workers; a program that cannot start is
# refused. No request of the load fails, and no worker or descriptor is
# left behind.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

command -v wrk >/dev/null || skip "wrk is not installed"
tmp=$(_cz_tmp)
chmod 755 "$tmp" "$(dirname "$tmp")"
sup=$(pool_pid) || { fail "the pool runs"; finish; }
config_saved=$tmp/cibozer.conf.saved
fcgi_saved=$tmp/cibozer-fcgi.saved
cp -p "$CZ_CONFIG" "$config_saved"
cp -p "$CZ_FCGI" "$fcgi_saved"

# Whatever happens, the stack is left as it was: configuration, program,
# and a freshly started pool.
restore() {
	[[ -f $stopfile ]] || touch "$stopfile"
	cp -p "$config_saved" "$CZ_CONFIG"
	cmp -s "$fcgi_saved" "$CZ_FCGI" || { cp -p "$fcgi_saved" "$CZ_FCGI.new" && mv -f "$CZ_FCGI.new" "$CZ_FCGI"; }
	pool_stop >/dev/null 2>&1
	pool_start >/dev/null 2>&1 || echo "# warning: the pool did not start again" >&2
}
stopfile=$tmp/stop
trap restore EXIT

# A copy of the templates the test may edit, readable by the pool's user.
cp -R "$CZ_SRCDIR/templates" "$tmp/templates"
chmod -R a+rX "$tmp/templates"
about=$tmp/templates/pages/about.mustache
about_orig=$tmp/about.orig
cp "$about" "$about_orig"
mark() { # mark WORD - the about page carries WORD
	sed "s|<h1>About|<h1 data-reload=\"$1\">About|" "$about_orig" >"$about.tmp" && mv -f "$about.tmp" "$about"
	chmod a+r "$about"
}
sed -i "s|^template_dir = .*|template_dir = $tmp/templates|" "$CZ_CONFIG"

workers() { pgrep -P "$sup" -f cibozer-fcgi | sort; }
nworkers() { workers | wc -l; }
full_new() { # full_new OLDPIDS - exactly CZ_WORKERS workers, none of OLDPIDS
	local w
	w=$(workers)
	[[ $(wc -l <<<"$w") -eq $CZ_WORKERS ]] || return 1
	[[ -z $(comm -12 <(printf '%s\n' $1 | sort) <(printf '%s\n' $w)) ]]
}
about_has() { curl -s "$CZ_BASE_URL/about" | grep "data-reload=\"$1\"" >/dev/null; }
logged() { # logged START-LINE PATTERN - PATTERN in the pool log after line START
	tail -n +"$1" "$CZ_POOL_LOG" | grep -- "$2" >/dev/null
}
loglines() { wc -l <"$CZ_POOL_LOG"; }
fds() { ls "/proc/$sup/fd" | wc -l; }

check "the pool runs $CZ_WORKERS workers" wait_until 5 test "$(nworkers)" -eq "$CZ_WORKERS"
fds0=$(fds)
log0=$(($(loglines) + 1))

# The first reload picks up the copied templates (marked "A").
mark A
kill -HUP "$sup"
check "after SIGHUP the reloaded template is served" wait_until 5 about_has A

# --- the load: wrk on three pages and a curl loop, for the whole test ------
cat >"$tmp/mix.lua" <<'LUA'
local paths = {"/about", "/", "/health/live", "/terms", "/about"}
local i = 0
request = function()
	i = i + 1
	return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
# wrk in 3-second runs until the test is done with its reloads (a run
# cannot be stopped early with its summary: wrk ignores SIGINT in the
# background), each run's summary in wrk.out.
(
	while [[ ! -f $stopfile ]]; do
		wrk -t2 -c16 -d3s --timeout 10s -s "$tmp/mix.lua" "$CZ_BASE_URL"
	done
) >"$tmp/wrk.out" 2>&1 &
wrk_pid=$!
(
	while [[ ! -f $stopfile ]]; do
		for p in / /about /health/live; do
			curl -s -o /dev/null --max-time 10 -w '%{http_code}\n' "$CZ_BASE_URL$p"
		done
	done
) >"$tmp/curl.out" 2>&1 &
curl_pid=$!
sleep 1

# --- reload with a changed template -------------------------------------------
old=$(workers)
mark B
kill -HUP "$sup"
check "the changed template is served after SIGHUP" wait_until 5 about_has B
check "the old workers are retired and $CZ_WORKERS new ones serve" wait_until 10 full_new "$old"
check "the supervisor kept its pid" test "$(pool_pid)" = "$sup"

# --- a broken template is refused ---------------------------------------------
old=$(workers)
start=$(($(loglines) + 1))
printf '{{#unclosed}}\n' >>"$about"
kill -HUP "$sup"
check "a broken template is refused with a log line naming it" \
	wait_until 5 logged "$start" "reload refused: .*about.mustache"
check "the workers were kept after the refused reload" test "$(workers)" = "$old"
check "the old template is still served" about_has B
mark B

# --- a broken configuration is refused ----------------------------------------
start=$(($(loglines) + 1))
echo "no_such_setting = 1" >>"$CZ_CONFIG"
kill -HUP "$sup"
check "a broken configuration is refused with a log line naming the file" \
	wait_until 5 logged "$start" "reload refused: configuration: $CZ_CONFIG:"
check "the workers were kept after the refused configuration" test "$(workers)" = "$old"
expect_status "$CZ_BASE_URL/about" 200
sed -i '/^no_such_setting/d' "$CZ_CONFIG"

# --- upgrades: SIGUSR2, and SIGHUP after the program file was replaced --------
replace_program() { # a new file (new inode) at the program's path, as dpkg does
	cp -p "$fcgi_saved" "$CZ_FCGI.new" && mv -f "$CZ_FCGI.new" "$CZ_FCGI"
}
exe_is_new() {
	[[ $(stat -L -c %i "/proc/$sup/exe") == $(stat -c %i "$CZ_FCGI") ]]
}
for sig in USR2 HUP; do
	old=$(workers)
	start=$(($(loglines) + 1))
	replace_program
	kill -"$sig" "$sup"
	check "SIG$sig after a new program file: the supervisor executes it in place" \
		wait_until 10 logged "$start" "upgrade: executing"
	check "SIG$sig upgrade: same pid, running the new file" wait_until 5 exe_is_new
	check "SIG$sig upgrade: the old workers are retired and $CZ_WORKERS new ones serve" \
		wait_until 10 full_new "$old"
	check "SIG$sig upgrade: the page is served" about_has B
done

# --- a program that cannot start is refused -----------------------------------
old=$(workers)
prev=$(stat -L -c %i "/proc/$sup/exe")
start=$(($(loglines) + 1))
printf '#!/bin/sh\necho "broken build" >&2\nexit 3\n' >"$CZ_FCGI.new"
chmod 755 "$CZ_FCGI.new"
mv -f "$CZ_FCGI.new" "$CZ_FCGI"
kill -USR2 "$sup"
check "an upgrade to a program that fails its check is refused" \
	wait_until 10 logged "$start" "upgrade refused: .*--check failed"
check "the supervisor still runs the previous program" test "$(stat -L -c %i "/proc/$sup/exe")" = "$prev"
check "the workers were kept after the refused upgrade" test "$(workers)" = "$old"
expect_status "$CZ_BASE_URL/about" 200
replace_program

# --- the load's results ---------------------------------------------------------
# The load has covered every reload and upgrade above: it stops now.
touch "$stopfile"
wait "$wrk_pid"
wait "$curl_pid"
wrk_out=$(cat "$tmp/wrk.out")
echo "# wrk during 2 reloads, 2 refused reloads, 2 upgrades and a refused one: $(awk '/requests in/ { n += $1; r++ } END { printf "%d requests in %d runs of 3 s", n, r }' <<<"$wrk_out")"
check "wrk ran" grep -q "requests in" <<<"$wrk_out"
check "no wrk request failed (no non-2xx/3xx, no socket error)" \
	bash -c '[[ $1 != *"Non-2xx"* && $1 != *"Socket errors"* ]]' _ "$wrk_out"
total=$(wc -l <"$tmp/curl.out")
bad=$(grep -vc '^200$' "$tmp/curl.out")
echo "# curl loop: $total requests, $bad not 200"
check "the curl loop made requests" test "$total" -gt 20
check "every curl request was answered 200" test "$bad" -eq 0

# --- nothing leaks --------------------------------------------------------------
check "exactly $CZ_WORKERS workers remain" wait_until 10 test "$(nworkers)" -eq "$CZ_WORKERS"
check "no other responder process is left in the pool's session" \
	wait_until 10 test "$(pgrep -s "$sup" -f cibozer-fcgi | wc -l)" -eq $((CZ_WORKERS + 1))
check "the supervisor holds as many descriptors as before ($fds0)" test "$(fds)" -eq "$fds0"
check "no worker was killed by a signal" bash -c "! tail -n +$log0 '$CZ_POOL_LOG' | grep 'killed by signal'"

finish
