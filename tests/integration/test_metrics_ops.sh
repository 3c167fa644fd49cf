#!/bin/bash
# test_metrics_ops.sh - the operational gauges of /metrics
# (fcgi/metrics_ops.c), scraped through nginx from the real stack:
#   - cibozer_mail_messages{status} equal the outbox's rows by status and
#     cibozer_mail_queue_oldest_seconds the oldest queued message's age;
#   - cibozer_video_dir_free_bytes and _size_bytes agree with df on
#     video_dir, _min_free_bytes with min_free_disk_mb, _writable is 1, and
#     0 (without the byte figures) while the directory is missing;
#   - cibozer_database_up is 1, and 0 from every worker while PostgreSQL
#     is stopped (the mail part left out, the disk part kept), 1 again
#     once it is back;
#   - every cibozer_ metric name the alert rules and the Grafana dashboard
#     (monitoring/) use is in the exposition, so they cannot drift from
#     what the service exports; the exposition passes promtool check
#     metrics.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

tmp=$(_cz_tmp)/metrics-ops
mkdir -p "$tmp"
rules=$CZ_SRCDIR/monitoring/prometheus/cibozer-alerts.yml
dashboard=$CZ_SRCDIR/monitoring/grafana/cibozer-dashboard.json

# metric NAME - prints NAME's value in the last fetched exposition (the
# first sample whose name and labels are exactly NAME), empty when absent.
metric() {
	awk -v n="$1" '$1 == n { print $2; exit }' <<<"$HTTP_BODY"
}

# --- the mail outbox ------------------------------------------------------------
# Known rows on top of what other tests left: a queued message 200 s old,
# one sent, two dead (the trigger of sql/017 drops their bodies).
psql_q "INSERT INTO mail_outbox (recipient, subject, body, created_at)
	VALUES ('ops-q@example.org', 'metrics test', 'queued', now() - interval '200 seconds')" >/dev/null
psql_q "INSERT INTO mail_outbox (recipient, subject, body, status, sent_at)
	VALUES ('ops-s@example.org', 'metrics test', 'sent', 'sent', now())" >/dev/null
psql_q "INSERT INTO mail_outbox (recipient, subject, body, status, attempts, last_error)
	SELECT 'ops-d@example.org', 'metrics test', 'dead', 'dead', 8, 'test'
	FROM generate_series(1, 2)" >/dev/null
check "four test mails in the outbox" \
	test "$(psql_q "SELECT count(*) FROM mail_outbox WHERE subject = 'metrics test'")" = 4

fetch "$CZ_BASE_URL/metrics"
check "/metrics is 200" test "$HTTP_STATUS" = 200
printf '%s\n' "$HTTP_BODY" >"$tmp/metrics"
for s in queued sent dead; do
	want=$(psql_q "SELECT count(*) FROM mail_outbox WHERE status = '$s'")
	got=$(metric "cibozer_mail_messages{status=\"$s\"}")
	check "cibozer_mail_messages{status=\"$s\"} is the outbox's $want" test "$got" = "$want"
done
check "at least the two test dead letters" test "$(metric 'cibozer_mail_messages{status="dead"}')" -ge 2
oldest=$(metric cibozer_mail_queue_oldest_seconds)
want=$(psql_q "SELECT extract(epoch FROM now() - min(created_at))::int FROM mail_outbox WHERE status = 'queued'")
# Read a moment after the scrape: the database's figure is a little older.
check "the oldest queued mail's age ($oldest s) is the outbox's ($want s), at least 200 s" \
	awk -v g="$oldest" -v w="$want" 'BEGIN { exit !(g >= 200 && g <= w + 1 && w - g < 30) }'
check "cibozer_database_up is 1" test "$(metric cibozer_database_up)" = 1

# --- the video directory --------------------------------------------------------
vdir=$(cz_config_get "$CZ_CONFIG" video_dir)
minmb=$(cz_config_get "$CZ_CONFIG" min_free_disk_mb)
check "video_dir is in the configuration ($vdir)" test -d "$vdir"
free=$(metric cibozer_video_dir_free_bytes)
size=$(metric cibozer_video_dir_size_bytes)
read -r dfsize dfavail < <(df -B1 --output=size,avail "$vdir" | tail -n 1)
# Free space moves while other processes write: within 64 MiB of df's.
check "free bytes ($free) agree with df ($dfavail)" \
	awk -v g="$free" -v w="$dfavail" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(g > 0 && d < 67108864) }'
check "size bytes ($size) are df's ($dfsize)" test "$size" = "$dfsize"
check "min free bytes are min_free_disk_mb ($minmb MiB)" \
	test "$(metric cibozer_video_dir_min_free_bytes)" = "$((minmb * 1048576))"
check "the video directory is writable" test "$(metric cibozer_video_dir_writable)" = 1

# Missing: writable 0 and no byte figures, from every worker.
mv "$vdir" "$vdir.away"
gone=0
for _ in $(seq 1 "$((CZ_WORKERS * 2))"); do
	fetch "$CZ_BASE_URL/metrics"
	[[ $HTTP_STATUS == 200 && $(metric cibozer_video_dir_writable) == 0 &&
		-z $(metric cibozer_video_dir_free_bytes) ]] && gone=$((gone + 1))
done
mv "$vdir.away" "$vdir"
check "video_dir missing: writable 0, no free bytes ($gone of $((CZ_WORKERS * 2)) scrapes)" \
	test "$gone" = "$((CZ_WORKERS * 2))"

# --- the rules and the dashboard use only exported names --------------------------
fetch "$CZ_BASE_URL/metrics"
printf '%s\n' "$HTTP_BODY" >"$tmp/metrics"
sed -n 's/^\([a-z_:][a-z0-9_:]*\).*/\1/p' "$tmp/metrics" | sort -u >"$tmp/exported"
check "the dashboard is valid JSON" jq -e . "$dashboard"
{
	grep -o 'cibozer_[a-z0-9_]*' "$rules"
	jq -r '.. | .expr? // empty' "$dashboard" | grep -o 'cibozer_[a-z0-9_]*'
} | sort -u >"$tmp/used"
check "the rules and the dashboard use $(wc -l <"$tmp/used") cibozer_ names" test "$(wc -l <"$tmp/used")" -ge 15
missing=$(comm -23 "$tmp/used" "$tmp/exported" | tr '\n' ' ')
check "every one is in the exposition${missing:+ (missing: $missing)}" test -z "$missing"
if command -v promtool >/dev/null; then
	check "promtool check metrics passes" promtool check metrics <"$tmp/metrics"
else
	fail "promtool is installed (package prometheus)"
fi

# --- the database down ----------------------------------------------------------
pg_stop
n=$((CZ_WORKERS * 3))
down=0 without=0 disk=0
for _ in $(seq 1 "$n"); do
	fetch "$CZ_BASE_URL/metrics"
	[[ $HTTP_STATUS == 200 && $(metric cibozer_database_up) == 0 ]] && down=$((down + 1))
	[[ $HTTP_BODY != *cibozer_mail_* ]] && without=$((without + 1))
	[[ -n $(metric cibozer_video_dir_free_bytes) ]] && disk=$((disk + 1))
done
pg_start
check "database down: cibozer_database_up 0 ($down of $n scrapes)" test "$down" = "$n"
check "database down: no mail metrics ($without of $n)" test "$without" = "$n"
check "database down: the disk metrics stay ($disk of $n)" test "$disk" = "$n"
up_again() {
	local i
	for i in $(seq 1 "$CZ_WORKERS"); do
		fetch "$CZ_BASE_URL/metrics"
		[[ $(metric cibozer_database_up) == 1 && -n $(metric 'cibozer_mail_messages{status="dead"}') ]] || return 1
	done
}
check "cibozer_database_up is 1 again with the database back" wait_until 20 up_again

psql_q "DELETE FROM mail_outbox WHERE subject = 'metrics test'" >/dev/null
rm -rf "$tmp"
finish
