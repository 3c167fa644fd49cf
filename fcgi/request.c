/*
 * request.c - turns the CGI variables and body of a request into checked,
 * typed input, enforcing the size limits of the settings.
 */
#include "config.h"

#include <limits.h>
#include <string.h>
#include <strings.h>

#include <sys/random.h>

#include "app.h"
#include "jsonbody.h"
#include "numparse.h"
#include "request.h"
#include "utf8.h"
#include "validate.h"

struct header_count {
	size_t	bytes;
};

const char *
cz_req_env(const struct cz_request *r, const char *name)
{
	return r->io->getenv(r->io->ctx, name);
}

static void
count_header(void *arg, const char *var)
{
	struct header_count *hc = arg;

	if (strncmp(var, "HTTP_", 5) == 0)
		hc->bytes += strlen(var + 5);
}

static struct cz_limits
limits_of(const struct cz_settings *s)
{
	struct cz_limits lim;

	lim.max_params = (size_t)s->max_params;
	lim.max_name_len = (size_t)s->max_param_name;
	lim.max_value_len = (size_t)s->max_param_value;
	return lim;
}

/* An HTTP status for a parser error: limits are 413, the rest 400. */
static int
status_of(enum cz_perr e)
{
	switch (e) {
	case CZ_P_TOO_MANY:
	case CZ_P_TOO_LONG:
		return 413;
	case CZ_P_NOMEM:
		return 500;
	default:
		return 400;
	}
}

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* 32 random hex digits, as nginx's $request_id; "" when no randomness
 * could be had (the request goes on without an id). */
static const char *
new_request_id(struct cz_request *r)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char rnd[16];
	const char *p;
	char id[33];
	size_t i;

	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
		return "";
	for (i = 0; i < sizeof(rnd); i++) {
		id[2 * i] = hex[rnd[i] >> 4];
		id[2 * i + 1] = hex[rnd[i] & 0x0f];
	}
	id[32] = '\0';
	p = cz_arena_strdup(r->arena, id);
	return p != NULL ? p : "";
}

int
cz_req_parse_head(struct cz_request *r)
{
	const struct cz_settings *s = &r->app->settings;
	struct header_count hc = { 0 };
	struct cz_limits lim = limits_of(s);
	const char *uri, *q, *cookie;
	size_t n, base;
	enum cz_perr e;

	r->method = or_empty(cz_req_env(r, "REQUEST_METHOD"));
	r->request_id = or_empty(cz_req_env(r, "REQUEST_ID"));
	if (strlen(r->request_id) > 64 || !cz_utf8_valid(r->request_id,
	    strlen(r->request_id)))
		r->request_id = "";
	/* nginx passes its $request_id; a CGI request has no nginx before
	 * it, so it makes its own, logged and sent as X-Request-Id. */
	if (*r->request_id == '\0' && r->app->cgi)
		r->request_id = new_request_id(r);
	r->remote_addr = or_empty(cz_req_env(r, "REMOTE_ADDR"));
	r->user_agent = or_empty(cz_req_env(r, "HTTP_USER_AGENT"));
	r->content_type = or_empty(cz_req_env(r, "CONTENT_TYPE"));
	r->accept = or_empty(cz_req_env(r, "HTTP_ACCEPT"));

	/* The raw REQUEST_URI, not nginx's decoded DOCUMENT_URI, so that an
	 * encoded slash stays inside its path segment. */
	uri = cz_req_env(r, "REQUEST_URI");
	if (uri == NULL || *uri == '\0')
		uri = or_empty(cz_req_env(r, "PATH_INFO"));
	q = strchr(uri, '?');
	n = q != NULL ? (size_t)(q - uri) : strlen(uri);
	base = strlen(s->base_path);
	/* The prefix only as whole segments: "/app" is not in "/apple". */
	if (base > 0 && n >= base && strncmp(uri, s->base_path, base) == 0 &&
	    (n == base || uri[base] == '/')) {
		uri += base;
		n -= base;
	}
	if (n == 0) {
		uri = "/";
		n = 1;
	}
	r->path = cz_arena_strndup(r->arena, uri, n);
	r->query = q != NULL ? q + 1 : or_empty(cz_req_env(r, "QUERY_STRING"));
	if (r->path == NULL)
		return 500;
	r->wants_json = strncmp(r->path, "/api/", 5) == 0 ||
	    strncmp(r->path, "/health", 7) == 0 ||
	    (strstr(r->accept, "application/json") != NULL &&
	    strstr(r->accept, "text/html") == NULL);

	if (n > CZ_ROUTE_MAX_PATH) {
		r->error_message = "the request path is too long";
		return 414;
	}
	if (*r->method == '\0' || strlen(r->method) > 16) {
		r->error_message = "the request method is missing or malformed";
		return 400;
	}

	r->io->each_env(r->io->ctx, count_header, &hc);
	if (hc.bytes > (size_t)s->max_header_bytes) {
		r->error_message = "the request headers are too large";
		return 400;
	}

	e = cz_parse_urlencoded(r->arena, r->query, strlen(r->query), &lim,
	    &r->query_params);
	if (e != CZ_P_OK) {
		r->error_message = cz_arena_printf(r->arena,
		    "the query string is invalid: %s", cz_perr_str(e));
		return status_of(e) == 413 ? 400 : status_of(e);
	}
	cookie = cz_req_env(r, "HTTP_COOKIE");
	if (cookie != NULL) {
		e = cz_parse_cookies(r->arena, cookie, strlen(cookie), &lim,
		    &r->cookies);
		if (e != CZ_P_OK) {
			r->error_message = cz_arena_printf(r->arena,
			    "the Cookie header is invalid: %s", cz_perr_str(e));
			return status_of(e) == 413 ? 400 : status_of(e);
		}
	}
	return 0;
}

/* Does the Content-Type name this media type (parameters ignored)? */
static int
is_type(const char *ct, const char *type)
{
	size_t n = strlen(type);

	return strncasecmp(ct, type, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

int
cz_req_read_body(struct cz_request *r)
{
	const struct cz_settings *s = &r->app->settings;
	struct cz_limits lim = limits_of(s);
	const char *cl, *errstr;
	long long len;
	size_t got = 0;
	long n;
	char *buf;
	enum cz_perr e;

	cl = cz_req_env(r, "CONTENT_LENGTH");
	if (cl == NULL || *cl == '\0') {
		len = 0;
	} else {
		len = cz_strtonum(cl, 0, LLONG_MAX, &errstr);
		if (errstr != NULL) {
			r->error_message = "Content-Length is malformed";
			return 400;
		}
	}
	if (len > s->max_body_bytes) {
		r->error_message = cz_arena_printf(r->arena, "the request body "
		    "is larger than %lld bytes", s->max_body_bytes);
		return 413;
	}
	if ((buf = cz_arena_alloc(r->arena, (size_t)len + 1)) == NULL)
		return 500;
	while (got < (size_t)len) {
		n = r->io->read(r->io->ctx, buf + got, (size_t)len - got);
		if (n <= 0) {
			r->error_message = "the request body ended early";
			return 400;
		}
		got += (size_t)n;
	}
	buf[got] = '\0';
	r->body = buf;
	r->body_len = got;
	if (got == 0)
		return 0;

	if (is_type(r->content_type, "application/json") ||
	    is_type(r->content_type, "application/csp-report") ||
	    is_type(r->content_type, "application/reports+json")) {
		e = cz_parse_json(r->arena, buf, got, (int)s->max_json_depth,
		    &r->json);
		if (e != CZ_P_OK) {
			r->error_message = cz_arena_printf(r->arena,
			    "the JSON body is invalid: %s", cz_perr_str(e));
			return 400;
		}
		return 0;
	}
	if (is_type(r->content_type, "application/x-www-form-urlencoded")) {
		e = cz_parse_urlencoded(r->arena, buf, got, &lim, &r->form);
		if (e != CZ_P_OK) {
			r->error_message = cz_arena_printf(r->arena,
			    "the form body is invalid: %s", cz_perr_str(e));
			return status_of(e);
		}
		return 0;
	}
	r->error_message = "unsupported Content-Type: send application/json "
	    "or application/x-www-form-urlencoded";
	return 415;
}

int
cz_req_input(struct cz_request *r, const struct cz_field *fields, size_t n,
    struct cz_value *out, struct json_object **errors)
{
	if (r->json != NULL)
		return cz_validate_json(r->arena, fields, n, r->json, out,
		    errors);
	return cz_validate_params(r->arena, fields, n, r->form.n > 0 ||
	    strcmp(r->method, "POST") == 0 ? &r->form : &r->query_params,
	    out, errors);
}

int
cz_can_park(const struct cz_request *r)
{
	/* Another parked request is answered by the time r parks: sending
	 * r's statement settles it first (lib/db.h, cz_db_defer). */
	return r->io->done != NULL && r->app->db != NULL;
}

int
cz_park(struct cz_request *r, int (*rest)(struct cz_request *, void *),
    void *arg)
{
	r->park_finish = rest;
	r->park_arg = arg;
	return CZ_PARKED;
}
