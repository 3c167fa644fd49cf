/*
 * response.c - response building and sending. See response.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <time.h>
#include <sys/uio.h>

#include "app.h"
#include "jsonbody.h"
#include "log.h"
#include "mustache_json.h"
#include "response.h"

/* The same policy nginx sends (nginx/snippets/cibozer-security-headers.conf). */
#define CZ_CSP "default-src 'self'; img-src 'self' data:; media-src 'self' " \
	"blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " \
	"form-action 'self'; frame-ancestors 'none'"

static const struct {
	int		 status;
	const char	*text;
	const char	*title;		/* shown on error pages */
} statuses[] = {
	{ 200, "OK", NULL },
	{ 201, "Created", NULL },
	{ 202, "Accepted", NULL },
	{ 204, "No Content", NULL },
	{ 206, "Partial Content", NULL },
	{ 301, "Moved Permanently", NULL },
	{ 302, "Found", NULL },
	{ 303, "See Other", NULL },
	{ 304, "Not Modified", NULL },
	{ 400, "Bad Request", "Bad request" },
	{ 401, "Unauthorized", "Please log in" },
	{ 403, "Forbidden", "Forbidden" },
	{ 404, "Not Found", "Page not found" },
	{ 405, "Method Not Allowed", "Method not allowed" },
	{ 409, "Conflict", "Conflict" },
	{ 411, "Length Required", "Length required" },
	{ 413, "Content Too Large", "Request too large" },
	{ 414, "URI Too Long", "Address too long" },
	{ 415, "Unsupported Media Type", "Unsupported media type" },
	{ 422, "Unprocessable Content", "Request cannot be met" },
	{ 429, "Too Many Requests", "Too many requests" },
	{ 500, "Internal Server Error", "Something went wrong" },
	{ 502, "Bad Gateway", "Bad gateway" },
	{ 503, "Service Unavailable", "Temporarily unavailable" },
};

/* Served when even the error template cannot be rendered: still carries
 * the notices every page must carry. */
static const char fallback_html[] =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Error · Cibozer</title></head><body><main><h1>Something went "
    "wrong</h1><p>Please try again later.</p></main><footer><p>This "
    "application is for educational purposes only. Not medical advice. "
    "Consult healthcare professionals.</p><p>This information is NOT "
    "intended to provide medical advice and is NOT intended to diagnose, "
    "treat, cure, or prevent any disease. Always consult your physician "
    "before changing your diet. Individual results may vary.</p><p>These "
    "statements have not been evaluated by the Food and Drug "
    "Administration.</p></footer></body></html>\n";

static int
find_status(int status)
{
	size_t i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (statuses[i].status == status)
			return (int)i;
	return -1;
}

const char *
cz_status_text(int status)
{
	int i = find_status(status);

	return i >= 0 ? statuses[i].text : "Unknown";
}

static const char *
status_title(int status)
{
	int i = find_status(status);

	return i >= 0 && statuses[i].title != NULL ? statuses[i].title :
	    "Error";
}

/*
 * Removes an earlier "Set-Cookie: NAME=..." line for the cookie that value
 * (n bytes) sets, so that a response sets each cookie once: a handler that
 * clears the session cookie and then starts a new session would otherwise
 * send both, and clients need not apply them in order (RFC 6265 section
 * 4.1.1: at most one Set-Cookie per cookie name).
 */
static void
drop_earlier_cookie(cz_buf *h, const char *value, size_t n)
{
	static const char key[] = "Set-Cookie: ";
	size_t klen = sizeof(key) - 1, name_len, line_end;
	const char *eq = memchr(value, '=', n);
	char *p;

	if (eq == NULL || h->data == NULL)
		return;
	name_len = (size_t)(eq - value) + 1;	/* "NAME=" */
	for (p = h->data; p < h->data + h->len; p += line_end) {
		line_end = strcspn(p, "\n") + 1;
		if ((size_t)(p + line_end - h->data) > h->len)
			line_end = (size_t)(h->data + h->len - p);
		if (line_end > klen + name_len &&
		    strncasecmp(p, key, klen) == 0 &&
		    memcmp(p + klen, value, name_len) == 0) {
			memmove(p, p + line_end, (size_t)(h->data + h->len -
			    (p + line_end)) + 1);
			h->len -= line_end;
			return;
		}
	}
}

/*
 * Whether a header is a Location that names a path of this site ("/..."
 * but not "//host"): under a path prefix (base_path, a CGI install at
 * e.g. /cgi-bin/cibozer.cgi) that path needs the prefix, which handlers
 * never write themselves (they route and redirect on unprefixed paths).
 */
static int
is_site_location(const struct cz_request *r, const char *name,
    const char *value)
{
	return strcasecmp(name, "Location") == 0 && r->app != NULL &&
	    r->app->settings.base_path[0] != '\0' && value[0] == '/' &&
	    value[1] != '/' && value[1] != '\\';
}

void
cz_resp_header(struct cz_request *r, const char *name, const char *fmt, ...)
{
	char formatted[1024];
	const char *value;
	size_t n;
	va_list ap;

	/* Most headers are a constant or one string: no printf for those
	 * (this runs several times for every request). */
	va_start(ap, fmt);
	if (strchr(fmt, '%') == NULL)
		value = fmt;
	else if (strcmp(fmt, "%s") == 0)
		value = va_arg(ap, const char *);
	else {
		vsnprintf(formatted, sizeof(formatted), fmt, ap);
		value = formatted;
	}
	va_end(ap);
	/* Header values never carry line breaks, whatever the caller had,
	 * and are bounded as the formatted ones are. */
	n = strcspn(value, "\r\n");
	if (n > sizeof(formatted) - 1)
		n = sizeof(formatted) - 1;
	if (strcasecmp(name, "Set-Cookie") == 0)
		drop_earlier_cookie(r->headers, value, n);
	if (cz_buf_puts(r->headers, name) == 0 &&
	    cz_buf_append(r->headers, ": ", 2) == 0 &&
	    (!is_site_location(r, name, value) ||
	    cz_buf_puts(r->headers, r->app->settings.base_path) == 0) &&
	    cz_buf_append(r->headers, value, n) == 0)
		cz_buf_append(r->headers, "\r\n", 2);
}

void
cz_resp_security_headers(struct cz_request *r)
{
	const char *https = cz_req_env(r, "HTTPS");

	/* The same set, values included, as nginx's
	 * snippets/cibozer-security-headers.conf. nginx adds its own and
	 * hides these (cibozer-fastcgi.conf); a CGI program has no nginx
	 * before it, so the responder always sends them. */
	cz_resp_header(r, "Content-Security-Policy", "%s", CZ_CSP);
	cz_resp_header(r, "X-Content-Type-Options", "nosniff");
	cz_resp_header(r, "X-Frame-Options", "DENY");
	/* A page may ask for less (the token pages: same-origin). */
	if (!cz_resp_has_header(r, "Referrer-Policy"))
		cz_resp_header(r, "Referrer-Policy",
		    "strict-origin-when-cross-origin");
	cz_resp_header(r, "Permissions-Policy",
	    "camera=(), microphone=(), geolocation=()");
	cz_resp_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	/* HSTS on TLS only, as nginx's $cz_hsts: Apache's mod_ssl (and
	 * nginx's fastcgi_params) set HTTPS=on. */
	if (https != NULL && strcasecmp(https, "on") == 0)
		cz_resp_header(r, "Strict-Transport-Security",
		    "max-age=63072000; includeSubDomains");
	if (*r->request_id != '\0')
		cz_resp_header(r, "X-Request-Id", "%s", r->request_id);
}

int
cz_resp_has_header(const struct cz_request *r, const char *name)
{
	const char *p, *end;
	size_t len = strlen(name);

	if (r->headers->data == NULL)
		return 0;
	end = r->headers->data + r->headers->len;
	for (p = r->headers->data; p < end; p += strcspn(p, "\n") + 1)
		if ((size_t)(end - p) > len && strncasecmp(p, name, len) == 0 &&
		    p[len] == ':')
			return 1;
	return 0;
}

static void
put_deferred(void *obj)
{
	json_object_put(obj);
}

struct json_object *
cz_page_ctx(struct cz_request *r, const char *title)
{
	struct json_object *ctx, *page;
	struct tm tm;
	time_t now;

	ctx = json_object_new_object();
	if (ctx == NULL || cz_arena_defer(r->arena, put_deferred, ctx) == -1)
		return NULL;
	json_object_object_add(ctx, "site", json_object_get(r->app->site_ctx));
	json_object_object_add(ctx, "legal",
	    json_object_get(r->app->legal_ctx));
	page = json_object_new_object();
	json_object_object_add(page, "title", json_object_new_string(title));
	json_object_object_add(page, "path", json_object_new_string(r->path));
	json_object_object_add(ctx, "page", page);
	json_object_object_add(ctx, "request_id",
	    json_object_new_string(r->request_id));
	/* {{base}}: the path prefix of every URL of this site in the
	 * templates (tools/template-base-urls), empty at the root. */
	json_object_object_add(ctx, "base",
	    json_object_new_string(r->app->settings.base_path));
	if (r->user != NULL) {
		struct json_object *u = json_object_new_object();

		json_object_object_add(u, "email",
		    json_object_new_string(r->user->email));
		json_object_object_add(u, "tier",
		    json_object_new_string(r->user->tier));
		json_object_object_add(u, "is_admin",
		    json_object_new_boolean(r->user->is_admin));
		json_object_object_add(u, "verified",
		    json_object_new_boolean(r->user->verified));
		json_object_object_add(u, "legal_ok",
		    json_object_new_boolean(r->user->legal_ok));
		if (r->user->csrf != NULL)
			json_object_object_add(u, "csrf",
			    json_object_new_string(r->user->csrf));
		json_object_object_add(ctx, "user", u);
	}
	now = time(NULL);
	gmtime_r(&now, &tm);
	json_object_object_add(ctx, "year",
	    json_object_new_int(tm.tm_year + 1900));
	return ctx;
}

struct json_object *
cz_errors_body(struct cz_request *r, struct json_object *fields)
{
	struct json_object *o;

	if ((o = json_object_new_object()) == NULL ||
	    cz_arena_defer(r->arena, put_deferred, o) == -1)
		return NULL;
	json_object_object_add(o, "errors", json_object_get(fields));
	return o;
}

int
cz_resp_html(struct cz_request *r, int status, const char *template,
    struct json_object *ctx)
{
	char err[256];

	cz_buf_reset(r->body_out);
	if (ctx == NULL || mst_render_json(r->app->templates, template, ctx,
	    r->body_out, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: rendering %s: %s", __func__, template,
		    ctx == NULL ? "out of memory" : err);
		r->error_message = "template rendering failed";
		return 500;
	}
	r->status = status;
	r->content_type_out = "text/html; charset=utf-8";
	return 0;
}

int
cz_resp_json(struct cz_request *r, int status, struct json_object *obj)
{
	const char *s;

	if (obj == NULL) {
		r->error_message = "out of memory";
		return 500;
	}
	s = json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	cz_buf_reset(r->body_out);
	if (cz_buf_puts(r->body_out, s) == -1 ||
	    cz_buf_putc(r->body_out, '\n') == -1) {
		r->error_message = "response too large";
		return 500;
	}
	r->status = status;
	r->content_type_out = "application/json";
	return 0;
}

void
cz_resp_error(struct cz_request *r, int status, const char *message)
{
	if (r->has_file) {	/* an error replaces a file body */
		close(r->file_fd);
		r->has_file = 0;
	}
	struct json_object *ctx, *err, *obj;

	cz_buf_reset(r->body_out);
	r->status = status;
	if (message == NULL)
		message = status_title(status);
	if (r->wants_json) {
		obj = json_object_new_object();
		err = json_object_new_object();
		json_object_object_add(err, "status", json_object_new_int(status));
		json_object_object_add(err, "message",
		    json_object_new_string(message));
		json_object_object_add(obj, "error", err);
		cz_resp_json(r, status, obj);
		json_object_put(obj);
		return;
	}
	ctx = cz_page_ctx(r, status_title(status));
	if (ctx != NULL) {
		err = json_object_new_object();
		json_object_object_add(err, "status", json_object_new_int(status));
		json_object_object_add(err, "title",
		    json_object_new_string(status_title(status)));
		json_object_object_add(err, "message",
		    json_object_new_string(message));
		json_object_object_add(err, "retry_later",
		    json_object_new_boolean(status == 429 || status == 503));
		json_object_object_add(ctx, "error", err);
	}
	if (cz_resp_html(r, status, "pages/error", ctx) != 0) {
		cz_buf_reset(r->body_out);
		cz_buf_puts(r->body_out, fallback_html);
		r->content_type_out = "text/html; charset=utf-8";
	}
	r->status = status;
}

int
cz_resp_redirect(struct cz_request *r, int status, const char *location)
{
	cz_resp_header(r, "Location", "%s", location);
	r->status = status != 0 ? status : 303;
	r->content_type_out = "text/plain; charset=utf-8";
	cz_buf_reset(r->body_out);
	cz_buf_printf(r->body_out, "See %s\n", location);
	return 0;
}

const char *
cz_safe_next(const char *next, const char *def)
{
	const unsigned char *p;

	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    next[1] == '\\' || strlen(next) > 512)
		return def;
	for (p = (const unsigned char *)next; *p != '\0'; p++)
		if (*p < 0x21 || *p > 0x7e || *p == '\\')
			return def;
	return next;
}

/* Streams the request's file body in chunks and closes it. Returns 0, or
 * -1 when the client went away or the file could not be read. */
static int
send_file(struct cz_request *r, int head_only)
{
	char chunk[64 * 1024];
	unsigned long long left = r->file_len, off = r->file_off;
	ssize_t got;
	int rc = 0;

	while (!head_only && left > 0) {
		got = pread(r->file_fd, chunk, left < sizeof(chunk) ?
		    (size_t)left : sizeof(chunk), (off_t)off);
		if (got <= 0 || r->io->write(r->io->ctx, chunk,
		    (size_t)got) == -1) {
			rc = -1;
			break;
		}
		off += (unsigned long long)got;
		left -= (unsigned long long)got;
	}
	close(r->file_fd);
	r->has_file = 0;
	return rc;
}

int
cz_resp_send(struct cz_request *r)
{
	static char crlf[] = "\r\n", none[] = "";
	struct iovec part[4];
	char head[512];
	int n, i, nparts, head_only, body;

	head_only = strcmp(r->method, "HEAD") == 0 || r->status == 204 ||
	    r->status == 304;
	n = snprintf(head, sizeof(head), "Status: %d %s\r\n", r->status,
	    cz_status_text(r->status));
	if (r->content_type_out != NULL && r->status != 204)
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		    "Content-Type: %s\r\n", r->content_type_out);
	if (r->has_file)
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		    "Content-Length: %llu\r\n", r->file_len);
	else if (r->status != 204 && r->status != 304)
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		    "Content-Length: %zu\r\n", r->body_out->len);
	part[0].iov_base = head;
	part[0].iov_len = (size_t)n;
	part[1].iov_base = r->headers->data ? r->headers->data : none;
	part[1].iov_len = r->headers->len;
	part[2].iov_base = crlf;
	part[2].iov_len = 2;
	body = !r->has_file && !head_only && r->body_out->len > 0;
	if (body) {
		part[3].iov_base = r->body_out->data;
		part[3].iov_len = r->body_out->len;
	}
	nparts = body ? 4 : 3;
	/* head and body at once where the transport can: one write, one
	 * wake-up of the web server, for a large answer too */
	if (r->io->write_parts != NULL) {
		if (r->io->write_parts(r->io->ctx, part, nparts) == -1)
			return -1;
	} else {
		for (i = 0; i < nparts; i++)
			if (r->io->write(r->io->ctx, part[i].iov_base,
			    part[i].iov_len) == -1)
				return -1;
	}
	return r->has_file ? send_file(r, head_only) : 0;
}

int
cz_route_json(const struct cz_request *r)
{
	return r->match.route != NULL &&
	    (r->match.route->flags & CZ_ROUTE_JSON) != 0;
}

struct json_object *
cz_json_message(struct cz_request *r, const char *status_word,
    const char *message)
{
	struct json_object *o = json_object_new_object();

	if (o == NULL || cz_json_own(r->arena, o) == -1)
		return NULL;
	json_object_object_add(o, "status",
	    json_object_new_string(status_word));
	if (message != NULL)
		json_object_object_add(o, "message",
		    json_object_new_string(message));
	return o;
}

int
cz_db_unavailable(struct cz_request *r)
{
	r->error_message = "the database is unavailable; please try again "
	    "shortly";
	return 503;
}

int
cz_resp_json_error(struct cz_request *r, int status, const char *message,
    const char *key, const char *value)
{
	struct json_object *o, *e;

	if ((o = json_object_new_object()) == NULL ||
	    cz_json_own(r->arena, o) == -1)
		return 500;
	e = json_object_new_object();
	json_object_object_add(e, "status", json_object_new_int(status));
	json_object_object_add(e, "message", json_object_new_string(message));
	if (key != NULL)
		json_object_object_add(e, key, json_object_new_string(value));
	json_object_object_add(o, "error", e);
	r->error_message = message;
	return cz_resp_json(r, status, o);
}
