/*
 * account_page.h - the /account page, which several handlers answer with:
 * the page itself, the outcome of a change made from its forms (password,
 * address, confirmation link, API keys) and a key just made. A view
 * helper below the handlers: it renders, but reads no input and is no
 * route's handler.
 */
#ifndef CZ_ACCOUNT_PAGE_H
#define CZ_ACCOUNT_PAGE_H

struct cz_request;
struct json_object;

/*
 * Answers with the account page of r->user with status and message (NULL
 * for none; shown as a failure, and kept as r->error_message, when status
 * is 400 or more), listing the account's API keys; key is a key just made,
 * shown this once, or NULL. Anonymous visitors are sent to /login (303).
 * Returns CZ_DONE, or 500 when the page could not be built.
 */
int cz_account_page(struct cz_request *r, int status, const char *message,
    struct json_object *key);

#endif
