/*
 * jsonw.c - the streaming JSON writer. See jsonw.h.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "fixed_text.h"
#include "jsonw.h"

#define MAX_DECIMALS	6

static const double pow10[MAX_DECIMALS + 1] = {
	1, 10, 100, 1000, 10000, 100000, 1000000
};

/* The magnitudes from which a number with so many decimals is written as
 * the shortest double (9e15 / pow10[d], divided once by the compiler). */
static const double exact_limit[MAX_DECIMALS + 1] = {
	9e15, 9e15 / 10, 9e15 / 100, 9e15 / 1000, 9e15 / 10000,
	9e15 / 100000, 9e15 / 1000000
};

/*
 * scaled (>= 0) split into its whole part and its decimals digits after
 * the point. Each divisor is a constant, which the compiler turns into a
 * multiplication: a division by a divisor known only at run time takes
 * tens of cycles, and a plan's document writes some 1,000 numbers.
 */
static void
split_scaled(long long scaled, int decimals, long long *ip, long long *fp)
{
	switch (decimals) {
	case 0:
		*ip = scaled;
		*fp = 0;
		break;
	case 1:
		*ip = scaled / 10;
		*fp = scaled % 10;
		break;
	case 2:
		*ip = scaled / 100;
		*fp = scaled % 100;
		break;
	case 3:
		*ip = scaled / 1000;
		*fp = scaled % 1000;
		break;
	case 4:
		*ip = scaled / 10000;
		*fp = scaled % 10000;
		break;
	case 5:
		*ip = scaled / 100000;
		*fp = scaled % 100000;
		break;
	default:
		*ip = scaled / 1000000;
		*fp = scaled % 1000000;
		break;
	}
}

void
cz_jw_init(struct cz_jw *w, cz_buf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->first[0] = 1;
}

void
cz_jw_init_tree(struct cz_jw *w, cz_arena *keys)
{
	memset(w, 0, sizeof(*w));
	w->keys = keys;
}

/*
 * The tree: v added to the innermost open container under qk's name when
 * qk is not NULL (a literal: the key itself), else under key (a copy in
 * w->keys), or as the root. v NULL is JSON's null where is_null is set,
 * else a failed allocation. Keys are added as new and constant: the
 * writer's callers never repeat a key within an object (the text would
 * hold it twice), and json-c so neither looks each one up nor copies it.
 */
static void
tree_add(struct cz_jw *w, const struct cz_jw_key *qk, const char *key,
    struct json_object *v, int is_null)
{
	struct json_object *c;
	const char *k;

	if (w->err || (v == NULL && !is_null)) {
		json_object_put(v);
		w->err = 1;
		return;
	}
	if (w->depth == 0) {
		if (w->tree[0] != NULL) {	/* a second root */
			json_object_put(v);
			w->err = 1;
			return;
		}
		w->tree[0] = v;
		return;
	}
	c = w->tree[w->depth];
	if (json_object_is_type(c, json_type_array)) {
		if (json_object_array_add(c, v) != 0) {
			json_object_put(v);
			w->err = 1;
		}
		return;
	}
	if (qk != NULL)
		k = qk->name;
	else if (key == NULL || (k = cz_arena_strdup(w->keys, key)) == NULL) {
		json_object_put(v);
		w->err = 1;
		return;
	}
	if (json_object_object_add_ex(c, k, v, JSON_C_OBJECT_ADD_KEY_IS_NEW |
	    JSON_C_OBJECT_ADD_CONSTANT_KEY) != 0) {
		json_object_put(v);
		w->err = 1;
	}
}

static void
tree_open(struct cz_jw *w, const struct cz_jw_key *qk, const char *key,
    struct json_object *c)
{
	tree_add(w, qk, key, c, 0);
	if (w->err)
		return;
	if (w->depth + 1 >= CZ_JW_MAX_DEPTH) {
		w->err = 1;
		return;
	}
	w->tree[++w->depth] = c;
}

struct json_object *
cz_jw_take_tree(struct cz_jw *w)
{
	struct json_object *root = w->tree[0];

	w->tree[0] = NULL;
	if (w->out != NULL || cz_jw_finish(w) == -1 || root == NULL) {
		json_object_put(root);
		return NULL;
	}
	return root;
}

static void
put(struct cz_jw *w, const char *s, size_t n)
{
	if (!w->err && cz_buf_append(w->out, s, n) == -1)
		w->err = 1;
}

/*
 * The bytes a JSON string holds as they are: not '"', not '\\', no
 * control character (RFC 8259, 7). The rest are escaped.
 */
#define PLAIN16	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char plain[256] = {
	[0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	PLAIN16,
	PLAIN16,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	PLAIN16, PLAIN16, PLAIN16, PLAIN16, PLAIN16,	/* 0x60 - 0xaf */
	PLAIN16, PLAIN16, PLAIN16, PLAIN16, PLAIN16	/* 0xb0 - 0xff */
};

/* The length of s's leading run of plain bytes. */
static size_t
plain_run(const unsigned char *s)
{
	const unsigned char *p = s;

	while (plain[*p])
		p++;
	return (size_t)(p - s);
}

/*
 * memcpy(d, s, n) for the short pieces a document is made of (keys, most
 * values: 5 to 25 bytes), inline: up to 16 bytes as two 8-byte moves
 * that may overlap, both within s and d; longer ones by the C library.
 * Calling it for every key and value was 3 % of making a plan.
 */
static inline void
copy_short(char *d, const void *src, size_t n)
{
	const char *s = src;

	if (n >= 8 && n <= 16) {
		memcpy(d, s, 8);
		memcpy(d + n - 8, s + n - 8, 8);
	} else if (n >= 4 && n < 8) {
		memcpy(d, s, 4);
		memcpy(d + n - 4, s + n - 4, 4);
	} else if (n < 4) {
		while (n-- > 0)
			*d++ = *s++;
	} else
		memcpy(d, s, n);
}

/* The length of s as a JSON string's contents, escapes included, where
 * s's first run bytes are plain. */
static size_t
escaped_len(const unsigned char *s, size_t run)
{
	size_t n = run;

	for (s += run; *s != '\0'; s++)
		n += plain[*s] ? 1 : *s == '"' || *s == '\\' ? 2 : 6;
	return n;
}

/* Writes s as a JSON string's contents at d, where s's first run bytes
 * are plain; returns the end. */
static char *
escape_into(char *d, const unsigned char *s, size_t run)
{
	static const char hex[] = "0123456789abcdef";

	for (;;) {
		copy_short(d, s, run);
		d += run;
		s += run;
		if (*s == '\0')
			return d;
		if (*s == '"' || *s == '\\') {
			*d++ = '\\';
			*d++ = (char)*s;
		} else {
			memcpy(d, "\\u00", 4);
			d[4] = hex[*s >> 4];
			d[5] = hex[*s & 0xf];
			d += 6;
		}
		run = plain_run(++s);
	}
}

/*
 * Starts a member of the text: room for n bytes after its separator (a
 * comma unless it is the first in its container), the separator written.
 * Returns where the member goes, with *start where the room begins (for
 * cz_buf_commit), or NULL with w->err set (it stays set: nothing more is
 * written).
 */
static inline char *
member_start(struct cz_jw *w, size_t n, char **start)
{
	char	*d;

	if (w->err)
		return NULL;
	if (w->depth >= CZ_JW_MAX_DEPTH ||
	    (*start = d = cz_buf_room(w->out, n + 1)) == NULL) {
		w->err = 1;
		return NULL;
	}
	if (!w->first[w->depth])
		*d++ = ',';
	w->first[w->depth] = 0;
	return d;
}

/*
 * Writes the separator before a value (a comma unless it is the first in
 * its container), then the key: qk's quoted text when qk is not NULL, else
 * "key": if key is not NULL; then the value: "s" if s is not NULL, else
 * the rawlen bytes of raw as they are. Measured first and written straight
 * into the buffer, where appending piece by piece cost a call per quote
 * and colon (a plan's document has some 4,000 members).
 */
static void
member_value(struct cz_jw *w, const struct cz_jw_key *qk, const char *key,
    const char *s, const char *raw, size_t rawlen)
{
	const unsigned char *k = qk != NULL ? NULL :
	    (const unsigned char *)key;
	const unsigned char *v = (const unsigned char *)s;
	size_t n = 0, krun = 0, vrun = 0;
	char *d, *start;

	if (w->err)
		return;
	if (qk != NULL)
		n += qk->len;
	else if (k != NULL) {
		krun = plain_run(k);
		n += (k[krun] == '\0' ? krun : escaped_len(k, krun)) + 3;
	}
	if (v != NULL) {
		vrun = plain_run(v);
		n += (v[vrun] == '\0' ? vrun : escaped_len(v, vrun)) + 2;
	} else {
		n += rawlen;
	}
	if ((d = member_start(w, n, &start)) == NULL)
		return;
	if (qk != NULL) {
		copy_short(d, qk->quoted, qk->len);
		d += qk->len;
	} else if (k != NULL) {
		*d++ = '"';
		d = escape_into(d, k, krun);
		*d++ = '"';
		*d++ = ':';
	}
	if (v != NULL) {
		*d++ = '"';
		d = escape_into(d, v, vrun);
		*d++ = '"';
	} else if (rawlen > 0) {
		copy_short(d, raw, rawlen);
		d += rawlen;
	}
	cz_buf_commit(w->out, (size_t)(d - start));
}

/* Text written as it is after the separator: cz_jw_members and
 * cz_jw_value_text. */
static int
text_as_is(struct cz_jw *w, const char *text, size_t len)
{
	char *d, *start;

	if (w->out == NULL || text == NULL)
		return -1;
	if ((d = member_start(w, len, &start)) == NULL)
		return 0;	/* w->err is set */
	memcpy(d, text, len);
	cz_buf_commit(w->out, (size_t)(d + len - start));
	return 0;
}

int
cz_jw_members(struct cz_jw *w, const char *text, size_t len)
{
	return text_as_is(w, text, len);
}

int
cz_jw_value_text(struct cz_jw *w, const char *text, size_t len)
{
	return text_as_is(w, text, len);
}

static void
open_container(struct cz_jw *w, const struct cz_jw_key *qk, const char *key,
    char c)
{
	member_value(w, qk, key, NULL, &c, 1);
	if (w->depth + 1 >= CZ_JW_MAX_DEPTH) {
		w->err = 1;
		return;
	}
	w->first[++w->depth] = 1;
	w->closer[w->depth] = c == '{' ? '}' : ']';
}

void
cz_jw_object(struct cz_jw *w, const char *key)
{
	if (w->out == NULL)
		tree_open(w, NULL, key, json_object_new_object());
	else
		open_container(w, NULL, key, '{');
}

void
cz_jw_object_k(struct cz_jw *w, const struct cz_jw_key *k)
{
	if (w->out == NULL)
		tree_open(w, k, NULL, json_object_new_object());
	else
		open_container(w, k, NULL, '{');
}

void
cz_jw_array(struct cz_jw *w, const char *key)
{
	if (w->out == NULL)
		tree_open(w, NULL, key, json_object_new_array());
	else
		open_container(w, NULL, key, '[');
}

void
cz_jw_array_k(struct cz_jw *w, const struct cz_jw_key *k)
{
	if (w->out == NULL)
		tree_open(w, k, NULL, json_object_new_array());
	else
		open_container(w, k, NULL, '[');
}

void
cz_jw_end(struct cz_jw *w)
{
	if (w->depth == 0) {
		w->err = 1;
		return;
	}
	if (w->out != NULL)
		put(w, &w->closer[w->depth], 1);
	w->depth--;
}

/* A string member: under qk when it is not NULL, else under key. */
static void
string_member(struct cz_jw *w, const struct cz_jw_key *qk, const char *key,
    const char *s)
{
	if (w->out == NULL)
		tree_add(w, qk, key,
		    json_object_new_string(s != NULL ? s : ""), 0);
	else
		member_value(w, qk, key, s != NULL ? s : "", NULL, 0);
}

void
cz_jw_string(struct cz_jw *w, const char *key, const char *s)
{
	string_member(w, NULL, key, s);
}

void
cz_jw_string_k(struct cz_jw *w, const struct cz_jw_key *k, const char *s)
{
	string_member(w, k, NULL, s);
}

/* A number as json-c reads its text: an integer without a fraction or an
 * exponent, else a double (strtod, as json-c's own reading). */
static void
tree_number_text(struct cz_jw *w, const struct cz_jw_key *qk,
    const char *key, const char *text)
{
	if (strpbrk(text, ".eE") != NULL)
		tree_add(w, qk, key, json_object_new_double(strtod(text,
		    NULL)), 0);
	else
		tree_add(w, qk, key, json_object_new_int64(strtoll(text, NULL,
		    10)), 0);
}

/*
 * A number member under qk in the text: '-' when neg, the digits of ip,
 * then those of fp (decimals of them) without their trailing zeros after
 * a point when fp is not 0. Written in place, where putting the text
 * together first and handing it to member_value measured and copied it
 * again: a plan's document has some 1,400 numbers, and that was half of
 * each one's cost.
 */
static void
number_text_k(struct cz_jw *w, const struct cz_jw_key *qk, int neg,
    long long ip, long long fp, int decimals)
{
	char	*d, *start;
	int	 k;

	if ((d = member_start(w, qk->len + 1 + CZ_UINT_DIGITS_MAX + 1 +
	    MAX_DECIMALS, &start)) == NULL)
		return;
	copy_short(d, qk->quoted, qk->len);
	d += qk->len;
	if (neg)
		*d++ = '-';
	d += cz_uint_digits(d, (unsigned long long)ip);
	if (fp != 0) {
		*d = '.';
		for (k = decimals; k > 0; k--) {
			d[k] = (char)('0' + fp % 10);
			fp /= 10;
		}
		for (k = decimals; d[k] == '0'; k--)
			continue;	/* stops at a digit: fp was not 0 */
		d += k + 1;
	}
	cz_buf_commit(w->out, (size_t)(d - start));
}

/*
 * llround(y) for |y| < 2^53, inline: the C library's is a call, made for
 * each of a document's ~800 numbers. y less its part toward zero is
 * exact below 2^52, and above that y is whole; halves go away from
 * zero, as llround's do.
 */
static inline long long
round_half_away(double y)
{
	long long t = (long long)y;
	double	  rest = y - (double)t;

	/* without a branch: which way a number rounds is a coin toss */
	return t + (rest >= 0.5) - (rest <= -0.5);
}

/* A number member: under qk when it is not NULL, else under key. */
static void
number_member(struct cz_jw *w, const struct cz_jw_key *qk, const char *key,
    double v, int decimals)
{
	char buf[48], frac[MAX_DECIMALS + 1];
	long long scaled, ip, fp;
	int n, d, neg;

	if (decimals < 0)
		decimals = 0;
	if (decimals > MAX_DECIMALS)
		decimals = MAX_DECIMALS;
	if (!isfinite(v))
		v = 0;
	if (fabs(v) >= exact_limit[decimals]) {
		/* Beyond exact integers: the shortest form that reads back. */
		n = snprintf(buf, sizeof(buf), "%.17g", v);
		if (w->out == NULL)
			tree_number_text(w, qk, key,
			    n > 0 && (size_t)n < sizeof(buf) ? buf : "");
		else
			member_value(w, qk, key, NULL, buf, n > 0 &&
			    (size_t)n < sizeof(buf) ? (size_t)n : 0);
		return;
	}
	scaled = round_half_away(v * pow10[decimals]);
	neg = scaled < 0;
	if (neg)
		scaled = -scaled;
	split_scaled(scaled, decimals, &ip, &fp);
	if (w->out == NULL) {
		/* The value of the text written below: scaled / 10^decimals,
		 * both exact in a double, so the one rounding of the division
		 * is strtod's of the text. */
		if (fp == 0)
			tree_add(w, qk, key, json_object_new_int64(neg ?
			    -ip : ip), 0);
		else
			tree_add(w, qk, key, json_object_new_double(
			    (neg ? -(double)scaled : (double)scaled) /
			    pow10[decimals]), 0);
		return;
	}
	if (qk != NULL) {
		number_text_k(w, qk, neg && scaled != 0, ip, fp, decimals);
		return;
	}
	n = 0;
	if (neg && scaled != 0)
		buf[n++] = '-';
	n += (int)cz_uint_digits(buf + n, (unsigned long long)ip);
	if (fp != 0) {
		for (d = decimals - 1; d >= 0; d--) {
			frac[d] = (char)('0' + fp % 10);
			fp /= 10;
		}
		for (d = decimals; d > 0 && frac[d - 1] == '0'; d--)
			continue;
		buf[n++] = '.';
		memcpy(buf + n, frac, (size_t)d);
		n += d;
	}
	member_value(w, qk, key, NULL, buf, (size_t)n);
}

void
cz_jw_number(struct cz_jw *w, const char *key, double v, int decimals)
{
	number_member(w, NULL, key, v, decimals);
}

void
cz_jw_number_k(struct cz_jw *w, const struct cz_jw_key *k, double v,
    int decimals)
{
	number_member(w, k, NULL, v, decimals);
}

/* An integer member: under qk when it is not NULL, else under key. */
static void
int_member(struct cz_jw *w, const struct cz_jw_key *qk, const char *key,
    long long v)
{
	char buf[32];
	size_t n = 0;

	if (w->out == NULL) {
		tree_add(w, qk, key,
		    json_object_new_int64(v), 0);
		return;
	}
	if (v < 0)
		buf[n++] = '-';
	/* Negated as unsigned: LLONG_MIN has no positive twin. */
	n += cz_uint_digits(buf + n, v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v);
	member_value(w, qk, key, NULL, buf, n);
}

void
cz_jw_int(struct cz_jw *w, const char *key, long long v)
{
	int_member(w, NULL, key, v);
}

void
cz_jw_int_k(struct cz_jw *w, const struct cz_jw_key *k, long long v)
{
	int_member(w, k, NULL, v);
}

/* A boolean member: under qk when it is not NULL, else under key. */
static void
bool_member(struct cz_jw *w, const struct cz_jw_key *qk, const char *key,
    int v)
{
	if (w->out == NULL)
		tree_add(w, qk, key,
		    json_object_new_boolean(v), 0);
	else
		member_value(w, qk, key, NULL, v ? "true" : "false",
		    v ? 4 : 5);
}

void
cz_jw_bool(struct cz_jw *w, const char *key, int v)
{
	bool_member(w, NULL, key, v);
}

void
cz_jw_bool_k(struct cz_jw *w, const struct cz_jw_key *k, int v)
{
	bool_member(w, k, NULL, v);
}

void
cz_jw_null(struct cz_jw *w, const char *key)
{
	if (w->out == NULL)
		tree_add(w, NULL, key, NULL, 1);
	else
		member_value(w, NULL, key, NULL, "null", 4);
}

void
cz_jw_json(struct cz_jw *w, const char *key, struct json_object *v)
{
	const char *text;

	if (w->out == NULL) {
		tree_add(w, NULL, key, json_object_get(v), v == NULL);
		return;
	}
	text = json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	member_value(w, NULL, key, NULL, text, strlen(text));
}

int
cz_jw_finish(const struct cz_jw *w)
{
	return w->err || w->depth != 0 ? -1 : 0;
}
