/*
 * session.c - session cookies, the signed-in account and CSRF checks.
 * See session.h.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "app.h"
#include "ratelimit.h"
#include "throttle.h"
#include "audit.h"
#include "clock.h"
#include "csrf.h"
#include "key_cache.h"
#include "key_usage.h"
#include "log.h"
#include "metrics.h"
#include "query.h"
#include "response.h"
#include "session.h"
#include "token.h"

/*
 * Reads the live session and its account in one round trip, and moves
 * last_seen_at only when it is more than SESSION_SEEN_STEP old: writing the
 * row on every request made each signed-in request a durable UPDATE of one
 * row, so that a browser's (or script's) concurrent requests queued behind
 * its lock and a WAL flush each. A request that writes nothing commits
 * nothing. last_seen_at is thus the first request of its minute, up to
 * SESSION_SEEN_STEP behind the last one, and the idle check allows that
 * much more: a session used within session_idle_timeout is never ended
 * early; an idle one ends at most a minute late (tools/admin_purge.c
 * allows the same minute).
 */
#define SESSION_SEEN_STEP	"60"
#define SQL_SESSION_LOOKUP \
	"WITH s AS (SELECT id, user_id, csrf_token FROM sessions WHERE " \
	"token_hash = $1 AND expires_at > now() AND last_seen_at > now() - " \
	"make_interval(secs => $2::integer + " SESSION_SEEN_STEP ")), t AS " \
	"(UPDATE sessions SET last_seen_at = now() WHERE id = (SELECT id " \
	"FROM s) AND last_seen_at < now() - make_interval(secs => " \
	SESSION_SEEN_STEP ")) SELECT s.id, u.id, u.email, u.tier, " \
	"u.is_admin, u.email_verified_at IS NOT NULL, s.csrf_token, EXISTS " \
	"(SELECT 1 FROM legal_acceptances a WHERE a.user_id = u.id AND " \
	"a.terms_version = $3 AND a.privacy_version = $4) FROM s JOIN users " \
	"u ON u.id = s.user_id WHERE u.disabled_at IS NULL AND " \
	"u.deleted_at IS NULL"
#define SQL_SESSION_INSERT \
	"INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, " \
	"address, user_agent) VALUES ($1, $2::bigint, $3, now() + " \
	"make_interval(secs => $4::integer), $5::inet, left($6, 512))"
#define SQL_SESSION_DELETE "DELETE FROM sessions WHERE token_hash = $1"
#define SQL_SESSION_DELETE_USER "DELETE FROM sessions WHERE user_id = $1::bigint"
/* Finds a live key, marks it used and reads its requests of the day. */
/* last_used_at is kept to the minute, committed asynchronously: writing
 * the key's row on every request would make each API request update one
 * more row. The requests of the day are counted by the responders
 * (key_usage.h): the row of the day is only read here, and is as the
 * responders last added to it, up to a second ago. */
#define SQL_APIKEY_LOOKUP \
	"WITH k AS (SELECT id, user_id, scopes, last_used_at FROM api_keys " \
	"WHERE key_hash = $1 AND revoked_at IS NULL), t AS (UPDATE api_keys " \
	"SET last_used_at = now() WHERE id = (SELECT id FROM k) AND " \
	"(last_used_at IS NULL OR last_used_at < now() - interval " \
	"'1 minute') AND set_config('synchronous_commit', 'off', true) = " \
	"'off') " \
	"SELECT k.id, u.id, u.email, u.tier, u.is_admin, " \
	"u.email_verified_at IS NOT NULL, EXISTS (SELECT 1 FROM " \
	"legal_acceptances l WHERE l.user_id = u.id AND l.terms_version = $2 " \
	"AND l.privacy_version = $3), array_to_string(k.scopes, ' '), " \
	"coalesce((SELECT requests FROM api_key_usage WHERE key_id = k.id " \
	"AND day = (now() AT TIME ZONE 'UTC')::date), 0) FROM k JOIN users " \
	"u ON u.id = k.user_id WHERE u.disabled_at IS NULL AND " \
	"u.deleted_at IS NULL"

/* Parameters and columns of session_lookup and apikey_lookup. */
enum { LOOKUP_HASH, LOOKUP_IDLE, LOOKUP_TERMS, LOOKUP_PRIVACY, LOOKUP__N };
enum { LOOKUP_SESSION_ID, LOOKUP_USER_ID, LOOKUP_EMAIL, LOOKUP_TIER,
    LOOKUP_IS_ADMIN, LOOKUP_VERIFIED, LOOKUP_CSRF, LOOKUP_LEGAL_OK };
enum { KEY_HASH, KEY_TERMS, KEY_PRIVACY, KEY__N };
enum { KEY_ID, KEY_USER_ID, KEY_EMAIL, KEY_TIER, KEY_IS_ADMIN,
    KEY_VERIFIED, KEY_LEGAL_OK, KEY_SCOPES, KEY_USED };
enum { INSERT_HASH, INSERT_USER_ID, INSERT_CSRF, INSERT_LIFETIME,
    INSERT_ADDRESS, INSERT_USER_AGENT, INSERT__N };

int
cz_session_register(struct cz_db *db)
{
	if (cz_db_register(db, "session_lookup", SQL_SESSION_LOOKUP, LOOKUP__N,
	    1) == -1 ||
	    cz_db_register(db, "session_insert", SQL_SESSION_INSERT, INSERT__N,
	    0) == -1 ||
	    cz_db_register(db, "session_delete", SQL_SESSION_DELETE, 1,
	    1) == -1 ||
	    cz_db_register(db, "session_delete_user", SQL_SESSION_DELETE_USER,
	    1, 1) == -1 ||
	    cz_db_register(db, "apikey_lookup", SQL_APIKEY_LOOKUP, KEY__N,
	    0) == -1)
		return -1;
	return 0;
}

/* The session token the request's cookie carries, when well-formed. */
static const char *
cookie_token(struct cz_request *r)
{
	const char *t = cz_params_get(&r->cookies, cz_session_cookie_name(r));

	if (t == NULL || !cz_token_valid(t, strlen(t)))
		return NULL;
	return t;
}

const char *
cz_session_cookie_name(const struct cz_request *r)
{
	return r->app->settings.base_path[0] == '\0' ? CZ_SESSION_COOKIE :
	    CZ_SESSION_COOKIE_PREFIXED;
}

/* The cookie's Path: the site's root, under a base_path the prefix. */
static const char *
cookie_path(const struct cz_request *r)
{
	return r->app->settings.base_path[0] == '\0' ? "/" :
	    r->app->settings.base_path;
}

void
cz_session_clear_cookie(struct cz_request *r)
{
	cz_resp_header(r, "Set-Cookie", "%s=; Path=%s; Secure; HttpOnly; "
	    "SameSite=Lax; Max-Age=0", cz_session_cookie_name(r),
	    cookie_path(r));
}

/* A masked form of the CSRF secret (csrf.h), arena-owned; NULL (logged)
 * when the secret is malformed or no randomness could be had. */
static const char *
masked(struct cz_request *r, const char *secret)
{
	char out[CZ_CSRF_MASKED_LEN + 1];

	if (cz_csrf_mask(secret, out) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: cannot mask the CSRF secret",
		    __func__);
		return NULL;
	}
	return cz_arena_strdup(r->arena, out);
}

/* 401 for a key that does not authenticate, with the RFC 6750 header. */
static int
bad_key(struct cz_request *r, const char *why)
{
	cz_resp_header(r, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
	r->error_message = why;
	return 401;
}

/* Seconds until the next UTC midnight, when daily counts start again. */
static int
until_midnight(void)
{
	time_t now = time(NULL);

	return (int)(86400 - now % 86400);
}

/* Copies src into dst (size bytes); -1 when it does not fit. */
static int
copy_text(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		return -1;
	memcpy(dst, src, n + 1);
	return 0;
}

/*
 * The key of hash as apikey_lookup reads it, into *id: 1, or 0 when the
 * key is unknown or revoked, -1 when the row cannot be read (500), -2
 * when the database failed (503, logged).
 */
static int
key_from_database(struct cz_request *r, const char *hash,
    struct cz_key_ident *id)
{
	const struct cz_settings *s = &r->app->settings;
	const char *v[KEY__N];
	PGresult *res;

	v[KEY_HASH] = hash;
	v[KEY_TERMS] = s->terms_version;
	v[KEY_PRIVACY] = s->privacy_version;
	if ((res = cz_query(r, "apikey_lookup", KEY__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		return -2;
	}
	if (PQntuples(res) != 1)
		return 0;
	if (cz_db_int(res, 0, KEY_ID, 1, LLONG_MAX, &id->key_id) == -1 ||
	    cz_db_int(res, 0, KEY_USER_ID, 1, LLONG_MAX, &id->user_id) == -1 ||
	    cz_db_int(res, 0, KEY_USED, 0, LLONG_MAX, &id->used) == -1 ||
	    copy_text(id->email, sizeof(id->email),
	    cz_db_text(res, 0, KEY_EMAIL)) == -1 ||
	    copy_text(id->tier, sizeof(id->tier),
	    cz_db_text(res, 0, KEY_TIER)) == -1 ||
	    copy_text(id->scopes, sizeof(id->scopes),
	    cz_db_text(res, 0, KEY_SCOPES)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: an API key's row does not read",
		    __func__);
		return -1;
	}
	id->is_admin = cz_db_bool(res, 0, KEY_IS_ADMIN);
	id->verified = cz_db_bool(res, 0, KEY_VERIFIED);
	id->legal_ok = cz_db_bool(res, 0, KEY_LEGAL_OK);
	return 1;
}

/*
 * The key of hash from this worker's cache when it holds it, else from
 * the database (then kept): as key_from_database. The cache is brought
 * up to date first (cz_session_keys_sync; cz_db_ensure has read what
 * waited on the connection).
 */
static int
key_lookup(struct cz_request *r, const char *hash, struct cz_key_ident *id)
{
	struct cz_app *app = r->app;
	const struct cz_key_ident *hit;
	double now;
	int rc;

	if (app->keys == NULL)
		return key_from_database(r, hash, id);
	cz_session_keys_sync(app);
	now = cz_clock_s();
	if ((hit = cz_key_cache_get(app->keys, hash, now)) != NULL) {
		*id = *hit;
		if (app->metrics != NULL)
			cz_metrics_key_lookup(app->metrics, 1);
		return 1;
	}
	rc = key_from_database(r, hash, id);
	if (rc == 1) {
		cz_key_cache_put(app->keys, hash, now, id);
		if (app->metrics != NULL)
			cz_metrics_key_lookup(app->metrics, 0);
	}
	return rc;
}

void
cz_session_keys_sync(struct cz_app *app)
{
	unsigned long conn;

	if (app->keys == NULL || app->db == NULL)
		return;
	conn = cz_db_stats(app->db)->connects;
	if (cz_db_notifications(app->db) > 0 || conn != app->keys_conn) {
		cz_key_cache_forget_all(app->keys);
		app->keys_conn = conn;
	}
}

int
cz_session_cache_keys(struct cz_app *app)
{
	if ((app->keys = cz_key_cache_new()) == NULL)
		return -1;
	if (cz_db_listen(app->db, CZ_AUTH_CHANNEL) == -1) {
		cz_key_cache_free(app->keys);
		app->keys = NULL;
		return -1;
	}
	return 0;
}

/* r->user from an "Authorization: Bearer" API key. */
static int
load_key(struct cz_request *r, const char *auth)
{
	const struct cz_settings *s = &r->app->settings;
	char hash[CZ_SHA256_HEX + 1];
	const char *cred;
	struct cz_key_ident id;
	struct cz_user *u;
	long long used, quota;
	size_t len;
	int rc;

	if (cz_parse_bearer(auth, strlen(auth), &cred, &len) != CZ_P_OK ||
	    !cz_apikey_parse(cred, len, NULL))
		return bad_key(r, "the Authorization header must be \"Bearer "
		    "cz_live_...\" with an API key");
	if (cz_sha256_hex(cred, len, hash) == -1)
		return 500;
	if (cz_db_ensure(r->app->db) == -1) {
		return cz_db_unavailable(r);
	}
	rc = key_lookup(r, hash, &id);
	if (rc == -2)
		return 503;
	if (rc == -1)
		return 500;
	if (rc == 0)
		return bad_key(r, "the API key is unknown or revoked");
	if ((u = cz_arena_calloc(r->arena, 1, sizeof(*u))) == NULL ||
	    (u->email = cz_arena_strdup(r->arena, id.email)) == NULL ||
	    (u->tier = cz_arena_strdup(r->arena, id.tier)) == NULL ||
	    (u->scopes = cz_arena_strdup(r->arena, id.scopes)) == NULL)
		return 500;
	u->key_id = id.key_id;
	u->id = id.user_id;
	u->is_admin = id.is_admin;
	u->verified = id.verified;
	u->legal_ok = id.legal_ok;
	r->user = u;
	/* This request, and those this responder counted but has not added
	 * yet: a limit passed by at most the other responders' last second
	 * (and the second a key stays in the cache). */
	used = id.used + cz_key_usage_held(r->app, u->key_id) + 1;
	cz_key_usage_count(r->app, u->key_id, 1, 0, 0);
	quota = cz_quota(s, u->tier, 0);
	if (quota >= 0 && used > quota * CZ_APIKEY_DAILY_FACTOR) {
		cz_limit_refuse(r, u->id, "apikey.requests", until_midnight(),
		    cz_arena_printf(r->arena, "this API key made its %lld "
		    "requests of the day (%s tier); the count starts again at "
		    "midnight UTC", quota * CZ_APIKEY_DAILY_FACTOR, u->tier));
		return CZ_DONE;
	}
	return CZ_NEXT;
}

int
cz_session_load(struct cz_request *r)
{
	const struct cz_settings *s = &r->app->settings;
	struct cz_user *u;
	const char *tok, *secret, *v[LOOKUP__N];
	char hash[CZ_SHA256_HEX + 1], idle[32];
	PGresult *res;

	r->user = NULL;
	tok = cz_req_env(r, "HTTP_AUTHORIZATION");
	if (tok != NULL && *tok != '\0' && strncmp(r->path, "/api/", 5) == 0)
		return load_key(r, tok);
	if ((tok = cookie_token(r)) == NULL)
		return CZ_NEXT;
	if (cz_sha256_hex(tok, strlen(tok), hash) == -1)
		return 500;
	if (cz_db_ensure(r->app->db) == -1)
		return CZ_NEXT;	/* pages that need no database still answer */
	snprintf(idle, sizeof(idle), "%lld", s->session_idle_timeout);
	v[LOOKUP_HASH] = hash;
	v[LOOKUP_IDLE] = idle;
	v[LOOKUP_TERMS] = s->terms_version;
	v[LOOKUP_PRIVACY] = s->privacy_version;
	if ((res = cz_query(r, "session_lookup", LOOKUP__N, v)) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		/* The database went away just now: a page that needs it
		 * answers 503 with Retry-After, not as if signed out (that
		 * sent signed-in visitors to the log-in form). */
		if (r->match.route->flags & CZ_ROUTE_DB)
			return cz_db_unavailable(r);
		return CZ_NEXT;
	}
	if (PQntuples(res) != 1) {
		/* Expired, ended or unknown: the browser may forget it. */
		cz_session_clear_cookie(r);
		return CZ_NEXT;
	}
	if ((u = cz_arena_calloc(r->arena, 1, sizeof(*u))) == NULL)
		return 500;
	if (cz_db_int(res, 0, LOOKUP_SESSION_ID, 1, LLONG_MAX,
	    &u->session_id) == -1 ||
	    cz_db_int(res, 0, LOOKUP_USER_ID, 1, LLONG_MAX, &u->id) == -1)
		return 500;
	u->email = cz_db_text(res, 0, LOOKUP_EMAIL);
	u->tier = cz_db_text(res, 0, LOOKUP_TIER);
	u->is_admin = cz_db_bool(res, 0, LOOKUP_IS_ADMIN);
	u->verified = cz_db_bool(res, 0, LOOKUP_VERIFIED);
	/* Pages are compressed: what they carry is the session's CSRF
	 * secret under a fresh pad, different bytes in every response. A
	 * stored secret that is no token (written by hand) ends the
	 * session rather than every request of it failing. */
	secret = cz_db_text(res, 0, LOOKUP_CSRF);
	if (!cz_token_valid(secret, strlen(secret))) {
		cz_log(CZ_LOG_WARN, "%s: session %lld has a malformed CSRF "
		    "secret; not honoured", __func__, u->session_id);
		cz_session_clear_cookie(r);
		return CZ_NEXT;
	}
	if ((u->csrf = masked(r, secret)) == NULL)
		return 500;
	u->legal_ok = cz_db_bool(res, 0, LOOKUP_LEGAL_OK);
	r->user = u;
	r->session_token = tok;
	return CZ_NEXT;
}

/* The scheme and authority of url ("https://example.org:8443"): its
 * length, up to the first '/' after "://". */
static size_t
origin_len(const char *url)
{
	const char *p = strstr(url, "://");

	if (p == NULL)
		return 0;
	p += 3;
	return (size_t)(p - url) + strcspn(p, "/?#");
}

/* Whether the origin (or the scheme and authority at the start of a
 * Referer) named by url, n bytes long, is the origin of base (bn bytes:
 * a URL, or one origin in a list). */
static int
origin_is(const char *url, size_t n, const char *base, size_t bn)
{
	bn = origin_len(base) < bn ? origin_len(base) : bn;
	return bn != 0 && n == bn && strncasecmp(url, base, n) == 0;
}

/*
 * Whether the request came from a page of this site: its Origin (or,
 * without one, its Referer) is base_url's or one of extra_origins (the
 * site answering on a second URL: the HTTPS port on loopback, another
 * name). The list is configured rather than taken from the Host header,
 * which the client chooses.
 */
static int
same_origin(struct cz_request *r)
{
	const struct cz_settings *s = &r->app->settings;
	const char *origin = cz_req_env(r, "HTTP_ORIGIN");
	const char *referer = cz_req_env(r, "HTTP_REFERER");
	const char *url, *p;
	size_t n, len;

	if (origin != NULL && *origin != '\0' && strcmp(origin, "null") != 0) {
		url = origin;
		n = strlen(origin);
	} else if (referer != NULL && *referer != '\0') {
		url = referer;
		n = origin_len(referer);
	} else
		return 0;
	if (origin_is(url, n, s->base_url, strlen(s->base_url)))
		return 1;
	for (p = s->extra_origins; *(p += strspn(p, " \t,")) != '\0'; p += len) {
		len = strcspn(p, " \t,");
		if (origin_is(url, n, p, len))
			return 1;
	}
	return 0;
}

int
cz_session_check_csrf(struct cz_request *r)
{
	char got[CZ_CSRF_SECRET_LEN + 1], want[CZ_CSRF_SECRET_LEN + 1];
	const char *m = r->method, *t;

	if (strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0 ||
	    strcmp(m, "OPTIONS") == 0)
		return CZ_NEXT;
	if (r->user != NULL && r->user->key_id != 0)
		return CZ_NEXT;	/* an API key: no browser sends it by itself */
	if (r->user == NULL || r->user->csrf == NULL) {
		/* No cookie authenticates it; still refuse a page of
		 * another site posting here (log-in CSRF). */
		t = cz_req_env(r, "HTTP_ORIGIN");
		if (t != NULL && *t != '\0' && !same_origin(r)) {
			r->error_message = "this request came from another "
			    "site";
			return 403;
		}
		return CZ_NEXT;
	}
	if ((t = cz_req_env(r, "HTTP_X_CSRF_TOKEN")) == NULL || *t == '\0')
		t = cz_params_get(&r->form, "csrf_token");
	/* Both are masked (csrf.h): compare the secrets under them. A
	 * malformed token unmasks to nothing and is refused the same way. */
	if (t == NULL || cz_csrf_unmask(t, strlen(t), got) == -1 ||
	    cz_csrf_unmask(r->user->csrf, strlen(r->user->csrf), want) == -1 ||
	    !cz_secret_equal(got, want, CZ_CSRF_SECRET_LEN)) {
		explicit_bzero(got, sizeof(got));
		explicit_bzero(want, sizeof(want));
		/* Usually a form from before a log-in or log-out elsewhere:
		 * say how to get a fresh one, not "reload" (that resends). */
		r->error_message = "this form was sent without its security "
		    "token (CSRF), or with one from an earlier session (after "
		    "logging in or out in another tab): go back, open the form "
		    "again and send it once more";
		return 403;
	}
	explicit_bzero(got, sizeof(got));
	explicit_bzero(want, sizeof(want));
	if (!same_origin(r)) {
		r->error_message = "this request did not come from a page of "
		    "this site (Origin or Referer)";
		return 403;
	}
	return CZ_NEXT;
}

/* Deletes the session of token tok (if well-formed); logs failures. */
static void
delete_token(struct cz_request *r, const char *tok)
{
	char hash[CZ_SHA256_HEX + 1];
	const char *v[1];

	if (tok == NULL || cz_sha256_hex(tok, strlen(tok), hash) == -1)
		return;
	v[0] = hash;
	if (cz_query(r, "session_delete", 1, v) == NULL)
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
}

int
cz_user_can(struct cz_request *r, const char *scope)
{
	const char *p;
	size_t n = strlen(scope);

	if (r->user == NULL) {
		r->error_message = "log in first (POST /api/login) or send an "
		    "API key";
		return 401;
	}
	if (r->user->key_id == 0)
		return CZ_NEXT;
	for (p = r->user->scopes; p != NULL && *p != '\0'; p += strcspn(p,
	    " "), p += strspn(p, " "))
		if (strncmp(p, scope, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
			return CZ_NEXT;
	r->error_message = cz_arena_printf(r->arena, "this API key lacks the "
	    "%s scope", scope);
	return 403;
}

int
cz_session_required(struct cz_request *r)
{
	if (r->user == NULL) {
		r->error_message = "log in first";
		return 401;
	}
	if (r->user->key_id != 0) {
		r->error_message = "account changes need a signed-in session, "
		    "not an API key";
		return 403;
	}
	return CZ_NEXT;
}

int
cz_session_start(struct cz_request *r, long long user_id, const char **csrf)
{
	const struct cz_settings *s = &r->app->settings;
	char tok[CZ_TOKEN_LEN + 1], ctok[CZ_TOKEN_LEN + 1];
	char hash[CZ_SHA256_HEX + 1], uid[32], life[32];
	const char *v[INSERT__N];
	int rc = 0;

	*csrf = NULL;
	if (cz_token_new(tok) == -1 || cz_token_new(ctok) == -1 ||
	    cz_sha256_hex(tok, strlen(tok), hash) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: no randomness or digest", __func__);
		rc = 500;
		goto err;
	}
	/* Whatever session the client came with is not carried over. */
	delete_token(r, r->session_token != NULL ? r->session_token :
	    cookie_token(r));
	r->session_token = NULL;
	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(life, sizeof(life), "%lld", s->session_lifetime);
	v[INSERT_HASH] = hash;
	v[INSERT_USER_ID] = uid;
	v[INSERT_CSRF] = ctok;
	v[INSERT_LIFETIME] = life;
	v[INSERT_ADDRESS] = cz_client_addr(r);
	v[INSERT_USER_AGENT] = r->user_agent;
	if (cz_query(r, "session_insert", INSERT__N, v) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
		r->error_message = "the session could not be stored; please "
		    "try again shortly";
		rc = 503;
		goto err;
	}
	cz_resp_header(r, "Set-Cookie", "%s=%s; Path=%s; Secure; HttpOnly; "
	    "SameSite=Lax; Max-Age=%lld", cz_session_cookie_name(r), tok,
	    cookie_path(r), s->session_lifetime);
	if ((*csrf = masked(r, ctok)) == NULL)
		rc = 500;
err:
	explicit_bzero(tok, sizeof(tok));
	explicit_bzero(ctok, sizeof(ctok));
	return rc;
}

void
cz_session_end(struct cz_request *r)
{
	const char *tok = r->session_token;

	if (tok == NULL)
		tok = cookie_token(r);
	if (tok == NULL)
		return;
	delete_token(r, tok);
	r->session_token = NULL;
	cz_session_clear_cookie(r);
}

long long
cz_session_end_all(struct cz_request *r, long long user_id)
{
	const char *v[1];
	char uid[32];
	PGresult *res;
	long long n = -1;

	snprintf(uid, sizeof(uid), "%lld", user_id);
	v[0] = uid;
	if ((res = cz_query(r, "session_delete_user", 1, v)) != NULL)
		n = cz_db_changed(res);
	else
		cz_log(CZ_LOG_ERROR, "%s: %s", __func__,
		    cz_db_error(r->app->db));
	r->session_token = NULL;
	cz_session_clear_cookie(r);
	return n;
}
