/*
 * check_parse.c - unit tests of the parsers of untrusted request input
 * (numbers, UTF-8, percent-decoding, urlencoded forms, cookies, JSON
 * bodies) and of table-driven validation, with their edge cases and
 * limits exactly at and one past the bound.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "jsonbody.h"
#include "numparse.h"
#include "params.h"
#include "utf8.h"
#include "validate.h"

/* A string literal and its length, embedded NULs included. */
#define LIT(s)	(s), (sizeof(s) - 1)
#define NELEM(x)	(sizeof(x) / sizeof((x)[0]))

static cz_arena *A;

static void
arena_setup(void)
{
	A = cz_arena_new(4096);
	ck_assert_ptr_nonnull(A);
}

static void
arena_teardown(void)
{
	cz_arena_free(A);
	A = NULL;
}

/* Returns malloc'd text of n bytes: the pattern repeated. */
static char *
repeat(const char *pat, size_t times, size_t *n)
{
	size_t plen = strlen(pat), i;
	char *s;

	*n = plen * times;
	s = malloc(*n + 1);
	ck_assert_ptr_nonnull(s);
	for (i = 0; i < times; i++)
		memcpy(s + i * plen, pat, plen);
	s[*n] = '\0';
	return s;
}

/* ---- numparse ------------------------------------------------------------ */

static const struct {
	const char	*s;
	long long	 min, max, want;
	const char	*err;
} strtonum_cases[] = {
	{ "0", 0, 10, 0, NULL },
	{ "10", 0, 10, 10, NULL },
	{ "11", 0, 10, 0, "too large" },
	{ "-1", 0, 10, 0, "too small" },
	{ "-10", -10, -5, -10, NULL },
	{ "-4", -10, -5, 0, "too large" },
	{ "007", 0, 10, 7, NULL },
	{ "-0", 0, 0, 0, NULL },
	{ "", 0, 10, 0, "invalid" },
	{ "-", 0, 10, 0, "invalid" },
	{ "--1", -10, 10, 0, "invalid" },
	{ "+1", 0, 10, 0, "invalid" },
	{ " 1", 0, 10, 0, "invalid" },
	{ "1 ", 0, 10, 0, "invalid" },
	{ "\t1", 0, 10, 0, "invalid" },
	{ "1\n", 0, 10, 0, "invalid" },
	{ "1x", 0, 10, 0, "invalid" },
	{ "0x10", 0, 100, 0, "invalid" },
	{ "1.5", 0, 10, 0, "invalid" },
	{ "1e3", 0, 10000, 0, "invalid" },
	{ "x", 0, 10, 0, "invalid" },
	{ "5", 10, 1, 0, "invalid" },		/* min > max */
	{ "9223372036854775807", LLONG_MIN, LLONG_MAX, LLONG_MAX, NULL },
	{ "9223372036854775808", LLONG_MIN, LLONG_MAX, 0, "too large" },
	{ "-9223372036854775808", LLONG_MIN, LLONG_MAX, LLONG_MIN, NULL },
	{ "-9223372036854775809", LLONG_MIN, LLONG_MAX, 0, "too small" },
	{ "99999999999999999999999", LLONG_MIN, LLONG_MAX, 0, "too large" },
	{ "-99999999999999999999999", LLONG_MIN, LLONG_MAX, 0, "too small" },
	{ "00000000000000000000000000042", 0, 100, 42, NULL },
	{ "99999999999999999999999x", LLONG_MIN, LLONG_MAX, 0, "invalid" },
	{ "9223372036854775807", 0, 100, 0, "too large" },
	{ "-9223372036854775808", 0, 100, 0, "too small" },
};

START_TEST(test_strtonum)
{
	const char *err = "unset";
	long long v;

	errno = 0;
	v = cz_strtonum(strtonum_cases[_i].s, strtonum_cases[_i].min,
	    strtonum_cases[_i].max, &err);
	ck_assert_msg(v == strtonum_cases[_i].want, "case %d \"%s\": %lld",
	    _i, strtonum_cases[_i].s, v);
	ck_assert_pstr_eq(err, strtonum_cases[_i].err);
	if (strtonum_cases[_i].err == NULL)
		ck_assert_int_eq(errno, 0);
	else
		ck_assert_int_eq(errno, strcmp(strtonum_cases[_i].err,
		    "invalid") == 0 ? EINVAL : ERANGE);
}
END_TEST

START_TEST(test_strtonum_null)
{
	const char *err = NULL;

	ck_assert(cz_strtonum(NULL, 0, 1, &err) == 0);
	ck_assert_str_eq(err, "invalid");
	ck_assert(cz_strtonum("5", 0, 10, NULL) == 5);
	ck_assert(cz_strtonum("50", 0, 10, NULL) == 0);
}
END_TEST

static const struct {
	const char	*s;
	int		 ok;
	size_t		 want;
} size_cases[] = {
	{ "0", 1, 0 },
	{ "512", 1, 512 },
	{ "64K", 1, 65536 },
	{ "64k", 1, 65536 },
	{ "8M", 1, 8388608 },
	{ "8m", 1, 8388608 },
	{ "1G", 1, 1073741824 },
	{ "1g", 1, 1073741824 },
	{ "0K", 1, 0 },
	{ "18446744073709551615", 1, SIZE_MAX },
	{ "18446744073709551616", 0, 0 },
	{ "17179869183G", 1, (size_t)17179869183 << 30 },
	{ "17179869184G", 0, 0 },
	{ "", 0, 0 },
	{ "K", 0, 0 },
	{ "1KB", 0, 0 },
	{ "1 K", 0, 0 },
	{ " 1", 0, 0 },
	{ "1 ", 0, 0 },
	{ "-1", 0, 0 },
	{ "+1", 0, 0 },
	{ "1.5K", 0, 0 },
	{ "1T", 0, 0 },
	{ "0x10", 0, 0 },
};

START_TEST(test_parse_size)
{
	size_t v = 12345;
	int r;

	r = cz_parse_size(size_cases[_i].s, &v);
	ck_assert_msg(r == (size_cases[_i].ok ? 0 : -1), "case \"%s\"",
	    size_cases[_i].s);
	if (size_cases[_i].ok)
		ck_assert_uint_eq(v, size_cases[_i].want);
	else
		ck_assert_uint_eq(v, 12345);
	ck_assert_int_eq(cz_parse_size(NULL, &v), -1);
}
END_TEST

/* ---- utf8 ----------------------------------------------------------------- */

static const struct {
	const char	*s;
	size_t		 n;
	int		 valid;
} utf8_cases[] = {
	{ LIT(""), 1 },
	{ LIT("plain ASCII text that is longer than eight bytes"), 1 },
	{ LIT("a\0b"), 1 },
	{ LIT("\xc3\xa9"), 1 },			/* U+00E9 */
	{ LIT("\xc2\x80"), 1 },			/* U+0080 */
	{ LIT("\xdf\xbf"), 1 },			/* U+07FF */
	{ LIT("\xe0\xa0\x80"), 1 },		/* U+0800 */
	{ LIT("\xe2\x82\xac"), 1 },		/* U+20AC */
	{ LIT("\xed\x9f\xbf"), 1 },		/* U+D7FF */
	{ LIT("\xee\x80\x80"), 1 },		/* U+E000 */
	{ LIT("\xef\xbf\xbf"), 1 },		/* U+FFFF */
	{ LIT("\xf0\x90\x80\x80"), 1 },		/* U+10000 */
	{ LIT("\xf0\x9d\x84\x9e"), 1 },		/* U+1D11E */
	{ LIT("\xf4\x8f\xbf\xbf"), 1 },		/* U+10FFFF */
	{ LIT("abcdefg\xc3\xa9xyzabcdefgh"), 1 },	/* across a word */
	{ LIT("\xc0\xaf"), 0 },			/* overlong '/' */
	{ LIT("\xc1\xbf"), 0 },			/* overlong */
	{ LIT("\xe0\x80\xaf"), 0 },		/* overlong */
	{ LIT("\xe0\x9f\xbf"), 0 },		/* overlong U+07FF */
	{ LIT("\xf0\x80\x80\xaf"), 0 },		/* overlong */
	{ LIT("\xf0\x8f\xbf\xbf"), 0 },		/* overlong U+FFFF */
	{ LIT("\xed\xa0\x80"), 0 },		/* U+D800 */
	{ LIT("\xed\xbf\xbf"), 0 },		/* U+DFFF */
	{ LIT("\xed\xa0\x80\xed\xb0\x80"), 0 },	/* CESU-8 pair */
	{ LIT("\xf4\x90\x80\x80"), 0 },		/* U+110000 */
	{ LIT("\xf5\x80\x80\x80"), 0 },
	{ LIT("\xf8\x88\x80\x80\x80"), 0 },	/* 5-byte form */
	{ LIT("\xfe"), 0 },
	{ LIT("\xff"), 0 },
	{ LIT("\x80"), 0 },			/* lone continuation */
	{ LIT("\xbf"), 0 },
	{ LIT("\xc3"), 0 },			/* truncated */
	{ LIT("\xe2\x82"), 0 },
	{ LIT("\xf0\x9d\x84"), 0 },
	{ LIT("abcdefgh\xc3"), 0 },		/* truncated after a word */
	{ LIT("\xc3\x28"), 0 },
	{ LIT("\xe2\x28\xa1"), 0 },
	{ LIT("\xe2\x82\x28"), 0 },
	{ LIT("\xf0\x28\x8c\xbc"), 0 },
	{ LIT("\xf0\x9d\x28\x9e"), 0 },
	{ LIT("\xf0\x9d\x84\x28"), 0 },
	{ LIT("\xc3\xa9\xc3"), 0 },
};

START_TEST(test_utf8_cases)
{
	ck_assert_msg(cz_utf8_valid(utf8_cases[_i].s, utf8_cases[_i].n) ==
	    utf8_cases[_i].valid, "case %d", _i);
}
END_TEST

/* A reference decoder written from the definition, to compare against. */
static int
ref_utf8_valid(const unsigned char *p, size_t n)
{
	size_t i = 0, k, len;
	unsigned long cp, minv;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((p[i] & 0xe0) == 0xc0) {
			len = 2; cp = p[i] & 0x1f; minv = 0x80;
		} else if ((p[i] & 0xf0) == 0xe0) {
			len = 3; cp = p[i] & 0x0f; minv = 0x800;
		} else if ((p[i] & 0xf8) == 0xf0) {
			len = 4; cp = p[i] & 0x07; minv = 0x10000;
		} else
			return 0;
		if (n - i < len)
			return 0;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		if (cp < minv || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

START_TEST(test_utf8_exhaustive)
{
	unsigned char b[4];
	unsigned int x, y, z;

	for (x = 0; x < 256; x++) {
		b[0] = (unsigned char)x;
		ck_assert_int_eq(cz_utf8_valid((char *)b, 1),
		    ref_utf8_valid(b, 1));
		for (y = 0; y < 256; y++) {
			b[1] = (unsigned char)y;
			ck_assert_int_eq(cz_utf8_valid((char *)b, 2),
			    ref_utf8_valid(b, 2));
		}
	}
	/* Every 3-byte sequence with a 3- or 4-byte lead. */
	for (x = 0xe0; x < 0x100; x++)
		for (y = 0; y < 256; y++)
			for (z = 0; z < 256; z++) {
				b[0] = (unsigned char)x;
				b[1] = (unsigned char)y;
				b[2] = (unsigned char)z;
				if (cz_utf8_valid((char *)b, 3) !=
				    ref_utf8_valid(b, 3))
					ck_abort_msg("%02x %02x %02x", x, y, z);
			}
	/* 4-byte leads over every second byte, a valid tail. */
	for (x = 0xf0; x < 0x100; x++)
		for (y = 0; y < 256; y++) {
			b[0] = (unsigned char)x;
			b[1] = (unsigned char)y;
			b[2] = b[3] = 0x80;
			ck_assert_int_eq(cz_utf8_valid((char *)b, 4),
			    ref_utf8_valid(b, 4));
		}
}
END_TEST

START_TEST(test_has_nul)
{
	ck_assert_int_eq(cz_has_nul(NULL, 0), 0);
	ck_assert_int_eq(cz_has_nul(LIT("")), 0);
	ck_assert_int_eq(cz_has_nul(LIT("abc")), 0);
	ck_assert_int_eq(cz_has_nul(LIT("a\0")), 1);
	ck_assert_int_eq(cz_has_nul(LIT("\0abc")), 1);
	ck_assert_int_eq(cz_has_nul("abc", 2), 0);
	ck_assert_int_eq(cz_utf8_valid(NULL, 0), 1);
}
END_TEST

/* ---- percent-decoding --------------------------------------------------- */

static const struct {
	const char	*in;
	int		 plus;
	const char	*out;		/* NULL: malformed */
	ssize_t		 len;
} pct_cases[] = {
	{ "", 0, "", 0 },
	{ "abc", 0, "abc", 3 },
	{ "a%20b", 0, "a b", 3 },
	{ "a+b", 1, "a b", 3 },
	{ "a+b", 0, "a+b", 3 },
	{ "%41%42", 0, "AB", 2 },
	{ "%c3%A9", 0, "\xc3\xa9", 2 },
	{ "%2B", 1, "+", 1 },
	{ "%25", 0, "%", 1 },
	{ "%00", 0, "", 1 },
	{ "%", 0, NULL, -1 },
	{ "%4", 0, NULL, -1 },
	{ "%zz", 0, NULL, -1 },
	{ "%4g", 0, NULL, -1 },
	{ "%g4", 0, NULL, -1 },
	{ "100%", 0, NULL, -1 },
	{ "a%2", 0, NULL, -1 },
	{ "%%41", 0, NULL, -1 },
	{ "% 41", 0, NULL, -1 },
};

START_TEST(test_percent_decode)
{
	char dst[32];
	size_t n = strlen(pct_cases[_i].in);
	ssize_t r;

	r = cz_percent_decode(dst, pct_cases[_i].in, n, pct_cases[_i].plus);
	ck_assert_msg(r == pct_cases[_i].len, "case \"%s\": %zd",
	    pct_cases[_i].in, r);
	if (pct_cases[_i].out != NULL) {
		ck_assert_int_eq(memcmp(dst, pct_cases[_i].out, (size_t)r), 0);
		ck_assert_int_eq(dst[r], '\0');
	}
}
END_TEST

START_TEST(test_percent_decode_inplace)
{
	char s[] = "a%20b%2Bc+d";
	ssize_t r;

	r = cz_percent_decode(s, s, strlen(s), 1);
	ck_assert_int_eq(r, 7);
	ck_assert_str_eq(s, "a b+c d");
	/* Bytes past n are never read. */
	r = cz_percent_decode(s, "%41%", 3, 0);
	ck_assert_int_eq(r, 1);
	ck_assert_str_eq(s, "A");
}
END_TEST

/* ---- urlencoded --------------------------------------------------------- */

/* Every byte value survives encoding then decoding, and only the
 * unreserved characters are left as they are. */
START_TEST(test_percent_encode_roundtrip)
{
	char in[256], *enc, dec[256 * 3 + 1];
	ssize_t n;
	int i;

	for (i = 1; i < 256; i++)
		in[i - 1] = (char)i;
	in[255] = '\0';
	enc = cz_percent_encode(A, in);
	ck_assert_ptr_nonnull(enc);
	ck_assert_uint_eq(strspn(enc, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm"
	    "nopqrstuvwxyz0123456789-._~%"), strlen(enc));
	n = cz_percent_decode(dec, enc, strlen(enc), 0);
	ck_assert_int_eq(n, 255);
	ck_assert_mem_eq(dec, in, 255);
	ck_assert_str_eq(cz_percent_encode(A, "/plans/new?a=1&b=x y"),
	    "%2Fplans%2Fnew%3Fa%3D1%26b%3Dx%20y");
	ck_assert_str_eq(cz_percent_encode(A, ""), "");
}
END_TEST

START_TEST(test_perr_str)
{
	ck_assert_str_eq(cz_perr_str(CZ_P_TOO_MANY), "too many parameters");
	ck_assert_str_eq(cz_perr_str(CZ_P_OK), "no error");
	ck_assert_str_eq(cz_perr_str(CZ_P_MALFORMED), "malformed input");
	ck_assert_str_eq(cz_perr_str(CZ_P_BAD_UTF8), "invalid UTF-8 text");
	ck_assert_str_eq(cz_perr_str(CZ_P_TOO_DEEP), "nesting too deep");
	ck_assert_str_eq(cz_perr_str(CZ_P_NOMEM), "out of memory");
	ck_assert_ptr_nonnull(cz_perr_str(CZ_P_TOO_LONG));
	ck_assert_str_eq(cz_perr_str((enum cz_perr)99), "unknown error");
	ck_assert_str_eq(cz_perr_str((enum cz_perr)-1), "unknown error");
}
END_TEST

/* Expected outcome of one parse: the error and, on success, "n=v|n=v". */
struct pcase {
	const char	*in;
	size_t		 n;
	enum cz_perr	 want;
	const char	*pairs;
};

/* Formats params as "n=v|n=v" after checking each is NUL-terminated. */
static char *
join(const struct cz_params *p)
{
	static char out[4096];
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < p->n; i++) {
		ck_assert_uint_eq(strlen(p->v[i].name), p->v[i].name_len);
		ck_assert_uint_eq(strlen(p->v[i].value), p->v[i].value_len);
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%s=%s",
		    i ? "|" : "", p->v[i].name, p->v[i].value);
		ck_assert_uint_lt(o, sizeof(out));
	}
	return out;
}

static void
check_pcase(const struct pcase *c, enum cz_perr (*parse)(cz_arena *,
    const char *, size_t, const struct cz_limits *, struct cz_params *))
{
	struct cz_params p = { (struct cz_param *)1, 99 };
	enum cz_perr e;

	e = parse(A, c->in, c->n, NULL, &p);
	ck_assert_msg(e == c->want, "input \"%s\": got %s, want %s", c->in,
	    cz_perr_str(e), cz_perr_str(c->want));
	if (e == CZ_P_OK)
		ck_assert_str_eq(join(&p), c->pairs);
	else {
		ck_assert_ptr_null(p.v);
		ck_assert_uint_eq(p.n, 0);
	}
}

static const struct pcase form_cases[] = {
	{ LIT(""), CZ_P_OK, "" },
	{ LIT("a=1"), CZ_P_OK, "a=1" },
	{ LIT("a=1&b=2"), CZ_P_OK, "a=1|b=2" },
	{ LIT("a=1&&b=2"), CZ_P_OK, "a=1|b=2" },
	{ LIT("&a=1&"), CZ_P_OK, "a=1" },
	{ LIT("&&&"), CZ_P_OK, "" },
	{ LIT("&"), CZ_P_OK, "" },
	{ LIT("a"), CZ_P_OK, "a=" },
	{ LIT("a="), CZ_P_OK, "a=" },
	{ LIT("a&b"), CZ_P_OK, "a=|b=" },
	{ LIT("a=b=c"), CZ_P_OK, "a=b=c" },
	{ LIT("a+b=c+d"), CZ_P_OK, "a b=c d" },
	{ LIT("a=%2B%26%3D"), CZ_P_OK, "a=+&=" },
	{ LIT("a=1;b=2"), CZ_P_OK, "a=1;b=2" },	/* ';' separates nothing */
	{ LIT("a=1&a=2"), CZ_P_OK, "a=1|a=2" },
	{ LIT("q=%E2%82%AC"), CZ_P_OK, "q=\xe2\x82\xac" },
	{ LIT("q=\xc3\xa9"), CZ_P_OK, "q=\xc3\xa9" },
	{ LIT("%C3%A9=x"), CZ_P_OK, "\xc3\xa9=x" },
	{ LIT("=x"), CZ_P_MALFORMED, NULL },
	{ LIT("="), CZ_P_MALFORMED, NULL },
	{ LIT("a=1&=2"), CZ_P_MALFORMED, NULL },
	{ LIT("%"), CZ_P_MALFORMED, NULL },
	{ LIT("%4"), CZ_P_MALFORMED, NULL },
	{ LIT("%zz"), CZ_P_MALFORMED, NULL },
	{ LIT("a=%"), CZ_P_MALFORMED, NULL },
	{ LIT("a=%4"), CZ_P_MALFORMED, NULL },
	{ LIT("a=%zz"), CZ_P_MALFORMED, NULL },
	{ LIT("a=%4&b=1"), CZ_P_MALFORMED, NULL },
	{ LIT("a=1&b=%G1"), CZ_P_MALFORMED, NULL },
	{ LIT("%00"), CZ_P_MALFORMED, NULL },
	{ LIT("a=%00"), CZ_P_MALFORMED, NULL },
	{ LIT("a=x%00y"), CZ_P_MALFORMED, NULL },
	{ LIT("a=\0"), CZ_P_MALFORMED, NULL },
	{ LIT("a\0b=1"), CZ_P_MALFORMED, NULL },
	{ LIT("a=%C0%AF"), CZ_P_BAD_UTF8, NULL },
	{ LIT("a=%ED%A0%80"), CZ_P_BAD_UTF8, NULL },
	{ LIT("a=%F4%90%80%80"), CZ_P_BAD_UTF8, NULL },
	{ LIT("a=%C3"), CZ_P_BAD_UTF8, NULL },
	{ LIT("a=%FF"), CZ_P_BAD_UTF8, NULL },
	{ LIT("a=\xff"), CZ_P_BAD_UTF8, NULL },
	{ LIT("%C0%AF=1"), CZ_P_BAD_UTF8, NULL },
	{ LIT("a=\xc3%A9"), CZ_P_OK, "a=\xc3\xa9" },	/* mixed raw and encoded */
};

START_TEST(test_form_cases)
{
	check_pcase(&form_cases[_i], cz_parse_urlencoded);
}
END_TEST

START_TEST(test_form_get)
{
	struct cz_params p;

	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a=1&b=&a=2&c"), NULL, &p),
	    CZ_P_OK);
	ck_assert_uint_eq(p.n, 4);
	ck_assert_str_eq(cz_params_get(&p, "a"), "1");
	ck_assert_str_eq(cz_params_get(&p, "b"), "");
	ck_assert_str_eq(cz_params_get(&p, "c"), "");
	ck_assert_ptr_null(cz_params_get(&p, "d"));
	ck_assert_ptr_null(cz_params_get(&p, ""));
	ck_assert_ptr_null(cz_params_get(&p, "aa"));
	ck_assert_ptr_null(cz_params_get(NULL, "a"));
	ck_assert_ptr_null(cz_params_get(&p, NULL));
}
END_TEST

START_TEST(test_form_not_terminated)
{
	struct cz_params p;
	char buf[] = { 'a', '=', '1', '&', 'b', '=', '%', '3' };

	/* Only the first n bytes are read. */
	ck_assert_int_eq(cz_parse_urlencoded(A, "a=1&b=2", 3, NULL, &p),
	    CZ_P_OK);
	ck_assert_str_eq(join(&p), "a=1");
	ck_assert_int_eq(cz_parse_urlencoded(A, buf, sizeof(buf), NULL, &p),
	    CZ_P_MALFORMED);
	ck_assert_int_eq(cz_parse_urlencoded(A, buf, 5, NULL, &p), CZ_P_OK);
	ck_assert_str_eq(join(&p), "a=1|b=");
	ck_assert_int_eq(cz_parse_urlencoded(A, NULL, 0, NULL, &p), CZ_P_OK);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_int_eq(cz_parse_urlencoded(A, NULL, 3, NULL, &p),
	    CZ_P_MALFORMED);
}
END_TEST

START_TEST(test_form_limits)
{
	struct cz_limits lim = { 3, 3, 4 };
	struct cz_params p;

	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a&b&c"), &lim, &p),
	    CZ_P_OK);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a&b&c&d"), &lim, &p),
	    CZ_P_TOO_MANY);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("&a&&b&&c&&"), &lim, &p),
	    CZ_P_OK);
	ck_assert_uint_eq(p.n, 3);
	/* Names: decoded length counts. */
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("abc=1"), &lim, &p),
	    CZ_P_OK);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("%41%42%43=1"), &lim, &p),
	    CZ_P_OK);
	ck_assert_str_eq(join(&p), "ABC=1");
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("abcd=1"), &lim, &p),
	    CZ_P_TOO_LONG);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("%41%42%43%44"), &lim, &p),
	    CZ_P_TOO_LONG);
	/* Values. */
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a=%20%20%20%20"), &lim,
	    &p), CZ_P_OK);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a=++++"), &lim, &p),
	    CZ_P_OK);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a=+++++"), &lim, &p),
	    CZ_P_TOO_LONG);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a=12345"), &lim, &p),
	    CZ_P_TOO_LONG);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a=1234"), &lim, &p),
	    CZ_P_OK);
	/* Zero limits allow nothing but empty input. */
	lim.max_params = 0;
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a"), &lim, &p),
	    CZ_P_TOO_MANY);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("&&"), &lim, &p), CZ_P_OK);
}
END_TEST

START_TEST(test_form_default_limits)
{
	struct cz_params p;
	char *s;
	size_t n;

	s = repeat("a=1&", 100, &n);
	ck_assert_int_eq(cz_parse_urlencoded(A, s, n, NULL, &p), CZ_P_OK);
	ck_assert_uint_eq(p.n, 100);
	free(s);
	s = repeat("a=1&", 101, &n);
	ck_assert_int_eq(cz_parse_urlencoded(A, s, n, NULL, &p),
	    CZ_P_TOO_MANY);
	free(s);
	s = repeat("x", cz_limits_default.max_name_len + 1, &n);
	ck_assert_int_eq(cz_parse_urlencoded(A, s, n, NULL, &p),
	    CZ_P_TOO_LONG);
	ck_assert_int_eq(cz_parse_urlencoded(A, s, n - 1, NULL, &p), CZ_P_OK);
	free(s);
}
END_TEST

START_TEST(test_form_long_input)
{
	struct cz_limits lim = { 300000, 16, 1 << 20 };
	struct cz_params p;
	char *s;
	size_t n;

	/* 1 MB of pairs. */
	s = repeat("ab=c&", 209716, &n);
	ck_assert_int_eq(cz_parse_urlencoded(A, s, n, &lim, &p), CZ_P_OK);
	ck_assert_uint_eq(p.n, 209716);
	ck_assert_str_eq(p.v[209715].name, "ab");
	free(s);
	/* One value exactly at a 1 MB limit, then one byte over. */
	s = repeat("x", (1 << 20) + 3, &n);
	memcpy(s, "v=", 2);
	ck_assert_int_eq(cz_parse_urlencoded(A, s, n - 1, &lim, &p), CZ_P_OK);
	ck_assert_uint_eq(p.v[0].value_len, 1 << 20);
	ck_assert_int_eq(cz_parse_urlencoded(A, s, n, &lim, &p),
	    CZ_P_TOO_LONG);
	free(s);
	/* 100000 '%' characters. */
	s = repeat("%", 100000, &n);
	ck_assert_int_eq(cz_parse_urlencoded(A, s, n, &lim, &p),
	    CZ_P_MALFORMED);
	free(s);
}
END_TEST

START_TEST(test_form_nomem)
{
	struct cz_params p;

	cz_arena_set_limit(A, 64);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a=1&b=2&c=3&d=4&e=5"),
	    NULL, &p), CZ_P_NOMEM);
	ck_assert_ptr_null(p.v);
	cz_arena_set_limit(A, 0);
	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("a=1&b=2&c=3&d=4&e=5"),
	    NULL, &p), CZ_P_OK);
}
END_TEST

/* ---- cookies -------------------------------------------------------------- */

static const struct pcase cookie_cases[] = {
	{ LIT(""), CZ_P_OK, "" },
	{ LIT("a=b"), CZ_P_OK, "a=b" },
	{ LIT("a=b; c=d"), CZ_P_OK, "a=b|c=d" },
	{ LIT("a=b;c=d"), CZ_P_OK, "a=b|c=d" },
	{ LIT("  a=b ;  c=d  "), CZ_P_OK, "a=b|c=d" },
	{ LIT("a=b;\tc=d"), CZ_P_OK, "a=b|c=d" },
	{ LIT("a = b"), CZ_P_OK, "a=b" },
	{ LIT("a="), CZ_P_OK, "a=" },
	{ LIT("a=\"xyz\""), CZ_P_OK, "a=xyz" },
	{ LIT("a=\"\""), CZ_P_OK, "a=" },
	{ LIT("a=b=c"), CZ_P_OK, "a=b=c" },
	{ LIT("a=%41"), CZ_P_OK, "a=%41" },		/* no decoding */
	{ LIT("a=b;;c=d"), CZ_P_OK, "a=b|c=d" },
	{ LIT("a=b; ;"), CZ_P_OK, "a=b" },
	{ LIT(";"), CZ_P_OK, "" },
	{ LIT("   "), CZ_P_OK, "" },
	{ LIT("a=1; a=2"), CZ_P_OK, "a=1|a=2" },
	{ LIT("SID=31d4d96e407aad42; lang=en-US"), CZ_P_OK,
	    "SID=31d4d96e407aad42|lang=en-US" },
	{ LIT("x!#$%&'*+-.^_`|~9=v"), CZ_P_OK, "x!#$%&'*+-.^_`|~9=v" },
	{ LIT("a=!#$%&'()*+-./:<=>?@[]^_`{|}~"), CZ_P_OK,
	    "a=!#$%&'()*+-./:<=>?@[]^_`{|}~" },
	{ LIT("a"), CZ_P_MALFORMED, NULL },
	{ LIT("a=b; c"), CZ_P_MALFORMED, NULL },
	{ LIT("=b"), CZ_P_MALFORMED, NULL },
	{ LIT(" =b"), CZ_P_MALFORMED, NULL },
	{ LIT("a b=c"), CZ_P_MALFORMED, NULL },
	{ LIT("a(b)=c"), CZ_P_MALFORMED, NULL },
	{ LIT("a@b=c"), CZ_P_MALFORMED, NULL },
	{ LIT("a,b=c"), CZ_P_MALFORMED, NULL },
	{ LIT("a\"=c"), CZ_P_MALFORMED, NULL },
	{ LIT("\xc3\xa9=c"), CZ_P_MALFORMED, NULL },
	{ LIT("a=b c"), CZ_P_MALFORMED, NULL },
	{ LIT("a=b,c"), CZ_P_MALFORMED, NULL },
	{ LIT("a=b\\c"), CZ_P_MALFORMED, NULL },
	{ LIT("a=\"b c\""), CZ_P_MALFORMED, NULL },
	{ LIT("a=\""), CZ_P_MALFORMED, NULL },
	{ LIT("a=\"x"), CZ_P_MALFORMED, NULL },
	{ LIT("a=x\""), CZ_P_MALFORMED, NULL },
	{ LIT("a=\"x\"y\""), CZ_P_MALFORMED, NULL },
	{ LIT("a=\xc3\xa9"), CZ_P_MALFORMED, NULL },
	{ LIT("a=b\0"), CZ_P_MALFORMED, NULL },
	{ LIT("a=b\x7f"), CZ_P_MALFORMED, NULL },
	{ LIT("a=b\r\n"), CZ_P_MALFORMED, NULL },
};

START_TEST(test_cookie_cases)
{
	check_pcase(&cookie_cases[_i], cz_parse_cookies);
}
END_TEST

START_TEST(test_cookie_limits)
{
	struct cz_limits lim = { 2, 3, 3 };
	struct cz_params p;

	ck_assert_int_eq(cz_parse_cookies(A, LIT("a=1; b=2"), &lim, &p),
	    CZ_P_OK);
	ck_assert_str_eq(cz_params_get(&p, "b"), "2");
	ck_assert_int_eq(cz_parse_cookies(A, LIT("a=1; b=2; c=3"), &lim, &p),
	    CZ_P_TOO_MANY);
	ck_assert_int_eq(cz_parse_cookies(A, LIT("a=1;;; ; b=2;"), &lim, &p),
	    CZ_P_OK);
	ck_assert_int_eq(cz_parse_cookies(A, LIT("abc=1"), &lim, &p), CZ_P_OK);
	ck_assert_int_eq(cz_parse_cookies(A, LIT("abcd=1"), &lim, &p),
	    CZ_P_TOO_LONG);
	ck_assert_int_eq(cz_parse_cookies(A, LIT("a=abc"), &lim, &p), CZ_P_OK);
	ck_assert_int_eq(cz_parse_cookies(A, LIT("a=\"abc\""), &lim, &p),
	    CZ_P_OK);
	ck_assert_int_eq(cz_parse_cookies(A, LIT("a=abcd"), &lim, &p),
	    CZ_P_TOO_LONG);
	ck_assert_int_eq(cz_parse_cookies(A, LIT("a=\"abcd\""), &lim, &p),
	    CZ_P_TOO_LONG);
	ck_assert_int_eq(cz_parse_cookies(A, NULL, 0, &lim, &p), CZ_P_OK);
	ck_assert_int_eq(cz_parse_cookies(A, NULL, 1, &lim, &p),
	    CZ_P_MALFORMED);
}
END_TEST

START_TEST(test_cookie_long)
{
	struct cz_params p;
	char *s;
	size_t n;

	s = repeat("session=0123456789abcdef; ", 100, &n);
	ck_assert_int_eq(cz_parse_cookies(A, s, n, NULL, &p), CZ_P_OK);
	ck_assert_uint_eq(p.n, 100);
	ck_assert_str_eq(cz_params_get(&p, "session"), "0123456789abcdef");
	free(s);
	s = repeat("s=1;", 101, &n);
	ck_assert_int_eq(cz_parse_cookies(A, s, n, NULL, &p), CZ_P_TOO_MANY);
	free(s);
	s = repeat(";", 100000, &n);
	ck_assert_int_eq(cz_parse_cookies(A, s, n, NULL, &p), CZ_P_OK);
	ck_assert_uint_eq(p.n, 0);
	free(s);
	s = repeat("x", 8194, &n);
	s[0] = 'a';
	s[1] = '=';
	ck_assert_int_eq(cz_parse_cookies(A, s, n, NULL, &p), CZ_P_OK);
	ck_assert_int_eq(cz_parse_cookies(A, s, n + 1 - 1, NULL, &p), CZ_P_OK);
	free(s);
	s = repeat("x", 8195, &n);
	s[0] = 'a';
	s[1] = '=';
	ck_assert_int_eq(cz_parse_cookies(A, s, n, NULL, &p), CZ_P_TOO_LONG);
	free(s);
}
END_TEST

/* ---- JSON ------------------------------------------------------------------ */

struct jcase {
	const char	*in;
	size_t		 n;
	int		 depth;
	enum cz_perr	 want;
};

static const struct jcase json_cases[] = {
	{ LIT("{}"), 16, CZ_P_OK },
	{ LIT("[]"), 16, CZ_P_OK },
	{ LIT("1"), 16, CZ_P_OK },
	{ LIT("-0"), 16, CZ_P_OK },
	{ LIT("1.5e3"), 16, CZ_P_OK },
	{ LIT("\"x\""), 16, CZ_P_OK },
	{ LIT("true"), 16, CZ_P_OK },
	{ LIT("null"), 16, CZ_P_OK },
	{ LIT("  {\"a\" : [1, 2, {\"b\": null}]}\r\n\t "), 16, CZ_P_OK },
	{ LIT("\"\\u0000\""), 16, CZ_P_OK },
	{ LIT("\"\\ud83d\\ude00\""), 16, CZ_P_OK },
	{ LIT("\"a\\tb\\\"\""), 16, CZ_P_OK },
	{ LIT("\"a\\\\\"\t"), 16, CZ_P_OK },
	{ LIT("\"\xc3\xa9\xe2\x82\xac\""), 16, CZ_P_OK },
	{ LIT("99999999999999999999"), 16, CZ_P_OK },
	{ LIT("{\"a\":1,\"a\":2}"), 16, CZ_P_OK },
	/* depth exactly at and one over */
	{ LIT("[[1]]"), 2, CZ_P_OK },
	{ LIT("[[[1]]]"), 2, CZ_P_TOO_DEEP },
	{ LIT("{\"a\":{\"b\":1}}"), 2, CZ_P_OK },
	{ LIT("{\"a\":{\"b\":{}}}"), 2, CZ_P_TOO_DEEP },
	{ LIT("[{\"a\":[]}]"), 3, CZ_P_OK },
	{ LIT("[{\"a\":[[]]}]"), 3, CZ_P_TOO_DEEP },
	{ LIT("[]"), 0, CZ_P_OK },		/* depth < 1 counts as 1 */
	{ LIT("[[]]"), 0, CZ_P_TOO_DEEP },
	{ LIT("[[]]"), -5, CZ_P_TOO_DEEP },
	{ LIT("1"), 1, CZ_P_OK },
	/* empty and syntax errors */
	{ LIT(""), 16, CZ_P_MALFORMED },
	{ LIT("   "), 16, CZ_P_MALFORMED },
	{ LIT("\n"), 16, CZ_P_MALFORMED },
	{ LIT("{"), 16, CZ_P_MALFORMED },
	{ LIT("}"), 16, CZ_P_MALFORMED },
	{ LIT("["), 16, CZ_P_MALFORMED },
	{ LIT("\""), 16, CZ_P_MALFORMED },
	{ LIT("[1,]"), 16, CZ_P_MALFORMED },
	{ LIT("{\"a\":1,}"), 16, CZ_P_MALFORMED },
	{ LIT("{'a':1}"), 16, CZ_P_MALFORMED },
	{ LIT("{a:1}"), 16, CZ_P_MALFORMED },
	{ LIT("{\"a\"}"), 16, CZ_P_MALFORMED },
	{ LIT("tru"), 16, CZ_P_MALFORMED },
	{ LIT("True"), 16, CZ_P_MALFORMED },
	{ LIT("nul"), 16, CZ_P_MALFORMED },
	{ LIT("01"), 16, CZ_P_MALFORMED },
	{ LIT("-"), 16, CZ_P_MALFORMED },
	{ LIT("1."), 16, CZ_P_MALFORMED },
	{ LIT(".5"), 16, CZ_P_MALFORMED },
	{ LIT("+1"), 16, CZ_P_MALFORMED },
	{ LIT("0x10"), 16, CZ_P_MALFORMED },
	{ LIT("NaN"), 16, CZ_P_MALFORMED },
	{ LIT("Infinity"), 16, CZ_P_MALFORMED },
	{ LIT("-Infinity"), 16, CZ_P_MALFORMED },
	{ LIT("[1e999]"), 16, CZ_P_MALFORMED },
	{ LIT("{\"a\":[NaN]}"), 16, CZ_P_MALFORMED },
	{ LIT("/* c */ {}"), 16, CZ_P_MALFORMED },
	{ LIT("{} // c"), 16, CZ_P_MALFORMED },
	{ LIT("\"\\x41\""), 16, CZ_P_MALFORMED },
	{ LIT("\"\\u12\""), 16, CZ_P_MALFORMED },
	{ LIT("\xef\xbb\xbf{}"), 16, CZ_P_MALFORMED },	/* BOM */
	/* trailing garbage */
	{ LIT("{} x"), 16, CZ_P_MALFORMED },
	{ LIT("{}{}"), 16, CZ_P_MALFORMED },
	{ LIT("[]]"), 16, CZ_P_MALFORMED },
	{ LIT("1 2"), 16, CZ_P_MALFORMED },
	{ LIT("12x"), 16, CZ_P_MALFORMED },
	{ LIT("\"a\"b"), 16, CZ_P_MALFORMED },
	{ LIT("true false"), 16, CZ_P_MALFORMED },
	{ LIT("{}\0"), 16, CZ_P_MALFORMED },
	{ LIT("1\0"), 16, CZ_P_MALFORMED },
	/* control bytes */
	{ LIT("\"a\tb\""), 16, CZ_P_MALFORMED },
	{ LIT("\"a\nb\""), 16, CZ_P_MALFORMED },
	{ LIT("\"a\x01\""), 16, CZ_P_MALFORMED },
	{ LIT("\"a\\\"\tb\""), 16, CZ_P_MALFORMED },
	{ LIT("\"a\0b\""), 16, CZ_P_MALFORMED },
	{ LIT("{\x0c}"), 16, CZ_P_MALFORMED },
	{ LIT("\"\\u00e\0\""), 16, CZ_P_MALFORMED },
	{ LIT("\"\\\0\""), 16, CZ_P_MALFORMED },
	/* UTF-8 */
	{ LIT("\"\xc3\x28\""), 16, CZ_P_BAD_UTF8 },
	{ LIT("\"\xc0\xaf\""), 16, CZ_P_BAD_UTF8 },
	{ LIT("\"\xed\xa0\x80\""), 16, CZ_P_BAD_UTF8 },
	{ LIT("{\"\xff\":1}"), 16, CZ_P_BAD_UTF8 },
	{ LIT("[\"ok\", \"\xe2\x82\"]"), 16, CZ_P_BAD_UTF8 },
};

START_TEST(test_json_cases)
{
	const struct jcase *c = &json_cases[_i];
	struct json_object *o = (struct json_object *)1;
	enum cz_perr e;

	e = cz_parse_json(A, c->in, c->n, c->depth, &o);
	ck_assert_msg(e == c->want, "case %d \"%s\": got %s, want %s", _i,
	    c->in, cz_perr_str(e), cz_perr_str(c->want));
	if (e != CZ_P_OK)
		ck_assert_ptr_null(o);
}
END_TEST

START_TEST(test_json_values)
{
	struct json_object *o, *v;

	ck_assert_int_eq(cz_parse_json(A, LIT("{\"a\": 42, \"b\": \"x\"}"), 16,
	    &o), CZ_P_OK);
	ck_assert(json_object_is_type(o, json_type_object));
	ck_assert(json_object_object_get_ex(o, "a", &v));
	ck_assert_int_eq(json_object_get_int64(v), 42);
	ck_assert_int_eq(cz_parse_json(A, LIT("null"), 16, &o), CZ_P_OK);
	ck_assert_ptr_null(o);
	ck_assert_int_eq(cz_parse_json(A, LIT("\"a\\u0000b\""), 16, &o),
	    CZ_P_OK);
	ck_assert_int_eq(json_object_get_string_len(o), 3);
	ck_assert_int_eq(cz_parse_json(A, LIT("123"), 16, &o), CZ_P_OK);
	ck_assert_int_eq(json_object_get_int(o), 123);
	ck_assert_int_eq(cz_parse_json(A, NULL, 0, 16, &o), CZ_P_MALFORMED);
	/* Only n bytes are read. */
	ck_assert_int_eq(cz_parse_json(A, "[1]xyz", 3, 16, &o), CZ_P_OK);
	ck_assert_int_eq(cz_parse_json(A, "12345", 2, 16, &o), CZ_P_OK);
	ck_assert_int_eq(json_object_get_int(o), 12);
	/* The arena releases everything (checked by valgrind and ASan). */
	cz_arena_reset(A);
	ck_assert_int_eq(cz_parse_json(A, LIT("[[[\"x\"]]]"), 16, &o),
	    CZ_P_OK);
}
END_TEST

START_TEST(test_json_depth_default)
{
	char buf[2 * CZ_JSON_DEFAULT_DEPTH + 2];
	struct json_object *o;
	int d;

	for (d = 1; d <= CZ_JSON_DEFAULT_DEPTH + 1; d++) {
		memset(buf, '[', (size_t)d);
		memset(buf + d, ']', (size_t)d);
		ck_assert_int_eq(cz_parse_json(A, buf, 2 * (size_t)d,
		    CZ_JSON_DEFAULT_DEPTH, &o),
		    d <= CZ_JSON_DEFAULT_DEPTH ? CZ_P_OK : CZ_P_TOO_DEEP);
	}
}
END_TEST

START_TEST(test_json_huge)
{
	struct json_object *o;
	char *s;
	size_t n;

	/* Very deep nesting stops at the limit, whatever the limit asked. */
	s = repeat("[", 200000, &n);
	ck_assert_int_eq(cz_parse_json(A, s, n, CZ_JSON_DEFAULT_DEPTH, &o),
	    CZ_P_TOO_DEEP);
	ck_assert_int_eq(cz_parse_json(A, s, n, INT_MAX, &o), CZ_P_TOO_DEEP);
	free(s);
	s = repeat("{\"a\":", 5000, &n);
	ck_assert_int_eq(cz_parse_json(A, s, n, 64, &o), CZ_P_TOO_DEEP);
	free(s);
	/* A long array of small values: "[1,1,...,1]". */
	s = repeat(",1", 50001, &n);	/* ",1,1,...,1,1" */
	s[0] = '[';			/* "[1,1,...,1,1" */
	s[n - 2] = ']';			/* "[1,1,...,1]1" */
	n--;
	ck_assert_int_eq(cz_parse_json(A, s, n, 16, &o), CZ_P_OK);
	ck_assert_uint_eq(json_object_array_length(o), 50000);
	free(s);
	/* A long string. */
	s = repeat("x", 1 << 20, &n);
	s[0] = '"';
	s[n - 1] = '"';
	ck_assert_int_eq(cz_parse_json(A, s, n, 16, &o), CZ_P_OK);
	ck_assert_int_eq(json_object_get_string_len(o), (1 << 20) - 2);
	free(s);
}
END_TEST

START_TEST(test_json_nomem)
{
	struct json_object *o = (struct json_object *)1;

	/* The arena cannot take ownership: the object is freed, not
	 * leaked (valgrind and ASan check that). */
	cz_arena_set_limit(A, 1);
	ck_assert_int_eq(cz_parse_json(A, LIT("{\"a\":[1,2,3]}"), 16, &o),
	    CZ_P_NOMEM);
	ck_assert_ptr_null(o);
	ck_assert_int_eq(cz_json_own(A, json_object_new_object()), -1);
	ck_assert_int_eq(cz_json_own(A, NULL), 0);
}
END_TEST

/* ---- validation --------------------------------------------------------- */

static const char *const diets[] = { "standard", "vegan", NULL };

enum { F_CAL, F_DIET, F_NAME, F_VEG, F_EMAIL, F_NFIELDS };
static const struct cz_field plan_fields[] = {
	[F_CAL] = { "calories", CZ_F_INT, 1, 800, 5000, NULL },
	[F_DIET] = { "diet_type", CZ_F_ENUM, 1, 0, 0, diets },
	[F_NAME] = { "name", CZ_F_STRING, 0, 2, 10, NULL },
	[F_VEG] = { "vegetarian", CZ_F_BOOL, 0, 0, 0, NULL },
	[F_EMAIL] = { "email", CZ_F_EMAIL, 1, 0, 0, NULL },
};

static const char *
errmsg(struct json_object *errors, const char *name)
{
	struct json_object *m;

	if (errors == NULL || !json_object_object_get_ex(errors, name, &m))
		return NULL;
	return json_object_get_string(m);
}

/* Validates a urlencoded string against plan_fields. */
static int
vform(const char *s, struct cz_value *out, struct json_object **errors)
{
	struct cz_params p;

	ck_assert_int_eq(cz_parse_urlencoded(A, s, strlen(s), NULL, &p),
	    CZ_P_OK);
	return cz_validate_params(A, plan_fields, F_NFIELDS, &p, out, errors);
}

/* Validates a JSON text against plan_fields. */
static int
vjson(const char *s, struct cz_value *out, struct json_object **errors)
{
	struct json_object *o;

	ck_assert_int_eq(cz_parse_json(A, s, strlen(s), 16, &o), CZ_P_OK);
	return cz_validate_json(A, plan_fields, F_NFIELDS, o, out, errors);
}

START_TEST(test_validate_params_ok)
{
	struct cz_value v[F_NFIELDS];
	struct json_object *err = (struct json_object *)1;

	ck_assert_int_eq(vform("calories=2000&diet_type=vegan&name=Al"
	    "&vegetarian=on&email=a%40b.co&extra=ignored", v, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert(v[F_CAL].present && v[F_CAL].i == 2000);
	ck_assert_ptr_null(v[F_CAL].s);
	ck_assert(v[F_DIET].present && v[F_DIET].i == 1);
	ck_assert_str_eq(v[F_DIET].s, "vegan");
	ck_assert_ptr_eq(v[F_DIET].s, diets[1]);
	ck_assert(v[F_NAME].present && v[F_NAME].len == 2);
	ck_assert_str_eq(v[F_NAME].s, "Al");
	ck_assert(v[F_VEG].present && v[F_VEG].i == 1);
	ck_assert_str_eq(v[F_EMAIL].s, "a@b.co");
	ck_assert_uint_eq(v[F_EMAIL].len, 6);

	/* Optional fields absent, or empty (as browsers send them). */
	ck_assert_int_eq(vform("calories=800&diet_type=standard&name="
	    "&email=x%40y.org", v, &err), 0);
	ck_assert(!v[F_NAME].present && !v[F_VEG].present);
	ck_assert_ptr_null(v[F_NAME].s);
	ck_assert(v[F_CAL].i == 800 && v[F_DIET].i == 0);
	/* First of duplicates wins. */
	ck_assert_int_eq(vform("calories=5000&calories=x&diet_type=vegan"
	    "&email=x%40y.org", v, &err), 0);
	ck_assert(v[F_CAL].i == 5000);
	/* errors may be NULL */
	ck_assert_int_eq(vform("calories=5000&diet_type=vegan&email=x%40y.org",
	    v, NULL), 0);
}
END_TEST

START_TEST(test_validate_params_missing)
{
	struct cz_value v[F_NFIELDS];
	struct json_object *err;

	ck_assert_int_eq(vform("", v, &err), -1);
	ck_assert_ptr_nonnull(err);
	ck_assert_int_eq(json_object_object_length(err), 3);
	ck_assert_pstr_eq(errmsg(err, "calories"), "is required");
	ck_assert_pstr_eq(errmsg(err, "diet_type"), "is required");
	ck_assert_pstr_eq(errmsg(err, "email"), "is required");
	ck_assert(!v[F_CAL].present && !v[F_NAME].present);
	/* An empty required value is missing too. */
	ck_assert_int_eq(vform("calories=&diet_type=vegan&email=a%40b.co", v,
	    &err), -1);
	ck_assert_int_eq(json_object_object_length(err), 1);
	ck_assert_pstr_eq(errmsg(err, "calories"), "is required");
	ck_assert_int_eq(vform("", v, NULL), -1);
	ck_assert_int_eq(cz_validate_params(A, plan_fields, F_NFIELDS, NULL, v,
	    &err), -1);
	ck_assert_pstr_eq(errmsg(err, "email"), "is required");
	ck_assert_int_eq(cz_validate_params(A, plan_fields, 0, NULL, v,
	    &err), 0);
	ck_assert_ptr_null(err);
}
END_TEST

/* One field value as form input and the message expected (NULL: valid). */
static const struct {
	int		 field;
	const char	*value;		/* urlencoded */
	const char	*msg;
} field_cases[] = {
	{ F_CAL, "800", NULL },
	{ F_CAL, "5000", NULL },
	{ F_CAL, "0800", NULL },
	{ F_CAL, "799", "must be between 800 and 5000" },
	{ F_CAL, "5001", "must be between 800 and 5000" },
	{ F_CAL, "-2000", "must be between 800 and 5000" },
	{ F_CAL, "99999999999999999999", "must be between 800 and 5000" },
	{ F_CAL, "abc", "must be an integer" },
	{ F_CAL, "2000x", "must be an integer" },
	{ F_CAL, "2000.0", "must be an integer" },
	{ F_CAL, "+2000", "must be an integer" },	/* '+' is a space */
	{ F_CAL, "%2B2000", "must be an integer" },
	{ F_CAL, "2e3", "must be an integer" },
	{ F_CAL, "-", "must be an integer" },
	{ F_DIET, "standard", NULL },
	{ F_DIET, "vegan", NULL },
	{ F_DIET, "paleo", "must be one of: standard, vegan" },
	{ F_DIET, "Vegan", "must be one of: standard, vegan" },
	{ F_DIET, "vegan+", "must be one of: standard, vegan" },
	{ F_DIET, "vega", "must be one of: standard, vegan" },
	{ F_NAME, "Al", NULL },
	{ F_NAME, "0123456789", NULL },
	{ F_NAME, "%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9", NULL },	/* 10 bytes */
	{ F_NAME, "A", "must be at least 2 bytes long" },
	{ F_NAME, "01234567890", "must be at most 10 bytes long" },
	{ F_NAME, "%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9x",
	    "must be at most 10 bytes long" },
	{ F_VEG, "1", NULL },
	{ F_VEG, "0", NULL },
	{ F_VEG, "true", NULL },
	{ F_VEG, "false", NULL },
	{ F_VEG, "on", NULL },
	{ F_VEG, "off", NULL },
	{ F_VEG, "yes", "must be true or false" },
	{ F_VEG, "TRUE", "must be true or false" },
	{ F_VEG, "2", "must be true or false" },
	{ F_VEG, "10", "must be true or false" },
	{ F_EMAIL, "a%40b.co", NULL },
	{ F_EMAIL, "first.last%2Btag%40mail.example.org", NULL },
	{ F_EMAIL, "x%40x-y.com", NULL },
	{ F_EMAIL, "o'neil%40example.ie", NULL },
	{ F_EMAIL, "a%40b2.c0m", NULL },
	{ F_EMAIL, "a", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40", "must be a valid e-mail address" },
	{ F_EMAIL, "%40b.co", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40b", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40%40b.co", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40b%40c.co", "must be a valid e-mail address" },
	{ F_EMAIL, "a..b%40c.co", "must be a valid e-mail address" },
	{ F_EMAIL, ".a%40b.co", "must be a valid e-mail address" },
	{ F_EMAIL, "a.%40b.co", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40-b.co", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40b-.co", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40b..co", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40.b.co", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40b.co.", "must be a valid e-mail address" },
	{ F_EMAIL, "a%401.2.3.4", "must be a valid e-mail address" },
	{ F_EMAIL, "a+b%40c.co", "must be a valid e-mail address" },
	{ F_EMAIL, "a%40b_c.co", "must be a valid e-mail address" },
	{ F_EMAIL, "%C3%A9%40b.co", "must be a valid e-mail address" },
	{ F_EMAIL, "%3Ca%40b.co%3E", "must be a valid e-mail address" },
};

START_TEST(test_validate_field)
{
	struct cz_param p[3] = {
		{ "calories", 8, "1000", 4, },
		{ "diet_type", 9, "vegan", 5 },
		{ "email", 5, "a@b.co", 6 },
	};
	struct cz_params in = { p, 3 }, one;
	struct cz_value v[F_NFIELDS];
	struct json_object *err;
	const char *want = field_cases[_i].msg;
	size_t i;
	int f = field_cases[_i].field;
	char *s;

	/* The field under test replaces a valid value or is added. */
	s = cz_arena_printf(A, "%s=%s", plan_fields[f].name,
	    field_cases[_i].value);
	ck_assert_int_eq(cz_parse_urlencoded(A, s, strlen(s), NULL, &one),
	    CZ_P_OK);
	for (i = 0; i < 3; i++)
		if (strcmp(p[i].name, plan_fields[f].name) == 0)
			p[i] = one.v[0];
	if (f == F_NAME || f == F_VEG) {
		in.v = cz_arena_calloc(A, 4, sizeof(*in.v));
		memcpy(in.v, p, sizeof(p));
		in.v[3] = one.v[0];
		in.n = 4;
	}
	ck_assert_int_eq(cz_validate_params(A, plan_fields, F_NFIELDS, &in,
	    v, &err), want == NULL ? 0 : -1);
	if (want == NULL) {
		ck_assert_ptr_null(err);
		ck_assert(v[f].present);
	} else {
		ck_assert_int_eq(json_object_object_length(err), 1);
		ck_assert_pstr_eq(errmsg(err, plan_fields[f].name), want);
		ck_assert(!v[f].present);
	}
}
END_TEST

START_TEST(test_validate_email_length)
{
	static const struct cz_field f[] = {
		{ "email", CZ_F_EMAIL, 1, 0, 0, NULL },
		{ "short", CZ_F_EMAIL, 0, 0, 10, NULL },
	};
	struct cz_param p[2];
	struct cz_params in = { p, 1 };
	struct cz_value v[2];
	struct json_object *err;
	char addr[300];

	/* 64 + 1 + 189 = 254 bytes: labels of 63 + '.' + 63 + '.' + 61. */
	memset(addr, 'l', 64);
	addr[64] = '@';
	memset(addr + 65, 'd', 189);
	addr[65 + 63] = '.';
	addr[65 + 127] = '.';
	addr[254] = '\0';
	p[0] = (struct cz_param){ "email", 5, addr, 254 };
	ck_assert_int_eq(cz_validate_params(A, f, 2, &in, v, &err), 0);
	ck_assert_uint_eq(v[0].len, 254);
	/* 255 bytes */
	memmove(addr + 1, addr, 255);
	p[0].value_len = 255;
	ck_assert_int_eq(cz_validate_params(A, f, 2, &in, v, &err), -1);
	ck_assert_pstr_eq(errmsg(err, "email"),
	    "must be at most 254 bytes long");
	/* A local part of 65 bytes within 254. */
	memset(addr, 'l', 65);
	strcpy(addr + 65, "@b.co");
	p[0].value_len = strlen(addr);
	ck_assert_int_eq(cz_validate_params(A, f, 2, &in, v, &err), -1);
	ck_assert_pstr_eq(errmsg(err, "email"),
	    "must be a valid e-mail address");
	/* A label of 64 bytes. */
	memset(addr, 'd', 70);
	addr[0] = 'a';
	addr[1] = '@';
	strcpy(addr + 66, ".com");
	p[0].value_len = strlen(addr);
	ck_assert_int_eq(cz_validate_params(A, f, 2, &in, v, &err), -1);
	strcpy(addr + 65, ".com");	/* 63 bytes */
	p[0].value_len = strlen(addr);
	ck_assert_int_eq(cz_validate_params(A, f, 2, &in, v, &err), 0);
	/* A table's tighter maximum. */
	p[0] = (struct cz_param){ "email", 5, "a@b.co", 6 };
	p[1] = (struct cz_param){ "short", 5, "abc@de.com", 10 };
	in.n = 2;
	ck_assert_int_eq(cz_validate_params(A, f, 2, &in, v, &err), 0);
	p[1] = (struct cz_param){ "short", 5, "abc@def.com", 11 };
	ck_assert_int_eq(cz_validate_params(A, f, 2, &in, v, &err), -1);
	ck_assert_pstr_eq(errmsg(err, "short"),
	    "must be at most 10 bytes long");
}
END_TEST

START_TEST(test_validate_odd_tables)
{
	static const struct cz_field f[] = {
		{ "lo", CZ_F_INT, 0, LLONG_MIN, 10, NULL },
		{ "hi", CZ_F_INT, 0, -10, LLONG_MAX, NULL },
		{ "any", CZ_F_INT, 0, LLONG_MIN, LLONG_MAX, NULL },
		{ "s", CZ_F_STRING, 0, 0, 0, NULL },
		{ "e", CZ_F_ENUM, 0, 0, 0, NULL },
		{ "t", (enum cz_ftype)99, 0, 0, 0, NULL },
		{ "m", CZ_F_STRING, 0, 1, 0, NULL },
	};
	struct cz_param p[] = {
		{ "lo", 2, "11", 2 },
		{ "hi", 2, "-11", 3 },
		{ "any", 3, "-9223372036854775808", 20 },
		{ "s", 1, "\xc3\x28", 2 },
		{ "e", 1, "x", 1 },
		{ "t", 1, "x", 1 },
	};
	struct cz_params in = { p, NELEM(p) };
	struct cz_value v[NELEM(f)];
	struct json_object *err;
	char *big;

	ck_assert_int_eq(cz_validate_params(A, f, NELEM(f), &in, v, &err), -1);
	ck_assert_pstr_eq(errmsg(err, "lo"), "must be at most 10");
	ck_assert_pstr_eq(errmsg(err, "hi"), "must be at least -10");
	ck_assert_pstr_eq(errmsg(err, "any"), NULL);
	ck_assert(v[2].present && v[2].i == LLONG_MIN);
	ck_assert_pstr_eq(errmsg(err, "s"), "must be valid UTF-8 text");
	ck_assert_pstr_eq(errmsg(err, "e"), "is not an allowed value");
	ck_assert_pstr_eq(errmsg(err, "t"), "has an unknown type");
	ck_assert_pstr_eq(errmsg(err, "m"), NULL);

	/* NUL inside a value, big numbers, a long string with no maximum. */
	p[0] = (struct cz_param){ "lo", 2, "1\0" "2", 3 };
	p[2] = (struct cz_param){ "any", 3, "99999999999999999999", 20 };
	big = cz_arena_calloc(A, 100001, 1);
	ck_assert_ptr_nonnull(big);
	memset(big, 'z', 100000);
	p[3] = (struct cz_param){ "s", 1, big, 100000 };
	ck_assert_int_eq(cz_validate_params(A, f, NELEM(f), &in, v, &err), -1);
	ck_assert_pstr_eq(errmsg(err, "lo"), "must be valid UTF-8 text");
	ck_assert_pstr_eq(errmsg(err, "any"), "must be an integer");
	ck_assert_pstr_eq(errmsg(err, "s"), NULL);
	ck_assert(v[3].present && v[3].len == 100000);
}
END_TEST

START_TEST(test_validate_json_ok)
{
	struct cz_value v[F_NFIELDS];
	struct json_object *err = (struct json_object *)1;

	ck_assert_int_eq(vjson("{\"calories\": 2000, \"diet_type\": \"standard\","
	    " \"name\": \"Bo\", \"vegetarian\": false, \"email\": \"a@b.co\","
	    " \"other\": [1, 2]}", v, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert(v[F_CAL].present && v[F_CAL].i == 2000);
	ck_assert(v[F_DIET].present && v[F_DIET].i == 0);
	ck_assert_str_eq(v[F_DIET].s, "standard");
	ck_assert_str_eq(v[F_NAME].s, "Bo");
	ck_assert(v[F_VEG].present && v[F_VEG].i == 0);
	ck_assert_str_eq(v[F_EMAIL].s, "a@b.co");
	/* null counts as absent */
	ck_assert_int_eq(vjson("{\"calories\": 800, \"diet_type\": \"vegan\","
	    " \"name\": null, \"email\": \"a@b.co\"}", v, &err), 0);
	ck_assert(!v[F_NAME].present && !v[F_VEG].present);
	ck_assert_int_eq(vjson("{\"calories\": 800, \"diet_type\": \"vegan\","
	    " \"email\": \"a@b.co\", \"vegetarian\": true}", v, NULL), 0);
	ck_assert(v[F_VEG].i == 1);
}
END_TEST

static const struct {
	const char	*json;
	const char	*field;
	const char	*msg;
} json_field_cases[] = {
	{ "{\"calories\": 1.5}", "calories", "must be an integer" },
	{ "{\"calories\": 2000.0}", "calories", "must be an integer" },
	{ "{\"calories\": 2e3}", "calories", "must be an integer" },
	{ "{\"calories\": \"2000\"}", "calories", "must be an integer" },
	{ "{\"calories\": true}", "calories", "must be an integer" },
	{ "{\"calories\": [2000]}", "calories", "must be an integer" },
	{ "{\"calories\": {}}", "calories", "must be an integer" },
	{ "{\"calories\": 799}", "calories", "must be between 800 and 5000" },
	{ "{\"calories\": 5001}", "calories", "must be between 800 and 5000" },
	{ "{\"calories\": -9223372036854775808}", "calories",
	    "must be between 800 and 5000" },
	{ "{\"calories\": 18446744073709551615}", "calories",
	    "must be between 800 and 5000" },
	{ "{\"calories\": null}", "calories", "is required" },
	{ "{\"diet_type\": 1}", "diet_type", "must be a string" },
	{ "{\"diet_type\": \"keto\"}", "diet_type",
	    "must be one of: standard, vegan" },
	{ "{\"diet_type\": \"vegan\\u0000\"}", "diet_type",
	    "must be valid UTF-8 text" },
	{ "{\"diet_type\": null}", "diet_type", "is required" },
	{ "{\"name\": \"\"}", "name", "must be at least 2 bytes long" },
	{ "{\"name\": \"x\"}", "name", "must be at least 2 bytes long" },
	{ "{\"name\": \"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9!\"}", "name",
	    "must be at most 10 bytes long" },
	{ "{\"name\": 12}", "name", "must be a string" },
	{ "{\"vegetarian\": \"true\"}", "vegetarian", "must be true or false" },
	{ "{\"vegetarian\": 1}", "vegetarian", "must be true or false" },
	{ "{\"email\": \"nope\"}", "email", "must be a valid e-mail address" },
	{ "{\"email\": [\"a@b.co\"]}", "email", "must be a string" },
};

START_TEST(test_validate_json_field)
{
	struct cz_value v[F_NFIELDS];
	struct json_object *err, *o, *base, *val;
	char *key;

	/* A valid body with the case's member put over it. */
	ck_assert_int_eq(cz_parse_json(A, LIT("{\"calories\": 1000,"
	    " \"diet_type\": \"vegan\", \"email\": \"a@b.co\"}"), 16, &base),
	    CZ_P_OK);
	ck_assert_int_eq(cz_parse_json(A, json_field_cases[_i].json,
	    strlen(json_field_cases[_i].json), 16, &o), CZ_P_OK);
	json_object_object_foreach(o, k, jv) {
		key = cz_arena_strdup(A, k);
		val = json_object_get(jv);
		json_object_object_add(base, key, val);
	}
	ck_assert_int_eq(cz_validate_json(A, plan_fields, F_NFIELDS, base, v,
	    &err), -1);
	ck_assert_int_eq(json_object_object_length(err), 1);
	ck_assert_pstr_eq(errmsg(err, json_field_cases[_i].field),
	    json_field_cases[_i].msg);
}
END_TEST

START_TEST(test_validate_json_not_object)
{
	static const char *const bodies[] = { "[]", "1", "\"x\"", "null",
	    "true", "[{\"calories\": 1000}]" };
	struct cz_value v[F_NFIELDS];
	struct json_object *err, *o;
	size_t i;

	for (i = 0; i < NELEM(bodies); i++) {
		ck_assert_int_eq(cz_parse_json(A, bodies[i], strlen(bodies[i]),
		    16, &o), CZ_P_OK);
		v[F_CAL].present = 1;
		ck_assert_int_eq(cz_validate_json(A, plan_fields, F_NFIELDS, o,
		    v, &err), -1);
		ck_assert_int_eq(json_object_object_length(err), 1);
		ck_assert_pstr_eq(errmsg(err, "body"), "must be a JSON object");
		ck_assert(!v[F_CAL].present);
	}
	ck_assert_int_eq(vjson("{}", v, &err), -1);
	ck_assert_int_eq(json_object_object_length(err), 3);
	ck_assert_pstr_eq(errmsg(err, "email"), "is required");
}
END_TEST

START_TEST(test_validate_nomem)
{
	struct cz_value v[F_NFIELDS];
	struct json_object *err = (struct json_object *)1, *o;
	struct cz_params p;

	ck_assert_int_eq(cz_parse_urlencoded(A, LIT("calories=1"), NULL, &p),
	    CZ_P_OK);
	ck_assert_int_eq(cz_parse_json(A, LIT("{\"calories\": 1}"), 16, &o),
	    CZ_P_OK);
	/* Still invalid, but no messages: callers answer 500. */
	cz_arena_set_limit(A, cz_arena_used(A));
	ck_assert_int_eq(cz_validate_params(A, plan_fields, F_NFIELDS, &p, v,
	    &err), -1);
	ck_assert_ptr_null(err);
	err = (struct json_object *)1;
	ck_assert_int_eq(cz_validate_json(A, plan_fields, F_NFIELDS, o, v,
	    &err), -1);
	ck_assert_ptr_null(err);
}
END_TEST

static const struct {
	const char	*in;
	enum cz_perr	 want;
	const char	*cred;
} bearer_cases[] = {
	{ "Bearer abc", CZ_P_OK, "abc" },
	{ "bearer cz_live_AbC-_9", CZ_P_OK, "cz_live_AbC-_9" },
	{ "BEARER   x.y~z+/==  ", CZ_P_OK, "x.y~z+/==" },
	{ "Bearer", CZ_P_MALFORMED, NULL },
	{ "Bearer ", CZ_P_MALFORMED, NULL },
	{ "Bearer  ", CZ_P_MALFORMED, NULL },
	{ "Basic dXNlcjpwdw==", CZ_P_MALFORMED, NULL },
	{ "Bearerabc", CZ_P_MALFORMED, NULL },
	{ "Bearer\tabc", CZ_P_MALFORMED, NULL },
	{ "Bearer a b", CZ_P_MALFORMED, NULL },
	{ "Bearer a=b", CZ_P_MALFORMED, NULL },
	{ "Bearer =abc", CZ_P_MALFORMED, NULL },
	{ "Bearer abc,def", CZ_P_MALFORMED, NULL },
	{ "Bearer ab\"c", CZ_P_MALFORMED, NULL },
	{ "", CZ_P_MALFORMED, NULL },
};

START_TEST(test_bearer_cases)
{
	const char *in = bearer_cases[_i].in, *cred;
	size_t len;
	enum cz_perr e = cz_parse_bearer(in, strlen(in), &cred, &len);

	ck_assert_msg(e == bearer_cases[_i].want, "%s: got %d", in, e);
	if (e == CZ_P_OK) {
		ck_assert_uint_eq(len, strlen(bearer_cases[_i].cred));
		ck_assert(memcmp(cred, bearer_cases[_i].cred, len) == 0);
	} else {
		ck_assert_ptr_null(cred);
		ck_assert_uint_eq(len, 0);
	}
}
END_TEST

START_TEST(test_bearer_limits)
{
	char buf[CZ_BEARER_MAX + 16];
	const char *cred;
	size_t len;

	memcpy(buf, "Bearer ", 7);
	memset(buf + 7, 'k', CZ_BEARER_MAX);
	ck_assert_int_eq(cz_parse_bearer(buf, 7 + CZ_BEARER_MAX, &cred, &len),
	    CZ_P_OK);
	ck_assert_uint_eq(len, CZ_BEARER_MAX);
	buf[7 + CZ_BEARER_MAX] = 'k';
	ck_assert_int_eq(cz_parse_bearer(buf, 8 + CZ_BEARER_MAX, &cred, &len),
	    CZ_P_TOO_LONG);
	/* The length given counts, not a NUL: "Bearer a\0b" is malformed. */
	ck_assert_int_eq(cz_parse_bearer("Bearer a\0b", 10, &cred, &len),
	    CZ_P_MALFORMED);
	ck_assert_int_eq(cz_parse_bearer(NULL, 0, &cred, &len),
	    CZ_P_MALFORMED);
}
END_TEST

static Suite *
parse_suite(void)
{
	Suite *s = suite_create("parse");
	TCase *tc;

	tc = tcase_create("numparse");
	tcase_add_loop_test(tc, test_strtonum, 0, NELEM(strtonum_cases));
	tcase_add_test(tc, test_strtonum_null);
	tcase_add_loop_test(tc, test_parse_size, 0, NELEM(size_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_utf8_cases, 0, NELEM(utf8_cases));
	tcase_add_test(tc, test_utf8_exhaustive);
	tcase_add_test(tc, test_has_nul);
	suite_add_tcase(s, tc);

	tc = tcase_create("params");
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
	tcase_add_test(tc, test_perr_str);
	tcase_add_loop_test(tc, test_percent_decode, 0, NELEM(pct_cases));
	tcase_add_test(tc, test_percent_decode_inplace);
	tcase_add_test(tc, test_percent_encode_roundtrip);
	tcase_add_loop_test(tc, test_form_cases, 0, NELEM(form_cases));
	tcase_add_test(tc, test_form_get);
	tcase_add_test(tc, test_form_not_terminated);
	tcase_add_test(tc, test_form_limits);
	tcase_add_test(tc, test_form_default_limits);
	tcase_add_test(tc, test_form_long_input);
	tcase_add_test(tc, test_form_nomem);
	tcase_add_loop_test(tc, test_cookie_cases, 0, NELEM(cookie_cases));
	tcase_add_test(tc, test_cookie_limits);
	tcase_add_test(tc, test_cookie_long);
	tcase_add_loop_test(tc, test_bearer_cases, 0, NELEM(bearer_cases));
	tcase_add_test(tc, test_bearer_limits);
	suite_add_tcase(s, tc);

	tc = tcase_create("json");
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
	tcase_add_loop_test(tc, test_json_cases, 0, NELEM(json_cases));
	tcase_add_test(tc, test_json_values);
	tcase_add_test(tc, test_json_depth_default);
	tcase_add_test(tc, test_json_huge);
	tcase_add_test(tc, test_json_nomem);
	suite_add_tcase(s, tc);

	tc = tcase_create("validate");
	tcase_add_checked_fixture(tc, arena_setup, arena_teardown);
	tcase_add_test(tc, test_validate_params_ok);
	tcase_add_test(tc, test_validate_params_missing);
	tcase_add_loop_test(tc, test_validate_field, 0, NELEM(field_cases));
	tcase_add_test(tc, test_validate_email_length);
	tcase_add_test(tc, test_validate_odd_tables);
	tcase_add_test(tc, test_validate_json_ok);
	tcase_add_loop_test(tc, test_validate_json_field, 0,
	    NELEM(json_field_cases));
	tcase_add_test(tc, test_validate_json_not_object);
	tcase_add_test(tc, test_validate_nomem);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(parse_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
