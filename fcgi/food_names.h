/*
 * food_names.h - foods as people name them on the plan form: the labels
 * offered as suggestions, and a typed name resolved to the catalog food
 * (its USDA NDB number) the planner excludes.
 */
#ifndef CZ_FOOD_NAMES_H
#define CZ_FOOD_NAMES_H

struct cz_catalog;
struct cz_request;
struct json_object;

/* The catalog's food labels, sorted, each once: the form's <datalist>.
 * An empty array when the catalog cannot be loaded. */
struct json_object *cz_food_names(struct cz_request *r);

/*
 * The food text names: an NDB number ("09040", or "9040"), a label
 * ("olive oil") or a USDA name, in any case, or failing those a piece of
 * exactly one label ("banan"). Writes its NDB number to ndb and returns 1;
 * returns 0 when nothing, or more than one food, matches.
 */
int cz_food_resolve(const struct cz_catalog *c, const char *text,
    char ndb[6]);

#endif
