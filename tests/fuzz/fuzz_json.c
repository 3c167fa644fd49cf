/*
 * fuzz_json.c - libFuzzer target for JSON bodies: cz_parse_json with a
 * small depth limit, then cz_validate_json against a sample field table,
 * with a fresh arena per input. A value that was accepted must serialize
 * to JSON that is accepted again; validated values must keep the table's
 * promises. Any broken promise aborts.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "jsonbody.h"
#include "params.h"
#include "utf8.h"
#include "validate.h"

#include "fuzz_validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define DEPTH	8

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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *text;
	struct json_object *o, *again, *errors;
	struct cz_value v[NFIELDS];
	enum cz_perr e;
	cz_arena *a;
	int rc;

	if ((a = cz_arena_new(4096)) == NULL)
		return 0;
	e = cz_parse_json(a, s, size, DEPTH, &o);
	if (e == CZ_P_OK) {
		check(cz_utf8_valid(s, size));
		text = json_object_to_json_string_ext(o,
		    JSON_C_TO_STRING_PLAIN);
		check(text != NULL);
		check(cz_parse_json(a, text, strlen(text), DEPTH, &again) ==
		    CZ_P_OK);
		rc = cz_validate_json(a, fields, NFIELDS, o, v, &errors);
		check(rc == 0 ? errors == NULL : errors != NULL);
		check(rc == -1 || json_object_is_type(o, json_type_object));
		check_values(fields, NFIELDS, v);
		if (errors != NULL)
			check(json_object_to_json_string(errors) != NULL);
	} else {
		check(o == NULL);
		check(e != CZ_P_BAD_UTF8 || !cz_utf8_valid(s, size));
	}

	/* The same input with too little memory must fail cleanly. */
	cz_arena_reset(a);
	cz_arena_set_limit(a, 8);
	if (cz_parse_json(a, s, size, DEPTH, &o) == CZ_P_OK)
		(void)cz_validate_json(a, fields, NFIELDS, o, v, &errors);
	cz_arena_free(a);
	return 0;
}
