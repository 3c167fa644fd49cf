/*
 * email.h - the one form of an e-mail address the accounts tables hold.
 *
 * Addresses are compared and stored normalised: surrounding blanks
 * removed and ASCII letters lower-cased, so "  Ann@Example.ORG " and
 * "ann@example.org" are one account (the users table also has a unique
 * index on lower(email)). Full syntax checks belong to the form validator
 * (CZ_F_EMAIL in validate.h); this module only refuses what can never be
 * an address or would be unsafe in a mail header.
 */
#ifndef CZ_EMAIL_H
#define CZ_EMAIL_H

#include <stddef.h>

#include "validate.h"	/* CZ_EMAIL_MAX */

/*
 * Normalises in[0..len) into out (outlen bytes, at least CZ_EMAIL_MAX + 1
 * for any valid address) and NUL-terminates it. Returns the length of the
 * result, or -1 when, once trimmed, the address is empty, longer than
 * CZ_EMAIL_MAX bytes, holds a control character, a blank, '<', '>', ',' or
 * a NUL, or does not have exactly one '@' with text on both sides and a
 * dot in the domain; out is then empty.
 */
int cz_email_normalize(const char *in, size_t len, char *out, size_t outlen);

#endif
