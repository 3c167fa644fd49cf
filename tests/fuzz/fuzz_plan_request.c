/*
 * fuzz_plan_request.c - libFuzzer target for plan requests: a JSON body
 * through cz_parse_json, the medical-condition scan and
 * cz_plan_request_read. An accepted request must keep every promise of
 * its ranges and survive a round trip through its canonical JSON form
 * unchanged; a refused one must name at least one field and leave the
 * request at its defaults. Any broken promise aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "jsonbody.h"
#include "plan_request.h"
#include "planner.h"

#include "fuzz_validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cz_plan_request req, again;
	struct json_object *o, *canon, *errors = NULL;
	cz_arena *a;
	int given, given2;

	if ((a = cz_arena_new(4096)) == NULL)
		return 0;
	if (cz_parse_json(a, (const char *)data, size, 8, &o) != CZ_P_OK) {
		cz_arena_free(a);
		return 0;
	}
	(void)cz_plan_medical_term(o);
	if (cz_plan_request_read(o, &req, &given, &errors) == 0) {
		check(errors == NULL);
		check(req.calories >= CZ_PLAN_MIN_KCAL &&
		    req.calories <= CZ_PLAN_MAX_KCAL);
		check(req.days >= 1 && req.days <= CZ_PLAN_MAX_DAYS);
		check(req.nexcluded <= CZ_PLAN_MAX_EXCLUDED);
		check(req.seed <= (uint64_t)CZ_PLAN_MAX_SEED);
		check(req.restrictions < 1u << CZ_RESTRICTIONS__MAX);
		check((int)req.diet >= 0 && req.diet < CZ_DIET__MAX);
		check((int)req.pattern >= 0 && req.pattern < CZ_PATTERN__MAX);
		check((int)req.profile >= 0 && req.profile < CZ_PROFILE__MAX);
		check(cz_plan_validate(&req, NULL, 0) == 0);
		canon = cz_plan_request_json(&req);
		check(canon != NULL);
		check(cz_plan_request_read(canon, &again, &given2,
		    &errors) == 0);
		if (!given)
			again.seed = req.seed = 0;
		check(memcmp(&req, &again, sizeof(req)) == 0);
		json_object_put(canon);
	} else {
		check(errors == NULL || json_object_object_length(errors) > 0);
		/* Nothing half read: the defaults, and no seed. */
		check(given == 0 && req.calories == 0 && req.seed == 0 &&
		    req.nexcluded == 0 && req.restrictions == 0 &&
		    req.days == CZ_PLAN_MAX_DAYS);
		json_object_put(errors);
	}
	cz_arena_free(a);
	return 0;
}
