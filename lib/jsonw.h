/*
 * jsonw.h - a streaming JSON writer into a cz_buf, for documents large
 * enough that building a json-c tree only to print it would cost more than
 * the data (a 7-day plan has some 2,000 numbers).
 *
 * The writer tracks nesting and commas; keys are given with each value
 * inside objects and are NULL inside arrays. Strings are escaped as RFC
 * 8259 requires (quote, backslash, control characters) and are otherwise
 * copied as they are: callers hand in valid UTF-8. Numbers are written
 * rounded to a number of decimals, without trailing zeros ("12.5", "3"),
 * never "-0", and non-finite values as 0. Errors (the buffer's cap, too
 * deep a nesting) are sticky: check cz_jw_finish once at the end.
 */
#ifndef CZ_JSONW_H
#define CZ_JSONW_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"

struct json_object;

#define CZ_JW_MAX_DEPTH	32

struct cz_jw {
	cz_buf		*out;		/* the text; NULL when building a tree */
	/* the tree: its open containers (tree[0] the root once written)
	 * and the arena its keys are copied into */
	struct json_object *tree[CZ_JW_MAX_DEPTH];
	cz_arena	*keys;
	int		 depth;
	unsigned char	 first[CZ_JW_MAX_DEPTH];	/* no member yet */
	char		 closer[CZ_JW_MAX_DEPTH];	/* '}' or ']' */
	int		 err;
};

/* Starts writing into out (appending). */
void cz_jw_init(struct cz_jw *w, cz_buf *out);
/* Starts building a tree; its keys are copied into keys, which must
 * outlive it. */
void cz_jw_init_tree(struct cz_jw *w, cz_arena *keys);

void cz_jw_object(struct cz_jw *w, const char *key);	/* opens { */
void cz_jw_array(struct cz_jw *w, const char *key);	/* opens [ */
void cz_jw_end(struct cz_jw *w);			/* closes either */
void cz_jw_string(struct cz_jw *w, const char *key, const char *s);
void cz_jw_number(struct cz_jw *w, const char *key, double v, int decimals);
void cz_jw_int(struct cz_jw *w, const char *key, long long v);
void cz_jw_bool(struct cz_jw *w, const char *key, int v);
void cz_jw_null(struct cz_jw *w, const char *key);
/* Writes v, a json-c value (NULL: null): as compact text (slashes not
 * escaped), or into the tree as one more reference to v. */
void cz_jw_json(struct cz_jw *w, const char *key, struct json_object *v);

/* Returns 0 when everything was written and every container closed, else
 * -1. */
int cz_jw_finish(const struct cz_jw *w);
/* The tree built, the caller's to release (json_object_put); NULL, with
 * whatever was built released, when cz_jw_finish would return -1 (or the
 * whole document is JSON's null, which json-c holds as NULL). */
struct json_object *cz_jw_take_tree(struct cz_jw *w);

#endif /* CZ_JSONW_H */
