/*
 * mustache.h - the project's mustache template engine.
 *
 * Templates are compiled once, at start-up, into a set of named trees;
 * partials ({{> name}}) and parents ({{< name}}) are looked up by name in
 * the same set when a template is rendered. Rendering walks a tree, writes
 * into a cz_buf and allocates nothing itself.
 *
 * The engine knows nothing of JSON: it reaches the data through a table of
 * callbacks (mst_ops), and an adapter per JSON library supplies one (see
 * mustache_json.h). It implements the official mustache specification
 * (comments, delimiters, interpolation, inverted, partials, sections) and
 * the optional inheritance module (parents and blocks); not lambdas nor
 * dynamic names.
 */
#ifndef CZ_MUSTACHE_H
#define CZ_MUSTACHE_H

#include <stddef.h>

#include "buf.h"

/* Nesting of sections, partials, parents and blocks, at compile and at
 * render time; passing it is an error, so recursive partials end. */
#define MST_MAX_DEPTH	64
/* Bytes of one template's source. */
#define MST_MAX_SIZE	(1024 * 1024)
/* Bytes of one tag name, e.g. "plan.days" or "partials/disclaimers". */
#define MST_MAX_NAME	128
/* Bytes of a delimiter set by {{=<% %>=}}. */
#define MST_MAX_DELIM	16
/* Nodes one render may visit before it stops with an error; a bound on
 * the work of a render (see mst_set_max_steps). */
#define MST_MAX_STEPS	10000000
/* Size of the scratch buffer mst_ops.string may use. */
#define MST_SCRATCH	64

typedef struct mst_set mst_set;

/* What a data value is, as far as the engine cares. */
enum mst_kind {
	MST_NULL,
	MST_BOOL,
	MST_NUMBER,
	MST_STRING,
	MST_LIST,
	MST_OBJECT
};

/*
 * How the engine reaches the data. A value is an opaque pointer owned by
 * the caller; NULL may be a valid value (e.g. a JSON null). None of these
 * may fail or allocate per call.
 */
typedef struct mst_ops {
	enum mst_kind	(*kind)(void *v);
	/* Whether a section shows for v (lists are handled by the engine). */
	int		(*truthy)(void *v);
	/* Returns 1 and sets *val when obj is an object holding key (len
	 * bytes, NUL-terminated); 0 otherwise. */
	int		(*lookup)(void *obj, const char *key, size_t len,
			    void **val);
	size_t		(*list_len)(void *list);
	void		*(*list_at)(void *list, size_t i);
	/* Sets *s and *len to the text of v, which stays valid until the
	 * next call; scratch (MST_SCRATCH bytes) may hold it. */
	void		(*string)(void *v, char *scratch, const char **s,
			    size_t *len);
} mst_ops;

/* Returns an empty set, or NULL when out of memory. */
mst_set *mst_set_new(void);

/* Frees the set and every template in it. NULL is accepted. */
void mst_set_free(mst_set *set);

/*
 * Compiles src (len bytes, need not be NUL-terminated) and stores it under
 * name, replacing an older template of that name. Returns 0, or -1 with a
 * message naming the template and the line in err (errlen bytes; err may
 * be NULL); the set is then unchanged.
 */
int mst_set_add(mst_set *set, const char *name, const char *src, size_t len,
    char *err, size_t errlen);

/*
 * Loads every *.mustache file under dir, recursively, skipping names that
 * start with a dot and symbolic links to directories. A template's name is
 * its path relative to dir without the extension: "layout",
 * "partials/disclaimers". Returns the number loaded, or -1 with a message
 * naming the file in err; templates loaded before the error stay.
 */
int mst_set_load_dir(mst_set *set, const char *dir, char *err, size_t errlen);

/* Returns 1 when the set holds a template of that name, else 0. */
int mst_set_has(const mst_set *set, const char *name);

/* Sets the number of nodes one render may visit (0: MST_MAX_STEPS). */
void mst_set_max_steps(mst_set *set, size_t steps);

/*
 * Calls fn(ref, arg) for every partial and parent name the template name
 * refers to (a name may come more than once). Returns 0, -1 when there is
 * no such template, or the first non-zero value fn returned.
 */
int mst_set_refs(const mst_set *set, const char *name,
    int (*fn)(const char *ref, void *arg), void *arg);

/*
 * Renders template name against data through ops, appending to out (whose
 * max bounds the output). A partial or parent missing from the set renders
 * as nothing, as the specification asks. Returns 0, or -1 with a message
 * in err: unknown template, nesting over MST_MAX_DEPTH, too many steps,
 * output over out->max, out of memory. On error out may hold part of the
 * output; the caller discards it.
 */
int mst_render(const mst_set *set, const char *name, const mst_ops *ops,
    void *data, cz_buf *out, char *err, size_t errlen);

#endif
