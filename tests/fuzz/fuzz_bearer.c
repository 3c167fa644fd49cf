/*
 * fuzz_bearer.c - libFuzzer target for the Authorization header parser
 * (cz_parse_bearer). Checks that an accepted credential lies inside the
 * input, is within CZ_BEARER_MAX, is made of token68 characters and
 * padding only, and that a refusal returns nothing; aborts when not.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"

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
	const char *s = (const char *)data, *cred;
	size_t len, i;
	int pad = 0;

	if (cz_parse_bearer(s, size, &cred, &len) != CZ_P_OK) {
		check(cred == NULL && len == 0);
		return 0;
	}
	check(cred >= s + 7 && cred + len <= s + size);
	check(len >= 1 && len <= CZ_BEARER_MAX);
	for (i = 0; i < len; i++) {
		if (cred[i] == '=') {
			pad = 1;
			continue;
		}
		check(!pad);
		check(strchr("-._~+/", cred[i]) != NULL ||
		    (cred[i] >= 'A' && cred[i] <= 'Z') ||
		    (cred[i] >= 'a' && cred[i] <= 'z') ||
		    (cred[i] >= '0' && cred[i] <= '9'));
	}
	return 0;
}
