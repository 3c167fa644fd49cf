#!/bin/bash
# test_accounts_admin.sh - accounts through cibozer-admin against the real
# database: user create (password policy, argon2id at the default cost,
# normalised and case-insensitively unique addresses), list, set-tier,
# set-admin, disable, each with its audit_log entry; audit filters; the
# audit log refusing UPDATE, DELETE and TRUNCATE; the rate-limit function
# (counts, wait seconds, growing lockout); sessions storing only a token's
# SHA-256.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

[[ -x ${CZ_ADMIN:-} ]] || skip "cibozer-admin is not built (CZ_ADMIN=${CZ_ADMIN:-unset})"
command -v sha256sum >/dev/null || skip "sha256sum (coreutils) is missing"
# The stack's configuration file predates this setting; point at the list
# in the source tree (installed builds find it under pkgdatadir).
export CIBOZER_PASSWORD_LIST=$CZ_SRCDIR/data/common-passwords.txt

tmp=$(_cz_tmp)
admin() { "$CZ_ADMIN" --config "$CZ_CONFIG" "$@"; }
email=acct-admin-$$@example.org
EMAIL_MIXED="  Acct-Admin-$$@Example.ORG "
pw='tangerine orbit 7'

# --- user create -----------------------------------------------------------
check "user create reads the password from stdin" \
	bash -c 'printf "%s\n" "$3" | "$1" --config "$2" user create "$4" >"$5"' _ \
	"$CZ_ADMIN" "$CZ_CONFIG" "$pw" "$EMAIL_MIXED" "$tmp/create.out"
check "it prints the new account id" grep -Eq '^created account [0-9]+$' "$tmp/create.out"
uid=$(psql_q "SELECT id FROM users WHERE email = '$email'")
check "the address is stored trimmed and lower-cased" test -n "$uid"
hash=$(psql_q "SELECT password_hash FROM users WHERE id = ${uid:-0}")
check "the hash is argon2id at the default cost (m=19456, t=2, p=1)" \
	bash -c '[[ $1 == "\$argon2id\$v=19\$m=19456,t=2,p=1\$"* ]]' _ "$hash"
check "the password itself is not stored" bash -c '[[ $1 != *"$2"* ]]' _ "$hash" "$pw"
check "a new account is free, not admin, unverified" \
	test "$(psql_q "SELECT tier, is_admin, email_verified_at IS NULL FROM users WHERE id = ${uid:-0}")" = "free|f|t"

check "the same address in another case is refused" \
	bash -c '! printf "%s\n" "$3" | "$1" --config "$2" user create "$4" 2>"$5" && grep -q "exists" "$5"' _ \
	"$CZ_ADMIN" "$CZ_CONFIG" "$pw" "ACCT-ADMIN-$$@example.org" "$tmp/dup.err"
check "a row with another case cannot be inserted behind its back" \
	bash -c '! "$1" -X -q -v ON_ERROR_STOP=1 "$2" -c "INSERT INTO users (email, password_hash) VALUES (\$\$x-$3@example.org\$\$, \$\$\$argon2id\$x\$\$); INSERT INTO users (email, password_hash) VALUES (\$\$X-$3@example.org\$\$, \$\$\$argon2id\$x\$\$)" 2>/dev/null' _ \
	"$CZ_PG_BIN/psql" "$CZ_DATABASE_URL" "$$"
check "one account for the address" test "$(psql_q "SELECT count(*) FROM users WHERE lower(email) = '$email'")" = 1

weak() { # weak NAME PASSWORD MESSAGE
	check "user create refuses $1" \
		bash -c '! printf "%s\n" "$3" | "$1" --config "$2" user create "$4" 2>"$5" && grep -q -- "$6" "$5"' _ \
		"$CZ_ADMIN" "$CZ_CONFIG" "$2" "weak-$$@example.org" "$tmp/weak.err" "$3"
}
weak "7 characters" 'abcdef7' 'at least 8 characters'
weak "129 characters" "$(printf 'x%.0s' {1..129})" 'at most 128 characters'
weak "the e-mail address in another case" "WEAK-$$@EXAMPLE.ORG" 'e-mail address'
weak "a common password" 'Password123' 'too common'
check "no weak account was made" test "$(psql_q "SELECT count(*) FROM users WHERE email = 'weak-$$@example.org'")" = 0
check "an unknown tier is a usage error" \
	bash -c 'printf "%s\n" "$3" | "$1" --config "$2" user create --tier gold x-$$@example.org; test $? = 2' _ \
	"$CZ_ADMIN" "$CZ_CONFIG" "$pw"

# --- list, set-tier, set-admin -------------------------------------------------
check "user list shows the account" bash -c '"$1" --config "$2" user list | grep -Eq "^$3	$4	free	-	unverified	"' _ \
	"$CZ_ADMIN" "$CZ_CONFIG" "$uid" "$email"
check "set-tier premium (any case of the address)" admin user set-tier "ACCT-ADMIN-$$@example.org" premium
check "the tier is premium" test "$(psql_q "SELECT tier FROM users WHERE id = ${uid:-0}")" = premium
check "set-tier refuses an unknown tier" bash -c '"$1" --config "$2" user set-tier "$3" gold 2>/dev/null; test $? = 2' _ \
	"$CZ_ADMIN" "$CZ_CONFIG" "$email"
check "set-tier to the same tier records nothing new" admin user set-tier "$email" premium
psql_q "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (repeat('b', 64), ${uid:-0}, repeat('c', 43), now() + interval '1 hour')" >/dev/null
check "set-admin on" admin user set-admin "$email" on
check "a change of privilege ends the account's sessions" \
	test "$(psql_q "SELECT count(*) FROM sessions WHERE user_id = ${uid:-0}")" = 0
check "the account is admin" test "$(psql_q "SELECT is_admin FROM users WHERE id = ${uid:-0}")" = t
check "set-admin refuses anything but on|off" bash -c '"$1" --config "$2" user set-admin "$3" yes 2>/dev/null; test $? = 2' _ \
	"$CZ_ADMIN" "$CZ_CONFIG" "$email"
check "an unknown address fails" bash -c '! "$1" --config "$2" user set-tier nobody-$$@example.org free 2>/dev/null' _ \
	"$CZ_ADMIN" "$CZ_CONFIG"

# --- sessions keep only the token's SHA-256 --------------------------------------
token=$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
thash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
csrf=$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
check "a session is stored by the token's hash" \
	psql_q "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ('$thash', ${uid:-0}, '$csrf', now() + interval '1 hour')"
check "the raw token is refused where the hash belongs" \
	bash -c '! "$1" -X -q -v ON_ERROR_STOP=1 "$2" -c "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ('"'"'$3'"'"', $4, '"'"'$5'"'"', now() + interval '"'"'1 hour'"'"')" 2>/dev/null' _ \
	"$CZ_PG_BIN/psql" "$CZ_DATABASE_URL" "$token" "${uid:-0}" "$csrf"
check "the session is found from the token by hashing it" \
	test "$(psql_q "SELECT user_id FROM sessions WHERE token_hash = encode(sha256(convert_to('$token', 'UTF8')), 'hex')")" = "$uid"
check "no session row holds the token" \
	test "$(psql_q "SELECT count(*) FROM sessions s WHERE strpos(row_to_json(s)::text, '$token') > 0")" = 0

# --- disable -----------------------------------------------------------------
check "user disable" admin user disable "$email"
check "the account is disabled" test "$(psql_q "SELECT disabled_at IS NOT NULL FROM users WHERE id = ${uid:-0}")" = t
check "its sessions are gone" test "$(psql_q "SELECT count(*) FROM sessions WHERE user_id = ${uid:-0}")" = 0

# --- audit -------------------------------------------------------------------
events=$(psql_q "SELECT string_agg(event, ',' ORDER BY id) FROM audit_log WHERE account_id = ${uid:-0}")
check "each change wrote one audit entry, in order ($events)" \
	test "$events" = "user.created,tier.changed,admin.changed,user.disabled"
check "tier.changed records from and to" \
	test "$(psql_q "SELECT detail->>'from', detail->>'to', detail->>'by' FROM audit_log WHERE account_id = ${uid:-0} AND event = 'tier.changed'")" = "free|premium|cibozer-admin"
check "user.disabled counts the ended sessions" \
	test "$(psql_q "SELECT detail->>'sessions_ended' FROM audit_log WHERE account_id = ${uid:-0} AND event = 'user.disabled'")" = 1
check "no audit entry holds the address" \
	test "$(psql_q "SELECT count(*) FROM audit_log WHERE strpos(lower(detail::text), '$email') > 0")" = 0
admin audit --user "$email" >"$tmp/audit.out" 2>&1
check "audit --user lists that account's four entries" \
	test "$(grep -cE '	(user\.created|tier\.changed|admin\.changed|user\.disabled)	'"$uid"'	' "$tmp/audit.out")" = 4
check "audit --user lists no other account" \
	test "$(tail -n +2 "$tmp/audit.out" | awk -F'\t' -v u="$uid" '$4 != u' | wc -l)" = 0
check "audit --since the future lists nothing" \
	test "$(admin audit --since '2999-01-01T00:00:00Z' | wc -l)" = 1
check "audit --since the past lists the entries" \
	bash -c '"$1" --config "$2" audit --since 2000-01-01 | grep -q "	tier.changed	$3	"' _ "$CZ_ADMIN" "$CZ_CONFIG" "$uid"
check "audit --user of an unknown address fails" \
	bash -c '! "$1" --config "$2" audit --user nobody-$$@example.org 2>/dev/null' _ "$CZ_ADMIN" "$CZ_CONFIG"
for op in "UPDATE audit_log SET event = 'x.y'" "DELETE FROM audit_log" "TRUNCATE audit_log"; do
	check "the audit log refuses: $op" \
		bash -c '! "$1" -X -q -v ON_ERROR_STOP=1 "$2" -c "$3" 2>/dev/null' _ "$CZ_PG_BIN/psql" "$CZ_DATABASE_URL" "$op"
done
check "the audit entries are all still there" \
	test "$(psql_q "SELECT count(*) FROM audit_log WHERE account_id = ${uid:-0}")" = 4

# --- rate limits -------------------------------------------------------------
# Each sequence runs in one statement, so now() (and the window) is the
# same for every hit of it; "+ 0 * g" makes the call depend on the row, so
# it runs once per row rather than once for the whole statement.
k=test-$$
got=$(psql_q "SELECT string_agg(over_limit || ':' || (retry_after BETWEEN 1 AND 3600) || ':' || hits, ' ' ORDER BY g)
	FROM generate_series(1, 5) g, LATERAL rate_limit_hit('register.address', '$k', 3 + 0 * g, 3600) r")
check "3 per hour: hits 1-3 pass, 4 and 5 are over with a wait ($got)" \
	test "$got" = "false:false:1 false:false:2 false:false:3 true:true:4 true:true:5"
check "another key has its own count" \
	test "$(psql_q "SELECT over_limit || ':' || hits FROM rate_limit_hit('register.address', '$k-other', 3, 3600)")" = "false:1"
check "another scope has its own count" \
	test "$(psql_q "SELECT over_limit || ':' || hits FROM rate_limit_hit('reset.address', '$k', 3, 3600)")" = "false:1"
got=$(psql_q "SELECT string_agg(over_limit || ':' || retry_after || ':' || hits, ' ' ORDER BY g)
	FROM generate_series(1, 7) g, LATERAL rate_limit_hit('login.account', '$k', 5 + 0 * g, 60, true) r")
check "login lockout: 5 pass, the 6th locks for 60 s, the 7th is refused uncounted ($got)" \
	test "$got" = "false:0:1 false:0:2 false:0:3 false:0:4 false:0:5 true:60:6 true:60:0"
psql_q "UPDATE rate_lockouts SET locked_until = now() - interval '1 second' WHERE scope = 'login.account' AND key = '$k'"
got=$(psql_q "SELECT string_agg(over_limit || ':' || retry_after, ' ' ORDER BY g)
	FROM generate_series(1, 6) g, LATERAL rate_limit_hit('login.account', '$k', 5 + 0 * g, 60, true) r")
check "after the lockout the count starts again and the next lockout is twice as long ($got)" \
	test "$got" = "false:0 false:0 false:0 false:0 false:0 true:120"
check "a second connection sees the lockout (held in the database)" \
	bash -c '[[ $("$1" -X -q -At "$2" -c "SELECT over_limit FROM rate_limit_hit('"'"'login.account'"'"', '"'"'$3'"'"', 5, 60, true)") == t ]]' _ \
	"$CZ_PG_BIN/psql" "$CZ_DATABASE_URL" "$k"
psql_q "SELECT rate_limit_clear('login.account', '$k')" >/dev/null
check "rate_limit_clear lifts it" \
	test "$(psql_q "SELECT over_limit || ':' || hits FROM rate_limit_hit('login.account', '$k', 5, 60, true)")" = "false:1"

# user unlock clears the per-account login lockout through lib/ratelimit,
# whose key is the address's SHA-256 (never the address).
akey=$(printf '%s' "$email" | sha256sum | cut -d' ' -f1)
psql_q "SELECT count(*) FROM generate_series(1, 6) g, LATERAL rate_limit_hit('login.account', '$akey', 5 + 0 * g, 60, true)" >/dev/null
check "the account's login is locked" \
	test "$(psql_q "SELECT count(*) FROM rate_lockouts WHERE scope = 'login.account' AND key = '$akey' AND locked_until > now()")" = 1
check "user unlock" admin user unlock "$email"
check "the lockout is gone" \
	test "$(psql_q "SELECT count(*) FROM rate_lockouts WHERE scope = 'login.account' AND key = '$akey'")" = 0
check "and audited as user.unlocked" \
	test "$(psql_q "SELECT count(*) FROM audit_log WHERE account_id = ${uid:-0} AND event = 'user.unlocked'")" = 1
check "no rate-limit key is an address" \
	test "$(psql_q "SELECT count(*) FROM rate_limits WHERE key LIKE '%@%'")" = 0

# --- schema odds and ends ----------------------------------------------------------
check "plans have a nullable owner referencing users" \
	test "$(psql_q "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'plans' AND column_name = 'owner_id'")" = YES
check "API key scopes are limited to the four known ones" \
	bash -c '! "$1" -X -q -v ON_ERROR_STOP=1 "$2" -c "INSERT INTO api_keys (user_id, name, prefix, key_hash, scopes) VALUES ($3, '"'"'k'"'"', '"'"'cz_live_abcdefgh'"'"', repeat('"'"'a'"'"', 64), ARRAY['"'"'admin:all'"'"'])" 2>/dev/null' _ \
	"$CZ_PG_BIN/psql" "$CZ_DATABASE_URL" "${uid:-0}"

finish
