/*
 * range.c - the HTTP Range header. See range.h.
 */
#include "config.h"

#include <strings.h>

#include "range.h"

/* Reads decimal digits at *s into *v (no sign, no overflow); returns the
 * number of digits, 0 when none or on overflow. */
static size_t
digits(const char **s, unsigned long long *v)
{
	const char *p = *s;
	unsigned long long x = 0;

	while (*p >= '0' && *p <= '9') {
		if (x > (~0ULL - 9) / 10)
			return 0;
		x = x * 10 + (unsigned long long)(*p - '0');
		p++;
	}
	if (p == *s)
		return 0;
	*v = x;
	*s = p;
	return 1;
}

static const char *
skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

enum cz_range
cz_range_parse(const char *h, unsigned long long size,
    unsigned long long *start, unsigned long long *len)
{
	unsigned long long first = 0, last = 0;
	int have_first, have_last;

	if (h == NULL)
		return CZ_RANGE_NONE;
	h = skip_blanks(h);
	if (strncasecmp(h, "bytes", 5) != 0)
		return CZ_RANGE_NONE;
	h = skip_blanks(h + 5);
	if (*h++ != '=')
		return CZ_RANGE_NONE;
	h = skip_blanks(h);
	have_first = digits(&h, &first) > 0;
	h = skip_blanks(h);
	if (*h++ != '-')
		return CZ_RANGE_NONE;
	h = skip_blanks(h);
	have_last = digits(&h, &last) > 0;
	h = skip_blanks(h);
	if (*h != '\0')		/* several ranges, or junk */
		return CZ_RANGE_NONE;
	if (!have_first && !have_last)
		return CZ_RANGE_NONE;
	if (!have_first) {		/* the last `last` bytes */
		if (last == 0 || size == 0)
			return CZ_RANGE_UNSATISFIABLE;
		*len = last < size ? last : size;
		*start = size - *len;
		return CZ_RANGE_OK;
	}
	if (have_last && last < first)
		return CZ_RANGE_NONE;	/* invalid: ignored */
	if (first >= size)
		return CZ_RANGE_UNSATISFIABLE;
	if (!have_last || last >= size)
		last = size - 1;
	*start = first;
	*len = last - first + 1;
	return CZ_RANGE_OK;
}
