/*
 * solver_round.c - the row arithmetic of the portion solver and the
 * rounding repair (see lib/solver.c for the method).
 *
 * After the continuous solve and the snap to each item's grid, a greedy
 * repair moves one item by one step at a time (or, when stuck, two items
 * at once), choosing the move that most reduces the hard violation
 * (energy, shares, fiber, sodium, net carbs and every cap row), then f,
 * for a bounded number of moves.  So a cap that rounding pushed over is
 * pulled back before anything else is improved.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "solver_prob.h"

/*
 * Row values v_k = a_k . x, row by row over the items each weighs: most
 * rows (the caps) weigh two or three items of the day. Each sum is kept
 * in a register and runs over the items in increasing order, as a sweep
 * item by item adds them: the same additions in the same order, so the
 * same bits, without a chain of stores and loads through v.
 */
void
sv_rows_eval(const struct prob *p, const double *x, double *v)
{
	const unsigned char *nz;
	double	 s;
	int	 k, m, n;

	for (k = 0; k < p->nrow; k++) {
		nz = p->nzi[k];
		n = p->nni[k];
		s = 0.0;
		for (m = 0; m < n; m++)
			s += p->a[k][nz[m]] * x[nz[m]];
		v[k] = s;
	}
}

/* The residual of row k if its penalty is active at value v, else 0. */
double
sv_row_resid(const struct prob *p, int k, double v)
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
double
sv_penalty(const struct prob *p, const double *v)
{
	double	 f = 0.0, r;
	int	 k;

	for (k = 0; k < p->nrow; k++) {
		r = sv_row_resid(p, k, v[k]);
		f += p->w[k] * r * r;
	}
	return f;
}

/* The regulariser term of item i at x. */
double
sv_reg_term(const struct prob *p, size_t i, double x)
{
	double	 r = x - p->def[i];

	return p->rw[i] * r * r;
}

double
sv_objective(const struct prob *p, const double *v, const double *x)
{
	double	 f;
	size_t	 i;

	f = sv_penalty(p, v);
	for (i = 0; i < p->n; i++)
		f += sv_reg_term(p, i, x[i]);
	return f;
}

void
sv_index(struct prob *p)
{
	size_t	 i;
	int	 k;

	for (k = 0; k < p->nrow; k++)
		p->nni[k] = 0;
	for (i = 0; i < p->n; i++) {
		p->nnz[i] = 0;
		for (k = 0; k < p->nrow; k++)
			if (p->a[k][i] != 0.0) {
				p->nzr[i][p->nnz[i]++] = (unsigned char)k;
				p->nzi[k][p->nni[k]++] = (unsigned char)i;
			}
	}
}

/* Round x to the grid of item i. */
double
sv_snap(const struct prob *p, size_t i, double x)
{
	double	 k = floor(x / p->step[i] + 0.5);

	return fmin(fmax(k * p->step[i], p->lo[i]), p->hi[i]);
}

/*
 * Hard violation of totals tot (kcal, 4P, 9F, 4C, fiber, sodium) and
 * of the cap rows among the row values rv, each normalised by its
 * tolerance; 0 when all hard targets hold.
 */
static double
hard_viol(const struct prob *p, const double *tot, const double *rv)
{
	double	 v = 0.0, den, sh, tol;
	int	 j;

	for (j = 0; j < p->ncap; j++)
		if (rv[p->caprow[j]] > p->caplim[j])
			v += (rv[p->caprow[j]] - p->caplim[j]) / CAP_TOL;
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
 * whose row values, row penalties (pen, summing to pensum), totals and
 * regulariser are v, tot and reg: the hard violation first, then f.
 * Only the rows item i (j) appears in change, so only their penalties
 * are computed again.
 */
static double
try_move(const struct prob *p, const double *x, const double *v,
    const double *pen, double pensum, const double *tot, double reg,
    size_t i, double dx, size_t j, double dy)
{
	double	 vs[NROWS_MAX], ts[6], r;
	unsigned char seen[NROWS_MAX];
	int	 k, m, ch[NROWS_MAX], nch = 0;

	reg += sv_reg_term(p, i, x[i] + dx) - sv_reg_term(p, i, x[i]);
	memcpy(vs, v, (size_t)p->nrow * sizeof(*vs));
	memset(seen, 0, (size_t)p->nrow);
	for (m = 0; m < p->nnz[i]; m++) {
		k = p->nzr[i][m];
		vs[k] = v[k] + p->a[k][i] * dx;
		seen[k] = 1;
		ch[nch++] = k;
	}
	for (k = 0; k < 6; k++)
		ts[k] = tot[k] + p->coef[k][i] * dx;
	if (j < p->n) {
		reg += sv_reg_term(p, j, x[j] + dy) - sv_reg_term(p, j, x[j]);
		for (m = 0; m < p->nnz[j]; m++) {
			k = p->nzr[j][m];
			vs[k] += p->a[k][j] * dy;
			if (!seen[k]) {
				seen[k] = 1;
				ch[nch++] = k;
			}
		}
		for (k = 0; k < 6; k++)
			ts[k] += p->coef[k][j] * dy;
	}
	for (m = 0; m < nch; m++) {
		k = ch[m];
		r = sv_row_resid(p, k, vs[k]);
		pensum += p->w[k] * r * r - pen[k];
	}
	return HARD_W * hard_viol(p, ts, vs) + pensum + reg;
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
    const double *pen, double pensum, const double *tot, double reg,
    int pairs, double *best, struct move *mv)
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
					sc = try_move(p, x, v, pen, pensum,
					    tot, reg, i, di, j, dj);
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
int
sv_repair(const struct prob *p, double *x)
{
	struct move	 mv;
	double		 v[NROWS_MAX], pen[NROWS_MAX], tot[6], cur, reg, h;
	double		 pensum, r;
	int		 moves, pairs, maxmoves, k;

	maxmoves = 6 * (int)p->n + 20;
	pairs = 0;
	for (moves = 0; moves < maxmoves; moves++) {
		sv_rows_eval(p, x, v);
		totals(p, x, tot);
		pensum = 0.0;
		for (k = 0; k < p->nrow; k++) {
			r = sv_row_resid(p, k, v[k]);
			pen[k] = p->w[k] * r * r;
			pensum += pen[k];
		}
		reg = sv_objective(p, v, x) - pensum;
		cur = HARD_W * hard_viol(p, tot, v) + pensum + reg;
		if (!best_move(p, x, v, pen, pensum, tot, reg, 0, &cur,
		    &mv)) {
			h = hard_viol(p, tot, v);
			if (h <= 0.0 || h > PAIR_REACH || pairs >= PAIR_ROUNDS)
				break;
			pairs++;
			if (!best_move(p, x, v, pen, pensum, tot, reg, 1, &cur,
			    &mv))
				break;
		}
		x[mv.i] = sv_snap(p, mv.i, x[mv.i] + mv.di);
		if (mv.j < p->n)
			x[mv.j] = sv_snap(p, mv.j, x[mv.j] + mv.dj);
	}
	return moves;
}
