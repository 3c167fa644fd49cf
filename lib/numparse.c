/*
 * numparse.c - range-checked number parsing for untrusted text: decimal
 * integers with OpenBSD strtonum semantics, and byte sizes with a unit
 * suffix for configuration. Written without strtoll so that locale,
 * whitespace and base prefixes can never change what is accepted.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stddef.h>

#include "numparse.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Reads the run of digits at s into *v, saturating at cap, and returns the
 * number of digits read. *over is set when the value passed cap.
 */
static size_t
read_digits(const char *s, unsigned long long cap, unsigned long long *v,
    int *over)
{
	unsigned long long acc = 0;
	unsigned int d;
	size_t i;

	*over = 0;
	for (i = 0; is_digit(s[i]); i++) {
		d = (unsigned int)(s[i] - '0');
		if (*over)
			continue;
		if (acc > (cap - d) / 10) {
			*over = 1;
			acc = cap;
		} else
			acc = acc * 10 + d;
	}
	*v = acc;
	return i;
}

long long
cz_strtonum(const char *s, long long min, long long max, const char **errstr)
{
	unsigned long long mag, cap;
	long long v;
	size_t nd;
	int neg, over;

	if (errstr != NULL)
		*errstr = NULL;
	if (s == NULL || min > max)
		goto invalid;
	neg = (*s == '-');
	if (neg)
		s++;
	cap = neg ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
	nd = read_digits(s, cap, &mag, &over);
	if (nd == 0 || s[nd] != '\0')
		goto invalid;
	if (over)
		goto range;

	if (neg)
		v = mag == (unsigned long long)LLONG_MAX + 1 ?
		    LLONG_MIN : -(long long)mag;
	else
		v = (long long)mag;
	if (v < min || v > max) {
		over = 1;
		neg = v < min;
		goto range;
	}
	return v;

invalid:
	errno = EINVAL;
	if (errstr != NULL)
		*errstr = "invalid";
	return 0;
range:
	errno = ERANGE;
	if (errstr != NULL)
		*errstr = neg ? "too small" : "too large";
	return 0;
}

int
cz_parse_size(const char *s, size_t *out)
{
	unsigned long long v;
	size_t nd, mult;
	int over;

	if (s == NULL)
		return -1;
	nd = read_digits(s, SIZE_MAX, &v, &over);
	if (nd == 0 || over)
		return -1;
	switch (s[nd]) {
	case '\0':
		mult = 1;
		break;
	case 'k':
	case 'K':
		mult = (size_t)1 << 10;
		break;
	case 'm':
	case 'M':
		mult = (size_t)1 << 20;
		break;
	case 'g':
	case 'G':
		mult = (size_t)1 << 30;
		break;
	default:
		return -1;
	}
	if (mult != 1 && s[nd + 1] != '\0')
		return -1;
	if (v > SIZE_MAX / mult)
		return -1;
	*out = (size_t)v * mult;
	return 0;
}
