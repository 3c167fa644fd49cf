/*
 * audit.c - audit_log rows written by the responder. See audit.h.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "app.h"
#include "audit.h"
#include "log.h"
#include "query.h"
#include "request.h"
#include "utf8.h"

#define SQL_AUDIT \
	"INSERT INTO audit_log (account_id, event, address, user_agent, " \
	"request_id, detail) VALUES ($1::bigint, $2, $3::inet, left($4, 512), " \
	"nullif($5, ''), $6::jsonb)"

/* Parameters of audit_insert. */
enum { AUDIT_ACCOUNT, AUDIT_EVENT, AUDIT_ADDRESS, AUDIT_USER_AGENT,
    AUDIT_REQUEST_ID, AUDIT_DETAIL, AUDIT__N };

int
cz_audit_register(struct cz_db *db)
{
	return cz_db_register(db, "audit_insert", SQL_AUDIT, AUDIT__N, 0);
}

const char *
cz_client_addr(struct cz_request *r)
{
	unsigned char buf[16];
	const char *a = r->remote_addr;

	if (a == NULL || *a == '\0' || strlen(a) > 45)
		return NULL;
	if (inet_pton(AF_INET, a, buf) == 1 || inet_pton(AF_INET6, a, buf) == 1)
		return a;
	return NULL;
}

const char *
cz_audit_user_agent(struct cz_request *r)
{
	const char *ua = r->user_agent;

	return ua != NULL && cz_utf8_valid(ua, strlen(ua)) ? ua : NULL;
}

int
cz_audit(struct cz_request *r, long long account, const char *event,
    struct json_object *detail)
{
	const char *v[AUDIT__N];
	char id[32];
	int rc = 0;

	if (detail == NULL)
		detail = json_object_new_object();
	snprintf(id, sizeof(id), "%lld", account);
	v[AUDIT_ACCOUNT] = account > 0 ? id : NULL;
	v[AUDIT_EVENT] = event;
	v[AUDIT_ADDRESS] = cz_client_addr(r);
	v[AUDIT_USER_AGENT] = cz_audit_user_agent(r);
	v[AUDIT_REQUEST_ID] = r->request_id;
	v[AUDIT_DETAIL] = detail != NULL ? json_object_to_json_string_ext(
	    detail, JSON_C_TO_STRING_PLAIN) : "{}";
	if (cz_query(r, "audit_insert", AUDIT__N, v) == NULL) {
		cz_log(CZ_LOG_ERROR, "%s: %s: %s", __func__, event,
		    cz_db_error(r->app->db));
		rc = -1;
	}
	json_object_put(detail);
	return rc;
}
