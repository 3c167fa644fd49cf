/*
 * plan_stored.h - the form a plan is stored in: what the planner chose
 * and nothing it can compute again.
 *
 * The plan document (plan_doc.h) is about 70 kB of JSON for a week: the
 * totals, receipts, recipes, measures and the shopping list are all
 * functions of the request, the dishes and the grams of each ingredient,
 * and the catalog. Storing the document made PostgreSQL compress and
 * TOAST 70 kB per plan (half its CPU, 25 of the 27 kB of WAL a plan
 * wrote); the stored form is 2-3 kB, kept in the row itself:
 *
 *   {"stored":1,"request":{...},
 *    "days":[[["slug",locked,ndb,grams,ndb,grams,...],...],...]}
 *
 * one array per day, one per dish: the template's slug, 1 when the meal
 * is locked (else 0), then each ingredient as its NDB number and whole
 * grams as the document prints them. Readers turn it back into the
 * document (cz_plan_stored_expand) with the catalog the responders
 * already hold; a document stored before this form existed is still
 * served as it was stored (cz_plan_stored_is tells the two apart).
 *
 * Identity: the document of a stored plan is the document of the plan
 * its stored form reads back as. cz_plan_stored_canon brings a plan the
 * planner made to that form before its document is written, so the
 * answer to POST /api/plans and every later read are the same bytes.
 *
 * The catalog must keep what stored plans name: a template (by slug) and
 * a food (by NDB number) are never deleted once plans may use them
 * (docs/operations.md, "Catalog changes"); a correction of a food's
 * nutrients shows in every plan that uses it on its next read.
 */
#ifndef CZ_PLAN_STORED_H
#define CZ_PLAN_STORED_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "plan_request.h"
#include "planner.h"

struct json_object;

/* Largest stored form a reader accepts: a week at every limit (8 dishes
 * a day with 128-byte slugs, CZ_PLAN_MAX_ITEMS ingredients a day, the
 * request's lists full) is under 16 kB; a real week is 1.5-2 kB. */
#define CZ_PLAN_STORED_MAX_BYTES	(64 * 1024)

/* 1 when the len bytes at text are a stored form, 0 when they are
 * anything else (a full document, stored before the form existed). */
int cz_plan_stored_is(const char *text, size_t len);

/*
 * Brings p, a feasible plan of req made from cat, to what its stored form
 * reads back as: grams to the whole grams the document prints (a food's
 * step restored, plan_doc.c), each day's ingredients in the order of its
 * dishes, the day totals summed again. Returns 0, or -1 with a message in
 * err when p names what cat does not have. a is scratch.
 */
int cz_plan_stored_canon(const struct cz_catalog *cat,
    const struct cz_plan_request *req, struct cz_plan *p, cz_arena *a,
    char *err, size_t errlen);

/* Appends the stored form of p to out. Returns 0, or -1 when memory ran
 * out or out reached its cap. */
int cz_plan_stored_write(const struct cz_catalog *cat,
    const struct cz_plan_request *req, const struct cz_plan *p, cz_buf *out);

/*
 * Reads the stored form in the len bytes at text (need not be
 * NUL-terminated) into *req and *p (p does not point into text or a).
 * Returns 0, or -1 with a message in err naming what is wrong: not JSON,
 * a part missing or out of range, or a dish or food cat does not have.
 */
int cz_plan_stored_read(const struct cz_catalog *cat, cz_arena *a,
    const char *text, size_t len, struct cz_plan_request *req,
    struct cz_plan *p, char *err, size_t errlen);

/* The document of the stored form at text appended to out, as
 * cz_plan_document_write writes it. Returns 0, or -1 with a message. */
int cz_plan_stored_expand(const struct cz_catalog *cat, cz_arena *a,
    const char *text, size_t len, cz_buf *out, char *err, size_t errlen);

/* The same document as json-c's tree (cz_plan_document_tree: its keys in
 * a), the caller's to release, into *tree. Returns 0, or -1 with a
 * message. */
int cz_plan_stored_tree(const struct cz_catalog *cat, cz_arena *a,
    const char *text, size_t len, struct json_object **tree, char *err,
    size_t errlen);

#endif /* CZ_PLAN_STORED_H */
