/*
 * fuzz_cookie.c - libFuzzer target for the Cookie header parser, with a
 * fresh arena per input. Checks that every pair returned is a token name
 * and a cookie-octet value within the limits, and aborts when not.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "params.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(int ok)
{
	if (!ok)
		abort();
}

static int
is_tchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static int
is_cookie_octet(unsigned char c)
{
	return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' &&
	    c != '\\';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct cz_limits lim = { 32, 64, 1024 };
	const char *s = (const char *)data;
	struct cz_params p;
	cz_arena *a;
	size_t i, k;

	if ((a = cz_arena_new(4096)) == NULL)
		return 0;
	if (cz_parse_cookies(a, s, size, &lim, &p) == CZ_P_OK) {
		check(p.n <= lim.max_params);
		for (i = 0; i < p.n; i++) {
			check(p.v[i].name_len > 0);
			check(p.v[i].name_len <= lim.max_name_len);
			check(p.v[i].value_len <= lim.max_value_len);
			check(strlen(p.v[i].name) == p.v[i].name_len);
			check(strlen(p.v[i].value) == p.v[i].value_len);
			for (k = 0; k < p.v[i].name_len; k++)
				check(is_tchar((unsigned char)p.v[i].name[k]));
			for (k = 0; k < p.v[i].value_len; k++)
				check(is_cookie_octet(
				    (unsigned char)p.v[i].value[k]));
			check(cz_params_get(&p, p.v[i].name) != NULL);
		}
	} else
		check(p.v == NULL && p.n == 0);

	/* The same input with too little memory must fail cleanly. */
	cz_arena_reset(a);
	cz_arena_set_limit(a, size / 2);
	(void)cz_parse_cookies(a, s, size, NULL, &p);
	cz_arena_free(a);
	return 0;
}
