#!/bin/bash
# test_purge.sh - cibozer-admin purge (sql/012_privacy_purge.sql):
#   - an account deleted less than privacy_retention_days ago is untouched;
#   - one deleted longer ago (deleted_at set back as superuser) is
#     scrubbed: its address, client address and user agent are nowhere in a
#     pg_dump of the database, its sessions, tokens, acceptances, keys,
#     plans, videos (rows and files) and mail are gone, its audit entries
#     are still there under its id, and the address can register again;
#   - the responders' role still cannot UPDATE or DELETE audit_log, nor
#     update more than the scrub even with the purge's setting;
#   - housekeeping: expired and idle sessions, used and expired tokens, old
#     rate-limit windows and old sent mail go; live ones stay;
#   - a second run changes nothing;
#   - deleting an account cancels its queued video, and the renderer never
#     claims a job of a deleted account;
#   - the privacy policy states the configured retention.
set -uo pipefail
# shellcheck source=tests/integration/lib.sh
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || skip "jq is not installed (package jq)"
psql_q "SELECT purged_at FROM users LIMIT 1" >/dev/null 2>&1 || {
	# Every migration is in sql/ and scripts/test applies them all: a
	# missing one is a broken stack, not a reason to skip.
	fail "users.purged_at is missing: migration 012 is in sql/ but not applied to the test database"
	finish
}
RENDER=$CZ_BUILD_DIR/render/cibozer-render
PLAN=$CZ_SRCDIR/tests/render/plan-standard-2000.json
videos=$(cz_config_get "$CZ_CONFIG" video_dir)
[[ -n $videos && -d $videos ]] || skip "the configuration has no video_dir"
admin() { "$CZ_ADMIN" --config "$CZ_CONFIG" "$@"; }
days=$(admin config | sed -n 's/^privacy_retention_days = //p')
idle=$(admin config | sed -n 's/^session_idle_timeout = //p')
[[ $days =~ ^[0-9]+$ && $idle =~ ^[0-9]+$ ]] || { fail "read the settings"; finish; }
tmp=$(_cz_tmp)/purge
mkdir -p "$tmp"

B=$CZ_BASE_URL
pw='tangerine orbit 7'
# Each account talks from its own loopback address (all of 127/8 is
# local) with its own user agent, so the dump can be searched for them.
net=127.$((RANDOM % 100 + 100)).$((RANDOM % 250 + 1))
declare -A EMAIL ADDR UA
n=11
for who in old young keep; do
	EMAIL[$who]=purge-$who-$$@example.org
	ADDR[$who]=$net.$n
	UA[$who]="cibozer-purge-test/$$-$who"
	n=$((n + 11))
done

# login_as EMAIL ADDR UA - login (lib.sh) from ADDR with UA; AUTH then
# carries the address and agent too.
login_as() {
	local c=(--interface "$2" -A "$3")
	fetch "$B/api/login" -X POST -H 'Content-Type: application/json' "${c[@]}" \
		--data-binary "$(jq -cn --arg e "$1" --arg p "$pw" '{email: $e, password: $p}')"
	[[ $HTTP_STATUS == 200 ]] || return 1
	SESSION=$(sed -n 's/^set-cookie: __Host-cibozer=\([^;]*\);.*/\1/Ip' <<<"$HTTP_HEADERS" | tail -n 1)
	CSRF=$(jq -r .csrf_token <<<"$HTTP_BODY")
	AUTH=(-H "Cookie: __Host-cibozer=$SESSION" -H "X-CSRF-Token: $CSRF" -H "Origin: $B" "${c[@]}")
}
json() { fetch "$1" -X POST -H 'Content-Type: application/json' --data-binary "$2" "${@:3}"; }
uid() { psql_q "SELECT id FROM users WHERE email = '$1'"; }
plan_of() { # USER-ID - a stored plan of that account, prints its id
	psql_q "INSERT INTO plans (diet, calories, meal_pattern, days, seed, request,
		document, generation_ms, owner_id) VALUES ('standard', 2000, '3_meals', 7, 7,
		'{}', \$doc\$$(cat "$PLAN")\$doc\$::json, 1, $1) RETURNING id"
}
job() { # PLAN STATE - a job of that plan, prints its id
	psql_q "INSERT INTO video_jobs (plan_id, preset, state, finished_at) VALUES ($1,
		'tiktok', '$2', CASE WHEN '$2' = 'done' THEN now() END) RETURNING id"
}

# --- three accounts with everything an account can have ----------------------
reset_limits
declare -A ID PLANID JOB_DONE JOB_QUEUED
old_auth=() young_auth=() keep_auth=()
for who in old young keep; do
	email=${EMAIL[$who]}
	make_user "$email" "$pw" && login_as "$email" "${ADDR[$who]}" "${UA[$who]}" && accept_legal
	check "$who: signed in from ${ADDR[$who]} and accepted the terms" test -n "$SESSION"
	json "$B/api/keys" '{"name": "purge me", "scopes": ["plans:read"]}' "${AUTH[@]}"
	json "$B/api/password-reset" "{\"email\": \"$email\"}" --interface "${ADDR[$who]}" -A "${UA[$who]}"
	ID[$who]=$(uid "$email")
	PLANID[$who]=$(plan_of "${ID[$who]}")
	JOB_DONE[$who]=$(job "${PLANID[$who]}" 'done')
	JOB_QUEUED[$who]=$(job "${PLANID[$who]}" queued)
	mkdir -p "$videos/${JOB_DONE[$who]}/hls" && : >"$videos/${JOB_DONE[$who]}/video.mp4"
	psql_q "INSERT INTO video_playback (job_id, user_id, position) VALUES (${JOB_DONE[$who]}, ${ID[$who]}, 3)" >/dev/null
	case $who in
	old) old_auth=("${AUTH[@]}") ;;
	young) young_auth=("${AUTH[@]}") ;;
	*) keep_auth=("${AUTH[@]}") ;;
	esac
done
check "each account has a key, a reset token and its mail, a plan and videos" sql_yes \
	"SELECT 1 FROM users u WHERE u.id IN (${ID[old]}, ${ID[young]}, ${ID[keep]})
	 AND EXISTS (SELECT 1 FROM api_keys WHERE user_id = u.id)
	 AND EXISTS (SELECT 1 FROM user_tokens WHERE user_id = u.id)
	 AND EXISTS (SELECT 1 FROM mail_outbox WHERE user_id = u.id)
	 AND EXISTS (SELECT 1 FROM plans WHERE owner_id = u.id)
	 HAVING count(*) = 3"
check "the old account's address and agent are in its audit entries" sql_yes \
	"SELECT 1 FROM audit_log WHERE account_id = ${ID[old]} AND host(address) = '${ADDR[old]}' AND user_agent = '${UA[old]}'"

# --- deletion -------------------------------------------------------------------
for who in old young; do
	if [[ $who == old ]]; then AUTH=("${old_auth[@]}"); else AUTH=("${young_auth[@]}"); fi
	json "$B/api/account/delete" "{\"password\": \"$pw\"}" "${AUTH[@]}"
	check "$who: the account is deleted" test "$HTTP_STATUS" = 200
done
check "deletion cancelled the account's queued video" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id = ${JOB_QUEUED[old]} AND state = 'failed' AND error = 'account deleted'"
check "and left the live account's queued video alone" sql_yes \
	"SELECT 1 FROM video_jobs WHERE id = ${JOB_QUEUED[keep]} AND state = 'queued'"

# The renderer: a job of the deleted account queued after the deletion
# (a race) stays queued, never claimed. A clean queue for this: earlier
# queued jobs would be claimed first.
if [[ -x $RENDER ]]; then
	psql_q "DELETE FROM video_jobs WHERE state IN ('queued', 'running')" >/dev/null
	late=$(job "${PLANID[old]}" queued)
	"$RENDER" --config "$CZ_CONFIG" --queue --max-jobs 1 --seconds 2 >"$tmp/render.out" 2>"$tmp/render.err"
	rc=$?
	check "the renderer exits 0 ($(cat "$tmp/render.out"))" test "$rc" -eq 0
	check "it does not render a queued job of a deleted account" sql_yes \
		"SELECT 1 FROM video_jobs WHERE id = $late AND state = 'queued' AND attempts = 0"
	check "and leaves no files for it" test ! -e "$videos/$late"
	psql_q "DELETE FROM video_jobs WHERE id = $late" >/dev/null
else
	fail "cibozer-render is built ($RENDER)"
fi

# --- what the housekeeping should remove and keep -----------------------------
hex() { printf '%064x' "$1"; }
n=$$$RANDOM
psql_q "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES
	('$(hex "${n}1")', ${ID[keep]}, '$(printf 'x%.0s' {1..43})', now() - interval '3 days', now() - interval '2 days', now() - interval '1 day'),
	('$(hex "${n}2")', ${ID[keep]}, '$(printf 'y%.0s' {1..43})', now() - interval '1 day', now() - make_interval(secs => $idle + 60), now() + interval '1 day');
	INSERT INTO user_tokens (token_hash, user_id, purpose, created_at, expires_at, used_at) VALUES
	('$(hex "${n}3")', ${ID[keep]}, 'verify_email', now() - interval '2 days', now() - interval '1 day', NULL),
	('$(hex "${n}4")', ${ID[keep]}, 'verify_email', now() - interval '1 hour', now() + interval '1 day', now()),
	('$(hex "${n}5")', ${ID[keep]}, 'verify_email', now(), now() + interval '1 day', NULL);
	INSERT INTO mail_outbox (recipient, subject, body, status, created_at, sent_at) VALUES
	('${EMAIL[keep]}', 'purge-old-sent-$n', 'x', 'sent', now() - make_interval(days => $days + 2), now() - make_interval(days => $days + 1)),
	('${EMAIL[keep]}', 'purge-new-sent-$n', 'x', 'sent', now() - interval '1 day', now() - interval '1 day'),
	('${EMAIL[keep]}', 'purge-old-queued-$n', 'x', 'queued', now() - make_interval(days => $days + 2), NULL)" >/dev/null
# Time passes for the old account: it was deleted, and its address last
# counted against a rate limit, longer ago than the retention.
psql_super "UPDATE users SET deleted_at = now() - make_interval(days => $days + 1) WHERE id = ${ID[old]};
	UPDATE rate_limits SET window_start = window_start - make_interval(days => $days + 1) WHERE key = '${ADDR[old]}'" >/dev/null
check "the old address's rate-limit windows are there before the purge" sql_yes \
	"SELECT 1 FROM rate_limits WHERE key = '${ADDR[old]}'"

# --- dry run --------------------------------------------------------------------
out=$(admin purge --dry-run 2>&1)
check "--dry-run counts the old account ($out)" grep -Eq '^would purge [1-9][0-9]* deleted accounts? older than' <<<"$out"
check "--dry-run changes nothing" test "$(uid "${EMAIL[old]}")" = "${ID[old]}"

# --- the purge -------------------------------------------------------------------
out=$(admin purge 2>"$tmp/purge.err")
rc=$?
check "purge exits 0 ($out)" test "$rc" -eq 0
check "the summary is one line with the counts" \
	grep -Eq "^purged [1-9][0-9]* deleted accounts? older than $days days \(.*audit entries\); removed [0-9]+ expired sessions, [0-9]+ used or expired tokens, [0-9]+ old rate-limit windows, [0-9]+ old sent or dead mails, [0-9]+ old audit log months$" <<<"$out"

check "the old account keeps its id under a placeholder address" sql_yes \
	"SELECT 1 FROM users WHERE id = ${ID[old]} AND email = 'deleted-${ID[old]}@invalid'
	 AND purged_at IS NOT NULL AND password_hash NOT LIKE '\$argon2id\$v=%'"
for t in "sessions:user_id" "user_tokens:user_id" "legal_acceptances:user_id" "api_keys:user_id" \
	"plans:owner_id" "mail_outbox:user_id" "video_playback:user_id"; do
	check "nothing of the old account is left in ${t%%:*}" \
		test "$(psql_q "SELECT count(*) FROM ${t%%:*} WHERE ${t#*:} = ${ID[old]}")" = 0
done
check "its video jobs are gone" test "$(psql_q "SELECT count(*) FROM video_jobs WHERE id IN (${JOB_DONE[old]}, ${JOB_QUEUED[old]})")" = 0
check "its video files are gone" test ! -e "$videos/${JOB_DONE[old]}"
check "its audit entries are still there, by account id" sql_yes \
	"SELECT 1 FROM audit_log WHERE account_id = ${ID[old]} AND event = 'account.deleted'"
check "none keeps an address or user agent" \
	test "$(psql_q "SELECT count(*) FROM audit_log WHERE account_id = ${ID[old]} AND (address IS NOT NULL OR user_agent IS NOT NULL)")" = 0
check "the purge is audited" sql_yes \
	"SELECT 1 FROM audit_log WHERE account_id = ${ID[old]} AND event = 'account.purged'"

"$CZ_PG_BIN/pg_dump" -d "$CZ_PG_SUPERUSER_URL" >"$tmp/dump.sql" 2>"$tmp/dump.err"
check "pg_dump of the database as superuser works" test -s "$tmp/dump.sql"
check "the dump holds the young account's address, client address and agent (the search works)" \
	bash -c 'grep -Fq "$1" "$4" && grep -Fwq "$2" "$4" && grep -Fq "$3" "$4"' _ "${EMAIL[young]}" "${ADDR[young]}" "${UA[young]}" "$tmp/dump.sql"
check "the dump holds nowhere the old account's e-mail address" bash -c '! grep -Fq "$1" "$2"' _ "${EMAIL[old]}" "$tmp/dump.sql"
check "nor its client address" bash -c '! grep -Fwq "$1" "$2"' _ "${ADDR[old]}" "$tmp/dump.sql"
check "nor its user agent" bash -c '! grep -Fq "$1" "$2"' _ "${UA[old]}" "$tmp/dump.sql"

check "the young deleted account is untouched" sql_yes \
	"SELECT 1 FROM users WHERE id = ${ID[young]} AND email = '${EMAIL[young]}' AND purged_at IS NULL
	 AND password_hash LIKE '\$argon2id\$v=%'
	 AND EXISTS (SELECT 1 FROM plans WHERE owner_id = ${ID[young]})
	 AND EXISTS (SELECT 1 FROM legal_acceptances WHERE user_id = ${ID[young]})
	 AND EXISTS (SELECT 1 FROM video_jobs WHERE id = ${JOB_DONE[young]})
	 AND EXISTS (SELECT 1 FROM audit_log WHERE account_id = ${ID[young]} AND host(address) = '${ADDR[young]}')"
check "and so are its video files" test -e "$videos/${JOB_DONE[young]}/video.mp4"

# --- the audit log stays append-only, even for the owner cibozer -------------
# (the triggers of 001 and 012; the runtime roles hold no UPDATE at all:
# test_db_roles.sh). Each attempt is rolled back, so a failing check
# leaves the log as it was.
denied() { ! psql_q "BEGIN; $1; ROLLBACK" >/dev/null 2>&1; }
# The purge's own role reaches the scrub only through sql/018's function,
# which refuses an account that is not marked deleted.
jobs_denied() {
	! "$CZ_PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "${CZ_JOBS_DATABASE_URL:-$CZ_DATABASE_URL}" \
		-c "BEGIN; $1; ROLLBACK" >/dev/null 2>&1
}
check "cibozer_jobs cannot UPDATE audit_log, even with the purge's setting" jobs_denied \
	"SET LOCAL cibozer.audit_scrub = 'on'; UPDATE audit_log SET address = NULL, user_agent = NULL WHERE account_id = ${ID[young]}"
check "cibozer_jobs cannot have a live account's entries scrubbed" jobs_denied \
	"SELECT audit_log_scrub_account(${ID[keep]})"
check "cibozer cannot UPDATE audit_log" denied \
	"UPDATE audit_log SET address = NULL, user_agent = NULL WHERE account_id = ${ID[young]}"
check "cibozer cannot DELETE from audit_log" denied "DELETE FROM audit_log WHERE account_id = ${ID[old]}"
check "cibozer cannot TRUNCATE audit_log" denied "TRUNCATE audit_log"
check "with the purge's setting, no other column may change" denied \
	"SET LOCAL cibozer.audit_scrub = 'on'; UPDATE audit_log SET event = 'x.y' WHERE account_id = ${ID[old]}"
check "nor may a live account's entries be scrubbed" denied \
	"SET LOCAL cibozer.audit_scrub = 'on'; UPDATE audit_log SET address = NULL, user_agent = NULL WHERE account_id = ${ID[keep]}"
check "nor may detail gain a member" denied \
	"SET LOCAL cibozer.audit_scrub = 'on'; UPDATE audit_log SET detail = detail || '{\"x\": 1}' WHERE account_id = ${ID[old]}"
check "the entries are unchanged" sql_yes \
	"SELECT 1 FROM audit_log WHERE account_id = ${ID[young]} AND host(address) = '${ADDR[young]}'
	 AND EXISTS (SELECT 1 FROM audit_log WHERE account_id = ${ID[keep]} AND host(address) = '${ADDR[keep]}')
	 AND NOT EXISTS (SELECT 1 FROM audit_log WHERE event = 'x.y' OR detail ? 'x')"

# --- housekeeping ---------------------------------------------------------------
check "the expired and the idle session are gone" \
	test "$(psql_q "SELECT count(*) FROM sessions WHERE token_hash IN ('$(hex "${n}1")', '$(hex "${n}2")')")" = 0
fetch "$B/api/me" "${keep_auth[@]}"
check "the live session is kept (GET /api/me still 200)" test "$HTTP_STATUS" = 200
check "the expired and the used token are gone, the live one kept" \
	test "$(psql_q "SELECT string_agg(token_hash, ',') FROM user_tokens WHERE token_hash IN ('$(hex "${n}3")', '$(hex "${n}4")', '$(hex "${n}5")')")" = "$(hex "${n}5")"
check "the old sent mail is gone; the recent one and the queued one kept" \
	test "$(psql_q "SELECT string_agg(subject, ',' ORDER BY id) FROM mail_outbox WHERE subject LIKE 'purge-%-$n'")" = "purge-new-sent-$n,purge-old-queued-$n"
absent() { ! sql_yes "$1"; }
check "the old rate-limit windows are gone" absent \
	"SELECT 1 FROM rate_limits WHERE key = '${ADDR[old]}'"
check "the live account is untouched" sql_yes \
	"SELECT 1 FROM users WHERE id = ${ID[keep]} AND email = '${EMAIL[keep]}' AND deleted_at IS NULL
	 AND EXISTS (SELECT 1 FROM plans WHERE owner_id = ${ID[keep]})
	 AND EXISTS (SELECT 1 FROM api_keys WHERE user_id = ${ID[keep]})"

# --- a second run changes nothing -------------------------------------------------
snapshot() {
	psql_q "SELECT md5(concat_ws('|',
		(SELECT string_agg(u::text, ',' ORDER BY id) FROM users u),
		(SELECT string_agg(a::text, ',' ORDER BY id) FROM audit_log a),
		(SELECT string_agg(s.id::text, ',' ORDER BY id) FROM sessions s),
		(SELECT string_agg(t.id::text, ',' ORDER BY id) FROM user_tokens t),
		(SELECT string_agg(m.id::text, ',' ORDER BY id) FROM mail_outbox m),
		(SELECT string_agg(p.id::text, ',' ORDER BY id) FROM plans p),
		(SELECT string_agg(j.id::text, ',' ORDER BY id) FROM video_jobs j)))"
}
before=$(snapshot)
out=$(admin purge 2>&1)
check "a second run purges nothing ($out)" grep -q "^purged 0 deleted accounts" <<<"$out"
check "and changes nothing in the database" test "$(snapshot)" = "$before"

# --- the privacy policy states the retention in force ----------------------------
fetch "$B/privacy"
check "the privacy policy says the data is scrubbed after $days days" \
	bash -c '[[ $1 == 200 && $2 == *"After $3 days, the Service scrubs"* && $2 == *pseudonymous* ]]' _ "$HTTP_STATUS" "$HTTP_BODY" "$days"

# --- the address is free again ------------------------------------------------------
check "the old address can have an account again" make_user "${EMAIL[old]}" "$pw"

rm -rf "${videos:?}/${JOB_DONE[young]}" "${videos:?}/${JOB_DONE[keep]}"
reset_limits
finish
