#!/bin/bash
# test_monitoring.sh - monitoring/ (Prometheus rules, their unit tests, the
# scrape example, the Grafana dashboard) against promtool and against the
# metrics the code exports. Run by make check.
#
#   1. promtool check rules passes on cibozer-alerts.yml, and promtool test
#      rules on cibozer-alerts.test.yml (every alert fires on one series
#      and stays silent on another); every alert has a "for", a severity
#      of warning or critical, a summary and a description naming its
#      runbook in docs/monitoring.md, and has a unit test.
#   2. scrape-example.yml passes promtool check config (its rule_files
#      pointed at this tree's rules).
#   3. The dashboard is valid JSON; every panel and query uses the
#      ${DS_PROMETHEUS} datasource variable, which the dashboard defines;
#      panel ids are unique; every query is valid PromQL (promtool checks
#      them as recording rules, with Grafana's $__rate_interval and
#      $instance filled in).
#   4. Every metric name the rules and the dashboard use is one the code
#      exports: the families are read from the "# TYPE name type" lines
#      and the put_histogram() calls of fcgi/*.c (adjacent C string
#      literals joined first), a histogram adding _bucket, _sum and
#      _count; the only other names allowed are the exporters' own (up,
#      probe_success, probe_ssl_earliest_cert_expiry). Every label
#      matched on is one the code writes (or job, instance, le).
#   5. docs/monitoring.md names every alert, and docs/operations.md links
#      to it.
#   6. Each check runs once more on a copy broken on purpose (a metric
#      renamed in the rules, in the dashboard, a label renamed, a threshold
#      changed, the dashboard's JSON cut short, a hard-coded datasource)
#      and must fail there: the checks can fail.
# tests/integration/test_metrics_ops.sh checks the same names against a
# real scrape of the running stack.
#
# Environment: CZ_TOP_SRCDIR (set by make check; by default the tree this
# script is in). Prints one line per check and "N passed, M failed"; exits
# 1 on a failure, 77 (skipped, with the reason) when promtool or jq is not
# installed (Debian packages prometheus and jq; scripts/deps installs them).
set -u

srcdir=${CZ_TOP_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
mon=$srcdir/monitoring

pass=0
fail=0
ok()  { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit $?
}

for tool in promtool jq perl; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (apt-get install prometheus jq perl, or scripts/deps)"
		exit 77
	fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cz-monitoring.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# --- what the code exports ----------------------------------------------------------
perl -0777 -ne 's/"\s*\n\s*"//g;
	while (/# TYPE ([a-z_:][a-z0-9_:]*) (?:counter|gauge|histogram)/g) { print "$1\n" }' \
	"$srcdir"/fcgi/*.c | sort -u >"$tmp/families"
perl -0777 -ne 's/"\s*\n\s*"//g;
	while (/# TYPE ([a-z_:][a-z0-9_:]*) histogram/g) { print "$1\n" }
	while (/put_histogram\(out,\s*"([a-z_:][a-z0-9_:]*)"/g) { print "$1\n" }' \
	"$srcdir"/fcgi/*.c | sort -u >"$tmp/histograms"
{
	cat "$tmp/families"
	cat "$tmp/histograms"
	sed 's/$/_bucket/' "$tmp/histograms"
	sed 's/$/_sum/' "$tmp/histograms"
	sed 's/$/_count/' "$tmp/histograms"
	# The exporters' names the rules use: Prometheus itself and the
	# blackbox exporter.
	printf '%s\n' up probe_success probe_ssl_earliest_cert_expiry
} | sort -u >"$tmp/allowed"
perl -0777 -ne 's/"\s*\n\s*"//g; while (/[{,]([a-z_]+)=\\"/g) { print "$1\n" }' \
	"$srcdir"/fcgi/*.c >"$tmp/labels"
printf '%s\n' job instance le >>"$tmp/labels"
sort -u -o "$tmp/labels" "$tmp/labels"
sort -u "$tmp/families" "$tmp/histograms" -o "$tmp/families"
if [ "$(wc -l <"$tmp/families")" -ge 20 ] && grep -qx cibozer_video_render_duration_seconds "$tmp/histograms"; then
	ok "the code exports $(wc -l <"$tmp/families") metric families, $(wc -l <"$tmp/histograms") of them histograms"
else
	bad "reading the exported metric families from fcgi/*.c: $(tr '\n' ' ' <"$tmp/families")"
fi

# --- the checks, each on files given as arguments -----------------------------------
# The PromQL of a rules file (expr: lines and their block scalars) and of
# a dashboard.
rule_exprs() {
	awk '/^ *expr: *\|/ { blk = 1; next }
		/^ *expr:/ { sub(/^ *expr: */, ""); print; next }
		blk && /^ *[a-z_]+:/ { blk = 0 }
		blk { print }' "$1"
}
dash_exprs() {
	jq -r '.. | objects | select(has("expr")) | .expr' "$1"
}

# names_ok FILE... - every metric name in the PromQL of the rules files
# (*.yml) and dashboards (*.json) is exported; prints those that are not.
names_ok() {
	local f
	for f in "$@"; do
		case $f in
		*.json) dash_exprs "$f" ;;
		*) rule_exprs "$f" ;;
		esac
	done >"$tmp/exprs" || return 1
	grep -oE '\b(cibozer|process|probe|node)_[a-z0-9_]+\b|\bup\{' "$tmp/exprs" |
		sed 's/{$//' | sort -u >"$tmp/used"
	[ -s "$tmp/used" ] || { echo "no metric names found"; return 1; }
	comm -23 "$tmp/used" "$tmp/allowed" >"$tmp/unknown"
	if [ -s "$tmp/unknown" ]; then
		echo "not exported: $(tr '\n' ' ' <"$tmp/unknown")"
		return 1
	fi
}

# labels_ok FILE... - every label matched on ({name="..."}, by, without)
# is one the code writes.
labels_ok() {
	local f
	for f in "$@"; do
		case $f in
		*.json) dash_exprs "$f" ;;
		*) rule_exprs "$f" ;;
		esac
	done >"$tmp/exprs" || return 1
	{
		grep -oE '[{,][[:space:]]*[a-z_]+[[:space:]]*(=~|!~|!=|=)' "$tmp/exprs" | tr -d '{, =~!'
		grep -oE '\b(by|without)[[:space:]]*\([^)]*\)' "$tmp/exprs" |
			sed -E 's/^(by|without)[[:space:]]*\(//; s/\)$//' | tr ',' '\n' | tr -d ' '
	} | grep -v '^$' | sort -u >"$tmp/used_labels"
	comm -23 "$tmp/used_labels" "$tmp/labels" >"$tmp/unknown"
	if [ -s "$tmp/unknown" ]; then
		echo "labels the code does not write: $(tr '\n' ' ' <"$tmp/unknown")"
		return 1
	fi
}

# rules_ok DIR - promtool check rules and test rules in DIR (a copy of
# monitoring/prometheus); the rules' own conventions.
rules_ok() {
	local d=$1 a
	promtool check rules "$d/cibozer-alerts.yml" >"$tmp/out" 2>&1 || { cat "$tmp/out"; return 1; }
	(cd "$d" && promtool test rules cibozer-alerts.test.yml) >"$tmp/out" 2>&1 || { cat "$tmp/out"; return 1; }
	return 0
}

# conventions_ok FILE TESTFILE - every alert has for, severity, summary,
# a description naming docs/monitoring.md, and a unit test.
conventions_ok() {
	awk -v tests="$2" '
		function done_alert() {
			if (name == "") return
			if (!hasfor) { print name ": no for:"; bad = 1 }
			if (!sev) { print name ": no severity warning or critical"; bad = 1 }
			if (!sum) { print name ": no summary"; bad = 1 }
			if (!run) { print name ": the description does not name docs/monitoring.md"; bad = 1 }
			names[name] = 1
		}
		/^ *- alert: / { done_alert(); name = $3; hasfor = sev = sum = run = 0; next }
		/^ *for: [0-9]+[smh]/ { hasfor = 1 }
		/^ *severity: (warning|critical)$/ { sev = 1 }
		/^ *summary: / { sum = 1 }
		/docs\/monitoring\.md/ { run = 1 }
		END {
			done_alert()
			while ((getline line < tests) > 0)
				if (line ~ /alertname: /) { sub(/.*alertname: */, "", line); tested[line] = 1 }
			for (n in names) if (!(n in tested)) { print n ": no unit test"; bad = 1 }
			exit bad
		}' "$1"
}

# dashboard_ok FILE - valid JSON, the datasource variable everywhere,
# unique panel ids, every query valid PromQL.
dashboard_ok() {
	local f=$1 n
	jq -e . "$f" >/dev/null 2>"$tmp/out" || { echo "not JSON: $(head -n 1 "$tmp/out")"; return 1; }
	jq -e '.templating.list | any(.name == "DS_PROMETHEUS" and .type == "datasource" and .query == "prometheus")' "$f" >/dev/null ||
		{ echo "no datasource variable DS_PROMETHEUS"; return 1; }
	n=$(jq '[.. | objects | select(has("datasource")) | .datasource | select(type != "object" or .uid != "${DS_PROMETHEUS}")] | length' "$f")
	[ "$n" = 0 ] || { echo "$n datasources are not \${DS_PROMETHEUS}"; return 1; }
	n=$(jq '[.panels[] | select(.type != "row") | select(.datasource == null or (.targets // [] | length) == 0)] | length' "$f")
	[ "$n" = 0 ] || { echo "$n panels without a datasource or a query"; return 1; }
	n=$(jq '[.panels[].id] | (length - (unique | length))' "$f")
	[ "$n" = 0 ] || { echo "$n duplicate panel ids"; return 1; }
	# Each query as a recording rule, with Grafana's variables filled in.
	{
		echo "groups:"
		echo "  - name: dashboard"
		echo "    rules:"
		dash_exprs "$f" | sed -e 's/\$__rate_interval/5m/g' -e 's/\$instance/.*/g' | while IFS= read -r e; do
			echo "      - record: dashboard:query"
			printf '        expr: %s\n' "$(jq -Rn --arg e "$e" '$e')"
		done
	} >"$tmp/dash-rules.yml"
	promtool check rules "$tmp/dash-rules.yml" >"$tmp/out" 2>&1 || { cat "$tmp/out"; return 1; }
}

# config_ok FILE - promtool check config, rule_files pointed at RULES.
config_ok() {
	sed "s|/usr/share/cibozer/monitoring/prometheus/cibozer-alerts.yml|$2|" "$1" >"$tmp/prometheus.yml"
	promtool check config "$tmp/prometheus.yml" >"$tmp/out" 2>&1 || { cat "$tmp/out"; return 1; }
}

# expect NAME CMD... - CMD must pass; expect_fail NAME CMD... - must fail.
expect() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then ok "$name"; else bad "$name"; printf '%s\n' "$out" | head -n 20 | sed 's/^/    /'; fi
}
expect_fail() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then bad "$name (the check passed on a broken copy)"
	else ok "$name: $(printf '%s\n' "$out" | tail -n 1 | cut -c1-160)"; fi
}

rules=$mon/prometheus/cibozer-alerts.yml
tests=$mon/prometheus/cibozer-alerts.test.yml
dash=$mon/grafana/cibozer-dashboard.json

# --- 1-5: the tree as it is ------------------------------------------------------------
expect "promtool check rules and promtool test rules pass" rules_ok "$mon/prometheus"
expect "every alert has for, severity, summary, runbook and a unit test" conventions_ok "$rules" "$tests"
nalerts=$(grep -c '^ *- alert: ' "$rules")
expect "the rules hold at least 15 alerts ($nalerts)" test "$nalerts" -ge 15
expect "scrape-example.yml passes promtool check config" config_ok "$mon/prometheus/scrape-example.yml" "$rules"
expect "the dashboard: JSON, \${DS_PROMETHEUS}, unique ids, valid PromQL" dashboard_ok "$dash"
npanels=$(jq '[.panels[] | select(.type != "row")] | length' "$dash")
expect "the dashboard has at least 20 panels ($npanels)" test "$npanels" -ge 20
expect "every metric name in the rules and the dashboard is exported" names_ok "$rules" "$dash"
expect "every label matched on is one the code writes" labels_ok "$rules" "$dash"
# The outcome's list: each concern has a rule.
for m in cibozer_http_requests_total cibozer_http_request_duration_seconds_bucket \
	cibozer_database_up cibozer_video_queue_oldest_seconds cibozer_video_jobs \
	cibozer_mail_messages cibozer_video_dir_free_bytes probe_ssl_earliest_cert_expiry; do
	expect "a rule uses $m" grep -q "$m" "$rules"
done
# docs_ok RULES DOC - DOC has a section (a heading) for every alert.
docs_ok() {
	local a missing=""
	for a in $(sed -n 's/^ *- alert: //p' "$1"); do
		grep -Eq "^#+ .*\b$a\b" "$2" || missing="$missing $a"
	done
	[ -z "$missing" ] || { echo "no section for:$missing"; return 1; }
}
expect "docs/monitoring.md has a section for every alert" docs_ok "$rules" "$srcdir/docs/monitoring.md"
expect "docs/operations.md links to docs/monitoring.md" grep -q 'monitoring\.md' "$srcdir/docs/operations.md"

# --- 6: broken on purpose -----------------------------------------------------------------
cp -r "$mon/prometheus" "$tmp/broken"
sed -i 's/cibozer_video_queue_oldest_seconds/cibozer_video_queue_oldest_secs/' "$tmp/broken/cibozer-alerts.yml"
expect_fail "a metric renamed in the rules is caught" names_ok "$tmp/broken/cibozer-alerts.yml"
expect_fail "a metric renamed in the rules fails the unit tests" rules_ok "$tmp/broken"
cp "$rules" "$tmp/broken/cibozer-alerts.yml"
sed -i 's/cibozer_video_queue_oldest_seconds) > 900/cibozer_video_queue_oldest_seconds) > 9000/' "$tmp/broken/cibozer-alerts.yml"
expect_fail "a threshold changed fails the unit tests" rules_ok "$tmp/broken"
cp "$rules" "$tmp/broken/cibozer-alerts.yml"
sed -i 's/state="failed"/phase="failed"/' "$tmp/broken/cibozer-alerts.yml"
expect_fail "a label renamed in the rules is caught" labels_ok "$tmp/broken/cibozer-alerts.yml"
awk '/^ *for: 2m$/ && !done { done = 1; next } { print }' "$rules" >"$tmp/broken/cibozer-alerts.yml"
expect_fail "an alert without for: is caught" conventions_ok "$tmp/broken/cibozer-alerts.yml" "$tests"
grep -v 'alertname: CibozerMailQueueStalled' "$tests" >"$tmp/broken/tests.yml"
expect_fail "an alert without a unit test is caught" conventions_ok "$rules" "$tmp/broken/tests.yml"
sed 's/cibozer_mail_messages/cibozer_mail_message/g' "$dash" >"$tmp/broken.json"
expect_fail "a metric renamed in the dashboard is caught" names_ok "$tmp/broken.json"
head -c 2000 "$dash" >"$tmp/broken.json"
expect_fail "a dashboard cut short is caught" dashboard_ok "$tmp/broken.json"
jq '.panels[3].datasource = {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"}' "$dash" >"$tmp/broken.json"
expect_fail "a hard-coded datasource is caught" dashboard_ok "$tmp/broken.json"
jq '.panels[3].targets[0].expr = "sum(rate(cibozer_workers[5m]"' "$dash" >"$tmp/broken.json"
expect_fail "a query that is not PromQL is caught" dashboard_ok "$tmp/broken.json"
sed '/^#.*CibozerMailDeadLetters/d' "$srcdir/docs/monitoring.md" >"$tmp/broken.md"
expect_fail "an alert missing from the docs is caught" docs_ok "$rules" "$tmp/broken.md"

finish
