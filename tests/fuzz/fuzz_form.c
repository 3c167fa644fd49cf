/*
 * fuzz_form.c - libFuzzer target for query strings and urlencoded bodies:
 * cz_parse_urlencoded, then cz_validate_params over the result, with a
 * fresh arena per input. Checks that what is returned keeps the parser's
 * promises (limits, NUL termination, UTF-8) and aborts when it does not.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "params.h"
#include "utf8.h"
#include "validate.h"

#include "fuzz_validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const diets[] = { "standard", "vegan", "keto", NULL };

static const struct cz_field fields[] = {
	{ "calories", CZ_F_INT, 1, 800, 5000, NULL },
	{ "diet_type", CZ_F_ENUM, 1, 0, 0, diets },
	{ "name", CZ_F_STRING, 0, 1, 40, NULL },
	{ "vegetarian", CZ_F_BOOL, 0, 0, 0, NULL },
	{ "email", CZ_F_EMAIL, 0, 0, 0, NULL },
	{ "n", CZ_F_INT, 0, LLONG_MIN, LLONG_MAX, NULL },
};
#define NFIELDS	(sizeof(fields) / sizeof(fields[0]))

static void
check_params(const struct cz_params *p, const struct cz_limits *lim)
{
	size_t i;

	check(p->n <= lim->max_params);
	for (i = 0; i < p->n; i++) {
		check(p->v[i].name_len > 0);
		check(p->v[i].name_len <= lim->max_name_len);
		check(p->v[i].value_len <= lim->max_value_len);
		check(strlen(p->v[i].name) == p->v[i].name_len);
		check(strlen(p->v[i].value) == p->v[i].value_len);
		check(cz_utf8_valid(p->v[i].name, p->v[i].name_len));
		check(cz_utf8_valid(p->v[i].value, p->v[i].value_len));
		check(cz_params_get(p, p->v[i].name) != NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct cz_limits lim = { 64, 64, 4096 };
	const char *s = (const char *)data;
	struct cz_value v[NFIELDS];
	struct json_object *errors;
	struct cz_params p;
	cz_arena *a;
	char *dst;
	ssize_t r;
	int rc;

	if ((a = cz_arena_new(4096)) == NULL)
		return 0;
	if (cz_parse_urlencoded(a, s, size, &lim, &p) == CZ_P_OK) {
		check_params(&p, &lim);
		rc = cz_validate_params(a, fields, NFIELDS, &p, v, &errors);
		check(rc == 0 ? errors == NULL : errors != NULL);
		check_values(fields, NFIELDS, v);
	} else
		check(p.v == NULL && p.n == 0);

	/* The same input with too little memory must fail cleanly. */
	cz_arena_reset(a);
	cz_arena_set_limit(a, size / 2);
	(void)cz_parse_urlencoded(a, s, size, NULL, &p);
	cz_arena_free(a);

	/* The decoder alone, into a buffer of exactly n + 1 bytes. */
	if ((dst = malloc(size + 1)) != NULL) {
		r = cz_percent_decode(dst, s, size, size % 2);
		check(r == -1 || ((size_t)r <= size && dst[r] == '\0'));
		free(dst);
	}
	return 0;
}
