/*
 * admin_plan.c - cibozer-admin plan and plan-check: one plan as JSON for
 * people, and a property test of the planner over many random requests
 * that re-checks every target of every plan from its grams.
 */
#include "config.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "admin.h"
#include "catalog.h"
#include "db.h"
#include "intakes.h"
#include "numparse.h"
#include "arena.h"
#include "plan_doc.h"
#include "plan_suggest.h"
#include "planner.h"
#include "settings.h"

#define PLAN_TIMEOUT_MS		60000
#define EXIT_INFEASIBLE		3
#define MAX_REASONS		32
#define CHECK_EPS		1e-9	/* float noise allowed on the limits */

/* The targets plan-check re-checks, with their worst values. */
enum check {
	CHECK_ENERGY,		/* |energy / target - 1|, % */
	CHECK_PROTEIN,		/* |share - target|, points */
	CHECK_FAT,
	CHECK_CARBS,
	CHECK_NET_CARBS,	/* g (keto) */
	CHECK_FIBER,		/* g below the minimum (negative: margin) */
	CHECK_SODIUM,		/* mg */
	/* The portion rules (issue 12, docs/planner-rules.md). */
	CHECK_EGGS_DISH,	/* eggs in one dish */
	CHECK_EGGS_DAY,		/* eggs a day */
	CHECK_FAT_DISH,		/* g of added fat in one dish */
	CHECK_FAT_SHARE,	/* % of a dish's energy from added fat */
	CHECK_FAT_DAY,		/* % of a day's energy from added fat */
	CHECK_BRAZIL,		/* Brazil nut kernels a day */
	CHECK_LIVER,		/* g of liver a day */
	CHECK_LIVER_DAYS,	/* days with liver in a plan */
	CHECK_HALF_UNITS,	/* small countables shown in part units */
	CHECK_TITLE_RANK,	/* a dish's title ingredient's rank */
	CHECK_TITLE_RATIO,	/* its largest other item over it */
	CHECK_UL,		/* first of the CZ_LIMIT__MAX daily limits */
	CHECK__MAX = CHECK_UL + CZ_LIMIT__MAX
};

/* The foods the rules name, by NDB number (sql/019_portion_rules.sql). */
#define NDB_EGG		"01129"
#define NDB_BRAZIL	"12078"
#define NDB_LIVER	"05028"
#define EGG_G		50.0	/* one egg */
#define KERNEL_G	5.0	/* one Brazil nut */
#define SMALL_UNIT_G	60.0	/* a countable below this: whole units */

static const struct {
	const char	*name;
	const char	*unit;
	double		 limit;		/* a value above it is a violation */
} checks[CHECK__MAX] = {
	[CHECK_ENERGY] =	{ "energy deviation", "%",
				  CZ_PLAN_ENERGY_TOL_PCT },
	[CHECK_PROTEIN] =	{ "protein share deviation", "points",
				  CZ_PLAN_SHARE_TOL_PTS },
	[CHECK_FAT] =		{ "fat share deviation", "points",
				  CZ_PLAN_SHARE_TOL_PTS },
	[CHECK_CARBS] =		{ "carb share deviation", "points",
				  CZ_PLAN_SHARE_TOL_PTS },
	[CHECK_NET_CARBS] =	{ "keto net carbs", "g", 20.0 },
	[CHECK_FIBER] =		{ "fiber shortfall", "g", 0.0 },
	[CHECK_SODIUM] =	{ "sodium", "mg", 2300.0 },
	[CHECK_EGGS_DISH] =	{ "eggs in a dish", "eggs", 3 },
	[CHECK_EGGS_DAY] =	{ "eggs a day", "eggs", 4 },
	[CHECK_FAT_DISH] =	{ "added fat in a dish", "g",
				  CZ_PLAN_DISH_ADDED_FAT_G },
	[CHECK_FAT_SHARE] =	{ "dish energy from added fat", "%",
				  CZ_PLAN_DISH_FAT_SHARE * 100 },
	[CHECK_FAT_DAY] =	{ "day energy from added fat", "%",
				  CZ_PLAN_DAY_ADDED_FAT_SHARE * 100 },
	[CHECK_BRAZIL] =	{ "Brazil nut kernels a day", "kernels", 2 },
	[CHECK_LIVER] =		{ "liver a day", "g", 100 },
	[CHECK_LIVER_DAYS] =	{ "days with liver in a plan", "days", 1 },
	[CHECK_HALF_UNITS] =	{ "small countables in part units", "items",
				  0 },
	[CHECK_TITLE_RANK] =	{ "title ingredient's rank in its dish", "",
				  2 },
	/* the rule's ratio is per dish: this is the excess over it */
	[CHECK_TITLE_RATIO] =	{ "title ingredient's ratio excess", "x", 0 },
	[CHECK_UL + CZ_LIMIT_SELENIUM] = { "selenium a day", "ug", 400 },
	[CHECK_UL + CZ_LIMIT_RETINOL] = { "retinol a day", "ug", 3000 },
	[CHECK_UL + CZ_LIMIT_ZINC] = { "zinc a day", "mg", 40 },
	[CHECK_UL + CZ_LIMIT_IRON] = { "iron a day", "mg", 45 },
	[CHECK_UL + CZ_LIMIT_CALCIUM] = { "calcium a day", "mg", 2500 },
	[CHECK_UL + CZ_LIMIT_FIBER] = { "fiber a day", "g", 70 },
};

struct check_stats {
	double		 worst[CHECK__MAX];
	int		 seen[CHECK__MAX];
	long		 violations;
	char		 reasons[MAX_REASONS][128];
	long		 nreason[MAX_REASONS];
	int		 nreasons;
	long		 ninfeasible;
	/* Requests and feasible plans by calorie band and by meal pattern. */
	long		 band_n[4], band_ok[4];
	long		 pat_n[CZ_PATTERN__MAX], pat_ok[CZ_PATTERN__MAX];
	long		 nregen, nregen_ok;
	long		 nregen_day, nregen_day_ok;
	long		 ndishes, ndishes_oily;	/* >= 50% from added fat */
	long		 ntitled;		/* dishes with a title rule */
	/* Days reaching 100 % and 80 % of each reference intake
	 * (lib/intakes.h), the soft goals the solver pursues. */
	long		 intake_days;
	long		 intake100[CZ_INTAKES], intake80[CZ_INTAKES];
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct cz_catalog *
admin_load_catalog(const struct cz_settings *s)
{
	struct cz_catalog *cat = NULL;
	PGconn *conn;
	char err[1024];

	if ((conn = admin_connect(s, PLAN_TIMEOUT_MS)) == NULL)
		return NULL;
	if (cz_catalog_load(conn, &cat, err, sizeof(err)) == -1)
		fprintf(stderr, "cibozer-admin: %s\n", err);
	PQfinish(conn);
	return cat;
}

/* ------------------------------------------------------------------------
 * plan-check
 */

static void
violation(struct check_stats *st, size_t n, int day, const char *what,
    double value)
{
	st->violations++;
	if (st->violations <= 20)
		fprintf(stderr, "VIOLATION: request %zu day %d: %s (%.4f)\n",
		    n, day + 1, what, value);
}

static void
worst(struct check_stats *st, enum check c, double v)
{
	if (!st->seen[c] || v > st->worst[c])
		st->worst[c] = v;
	st->seen[c] = 1;
}

/* Whether the household amount of grams of f is a part (1/4, 1/2, 3/4)
 * of a small countable unit: "2 1/2 fig", "14 1/2 kernel". */
static int
part_unit(const struct cz_cat_food *f, double grams)
{
	static const char *const small_units[] = { "kernel", "nut", "almond",
	    "peanut", "fig", "date", "half", "olive", "sardine", "box",
	    "miniature", "packet", "piece", "raisin", NULL };
	const struct cz_measure *m;
	char text[128];
	int i, k;

	i = cz_measure_describe(f->measures, f->nmeasures, grams, text,
	    sizeof(text));
	if (i < 0)
		return 0;
	m = &f->measures[i];
	if (!(m->amount > 0) || m->grams / m->amount >= SMALL_UNIT_G)
		return 0;
	/* An egg, or a piece counted by its own name: a kernel, a nut, a fig,
	 * a date, an apricot half, an olive, a sardine, a box or a packet. */
	if (strcmp(f->ndb, NDB_EGG) != 0) {
		for (k = 0; small_units[k] != NULL; k++)
			if (strncmp(m->name, small_units[k],
			    strlen(small_units[k])) == 0)
				break;
		if (small_units[k] == NULL)
			return 0;
	}
	return strstr(text, "\xc2\xbc") != NULL ||
	    strstr(text, "\xc2\xbd") != NULL ||
	    strstr(text, "\xc2\xbe") != NULL;
}

/*
 * The title rule of meal m of day (lib/planner.h, CZ_PLAN_TITLE_RATIO)
 * from its grams: its title ingredient's rank by the rule's measure into
 * *rank (1: largest), and by how much its largest other item exceeds the
 * ratio allowed into *excess (0 when within).
 */
static void
title_check(const struct cz_catalog *cat, const struct cz_plan_day *day,
    int m, double *rank, double *excess)
{
	const struct cz_cat_template *tm;
	double v[CZ_PLAN_MAX_ITEMS], vt = -1, ratio, top = 0;
	size_t i, t, big, tf;
	int by_energy, above = 0;

	*rank = 0;
	*excess = 0;
	tm = &cat->templates[day->meals[m].tmpl];
	if (cz_plan_title_rule(cat, tm, &t, &big, &by_energy, &ratio) == -1)
		return;
	tf = tm->items[t].food;
	for (i = 0; i < day->nitems; i++) {
		if (day->items[i].meal != m)
			continue;
		v[i] = day->items[i].grams * (by_energy ?
		    cat->foods[day->items[i].food].kcal : 1.0);
		if (day->items[i].food == tf)
			vt = v[i];
	}
	for (i = 0; i < day->nitems; i++) {
		if (day->items[i].meal != m || day->items[i].food == tf)
			continue;
		above += v[i] > vt * (1 + 1e-9);
		top = fmax(top, v[i]);
	}
	*rank = 1 + above;
	if (vt > 0 && top > ratio * vt * (1 + 1e-9))
		*excess = top / vt - ratio;
}

/*
 * The portion rules of one day into dev[CHECK_EGGS_DISH ..]: from its
 * grams and the catalog's foods alone, not from what the solver was told.
 */
static void
portion_checks(const struct cz_catalog *cat, const struct cz_plan_day *day,
    double kcal, double *dev, struct check_stats *st)
{
	const struct cz_cat_food *f;
	double eggs[CZ_PLAN_MAX_MEALS] = { 0 }, fat[CZ_PLAN_MAX_MEALS] = { 0 };
	double fatk[CZ_PLAN_MAX_MEALS] = { 0 }, dish[CZ_PLAN_MAX_MEALS] = { 0 };
	double g, dayfat = 0, rank, excess;
	size_t i;
	int c, m, l;

	for (c = CHECK_EGGS_DISH; c < CHECK__MAX; c++)
		dev[c] = 0;
	for (i = 0; i < day->nitems; i++) {
		f = &cat->foods[day->items[i].food];
		g = day->items[i].grams;
		m = day->items[i].meal;
		if (m < 0 || m >= CZ_PLAN_MAX_MEALS)
			continue;
		dish[m] += f->kcal * g;
		if (strcmp(f->ndb, NDB_EGG) == 0) {
			eggs[m] += g / EGG_G;
			dev[CHECK_EGGS_DAY] += g / EGG_G;
		}
		if (f->added_fat) {
			fat[m] += g;
			fatk[m] += f->kcal * g;
			dayfat += g;
		}
		if (strcmp(f->ndb, NDB_BRAZIL) == 0)
			dev[CHECK_BRAZIL] += g / KERNEL_G;
		if (strcmp(f->ndb, NDB_LIVER) == 0)
			dev[CHECK_LIVER] += g;
		dev[CHECK_HALF_UNITS] += part_unit(f, g);
		for (l = 0; l < CZ_LIMIT__MAX; l++)
			dev[CHECK_UL + l] += cz_plan_limit_per_g(f, l) * g;
	}
	for (m = 0; m < day->nmeals && m < CZ_PLAN_MAX_MEALS; m++) {
		title_check(cat, day, m, &rank, &excess);
		dev[CHECK_TITLE_RANK] = fmax(dev[CHECK_TITLE_RANK], rank);
		dev[CHECK_TITLE_RATIO] = fmax(dev[CHECK_TITLE_RATIO], excess);
		st->ntitled += rank > 0;
		dev[CHECK_EGGS_DISH] = fmax(dev[CHECK_EGGS_DISH], eggs[m]);
		dev[CHECK_FAT_DISH] = fmax(dev[CHECK_FAT_DISH], fat[m]);
		if (dish[m] > 0)
			dev[CHECK_FAT_SHARE] = fmax(dev[CHECK_FAT_SHARE],
			    100 * fatk[m] / dish[m]);
		st->ndishes++;
		st->ndishes_oily += dish[m] > 0 && fatk[m] >= 0.5 * dish[m];
	}
	/* the rule is in grams: the share of the target at 9 kcal/g */
	dev[CHECK_FAT_DAY] = kcal > 0 ? 100 * 9 * dayfat / kcal : 0;
}

/* Counts the day of totals tot against the reference intakes of req's
 * profile. */
static void
intake_counts(const struct cz_plan_request *req,
    const struct cz_nutrients *tot, struct check_stats *st)
{
	const struct cz_intake_ref *refs;
	const char *source;
	double pct;
	int k;

	refs = cz_intake_refs(req->profile, &source);
	st->intake_days++;
	for (k = 0; k < CZ_INTAKES; k++) {
		pct = cz_intake_pct(&refs[k], tot->v[refs[k].nutrient]);
		st->intake100[k] += pct >= 100.0;
		st->intake80[k] += pct >= 80.0;
	}
}

/* Re-checks plan p of request req from its grams alone. */
static void
check_plan(const struct cz_catalog *cat, const struct cz_plan_request *req,
    const struct cz_plan *p, size_t n, struct check_stats *st)
{
	struct cz_pattern_slot slots[CZ_PLAN_MAX_MEALS];
	const struct cz_plan_day *day;
	const struct cz_cat_food *f;
	struct cz_plan_target t;
	struct cz_nutrients tot, x;
	double pp, fp, cp, v, dev[CHECK__MAX];
	int d, d2, m, c, nslots, liver_days = 0;
	size_t i;

	cz_plan_target(req, &t);
	nslots = cz_plan_slots(req, slots);
	if (p->ndays != req->days)
		violation(st, n, 0, "number of days", p->ndays);
	for (d = 0; d < p->ndays; d++) {
		day = &p->days[d];
		if (day->nmeals != nslots)
			violation(st, n, d, "number of meals", day->nmeals);
		for (m = 0; m < day->nmeals && m < nslots; m++) {
			if (day->meals[m].slot != slots[m].slot ||
			    cat->templates[day->meals[m].tmpl].slot !=
			    slots[m].kind)
				violation(st, n, d, "meal slot", m);
			if (slots[m].kind != CZ_SLOT_DINNER)
				continue;
			for (d2 = 0; d2 < d; d2++)
				if (p->days[d2].meals[m].tmpl ==
				    day->meals[m].tmpl)
					violation(st, n, d, "dinner repeated",
					    d2 + 1);
		}
		cz_nutrients_zero(&tot);
		for (i = 0; i < day->nitems; i++) {
			f = &cat->foods[day->items[i].food];
			if (!cz_plan_food_ok(f, req))
				violation(st, n, d, "food breaks the diet, a "
				    "restriction, an exclusion or the profile",
				    (double)day->items[i].food);
			if (!(day->items[i].grams > 0) ||
			    !isfinite(day->items[i].grams))
				violation(st, n, d, "grams",
				    day->items[i].grams);
			cz_nutrients_scale(&f->per100g, day->items[i].grams,
			    &x);
			cz_nutrients_add(&tot, &x);
		}
		cz_macro_shares(&tot, &pp, &fp, &cp);
		dev[CHECK_ENERGY] = fabs(tot.v[CZ_N_ENERGY] / t.energy - 1.0) *
		    100.0;
		dev[CHECK_PROTEIN] = fabs(pp - t.protein_share * 100.0);
		dev[CHECK_FAT] = fabs(fp - t.fat_share * 100.0);
		dev[CHECK_CARBS] = fabs(cp - t.carb_share * 100.0);
		dev[CHECK_NET_CARBS] = cz_net_carbs(tot.v[CZ_N_CARBS],
		    tot.v[CZ_N_FIBER]);
		dev[CHECK_FIBER] = t.fiber_min - tot.v[CZ_N_FIBER];
		dev[CHECK_SODIUM] = tot.v[CZ_N_SODIUM];
		portion_checks(cat, day, t.energy, dev, st);
		intake_counts(req, &tot, st);
		liver_days += dev[CHECK_LIVER] > 0;
		dev[CHECK_LIVER_DAYS] = liver_days;
		for (c = 0; c < CHECK__MAX; c++) {
			if (c == CHECK_NET_CARBS && t.net_carbs_max < 0)
				continue;
			if (c == CHECK_FIBER && !(t.fiber_min > 0))
				continue;
			v = dev[c];
			worst(st, (enum check)c, v);
			if (!(v <= checks[c].limit + CHECK_EPS))
				violation(st, n, d, checks[c].name, v);
		}
	}
}

/* After a regeneration that returned rc (0 done, 1 not possible, -1
 * error in err): re-checks the plan when done. Returns 1 when done. */
static int
check_regenerated(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p, size_t n,
    struct check_stats *st, int rc, const char *err)
{
	if (rc == 0)
		check_plan(cat, req, p, n, st);
	else if (rc != 1)
		violation(st, n, 0, err, 0);
	return rc == 0;
}

static void
count_reason(struct check_stats *st, const char *reason)
{
	char key[128];
	const char *p;
	int i;

	/* "day 3: fiber" counts as "fiber". */
	p = strncmp(reason, "day ", 4) == 0 && (p = strchr(reason, ':')) !=
	    NULL ? p + 2 : reason;
	snprintf(key, sizeof(key), "%s", p);
	for (i = 0; i < st->nreasons; i++)
		if (strcmp(st->reasons[i], key) == 0)
			break;
	if (i == st->nreasons) {
		if (st->nreasons == MAX_REASONS)
			i = MAX_REASONS - 1;
		else
			snprintf(st->reasons[st->nreasons++],
			    sizeof(st->reasons[0]), "%s", key);
	}
	st->nreason[i]++;
}

/* Prints an infeasible request and why, to stderr. */
static void
print_infeasible(const struct cz_plan_request *req, const char *reason)
{
	int k;

	fprintf(stderr, "infeasible: %d kcal %s %s %s", req->calories,
	    cz_diet_name((int)req->diet), cz_pattern_name((int)req->pattern),
	    cz_profile_name((int)req->profile));
	for (k = 0; k < CZ_RESTRICTIONS__MAX; k++)
		if (req->restrictions & 1u << k)
			fprintf(stderr, " %s", cz_restriction_name(k));
	fprintf(stderr, ": %s\n", reason);
}

/* A random valid request as plan-check tests them. */
static void
random_request(uint64_t *rng, struct cz_plan_request *req)
{
	int nr, r;

	memset(req, 0, sizeof(*req));
	req->diet = (enum cz_diet)(cz_plan_random(rng) % CZ_DIET__MAX);
	req->pattern = (enum cz_pattern)(cz_plan_random(rng) %
	    CZ_PATTERN__MAX);
	req->profile = (enum cz_profile)(cz_plan_random(rng) %
	    CZ_PROFILE__MAX);
	req->calories = CZ_PLAN_MIN_KCAL + 50 * (int)(cz_plan_random(rng) %
	    ((CZ_PLAN_MAX_KCAL - CZ_PLAN_MIN_KCAL) / 50 + 1));
	req->days = 7;
	nr = (int)(cz_plan_random(rng) % 3);
	while (nr > 0) {
		r = (int)(cz_plan_random(rng) % CZ_RESTRICTIONS__MAX);
		if (req->restrictions & 1u << r)
			continue;
		req->restrictions |= 1u << r;
		nr--;
	}
	req->seed = cz_plan_random(rng);
}

/* Calorie bands plan-check reports feasibility in. */
static const struct {
	int		 below;
	const char	*name;
} bands[4] = {
	{ 1500, "800-1499 kcal" }, { 2500, "1500-2499 kcal" },
	{ 3500, "2500-3499 kcal" }, { CZ_PLAN_MAX_KCAL + 1, "3500-5000 kcal" },
};

static int
band_of(int kcal)
{
	int b;

	for (b = 0; b < 3 && kcal >= bands[b].below; b++)
		continue;
	return b;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
admin_plan_check(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "count",	required_argument,	NULL, 'n' },
		{ "seed",	required_argument,	NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct cz_catalog *cat = NULL;
	struct check_stats *st = NULL;
	struct cz_plan_request req;
	struct cz_plan *plan = NULL;
	double *ms = NULL, t0;
	const char *errstr;
	char err[256];
	uint64_t rng = 1, rs;
	size_t count = 1000, i, feasible = 0;
	int ch, c, rd, rm, ret = 1;

	while ((ch = getopt_long(argc, argv, "n:s:", opts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			count = (size_t)cz_strtonum(optarg, 1, 10000000,
			    &errstr);
			if (errstr != NULL)
				goto usage;
			break;
		case 's':
			rng = (uint64_t)cz_strtonum(optarg, 0, INT64_MAX,
			    &errstr);
			if (errstr != NULL)
				goto usage;
			break;
		default:
			goto usage;
		}
	}
	if (optind != argc)
		goto usage;
	if ((st = calloc(1, sizeof(*st))) == NULL ||
	    (plan = malloc(sizeof(*plan))) == NULL ||
	    (ms = calloc(count, sizeof(*ms))) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	if ((cat = admin_load_catalog(s)) == NULL)
		goto out;
	for (i = 0; i < count; i++) {
		random_request(&rng, &req);
		t0 = now_ms();
		if (cz_plan_make(cat, &req, plan, err, sizeof(err)) == -1) {
			fprintf(stderr, "cibozer-admin: plan-check: request "
			    "%zu: %s\n", i, err);
			st->violations++;
			continue;
		}
		ms[i] = now_ms() - t0;
		c = band_of(req.calories);
		st->band_n[c]++;
		st->band_ok[c] += plan->feasible;
		st->pat_n[req.pattern]++;
		st->pat_ok[req.pattern] += plan->feasible;
		if (plan->feasible) {
			feasible++;
			check_plan(cat, &req, plan, i, st);
			/* Every tenth plan: regenerate one meal, then one day,
			 * and check again (draws in a fixed order). */
			if (i % 10 == 0) {
				rd = (int)(cz_plan_random(&rng) %
				    (uint64_t)req.days);
				rm = (int)(cz_plan_random(&rng) %
				    (uint64_t)plan->days[0].nmeals);
				rs = cz_plan_random(&rng);
				st->nregen++;
				st->nregen_ok += check_regenerated(cat, &req,
				    plan, i, st, cz_plan_regenerate_meal(cat,
				    &req, plan, rd, rm, rs, err, sizeof(err)),
				    err);
				rd = (int)(cz_plan_random(&rng) %
				    (uint64_t)req.days);
				rs = cz_plan_random(&rng);
				st->nregen_day++;
				st->nregen_day_ok += check_regenerated(cat, &req,
				    plan, i, st, cz_plan_regenerate_day(cat, &req,
				    plan, rd, rs, err, sizeof(err)), err);
			}
		} else {
			if (st->ninfeasible++ < 40)
				print_infeasible(&req, plan->reason);
			count_reason(st, plan->reason);
		}
	}
	qsort(ms, count, sizeof(*ms), cmp_double);
	printf("plan-check: %zu requests (7 days each), %zu feasible "
	    "(%.1f%%), %zu infeasible\n", count, feasible,
	    100.0 * (double)feasible / (double)count, count - feasible);
	for (c = 0; c < st->nreasons; c++)
		printf("  infeasible: %s: %ld\n", st->reasons[c],
		    st->nreason[c]);
	for (c = 0; c < 4; c++)
		if (st->band_n[c] > 0)
			printf("  feasible at %s: %.1f%% of %ld\n", bands[c].name,
			    100.0 * (double)st->band_ok[c] /
			    (double)st->band_n[c], st->band_n[c]);
	for (c = 0; c < CZ_PATTERN__MAX; c++)
		if (st->pat_n[c] > 0)
			printf("  feasible with %s: %.1f%% of %ld\n",
			    cz_pattern_name(c), 100.0 * (double)st->pat_ok[c] /
			    (double)st->pat_n[c], st->pat_n[c]);
	for (c = 0; c < CHECK__MAX; c++)
		if (st->seen[c])
			printf("  worst %s: %.3f %s (limit %.0f)\n",
			    checks[c].name, st->worst[c], checks[c].unit,
			    checks[c].limit);
	printf("  dishes with >= 50%% of their energy from added fat: %ld of "
	    "%ld\n", st->ndishes_oily, st->ndishes);
	printf("  dishes with a title ingredient checked: %ld of %ld\n",
	    st->ntitled, st->ndishes);
	if (st->intake_days > 0) {
		const struct cz_intake_ref *refs;
		const char *source;

		refs = cz_intake_refs(CZ_PROFILE_NONE, &source);
		printf("  days reaching a reference intake (>= 100%% / >= 80%%):"
		    "\n");
		for (c = 0; c < CZ_INTAKES; c++)
			printf("    %-12s %5.1f%% / %5.1f%% of %ld days\n",
			    cz_nutrient_info((int)refs[c].nutrient)->key,
			    100.0 * (double)st->intake100[c] /
			    (double)st->intake_days,
			    100.0 * (double)st->intake80[c] /
			    (double)st->intake_days, st->intake_days);
	}
	printf("  regenerated one meal of %ld plans: %ld solved, re-checked\n",
	    st->nregen, st->nregen_ok);
	printf("  regenerated one day of %ld plans: %ld solved, re-checked\n",
	    st->nregen_day, st->nregen_day_ok);
	printf("  time per plan: median %.2f ms, p99 %.2f ms, max %.2f ms\n",
	    ms[count / 2], ms[(size_t)((double)(count - 1) * 0.99)],
	    ms[count - 1]);
	printf("  violations: %ld\n", st->violations);
	ret = st->violations == 0 ? 0 : 1;
	goto out;
usage:
	fprintf(stderr, "usage: cibozer-admin plan-check [--count N] "
	    "[--seed S]\n");
	ret = 2;
out:
	cz_catalog_free(cat);
	free(ms);
	free(plan);
	free(st);
	return ret;
}

/* ------------------------------------------------------------------------
 * plan
 */

/* Parses a comma-separated list with by_name into a restriction mask or
 * the excluded NDB numbers of req. */
static int
parse_list(char *s, struct cz_plan_request *req, int restrictions)
{
	char *w, *last;
	int r;

	for (w = strtok_r(s, ",", &last); w != NULL;
	    w = strtok_r(NULL, ",", &last)) {
		if (restrictions) {
			if ((r = cz_restriction_by_name(w)) == -1)
				return -1;
			req->restrictions |= 1u << r;
		} else {
			if (req->nexcluded == CZ_PLAN_MAX_EXCLUDED ||
			    strlen(w) != 5)
				return -1;
			memcpy(req->excluded[req->nexcluded++], w, 6);
		}
	}
	return 0;
}

static void
plan_usage(void)
{
	fprintf(stderr, "usage: cibozer-admin plan --calories N --diet DIET "
	    "[--pattern PATTERN]\n"
	    "           [--restrict R,...] [--exclude NDB,...] "
	    "[--profile PROFILE] [--days N] [--seed S]\n"
	    "  exit status: 0 plan printed, 3 infeasible (the reason on "
	    "stderr), 2 usage, 1 error\n");
}

int
admin_plan(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "calories",	required_argument,	NULL, 'c' },
		{ "diet",	required_argument,	NULL, 'd' },
		{ "pattern",	required_argument,	NULL, 'p' },
		{ "restrict",	required_argument,	NULL, 'r' },
		{ "exclude",	required_argument,	NULL, 'x' },
		{ "profile",	required_argument,	NULL, 'P' },
		{ "days",	required_argument,	NULL, 'n' },
		{ "seed",	required_argument,	NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct cz_catalog *cat = NULL;
	struct cz_plan_request req;
	struct cz_plan *plan = NULL;
	cz_arena *arena = NULL;
	json_object *j = NULL;
	const char *errstr = NULL;
	char err[256], reason[128], msg[640];
	struct cz_plan_suggestion sg[CZ_SUGGEST_MAX];
	int ch, v, n, k, ret = 1;

	memset(&req, 0, sizeof(req));
	req.calories = -1;
	req.diet = CZ_DIET__MAX;
	req.pattern = CZ_PATTERN_3_MEALS;
	req.days = 7;
	while ((ch = getopt_long(argc, argv, "c:d:p:r:x:P:n:s:", opts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			req.calories = (int)cz_strtonum(optarg,
			    CZ_PLAN_MIN_KCAL, CZ_PLAN_MAX_KCAL, &errstr);
			break;
		case 'd':
			if ((v = cz_diet_by_name(optarg)) == -1)
				goto usage;
			req.diet = (enum cz_diet)v;
			break;
		case 'p':
			if ((v = cz_pattern_by_name(optarg)) == -1)
				goto usage;
			req.pattern = (enum cz_pattern)v;
			break;
		case 'r':
			if (parse_list(optarg, &req, 1) == -1)
				goto usage;
			break;
		case 'x':
			if (parse_list(optarg, &req, 0) == -1)
				goto usage;
			break;
		case 'P':
			if ((v = cz_profile_by_name(optarg)) == -1)
				goto usage;
			req.profile = (enum cz_profile)v;
			break;
		case 'n':
			req.days = (int)cz_strtonum(optarg, 1,
			    CZ_PLAN_MAX_DAYS, &errstr);
			break;
		case 's':
			req.seed = (uint64_t)cz_strtonum(optarg, 0, INT64_MAX,
			    &errstr);
			break;
		default:
			goto usage;
		}
		if (errstr != NULL)
			goto usage;
	}
	if (optind != argc || req.calories == -1 || req.diet == CZ_DIET__MAX)
		goto usage;
	if (cz_plan_validate(&req, err, sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: plan: %s\n", err);
		ret = 2;
		goto out;
	}
	if ((plan = malloc(sizeof(*plan))) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	if ((cat = admin_load_catalog(s)) == NULL)
		goto out;
	if (cz_plan_make(cat, &req, plan, err, sizeof(err)) == -1) {
		fprintf(stderr, "cibozer-admin: plan: %s\n", err);
		goto out;
	}
	if (!plan->feasible) {
		fprintf(stderr, "cibozer-admin: plan: infeasible: %s\n",
		    plan->reason);
		/* the refusal as the API words it, with its suggestions */
		memcpy(reason, plan->reason, sizeof(reason));
		n = cz_plan_suggest(cat, &req, reason, 2000.0, plan, sg,
		    msg, sizeof(msg));
		fprintf(stderr, "cibozer-admin: plan: %s\n", msg);
		for (k = 0; k < n; k++)
			fprintf(stderr, "cibozer-admin: plan: suggestion: "
			    "%d kcal, %s\n", sg[k].calories,
			    cz_pattern_name((int)sg[k].pattern));
		ret = EXIT_INFEASIBLE;
		goto out;
	}
	if ((arena = cz_arena_new(64 * 1024)) == NULL ||
	    (j = cz_plan_document(cat, &req, plan, arena)) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	printf("%s\n", json_object_to_json_string_ext(j,
	    JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
	ret = 0;
	goto out;
usage:
	plan_usage();
	ret = 2;
out:
	json_object_put(j);
	cz_arena_free(arena);
	cz_catalog_free(cat);
	free(plan);
	return ret;
}
