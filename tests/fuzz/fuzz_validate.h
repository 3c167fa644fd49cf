/*
 * fuzz_validate.h - promises every fuzz target checks of validated values,
 * shared by the form and JSON targets. Included by one target each, so the
 * helpers are static.
 */
#ifndef CZ_FUZZ_VALIDATE_H
#define CZ_FUZZ_VALIDATE_H

#include <stdint.h>
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
	const struct cz_fspec *x;
	const char *const *choices;
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (!v[i].present)
			continue;
		x = fields[i].choices;
		switch (fields[i].type) {
		case CZ_F_INT:
			check(v[i].i >= fields[i].min && v[i].i <= fields[i].max);
			break;
		case CZ_F_STRING:
		case CZ_F_EMAIL:
			check(v[i].s != NULL && strlen(v[i].s) == v[i].len);
			check(cz_utf8_valid(v[i].s, v[i].len));
			check(v[i].len <= (fields[i].type == CZ_F_EMAIL ? 254 :
			    fields[i].max <= 0 ? SIZE_MAX :
			    (size_t)fields[i].max));
			check(fields[i].type != CZ_F_STRING || x == NULL ||
			    x->accept == NULL || x->accept(v[i].s, v[i].len));
			break;
		case CZ_F_ENUM:
			choices = fields[i].choices;
			check(v[i].s == choices[v[i].i]);
			break;
		case CZ_F_NAME:
			check(v[i].i >= 0 && v[i].i < x->count);
			check(v[i].s == x->name((int)v[i].i));
			break;
		case CZ_F_BOOL:
			check(v[i].i == 0 || v[i].i == 1);
			break;
		case CZ_F_LIST:
			check(fields[i].max <= 0 ||
			    v[i].nitems <= (size_t)fields[i].max);
			check(fields[i].min <= 0 ||
			    v[i].nitems >= (size_t)fields[i].min);
			check((v[i].nitems == 0) == (v[i].items == NULL));
			for (k = 0; k < v[i].nitems; k++) {
				check(v[i].items[k].present);
				check_values(x->elem, 1, &v[i].items[k]);
			}
			break;
		}
	}
}

#endif
