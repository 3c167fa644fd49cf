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
 * and the step goes to the first breakpoint along it (an item reaching
 * a bound, an inequality row changing sides), where the quadratic model
 * stops being exact, with a backtracking (Armijo) search only as a
 * fallback.  Every step decreases f; with at most CZ_SOLVER_MAX_ITEMS
 * variables and a few rows it converges in a handful of steps (about
 * 20 us for a 14-item day).
 *
 * Rounding: items whose single step moves energy by more than 1% of the
 * target (whole eggs, whole fruit, oil spoons) are snapped first and
 * held while the others are solved again; then every item is snapped
 * to its step.  A greedy repair then moves one item by one step at a
 * time (or, when stuck, two items at once), choosing the move that most
 * reduces the hard violation, then f, for a bounded number of moves.
 * Finally cz_solver_check() recomputes everything from the grams.
 *
 * Everything lives on the stack in fixed-size arrays; no allocation.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "solver.h"

#define NROWS_MAX	(7 + 2 * CZ_SOLVER_MAX_MEALS)
#define NEWTON_MAX	60		/* Newton steps per solve */
#define LINESEARCH_MAX	40		/* halvings per line search */
#define LAMBDA		1e-3		/* weight of the regulariser */
#define HINGE_W		1e4		/* 1 / (1% violation)^2 */
#define MEAL_W		1e2		/* soft meal bands: 1 / 10%^2 */
#define HARD_W		1e6		/* hard violation over f in repair */
#define COARSE_SHARE	0.01		/* step moving >1% of E: snap early */
#define PAIR_ROUNDS	16		/* two-item repair moves at most */

enum row_kind {
	ROW_EQ,
	ROW_LE,
	ROW_GE
};

/* The day's problem in normalised form, plus the grid of each item. */
struct prob {
	size_t		 n;
	int		 nrow;
	double		 a[NROWS_MAX][CZ_SOLVER_MAX_ITEMS];
	double		 b[NROWS_MAX];
	double		 w[NROWS_MAX];
	enum row_kind	 kind[NROWS_MAX];
	double		 lo[CZ_SOLVER_MAX_ITEMS];	/* on the grid */
	double		 hi[CZ_SOLVER_MAX_ITEMS];
	double		 step[CZ_SOLVER_MAX_ITEMS];
	double		 def[CZ_SOLVER_MAX_ITEMS];
	double		 rw[CZ_SOLVER_MAX_ITEMS];	/* lambda/range^2 */
	int		 held[CZ_SOLVER_MAX_ITEMS];
	double		 coef[6][CZ_SOLVER_MAX_ITEMS];	/* raw nutrients */
	/* hard limits, slightly inside the tolerances */
	double		 e_lo, e_hi, s_tol, share[3];
	double		 fib_min, na_max, nc_max;
};

enum { NU_KCAL, NU_PROT, NU_FAT, NU_CARB, NU_FIB, NU_NA };

static const char *const fail_names[CZ_SOLVER_FAIL__MAX] = {
	"none", "input", "energy", "protein", "fat", "carbs", "fiber",
	"sodium", "net_carbs"
};

static int
finite_nonneg(double v)
{
	return isfinite(v) && v >= 0.0;
}

static void
add_row(struct prob *p, enum row_kind kind, const double *coef,
    double scale, double b, double w)
{
	int	 k = p->nrow++;
	size_t	 i;

	for (i = 0; i < p->n; i++)
		p->a[k][i] = coef[i] / scale;
	p->b[k] = b;
	p->w[k] = w;
	p->kind[k] = kind;
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

	memset(p, 0, sizeof(*p));
	if (n == 0 || n > CZ_SOLVER_MAX_ITEMS)
		return -1;
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
	return 0;
}

/* Row values v_k = a_k . x. */
static void
rows_eval(const struct prob *p, const double *x, double *v)
{
	size_t	 i;
	int	 k;

	for (k = 0; k < p->nrow; k++) {
		v[k] = 0.0;
		for (i = 0; i < p->n; i++)
			v[k] += p->a[k][i] * x[i];
	}
}

/* The residual of row k if its penalty is active at value v, else 0. */
static double
row_resid(const struct prob *p, int k, double v)
{
	double	 r = v - p->b[k];

	switch (p->kind[k]) {
	case ROW_LE:
		return r > 0.0 ? r : 0.0;
	case ROW_GE:
		return r < 0.0 ? r : 0.0;
	default:
		return r;
	}
}

/* The penalty part of f, from the row values. */
static double
penalty(const struct prob *p, const double *v)
{
	double	 f = 0.0, r;
	int	 k;

	for (k = 0; k < p->nrow; k++) {
		r = row_resid(p, k, v[k]);
		f += p->w[k] * r * r;
	}
	return f;
}

/* The regulariser term of item i at x. */
static double
reg_term(const struct prob *p, size_t i, double x)
{
	double	 r = x - p->def[i];

	return p->rw[i] * r * r;
}

static double
objective(const struct prob *p, const double *v, const double *x)
{
	double	 f;
	size_t	 i;

	f = penalty(p, v);
	for (i = 0; i < p->n; i++)
		f += reg_term(p, i, x[i]);
	return f;
}

/*
 * Cholesky factorisation in place of the leading m x m block of h and
 * solution of h d = -g.  Returns -1 if h is not positive definite.
 */
static int
chol_solve(double h[][CZ_SOLVER_MAX_ITEMS], size_t m, const double *g,
    double *d)
{
	double	 s;
	size_t	 i, j, k;

	for (j = 0; j < m; j++) {
		s = h[j][j];
		for (k = 0; k < j; k++)
			s -= h[j][k] * h[j][k];
		if (!(s > 0.0))
			return -1;
		h[j][j] = sqrt(s);
		for (i = j + 1; i < m; i++) {
			s = h[i][j];
			for (k = 0; k < j; k++)
				s -= h[i][k] * h[j][k];
			h[i][j] = s / h[j][j];
		}
	}
	for (i = 0; i < m; i++) {
		s = -g[i];
		for (k = 0; k < i; k++)
			s -= h[i][k] * d[k];
		d[i] = s / h[i][i];
	}
	for (i = m; i-- > 0;) {
		s = d[i];
		for (k = i + 1; k < m; k++)
			s -= h[k][i] * d[k];
		d[i] = s / h[i][i];
	}
	return 0;
}

/*
 * Minimise f over the box by projected Newton, the held items fixed.
 * x is the start and the result.  Returns the number of steps.
 */
static int
newton(const struct prob *p, double *x)
{
	double	 h[CZ_SOLVER_MAX_ITEMS][CZ_SOLVER_MAX_ITEMS];
	double	 g[CZ_SOLVER_MAX_ITEMS], gf[CZ_SOLVER_MAX_ITEMS];
	double	 d[CZ_SOLVER_MAX_ITEMS], xn[CZ_SOLVER_MAX_ITEMS];
	double	 v[NROWS_MAX], r[NROWS_MAX], act[NROWS_MAX];
	double	 col[CZ_SOLVER_MAX_ITEMS][NROWS_MAX];
	double	 wcol[CZ_SOLVER_MAX_ITEMS][NROWS_MAX];
	double	 f, fn, gmax, alpha, dec, s, eps;
	size_t	 fr[CZ_SOLVER_MAX_ITEMS], nf, i, a, c;
	int	 ak[NROWS_MAX], na, m, it, k, ls, full;

	for (it = 0; it < NEWTON_MAX; it++) {
		rows_eval(p, x, v);
		f = objective(p, v, x);
		/*
		 * Only the active rows (equalities, violated inequalities)
		 * enter the gradient and the Hessian; the others would add
		 * exact zeros, so skipping them changes no bit of x.
		 */
		na = 0;
		for (k = 0; k < p->nrow; k++) {
			r[k] = row_resid(p, k, v[k]);
			act[k] = (p->kind[k] == ROW_EQ || r[k] != 0.0) ?
			    2.0 * p->w[k] : 0.0;
			if (act[k] != 0.0)
				ak[na++] = k;
		}
		nf = 0;
		gmax = 0.0;
		for (i = 0; i < p->n; i++) {
			g[i] = 2.0 * p->rw[i] * (x[i] - p->def[i]);
			for (m = 0; m < na; m++) {
				k = ak[m];
				g[i] += act[k] * r[k] * p->a[k][i];
			}
			if (p->held[i])
				continue;
			eps = 1e-9 * (1.0 + p->hi[i]);
			if ((x[i] <= p->lo[i] + eps && g[i] > 0.0) ||
			    (x[i] >= p->hi[i] - eps && g[i] < 0.0))
				continue;
			gmax = fmax(gmax, fabs(g[i]) * p->step[i]);
			fr[nf++] = i;
		}
		if (nf == 0 || gmax < 1e-10)
			break;
solve:
		/* The free columns of the active rows, gathered contiguous,
		 * once plain and once times the row's weight. */
		for (a = 0; a < nf; a++) {
			i = fr[a];
			for (m = 0; m < na; m++) {
				k = ak[m];
				col[a][m] = p->a[k][i];
				wcol[a][m] = act[k] * p->a[k][i];
			}
		}
		for (a = 0; a < nf; a++) {
			i = fr[a];
			gf[a] = g[i];
			for (c = 0; c <= a; c++) {
				s = a == c ? 2.0 * p->rw[i] : 0.0;
				for (m = 0; m < na; m++)
					s += wcol[a][m] * col[c][m];
				h[a][c] = s;
			}
		}
		if (chol_solve(h, nf, gf, d) == -1)
			break;
		/*
		 * An item at a bound whose gradient points inwards may
		 * still get a Newton step outwards: hold it and solve
		 * again without it.
		 */
		for (a = c = 0; a < nf; a++) {
			i = fr[a];
			eps = 1e-9 * (1.0 + p->hi[i]);
			if ((x[i] <= p->lo[i] + eps && d[a] < 0.0) ||
			    (x[i] >= p->hi[i] - eps && d[a] > 0.0))
				continue;
			fr[c++] = i;
		}
		if (c < nf) {
			nf = c;
			if (nf == 0)
				break;
			goto solve;
		}

		/*
		 * Step to the first breakpoint: a free item reaching a
		 * bound or an inequality row changing sides, where the
		 * quadratic model stops being exact.  Backtrack only if
		 * that still fails to decrease f (a degenerate row).
		 */
		alpha = 1.0;
		for (a = 0; a < nf; a++) {
			i = fr[a];
			if (x[i] + d[a] < p->lo[i])
				alpha = fmin(alpha, (p->lo[i] - x[i]) / d[a]);
			else if (x[i] + d[a] > p->hi[i])
				alpha = fmin(alpha, (p->hi[i] - x[i]) / d[a]);
		}
		for (k = 0; k < p->nrow; k++) {
			if (p->kind[k] == ROW_EQ)
				continue;
			s = 0.0;
			for (a = 0; a < nf; a++)
				s += p->a[k][fr[a]] * d[a];
			if (s == 0.0)
				continue;
			s = (p->b[k] - v[k]) / s;
			if (s > 1e-9 && s < alpha)
				alpha = s;
		}
		full = alpha == 1.0;
		fn = f;
		for (ls = 0; ls < LINESEARCH_MAX; ls++, alpha *= 0.5) {
			memcpy(xn, x, p->n * sizeof(*x));
			dec = 0.0;
			for (a = 0; a < nf; a++) {
				i = fr[a];
				xn[i] = fmin(fmax(x[i] + alpha * d[a],
				    p->lo[i]), p->hi[i]);
				dec += g[i] * (xn[i] - x[i]);
			}
			rows_eval(p, xn, v);
			fn = objective(p, v, xn);
			if (dec < 0.0 && fn <= f + 1e-4 * dec)
				break;
		}
		if (ls == LINESEARCH_MAX)
			break;
		memcpy(x, xn, p->n * sizeof(*x));
		if (full && f - fn <= 1e-14 * (1.0 + f))
			break;
	}
	return it + 1;
}

/* Round x to the grid of item i. */
static double
snap(const struct prob *p, size_t i, double x)
{
	double	 k = floor(x / p->step[i] + 0.5);

	return fmin(fmax(k * p->step[i], p->lo[i]), p->hi[i]);
}

/*
 * Hard violation of totals tot (kcal, 4P, 9F, 4C, fiber, sodium), each
 * normalised by its tolerance; 0 when all hard targets hold.
 */
static double
hard_viol(const struct prob *p, const double *tot)
{
	double	 v = 0.0, den, sh, tol;
	int	 j;

	tol = 0.5 * (p->e_hi - p->e_lo);
	if (tot[NU_KCAL] < p->e_lo)
		v += (p->e_lo - tot[NU_KCAL]) / tol;
	else if (tot[NU_KCAL] > p->e_hi)
		v += (tot[NU_KCAL] - p->e_hi) / tol;
	den = tot[NU_PROT] + tot[NU_FAT] + tot[NU_CARB];
	for (j = 0; j < 3; j++) {
		sh = den > 0.0 ? tot[NU_PROT + j] / den : 0.0;
		sh = fabs(sh - p->share[j]) - p->s_tol;
		if (sh > 0.0)
			v += sh / p->s_tol;
	}
	if (p->fib_min > 0.0 && tot[NU_FIB] < p->fib_min)
		v += (p->fib_min - tot[NU_FIB]) / p->fib_min;
	if (p->na_max > 0.0 && tot[NU_NA] > p->na_max)
		v += (tot[NU_NA] - p->na_max) / p->na_max;
	if (p->nc_max >= 0.0) {
		sh = tot[NU_CARB] / 4.0 - tot[NU_FIB] - p->nc_max;
		if (sh > 0.0)
			v += sh / fmax(p->nc_max, 1.0);
	}
	return v;
}

/*
 * Score of moving item i by dx (and item j by dy if j < n) from x,
 * whose row values, totals and regulariser are v, tot and reg: the
 * hard violation first, then f.
 */
static double
try_move(const struct prob *p, const double *x, const double *v,
    const double *tot, double reg, size_t i, double dx, size_t j, double dy)
{
	double	 vs[NROWS_MAX], ts[6];
	int	 k;

	reg += reg_term(p, i, x[i] + dx) - reg_term(p, i, x[i]);
	for (k = 0; k < p->nrow; k++)
		vs[k] = v[k] + p->a[k][i] * dx;
	for (k = 0; k < 6; k++)
		ts[k] = tot[k] + p->coef[k][i] * dx;
	if (j < p->n) {
		reg += reg_term(p, j, x[j] + dy) - reg_term(p, j, x[j]);
		for (k = 0; k < p->nrow; k++)
			vs[k] += p->a[k][j] * dy;
		for (k = 0; k < 6; k++)
			ts[k] += p->coef[k][j] * dy;
	}
	return HARD_W * hard_viol(p, ts) + penalty(p, vs) + reg;
}

static void
totals(const struct prob *p, const double *x, double *tot)
{
	size_t	 i;
	int	 k;

	for (k = 0; k < 6; k++) {
		tot[k] = 0.0;
		for (i = 0; i < p->n; i++)
			tot[k] += p->coef[k][i] * x[i];
	}
}

/* A move of item i by d stays on the grid. */
static int
move_ok(const struct prob *p, const double *x, size_t i, double d)
{
	double	 y = x[i] + d, eps = 1e-9 * p->step[i];

	return y >= p->lo[i] - eps && y <= p->hi[i] + eps;
}

/* A repair move: item i by di grams and, if j < n, item j by dj. */
struct move {
	size_t	 i, j;
	double	 di, dj;
};

/*
 * Find the best move from x (row values v, totals tot, regulariser reg)
 * whose score is below *best: single steps, or pairs of steps when
 * pairs is set.  Returns 1 and updates *best and *mv if one is found.
 */
static int
best_move(const struct prob *p, const double *x, const double *v,
    const double *tot, double reg, int pairs, double *best, struct move *mv)
{
	size_t	 i, j, n = p->n;
	double	 di, dj, sc;
	int	 si, sj, found = 0;

	for (i = 0; i < n; i++) {
		for (si = -1; si <= 1; si += 2) {
			di = si * p->step[i];
			if (!move_ok(p, x, i, di))
				continue;
			for (j = pairs ? i + 1 : n; j <= n; j++) {
				for (sj = -1; sj <= 1; sj += 2) {
					dj = j < n ? sj * p->step[j] : 0.0;
					if (j < n && !move_ok(p, x, j, dj))
						continue;
					sc = try_move(p, x, v, tot, reg, i, di,
					    j, dj);
					if (sc < *best -
					    1e-12 * (1.0 + *best)) {
						*best = sc;
						mv->i = i;
						mv->j = j;
						mv->di = di;
						mv->dj = dj;
						found = 1;
					}
					if (j == n)
						break;
				}
			}
		}
	}
	return found;
}

/*
 * Greedy repair of the rounded x: single-step moves while they lower the
 * score, two-item moves when single moves are stuck and a hard target
 * still fails.  Returns the number of moves made.
 */
static int
repair(const struct prob *p, double *x)
{
	struct move	 mv;
	double		 v[NROWS_MAX], tot[6], cur, reg;
	int		 moves, pairs, maxmoves;

	maxmoves = 6 * (int)p->n + 20;
	pairs = 0;
	for (moves = 0; moves < maxmoves; moves++) {
		rows_eval(p, x, v);
		totals(p, x, tot);
		reg = objective(p, v, x) - penalty(p, v);
		cur = HARD_W * hard_viol(p, tot) + penalty(p, v) + reg;
		if (!best_move(p, x, v, tot, reg, 0, &cur, &mv)) {
			if (hard_viol(p, tot) <= 0.0 || pairs >= PAIR_ROUNDS)
				break;
			pairs++;
			if (!best_move(p, x, v, tot, reg, 1, &cur, &mv))
				break;
		}
		x[mv.i] = snap(p, mv.i, x[mv.i] + mv.di);
		if (mv.j < p->n)
			x[mv.j] = snap(p, mv.j, x[mv.j] + mv.dj);
	}
	return moves;
}

int
cz_solver_check(const struct cz_solver_item *items, size_t n,
    const struct cz_solver_targets *t, struct cz_solver_result *r)
{
	double	 den, sum, etol, stol, sh[3];
	size_t	 i;

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
			x[i] = snap(&p, i, x[i]);
			p.held[i] = 1;
			coarse = 1;
		}
	}
	if (coarse)
		iters += newton(&p, x);

	for (i = 0; i < n; i++)
		x[i] = snap(&p, i, x[i]);
	iters += repair(&p, x);

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
