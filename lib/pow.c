/*
 * pow.c - proof-of-work challenges: issuing, strict parsing, checking.
 * See pow.h for the format. Pure: no I/O besides getrandom(2), the clock
 * is the caller's (so tests can be any time they like).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "pow.h"
#include "token.h"

static const char *const purpose_names[CZ_POW__PURPOSES] = {
	"register", "reset", "resend"
};

static const char *const result_names[CZ_POW__RESULTS] = {
	"ok", "malformed", "bad_signature", "expired", "wrong_purpose",
	"not_solved", "reused"
};

/* What the form says: each tells the person what happens next. */
static const char *const result_messages[CZ_POW__RESULTS] = {
	"The browser check passed.",
	"The browser check's answer was not readable. A new check has been "
	    "prepared: please send the form again.",
	"The browser check was not one this site issued. A new check has "
	    "been prepared: please send the form again.",
	"The browser check expired. A new check has been prepared: please "
	    "send the form again.",
	"The browser check was made for another form. A new check has been "
	    "prepared: please send the form again.",
	"The browser check's answer was not right. A new check has been "
	    "prepared: please send the form again.",
	"The browser check was used already. A new check has been prepared: "
	    "please send the form again."
};

/* Future issue times tolerated: clocks of several hosts differ a little. */
#define CZ_POW_SKEW	60

static const char hexdig[] = "0123456789abcdef";

static void
hex(const unsigned char *in, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hexdig[in[i] >> 4];
		out[2 * i + 1] = hexdig[in[i] & 15];
	}
	out[2 * n] = '\0';
}

/* HMAC-SHA256 of data[0..len) under key, in hex. Returns 0 or -1. */
static int
mac_hex(const void *key, size_t keylen, const char *data, size_t len,
    char out[CZ_POW_MAC_HEX + 1])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	if (keylen == 0 || keylen > 1024 ||
	    HMAC(EVP_sha256(), key, (int)keylen, (const unsigned char *)data,
	    len, md, &n) == NULL || n != CZ_SHA256_BYTES)
		return -1;
	hex(md, n, out);
	return 0;
}

/* A field of s ends at s[*i]: with the character stop, stepped over, or
 * (stop '\0') at the end of s. Returns 0, or -1. */
static int
field_end(const char *s, size_t len, size_t *i, char stop)
{
	if (stop == '\0')
		return *i == len ? 0 : -1;
	if (*i >= len || s[*i] != stop)
		return -1;
	(*i)++;
	return 0;
}

/* Reads a decimal number of 1..maxd digits without a leading zero (a
 * lone "0" when zero_ok) from s[*i..len) up to stop (or the end when stop
 * is '\0'). Returns 0 with *v, or -1. */
static int
decimal(const char *s, size_t len, size_t *i, char stop, int maxd,
    int zero_ok, long long *v)
{
	size_t start = *i;
	long long x = 0;

	while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
		if ((int)(*i - start) >= maxd)
			return -1;
		x = x * 10 + (s[*i] - '0');
		(*i)++;
	}
	if (*i == start || (s[start] == '0' && (*i - start > 1 || !zero_ok)))
		return -1;
	if (field_end(s, len, i, stop) == -1)
		return -1;
	*v = x;
	return 0;
}

/* Reads exactly n lower-case hex digits into out, then stop or the end. */
static int
hexfield(const char *s, size_t len, size_t *i, size_t n, char stop, char *out)
{
	size_t k;

	if (len - *i < n)
		return -1;
	for (k = 0; k < n; k++) {
		char ch = s[*i + k];

		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
			return -1;
		out[k] = ch;
	}
	out[n] = '\0';
	*i += n;
	return field_end(s, len, i, stop);
}

const char *
cz_pow_purpose_name(enum cz_pow_purpose p)
{
	return (unsigned)p < CZ_POW__PURPOSES ? purpose_names[p] : NULL;
}

int
cz_pow_purpose_parse(const char *name, size_t len)
{
	int p;

	if (name == NULL)
		return -1;
	for (p = 0; p < CZ_POW__PURPOSES; p++)
		if (strlen(purpose_names[p]) == len &&
		    memcmp(purpose_names[p], name, len) == 0)
			return p;
	return -1;
}

const char *
cz_pow_message(enum cz_pow_result rc)
{
	return (unsigned)rc < CZ_POW__RESULTS ? result_messages[rc] :
	    result_messages[CZ_POW_MALFORMED];
}

const char *
cz_pow_result_name(enum cz_pow_result rc)
{
	return (unsigned)rc < CZ_POW__RESULTS ? result_names[rc] : "unknown";
}

int
cz_pow_issue(const void *key, size_t keylen, enum cz_pow_purpose purpose,
    int bits, long long now, char out[CZ_POW_CHALLENGE_MAX + 1])
{
	unsigned char raw[CZ_POW_NONCE_HEX / 2];
	char nonce[CZ_POW_NONCE_HEX + 1], mac[CZ_POW_MAC_HEX + 1];
	int n;

	out[0] = '\0';
	if ((unsigned)purpose >= CZ_POW__PURPOSES || bits < 1 ||
	    bits > CZ_POW_BITS_MAX || now < 0 ||
	    cz_random_bytes(raw, sizeof(raw)) == -1)
		return -1;
	hex(raw, sizeof(raw), nonce);
	n = snprintf(out, CZ_POW_CHALLENGE_MAX + 1, "1.%s.%d.%lld.%s",
	    purpose_names[purpose], bits, now, nonce);
	if (n < 0 || n + 1 + CZ_POW_MAC_HEX > CZ_POW_CHALLENGE_MAX ||
	    mac_hex(key, keylen, out, (size_t)n, mac) == -1) {
		out[0] = '\0';
		return -1;
	}
	out[n] = '.';
	memcpy(out + n + 1, mac, CZ_POW_MAC_HEX + 1);
	return 0;
}

int
cz_pow_parse(const char *s, size_t len, struct cz_pow_challenge *c)
{
	size_t i = 0, p0;
	long long bits, issued;
	int p;

	memset(c, 0, sizeof(*c));
	if (s == NULL || len < 2 || len > CZ_POW_CHALLENGE_MAX ||
	    s[0] != '1' || s[1] != '.')
		return -1;
	i = p0 = 2;
	while (i < len && s[i] >= 'a' && s[i] <= 'z' && i - p0 < 16)
		i++;
	if ((p = cz_pow_purpose_parse(s + p0, i - p0)) == -1 ||
	    i >= len || s[i] != '.')
		return -1;
	i++;
	if (decimal(s, len, &i, '.', 2, 0, &bits) == -1 || bits < 1 ||
	    bits > CZ_POW_BITS_MAX ||
	    decimal(s, len, &i, '.', 12, 1, &issued) == -1 ||
	    hexfield(s, len, &i, CZ_POW_NONCE_HEX, '.', c->nonce) == -1)
		return -1;
	c->signed_len = i - 1;
	if (hexfield(s, len, &i, CZ_POW_MAC_HEX, '\0', c->mac) == -1) {
		memset(c, 0, sizeof(*c));
		return -1;
	}
	c->purpose = (enum cz_pow_purpose)p;
	c->bits = (int)bits;
	c->issued = issued;
	return 0;
}

int
cz_pow_solution_valid(const char *sol, size_t len)
{
	size_t i = 0;
	long long v;

	return sol != NULL && len <= CZ_POW_SOLUTION_MAX &&
	    decimal(sol, len, &i, '\0', CZ_POW_SOLUTION_MAX, 1, &v) == 0;
}

int
cz_pow_zero_bits(const unsigned char *d, size_t n)
{
	size_t i;
	int bits = 0, b;

	for (i = 0; i < n; i++) {
		if (d[i] == 0) {
			bits += 8;
			continue;
		}
		for (b = 7; b >= 0 && !(d[i] & (1u << b)); b--)
			bits++;
		break;
	}
	return bits;
}

/* Whether SHA-256(chal || sol) has at least bits leading zero bits. */
static int
solved(const char *chal, size_t clen, const char *sol, size_t slen, int bits)
{
	char buf[CZ_POW_CHALLENGE_MAX + CZ_POW_SOLUTION_MAX];
	unsigned char d[CZ_SHA256_BYTES];

	if (clen > CZ_POW_CHALLENGE_MAX || slen > CZ_POW_SOLUTION_MAX)
		return 0;
	memcpy(buf, chal, clen);
	memcpy(buf + clen, sol, slen);
	return cz_sha256(buf, clen + slen, d) == 0 &&
	    cz_pow_zero_bits(d, sizeof(d)) >= bits;
}

enum cz_pow_result
cz_pow_verify(const void *key, size_t keylen, const char *chal, size_t clen,
    const char *sol, size_t slen, enum cz_pow_purpose purpose, long long now,
    long long lifetime, struct cz_pow_challenge *out)
{
	struct cz_pow_challenge c;
	char mac[CZ_POW_MAC_HEX + 1];

	if (out != NULL)
		memset(out, 0, sizeof(*out));
	if (cz_pow_parse(chal, clen, &c) == -1 ||
	    !cz_pow_solution_valid(sol, slen))
		return CZ_POW_MALFORMED;
	if (mac_hex(key, keylen, chal, c.signed_len, mac) == -1 ||
	    !cz_secret_equal(mac, c.mac, CZ_POW_MAC_HEX))
		return CZ_POW_BAD_SIGNATURE;
	if (out != NULL)
		*out = c;
	if (c.issued > now + CZ_POW_SKEW || now - c.issued > lifetime)
		return CZ_POW_EXPIRED;
	if (c.purpose != purpose)
		return CZ_POW_WRONG_PURPOSE;
	if (!solved(chal, clen, sol, slen, c.bits))
		return CZ_POW_NOT_SOLVED;
	return CZ_POW_OK;
}

int
cz_pow_solve(const char *chal, unsigned long long max_tries,
    char out[CZ_POW_SOLUTION_MAX + 1])
{
	struct cz_pow_challenge c;
	unsigned long long k;
	size_t clen = strlen(chal);
	int n;

	out[0] = '\0';
	if (cz_pow_parse(chal, clen, &c) == -1)
		return -1;
	for (k = 0; k <= max_tries; k++) {
		n = snprintf(out, CZ_POW_SOLUTION_MAX + 1, "%llu", k);
		if (n > 0 && solved(chal, clen, out, (size_t)n, c.bits))
			return 0;
	}
	out[0] = '\0';
	return -1;
}
