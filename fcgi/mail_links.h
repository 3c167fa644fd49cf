/*
 * mail_links.h - the mail the site queues while answering a request: a
 * one-time link (confirm an address, reset a password) or a notice
 * without a token. A service: it knows nothing of HTTP; the request is
 * only its context (arena, database, settings, templates).
 *
 * A link carries a one-time token (lib/token.h); user_tokens keeps its
 * SHA-256, its purpose, the address it was mailed to and its expiry
 * (verify_token_lifetime, reset_token_lifetime), and the token and its
 * mail are written in one statement. Using a token sets used_at only while
 * it is still NULL, so a link works once; a link is refused once the
 * account's address is no longer the one it was sent to, and once it was
 * cancelled (sql/016_link_tokens.sql: a changed address or password
 * cancels every outstanding link of the account; using a link cancels the
 * others of its purpose). Mail goes through the outbox (cibozer-admin
 * deliver-mail): nothing is sent while answering.
 */
#ifndef CZ_MAIL_LINKS_H
#define CZ_MAIL_LINKS_H

struct cz_db;
struct cz_request;

/* What a link is for: its token's purpose, its page and its mail. */
enum cz_link_purpose {
	CZ_LINK_VERIFY_EMAIL,		/* /verify-email, email/verification */
	CZ_LINK_RESET_PASSWORD,		/* /password-reset/confirm,
					   email/password_reset */
	CZ_LINK_CHANGE_EMAIL		/* /verify-email, email/change_email:
					   moves the account to the address
					   it was sent to */
};

/* What using a link gave. */
enum cz_link_result {
	CZ_LINK_ERROR = -1,		/* the database or the digest failed
					   (logged) */
	CZ_LINK_OK = 0,
	CZ_LINK_BAD,			/* malformed, unknown, used, expired */
	CZ_LINK_CANCELLED,		/* cancelled before it was used */
	CZ_LINK_OTHER_ADDRESS		/* sent to an address that is no
					   longer the account's */
};

/* A link that was used: its account, its purpose, the address it was sent
 * to (owned by the request's arena). */
struct cz_link {
	long long		 user_id;
	enum cz_link_purpose	 purpose;
	const char		*email;
};

/* Registers the statements of tokens and queued mail. Returns 0 or -1. */
int cz_tokens_register(struct cz_db *db);

/*
 * Makes a one-time token of purpose for account user_id and queues the
 * mail with its link to address to, in one statement. Returns 0, or -1
 * (logged).
 */
int cz_mail_link(struct cz_request *r, long long user_id, const char *to,
    enum cz_link_purpose purpose);

/*
 * Uses token (as the link carried it, unchecked) once, if it is a live
 * link of purpose (CZ_LINK_VERIFY_EMAIL also takes a CZ_LINK_CHANGE_EMAIL
 * link: they open the same page), and cancels the other outstanding links
 * of the account with its purpose. Fills *out on CZ_LINK_OK; otherwise
 * says why it was refused.
 */
enum cz_link_result cz_mail_link_use(struct cz_request *r,
    const char *token, enum cz_link_purpose purpose, struct cz_link *out);

/* Cancels the outstanding links of account user_id that purpose's page
 * takes. Returns 0, or -1 (logged). */
int cz_mail_links_cancel(struct cz_request *r, long long user_id,
    enum cz_link_purpose purpose);

/*
 * Does the work of cz_mail_link's rendering for purpose and throws the
 * result away, so that an answer for an address without an account costs
 * about what one with an account does. Never fails.
 */
void cz_mail_link_decoy(struct cz_request *r, enum cz_link_purpose purpose);

/*
 * Queues a mail without a token: template (e.g. "email/account_exists")
 * for account user_id at address to, its link base_url + path. Returns 0
 * or -1 (logged).
 */
int cz_mail_notice(struct cz_request *r, long long user_id, const char *to,
    const char *template, const char *path);

#endif
