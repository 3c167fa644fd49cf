/*
 * router.h - a table of (method, path pattern) → handler.
 *
 * Patterns are literal segments and typed parameters, e.g.
 * "/api/plans/{id:int}/meals/{day:int}/{slot:slug}". Types:
 *   int   a decimal integer 1..2^63-1, handed over parsed;
 *   slug  1-64 of [a-z0-9_-];
 *   str   any non-empty segment, percent-decoded, valid UTF-8, no NUL or '/'.
 * GET routes also answer HEAD. A path that matches a pattern under another
 * method yields CZ_ROUTE_BAD_METHOD with the Allow list for the 405.
 */
#ifndef CZ_ROUTER_H
#define CZ_ROUTER_H

#include <stddef.h>

#include "arena.h"

#define CZ_ROUTE_MAX_PARAMS	8
#define CZ_ROUTE_MAX_PATH	2048

struct cz_request;

enum cz_route_flags {
	CZ_ROUTE_DB	= 1 << 0,	/* needs the database: 503 without it */
	CZ_ROUTE_BODY	= 1 << 1,	/* reads a request body */
	CZ_ROUTE_JSON	= 1 << 2,	/* answers JSON, errors included */
	CZ_ROUTE_NO_CSRF = 1 << 3	/* posted by browsers themselves
					   (CSP reports): no CSRF check */
};

struct cz_route {
	const char	*method;
	const char	*pattern;
	const char	*name;		/* label in logs and metrics */
	int		(*handler)(struct cz_request *);
	unsigned	 flags;
};

struct cz_path_param {
	const char	*name;
	size_t		 name_len;
	const char	*value;		/* decoded, NUL-terminated */
	long long	 num;		/* for int parameters */
};

struct cz_route_match {
	const struct cz_route	*route;
	size_t			 index;		/* of the route in the table */
	struct cz_path_param	 params[CZ_ROUTE_MAX_PARAMS];
	size_t			 nparams;
	char			 allow[128];	/* for 405: "GET, HEAD, POST" */
};

enum cz_route_result {
	CZ_ROUTE_FOUND,
	CZ_ROUTE_NOT_FOUND,
	CZ_ROUTE_BAD_METHOD
};

/* Checks every pattern of a table (types known, parameter counts within
 * bounds). Returns 0, or -1 with the faulty pattern in err. Run at start-up
 * and in the unit tests. */
int cz_router_check(const struct cz_route *table, size_t n, char *err,
    size_t errlen);

/* Matches method and path (raw, still percent-encoded, no query string)
 * against the table. Parameter values are allocated from a. */
enum cz_route_result cz_route(const struct cz_route *table, size_t n,
    const char *method, const char *path, cz_arena *a,
    struct cz_route_match *m);

/* The parameter named name, or NULL. */
const struct cz_path_param *cz_route_param(const struct cz_route_match *m,
    const char *name);

#endif
