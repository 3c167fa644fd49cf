#!/bin/bash
# test_mail.sh - the mail outbox delivered by cibozer-admin deliver-mail
# through a sendmail-compatible command. The command is replaced, at its
# command-line interface only, by a script that stores each message and its
# arguments: queued messages are delivered once, with the templates'
# subject, body and disclaimer; a failing command is retried with a
# doubling backoff and dead-lettered after mail_max_attempts; shell
# metacharacters in the recipient, the subject or the command setting are
# never interpreted; addresses stay out of the log; a sent or dead message
# keeps its headers and a digest of its body, not the body (its link).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

[[ -x ${CZ_ADMIN:-} ]] || skip "cibozer-admin is not built (CZ_ADMIN=${CZ_ADMIN:-unset})"

tmp=$(_cz_tmp)
out=$tmp/mail-out
mkdir -p "$out"
rm -f "$out"/* "$tmp"/pwned*

# The stand-in for sendmail: stores stdin as NNN.eml and the arguments, one
# a line, as NNN.args.
cat >"$tmp/fake-sendmail" <<SCRIPT
#!/bin/sh
n=\$(ls "$out" | grep -c '\.eml\$')
n=\$(printf '%03d' \$((n + 1)))
printf '%s\n' "\$@" >"$out/\$n.args"
cat >"$out/\$n.eml"
SCRIPT
cat >"$tmp/failing-sendmail" <<'SCRIPT'
#!/bin/sh
cat >/dev/null
echo "451 try again later" >&2
exit 75
SCRIPT
chmod 755 "$tmp/fake-sendmail" "$tmp/failing-sendmail"

admin() { "$CZ_ADMIN" --config "$CZ_CONFIG" "$@"; }
deliver() { # deliver COMMAND [ARGS...] - one run with that mail_command
	CIBOZER_MAIL_COMMAND=$1 CIBOZER_MAIL_MAX_ATTEMPTS=3 CIBOZER_MAIL_RETRY_SECONDS=60 \
		"$CZ_ADMIN" --config "$CZ_CONFIG" deliver-mail
}
to=mail-test-$$@example.org
# Messages left due by earlier tests would be counted here: there are none
# unless a test queued some, and then they are delivered first.
deliver "$tmp/fake-sendmail -t -i" >/dev/null 2>&1
rm -f "$out"/*

# --- delivery ------------------------------------------------------------------
check "mail-test queues a verification mail" admin mail-test "$to"
check "mail-test queues a password-reset mail" admin mail-test "$to" password_reset
check "mail-test queues a video-ready mail" admin mail-test "$to" video_ready
check "an unknown template is refused" bash -c '! "$1" --config "$2" mail-test "$3" no_such 2>/dev/null' _ "$CZ_ADMIN" "$CZ_CONFIG" "$to"
res=$(deliver "$tmp/fake-sendmail -t -i" 2>"$tmp/deliver.err")
check "deliver-mail sends the three ($res)" test "$res" = "sent 3, retrying later 0, dead-lettered 0"
check "three messages reached the command" test "$(find "$out" -name '*.eml' | wc -l)" = 3
check "the command got exactly -t -i" bash -c 'for f in "$1"/*.args; do [[ $(cat "$f") == $'"'"'-t\n-i'"'"' ]] || exit 1; done' _ "$out"
check "the recipient is in the To: header" grep -qx "To: $to" "$out/001.eml"
check "the verification subject" grep -qx "Subject: Confirm your e-mail address for Cibozer" "$out/001.eml"
check "the reset mail says 15 minutes" grep -q "within 15 minutes" "$out/002.eml"
for f in 001 002 003; do
	check "message $f carries the disclaimer" \
		bash -c 'grep -q "NOT intended to provide medical advice" "$1" && grep -q "Food and Drug Administration" "$1"' _ "$out/$f.eml"
	check "message $f has From, Date, Message-ID and a UTF-8 text body" \
		bash -c 'grep -q "^From: " "$1" && grep -q "^Date: " "$1" && grep -q "^Message-ID: <" "$1" && grep -q "^Content-Type: text/plain; charset=UTF-8" "$1"' _ "$out/$f.eml"
done
check "the rows are sent, after one attempt" \
	test "$(psql_q "SELECT string_agg(status || ':' || attempts || ':' || (sent_at IS NOT NULL), ' ') FROM mail_outbox WHERE recipient = '$to'")" = "sent:1:true sent:1:true sent:1:true"
res=$(deliver "$tmp/fake-sendmail -t -i" 2>/dev/null)
check "a second run sends nothing again ($res)" test "$res" = "sent 0, retrying later 0, dead-lettered 0"
check "still three messages" test "$(find "$out" -name '*.eml' | wc -l)" = 3
check "the log never names the recipient" bash -c '! grep -q "@example.org" "$1"' _ "$tmp/deliver.err"

# --- retries, backoff, dead letter -------------------------------------------------
to2=mail-retry-$$@example.org
admin mail-test "$to2" >/dev/null
id=$(psql_q "SELECT id FROM mail_outbox WHERE recipient = '$to2'")
res=$(deliver "$tmp/failing-sendmail" 2>"$tmp/fail.err")
check "a failing command leaves the message for later ($res)" test "$res" = "sent 0, retrying later 1, dead-lettered 0"
check "attempt 1: queued, next try 60 s later, the command's words kept" \
	test "$(psql_q "SELECT status, attempts, extract(epoch FROM next_attempt_at - last_attempt_at)::int, last_error FROM mail_outbox WHERE id = ${id:-0}")" = "queued|1|60|exit status 75: 451 try again later"
check "the failure is logged by message id, without the address" \
	bash -c 'grep -q "message $2, attempt 1: exit status 75" "$1" && ! grep -q "@example.org" "$1"' _ "$tmp/fail.err" "$id"
res=$(deliver "$tmp/fake-sendmail -t -i" 2>/dev/null)
check "it is not retried before its time ($res)" test "$res" = "sent 0, retrying later 0, dead-lettered 0"
psql_q "UPDATE mail_outbox SET next_attempt_at = now() WHERE id = ${id:-0}"
res=$(deliver "$tmp/failing-sendmail" 2>/dev/null)
check "attempt 2 fails again ($res)" test "$res" = "sent 0, retrying later 1, dead-lettered 0"
check "attempt 2: the wait doubles to 120 s" \
	test "$(psql_q "SELECT attempts, extract(epoch FROM next_attempt_at - last_attempt_at)::int FROM mail_outbox WHERE id = ${id:-0}")" = "2|120"
psql_q "UPDATE mail_outbox SET next_attempt_at = now() WHERE id = ${id:-0}"
res=$(deliver "$tmp/failing-sendmail" 2>/dev/null)
check "attempt 3 of 3 dead-letters it ($res)" test "$res" = "sent 0, retrying later 0, dead-lettered 1"
check "the row is dead after 3 attempts" test "$(psql_q "SELECT status, attempts FROM mail_outbox WHERE id = ${id:-0}")" = "dead|3"
check "the dead message keeps no body, only its digest" \
	test "$(psql_q "SELECT body IS NULL, body_sha256 ~ '^[0-9a-f]{64}\$' FROM mail_outbox WHERE id = ${id:-0}")" = "t|t"
psql_q "UPDATE mail_outbox SET next_attempt_at = now() WHERE id = ${id:-0}"
res=$(deliver "$tmp/fake-sendmail -t -i" 2>/dev/null)
check "a dead message is never sent ($res)" test "$res" = "sent 0, retrying later 0, dead-lettered 0"
check "a missing command counts as a failed attempt" \
	bash -c 'to=$3; "$1" --config "$2" mail-test "$to" >/dev/null && r=$(CIBOZER_MAIL_COMMAND=/nonexistent/sendmail "$1" --config "$2" deliver-mail 2>/dev/null) && [[ $r == "sent 0, retrying later 1, dead-lettered 0" ]]' _ \
	"$CZ_ADMIN" "$CZ_CONFIG" "mail-missing-$$@example.org"
check "and its error says why" \
	test "$(psql_q "SELECT last_error LIKE 'exit status 127: cannot run /nonexistent/sendmail%' FROM mail_outbox WHERE recipient = 'mail-missing-$$@example.org'")" = t
psql_q "UPDATE mail_outbox SET status = 'dead' WHERE recipient = 'mail-missing-$$@example.org'"
check "a message an operator marks dead loses its body as well" \
	test "$(psql_q "SELECT body IS NULL AND body_sha256 IS NOT NULL FROM mail_outbox WHERE recipient = 'mail-missing-$$@example.org'")" = t

# --- a delivered message keeps no working link (issue 16) ------------------------
# The body holds the mailed link: once the message is sent the row keeps
# its headers and the SHA-256 of the body, never the body.
to3=mail-body-$$@example.org
secret=BodyTok${$}aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
body="Open $CZ_BASE_URL/password-reset/confirm?token=$secret within 15 minutes."
psql_q "INSERT INTO mail_outbox (recipient, subject, body) VALUES ('$to3', 'Reset your password', \$q\$$body\$q\$)"
check "while queued, the body is kept (it is needed to send it)" \
	test "$(psql_q "SELECT count(*) FROM mail_outbox WHERE recipient = '$to3' AND body LIKE '%$secret%'")" = 1
rm -f "$out"/*
res=$(deliver "$tmp/fake-sendmail -t -i" 2>/dev/null)
check "it is delivered ($res)" test "$res" = "sent 1, retrying later 0, dead-lettered 0"
check "the message sent carried the link" grep -qF "token=$secret" "$out/001.eml"
check "after delivery the body column holds no token" \
	test "$(psql_q "SELECT count(*) FROM mail_outbox WHERE body LIKE '%$secret%'")" = 0
check "the sent row keeps its headers and no body" \
	test "$(psql_q "SELECT status, recipient, subject, body IS NULL FROM mail_outbox WHERE recipient = '$to3'")" = "sent|$to3|Reset your password|t"
check "and the SHA-256 of the body it sent" \
	test "$(psql_q "SELECT body_sha256 FROM mail_outbox WHERE recipient = '$to3'")" = "$(printf '%s' "$body" | sha256sum | cut -d' ' -f1)"
check "a sent row written directly (a restore, an operator) loses its body too" \
	test "$(psql_q "INSERT INTO mail_outbox (recipient, subject, body, status, sent_at) VALUES ('$to3', 'direct', 'token=$secret', 'sent', now()) RETURNING body IS NULL")" = t

# --- no shell anywhere -----------------------------------------------------------
rm -f "$out"/*
evil_to="x\$(touch $tmp/pwned1)\`touch $tmp/pwned2\`;touch${IFS:0:1}$tmp/pwned3@example.org"
evil_subject="Hi; touch $tmp/pwned4 && \$(touch $tmp/pwned5) | \`id\` > $tmp/pwned6 'quoted' \"dq\""
check "a message with shell metacharacters is queued" \
	psql_q "INSERT INTO mail_outbox (recipient, subject, body) VALUES (\$q\$$evil_to\$q\$, \$q\$$evil_subject\$q\$, \$q\$body \$(touch $tmp/pwned7)\$q\$)"
res=$(deliver "$tmp/fake-sendmail -t -i ;touch $tmp/pwned8 |id \$(touch $tmp/pwned9)" 2>/dev/null)
check "it is delivered ($res)" test "$res" = "sent 1, retrying later 0, dead-lettered 0"
check "the recipient arrives verbatim" grep -qxF "To: $evil_to" "$out/001.eml"
check "the subject arrives verbatim" grep -qxF "Subject: $evil_subject" "$out/001.eml"
check "the setting's words are plain arguments, not shell syntax" \
	test "$(cat "$out/001.args")" = "$(printf '%s\n' -t -i ';touch' "$tmp/pwned8" '|id' '$(touch' "$tmp/pwned9)")"
check "nothing was executed" bash -c '! ls "$1"/pwned* 2>/dev/null | grep -q .' _ "$tmp"
check "a recipient with a line break cannot be queued" \
	bash -c '! "$1" -X -q -v ON_ERROR_STOP=1 "$2" -c "INSERT INTO mail_outbox (recipient, subject, body) VALUES (E'"'"'a@example.org\\nBcc: b@example.org'"'"', '"'"'s'"'"', '"'"'b'"'"')" 2>/dev/null' _ \
	"$CZ_PG_BIN/psql" "$CZ_DATABASE_URL"

finish
