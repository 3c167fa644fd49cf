/*
 * request.h - one request: its transport, parsed input, and the response
 * being built. Everything hangs off the request's arena.
 *
 * The same code serves FastCGI and plain CGI; only struct cz_io differs
 * (libfcgi streams, or stdin/stdout and the environment).
 */
#ifndef CZ_REQUEST_H
#define CZ_REQUEST_H

#include <stddef.h>
#include <sys/uio.h>

#include <json-c/json.h>

#include "arena.h"
#include "buf.h"
#include "params.h"
#include "router.h"

struct cz_app;

/* The account a request acts for (r->user), allocated from its arena
 * by session.c. */
struct cz_user {
	long long	 id;
	const char	*email;
	const char	*tier;		/* free, premium, enterprise */
	int		 is_admin;
	int		 verified;	/* e-mail address verified */
	int		 legal_ok;	/* accepted the current terms and privacy */
	long long	 session_id;	/* 0 when authenticated otherwise */
	const char	*csrf;		/* the session's CSRF token, or NULL */
	long long	 key_id;	/* the API key used, or 0 */
	const char	*scopes;	/* its scopes, space-separated */
};


/*
 * What a handler returns, and every helper that checks a request and may
 * answer it in the handler's place (gates such as cz_user_can or
 * cz_legal_gate):
 *   CZ_DONE (0)    the response is built in r;
 *   CZ_NEXT (-1)   nothing was answered: the caller goes on;
 *   400..599       an HTTP error status, r->error_message set, which the
 *                  pipeline answers as an error page (HTML or JSON);
 *   CZ_PARKED (-2) the answer waits for a result the database is still
 *                  working on (cz_park, pipeline.h): only from a handler.
 * A caller hands on whatever is not CZ_NEXT:
 *   if ((rc = cz_user_can(r, "plans:write")) != CZ_NEXT)
 *           return rc;
 */
enum {
	CZ_DONE = 0,
	CZ_NEXT = -1,
	CZ_PARKED = -2
};

/* How a request reads its input and writes its output. */
struct cz_io {
	const char	*(*getenv)(void *ctx, const char *name);
	/* Reads up to n bytes; returns the count, 0 at end, -1 on error. */
	long		 (*read)(void *ctx, char *buf, size_t n);
	/* Writes n bytes; returns 0, or -1 when the client went away. */
	int		 (*write)(void *ctx, const char *buf, size_t n);
	/* Calls fn(name, value) for every CGI variable (HTTP_* among them). */
	void		 (*each_env)(void *ctx, void (*fn)(void *, const char *),
			    void *arg);
	void		*ctx;
	/* Optional (NULL: write for each): writes the n pieces of part in
	 * order, a response's head and body, in as few writes as the
	 * transport can; returns 0, or -1 as write does. */
	int		 (*write_parts)(void *ctx, const struct iovec *part,
			    int n);
	/* Optional (NULL: every request is answered before
	 * cz_pipeline_handle returns): the transport can hold a request
	 * open while others are served, and done(ctx) is called once a
	 * request cz_pipeline_handle left parked has been answered. */
	void		 (*done)(void *ctx);
};

struct cz_request {
	struct cz_app		*app;
	cz_arena		*arena;
	const struct cz_io	*io;

	/* input */
	const char		*method;
	const char		*path;		/* raw, without query */
	const char		*query;
	const char		*request_id;
	const char		*remote_addr;
	const char		*user_agent;
	const char		*content_type;
	const char		*accept;
	struct cz_params	 query_params;
	struct cz_params	 form;
	struct cz_params	 cookies;
	struct json_object	*json;		/* body, when JSON */
	const char		*body;
	size_t			 body_len;
	struct cz_route_match	 match;
	struct cz_user		*user;		/* signed in, or NULL */
	const char		*session_token;	/* the cookie's, when live */
	const char		*db_sqlstate;	/* of the last failed cz_query */
	/* the statement cz_query_send sent: its place in the database's
	 * batch, and its result once taken (cz_query_take) */
	int			 db_sent;	/* -1 once taken */
	int			 db_committed;
	struct pg_result	*db_result;

	/* response */
	int			 status;
	const char		*content_type_out;
	cz_buf			*headers;	/* extra header lines */
	cz_buf			*body_out;
	cz_buf			*doc;		/* a plan document being built */
	/* A parked handler's rest (cz_park): run when the database's
	 * result is due, it returns what the handler would have. */
	int			 (*park_finish)(struct cz_request *, void *);
	void			*park_arg;
	const char		*error_message;	/* for the log only */
	int			 wants_json;
	/* A file sent as the body (CGI mode only: behind nginx, files go
	 * by X-Accel-Redirect): file_len bytes of file_fd from file_off;
	 * the descriptor is closed once sent. */
	int			 has_file;
	int			 file_fd;
	unsigned long long	 file_off, file_len;
};

/* Reads the CGI variable name, or NULL. */
const char *cz_req_env(const struct cz_request *r, const char *name);

/*
 * For a handler whose answer waits for a statement it sent (a plan's
 * durable insert): whether r may park (its transport can hold it open,
 * io->done), and parking it: rest(r, arg) is the handler's rest, run once
 * the result is due (pipeline.h), returning what a handler returns. The
 * handler returns cz_park's value, CZ_PARKED.
 */
int cz_can_park(const struct cz_request *r);
int cz_park(struct cz_request *r, int (*rest)(struct cz_request *, void *),
    void *arg);

/* Parses method, path, query string, cookies and header sizes from the
 * environment. Returns 0, or an HTTP status (400) with r->error_message
 * set. */
int cz_req_parse_head(struct cz_request *r);

/* Reads and parses the body by content type (JSON or form), with the size
 * and shape limits of the settings. Returns 0, or 400/411/413/415 with
 * r->error_message set. */
int cz_req_read_body(struct cz_request *r);

/*
 * Validates the request's input against fields[0..n): the JSON body when
 * there is one, else the form body, else the query string; as
 * cz_validate_json and cz_validate_params (out always filled). Returns 0,
 * or -1 with *errors as they describe.
 */
struct cz_field;
struct cz_value;
int cz_req_input(struct cz_request *r, const struct cz_field *fields,
    size_t n, struct cz_value *out, struct json_object **errors);

#endif
