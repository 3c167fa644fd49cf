# shellcheck shell=bash
# scripts/lib/stack.sh - the local Cibozer stack (build, PostgreSQL, the
# responder pool, nginx), shared by scripts/run, scripts/test and the
# integration tests (through tests/integration/lib.sh). Source it; it only
# defines functions and a few variables.
#
# Everything here is meant to run as root on Debian 12 (it also works as an
# ordinary user, running every service as that user):
#  - PostgreSQL refuses to run as root, so the private cluster belongs to the
#    `postgres` system user and DIR (its parent) must be traversable by it;
#  - the responder pool runs as nobody:nogroup when nobody can read the
#    binary, the config and the templates (as the production `cibozer` user
#    would), otherwise as root;
#  - nginx runs its master as root and its workers as nobody, so the static
#    files and the socket (mode 0666) must be reachable by nobody.
# Each start function records what it started; cz_stop_all (for an EXIT
# trap) stops exactly that, newest first.
#
# Messages go to stderr; functions return non-zero on failure, so callers
# running under `set -e` stop, and others can test them.

CZ_PG_BIN=/usr/lib/postgresql/15/bin
CZ_SRCDIR=${CZ_SRCDIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
export CZ_SRCDIR

# What this shell started: PostgreSQL state dirs, pool pid files, nginx pid
# files. cz_stop_all stops these.
CZ__PG_DIRS=()
CZ__POOL_PIDFILES=()
CZ__NGINX_PIDFILES=()

# ---------------------------------------------------------------------------
# helpers

# cz_msg TEXT... - prints a message on stderr.
cz_msg() {
	printf '%s\n' "$*" >&2
}

# cz_err TEXT... - prints an error on stderr and returns 1.
cz_err() {
	printf 'error: %s\n' "$*" >&2
	return 1
}

# cz_as USER CMD... - runs CMD as USER (as root), or as ourselves otherwise.
cz_as() {
	local user=$1
	shift
	if ((EUID == 0)) && [[ $user != root ]]; then
		runuser -u "$user" -- "$@"
	else
		"$@"
	fi
}

# cz_pg_user - the user that owns and runs the private PostgreSQL clusters.
cz_pg_user() {
	if ((EUID == 0)); then echo postgres; else id -un; fi
}

# cz_can USER TEST-EXPRESSION... - whether `test EXPR` holds for USER, e.g.
# `cz_can nobody -r FILE`: the way to ask whether that user can reach a path.
cz_can() {
	local user=$1
	shift
	cz_as "$user" test "$@" 2>/dev/null
}

# cz_proc_alive PID - whether PID runs (a zombie, which nobody may reap in
# a container, counts as gone).
cz_proc_alive() {
	local stat
	kill -0 "$1" 2>/dev/null || return 1
	read -r stat <"/proc/$1/stat" 2>/dev/null || return 1
	stat=${stat##*) }
	[[ ${stat%% *} != Z ]]
}

# cz_pid_alive PIDFILE [CMDLINE-WORD] - prints the pid recorded in PIDFILE
# when that process is alive (and its command line contains the word), else
# fails. Used to tell leftovers of a killed run from stale pid files.
cz_pid_alive() {
	local pidfile=$1 word=${2:-} pid cmd
	[[ -r $pidfile ]] || return 1
	read -r pid <"$pidfile" 2>/dev/null || return 1
	[[ $pid =~ ^[0-9]+$ ]] && ((pid > 1)) || return 1
	cz_proc_alive "$pid" || return 1
	if [[ -n $word ]]; then
		cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
		[[ $cmd == *"$word"* ]] || return 1
	fi
	printf '%s\n' "$pid"
}

# cz_wait_gone PID SECONDS - waits until PID has exited; fails on timeout.
cz_wait_gone() {
	local pid=$1 tenths=$(($2 * 10))
	while cz_proc_alive "$pid"; do
		((tenths-- > 0)) || return 1
		sleep 0.1
	done
}

# cz_sed_escape TEXT - TEXT made safe as a sed replacement with | delimiters.
cz_sed_escape() {
	printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'
}

# ---------------------------------------------------------------------------
# build

# cz_build SRCDIR BUILDDIR [CONFIGURE-ARGS...] - VPATH build: autoreconf -fi
# in SRCDIR when configure is missing or older than configure.ac or
# Makefile.am, configure in BUILDDIR (created) when it has not been
# configured yet with the same arguments, then make -j2.
cz_build() {
	local src build stamp args log
	src=$(cd "$1" && pwd) || return 1
	mkdir -p "$2" || return 1
	build=$(cd "$2" && pwd) || return 1
	shift 2
	log=$build/cz-build.log

	if [[ ! -x $src/configure || $src/configure.ac -nt $src/configure ||
		$src/Makefile.am -nt $src/configure ]]; then
		cz_msg "build: autoreconf -fi in $src"
		if ! (cd "$src" && autoreconf -fi) >"$log" 2>&1; then
			cat "$log" >&2
			cz_err "autoreconf failed"
			return 1
		fi
	fi
	if [[ -f $src/config.status && $src != "$build" ]]; then
		cz_err "$src is configured in-tree; run 'make distclean' there first (VPATH builds need a clean source tree)"
		return 1
	fi

	# Configure only when needed: make's own rules re-run config.status
	# when configure changes, and a different set of arguments needs a
	# fresh configure.
	stamp=$build/.cz-configure-args
	args=$(printf '%q ' "$@")
	if [[ ! -f $build/config.status || ! -f $build/Makefile ||
		$src/configure -nt $build/config.status ||
		$(cat "$stamp" 2>/dev/null) != "$args" ]]; then
		cz_msg "build: configure in $build ${*}"
		rm -f "$stamp"
		if ! (cd "$build" && "$src/configure" "$@") >"$log" 2>&1; then
			cat "$log" >&2
			cz_err "configure failed (see $build/config.log)"
			return 1
		fi
		printf '%s' "$args" >"$stamp"
	fi
	cz_msg "build: make -j2 in $build"
	make -C "$build" -j2 -s --no-print-directory || {
		cz_err "make failed in $build"
		return 1
	}
}

# ---------------------------------------------------------------------------
# ports

# cz_port_used PORT - whether any TCP socket (listening or not) uses PORT.
cz_port_used() {
	if command -v ss >/dev/null 2>&1; then
		[[ -n $(ss -Htan "sport = :$1" 2>/dev/null) ]]
	else
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
	fi
}

# cz_port_listener PORT - prints what listens on PORT (empty when nothing).
cz_port_listener() {
	if command -v ss >/dev/null 2>&1; then
		ss -Hltnp "sport = :$1" 2>/dev/null
	elif (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
		echo "something accepts connections on 127.0.0.1:$1"
	fi
}

# cz_free_port [EXCLUDED-PORT...] - prints a free loopback TCP port, outside
# Linux's ephemeral range and different from the ports given.
cz_free_port() {
	local p tries
	for ((tries = 0; tries < 500; tries++)); do
		p=$((20000 + RANDOM % 12000))
		[[ " $* " == *" $p "* ]] && continue
		cz_port_used "$p" && continue
		printf '%s\n' "$p"
		return 0
	done
	cz_err "no free TCP port found"
}

# ---------------------------------------------------------------------------
# PostgreSQL

# cz_pg_running DIR - whether the cluster of DIR is running.
cz_pg_running() {
	local data=$1/pg/data
	[[ -f $data/PG_VERSION ]] || return 1
	cz_as "$(cz_pg_user)" "$CZ_PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

# cz_pg_start DIR PORT - creates (the first time) and starts a private
# PostgreSQL 15 cluster in DIR/pg, owned by the postgres user, listening on
# 127.0.0.1:PORT with its socket in DIR/pg/sock and trust authentication for
# local and 127.0.0.1 connections; creates the owner role and database
# cibozer and the runtime roles cibozer_web, cibozer_render and
# cibozer_jobs (idempotent); exports CZ_DATABASE_URL (the owner) and
# CZ_WEB_DATABASE_URL, CZ_RENDER_DATABASE_URL, CZ_JOBS_DATABASE_URL (the
# runtime roles), all through the socket, as a production install connects
# (database_url's default, docs/operations.md): tests and benches measure
# that path, not TCP loopback. A cluster left running by a killed
# run is stopped and started again.
cz_pg_start() {
	local dir=$1 port=$2 pg=$1/pg data=$1/pg/data user log psql
	user=$(cz_pg_user)
	log=$pg/postgresql.log

	mkdir -p "$pg" || return 1
	if ((EUID == 0)); then chown "$user:" "$pg" || return 1; fi
	chmod 755 "$pg"
	if ! cz_can "$user" -w "$pg" -a -x "$pg"; then
		cz_err "user $user cannot reach $pg (a parent directory is not traversable by it); use a state directory under /var/lib or /tmp"
		return 1
	fi

	if [[ ! -f $data/PG_VERSION ]]; then
		rm -rf "$data"
		if ! cz_as "$user" "$CZ_PG_BIN/initdb" -D "$data" -U postgres \
			--auth=trust -E UTF8 --locale=C.UTF-8 >"$pg/initdb.log" 2>&1; then
			cat "$pg/initdb.log" >&2
			cz_err "initdb failed"
			return 1
		fi
		# Trust for the local socket and 127.0.0.1 only.
		cat >"$data/pg_hba.conf" <<-'EOF'
			# written by scripts/lib/stack.sh: development cluster, trust on loopback only
			local   all   all                 trust
			host    all   all   127.0.0.1/32  trust
		EOF
		echo "include_if_exists = 'cibozer.conf'" >>"$data/postgresql.conf"
		if ((EUID == 0)); then chown "$user:" "$data/pg_hba.conf"; fi
	fi

	if cz_pg_running "$dir"; then
		cz_msg "postgresql: stopping a cluster left running in $pg"
		cz_pg_stop "$dir" || return 1
	fi

	mkdir -p "$pg/sock"
	cat >"$data/cibozer.conf" <<-EOF
		# written by scripts/lib/stack.sh on every start
		listen_addresses = '127.0.0.1'
		port = $port
		unix_socket_directories = '$pg/sock'
		# The durability a production install has: a plan answered 201 is on
		# disk. Benches measure this, never a setting tuned for the figure.
		synchronous_commit = on
		fsync = on
		max_connections = 100
	EOF
	if ((EUID == 0)); then chown "$user:" "$pg/sock" "$data/cibozer.conf"; fi

	# Recorded first, so that an interrupt during the start still stops it.
	CZ__PG_DIRS+=("$dir")
	if ! cz_as "$user" "$CZ_PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 \
		start >/dev/null 2>&1; then
		tail -n 20 "$log" >&2
		cz_err "PostgreSQL did not start (log: $log)"
		return 1
	fi
	printf '%s\n' "$port" >"$pg/port"

	local i
	for ((i = 0; i < 300; i++)); do
		"$CZ_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && break
		sleep 0.1
	done
	if ! "$CZ_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
		cz_err "PostgreSQL is not ready on 127.0.0.1:$port (log: $log)"
		return 1
	fi

	# The roles of sql/018, created as postgres as docs/operations.md
	# tells an operator to: the owner cibozer (migrations, import-usda)
	# and the runtime roles, which own nothing and get their grants from
	# the migrations.
	psql=("$CZ_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1
		"host=127.0.0.1 port=$port user=postgres dbname=postgres")
	if ! "${psql[@]}" >/dev/null <<-'EOF'; then
		SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', r)
		  FROM unnest(ARRAY['cibozer', 'cibozer_web', 'cibozer_render', 'cibozer_jobs']) r
		 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r)\gexec
		SELECT 'CREATE DATABASE cibozer OWNER cibozer'
		 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'cibozer')\gexec
	EOF
		cz_err "could not create the roles and database cibozer"
		return 1
	fi
	# CZ_DATABASE_URL is the owner's (tests prepare data with it); each
	# program gets its own role through cz_write_config. The socket's
	# directory as an absolute path: libpq reads a host that starts with
	# "/" as one.
	local base="host=$(cd "$pg/sock" && pwd) port=$port dbname=cibozer"
	export CZ_DATABASE_URL="$base user=cibozer"
	export CZ_WEB_DATABASE_URL="$base user=cibozer_web"
	export CZ_RENDER_DATABASE_URL="$base user=cibozer_render"
	export CZ_JOBS_DATABASE_URL="$base user=cibozer_jobs"
}

# cz_pg_stop DIR - stops the cluster of DIR (fast shutdown) if it runs.
cz_pg_stop() {
	local dir=$1 d keep=()
	if cz_pg_running "$dir" &&
		! cz_as "$(cz_pg_user)" "$CZ_PG_BIN/pg_ctl" -D "$dir/pg/data" \
			-m fast -w -t 60 stop >/dev/null 2>&1; then
		cz_err "could not stop PostgreSQL in $dir/pg"
		return 1
	fi
	for d in "${CZ__PG_DIRS[@]}"; do
		[[ $d == "$dir" ]] || keep+=("$d")
	done
	CZ__PG_DIRS=("${keep[@]}")
}

# cz_pg_restart DIR [PORT] - stops and starts the cluster of DIR, on PORT or
# the port it last used.
cz_pg_restart() {
	local dir=$1 port=${2:-}
	[[ -n $port ]] || read -r port <"$dir/pg/port" || return 1
	cz_pg_stop "$dir" && cz_pg_start "$dir" "$port"
}

# ---------------------------------------------------------------------------
# configuration and migrations

# cz_write_config FILE SRCDIR STATEDIR WORKERS [KEY=VALUE...] - writes the
# responder configuration: one conninfo per role (set by cz_pg_start):
# database_url (responders, cibozer_web), owner_database_url (migrations,
# cibozer), render_database_url, jobs_database_url; workers, template_dir and sql_dir from SRCDIR, video_dir
# STATEDIR/videos (created), min_free_disk_mb 64, log_level info; each
# KEY=VALUE replaces or adds a setting (keys must be known to the
# responder: it rejects unknown ones).
cz_write_config() {
	local file=$1 src=$2 state=$3 workers=$4 kv key
	shift 4
	[[ -n ${CZ_DATABASE_URL:-} ]] || {
		cz_err "cz_write_config: CZ_DATABASE_URL is not set (start PostgreSQL first)"
		return 1
	}
	local -a keys=(database_url owner_database_url render_database_url
		jobs_database_url workers template_dir sql_dir password_list
		video_dir min_free_disk_mb log_level)
	local -A val=(
		[database_url]=${CZ_WEB_DATABASE_URL:-$CZ_DATABASE_URL}
		[owner_database_url]=$CZ_DATABASE_URL
		[render_database_url]=${CZ_RENDER_DATABASE_URL:-$CZ_DATABASE_URL}
		[jobs_database_url]=${CZ_JOBS_DATABASE_URL:-$CZ_DATABASE_URL}
		[workers]=$workers
		[template_dir]=$src/templates
		[sql_dir]=$src/sql
		[password_list]=$src/data/common-passwords.txt
		[video_dir]=$state/videos
		[min_free_disk_mb]=64
		[log_level]=info
	)
	for kv in "$@"; do
		key=${kv%%=*}
		[[ -v "val[$key]" ]] || keys+=("$key")
		val[$key]=${kv#*=}
	done
	mkdir -p "${val[video_dir]}" "$(dirname "$file")" || return 1
	{
		echo "# Cibozer responder configuration, written by scripts/lib/stack.sh"
		echo "# (cz_write_config) on every start: edit the scripts, not this file."
		for key in "${keys[@]}"; do
			printf '%s = %s\n' "$key" "${val[$key]}"
		done
	} >"$file.tmp" && chmod 644 "$file.tmp" && mv -f "$file.tmp" "$file"
}

# cz_config_get FILE KEY - prints KEY's value in a configuration file.
cz_config_get() {
	sed -n "s/^[[:space:]]*${2}[[:space:]]*=[[:space:]]*//p" "$1" | tail -n 1
}

# cz_migrate BUILDDIR CONFIG - applies the SQL migrations (as the owner:
# owner_database_url).
cz_migrate() {
	"$1/tools/cibozer-admin" --config "$2" migrate || {
		cz_err "migrations failed"
		return 1
	}
}

# ---------------------------------------------------------------------------
# the responder pool

# cz_pool_user FCGI CONFIG - nobody when nobody can run FCGI and read
# CONFIG and the template and SQL directories it names, else root.
cz_pool_user() {
	local fcgi=$1 config=$2 dir
	((EUID == 0)) || { id -un; return; }
	cz_can nobody -x "$fcgi" -a -r "$config" || { echo root; return; }
	for dir in template_dir sql_dir; do
		dir=$(cz_config_get "$config" "$dir")
		[[ -z $dir ]] || cz_can nobody -r "$dir" -a -x "$dir" || { echo root; return; }
	done
	echo nobody
}

# cz_pool_start BUILDDIR CONFIG SOCKET WORKERS [LOGFILE] - starts the
# responder supervisor through spawn-fcgi on the unix SOCKET (mode 0666 so
# nginx's workers can connect), as nobody:nogroup when possible (see
# cz_pool_user). spawn-fcgi runs with -n (it execs the responder in place,
# keeping our stderr, where forking mode would send the logs to /dev/null)
# in its own session; the supervisor's pid goes to SOCKET.pid. Its output
# is appended to LOGFILE (default: next to the socket). A pool left running
# by a killed run on the same socket is stopped first.
cz_pool_start() {
	local build=$1 config=$2 socket=$3 workers=$4
	local log=${5:-${3%.sock}.log} pidfile=$3.pid fcgi=$1/fcgi/cibozer-fcgi
	local user pid i
	local -a ugid=()

	[[ -x $fcgi ]] || { cz_err "$fcgi is not built"; return 1; }
	if pid=$(cz_pid_alive "$pidfile" cibozer-fcgi); then
		cz_msg "pool: stopping a pool left running (pid $pid)"
		cz_pool_stop "$pidfile"
	fi
	rm -f "$pidfile" "$socket"
	mkdir -p "$(dirname "$socket")" "$(dirname "$log")" || return 1

	user=$(cz_pool_user "$fcgi" "$config")
	if ((EUID == 0)) && [[ $user == nobody ]]; then
		ugid=(-u nobody -g nogroup)
		# The video directory belongs to the responders' user.
		local vdir
		vdir=$(cz_config_get "$config" video_dir)
		[[ -z $vdir || ! -d $vdir ]] || chown nobody:nogroup "$vdir"
	fi
	export CZ_POOL_USER=$user

	# The subshell writes its own pid, which spawn-fcgi and then the
	# supervisor keep (setsid and spawn-fcgi -n exec in place): an
	# interrupt at any point finds the pid file.
	CZ__POOL_PIDFILES+=("$pidfile")
	(
		printf '%s\n' "$BASHPID" >"$pidfile"
		exec setsid spawn-fcgi -n -s "$socket" -M 0666 "${ugid[@]}" -- \
			"$fcgi" --config "$config" --workers "$workers"
	) </dev/null >>"$log" 2>&1 &
	pid=$!

	for ((i = 0; i < 100; i++)); do
		[[ -S $socket ]] && break
		cz_proc_alive "$pid" || break
		sleep 0.1
	done
	# A responder that rejects its configuration exits at once.
	sleep 0.3
	if [[ ! -S $socket ]] || ! cz_proc_alive "$pid"; then
		tail -n 20 "$log" >&2
		cz_err "the responder pool did not start (log: $log)"
		return 1
	fi
}

# cz_pool_stop PIDFILE - SIGTERM to the supervisor, which stops its
# workers; after 10 s, SIGKILL to whatever is left in its session.
cz_pool_stop() {
	local pidfile=$1 pid="" p keep=()
	if pid=$(cz_pid_alive "$pidfile" cibozer-fcgi); then
		kill -TERM "$pid" 2>/dev/null || true
		if ! cz_wait_gone "$pid" 10; then
			cz_msg "pool: supervisor $pid ignored SIGTERM; killing it"
			kill -KILL "$pid" 2>/dev/null || true
		fi
		wait "$pid" 2>/dev/null || true
	elif [[ -r $pidfile ]]; then
		read -r pid <"$pidfile" || pid=""
	fi
	# Workers share the supervisor's session (started by setsid): give
	# them a moment, then kill the responders left in it.
	if [[ $pid =~ ^[0-9]+$ ]]; then
		for ((p = 0; p < 30; p++)); do
			pgrep -s "$pid" -f cibozer-fcgi >/dev/null 2>&1 || break
			sleep 0.1
		done
		pkill -KILL -s "$pid" -f cibozer-fcgi 2>/dev/null || true
	fi
	rm -f "$pidfile" "${pidfile%.pid}"
	for p in "${CZ__POOL_PIDFILES[@]}"; do
		[[ $p == "$pidfile" ]] || keep+=("$p")
	done
	CZ__POOL_PIDFILES=("${keep[@]}")
}

# ---------------------------------------------------------------------------
# nginx

# cz_tls_cert DIR - a self-signed certificate for localhost and 127.0.0.1 in
# DIR/tls/{cert,key}.pem, made the first time.
cz_tls_cert() {
	local tls=$1/tls
	[[ -s $tls/cert.pem && -s $tls/key.pem ]] && return 0
	mkdir -p "$tls" && chmod 700 "$tls" || return 1
	openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=localhost \
		-addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
		-keyout "$tls/key.pem" -out "$tls/cert.pem" >/dev/null 2>&1 || {
		cz_err "openssl could not make a certificate in $tls"
		return 1
	}
}

# cz_nginx_pidfile CONF - the pid file named by CONF's pid directive (empty
# when CONF has none).
cz_nginx_pidfile() {
	sed -n 's/^[[:space:]]*pid[[:space:]]\{1,\}\([^;[:space:]]*\)[[:space:]]*;.*/\1/p' "$1" | head -n 1
}

# cz_nginx_start DIR HTTP-PORT HTTPS-PORT SOCKET - renders
# $CZ_SRCDIR/nginx/dev.conf.in into DIR/nginx/nginx.conf (prefix DIR/nginx,
# logs in DIR/nginx/logs, certificate from cz_tls_cert, videos in
# DIR/videos, static files from the source tree or, when nobody cannot read
# it there, from a copy in DIR/static), tests it and starts nginx. Its pid
# file is DIR/nginx/nginx.pid unless the template names one.
cz_nginx_start() {
	local dir=$1 http=$2 https=$3 socket=$4
	local prefix=$1/nginx static=$CZ_SRCDIR/static template=$CZ_SRCDIR/nginx/dev.conf.in
	local conf pidfile pid out i
	local -a g=()

	[[ -f $template ]] || { cz_err "$template is missing"; return 1; }
	cz_tls_cert "$dir" || return 1
	# The workers (nobody) write temporary files under the prefix.
	mkdir -p "$prefix/logs" "$prefix/tmp" "$dir/videos" && chmod 755 "$prefix" || return 1

	if ((EUID == 0)) && ! cz_can nobody -r "$static" -a -x "$static"; then
		# nginx's workers (nobody) cannot reach the source tree.
		rm -rf "$dir/static" && cp -R "$static" "$dir/static" &&
			chmod -R a+rX "$dir/static" || return 1
		static=$dir/static
	fi

	conf=$prefix/nginx.conf
	sed -e "s|@PREFIX@|$(cz_sed_escape "$prefix")|g" \
		-e "s|@HTTP_PORT@|$http|g" \
		-e "s|@HTTPS_PORT@|$https|g" \
		-e "s|@SOCKET@|$(cz_sed_escape "$socket")|g" \
		-e "s|@STATIC_DIR@|$(cz_sed_escape "$static")|g" \
		-e "s|@VIDEO_DIR@|$(cz_sed_escape "$dir/videos")|g" \
		-e "s|@CERT@|$(cz_sed_escape "$dir/tls/cert.pem")|g" \
		-e "s|@KEY@|$(cz_sed_escape "$dir/tls/key.pem")|g" \
		-e "s|@SNIPPETS@|$(cz_sed_escape "$CZ_SRCDIR/nginx/snippets")|g" \
		"$template" >"$conf.tmp" || return 1
	if grep -n '@[A-Z_]\{1,\}@' "$conf.tmp" >&2; then
		cz_err "$template has placeholders scripts/lib/stack.sh does not know (above)"
		return 1
	fi
	mv -f "$conf.tmp" "$conf"

	pidfile=$(cz_nginx_pidfile "$conf")
	if [[ -z $pidfile ]]; then
		pidfile=$prefix/nginx.pid
		g=(-g "pid $pidfile;")
	fi
	if pid=$(cz_pid_alive "$pidfile" nginx); then
		cz_msg "nginx: stopping an nginx left running (pid $pid)"
		cz_nginx_stop "$pidfile"
	fi
	rm -f "$pidfile"

	local -a flags=(-p "$prefix/" -e "$prefix/logs/error.log" -c "$conf" "${g[@]}")
	if ! out=$(nginx -t -q "${flags[@]}" 2>&1); then
		printf '%s\n' "$out" >&2
		cz_err "nginx -t failed for $conf"
		return 1
	fi
	CZ__NGINX_PIDFILES+=("$pidfile")
	if ! out=$(nginx "${flags[@]}" 2>&1); then
		printf '%s\n' "$out" >&2
		cz_err "nginx did not start (log: $prefix/logs/error.log)"
		return 1
	fi
	for ((i = 0; i < 50; i++)); do
		[[ -s $pidfile ]] && break
		sleep 0.1
	done
	[[ -s $pidfile ]] || { cz_err "nginx wrote no pid file $pidfile"; return 1; }
	export CZ_NGINX_PIDFILE=$pidfile
}

# cz_nginx_stop PIDFILE - graceful stop (SIGQUIT), then SIGTERM and SIGKILL
# if it lingers.
cz_nginx_stop() {
	local pidfile=$1 pid p keep=()
	if pid=$(cz_pid_alive "$pidfile" nginx); then
		kill -QUIT "$pid" 2>/dev/null || true
		if ! cz_wait_gone "$pid" 10; then
			kill -TERM "$pid" 2>/dev/null || true
			cz_wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
	rm -f "$pidfile"
	for p in "${CZ__NGINX_PIDFILES[@]}"; do
		[[ $p == "$pidfile" ]] || keep+=("$p")
	done
	CZ__NGINX_PIDFILES=("${keep[@]}")
}

# cz_nginx_stop_stale DIR - stops an nginx left running on DIR/nginx by a
# killed run (its pid file named by the last rendered configuration).
cz_nginx_stop_stale() {
	local prefix=$1/nginx pidfile=""
	[[ -f $prefix/nginx.conf ]] && pidfile=$(cz_nginx_pidfile "$prefix/nginx.conf")
	[[ -n $pidfile ]] || pidfile=$prefix/nginx.pid
	if cz_pid_alive "$pidfile" nginx >/dev/null; then
		cz_msg "nginx: stopping an nginx left running by an earlier run"
		cz_nginx_stop "$pidfile"
	fi
	rm -f "$pidfile"
}

# ---------------------------------------------------------------------------

# cz_stop_all - stops what this shell started: nginx, then the pools, then
# PostgreSQL. Safe to call more than once (for EXIT, INT and TERM traps).
cz_stop_all() {
	local f
	for f in "${CZ__NGINX_PIDFILES[@]}"; do cz_nginx_stop "$f" || true; done
	for f in "${CZ__POOL_PIDFILES[@]}"; do cz_pool_stop "$f" || true; done
	for f in "${CZ__PG_DIRS[@]}"; do cz_pg_stop "$f" || true; done
	return 0
}
