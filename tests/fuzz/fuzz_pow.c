/*
 * fuzz_pow.c - libFuzzer target for the proof-of-work challenge parser
 * and checker (lib/pow.h): any bytes as a challenge and, after the first
 * newline, as a solution. A parsed challenge must hold what the format
 * allows; any broken promise aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pow.h"

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
	static const char key[] = "fuzzing key, 32 bytes at least..";
	struct cz_pow_challenge c;
	const char *s = (const char *)data, *nl;
	size_t clen, slen, i;
	enum cz_pow_result rc;
	int p;

	nl = memchr(s, '\n', size);
	clen = nl != NULL ? (size_t)(nl - s) : size;
	slen = nl != NULL ? size - clen - 1 : 0;
	if (cz_pow_parse(s, clen, &c) == 0) {
		check(clen <= CZ_POW_CHALLENGE_MAX);
		check(c.bits >= 1 && c.bits <= CZ_POW_BITS_MAX);
		check(c.issued >= 0);
		check((unsigned)c.purpose < CZ_POW__PURPOSES);
		check(strlen(c.nonce) == CZ_POW_NONCE_HEX);
		check(strlen(c.mac) == CZ_POW_MAC_HEX);
		check(c.signed_len + 1 + CZ_POW_MAC_HEX == clen);
		for (i = 0; i < CZ_POW_NONCE_HEX; i++)
			check(strchr("0123456789abcdef", c.nonce[i]) != NULL);
	}
	for (p = 0; p < CZ_POW__PURPOSES; p++) {
		rc = cz_pow_verify(key, sizeof(key) - 1, s, clen,
		    nl != NULL ? nl + 1 : "", slen, (enum cz_pow_purpose)p,
		    1764734400LL, 600, &c);
		check((unsigned)rc < CZ_POW__RESULTS);
		/* Nobody forges the fuzzing key's mac by chance. */
		check(rc == CZ_POW_MALFORMED || rc == CZ_POW_BAD_SIGNATURE);
	}
	check(cz_pow_solution_valid(s, size) == 0 || size <= CZ_POW_SOLUTION_MAX);
	return 0;
}
