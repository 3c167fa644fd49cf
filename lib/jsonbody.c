/*
 * jsonbody.c - JSON request bodies. json-c's tokener, even in strict mode,
 * accepts more than RFC 8259 ('single quotes', "1.", NaN, raw control
 * characters in strings) and counts depth in its own way, so the body is
 * first checked by a small recognizer of the exact grammar that also counts
 * nesting; only then does json-c build the value, which is handed to the
 * request arena.
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "jsonbody.h"
#include "params.h"
#include "utf8.h"

/* The recognizer's cursor and stack of open containers ('{' or '['). */
struct scan {
	const unsigned char	*p;
	size_t			 n, i;
	int			 depth, max;
	unsigned char		 open[CZ_JSON_MAX_DEPTH];
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* strchr that never matches the terminating NUL. */
static int
in_set(int c, const char *set)
{
	return c > 0 && strchr(set, c) != NULL;
}

/* The byte at the cursor, or -1 at the end of input. */
static int
peek(const struct scan *sc)
{
	return sc->i < sc->n ? sc->p[sc->i] : -1;
}

static void
skip_ws(struct scan *sc)
{
	int c;

	while ((c = peek(sc)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		sc->i++;
}

/* Consumes the bytes of lit; -1 when they are not next. */
static int
literal(struct scan *sc, const char *lit)
{
	size_t len = strlen(lit);

	if (sc->n - sc->i < len || memcmp(sc->p + sc->i, lit, len) != 0)
		return -1;
	sc->i += len;
	return 0;
}

/* string = '"' *(unescaped / '\' escape) '"'; unescaped excludes the
 * control characters. UTF-8 was checked beforehand. */
static int
scan_string(struct scan *sc)
{
	int c, k;

	if (peek(sc) != '"')
		return -1;
	sc->i++;
	for (;;) {
		if ((c = peek(sc)) == -1 || c < 0x20)
			return -1;
		sc->i++;
		if (c == '"')
			return 0;
		if (c != '\\')
			continue;
		if (!in_set(c = peek(sc), "\"\\/bfnrtu"))
			return -1;
		sc->i++;
		if (c != 'u')
			continue;
		for (k = 0; k < 4; k++, sc->i++)
			if (!in_set(peek(sc), "0123456789abcdefABCDEF"))
				return -1;
	}
}

/* number = [ '-' ] ( '0' / [1-9] *DIGIT ) [ '.' 1*DIGIT ]
 *	    [ ( 'e' / 'E' ) [ '+' / '-' ] 1*DIGIT ] */
static int
scan_number(struct scan *sc)
{
	if (peek(sc) == '-')
		sc->i++;
	if (peek(sc) == '0')
		sc->i++;
	else if (is_digit(peek(sc)))
		while (is_digit(peek(sc)))
			sc->i++;
	else
		return -1;
	if (peek(sc) == '.') {
		sc->i++;
		if (!is_digit(peek(sc)))
			return -1;
		while (is_digit(peek(sc)))
			sc->i++;
	}
	if (peek(sc) == 'e' || peek(sc) == 'E') {
		sc->i++;
		if (peek(sc) == '+' || peek(sc) == '-')
			sc->i++;
		if (!is_digit(peek(sc)))
			return -1;
		while (is_digit(peek(sc)))
			sc->i++;
	}
	return 0;
}

/* An object member's name and colon, the cursor at the name. */
static int
scan_key(struct scan *sc)
{
	if (scan_string(sc) == -1)
		return -1;
	skip_ws(sc);
	if (peek(sc) != ':')
		return -1;
	sc->i++;
	return 0;
}

/*
 * Recognizes exactly one JSON text, without recursion: after each value,
 * the innermost open container says what may follow.
 */
static enum cz_perr
scan_json(struct scan *sc)
{
	int c;

value:
	skip_ws(sc);
	switch (c = peek(sc)) {
	case '{':
	case '[':
		if (sc->depth == sc->max)
			return CZ_P_TOO_DEEP;
		sc->open[sc->depth++] = (unsigned char)c;
		sc->i++;
		skip_ws(sc);
		if (peek(sc) == (c == '{' ? '}' : ']')) {
			sc->depth--;
			sc->i++;
			goto after;
		}
		if (c == '{' && scan_key(sc) == -1)
			return CZ_P_MALFORMED;
		goto value;
	case '"':
		if (scan_string(sc) == -1)
			return CZ_P_MALFORMED;
		break;
	case 't':
	case 'f':
	case 'n':
		if (literal(sc, c == 't' ? "true" : c == 'f' ? "false" :
		    "null") == -1)
			return CZ_P_MALFORMED;
		break;
	default:
		if (scan_number(sc) == -1)
			return CZ_P_MALFORMED;
		break;
	}

after:
	skip_ws(sc);
	if (sc->depth == 0)
		return sc->i == sc->n ? CZ_P_OK : CZ_P_MALFORMED;
	c = peek(sc);
	sc->i++;
	if (c == ',') {
		if (sc->open[sc->depth - 1] == '{') {
			skip_ws(sc);
			if (scan_key(sc) == -1)
				return CZ_P_MALFORMED;
		}
		goto value;
	}
	if (c == (sc->open[sc->depth - 1] == '{' ? '}' : ']')) {
		sc->depth--;
		goto after;
	}
	return CZ_P_MALFORMED;
}

/* Returns 0 when every number in o is finite ("1e999" is not), -1
 * otherwise. Recursion is bounded by the depth limit. */
static int
check_numbers(struct json_object *o)
{
	struct json_object_iterator it, end;
	size_t i, len;

	switch (json_object_get_type(o)) {
	case json_type_double:
		return isfinite(json_object_get_double(o)) ? 0 : -1;
	case json_type_array:
		len = json_object_array_length(o);
		for (i = 0; i < len; i++)
			if (check_numbers(json_object_array_get_idx(o, i)) == -1)
				return -1;
		return 0;
	case json_type_object:
		it = json_object_iter_begin(o);
		end = json_object_iter_end(o);
		for (; !json_object_iter_equal(&it, &end);
		    json_object_iter_next(&it))
			if (check_numbers(json_object_iter_peek_value(&it)) == -1)
				return -1;
		return 0;
	default:
		return 0;
	}
}

static void
put_json(void *obj)
{
	json_object_put(obj);
}

int
cz_json_own(cz_arena *a, struct json_object *obj)
{
	if (obj == NULL)
		return 0;
	return cz_arena_defer(a, put_json, obj);
}

enum cz_perr
cz_parse_json(cz_arena *a, const char *s, size_t n, int max_depth,
    struct json_object **out)
{
	struct json_tokener *tok;
	struct json_object *obj;
	struct scan sc;
	enum cz_perr e;

	*out = NULL;
	if (n == 0 || s == NULL)
		return CZ_P_MALFORMED;
	if (n > INT_MAX - 1)
		return CZ_P_TOO_LONG;
	if (!cz_utf8_valid(s, n))
		return CZ_P_BAD_UTF8;

	sc.p = (const unsigned char *)s;
	sc.n = n;
	sc.i = 0;
	sc.depth = 0;
	sc.max = max_depth < 1 ? 1 : max_depth > CZ_JSON_MAX_DEPTH ?
	    CZ_JSON_MAX_DEPTH : max_depth;
	if ((e = scan_json(&sc)) != CZ_P_OK)
		return e;

	/* The text is valid: json-c builds it. Its depth counts the scalar
	 * inside the innermost container too, hence one more. A number at
	 * the very end leaves the tokener waiting for more: a NUL tells it
	 * the input is complete. */
	if ((tok = json_tokener_new_ex(sc.max + 1)) == NULL)
		return CZ_P_NOMEM;
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	obj = json_tokener_parse_ex(tok, s, (int)n);
	if (json_tokener_get_error(tok) == json_tokener_continue)
		obj = json_tokener_parse_ex(tok, "", 1);
	switch (json_tokener_get_error(tok)) {
	case json_tokener_success:
		if (check_numbers(obj) == -1)
			e = CZ_P_MALFORMED;
		break;
	case json_tokener_error_depth:
		e = CZ_P_TOO_DEEP;
		break;
	default:
		/* Ruled out by the recognizer but for json-c's own limits
		 * (memory, sizes); say no more than that it failed. */
		e = CZ_P_MALFORMED;
		break;
	}
	json_tokener_free(tok);
	if (e != CZ_P_OK) {
		json_object_put(obj);
		return e;
	}
	if (cz_json_own(a, obj) == -1)
		return CZ_P_NOMEM;
	*out = obj;
	return CZ_P_OK;
}
