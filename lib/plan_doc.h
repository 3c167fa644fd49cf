/*
 * plan_doc.h - plans as JSON: builds the plan document the API returns and
 * the database stores (days, meals, ingredients with household measures, totals, targets, the
 * accuracy receipt, allergen warnings, the shopping list, the
 * disclaimers), and rebuilds a plan from a stored document, read with
 * plan_read.h, so that one meal can be regenerated.
 *
 * json-c objects returned here belong to the caller (json_object_put).
 */
#ifndef CZ_PLAN_DOC_H
#define CZ_PLAN_DOC_H

#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "plan_read.h"
#include "plan_request.h"
#include "planner.h"

/* The disclaimers every plan carries; pregnancy plans carry the third. */
#define CZ_DISCLAIMER_MEDICAL "This meal plan is for general education " \
	"only and is NOT intended to provide medical advice. It is NOT " \
	"intended to diagnose, treat, cure, or prevent any disease. Before " \
	"you change your diet, consult your physician or a registered " \
	"dietitian. Individual results may vary."
#define CZ_DISCLAIMER_FDA "These statements have not been evaluated by " \
	"the Food and Drug Administration."
#define CZ_DISCLAIMER_PREGNANCY "Pregnancy plans follow general public " \
	"guidance only (no high-mercury fish, raw or undercooked animal " \
	"foods, unpasteurised cheese or liver). They are not a prenatal " \
	"plan for you: follow the advice of your obstetric care provider " \
	"and ask them before changing how you eat."
#define CZ_ALLERGEN_NOTE "Allergen flags cover the listed ingredients " \
	"only. Read the labels of packaged foods for traces and cross-contact."

/*
 * Appends to out the document of p, a feasible plan of req made from cat,
 * as compact JSON text (docs/api.md describes it). a is used for scratch
 * (the shopping list) and may be reset after the call. Returns 0, or -1
 * when memory ran out or out reached its cap (out then holds a part).
 */
int cz_plan_document_write(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p,
    cz_arena *a, cz_buf *out);
/*
 * The same document as json-c's tree, equal to the one json-c parses from
 * the text (lib/jsonw.h), for a page that walks it without writing and
 * parsing 70 kB: the caller's to release. Its keys live in a, which must
 * not be reset before the tree is released. Its doubles hold values, not
 * their text: json-c would print them at full precision, so text comes
 * from cz_plan_document_write. NULL when memory ran out.
 */
struct json_object *cz_plan_document_tree(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p,
    cz_arena *a);

/* The same document as a new json-c object (for tools and tests), or
 * NULL when memory ran out. */
struct json_object *cz_plan_document(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p,
    cz_arena *a);

/* The decimals the document gives nutrient n (enum cz_nutrient) in its
 * totals: 0 for kcal and IU, else 1; for views that print amounts as the
 * document does. */
int cz_plan_document_decimals(int n);

/*
 * Rebuilds into p the plan that document doc (as plan_read.h reads it) of
 * request req describes: templates by slug, items by NDB number and
 * grams, totals recomputed from cat. Returns 0, or -1 with a message in
 * err when doc does not fit req (days, meals of the pattern) or names a
 * template or food cat does not have (the catalog changed since the plan
 * was made). p does not point into doc.
 */
int cz_plan_from_doc(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan_doc *doc,
    struct cz_plan *p, char *err, size_t errlen);

/* The grams of food f that a document printing g (whole grams) was
 * written from: g, or the whole number of f's steps within half a gram
 * of it (two dried figs of 8.4 g read back as 16.8 g, not 17 g). */
double cz_plan_doc_grams(const struct cz_cat_food *f, double g);

/* The same from the document as a json-c value (borrowed), read with
 * cz_plan_doc_read first; a document that does not read is an error
 * that says why. */
int cz_plan_from_document(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct json_object *doc,
    struct cz_plan *p, char *err, size_t errlen);

#endif /* CZ_PLAN_DOC_H */
