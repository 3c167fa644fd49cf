/*
 * fixed_text.h - text put together in fixed-size buffers without printf.
 *
 * A plan's document and its household measures write tens of thousands of
 * short numbers and phrases; printf's format parsing was most of what that
 * cost (docs/scaling.md). These pieces are what those writers share, with
 * the one way pages, kits and thumbnails write a number for people.
 * They are static inline: each call site is in a hot loop, and the
 * functions are a few instructions long.
 */
#ifndef CZ_FIXED_TEXT_H
#define CZ_FIXED_TEXT_H

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* The most decimal digits an unsigned long long has (18446744073709551615). */
#define CZ_UINT_DIGITS_MAX 20

/* Writes the decimal digits of v to out (room for CZ_UINT_DIGITS_MAX
 * bytes), no sign and no NUL; returns their count, at least 1. */
static inline size_t
cz_uint_digits(char *out, unsigned long long v)
{
	/* two digits a division, straight into out from its end: the
	 * count of digits first (from the bit length, exact after one
	 * comparison), so that no copy follows */
	static const char pairs[201] =
	    "00010203040506070809101112131415161718192021222324"
	    "25262728293031323334353637383940414243444546474849"
	    "50515253545556575859606162636465666768697071727374"
	    "75767778798081828384858687888990919293949596979899";
	static const unsigned long long tens[CZ_UINT_DIGITS_MAX] = {
	    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	    10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	    100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	    100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	    100000000000000000ULL, 1000000000000000000ULL,
	    10000000000000000000ULL };
	/* bits * 1233 / 4096 is floor(bits * log10(2)) for up to 64 bits:
	 * the number of digits, or one more than v has */
	unsigned int bits = 64 - (unsigned int)__builtin_clzll(v | 1);
	size_t n = ((bits * 1233) >> 12) + 1, at;
	unsigned int r;

	n -= n > 1 && v < tens[n - 1];
	at = n;
	while (v >= 100) {
		r = (unsigned int)(v % 100) * 2;
		v /= 100;
		at -= 2;
		out[at] = pairs[r];
		out[at + 1] = pairs[r + 1];
	}
	if (v >= 10) {
		out[0] = pairs[v * 2];
		out[1] = pairs[v * 2 + 1];
	} else
		out[0] = (char)('0' + v);
	return n;
}

/* The most bytes cz_int_text writes: a sign, the digits, the NUL. */
#define CZ_INT_TEXT_MAX	(CZ_UINT_DIGITS_MAX + 2)

/* v in decimal, as "%lld" writes it, NUL-terminated into out (room for
 * CZ_INT_TEXT_MAX bytes); returns out. */
static inline char *
cz_int_text(char *out, long long v)
{
	size_t n = 0;

	if (v < 0)
		out[n++] = '-';
	/* negated as unsigned: LLONG_MIN has no positive twin */
	n += cz_uint_digits(out + n, v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v);
	out[n] = '\0';
	return out;
}

/* Appends the n bytes of s to out (outlen bytes) at *at, keeping one byte
 * free for the NUL the caller writes at the end. Returns 0, or -1 when
 * they do not fit; out and *at are then unchanged. */
static inline int
cz_text_put(char *out, size_t outlen, size_t *at, const char *s, size_t n)
{
	if (*at >= outlen || n >= outlen - *at)
		return -1;
	memcpy(out + *at, s, n);
	*at += n;
	return 0;
}

/* The first n bytes of s (fewer if s ends first: strnlen) into out
 * (outlen bytes, at least 1), cut to fit and NUL-terminated, as
 * snprintf(out, outlen, "%.*s", n, s) writes them; returns out. */
static inline char *
cz_text_copy(char *out, size_t outlen, const char *s, size_t n)
{
	n = strnlen(s, n);
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

/* v as printf's "%.0f" writes it (to nearest, ties to even) into out
 * (outlen bytes, at least CZ_UINT_DIGITS_MAX + 1; a value printf would
 * write longer, 1e15 and up, is cut to fit); returns out. Whole grams
 * are most of what recipes and measures show, and printf's
 * floating-point path was most of the cost of writing them. */
static inline char *
cz_whole_text(char *out, size_t outlen, double v)
{
	v = nearbyint(v);
	if (signbit(v) || !(v < 1e15)) {	/* "-0", NaN, huge: printf's */
		snprintf(out, outlen, "%.0f", v);
		return out;
	}
	out[cz_uint_digits(out, (unsigned long long)v)] = '\0';
	return out;
}

/* The most bytes cz_thousands writes: a sign, 19 digits, 6 commas, NUL. */
#define CZ_THOUSANDS_MAX 27

/* v as people read it, a comma between groups of three digits ("2,200",
 * "-1,234,567", "950"), into out (room for CZ_THOUSANDS_MAX); returns out. */
static inline char *
cz_thousands(char *out, long long v)
{
	char d[CZ_UINT_DIGITS_MAX];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;
	size_t n = cz_uint_digits(d, u), i, o = 0;

	if (v < 0)
		out[o++] = '-';
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = d[i];
	}
	out[o] = '\0';
	return out;
}

#endif
