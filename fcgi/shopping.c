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

const char *
cz_shopping_key(const struct cz_plan_doc_shop_item *it)
{
	return it->ndb[0] != '\0' ? it->ndb : it->food;
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

/* Whether key names a line of doc's list. */
static int
on_the_list(const struct cz_plan_doc *doc, const char *key)
{
	size_t g, i;

	for (g = 0; g < doc->nshop; g++)
		for (i = 0; i < doc->shop[g].nitems; i++)
			if (strcmp(cz_shopping_key(&doc->shop[g].items[i]),
			    key) == 0)
				return 1;
	return 0;
}

int
cz_shopping_set_checked(struct cz_request *r, long long id,
    const struct cz_plan_doc *doc, const char *const *keys, size_t n)
{
	struct json_object *a = json_object_new_array();
	const char *v[SET__N];
	size_t i;
	int rc;

	if (a == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (on_the_list(doc, keys[i]))
			json_object_array_add(a, json_object_new_string(keys[i]));
	v[SET_PLAN] = cz_arena_printf(r->arena, "%lld", id);
	v[SET_KEYS] = cz_arena_strdup(r->arena, json_object_to_json_string_ext(
	    a, JSON_C_TO_STRING_PLAIN));
	json_object_put(a);
	rc = v[SET_KEYS] != NULL &&
	    cz_query(r, "shopping_checked_set", SET__N, v) != NULL ? 0 : -1;
	return rc;
}

/* Grams as people read them: "180", "2.5". */
static const char *
grams_text(double g, char *buf, size_t len)
{
	if (fabs(g - round(g)) < 0.05)
		snprintf(buf, len, "%.0f", round(g));
	else
		snprintf(buf, len, "%.1f", g);
	return buf;
}

int
cz_shopping_text(const struct cz_plan_doc *doc, const char *title, cz_buf *b)
{
	const struct cz_plan_doc_shop_item *it;
	char g[32];
	size_t k, i;

	if (cz_buf_printf(b, "%s\n", title) == -1)
		return -1;
	for (k = 0; k < doc->nshop; k++) {
		if (cz_buf_printf(b, "\n%s\n", doc->shop[k].name) == -1)
			return -1;
		for (i = 0; i < doc->shop[k].nitems; i++) {
			it = &doc->shop[k].items[i];
			if (cz_buf_printf(b, "- %s%s%s (%s g used)\n", it->food,
			    it->quantity ? ": " : "", it->quantity ?
			    it->quantity : "", grams_text(it->grams, g,
			    sizeof(g))) == -1)
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
cz_shopping_csv(const struct cz_plan_doc *doc, cz_buf *b)
{
	const struct cz_plan_doc_shop_item *it;
	char g[32];
	size_t k, i;

	if (cz_buf_puts(b, "aisle,food,quantity,grams_used\r\n") == -1)
		return -1;
	for (k = 0; k < doc->nshop; k++)
		for (i = 0; i < doc->shop[k].nitems; i++) {
			it = &doc->shop[k].items[i];
			if (csv_field(b, doc->shop[k].name, 0) == -1 ||
			    csv_field(b, it->food, 0) == -1 ||
			    csv_field(b, it->quantity ? it->quantity : "",
			    0) == -1 ||
			    csv_field(b, grams_text(it->grams, g, sizeof(g)),
			    1) == -1)
				return -1;
		}
	return 0;
}
