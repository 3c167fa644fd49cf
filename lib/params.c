/*
 * params.c - bounded parsers for query strings, urlencoded form bodies and
 * the Cookie header. Each parser counts its pairs first, so the limit on
 * their number is enforced before anything is decoded, then copies or
 * decodes every name and value into one arena buffer, NUL-terminated.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "arena.h"
#include "params.h"
#include "utf8.h"

#ifndef SSIZE_MAX
#define SSIZE_MAX	((ssize_t)(SIZE_MAX >> 1))
#endif

const struct cz_limits cz_limits_default = { 100, 128, 8192 };

static const char *const perr_msgs[] = {
	[CZ_P_OK] = "no error",
	[CZ_P_MALFORMED] = "malformed input",
	[CZ_P_TOO_MANY] = "too many parameters",
	[CZ_P_TOO_LONG] = "parameter or body too long",
	[CZ_P_BAD_UTF8] = "invalid UTF-8 text",
	[CZ_P_TOO_DEEP] = "nesting too deep",
	[CZ_P_NOMEM] = "out of memory",
};

/* Space and horizontal tab, the optional white space of HTTP headers. */
static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* RFC 7230 tchar. */
static int
is_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* RFC 6265 cookie-octet: visible ASCII but '"', ',', ';' and '\'. */
static int
is_cookie_octet(unsigned char c)
{
	return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' &&
	    c != '\\';
}

/*
 * Counts the segments of s separated by sep that are not empty or, when
 * skip_ows is set, not only white space.
 */
static size_t
count_segments(const char *s, size_t n, char sep, int skip_ows)
{
	size_t i, count = 0;
	int content = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == sep) {
			count += content;
			content = 0;
		} else if (!skip_ows || !is_ows(s[i]))
			content = 1;
	}
	return count + content;
}

/*
 * Allocates room for count pairs and for their text, at most n bytes plus
 * two NULs per pair. Returns CZ_P_OK or CZ_P_NOMEM.
 */
static enum cz_perr
alloc_pairs(cz_arena *a, size_t n, size_t count, struct cz_param **v,
    char **buf)
{
	/* count <= n, so n + 2 * count cannot overflow below this bound. */
	if (n > SIZE_MAX / 3)
		return CZ_P_NOMEM;
	if ((*v = cz_arena_calloc(a, count, sizeof(**v))) == NULL)
		return CZ_P_NOMEM;
	if ((*buf = cz_arena_alloc(a, n + 2 * count)) == NULL)
		return CZ_P_NOMEM;
	return CZ_P_OK;
}

/*
 * Decodes one name or value of a urlencoded pair to dst and checks it.
 * Returns CZ_P_OK and the decoded length in *len, or the error.
 */
static enum cz_perr
decode_part(char *dst, const char *src, size_t n, size_t max, size_t *len)
{
	ssize_t r;

	if ((r = cz_percent_decode(dst, src, n, 1)) == -1)
		return CZ_P_MALFORMED;
	*len = (size_t)r;
	if (*len > max)
		return CZ_P_TOO_LONG;
	if (cz_has_nul(dst, *len))
		return CZ_P_MALFORMED;
	if (!cz_utf8_valid(dst, *len))
		return CZ_P_BAD_UTF8;
	return CZ_P_OK;
}

/* Checks a cookie value, removing its double quotes; returns CZ_P_OK or
 * CZ_P_MALFORMED. */
static enum cz_perr
cookie_value(const char **val, size_t *len)
{
	const char *v = *val;
	size_t n = *len, i;

	if (n > 0 && v[0] == '"') {
		if (n < 2 || v[n - 1] != '"')
			return CZ_P_MALFORMED;
		v++;
		n -= 2;
	}
	for (i = 0; i < n; i++)
		if (!is_cookie_octet((unsigned char)v[i]))
			return CZ_P_MALFORMED;
	*val = v;
	*len = n;
	return CZ_P_OK;
}

/* Checks one trimmed cookie-pair and copies it to *buf as p. */
static enum cz_perr
cookie_pair(const char *seg, size_t len, const struct cz_limits *lim,
    struct cz_param *p, char **buf)
{
	const char *eq, *val;
	size_t nlen, vlen, i;
	enum cz_perr e;
	char *dst = *buf;

	if ((eq = memchr(seg, '=', len)) == NULL)
		return CZ_P_MALFORMED;
	nlen = (size_t)(eq - seg);
	while (nlen > 0 && is_ows(seg[nlen - 1]))
		nlen--;
	val = eq + 1;
	vlen = len - (size_t)(val - seg);
	while (vlen > 0 && is_ows(*val)) {
		val++;
		vlen--;
	}
	if (nlen == 0)
		return CZ_P_MALFORMED;
	for (i = 0; i < nlen; i++)
		if (!is_tchar((unsigned char)seg[i]))
			return CZ_P_MALFORMED;
	if ((e = cookie_value(&val, &vlen)) != CZ_P_OK)
		return e;
	if (nlen > lim->max_name_len || vlen > lim->max_value_len)
		return CZ_P_TOO_LONG;

	memcpy(dst, seg, nlen);
	dst[nlen] = '\0';
	p->name = dst;
	p->name_len = nlen;
	dst += nlen + 1;
	if (vlen > 0)
		memcpy(dst, val, vlen);
	dst[vlen] = '\0';
	p->value = dst;
	p->value_len = vlen;
	*buf = dst + vlen + 1;
	return CZ_P_OK;
}

const char *
cz_perr_str(enum cz_perr e)
{
	if ((unsigned int)e >= sizeof(perr_msgs) / sizeof(perr_msgs[0]))
		return "unknown error";
	return perr_msgs[e];
}

ssize_t
cz_percent_decode(char *dst, const char *src, size_t n, int plus_is_space)
{
	size_t i, o = 0;
	int hi, lo;

	if (n > SSIZE_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		if (src[i] == '%') {
			if (n - i < 3 || (hi = hexval(src[i + 1])) == -1 ||
			    (lo = hexval(src[i + 2])) == -1)
				return -1;
			dst[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (src[i] == '+' && plus_is_space)
			dst[o++] = ' ';
		else
			dst[o++] = src[i];
	}
	dst[o] = '\0';
	return (ssize_t)o;
}

enum cz_perr
cz_parse_urlencoded(cz_arena *a, const char *s, size_t n,
    const struct cz_limits *lim, struct cz_params *out)
{
	struct cz_param *v;
	const char *seg, *end, *amp, *eq;
	size_t count, i = 0, seglen, nlen;
	enum cz_perr e;
	char *buf;

	out->v = NULL;
	out->n = 0;
	if (lim == NULL)
		lim = &cz_limits_default;
	if (n == 0)
		return CZ_P_OK;
	if (s == NULL)
		return CZ_P_MALFORMED;
	if ((count = count_segments(s, n, '&', 0)) == 0)
		return CZ_P_OK;
	if (count > lim->max_params)
		return CZ_P_TOO_MANY;
	if ((e = alloc_pairs(a, n, count, &v, &buf)) != CZ_P_OK)
		return e;

	for (seg = s, end = s + n; seg < end; seg = amp + 1) {
		if ((amp = memchr(seg, '&', (size_t)(end - seg))) == NULL)
			amp = end;
		if ((seglen = (size_t)(amp - seg)) == 0)
			continue;
		eq = memchr(seg, '=', seglen);
		nlen = eq != NULL ? (size_t)(eq - seg) : seglen;
		if (nlen == 0)
			return CZ_P_MALFORMED;
		e = decode_part(buf, seg, nlen, lim->max_name_len,
		    &v[i].name_len);
		if (e != CZ_P_OK)
			return e;
		v[i].name = buf;
		buf += v[i].name_len + 1;
		if (eq != NULL)
			e = decode_part(buf, eq + 1, seglen - nlen - 1,
			    lim->max_value_len, &v[i].value_len);
		else {
			buf[0] = '\0';
			v[i].value_len = 0;
		}
		if (e != CZ_P_OK)
			return e;
		v[i].value = buf;
		buf += v[i].value_len + 1;
		i++;
	}
	out->v = v;
	out->n = i;
	return CZ_P_OK;
}

enum cz_perr
cz_parse_cookies(cz_arena *a, const char *s, size_t n,
    const struct cz_limits *lim, struct cz_params *out)
{
	struct cz_param *v;
	const char *seg, *end, *semi;
	size_t count, i = 0, len;
	enum cz_perr e;
	char *buf;

	out->v = NULL;
	out->n = 0;
	if (lim == NULL)
		lim = &cz_limits_default;
	if (n == 0)
		return CZ_P_OK;
	if (s == NULL)
		return CZ_P_MALFORMED;
	if ((count = count_segments(s, n, ';', 1)) == 0)
		return CZ_P_OK;
	if (count > lim->max_params)
		return CZ_P_TOO_MANY;
	if ((e = alloc_pairs(a, n, count, &v, &buf)) != CZ_P_OK)
		return e;

	for (seg = s, end = s + n; seg < end; seg = semi + 1) {
		if ((semi = memchr(seg, ';', (size_t)(end - seg))) == NULL)
			semi = end;
		len = (size_t)(semi - seg);
		while (len > 0 && is_ows(*seg)) {
			seg++;
			len--;
		}
		while (len > 0 && is_ows(seg[len - 1]))
			len--;
		if (len == 0)
			continue;
		if ((e = cookie_pair(seg, len, lim, &v[i], &buf)) != CZ_P_OK)
			return e;
		i++;
	}
	out->v = v;
	out->n = i;
	return CZ_P_OK;
}

const char *
cz_params_get(const struct cz_params *p, const char *name)
{
	size_t i, len;

	if (p == NULL || name == NULL)
		return NULL;
	len = strlen(name);
	for (i = 0; i < p->n; i++)
		if (p->v[i].name_len == len &&
		    memcmp(p->v[i].name, name, len) == 0)
			return p->v[i].value;
	return NULL;
}

static int
is_token68(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~' || c == '+' || c == '/';
}

enum cz_perr
cz_parse_bearer(const char *s, size_t n, const char **cred, size_t *credlen)
{
	size_t i, start;

	*cred = NULL;
	*credlen = 0;
	if (s == NULL || n < 7 || strncasecmp(s, "Bearer", 6) != 0 ||
	    s[6] != ' ')
		return CZ_P_MALFORMED;
	for (i = 6; i < n && s[i] == ' '; i++)
		;
	start = i;
	while (i < n && is_token68((unsigned char)s[i]))
		i++;
	if (i == start)
		return CZ_P_MALFORMED;
	while (i < n && s[i] == '=')
		i++;
	if (i - start > CZ_BEARER_MAX)
		return CZ_P_TOO_LONG;
	*credlen = i - start;
	while (i < n && s[i] == ' ')
		i++;
	if (i != n) {
		*credlen = 0;
		return CZ_P_MALFORMED;
	}
	*cred = s + start;
	return CZ_P_OK;
}

char *
cz_percent_encode(cz_arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s), i, j = 0;
	unsigned char c;
	char *out;

	if (n > (SIZE_MAX - 1) / 3 || (out = cz_arena_alloc(a, 3 * n + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		/* ASCII ranges, not isalnum(): the locale must not matter. */
		if ((c >= '0' && c <= '9') || ((c | 32) >= 'a' &&
		    (c | 32) <= 'z') || c == '-' || c == '.' || c == '_' ||
		    c == '~')
			out[j++] = (char)c;
		else {
			out[j++] = '%';
			out[j++] = hex[c >> 4];
			out[j++] = hex[c & 15];
		}
	}
	out[j] = '\0';
	return out;
}
