/*
 * handlers_energy.c - GET /api/energy-target: the calorie-target
 * calculator for programs (the plan form shows the same, energy_view.c).
 */
#include "config.h"

#include <json-c/json.h>

#include "energy_view.h"
#include "handlers.h"
#include "request.h"
#include "response.h"

int
cz_h_api_energy_target(struct cz_request *r)
{
	struct json_object *o, *e, *f;
	int status;

	o = cz_energy_view(r, &r->query_params, &status);
	if (o == NULL)
		return 500;
	if (status != 200) {
		json_object_object_get_ex(o, "error", &e);
		json_object_object_get_ex(o, "field", &f);
		r->error_message = json_object_get_string(e);
		return cz_resp_json_error(r, status, json_object_get_string(e),
		    "field", json_object_get_string(f));
	}
	return cz_resp_json(r, 200, o) == 0 ? CZ_DONE : 500;
}
