/*
 * token.c - random tokens from getrandom(2), their base64url form, SHA-256
 * digests through OpenSSL's libcrypto, and the API key format.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "token.h"

static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static int
is_b64url(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

int
cz_random_bytes(void *buf, size_t len)
{
	unsigned char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = getrandom(p, len, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

size_t
cz_base64url_len(size_t len)
{
	return len / 3 * 4 + (len % 3 == 0 ? 0 : len % 3 + 1);
}

void
cz_base64url_encode(const unsigned char *in, size_t len, char *out)
{
	unsigned long v;
	size_t i, o = 0;

	for (i = 0; i + 3 <= len; i += 3) {
		v = (unsigned long)in[i] << 16 | (unsigned long)in[i + 1] << 8 |
		    in[i + 2];
		out[o++] = b64url[v >> 18 & 63];
		out[o++] = b64url[v >> 12 & 63];
		out[o++] = b64url[v >> 6 & 63];
		out[o++] = b64url[v & 63];
	}
	if (len - i == 1) {
		v = (unsigned long)in[i] << 16;
		out[o++] = b64url[v >> 18 & 63];
		out[o++] = b64url[v >> 12 & 63];
	} else if (len - i == 2) {
		v = (unsigned long)in[i] << 16 | (unsigned long)in[i + 1] << 8;
		out[o++] = b64url[v >> 18 & 63];
		out[o++] = b64url[v >> 12 & 63];
		out[o++] = b64url[v >> 6 & 63];
	}
	out[o] = '\0';
}

int
cz_token_new(char out[CZ_TOKEN_LEN + 1])
{
	unsigned char raw[CZ_TOKEN_BYTES];

	out[0] = '\0';
	if (cz_random_bytes(raw, sizeof(raw)) == -1)
		return -1;
	cz_base64url_encode(raw, sizeof(raw), out);
	OPENSSL_cleanse(raw, sizeof(raw));
	return 0;
}

int
cz_token_valid(const char *s, size_t len)
{
	size_t i;

	if (s == NULL || len != CZ_TOKEN_LEN)
		return 0;
	for (i = 0; i < len; i++)
		if (!is_b64url((unsigned char)s[i]))
			return 0;
	/* 32 bytes leave 4 unused bits in the last character: only the
	 * characters whose low bits are zero are canonical. */
	return (strchr(b64url, s[len - 1]) - b64url) % 4 == 0;
}

/*
 * SHA-256 fetched from its provider once and a context kept for the
 * process's life: EVP_Digest with EVP_sha256() looks the algorithm up
 * and allocates a context at every call, which was more than half of a
 * digest's cost (perf under bench/plans: 0.9 % of a responder, every
 * API key and session cookie is hashed once a request). Per thread, so
 * that a thread of the renderer's could call it too.
 */
int
cz_sha256(const void *data, size_t len, unsigned char out[CZ_SHA256_BYTES])
{
	static _Thread_local EVP_MD *md;
	static _Thread_local EVP_MD_CTX *ctx;
	unsigned int n = 0;

	if (md == NULL && (md = EVP_MD_fetch(NULL, "SHA256", NULL)) == NULL)
		return -1;
	if (ctx == NULL && (ctx = EVP_MD_CTX_new()) == NULL)
		return -1;
	if (EVP_DigestInit_ex2(ctx, md, NULL) != 1 ||
	    EVP_DigestUpdate(ctx, data, len) != 1 ||
	    EVP_DigestFinal_ex(ctx, out, &n) != 1 || n != CZ_SHA256_BYTES)
		return -1;
	return 0;
}

int
cz_sha256_hex(const void *data, size_t len, char hex[CZ_SHA256_HEX + 1])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[CZ_SHA256_BYTES];
	size_t i;

	hex[0] = '\0';
	if (cz_sha256(data, len, md) == -1)
		return -1;
	for (i = 0; i < sizeof(md); i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[CZ_SHA256_HEX] = '\0';
	return 0;
}

int
cz_secret_equal(const void *a, const void *b, size_t len)
{
	return CRYPTO_memcmp(a, b, len) == 0;
}

int
cz_apikey_new(char key[CZ_APIKEY_LEN + 1],
    char prefix[CZ_APIKEY_PREFIX_LEN + 1])
{
	char tok[CZ_TOKEN_LEN + 1];

	key[0] = prefix[0] = '\0';
	if (cz_token_new(tok) == -1)
		return -1;
	memcpy(key, CZ_APIKEY_TAG, CZ_APIKEY_TAG_LEN);
	memcpy(key + CZ_APIKEY_TAG_LEN, tok, CZ_TOKEN_LEN + 1);
	memcpy(prefix, key, CZ_APIKEY_PREFIX_LEN);
	prefix[CZ_APIKEY_PREFIX_LEN] = '\0';
	OPENSSL_cleanse(tok, sizeof(tok));
	return 0;
}

int
cz_apikey_parse(const char *s, size_t len,
    char prefix[CZ_APIKEY_PREFIX_LEN + 1])
{
	if (s == NULL || len != CZ_APIKEY_LEN ||
	    memcmp(s, CZ_APIKEY_TAG, CZ_APIKEY_TAG_LEN) != 0 ||
	    !cz_token_valid(s + CZ_APIKEY_TAG_LEN, CZ_TOKEN_LEN))
		return 0;
	if (prefix != NULL) {
		memcpy(prefix, s, CZ_APIKEY_PREFIX_LEN);
		prefix[CZ_APIKEY_PREFIX_LEN] = '\0';
	}
	return 1;
}
