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

static void
string(struct cz_jw *w, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;
	char esc[6];

	put(w, "\"", 1);
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x20 && *s != '"' && *s != '\\')
			continue;
		put(w, run, (size_t)(s - run));
		run = s + 1;
		if (*s == '"' || *s == '\\') {
			esc[0] = '\\';
			esc[1] = *s;
			put(w, esc, 2);
		} else {
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[(unsigned char)*s >> 4];
			esc[5] = hex[*s & 0xf];
			put(w, esc, 6);
		}
	}
	put(w, run, (size_t)(s - run));
	put(w, "\"", 1);
}

/* The comma and key before a value at the current level. A key needing no
 * escape (all of the program's keys) goes out in one piece. */
static void
member(struct cz_jw *w, const char *key)
{
	char buf[72];
	size_t n = 0, i;

	if (w->depth >= CZ_JW_MAX_DEPTH) {
		w->err = 1;
		return;
	}
	if (!w->first[w->depth])
		buf[n++] = ',';
	w->first[w->depth] = 0;
	if (key == NULL) {
		put(w, buf, n);
		return;
	}
	buf[n++] = '"';
	for (i = 0; key[i] != '\0' && n < sizeof(buf) - 2; i++) {
		if ((unsigned char)key[i] < 0x20 || key[i] == '"' ||
		    key[i] == '\\')
			break;
		buf[n++] = key[i];
	}
	if (key[i] == '\0') {
		buf[n++] = '"';
		buf[n++] = ':';
		put(w, buf, n);
		return;
	}
	put(w, buf, n - i - 1);	/* the comma, if any */
	string(w, key);
	put(w, ":", 1);
}

static void
open_container(struct cz_jw *w, const char *key, char c)
{
	member(w, key);
	put(w, &c, 1);
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
	member(w, key);
	string(w, s != NULL ? s : "");
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
	member(w, key);
	if (fabs(v) >= 9e15 / pow10[decimals]) {
		/* Beyond exact integers: the shortest form that reads back. */
		n = snprintf(buf, sizeof(buf), "%.17g", v);
		put(w, buf, n > 0 && (size_t)n < sizeof(buf) ? (size_t)n : 0);
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
	put(w, buf, (size_t)n);
}

void
cz_jw_int(struct cz_jw *w, const char *key, long long v)
{
	char buf[32];
	size_t n = 0;

	member(w, key);
	if (v < 0)
		buf[n++] = '-';
	/* Negated as unsigned: LLONG_MIN has no positive twin. */
	n += cz_uint_digits(buf + n, v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v);
	put(w, buf, n);
}

void
cz_jw_bool(struct cz_jw *w, const char *key, int v)
{
	member(w, key);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void
cz_jw_null(struct cz_jw *w, const char *key)
{
	member(w, key);
	put(w, "null", 4);
}

void
cz_jw_raw(struct cz_jw *w, const char *key, const char *text)
{
	member(w, key);
	put(w, text, strlen(text));
}

int
cz_jw_finish(const struct cz_jw *w)
{
	return w->err || w->depth != 0 ? -1 : 0;
}
