/*
 * jsonbody.h - bounded parser for JSON request bodies (json-c).
 *
 * The body is checked (UTF-8, control bytes, nesting depth, one value and
 * nothing after it) and the resulting json-c value is tied to the request
 * arena, so handlers never call json_object_put on what they were given.
 */
#ifndef CZ_JSONBODY_H
#define CZ_JSONBODY_H

#include <stddef.h>

#include "arena.h"
#include "params.h"

struct json_object;

/* Nesting depth for request bodies unless a route needs another. */
#define CZ_JSON_DEFAULT_DEPTH	16
/* Largest depth cz_parse_json accepts; larger requests are clamped. */
#define CZ_JSON_MAX_DEPTH	1024

/*
 * Parses the n bytes at s (not necessarily NUL-terminated; NULL when n is
 * 0) as exactly one JSON value (RFC 8259; white space around it allowed).
 * max_depth is the number of nested arrays/objects allowed: 1 accepts
 * "[1]" but not "[[1]]"; values below 1 count as 1, above
 * CZ_JSON_MAX_DEPTH as CZ_JSON_MAX_DEPTH.
 * Errors: CZ_P_BAD_UTF8 for ill-formed UTF-8; CZ_P_MALFORMED for empty
 * input, a syntax error, a NUL or raw control byte inside a string,
 * trailing garbage, NaN/Infinity or a number that overflows a double;
 * CZ_P_TOO_DEEP past max_depth; CZ_P_TOO_LONG for n > INT_MAX - 1 (json-c's
 * limit); CZ_P_NOMEM when memory runs out.
 * On CZ_P_OK *out is the value (NULL for the JSON text null), owned by a
 * (released at cz_arena_reset or cz_arena_free); callers take
 * json_object_get() if they keep it longer.
 * On error *out is NULL and nothing is leaked.
 */
enum cz_perr cz_parse_json(cz_arena *a, const char *s, size_t n,
    int max_depth, struct json_object **out);

/*
 * Ties obj (one reference) to a: json_object_put(obj) runs at the arena's
 * next reset or free. Returns 0, or -1 when out of memory, in which case
 * the reference has already been dropped. obj may be NULL (returns 0).
 */
int cz_json_own(cz_arena *a, struct json_object *obj);

#endif
