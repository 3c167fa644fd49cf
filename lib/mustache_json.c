/*
 * mustache_json.c - the json-c adapter of the mustache engine: tells the
 * engine what a json-c value is, looks keys up in objects, walks arrays
 * and turns scalars into text without allocating.
 */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "buf.h"
#include "fixed_text.h"
#include "mustache.h"
#include "mustache_json.h"

static enum mst_kind
j_kind(void *v)
{
	switch (json_object_get_type(v)) {
	case json_type_boolean:
		return MST_BOOL;
	case json_type_double:
	case json_type_int:
		return MST_NUMBER;
	case json_type_string:
		return MST_STRING;
	case json_type_array:
		return MST_LIST;
	case json_type_object:
		return MST_OBJECT;
	default:
		return MST_NULL;
	}
}

static int
j_truthy(void *v)
{
	switch (json_object_get_type(v)) {
	case json_type_boolean:
		return json_object_get_boolean(v) != 0;
	case json_type_double:
		return json_object_get_double(v) != 0.0;
	case json_type_int:
		return json_object_get_int64(v) != 0 ||
		    json_object_get_uint64(v) != 0;
	case json_type_string:
		return json_object_get_string_len(v) > 0;
	case json_type_array:
		return json_object_array_length(v) > 0;
	case json_type_object:
		return 1;
	default:
		return 0;
	}
}

static int
j_lookup(void *obj, const char *key, size_t len, void **val)
{
	struct json_object *v = NULL;

	(void)len;
	if (!json_object_is_type(obj, json_type_object) ||
	    !json_object_object_get_ex(obj, key, &v))
		return 0;
	*val = v;
	return 1;
}

static size_t
j_list_len(void *list)
{
	return json_object_array_length(list);
}

static void *
j_list_at(void *list, size_t i)
{
	return json_object_array_get_idx(list, i);
}

/* v in decimal into buf, a minus sign first when negative; returns the
 * length (no NUL). */
static size_t
int_text(char *buf, int64_t v)
{
	size_t n = 0;

	if (v < 0)
		buf[n++] = '-';
	/* Negated as unsigned: INT64_MIN has no positive twin. */
	return n + cz_uint_digits(buf + n, v < 0 ? 0ULL -
	    (unsigned long long)v : (unsigned long long)v);
}

/*
 * Most amounts on a page have a few decimals (12.5, 0.25): d written with
 * the fewest decimals, at most 6, that read back to it, without printf,
 * into buf (NUL-terminated); 0 when d is no such number. It is the text
 * the %.15g below gives: where r / 10^k is d (one correctly rounded
 * division of exact doubles, as strtod of the text), d lies within half
 * an ulp of that decimal, so rounding d to 15 digits gives its digits,
 * and %g writes them in fixed notation (1e-4 <= |d| < 1e9) without
 * trailing zeros (the fewest k has none).
 */
static size_t
short_decimal(double d, char *buf)
{
	static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
	unsigned long long r = 0, frac;
	double a = d < 0 ? -d : d;
	size_t n = 0;
	int k, i;

	if (!(a >= 1e-4 && a < 1e9))
		return 0;
	/* The nearest whole number to a * 10^k (below 2^53, so exact);
	 * whether its decimal is d is then checked exactly. */
	for (k = 1; k <= 6; k++) {
		r = (unsigned long long)(a * p10[k] + 0.5);
		if ((double)r / p10[k] == a)
			break;
	}
	if (k > 6)
		return 0;
	frac = r % (unsigned long long)p10[k];
	if (d < 0)
		buf[n++] = '-';
	n += cz_uint_digits(buf + n, r / (unsigned long long)p10[k]);
	buf[n++] = '.';
	for (i = k - 1; i >= 0; i--, frac /= 10)
		buf[n + (size_t)i] = (char)('0' + frac % 10);
	n += (size_t)k;
	buf[n] = '\0';
	return n;
}

/*
 * Integral values print without decimals; others with the fewest digits
 * that read back to the same double (1.21, not 1.2099999999999999).
 */
static void
format_double(double d, char *buf, size_t size)
{
	int prec;

	if (d != d) {
		snprintf(buf, size, "NaN");
		return;
	}
	if (d > 1.7976931348623157e308 || d < -1.7976931348623157e308) {
		snprintf(buf, size, "%sInfinity", d < 0 ? "-" : "");
		return;
	}
	if (d == 0.0) {
		snprintf(buf, size, "0");
		return;
	}
	if (d >= -1e15 && d <= 1e15 && (double)(int64_t)d == d) {
		buf[int_text(buf, (int64_t)d)] = '\0';
		return;
	}
	if (short_decimal(d, buf) > 0)
		return;
	for (prec = 15; prec < 17; prec++) {
		snprintf(buf, size, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			return;
	}
	snprintf(buf, size, "%.17g", d);
}

static void
j_string(void *v, char *scratch, const char **s, size_t *len)
{
	int64_t i;

	switch (json_object_get_type(v)) {
	case json_type_string:
		*s = json_object_get_string(v);
		*len = (size_t)json_object_get_string_len(v);
		return;
	case json_type_boolean:
		*s = json_object_get_boolean(v) ? "true" : "false";
		break;
	case json_type_int:
		i = json_object_get_int64(v);
		if (i == INT64_MAX)
			snprintf(scratch, MST_SCRATCH, "%" PRIu64,
			    json_object_get_uint64(v));
		else
			scratch[int_text(scratch, i)] = '\0';
		*s = scratch;
		break;
	case json_type_double:
		format_double(json_object_get_double(v), scratch, MST_SCRATCH);
		*s = scratch;
		break;
	default:
		*s = "";
		break;
	}
	*len = strlen(*s);
}

static const mst_ops json_ops = {
	.kind = j_kind,
	.truthy = j_truthy,
	.lookup = j_lookup,
	.list_len = j_list_len,
	.list_at = j_list_at,
	.string = j_string,
};

/* The json-c callbacks; static storage, never freed. */
const mst_ops *
mst_json_ops(void)
{
	return &json_ops;
}

/* Renders name against data into out; 0, or -1 with err (see header). */
int
mst_render_json(const mst_set *set, const char *name,
    struct json_object *data, cz_buf *out, char *err, size_t errlen)
{
	return mst_render(set, name, &json_ops, data, out, err, errlen);
}
