/*
 * csrf.c - masking and unmasking CSRF tokens. See csrf.h.
 */
#include "config.h"

#include <string.h>

#include "csrf.h"
#include "token.h"

_Static_assert((CZ_CSRF_RAW_LEN * 4 + 2) / 3 == CZ_CSRF_MASKED_LEN,
    "CZ_CSRF_MASKED_LEN is the unpadded base64url length of the raw form");

/* The value of base64url character c, or -1. */
static int
b64url_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/*
 * Decodes CZ_CSRF_MASKED_LEN characters of unpadded base64url into
 * CZ_CSRF_RAW_LEN bytes. Refuses other characters and a last character
 * with bits set beyond the data, so that each raw form has one spelling.
 */
static int
decode(const char *in, unsigned char out[CZ_CSRF_RAW_LEN])
{
	unsigned long acc = 0;
	size_t i, o = 0;
	int bits = 0, v;

	for (i = 0; i < CZ_CSRF_MASKED_LEN; i++) {
		if ((v = b64url_value((unsigned char)in[i])) == -1)
			return -1;
		acc = (acc << 6 | (unsigned long)v) & 0xffffUL;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o == CZ_CSRF_RAW_LEN)
				return -1;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	/* The leftover bits must be zero (canonical encoding). */
	if (o != CZ_CSRF_RAW_LEN || (acc & ((1UL << bits) - 1)) != 0)
		return -1;
	return 0;
}

int
cz_csrf_mask(const char *secret, char out[CZ_CSRF_MASKED_LEN + 1])
{
	unsigned char raw[CZ_CSRF_RAW_LEN];
	size_t i;

	out[0] = '\0';
	if (secret == NULL || !cz_token_valid(secret, strlen(secret)) ||
	    cz_random_bytes(raw, CZ_CSRF_SECRET_LEN) == -1)
		return -1;
	for (i = 0; i < CZ_CSRF_SECRET_LEN; i++)
		raw[CZ_CSRF_SECRET_LEN + i] = raw[i] ^
		    (unsigned char)secret[i];
	cz_base64url_encode(raw, sizeof(raw), out);
	explicit_bzero(raw, sizeof(raw));
	return 0;
}

int
cz_csrf_unmask(const char *tok, size_t len,
    char secret[CZ_CSRF_SECRET_LEN + 1])
{
	unsigned char raw[CZ_CSRF_RAW_LEN];
	size_t i;
	int rc = -1;

	secret[0] = '\0';
	if (tok == NULL || len != CZ_CSRF_MASKED_LEN || decode(tok, raw) == -1)
		goto out;
	for (i = 0; i < CZ_CSRF_SECRET_LEN; i++)
		secret[i] = (char)(raw[i] ^ raw[CZ_CSRF_SECRET_LEN + i]);
	secret[CZ_CSRF_SECRET_LEN] = '\0';
	if (!cz_token_valid(secret, CZ_CSRF_SECRET_LEN)) {
		explicit_bzero(secret, CZ_CSRF_SECRET_LEN + 1);
		goto out;
	}
	rc = 0;
out:
	explicit_bzero(raw, sizeof(raw));
	return rc;
}
