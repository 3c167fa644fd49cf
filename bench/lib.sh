# shellcheck shell=bash
# bench/lib.sh - what the benchmarks share: a private stack (PostgreSQL,
# the responder pool, nginx) on free loopback ports in a temporary
# directory, stopped on exit; wrk runs reduced to figures; medians.
#
#   source "$(dirname "$0")/lib.sh"
#   bench_start NAME WORKERS [KEY=VALUE...]   # extra configuration settings
#   read -r rps p99 non2xx requests < <(bench_wrk SECONDS CONNS URL [WRK ARGS...])
#   bench_session                             # a signed-in planner for wrk
#
# bench_start sets src, build, state, http_port and url (http://127.0.0.1:PORT),
# and https_url (https://127.0.0.1:PORT, nginx's self-signed certificate).
# With CZ_BENCH_SEED set (bench/seed's arguments, with --documents DIR
# since the foods are not loaded yet), bench_start seeds the database
# before starting the responders, e.g.
#   CZ_BENCH_SEED="--documents DIR --plans 1000000" bench/load
# With CZ_BENCH_PG_DIR=DIR, the cluster of DIR (and its database cibozer)
# is used instead of a fresh one: a database seeded once serves many runs.

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CZ_SRCDIR=$src
# shellcheck source=scripts/lib/stack.sh
source "$src/scripts/lib/stack.sh"

# bench_start NAME WORKERS [KEY=VALUE...]
bench_start() {
	local name=$1 workers=$2 pg_port https_port
	shift 2
	command -v wrk >/dev/null || { echo "$name: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
	state=$(mktemp -d "/tmp/cibozer-$name.XXXXXX")
	chmod 755 "$state"
	trap 'cz_stop_all; rm -rf "$state"' EXIT
	trap 'exit 130' INT TERM
	build=$src/build-bench
	cz_build "$src" "$build" >/dev/null
	pg_port=$(cz_free_port)
	http_port=$(cz_free_port "$pg_port")
	https_port=$(cz_free_port "$pg_port" "$http_port")
	# CZ_BENCH_PG_DIR=DIR: run on the cluster of DIR (scripts/lib/stack.sh's
	# layout, DIR/pg) with its database cibozer as it stands, e.g. one
	# bench/seed filled once, instead of a fresh one. It is stopped at exit.
	pg_dir=${CZ_BENCH_PG_DIR:-$state}
	cz_pg_start "$pg_dir" "$pg_port"
	# base_url is the origin signed-in requests must come from (CSRF).
	cz_write_config "$state/cibozer.conf" "$src" "$state" "$workers" \
		"base_url=http://127.0.0.1:$http_port" "$@"
	cz_migrate "$build" "$state/cibozer.conf" >/dev/null
	# CZ_BENCH_SEED="ARGS": bench/seed ARGS first, so that any bench runs
	# against a production-sized database (issue 14, "Data at scale").
	if [[ -n ${CZ_BENCH_SEED:-} ]]; then
		# shellcheck disable=SC2086 # the arguments, split on blanks
		"$src/bench/seed" --config "$state/cibozer.conf" \
			--admin "$build/tools/cibozer-admin" $CZ_BENCH_SEED >&2 || exit 1
	fi
	cz_pool_start "$build" "$state/cibozer.conf" "$state/fcgi.sock" "$workers" "$state/fcgi.log"
	cz_nginx_start "$state" "$http_port" "$https_port" "$state/fcgi.sock"
	url=http://127.0.0.1:$http_port
	https_url=https://127.0.0.1:$https_port
}

# bench_import_usda NAME - loads the USDA foods (scripts/usda fetches them
# once); returns 1 when they cannot be had.
bench_import_usda() {
	local usda
	usda=$("$src/scripts/usda") || { echo "$1: no USDA data (scripts/usda failed)" >&2; return 1; }
	"$build/tools/cibozer-admin" --config "$state/cibozer.conf" import-usda "$usda" >/dev/null
}

# bench_session - an enterprise account (cibozer-admin user create) that
# logs in and accepts the legal versions; exports CZ_BENCH_COOKIE (the
# Cookie header) and CZ_BENCH_CSRF and CZ_BENCH_ORIGIN for the wrk scripts,
# which send them on every request as a signed-in page would, and
# CZ_BENCH_KEY, an API key of the account (plans:read, plans:write), for
# "Authorization: Bearer" as an API client would. Plans count
# against the enterprise quota: start the stack with a large
# quota_enterprise_plans. The account's address is exported as
# CZ_BENCH_EMAIL: bench@example.org on a fresh cluster; on a reused one
# (CZ_BENCH_PG_DIR) an address of this run's own, so that every run
# starts with an account as new as a fresh cluster's, not one holding the
# plans, keys and videos of every run before (after 9 runs its lists of
# plans, keys and videos cost PostgreSQL 2.4 to 3.7 times as much).
bench_session() {
	local email=bench@example.org pw='bench tangerine orbit 7' hdrs body tok
	[[ -z ${CZ_BENCH_PG_DIR:-} ]] || email=bench-$(date +%s)-$$@example.org
	export CZ_BENCH_EMAIL=$email
	printf '%s\n' "$pw" | "$build/tools/cibozer-admin" --config "$state/cibozer.conf" \
		user create --tier enterprise "$email" >/dev/null
	hdrs=$(mktemp "$state/login.XXXXXX")
	body=$(curl -sS -D "$hdrs" -X POST -H 'Content-Type: application/json' \
		--data "{\"email\": \"$email\", \"password\": \"$pw\"}" "$url/api/login")
	tok=$(tr -d '\r' <"$hdrs" | sed -n 's/^set-cookie: __Host-cibozer=\([^;]*\);.*/\1/Ip')
	rm -f "$hdrs"
	export CZ_BENCH_COOKIE="__Host-cibozer=$tok"
	CZ_BENCH_CSRF=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' <<<"$body")
	export CZ_BENCH_CSRF CZ_BENCH_ORIGIN=$url
	[[ -n $tok && -n $CZ_BENCH_CSRF ]] || { echo "bench_session: log-in failed: $body" >&2; return 1; }
	curl -sS -o /dev/null -X POST -H 'Content-Type: application/json' -H "Cookie: $CZ_BENCH_COOKIE" \
		-H "X-CSRF-Token: $CZ_BENCH_CSRF" -H "Origin: $url" \
		--data "$(curl -sS -H "Cookie: $CZ_BENCH_COOKIE" "$url/api/me" |
			sed -n 's/.*"terms_version":"\([^"]*\)","privacy_version":"\([^"]*\)".*/{"terms_version":"\1","privacy_version":"\2"}/p')" \
		"$url/api/legal/accept"
	CZ_BENCH_KEY=$(curl -sS -X POST -H 'Content-Type: application/json' -H "Cookie: $CZ_BENCH_COOKIE" \
		-H "X-CSRF-Token: $CZ_BENCH_CSRF" -H "Origin: $url" \
		--data '{"name": "bench", "scopes": ["plans:read", "plans:write"]}' "$url/api/keys" |
		sed -n 's/.*"key":"\(cz_live_[^"]*\)".*/\1/p')
	export CZ_BENCH_KEY
	[[ -n $CZ_BENCH_KEY ]] || { echo "bench_session: no API key" >&2; return 1; }
}

# bench_wrk SECONDS CONNS URL [WRK ARGS...] - one wrk run as
# "requests_per_second p99_ms non2xx requests".
bench_wrk() {
	local seconds=$1 conns=$2 target=$3 out rps p99 errs n
	shift 3
	out=$(wrk -t2 -c"$conns" -d"${seconds}s" --latency "$@" "$target")
	rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; print v}' <<<"$out")
	errs=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
	n=$(awk '/requests in/ {print $1}' <<<"$out")
	echo "$rps $p99 ${errs:-0} ${n:-0}"
}

# bench_tree_ticks PID - CPU clock ticks (user + system) used so far by PID
# and every live descendant, from /proc; 0 for a pid that is gone.
bench_tree_ticks() {
	local pid=$1 kids k total=0 t
	[[ -r /proc/$pid/stat ]] || { echo 0; return; }
	# Fields after the ")" of the command: utime is 14th, stime 15th.
	t=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')
	total=$((total + t))
	kids=$(cat /proc/"$pid"/task/*/children 2>/dev/null)
	for k in $kids; do
		total=$((total + $(bench_tree_ticks "$k")))
	done
	echo "$total"
}

# bench_stack_ticks - "postgresql responders nginx" CPU ticks so far, of
# the stack bench_start started.
bench_stack_ticks() {
	local pg fcgi ngx
	pg=$(head -n 1 "${pg_dir:-$state}/pg/data/postmaster.pid" 2>/dev/null)
	fcgi=$(cat "$state/fcgi.sock.pid" 2>/dev/null)
	ngx=$(cat "$(cz_nginx_pidfile "$state/nginx/nginx.conf")" 2>/dev/null)
	echo "$(bench_tree_ticks "${pg:-0}") $(bench_tree_ticks "${fcgi:-0}") $(bench_tree_ticks "${ngx:-0}")"
}

# median A B C - the middle of three numbers.
median() {
	printf '%s\n' "$@" | sort -g | sed -n 2p
}
