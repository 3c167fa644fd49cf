/*
 * fuzz_token.c - libFuzzer target for the shape checks of the secrets that
 * arrive from outside: mailed link tokens (cz_token_valid, in
 * /verify-email, /password-reset/confirm and the address-change link) and
 * API keys (cz_apikey_parse, from the Authorization header). Checks that an
 * accepted token is exactly CZ_TOKEN_LEN base64url characters, that an
 * accepted key yields a prefix that starts the key, and that neither reads
 * past the input; aborts when not.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(int ok)
{
	if (!ok)
		abort();
}

static int
base64url(char c)
{
	return c == '-' || c == '_' || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char prefix[CZ_APIKEY_PREFIX_LEN + 1];
	const char *s;
	char *copy;
	size_t i;

	/* An exact-size copy, so that ASan sees any read past the end. */
	if ((copy = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	s = copy;
	if (cz_token_valid(s, size)) {
		check(size == CZ_TOKEN_LEN);
		for (i = 0; i < size; i++)
			check(base64url(s[i]));
	}
	memset(prefix, 'x', sizeof(prefix));
	if (cz_apikey_parse(s, size, prefix)) {
		check(size == CZ_APIKEY_LEN);
		check(prefix[CZ_APIKEY_PREFIX_LEN] == '\0');
		check(memcmp(prefix, s, CZ_APIKEY_PREFIX_LEN) == 0);
	}
	free(copy);
	return 0;
}
