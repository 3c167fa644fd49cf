#!/bin/bash
# test_render_mail.sh - cibozer-render --queue mails a plan's owner when
# the plan's video is done or has failed for good (render/queue.c), in the
# transaction that finishes the job:
#   - a done job (one short render): one message in mail_outbox to the
#     owner (user_id set), "ready" subject, the player link
#     <base_url>/videos/<id>, the platform's name and the disclaimer;
#   - a job whose plan cannot be read: the failure mail, with its link;
#   - a job whose lease expired on its last attempt: the failure mail;
#   - an ownerless plan, and a plan of a disabled account (whose job's
#     lease expired on its last attempt): no mail;
#   - a queued job of a disabled account is not claimed at all;
#   - the log names the message id, never the address.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

RENDER=$CZ_BUILD_DIR/render/cibozer-render
PLAN=$CZ_SRCDIR/tests/render/plan-standard-2000.json
[[ -x $RENDER ]] || skip "$RENDER is not built"
[[ -x ${CZ_ADMIN:-} ]] || skip "cibozer-admin is not built"
psql_q "SELECT 1 FROM video_jobs LIMIT 1" >/dev/null 2>&1 || {
	# Every migration is in sql/ and scripts/test applies them all: a
	# missing one is a broken stack, not a reason to skip.
	fail "the video_jobs table is missing: migration 007 is in sql/ but not applied to the test database"
	finish
}
videos=$(cz_config_get "$CZ_CONFIG" video_dir)
[[ -n $videos && -d $videos ]] || skip "the configuration has no video_dir"
base=$(cz_config_get "$CZ_CONFIG" base_url)
[[ -n $base ]] || skip "the configuration has no base_url"
tmp=$(_cz_tmp)/render-mail
mkdir -p "$tmp"
# On a failure: the queue, the renderers and their logs.
report() { render_queue_report "$tmp"; }
CZ_ON_FAIL=report

owner=render-mail-$$@example.org
gone=render-mail-off-$$@example.org
make_user "$owner" 'tangerine orbit 7' || { fail "create the owner's account"; finish; }
make_user "$gone" 'tangerine orbit 7' || { fail "create the second account"; finish; }
"$CZ_ADMIN" --config "$CZ_CONFIG" user disable "$gone" >/dev/null ||
	{ fail "disable the second account"; finish; }
uid=$(psql_q "SELECT id FROM users WHERE email = '$owner'")
gid=$(psql_q "SELECT id FROM users WHERE email = '$gone'")

# A clean queue: earlier jobs would be claimed first.
psql_q "DELETE FROM video_jobs" >/dev/null
plan() { # plan OWNER-ID|NULL DOCUMENT - inserts a plan, prints its id
	psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
		document, generation_ms, owner_id) VALUES ('standard', 2000, '3_meals', 7, 7,
		'{}', \$doc\$$2\$doc\$::json, 1, $1) RETURNING id"
}
good=$(plan "$uid" "$(cat "$PLAN")")
bad=$(plan "$uid" '{"days": []}')
orphan=$(plan NULL '{"days": []}')
off=$(plan "$gid" '{"days": []}')
[[ $good =~ ^[0-9]+$ && $bad =~ ^[0-9]+$ && $orphan =~ ^[0-9]+$ && $off =~ ^[0-9]+$ ]] ||
	{ fail "insert the test plans"; finish; }
job() { psql_q "INSERT INTO video_jobs (plan_id, preset) VALUES ($2, '$1') RETURNING id"; }
mails() { # mails JOB-ID - the messages whose body links to that job's page
	psql_q "SELECT count(*) FROM mail_outbox WHERE body LIKE '%/videos/$1' || chr(10) || '%'"
}

j_done=$(job tiktok "$good")
j_bad=$(job instagram "$bad")
j_orphan=$(job tiktok "$orphan")
j_off=$(job tiktok "$off")
j_off_queued=$(job instagram "$off")
j_spent=$(job youtube_long "$bad")
# The renderer claims no job of a disabled account, so the disabled one's
# job was running when the account was disabled, and its lease ran out.
psql_q "UPDATE video_jobs SET state = 'running', attempts = 3, lease_owner = 'gone:1',
	lease_until = now() - interval '1 minute' WHERE id IN ($j_spent, $j_off)" >/dev/null
before=$(psql_q "SELECT coalesce(max(id), 0) FROM mail_outbox")

"$RENDER" --config "$CZ_CONFIG" --queue --seconds 2 >"$tmp/out" 2>"$tmp/err"
rc=$?
check "the renderer exits 0 ($(cat "$tmp/out"))" test "$rc" = 0
check "the short job is done" sql_yes "SELECT 1 FROM video_jobs WHERE id = $j_done AND state = 'done'"
check "the unreadable ones failed" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id IN ($j_bad, $j_orphan, $j_off, $j_spent) AND state = 'failed'
	 HAVING count(*) = 4"

check "exactly three new messages (done, failed, lease expired)" \
	test "$(psql_q "SELECT count(*) FROM mail_outbox WHERE id > $before")" = 3
check "done: one message to the owner, with the account id" test "$(psql_q \
	"SELECT count(*) FROM mail_outbox WHERE id > $before AND recipient = '$owner'
	 AND user_id = $uid AND status = 'queued' AND subject = 'Your Cibozer video is ready'
	 AND body LIKE '%' || '$base/videos/$j_done' || chr(10) || '%'")" = 1
check "done: it names the platform and carries the disclaimer" sql_yes \
	"SELECT 1 FROM mail_outbox WHERE id > $before AND body LIKE '%/videos/$j_done' || chr(10) || '%'
	 AND body LIKE '%(TikTok, 30 s)%' AND body LIKE '%NOT intended to provide medical advice%'
	 AND body LIKE '%Food and Drug Administration%'"
check "failed: the failure mail to the owner, with the link" test "$(psql_q \
	"SELECT count(*) FROM mail_outbox WHERE id > $before AND recipient = '$owner'
	 AND subject = 'Your Cibozer video could not be made'
	 AND body LIKE '%' || '$base/videos/$j_bad' || chr(10) || '%'
	 AND body LIKE '%(Instagram, 60 s)%' AND body LIKE '%Food and Drug Administration%'")" = 1
check "lease expired on the last attempt: the failure mail" test "$(psql_q \
	"SELECT count(*) FROM mail_outbox WHERE id > $before AND recipient = '$owner'
	 AND subject = 'Your Cibozer video could not be made'
	 AND body LIKE '%' || '$base/videos/$j_spent' || chr(10) || '%'")" = 1
check "an ownerless plan: no mail" test "$(mails "$j_orphan")" = 0
check "a disabled account's queued job is not claimed" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id = $j_off_queued AND state = 'queued' AND attempts = 0"
check "a disabled account: no mail" test "$(psql_q \
	"SELECT count(*) FROM mail_outbox WHERE recipient = '$gone'")" = 0
check "the log names the message, not the address" \
	bash -c 'grep -q "job $2: done mail queued for its owner (message [0-9]*)" "$1" && ! grep -q "@example.org" "$1"' \
	_ "$tmp/err" "$j_done"

# Nothing is sent twice: another pass finds no job and queues nothing.
"$RENDER" --config "$CZ_CONFIG" --queue --seconds 2 >"$tmp/out2" 2>"$tmp/err2"
check "a second pass queues no more mail" \
	test "$(psql_q "SELECT count(*) FROM mail_outbox WHERE id > $before")" = 3

psql_q "DELETE FROM mail_outbox WHERE id > $before" >/dev/null
psql_q "DELETE FROM video_jobs" >/dev/null
psql_q "DELETE FROM plans WHERE id IN ($good, $bad, $orphan, $off)" >/dev/null
rm -rf "$tmp" "${videos:?}/$j_done"
finish
