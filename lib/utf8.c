/*
 * utf8.c - UTF-8 well-formedness and NUL checks for untrusted input.
 * ASCII, by far the most common case, is skipped eight bytes at a time;
 * other sequences are checked against the ranges of Unicode table 3-7.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

#define HIGH_BITS	UINT64_C(0x8080808080808080)

/*
 * Length of the sequence a lead byte starts, with the allowed range of the
 * second byte (which is where overlongs, surrogates and values above
 * U+10FFFF are excluded); the remaining bytes are always 80..BF.
 */
struct lead {
	unsigned char	lo, hi;		/* range of lead bytes */
	unsigned char	len;		/* bytes in the sequence */
	unsigned char	lo2, hi2;	/* range of the second byte */
};

static const struct lead leads[] = {
	{ 0xc2, 0xdf, 2, 0x80, 0xbf },
	{ 0xe0, 0xe0, 3, 0xa0, 0xbf },	/* no overlong 3-byte forms */
	{ 0xe1, 0xec, 3, 0x80, 0xbf },
	{ 0xed, 0xed, 3, 0x80, 0x9f },	/* no surrogates */
	{ 0xee, 0xef, 3, 0x80, 0xbf },
	{ 0xf0, 0xf0, 4, 0x90, 0xbf },	/* no overlong 4-byte forms */
	{ 0xf1, 0xf3, 4, 0x80, 0xbf },
	{ 0xf4, 0xf4, 4, 0x80, 0x8f },	/* nothing above U+10FFFF */
};

static const struct lead *
find_lead(unsigned char c)
{
	size_t i;

	for (i = 0; i < sizeof(leads) / sizeof(leads[0]); i++)
		if (c >= leads[i].lo && c <= leads[i].hi)
			return &leads[i];
	return NULL;
}

int
cz_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const struct lead *l;
	uint64_t w;
	size_t i = 0, k;

	while (i < n) {
		if (n - i >= 8) {
			memcpy(&w, p + i, 8);
			if ((w & HIGH_BITS) == 0) {
				i += 8;
				continue;
			}
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((l = find_lead(p[i])) == NULL || n - i < l->len)
			return 0;
		if (p[i + 1] < l->lo2 || p[i + 1] > l->hi2)
			return 0;
		for (k = 2; k < l->len; k++)
			if (p[i + k] < 0x80 || p[i + k] > 0xbf)
				return 0;
		i += l->len;
	}
	return 1;
}

int
cz_has_nul(const char *s, size_t n)
{
	return n > 0 && memchr(s, '\0', n) != NULL;
}
