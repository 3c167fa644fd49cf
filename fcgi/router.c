/*
 * router.c - matches request paths against the route table segment by
 * segment, parsing typed parameters. See router.h.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "numparse.h"
#include "params.h"
#include "router.h"
#include "utf8.h"

enum ptype { P_LITERAL, P_INT, P_SLUG, P_STR, P_BAD };

/* Splits the next segment off *p ("/a/b" → "a"). */
static int
next_segment(const char **p, const char **seg, size_t *len)
{
	const char *s = *p;

	if (*s != '/')
		return 0;
	s++;
	*seg = s;
	while (*s != '\0' && *s != '/')
		s++;
	*len = (size_t)(s - *seg);
	*p = s;
	return 1;
}

static enum ptype
param_type(const char *seg, size_t len, const char **name, size_t *name_len)
{
	const char *colon;

	if (len < 2 || seg[0] != '{' || seg[len - 1] != '}')
		return P_LITERAL;
	*name = seg + 1;
	colon = memchr(seg, ':', len);
	if (colon == NULL) {
		*name_len = len - 2;
		return P_STR;
	}
	*name_len = (size_t)(colon - seg - 1);
	if (*name_len == 0)
		return P_BAD;
	if ((size_t)(seg + len - 1 - colon - 1) == 3 &&
	    strncmp(colon + 1, "int", 3) == 0)
		return P_INT;
	if ((size_t)(seg + len - 1 - colon - 1) == 4 &&
	    strncmp(colon + 1, "slug", 4) == 0)
		return P_SLUG;
	if ((size_t)(seg + len - 1 - colon - 1) == 3 &&
	    strncmp(colon + 1, "str", 3) == 0)
		return P_STR;
	return P_BAD;
}

static int
is_slug(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/* Matches one pattern; on success fills m's parameters. */
static int
match(const char *pattern, const char *path, cz_arena *a,
    struct cz_route_match *m)
{
	const char *pp = pattern, *rp = path, *pseg = NULL, *rseg = NULL;
	const char *name = NULL, *errstr;
	size_t plen = 0, rlen = 0, name_len = 0;
	struct cz_path_param *prm;
	ssize_t dlen;
	char *val;

	m->nparams = 0;
	if (strcmp(pattern, "/") == 0)
		return strcmp(path, "/") == 0;
	for (;;) {
		int pmore = next_segment(&pp, &pseg, &plen);
		int rmore = next_segment(&rp, &rseg, &rlen);

		if (!pmore || !rmore)
			return !pmore && !rmore && *rp == '\0';
		switch (param_type(pseg, plen, &name, &name_len)) {
		case P_LITERAL:
			if (plen != rlen || memcmp(pseg, rseg, plen) != 0)
				return 0;
			continue;
		case P_BAD:
			return 0;
		case P_INT:
		case P_SLUG:
		case P_STR:
			break;
		}
		if (rlen == 0 || m->nparams == CZ_ROUTE_MAX_PARAMS)
			return 0;
		if ((val = cz_arena_alloc(a, rlen + 1)) == NULL)
			return 0;
		dlen = cz_percent_decode(val, rseg, rlen, 0);
		if (dlen <= 0 || memchr(val, '/', (size_t)dlen) != NULL ||
		    cz_has_nul(val, (size_t)dlen) ||
		    !cz_utf8_valid(val, (size_t)dlen))
			return 0;
		prm = &m->params[m->nparams];
		prm->name = name;
		prm->name_len = name_len;
		prm->value = val;
		prm->num = 0;
		switch (param_type(pseg, plen, &name, &name_len)) {
		case P_INT:
			prm->num = cz_strtonum(val, 1, LLONG_MAX, &errstr);
			if (errstr != NULL)
				return 0;
			break;
		case P_SLUG:
			if (!is_slug(val, (size_t)dlen))
				return 0;
			break;
		default:
			break;
		}
		m->nparams++;
	}
}

static int
method_matches(const char *route_method, const char *method)
{
	if (strcmp(route_method, method) == 0)
		return 1;
	return strcmp(route_method, "GET") == 0 && strcmp(method, "HEAD") == 0;
}

static void
allow_add(char *allow, size_t len, const char *method)
{
	char token[16];

	snprintf(token, sizeof(token), "%s", method);
	if (strstr(allow, token) != NULL)
		return;
	if (*allow != '\0')
		strncat(allow, ", ", len - strlen(allow) - 1);
	strncat(allow, method, len - strlen(allow) - 1);
	if (strcmp(method, "GET") == 0)
		allow_add(allow, len, "HEAD");
}

int
cz_router_check(const struct cz_route *table, size_t n, char *err,
    size_t errlen)
{
	const char *p, *seg, *name;
	size_t i, len, name_len, nparams;

	for (i = 0; i < n; i++) {
		p = table[i].pattern;
		nparams = 0;
		if (p[0] != '/' || table[i].handler == NULL ||
		    table[i].name == NULL || table[i].method == NULL)
			goto bad;
		if (strcmp(p, "/") == 0)
			continue;
		while (next_segment(&p, &seg, &len)) {
			if (len == 0)
				goto bad;
			switch (param_type(seg, len, &name, &name_len)) {
			case P_BAD:
				goto bad;
			case P_LITERAL:
				if (memchr(seg, '{', len) || memchr(seg, '}', len))
					goto bad;
				break;
			default:
				if (++nparams > CZ_ROUTE_MAX_PARAMS)
					goto bad;
			}
		}
		if (*p != '\0')
			goto bad;
	}
	return 0;
bad:
	snprintf(err, errlen, "route %zu (%s %s) is malformed", i,
	    table[i].method ? table[i].method : "?", table[i].pattern);
	return -1;
}

/* Whether the first segment of pattern is a literal other than the
 * path's: a one-pass test that rejects most of the table before match()
 * parses a pattern. */
static int
first_segment_differs(const char *pattern, const char *path)
{
	const char *p = pattern + 1, *q = path + 1;

	if (*p == '{')
		return 0;
	while (*p != '\0' && *p != '/' && *p == *q) {
		p++;
		q++;
	}
	return !((*p == '\0' || *p == '/') && (*q == '\0' || *q == '/'));
}

enum cz_route_result
cz_route(const struct cz_route *table, size_t n, const char *method,
    const char *path, cz_arena *a, struct cz_route_match *m)
{
	size_t i;
	int path_known = 0;

	memset(m, 0, sizeof(*m));
	if (path[0] != '/' || strlen(path) > CZ_ROUTE_MAX_PATH)
		return CZ_ROUTE_NOT_FOUND;
	for (i = 0; i < n; i++) {
		if (first_segment_differs(table[i].pattern, path) ||
		    !match(table[i].pattern, path, a, m))
			continue;
		if (method_matches(table[i].method, method)) {
			m->route = &table[i];
			m->index = i;
			return CZ_ROUTE_FOUND;
		}
		path_known = 1;
		allow_add(m->allow, sizeof(m->allow), table[i].method);
	}
	m->nparams = 0;
	return path_known ? CZ_ROUTE_BAD_METHOD : CZ_ROUTE_NOT_FOUND;
}

const struct cz_path_param *
cz_route_param(const struct cz_route_match *m, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < m->nparams; i++)
		if (m->params[i].name_len == len &&
		    memcmp(m->params[i].name, name, len) == 0)
			return &m->params[i];
	return NULL;
}
