/*
 * meal_role.c - which dish of its meal a dish of a day is (see
 * meal_role.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>

#include "meal_role.h"

enum cz_meal_role
cz_meal_role(const struct cz_plan_request *req, const enum cz_slot *slots,
    int n, int k)
{
	struct cz_pattern_slot ps[CZ_PLAN_MAX_MEALS];

	if (k <= 0 || k >= n || slots[k] != slots[k - 1])
		return CZ_MEAL_MAIN;
	/* A plan stored under other rules may have another number of
	 * dishes: then the repeat alone says it is a further dish. */
	if (cz_plan_slots(req, ps) == n && ps[k].kind == CZ_SLOT_SNACK)
		return CZ_MEAL_SIDE;
	return CZ_MEAL_SECOND;
}

/* The name of dish k's slot, "" out of range. */
static const char *
slot_name(const enum cz_slot *slots, int n, int k)
{
	const char *s = k >= 0 && k < n ? cz_slot_name((int)slots[k]) : NULL;

	return s != NULL ? s : "";
}

const char *
cz_meal_label(const struct cz_plan_request *req, const enum cz_slot *slots,
    int n, int k, char *buf, size_t len)
{
	static const char *const further[] = {
		[CZ_MEAL_MAIN] = "",
		[CZ_MEAL_SIDE] = " (side dish)",
		[CZ_MEAL_SECOND] = " (second dish)",
	};

	if (len == 0)
		return buf;
	snprintf(buf, len, "%s%s", slot_name(slots, n, k),
	    further[cz_meal_role(req, slots, n, k)]);
	buf[0] = (char)toupper((unsigned char)buf[0]);
	return buf;
}

const char *
cz_meal_noun(const struct cz_plan_request *req, const enum cz_slot *slots,
    int n, int k)
{
	switch (cz_meal_role(req, slots, n, k)) {
	case CZ_MEAL_SIDE:
		return "side dish";
	case CZ_MEAL_SECOND:
		return "dish";
	default:
		return *slot_name(slots, n, k) != '\0' ?
		    slot_name(slots, n, k) : "dish";
	}
}
