/*
 * fuzz_validate.h - promises every fuzz target checks of validated values,
 * shared by the form and JSON targets. Included by one target each, so the
 * helpers are static.
 */
#ifndef CZ_FUZZ_VALIDATE_H
#define CZ_FUZZ_VALIDATE_H

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "validate.h"

/* A broken promise is a crash, which libFuzzer records. */
static void
check(int ok)
{
	if (!ok)
		abort();
}

/* Every present value honours its field's type and bounds. */
static void
check_values(const struct cz_field *fields, size_t n, const struct cz_value *v)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!v[i].present)
			continue;
		switch (fields[i].type) {
		case CZ_F_INT:
			check(v[i].i >= fields[i].min && v[i].i <= fields[i].max);
			break;
		case CZ_F_STRING:
		case CZ_F_EMAIL:
			check(v[i].s != NULL && strlen(v[i].s) == v[i].len);
			check(cz_utf8_valid(v[i].s, v[i].len));
			check(v[i].len <= (fields[i].type == CZ_F_EMAIL ? 254 :
			    (size_t)fields[i].max));
			break;
		case CZ_F_ENUM:
			check(v[i].s == fields[i].choices[v[i].i]);
			break;
		case CZ_F_BOOL:
			check(v[i].i == 0 || v[i].i == 1);
			break;
		}
	}
}

#endif
