/*
 * shopping.c - a plan's shopping list to shop from. See shopping.h.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "db.h"
#include "plan_read.h"
#include "query.h"
#include "request.h"
#include "shopping.h"

#define SQL_CHECKED_GET \
	"SELECT k FROM plans, unnest(shopping_checked) AS k " \
	"WHERE id = $1::bigint"
enum { GET_PLAN, GET__N };
enum { GET_KEY };
/* The keys travel as one JSON array, so no list syntax is built by hand. */
#define SQL_CHECKED_SET \
	"UPDATE plans SET shopping_checked = ARRAY(SELECT DISTINCT k FROM " \
	"jsonb_array_elements_text($2::jsonb) AS k ORDER BY k) " \
	"WHERE id = $1::bigint"
enum { SET_PLAN, SET_KEYS, SET__N };

int
cz_shopping_register(struct cz_db *db)
{
	if (cz_db_register(db, "shopping_checked_get", SQL_CHECKED_GET,
	    GET__N, 1) == -1 ||
	    cz_db_register(db, "shopping_checked_set", SQL_CHECKED_SET,
	    SET__N, 1) == -1)
		return -1;
	return 0;
}

/* The stored food-group list of doc as lines, for a document without
 * ingredients: each line keyed, as ticks always were, by its NDB number
 * or its food name. */
static int
stored_list(cz_arena *a, const struct cz_plan_doc *doc,
    struct cz_shop_aisle **aisles, size_t *n)
{
	const struct cz_plan_doc_shop_item *it;
	struct cz_shop_aisle *out;
	struct cz_shop_line *l;
	size_t g, i;

	if (doc->nshop == 0)
		return 0;
	if ((out = cz_arena_calloc(a, doc->nshop, sizeof(*out))) == NULL)
		return -1;
	for (g = 0; g < doc->nshop; g++) {
		out[g].aisle = CZ_AISLE_OTHER;
		out[g].name = doc->shop[g].name;
		out[g].nlines = doc->shop[g].nitems;
		if (out[g].nlines > 0 && (out[g].lines = cz_arena_calloc(a,
		    out[g].nlines, sizeof(*l))) == NULL)
			return -1;
		for (i = 0; i < out[g].nlines; i++) {
			it = &doc->shop[g].items[i];
			l = &out[g].lines[i];
			l->key = it->ndb[0] != '\0' ? it->ndb : it->food;
			l->name = it->food;
			l->aisle = CZ_AISLE_OTHER;
			l->eaten_g = l->use_g = l->buy_g = it->grams;
			l->unit = "g";
			l->buy = it->quantity != NULL ? it->quantity : "";
			l->use = cz_arena_printf(a, "you will use %.0f g",
			    it->grams);
			if (l->use == NULL)
				return -1;
		}
	}
	*aisles = out;
	*n = doc->nshop;
	return 0;
}

int
cz_shopping_build(cz_arena *a, const struct cz_plan_doc *doc,
    struct cz_shop_aisle **aisles, size_t *n)
{
	const struct cz_plan_doc_meal *m;
	struct cz_shop_use *in;
	size_t count = 0, k = 0, i;
	int d, j;

	*aisles = NULL;
	*n = 0;
	for (d = 0; d < doc->ndays; d++)
		for (j = 0; j < doc->days[d].nmeals; j++)
			count += doc->days[d].meals[j].nitems;
	if (count == 0)
		return stored_list(a, doc, aisles, n);
	if ((in = cz_arena_calloc(a, count, sizeof(*in))) == NULL)
		return -1;
	for (d = 0; d < doc->ndays; d++)
		for (j = 0; j < doc->days[d].nmeals; j++) {
			m = &doc->days[d].meals[j];
			for (i = 0; i < m->nitems; i++, k++) {
				in[k].ndb = m->items[i].ndb;
				in[k].name = m->items[i].label != NULL ?
				    m->items[i].label : m->items[i].food;
				in[k].grams = m->items[i].grams;
			}
		}
	return cz_shop_list(a, in, count, aisles, n);
}

int
cz_shopping_is_checked(const struct cz_shop_line *l, const char *const *keys,
    size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (strcmp(keys[i], l->key) == 0)
			return 1;
		for (j = 0; j < l->nndbs; j++)
			if (strcmp(keys[i], l->ndbs[j]) == 0)
				return 1;
	}
	return 0;
}

int
cz_shopping_checked(struct cz_request *r, long long id, const char ***keys,
    size_t *n)
{
	const char *v[GET__N];
	const char **k;
	PGresult *res;
	int i, rows;

	*keys = NULL;
	*n = 0;
	v[GET_PLAN] = cz_arena_printf(r->arena, "%lld", id);
	if ((res = cz_query(r, "shopping_checked_get", GET__N, v)) == NULL)
		return -1;
	if ((rows = PQntuples(res)) == 0)
		return 0;
	if ((k = cz_arena_alloc(r->arena, (size_t)rows * sizeof(*k))) == NULL)
		return -1;
	for (i = 0; i < rows; i++)
		k[i] = cz_db_text(res, i, GET_KEY);
	*keys = k;
	*n = (size_t)rows;
	return 0;
}

/* Whether key names a line of the list. */
static int
on_the_list(const struct cz_shop_aisle *aisles, size_t naisles,
    const char *key)
{
	size_t g, i;

	for (g = 0; g < naisles; g++)
		for (i = 0; i < aisles[g].nlines; i++)
			if (strcmp(aisles[g].lines[i].key, key) == 0)
				return 1;
	return 0;
}

int
cz_shopping_set_checked(struct cz_request *r, long long id,
    const struct cz_shop_aisle *aisles, size_t naisles,
    const char *const *keys, size_t n)
{
	struct json_object *a = json_object_new_array();
	const char *v[SET__N];
	size_t i;
	int rc;

	if (a == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (on_the_list(aisles, naisles, keys[i]))
			json_object_array_add(a, json_object_new_string(keys[i]));
	v[SET_PLAN] = cz_arena_printf(r->arena, "%lld", id);
	v[SET_KEYS] = cz_arena_strdup(r->arena, json_object_to_json_string_ext(
	    a, JSON_C_TO_STRING_PLAIN));
	json_object_put(a);
	rc = v[SET_KEYS] != NULL &&
	    cz_query(r, "shopping_checked_set", SET__N, v) != NULL ? 0 : -1;
	return rc;
}

/* Whole grams, as the list counts them: "180". */
static const char *
grams_text(double g, char *buf, size_t len)
{
	snprintf(buf, len, "%.0f", round(g));
	return buf;
}

int
cz_shopping_text(const struct cz_shop_aisle *aisles, size_t n,
    const char *title, cz_buf *b)
{
	const struct cz_shop_line *l;
	size_t k, i;

	if (cz_buf_printf(b, "%s\n", title) == -1)
		return -1;
	for (k = 0; k < n; k++) {
		if (cz_buf_printf(b, "\n%s\n", aisles[k].name) == -1)
			return -1;
		for (i = 0; i < aisles[k].nlines; i++) {
			l = &aisles[k].lines[i];
			if (cz_buf_printf(b, "- %s: %s — %s\n", l->name,
			    l->buy, l->use) == -1)
				return -1;
		}
	}
	return 0;
}

/* One CSV field, quoted; a leading = + - @ (a formula to a spreadsheet)
 * is defused with an apostrophe, as OWASP advises for CSV exports. */
static int
csv_field(cz_buf *b, const char *s, int last)
{
	if (cz_buf_puts(b, "\"") == -1 ||
	    (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL &&
	    cz_buf_puts(b, "'") == -1))
		return -1;
	for (; *s != '\0'; s++)
		if ((*s == '"' ? cz_buf_puts(b, "\"\"") :
		    cz_buf_append(b, s, 1)) == -1)
			return -1;
	return cz_buf_puts(b, last ? "\"\r\n" : "\",");
}

int
cz_shopping_csv(const struct cz_shop_aisle *aisles, size_t n, cz_buf *b)
{
	const struct cz_shop_line *l;
	char used[32], bought[32];
	size_t k, i;

	if (cz_buf_puts(b, "aisle,food,quantity,grams_used,you_will_use,"
	    "grams_bought,key\r\n") == -1)
		return -1;
	for (k = 0; k < n; k++)
		for (i = 0; i < aisles[k].nlines; i++) {
			l = &aisles[k].lines[i];
			if (csv_field(b, aisles[k].name, 0) == -1 ||
			    csv_field(b, l->name, 0) == -1 ||
			    csv_field(b, l->buy, 0) == -1 ||
			    csv_field(b, grams_text(l->use_g, used,
			    sizeof(used)), 0) == -1 ||
			    csv_field(b, l->use, 0) == -1 ||
			    csv_field(b, grams_text(l->buy_g, bought,
			    sizeof(bought)), 0) == -1 ||
			    csv_field(b, l->key, 1) == -1)
				return -1;
		}
	return 0;
}
