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

/*
 * A key known when the program is built, quoted by the compiler: the
 * writer copies "\"name\":" as it is, where a key given as a string is
 * looked at byte by byte for what needs escaping (a plan's document has
 * some 3,000 keys). CZ_JW_KEY("grams") makes one; the name must be a
 * string literal that needs no escaping. The functions ending in _k take
 * one in place of a key string and write the same; a tree holds the name
 * itself, not a copy, so a key made by hand must name a string that
 * lasts as long as the program (a static table's).
 */
struct cz_jw_key {
	const char	*name;
	const char	*quoted;
	size_t		 len;		/* of quoted */
};
#define CZ_JW_KEY(s)	(&(const struct cz_jw_key){ "" s, "\"" s "\":", \
			    sizeof(s) + 2 })

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
void cz_jw_object_k(struct cz_jw *w, const struct cz_jw_key *k);
void cz_jw_array_k(struct cz_jw *w, const struct cz_jw_key *k);
void cz_jw_string_k(struct cz_jw *w, const struct cz_jw_key *k,
    const char *s);
void cz_jw_number_k(struct cz_jw *w, const struct cz_jw_key *k, double v,
    int decimals);
void cz_jw_int_k(struct cz_jw *w, const struct cz_jw_key *k, long long v);
void cz_jw_bool_k(struct cz_jw *w, const struct cz_jw_key *k, int v);
/* Writes v, a json-c value (NULL: null): as compact text (slashes not
 * escaped), or into the tree as one more reference to v. */
void cz_jw_json(struct cz_jw *w, const char *key, struct json_object *v);

/*
 * Writes text, len bytes of one or more members of an object as this
 * writer wrote them ("key":value,... keys quoted, values escaped), into
 * the open object: members prepared once and written many times. Only
 * into text: returns -1 and writes nothing when building a tree or when
 * text is NULL (the caller writes the members one by one), else 0.
 */
int cz_jw_members(struct cz_jw *w, const char *text, size_t len);
/* The same for a whole value into an open array: text, len bytes, one
 * value (an object, say) as a writer of this kind wrote it. */
int cz_jw_value_text(struct cz_jw *w, const char *text, size_t len);

/* Returns 0 when everything was written and every container closed, else
 * -1. */
int cz_jw_finish(const struct cz_jw *w);
/* The tree built, the caller's to release (json_object_put); NULL, with
 * whatever was built released, when cz_jw_finish would return -1 (or the
 * whole document is JSON's null, which json-c holds as NULL). */
struct json_object *cz_jw_take_tree(struct cz_jw *w);

#endif /* CZ_JSONW_H */
