/*
 * email.c - normalisation of e-mail addresses for storage and lookup.
 */
#include "config.h"

#include <string.h>

#include "email.h"

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	    c == '\f';
}

int
cz_email_normalize(const char *in, size_t len, char *out, size_t outlen)
{
	const char *at = NULL;
	unsigned char c;
	size_t i, n;

	if (outlen > 0)
		out[0] = '\0';
	if (in == NULL)
		return -1;
	while (len > 0 && is_blank((unsigned char)in[0])) {
		in++;
		len--;
	}
	while (len > 0 && is_blank((unsigned char)in[len - 1]))
		len--;
	if (len == 0 || len > CZ_EMAIL_MAX || len + 1 > outlen)
		return -1;
	for (i = 0; i < len; i++) {
		c = (unsigned char)in[i];
		if (c < 0x20 || c == 0x7f || c == ' ' || c == '<' ||
		    c == '>' || c == ',')
			return -1;
		if (c == '@') {
			if (at != NULL)
				return -1;
			at = in + i;
		}
	}
	if (at == NULL || at == in || at == in + len - 1)
		return -1;
	n = len - (size_t)(at - in) - 1;
	if (memchr(at + 1, '.', n) == NULL || at[1] == '.' ||
	    in[len - 1] == '.')
		return -1;
	for (i = 0; i < len; i++) {
		c = (unsigned char)in[i];
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	out[len] = '\0';
	return (int)len;
}
