/*
 * fuzz_range.c - libFuzzer target for the Range header parser: any text,
 * against a few file sizes. An accepted range must lie inside the file and
 * be non-empty; any broken promise aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "range.h"

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
	static const unsigned long long sizes[] = { 0, 1, 100, 1ULL << 40,
	    ~0ULL };
	unsigned long long start, len;
	char *h;
	size_t i;

	if ((h = malloc(size + 1)) == NULL)
		return 0;
	memcpy(h, data, size);
	h[size] = '\0';
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		start = len = 0;
		if (cz_range_parse(h, sizes[i], &start, &len) == CZ_RANGE_OK) {
			check(len > 0);
			check(start < sizes[i]);
			check(len <= sizes[i] - start);
		}
	}
	free(h);
	return 0;
}
