/*
 * password.c - argon2id hashes through libargon2, the check for stale
 * parameters, and the password policy with its common-password list held
 * as a sorted array searched with bsearch.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <argon2.h>

#include "numparse.h"
#include "password.h"
#include "token.h"
#include "utf8.h"

struct cz_pwlist {
	char	**v;
	size_t	  n;
	char	 *text;		/* the file, the strings point into it */
};

static const char *const policy_msg[] = {
	[CZ_PW_OK] =		"is acceptable",
	[CZ_PW_INVALID] =	"must be valid UTF-8 text",
	[CZ_PW_TOO_SHORT] =	"must be at least 8 characters",
	[CZ_PW_TOO_LONG] =	"must be at most 128 characters",
	[CZ_PW_IS_EMAIL] =	"must not be your e-mail address",
	[CZ_PW_COMMON] =	"is too common; choose another",
};

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static int
params_ok(const struct cz_argon2_params *prm)
{
	return prm->t >= 1 && prm->p >= 1 && prm->p <= 16 &&
	    prm->m_kib >= 8 * prm->p && prm->m_kib <= 4194304;
}

int
cz_password_hash(const struct cz_argon2_params *prm, const char *pw,
    size_t len, char *out, size_t outlen, char *err, size_t errlen)
{
	unsigned char salt[CZ_PASSWORD_SALT];
	size_t need;
	int rc;

	if (outlen > 0)
		out[0] = '\0';
	if (!params_ok(prm)) {
		snprintf(err, errlen, "argon2 parameters out of range");
		return -1;
	}
	if (len > CZ_PASSWORD_MAX_BYTES) {
		snprintf(err, errlen, "password longer than %d bytes",
		    CZ_PASSWORD_MAX_BYTES);
		return -1;
	}
	need = argon2_encodedlen(prm->t, prm->m_kib, prm->p, sizeof(salt),
	    CZ_PASSWORD_HASHLEN, Argon2_id);
	if (need > outlen) {
		snprintf(err, errlen, "encoded hash needs %zu bytes", need);
		return -1;
	}
	if (cz_random_bytes(salt, sizeof(salt)) == -1) {
		snprintf(err, errlen, "getrandom: %s", strerror(errno));
		return -1;
	}
	rc = argon2id_hash_encoded(prm->t, prm->m_kib, prm->p, pw, len, salt,
	    sizeof(salt), CZ_PASSWORD_HASHLEN, out, outlen);
	if (rc != ARGON2_OK) {
		out[0] = '\0';
		snprintf(err, errlen, "argon2: %s", argon2_error_message(rc));
		return -1;
	}
	return 0;
}

int
cz_password_verify(const char *encoded, const char *pw, size_t len)
{
	int rc;

	if (encoded == NULL || strncmp(encoded, "$argon2id$", 10) != 0 ||
	    strlen(encoded) >= CZ_PASSWORD_ENCODED_MAX ||
	    len > CZ_PASSWORD_MAX_BYTES)
		return -1;
	rc = argon2id_verify(encoded, pw, len);
	if (rc == ARGON2_OK)
		return 1;
	if (rc == ARGON2_VERIFY_MISMATCH)
		return 0;
	return -1;
}

void
cz_password_dummy_verify(const struct cz_argon2_params *prm,
    const char *pw, size_t len)
{
	static const unsigned char salt[CZ_PASSWORD_SALT] = "cibozer-dummy-s";
	unsigned char out[CZ_PASSWORD_HASHLEN];

	if (!params_ok(prm) || len > CZ_PASSWORD_MAX_BYTES)
		return;
	(void)argon2id_hash_raw(prm->t, prm->m_kib, prm->p, pw, len, salt,
	    sizeof(salt), out, sizeof(out));
}

/* Reads "<name>=<digits>" at *p, ending at a ',' or a '$' (both left in
 * place). Returns the value, or -1. */
static long long
read_param(const char **p, char name)
{
	char num[16];
	const char *s = *p, *e;
	long long v;
	const char *errstr;

	if (s[0] != name || s[1] != '=')
		return -1;
	s += 2;
	e = s + strcspn(s, ",$");
	if (e == s || (size_t)(e - s) >= sizeof(num))
		return -1;
	memcpy(num, s, (size_t)(e - s));
	num[e - s] = '\0';
	v = cz_strtonum(num, 0, UINT32_MAX, &errstr);
	if (errstr != NULL)
		return -1;
	*p = e;
	return v;
}

int
cz_password_needs_rehash(const char *encoded,
    const struct cz_argon2_params *prm)
{
	const char *p;
	long long m, t, par;

	if (encoded == NULL || strncmp(encoded, "$argon2id$v=19$", 15) != 0)
		return 1;
	p = encoded + 15;
	if ((m = read_param(&p, 'm')) < 0 || *p++ != ',' ||
	    (t = read_param(&p, 't')) < 0 || *p++ != ',' ||
	    (par = read_param(&p, 'p')) < 0 || *p != '$')
		return 1;
	return m != prm->m_kib || t != prm->t || par != prm->p;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
cz_pwlist_load(const char *path, struct cz_pwlist **out, char *err,
    size_t errlen)
{
	struct cz_pwlist *l = NULL;
	FILE *fp = NULL;
	char *p, *line, *nl;
	size_t cap, i, j, n;
	long size;

	*out = NULL;
	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto err;
	}
	if (fseek(fp, 0, SEEK_END) == -1 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto err;
	}
	if (size > CZ_PWLIST_FILE_MAX) {
		snprintf(err, errlen, "%s: larger than %ld bytes", path,
		    CZ_PWLIST_FILE_MAX);
		goto err;
	}
	if ((l = calloc(1, sizeof(*l))) == NULL ||
	    (l->text = malloc((size_t)size + 1)) == NULL)
		goto oom;
	if (fread(l->text, 1, (size_t)size, fp) != (size_t)size) {
		snprintf(err, errlen, "%s: read error", path);
		goto err;
	}
	l->text[size] = '\0';
	/* One pointer per line at most. */
	cap = 1;
	for (p = l->text; (p = strchr(p, '\n')) != NULL; p++)
		cap++;
	if ((l->v = calloc(cap, sizeof(*l->v))) == NULL)
		goto oom;
	for (line = l->text; line != NULL && *line != '\0'; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		n = strlen(line);
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n == 0 || line[0] == '#' || n > CZ_PWLIST_LINE_MAX)
			continue;
		for (i = 0; i < n; i++)
			line[i] = (char)lower((unsigned char)line[i]);
		l->v[l->n++] = line;
	}
	qsort(l->v, l->n, sizeof(*l->v), cmp_str);
	for (i = j = 0; i < l->n; i++)
		if (j == 0 || strcmp(l->v[j - 1], l->v[i]) != 0)
			l->v[j++] = l->v[i];
	l->n = j;
	fclose(fp);
	*out = l;
	return 0;
oom:
	snprintf(err, errlen, "%s: out of memory", path);
err:
	if (fp != NULL)
		fclose(fp);
	cz_pwlist_free(l);
	return -1;
}

void
cz_pwlist_free(struct cz_pwlist *l)
{
	if (l == NULL)
		return;
	free(l->v);
	free(l->text);
	free(l);
}

size_t
cz_pwlist_count(const struct cz_pwlist *l)
{
	return l == NULL ? 0 : l->n;
}

int
cz_pwlist_contains(const struct cz_pwlist *l, const char *pw, size_t len)
{
	char key[CZ_PWLIST_LINE_MAX + 1];
	const char *kp = key;
	size_t i;

	if (l == NULL || l->n == 0 || len > CZ_PWLIST_LINE_MAX ||
	    memchr(pw, '\0', len) != NULL)
		return 0;
	for (i = 0; i < len; i++)
		key[i] = (char)lower((unsigned char)pw[i]);
	key[len] = '\0';
	return bsearch(&kp, l->v, l->n, sizeof(*l->v), cmp_str) != NULL;
}

/* Whether a[0..alen) equals b[0..blen) ignoring ASCII case. */
static int
equal_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i;

	if (alen != blen)
		return 0;
	for (i = 0; i < alen; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

enum cz_pw_policy
cz_password_check(const char *pw, size_t len, const char *email,
    const struct cz_pwlist *list)
{
	const char *at;
	size_t i, chars = 0, elen;

	if (pw == NULL || cz_has_nul(pw, len) || !cz_utf8_valid(pw, len))
		return CZ_PW_INVALID;
	if (len > CZ_PASSWORD_MAX_BYTES)
		return CZ_PW_TOO_LONG;
	for (i = 0; i < len; i++)
		if (((unsigned char)pw[i] & 0xc0) != 0x80)
			chars++;
	if (chars < CZ_PASSWORD_MIN)
		return CZ_PW_TOO_SHORT;
	if (chars > CZ_PASSWORD_MAX)
		return CZ_PW_TOO_LONG;
	if (email != NULL) {
		while (*email == ' ' || *email == '\t')
			email++;
		elen = strcspn(email, " \t\r\n");
		at = memchr(email, '@', elen);
		if (equal_nocase(pw, len, email, elen) ||
		    (at != NULL && equal_nocase(pw, len, email,
		    (size_t)(at - email))))
			return CZ_PW_IS_EMAIL;
	}
	if (cz_pwlist_contains(list, pw, len))
		return CZ_PW_COMMON;
	return CZ_PW_OK;
}

const char *
cz_password_policy_message(enum cz_pw_policy r)
{
	if ((unsigned)r > CZ_PW_COMMON)
		return "is not acceptable";
	return policy_msg[r];
}
