/*
 * session.h - who is asking: the signed-in account behind a request, from
 * its session cookie, and the CSRF rule for requests a cookie
 * authenticates.
 *
 * A session is a random token (lib/token.h) in the cookie __Host-cibozer
 * (Secure; HttpOnly; SameSite=Lax; Path=/; under a base_path the cookie
 * __Secure-cibozer with Path=base_path); the sessions table holds only
 * its SHA-256. A session ends after session_idle_timeout seconds unused (to
 * the minute: last_seen_at moves once a minute, session.c) or
 * session_lifetime seconds after it began, at log-out, and when the
 * account is disabled. A new token is made at every log-in and privilege
 * change, and the token a client held before is deleted, so a cookie set
 * before log-in is never honoured after it.
 *
 * Every state-changing request (not GET or HEAD) that a cookie
 * authenticates must carry the session's CSRF token (form field
 * csrf_token, or header X-CSRF-Token) and an Origin or Referer of the
 * configured base_url; otherwise it is refused with 403. The token a
 * response carries (user->csrf, the pages' forms, the JSON csrf_token) is
 * the session's CSRF secret masked afresh for that response (lib/csrf.h,
 * against BREACH); any masked form of the secret is accepted, a malformed
 * one is refused like a wrong one.
 *
 * On /api/ paths a request may instead carry an API key ("Authorization:
 * Bearer cz_live_..."; only its SHA-256 is stored). Such requests are
 * exempt from the CSRF rule (no browser sends the header by itself), are
 * limited to the key's scopes, are counted per key and UTC day in
 * api_key_usage and refused (429) past CZ_APIKEY_DAILY_FACTOR times the
 * owner's daily plan quota. An unknown, revoked or malformed key is 401.
 */
#ifndef CZ_SESSION_H
#define CZ_SESSION_H

#define CZ_SESSION_COOKIE	"__Host-cibozer"
/* Under a path prefix (base_path): a __Host- cookie must have Path=/, so
 * the cookie is __Secure-cibozer with Path=base_path instead, and another
 * application on the same host never receives it. */
#define CZ_SESSION_COOKIE_PREFIXED	"__Secure-cibozer"
/* A key may make this many requests a day per plan of the owner's tier's
 * daily plan quota (free: 50 plans, so 5000 requests). */
#define CZ_APIKEY_DAILY_FACTOR	100

#include "request.h"

struct cz_app;
struct cz_db;

/* The session cookie's name for this install (CZ_SESSION_COOKIE, or
 * CZ_SESSION_COOKIE_PREFIXED under a base_path). */
const char *cz_session_cookie_name(const struct cz_request *r);

/* Adds the Set-Cookie header that makes the browser forget its session
 * cookie. */
void cz_session_clear_cookie(struct cz_request *r);

/* Registers the session statements. Returns 0 or -1. */
int cz_session_register(struct cz_db *db);

/* The channel PostgreSQL notifies when keys or accounts change (sql/039). */
#define CZ_AUTH_CHANNEL		"cz_auth"

/*
 * Makes the worker keep the API keys it looks up for up to a second
 * (lib/key_cache.h) and LISTEN on CZ_AUTH_CHANNEL, whose notifications
 * empty that cache: a long-running worker only (a CGI process serves one
 * request). Returns 0, or -1 when out of memory.
 */
int cz_session_cache_keys(struct cz_app *app);

/*
 * Empties the worker's key cache when what would make it wrong happened:
 * a change of keys or accounts PostgreSQL notified (sql/039), or a new
 * connection, which missed any. Takes every notification libpq has read,
 * so that a worker answering no API request does not pile them up: the
 * worker calls it between requests as well as before each key lookup.
 */
void cz_session_keys_sync(struct cz_app *app);

/*
 * Sets r->user from the session cookie when it names a live session of an
 * enabled account, or from the API key on /api/ paths (else r->user stays
 * NULL). Without a database the request goes on anonymously. Returns
 * CZ_NEXT, CZ_DONE when the answer (a 429) is built, or an HTTP status
 * (request.h).
 */
int cz_session_load(struct cz_request *r);

/* Returns CZ_NEXT when r->user may act under scope (a session may do
 * anything, a key what its scopes name), else 401 (nobody signed in) or
 * 403, with r->error_message set. */
int cz_user_can(struct cz_request *r, const char *scope);

/* Returns CZ_NEXT when r->user came with a session (not an API key), else
 * 401 or 403 with r->error_message set: account changes need a session. */
int cz_session_required(struct cz_request *r);

/*
 * The CSRF rule above, for a request after its body was read. Returns
 * CZ_NEXT, or 403 with r->error_message set.
 */
int cz_session_check_csrf(struct cz_request *r);

/*
 * Starts a new session for account user_id: a new token and CSRF token,
 * stored as the token's digest, the cookie set on the response, and the
 * session the request came with (if any) deleted. *csrf receives the new
 * CSRF token, masked (arena-owned). Returns 0 or an HTTP status (500, 503).
 */
int cz_session_start(struct cz_request *r, long long user_id,
    const char **csrf);

/* Deletes the request's session (if any) and clears the cookie. */
void cz_session_end(struct cz_request *r);

/* Deletes every session of account user_id and clears the cookie.
 * Returns the number of sessions ended, or -1. */
long long cz_session_end_all(struct cz_request *r, long long user_id);

#endif
