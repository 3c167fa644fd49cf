/*
 * check_solver.c - unit tests of the one-day portion solver.
 *
 * Item sets are built by hand from USDA SR24 values per 100 g.  Every
 * result is re-checked here from the rounded grams alone, with code
 * independent of the solver's own totals.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "solver.h"

/* One food: SR24 per 100 g, then bounds, step, default and meal. */
struct food {
	const char	*name;
	double		 kcal, prot, fat, carb, fib, na;
	double		 lo, hi, step, def;
	int		 meal;
};

/* Breakfast oats, lunch chicken and rice, salmon dinner, apple snack. */
static const struct food standard_day[] = {
	{ "08120 oats, dry", 379, 13.15, 6.52, 67.7, 10.1, 6,
	    30, 150, 5, 60, 0 },
	{ "09040 banana", 89, 1.09, 0.33, 22.84, 2.6, 1, 118, 236, 118, 118, 0 },
	{ "01077 milk, whole", 61, 3.15, 3.25, 4.8, 0, 43, 100, 500, 10, 250, 0 },
	{ "12061 almonds", 575, 21.22, 49.42, 21.67, 12.2, 1, 10, 60, 5, 20, 0 },
	{ "05064 chicken breast, roasted", 165, 31.02, 3.57, 0, 0, 74,
	    80, 250, 5, 120, 1 },
	{ "20037 brown rice, cooked", 111, 2.58, 0.9, 22.96, 1.8, 5,
	    80, 400, 10, 150, 1 },
	{ "11090 broccoli, raw", 34, 2.82, 0.37, 6.64, 2.6, 33, 50, 250, 10, 100, 1 },
	{ "04053 olive oil", 884, 0, 100, 0, 0, 2, 5, 30, 5, 10, 1 },
	{ "15237 salmon, cooked", 206, 22.1, 12.35, 0, 0, 61, 80, 250, 5, 140, 2 },
	{ "11357 potato, baked", 94, 2.1, 0.15, 21.08, 2.1, 7, 100, 500, 10, 200, 2 },
	{ "11052 green beans", 31, 1.83, 0.22, 6.97, 2.7, 6, 50, 250, 10, 100, 2 },
	{ "04053 olive oil", 884, 0, 100, 0, 0, 2, 5, 30, 5, 10, 2 },
	{ "09003 apple", 52, 0.26, 0.17, 13.81, 2.4, 1, 182, 364, 182, 182, 3 },
	{ "16098 peanut butter", 588, 25.09, 50.39, 19.56, 6, 459,
	    10, 50, 5, 20, 3 },
};

/* Eggs and avocado, salmon and spinach, chicken and cheese, almonds. */
static const struct food keto_day[] = {
	{ "01129 egg, hard-boiled", 155, 12.58, 10.61, 1.12, 0, 124,
	    50, 300, 50, 100, 0 },
	{ "09037 avocado", 160, 2, 14.66, 8.53, 6.7, 7, 50, 300, 10, 100, 0 },
	{ "15237 salmon, cooked", 206, 22.1, 12.35, 0, 0, 61, 60, 250, 5, 140, 1 },
	{ "11457 spinach, raw", 23, 2.86, 0.39, 3.63, 2.2, 79, 30, 200, 10, 60, 1 },
	{ "04053 olive oil", 884, 0, 100, 0, 0, 2, 5, 60, 5, 15, 1 },
	{ "05064 chicken breast, roasted", 165, 31.02, 3.57, 0, 0, 74,
	    60, 250, 5, 120, 2 },
	{ "01009 cheddar", 403, 24.9, 33.14, 1.28, 0, 621, 20, 150, 5, 40, 2 },
	{ "11090 broccoli, raw", 34, 2.82, 0.37, 6.64, 2.6, 33, 50, 200, 10, 80, 2 },
	{ "04053 olive oil", 884, 0, 100, 0, 0, 2, 5, 60, 5, 15, 2 },
	{ "12061 almonds", 575, 21.22, 49.42, 21.67, 12.2, 1, 10, 60, 5, 25, 3 },
};

/* Oats and soy milk, chickpea quinoa bowl, tofu and rice, peanuts. */
static const struct food vegan_day[] = {
	{ "08120 oats, dry", 379, 13.15, 6.52, 67.7, 10.1, 6,
	    30, 150, 5, 60, 0 },
	{ "16223 soymilk", 45, 2.94, 1.99, 3.45, 0.4, 50, 100, 500, 10, 250, 0 },
	{ "09040 banana", 89, 1.09, 0.33, 22.84, 2.6, 1, 118, 236, 118, 118, 0 },
	{ "16057 chickpeas, cooked", 164, 8.86, 2.59, 27.42, 7.6, 7,
	    50, 400, 10, 150, 1 },
	{ "20137 quinoa, cooked", 120, 4.4, 1.92, 21.3, 2.8, 7, 50, 400, 10, 150, 1 },
	{ "11457 spinach, raw", 23, 2.86, 0.39, 3.63, 2.2, 79, 30, 200, 10, 60, 1 },
	{ "04053 olive oil", 884, 0, 100, 0, 0, 2, 5, 40, 5, 10, 1 },
	{ "16126 tofu, firm", 70, 8.19, 4.17, 1.69, 0.9, 12, 80, 400, 10, 150, 2 },
	{ "20037 brown rice, cooked", 111, 2.58, 0.9, 22.96, 1.8, 5,
	    80, 400, 10, 150, 2 },
	{ "11090 broccoli, raw", 34, 2.82, 0.37, 6.64, 2.6, 33, 50, 300, 10, 100, 2 },
	{ "04053 olive oil", 884, 0, 100, 0, 0, 2, 5, 40, 5, 10, 2 },
	{ "16087 peanuts", 567, 25.8, 49.24, 16.13, 8.5, 18, 10, 60, 5, 25, 3 },
	{ "09003 apple", 52, 0.26, 0.17, 13.81, 2.4, 1, 182, 364, 182, 182, 3 },
};

/* Nothing but starch and fruit: no keto day can be made of it. */
static const struct food starch_day[] = {
	{ "09040 banana", 89, 1.09, 0.33, 22.84, 2.6, 1, 118, 354, 118, 118, 0 },
	{ "20045 white rice, cooked", 130, 2.69, 0.28, 28.17, 0.4, 1,
	    50, 400, 10, 150, 1 },
	{ "11357 potato, baked", 94, 2.1, 0.15, 21.08, 2.1, 7, 50, 500, 10, 200, 2 },
	{ "09003 apple", 52, 0.26, 0.17, 13.81, 2.4, 1, 182, 364, 182, 182, 3 },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define RANDOM_RUNS	2000

static size_t
build(const struct food *f, size_t n, struct cz_solver_item *it)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		it[i].kcal = f[i].kcal / 100.0;
		it[i].protein = f[i].prot / 100.0;
		it[i].fat = f[i].fat / 100.0;
		it[i].carbs = f[i].carb / 100.0;
		it[i].fiber = f[i].fib / 100.0;
		it[i].sodium = f[i].na / 100.0;
		it[i].lo = f[i].lo;
		it[i].hi = f[i].hi;
		it[i].step = f[i].step;
		it[i].def = f[i].def;
		it[i].meal = f[i].meal;
	}
	return n;
}

static void
targets(struct cz_solver_targets *t, double e, double p, double f, double c,
    double fib, double nc)
{
	memset(t, 0, sizeof(*t));
	t->energy = e;
	t->protein_share = p;
	t->fat_share = f;
	t->carb_share = c;
	t->energy_tol = 0.03;
	t->share_tol = 0.05;
	t->fiber_min = fib;
	t->sodium_max = 2300;
	t->net_carbs_max = nc;
}

/* Deviations of one day, recomputed from the grams. */
struct dev {
	double	 energy;	/* relative */
	double	 share[3];	/* absolute, signed */
	double	 fiber, sodium, net_carbs;
};

/*
 * Independent re-check of grams: bounds and steps asserted, the first
 * failing hard constraint returned in the solver's order.
 */
static enum cz_solver_fail
recheck(const struct cz_solver_item *it, size_t n,
    const struct cz_solver_targets *t, const double *g, struct dev *d)
{
	double	 k = 0, pr = 0, fa = 0, ca = 0, fi = 0, na = 0, den, q, sum;
	size_t	 i;

	for (i = 0; i < n; i++) {
		ck_assert_msg(g[i] >= it[i].lo - 1e-9 && g[i] <= it[i].hi + 1e-9,
		    "item %zu: %g g outside [%g, %g]", i, g[i], it[i].lo,
		    it[i].hi);
		q = g[i] / it[i].step;
		ck_assert_msg(fabs(q - round(q)) < 1e-6,
		    "item %zu: %g g not a multiple of %g", i, g[i],
		    it[i].step);
		k += it[i].kcal * g[i];
		pr += it[i].protein * g[i];
		fa += it[i].fat * g[i];
		ca += it[i].carbs * g[i];
		fi += it[i].fiber * g[i];
		na += it[i].sodium * g[i];
	}
	sum = t->protein_share + t->fat_share + t->carb_share;
	den = 4 * pr + 9 * fa + 4 * ca;
	d->energy = (k - t->energy) / t->energy;
	d->share[0] = 4 * pr / den - t->protein_share / sum;
	d->share[1] = 9 * fa / den - t->fat_share / sum;
	d->share[2] = 4 * ca / den - t->carb_share / sum;
	d->fiber = fi;
	d->sodium = na;
	d->net_carbs = ca - fi;
	if (fabs(d->energy) > t->energy_tol)
		return CZ_SOLVER_FAIL_ENERGY;
	if (fabs(d->share[0]) > t->share_tol)
		return CZ_SOLVER_FAIL_PROTEIN;
	if (fabs(d->share[1]) > t->share_tol)
		return CZ_SOLVER_FAIL_FAT;
	if (fabs(d->share[2]) > t->share_tol)
		return CZ_SOLVER_FAIL_CARBS;
	if (t->fiber_min > 0 && fi < t->fiber_min)
		return CZ_SOLVER_FAIL_FIBER;
	if (t->sodium_max > 0 && na > t->sodium_max)
		return CZ_SOLVER_FAIL_SODIUM;
	if (t->net_carbs_max >= 0 && ca - fi > t->net_carbs_max)
		return CZ_SOLVER_FAIL_NET_CARBS;
	return CZ_SOLVER_FAIL_NONE;
}

/*
 * Solve one day that must succeed, re-check it and print it; the
 * result is left in r.
 */
static void
solve_ok(const char *label, const struct food *f, size_t n,
    const struct cz_solver_targets *t, struct cz_solver_result *rp)
{
	struct cz_solver_item	 it[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_result	 r, r2;
	struct dev		 d;
	enum cz_solver_fail	 fail;
	int			 rc;

	build(f, n, it);
	rc = cz_solve_day(it, n, t, &r);
	fail = recheck(it, n, t, r.grams, &d);
	printf("%s %4.0f kcal: rc %d (%s), energy %+.2f%%, shares "
	    "%+.1f/%+.1f/%+.1f pts, fiber %.1f g, sodium %.0f mg, "
	    "net carbs %.1f g, %d iterations\n", label, t->energy, rc,
	    cz_solver_fail_str(r.fail), 100 * d.energy, 100 * d.share[0],
	    100 * d.share[1], 100 * d.share[2], d.fiber, d.sodium,
	    d.net_carbs, r.iterations);
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(r.ok, 1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_NONE);
	ck_assert_msg(fail == CZ_SOLVER_FAIL_NONE, "%s %g kcal: recheck "
	    "fails %s", label, t->energy, cz_solver_fail_str(fail));
	ck_assert(fabs(r.kcal - (1 + d.energy) * t->energy) < 1e-6);

	/* Determinism: the same input gives the identical output. */
	rc = cz_solve_day(it, n, t, &r2);
	ck_assert_int_eq(rc, 0);
	ck_assert(memcmp(&r, &r2, sizeof(r)) == 0);
	*rp = r;
}

static const double energies[] = { 1200, 2000, 2800, 3500 };

START_TEST(standard_days)
{
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	size_t	 i;

	for (i = 0; i < NELEM(energies); i++) {
		targets(&t, energies[i], 0.20, 0.30, 0.50, 25, -1);
		solve_ok("standard", standard_day, NELEM(standard_day), &t,
		    &r);
	}
}
END_TEST

START_TEST(keto_days)
{
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	size_t	 i;

	for (i = 0; i < NELEM(energies); i++) {
		targets(&t, energies[i], 0.20, 0.75, 0.05, 0, 20);
		solve_ok("keto", keto_day, NELEM(keto_day), &t, &r);
	}
}
END_TEST

START_TEST(vegan_days)
{
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	size_t	 i;

	for (i = 0; i < NELEM(energies); i++) {
		targets(&t, energies[i], 0.15, 0.30, 0.55, 30, -1);
		solve_ok("vegan", vegan_day, NELEM(vegan_day), &t, &r);
	}
}
END_TEST

START_TEST(meal_bands)
{
	struct cz_solver_targets t;
	static const double lo[4] = { 0.20, 0.30, 0.30, 0.05 };
	static const double hi[4] = { 0.35, 0.40, 0.40, 0.15 };
	struct cz_solver_result r;
	double	 share[4];
	size_t	 i, j;

	for (i = 0; i < NELEM(energies); i++) {
		targets(&t, energies[i], 0.20, 0.30, 0.50, 25, -1);
		memcpy(t.meal_lo, lo, sizeof(lo));
		memcpy(t.meal_hi, hi, sizeof(hi));
		solve_ok("meals", standard_day, NELEM(standard_day), &t, &r);
		memset(share, 0, sizeof(share));
		for (j = 0; j < NELEM(standard_day); j++)
			share[standard_day[j].meal] += standard_day[j].kcal /
			    100.0 * r.grams[j] / r.kcal;
		printf("  meal shares %.0f/%.0f/%.0f/%.0f%%\n", 100 * share[0],
		    100 * share[1], 100 * share[2], 100 * share[3]);
	}
}
END_TEST

START_TEST(infeasible_keto_from_starch)
{
	struct cz_solver_item	 it[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	struct dev		 d;
	size_t			 n;

	n = build(starch_day, NELEM(starch_day), it);
	targets(&t, 800, 0.20, 0.75, 0.05, 0, 20);
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.ok, 0);
	ck_assert_int_ne(r.fail, CZ_SOLVER_FAIL_NONE);
	ck_assert_int_ne(r.fail, CZ_SOLVER_FAIL_INPUT);
	/* The named constraint is the first one that really fails. */
	ck_assert_int_eq(recheck(it, n, &t, r.grams, &d), r.fail);
	printf("keto from starch: fails %s\n", cz_solver_fail_str(r.fail));
}
END_TEST

START_TEST(infeasible_energy)
{
	struct cz_solver_item	 it[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	struct dev		 d;
	size_t			 n, i;

	n = build(standard_day, NELEM(standard_day), it);
	for (i = 0; i < n; i++) {
		it[i].hi = it[i].lo;
		it[i].def = it[i].lo;
	}
	targets(&t, 5000, 0.20, 0.30, 0.50, 25, -1);
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_ENERGY);
	ck_assert_str_eq(cz_solver_fail_str(r.fail), "energy");
	ck_assert_int_eq(recheck(it, n, &t, r.grams, &d),
	    CZ_SOLVER_FAIL_ENERGY);
	for (i = 0; i < n; i++)
		ck_assert(r.grams[i] == it[i].lo);
}
END_TEST

START_TEST(infeasible_sodium)
{
	struct cz_solver_item	 it[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	struct dev		 d;
	size_t			 n;

	n = build(keto_day, NELEM(keto_day), it);
	targets(&t, 2000, 0.20, 0.75, 0.05, 0, 20);
	t.sodium_max = 200;
	/*
	 * The cheese and eggs cannot go; whichever target the solver gives
	 * up, it must say which, and that must be the first real failure.
	 */
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_ne(r.fail, CZ_SOLVER_FAIL_NONE);
	ck_assert_int_ne(r.fail, CZ_SOLVER_FAIL_INPUT);
	ck_assert_int_eq(recheck(it, n, &t, r.grams, &d), r.fail);
	printf("keto with 200 mg sodium: fails %s (sodium %.0f mg)\n",
	    cz_solver_fail_str(r.fail), d.sodium);
}
END_TEST

START_TEST(invalid_input)
{
	struct cz_solver_item	 it[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	size_t			 n;

	n = build(standard_day, NELEM(standard_day), it);
	targets(&t, 2000, 0.20, 0.30, 0.50, 25, -1);
	ck_assert_int_eq(cz_solve_day(it, 0, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_INPUT);
	ck_assert_int_eq(cz_solve_day(it, CZ_SOLVER_MAX_ITEMS + 1, &t, &r),
	    -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_INPUT);
	ck_assert_int_eq(cz_solve_day(NULL, n, &t, &r), -1);
	ck_assert_int_eq(cz_solve_day(it, n, &t, NULL), -1);

	it[3].step = 0;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_INPUT);
	it[3].step = 5;
	it[3].lo = 11;
	it[3].hi = 14;		/* no multiple of 5 in [11, 14] */
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_INPUT);
	it[3].lo = 10;
	it[3].hi = 60;
	it[3].fat = NAN;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_INPUT);
	it[3].fat = 0.4942;

	t.energy = 0;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_INPUT);
	t.energy = 2000;
	t.protein_share = -0.1;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_INPUT);
	t.protein_share = 0.2;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), 0);

	ck_assert_str_eq(cz_solver_fail_str(CZ_SOLVER_FAIL_NONE), "none");
	ck_assert_str_eq(cz_solver_fail_str(CZ_SOLVER_FAIL_NET_CARBS),
	    "net_carbs");
	ck_assert_str_eq(cz_solver_fail_str(CZ_SOLVER_FAIL__MAX), "unknown");
}
END_TEST

/* A small deterministic generator (64-bit LCG, high bits). */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static double
rng_unit(void)
{
	rng_state = rng_state * 6364136223846793005ULL +
	    1442695040888963407ULL;
	return (double)(rng_state >> 11) / 9007199254740992.0;
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
elapsed_us(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1e6 + (b->tv_nsec - a->tv_nsec) / 1e3;
}

/*
 * RANDOM_RUNS days over one item set: energy in 1200-3500 kcal, each
 * share jittered by up to 3 points around the profile.  Prints the
 * success rate, the worst deviations and the solve times.
 */
static void
random_days(const char *label, const struct food *f, size_t nf,
    double ps, double fs, double cs, double fib, double nc)
{
	static double		 us[RANDOM_RUNS];
	struct cz_solver_item	 it[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	struct timespec		 t0, t1;
	struct dev		 d;
	double			 worst_e = 0, worst_s = 0, min_fib = 1e9;
	double			 max_na = 0, max_nc = 0;
	size_t			 n;
	int			 i, j, ok = 0, agree = 0;
	int			 fails[CZ_SOLVER_FAIL__MAX], rc;

	memset(fails, 0, sizeof(fails));
	n = build(f, nf, it);
	for (i = 0; i < RANDOM_RUNS; i++) {
		targets(&t, 1200 + 2300 * rng_unit(),
		    ps + 0.06 * (rng_unit() - 0.5),
		    fs + 0.06 * (rng_unit() - 0.5),
		    cs + 0.06 * (rng_unit() - 0.5), fib, nc);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		rc = cz_solve_day(it, n, &t, &r);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		us[i] = elapsed_us(&t0, &t1);
		if (recheck(it, n, &t, r.grams, &d) == r.fail)
			agree++;
		fails[r.fail]++;
		if (rc != 0)
			continue;
		ok++;
		worst_e = fmax(worst_e, fabs(d.energy));
		for (j = 0; j < 3; j++)
			worst_s = fmax(worst_s, fabs(d.share[j]));
		min_fib = fmin(min_fib, d.fiber);
		max_na = fmax(max_na, d.sodium);
		max_nc = fmax(max_nc, d.net_carbs);
	}
	qsort(us, RANDOM_RUNS, sizeof(us[0]), cmp_double);
	printf("random %s days: %d/%d solved (%.2f%%); worst energy "
	    "%.2f%%, worst share %.2f pts, min fiber %.1f g, max sodium "
	    "%.0f mg, max net carbs %.1f g\n", label, ok, RANDOM_RUNS,
	    100.0 * ok / RANDOM_RUNS, 100 * worst_e, 100 * worst_s, min_fib,
	    max_na, max_nc);
	for (j = 1; j < CZ_SOLVER_FAIL__MAX; j++)
		if (fails[j])
			printf("  failed on %s: %d\n",
			    cz_solver_fail_str((enum cz_solver_fail)j),
			    fails[j]);
	printf("%s solve time: median %.1f us, p99 %.1f us, max %.1f us\n",
	    label, us[RANDOM_RUNS / 2], us[RANDOM_RUNS * 99 / 100],
	    us[RANDOM_RUNS - 1]);
	ck_assert_int_eq(agree, RANDOM_RUNS);
	ck_assert_msg(ok * 100 >= 98 * RANDOM_RUNS, "%s: only %d of %d solved",
	    label, ok, RANDOM_RUNS);
}

START_TEST(random_standard_days)
{
	random_days("standard", standard_day, NELEM(standard_day),
	    0.20, 0.30, 0.50, 25, -1);
}
END_TEST

START_TEST(random_keto_days)
{
	random_days("keto", keto_day, NELEM(keto_day), 0.20, 0.75, 0.05, 0, 20);
}
END_TEST

START_TEST(random_vegan_days)
{
	random_days("vegan", vegan_day, NELEM(vegan_day), 0.15, 0.30, 0.55,
	    30, -1);
}
END_TEST

/* Sum of cap c over grams g. */
static double
cap_value(const struct cz_solver_cap *c, const double *g, size_t n)
{
	double	 v = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		v += c->coef[i] * g[i];
	return v;
}

/*
 * The keto day with cap rows: at most 2 eggs (a single-item cap, a
 * bound), at most 50 g of the two olive oils together, the oil of meal 1
 * below 45% of that meal's energy (negative coefficients) and at most
 * 12 g of fiber. RANDOM_RUNS random targets (1200-2200 kcal): every
 * solved day holds every cap, recomputed here, and nearly all days
 * solve.
 */
START_TEST(caps_hold)
{
	struct cz_solver_item	 it[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	struct dev		 d;
	size_t			 n, i;
	int			 k, j, ok = 0, fails[CZ_SOLVER_FAIL__MAX];
	double			 worst[4] = { 0, 0, -1e9, 0 };

	memset(fails, 0, sizeof(fails));
	n = build(keto_day, NELEM(keto_day), it);
	for (k = 0; k < RANDOM_RUNS; k++) {
		targets(&t, 1200 + 1000 * rng_unit(),
		    0.20 + 0.04 * (rng_unit() - 0.5),
		    0.75 + 0.04 * (rng_unit() - 0.5), 0.05, 0, 20);
		t.ncaps = 4;
		t.caps[0].coef[0] = 1.0 / 50;		/* eggs */
		t.caps[0].max = 2;
		t.caps[1].coef[4] = t.caps[1].coef[8] = 1;	/* oil, g */
		t.caps[1].max = 50;
		for (i = 0; i < n; i++)			/* oil share */
			if (it[i].meal == 1)
				t.caps[2].coef[i] = it[i].kcal *
				    ((i == 4 ? 1.0 : 0.0) - 0.45);
		t.caps[2].scale = 0.3 * t.energy;
		for (i = 0; i < n; i++)			/* fiber */
			t.caps[3].coef[i] = it[i].fiber;
		t.caps[3].max = 12;
		cz_solve_day(it, n, &t, &r);
		fails[r.fail]++;
		if (!r.ok)
			continue;
		ok++;
		ck_assert_int_eq(recheck(it, n, &t, r.grams, &d),
		    CZ_SOLVER_FAIL_NONE);
		for (j = 0; j < 4; j++) {
			worst[j] = fmax(worst[j], cap_value(&t.caps[j],
			    r.grams, n));
			ck_assert_msg(cap_value(&t.caps[j], r.grams, n) <=
			    t.caps[j].max + 1e-9, "cap %d: %g > %g", j,
			    cap_value(&t.caps[j], r.grams, n), t.caps[j].max);
		}
	}
	printf("keto days with caps: %d/%d solved; eggs <= %.1f, oil <= %.0f "
	    "g, oil share row <= %.1f kcal, fiber <= %.1f g\n", ok,
	    RANDOM_RUNS, worst[0], worst[1], worst[2], worst[3]);
	for (j = 1; j < CZ_SOLVER_FAIL__MAX; j++)
		if (fails[j])
			printf("  failed on %s: %d\n",
			    cz_solver_fail_str((enum cz_solver_fail)j), fails[j]);
	ck_assert_msg(ok * 100 >= 95 * RANDOM_RUNS, "only %d solved", ok);
}
END_TEST

/* A cap the bounds cannot meet fails as a cap, naming it; bad caps are
 * bad input. */
START_TEST(caps_infeasible)
{
	struct cz_solver_item	 it[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_targets t;
	struct cz_solver_result	 r;
	size_t			 n, i;

	n = build(standard_day, NELEM(standard_day), it);
	targets(&t, 2000, 0.20, 0.30, 0.50, 25, -1);
	t.ncaps = 2;
	t.caps[0].coef[0] = 1;
	t.caps[0].max = 1e6;
	/* both oils at their lower bound already exceed 5 g */
	t.caps[1].coef[7] = t.caps[1].coef[11] = 1;
	t.caps[1].max = 5;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_CAP);
	ck_assert_int_eq(r.fail_cap, 1);
	ck_assert_str_eq(cz_solver_fail_str(r.fail), "cap");

	t.caps[1].max = 60;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), 0);
	ck_assert_int_eq(r.fail_cap, -1);
	for (i = 0; i < n; i++)
		r.grams[i] = it[i].hi;
	ck_assert_int_eq(cz_solver_check(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_ENERGY);

	/* a NaN coefficient or too many caps is bad input */
	t.caps[0].coef[0] = NAN;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_INPUT);
	t.caps[0].coef[0] = 1;
	t.ncaps = CZ_SOLVER_MAX_CAPS + 1;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r), -1);
	ck_assert_int_eq(r.fail, CZ_SOLVER_FAIL_INPUT);
}
END_TEST

/*
 * A soft floor (calcium, SR24 mg per 100 g) moves portions towards the
 * foods that carry it while every hard target still holds; a floor of
 * weight 0 changes nothing; a bad floor is bad input.
 */
START_TEST(floors_pull)
{
	static const double calcium[] = { 52, 5, 113, 269, 15, 10, 47, 1,
	    12, 5, 37, 1, 6, 43 };
	struct cz_solver_item	 it[CZ_SOLVER_MAX_ITEMS];
	struct cz_solver_targets t;
	struct cz_solver_result	 r0, r1, r2;
	struct dev		 d;
	double			 ca0 = 0, ca1 = 0;
	size_t			 n, i;

	n = build(standard_day, NELEM(standard_day), it);
	ck_assert_uint_eq(n, NELEM(calcium));
	for (i = 0; i < n; i++)
		it[i].floor[0] = calcium[i] / 100.0;
	targets(&t, 2000, 0.20, 0.30, 0.50, 25, -1);
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r0), 0);
	t.nfloors = 1;
	t.floors[0].min = 1300;
	t.floors[0].weight = 0;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r2), 0);
	ck_assert(memcmp(r0.grams, r2.grams, sizeof(r0.grams)) == 0);
	t.floors[0].weight = 4;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r1), 0);
	ck_assert_int_eq(recheck(it, n, &t, r1.grams, &d),
	    CZ_SOLVER_FAIL_NONE);
	for (i = 0; i < n; i++) {
		ca0 += it[i].floor[0] * r0.grams[i];
		ca1 += it[i].floor[0] * r1.grams[i];
	}
	printf("calcium floor 1300 mg: %.0f mg without, %.0f mg with it "
	    "(milk %.0f -> %.0f g)\n", ca0, ca1, r0.grams[2], r1.grams[2]);
	ck_assert_msg(ca1 > ca0 + 100, "calcium %g -> %g", ca0, ca1);

	t.floors[0].min = 0;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r1), -1);
	ck_assert_int_eq(r1.fail, CZ_SOLVER_FAIL_INPUT);
	t.floors[0].min = 1300;
	it[3].floor[0] = NAN;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r1), -1);
	ck_assert_int_eq(r1.fail, CZ_SOLVER_FAIL_INPUT);
	it[3].floor[0] = 0;
	t.nfloors = CZ_SOLVER_MAX_FLOORS + 1;
	ck_assert_int_eq(cz_solve_day(it, n, &t, &r1), -1);
	ck_assert_int_eq(r1.fail, CZ_SOLVER_FAIL_INPUT);
}
END_TEST

static Suite *
solver_suite(void)
{
	Suite	*s = suite_create("solver");
	TCase	*tc = tcase_create("core");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, standard_days);
	tcase_add_test(tc, keto_days);
	tcase_add_test(tc, vegan_days);
	tcase_add_test(tc, meal_bands);
	tcase_add_test(tc, infeasible_keto_from_starch);
	tcase_add_test(tc, infeasible_energy);
	tcase_add_test(tc, infeasible_sodium);
	tcase_add_test(tc, invalid_input);
	tcase_add_test(tc, random_standard_days);
	tcase_add_test(tc, random_keto_days);
	tcase_add_test(tc, random_vegan_days);
	tcase_add_test(tc, caps_hold);
	tcase_add_test(tc, caps_infeasible);
	tcase_add_test(tc, floors_pull);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner	*sr = srunner_create(solver_suite());
	int	 failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed;
}
