/*
 * privacy.h - the account holder's records under the terms of service and
 * the privacy policy: accepting their current versions, a copy of the
 * account's data, the account's deletion and its own audit entries. A
 * service: it knows nothing of HTTP, reads no input of the request and
 * builds no answer; every operation acts for the signed-in account
 * (r->user) and handlers map its results to statuses.
 *
 * An acceptance names the versions accepted (settings terms_version and
 * privacy_version) and is kept in legal_acceptances with its time and
 * address; when the configuration names a new version the session lookup
 * finds no matching acceptance, and the legal gate (legal.h) asks again.
 *
 * The export is built by PostgreSQL in one statement: the account, legal
 * acceptances, sessions, API keys (never their digests) and their daily
 * usage, plans (their requests and links to the documents), the audit
 * entries about the account and the mail sent to it (never the bodies,
 * which held one-time links). Deletion marks the account deleted and
 * disabled, ends its sessions, revokes its keys and cancels its queued
 * videos (failed, "account deleted"; the renderer never claims a job of a
 * disabled or deleted account either) at once; `cibozer-admin purge`
 * scrubs what remains after privacy_retention_days.
 */
#ifndef CZ_PRIVACY_H
#define CZ_PRIVACY_H

#include <stddef.h>

#define CZ_ACTIVITY_PER_PAGE	50	/* audit entries a page shows */

struct cz_db;
struct cz_request;
struct json_object;

enum cz_privacy_result {
	CZ_PRIVACY_OK = 0,
	CZ_PRIVACY_DENIED,	/* the password is not right (audited) */
	CZ_PRIVACY_UNAVAILABLE,	/* the database failed (logged) */
	CZ_PRIVACY_FAILED	/* out of memory */
};

/* Register the statements of legal acceptances, of the export and
 * deletion, and of the activity list. Each returns 0 or -1. */
int cz_legal_register(struct cz_db *db);
int cz_privacy_register(struct cz_db *db);
int cz_activity_register(struct cz_db *db);

/* Records that the signed-in account accepted the current terms of
 * service and privacy policy, from the client's address, and audits it
 * (legal.accepted). Returns CZ_PRIVACY_OK or CZ_PRIVACY_UNAVAILABLE. */
int cz_privacy_accept_legal(struct cz_request *r);

/*
 * The signed-in account's data as one JSON document (format
 * "cibozer-export-1"), in *json, owned by the request. The caller audits
 * account.exported once the copy is handed over. Returns CZ_PRIVACY_OK or
 * CZ_PRIVACY_UNAVAILABLE (*json NULL).
 */
int cz_privacy_export(struct cz_request *r, const char **json);

/*
 * Deletes the signed-in account, given its password pw (len bytes), as
 * described above, and audits it (account.deleted, or
 * account.delete_failed for a wrong password). Its sessions are gone
 * afterwards; the caller clears the cookie. Returns CZ_PRIVACY_OK,
 * CZ_PRIVACY_DENIED or CZ_PRIVACY_UNAVAILABLE.
 */
int cz_privacy_delete_account(struct cz_request *r, const char *pw,
    size_t len);

/*
 * The signed-in account's audit entries, newest first: at most
 * CZ_ACTIVITY_PER_PAGE of those whose id is below before (0: from the
 * newest), as a JSON array of {id, at (UTC, ISO 8601), event, address,
 * user_agent, request_id (each null when unknown), detail (an object)} in
 * *entries, owned by the request's arena. *next_before is the before of
 * the next page, or 0 when there is none. Returns CZ_PRIVACY_OK,
 * CZ_PRIVACY_UNAVAILABLE or CZ_PRIVACY_FAILED (*entries NULL).
 */
int cz_privacy_activity(struct cz_request *r, long long before,
    struct json_object **entries, long long *next_before);

#endif
