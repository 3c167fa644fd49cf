/*
 * fuzz_usda.c - libFuzzer target of the USDA SR24 food file parser: the
 * input is one file's bytes. Every outcome must be a clean accept or
 * refusal; an accepted food must satisfy what the parser promises (a
 * 5-digit uid, a non-empty name, amounts in range, at most the allowed
 * number of measures). Any crash, leak or sanitizer report is a bug.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "usda.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t size)
{
	static struct cz_usda_food f;
	char err[256];
	size_t i;
	int id;

	if (cz_usda_parse((const char *)in, size, &f, err, sizeof(err)) == -1) {
		if (err[0] == '\0' || strlen(err) >= sizeof(err))
			abort();
		return 0;
	}
	if (strlen(f.uid) != 5 || f.name[0] == '\0' ||
	    f.nmeasures > CZ_USDA_MEASURES_MAX ||
	    f.nnutrients > CZ_USDA_NUTRIENTS)
		abort();
	for (i = 0; i < f.nmeasures; i++)
		if (!(f.measures[i].amount > 0) || !(f.measures[i].grams > 0) ||
		    f.measures[i].name[0] == '\0')
			abort();
	for (id = 0; id < CZ_USDA_NUTRIENTS; id++)
		if (f.nutrient[id] < 0 || f.nutrient[id] > CZ_USDA_AMOUNT_MAX)
			abort();
	(void)cz_usda_atwater(&f);
	return 0;
}
