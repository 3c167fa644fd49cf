/*
 * csrf.h - CSRF tokens masked per response (BREACH).
 *
 * A session keeps one CSRF secret (a token, lib/token.h). Pages are
 * compressed, so a secret that appeared byte for byte in every response
 * could be guessed one character at a time from the compressed sizes
 * (BREACH). What a response carries is therefore the secret under a fresh
 * one-time pad: base64url(pad || pad XOR secret), never the same bytes
 * twice. Any masked form of the session's secret is accepted.
 */
#ifndef CZ_CSRF_H
#define CZ_CSRF_H

#include <stddef.h>

#include "token.h"

#define CZ_CSRF_SECRET_LEN	CZ_TOKEN_LEN	/* the secret, a token */
#define CZ_CSRF_RAW_LEN		(2 * CZ_CSRF_SECRET_LEN) /* pad, masked */
#define CZ_CSRF_MASKED_LEN	115	/* base64url of the raw form */

/*
 * Writes a masked form of secret (a token: CZ_CSRF_SECRET_LEN base64url
 * characters) and a NUL to out. Returns 0, or -1 when secret is not a
 * token or no randomness could be had (out is then empty).
 */
int cz_csrf_mask(const char *secret, char out[CZ_CSRF_MASKED_LEN + 1]);

/*
 * Reads a masked token tok[0..len) (untrusted: any bytes) and writes the
 * secret under it and a NUL to secret. Returns 0, or -1 when tok is not
 * exactly CZ_CSRF_MASKED_LEN characters of canonical unpadded base64url or
 * what it hides is not a token (secret is then empty).
 */
int cz_csrf_unmask(const char *tok, size_t len,
    char secret[CZ_CSRF_SECRET_LEN + 1]);

#endif
