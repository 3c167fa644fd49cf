/*
 * plan_stored.c - the stored form of a plan. See plan_stored.h.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "jsonbody.h"
#include "jsonw.h"
#include "plan_doc.h"
#include "plan_read.h"
#include "plan_stored.h"

#define STORED_PREFIX	"{\"stored\":"
#define STORED_VERSION	1
#define STORED_DEPTH	5	/* root, days, a day, a dish, the request's arrays */
#define SLUG_MAX	128
#define NDB_MAX		99999
#define GRAMS_MAX	1e7	/* as plan_read.c bounds a document's grams */

int
cz_plan_stored_is(const char *text, size_t len)
{
	return text != NULL && len >= sizeof(STORED_PREFIX) - 1 &&
	    memcmp(text, STORED_PREFIX, sizeof(STORED_PREFIX) - 1) == 0;
}

/* The grams the document prints for g: whole grams, as cz_jw_number
 * rounds them with no decimals. */
static double
printed_grams(double g)
{
	return (double)llround(g);
}

/*
 * What cz_plan_from_doc makes of the plan's stored form, made from the
 * plan itself: the same checks, the dishes in their slots, each dish's
 * ingredients in turn with the grams the form prints read back, the
 * totals summed again. Writing the form and reading it back took the
 * catalog's slugs and NDB numbers, some 10,000 comparisons a week, for
 * indexes the plan already holds (slugs are unique, sql/003).
 */
int
cz_plan_stored_canon(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *p, cz_arena *a,
    char *err, size_t errlen)
{
	struct cz_pattern_slot slots[CZ_PLAN_MAX_MEALS];
	const struct cz_plan_day *from;
	struct cz_plan_day *day;
	struct cz_plan *back;
	size_t i, k, n, tmpl;
	int nslots, d, m;

	nslots = cz_plan_slots(req, slots);
	if (p->ndays != req->days) {
		snprintf(err, errlen, "the stored plan has not %d days",
		    req->days);
		return -1;
	}
	if ((back = cz_arena_calloc(a, 1, sizeof(*back))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	cz_plan_target(req, &back->target);
	for (d = 0; d < req->days; d++) {
		from = &p->days[d];
		day = &back->days[d];
		if (from->nmeals != nslots) {
			snprintf(err, errlen, "day %d of the stored plan has "
			    "not %d meals", d + 1, nslots);
			return -1;
		}
		day->nmeals = nslots;
		for (m = 0; m < nslots; m++) {
			tmpl = from->meals[m].tmpl;
			if (tmpl >= cat->ntemplates ||
			    cat->templates[tmpl].slot != slots[m].kind) {
				snprintf(err, errlen, "day %d meal %d: the "
				    "catalog no longer has its dish", d + 1,
				    m + 1);
				return -1;
			}
			day->meals[m].slot = slots[m].slot;
			day->meals[m].tmpl = tmpl;
			day->meals[m].locked = from->meals[m].locked;
			for (i = n = 0; i < from->nitems; i++) {
				if (from->items[i].meal != m)
					continue;
				k = from->items[i].food;
				if (k >= cat->nfoods) {
					snprintf(err, errlen, "day %d meal %d: "
					    "an ingredient is unknown or "
					    "malformed", d + 1, m + 1);
					return -1;
				}
				day->items[day->nitems].food = k;
				day->items[day->nitems].meal = m;
				day->items[day->nitems].grams =
				    cz_plan_doc_grams(&cat->foods[k],
				    printed_grams(from->items[i].grams));
				day->nitems++;
				n++;
			}
			if (n == 0) {
				snprintf(err, errlen, "day %d meal %d has no "
				    "items", d + 1, m + 1);
				return -1;
			}
		}
		cz_plan_day_totals(cat, day);
	}
	back->ndays = req->days;
	back->feasible = 1;
	*p = *back;
	return 0;
}

/* The number an NDB of digits names ("01123" -> 1123): the digits read
 * in place, where strtol (locale, signs, spaces) was a fifth of writing
 * the stored form. */
static long
ndb_number(const char *ndb)
{
	long v = 0;

	for (; *ndb >= '0' && *ndb <= '9'; ndb++)
		v = v * 10 + (*ndb - '0');
	return v;
}

int
cz_plan_stored_write(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p, cz_buf *out)
{
	const struct cz_plan_day *day;
	struct json_object *jreq;
	struct cz_jw w;
	size_t i;
	int d, m;

	if ((jreq = cz_plan_request_json(req)) == NULL)
		return -1;
	cz_jw_init(&w, out);
	cz_jw_object(&w, NULL);
	cz_jw_int(&w, "stored", STORED_VERSION);
	cz_jw_json(&w, "request", jreq);
	json_object_put(jreq);
	cz_jw_array(&w, "days");
	for (d = 0; d < p->ndays; d++) {
		day = &p->days[d];
		cz_jw_array(&w, NULL);
		for (m = 0; m < day->nmeals; m++) {
			cz_jw_array(&w, NULL);
			cz_jw_string(&w, NULL,
			    cat->templates[day->meals[m].tmpl].slug);
			cz_jw_int(&w, NULL, day->meals[m].locked != 0);
			for (i = 0; i < day->nitems; i++) {
				if (day->items[i].meal != m)
					continue;
				cz_jw_int(&w, NULL, ndb_number(cat->foods[
				    day->items[i].food].ndb));
				cz_jw_number(&w, NULL, day->items[i].grams, 0);
			}
			cz_jw_end(&w);
		}
		cz_jw_end(&w);
	}
	cz_jw_end(&w);
	cz_jw_end(&w);
	return cz_jw_finish(&w);
}

/* ------------------------------------------------------------------------
 * reading
 */

/* Element i of array arr as an integer in [lo, hi], into *v. */
static int
int_at(struct json_object *arr, size_t i, long lo, long hi, long *v)
{
	struct json_object *o = json_object_array_get_idx(arr, i);

	if (!json_object_is_type(o, json_type_int))
		return -1;
	*v = (long)json_object_get_int64(o);
	return *v >= lo && *v <= hi ? 0 : -1;
}

/* One dish: ["slug", locked, ndb, grams, ...]. */
static int
read_dish(cz_arena *a, struct json_object *o, struct cz_plan_doc_meal *dm,
    size_t *day_items, char *err, size_t errlen)
{
	struct json_object *g;
	const char *slug;
	size_t n, k;
	long v;
	double grams;

	if (!json_object_is_type(o, json_type_array) ||
	    (n = json_object_array_length(o)) < 2 || n % 2 != 0) {
		snprintf(err, errlen, "must be [slug, locked, ndb, grams, ...]");
		return -1;
	}
	g = json_object_array_get_idx(o, 0);
	if (!json_object_is_type(g, json_type_string) ||
	    json_object_get_string_len(g) < 1 ||
	    json_object_get_string_len(g) > SLUG_MAX) {
		snprintf(err, errlen, "its slug must be a string of 1 to %d "
		    "bytes", SLUG_MAX);
		return -1;
	}
	slug = json_object_get_string(g);
	if ((dm->slug = cz_arena_strdup(a, slug)) == NULL)
		goto oom;
	if (int_at(o, 1, 0, 1, &v) == -1) {
		snprintf(err, errlen, "locked must be 0 or 1");
		return -1;
	}
	dm->locked = (int)v;
	dm->nitems = (n - 2) / 2;
	if (dm->nitems == 0 || dm->nitems > CZ_PLAN_MAX_ITEMS - *day_items) {
		snprintf(err, errlen, "must have 1 to %d ingredients a day",
		    CZ_PLAN_MAX_ITEMS);
		return -1;
	}
	*day_items += dm->nitems;
	if ((dm->items = cz_arena_calloc(a, dm->nitems,
	    sizeof(*dm->items))) == NULL)
		goto oom;
	for (k = 0; k < dm->nitems; k++) {
		if (int_at(o, 2 + 2 * k, 1, NDB_MAX, &v) == -1) {
			snprintf(err, errlen, "ingredient %zu: an NDB number "
			    "must be an integer from 1 to %d", k + 1, NDB_MAX);
			return -1;
		}
		snprintf(dm->items[k].ndb, sizeof(dm->items[k].ndb), "%05ld",
		    v);
		g = json_object_array_get_idx(o, 3 + 2 * k);
		if (!json_object_is_type(g, json_type_int) &&
		    !json_object_is_type(g, json_type_double)) {
			snprintf(err, errlen, "ingredient %zu: grams must be "
			    "a number", k + 1);
			return -1;
		}
		grams = json_object_get_double(g);
		if (!(grams >= 0 && grams <= GRAMS_MAX)) {
			snprintf(err, errlen, "ingredient %zu: grams must be "
			    "from 0 to %.0f", k + 1, GRAMS_MAX);
			return -1;
		}
		dm->items[k].grams = grams;
	}
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* "days": one array of dishes per day, as many as the request asks. */
static int
read_days(cz_arena *a, struct json_object *days, struct cz_plan_doc *doc,
    char *err, size_t errlen)
{
	struct json_object *day;
	char msg[160];
	size_t nd, nm, m, items;
	int d;

	if (!json_object_is_type(days, json_type_array) ||
	    (nd = json_object_array_length(days)) < 1 ||
	    nd > CZ_PLAN_MAX_DAYS) {
		snprintf(err, errlen, "days: must be an array of 1 to %d days",
		    CZ_PLAN_MAX_DAYS);
		return -1;
	}
	doc->ndays = (int)nd;
	for (d = 0; d < doc->ndays; d++) {
		day = json_object_array_get_idx(days, (size_t)d);
		if (!json_object_is_type(day, json_type_array) ||
		    (nm = json_object_array_length(day)) < 1 ||
		    nm > CZ_PLAN_MAX_MEALS) {
			snprintf(err, errlen, "days[%d]: must be an array of "
			    "1 to %d dishes", d, CZ_PLAN_MAX_MEALS);
			return -1;
		}
		doc->days[d].day = d + 1;
		doc->days[d].nmeals = (int)nm;
		for (m = items = 0; m < nm; m++)
			if (read_dish(a, json_object_array_get_idx(day, m),
			    &doc->days[d].meals[m], &items, msg,
			    sizeof(msg)) == -1) {
				snprintf(err, errlen, "days[%d][%zu]: %s", d,
				    m, msg);
				return -1;
			}
	}
	return 0;
}

int
cz_plan_stored_read(const struct cz_catalog *cat, cz_arena *a,
    const char *text, size_t len, struct cz_plan_request *req,
    struct cz_plan *p, char *err, size_t errlen)
{
	struct json_object *root, *o, *errors;
	struct cz_plan_doc *doc;
	enum cz_perr e;
	int seed_given;

	if (len > CZ_PLAN_STORED_MAX_BYTES) {
		snprintf(err, errlen, "larger than %d bytes",
		    CZ_PLAN_STORED_MAX_BYTES);
		return -1;
	}
	if ((e = cz_parse_json(a, text, len, STORED_DEPTH, &root)) !=
	    CZ_P_OK) {
		snprintf(err, errlen, "not valid JSON: %s", cz_perr_str(e));
		return -1;
	}
	if (!json_object_is_type(root, json_type_object) ||
	    !json_object_object_get_ex(root, "stored", &o) ||
	    !json_object_is_type(o, json_type_int) ||
	    json_object_get_int64(o) != STORED_VERSION) {
		snprintf(err, errlen, "stored: must be %d", STORED_VERSION);
		return -1;
	}
	if (!json_object_object_get_ex(root, "request", &o) ||
	    !json_object_is_type(o, json_type_object)) {
		snprintf(err, errlen, "request: must be an object");
		return -1;
	}
	if (cz_plan_request_read(o, req, &seed_given, &errors) == -1) {
		snprintf(err, errlen, "request: is not a valid plan request");
		json_object_object_foreach(errors, key, msg) {
			snprintf(err, errlen, "request.%s: %s", key,
			    json_object_get_string(msg));
			break;
		}
		json_object_put(errors);
		return -1;
	}
	if ((doc = cz_arena_calloc(a, 1, sizeof(*doc))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (!json_object_object_get_ex(root, "days", &o)) {
		snprintf(err, errlen, "days: missing");
		return -1;
	}
	if (read_days(a, o, doc, err, errlen) == -1)
		return -1;
	return cz_plan_from_doc(cat, req, doc, p, err, errlen);
}

/* The request and plan of the stored form at text, from a; NULL (with a
 * message) when it does not read. */
static struct cz_plan *
read_stored(const struct cz_catalog *cat, cz_arena *a, const char *text,
    size_t len, struct cz_plan_request **req, char *err, size_t errlen)
{
	struct cz_plan *p;

	if ((*req = cz_arena_alloc(a, sizeof(**req))) == NULL ||
	    (p = cz_arena_alloc(a, sizeof(*p))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (cz_plan_stored_read(cat, a, text, len, *req, p, err, errlen) == -1)
		return NULL;
	return p;
}

int
cz_plan_stored_expand(const struct cz_catalog *cat, cz_arena *a,
    const char *text, size_t len, cz_buf *out, char *err, size_t errlen)
{
	struct cz_plan_request *req;
	struct cz_plan *p;

	if ((p = read_stored(cat, a, text, len, &req, err, errlen)) == NULL)
		return -1;
	if (cz_plan_document_write(cat, req, p, a, out) == -1) {
		snprintf(err, errlen, "the document is larger than its buffer");
		return -1;
	}
	return 0;
}

int
cz_plan_stored_tree(const struct cz_catalog *cat, cz_arena *a,
    const char *text, size_t len, struct json_object **tree, char *err,
    size_t errlen)
{
	struct cz_plan_request *req;
	struct cz_plan *p;

	*tree = NULL;
	if ((p = read_stored(cat, a, text, len, &req, err, errlen)) == NULL)
		return -1;
	if ((*tree = cz_plan_document_tree(cat, req, p, a)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}
