/*
 * handlers_activity.c - the account holder's own audit entries: what was
 * done with their account, when and from where (GET /account/activity, an
 * HTML page, and GET /api/account/activity), newest first, a page at a
 * time by keyset (?before=ID). Only a session may read them, never an API
 * key: like the export, they are the account's own record.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "handlers.h"
#include "jsonbody.h"
#include "response.h"
#include "session.h"
#include "validate.h"

#define ENTRIES_PER_PAGE	50

#define SQL_ACTIVITY \
	"SELECT id, to_char(at AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), event, coalesce(host(address), " \
	"''), coalesce(user_agent, ''), coalesce(request_id, ''), " \
	"detail::text FROM audit_log WHERE account_id = $1::bigint AND " \
	"($2::bigint IS NULL OR id < $2::bigint) ORDER BY id DESC " \
	"LIMIT $3::integer"

int
cz_activity_register(struct cz_db *db)
{
	return cz_db_register(db, "activity_list", SQL_ACTIVITY, 3, 1);
}

static const struct cz_field activity_fields[] = {
	{ "before", CZ_F_INT, 0, 1, LLONG_MAX, NULL },
};

/* One entry as JSON; detail parsed from its text (at most 4 KB, a CHECK
 * of the table), or {} should it not parse. */
static struct json_object *
entry(PGresult *res, int i)
{
	struct json_object *o = json_object_new_object(), *d;
	const char *s;

	json_object_object_add(o, "id", json_object_new_int64(
	    strtoll(PQgetvalue(res, i, 0), NULL, 10)));
	json_object_object_add(o, "at", json_object_new_string(
	    PQgetvalue(res, i, 1)));
	json_object_object_add(o, "event", json_object_new_string(
	    PQgetvalue(res, i, 2)));
	s = PQgetvalue(res, i, 3);
	json_object_object_add(o, "address", *s != '\0' ?
	    json_object_new_string(s) : NULL);
	s = PQgetvalue(res, i, 4);
	json_object_object_add(o, "user_agent", *s != '\0' ?
	    json_object_new_string(s) : NULL);
	s = PQgetvalue(res, i, 5);
	json_object_object_add(o, "request_id", *s != '\0' ?
	    json_object_new_string(s) : NULL);
	if ((d = json_tokener_parse(PQgetvalue(res, i, 6))) == NULL)
		d = json_object_new_object();
	json_object_object_add(o, "detail", d);
	return o;
}

int
cz_h_account_activity(struct cz_request *r)
{
	struct cz_value val[1];
	struct json_object *ctx, *errors, *list, *o, *d;
	const char *v[3];
	char before[32], limit[16];
	PGresult *res;
	int i, n, status;

	if ((status = cz_session_required(r)) != CZ_NEXT) {
		if (!cz_route_json(r) && r->user == NULL)
			return cz_resp_redirect(r, 303,
			    "/login?next=/account/activity");
		return status;
	}
	if (cz_validate_params(r->arena, activity_fields, 1, &r->query_params,
	    val, &errors) == -1) {
		r->error_message = "before must be an entry number";
		return 400;
	}
	snprintf(before, sizeof(before), "%lld", val[0].i);
	snprintf(limit, sizeof(limit), "%d", ENTRIES_PER_PAGE + 1);
	v[0] = cz_arena_printf(r->arena, "%lld", r->user->id);
	v[1] = val[0].present ? before : NULL;
	v[2] = limit;
	res = cz_db_exec(r->app->db, "activity_list", 3, v);
	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		return cz_db_unavailable(r);
	}
	list = json_object_new_array();
	n = PQntuples(res);
	for (i = 0; i < n && i < ENTRIES_PER_PAGE; i++) {
		o = entry(res, i);
		if (!cz_route_json(r)) {
			/* The page shows the detail as its JSON text. */
			d = json_object_object_get(o, "detail");
			json_object_object_add(o, "detail_text",
			    json_object_new_string(json_object_object_length(d)
			    > 0 ? json_object_to_json_string_ext(d,
			    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)
			    : ""));
		}
		json_object_array_add(list, o);
	}
	if (n > ENTRIES_PER_PAGE)
		snprintf(before, sizeof(before), "%s",
		    PQgetvalue(res, ENTRIES_PER_PAGE - 1, 0));
	PQclear(res);
	if (cz_route_json(r)) {
		o = json_object_new_object();
		if (cz_json_own(r->arena, o) == -1) {
			json_object_put(list);
			return 500;
		}
		json_object_object_add(o, "entries", list);
		json_object_object_add(o, "next_before", n > ENTRIES_PER_PAGE ?
		    json_object_new_int64(strtoll(before, NULL, 10)) : NULL);
		return cz_resp_json(r, 200, o);
	}
	if ((ctx = cz_page_ctx(r, "Account activity")) == NULL) {
		json_object_put(list);
		return 500;
	}
	json_object_object_add(ctx, "entries", list);
	if (n > ENTRIES_PER_PAGE)
		json_object_object_add(ctx, "next_before",
		    json_object_new_string(before));
	if (val[0].present)
		json_object_object_add(ctx, "paged", json_object_new_boolean(1));
	return cz_resp_html(r, 200, "pages/activity", ctx);
}
