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

/* Round x to the grid of item i. */
double
sv_snap(const struct prob *p, size_t i, double x)
{
	double	 k = floor(x / p->step[i] + 0.5);

	return sv_min(sv_max(k * p->step[i], p->lo[i]), p->hi[i]);
}

/*
 * The hard violation of the cap rows among the row values rv: each cap
 * over its limit by its excess in units of CAP_TOL, summed in cap order.
 */
static double
cap_viol(const struct prob *p, const double *rv)
{
	double	 v = 0.0;
	int	 j;

	for (j = 0; j < p->ncap; j++)
		if (rv[p->caprow[j]] > p->caplim[j])
			v += (rv[p->caprow[j]] - p->caplim[j]) / CAP_TOL;
	return v;
}

/*
 * The hard violation v of the caps plus that of totals tot (kcal, 4P,
 * 9F, 4C, fiber, sodium), each normalised by its tolerance; 0 when all
 * hard targets hold.
 */
static double
tot_viol(const struct prob *p, const double *tot, double v)
{
	double	 den, sh, tol;
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
			v += sh / sv_max(p->nc_max, 1.0);
	}
	return v;
}

/* The hard violation of the caps among rv and of totals tot. */
static double
hard_viol(const struct prob *p, const double *tot, const double *rv)
{
	return tot_viol(p, tot, cap_viol(p, rv));
}

/*
 * The repair's current point: its row values, row penalties (summing to
 * pensum), totals and regulariser, the caps it violates (in cap order)
 * and the cap of each row.  A move is scored from it by computing again
 * only the rows its items appear in.  Also f there and its gradient, and
 * what of f's curvature no move can lose (the day's fixed part: the
 * equality rows and the regulariser), from which f_bound tells most
 * moves' f from below without their rows.
 */
struct here {
	const double	*x;
	double		 v[NROWS_MAX], pen[NROWS_MAX], pensum;
	double		 tot[6], reg;
	int		 capof[NROWS_MAX];	/* cap index of row k, or -1 */
	int		 over[CZ_SOLVER_MAX_CAPS], nover;
	double		 f, g[CZ_SOLVER_MAX_ITEMS];
	double		 curv[CZ_SOLVER_MAX_ITEMS];	/* of one item alone */
	int		 eq[NROWS_MAX], neq;		/* the equality rows */
};

/*
 * The score of a move from h, the hard violation first, then f: item i
 * by di and, when pair is set, item j by dj, whose totals are then ts and
 * their violation tv (tot_viol(p, ts, 0.0), which the caller has: with
 * no cap over, it is the hard violation itself, bit for bit). Only the
 * rows the move changes are computed again: item i's, in increasing
 * order, then item j's that i is not in. The caps over their limit
 * after the move are those over here whose row the move leaves alone and
 * the changed rows over theirs, summed in cap order as cap_viol sums
 * them, so the score has the same bits as from every row. Inline, with
 * pair a constant at each call: a single move then has no test of j.
 */
static inline double
move_score(const struct prob *p, const struct here *h, int pair, size_t i,
    double di, size_t j, double dj, const double *ts, double tv)
{
	double	 pensum = h->pensum, reg, val, r, cv = 0.0;
	double	 oval[CZ_SOLVER_MAX_CAPS];
	int	 over[CZ_SOLVER_MAX_CAPS], nover = 0;
	int	 a, b, c, k, m, q;
	size_t	 it;

	reg = h->reg + (sv_reg_term(p, i, h->x[i] + di) -
	    sv_reg_term(p, i, h->x[i]));
	if (pair)
		reg += sv_reg_term(p, j, h->x[j] + dj) -
		    sv_reg_term(p, j, h->x[j]);
	for (q = 0; q <= pair; q++) {
		it = q == 0 ? i : j;
		for (m = 0; m < p->nnz[it]; m++) {
			k = p->nzr[it][m];
			if (q == 0) {
				val = h->v[k] + p->acol[i][m] * di;
				if (pair && p->a[k][j] != 0.0)
					val += p->a[k][j] * dj;
			} else if (p->a[k][i] != 0.0) {
				continue;	/* counted with item i */
			} else {
				val = h->v[k] + p->a[k][j] * dj;
			}
			r = sv_row_resid(p, k, val);
			pensum += p->w[k] * r * r - h->pen[k];
			c = h->capof[k];
			if (c >= 0 && val > p->caplim[c]) {
				/* in cap order; a move changes a few rows */
				for (a = nover++; a > 0 && over[a - 1] > c;
				    a--) {
					over[a] = over[a - 1];
					oval[a] = oval[a - 1];
				}
				over[a] = c;
				oval[a] = val;
			}
		}
	}
	/* merge them with the caps over here whose rows are unchanged */
	for (a = b = 0; a < h->nover || b < nover;) {
		k = a < h->nover ? p->caprow[h->over[a]] : -1;
		if (k >= 0 && (p->a[k][i] != 0.0 ||
		    (pair && p->a[k][j] != 0.0))) {
			a++;
			continue;
		}
		if (b < nover && (a == h->nover || over[b] < h->over[a])) {
			c = over[b];
			r = oval[b++];
		} else {
			c = h->over[a++];
			r = h->v[p->caprow[c]];
		}
		cv += (r - p->caplim[c]) / CAP_TOL;
	}
	return HARD_W * (cv == 0.0 ? tv : tot_viol(p, ts, cv)) + pensum + reg;
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

/* Keeps the move in mv and its score in *best if it is lower. */
static int
keep_if_better(double sc, double *best, struct move *mv, size_t i,
    double di, size_t j, double dj)
{
	if (!(sc < *best - 1e-12 * (1.0 + *best)))
		return 0;
	*best = sc;
	mv->i = i;
	mv->j = j;
	mv->di = di;
	mv->dj = dj;
	return 1;
}

/* The totals after moving item i by dx from tot, into ts: the same sums
 * as move_score takes them. */
static void
moved_totals(const struct prob *p, const double *tot, size_t i, double dx,
    double *ts)
{
	int	 k;

	for (k = 0; k < 6; k++)
		ts[k] = tot[k] + p->coef[k][i] * dx;
}

/*
 * Whether a move whose totals are ts cannot score below best: the hard
 * violation of the totals alone (*tv, which move_score reuses) is a
 * lower bound of its score (the caps' violation, the penalties and the
 * regulariser only add nonnegative terms, and rounding keeps the order
 * of sums of them).  Most moves that leave energy or a share outside its
 * tolerance are so set aside from 6 numbers, without their rows.
 */
static int
cannot_beat(const struct prob *p, const double *ts, double best, double *tv)
{
	*tv = tot_viol(p, ts, 0.0);
	return HARD_W * *tv >= best;
}

/*
 * f after a move, from below. f is the equality rows' and the
 * regulariser's quadratics plus the inequality rows' hinges, which are
 * convex and smooth, so along a move t of items
 *	f(x + t) >= f(x) + g . t + t' (Q_eq + R) t
 * (g f's gradient at x, Q_eq the equality rows' Hessian, R the
 * regulariser's): the hinges can only add to their tangent. A move whose
 * bound, plus its hard violation's, is above the best score so far by
 * more than rounding could account for (BOUND_SLACK, against some 1e-15
 * of the scores' own sums) is set aside without its rows: it could not
 * have been kept, so the repair makes the same moves, bit for bit, about
 * half as dearly (plan-bench: 3 of 4 single moves and 1 of 4 pairs that
 * cannot_beat let through were scored for nothing).
 */
#define BOUND_SLACK	1e-9

static inline int
bound_above(double lb, double best)
{
	return lb > best + BOUND_SLACK * (1.0 + fabs(best));
}

/* The bound of f after moving item i by di alone. */
static inline double
f_bound(const struct here *h, size_t i, double di)
{
	return h->f + di * h->g[i] + di * di * h->curv[i];
}

/* The bound of f after moving item i by di and item j by dj. */
static inline double
f_bound_pair(const struct prob *p, const struct here *h, size_t i,
    double di, size_t j, double dj)
{
	double	 q, r;
	int	 e, k;

	q = p->rw[i] * di * di + p->rw[j] * dj * dj;
	for (e = 0; e < h->neq; e++) {
		k = h->eq[e];
		r = p->a[k][i] * di + p->a[k][j] * dj;
		q += p->w[k] * r * r;
	}
	return h->f + di * h->g[i] + dj * h->g[j] + q;
}

/*
 * Find the best move from h whose score is below *best: single steps,
 * or pairs of steps when pairs is set. Returns 1 and updates *best and
 * *mv if one is found.
 */
static int
best_move(const struct prob *p, const struct here *h, int pairs,
    double *best, struct move *mv)
{
	size_t		 i, j, n = p->n;
	double		 di, dj, ti[6], tij[6], tv, sc, fb;
	int		 si, sj, found = 0;

	for (i = 0; i < n; i++) {
		for (si = -1; si <= 1; si += 2) {
			di = si * p->step[i];
			if (!move_ok(p, h->x, i, di))
				continue;
			if (!pairs) {
				fb = f_bound(h, i, di);
				if (bound_above(fb, *best))
					continue;
				moved_totals(p, h->tot, i, di, ti);
				if (cannot_beat(p, ti, *best, &tv) ||
				    bound_above(HARD_W * tv + fb, *best))
					continue;
				sc = move_score(p, h, 0, i, di, n, 0.0, ti, tv);
				found |= keep_if_better(sc, best, mv, i, di, n,
				    0.0);
				continue;
			}
			moved_totals(p, h->tot, i, di, ti);
			for (j = i + 1; j < n; j++) {
				for (sj = -1; sj <= 1; sj += 2) {
					dj = sj * p->step[j];
					if (!move_ok(p, h->x, j, dj))
						continue;
					moved_totals(p, ti, j, dj, tij);
					if (cannot_beat(p, tij, *best, &tv) ||
					    bound_above(HARD_W * tv +
					    f_bound_pair(p, h, i, di, j, dj),
					    *best))
						continue;
					sc = move_score(p, h, 1, i, di, j, dj,
					    tij, tv);
					found |= keep_if_better(sc, best, mv, i,
					    di, j, dj);
				}
			}
		}
	}
	return found;
}

/* Fills h's equality rows and curvatures, which hold for the whole
 * repair (f_bound). */
static void
here_init(const struct prob *p, struct here *h)
{
	size_t	 i;
	int	 e, k;

	h->neq = 0;
	for (k = 0; k < p->nrow; k++)
		if (p->kind[k] == ROW_EQ)
			h->eq[h->neq++] = k;
	for (i = 0; i < p->n; i++) {
		h->curv[i] = p->rw[i];
		for (e = 0; e < h->neq; e++) {
			k = h->eq[e];
			h->curv[i] += p->w[k] * p->a[k][i] * p->a[k][i];
		}
	}
}

/*
 * Fills the rest of h from its point's rows and totals: the penalties,
 * the regulariser, f and its gradient, the caps over.
 */
static void
here_finish(const struct prob *p, struct here *h)
{
	const double *x = h->x;
	double	 res[NROWS_MAX], r;
	size_t	 i;
	int	 e, j, k;

	h->pensum = 0.0;
	for (k = 0; k < p->nrow; k++) {
		r = res[k] = sv_row_resid(p, k, h->v[k]);
		h->pen[k] = p->w[k] * r * r;
		h->pensum += h->pen[k];
		h->capof[k] = -1;
	}
	h->reg = 0.0;
	for (i = 0; i < p->n; i++)
		h->reg += sv_reg_term(p, i, x[i]);
	h->f = h->pensum + h->reg;
	for (i = 0; i < p->n; i++)
		h->g[i] = 2.0 * p->rw[i] * (x[i] - p->def[i]);
	for (k = 0; k < p->nrow; k++) {
		if ((r = res[k]) == 0.0)
			continue;
		r *= 2.0 * p->w[k];
		for (e = 0; e < p->nni[k]; e++) {
			i = p->nzi[k][e];
			h->g[i] += r * p->a[k][i];
		}
	}
	h->nover = 0;
	for (j = 0; j < p->ncap; j++) {
		h->capof[p->caprow[j]] = j;
		if (h->v[p->caprow[j]] > p->caplim[j])
			h->over[h->nover++] = j;
	}
}

/* Fills h for the point x (here_init done). */
static void
here_at(const struct prob *p, const double *x, struct here *h)
{
	h->x = x;
	sv_rows_eval(p, x, h->v);
	totals(p, x, h->tot);
	here_finish(p, h);
}

/*
 * Moves item i of h's point to y (the point is h->x): its rows and
 * totals change by its coefficients times the move, where summing every
 * row over every item again at each of the repair's moves was a tenth of
 * the repair. here_finish then completes h.
 */
static void
here_move(const struct prob *p, double *x, struct here *h, size_t i,
    double y)
{
	double	 dx = y - x[i];
	int	 k, m;

	x[i] = y;
	for (m = 0; m < p->nnz[i]; m++) {
		k = p->nzr[i][m];
		h->v[k] += p->acol[i][m] * dx;
	}
	for (k = 0; k < 6; k++)
		h->tot[k] += p->coef[k][i] * dx;
}

/*
 * Greedy repair of the rounded x: single-step moves while they lower the
 * score, two-item moves when single moves are stuck and a hard target
 * still fails.  Returns the number of moves made.
 */
int
sv_repair(const struct prob *p, double *x)
{
	struct here	 h;
	struct move	 mv;
	double		 cur, hv;
	int		 moves, pairs, maxmoves;

	maxmoves = 6 * (int)p->n + 20;
	pairs = 0;
	here_init(p, &h);
	here_at(p, x, &h);
	for (moves = 0; moves < maxmoves; moves++) {
		hv = hard_viol(p, h.tot, h.v);
		cur = HARD_W * hv + h.pensum + h.reg;
		if (!best_move(p, &h, 0, &cur, &mv)) {
			if (hv <= 0.0 || hv > PAIR_REACH || pairs >= PAIR_ROUNDS)
				break;
			pairs++;
			if (!best_move(p, &h, 1, &cur, &mv))
				break;
		}
		here_move(p, x, &h, mv.i, sv_snap(p, mv.i, x[mv.i] + mv.di));
		if (mv.j < p->n)
			here_move(p, x, &h, mv.j,
			    sv_snap(p, mv.j, x[mv.j] + mv.dj));
		here_finish(p, &h);
	}
	return moves;
}
