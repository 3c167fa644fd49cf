/*
 * usda.c - parses one USDA SR24 food file (cronometer's usda_sr24.jar) with
 * libxml2 into a struct cz_usda_food. See usda.h.
 *
 * The parser is handed untrusted bytes, so libxml2 runs with what cannot
 * hurt: from memory, no network, no DTD loading, no entity substitution,
 * no "huge" mode; a document with a DTD at all is refused before any value
 * is read, and values are taken from the tree's text nodes directly (never
 * through xmlGetProp, which would expand entity references). The checks
 * below then hold every value to its type and range.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "usda.h"
#include "utf8.h"

#define USDA_PARSE_OPTIONS \
	(XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | \
	 XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

#define MU "\xc2\xb5"	/* U+00B5 MICRO SIGN in UTF-8 */

static const struct cz_usda_nutrient_info nutrients[CZ_USDA_NUTRIENTS] = {
	[CZ_USDA_ENERGY] =		{ "Energy", "energy", "kcal", 1 },
	[CZ_USDA_PROTEIN] =		{ "Protein", "protein", "g", 1 },
	[CZ_USDA_CARBS] =		{ "Carbs", "carbs", "g", 1 },
	[CZ_USDA_FIBER] =		{ "Fiber", "fiber", "g", 1 },
	[CZ_USDA_STARCH] =		{ "Starch", "starch", "g", 0 },
	[CZ_USDA_SUGARS] =		{ "Sugars", "sugars", "g", 1 },
	[CZ_USDA_FAT] =			{ "Fat", "fat", "g", 1 },
	[CZ_USDA_ALCOHOL] =		{ "Alcohol", "alcohol", "g", 0 },
	[CZ_USDA_CAFFEINE] =		{ "Caffeine", "caffeine", "mg", 0 },
	[CZ_USDA_WATER] =		{ "Water", "water", "g", 0 },
	[CZ_USDA_ASH] =			{ "Ash", "ash", "g", 0 },
	[CZ_USDA_CALCIUM] =		{ "Calcium", "calcium", "mg", 1 },
	[CZ_USDA_COPPER] =		{ "Copper", "copper", "mg", 0 },
	[CZ_USDA_FLUORIDE] =		{ "Fluoride", "fluoride", MU "g", 0 },
	[CZ_USDA_IRON] =		{ "Iron", "iron", "mg", 1 },
	[CZ_USDA_MAGNESIUM] =		{ "Magnesium", "magnesium", "mg", 1 },
	[CZ_USDA_MANGANESE] =		{ "Manganese", "manganese", "mg", 0 },
	[CZ_USDA_PHOSPHORUS] =		{ "Phosphorus", "phosphorus", "mg", 0 },
	[CZ_USDA_POTASSIUM] =		{ "Potassium", "potassium", "mg", 1 },
	[CZ_USDA_SELENIUM] =		{ "Selenium", "selenium", MU "g", 0 },
	[CZ_USDA_SODIUM] =		{ "Sodium", "sodium", "mg", 1 },
	[CZ_USDA_ZINC] =		{ "Zinc", "zinc", "mg", 1 },
	[CZ_USDA_VITAMIN_A] =		{ "Vitamin A", "vitamin_a", "IU", 1 },
	[CZ_USDA_RETINOL] =		{ "Retinol", "retinol", MU "g", 0 },
	[CZ_USDA_ALPHA_CAROTENE] =	{ "Alpha-carotene", "alpha_carotene",
					    MU "g", 0 },
	[CZ_USDA_BETA_CAROTENE] =	{ "Beta-carotene", "beta_carotene",
					    MU "g", 0 },
	[CZ_USDA_BETA_CRYPTOXANTHIN] =	{ "Beta-cryptoxanthin",
					    "beta_cryptoxanthin", MU "g", 0 },
	[CZ_USDA_LYCOPENE] =		{ "Lycopene", "lycopene", MU "g", 0 },
	[CZ_USDA_LUTEIN_ZEAXANTHIN] =	{ "Lutein+Zeaxanthin",
					    "lutein_zeaxanthin", MU "g", 0 },
	[CZ_USDA_FOLATE] =		{ "Folate", "folate", MU "g", 1 },
	[CZ_USDA_VITAMIN_B1] =		{ "B1 (Thiamine)", "vitamin_b1", "mg", 0 },
	[CZ_USDA_VITAMIN_B2] =		{ "B2 (Riboflavin)", "vitamin_b2", "mg",
					    0 },
	[CZ_USDA_VITAMIN_B3] =		{ "B3 (Niacin)", "vitamin_b3", "mg", 0 },
	[CZ_USDA_VITAMIN_B5] =		{ "B5 (Pantothenic Acid)", "vitamin_b5",
					    "mg", 0 },
	[CZ_USDA_VITAMIN_B6] =		{ "B6 (Pyridoxine)", "vitamin_b6", "mg",
					    1 },
	[CZ_USDA_VITAMIN_B12] =		{ "B12 (Cyanocobalamin)", "vitamin_b12",
					    MU "g", 1 },
	[CZ_USDA_VITAMIN_C] =		{ "Vitamin C", "vitamin_c", "mg", 1 },
	[CZ_USDA_VITAMIN_D] =		{ "Vitamin D", "vitamin_d", "IU", 1 },
	[CZ_USDA_VITAMIN_E] =		{ "Vitamin E", "vitamin_e", "mg", 1 },
	[CZ_USDA_BETA_TOCOPHEROL] =	{ "Beta Tocopherol", "beta_tocopherol",
					    "mg", 0 },
	[CZ_USDA_DELTA_TOCOPHEROL] =	{ "Delta Tocopherol", "delta_tocopherol",
					    "mg", 0 },
	[CZ_USDA_GAMMA_TOCOPHEROL] =	{ "Gamma Tocopherol", "gamma_tocopherol",
					    "mg", 0 },
	[CZ_USDA_VITAMIN_K] =		{ "Vitamin K", "vitamin_k", MU "g", 1 },
	[CZ_USDA_CHOLINE] =		{ "Choline", "choline", "mg", 0 },
	[CZ_USDA_SATURATED_FAT] =	{ "Saturated", "saturated_fat", "g", 1 },
	[CZ_USDA_MONOUNSATURATED_FAT] =	{ "Monounsaturated",
					    "monounsaturated_fat", "g", 0 },
	[CZ_USDA_POLYUNSATURATED_FAT] =	{ "Polyunsaturated",
					    "polyunsaturated_fat", "g", 0 },
	[CZ_USDA_OMEGA_3] =		{ "Omega-3", "omega_3", "g", 1 },
	[CZ_USDA_OMEGA_6] =		{ "Omega-6", "omega_6", "g", 0 },
	[CZ_USDA_TRANS_FAT] =		{ "Trans-Fats", "trans_fat", "g", 0 },
	[CZ_USDA_CHOLESTEROL] =		{ "Cholesterol", "cholesterol", "mg", 1 },
	[CZ_USDA_PHYTOSTEROLS] =	{ "Phytosterol", "phytosterols", "mg", 0 },
	[CZ_USDA_ALANINE] =		{ "ALA", "alanine", "g", 0 },
	[CZ_USDA_ARGININE] =		{ "ARG", "arginine", "g", 0 },
	[CZ_USDA_ASPARTIC_ACID] =	{ "ASP", "aspartic_acid", "g", 0 },
	[CZ_USDA_CYSTINE] =		{ "CYS", "cystine", "g", 0 },
	[CZ_USDA_GLUTAMIC_ACID] =	{ "GLU", "glutamic_acid", "g", 0 },
	[CZ_USDA_GLYCINE] =		{ "GLY", "glycine", "g", 0 },
	[CZ_USDA_HISTIDINE] =		{ "HIS", "histidine", "g", 0 },
	[CZ_USDA_HYDROXYPROLINE] =	{ "HYP", "hydroxyproline", "g", 0 },
	[CZ_USDA_ISOLEUCINE] =		{ "ILE", "isoleucine", "g", 0 },
	[CZ_USDA_LEUCINE] =		{ "LEU", "leucine", "g", 0 },
	[CZ_USDA_LYSINE] =		{ "LYS", "lysine", "g", 0 },
	[CZ_USDA_METHIONINE] =		{ "MET", "methionine", "g", 0 },
	[CZ_USDA_PHENYLALANINE] =	{ "PHE", "phenylalanine", "g", 0 },
	[CZ_USDA_PROLINE] =		{ "PRO", "proline", "g", 0 },
	[CZ_USDA_SERINE] =		{ "SER", "serine", "g", 0 },
	[CZ_USDA_THREONINE] =		{ "THR", "threonine", "g", 0 },
	[CZ_USDA_TRYPTOPHAN] =		{ "TRP", "tryptophan", "g", 0 },
	[CZ_USDA_TYROSINE] =		{ "TYR", "tyrosine", "g", 0 },
	[CZ_USDA_VALINE] =		{ "VAL", "valine", "g", 0 },
};

/* What one error message is about: the element's line, then the text. */
static void
seterr(char *err, size_t errlen, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
seterr(char *err, size_t errlen, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	int off = 0;

	if (errlen == 0)
		return;
	if (n != NULL)
		off = snprintf(err, errlen, "line %ld: ", xmlGetLineNo(n));
	if (off < 0 || (size_t)off >= errlen)
		off = 0;
	va_start(ap, fmt);
	vsnprintf(err + off, errlen - (size_t)off, fmt, ap);
	va_end(ap);
}

/* libxml2's own reason, on one line, without its trailing newline. */
static void
xml_error(xmlParserCtxtPtr ctxt, char *err, size_t errlen)
{
	const xmlError *e = xmlCtxtGetLastError(ctxt);
	size_t n;

	if (e == NULL || e->message == NULL) {
		seterr(err, errlen, NULL, "not well-formed XML");
		return;
	}
	seterr(err, errlen, NULL, "not well-formed XML: line %d: %s", e->line,
	    e->message);
	n = strcspn(err, "\r\n");
	err[n] = '\0';
}

/*
 * The value of attribute a: its one text node, or "" when empty. NULL when
 * it holds anything else (an entity reference, which a document without a
 * DTD cannot declare, so this is belt and braces).
 */
static const char *
attr_value(const xmlAttr *a)
{
	const xmlNode *c = a->children;

	if (c == NULL)
		return "";
	if (c->type != XML_TEXT_NODE || c->next != NULL || c->content == NULL)
		return NULL;
	return (const char *)c->content;
}

/*
 * Parses s as a plain decimal number in [0, max]: digits with an optional
 * fraction and exponent; no sign, space, hex, "inf" or "nan". Returns 0,
 * or -1 with the reason in *why.
 */
static int
parse_number(const char *s, double max, double *out, const char **why)
{
	const char *p = s;
	char *end;
	double v;
	int digits = 0;

	*why = "is not a plain decimal number";
	if (*p == '-') {
		*why = "is negative";
		return -1;
	}
	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	if (digits == 0)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p != '\0')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (end != p || errno == ERANGE || !isfinite(v) || v < 0 || v > max) {
		*why = "is out of range";
		return -1;
	}
	*out = v;
	return 0;
}

/*
 * Copies the text s into dst (size dstlen) without its leading and
 * trailing spaces (three SR24 names start with one). Returns 0, or -1 with
 * the reason in *why when it is empty, too long, not UTF-8 or holds a
 * control character.
 */
static int
copy_name(char *dst, size_t dstlen, const char *s, const char **why)
{
	size_t n, i;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0) {
		*why = "is empty";
		return -1;
	}
	if (n >= dstlen) {
		*why = "is too long";
		return -1;
	}
	if (!cz_utf8_valid(s, n)) {
		*why = "is not UTF-8";
		return -1;
	}
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
			*why = "holds a control character";
			return -1;
		}
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 0;
}

/* Whether the text node n holds nothing but XML white space. */
static int
is_blank(const xmlNode *n)
{
	const xmlChar *p;

	if (n->type != XML_TEXT_NODE || n->content == NULL)
		return 0;
	for (p = n->content; *p != '\0'; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return 0;
	return 1;
}

/* Whether the element has children other than blanks and comments. */
static int
has_content(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type != XML_COMMENT_NODE && !is_blank(c))
			return 1;
	return 0;
}

/* The attributes of <food>: uid and name required, factors optional. */
static int
parse_food(const xmlNode *n, struct cz_usda_food *f, char *err,
    size_t errlen)
{
	const xmlAttr *a;
	const char *v, *name, *why;
	double *factor;
	int uid = 0, named = 0, i;

	for (a = n->properties; a != NULL; a = a->next) {
		name = (const char *)a->name;
		if ((v = attr_value(a)) == NULL || a->ns != NULL) {
			seterr(err, errlen, n, "attribute %s of <food>: not a "
			    "plain value", name);
			return -1;
		}
		if (strcmp(name, "uid") == 0) {
			for (i = 0; i < 5 && v[i] >= '0' && v[i] <= '9'; i++)
				;
			if (i != 5 || v[5] != '\0') {
				seterr(err, errlen, n, "uid \"%.16s\" is not 5 "
				    "digits", v);
				return -1;
			}
			memcpy(f->uid, v, 6);
			uid = 1;
		} else if (strcmp(name, "name") == 0) {
			if (copy_name(f->name, sizeof(f->name), v, &why) == -1) {
				seterr(err, errlen, n, "the food's name %s (at "
				    "most %d bytes of UTF-8)", why,
				    CZ_USDA_NAME_MAX);
				return -1;
			}
			named = 1;
		} else {
			if (strcmp(name, "pcf") == 0)
				factor = &f->pcf;
			else if (strcmp(name, "fcf") == 0)
				factor = &f->fcf;
			else if (strcmp(name, "ccf") == 0)
				factor = &f->ccf;
			else {
				seterr(err, errlen, n, "unknown attribute %.32s "
				    "of <food>", name);
				return -1;
			}
			if (parse_number(v, CZ_USDA_FACTOR_MAX, factor,
			    &why) == -1) {
				seterr(err, errlen, n, "%s \"%.32s\" %s (0 to "
				    "%.0f)", name, v, why, CZ_USDA_FACTOR_MAX);
				return -1;
			}
		}
	}
	if (!uid || !named) {
		seterr(err, errlen, n, "<food> has no %s", !uid ? "uid" : "name");
		return -1;
	}
	return 0;
}

static int
parse_measure(const xmlNode *n, struct cz_usda_food *f, char *err,
    size_t errlen)
{
	struct cz_usda_measure *m;
	const xmlAttr *a;
	const char *v, *name, *why;
	double *num, max;
	int seen = 0, rc;

	if (f->nmeasures == CZ_USDA_MEASURES_MAX) {
		seterr(err, errlen, n, "more than %d measures",
		    CZ_USDA_MEASURES_MAX);
		return -1;
	}
	m = &f->measures[f->nmeasures];
	for (a = n->properties; a != NULL; a = a->next) {
		name = (const char *)a->name;
		if ((v = attr_value(a)) == NULL || a->ns != NULL) {
			seterr(err, errlen, n, "attribute %s of <measure>: "
			    "not a plain value", name);
			return -1;
		}
		if (strcmp(name, "name") == 0) {
			if (copy_name(m->name, sizeof(m->name), v, &why) == -1) {
				seterr(err, errlen, n, "a measure's name %s (at "
				    "most %d bytes of UTF-8)", why,
				    CZ_USDA_MEASURE_NAME_MAX);
				return -1;
			}
			seen |= 1;
			continue;
		}
		if (strcmp(name, "amount") == 0) {
			num = &m->amount;
			max = CZ_USDA_MEASURE_AMOUNT_MAX;
			seen |= 2;
		} else if (strcmp(name, "grams") == 0) {
			num = &m->grams;
			max = CZ_USDA_GRAMS_MAX;
			seen |= 4;
		} else {
			seterr(err, errlen, n, "unknown attribute %.32s of "
			    "<measure>", name);
			return -1;
		}
		rc = parse_number(v, max, num, &why);
		if (rc == 0 && *num == 0) {
			why = "is zero";
			rc = -1;
		}
		if (rc == -1) {
			seterr(err, errlen, n, "measure %s \"%.32s\" %s (more "
			    "than 0, at most %.0f)", name, v, why, max);
			return -1;
		}
	}
	if (seen != 7) {
		seterr(err, errlen, n, "<measure> needs amount, name and grams");
		return -1;
	}
	f->nmeasures++;
	return 0;
}

static int
parse_nutrient(const xmlNode *n, struct cz_usda_food *f, char *err,
    size_t errlen)
{
	const xmlAttr *a;
	const char *v, *name, *nname = NULL, *amount = NULL, *why;
	double x;
	int id;

	for (a = n->properties; a != NULL; a = a->next) {
		name = (const char *)a->name;
		if ((v = attr_value(a)) == NULL || a->ns != NULL) {
			seterr(err, errlen, n, "attribute %s of <nutrient>: "
			    "not a plain value", name);
			return -1;
		}
		if (strcmp(name, "name") == 0)
			nname = v;
		else if (strcmp(name, "amount") == 0)
			amount = v;
		else {
			seterr(err, errlen, n, "unknown attribute %.32s of "
			    "<nutrient>", name);
			return -1;
		}
	}
	if (nname == NULL || amount == NULL) {
		seterr(err, errlen, n, "<nutrient> needs amount and name");
		return -1;
	}
	if ((id = cz_usda_nutrient_lookup(nname)) == -1) {
		seterr(err, errlen, n, "unknown nutrient \"%.64s\"", nname);
		return -1;
	}
	if (!isnan(f->nutrient[id])) {
		seterr(err, errlen, n, "nutrient \"%s\" given twice", nname);
		return -1;
	}
	if (parse_number(amount, CZ_USDA_AMOUNT_MAX, &x, &why) == -1) {
		seterr(err, errlen, n, "nutrient \"%s\": amount \"%.32s\" %s (0 "
		    "to %.0f)", nname, amount, why, CZ_USDA_AMOUNT_MAX);
		return -1;
	}
	f->nutrient[id] = x;
	f->nnutrients++;
	return 0;
}

static const struct {
	const char	*name;
	int		(*parse)(const xmlNode *, struct cz_usda_food *, char *,
			    size_t);
} elements[] = {
	{ "nutrient",	parse_nutrient },
	{ "measure",	parse_measure },
};

/* The children of <food>: measures and nutrients, blanks and comments. */
static int
parse_children(const xmlNode *root, struct cz_usda_food *f, char *err,
    size_t errlen)
{
	const xmlNode *n;
	size_t i;

	for (n = root->children; n != NULL; n = n->next) {
		switch (n->type) {
		case XML_ELEMENT_NODE:
			for (i = 0; i < sizeof(elements) / sizeof(elements[0]);
			    i++)
				if (n->ns == NULL && strcmp((const char *)n->name,
				    elements[i].name) == 0)
					break;
			if (i == sizeof(elements) / sizeof(elements[0])) {
				seterr(err, errlen, n, "unknown element <%.32s> "
				    "in <food>", (const char *)n->name);
				return -1;
			}
			if (n->nsDef != NULL || has_content(n)) {
				seterr(err, errlen, n, "<%s> must be empty",
				    elements[i].name);
				return -1;
			}
			if (elements[i].parse(n, f, err, errlen) == -1)
				return -1;
			break;
		case XML_COMMENT_NODE:
		case XML_PI_NODE:
			break;
		case XML_TEXT_NODE:
			if (is_blank(n))
				break;
			/* FALLTHROUGH */
		default:
			seterr(err, errlen, n, "<food> holds text or other "
			    "content besides <measure> and <nutrient>");
			return -1;
		}
	}
	return 0;
}

const struct cz_usda_nutrient_info *
cz_usda_nutrient_info(int id)
{
	if (id < 0 || id >= CZ_USDA_NUTRIENTS)
		return NULL;
	return &nutrients[id];
}

int
cz_usda_nutrient_lookup(const char *name)
{
	int i;

	for (i = 0; i < CZ_USDA_NUTRIENTS; i++)
		if (strcmp(nutrients[i].name, name) == 0)
			return i;
	return -1;
}

void
cz_usda_food_clear(struct cz_usda_food *f)
{
	int i;

	memset(f->uid, 0, sizeof(f->uid));
	f->name[0] = '\0';
	f->pcf = f->fcf = f->ccf = NAN;
	f->nmeasures = 0;
	f->nnutrients = 0;
	for (i = 0; i < CZ_USDA_NUTRIENTS; i++)
		f->nutrient[i] = NAN;
}

int
cz_usda_parse(const char *data, size_t len, struct cz_usda_food *f,
    char *err, size_t errlen)
{
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	const xmlNode *root;
	int ret = -1;

	cz_usda_food_clear(f);
	if (len == 0 || len > CZ_USDA_FILE_MAX) {
		seterr(err, errlen, NULL, "%s (at most %d bytes)", len == 0 ?
		    "empty" : "too large", CZ_USDA_FILE_MAX);
		goto err;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		seterr(err, errlen, NULL, "out of memory");
		goto err;
	}
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
	    USDA_PARSE_OPTIONS);
	if (doc == NULL) {
		xml_error(ctxt, err, errlen);
		goto err;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		seterr(err, errlen, NULL, "a DTD (<!DOCTYPE>) is not allowed");
		goto err;
	}
	if ((root = xmlDocGetRootElement(doc)) == NULL) {
		seterr(err, errlen, NULL, "no root element");
		goto err;
	}
	if (root->ns != NULL || root->nsDef != NULL ||
	    strcmp((const char *)root->name, "food") != 0) {
		seterr(err, errlen, root, "the root element is <%.32s>, not "
		    "<food> without namespace", (const char *)root->name);
		goto err;
	}
	if (parse_food(root, f, err, errlen) == -1 ||
	    parse_children(root, f, err, errlen) == -1)
		goto err;
	ret = 0;
err:
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	if (ret == -1)
		cz_usda_food_clear(f);
	return ret;
}

double
cz_usda_atwater(const struct cz_usda_food *f)
{
	double p = f->nutrient[CZ_USDA_PROTEIN], fat = f->nutrient[CZ_USDA_FAT];
	double c = f->nutrient[CZ_USDA_CARBS], a = f->nutrient[CZ_USDA_ALCOHOL];
	double kcal;

	if (isnan(f->pcf) || isnan(f->fcf) || isnan(f->ccf) || isnan(p) ||
	    isnan(fat) || isnan(c))
		return NAN;
	kcal = p * f->pcf + fat * f->fcf + c * f->ccf;
	if (!isnan(a))
		kcal += a * CZ_USDA_ALCOHOL_KCAL;
	return kcal;
}
