/*
 * response.h - building and sending a response: HTML from templates, JSON,
 * error pages (HTML or JSON as the client prefers), extra headers.
 */
#ifndef CZ_RESPONSE_H
#define CZ_RESPONSE_H

#include <json-c/json.h>

#include "request.h"

/* The reason phrase of an HTTP status ("Not Found"), or "Unknown". */
const char *cz_status_text(int status);

/* Appends a header line "Name: value". A Set-Cookie replaces an earlier
 * Set-Cookie of the same cookie name: one per cookie per response. */
void cz_resp_header(struct cz_request *r, const char *name, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

/* Adds the security headers every response carries (the set nginx adds,
 * see nginx/snippets/cibozer-security-headers.conf) and X-Request-Id. */
void cz_resp_security_headers(struct cz_request *r);

/* The context every page starts from: site, legal, page.title, path,
 * request_id, year. Owned by the request's arena. */
/* Whether a header called name (any case) has been added to r. */
int cz_resp_has_header(const struct cz_request *r, const char *name);

struct json_object *cz_page_ctx(struct cz_request *r, const char *title);

/* Renders template with ctx as an HTML response. Returns 0, or 500 when
 * rendering failed (logged). */
int cz_resp_html(struct cz_request *r, int status, const char *template,
    struct json_object *ctx);

/* The body of a field validation error, {"errors": fields}, as the API
 * reference describes it. fields is kept (referenced); the result is owned
 * by the request's arena. */
struct json_object *cz_errors_body(struct cz_request *r,
    struct json_object *fields);

/* Sets the message of a 503 for a database that did not answer; returns
 * 503, for "return cz_db_unavailable(r);". */
int cz_db_unavailable(struct cz_request *r);

/* Sends obj as JSON. Returns 0. */
int cz_resp_json(struct cz_request *r, int status, struct json_object *obj);

/* The JSON error {"error": {status, message, key: value}} (key left out
 * when NULL), as the answer with that status. Returns CZ_DONE, or 500. */
int cz_resp_json_error(struct cz_request *r, int status, const char *message,
    const char *key, const char *value);

/* Replaces whatever was built with the error page for status, in HTML or
 * JSON as the client prefers. message is shown to the client. */
void cz_resp_error(struct cz_request *r, int status, const char *message);

/* A redirect (303 unless status says otherwise) to location, a path of
 * this site. Returns 0. */
int cz_resp_redirect(struct cz_request *r, int status, const char *location);

/* next when it is a safe place to send a user after a form: a path of
 * this site ("/..." but not "//..."), printable ASCII, at most 512 bytes;
 * else def. */
const char *cz_safe_next(const char *next, const char *def);

/* Writes status line, headers and body (no body for HEAD) through the
 * request's transport. Returns 0, or -1 when the client went away. */
int cz_resp_send(struct cz_request *r);

/* Whether the request's route answers JSON (CZ_ROUTE_JSON). */
int cz_route_json(const struct cz_request *r);

/* {"status": status_word, "message": message} (message left out when
 * NULL), owned by the request's arena; NULL when out of memory. */
struct json_object *cz_json_message(struct cz_request *r,
    const char *status_word, const char *message);

#endif
