/*
 * recipes.c - methods in the amounts of a plan, and the plan's shared
 * cooks. See recipes.h; the methods themselves are in recipes_data.c.
 *
 * What the cook handles follows from the shopping tables (shop_items.h):
 * a food eaten cooked whose shop item is bought dry or raw is weighed as
 * bought ("60 g dry brown rice (about 200 g cooked)"), since that is what
 * goes into the pan; a countable food is counted ("2 eggs"); an oil is
 * also given in spoons (1 tablespoon = 13.5 g, USDA SR24's measure).
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fixed_text.h"
#include "recipes.h"
#include "shop_items.h"

/* Countable foods whose catalog step is one piece: counted, not weighed. */
static const struct {
	const char	*ndb, *one, *many;
} pieces[] = {
	{ "01129", "egg", "eggs" },
	{ "09003", "apple", "apples" },
	{ "09032", "dried apricot", "dried apricots" },
	{ "09040", "banana", "bananas" },
	{ "09094", "dried fig", "dried figs" },
	{ "09148", "kiwi", "kiwis" },
	{ "09200", "orange", "oranges" },
	{ "09236", "peach", "peaches" },
	{ "09252", "pear", "pears" },
	{ "09421", "Medjool date", "Medjool dates" },
	{ "12078", "Brazil nut", "Brazil nuts" },
	{ "15088", "sardine in olive oil", "sardines in olive oil" },
	{ "18042", "whole-wheat pita", "whole-wheat pitas" },
	{ "18060", "slice of rye bread", "slices of rye bread" },
	{ "18075", "slice of whole-wheat bread", "slices of whole-wheat bread" },
	{ "18449", "corn tortilla", "corn tortillas" },
	{ "19816", "brown rice cake", "brown rice cakes" },
};

/* Names a cook reads better than the catalog label cut at its comma. */
static const struct {
	const char	*ndb, *name;
} names[] = {
	{ "01082", "1% milk" },
	{ "08120", "rolled oats" },
	{ "11135", "cauliflower" },
	{ "11212", "shelled edamame" },
	{ "11885", "canned chopped tomatoes (no salt added)" },
	{ "12118", "canned coconut milk" },
	{ "15127", "sashimi-grade yellowfin tuna" },
	{ "15184", "canned tuna in water, drained" },
	{ "16015", "cooked black beans (drained if canned)" },
	{ "16033", "cooked red kidney beans (drained if canned)" },
	{ "16043", "cooked pinto beans (drained if canned)" },
	{ "16050", "cooked white beans (drained if canned)" },
	{ "16057", "cooked chickpeas (drained if canned)" },
	{ "16077", "jarred lupini beans, drained" },
	{ "16222", "unsweetened soy milk" },
	{ "19165", "unsweetened cocoa powder" },
	{ "19806", "popcorn kernels" },
};

/* Foods that keep well cooked for a day and are worth one cook for two
 * meals besides those bought dry: potatoes and roasts. */
static const char *const batch_extra[] = {
	"05064", "05098", "05220", "10061", "11356", "11508", "13419",
	"17014",
};

/* Neat oils and butter: also in spoons. */
static const char *const spooned[] = {
	"01145", "04047", "04053", "04058", "04581", "04582",
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define TBSP_G		13.5
#define TSP_G		4.5

static int
in_list(const char *const *list, size_t n, const char *ndb)
{
	size_t i;

	/* every listed NDB number has 5 digits; most differ from ndb's in
	 * the last one (a spoon list is asked of every food a recipe
	 * weighs: 1,000 string compares a plan) */
	if (strlen(ndb) != 5)
		return 0;
	for (i = 0; i < n; i++)
		if (list[i][4] == ndb[4] && strcmp(list[i], ndb) == 0)
			return 1;
	return 0;
}

/* The plain name of f, its override, else its label up to the first
 * comma ("broccoli, steamed" -> "broccoli"): its length, at *name. */
static size_t
find_plain_name(const struct cz_cat_food *f, const char **name)
{
	size_t i;

	/* every listed NDB number has 5 digits; most differ from f's in
	 * the last one (as in pieces, below) */
	for (i = 0; i < NELEM(names); i++)
		if (names[i].ndb[4] == f->ndb[4] &&
		    strcmp(names[i].ndb, f->ndb) == 0) {
			*name = names[i].name;
			return strlen(names[i].name);
		}
	*name = f->label;
	return strcspn(f->label, ",");
}

/* f's entry in pieces plus one, 0 when it is not counted. */
static int
find_piece(const struct cz_cat_food *f)
{
	size_t i;

	for (i = 0; i < NELEM(pieces); i++)
		if (pieces[i].ndb[4] == f->ndb[4] &&
		    strcmp(pieces[i].ndb, f->ndb) == 0)
			return (int)i + 1;
	return 0;
}

void
cz_recipe_food_prepare(struct cz_cat_food *f)
{
	f->cook_len = find_plain_name(f, &f->cook_name);
	f->piece = find_piece(f);
	f->spooned = in_list(spooned, NELEM(spooned), f->ndb);
	f->recipe_ready = 1;
}

/* The plain name of f into out (len bytes). */
static void
plain_name(const struct cz_cat_food *f, char *out, size_t len)
{
	const char *name;
	size_t n;

	if (f->recipe_ready)
		cz_text_copy(out, len, f->cook_name, f->cook_len);
	else {
		n = find_plain_name(f, &name);
		cz_text_copy(out, len, name, n);
	}
}

/* "½", "1", "1 ½": halves of a count or of a spoon. */
static void
halves(double x, char *out, size_t len)
{
	char d[CZ_UINT_DIGITS_MAX + 8];
	long h = lround(x * 2);
	size_t n = 0;

	if (h < 0 || h > 2000000000L) {		/* never a count: printf's */
		snprintf(out, len, "%ld%s", h / 2, h % 2 != 0 ? " ½" : "");
		return;
	}
	if (h != 1)
		n = cz_uint_digits(d, (unsigned long long)(h / 2));
	if (h % 2 != 0) {
		if (n > 0)
			d[n++] = ' ';
		memcpy(d + n, "½", strlen("½"));
		n += strlen("½");
	}
	cz_text_copy(out, len, d, n);
}

int
cz_recipe_needs_cooking(const struct cz_cat_food *f)
{
	const struct cz_shop_food *sf = cz_cat_food_shop(f);

	return strcmp(f->ndb, "01129") == 0 ||
	    (sf != NULL && fabs(sf->factor - 1.0) > 1e-9);
}

/* Writes v as printf's "%.0f" does into buf; returns buf. */
static const char *
whole_text(char buf[32], double v)
{
	return cz_whole_text(buf, 32, v);
}

/* Writes the n strings of parts one after the other to out (len bytes,
 * NUL-terminated). Returns 0, or -1 when out is too small. */
static int
join(char *out, size_t len, const char *const *parts, size_t n)
{
	size_t i, at = 0;

	if (len == 0)
		return -1;
	for (i = 0; i < n; i++)
		if (cz_text_put(out, len, &at, parts[i], strlen(parts[i])) == -1)
			return -1;
	out[at] = '\0';
	return 0;
}

int
cz_recipe_amount(const struct cz_cat_food *f, double grams, char *out,
    size_t len)
{
	const struct cz_shop_food *sf = cz_cat_food_shop(f);
	const struct cz_shop_product *sp;
	const char *basis = NULL, *state;
	char name[96], q[32], g[32], b[32];
	double n, bought;
	size_t i;
	int piece;

	plain_name(f, name, sizeof(name));
	sp = cz_cat_food_product(f);
	if (sp != NULL)
		basis = sp->basis;
	piece = f->recipe_ready ? f->piece : find_piece(f);
	if (piece > 0 && f->step_g > 0) {
		i = (size_t)piece - 1;
		n = grams / f->step_g;
		/* not whole or half pieces: weighed, below */
		if (!(fabs(n * 2 - round(n * 2)) > 0.01 || n < 0.49)) {
			halves(n, q, sizeof(q));
			return join(out, len, (const char *[]){ q, " ",
			    n > 1.01 ? pieces[i].many : pieces[i].one }, 3);
		}
	}
	if (sf != NULL && fabs(sf->factor - 1.0) > 1e-9) {
		bought = sf->factor * grams;
		/* Weighed as a kitchen scale reads: to 5 g, 10 g above 100. */
		bought = bought < 100 ? round(bought / 5) * 5 :
		    round(bought / 10) * 10;
		if (bought < 5)
			bought = 5;
		if (basis != NULL && strcmp(basis, "in shell") == 0)
			return join(out, len, (const char *[]){
			    whole_text(b, bought), " g ", name,
			    " in the shell (about ", whole_text(g, grams),
			    " g cooked meat)" }, 6);
		state = basis != NULL && (strcmp(basis, "dry") == 0 ||
		    strcmp(basis, "raw") == 0) ? basis : NULL;
		return join(out, len, (const char *[]){
		    whole_text(b, bought), " g ", state != NULL ? state : "",
		    state != NULL ? " " : "", name, " (about ",
		    whole_text(g, grams), " g ",
		    strcmp(f->ndb, "19806") == 0 ? "popped)" : "cooked)" }, 9);
	}
	if (f->recipe_ready ? f->spooned :
	    in_list(spooned, NELEM(spooned), f->ndb)) {
		n = grams / TSP_G;
		if (n >= 2.75)
			halves(grams / TBSP_G, q, sizeof(q));
		else
			halves(n < 0.5 ? 0.5 : n, q, sizeof(q));
		return join(out, len, (const char *[]){ q,
		    n >= 2.75 ? " tbsp (" : " tsp (", whole_text(g, grams),
		    " g) ", name }, 5);
	}
	return join(out, len, (const char *[]){ whole_text(g, grams), " g ",
	    name }, 3);
}

/* Whether s[0..] opens a placeholder "{NNNNN}". */
static int
placeholder(const char *s)
{
	int i;

	if (s[0] != '{')
		return 0;
	for (i = 1; i <= 5; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return s[6] == '}';
}

int
cz_recipe_step(const char *step, const struct cz_recipe_item *items,
    size_t n, char *out, size_t len)
{
	const char *s, *a;
	size_t o = 0, k, al, run;

	if (len == 0)
		return -1;
	for (s = step; *s != '\0'; s++) {
		/* The text up to the next brace as it is, in one copy: a
		 * plan's document writes some 400 steps. */
		run = (size_t)(strchrnul(s, '{') - s);
		if (o + run >= len) {
			memcpy(out + o, s, len - 1 - o);
			out[len - 1] = '\0';
			return -1;
		}
		memcpy(out + o, s, run);
		o += run;
		s += run;
		if (*s == '\0')
			break;
		if (placeholder(s)) {
			for (k = 0; k < n; k++)
				if (strncmp(items[k].ndb, s + 1, 5) == 0)
					break;
			if (k == n) {
				out[o] = '\0';
				return -1;
			}
			a = items[k].amount;
			al = strlen(a);
			if (o + al >= len) {
				out[o] = '\0';
				return -1;
			}
			memcpy(out + o, a, al);
			o += al;
			s += 6;
			continue;
		}
		if (o + 1 >= len) {
			out[o] = '\0';
			return -1;
		}
		out[o++] = *s;
	}
	out[o] = '\0';
	return 0;
}

const struct cz_recipe *
cz_template_recipe(const struct cz_cat_template *t)
{
	return t->recipe != NULL ? t->recipe : cz_recipe_find(t->slug);
}

int
cz_recipe_nsteps(const struct cz_recipe *r)
{
	int n = 0;

	while (n < CZ_RECIPE_MAX_STEPS && r->steps[n] != NULL)
		n++;
	return n;
}

int
cz_recipe_check(const struct cz_recipe *r, const char *const *ndbs,
    const int *need_cook, size_t n, char *err, size_t errlen)
{
	int used[CZ_PLAN_MAX_ITEMS] = { 0 };
	const char *s;
	int nsteps, i;
	size_t k;

	if (n > CZ_PLAN_MAX_ITEMS) {
		snprintf(err, errlen, "%s: more than %d items", r->slug,
		    CZ_PLAN_MAX_ITEMS);
		return -1;
	}
	nsteps = cz_recipe_nsteps(r);
	if (nsteps < CZ_RECIPE_MIN_STEPS) {
		snprintf(err, errlen, "%s: %d steps, fewer than %d", r->slug,
		    nsteps, CZ_RECIPE_MIN_STEPS);
		return -1;
	}
	if (r->prep_min <= 0 || r->cook_min < 0 || r->prep_min > 180 ||
	    r->cook_min > 300) {
		snprintf(err, errlen, "%s: times %d + %d min are not sane",
		    r->slug, r->prep_min, r->cook_min);
		return -1;
	}
	for (i = 0; i < nsteps; i++) {
		if (strlen(r->steps[i]) < 10) {
			snprintf(err, errlen, "%s: step %d is too short",
			    r->slug, i + 1);
			return -1;
		}
		for (s = r->steps[i]; *s != '\0'; s++) {
			if (placeholder(s)) {
				for (k = 0; k < n; k++)
					if (strncmp(ndbs[k], s + 1, 5) == 0)
						break;
				if (k == n) {
					snprintf(err, errlen, "%s: step %d: "
					    "%.7s is not an item of the dish",
					    r->slug, i + 1, s);
					return -1;
				}
				used[k] = 1;
				s += 6;
			} else if (*s == '{' || *s == '}') {
				snprintf(err, errlen, "%s: step %d: a brace "
				    "outside a placeholder", r->slug, i + 1);
				return -1;
			}
		}
	}
	for (k = 0; k < n; k++) {
		if (!used[k]) {
			snprintf(err, errlen, "%s: no step names item %s",
			    r->slug, ndbs[k]);
			return -1;
		}
		if (need_cook != NULL && need_cook[k] && r->cook_min == 0) {
			snprintf(err, errlen, "%s: %s must be cooked but the "
			    "cook time is 0", r->slug, ndbs[k]);
			return -1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * shared cooks
 */

/* Whether food f is a base one cook can serve two meals with. */
static int
batchable(const struct cz_cat_food *f)
{
	const struct cz_shop_food *sf = cz_cat_food_shop(f);
	const struct cz_shop_product *sp;

	if (in_list(batch_extra, NELEM(batch_extra), f->ndb))
		return 1;
	if (sf == NULL || sf->factor >= 1.0 ||
	    (sp = cz_cat_food_product(f)) == NULL)
		return 0;
	return sp->basis != NULL && strcmp(sp->basis, "dry") == 0;
}

/* Appends to note the meal r of p: "Dish (day 2 lunch)". */
static void
note_meal(const struct cz_catalog *cat, const struct cz_plan *p,
    struct cz_recipe_note *note, int day, int meal, int last)
{
	const struct cz_plan_meal *m = &p->days[day].meals[meal];
	size_t o = strlen(note->text);

	snprintf(note->text + o, sizeof(note->text) - o, "%s%s (day %d, %s)",
	    note->nmeals == 0 ? "" : last ? " and " : ", ",
	    cat->templates[m->tmpl].name, day + 1, cz_slot_name((int)m->slot));
	note->meals[note->nmeals].day = day;
	note->meals[note->nmeals].meal = meal;
	note->nmeals++;
}

/* The same dish on day d and d + 1 (a cooked one): one note each. */
static int
dish_notes(const struct cz_catalog *cat, const struct cz_plan *p,
    struct cz_recipe_note *notes, int n, int max)
{
	const struct cz_cat_template *t;
	const struct cz_recipe *r;
	int d, m, k, taken[CZ_PLAN_MAX_DAYS][CZ_PLAN_MAX_MEALS];

	memset(taken, 0, sizeof(taken));
	for (d = 0; d + 1 < p->ndays; d++)
		for (m = 0; m < p->days[d].nmeals; m++) {
			if (taken[d][m])
				continue;
			t = &cat->templates[p->days[d].meals[m].tmpl];
			if ((r = cz_template_recipe(t)) == NULL ||
			    r->cook_min == 0)
				continue;
			for (k = 0; k < p->days[d + 1].nmeals; k++)
				if (!taken[d + 1][k] &&
				    p->days[d + 1].meals[k].tmpl ==
				    p->days[d].meals[m].tmpl)
					break;
			if (k == p->days[d + 1].nmeals || n == max)
				continue;
			taken[d][m] = taken[d + 1][k] = 1;
			memset(&notes[n], 0, sizeof(notes[n]));
			snprintf(notes[n].text, sizeof(notes[n].text), "Days "
			    "%d and %d both have %s: cook both portions on day "
			    "%d, cool the second within an hour, keep it "
			    "covered in the fridge and eat it the next day "
			    "(reheat a hot dish until steaming).",
			    d + 1, d + 2, t->name, d + 1);
			notes[n].meals[0].day = d;
			notes[n].meals[0].meal = m;
			notes[n].meals[1].day = d + 1;
			notes[n].meals[1].meal = k;
			notes[n].nmeals = 2;
			n++;
		}
	return n;
}

int
cz_recipe_batch(const struct cz_catalog *cat, const struct cz_plan *p,
    struct cz_recipe_note *notes, int max)
{
	struct use {
		int	 day, meal;
		double	 grams;
	} uses[CZ_PLAN_MAX_DAYS * CZ_PLAN_MAX_MEALS];
	char done[CZ_PLAN_MAX_DAYS * CZ_PLAN_MAX_ITEMS];
	char amount[CZ_RECIPE_AMOUNT_LEN];
	const struct cz_plan_day *day;
	const struct cz_cat_food *f;
	struct cz_recipe_note *note;
	size_t fi, i, k;
	int n, nu, d, e, j, start, end, same, dd;
	double sum;

	n = dish_notes(cat, p, notes, 0, max);
	memset(done, 0, sizeof(done));
	for (d = 0; d < p->ndays; d++)
		for (i = 0; i < p->days[d].nitems; i++) {
			if (done[d * CZ_PLAN_MAX_ITEMS + i])
				continue;
			fi = p->days[d].items[i].food;
			f = &cat->foods[fi];
			if (!batchable(f))
				continue;
			/* Every use of the food from here, in plan order,
			 * one per meal. */
			nu = 0;
			for (e = d; e < p->ndays; e++) {
				day = &p->days[e];
				for (k = e == d ? i : 0; k < day->nitems; k++) {
					if (day->items[k].food != fi)
						continue;
					done[e * CZ_PLAN_MAX_ITEMS + k] = 1;
					if (nu > 0 && uses[nu - 1].day == e &&
					    uses[nu - 1].meal ==
					    day->items[k].meal) {
						uses[nu - 1].grams +=
						    day->items[k].grams;
						continue;
					}
					uses[nu].day = e;
					uses[nu].meal = day->items[k].meal;
					uses[nu].grams = day->items[k].grams;
					nu++;
				}
			}
			/* Groups: meals of one day and the next. */
			for (start = 0; start < nu; start = end) {
				for (end = start + 1; end < nu && end - start <
				    CZ_RECIPE_NOTE_MEALS && uses[end].day <=
				    uses[start].day + 1; end++)
					;
				if (end - start < 2 || n == max)
					continue;
				same = 1;
				for (j = start + 1; j < end; j++)
					if (p->days[uses[j].day].meals[
					    uses[j].meal].tmpl != p->days[
					    uses[start].day].meals[
					    uses[start].meal].tmpl)
						same = 0;
				if (same && end - start == 2)
					continue;	/* a dish note says it */
				for (sum = 0, j = start; j < end; j++)
					sum += uses[j].grams;
				if (cz_recipe_amount(f, sum, amount,
				    sizeof(amount)) == -1)
					continue;
				note = &notes[n++];
				memset(note, 0, sizeof(*note));
				dd = uses[start].day + 1;
				snprintf(note->text, sizeof(note->text), "Day "
				    "%d: cook %s once for ", dd, amount);
				for (j = start; j < end; j++)
					note_meal(cat, p, note, uses[j].day,
					    uses[j].meal, j == end - 1);
				k = strlen(note->text);
				snprintf(note->text + k, sizeof(note->text) - k,
				    "; cool what is left within an hour, keep "
				    "it covered in the fridge and eat it "
				    "within 2 days.");
			}
		}
	return n;
}
