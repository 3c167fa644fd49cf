#!/bin/bash
# test_metrics_prometheus.sh - a real Prometheus (Debian's, the one
# docs/monitoring.md installs) scrapes the stack's /metrics over HTTPS the
# way monitoring/prometheus/scrape-example.yml does (job "cibozer",
# 127.0.0.1, tls_config.server_name) and evaluates
# monitoring/prometheus/cibozer-alerts.yml:
#   - the target is up and every rule evaluates without error;
#   - every cibozer_ name the rules use has series in Prometheus;
#   - conditions made real on the stack put their alerts in "pending"
#     (the rules' "for" is minutes; pending shows the expression matched
#     the real exposition, with the labels Prometheus adds): a video job
#     queued 20 minutes ago (CibozerRenderQueueStalled), a mail queued 2
#     hours ago (CibozerMailQueueStalled), the video directory gone
#     (CibozerVideoDirNotWritable), PostgreSQL stopped
#     (CibozerDatabaseUnreachable); and none is pending before;
#   - the blackbox exporter (Debian's) probes the stack's
#     https://.../health/ready through the scrape example's
#     "cibozer-blackbox" job (the same relabelling): probe_success is 1,
#     probe_ssl_earliest_cert_expiry is the certificate's notAfter, and
#     no certificate alert is pending (the stack's certificate is good
#     for a year); a second target, an `openssl s_server` with a
#     certificate that expires in two days, puts
#     CibozerCertificateExpiresSoon and CibozerCertificateExpiring in
#     pending, labelled with that URL.
# Prometheus, the exporter and s_server run from a temporary directory on
# free loopback ports and are stopped by their pids at the end.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

command -v prometheus >/dev/null ||
	{ fail "prometheus is installed (package prometheus, scripts/deps)"; finish; }
command -v prometheus-blackbox-exporter >/dev/null ||
	{ fail "the blackbox exporter is installed (package prometheus-blackbox-exporter, scripts/deps)"; finish; }
[[ -n ${CZ_HTTPS_URL:-} && -r ${CZ_CA_CERT:-} ]] ||
	{ fail "the stack has HTTPS (CZ_HTTPS_URL, CZ_CA_CERT)"; finish; }

tmp=$(_cz_tmp)/prometheus
mkdir -p "$tmp/data"
rules=$CZ_SRCDIR/monitoring/prometheus/cibozer-alerts.yml
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(free_port)
bport=$(free_port)
sport=$(free_port)
prom=http://127.0.0.1:$port
target=${CZ_HTTPS_URL#https://}
site="https://localhost:${target#*:}/health/ready"
short_url=https://localhost:$sport/

# A TLS server whose certificate expires in two days, trusted through its
# own file (the stack's CA file is the stack's certificate itself).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
	-subj /CN=localhost -addext "subjectAltName=DNS:localhost" \
	-keyout "$tmp/short.key" -out "$tmp/short.pem" 2>"$tmp/openssl.log" ||
	{ fail "openssl makes a two-day certificate" "$(cat "$tmp/openssl.log")"; finish; }
cat "$CZ_CA_CERT" "$tmp/short.pem" >"$tmp/ca.pem"
openssl s_server -quiet -www -accept "127.0.0.1:$sport" -cert "$tmp/short.pem" \
	-key "$tmp/short.key" </dev/null >"$tmp/s_server.log" 2>&1 &
sserver_pid=$!

# The exporter with Debian's http_2xx module, trusting the test
# certificates (a public certificate needs no ca_file), over IPv4 as the
# stack listens on 127.0.0.1.
cat >"$tmp/blackbox.yml" <<EOF
modules:
  http_2xx:
    prober: http
    timeout: 5s
    http:
      preferred_ip_protocol: ip4
      tls_config:
        ca_file: $tmp/ca.pem
EOF
prometheus-blackbox-exporter --config.file="$tmp/blackbox.yml" \
	--web.listen-address="127.0.0.1:$bport" >"$tmp/blackbox.log" 2>&1 &
blackbox_pid=$!

# The scrape example's job, pointed at the stack: its port, its CA.
cat >"$tmp/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $rules
scrape_configs:
  - job_name: cibozer
    scheme: https
    metrics_path: /metrics
    scrape_timeout: 1s
    tls_config:
      server_name: localhost
      ca_file: $CZ_CA_CERT
    static_configs:
      - targets: ['$target']
  # scrape-example.yml's probe job, pointed at the stack and at s_server.
  - job_name: cibozer-blackbox
    scrape_interval: 2s
    scrape_timeout: 2s
    metrics_path: /probe
    params:
      module: [http_2xx]
    static_configs:
      - targets: ['$site', '$short_url']
    relabel_configs:
      - source_labels: [__address__]
        target_label: __param_target
      - source_labels: [__param_target]
        target_label: instance
      - target_label: __address__
        replacement: 127.0.0.1:$bport
EOF
check "the configuration passes promtool check config" promtool check config "$tmp/prometheus.yml"

prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/data" \
	--web.listen-address="127.0.0.1:$port" >"$tmp/prometheus.log" 2>&1 &
prom_pid=$!
stop_prometheus() {
	local p
	for p in "$prom_pid" "$blackbox_pid" "$sserver_pid"; do
		kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
	done
}
trap stop_prometheus EXIT

# q PROMQL - the query's result vector as JSON.
q() {
	curl -sS --max-time 5 -G "$prom/api/v1/query" --data-urlencode "query=$1" | jq -c '.data.result'
}
ready() { curl -sf --max-time 2 "$prom/-/ready" >/dev/null; }
check "Prometheus starts" wait_until 30 ready
target_up() { [[ $(q 'up{job="cibozer"}' | jq -r '.[0].value[1]') == 1 ]]; }
check "it scrapes /metrics over HTTPS: up{job=\"cibozer\"} is 1" wait_until 30 target_up
if ! target_up; then
	curl -sS "$prom/api/v1/targets" | jq -c '.data.activeTargets[] | {health, lastError}'
	tail -n 20 "$tmp/prometheus.log"
fi

# Every rule evaluated, none with an error.
rules_ok() {
	curl -sS --max-time 5 "$prom/api/v1/rules" >"$tmp/rules.json" &&
		jq -e '[.data.groups[].rules[]] | length >= 15 and all(.health == "ok")' "$tmp/rules.json" >/dev/null
}
check "every rule evaluates without error" wait_until 20 rules_ok
echo "# rules loaded: $(jq '[.data.groups[].rules[]] | length' "$tmp/rules.json" 2>/dev/null)"

grep -o 'cibozer_[a-z0-9_]*' "$rules" | sort -u >"$tmp/used"
missing=""
while read -r name; do
	[[ $(q "count($name)" | jq 'length') == 1 ]] || missing="$missing $name"
done <"$tmp/used"
check "every cibozer_ name of the rules has series in Prometheus${missing:+ (none for:$missing)}" test -z "$missing"

# pending NAME - the alert NAME is pending or firing.
pending() {
	curl -sS --max-time 5 "$prom/api/v1/alerts" |
		jq -e --arg n "$1" '.data.alerts | any(.labels.alertname == $n)' >/dev/null
}
quiet() { ! pending "$1"; }
for a in CibozerRenderQueueStalled CibozerMailQueueStalled CibozerVideoDirNotWritable CibozerDatabaseUnreachable CibozerScrapeFailed; do
	check "$a is quiet on the healthy stack" quiet "$a"
done

# --- the blackbox probe -------------------------------------------------------------
probed() {
	[[ $(q "probe_success{job=\"cibozer-blackbox\",instance=\"$site\"}" | jq -r '.[0].value[1]') == 1 ]]
}
check "the blackbox probe of $site succeeds" wait_until 30 probed
if ! probed; then
	curl -sS "http://127.0.0.1:$bport/probe?module=http_2xx&target=$site&debug=true" | tail -n 30
	tail -n 5 "$tmp/blackbox.log"
fi
expiry=$(q "probe_ssl_earliest_cert_expiry{job=\"cibozer-blackbox\",instance=\"$site\"}" | jq -r '.[0].value[1]')
notafter=$(date -d "$(openssl x509 -noout -enddate -in "$CZ_CA_CERT" | cut -d= -f2)" +%s)
check "probe_ssl_earliest_cert_expiry ($expiry) is the certificate's notAfter ($notafter)" test "${expiry%.*}" = "$notafter"
check "CibozerSiteProbeFailed is quiet (both targets answer 200)" quiet CibozerSiteProbeFailed
# pending_for NAME INSTANCE - NAME is pending or firing for INSTANCE.
pending_for() {
	curl -sS --max-time 5 "$prom/api/v1/alerts" | jq -e --arg n "$1" --arg i "$2" \
		'.data.alerts | any(.labels.alertname == $n and .labels.instance == $i)' >/dev/null
}
check "a certificate expiring in 2 days: CibozerCertificateExpiresSoon pending for $short_url" \
	wait_until 30 pending_for CibozerCertificateExpiresSoon "$short_url"
check "and CibozerCertificateExpiring" wait_until 10 pending_for CibozerCertificateExpiring "$short_url"
check "no alert at all for the stack's site (its certificate is good for a year)" test -z \
	"$(curl -sS "$prom/api/v1/alerts" | jq -r --arg i "$site" '.data.alerts[] | select(.labels.instance == $i) | .labels.alertname')"

# --- conditions made real ---------------------------------------------------------
plan=$(psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
	document, generation_ms) VALUES ('standard', 2000, '3_meals', 7, 7, '{}', '{}', 1)
	RETURNING id")
job=$(psql_q "INSERT INTO video_jobs (plan_id, preset, state, created_at)
	VALUES ($plan, 'tiktok', 'queued', now() - interval '20 minutes') RETURNING id")
mail=$(psql_q "INSERT INTO mail_outbox (recipient, subject, body, created_at)
	VALUES ('prom@example.org', 'prometheus test', 'queued', now() - interval '2 hours') RETURNING id")
check "a video job queued 20 minutes ago: CibozerRenderQueueStalled pending" wait_until 20 pending CibozerRenderQueueStalled
check "a mail queued 2 hours ago: CibozerMailQueueStalled pending" wait_until 20 pending CibozerMailQueueStalled
# Stop the renderers and mailers of other tests from seeing them.
psql_q "DELETE FROM video_jobs WHERE id = $job; DELETE FROM plans WHERE id = $plan;
	DELETE FROM mail_outbox WHERE id = $mail" >/dev/null

vdir=$(cz_config_get "$CZ_CONFIG" video_dir)
mv "$vdir" "$vdir.away"
check "the video directory gone: CibozerVideoDirNotWritable pending" wait_until 20 pending CibozerVideoDirNotWritable
mv "$vdir.away" "$vdir"

pg_stop
check "PostgreSQL stopped: CibozerDatabaseUnreachable pending" wait_until 30 pending CibozerDatabaseUnreachable
pg_start
back() { [[ $(q 'min(cibozer_database_up)' | jq -r '.[0].value[1]') == 1 ]]; }
check "PostgreSQL back: cibozer_database_up is 1 again" wait_until 30 back
check "the scrape never failed meanwhile (CibozerScrapeFailed not pending)" quiet CibozerScrapeFailed

stop_prometheus
trap - EXIT
rm -rf "$tmp"
finish
