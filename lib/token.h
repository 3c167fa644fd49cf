/*
 * token.h - secrets handed to clients, and the digests stored for them.
 *
 * Session tokens, e-mail verification and password-reset tokens and API
 * keys are 256 random bits from getrandom(2), written in unpadded base64url
 * (RFC 4648 section 5: A-Z a-z 0-9 - _), so they travel in cookies, URLs
 * and headers unquoted. The database holds only their SHA-256, in
 * lower-case hex: a copy of the tables gives no usable secret.
 *
 * An API key is "cz_live_" followed by a token; its first CZ_APIKEY_PREFIX_LEN
 * characters (the fixed part and 8 token characters) are its visible
 * prefix, stored beside the digest so a user can tell keys apart in a list.
 */
#ifndef CZ_TOKEN_H
#define CZ_TOKEN_H

#include <stddef.h>

#define CZ_TOKEN_BYTES		32	/* 256 random bits */
#define CZ_TOKEN_LEN		43	/* their base64url form, no padding */
#define CZ_SHA256_BYTES		32
#define CZ_SHA256_HEX		64

#define CZ_APIKEY_TAG		"cz_live_"
#define CZ_APIKEY_TAG_LEN	8
#define CZ_APIKEY_LEN		(CZ_APIKEY_TAG_LEN + CZ_TOKEN_LEN)
#define CZ_APIKEY_PREFIX_LEN	(CZ_APIKEY_TAG_LEN + 8)

/* Fills buf with len bytes from getrandom(2), retrying on EINTR and short
 * reads. Returns 0, or -1 (errno set) when the kernel gives none. */
int cz_random_bytes(void *buf, size_t len);

/* Writes the unpadded base64url form of in[0..len) and a NUL to out, which
 * must hold cz_base64url_len(len) + 1 bytes. */
size_t cz_base64url_len(size_t len);
void cz_base64url_encode(const unsigned char *in, size_t len, char *out);

/* Writes a new random token (CZ_TOKEN_LEN characters and a NUL) to out.
 * Returns 0, or -1 when no randomness could be had (out is then empty). */
int cz_token_new(char out[CZ_TOKEN_LEN + 1]);

/* Returns 1 when s[0..len) has the form of a token (exactly CZ_TOKEN_LEN
 * base64url characters), else 0. */
int cz_token_valid(const char *s, size_t len);

/* SHA-256 of data[0..len): raw into out, or as 64 lower-case hex digits
 * and a NUL into hex. Return 0, or -1 when the digest failed (libcrypto
 * out of memory). */
int cz_sha256(const void *data, size_t len, unsigned char out[CZ_SHA256_BYTES]);
int cz_sha256_hex(const void *data, size_t len, char hex[CZ_SHA256_HEX + 1]);

/* Compares a[0..len) and b[0..len) in time that depends only on len.
 * Returns 1 when equal, else 0 (for CSRF tokens and other secrets). */
int cz_secret_equal(const void *a, const void *b, size_t len);

/* Makes a new API key into key (CZ_APIKEY_LEN characters and a NUL) and
 * copies its visible prefix into prefix. Returns 0 or -1 as cz_token_new. */
int cz_apikey_new(char key[CZ_APIKEY_LEN + 1],
    char prefix[CZ_APIKEY_PREFIX_LEN + 1]);

/* Returns 1 when s[0..len) has the form of an API key, and then copies its
 * prefix into prefix (which may be NULL); else 0. */
int cz_apikey_parse(const char *s, size_t len,
    char prefix[CZ_APIKEY_PREFIX_LEN + 1]);

#endif
