/*
 * plan.c - the video's view of a plan document (plan.h): the document is
 * read by lib/plan_read.c, which checks it whole; this adapter copies
 * what the cards show into struct cz_render_plan, for the whole plan or
 * for one day's clip.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meal_role.h"
#include "plan.h"
#include "shop_list.h"

/* Bytes of the arena a document is read into (it grows as needed). */
#define PLAN_ARENA	(64 * 1024)

/* Copies a string into dst (size n), cut at a UTF-8 boundary if longer. */
static void
copy_str(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src);

	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

static void
format_grams(char *dst, size_t n, double g)
{
	if (g >= 1000)
		snprintf(dst, n, "%.1f kg", g / 1000.0);
	else
		snprintf(dst, n, "%.0f g", g);
}

/* The shopping card's lines from the document's shopping_list, in its
 * order, with plain grams (its quantities are household measures such as
 * "4 unit (yields ...)"); those past CZ_RENDER_MAX_SHOP are counted in
 * shop_more. For documents whose meals carry no ingredients. */
static void
shop_from_list(const struct cz_plan_doc *doc, struct cz_render_plan *p)
{
	const struct cz_plan_doc_shop_group *g;
	const struct cz_plan_doc_shop_item *it;
	struct cz_render_shop_item *s;
	size_t i, k;

	for (i = 0; i < doc->nshop; i++) {
		g = &doc->shop[i];
		for (k = 0; k < g->nitems; k++) {
			it = &g->items[k];
			if (p->nshop == CZ_RENDER_MAX_SHOP) {
				p->shop_more++;
				continue;
			}
			s = &p->shop[p->nshop++];
			memset(s, 0, sizeof(*s));
			copy_str(s->group, sizeof(s->group), g->name);
			copy_str(s->food, sizeof(s->food), it->food);
			s->grams = it->grams;
			format_grams(s->quantity, sizeof(s->quantity), s->grams);
		}
	}
}

/* The shopping card's lines from the meals' ingredients, as the shopping
 * page lists them (lib/shop_list.h): what a shop sells, by aisle, in
 * plain names and units ("brown rice", "1 bag (1 kg)", "3", "700 g").
 * Returns 0, or -1 when the meals carry no ingredients or the list
 * cannot be made (the caller then uses the document's list). */
static int
shop_from_meals(const struct cz_plan_doc *doc, struct cz_render_plan *p)
{
	struct cz_shop_use *in;
	struct cz_shop_aisle *aisles = NULL;
	struct cz_render_shop_item *s;
	cz_arena *a;
	size_t n = 0, naisles = 0, i, k;
	int d, m, rc = -1;

	for (d = 0; d < doc->ndays; d++)
		for (m = 0; m < doc->days[d].nmeals; m++)
			n += doc->days[d].meals[m].nitems;
	if (n == 0 || (a = cz_arena_new(PLAN_ARENA)) == NULL)
		return -1;
	if ((in = cz_arena_calloc(a, n, sizeof(*in))) == NULL)
		goto out;
	n = 0;
	for (d = 0; d < doc->ndays; d++)
		for (m = 0; m < doc->days[d].nmeals; m++) {
			const struct cz_plan_doc_meal *dm = &doc->days[d].meals[m];

			for (i = 0; i < dm->nitems; i++) {
				if (dm->items[i].ndb[0] == '\0')
					goto out;
				in[n].ndb = dm->items[i].ndb;
				in[n].name = dm->items[i].label != NULL ?
				    dm->items[i].label : dm->items[i].food;
				in[n++].grams = dm->items[i].grams;
			}
		}
	if (cz_shop_list(a, in, n, &aisles, &naisles) != 0)
		goto out;
	for (i = 0; i < naisles; i++)
		for (k = 0; k < aisles[i].nlines; k++) {
			const struct cz_shop_line *l = &aisles[i].lines[k];

			if (p->nshop == CZ_RENDER_MAX_SHOP) {
				p->shop_more++;
				continue;
			}
			s = &p->shop[p->nshop++];
			memset(s, 0, sizeof(*s));
			copy_str(s->group, sizeof(s->group), aisles[i].name);
			copy_str(s->food, sizeof(s->food), l->name);
			copy_str(s->quantity, sizeof(s->quantity), l->buy);
			s->grams = l->buy_g;
		}
	rc = 0;
out:
	cz_arena_free(a);
	return rc;
}

/* The pictures of meal dm (the same the plan page shows first). */
static void
meal_pictures(const struct cz_plan_doc_meal *dm, struct cz_render_meal *rm)
{
	struct cz_dish_item it[CZ_PLAN_MAX_ITEMS];
	size_t i, n = 0;

	for (i = 0; i < dm->nitems && n < CZ_PLAN_MAX_ITEMS; i++) {
		it[n].ndb = dm->items[i].ndb;
		it[n++].grams = dm->items[i].grams;
	}
	rm->npictures = (int)cz_dish_pictures(dm->name, (int)dm->slot, it, n,
	    rm->pictures, CZ_DISH_PICTURES_MAX);
}

/* The advice codes the end card knows, in enum cz_render_advice's order;
 * others ("low_nutrients") stay on the plan's page. */
static const char *const advice_codes[CZ_RENDER_ADVICE__MAX] = {
	"low_energy", "pregnancy", "vegan", "high_energy", "vitamin_b12",
	"vitamin_d",
};

static unsigned int
advice_bits(const struct cz_plan_doc *doc)
{
	unsigned int bits = 0;
	size_t i;
	int k;

	for (i = 0; i < doc->nadvice; i++)
		for (k = 0; k < CZ_RENDER_ADVICE__MAX; k++)
			if (strcmp(doc->advice[i], advice_codes[k]) == 0)
				bits |= 1u << k;
	return bits;
}

void
cz_render_plan_from_doc(const struct cz_plan_doc *doc,
    struct cz_render_plan *p)
{
	const struct cz_plan_doc_day *dd;
	const struct cz_plan_doc_meal *dm;
	struct cz_render_day *day;
	enum cz_slot slots[CZ_PLAN_MAX_MEALS];
	int d, m, side;

	memset(p, 0, sizeof(*p));
	copy_str(p->diet, sizeof(p->diet), cz_diet_name((int)doc->request.diet));
	copy_str(p->pattern, sizeof(p->pattern),
	    cz_pattern_name((int)doc->request.pattern));
	p->energy_kcal = doc->request.calories;
	p->protein_pct = doc->target.protein_pct;
	p->fat_pct = doc->target.fat_pct;
	p->carbs_pct = doc->target.carbs_pct;
	p->advice = advice_bits(doc);
	for (d = 0; d < doc->ndays; d++) {
		dd = &doc->days[d];
		day = &p->days[d];
		day->day = dd->day;
		day->nmeals = dd->nmeals;
		for (m = 0; m < dd->nmeals; m++)
			slots[m] = dd->meals[m].slot;
		for (m = 0; m < dd->nmeals; m++) {
			dm = &dd->meals[m];
			/* a side reads "SIDE DISH", not a second "LUNCH" */
			side = cz_meal_role(&doc->request, slots, dd->nmeals,
			    m) == CZ_MEAL_SIDE;
			copy_str(day->meals[m].slot, sizeof(day->meals[m].slot),
			    side ? "side dish" : cz_slot_name((int)dm->slot));
			copy_str(day->meals[m].name, sizeof(day->meals[m].name),
			    dm->name);
			day->meals[m].energy_kcal = dm->totals.present &&
			    !isnan(dm->totals.energy_kcal) ?
			    dm->totals.energy_kcal : -1;
			meal_pictures(dm, &day->meals[m]);
		}
		day->energy_kcal = dd->totals.energy_kcal;
		day->protein_g = dd->totals.protein_g;
		day->fat_g = dd->totals.fat_g;
		day->carbs_g = dd->totals.carbs_g;
		day->protein_pct = dd->totals.protein_pct;
		day->fat_pct = dd->totals.fat_pct;
		day->carbs_pct = dd->totals.carbs_pct;
	}
	p->ndays = doc->ndays;
	p->week_days = doc->ndays;
	if (shop_from_meals(doc, p) != 0) {
		p->nshop = p->shop_more = 0;
		shop_from_list(doc, p);
	}
}

/* Cuts doc to its day `day` (1-based day number): that day becomes the
 * only one, so that the cards, the shopping list (made from its meals
 * alone) and the chapters are that day's. Returns 0, or -1 with a
 * message when the plan has no such day. */
static int
cut_to_day(struct cz_plan_doc *doc, int day, char *err, size_t errlen)
{
	int d;

	for (d = 0; d < doc->ndays; d++)
		if (doc->days[d].day == day)
			break;
	if (day < 1 || d == doc->ndays) {
		snprintf(err, errlen, "the plan has no day %d (it has %d)", day,
		    doc->ndays);
		return -1;
	}
	if (d != 0)
		doc->days[0] = doc->days[d];
	doc->ndays = 1;
	/* The week's list in grams cannot be cut to a day: a document
	 * whose meals carry no ingredients gets no shopping lines. */
	doc->nshop = 0;
	return 0;
}

int
cz_render_day_seconds(const struct cz_render_preset *p)
{
	/* TikTok's feed favours the shortest; 20 s leaves the day's card
	 * and its shopping time to be read on the others. */
	return strcmp(p->name, "tiktok") == 0 ? 15 : 20;
}

int
cz_render_plan_parse(const char *json, struct cz_render_plan *p, char *err,
    size_t errlen)
{
	return cz_render_plan_parse_day(json, 0, p, err, errlen);
}

int
cz_render_plan_parse_day(const char *json, int day, struct cz_render_plan *p,
    char *err, size_t errlen)
{
	int week;

	struct cz_plan_doc *doc;
	cz_arena *a;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	if ((a = cz_arena_new(PLAN_ARENA)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (cz_plan_doc_parse(a, json, strlen(json), &doc, err, errlen) != 0)
		goto err;
	week = doc->ndays;
	if (day != 0 && cut_to_day(doc, day, err, errlen) != 0)
		goto err;
	cz_render_plan_from_doc(doc, p);
	p->clip_day = day;
	p->week_days = week;
	rc = 0;
err:
	cz_arena_free(a);
	return rc;
}

int
cz_render_plan_load(const char *path, struct cz_render_plan *p, char *err,
    size_t errlen)
{
	return cz_render_plan_load_day(path, 0, p, err, errlen);
}

int
cz_render_plan_load_day(const char *path, int day, struct cz_render_plan *p,
    char *err, size_t errlen)
{
	FILE *fp;
	char *buf = NULL;
	size_t n;
	int rc = -1;

	if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "cannot read the plan %s: %s", path,
		    strerror(errno));
		return -1;
	}
	if ((buf = malloc(CZ_PLAN_DOC_MAX_BYTES + 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	n = fread(buf, 1, CZ_PLAN_DOC_MAX_BYTES + 1, fp);
	if (ferror(fp)) {
		snprintf(err, errlen, "cannot read the plan %s: %s", path,
		    strerror(errno));
		goto err;
	}
	if (n > CZ_PLAN_DOC_MAX_BYTES) {
		snprintf(err, errlen, "the plan %s is larger than %d bytes", path,
		    CZ_PLAN_DOC_MAX_BYTES);
		goto err;
	}
	buf[n] = '\0';
	if (memchr(buf, '\0', n) != NULL) {
		snprintf(err, errlen, "the plan %s: not valid JSON: NUL byte", path);
		goto err;
	}
	if (cz_render_plan_parse_day(buf, day, p, err, errlen) != 0) {
		/* Prefix the file name to the parser's message. */
		char tmp[512];

		snprintf(tmp, sizeof(tmp), "the plan %s: %s", path, err);
		snprintf(err, errlen, "%s", tmp);
		goto err;
	}
	rc = 0;
err:
	free(buf);
	fclose(fp);
	return rc;
}
