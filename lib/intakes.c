/*
 * intakes.c - reference intakes per profile and the advice of a plan.
 * See intakes.h.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "intakes.h"

/*
 * Adults, and athletes (their extra needs are energy and protein, which
 * the targets carry): the FDA's Daily Values for adults, the figures on
 * every US nutrition label. Pregnancy: the Daily Values for pregnant and
 * lactating women. Older adults: the National Academies' RDA or AI for
 * people over 70, the higher of men's and women's. Vitamin D in IU as the
 * USDA data gives it (1 ug = 40 IU); folate as the data's total folate.
 */
static const struct cz_intake_ref adults[CZ_INTAKES] = {
	{ CZ_N_CALCIUM, 1300 }, { CZ_N_IRON, 18 }, { CZ_N_POTASSIUM, 4700 },
	{ CZ_N_MAGNESIUM, 420 }, { CZ_N_VITAMIN_C, 90 }, { CZ_N_FOLATE, 400 },
	{ CZ_N_VITAMIN_D, 800 }, { CZ_N_VITAMIN_B12, 2.4 },
};
static const struct cz_intake_ref pregnancy[CZ_INTAKES] = {
	{ CZ_N_CALCIUM, 1300 }, { CZ_N_IRON, 27 }, { CZ_N_POTASSIUM, 5100 },
	{ CZ_N_MAGNESIUM, 400 }, { CZ_N_VITAMIN_C, 120 }, { CZ_N_FOLATE, 600 },
	{ CZ_N_VITAMIN_D, 600 }, { CZ_N_VITAMIN_B12, 2.8 },
};
static const struct cz_intake_ref older[CZ_INTAKES] = {
	{ CZ_N_CALCIUM, 1200 }, { CZ_N_IRON, 8 }, { CZ_N_POTASSIUM, 3400 },
	{ CZ_N_MAGNESIUM, 420 }, { CZ_N_VITAMIN_C, 90 }, { CZ_N_FOLATE, 400 },
	{ CZ_N_VITAMIN_D, 800 }, { CZ_N_VITAMIN_B12, 2.4 },
};

const struct cz_intake_ref *
cz_intake_refs(enum cz_profile profile, const char **source)
{
	switch (profile) {
	case CZ_PROFILE_PREGNANCY:
		*source = "FDA Daily Values for pregnant and lactating women "
		    "(21 CFR 101.9(c)(8)(iv))";
		return pregnancy;
	case CZ_PROFILE_OLDER_ADULT:
		*source = "National Academies Dietary Reference Intakes "
		    "(RDA or AI), adults over 70, the higher of men's and "
		    "women's values";
		return older;
	default:
		*source = "FDA Daily Values for adults (21 CFR 101.9(c)(8)(iv))";
		return adults;
	}
}

double
cz_intake_pct(const struct cz_intake_ref *ref, double amount)
{
	if (isnan(amount) || ref->amount <= 0)
		return 0;
	return amount / ref->amount * 100.0;
}

static struct cz_advice *
add(struct cz_advice *advice, size_t *n, const char *code)
{
	struct cz_advice *a = &advice[(*n)++];

	a->code = code;
	a->text[0] = '\0';
	return a;
}

/* The reference intakes under CZ_ADVICE_LOW_PCT this week, but vitamin D
 * and B12 (advised on their own), as a sentence reads them: "calcium
 * (62 %), potassium (58 %) and folate (66 %)". A name is lower-cased
 * where it starts with a capital ("Vitamin C" reads "vitamin C"). */
static void
low_list(const struct cz_intake_ref *refs, const struct cz_nutrients *week,
    char *out, size_t len)
{
	const char *label[CZ_INTAKES];
	double pct[CZ_INTAKES];
	size_t i, n = 0, used = 0;
	int k;

	out[0] = '\0';
	for (i = 0; i < CZ_INTAKES; i++) {
		if (refs[i].nutrient == CZ_N_VITAMIN_D ||
		    refs[i].nutrient == CZ_N_VITAMIN_B12)
			continue;
		pct[n] = cz_intake_pct(&refs[i], week->v[refs[i].nutrient]);
		if (pct[n] >= CZ_ADVICE_LOW_PCT)
			continue;
		label[n++] = cz_nutrient_info((int)refs[i].nutrient)->label;
	}
	for (i = 0; i < n; i++) {
		k = snprintf(out + used, len - used, "%s%c%s (%.0f %%)",
		    i == 0 ? "" : i + 1 < n ? ", " : " and ",
		    tolower((unsigned char)label[i][0]), label[i] + 1, pct[i]);
		if (k < 0 || (size_t)k >= len - used)
			return;
		used += (size_t)k;
	}
}

size_t
cz_plan_advice(const struct cz_plan_request *req,
    const struct cz_nutrients *week, struct cz_advice *advice)
{
	const struct cz_intake_ref *refs;
	const char *source;
	char low[200];
	double d = 0, b12 = 0;
	size_t n = 0, i;

	refs = cz_intake_refs(req->profile, &source);
	if (req->calories < CZ_ADVICE_LOW_KCAL)
		snprintf(add(advice, &n, "low_energy")->text,
		    sizeof(advice->text), "Below %d kcal a day it is hard to "
		    "get every nutrient from food, and it is not suitable "
		    "without supervision: talk to a registered dietitian or "
		    "a doctor before following this plan.",
		    CZ_ADVICE_LOW_KCAL);
	if (req->calories > CZ_ADVICE_HIGH_KCAL)
		snprintf(add(advice, &n, "high_energy")->text,
		    sizeof(advice->text), "Over %d kcal a day suits very "
		    "active people such as endurance athletes; if that is "
		    "not you, a lower target is safer. A sports dietitian "
		    "can help you set it.", CZ_ADVICE_HIGH_KCAL);
	if (req->diet == CZ_DIET_VEGAN)
		snprintf(add(advice, &n, "vegan")->text, sizeof(advice->text),
		    "Vegan diets need a reliable source of vitamin B12 "
		    "(fortified foods or a supplement), and attention to "
		    "calcium, vitamin D, iodine and omega-3 fats; fortified "
		    "plant drinks help. A dietitian can check your needs.");
	if (req->profile == CZ_PROFILE_PREGNANCY)
		snprintf(add(advice, &n, "pregnancy")->text,
		    sizeof(advice->text), "In pregnancy a folic acid "
		    "supplement (400 µg a day) is usually advised, and iron "
		    "and vitamin D needs rise: follow the advice of your "
		    "midwife or doctor, who knows your situation.");
	for (i = 0; i < CZ_INTAKES; i++) {
		if (refs[i].nutrient == CZ_N_VITAMIN_D)
			d = cz_intake_pct(&refs[i], week->v[CZ_N_VITAMIN_D]);
		if (refs[i].nutrient == CZ_N_VITAMIN_B12)
			b12 = cz_intake_pct(&refs[i],
			    week->v[CZ_N_VITAMIN_B12]);
	}
	if (d < 100.0)
		snprintf(add(advice, &n, "vitamin_d")->text,
		    sizeof(advice->text), "This week gives %.0f %% of the "
		    "reference intake of vitamin D on average. Few foods "
		    "contain much of it; fortified foods, some sunlight or "
		    "a supplement are the usual advice (ask a pharmacist or "
		    "doctor).", d);
	/* Vegans get B12 in their own line above. */
	if (b12 < 100.0 && req->diet != CZ_DIET_VEGAN)
		snprintf(add(advice, &n, "vitamin_b12")->text,
		    sizeof(advice->text), "This week gives %.0f %% of the "
		    "reference intake of vitamin B12 on average; fortified "
		    "foods or a supplement can make up the rest.", b12);
	low_list(refs, week, low, sizeof(low));
	if (low[0] != '\0' && n < CZ_ADVICE_MAX)
		snprintf(add(advice, &n, "low_nutrients")->text,
		    sizeof(advice->text), "On average this week gives "
		    "under %.0f %% of the reference intake of %s; swapping a "
		    "meal or adding dairy or fortified foods, pulses, nuts, "
		    "fruit and vegetables helps.", CZ_ADVICE_LOW_PCT, low);
	return n;
}
