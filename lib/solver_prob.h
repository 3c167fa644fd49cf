/*
 * solver_prob.h - private to lib/solver.c and lib/solver_round.c: the
 * day's problem in normalised form (rows a_k . x against b_k, the grid of
 * each item, the hard limits) and what both files share of it.
 */
#ifndef CZ_SOLVER_PROB_H
#define CZ_SOLVER_PROB_H

#include <stddef.h>

#include "solver.h"

#define NROWS_MAX	(7 + 2 * CZ_SOLVER_MAX_MEALS + CZ_SOLVER_MAX_CAPS + \
			    CZ_SOLVER_MAX_FLOORS)
#define NEWTON_MAX	60		/* Newton steps per solve */
#define LINESEARCH_MAX	40		/* halvings per line search */
#define LAMBDA		1e-3		/* weight of the regulariser */
#define HINGE_W		1e4		/* 1 / (1% violation)^2 */
#define MEAL_W		1e2		/* soft meal bands: 1 / 10%^2 */
#define HARD_W		1e6		/* hard violation over f in repair */
#define COARSE_SHARE	0.01		/* step moving >1% of E: snap early */
#define PAIR_ROUNDS	16		/* two-item repair moves at most */
#define PAIR_REACH	2.0		/* pairs only this near (tolerances) */
#define CAP_MARGIN	0.02		/* cap rows aim this much below */
#define CAP_TOL		0.05		/* a cap's hard violation unit */
#define FLOOR_AIM	1.03		/* floors aim 3% above the minimum */

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
	/* where each row's penalty is 0: [b, b] for an equality, up to b
	 * for <=, from b for >= (sv_row_resid) */
	double		 rlo[NROWS_MAX], rhi[NROWS_MAX];
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
	/* cap rows: their row index and hard limit (row units) */
	int		 ncap;
	int		 caprow[CZ_SOLVER_MAX_CAPS];
	double		 caplim[CZ_SOLVER_MAX_CAPS];
	/* the rows each item appears in (a[k][i] != 0), for the repair,
	 * and its coefficients there, in the same order (acol[i][m] is
	 * a[nzr[i][m]][i]): read item by item, a column of a is one cache
	 * line a row apart */
	unsigned char	 nzr[CZ_SOLVER_MAX_ITEMS][NROWS_MAX];
	double		 acol[CZ_SOLVER_MAX_ITEMS][NROWS_MAX];
	int		 nnz[CZ_SOLVER_MAX_ITEMS];
	/* the items of each row (a[k][i] != 0) in increasing order, for
	 * sv_rows_eval */
	unsigned char	 nzi[NROWS_MAX][CZ_SOLVER_MAX_ITEMS];
	int		 nni[NROWS_MAX];
};

enum { NU_KCAL, NU_PROT, NU_FAT, NU_CARB, NU_FIB, NU_NA };

/*
 * The lesser and the greater of two numbers that are not NaN, inline:
 * the C library's fmin and fmax are calls (they must order NaN and
 * signed zeros), made for every item of every Newton step and trial.
 */
static inline double
sv_min(double a, double b)
{
	return b < a ? b : a;
}

static inline double
sv_max(double a, double b)
{
	return b > a ? b : a;
}

/* Row values v_k = a_k . x of every row. */
void	 sv_rows_eval(const struct prob *p, const double *x, double *v);
/* The residual of row k if its penalty is active at value v, else 0.
 * Inline: Newton and the repair ask it about a million times a round of
 * plan-bench, and a call cost more than the answer. v less v held to
 * the row's zero band: v - b outside it (the same subtraction as from
 * b), exactly +0 inside, without a branch on the row's kind that the
 * CPU could not foretell. */
static inline double
sv_row_resid(const struct prob *p, int k, double v)
{
	return v - sv_min(sv_max(v, p->rlo[k]), p->rhi[k]);
}

/* The penalty part of f, from the row values. */
double	 sv_penalty(const struct prob *p, const double *v);
/* The regulariser term of item i at x. */
double	 sv_reg_term(const struct prob *p, size_t i, double x);
/* f at x with row values v. */
double	 sv_objective(const struct prob *p, const double *v, const double *x);
/* x rounded to the grid of item i. */
double	 sv_snap(const struct prob *p, size_t i, double x);
/* The greedy repair of the rounded x (solver_round.c); returns the moves
 * made. */
int	 sv_repair(const struct prob *p, double *x);

#endif /* CZ_SOLVER_PROB_H */
