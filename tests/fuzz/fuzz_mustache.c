/*
 * fuzz_mustache.c - libFuzzer target of the mustache engine: compiles the
 * input as templates and renders them against a small fixed JSON object.
 *
 * NUL bytes split the input into up to five templates named "main", "a",
 * "b", "c" and "d", so that partials ({{>a}}), parents ({{<b}}) and
 * recursion between them are reached. The output cap and the step limit
 * keep every render short; any crash, leak or sanitizer report is a bug.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <json-c/json.h>

#include "buf.h"
#include "mustache.h"
#include "mustache_json.h"

#define MAX_OUT		(64 * 1024)
#define MAX_STEPS	200000

static const char data_json[] =
    "{\"a\": \"x<&>\\\"'\", \"b\": true, \"c\": false, \"d\": null,"
    " \"n\": 1.5, \"i\": 42, \"z\": 0, \"s\": \"\", \"e\": [],"
    " \"l\": [1, \"two\", {\"a\": \"in\"}, [3]],"
    " \"o\": {\"a\": {\"b\": {\"c\": \"deep\"}}, \"l\": [{\"x\": 1}]}}";

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t size)
{
	static const char *const names[] = { "main", "a", "b", "c", "d" };
	static struct json_object *data;
	const char *p = (const char *)in, *end = p + size, *nul;
	char err[256];
	mst_set *set;
	cz_buf out;
	size_t i;

	if (data == NULL && (data = json_tokener_parse(data_json)) == NULL)
		return 0;
	if ((set = mst_set_new()) == NULL)
		return 0;
	mst_set_max_steps(set, MAX_STEPS);
	for (i = 0; i < sizeof(names) / sizeof(names[0]) && p <= end; i++) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (nul == NULL || i == sizeof(names) / sizeof(names[0]) - 1)
			nul = end;
		(void)mst_set_add(set, names[i], p, (size_t)(nul - p), err,
		    sizeof(err));
		p = nul + 1;
	}
	cz_buf_init(&out, MAX_OUT);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!mst_set_has(set, names[i]))
			continue;
		cz_buf_reset(&out);
		(void)mst_render_json(set, names[i], data, &out, err,
		    sizeof(err));
	}
	cz_buf_free(&out);
	mst_set_free(set);
	return 0;
}
