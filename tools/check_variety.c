/*
 * check_variety.c - how much variety the catalog gives every request the
 * plan form can make (issue 12, "Variety"; docs/planner-rules.md).
 *
 *   check_variety [--worst N] [--plans] [--seed S] CONNINFO
 *
 * Loads the planning catalog from the database at CONNINFO and, for every
 * diet with every set of up to four of the form's restrictions (6 x 256
 * combinations), counts the dishes each meal slot may draw from
 * (cz_plan_template_ok, the planner's own rule) and the distinct dishes
 * a 7-day, 3-meal week can hold: min(n, 7) breakfasts + lunches +
 * dinners, at most 21. The N worst combinations are printed (10 by
 * default).
 *
 * With --plans it also plans each combination (7 days, 3 meals, 2,000
 * kcal, seed S, 12 by default) and reports the plans made, their distinct
 * dishes and the most times one dish appears (at most twice: every
 * combination has 7 dishes a slot); checks that the plan document's
 * "repeats" lists exactly the dishes served more than twice (also for
 * each diet with all nine restrictions and two snacks a day, where the
 * catalog cannot avoid a third serving: one such listing at least) and
 * that the plan read back from its document (as a swap reads the stored
 * plan) writes the same document; and asks each plan for "another
 * dinner" on day 1 (cz_plan_alternatives): it must find one whenever the
 * slot has a dish the week does not already hold.
 *
 * Exits 1 when the catalog has fewer than 300 dishes, a diet fewer than
 * 40, a combination fewer than 21 distinct dishes, or (with --plans) a
 * plan serves a dish 3 times, its document's "repeats" disagrees, it does
 * not read back to itself, or "another dinner" fails while an alternative
 * exists; 2 on a usage or database error.
 */
#include "config.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <libpq-fe.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "numparse.h"
#include "plan_doc.h"
#include "planner.h"

#define MIN_DISHES	300
#define MIN_PER_DIET	40
#define WEEK		7	/* days; a slot's dishes count up to this */
#define MIN_DISTINCT	(3 * WEEK)
#define MAX_RESTRICT	4	/* restrictions of a combination, at most */
#define MAX_COMBOS	(CZ_DIET__MAX << CZ_RESTRICTIONS__MAX)
#define EXTRA_KCAL	3400	/* lunch and dinner then take a side each */

struct combo {
	enum cz_diet	 diet;
	unsigned int	 restrictions;
	int		 n[CZ_SLOT__MAX];	/* dishes per slot */
	int		 distinct;		/* of a 3-meal week */
	/* --plans */
	int		 planned;		/* 1: feasible */
	int		 plan_distinct, plan_max_repeat;
	int		 over_twice;		/* dishes served 3+ times */
	int		 doc_repeats;		/* "repeats" of its document */
	int		 round_trip;		/* read back, the same document */
	int		 alt_ok;		/* -1: not asked */
	char		 alt_err[160];		/* why not, when 0 */
};

static int
popcount(unsigned int x)
{
	int n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/* "gluten_free+soy_free", or "none", into buf. */
static const char *
restrictions_str(unsigned int r, char *buf, size_t len)
{
	size_t o = 0;
	int k;

	buf[0] = '\0';
	for (k = 0; k < CZ_RESTRICTIONS__MAX; k++)
		if (r & 1u << k)
			o += (size_t)snprintf(buf + o, o < len ? len - o : 0,
			    "%s%s", o > 0 ? "+" : "", cz_restriction_name(k));
	if (o == 0)
		snprintf(buf, len, "none");
	return buf;
}

static int
combo_cmp(const void *a, const void *b)
{
	const struct combo *x = a, *y = b;
	int mx, my;

	if (x->distinct != y->distinct)
		return x->distinct - y->distinct;
	mx = x->n[CZ_SLOT_BREAKFAST] + x->n[CZ_SLOT_LUNCH] + x->n[CZ_SLOT_DINNER];
	my = y->n[CZ_SLOT_BREAKFAST] + y->n[CZ_SLOT_LUNCH] + y->n[CZ_SLOT_DINNER];
	if (mx != my)
		return mx - my;
	if (x->diet != y->diet)
		return (int)x->diet - (int)y->diet;
	return (x->restrictions > y->restrictions) -
	    (x->restrictions < y->restrictions);
}

/*
 * The number of entries of "repeats" in the plan document of plan (-1
 * when it cannot be written or read) into *repeats; returns whether the
 * plan read back from its document (as a swap or regeneration reads the
 * stored plan) writes the same document again.
 */
static int
doc_check(const struct cz_catalog *cat, const struct cz_plan_request *req,
    const struct cz_plan *plan, int *repeats)
{
	static cz_arena *a;
	static struct cz_plan back;
	struct json_object *doc, *rep;
	cz_buf buf, again;
	char err[256];
	int same = 0;

	*repeats = -1;
	if (a == NULL && (a = cz_arena_new(64 * 1024)) == NULL)
		return 0;
	cz_buf_init(&buf, 0);
	cz_buf_init(&again, 0);
	if (cz_plan_document_write(cat, req, plan, a, &buf) == 0 &&
	    buf.data != NULL &&
	    (doc = json_tokener_parse(buf.data)) != NULL) {
		if (json_object_object_get_ex(doc, "repeats", &rep) &&
		    json_object_is_type(rep, json_type_array))
			*repeats = (int)json_object_array_length(rep);
		same = cz_plan_from_document(cat, req, doc, &back, err,
		    sizeof(err)) == 0 &&
		    cz_plan_document_write(cat, req, &back, a, &again) == 0 &&
		    again.data != NULL && strcmp(buf.data, again.data) == 0;
		json_object_put(doc);
	}
	cz_buf_free(&buf);
	cz_buf_free(&again);
	cz_arena_reset(a);
	return same;
}

/* Plans combination c at calories a day and asks for another dinner on
 * day 1. */
static void
plan_combo(const struct cz_catalog *cat, struct combo *c, uint64_t seed,
    enum cz_pattern pattern, int calories, struct cz_plan *plan,
    struct cz_plan_alternative *alt)
{
	static unsigned short times[1024];
	struct cz_plan_request req;
	char err[256];
	size_t t;
	int d, m, dinner = -1;

	memset(&req, 0, sizeof(req));
	req.calories = calories;
	req.diet = c->diet;
	req.pattern = pattern;
	req.restrictions = c->restrictions;
	req.days = WEEK;
	req.seed = seed;
	c->alt_ok = -1;
	if (cz_plan_make(cat, &req, plan, err, sizeof(err)) == -1 ||
	    !plan->feasible)
		return;
	c->planned = 1;
	memset(times, 0, sizeof(times));
	for (d = 0; d < plan->ndays; d++)
		for (m = 0; m < plan->days[d].nmeals; m++) {
			t = plan->days[d].meals[m].tmpl;
			if (t >= sizeof(times) / sizeof(times[0]))
				continue;
			if (times[t]++ == 0)
				c->plan_distinct++;
			if (times[t] > c->plan_max_repeat)
				c->plan_max_repeat = times[t];
			c->over_twice += times[t] == 3;
			if (d == 0 && cat->templates[t].slot == CZ_SLOT_DINNER)
				dinner = m;
		}
	c->round_trip = doc_check(cat, &req, plan, &c->doc_repeats);
	/* Another dinner exists when the slot has more dishes than the
	 * week's dinners (they never repeat). */
	if (dinner >= 0 && c->n[CZ_SLOT_DINNER] > plan->ndays)
		c->alt_ok = cz_plan_alternatives(cat, &req, plan, 0, dinner,
		    7, alt, 1, c->alt_err, sizeof(c->alt_err)) > 0;
	/* What binds, in the words of a redraw of the same meal. */
	if (c->alt_ok == 0 && cz_plan_regenerate_meal(cat, &req, plan, 0,
	    dinner, 7, err, sizeof(err)) != 0)
		snprintf(c->alt_err + strlen(c->alt_err),
		    sizeof(c->alt_err) - strlen(c->alt_err), " (%s)", err);
}

static void
usage(void)
{
	fprintf(stderr, "usage: check_variety [--worst N] [--plans] "
	    "[--seed S] CONNINFO\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "worst",	required_argument,	NULL, 'w' },
		{ "plans",	no_argument,		NULL, 'p' },
		{ "seed",	required_argument,	NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	static struct combo combos[MAX_COMBOS];
	static struct cz_plan plan;
	static struct cz_plan_alternative alt[1];
	struct cz_catalog *cat = NULL;
	const struct cz_cat_template *tm;
	struct cz_plan_request req;
	struct combo *c;
	const char *errstr;
	char err[256], rbuf[160];
	size_t ncombos = 0, i, worst = 10;
	uint64_t seed = 12;
	int per_diet[CZ_DIET__MAX], ch, d, s, bad = 0, plans = 0;
	int nplanned = 0, nalt = 0, altfail = 0, low = 0, repeat3 = 0;
	int docbad = 0, nextra = 0, listed = 0, notrip = 0;
	struct combo extra;
	unsigned int r;
	PGconn *conn;

	while ((ch = getopt_long(argc, argv, "w:ps:", opts, NULL)) != -1) {
		if (ch == 'w') {
			worst = (size_t)cz_strtonum(optarg, 0, MAX_COMBOS,
			    &errstr);
			if (errstr != NULL)
				usage();
		} else if (ch == 'p')
			plans = 1;
		else if (ch == 's') {
			seed = (uint64_t)cz_strtonum(optarg, 0, INT64_MAX,
			    &errstr);
			if (errstr != NULL)
				usage();
		}
		else
			usage();
	}
	if (optind != argc - 1)
		usage();
	conn = PQconnectdb(argv[optind]);
	if (PQstatus(conn) != CONNECTION_OK) {
		fprintf(stderr, "check_variety: %s", PQerrorMessage(conn));
		PQfinish(conn);
		return 2;
	}
	if (cz_catalog_load(conn, &cat, err, sizeof(err)) == -1) {
		fprintf(stderr, "check_variety: %s\n", err);
		PQfinish(conn);
		return 2;
	}
	PQfinish(conn);

	/* Dishes per diet, no restriction. */
	memset(per_diet, 0, sizeof(per_diet));
	memset(&req, 0, sizeof(req));
	for (d = 0; d < CZ_DIET__MAX; d++) {
		req.diet = (enum cz_diet)d;
		for (i = 0; i < cat->ntemplates; i++)
			per_diet[d] += cz_plan_template_ok(cat,
			    &cat->templates[i], &req);
	}
	printf("dishes: %zu (want >= %d)\n", cat->ntemplates, MIN_DISHES);
	if (cat->ntemplates < MIN_DISHES)
		bad = 1;
	for (d = 0; d < CZ_DIET__MAX; d++) {
		printf("  %-14s %4d (want >= %d)\n", cz_diet_name(d),
		    per_diet[d], MIN_PER_DIET);
		if (per_diet[d] < MIN_PER_DIET)
			bad = 1;
	}

	/* Every diet with every set of up to MAX_RESTRICT restrictions. */
	for (d = 0; d < CZ_DIET__MAX; d++)
		for (r = 0; r < 1u << CZ_RESTRICTIONS__MAX; r++) {
			if (popcount(r) > MAX_RESTRICT)
				continue;
			c = &combos[ncombos++];
			memset(c, 0, sizeof(*c));
			c->diet = (enum cz_diet)d;
			c->restrictions = r;
			req.diet = c->diet;
			req.restrictions = r;
			for (i = 0; i < cat->ntemplates; i++) {
				tm = &cat->templates[i];
				c->n[tm->slot] += cz_plan_template_ok(cat, tm,
				    &req);
			}
			for (s = 0; s < CZ_SLOT__MAX; s++)
				if (s != CZ_SLOT_SNACK)
					c->distinct += c->n[s] < WEEK ?
					    c->n[s] : WEEK;
			low += c->distinct < MIN_DISTINCT;
			if (plans) {
				plan_combo(cat, c, seed, CZ_PATTERN_3_MEALS,
				    2000, &plan, alt);
				nplanned += c->planned;
				repeat3 += c->plan_max_repeat > 2;
				docbad += c->planned &&
				    c->doc_repeats != c->over_twice;
				notrip += c->planned && !c->round_trip;
				nalt += c->alt_ok >= 0;
				altfail += c->alt_ok == 0;
			}
		}
	/* Beyond the form: every diet with all nine restrictions, two
	 * snacks a day and, at EXTRA_KCAL, a side from the snacks with lunch
	 * and dinner has too few snacks for 28 servings without a third,
	 * which the document must then list. */
	if (plans)
		for (d = 0; d < CZ_DIET__MAX; d++) {
			memset(&extra, 0, sizeof(extra));
			extra.diet = (enum cz_diet)d;
			extra.restrictions = (1u << CZ_RESTRICTIONS__MAX) - 1;
			req.diet = extra.diet;
			req.restrictions = extra.restrictions;
			for (i = 0; i < cat->ntemplates; i++)
				extra.n[cat->templates[i].slot] +=
				    cz_plan_template_ok(cat, &cat->templates[i],
				    &req);
			plan_combo(cat, &extra, seed,
			    CZ_PATTERN_3_MEALS_2_SNACKS, EXTRA_KCAL, &plan,
			    alt);
			if (!extra.planned)
				continue;
			nextra++;
			docbad += extra.doc_repeats != extra.over_twice;
			listed += extra.doc_repeats > 0 &&
			    extra.doc_repeats == extra.over_twice;
		}
	qsort(combos, ncombos, sizeof(combos[0]), combo_cmp);
	printf("combinations: %zu (%d diets x every set of up to %d of %d "
	    "restrictions)\n", ncombos, CZ_DIET__MAX, MAX_RESTRICT,
	    CZ_RESTRICTIONS__MAX);
	printf("below %d distinct dishes for a 3-meal week: %d\n",
	    MIN_DISTINCT, low);
	if (low > 0)
		bad = 1;
	if (plans) {
		printf("plans made (7 days, 3 meals, 2000 kcal): %d of %zu; "
		    "with a dish more than twice: %d\n", nplanned, ncombos,
		    repeat3);
		printf("plans with every restriction, 2 snacks a day and "
		    "sides (%d kcal): %d made, %d with dishes served 3+ "
		    "times, all listed in \"repeats\"\n", EXTRA_KCAL,
		    nextra, listed);
		printf("plan documents whose \"repeats\" miss or invent a "
		    "dish served 3+ times: %d\n", docbad);
		printf("plans whose document reads back to another: %d\n",
		    notrip);
		printf("another dinner on day 1: %d asked, %d failed\n", nalt,
		    altfail);
		/* Every combination has 7+ breakfasts and lunches, so a
		 * 3-meal week never needs a dish 3 times. */
		if (altfail > 0 || docbad > 0 || listed == 0 || notrip > 0 ||
		    (low == 0 && repeat3 > 0))
			bad = 1;
	}
	printf("worst %zu:\n  %-5s %-5s %-5s %-5s %-8s %s\n", worst,
	    "brk", "lunch", "dinr", "snack", "distinct", "diet + restrictions");
	for (i = 0; i < ncombos && i < worst; i++) {
		c = &combos[i];
		printf("  %-5d %-5d %-5d %-5d %-8d %s + %s", c->n[0], c->n[1],
		    c->n[2], c->n[3], c->distinct, cz_diet_name(c->diet),
		    restrictions_str(c->restrictions, rbuf, sizeof(rbuf)));
		if (plans && c->planned)
			printf("  (plan: %d distinct, a dish %dx)",
			    c->plan_distinct, c->plan_max_repeat);
		else if (plans)
			printf("  (no plan)");
		printf("\n");
	}
	if (plans && altfail > 0)
		for (i = 0; i < ncombos; i++)
			if (combos[i].alt_ok == 0)
				printf("another dinner failed: %s + %s: %s\n",
				    cz_diet_name(combos[i].diet),
				    restrictions_str(combos[i].restrictions,
				    rbuf, sizeof(rbuf)), combos[i].alt_err);
	cz_catalog_free(cat);
	printf("%s\n", bad ? "FAIL" : "OK");
	return bad;
}
