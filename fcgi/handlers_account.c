/*
 * handlers_account.c - the signed-in account: the /account page (address,
 * tier, verification state, the forms to change the password and the
 * address, "log out everywhere", API keys; account_page.c builds it) and
 * GET /api/me (accounts.c says what it holds).
 */
#include "config.h"

#include <json-c/json.h>

#include "account_page.h"
#include "accounts.h"
#include "app.h"
#include "handlers.h"
#include "response.h"

int
cz_h_account(struct cz_request *r)
{
	const char *changed = cz_params_get(&r->query_params, "changed");

	return cz_account_page(r, 200, changed != NULL ? "Saved." : NULL,
	    NULL);
}

int
cz_h_api_me(struct cz_request *r)
{
	struct json_object *o;

	if (r->user == NULL) {
		r->error_message = "log in first (POST /api/login)";
		return 401;
	}
	if ((o = cz_account_profile(r)) == NULL)
		return 500;
	return cz_resp_json(r, 200, o);
}
