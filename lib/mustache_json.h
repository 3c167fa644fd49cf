/*
 * mustache_json.h - renders mustache templates against json-c values.
 */
#ifndef CZ_MUSTACHE_JSON_H
#define CZ_MUSTACHE_JSON_H

#include "buf.h"
#include "mustache.h"

struct json_object;

/*
 * Renders template name of set against data (not modified, still owned by
 * the caller), appending to out, whose max bounds the output. Returns 0,
 * or -1 with a message in err: unknown template, nesting depth over
 * MST_MAX_DEPTH, output over out->max. On error out may hold partial
 * output; the caller discards it.
 *
 * Values: null and missing names render empty; true and false as words;
 * integers in decimal; other numbers in the shortest form that reads
 * back the same (1.5, 0.1, 1e+300); objects and arrays render empty.
 * Sections skip false, null, 0, "", [] and missing names.
 */
int mst_render_json(const mst_set *set, const char *name,
    struct json_object *data, cz_buf *out, char *err, size_t errlen);

/* The callbacks above, for callers of mst_render. */
const mst_ops *mst_json_ops(void);

#endif
