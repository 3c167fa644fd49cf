/*
 * plan_view.c - a stored plan as the plan page shows it. See plan_view.h.
 *
 * The document comes as json-c's tree, built from the stored plan
 * (cz_plans_load_tree), and is read by lib/plan_read.c into a struct
 * cz_plan_doc; everything the page computes (its title, the labels of the
 * request's codes, allergen texts, nutrient tables) comes from that type.
 * The template itself walks the document in its JSON form (docs/api.md),
 * which these additions decorate in place, day by day and meal by meal.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "fixed_text.h"
#include "food_pictures.h"
#include "labels.h"
#include "log.h"
#include "meal_role.h"
#include "nutrition.h"
#include "plan_read.h"
#include "plan_view.h"
#include "response.h"
#include "videos.h"

/* The labels (labels.h) of the codes set in mask, name(k) for code k <
 * n, joined with ", " in code order (allocated from the arena); NULL when
 * none is set. */
static const char *
joined(struct cz_request *r, unsigned int mask, const char *(*name)(int),
    int n)
{
	const char *s = NULL, *e;
	int k;

	for (k = 0; k < n; k++) {
		if (!(mask & 1u << k))
			continue;
		e = cz_label(name(k));
		s = s == NULL ? cz_arena_strdup(r->arena, e) :
		    cz_arena_printf(r->arena, "%s, %s", s, e);
	}
	return s;
}

/* s with its first letter in upper case ("breakfast" -> "Breakfast"),
 * from the arena: headings and table heads start a sentence. */
static const char *
capitalised(struct cz_request *r, const char *s)
{
	char *c = cz_arena_strdup(r->arena, s);

	if (c != NULL && c[0] != '\0')
		c[0] = (char)toupper((unsigned char)c[0]);
	return c;
}

/* The slots of day d's dishes in order, into slots; returns their number. */
static int
day_slots(const struct cz_plan_doc_day *d, enum cz_slot *slots)
{
	int k;

	for (k = 0; k < d->nmeals; k++)
		slots[k] = d->meals[k].slot;
	return d->nmeals;
}

/* How the page heads dish k of a day whose n dishes have slots
 * ("Lunch (side dish)"), from the arena. */
static const char *
meal_label(struct cz_request *r, const struct cz_plan_request *req,
    const enum cz_slot *slots, int n, int k)
{
	char buf[64];

	return cz_arena_strdup(r->arena, cz_meal_label(req, slots, n, k, buf,
	    sizeof(buf)));
}

/* n with a thousands separator, "2,200", from the arena. */
static const char *
grouped(struct cz_request *r, long long n)
{
	char text[CZ_THOUSANDS_MAX];

	return cz_arena_strdup(r->arena, cz_thousands(text, n));
}

/* "2026-12-02T16:00:19Z" -> "2 December 2026"; the text as it is when it
 * does not start with a date. */
static const char *
date_for_people(struct cz_request *r, const char *iso)
{
	static const char *const month[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
	    d < 1 || d > 31)
		return iso;
	return cz_arena_printf(r->arena, "%d %s %d", d, month[m - 1], y);
}

/* o's text, "" for none (a null in an array of strings). */
static const char *
text_or_empty(struct json_object *o)
{
	const char *s = json_object_get_string(o);

	return s != NULL ? s : "";
}

/* b's text in r's arena ("" when rc or the copy failed), b freed: the
 * long texts of a page are put together in a buffer, where printf
 * appending to the text so far copied it again at every piece. */
static const char *
buf_text(struct cz_request *r, cz_buf *b, int rc)
{
	const char *s = NULL;

	if (rc == 0)
		s = cz_arena_strndup(r->arena, b->len > 0 ? b->data : "",
		    b->len);
	cz_buf_free(b);
	return s != NULL ? s : "";
}

/* An amount as people read it: "2,151" from 1,000 up (whole), else as
 * the document has it ("14.2"). */
static const char *
amount_text(struct cz_request *r, double v)
{
	if (fabs(v) >= 999.5)
		return grouped(r, llround(v));
	return cz_arena_printf(r->arena, "%g", v);
}

/* "Calcium 1,020 mg · Iron 14.2 mg · ...": a day's nutrients as one line
 * of text, so seven days of them do not weigh on the page as tables. */
static const char *
nutrients_text(struct cz_request *r, const struct cz_plan_doc_totals *t)
{
	const struct cz_nutrient_info *ni;
	const char *amount;
	cz_buf b;
	double v;
	int k, rc = 0;

	cz_buf_init(&b, 0);
	for (k = 0; k < CZ_NUTRIENTS && rc == 0; k++) {
		if (isnan(v = cz_plan_doc_amount(t, k)))
			continue;
		ni = cz_nutrient_info(k);
		if (b.len > 0)
			rc |= cz_buf_puts(&b, " · ");
		rc |= cz_buf_puts(&b, ni->label);
		rc |= cz_buf_putc(&b, ' ');
		amount = amount_text(r, v);
		rc |= amount != NULL ? cz_buf_puts(&b, amount) : -1;
		rc |= cz_buf_putc(&b, ' ');
		rc |= cz_buf_puts(&b, ni->unit);
	}
	return buf_text(r, &b, rc);
}

/* The names of a warning's dishes joined with ", ", each once: the
 * document lists a dish for every meal it is served at, and a week that
 * serves a porridge twice read "…, Apple porridge, Lentil tabbouleh,
 * Apple porridge". */
static const char *
names_joined(struct cz_request *r, const char **names, size_t n)
{
	const char *s = "";
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i && strcmp(names[j], names[i]) != 0; j++)
			continue;
		if (j < i)
			continue;
		s = s[0] == '\0' ? names[i] :
		    cz_arena_printf(r->arena, "%s, %s", s, names[i]);
	}
	return s;
}

/* "Vitamin B12", "µg", 2.4: the rows of a full nutrient table. */
static struct json_object *
nutrient_rows(const struct cz_plan_doc_totals *t)
{
	const struct cz_nutrient_info *ni;
	struct json_object *a = json_object_new_array(), *row;
	double v;
	int k;

	for (k = 0; k < CZ_NUTRIENTS; k++) {
		if (isnan(v = cz_plan_doc_amount(t, k)))
			continue;
		ni = cz_nutrient_info(k);
		row = json_object_new_object();
		json_object_object_add(row, "label",
		    json_object_new_string(ni->label));
		json_object_object_add(row, "unit", json_object_new_string(ni->unit));
		json_object_object_add(row, "value", json_object_new_double(v));
		json_object_array_add(a, row);
	}
	return a;
}

/* Member key of o when it is an array, else NULL. */
static struct json_object *
array_member(struct json_object *o, const char *key)
{
	struct json_object *a;

	if (!json_object_object_get_ex(o, key, &a) ||
	    !json_object_is_type(a, json_type_array))
		return NULL;
	return a;
}

/* The dish picture of meal m (lib/food_pictures.h, the same the video
 * shows) as "picture": {"key": ...} on its JSON node jm, for
 * partials/dish_picture; the page shows the first (the dish). */
static void
add_picture(struct cz_request *r, const struct cz_plan_doc_meal *m,
    struct json_object *jm)
{
	struct cz_dish_item *it;
	struct json_object *o;
	const char *key;
	size_t j;

	it = cz_arena_alloc(r->arena, (m->nitems ? m->nitems : 1) * sizeof(*it));
	if (it == NULL)
		return;
	for (j = 0; j < m->nitems; j++) {
		it[j].ndb = m->items[j].ndb;
		it[j].grams = m->items[j].grams;
	}
	if (cz_dish_pictures(m->name, (int)m->slot, it, m->nitems, &key, 1) != 1)
		return;
	o = json_object_new_object();
	json_object_object_add(o, "key", json_object_new_string(key));
	json_object_object_add(jm, "picture", o);
}

/* A meal's method as one text for its card, "method_text" on its recipe:
 * "You need: saucepan.", then "1. ...", one step a line, then the shared
 * cooks it is part of ("batch", added by add_batch_lines). One text node,
 * shown with white-space: pre-line, so that a week of methods adds two
 * elements per card to a page that must stay under 1,000 elements. */
static void
add_method_text(struct cz_request *r, struct json_object *jm)
{
	struct json_object *rec, *a;
	const char *s, *e;
	char num[CZ_UINT_DIGITS_MAX];
	size_t i, neq = 0;
	cz_buf b;
	int rc = 0;

	if (!json_object_object_get_ex(jm, "recipe", &rec) ||
	    !json_object_is_type(rec, json_type_object))
		return;
	cz_buf_init(&b, 0);
	if ((a = array_member(rec, "equipment")) != NULL)
		for (i = 0; i < json_object_array_length(a); i++) {
			e = json_object_get_string(
			    json_object_array_get_idx(a, i));
			if (e == NULL || *e == '\0')
				continue;
			rc |= cz_buf_puts(&b, neq++ == 0 ? "You need: " : ", ");
			rc |= cz_buf_puts(&b, e);
		}
	if (neq > 0)
		rc |= cz_buf_putc(&b, '.');
	if ((a = array_member(rec, "steps")) != NULL)
		for (i = 0; i < json_object_array_length(a); i++) {
			if (b.len > 0)
				rc |= cz_buf_putc(&b, '\n');
			rc |= cz_buf_append(&b, num, cz_uint_digits(num, i + 1));
			rc |= cz_buf_puts(&b, ". ");
			rc |= cz_buf_puts(&b, text_or_empty(
			    json_object_array_get_idx(a, i)));
		}
	if ((a = array_member(rec, "batch")) != NULL)
		for (i = 0; i < json_object_array_length(a); i++) {
			rc |= cz_buf_puts(&b, "\nCook once: ");
			rc |= cz_buf_puts(&b, text_or_empty(
			    json_object_array_get_idx(a, i)));
		}
	s = buf_text(r, &b, rc);
	if (*s != '\0')
		json_object_object_add(rec, "method_text",
		    json_object_new_string(s));
}

/* Each batch note of the document (jdoc's batch_notes) on the recipes of
 * the meals it joins, as "batch": [text, ...]; and the week's notes as one
 * text, "batch_text", on ctx. */
static void
add_batch_lines(struct cz_request *r, struct json_object *jdoc,
    struct json_object *ctx)
{
	struct json_object *notes, *n, *meals, *ref, *days, *v, *jm, *rec, *b;
	const char *text, *all = NULL;
	int64_t d, m;
	size_t i, k;

	if ((notes = array_member(jdoc, "batch_notes")) == NULL ||
	    (days = array_member(jdoc, "days")) == NULL)
		return;
	for (i = 0; i < json_object_array_length(notes); i++) {
		n = json_object_array_get_idx(notes, i);
		if (!json_object_object_get_ex(n, "text", &v) ||
		    (text = json_object_get_string(v)) == NULL)
			continue;
		all = all == NULL ? cz_arena_printf(r->arena, "• %s", text) :
		    cz_arena_printf(r->arena, "%s\n• %s", all, text);
		if ((meals = array_member(n, "meals")) == NULL)
			continue;
		for (k = 0; k < json_object_array_length(meals); k++) {
			ref = json_object_array_get_idx(meals, k);
			if (!json_object_object_get_ex(ref, "day", &v) ||
			    (d = json_object_get_int64(v)) < 1 ||
			    !json_object_object_get_ex(ref, "meal", &v) ||
			    (m = json_object_get_int64(v)) < 1 ||
			    (v = json_object_array_get_idx(days,
			    (size_t)(d - 1))) == NULL ||
			    (v = array_member(v, "meals")) == NULL ||
			    (jm = json_object_array_get_idx(v,
			    (size_t)(m - 1))) == NULL ||
			    !json_object_object_get_ex(jm, "recipe", &rec) ||
			    !json_object_is_type(rec, json_type_object))
				continue;
			if ((b = array_member(rec, "batch")) == NULL) {
				b = json_object_new_array();
				json_object_object_add(rec, "batch", b);
			}
			json_object_array_add(b, json_object_new_string(text));
		}
	}
	if (all != NULL)
		json_object_object_add(ctx, "batch_text",
		    json_object_new_string(all));
}

/* The week's share of each reference intake as one line of text,
 * "intakes_text" ("Calcium 82 %, Iron 110 %, ..."), with its source,
 * "intakes_source", and whether the plan has advice or repeats a dish
 * more than twice, "advice_any" (plans stored before these fields have
 * neither). */
static void
add_intake_lines(struct cz_request *r, struct json_object *jdoc,
    struct json_object *ctx)
{
	struct json_object *ri, *list, *n, *label, *pct, *src, *advice;
	const char *all = NULL;
	size_t i;

	/* The box also says which dishes come a third time, and why. */
	if (((advice = array_member(jdoc, "advice")) != NULL &&
	    json_object_array_length(advice) > 0) ||
	    ((advice = array_member(jdoc, "repeats")) != NULL &&
	    json_object_array_length(advice) > 0))
		json_object_object_add(ctx, "advice_any",
		    json_object_new_boolean(1));
	if (!json_object_object_get_ex(jdoc, "reference_intakes", &ri) ||
	    (list = array_member(ri, "nutrients")) == NULL)
		return;
	for (i = 0; i < json_object_array_length(list); i++) {
		n = json_object_array_get_idx(list, i);
		if (!json_object_object_get_ex(n, "label", &label) ||
		    !json_object_object_get_ex(n, "daily_average_pct", &pct))
			continue;
		all = cz_arena_printf(r->arena, "%s%s%s %.0f %%",
		    all == NULL ? "" : all, all == NULL ? "" : ", ",
		    json_object_get_string(label), json_object_get_double(pct));
	}
	if (all == NULL)
		return;
	json_object_object_add(ctx, "intakes_text", json_object_new_string(all));
	if (json_object_object_get_ex(ri, "source", &src))
		json_object_object_add(ctx, "intakes_source",
		    json_object_new_string(json_object_get_string(src)));
}

/* Whether a measure is already a weight ("200 g", "0.5 g"), which the
 * page then does not repeat in brackets. */
static int
in_grams(const char *measure)
{
	size_t n;

	if (measure == NULL || (n = strlen(measure)) < 3 ||
	    strcmp(measure + n - 2, " g") != 0)
		return 0;
	return strspn(measure, "0123456789.") == n - 2;
}

/* o's member key: v as people read it ("2,098"); none for NAN. */
static void
add_amount_text(struct cz_request *r, struct json_object *o, const char *key,
    double v)
{
	if (o != NULL && !isnan(v))
		json_object_object_add(o, key, json_object_new_string(
		    amount_text(r, v)));
}

/* totals' energy and sodium as people read them into o's "energy_text"
 * and "sodium_text"; none when the document gives none. */
static void
add_totals_text(struct cz_request *r, const struct cz_plan_doc_totals *t,
    struct json_object *o)
{
	if (!t->present)
		return;
	if (!isnan(t->energy_kcal))	/* whole kcal, below 1,000 too */
		json_object_object_add(o, "energy_text", json_object_new_string(
		    grouped(r, llround(t->energy_kcal))));
	add_amount_text(r, o, "sodium_text", t->sodium_mg);
}

/* The receipt's line key (its JSON node under day node jd's "accuracy")
 * gains the check's figures as people read them: "actual_<unit>_text"
 * and "<limit>_text". */
static void
add_receipt_text(struct cz_request *r, struct json_object *jd,
    const char *key, const struct cz_plan_doc_check *c, const char *actual,
    const char *limit)
{
	struct json_object *acc, *line;

	if (!c->present || !json_object_object_get_ex(jd, "accuracy", &acc) ||
	    !json_object_object_get_ex(acc, key, &line))
		return;
	add_amount_text(r, line, actual, c->actual);
	add_amount_text(r, line, limit, c->target);
}

/* Numbers the meals of day d (its JSON node jd) and adds the allergen
 * texts of their ingredients, whether each measure is a weight, and the
 * day's nutrient table. */
static void
decorate_day(struct cz_request *r, const struct cz_plan_request *req,
    const struct cz_plan_doc_day *d, struct json_object *jd)
{
	enum cz_slot slots[CZ_PLAN_MAX_MEALS];
	const struct cz_plan_doc_meal *m;
	struct json_object *meals, *jm, *items, *ji;
	const char *s;
	size_t j;
	int k, nslots = day_slots(d, slots);

	json_object_object_add(jd, "nutrients_text", json_object_new_string(
	    nutrients_text(r, &d->totals)));
	json_object_object_add(jd, "receipt_ok", json_object_new_boolean(
	    d->accuracy.present && d->accuracy.all_ok));
	add_totals_text(r, &d->totals, jd);
	add_receipt_text(r, jd, "energy", &d->accuracy.energy_kcal,
	    "actual_kcal_text", "target_kcal_text");
	add_receipt_text(r, jd, "sodium", &d->accuracy.sodium_mg,
	    "actual_mg_text", "max_mg_text");
	if ((meals = array_member(jd, "meals")) == NULL)
		return;
	for (k = 0; k < d->nmeals; k++) {
		m = &d->meals[k];
		jm = json_object_array_get_idx(meals, (size_t)k);
		json_object_object_add(jm, "n", json_object_new_int(k + 1));
		json_object_object_add(jm, "slot_label", json_object_new_string(
		    meal_label(r, req, slots, nslots, k)));
		json_object_object_add(jm, "dish_noun", json_object_new_string(
		    cz_meal_noun(req, slots, nslots, k)));
		add_picture(r, m, jm);
		add_method_text(r, jm);
		add_totals_text(r, &m->totals, jm);
		if ((items = array_member(jm, "items")) == NULL)
			continue;
		for (j = 0; j < m->nitems; j++) {
			ji = json_object_array_get_idx(items, j);
			if ((s = joined(r, m->items[j].allergens, cz_allergen_name,
			    CZ_ALLERGEN__MAX)) != NULL)
				json_object_object_add(ji, "allergens_text",
				    json_object_new_string(s));
			json_object_object_add(ji, "measure_in_grams",
			    json_object_new_boolean(in_grams(
			    m->items[j].measure)));
		}
	}
}

/* A warning's allergen in words and its dishes as one list. */
static void
decorate_warning(struct cz_request *r, const struct cz_plan_doc_warning *w,
    struct json_object *jw)
{
	json_object_object_add(jw, "allergen_label", json_object_new_string(
	    cz_label(cz_allergen_name((int)w->allergen))));
	json_object_object_add(jw, "meals_text", json_object_new_string(
	    names_joined(r, w->meals, w->nmeals)));
}

struct json_object *
cz_plan_view(struct cz_request *r, const struct cz_stored_plan *p)
{
	const struct cz_plan_request *req;
	struct json_object *ctx, *jdoc = NULL, *a;
	struct cz_plan_doc *doc;
	const char *s, *kcal;
	char err[256];
	size_t i;
	enum cz_slot slots[CZ_PLAN_MAX_MEALS];
	int d, n;

	/* The tree for the template (cz_plans_load_tree), read into the
	 * typed document too. */
	if ((jdoc = p->tree) == NULL ||
	    cz_plan_doc_read(r->arena, jdoc, &doc, err, sizeof(err)) == -1) {
		cz_log(CZ_LOG_ERROR, "%s: plan %lld: the stored document does "
		    "not read", __func__, p->id);
		return NULL;
	}
	req = &doc->request;
	kcal = grouped(r, req->calories);	/* "2,200": title, summary, notice */
	ctx = cz_page_ctx(r, cz_arena_printf(r->arena, "%d-day %s plan, %s "
	    "kcal a day", req->days, cz_diet_name((int)req->diet), kcal));
	if (ctx == NULL)
		return NULL;
	json_object_object_add(ctx, "id", json_object_new_int64(p->id));
	json_object_object_add(ctx, "created_text",
	    json_object_new_string(date_for_people(r, p->created_at)));
	json_object_object_add(ctx, "revision",
	    json_object_new_string(p->revision_text));
	json_object_object_add(ctx, "revised", json_object_new_boolean(
	    strcmp(p->revision_text, "1") != 0));
	s = cz_arena_printf(r->arena, "%s · %s kcal a day · %s",
	    capitalised(r, cz_label(cz_diet_name((int)req->diet))),
	    kcal,
	    cz_label(cz_pattern_name((int)req->pattern)));
	if (req->profile != CZ_PROFILE_NONE)
		s = cz_arena_printf(r->arena, "%s · %s profile", s,
		    capitalised(r, cz_label(cz_profile_name((int)req->profile))));
	json_object_object_add(ctx, "summary", json_object_new_string(s));
	json_object_object_add(ctx, "kcal_text",
	    json_object_new_string(kcal));
	add_amount_text(r, ctx, "sodium_max_text", doc->target.sodium_max_mg);
	if (doc->ndays > 0) {
		a = json_object_new_array();
		n = day_slots(&doc->days[0], slots);
		for (d = 0; d < n; d++)
			json_object_array_add(a, json_object_new_string(
			    meal_label(r, req, slots, n, d)));
		json_object_object_add(ctx, "slots", a);
	}
	json_object_object_add(ctx, "generation_ms",
	    json_object_new_string(p->generation_ms));
	json_object_object_add(ctx, "pattern_label", json_object_new_string(
	    cz_label(cz_pattern_name((int)req->pattern))));
	if ((s = joined(r, req->restrictions, cz_restriction_name,
	    CZ_RESTRICTIONS__MAX)) != NULL)
		json_object_object_add(ctx, "restrictions_text",
		    json_object_new_string(s));
	if (req->profile != CZ_PROFILE_NONE)
		json_object_object_add(ctx, "profile_label", json_object_new_string(
		    cz_label(cz_profile_name((int)req->profile))));
	if ((a = array_member(jdoc, "allergen_warnings")) != NULL)
		for (i = 0; i < doc->nwarnings; i++)
			decorate_warning(r, &doc->warnings[i],
			    json_object_array_get_idx(a, i));
	/* The week's shared cooks (lib/recipes.h), before the days make
	 * their cards' methods. */
	add_batch_lines(r, jdoc, ctx);
	add_intake_lines(r, jdoc, ctx);
	if ((a = array_member(jdoc, "days")) != NULL)
		for (d = 0; d < doc->ndays; d++)
			decorate_day(r, req, &doc->days[d],
			    json_object_array_get_idx(a, (size_t)d));
	if (doc->daily_average.present)
		json_object_object_add(ctx, "average_rows",
		    nutrient_rows(&doc->daily_average));
	json_object_object_add(ctx, "plan", json_object_get(jdoc));
	json_object_object_add(ctx, "platforms", cz_video_platforms());
	return ctx;
}
