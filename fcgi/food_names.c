/*
 * food_names.c - foods as people name them on the plan form. See
 * food_names.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "catalog.h"
#include "food_names.h"
#include "plans.h"
#include "request.h"

static int
by_text(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

struct json_object *
cz_food_names(struct cz_request *r)
{
	const struct cz_catalog *c = cz_plans_catalog(r);
	struct json_object *a = json_object_new_array();
	const char **v;
	size_t i, n = 0;

	if (c == NULL || c->nfoods == 0 ||
	    (v = cz_arena_calloc(r->arena, c->nfoods, sizeof(*v))) == NULL)
		return a;
	for (i = 0; i < c->nfoods; i++)
		if (c->foods[i].label != NULL && c->foods[i].label[0] != '\0')
			v[n++] = c->foods[i].label;
	qsort(v, n, sizeof(*v), by_text);
	for (i = 0; i < n; i++)
		if (i == 0 || strcasecmp(v[i], v[i - 1]) != 0)
			json_object_array_add(a, json_object_new_string(v[i]));
	return a;
}

/* Whether needle occurs in hay, ignoring case (ASCII). */
static int
contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

int
cz_food_resolve(const struct cz_catalog *c, const char *text, char ndb[6])
{
	const struct cz_cat_food *f, *found = NULL;
	size_t i, len = strlen(text);
	int hits = 0;

	if (len == 0 || len > 200)
		return 0;
	if (len <= 5 && strspn(text, "0123456789") == len) {
		for (i = 0; i < 5; i++)		/* "9040" is "09040" */
			ndb[i] = i < 5 - len ? '0' : text[i - (5 - len)];
		ndb[5] = '\0';
		return 1;
	}
	for (i = 0; c != NULL && i < c->nfoods; i++) {
		f = &c->foods[i];
		if ((f->label != NULL && strcasecmp(f->label, text) == 0) ||
		    (f->name != NULL && strcasecmp(f->name, text) == 0)) {
			memcpy(ndb, f->ndb, 6);
			return 1;
		}
	}
	/* A piece of one label only: "spinach" must not pick one of
	 * "spinach" and "baby spinach" at random. */
	for (i = 0; c != NULL && i < c->nfoods; i++) {
		f = &c->foods[i];
		if (f->label != NULL && contains(f->label, text) &&
		    (found == NULL || strcasecmp(found->label, f->label) != 0)) {
			found = f;
			hits++;
		}
	}
	if (hits != 1)
		return 0;
	memcpy(ndb, found->ndb, 6);
	return 1;
}
