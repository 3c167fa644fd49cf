/*
 * time_text.c - the times pages show. See time_text.h.
 *
 * Why: a narrow cell broke "2026-12-06T05:52:50Z" at random and took the
 * width of two, which pushed the keys table's Revoke buttons under its
 * scroll at 1100 px.
 */
#include "config.h"

#include <string.h>

#include "time_text.h"

struct json_object *
cz_time_text(struct json_object *iso, int seconds)
{
	const char *t = json_object_get_string(iso);
	char out[20];
	size_t n = seconds ? 19 : 16;

	if (iso == NULL || t == NULL)
		return NULL;
	if (strlen(t) < n || t[10] != 'T' || t[13] != ':')
		return json_object_new_string(t);
	memcpy(out, t, n);
	out[10] = ' ';
	out[n] = '\0';
	return json_object_new_string(out);
}

void
cz_time_text_add(struct json_object *list, const char *from, const char *key,
    int seconds)
{
	struct json_object *o, *v;
	size_t i;

	for (i = 0; i < json_object_array_length(list); i++) {
		o = json_object_array_get_idx(list, i);
		if (json_object_object_get_ex(o, from, &v) && v != NULL)
			json_object_object_add(o, key, cz_time_text(v,
			    seconds));
	}
}
