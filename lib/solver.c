/*
 * solver.c - portion solver for one day of a meal plan.
 *
 * Portions are solved, not guessed.  The day's targets become rows
 * a_k . x of a small dense problem over the item grams x:
 *
 *	energy		kcal(x) / E		= 1
 *	protein		4 P(x) / E		= p*	(fat 9F, carbs 4C alike)
 *	fiber		fiber(x) / F_aim	>= 1
 *	sodium		sodium(x) / Na_aim	<= 1
 *	net carbs	(C - fiber)(x) / s	<= NC_aim / s
 *	meal m		kcal_m(x) / E		in [meal_lo, meal_hi]	(soft)
 *	cap j		c_j . x / s_j		<= max_j / s_j		(hard)
 *	floor k		n_k(x) / min_k		>= FLOOR_AIM		(soft)
 *
 * Shares are ratios, so they are aimed at through absolute grams: if
 * energy and the three macro rows hold, every share holds.  We minimise
 *
 *	f(x) = sum_eq w_k r_k^2 + sum_ineq w_k max(0, violation_k)^2
 *	     + lambda sum_i ((x_i - def_i) / range_i)^2
 *
 * over the box lo <= x <= hi, where r_k = a_k . x - b_k.  The weights
 * are 1 / aim^2 with aims tighter than the hard tolerances (half the
 * energy tolerance, 60% of the share tolerance) to leave room for
 * rounding; the inequality penalties are stiff; the small
 * regulariser keeps portions near the template defaults and makes the
 * Hessian positive definite.  f is a convex piecewise quadratic.
 *
 * It is minimised by a projected Newton (active-set) method: at each
 * step the items at a bound whose gradient, or whose Newton step,
 * points outwards are held; the Newton system on the rest, with the
 * inequality rows active at the current point, is solved by Cholesky;
 * and the step goes to the first minimum of f along the projected path
 * P[x + alpha d], on which each item stops at the bound it reaches
 * (path_min): between two such stops f is a convex piecewise quadratic
 * whose pieces change where an inequality row changes sides (line_min
 * walks them), so several rows and bounds can change in one step. A
 * backtracking (Armijo) search along the path is only a fallback. Every
 * step decreases f; the first solve of a day (about 20 items, 34 rows)
 * takes 18.5 steps on average over plan-bench's requests and the solve
 * again after snapping the coarse items 3.1, most of them ending where an
 * inequality row changes sides or an item reaches a bound.
 *
 * Caps (struct cz_solver_cap) are the planner's portion rules and daily
 * upper limits: eggs a day, a dish's added fat, selenium, ...  A cap on
 * one item only lowers that item's upper bound; a cap of nonnegative
 * coefficients that the items cannot reach within the energy ceiling (a
 * fractional knapsack over their energy) is dropped; the rest are stiff
 * inequality rows aiming CAP_MARGIN of their scale below the limit, and
 * they count in the repair's hard violation like sodium does.
 *
 * Floors (struct cz_solver_floor) are the reference intakes of the day
 * (calcium, iron, ... vitamin D): soft rows with the planner's weight,
 * aiming a little above the reference so that rounding keeps a floor
 * that is met; they enter f only, never the hard violation.
 *
 * Rounding: items whose single step moves energy by more than 1% of the
 * target (whole eggs, whole fruit, oil spoons) are snapped first and
 * held while the others are solved again; then every item is snapped
 * to its step.  A greedy repair then moves one item by one step at a
 * time (or, when stuck, two items at once), choosing the move that most
 * reduces the hard violation, then f, for a bounded number of moves.
 * Finally cz_solver_check() recomputes everything from the grams.  The
 * row arithmetic and the repair live in solver_round.c, the problem they
 * share in solver_prob.h.
 *
 * Everything lives on the stack in fixed-size arrays; no allocation.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "solver_prob.h"


static const char *const fail_names[CZ_SOLVER_FAIL__MAX] = {
	"none", "input", "energy", "protein", "fat", "carbs", "fiber",
	"sodium", "net_carbs", "cap"
};

static int
finite_nonneg(double v)
{
	return isfinite(v) && v >= 0.0;
}

/*
 * Adds row k: coef / scale against b with weight w, and its place in the
 * lists of the items each row has and of the rows each item is in (both
 * in increasing order, as rows are added in order and items go up).
 */
static void
add_row(struct prob *p, enum row_kind kind, const double *coef,
    double scale, double b, double w)
{
	double	 v;
	int	 k = p->nrow++, nn = 0, m;
	size_t	 i;

	/* in locals: p's index arrays are bytes, and a store to a byte
	 * may alias anything, so counters in p were read back after each */
	for (i = 0; i < p->n; i++) {
		p->a[k][i] = v = coef[i] / scale;
		if (v != 0.0) {
			p->nzi[k][nn++] = (unsigned char)i;
			m = p->nnz[i]++;
			p->acol[i][m] = v;
			p->nzr[i][m] = (unsigned char)k;
		}
	}
	p->nni[k] = nn;
	p->b[k] = b;
	p->w[k] = w;
	p->kind[k] = kind;
	p->rlo[k] = kind == ROW_LE ? -INFINITY : b;
	p->rhi[k] = kind == ROW_GE ? INFINITY : b;
}

/*
 * The most the items can give of a cap of nonnegative coefficients c
 * with at most ehi kcal in all: each item from its lower bound, then
 * the richest per kcal first (a fractional knapsack).
 */
static double
cap_reach(const struct prob *p, const struct cz_solver_item *it,
    const double *c, double ehi)
{
	double	 per[CZ_SOLVER_MAX_ITEMS], reach = 0.0, add, room;
	size_t	 order[CZ_SOLVER_MAX_ITEMS], no = 0, i, k;

	/* The items with room, richest first and the first of equals
	 * first: the order in which picking the richest left, round by
	 * round, took them (a search of every item each round was half of
	 * setting up a day's problem). */
	for (i = 0; i < p->n; i++) {
		reach += c[i] * p->lo[i];
		ehi -= it[i].kcal * p->lo[i];
		if (!(c[i] > 0.0 && p->hi[i] - p->lo[i] > 0.0))
			continue;
		per[i] = it[i].kcal > 0.0 ? c[i] / it[i].kcal : INFINITY;
		for (k = no++; k > 0 && per[order[k - 1]] < per[i]; k--)
			order[k] = order[k - 1];
		order[k] = i;
	}
	for (k = 0; k < no && ehi > 0.0; k++) {
		i = order[k];
		room = p->hi[i] - p->lo[i];
		add = it[i].kcal > 0.0 ? fmin(room, ehi / it[i].kcal) : room;
		reach += c[i] * add;
		ehi -= it[i].kcal * add;
	}
	return reach;
}

/*
 * Adds cap c to p: as a bound when it weighs one item alone, not at all
 * when the items cannot reach it within ehi kcal, else as a hard row
 * aiming CAP_MARGIN of its scale below its limit.  Returns -1 on
 * invalid input.
 */
static int
cap_init(struct prob *p, const struct cz_solver_item *it,
    const struct cz_solver_cap *c, double ehi)
{
	double	 sc, h, one_hi;
	size_t	 i, one = p->n;
	int	 nz = 0, neg = 0, k;

	if (!isfinite(c->max) || !isfinite(c->scale))
		return -1;
	/* and the most the cap's amount could reach over the box, in the
	 * same pass (the bounds change below only where it returns), with
	 * the inline sv_max: every cap of every day asks, and the C
	 * library's fmax is a call */
	for (i = 0, h = 0.0; i < p->n; i++) {
		if (!isfinite(c->coef[i]))
			return -1;
		if (c->coef[i] != 0.0) {
			nz++;
			one = i;
			neg |= c->coef[i] < 0.0;
		}
		h += sv_max(c->coef[i] * p->lo[i], c->coef[i] * p->hi[i]);
	}
	if (nz == 0)
		return c->max >= 0.0 ? 0 : -1;
	if (nz == 1 && !neg && c->max >= 0.0) {
		one_hi = floor(c->max / c->coef[one] / p->step[one] + 1e-9) *
		    p->step[one];
		if (one_hi >= p->lo[one]) {
			p->hi[one] = fmin(p->hi[one], one_hi);
			p->def[one] = fmin(p->def[one], p->hi[one]);
			return 0;
		}
	}
	if (h <= c->max || (!neg && cap_reach(p, it, c->coef, ehi) <= c->max))
		return 0;
	sc = c->scale > 0.0 ? c->scale : fmax(fabs(c->max), 1e-9);
	k = p->nrow;
	add_row(p, ROW_LE, c->coef, sc, c->max / sc - CAP_MARGIN, HINGE_W);
	p->caprow[p->ncap] = k;
	p->caplim[p->ncap] = c->max / sc - 1e-7;
	p->ncap++;
	return 0;
}

/*
 * Validate the input and fill p.  Returns -1 on invalid input.
 */
static int
prob_init(struct prob *p, const struct cz_solver_item *it, size_t n,
    const struct cz_solver_targets *t)
{
	double	 tmp[CZ_SOLVER_MAX_ITEMS];
	double	 e, etol, stol, sum, aim, sc, klo, khi, range;
	size_t	 i;
	int	 m, j;

	/* Only what is read before it is written is cleared: the rows and
	 * caps are counted from 0 and every other field is filled for the
	 * n items and nrow rows it is read for (the whole struct is ~90 KB,
	 * once per solve). */
	p->nrow = 0;
	p->ncap = 0;
	if (n == 0 || n > CZ_SOLVER_MAX_ITEMS)
		return -1;
	memset(p->held, 0, n * sizeof(*p->held));
	e = t->energy;
	if (!isfinite(e) || e <= 0.0 || !finite_nonneg(t->protein_share) ||
	    !finite_nonneg(t->fat_share) || !finite_nonneg(t->carb_share) ||
	    !finite_nonneg(t->energy_tol) || !finite_nonneg(t->share_tol) ||
	    !isfinite(t->fiber_min) || !isfinite(t->sodium_max) ||
	    !isfinite(t->net_carbs_max))
		return -1;
	sum = t->protein_share + t->fat_share + t->carb_share;
	if (sum <= 0.0)
		return -1;
	etol = t->energy_tol > 0.0 ? t->energy_tol :
	    CZ_PLAN_ENERGY_TOL_PCT / 100.0;
	stol = t->share_tol > 0.0 ? t->share_tol :
	    CZ_PLAN_SHARE_TOL_PTS / 100.0;

	p->n = n;
	memset(p->nnz, 0, n * sizeof(*p->nnz));
	for (i = 0; i < n; i++) {
		if (!finite_nonneg(it[i].kcal) ||
		    !finite_nonneg(it[i].protein) ||
		    !finite_nonneg(it[i].fat) || !finite_nonneg(it[i].carbs) ||
		    !finite_nonneg(it[i].fiber) ||
		    !finite_nonneg(it[i].sodium) || !finite_nonneg(it[i].lo) ||
		    !isfinite(it[i].hi) || !isfinite(it[i].step) ||
		    !isfinite(it[i].def) || it[i].step <= 0.0 ||
		    it[i].lo > it[i].hi || it[i].meal >= CZ_SOLVER_MAX_MEALS)
			return -1;
		klo = ceil(it[i].lo / it[i].step - 1e-9);
		khi = floor(it[i].hi / it[i].step + 1e-9);
		if (klo > khi)
			return -1;
		p->step[i] = it[i].step;
		p->lo[i] = klo * it[i].step;
		p->hi[i] = khi * it[i].step;
		p->def[i] = fmin(fmax(it[i].def, p->lo[i]), p->hi[i]);
		range = fmax(p->hi[i] - p->lo[i], it[i].step);
		p->rw[i] = LAMBDA / (range * range);
		p->coef[NU_KCAL][i] = it[i].kcal;
		p->coef[NU_PROT][i] = 4.0 * it[i].protein;
		p->coef[NU_FAT][i] = 9.0 * it[i].fat;
		p->coef[NU_CARB][i] = 4.0 * it[i].carbs;
		p->coef[NU_FIB][i] = it[i].fiber;
		p->coef[NU_NA][i] = it[i].sodium;
	}

	/* Hard limits, a hair inside so the re-check cannot flip. */
	p->e_lo = e * (1.0 - etol * 0.999);
	p->e_hi = e * (1.0 + etol * 0.999);
	p->s_tol = stol * 0.999;
	p->share[0] = t->protein_share / sum;
	p->share[1] = t->fat_share / sum;
	p->share[2] = t->carb_share / sum;
	p->fib_min = t->fiber_min > 0.0 ? t->fiber_min * 1.0001 : 0.0;
	p->na_max = t->sodium_max > 0.0 ? t->sodium_max * 0.9999 : -1.0;
	p->nc_max = t->net_carbs_max >= 0.0 ? t->net_carbs_max * 0.9999 - 1e-9 :
	    -1.0;

	/* Target rows. */
	aim = 0.5 * etol;
	add_row(p, ROW_EQ, p->coef[NU_KCAL], e, 1.0, 1.0 / (aim * aim));
	aim = 0.6 * stol;
	for (j = 0; j < 3; j++)
		add_row(p, ROW_EQ, p->coef[NU_PROT + j], e, p->share[j],
		    1.0 / (aim * aim));
	if (t->fiber_min > 0.0) {
		aim = t->fiber_min + fmax(1.0, 0.05 * t->fiber_min);
		add_row(p, ROW_GE, p->coef[NU_FIB], aim, 1.0, HINGE_W);
	}
	if (t->sodium_max > 0.0) {
		aim = 0.95 * t->sodium_max;
		add_row(p, ROW_LE, p->coef[NU_NA], aim, 1.0, HINGE_W);
	}
	if (t->net_carbs_max >= 0.0) {
		for (i = 0; i < n; i++)
			tmp[i] = it[i].carbs - it[i].fiber;
		aim = t->net_carbs_max - fmax(1.0, 0.1 * t->net_carbs_max);
		if (aim < 0.0)
			aim = 0.0;
		sc = fmax(t->net_carbs_max, 1.0);
		add_row(p, ROW_LE, tmp, sc, aim / sc, HINGE_W);
	}
	for (m = 0; m < CZ_SOLVER_MAX_MEALS; m++) {
		if (!(t->meal_hi[m] > 0.0) || !isfinite(t->meal_hi[m]) ||
		    !isfinite(t->meal_lo[m]))
			continue;
		for (i = 0; i < n; i++)
			tmp[i] = it[i].meal == m ? it[i].kcal : 0.0;
		add_row(p, ROW_LE, tmp, e, t->meal_hi[m], MEAL_W);
		if (t->meal_lo[m] > 0.0)
			add_row(p, ROW_GE, tmp, e, t->meal_lo[m], MEAL_W);
	}
	if (t->nfloors < 0 || t->nfloors > CZ_SOLVER_MAX_FLOORS)
		return -1;
	for (j = 0; j < t->nfloors; j++) {
		if (!(t->floors[j].min > 0.0) || !isfinite(t->floors[j].min) ||
		    !finite_nonneg(t->floors[j].weight))
			return -1;
		if (t->floors[j].weight == 0.0)
			continue;
		for (i = 0; i < n; i++) {
			if (!finite_nonneg(it[i].floor[j]))
				return -1;
			tmp[i] = it[i].floor[j];
		}
		add_row(p, ROW_GE, tmp, t->floors[j].min, FLOOR_AIM,
		    t->floors[j].weight);
	}
	if (t->ncaps < 0 || t->ncaps > CZ_SOLVER_MAX_CAPS)
		return -1;
	for (j = 0; j < t->ncaps; j++)
		if (cap_init(p, it, &t->caps[j], p->e_hi) == -1)
			return -1;
	return 0;
}

/*
 * Adds (sign 1) or takes away (sign -1) active row k's part of the
 * Hessian, act a_k a_k^T, in the lower triangle hf over every item: over
 * the row's items alone (most rows weigh a few items of the day).
 */
static void
hess_row_update(const struct prob *p, double hf[][CZ_SOLVER_MAX_ITEMS],
    int k, double act)
{
	const unsigned char *nz = p->nzi[k];
	double	 ai;
	int	 e, f, i;

	for (e = 0; e < p->nni[k]; e++) {
		i = nz[e];
		ai = act * p->a[k][i];
		for (f = 0; f <= e; f++)
			hf[i][nz[f]] += ai * p->a[k][nz[f]];
	}
}

/*
 * Entry (i, j) of the symmetric hf, from its lower triangle: the row the
 * greater, the column the lesser, chosen without a branch (the free
 * items are in increasing order but for those at a bound, placed last,
 * so which of i and j is the greater was the CPU's guess at every entry).
 */
static inline double
hf_at(double hf[][CZ_SOLVER_MAX_ITEMS], size_t i, size_t j)
{
	size_t	 r = i > j ? i : j;

	return hf[r][i ^ j ^ r];
}

/*
 * Cholesky factorisation in place of the leading m x m block of h, from
 * its column from on (the columns before it factored already, their
 * diagonals' inverses in inv).  Returns -1 if h is not positive
 * definite.
 * Each diagonal is inverted once and multiplied by: a division takes
 * the CPU several times a multiplication's time, and it was one per
 * entry below the diagonal and per unknown twice.
 */
static int
chol_factor(double h[][CZ_SOLVER_MAX_ITEMS], double *inv, size_t m,
    size_t from)
{
	double	 s, s1, s2, s3, hk, r;
	size_t	 i, j, k;

	for (j = from; j < m; j++) {
		s = h[j][j];
		for (k = 0; k < j; k++)
			s -= h[j][k] * h[j][k];
		if (!(s > 0.0))
			return -1;
		h[j][j] = sqrt(s);
		r = inv[j] = 1.0 / h[j][j];
		/* Below the diagonal four rows at a time, each its own sum
		 * in the same order as one row after the other (the same
		 * bits), four independent chains the CPU overlaps. */
		for (i = j + 1; i + 4 <= m; i += 4) {
			s = h[i][j];
			s1 = h[i + 1][j];
			s2 = h[i + 2][j];
			s3 = h[i + 3][j];
			for (k = 0; k < j; k++) {
				hk = h[j][k];
				s -= h[i][k] * hk;
				s1 -= h[i + 1][k] * hk;
				s2 -= h[i + 2][k] * hk;
				s3 -= h[i + 3][k] * hk;
			}
			h[i][j] = s * r;
			h[i + 1][j] = s1 * r;
			h[i + 2][j] = s2 * r;
			h[i + 3][j] = s3 * r;
		}
		for (; i < m; i++) {
			s = h[i][j];
			for (k = 0; k < j; k++)
				s -= h[i][k] * h[j][k];
			h[i][j] = s * r;
		}
	}
	return 0;
}

/*
 * The forward half of solving h d = -g with h's factor: y = L^-1 (-g),
 * from its row from on (the rows before it as they were: the factor's
 * rows and g's entries there have not changed since).
 */
static void
chol_forward(double h[][CZ_SOLVER_MAX_ITEMS], const double *inv, size_t m,
    size_t from, const double *g, double *y)
{
	double	 s;
	size_t	 i, k;

	for (i = from; i < m; i++) {
		s = -g[i];
		for (k = 0; k < i; k++)
			s -= h[i][k] * y[k];
		y[i] = s * inv[i];
	}
}

/*
 * The backward half, d = L^-T y, for the unknowns lo <= i < m, in
 * place: d holds y on the first call (lo = m' < m) and what that call
 * left on the next (m = m', lo = 0), which ends it. The last unknowns
 * come first, so the held items' steps, placed last, are known before
 * the others are computed: an item held means solving again, and the
 * rest of the first solution would be thrown away.
 */
static void
chol_backward(double h[][CZ_SOLVER_MAX_ITEMS], const double *inv,
    size_t m, size_t lo, double *d)
{
	double	 hk;
	size_t	 i, k;

	for (i = m; i-- > lo;) {
		hk = d[i] *= inv[i];
		for (k = 0; k < i; k++)
			d[k] -= h[i][k] * hk;
	}
}

/*
 * The minimiser of f along x + alpha d for alpha in [0, abox], where a
 * free item reaches a bound (the free items fr[0..nf) move; v holds the
 * row values at x and sd their slopes along d).  Along the ray f is a
 * convex piecewise quadratic whose pieces change where an inequality row
 * changes sides, so its slope is piecewise linear and nondecreasing: the
 * pieces are walked in order until the slope turns nonnegative.  One
 * step so crosses every row that changes sides on the way, where a step
 * to the first such breakpoint took one Newton step per row (and 1.6% of
 * the solves ran out of steps).  *interior is set when the minimiser
 * lies before abox.
 */
static double
line_min(const struct prob *p, const double *x, const size_t *fr,
    size_t nf, const double *d, const double *v, const double *sd,
    double abox, int *interior)
{
	double	 ev[NROWS_MAX], c0 = 0.0, c1 = 0.0, r, t, e, sgn;
	int	 ek[NROWS_MAX], ne = 0, left, k, j, next, on;
	size_t	 a, i;

	/* slope c0 + c1 alpha of the regulariser and the rows active
	 * just after alpha = 0 */
	for (a = 0; a < nf; a++) {
		i = fr[a];
		c0 += 2.0 * p->rw[i] * (x[i] - p->def[i]) * d[a];
		c1 += 2.0 * p->rw[i] * d[a] * d[a];
	}
	for (k = 0; k < p->nrow; k++) {
		r = v[k] - p->b[k];
		if (p->kind[k] == ROW_EQ)
			on = 1;
		else if (p->kind[k] == ROW_LE)
			on = r > 0.0 || (r == 0.0 && sd[k] > 0.0);
		else
			on = r < 0.0 || (r == 0.0 && sd[k] < 0.0);
		if (on) {
			c0 += 2.0 * p->w[k] * r * sd[k];
			c1 += 2.0 * p->w[k] * sd[k] * sd[k];
		}
		if (p->kind[k] == ROW_EQ || sd[k] == 0.0)
			continue;
		t = -r / sd[k];
		if (!(t > 0.0) || !(t < abox))
			continue;
		ev[ne] = t;
		ek[ne++] = k;
	}
	/*
	 * The breakpoints in increasing order, the first row among equal
	 * ones first, each found when the walk reaches it: the walk mostly
	 * stops within the first few, and sorting them all first was the
	 * hottest part of the line search. A breakpoint passed is set to
	 * infinity (every one is finite: t < abox, at most INFINITY).
	 */
	for (left = ne;; left--) {
		next = -1;
		for (j = 0; j < ne; j++)
			if (ev[j] < INFINITY && (next < 0 || ev[j] < ev[next]))
				next = j;
		e = next >= 0 ? ev[next] : abox;
		if (c1 > 0.0 && c0 + c1 * e >= 0.0) {
			*interior = 1;
			t = -c0 / c1;
			return t > 0.0 ? t : 0.0;
		}
		if (left == 0)
			break;
		ev[next] = INFINITY;
		/* row ek[next] turns on where it moves outwards, else off */
		k = ek[next];
		r = v[k] - p->b[k];
		sgn = (p->kind[k] == ROW_LE) == (sd[k] > 0.0) ? 1.0 : -1.0;
		c0 += sgn * 2.0 * p->w[k] * r * sd[k];
		c1 += sgn * 2.0 * p->w[k] * sd[k] * sd[k];
	}
	*interior = 0;
	return abox;
}

/*
 * The point x + alpha d projected onto the box (the free items fr[0..nf)
 * move) into xn, its rows into v and *dec the first-order decrease g .
 * (xn - x); returns f at xn: the trials of the backtracking fallback.
 * x's rows are vx and their slopes along d sd: xn's rows are vx + alpha
 * sd (one multiply-add a row), less, for each item the box stops short
 * of x + alpha d, that item's shortfall in its own rows.  Summing every
 * row over every item again instead, as a third of the trials (those
 * where an item meets its bound) did, was 3 % of plan-bench's
 * instructions; the 240 sample plans and plan-check's 2,000 come out the
 * same.
 */
static double
projected_trial(const struct prob *p, const double *x, const size_t *fr,
    size_t nf, const double *d, const double *g, double alpha,
    const double *vx, const double *sd, double *xn, double *v, double *dec)
{
	double	 y;
	size_t	 a, i;
	int	 k, m;

	memcpy(xn, x, p->n * sizeof(*x));
	*dec = 0.0;
	for (k = 0; k < p->nrow; k++)
		v[k] = vx[k] + alpha * sd[k];
	for (a = 0; a < nf; a++) {
		i = fr[a];
		y = x[i] + alpha * d[a];
		xn[i] = sv_min(sv_max(y, p->lo[i]), p->hi[i]);
		if (xn[i] != y)
			for (m = 0; m < p->nnz[i]; m++) {
				k = p->nzr[i][m];
				v[k] += p->acol[i][m] * (xn[i] - y);
			}
		*dec += g[i] * (xn[i] - x[i]);
	}
	return sv_objective(p, v, xn);
}

/*
 * The first minimiser of f along the projected path P[x + alpha d] (the
 * free items fr[0..nf) move; each stops at the bound it reaches) into
 * xn, its rows into v; vx holds x's rows and sd0 their slopes along d.
 * Returns the alpha reached, *interior set when it is a minimiser along
 * a piece rather than where the last moving item stopped.
 * The path is walked a piece at a time: until the next item reaches its
 * bound, f along the items still moving is line_min's convex piecewise
 * quadratic; where its minimum lies before that bound the walk stops,
 * else the item stops there, its part leaves the rows' slopes, and the
 * walk goes on with the others. A step used to stop where the first item
 * reached its bound (57 % of the steps, the ray's minimum projected onto
 * the box tried besides): the next Newton step then mostly went on the
 * same way without it (plan-bench: 19.6 steps a first solve became 18.5,
 * the 240 sample plans the same).
 */
static double
path_min(const struct prob *p, const double *x, const size_t *fr,
    size_t nf, const double *d, const double *vx, const double *sd0,
    double *xn, double *v, int *interior)
{
	double	 dm[CZ_SOLVER_MAX_ITEMS], tb[CZ_SOLVER_MAX_ITEMS];
	double	 sd[NROWS_MAX], alpha = 0.0, next, t, bd;
	size_t	 mv[CZ_SOLVER_MAX_ITEMS], nm = 0, a, c, i;
	int	 k, m;

	memcpy(xn, x, p->n * sizeof(*x));
	memcpy(v, vx, (size_t)p->nrow * sizeof(*v));
	memcpy(sd, sd0, (size_t)p->nrow * sizeof(*sd));
	/* the moving items and where along the path each reaches its bound */
	for (a = 0; a < nf; a++) {
		if (d[a] == 0.0)
			continue;
		i = fr[a];
		t = ((d[a] < 0.0 ? p->lo[i] : p->hi[i]) - x[i]) / d[a];
		mv[nm] = i;
		dm[nm] = d[a];
		tb[nm++] = t > 0.0 ? t : 0.0;
	}
	*interior = 0;
	while (nm > 0) {
		for (a = 0, next = INFINITY; a < nm; a++)
			next = sv_min(next, tb[a]);
		t = line_min(p, xn, mv, nm, dm, v, sd, next - alpha, interior);
		alpha += t;
		for (k = 0; k < p->nrow; k++)
			v[k] += t * sd[k];
		for (a = 0; a < nm; a++)
			xn[mv[a]] += t * dm[a];
		if (*interior)
			break;
		/* the items that reached their bound stop on it exactly */
		for (a = c = 0; a < nm; a++) {
			i = mv[a];
			if (tb[a] > next) {
				mv[c] = i;
				dm[c] = dm[a];
				tb[c++] = tb[a];
				continue;
			}
			bd = dm[a] < 0.0 ? p->lo[i] : p->hi[i];
			for (m = 0; m < p->nnz[i]; m++) {
				k = p->nzr[i][m];
				v[k] += p->acol[i][m] * (bd - xn[i]);
				sd[k] -= p->acol[i][m] * dm[a];
			}
			xn[i] = bd;
		}
		nm = c;
	}
	return alpha;
}

/*
 * Minimise f over the box by projected Newton, the held items fixed.
 * x is the start and the result.  Returns the number of steps.
 */
static int
newton(const struct prob *p, double *x)
{
	double	 h[CZ_SOLVER_MAX_ITEMS][CZ_SOLVER_MAX_ITEMS];
	double	 inv[CZ_SOLVER_MAX_ITEMS];
	double	 hf[CZ_SOLVER_MAX_ITEMS][CZ_SOLVER_MAX_ITEMS];
	double	 g[CZ_SOLVER_MAX_ITEMS], gf[CZ_SOLVER_MAX_ITEMS];
	double	 d[CZ_SOLVER_MAX_ITEMS], xn[CZ_SOLVER_MAX_ITEMS];
	double	 y[CZ_SOLVER_MAX_ITEMS];
	double	 v[NROWS_MAX], r[NROWS_MAX], act[NROWS_MAX], sd[NROWS_MAX];
	double	 inh[NROWS_MAX], vx[NROWS_MAX];
	double	 f, fn, gmax, alpha, dec, eps, ar;
	size_t	 fr[CZ_SOLVER_MAX_ITEMS], bnd[CZ_SOLVER_MAX_ITEMS];
	size_t	 nf, nb, np, from, i, a, c;
	int	 lo, hi;
	int	 ak[NROWS_MAX], na, m, it, k, ls, full, e;

	/* v and f are x's rows and objective: computed here once, then
	 * carried over from the line search that accepted the step. */
	sv_rows_eval(p, x, v);
	f = sv_objective(p, v, x);
	/*
	 * hf is the Hessian over every item (lower triangle): the
	 * regulariser, plus the rows active now. A step turns a row or two
	 * on or off, so hf follows by adding or taking away those rows'
	 * parts (inh[k]: what row k has in it), where building the free
	 * items' Hessian from every active row at every step was a third
	 * of Newton's work.
	 */
	for (i = 0; i < p->n; i++) {
		for (c = 0; c < i; c++)
			hf[i][c] = 0.0;
		hf[i][i] = 2.0 * p->rw[i];
	}
	for (k = 0; k < p->nrow; k++)
		inh[k] = 0.0;
	for (it = 0; it < NEWTON_MAX; it++) {
		/*
		 * Only the active rows (equalities, violated inequalities)
		 * enter the gradient and the Hessian; the others would add
		 * exact zeros, so skipping them changes no bit of x.
		 */
		na = 0;
		for (k = 0; k < p->nrow; k++) {
			r[k] = sv_row_resid(p, k, v[k]);
			act[k] = (p->kind[k] == ROW_EQ || r[k] != 0.0) ?
			    2.0 * p->w[k] : 0.0;
			if (act[k] != 0.0)
				ak[na++] = k;
		}
		for (i = 0; i < p->n; i++)
			g[i] = 2.0 * p->rw[i] * (x[i] - p->def[i]);
		/* Row by row, over the items each row has: every g[i] still
		 * adds its rows in increasing order, and the terms left out
		 * are the exact zeros (the same bits). */
		for (m = 0; m < na; m++) {
			k = ak[m];
			ar = act[k] * r[k];
			for (e = 0; e < p->nni[k]; e++) {
				i = p->nzi[k][e];
				g[i] += ar * p->a[k][i];
			}
		}
		nf = nb = 0;
		gmax = 0.0;
		for (i = 0; i < p->n; i++) {
			if (p->held[i])
				continue;
			eps = 1e-9 * (1.0 + p->hi[i]);
			lo = x[i] <= p->lo[i] + eps;
			hi = x[i] >= p->hi[i] - eps;
			if ((lo && g[i] > 0.0) || (hi && g[i] < 0.0))
				continue;
			gmax = sv_max(gmax, fabs(g[i]) * p->step[i]);
			if (lo || hi)
				bnd[nb++] = i;
			else
				fr[nf++] = i;
		}
		/* Those at a bound last: only they can be held below, and
		 * the factor of the np before them then stays as it is. */
		np = nf;
		for (a = 0; a < nb; a++)
			fr[nf++] = bnd[a];
		if (nf == 0 || gmax < 1e-10)
			break;
		for (k = 0; k < p->nrow; k++) {
			if (act[k] == inh[k])
				continue;
			if (inh[k] != 0.0)
				hess_row_update(p, hf, k, -inh[k]);
			if (act[k] != 0.0)
				hess_row_update(p, hf, k, act[k]);
			inh[k] = act[k];
		}
		/* The free items' Hessian: their rows and columns of hf
		 * (its lower triangle). */
		for (a = 0; a < nf; a++) {
			i = fr[a];
			gf[a] = g[i];
			for (c = 0; c <= a; c++)
				h[a][c] = hf_at(hf, i, fr[c]);
		}
		from = 0;
solve:
		if (chol_factor(h, inv, nf, from) == -1)
			break;
		chol_forward(h, inv, nf, from, gf, y);
		memcpy(d, y, nf * sizeof(*d));
		chol_backward(h, inv, nf, np, d);
		/*
		 * An item at a bound whose gradient points inwards may
		 * still get a Newton step outwards: hold it and solve
		 * again without it (four steps in five). The items held
		 * are among the last, so the factor's first np columns
		 * hold for the rest and only the columns after them are
		 * factored again (plan-bench under callgrind: Newton 602 M
		 * -> 540 M instructions of 1,323 M; the 240 sample plans
		 * and plan-check's 2,000 unchanged).
		 */
		for (a = c = np; a < nf; a++) {
			i = fr[a];
			eps = 1e-9 * (1.0 + p->hi[i]);
			if ((x[i] <= p->lo[i] + eps && d[a] < 0.0) ||
			    (x[i] >= p->hi[i] - eps && d[a] > 0.0))
				continue;
			/* row c of the factor: its columns before np as
			 * they are, the rest from hf again */
			for (e = 0; e < (int)np; e++)
				h[c][e] = h[a][e];
			for (e = (int)np; e < (int)c; e++)
				h[c][e] = hf_at(hf, i, fr[e]);
			h[c][c] = hf[i][i];
			gf[c] = g[i];
			fr[c++] = i;
		}
		if (c < nf) {
			nf = c;
			if (nf == 0)
				break;
			from = np;
			goto solve;
		}
		chol_backward(h, inv, np, 0, d);

		/* the rows' slopes along d, over the rows each free item
		 * appears in */
		for (k = 0; k < p->nrow; k++)
			sd[k] = 0.0;
		for (a = 0; a < nf; a++) {
			i = fr[a];
			for (m = 0; m < p->nnz[i]; m++) {
				k = p->nzr[i][m];
				sd[k] += p->acol[i][m] * d[a];
			}
		}
		/*
		 * Step to the first minimum of f along the projected path
		 * (path_min). Backtrack along it only if that does not
		 * decrease f enough (rounding at a degenerate row).
		 */
		memcpy(vx, v, (size_t)p->nrow * sizeof(*v));
		alpha = path_min(p, x, fr, nf, d, vx, sd, xn, v, &full);
		if (!(alpha > 0.0))
			break;
		fn = sv_objective(p, v, xn);
		for (a = 0, dec = 0.0; a < nf; a++) {
			i = fr[a];
			dec += g[i] * (xn[i] - x[i]);
		}
		for (ls = 0; ls < LINESEARCH_MAX &&
		    !(dec < 0.0 && fn <= f + 1e-4 * dec); ls++) {
			alpha *= 0.5;
			full = 0;
			fn = projected_trial(p, x, fr, nf, d, g, alpha, vx, sd,
			    xn, v, &dec);
		}
		if (!(dec < 0.0 && fn <= f + 1e-4 * dec))
			break;
		memcpy(x, xn, p->n * sizeof(*x));
		if (full && f - fn <= 1e-14 * (1.0 + f))
			break;
		f = fn;		/* and v holds xn's rows */
	}
	return it + 1;
}


int
cz_solver_check(const struct cz_solver_item *items, size_t n,
    const struct cz_solver_targets *t, struct cz_solver_result *r)
{
	const struct cz_solver_cap *c;
	double	 den, sum, etol, stol, sh[3], v;
	size_t	 i;
	int	 j;

	r->fail_cap = -1;
	r->kcal = r->protein = r->fat = r->carbs = 0.0;
	r->fiber = r->sodium = 0.0;
	for (i = 0; i < n && i < CZ_SOLVER_MAX_ITEMS; i++) {
		r->kcal += items[i].kcal * r->grams[i];
		r->protein += items[i].protein * r->grams[i];
		r->fat += items[i].fat * r->grams[i];
		r->carbs += items[i].carbs * r->grams[i];
		r->fiber += items[i].fiber * r->grams[i];
		r->sodium += items[i].sodium * r->grams[i];
	}
	r->net_carbs = r->carbs - r->fiber;
	den = 4.0 * r->protein + 9.0 * r->fat + 4.0 * r->carbs;
	r->protein_share = den > 0.0 ? 4.0 * r->protein / den : 0.0;
	r->fat_share = den > 0.0 ? 9.0 * r->fat / den : 0.0;
	r->carb_share = den > 0.0 ? 4.0 * r->carbs / den : 0.0;

	r->ok = 0;
	sum = t->protein_share + t->fat_share + t->carb_share;
	if (n == 0 || n > CZ_SOLVER_MAX_ITEMS || !(t->energy > 0.0) ||
	    !(sum > 0.0)) {
		r->fail = CZ_SOLVER_FAIL_INPUT;
		return -1;
	}
	etol = t->energy_tol > 0.0 ? t->energy_tol :
	    CZ_PLAN_ENERGY_TOL_PCT / 100.0;
	stol = t->share_tol > 0.0 ? t->share_tol :
	    CZ_PLAN_SHARE_TOL_PTS / 100.0;
	sh[0] = r->protein_share - t->protein_share / sum;
	sh[1] = r->fat_share - t->fat_share / sum;
	sh[2] = r->carb_share - t->carb_share / sum;

	if (fabs(r->kcal - t->energy) > etol * t->energy)
		r->fail = CZ_SOLVER_FAIL_ENERGY;
	else if (fabs(sh[0]) > stol)
		r->fail = CZ_SOLVER_FAIL_PROTEIN;
	else if (fabs(sh[1]) > stol)
		r->fail = CZ_SOLVER_FAIL_FAT;
	else if (fabs(sh[2]) > stol)
		r->fail = CZ_SOLVER_FAIL_CARBS;
	else if (t->fiber_min > 0.0 && r->fiber < t->fiber_min)
		r->fail = CZ_SOLVER_FAIL_FIBER;
	else if (t->sodium_max > 0.0 && r->sodium > t->sodium_max)
		r->fail = CZ_SOLVER_FAIL_SODIUM;
	else if (t->net_carbs_max >= 0.0 && r->net_carbs > t->net_carbs_max)
		r->fail = CZ_SOLVER_FAIL_NET_CARBS;
	else
		r->fail = CZ_SOLVER_FAIL_NONE;
	for (j = 0; r->fail == CZ_SOLVER_FAIL_NONE && j < t->ncaps &&
	    j < CZ_SOLVER_MAX_CAPS; j++) {
		c = &t->caps[j];
		for (i = 0, v = 0.0; i < n; i++)
			v += c->coef[i] * r->grams[i];
		if (!(v <= c->max + 1e-9 * fmax(fabs(c->max), 1.0))) {
			r->fail = CZ_SOLVER_FAIL_CAP;
			r->fail_cap = j;
		}
	}
	r->ok = r->fail == CZ_SOLVER_FAIL_NONE;
	return r->ok ? 0 : -1;
}

int
cz_solve_day(const struct cz_solver_item *items, size_t n,
    const struct cz_solver_targets *t, struct cz_solver_result *r)
{
	struct prob	 p;
	double		 x[CZ_SOLVER_MAX_ITEMS];
	size_t		 i;
	int		 iters, coarse;

	if (r == NULL)
		return -1;
	memset(r, 0, sizeof(*r));
	r->fail_cap = -1;
	if (items == NULL || t == NULL || prob_init(&p, items, n, t) == -1) {
		r->fail = CZ_SOLVER_FAIL_INPUT;
		return -1;
	}

	/* Continuous solve from the defaults. */
	memcpy(x, p.def, n * sizeof(*x));
	iters = newton(&p, x);

	/* Snap the coarse items, hold them, solve the rest again. */
	coarse = 0;
	for (i = 0; i < n; i++) {
		if (p.step[i] * items[i].kcal > COARSE_SHARE * t->energy) {
			x[i] = sv_snap(&p, i, x[i]);
			p.held[i] = 1;
			coarse = 1;
		}
	}
	if (coarse)
		iters += newton(&p, x);

	for (i = 0; i < n; i++)
		x[i] = sv_snap(&p, i, x[i]);
	iters += sv_repair(&p, x);

	memcpy(r->grams, x, n * sizeof(*x));
	r->iterations = iters;
	return cz_solver_check(items, n, t, r);
}

const char *
cz_solver_fail_str(enum cz_solver_fail f)
{
	if ((int)f < 0 || f >= CZ_SOLVER_FAIL__MAX)
		return "unknown";
	return fail_names[f];
}
