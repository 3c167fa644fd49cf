/*
 * jsonw.c - the streaming JSON writer. See jsonw.h.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fixed_text.h"
#include "jsonw.h"

#define MAX_DECIMALS	6

static const double pow10[MAX_DECIMALS + 1] = {
	1, 10, 100, 1000, 10000, 100000, 1000000
};

void
cz_jw_init(struct cz_jw *w, cz_buf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->first[0] = 1;
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
		memcpy(d, s, run);
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
 * Writes the separator before a value (a comma unless it is the first in
 * its container), then "key": if key is not NULL, then the value: "s" if
 * s is not NULL, else the rawlen bytes of raw as they are. Measured first
 * and written straight into the buffer, where appending piece by piece
 * cost a call per quote and colon (a plan's document has some 4,000
 * members).
 */
static void
member_value(struct cz_jw *w, const char *key, const char *s,
    const char *raw, size_t rawlen)
{
	const unsigned char *k = (const unsigned char *)key;
	const unsigned char *v = (const unsigned char *)s;
	size_t n, krun = 0, vrun = 0;
	char *d, *start;
	int comma;

	if (w->err)
		return;
	if (w->depth >= CZ_JW_MAX_DEPTH) {
		w->err = 1;
		return;
	}
	comma = !w->first[w->depth];
	w->first[w->depth] = 0;
	n = (size_t)comma;
	if (k != NULL) {
		krun = plain_run(k);
		n += (k[krun] == '\0' ? krun : escaped_len(k, krun)) + 3;
	}
	if (v != NULL) {
		vrun = plain_run(v);
		n += (v[vrun] == '\0' ? vrun : escaped_len(v, vrun)) + 2;
	} else {
		n += rawlen;
	}
	if ((start = d = cz_buf_room(w->out, n)) == NULL) {
		w->err = 1;
		return;
	}
	if (comma)
		*d++ = ',';
	if (k != NULL) {
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
		memcpy(d, raw, rawlen);
		d += rawlen;
	}
	cz_buf_commit(w->out, (size_t)(d - start));
}

static void
open_container(struct cz_jw *w, const char *key, char c)
{
	member_value(w, key, NULL, &c, 1);
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
	open_container(w, key, '{');
}

void
cz_jw_array(struct cz_jw *w, const char *key)
{
	open_container(w, key, '[');
}

void
cz_jw_end(struct cz_jw *w)
{
	if (w->depth == 0) {
		w->err = 1;
		return;
	}
	put(w, &w->closer[w->depth], 1);
	w->depth--;
}

void
cz_jw_string(struct cz_jw *w, const char *key, const char *s)
{
	member_value(w, key, s != NULL ? s : "", NULL, 0);
}

void
cz_jw_number(struct cz_jw *w, const char *key, double v, int decimals)
{
	char buf[48], frac[MAX_DECIMALS + 1];
	long long scaled, p, ip, fp;
	int n, d, neg;

	if (decimals < 0)
		decimals = 0;
	if (decimals > MAX_DECIMALS)
		decimals = MAX_DECIMALS;
	if (!isfinite(v))
		v = 0;
	if (fabs(v) >= 9e15 / pow10[decimals]) {
		/* Beyond exact integers: the shortest form that reads back. */
		n = snprintf(buf, sizeof(buf), "%.17g", v);
		member_value(w, key, NULL, buf,
		    n > 0 && (size_t)n < sizeof(buf) ? (size_t)n : 0);
		return;
	}
	scaled = llround(v * pow10[decimals]);
	neg = scaled < 0;
	if (neg)
		scaled = -scaled;
	p = (long long)pow10[decimals];
	ip = scaled / p;
	fp = scaled % p;
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
	member_value(w, key, NULL, buf, (size_t)n);
}

void
cz_jw_int(struct cz_jw *w, const char *key, long long v)
{
	char buf[32];
	size_t n = 0;

	if (v < 0)
		buf[n++] = '-';
	/* Negated as unsigned: LLONG_MIN has no positive twin. */
	n += cz_uint_digits(buf + n, v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v);
	member_value(w, key, NULL, buf, n);
}

void
cz_jw_bool(struct cz_jw *w, const char *key, int v)
{
	member_value(w, key, NULL, v ? "true" : "false", v ? 4 : 5);
}

void
cz_jw_null(struct cz_jw *w, const char *key)
{
	member_value(w, key, NULL, "null", 4);
}

void
cz_jw_raw(struct cz_jw *w, const char *key, const char *text)
{
	member_value(w, key, NULL, text, strlen(text));
}

int
cz_jw_finish(const struct cz_jw *w)
{
	return w->err || w->depth != 0 ? -1 : 0;
}
