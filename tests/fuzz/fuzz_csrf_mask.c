/*
 * fuzz_csrf_mask.c - libFuzzer target for the masked CSRF token reader
 * (cz_csrf_unmask). Checks that a refusal leaves the secret empty, that an
 * accepted token was exactly CZ_CSRF_MASKED_LEN base64url characters and
 * hides a well-formed secret, and that masking that secret again unmasks
 * to the same secret; aborts when not.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csrf.h"
#include "token.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(int ok)
{
	if (!ok)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char secret[CZ_CSRF_SECRET_LEN + 1], again[CZ_CSRF_SECRET_LEN + 1];
	char masked[CZ_CSRF_MASKED_LEN + 1];
	const char *s = (const char *)data;
	size_t i;

	if (cz_csrf_unmask(s, size, secret) == -1) {
		check(secret[0] == '\0');
		return 0;
	}
	check(size == CZ_CSRF_MASKED_LEN);
	for (i = 0; i < size; i++)
		check(strchr("-_", s[i]) != NULL ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9'));
	check(strlen(secret) == CZ_CSRF_SECRET_LEN);
	check(cz_token_valid(secret, CZ_CSRF_SECRET_LEN));
	check(cz_csrf_mask(secret, masked) == 0);
	check(cz_csrf_unmask(masked, strlen(masked), again) == 0);
	check(strcmp(secret, again) == 0);
	return 0;
}
