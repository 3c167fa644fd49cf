/*
 * password.h - password hashing with argon2id (libargon2) and the password
 * policy.
 *
 * A stored hash is argon2id's encoded form, which carries its salt (16
 * random bytes) and its parameters:
 *	$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
 * so parameters can change in the configuration without breaking old
 * hashes: cz_password_needs_rehash tells, after a successful login, that
 * the hash should be replaced by one made with the current parameters.
 *
 * The policy: 8 to 128 characters (UTF-8 code points), valid UTF-8 with no
 * NUL, not the account's e-mail address (nor its part before the '@') in
 * any case, and not in the list of common passwords, compared
 * ignoring ASCII case.
 */
#ifndef CZ_PASSWORD_H
#define CZ_PASSWORD_H

#include <stddef.h>
#include <stdint.h>

#define CZ_PASSWORD_MIN		8	/* characters */
#define CZ_PASSWORD_MAX		128	/* characters */
#define CZ_PASSWORD_MAX_BYTES	(4 * CZ_PASSWORD_MAX)
#define CZ_PASSWORD_SALT	16	/* bytes */
#define CZ_PASSWORD_HASHLEN	32	/* bytes of argon2 output */
/* Room for any encoded hash this module makes or accepts. */
#define CZ_PASSWORD_ENCODED_MAX	192
/* A line of the common-password file longer than this is ignored. */
#define CZ_PWLIST_LINE_MAX	256
/* Largest common-password file accepted. */
#define CZ_PWLIST_FILE_MAX	(64L * 1024 * 1024)

struct cz_argon2_params {
	uint32_t	m_kib;		/* memory, KiB */
	uint32_t	t;		/* iterations */
	uint32_t	p;		/* lanes */
};

enum cz_pw_policy {
	CZ_PW_OK,
	CZ_PW_INVALID,		/* not UTF-8, or holds a NUL */
	CZ_PW_TOO_SHORT,
	CZ_PW_TOO_LONG,
	CZ_PW_IS_EMAIL,
	CZ_PW_COMMON
};

/* The sorted, lower-cased common-password list. */
struct cz_pwlist;

/*
 * Hashes pw[0..len) with a fresh random salt and writes the encoded form,
 * NUL-terminated, into out (outlen bytes; CZ_PASSWORD_ENCODED_MAX is
 * enough). Returns 0, or -1 with a reason in err (bad parameters, no
 * randomness, out of memory, out too small). The password is not logged.
 */
int cz_password_hash(const struct cz_argon2_params *prm, const char *pw,
    size_t len, char *out, size_t outlen, char *err, size_t errlen);

/*
 * Checks pw[0..len) against an encoded argon2id hash; the comparison of
 * the digests takes constant time (libargon2's). Returns 1 on a match, 0
 * on a mismatch, -1 when encoded is not a valid argon2id hash or hashing
 * failed (callers treat that as a mismatch and log it).
 */
int cz_password_verify(const char *encoded, const char *pw, size_t len);

/*
 * Does the work of one verification at the parameters prm and throws the
 * result away, so a login for an unknown address costs what one for a
 * known address costs and timing tells nothing.
 */
void cz_password_dummy_verify(const struct cz_argon2_params *prm,
    const char *pw, size_t len);

/* Returns 1 when encoded was not made by argon2id version 19 with exactly
 * the parameters prm (or cannot be read), else 0. */
int cz_password_needs_rehash(const char *encoded,
    const struct cz_argon2_params *prm);

/*
 * Loads a common-password file: one password a line, blank lines and
 * lines starting with '#' skipped, lines over CZ_PWLIST_LINE_MAX bytes
 * ignored; entries are lower-cased (ASCII), sorted and deduplicated.
 * Returns 0 and sets *out (free with cz_pwlist_free), or -1 with a
 * message naming the file in err.
 */
int cz_pwlist_load(const char *path, struct cz_pwlist **out, char *err,
    size_t errlen);
void cz_pwlist_free(struct cz_pwlist *l);

/* Number of distinct entries. */
size_t cz_pwlist_count(const struct cz_pwlist *l);

/* Returns 1 when pw[0..len) is in the list ignoring ASCII case, else 0. */
int cz_pwlist_contains(const struct cz_pwlist *l, const char *pw, size_t len);

/*
 * Applies the policy to pw[0..len) for the account of e-mail address email
 * (normalised or not; may be NULL when there is none yet); list may be
 * NULL to skip that rule. Returns CZ_PW_OK or the first rule broken.
 */
enum cz_pw_policy cz_password_check(const char *pw, size_t len,
    const char *email, const struct cz_pwlist *list);

/* A sentence for the user, e.g. "must be at least 8 characters". */
const char *cz_password_policy_message(enum cz_pw_policy r);

#endif
