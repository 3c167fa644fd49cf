/*
 * audit.h - the responder's side of the audit trail: one append-only
 * audit_log row per security-relevant event (registration, log-in success
 * and failure, log-out, password and e-mail changes, legal acceptance,
 * rate limits hit, plans generated), with the client's address, its user
 * agent, the request id and a small JSON detail. Details never hold a
 * password, a token or an e-mail address.
 */
#ifndef CZ_AUDIT_H
#define CZ_AUDIT_H

struct cz_db;
struct cz_request;
struct json_object;

/* Registers the audit statement. Returns 0 or -1. */
int cz_audit_register(struct cz_db *db);

/* The client's address (REMOTE_ADDR) when it is an IPv4 or IPv6 address,
 * else NULL (a unix socket, CGI without one): safe to pass as inet. */
const char *cz_client_addr(struct cz_request *r);

/* The request's user agent when it can be stored (valid UTF-8), else
 * NULL. */
const char *cz_audit_user_agent(struct cz_request *r);

/*
 * Appends one audit_log row: account is the account's id or 0 for none,
 * event a name such as "login.failure", detail a JSON object or NULL (it
 * is consumed). A failure is logged, never shown to the client. Returns 0
 * or -1.
 */
int cz_audit(struct cz_request *r, long long account, const char *event,
    struct json_object *detail);

#endif
