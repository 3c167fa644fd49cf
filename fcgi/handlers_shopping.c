/*
 * handlers_shopping.c - the shopping view of a plan: "/plans/{id}/shopping"
 * with lines to tick off (a plain form, kept on the server, so it works
 * without JavaScript), and the list to take away as text or CSV.
 */
#include "config.h"

#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "catalog.h"
#include "fixed_text.h"
#include "handlers.h"
#include "labels.h"
#include "plan_answers.h"
#include "plan_read.h"
#include "plans.h"
#include "response.h"
#include "shopping.h"

/* The plan of the route's id, read, for whoever may see it, and its list
 * to shop from. Returns CZ_NEXT with *doc, *aisles and *naisles set, or
 * CZ_DONE / an HTTP status when answered. */
static int
load(struct cz_request *r, long long *id, struct cz_plan_doc **doc,
    struct cz_shop_aisle **aisles, size_t *naisles)
{
	struct cz_plan_refusal o;
	struct cz_stored_plan p;
	enum cz_plan_result res;
	char err[256];
	int rc;

	if ((rc = cz_plan_signed_in(r)) != CZ_NEXT)
		return rc;
	*id = cz_plan_param(r, "id");
	if ((res = cz_plans_load_tree(r, *id, &p, &o)) != CZ_PLAN_OK)
		return cz_plan_status(r, res, &o);
	if (cz_plan_doc_read(r->arena, p.tree, doc, err, sizeof(err)) == -1) {
		r->error_message = "the stored plan does not read";
		return 500;
	}
	if (cz_shopping_build(r->arena, *doc, aisles, naisles) == -1) {
		r->error_message = "the shopping list does not build";
		return 500;
	}
	return CZ_NEXT;
}

/* "7-day standard plan, 2,200 kcal a day", as the plan page is titled. */
static const char *
plan_title(struct cz_request *r, const struct cz_plan_doc *doc)
{
	char kcal[CZ_THOUSANDS_MAX];

	return cz_arena_printf(r->arena, "%d-day %s plan, %s kcal a day",
	    doc->request.days, cz_label(cz_diet_name((int)doc->request.diet)),
	    cz_thousands(kcal, doc->request.calories));
}

int
cz_h_shopping_page(struct cz_request *r)
{
	const struct cz_shop_line *l;
	struct json_object *ctx, *groups, *g, *items, *o;
	struct cz_shop_aisle *aisles;
	struct cz_plan_doc *doc;
	const char **keys;
	size_t nkeys, naisles, k, i, done = 0, total = 0;
	long long id;
	int rc;

	if ((rc = load(r, &id, &doc, &aisles, &naisles)) != CZ_NEXT)
		return rc;
	if (cz_shopping_checked(r, id, &keys, &nkeys) == -1)
		return cz_db_unavailable(r);
	if ((ctx = cz_page_ctx(r, cz_arena_printf(r->arena, "Shopping list: "
	    "%s", plan_title(r, doc)))) == NULL)
		return 500;
	groups = json_object_new_array();
	for (k = 0; k < naisles; k++) {
		g = json_object_new_object();
		items = json_object_new_array();
		json_object_object_add(g, "name",
		    json_object_new_string(aisles[k].name));
		for (i = 0; i < aisles[k].nlines; i++) {
			l = &aisles[k].lines[i];
			o = json_object_new_object();
			json_object_object_add(o, "key",
			    json_object_new_string(l->key));
			json_object_object_add(o, "n", json_object_new_int64(
			    (int64_t)++total));
			json_object_object_add(o, "food",
			    json_object_new_string(l->name));
			json_object_object_add(o, "buy",
			    json_object_new_string(l->buy));
			json_object_object_add(o, "use",
			    json_object_new_string(l->use));
			if (cz_shopping_is_checked(l, keys, nkeys)) {
				json_object_object_add(o, "checked",
				    json_object_new_boolean(1));
				done++;
			}
			json_object_array_add(items, o);
		}
		json_object_object_add(g, "items", items);
		json_object_array_add(groups, g);
	}
	json_object_object_add(ctx, "groups", groups);
	json_object_object_add(ctx, "id", json_object_new_int64(id));
	json_object_object_add(ctx, "plan_title", json_object_new_string(
	    plan_title(r, doc)));
	json_object_object_add(ctx, "done", json_object_new_int64((int64_t)done));
	json_object_object_add(ctx, "total",
	    json_object_new_int64((int64_t)total));
	return cz_resp_html(r, 200, "pages/shopping", ctx);
}

int
cz_h_shopping_save(struct cz_request *r)
{
	struct cz_shop_aisle *aisles;
	struct cz_plan_doc *doc;
	const char **keys;
	long long id;
	size_t i, n = 0, naisles;
	int rc;

	if ((rc = load(r, &id, &doc, &aisles, &naisles)) != CZ_NEXT)
		return rc;
	keys = cz_arena_calloc(r->arena, r->form.n + 1, sizeof(*keys));
	if (keys == NULL)
		return 500;
	for (i = 0; i < r->form.n; i++)
		if (strcmp(r->form.v[i].name, "got") == 0)
			keys[n++] = r->form.v[i].value;
	if (cz_shopping_set_checked(r, id, aisles, naisles, keys, n) == -1)
		return cz_db_unavailable(r);
	/* Post/redirect/get, back to the line the person was at. */
	cz_resp_redirect(r, 303, cz_arena_printf(r->arena,
	    "/plans/%lld/shopping", id));
	return CZ_DONE;
}

/* The list as a download of type ctype, named after the plan. */
static int
export(struct cz_request *r, const char *ctype, const char *ext)
{
	struct cz_shop_aisle *aisles;
	struct cz_plan_doc *doc;
	long long id;
	size_t naisles;
	int rc;

	if ((rc = load(r, &id, &doc, &aisles, &naisles)) != CZ_NEXT)
		return rc;
	cz_buf_reset(r->body_out);
	rc = strcmp(ext, "csv") == 0 ? cz_shopping_csv(aisles, naisles,
	    r->body_out) : cz_shopping_text(aisles, naisles,
	    cz_arena_printf(r->arena, "Shopping list, plan %lld: %s", id,
	    plan_title(r, doc)), r->body_out);
	if (rc == -1) {
		r->error_message = "shopping list too large";
		return 500;
	}
	cz_resp_header(r, "Content-Disposition", "attachment; filename="
	    "\"cibozer-plan-%lld-shopping.%s\"", id, ext);
	r->status = 200;
	r->content_type_out = ctype;
	return CZ_DONE;
}

int
cz_h_shopping_text(struct cz_request *r)
{
	return export(r, "text/plain; charset=utf-8", "txt");
}

int
cz_h_shopping_csv(struct cz_request *r)
{
	return export(r, "text/csv; charset=utf-8", "csv");
}
