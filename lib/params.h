/*
 * params.h - bounded parsers for key/value request input: query strings and
 * application/x-www-form-urlencoded bodies, and the Cookie header.
 *
 * Everything parsed is allocated from the request's arena and lives until
 * the arena is reset. Every parser enforces a count and length limits, and
 * every fallible call returns one error enum with a string table
 * (cz_perr_str), shared with the JSON body parser.
 */
#ifndef CZ_PARAMS_H
#define CZ_PARAMS_H

#include <stddef.h>
#include <sys/types.h>

#include "arena.h"

/* One name/value pair. Both strings are NUL-terminated as well as
 * length-carrying; after a successful parse neither contains a NUL byte. */
struct cz_param {
	const char	*name;
	size_t		 name_len;
	const char	*value;
	size_t		 value_len;
};

/* Pairs in input order; duplicates are kept. */
struct cz_params {
	struct cz_param	*v;
	size_t		 n;
};

/* Limits on one parse. Lengths are in bytes after decoding. A limit of 0
 * allows nothing (no pairs, or no non-empty name/value). */
struct cz_limits {
	size_t	max_params;
	size_t	max_name_len;
	size_t	max_value_len;
};

/* What the parsers use when given NULL limits: 100 pairs, 128-byte names,
 * 8192-byte values. */
extern const struct cz_limits cz_limits_default;

enum cz_perr {
	CZ_P_OK = 0,
	CZ_P_MALFORMED,		/* syntax error, NUL byte, trailing garbage */
	CZ_P_TOO_MANY,		/* more pairs than max_params */
	CZ_P_TOO_LONG,		/* a name, value or body over its limit */
	CZ_P_BAD_UTF8,		/* decoded text is not well-formed UTF-8 */
	CZ_P_TOO_DEEP,		/* JSON nesting over the limit */
	CZ_P_NOMEM		/* the arena is exhausted */
};

/* Returns a static, human-readable message for e, e.g. "too many
 * parameters"; "unknown error" for a value outside the enum. */
const char *cz_perr_str(enum cz_perr e);

/*
 * Parses a query string or an application/x-www-form-urlencoded body of n
 * bytes (s need not be NUL-terminated; it may be NULL when n is 0).
 * Pairs are separated by '&' only; empty pairs ("a=1&&b=2", a trailing '&')
 * are skipped; a pair without '=' has an empty value; a pair with an empty
 * name ("=x") is CZ_P_MALFORMED. '+' decodes to a space and %XX to a byte;
 * a '%' not followed by two hex digits is CZ_P_MALFORMED. Decoded names and
 * values containing NUL are CZ_P_MALFORMED, ill-formed UTF-8 is
 * CZ_P_BAD_UTF8. Limits (lim, or cz_limits_default when NULL) apply to the
 * number of pairs (CZ_P_TOO_MANY) and to decoded lengths (CZ_P_TOO_LONG).
 * On CZ_P_OK *out holds the pairs, allocated from a; on any error *out is
 * empty (what was allocated stays in the arena until its reset).
 */
enum cz_perr cz_parse_urlencoded(cz_arena *a, const char *s, size_t n,
    const struct cz_limits *lim, struct cz_params *out);

/*
 * Parses a Cookie header value of n bytes (RFC 6265 cookie-string:
 * "a=b; c=d"). Spaces and tabs around pairs and around '=' are ignored,
 * as are empty pairs. Names must be RFC 7230 tokens; values are
 * cookie-octets, optionally in double quotes (which are removed); there is
 * no percent-decoding. A pair without '=', an empty or non-token name, or a
 * value with a character outside cookie-octet (space, comma, ';', '\',
 * '"', control or non-ASCII byte) is CZ_P_MALFORMED. Limits, results and
 * ownership are as for cz_parse_urlencoded; duplicates are kept in order,
 * so cz_params_get returns the first (the most specific, as browsers send).
 */
enum cz_perr cz_parse_cookies(cz_arena *a, const char *s, size_t n,
    const struct cz_limits *lim, struct cz_params *out);

/* Longest credential cz_parse_bearer accepts. */
#define CZ_BEARER_MAX	512

/*
 * Parses an Authorization header value of n bytes of the form
 * "Bearer <token68>" (RFC 6750 section 2.1): the scheme in any case, one or
 * more spaces, then 1 to CZ_BEARER_MAX characters of A-Z a-z 0-9 - . _ ~ +
 * / followed by any '=' padding, and optional trailing spaces; nothing
 * else. On CZ_P_OK *cred and *credlen give the credential inside s (not
 * NUL-terminated, not copied). Errors: CZ_P_MALFORMED (another scheme,
 * a missing or ill-formed credential, anything after it), CZ_P_TOO_LONG.
 */
enum cz_perr cz_parse_bearer(const char *s, size_t n, const char **cred,
    size_t *credlen);

/* Returns the value of the first pair named name, or NULL when there is
 * none. p may be NULL. The result is owned by the params' arena. */
const char *cz_params_get(const struct cz_params *p, const char *name);

/*
 * Percent-decodes the n bytes at src into dst, which must have room for
 * n + 1 bytes (dst may be src: decoding never writes ahead of reading).
 * %XX (either case of hex digit) becomes one byte; '+' becomes a space only
 * when plus_is_space is set. Returns the decoded length, with dst[len] set
 * to NUL, or -1 when a '%' is not followed by two hex digits (dst is then
 * unspecified). The output may contain NUL bytes ("%00") or ill-formed
 * UTF-8: callers check with cz_has_nul and cz_utf8_valid.
 */
ssize_t cz_percent_decode(char *dst, const char *src, size_t n,
    int plus_is_space);

/* s percent-encoded for a query string: every byte but the unreserved
 * ones (A-Z a-z 0-9 - . _ ~) as %XX. Allocated from a; NULL when the arena
 * is exhausted. */
char *cz_percent_encode(cz_arena *a, const char *s);

#endif
